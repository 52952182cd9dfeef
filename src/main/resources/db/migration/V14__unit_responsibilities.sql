-- directory: each unit's published responsibilities (职责清单), one duty per line, in the words citizens use as well as
-- the official ones. The routing suggestions (issue 16) read them as what the unit answers for, beside the dispatch
-- centre's past dispatches; administrators edit them (PUT /api/units/{code}/responsibilities). The texts below are
-- a start written from the departments' usual published duties; a city replaces them with its own lists.
alter table unit
  add column responsibilities    text check (length(responsibilities) <= 4000),
  -- who last changed them and when (null: as shipped)
  add column responsibilities_by varchar(64),
  add column responsibilities_at timestamptz;

update unit set responsibilities = $$市容市貌和环境卫生：道路清扫保洁，生活垃圾的收集和清运，垃圾站、垃圾桶满溢、垃圾没人收，公共厕所（公厕）的管理、开放和保洁
生活垃圾分类，建筑垃圾和渣土运输、渣土车撒漏，餐厨垃圾
城市道路照明：路灯不亮、路灯坏了、路灯损坏、景观照明、亮化
占道经营、流动摊贩、马路市场、夜市摊点、店外经营的管理
户外广告、店招店牌、乱贴乱画小广告、横幅
城市管理综合执法：违法建设和违章搭建的查处，餐饮油烟扰民，露天烧烤，建筑工地夜间施工噪声的执法
市政设施：市政道路和人行道破损、坑洼、井盖缺失或松动、桥梁、地下通道、人行天桥
城镇燃气的行业管理：燃气供应、燃气安全、燃气泄漏、天然气、液化气
城市绿化和行道树：树木修剪、行道树倒伏、绿地、花坛、飞絮，共享单车乱停放的清理$$ where code = 'cgw';

update unit set responsibilities = $$社会治安：打架斗殴、盗窃、抢劫、诈骗和电信网络诈骗、赌博、吸毒、卖淫嫖娼、黑恶势力，报警、求助、寻人、走失
道路交通管理（交警）：交通违法和违章的处理、电子眼、违章停车、乱停车、占用消防通道、交通信号灯、交通拥堵疏导、交通事故、酒驾、飙车、改装车炸街
驾驶证和机动车登记、电动自行车上牌
户籍和身份证：落户、户口迁移、身份证办理、居住证办理
出入境证件：护照、港澳通行证、签注
社会生活噪声扰民：邻居噪音、深夜唱歌、装修噪音、广场舞音响、KTV和酒吧噪音、深夜喧哗
养犬管理：犬只登记、遛狗不拴绳、烈性犬、狗咬人$$ where code = 'gaj';

update unit set responsibilities = $$公共交通：公交线路、公交站点、公交车班次和发车间隔、公交车司机服务态度、公交卡、公交优化
出租车和网约车：拒载、绕路、乱收费、议价、服务投诉
地铁和轨道交通的运营服务：地铁班次、地铁站出入口、换乘、地铁拥挤
道路运输和客运站、长途客车、旅游包车、货车和物流运输
公路和农村公路的建设养护、高速公路，共享单车的投放和运营管理
驾校培训和机动车维修的行业管理$$ where code = 'jtj';

update unit set responsibilities = $$劳动保障监察：拖欠工资、欠薪、农民工工资、讨薪，劳动合同、加班费、辞退和解除劳动合同的补偿、试用期
社会保险：养老保险、失业保险、工伤保险的缴纳、补缴、转移和待遇，社保卡，退休手续和养老金
就业创业：就业服务、招聘、失业登记、失业金、创业补贴、灵活就业人员
职业技能培训和职业资格证书、职称评定、人才政策、人才补贴和引进
劳动人事争议仲裁、工伤认定$$ where code = 'rsj';

update unit set responsibilities = $$义务教育：小学和初中入学、学位、招生划片、转学、学籍、积分入学
幼儿园：入园、普惠性幼儿园、幼儿园收费
中小学校的管理：教学、课业负担、作业太多、课后服务、校服、学校食堂、校车、学校乱收费、放学时间
教师：师德师风、体罚学生、有偿补课
校外培训机构的监管、高中和中职招生、高考和中考、学生资助和助学金$$ where code = 'jyj';

update unit set responsibilities = $$医疗机构和医疗服务：医院、诊所、看病难、挂号、医生和护士的态度、医疗纠纷、医疗收费、住院
公共卫生：传染病防控、流感、疫情、疫苗接种、预防接种、健康体检
卫生监督：非法行医、无证诊所、黑诊所、医疗美容机构、公共场所卫生
生育登记、母婴保健、出生医学证明、生育政策和生育补贴、托育服务
急救120、院前急救，医养结合、老年健康，爱国卫生和病媒生物防制（灭鼠、蚊虫）$$ where code = 'wjw';

update unit set responsibilities = $$物业管理：物业服务质量、物业公司、物业费、业主委员会、小区公共收益、住宅专项维修资金、共用设施设备的维修
房地产市场：商品房销售、开发商、延期交房、房屋质量、网签备案、购房合同、购房政策和限购
住房租赁：租房中介、长租公寓、押金不退
保障性住房：公租房、人才公寓、住房保障
建筑工程：建筑工地和施工安全、塔吊、脚手架、工地扬尘、工程质量、建筑市场
既有住宅加装电梯的政策、城市更新和棚户区改造的政策$$ where code = 'zjj';

update unit set responsibilities = $$大气污染和空气质量：雾霾、PM2.5、工厂排放废气、冒烟、异味、臭气，锅炉，露天焚烧
水污染：企业排污、偷排污水、河流水体污染、黑臭水体
工业企业噪声、固体废物和危险废物、辐射和电磁辐射（基站）
环境影响评价（环评）、排污许可、生态环境保护督察$$ where code = 'sthjj';

update unit set responsibilities = $$食品安全：餐馆和饭店卫生、过期食品、食物中毒、外卖、食品添加剂
消费者权益保护：消费纠纷、退款、预付卡和充值卡跑路、健身房和美容店办卡、商家欺诈、霸王条款
价格监管：乱收费、价格欺诈、明码标价、收费标准
商品和服务质量、虚假广告、网络购物、直播带货、假冒伪劣
特种设备安全（电梯、锅炉、游乐设施）、计量（缺斤少两）、药品和医疗器械、药店
营业执照和市场主体登记、个体工商户、无证无照经营$$ where code = 'scjgj';

update unit set responsibilities = $$城市供水：停水、水压低、水质浑浊、自来水发黄、水费、供水管道爆管
排水：排水管网、污水管道堵塞、污水冒溢、下水道、雨水井
防汛：内涝、道路积水、下雨积水
河道和水利：河道管理、河道垃圾、堤防、水库、灌溉、节约用水$$ where code = 'swj';

update unit set responsibilities = $$社会救助：低保、特困供养、临时救助、流浪乞讨人员救助
养老服务：养老院、养老机构、居家养老、高龄津贴、老年人补贴
残疾人两项补贴、儿童福利、孤儿、留守儿童
婚姻登记（结婚登记领证、离婚登记）、殡葬管理（公墓、殡仪馆）、地名门牌
社会组织登记和管理、慈善募捐、志愿服务$$ where code = 'mzj';

update unit set responsibilities = $$城乡规划：规划许可、规划调整、控制性详细规划、建筑间距和日照、规划公示
不动产登记：房产证、不动产权证办理、产权过户、抵押登记
土地：土地征收的审批、土地利用、耕地保护、违法占地
测绘、地质灾害防治、矿产资源$$ where code = 'ghzrj';

-- The districts answer for local matters (属地管理): the same duties, each for its own area.
update unit set responsibilities = $$街道办事处和社区的工作：便民服务中心、社区服务、社区工作人员、网格化管理、社区出具的证明
无物业管理的老旧院落的环境和设施、房屋安全隐患的排查
老旧小区改造的实施、城中村改造、房屋征收和拆迁安置补偿、安置房建设
区属农贸市场的建设和管理
邻里纠纷的人民调解，社区公共服务设施和公共空间的建设和管理
辖区的综合治理：景区和商圈周边秩序，涉及多个部门的辖区综合问题
区政府的民生实事、区内的政务公开和信息公开$$ where kind = 'DISTRICT';
