-- Petitions get an integer id so the millions of signature rows stay small.
CREATE TABLE petitions (
    id        INTEGER PRIMARY KEY,
    campaign  TEXT NOT NULL REFERENCES campaigns (slug) ON DELETE CASCADE,
    slug      TEXT NOT NULL,
    -- Confirmed signatures, kept exact by the same transactions that change
    -- them; `svoboda signatures recount` checks it against the rows.
    confirmed BIGINT NOT NULL DEFAULT 0,
    -- When retention deleted the sealed data of this closed petition.
    purged_at BIGINT,
    UNIQUE (campaign, slug)
);

-- One wrapped file key per epoch: the age header that only the organisers'
-- identity opens.
CREATE TABLE seal_epochs (
    id         BIGINT PRIMARY KEY,
    header     TEXT NOT NULL,
    created_at BIGINT NOT NULL
);

-- What the server can read: petition, times, status, the name the signer
-- chose to show, the country. What identifies the signer is in `sealed`
-- (only the organisers can open it) and `email_hash` (keyed with the
-- instance secret, which is not in the database).
CREATE TABLE signatures (
    id           INTEGER PRIMARY KEY,
    petition     BIGINT NOT NULL REFERENCES petitions (id) ON DELETE CASCADE,
    created_at   BIGINT NOT NULL,
    confirmed_at BIGINT,
    public_name  TEXT,
    country      TEXT,
    email_hash   BLOB,
    epoch        BIGINT REFERENCES seal_epochs (id),
    sealed       BLOB
);
-- Ids grow, so both indexes are appended to rather than written at random.
-- On SQLite the one-address rule is kept by the single writer in memory
-- (rebuilt from this table at start), not by a unique index on random hashes.
CREATE INDEX signatures_by_petition ON signatures (petition, id);
CREATE INDEX signatures_pending ON signatures (created_at) WHERE confirmed_at IS NULL;

CREATE TABLE signature_days (
    petition  BIGINT NOT NULL REFERENCES petitions (id) ON DELETE CASCADE,
    day       TEXT NOT NULL,
    confirmed BIGINT NOT NULL,
    PRIMARY KEY (petition, day)
);

-- Mail waiting to be sent. `sealed` is encrypted with a key derived from the
-- instance secret; a row is deleted once sent or given up.
CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY,
    sealed          BLOB NOT NULL,
    attempts        BIGINT NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    created_at      BIGINT NOT NULL
);
CREATE INDEX outbox_due ON outbox (next_attempt_at);
