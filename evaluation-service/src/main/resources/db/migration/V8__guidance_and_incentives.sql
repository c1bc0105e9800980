-- Issue 21, Art. 18: demonstration projects (示范项目) and work guidance (工作指导) the operator records per team; both
-- also counted as metric facts ('demonstration-projects', 'guidance-sessions') in the same transaction.
create table demonstration_project (
    id                    uuid primary key,
    team_id               uuid        not null,
    lead_unit_credit_code text        not null,
    year                  int         not null,
    title                 text        not null,
    description           text,
    status                text        not null,
    marked_by             text        not null,
    marked_at             timestamptz not null,
    revoked_by            text,
    revoked_at            timestamptz,
    revocation_reason     text,
    row_version           bigint      not null default 0
);
-- GET /demonstration-projects: default markedAt,desc, ?year=, ?teamId=
create index demonstration_project_marked on demonstration_project (marked_at desc, id);
create index demonstration_project_year on demonstration_project (year, marked_at desc, id);
create index demonstration_project_team on demonstration_project (team_id, year);

create table guidance_session (
    id                    uuid primary key,
    team_id               uuid        not null,
    lead_unit_credit_code text        not null,
    year                  int         not null,
    given_on              date        not null,
    topic                 text        not null,
    content               text        not null,
    given_by              text,
    recorded_by           text        not null,
    recorded_at           timestamptz not null
);
-- GET /guidance: default date,desc, ?year=, ?teamId=
create index guidance_session_given on guidance_session (given_on desc, id);
create index guidance_session_year on guidance_session (year, given_on desc, id);
create index guidance_session_team on guidance_session (team_id, year);

-- Art. 19: outstanding lead units marked for incentives, one row per year and lead unit (unmarked rows stay)
create table incentive (
    id                    uuid primary key,
    year                  int         not null,
    lead_unit_credit_code text        not null,
    lead_unit_name        text,
    kind                  text        not null,
    reason                text        not null,
    status                text        not null,
    excellent_teams       int         not null,
    assessed_teams        int         not null,
    marked_by             text        not null,
    marked_at             timestamptz not null,
    unmarked_by           text,
    unmarked_at           timestamptz,
    unmark_reason         text,
    row_version           bigint      not null default 0,
    unique (year, lead_unit_credit_code)
);
-- GET /incentives?year=: default markedAt,desc
create index incentive_year_marked on incentive (year, marked_at desc, id);

-- a corrected report's record names the correction (activity.corrected) as the event behind its figures
alter table activity_record add column event_type text not null default 'activity.reported';
