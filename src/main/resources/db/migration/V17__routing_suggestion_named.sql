-- routing: a suggested unit may also come from the citizen naming it in a request (NAMED, "来信点名"; see V16).
alter table routing_suggestion drop constraint routing_suggestion_unit_source_check;
alter table routing_suggestion
  add constraint routing_suggestion_unit_source_check
  check (unit_source in ('RULE', 'NAMED', 'LEARNED', 'RESPONSIBILITIES'));
