-- Issue 20: people are told. A notice is addressed to an audience — team:<id> (the team's people), org:<credit code>
-- (the lead unit), role:<role> (all operators, all reviewers) or user:<sub> — the same claims that decide who may
-- see the object, so nobody is told of what they may not see. One notice per event, kind and audience.
create table notification (
    id          bigint generated always as identity primary key,
    kind        varchar(40)  not null,
    audience    varchar(120) not null,
    title       text         not null,
    body        text         not null,
    link        text         not null,
    event_id    uuid         not null,
    created_at  timestamptz  not null,
    unique (event_id, kind, audience)
);
create index notification_audience on notification (audience, id);

-- who has read what (a notice to a team is read by each of its people on their own)
create table notification_read (
    notification_id bigint      not null references notification (id),
    subject         text        not null,
    read_at         timestamptz not null,
    primary key (subject, notification_id)
);

-- people who want some notices by e-mail: their address and the audiences their token named when they last came
create table notification_subscriber (
    subject     text primary key,
    email       text,
    audiences   jsonb       not null,
    updated_at  timestamptz not null
);
create index notification_subscriber_audiences on notification_subscriber using gin (audiences);

create table notification_preference (
    subject  text        not null references notification_subscriber (subject),
    kind     varchar(40) not null,
    channel  varchar(10) not null,
    primary key (subject, kind)
);

-- e-mails to send: one row per notice and person, sent at once (EMAIL) or in the day's digest (DIGEST)
create table notification_mail (
    id               bigint generated always as identity primary key,
    subject          text        not null,
    email            text        not null,
    notification_id  bigint      not null references notification (id),
    channel          varchar(10) not null,
    created_at       timestamptz not null,
    next_attempt_at  timestamptz not null,
    attempts         integer     not null default 0,
    last_error       text,
    sent_at          timestamptz,
    unique (subject, notification_id)
);
create index notification_mail_due on notification_mail (next_attempt_at) where sent_at is null;

-- each due time of a ticket is warned of once (a moved due time warns again)
create table ticket_sla_warning (
    ticket_id  uuid        not null references ticket (id),
    due_kind   varchar(20) not null,
    due_at     timestamptz not null,
    warned_at  timestamptz not null,
    primary key (ticket_id, due_kind, due_at)
);

create table upload_due_notice (
    team_id    uuid        not null,
    kind       varchar(40) not null,
    period     varchar(10) not null,
    noticed_at timestamptz not null,
    primary key (team_id, kind, period)
);

-- how far each dead-letter topic had grown when operators were last told of it
create table dead_letter_watch (
    topic  text primary key,
    seen   bigint      not null,
    at     timestamptz not null
);
