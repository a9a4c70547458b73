-- A news update's photo (imported from a Telegram channel), re-encoded
-- like a campaign's photo: no metadata of the original is stored.
CREATE TABLE update_photos (
    campaign  TEXT NOT NULL REFERENCES campaigns (slug) ON DELETE CASCADE,
    update_id TEXT NOT NULL,
    jpeg      BLOB NOT NULL,
    width     BIGINT NOT NULL,
    height    BIGINT NOT NULL,
    digest    TEXT NOT NULL,
    PRIMARY KEY (campaign, update_id)
);
