-- Signatures collected on paper, added by editors as counts. An entry is
-- never changed in place: a correction is a new entry that replaces the
-- old one, with a reason, so the history keeps what was counted before.
-- `petitions.paper` is the sum of the entries that count, kept exact by the
-- same transactions.
ALTER TABLE petitions ADD COLUMN paper BIGINT NOT NULL DEFAULT 0;

CREATE TABLE paper_counts (
    id           BIGSERIAL PRIMARY KEY,
    petition     BIGINT NOT NULL REFERENCES petitions (id) ON DELETE CASCADE,
    count        BIGINT NOT NULL,
    -- YYYY-MM-DD: the day of the picket or hearing.
    collected_on TEXT NOT NULL,
    note         TEXT NOT NULL DEFAULT '',
    added_by     TEXT NOT NULL,
    added_at     BIGINT NOT NULL,
    replaces     BIGINT REFERENCES paper_counts (id),
    reason       TEXT NOT NULL DEFAULT '',
    replaced_by  BIGINT
);
CREATE INDEX paper_counts_by_petition ON paper_counts (petition, id);
