-- Issue 19: every list sorts (default sort + the id tie-breaker PageRequest appends) and filters on an index, so a
-- page is an index scan that stops after page × size rows instead of a sort of the whole table.

-- GET /assessments/{year}/runs: year = ?, default startedAt,desc
create index if not exists assessment_run_year_started on assessment_run (year, started_at desc, id);

-- GET /assessments/{year}/results: run_id = current run, default total,desc; ?grade=
create index if not exists team_result_run_total on team_result (run_id, total desc, id);
create index if not exists team_result_run_grade_total on team_result (run_id, grade, total desc, id);

-- GET /sanctions: default decidedAt,desc; ?leadUnit=
create index if not exists sanction_decided on sanction (decided_at desc, id);
create index if not exists sanction_lead_unit_decided on sanction (lead_unit_credit_code, decided_at desc, id);
