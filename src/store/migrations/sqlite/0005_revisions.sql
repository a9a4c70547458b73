-- Every save of a campaign in the workspace is a revision; the newest is
-- the draft, and publishing copies a revision into `campaigns`.
CREATE TABLE campaign_revisions (
    id           INTEGER PRIMARY KEY,
    -- No foreign key: a new campaign is a draft before it is public.
    slug         TEXT NOT NULL,
    -- The revision this one was made from (0: the public campaign, or none).
    -- Unique per campaign, so two editors saving on the same revision
    -- cannot both succeed: the second is told, nothing is overwritten.
    parent       BIGINT NOT NULL,
    doc          TEXT NOT NULL,
    author       BIGINT,
    author_login TEXT,
    created_at   BIGINT NOT NULL,
    published_at BIGINT,
    UNIQUE (slug, parent)
);

-- A photo uploaded in the workspace waits here until the campaign is
-- published. It is already re-encoded: no metadata of the original.
CREATE TABLE draft_photos (
    slug        TEXT PRIMARY KEY,
    jpeg        BLOB NOT NULL,
    width       BIGINT NOT NULL,
    height      BIGINT NOT NULL,
    uploaded_at BIGINT NOT NULL
);
