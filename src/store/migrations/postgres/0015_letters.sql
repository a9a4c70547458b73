-- Letters written on the site and sent through a campaign. Everything the
-- writer typed is sealed to the campaign's keys before it is stored
-- (`header` + `sealed`, an age file); the receipt link is known by its
-- token's hash only, and replies are sealed to the key that link derives
-- (`reply_key`), so only the link opens them. Times are rounded to the
-- hour. A letter's number, as volunteers and writers see it, is its id.
CREATE TABLE letters (
    id          BIGSERIAL PRIMARY KEY,
    campaign    TEXT NOT NULL REFERENCES campaigns (slug) ON DELETE CASCADE,
    received_at BIGINT NOT NULL,
    header      TEXT,
    -- NULL once retention deleted it: the state stays for the receipt.
    sealed      BYTEA,
    token_hash  BYTEA NOT NULL UNIQUE,
    reply_key   TEXT NOT NULL,
    state       TEXT NOT NULL DEFAULT 'received'
                CHECK (state IN ('received', 'sent', 'not-forwarded')),
    state_at    BIGINT,
    reason      TEXT,
    -- The writer's address for a reply notice, sealed with the instance
    -- secret; deleted once the notice is queued.
    notice      BYTEA,
    exported    BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE INDEX letters_by_campaign ON letters (campaign, id);

-- Replies, sealed to their letter's receipt key; deleted (the row stays,
-- for the receipt) some time after the writer opened them.
CREATE TABLE letter_replies (
    id          BIGSERIAL PRIMARY KEY,
    letter      BIGINT NOT NULL REFERENCES letters (id) ON DELETE CASCADE,
    uploaded_at BIGINT NOT NULL,
    sealed      BYTEA,
    opened_at   BIGINT
);
CREATE INDEX letter_replies_by_letter ON letter_replies (letter);

-- The letters role.
ALTER TABLE grants DROP CONSTRAINT grants_role_check;
ALTER TABLE grants ADD CONSTRAINT grants_role_check
    CHECK (role IN ('editor', 'delivery', 'letters'));
ALTER TABLE invitations DROP CONSTRAINT invitations_role_check;
ALTER TABLE invitations ADD CONSTRAINT invitations_role_check
    CHECK (role IN ('editor', 'delivery', 'letters'));
