-- Issue 21: a panel of reviewers per case (Art. 3, 6, 9), kept with the case and replaced whole on every change:
-- {"chair", "members": [{"reviewer", "scores": {criterion: 0..10}, "comment", "scoredAt"}], "recused": [...],
--  "scoringRequired"}. priority becomes the panel's Art. 9 score once it has scored; text_priority keeps the score
-- from the application's text, the fallback before that.
alter table review_case add column panel jsonb;
alter table review_case add column text_priority double precision not null default 0;
update review_case set text_priority = priority;
-- a claimed case is a panel of one whose chair is its claimant (deciding without scores, as before)
update review_case
   set panel = jsonb_build_object('chair', claimed_by,
                                  'members', jsonb_build_array(jsonb_build_object('reviewer', claimed_by)),
                                  'recused', '[]'::jsonb, 'scoringRequired', false)
 where claimed_by is not null and panel is null;
