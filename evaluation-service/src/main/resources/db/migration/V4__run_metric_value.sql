-- The metric values a run scored, computed once per run for all teams (one pass over the year's records);
-- the slices read these instead of aggregating the records again. Removed with their run by the scorer.
create table run_metric_value (
    run_id  uuid          not null,
    team_id uuid          not null,
    metric  text          not null,
    value   numeric(16,4),
    primary key (run_id, team_id, metric)
);
