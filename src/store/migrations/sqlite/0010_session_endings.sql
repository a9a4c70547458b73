-- Why an owner's change ended someone's sessions (their role was taken
-- away, their account removed), by the ended session's token hash: the
-- person's next request is told so, not that the session timed out. Kept
-- no longer than a session could have lived.
CREATE TABLE session_endings (
    token_hash BLOB PRIMARY KEY,
    reason     TEXT NOT NULL,
    ended_at   BIGINT NOT NULL
);
