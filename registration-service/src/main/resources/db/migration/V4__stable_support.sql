-- Art. 20: the latest year the annual assessment rated the team excellent and marked it for stable support
alter table team add column stable_support_year int;
