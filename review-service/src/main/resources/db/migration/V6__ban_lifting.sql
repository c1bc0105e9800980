-- Issue 21: a ban lifted (by an operator here, or an upheld appeal in evaluation-service) no longer holds
alter table ban add column lifted_at   timestamptz;
alter table ban add column lifted_by   text;
alter table ban add column lift_reason text;
