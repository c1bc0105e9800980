-- The outbox relay parks a row the broker will never take (too large, invalid topic): it stays here with the
-- reason, staff see it, and the rows behind it flow on. Repeatable and idempotent, so it applies to installations
-- whose own migrations are already past V1.
alter table outbox_event add column if not exists parked_at timestamptz;
alter table outbox_event add column if not exists park_reason text;
drop index if exists outbox_event_unsent;
create index if not exists outbox_event_pending on outbox_event (id) where sent_at is null and parked_at is null;
create index if not exists outbox_event_parked on outbox_event (id) where parked_at is not null;
