-- Passkeys (WebAuthn credentials) of workspace accounts: the public key and
-- its signature counter, as webauthn-rs keeps them (JSON). Nothing here
-- signs in without the authenticator that holds the private key.
CREATE TABLE passkeys (
    id            INTEGER PRIMARY KEY,
    account       BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    -- base64url, as browsers name it.
    credential_id TEXT NOT NULL UNIQUE,
    name          TEXT NOT NULL,
    passkey       TEXT NOT NULL,
    created_at    BIGINT NOT NULL,
    used_at       BIGINT
);
CREATE INDEX passkeys_by_account ON passkeys (account);

-- A registration or sign-in under way: its challenge's state, by the hash
-- of the token its page carries; used once, within minutes. Any process
-- of the instance finishes it.
CREATE TABLE passkey_ceremonies (
    token_hash BLOB PRIMARY KEY,
    account    BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    kind       TEXT NOT NULL,
    state      TEXT NOT NULL,
    expires_at BIGINT NOT NULL
);
