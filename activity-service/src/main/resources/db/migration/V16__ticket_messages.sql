-- Issue 20: a conversation on every ticket: the team, the demand side (through its partner) and staff; internal
-- messages (team and staff only) are never shown to the partner. Append-only.
create table ticket_message (
    id          bigint generated always as identity primary key,
    ticket_id   uuid        not null references ticket (id),
    at          timestamptz not null,
    author      text        not null,
    side        varchar(10) not null,
    internal    boolean     not null,
    text        text        not null
);
create index ticket_message_ticket on ticket_message (ticket_id, id);
