-- Published read models (issue 15). A capability's tables are its own: only the owner writes them and only the owner
-- reads them (db/table-owners.properties, TableOwnershipTest). What other capabilities may read by SQL, for the joins
-- and figures that Java calls cannot do at the scale of 100,000 appeals (reports, the public board, Open311, the
-- word index), each owner publishes here, in schema "published", as views with the columns it answers for. The
-- owner may change its tables as long as it keeps these views; a reader that needs another column asks the owner to
-- publish it. The views are plain (one table each), so PostgreSQL plans a query on them exactly as on the table.
create schema if not exists published;

-- appeal: the appeal as others may read it. Not the citizen's contacts (phone, e-mail), the channel's message id
-- (which names the citizen's account on some channels) or the engine's instance id. The citizen's name is here only
-- so that public pages can mask it in the text they show (publicboard.PublicText).
create view published.appeal as
  select id, tracking_number, channel, title, content, requested_type, mailbox_code, citizen_name,
         district, street, address, lat, lon, status, urgent, appeal_type, complexity, department_code,
         reject_reason, reject_note, handling_outcome, reply_text, returns_count, redo_count, return_allowed,
         satisfaction, rated_by, conclusion, merged_into, publishable,
         received_at, reviewed_at, dispatched_at, acknowledged_at, handled_at, replied_at, visited_at, concluded_at,
         archived_at, updated_at, response_due_at, resolution_due_at, response_overdue, resolution_overdue
  from appeal;

-- appeal: the returns (退单) of an appeal and how the dispatch centre decided them.
create view published.appeal_return as
  select id, appeal_id, department_code, reason, returned_at, decision, justified, decision_note, decided_at
  from appeal_return;

-- supervision: extension requests (延期申请) and supervision notices (督办), as the reports count them.
create view published.extension_request as
  select id, appeal_id, department_code, requested_at, requested_until, status, decided_at
  from extension_request;

create view published.supervision_notice as
  select id, appeal_id, kind, department_code, issued_at, deadline_at, outcome, outcome_at
  from supervision_notice;

-- text: the words of each appeal (hot topics count them per period).
create view published.appeal_term as
  select appeal_id, received_at, term
  from appeal_term;
