-- What one command tells another about the running instance, by name: the
-- server records the address its workspace answers on, so that an
-- invitation made on the shell links to where it can be opened.
CREATE TABLE instance_notes (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
