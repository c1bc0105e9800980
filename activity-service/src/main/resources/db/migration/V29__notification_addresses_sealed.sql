-- Issue 24: the e-mail address a person gave for notices is sealed at rest (kit/crypto FieldCipher), with a keyed
-- hash beside it so an erasure by contact finds it by equality. Addresses stored before stay readable as they are
-- until the kit's ReencryptionJob seals them and fills the hashes.
alter table notification_subscriber add column email_hash text;
create index notification_subscriber_email_hash on notification_subscriber (email_hash) where email_hash is not null;
-- the queued mails kept a copy of the address: the mailer now opens the subscriber's one as it sends
alter table notification_mail drop column email;
