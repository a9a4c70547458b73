-- The country was stored in plain text beside the sealed record, which
-- already holds it: blank it (secure_delete zeroes the old bytes), then drop it.
UPDATE signatures SET country = NULL WHERE country IS NOT NULL;
ALTER TABLE signatures DROP COLUMN country;

-- Plain times to the hour: exact ones could be matched against mail
-- providers' or ISPs' logs. The exact time stays inside the sealed record.
UPDATE signatures
   SET created_at = created_at - created_at % 3600,
       confirmed_at = confirmed_at - confirmed_at % 3600;
UPDATE seal_epochs SET created_at = created_at - created_at % 3600;
UPDATE outbox SET created_at = created_at - created_at % 3600;

-- The petition page lists public signers newest first: an index of those
-- alone keeps a page's cost independent of how many stayed private.
CREATE INDEX signatures_public ON signatures (petition, id)
    WHERE confirmed_at IS NOT NULL AND public_name IS NOT NULL;

-- Signature ids are never reused: an old withdrawal link must not name a
-- newer signer. The writer keeps the next id here, in the same transaction.
CREATE TABLE id_counters (
    name TEXT PRIMARY KEY,
    next BIGINT NOT NULL
);
INSERT INTO id_counters (name, next)
    SELECT 'signatures', COALESCE(MAX(id), 0) + 1 FROM signatures;

-- When the keyed address hashes of a closed petition were cleared: they only
-- serve the one-signature rule while it takes signatures.
ALTER TABLE petitions ADD COLUMN hashes_cleared_at BIGINT;
