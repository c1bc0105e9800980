-- Tables every service has in its own schema (common/service-kit). Services number their own
-- migrations from V2 in db/migration.

create table outbox_event (
    id             bigint generated always as identity primary key,
    event_id       uuid        not null unique,
    topic          text        not null,
    event_type     text        not null,
    aggregate_id   text        not null,
    envelope       text        not null,
    created_at     timestamptz not null,
    sent_at        timestamptz
);
create index outbox_event_unsent on outbox_event (id) where sent_at is null;

create table processed_event (
    event_id     uuid        not null,
    consumer     text        not null,
    processed_at timestamptz not null,
    primary key (event_id, consumer)
);

create table audit_entry (
    id             bigint generated always as identity primary key,
    occurred_at    timestamptz not null,
    actor          text,
    actor_role     text        not null,
    action         text        not null,
    aggregate_type text        not null,
    aggregate_id   text        not null,
    reason         text,
    request_id     text
);
create index audit_entry_aggregate on audit_entry (aggregate_type, aggregate_id);

create function audit_entry_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_entry is append-only';
end $$;
create trigger audit_entry_append_only before update or delete on audit_entry
    for each row execute function audit_entry_is_append_only();
