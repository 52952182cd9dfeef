-- The words of each appeal (Lucene smartcn, stop words removed) are now written once, when the appeal arrives, in
-- the intake's own transaction, by the text capability that owns them; the duplicate check at review and the hot
-- topics read them. appeal_words says which appeals are indexed and how many distinct words each has (the
-- denominator of the duplicate check), replacing the flag the indexer kept on the appeal row.
create table appeal_words (
  appeal_id  bigint      primary key references appeal (id),
  words      int         not null,
  indexed_at timestamptz not null
);
insert into appeal_words (appeal_id, words, indexed_at)
  select a.id, (select count(*) from appeal_term t where t.appeal_id = a.id), a.terms_at
  from appeal a where a.terms_at is not null;
drop index appeal_terms_pending_idx;
alter table appeal drop column terms_at;

