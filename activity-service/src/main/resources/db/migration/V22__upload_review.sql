-- Art. 12, issue 21: staff accept an upload or return it with a comment; a returned upload is followed by the team's
-- next version for the same kind and period, numbered 1, 2, … (existing rows numbered by when they came)
alter table upload add column version integer;
update upload u set version = v.n
from (select id, row_number() over (partition by team_id, kind, period order by uploaded_at, id) as n from upload) v
where v.id = u.id;
alter table upload alter column version set not null;
alter table upload add column review_status varchar(10) not null default 'SUBMITTED'
    check (review_status in ('SUBMITTED', 'ACCEPTED', 'RETURNED'));
alter table upload add column review_comment text;
alter table upload add column reviewed_by text;
alter table upload add column reviewed_at timestamptz;

-- one row per version; also serves the latest version per team, kind and period (completeness), so the old index goes
create unique index upload_version on upload (team_id, kind, period, version);
drop index upload_team_kind_period;
