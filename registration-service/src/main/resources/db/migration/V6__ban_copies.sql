-- Art. 20: registration's copy of the bans (evaluation-service's and operators' in review-service), so a banned
-- lead unit's submission is refused at once
create table ban_copy (
    id          uuid primary key,
    credit_code varchar(18) not null,
    since       date        not null,
    until       date        not null,
    received_at timestamptz not null
);
create index ban_copy_credit_code on ban_copy (credit_code, until);
