-- Reports (统计报表): figures are computed from the appeal table and the tables of returns, extensions and
-- supervision notices, never from Camunda's history.

-- A period's appeals are found by appeal_received_idx (V1): MonthlyReportBenchmark measured that a covering index
-- with every column the figures read is not chosen by the planner and gains nothing (see README, "Reports").

-- Hot topics (热点): the words of each appeal (Lucene smartcn), written once by the term indexer, counted per period.
create table appeal_term (
  appeal_id   bigint      not null references appeal (id),
  received_at timestamptz not null,
  term        varchar(32) not null,
  primary key (appeal_id, term)
);
create index appeal_term_period_idx on appeal_term (received_at, term);

alter table appeal add column terms_at timestamptz;
create index appeal_terms_pending_idx on appeal (id) where terms_at is null;
