-- 痕迹管理: the appeal journal becomes tamper-evident. Events are written in the step's transaction as before; a
-- sealer then appends each committed event to one hash chain (chain_seq 1, 2, 3, ...): hash = SHA-256 of the event's
-- content and of the previous event's hash. GET /api/audit/verify recomputes the chain.
alter table appeal_event
  add column chain_seq bigint unique,
  add column prev_hash char(64),
  add column hash      char(64);

create index appeal_event_unsealed_idx on appeal_event (id) where chain_seq is null;

-- Append-only: an event's content never changes and no event is deleted; the sealer may only fill in its seal once.
-- (Someone with the rights to disable this trigger can still edit rows; the chain is what shows it.)
create function appeal_event_append_only() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    raise exception 'appeal_event is append-only: events are never deleted';
  end if;
  if old.chain_seq is not null
      or new.id <> old.id or new.appeal_id <> old.appeal_id or new.occurred_at <> old.occurred_at
      or new.type <> old.type or new.actor <> old.actor or new.actor_unit is distinct from old.actor_unit
      or new.detail <> old.detail then
    raise exception 'appeal_event is append-only: event % cannot be changed', old.id;
  end if;
  return new;
end $$;

create trigger appeal_event_append_only before update or delete on appeal_event
  for each row execute function appeal_event_append_only();
