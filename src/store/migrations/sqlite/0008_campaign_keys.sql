-- A campaign's organiser keys, from proposal to end: the one truth of which
-- keys new signatures are sealed to (a campaign file's list is not; see
-- campaign/keys.rs). Times are unix seconds. A campaign may have keys
-- before it is published, so the slug is not a reference.
CREATE TABLE campaign_keys (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    slug         TEXT NOT NULL,
    public_key   TEXT NOT NULL,
    -- The owner's login; NULL: a campaign file imported on the server.
    proposed_by  TEXT,
    proposed_at  BIGINT NOT NULL,
    effective_at BIGINT NOT NULL,
    closed_by    TEXT,
    -- Cancelled (before effective_at) or removed (after).
    closed_at    BIGINT
);
CREATE INDEX campaign_keys_by_slug ON campaign_keys (slug);

-- The keys published campaigns have now are in force since ever.
INSERT INTO campaign_keys (slug, public_key, proposed_at, effective_at)
SELECT c.slug, trim(json_extract(c.doc, '$.organiser_key')), 0, 0
FROM campaigns c
WHERE json_extract(c.doc, '$.organiser_key') IS NOT NULL;
INSERT INTO campaign_keys (slug, public_key, proposed_at, effective_at)
SELECT c.slug, trim(k.value), 0, 0
FROM campaigns c, json_each(c.doc, '$.organiser_keys') k
WHERE NOT EXISTS (
    SELECT 1 FROM campaign_keys e WHERE e.slug = c.slug AND e.public_key = trim(k.value)
);
