-- Issue 20: a complainant follows the complaint by its receipt code; the team may respond once before the decision.
alter table complaint add column receipt varchar(14);
-- complaints filed before receipts existed get one nobody was told (their complainants had no way to follow them)
update complaint set receipt = upper(substr(md5(id::text || random()::text), 1, 14)) where receipt is null;
alter table complaint alter column receipt set not null;
create unique index complaint_receipt on complaint (receipt);
alter table complaint add column response text;
alter table complaint add column responded_by text;
alter table complaint add column responded_at timestamptz;
