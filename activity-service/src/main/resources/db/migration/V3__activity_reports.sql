create table activity_report (
    id                    uuid primary key,
    team_id               uuid          not null,
    lead_unit_credit_code varchar(18)   not null,
    year                  integer       not null,
    category              varchar(40)   not null,
    form                  varchar(20)   not null,
    title                 text          not null,
    start_date            date          not null,
    end_date              date          not null,
    city                  text,
    park                  text,
    online                boolean       not null,
    place_kind            varchar(20)   not null,
    participants          integer       not null,
    enterprises_served    integer       not null,
    outcomes              jsonb,
    fee_amount            numeric(14,2) not null,
    fee_payer             text,
    reported_by           text,
    reported_at           timestamptz   not null,
    version               bigint        not null default 0
);
create index activity_report_team on activity_report (team_id, year);
create index activity_report_lead_unit on activity_report (lead_unit_credit_code);

create table fee_violation (
    id                    uuid primary key,
    activity_id           uuid          not null references activity_report (id),
    team_id               uuid          not null,
    lead_unit_credit_code varchar(18)   not null,
    year                  integer       not null,
    amount                numeric(14,2) not null check (amount > 0),
    payer                 text,
    status                varchar(20)   not null,
    outcome_reason        text,
    decided_by            text,
    decided_at            timestamptz,
    flagged_at            timestamptz   not null,
    version               bigint        not null default 0
);
create index fee_violation_status on fee_violation (status, flagged_at);
