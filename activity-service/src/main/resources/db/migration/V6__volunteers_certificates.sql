create table participation (
    id                    uuid primary key,
    team_id               uuid          not null,
    lead_unit_credit_code varchar(18)   not null,
    activity_id           uuid          not null references activity_report (id),
    year                  integer       not null,
    volunteer             text          not null,
    volunteer_name        text          not null,
    role                  text          not null,
    hours                 numeric(5,1)  not null check (hours > 0),
    status                varchar(20)   not null,
    decision_reason       text,
    decided_by            text,
    decided_at            timestamptz,
    logged_at             timestamptz   not null,
    version               bigint        not null default 0
);
create index participation_volunteer on participation (volunteer);
create index participation_team on participation (team_id, status);

create table certificate (
    id                    uuid primary key,
    code                  varchar(32)   not null unique,
    kind                  varchar(30)   not null,
    team_id               uuid          not null,
    team_name             text          not null,
    lead_unit_credit_code varchar(18)   not null,
    holder                text          not null,
    holder_name           text          not null,
    participation_id      uuid unique references participation (id),
    status                varchar(20)   not null,
    nomination_reason     text,
    nominated_by          text,
    decided_by            text,
    issued_at             timestamptz,
    revoked_at            timestamptz,
    revoke_reason         text,
    created_at            timestamptz   not null,
    version               bigint        not null default 0
);
create index certificate_holder on certificate (holder);
create index certificate_team on certificate (team_id, status);
