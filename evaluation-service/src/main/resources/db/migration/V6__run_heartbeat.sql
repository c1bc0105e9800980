-- A run shows it is alive by its heartbeat (each slice); a RUNNING run whose heartbeat stopped belonged to an
-- instance that went away, and the next start marks it FAILED instead of waiting for it forever.
alter table assessment_run add column heartbeat_at timestamptz;
