-- A Chengdu-like directory of handling units and leader mailboxes. Administrators maintain it afterwards;
-- each unit is mirrored as a Camunda group (id = code) at start-up.

insert into unit (code, name, kind, parent_code, email) values
  ('cgw',   '市城管委',           'CITY_DEPARTMENT', null, 'cgw@units.wenzheng.local'),
  ('gaj',   '市公安局',           'CITY_DEPARTMENT', null, 'gaj@units.wenzheng.local'),
  ('jtj',   '市交通运输局',       'CITY_DEPARTMENT', null, 'jtj@units.wenzheng.local'),
  ('rsj',   '市人社局',           'CITY_DEPARTMENT', null, 'rsj@units.wenzheng.local'),
  ('jyj',   '市教育局',           'CITY_DEPARTMENT', null, 'jyj@units.wenzheng.local'),
  ('wjw',   '市卫健委',           'CITY_DEPARTMENT', null, 'wjw@units.wenzheng.local'),
  ('zjj',   '市住建局',           'CITY_DEPARTMENT', null, 'zjj@units.wenzheng.local'),
  ('sthjj', '市生态环境局',       'CITY_DEPARTMENT', null, 'sthjj@units.wenzheng.local'),
  ('scjgj', '市市场监管局',       'CITY_DEPARTMENT', null, 'scjgj@units.wenzheng.local'),
  ('swj',   '市水务局',           'CITY_DEPARTMENT', null, 'swj@units.wenzheng.local'),
  ('mzj',   '市民政局',           'CITY_DEPARTMENT', null, 'mzj@units.wenzheng.local'),
  ('ghzrj', '市规划和自然资源局', 'CITY_DEPARTMENT', null, 'ghzrj@units.wenzheng.local'),
  ('jjq',   '锦江区',             'DISTRICT',        null, 'jjq@units.wenzheng.local'),
  ('qyq',   '青羊区',             'DISTRICT',        null, 'qyq@units.wenzheng.local'),
  ('jnq',   '金牛区',             'DISTRICT',        null, 'jnq@units.wenzheng.local'),
  ('whq',   '武侯区',             'DISTRICT',        null, 'whq@units.wenzheng.local'),
  ('chq',   '成华区',             'DISTRICT',        null, 'chq@units.wenzheng.local');

insert into unit (code, name, kind, parent_code, email) values
  ('jjqcxl',  '锦江区春熙路街道',   'STREET', 'jjq', 'jjqcxl@units.wenzheng.local'),
  ('jjqsyj',  '锦江区书院街街道',   'STREET', 'jjq', 'jjqsyj@units.wenzheng.local'),
  ('qyqct',   '青羊区草堂街道',     'STREET', 'qyq', 'qyqct@units.wenzheng.local'),
  ('qyqsc',   '青羊区少城街道',     'STREET', 'qyq', 'qyqsc@units.wenzheng.local'),
  ('jnqthz',  '金牛区天回镇街道',   'STREET', 'jnq', 'jnqthz@units.wenzheng.local'),
  ('jnqhhc',  '金牛区荷花池街道',   'STREET', 'jnq', 'jnqhhc@units.wenzheng.local'),
  ('whqhpl',  '武侯区红牌楼街道',   'STREET', 'whq', 'whqhpl@units.wenzheng.local'),
  ('whqjxj',  '武侯区浆洗街街道',   'STREET', 'whq', 'whqjxj@units.wenzheng.local'),
  ('chqsqz',  '成华区双桥子街道',   'STREET', 'chq', 'chqsqz@units.wenzheng.local'),
  ('chqmzw',  '成华区猛追湾街道',   'STREET', 'chq', 'chqmzw@units.wenzheng.local');

insert into mailbox (code, name, unit_code) values
  ('secretary', '市委书记信箱', null),
  ('mayor',     '市长信箱',     null),
  ('jjq',       '锦江区区长信箱', 'jjq'),
  ('qyq',       '青羊区区长信箱', 'qyq'),
  ('jnq',       '金牛区区长信箱', 'jnq'),
  ('whq',       '武侯区区长信箱', 'whq'),
  ('chq',       '成华区区长信箱', 'chq');
