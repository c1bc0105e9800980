-- Issue 19: every list sorts (default sort + the id tie-breaker PageRequest appends) and filters on an index, so a
-- page is an index scan that stops after page × size rows instead of a sort of the whole table.

-- GET /reviews without ?status=: default priority,desc;submittedAt,asc (with status: review_case_queue)
create index if not exists review_case_priority on review_case (priority desc, submitted_at, id);

-- GET /bans: default since,desc (?creditCode=: ban_credit_code (credit_code, since, until))
create index if not exists ban_since on ban (since desc, id);
