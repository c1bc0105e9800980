-- Issue 19: every list sorts (default sort + the id tie-breaker PageRequest appends) and filters on an index, so a
-- page is an index scan that stops after page × size rows instead of a sort of the whole table.

-- GET /teams and the public GET /public/teams: default activatedAt,desc; ?status= (lead units: team_lead_unit)
create index if not exists team_activated on team (activated_at desc, id);
create index if not exists team_status_activated on team (status, activated_at desc, id);

-- GET /applications: default updatedAt,desc; ?status= (lead units: team_application_lead_unit)
create index if not exists team_application_updated on team_application (updated_at desc, id);
create index if not exists team_application_status_updated on team_application (status, updated_at desc, id);

-- GET /lead-units: default registeredAt,desc; ?category=
create index if not exists lead_unit_registered on lead_unit (registered_at desc, id);
create index if not exists lead_unit_category_registered on lead_unit (category, registered_at desc, id);
