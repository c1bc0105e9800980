-- Issue 24: the complainants' and the demand sides' contacts are sealed at rest (kit/crypto FieldCipher,
-- AES-256-GCM or SM4-GCM under a key id). A sealed value is text, so the ticket's contact (a JSON document) becomes
-- the text of its JSON, then sealed. The rows before stay readable as they are until the kit's ReencryptionJob
-- seals them (and fills the hashes), shortly after the service starts.
alter table ticket alter column contact type text using contact::text;
-- a complainant's contact, under a keyed hash (HMAC-SHA256 or HMAC-SM3): found by equality though sealed
alter table complaint add column contact_hash text;
create index complaint_contact_hash on complaint (contact_hash) where contact_hash is not null;
