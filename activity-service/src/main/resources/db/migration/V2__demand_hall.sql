-- projection of registration-service's teams
create table team (
    id                    uuid primary key,
    name                  text        not null,
    lead_unit_credit_code varchar(18) not null,
    status                varchar(20) not null,
    service_content       text,
    categories            jsonb,
    pilot_cities          jsonb,
    other_regions         jsonb,
    key_fields            jsonb,
    handler_user_id       text,
    handler_name          text
);
create index team_status on team (status);

create table ticket (
    id                     uuid primary key,
    partner                text        not null,
    external_id            text        not null,
    idempotency_key        text,
    project_name           text        not null,
    industry_field         text        not null,
    background             text,
    technical_problems     text,
    expected_targets       text,
    region                 text        not null,
    demand_side_name       text        not null,
    demand_side_credit_code varchar(18),
    contact                jsonb,
    categories             jsonb,
    keywords               jsonb,
    status                 varchar(20) not null,
    team_id                uuid,
    team_name              text,
    team_lead_unit         varchar(18),
    assigned_at            timestamptz,
    accepted_at            timestamptz,
    first_response_due     timestamptz,
    resolution_due         timestamptz,
    paused_at              timestamptz,
    first_response_overdue boolean     not null default false,
    resolution_overdue     boolean     not null default false,
    answer                 jsonb,
    created_at             timestamptz not null,
    updated_at             timestamptz not null,
    version                bigint      not null default 0,
    unique (partner, external_id)
);
create unique index ticket_idempotency_key on ticket (partner, idempotency_key) where idempotency_key is not null;
create index ticket_partner_updated on ticket (partner, updated_at);
create index ticket_team on ticket (team_id, status);
create index ticket_due on ticket (status, first_response_due, resolution_due);

create table ticket_history (
    id          bigint generated always as identity primary key,
    ticket_id   uuid        not null references ticket (id),
    at          timestamptz not null,
    actor       text,
    role        text        not null,
    action      text        not null,
    from_status varchar(20),
    to_status   varchar(20),
    reason      text
);
create index ticket_history_ticket on ticket_history (ticket_id, id);

create table holiday (
    day  date primary key,
    name text not null
);

create table demand_hall_settings (
    id          integer primary key,
    auto_assign boolean not null default false
);
