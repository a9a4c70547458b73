-- A campaign is read and edited as a whole, so it is stored as one JSON
-- document; the columns beside it are what lists need without parsing.
CREATE TABLE campaigns (
    slug        TEXT PRIMARY KEY,
    doc         TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    modified_at TEXT NOT NULL
);

-- Shared by all campaigns: a change of an organisation's legal status is
-- made once.
CREATE TABLE organisations (
    id  TEXT PRIMARY KEY,
    doc TEXT NOT NULL
);

CREATE TABLE photos (
    slug   TEXT PRIMARY KEY REFERENCES campaigns (slug) ON DELETE CASCADE,
    jpeg   BYTEA NOT NULL,
    width  BIGINT NOT NULL,
    height BIGINT NOT NULL,
    -- Part of the photo URL, so browsers may cache it for ever.
    digest TEXT NOT NULL
);

-- Bumped by every change of public content; every process polls it to know
-- when its cached pages are stale.
CREATE TABLE content_revision (
    id    INTEGER PRIMARY KEY CHECK (id = 1),
    value BIGINT NOT NULL
);
INSERT INTO content_revision (id, value) VALUES (1, 0);
