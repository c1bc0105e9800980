-- projection of registration-service's teams (for Art. 8 counting)
create table team (
    team_id               uuid primary key,
    application_id        uuid        not null,
    lead_unit_credit_code varchar(18) not null,
    status                varchar(20) not null
);
create index team_lead_unit on team (lead_unit_credit_code, status);
create index team_application on team (application_id);

create table review_case (
    id                    uuid primary key,
    application_id        uuid        not null unique,
    lead_unit_credit_code varchar(18) not null,
    lead_unit_name        text,
    lead_unit_category    varchar(40) not null,
    year                  integer     not null,
    application_name      text,
    status                varchar(20) not null,
    claimed_by            text,
    claimed_at            timestamptz,
    priority              double precision not null default 0,
    priority_parts        jsonb,
    checks                jsonb,
    holds_slot            boolean     not null default false,
    submission_count      integer     not null default 1,
    submitted_at          timestamptz not null,
    decided_at            timestamptz,
    decision_reasons      jsonb,
    overrides             jsonb,
    created_at            timestamptz not null,
    version               bigint      not null default 0
);
create index review_case_queue on review_case (status, priority desc, submitted_at);
create index review_case_lead_unit on review_case (lead_unit_credit_code, status);

create table annual_quota (
    id          uuid primary key,
    year        integer     not null,
    category    varchar(40) not null,
    quota_limit integer     not null check (quota_limit >= 0),
    set_by      text,
    set_at      timestamptz not null,
    unique (year, category)
);

create table year_key_fields (
    year   integer primary key,
    fields jsonb
);

create table ban (
    id           uuid primary key,
    credit_code  varchar(18) not null,
    reason_class varchar(20) not null,
    since        date        not null,
    until        date        not null,
    note         text,
    source       text        not null,
    created_by   text,
    created_at   timestamptz not null
);
create index ban_credit_code on ban (credit_code, since, until);
