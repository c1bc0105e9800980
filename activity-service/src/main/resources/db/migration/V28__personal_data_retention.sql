-- Issue 24: when the retention purge (privacy/RetentionPurge) anonymised a row, so it is done once
alter table complaint add column personal_data_purged_at timestamptz;
alter table ticket add column personal_data_purged_at timestamptz;
alter table participation add column personal_data_purged_at timestamptz;
alter table certificate add column personal_data_purged_at timestamptz;
create index complaint_retention on complaint (decided_at) where personal_data_purged_at is null;
create index ticket_retention on ticket (updated_at) where personal_data_purged_at is null;
create index participation_retention on participation (year) where personal_data_purged_at is null;
