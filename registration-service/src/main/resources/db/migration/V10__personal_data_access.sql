-- Issue 24: every read of personal data by staff (service-kit's PersonalDataReads), the same table in every service.
-- Append-only like audit_entry; the values read are never kept, only the fields' names.
create table personal_data_access (
    id          bigint generated always as identity primary key,
    occurred_at timestamptz not null,
    actor       text        not null,
    actor_roles text        not null,
    object_type text        not null,
    object_id   text,
    fields      text        not null,
    kinds       text        not null,
    method      text        not null,
    request_id  text
);
create index personal_data_access_actor on personal_data_access (actor, id);
create index personal_data_access_object on personal_data_access (object_type, object_id);

create function personal_data_access_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'personal_data_access is append-only';
end $$;
create trigger personal_data_access_append_only before update or delete on personal_data_access
    for each row execute function personal_data_access_is_append_only();
