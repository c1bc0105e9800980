-- Issue 21, Art. 18-19: activity reports are corrected or withdrawn until the assessment of their year is published.
alter table activity_report add column status varchar(20) not null default 'REPORTED';
alter table activity_report add column corrected_at timestamptz;
alter table activity_report add column withdrawn_at timestamptz;
alter table activity_report add column withdrawn_by text;
alter table activity_report add column withdrawal_reason text;

-- the statistics count only what stands: the index they read skips withdrawn reports
drop index if exists activity_report_statistics;
create index activity_report_statistics on activity_report (year)
    include (category, city, start_date, participants) where status <> 'WITHDRAWN';

-- the years whose assessment evaluation-service published (assessment.published): their reports are final
create table assessment_year_closed (
    year      integer primary key,
    closed_at timestamptz not null
);
