-- Art. 12: the people the lead unit lets act for the designated handler (their tokens' sub)
alter table team add column handler_deputies jsonb;
