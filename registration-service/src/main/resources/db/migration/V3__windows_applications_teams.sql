create table registration_window (
    id              uuid primary key,
    year            integer     not null,
    opens_at        timestamptz not null,
    closes_at       timestamptz not null,
    note            text,
    closed_early_at timestamptz,
    created_by      text,
    created_at      timestamptz not null,
    version         bigint      not null default 0,
    check (closes_at > opens_at)
);
create index registration_window_span on registration_window (opens_at, closes_at);

create table team_application (
    id                    uuid primary key,
    lead_unit_credit_code varchar(18) not null,
    lead_unit_name        text,
    lead_unit_category    varchar(40),
    name                  text,
    service_content       text,
    status                varchar(20) not null,
    year                  integer,
    content               jsonb       not null,
    submission_count      integer     not null default 0,
    decision_reasons      jsonb,
    team_id               uuid,
    created_by            text,
    created_at            timestamptz not null,
    updated_at            timestamptz not null,
    submitted_at          timestamptz,
    decided_at            timestamptz,
    version               bigint      not null default 0
);
create index team_application_lead_unit on team_application (lead_unit_credit_code, status);
create index team_application_status on team_application (status, year);

create table team (
    id                    uuid primary key,
    application_id        uuid        not null unique references team_application (id),
    name                  text        not null,
    lead_unit_credit_code varchar(18) not null,
    lead_unit_name        text,
    lead_unit_category    varchar(40),
    year                  integer     not null,
    status                varchar(20) not null,
    status_reason         text,
    service_content       text,
    categories            varchar[]   not null default '{}',
    pilot_cities          varchar[]   not null default '{}',
    other_regions         varchar[]   not null default '{}',
    key_fields            varchar[]   not null default '{}',
    members               jsonb,
    partner_units         jsonb,
    handler               jsonb,
    activated_at          timestamptz not null,
    status_changed_at     timestamptz,
    version               bigint      not null default 0
);
-- Art. 4: one name per live team, whatever the application bookkeeping says
create unique index team_live_name on team (name) where status in ('ACTIVE', 'SUSPENDED');
create index team_lead_unit on team (lead_unit_credit_code);
create index team_categories on team using gin (categories);
create index team_pilot_cities on team using gin (pilot_cities);

-- the name a pending application or live team holds (see TeamNames)
create table team_name (
    name           text primary key,
    application_id uuid not null unique,
    team_id        uuid
);
