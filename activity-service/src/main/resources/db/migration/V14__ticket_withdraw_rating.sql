-- Issue 20: the partner may withdraw a ticket nobody accepted (status WITHDRAWN fits varchar(20)); the demand side
-- rates a resolved ticket once.
alter table ticket add column rating_score integer check (rating_score between 1 and 5);
alter table ticket add column rating_comment text;
alter table ticket add column rated_at timestamptz;
