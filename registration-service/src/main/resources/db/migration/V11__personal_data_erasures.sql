-- Issue 24: erasure requests (PIPL Art. 47) and each service's answer. The request keeps whether it matched a login
-- or a contact, never the person's sub or contact itself: the receipt must not be a list of the people erased.
create table personal_data_erasure (
    id            uuid primary key,
    match_kind    varchar(10) not null,
    pseudonym     text        not null,
    reason        text        not null,
    requested_by  text        not null,
    requested_at  timestamptz not null
);
create index personal_data_erasure_requested on personal_data_erasure (requested_at desc);

-- one answer per service; items: [{"entity", "fields": [...], "count"}] — what was erased, never the values
create table personal_data_erasure_answer (
    erasure_id  uuid        not null references personal_data_erasure (id),
    service     text        not null,
    erased_at   timestamptz not null,
    items       jsonb       not null,
    primary key (erasure_id, service)
);

-- when the retention purge (privacy/RetentionPurge) anonymised an ended team or an undecided-into-a-team application
alter table team add column personal_data_purged_at timestamptz;
alter table team_application add column personal_data_purged_at timestamptz;
create index team_retention on team (status_changed_at) where personal_data_purged_at is null;
create index team_application_retention on team_application (decided_at) where personal_data_purged_at is null;
