-- Issue 19: every list sorts (default sort + the id tie-breaker PageRequest appends) and filters on an index, so a
-- page is an index scan that stops after page × size rows instead of a sort of the whole table.
-- (total still counts every matching row: see bench/lists.)

-- GET /tickets (operators, auditors): default updatedAt,desc; with updatedSince updatedAt,asc (scanned backwards)
create index if not exists ticket_updated on ticket (updated_at desc, id);
-- GET /tickets?status=
create index if not exists ticket_status_updated on ticket (status, updated_at desc, id);
-- GET /tickets?teamId=
create index if not exists ticket_team_updated on ticket (team_id, updated_at desc, id);
-- GET /tickets as anyone but operators and auditors: the owner narrowing (OwnObjects) is
-- partner = :ownPartner or cast(team_id as varchar) in :ownTeams or team_lead_unit = :ownOrg; a bitmap OR
-- needs an index for each arm (partner: ticket_partner_updated), the cast one on the same expression
create index if not exists ticket_team_cast on ticket ((team_id::varchar));
create index if not exists ticket_lead_unit_updated on ticket (team_lead_unit, updated_at desc, id);
-- GET /tickets?sort=createdAt,desc
create index if not exists ticket_created on ticket (created_at desc, id);

-- GET /activities: default startDate,desc; ?year= (teamId and lead units: activity_report_team, _lead_unit)
create index if not exists activity_report_start on activity_report (start_date desc, id);
create index if not exists activity_report_year_start on activity_report (year, start_date desc, id);

-- GET /fee-violations: default flaggedAt,desc (?status= has fee_violation_status (status, flagged_at))
create index if not exists fee_violation_flagged on fee_violation (flagged_at desc, id);

-- GET /complaints: default filedAt,desc; ?status= (teamId and own teams: complaint_team)
create index if not exists complaint_filed on complaint (filed_at desc, id);
create index if not exists complaint_status_filed on complaint (status, filed_at desc, id);

-- GET /library: default updatedAt,desc; ?status= and, for everyone but staff, status = PUBLISHED
create index if not exists library_entry_updated on library_entry (updated_at desc, id);
create index if not exists library_entry_status_updated on library_entry (status, updated_at desc, id);

-- GET /uploads: default uploadedAt,desc (teamId/kind/period and own teams: upload_team_kind_period)
create index if not exists upload_uploaded on upload (uploaded_at desc, id);

-- GET /participations: default loggedAt,desc; ?status= (volunteers: participation_volunteer; teams: _team)
create index if not exists participation_logged on participation (logged_at desc, id);
create index if not exists participation_status_logged on participation (status, logged_at desc, id);

-- GET /certificates: default createdAt,desc; ?status= (holders: certificate_holder; teams: certificate_team)
create index if not exists certificate_created on certificate (created_at desc, id);
create index if not exists certificate_status_created on certificate (status, created_at desc, id);
