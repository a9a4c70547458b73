-- Letters written on the site and sent through a campaign. Everything the
-- writer typed is sealed to the campaign's keys before it is stored
-- (`header` + `sealed`, an age file); the receipt link is known by its
-- token's hash only, and replies are sealed to the key that link derives
-- (`reply_key`), so only the link opens them. Times are rounded to the
-- hour. A letter's number, as volunteers and writers see it, is its id.
CREATE TABLE letters (
    id          INTEGER PRIMARY KEY,
    campaign    TEXT NOT NULL REFERENCES campaigns (slug) ON DELETE CASCADE,
    received_at BIGINT NOT NULL,
    header      TEXT,
    -- NULL once retention deleted it: the state stays for the receipt.
    sealed      BLOB,
    token_hash  BLOB NOT NULL UNIQUE,
    reply_key   TEXT NOT NULL,
    state       TEXT NOT NULL DEFAULT 'received'
                CHECK (state IN ('received', 'sent', 'not-forwarded')),
    state_at    BIGINT,
    reason      TEXT,
    -- The writer's address for a reply notice, sealed with the instance
    -- secret; deleted once the notice is queued.
    notice      BLOB,
    exported    BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE INDEX letters_by_campaign ON letters (campaign, id);

-- Replies, sealed to their letter's receipt key; deleted (the row stays,
-- for the receipt) some time after the writer opened them.
CREATE TABLE letter_replies (
    id          INTEGER PRIMARY KEY,
    letter      BIGINT NOT NULL REFERENCES letters (id) ON DELETE CASCADE,
    uploaded_at BIGINT NOT NULL,
    sealed      BLOB,
    opened_at   BIGINT
);
CREATE INDEX letter_replies_by_letter ON letter_replies (letter);

-- The letters role: SQLite cannot change a CHECK, so both tables are
-- rebuilt with the new one (nothing refers to them).
CREATE TABLE grants_new (
    account  BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    campaign TEXT NOT NULL REFERENCES campaigns (slug) ON DELETE CASCADE,
    role     TEXT NOT NULL CHECK (role IN ('editor', 'delivery', 'letters')),
    PRIMARY KEY (account, campaign, role)
);
INSERT INTO grants_new (account, campaign, role) SELECT account, campaign, role FROM grants;
DROP TABLE grants;
ALTER TABLE grants_new RENAME TO grants;

CREATE TABLE invitations_new (
    token_hash BLOB PRIMARY KEY,
    owner      BOOLEAN NOT NULL DEFAULT FALSE,
    campaign   TEXT REFERENCES campaigns (slug) ON DELETE CASCADE,
    role       TEXT CHECK (role IN ('editor', 'delivery', 'letters')),
    invited_by BIGINT REFERENCES accounts (id) ON DELETE CASCADE,
    expires_at BIGINT NOT NULL,
    CHECK (owner OR (campaign IS NOT NULL AND role IS NOT NULL))
);
INSERT INTO invitations_new (token_hash, owner, campaign, role, invited_by, expires_at)
    SELECT token_hash, owner, campaign, role, invited_by, expires_at FROM invitations;
DROP TABLE invitations;
ALTER TABLE invitations_new RENAME TO invitations;
