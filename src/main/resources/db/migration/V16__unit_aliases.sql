-- directory: the names citizens call each unit by (称呼: 派出所 for 市公安局, 城管 for 市城管委, 区上 or 街道 for a
-- district), one per line. A citizen who asks a unit by name ("请环保部门来查", "@成都城管") usually asks the right
-- one, so the routing suggestions put a unit named in a request first, after the supervision office's rules
-- (issue 16). Place names are not aliases: "金牛区天回镇的公交线路" says where, not who. Administrators change them
-- (PUT /api/units/{code}/aliases) with the responsibilities, and responsibilities_by/_at say who did last. The
-- districts share theirs, as they share the local matters; other units may not share one (it would name neither).
alter table unit
  add column aliases text check (length(aliases) <= 1000);

update unit set aliases = E'公安\n派出所\n民警\n警察\n交警\n110\n巡警\n特警' where code = 'gaj';
update unit set aliases = E'城管\n城市管理\n环卫\n市容' where code = 'cgw';
update unit set aliases = E'交通局\n交通部门\n交通运输\n运管\n交委' where code = 'jtj';
update unit set aliases = E'人社\n社保局\n劳动监察\n劳动保障\n仲裁委' where code = 'rsj';
update unit set aliases = E'教育局\n教育部门\n教委' where code = 'jyj';
update unit set aliases = E'卫健\n卫生部门\n卫生执法\n卫生监督\n卫生局\n疾控' where code = 'wjw';
update unit set aliases = E'住建\n房管\n建委' where code = 'zjj';
update unit set aliases = E'环保\n生态环境\n环境局' where code = 'sthjj';
update unit set aliases = E'市场监管\n工商\n质监\n食药监\n12315\n消协' where code = 'scjgj';
update unit set aliases = E'水务\n自来水公司' where code = 'swj';
update unit set aliases = E'民政' where code = 'mzj';
update unit set aliases = E'规划\n自然资源\n国土' where code = 'ghzrj';
update unit set aliases = E'街道\n社区\n区上\n区政府\n居委会\n镇政府\n乡政府' where kind = 'DISTRICT';
