-- evaluation-service: what it knows of teams, the facts metrics are made of, indicator systems, runs and results.

create table lead_unit (
    credit_code text primary key,
    name        text not null,
    category    text
);

create table team (
    id                    uuid primary key,
    name                  text        not null,
    lead_unit_credit_code text        not null,
    lead_unit_name        text,
    status                text        not null,
    activated_at          timestamptz not null,
    ended_at              timestamptz
);
create index team_lead_unit on team (lead_unit_credit_code);

-- one row per reported activity (Art. 10, 11): the bulk of what the assessment reads
create table activity_record (
    activity_id             uuid primary key,
    event_id                uuid        not null,
    team_id                 uuid        not null,
    year                    int         not null,
    category                text        not null,
    form                    text        not null,
    title                   text,
    start_date              date,
    city                    text,
    place_kind              text        not null,
    participants            int         not null,
    enterprises_served      int         not null,
    agreements_signed       int         not null,
    technologies_transferred int        not null,
    standards_drafted       int         not null,
    talents_trained         int         not null,
    reported_at             timestamptz not null
);
create index activity_record_year_team on activity_record (year, team_id);

-- what every other event adds to a metric: once per (team, year, metric, subject), so a second event about
-- the same ticket, upload or certificate cannot count twice
create table metric_fact (
    id          bigint generated always as identity primary key,
    event_id    uuid          not null,
    event_type  text          not null,
    team_id     uuid          not null,
    year        int           not null,
    metric      text          not null,
    subject     text          not null,
    amount      numeric(14,2) not null,
    occurred_at timestamptz   not null,
    unique (team_id, year, metric, subject)
);
create index metric_fact_year_team on metric_fact (year, team_id);

-- Art. 18: versioned per year; indicators and penalties are JSON documents, immutable once published
create table indicator_system (
    id                  uuid primary key,
    year                int          not null,
    version             int          not null,
    name                text         not null,
    status              text         not null,
    is_default          boolean      not null default false,
    indicators          jsonb        not null,
    penalties           jsonb        not null,
    excellent_min       numeric(5,2) not null,
    good_min            numeric(5,2) not null,
    pass_min            numeric(5,2) not null,
    fee_violation_veto  int          not null,
    created_by          text,
    created_at          timestamptz  not null,
    published_by        text,
    published_at        timestamptz,
    row_version         bigint       not null default 0,
    unique (year, version)
);

create table assessment (
    year           int primary key,
    status         text        not null,
    current_run_id uuid,
    published_by   text,
    published_at   timestamptz,
    row_version    bigint      not null default 0
);

create table assessment_run (
    id          uuid primary key,
    year        int         not null,
    system_id   uuid        not null references indicator_system,
    state       text        not null,
    total       int         not null default 0,
    processed   int         not null default 0,
    started_by  text,
    started_at  timestamptz not null,
    finished_at timestamptz,
    failure     text
);
create unique index assessment_run_one_running on assessment_run (year) where state = 'RUNNING';

-- the indicator system as the run used it, flattened for set-based scoring
create table run_indicator (
    run_id    uuid          not null references assessment_run on delete cascade,
    code      text          not null,
    dimension text          not null,
    metric    text          not null,
    weight    numeric(6,2)  not null,
    scoring   text          not null,
    target    numeric(14,2),
    primary key (run_id, code)
);
create table run_band (
    run_id    uuid          not null references assessment_run on delete cascade,
    code      text          not null,
    min_value numeric(14,2) not null,
    score     numeric(6,2)  not null,
    primary key (run_id, code, min_value)
);
create table run_penalty (
    run_id uuid          not null references assessment_run on delete cascade,
    metric text          not null,
    points numeric(6,2)  not null,
    primary key (run_id, metric)
);

-- written in bulk by the scorer and removed with their run by it (no foreign keys: 10,000 teams × indicators
-- per run would pay a trigger per row)
create table indicator_score (
    run_id     uuid          not null,
    team_id    uuid          not null,
    code       text          not null,
    value      numeric(16,4),
    score      numeric(6,2),
    applicable boolean       not null,
    primary key (run_id, team_id, code)
);

create table team_result (
    id                    bigint generated always as identity primary key,
    run_id                uuid         not null,
    team_id               uuid         not null,
    team_name             text         not null,
    lead_unit_credit_code text         not null,
    lead_unit_name        text,
    organisation          numeric(6,2),
    content               numeric(6,2),
    effect                numeric(6,2),
    base_score            numeric(6,2) not null,
    penalty               numeric(8,2) not null,
    total                 numeric(6,2) not null,
    fee_violations        int          not null,
    vetoed                boolean      not null,
    computed_grade        text         not null,
    grade                 text         not null,
    adjustment_reason     text,
    adjusted_by           text,
    adjusted_at           timestamptz,
    row_version           bigint       not null default 0,
    unique (run_id, team_id)
);
create index team_result_lead_unit on team_result (run_id, lead_unit_credit_code);

-- Art. 20: a serious scientific, political or legal problem: the lead unit is banned, the team disqualified
create table sanction (
    id                    uuid primary key,
    team_id               uuid        not null,
    lead_unit_credit_code text        not null,
    reason_class          text        not null,
    note                  text        not null,
    since                 date        not null,
    until                 date        not null,
    decided_by            text        not null,
    decided_at            timestamptz not null
);
