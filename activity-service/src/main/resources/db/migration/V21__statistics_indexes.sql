-- Issue 21: the statistics read a year of a table at a time; these indexes hold the columns they group by, so a
-- year is an index-only range scan instead of a pass over every year's rows.

-- GET /statistics/tickets: created_at in the year; status, region, categories and the overdue flags
create index if not exists ticket_statistics on ticket (created_at)
    include (status, region, first_response_overdue, resolution_overdue, categories);
-- … and the teams with the most overdue tickets (few rows)
create index if not exists ticket_statistics_overdue on ticket (created_at) include (team_id, team_name)
    where first_response_overdue or resolution_overdue;

-- GET /statistics/activities: year; category, city, month, participants
create index if not exists activity_report_statistics on activity_report (year)
    include (category, city, start_date, participants);

-- GET /statistics/volunteers groups participations by their activity's category and city: copied onto the
-- participation (a report never changes), as a join of a year of participations to a year of activities alone
-- cost more than the 200 ms the answer may take at a million of each (bench/statistics)
alter table participation add column if not exists activity_category varchar(40);
alter table participation add column if not exists activity_city text;
update participation p set activity_category = a.category, activity_city = a.city
  from activity_report a where a.id = p.activity_id;
alter table participation alter column activity_category set not null;
-- … and read a year of them from the index: status, hours, volunteer, category, city
create index if not exists participation_statistics on participation (year)
    include (status, hours, volunteer, activity_category, activity_city);

-- GET /statistics/uploads: the year's periods of each kind; which team, on time
create index if not exists upload_statistics on upload (period, kind) include (team_id, on_time);
