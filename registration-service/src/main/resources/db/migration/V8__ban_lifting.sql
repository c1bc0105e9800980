-- Issue 21: a lifted ban no longer stops submissions (a lift that came before its ban leaves an empty, lifted copy)
alter table ban_copy add column lifted_at timestamptz;
-- the status a team had when it was disqualified, given back when an appeal reverses the disqualification
alter table team add column disqualified_from varchar(20);
