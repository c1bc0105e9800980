-- Issue 20: partner webhooks. A partner registers callback URLs for the event types of its own tickets; each matching
-- ticket event becomes a webhook_delivery row in the transaction that consumed it (the outbox of deliveries), sent
-- by the dispatcher with retries until delivered or parked. Deleting a webhook deletes its deliveries.
create table webhook (
    id          uuid primary key,
    partner     text          not null,
    url         varchar(2000) not null,
    event_types jsonb         not null,
    -- the signing key, shown once when the webhook is registered; needed in clear to sign deliveries
    secret      varchar(100)  not null,
    created_by  text          not null,
    created_at  timestamptz   not null
);
create index webhook_partner on webhook (partner, created_at, id);

create table webhook_delivery (
    id               uuid primary key,
    webhook_id       uuid        not null references webhook (id) on delete cascade,
    event_id         uuid        not null,
    event_type       varchar(100) not null,
    -- the event envelope exactly as it travelled on Kafka: the body of every attempt
    envelope         text        not null,
    status           varchar(10) not null,
    attempts         integer     not null,
    last_status_code integer,
    last_error       text,
    next_attempt_at  timestamptz,
    first_attempt_at timestamptz,
    delivered_at     timestamptz,
    created_at       timestamptz not null,
    unique (webhook_id, event_id)
);
-- the dispatcher's query: due pending deliveries, oldest due first
create index webhook_delivery_due on webhook_delivery (next_attempt_at) where status = 'PENDING';
-- a webhook's deliveries, newest first
create index webhook_delivery_webhook on webhook_delivery (webhook_id, created_at, id);
