-- Issue 24: complainants' addresses are kept as HMAC-SHA256 under a secret pepper (ClientAddressHash). The rows
-- before hold a bare SHA-256, which anyone can undo by hashing every IPv4 address, and which the new keyed hash never
-- matches — so they are no use to the rate limit (a 10-minute window) either. Erase them; the column stays.
update complaint set client_hash = 'erased' where client_hash ~ '^[0-9a-f]{64}$';
