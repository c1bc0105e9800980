create table complaint (
    id                    uuid primary key,
    team_id               uuid        not null,
    lead_unit_credit_code varchar(18) not null,
    kind                  varchar(30) not null,
    text                  text        not null,
    contact               text,
    client_hash           varchar(64) not null,
    status                varchar(20) not null,
    outcome_reason        text,
    decided_by            text,
    decided_at            timestamptz,
    filed_at              timestamptz not null,
    version               bigint      not null default 0
);
create index complaint_client on complaint (client_hash, filed_at);
create index complaint_team on complaint (team_id, status);
