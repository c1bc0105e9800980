-- Issue 24, AUDIT (docs/personal-data.md): the audit trail (audit_entry) and the access records
-- (personal_data_access) stay append-only — every update and every delete is refused — except the retention purge's
-- delete of an entry past its period. The purge names its cut-off for its own transaction only
-- (set local kczg.audit_purge_before, kit/privacy/AuditRetention); a delete goes through only for an entry older than
-- that cut-off AND older than 180 days by the database's own clock (Cybersecurity Law Art. 21: at least six months),
-- so neither a delete without the setting nor one under a forged or mistaken setting removes a young entry.
-- A trigger rather than a security-definer function: the services own their schemas, so a definer's rights would add
-- nothing, while the trigger holds for every role and every path (SQL consoles included).
-- Repeatable: personal_data_access is each service's own migration, which runs before the repeatable ones.
create or replace function audit_purge_before() returns timestamptz language sql stable as $$
    select least(coalesce(cast(nullif(current_setting('kczg.audit_purge_before', true), '') as timestamptz),
                          '-infinity'), now() - interval '180 days')
$$;

create or replace function audit_entry_is_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' and old.occurred_at < audit_purge_before() then
        return old;
    end if;
    raise exception 'audit_entry is append-only';
end $$;

create or replace function personal_data_access_is_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' and old.occurred_at < audit_purge_before() then
        return old;
    end if;
    raise exception 'personal_data_access is append-only';
end $$;

create index if not exists audit_entry_occurred on audit_entry (occurred_at);
create index if not exists personal_data_access_occurred on personal_data_access (occurred_at);
