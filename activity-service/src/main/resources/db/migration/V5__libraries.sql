-- pg_trgm is a trusted extension: the schema owner may create it
create extension if not exists pg_trgm;

create table library_entry (
    id                    uuid primary key,
    team_id               uuid        not null,
    lead_unit_credit_code varchar(18) not null,
    kind                  varchar(20) not null,
    title                 text        not null,
    industry_field        text,
    region                text,
    description           text,
    repository_url        text,
    licence               varchar(50),
    status                varchar(20) not null,
    reject_reason         text,
    created_at            timestamptz not null,
    updated_at            timestamptz not null,
    published_at          timestamptz,
    version               bigint      not null default 0
);
create index library_entry_status on library_entry (status, kind);
create index library_entry_team on library_entry (team_id);
create index library_entry_title_trgm on library_entry using gin (lower(title) gin_trgm_ops);
create index library_entry_description_trgm on library_entry using gin (lower(coalesce(description, '')) gin_trgm_ops);
