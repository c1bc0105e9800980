-- Issue 20: files in a ticket's conversation. Uploaded first (message_id null), then linked to the one message its
-- uploader's side posts with it; seen by exactly those who see that message. Unlinked ones are purged after a day.
create table ticket_attachment (
    id           uuid primary key,
    ticket_id    uuid        not null references ticket (id),
    message_id   bigint      references ticket_message (id),
    file_id      uuid        not null references stored_file (id),
    file_name    text        not null,
    content_type text        not null,
    size         bigint      not null,
    sha256       varchar(64) not null,
    uploaded_by  text        not null,
    side         varchar(10) not null,
    created_at   timestamptz not null
);
-- a page of messages reads its attachments by message; the purge finds the unlinked by age
create index ticket_attachment_message on ticket_attachment (message_id) where message_id is not null;
create index ticket_attachment_unlinked on ticket_attachment (created_at) where message_id is null;
