-- routing: the suggestion made for each review task of an appeal (issue 16), when the dispatcher first opened its form
-- (or when the task was completed without it), and what the dispatcher chose, for the figures of suggestion accuracy.
-- An appeal back in review after a return the dispatch centre agreed to has a second review task, and a second row.
create table routing_suggestion (
  task_id        varchar(64)  primary key,
  appeal_id      bigint       not null references appeal (id),
  suggested_at   timestamptz  not null,
  -- when the review form first showed it (null: the task was completed without the form, e.g. through the API)
  shown_at       timestamptz,
  -- the first suggested unit, its share of the score (0-1) and where it came from; null when nothing was suggested
  unit_code      varchar(32),
  unit_score     numeric(5, 4),
  unit_source    varchar(16)  check (unit_source in ('RULE', 'LEARNED', 'RESPONSIBILITIES')),
  -- the first three units as the form showed them: [{"code", "name", "score", "source"}]
  units          jsonb        not null,
  rule_note      text,
  appeal_type    varchar(16),
  complexity     varchar(16),
  urgent         boolean      not null,
  -- the review's outcome: the unit chosen (null when the appeal was not accepted) and whether it was the suggestion
  decided_at     timestamptz,
  chosen_unit    varchar(32),
  accepted       boolean
);
create index routing_suggestion_appeal_idx on routing_suggestion (appeal_id);
create index routing_suggestion_decided_idx on routing_suggestion (decided_at);
