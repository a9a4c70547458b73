-- Other groups' instances whose directories this one shows beside its own:
-- their address and public signing key (exchanged out of band), and the
-- last good copy of their signed directory, with its age.
CREATE TABLE peers (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL,
    address       TEXT NOT NULL UNIQUE,
    public_key    TEXT NOT NULL,
    -- Their other addresses, one a line: links and photos may lie there too.
    mirrors       TEXT NOT NULL DEFAULT '',
    added_at      BIGINT NOT NULL,
    -- The last good document's payload (verified), and when it was fetched.
    payload       TEXT,
    fetched_at    BIGINT,
    -- The last attempt, and why it failed (NULL when it did not).
    attempted_at  BIGINT,
    last_error    TEXT,
    -- For conditional requests.
    etag          TEXT,
    last_modified TEXT,
    -- Bumped whenever what the directory shows of the peer changes.
    rev           BIGINT NOT NULL DEFAULT 0
);

-- Their campaigns' photos, fetched by the server and re-encoded like
-- uploads: pages load them from this instance, never from the peer.
CREATE TABLE peer_photos (
    peer_id BIGINT NOT NULL REFERENCES peers (id) ON DELETE CASCADE,
    slug    TEXT NOT NULL,
    source  TEXT NOT NULL,
    jpeg    BLOB NOT NULL,
    width   BIGINT NOT NULL,
    height  BIGINT NOT NULL,
    digest  TEXT NOT NULL,
    PRIMARY KEY (peer_id, slug)
);
