-- Issue 20: every answer a team gives is kept as a version; a new answer (after a reopening) no longer overwrites the
-- text of the one before. ticket.answer stays the latest, for lists.
create table ticket_answer (
    id        bigint generated always as identity primary key,
    ticket_id uuid        not null references ticket (id),
    at        timestamptz not null,
    actor     text,
    answer    jsonb       not null
);
create index ticket_answer_ticket on ticket_answer (ticket_id, id);
insert into ticket_answer (ticket_id, at, actor, answer)
select id, updated_at, null, answer from ticket where answer is not null;
