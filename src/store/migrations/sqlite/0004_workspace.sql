-- The organisers' workspace: accounts, their second factors, roles,
-- invitations, sessions and the audit log. Times are unix seconds.

CREATE TABLE accounts (
    id            INTEGER PRIMARY KEY,
    -- Trimmed and lower-cased; not an e-mail address.
    login         TEXT NOT NULL UNIQUE,
    -- Argon2id, as a PHC string.
    password_hash TEXT NOT NULL,
    -- Owners may do everything; everyone else holds roles per campaign.
    owner         BOOLEAN NOT NULL DEFAULT FALSE,
    -- The workspace's language for this person.
    lang          TEXT NOT NULL,
    created_at    BIGINT NOT NULL
);

-- Second factors. TOTP today; passkeys can come as another kind.
CREATE TABLE credentials (
    id         INTEGER PRIMARY KEY,
    account    BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    kind       TEXT NOT NULL CHECK (kind IN ('totp', 'webauthn')),
    -- TOTP: the secret, encrypted with a key derived from the instance
    -- secret (outside the database). WebAuthn: the public key.
    secret     BLOB NOT NULL,
    -- TOTP: the last time step accepted, so each code works once.
    last_step  BIGINT NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL
);
CREATE INDEX credentials_by_account ON credentials (account);

-- Unused recovery codes, hashed; a used one is deleted.
CREATE TABLE recovery_codes (
    account BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    hash    BLOB NOT NULL,
    PRIMARY KEY (account, hash)
);

-- Roles in campaigns. One person may hold different roles in different
-- campaigns.
CREATE TABLE grants (
    account  BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    campaign TEXT NOT NULL REFERENCES campaigns (slug) ON DELETE CASCADE,
    role     TEXT NOT NULL CHECK (role IN ('editor', 'delivery')),
    PRIMARY KEY (account, campaign, role)
);

-- Open invitations, by the hash of their link's token; deleted when used.
CREATE TABLE invitations (
    token_hash BLOB PRIMARY KEY,
    owner      BOOLEAN NOT NULL DEFAULT FALSE,
    campaign   TEXT REFERENCES campaigns (slug) ON DELETE CASCADE,
    role       TEXT CHECK (role IN ('editor', 'delivery')),
    invited_by BIGINT REFERENCES accounts (id) ON DELETE CASCADE,
    expires_at BIGINT NOT NULL,
    CHECK (owner OR (campaign IS NOT NULL AND role IS NOT NULL))
);

-- Signed-in sessions, by the hash of their cookie's token.
CREATE TABLE sessions (
    id         INTEGER PRIMARY KEY,
    token_hash BLOB NOT NULL UNIQUE,
    account    BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    -- Every form of the session carries it: another site's page cannot.
    csrf       TEXT NOT NULL,
    -- "Firefox, Linux": enough to tell one's sessions apart.
    device     TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    seen_at    BIGINT NOT NULL
);
CREATE INDEX sessions_by_account ON sessions (account);

-- Who did what. Append-only: the triggers refuse changes and deletions.
CREATE TABLE audit_log (
    id          INTEGER PRIMARY KEY,
    at          BIGINT NOT NULL,
    -- No foreign key: the log outlives removed accounts.
    actor       BIGINT,
    actor_login TEXT,
    action      TEXT NOT NULL,
    campaign    TEXT,
    detail      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_by_campaign ON audit_log (campaign, id);
CREATE INDEX audit_by_actor ON audit_log (actor, id);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;

-- Messages the sender gave up on, for the workspace's mail page: the
-- messages themselves (and the addresses in them) are deleted.
CREATE TABLE mail_counters (
    name  TEXT PRIMARY KEY,
    value BIGINT NOT NULL
);
INSERT INTO mail_counters (name, value) VALUES ('given_up', 0);
