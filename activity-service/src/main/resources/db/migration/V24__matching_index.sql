-- issue 22: the profile text matching reads, and a version that tells the in-memory index a team's text changed
alter table team add column distinctive_services text;
alter table team add column experience text;
alter table team add column member_fields jsonb;
alter table team add column profile_version bigint not null default 0;
-- the resolved tickets a team's profile is built from
create index if not exists ticket_team_resolved on ticket (team_id) where status in ('RESOLVED', 'CLOSED');
