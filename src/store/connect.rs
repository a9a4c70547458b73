//! Opening a database from its URL: the one place that knows each backend's
//! connection settings.

use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::Duration;

use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};

use super::{Store, StoreError};

/// What a database URL names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DatabaseUrl {
    Sqlite(PathBuf),
    Postgres(String),
}

impl DatabaseUrl {
    pub fn parse(url: &str) -> Result<Self, StoreError> {
        if let Some(rest) = url
            .strip_prefix("sqlite://")
            .or_else(|| url.strip_prefix("sqlite:"))
        {
            let path = rest.split('?').next().unwrap_or_default();
            if path.is_empty() {
                return Err(StoreError::BadUrl(format!(
                    "'{url}' names no file: use sqlite://PATH, e.g. sqlite://svoboda.db"
                )));
            }
            return Ok(DatabaseUrl::Sqlite(PathBuf::from(path)));
        }
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            return Ok(DatabaseUrl::Postgres(url.to_string()));
        }
        Err(StoreError::BadUrl(format!(
            "'{}' is not a database URL this program knows: use sqlite://PATH or postgres://USER@HOST/DB",
            redact(url)
        )))
    }
}

/// Whether opening may create a new SQLite file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenMode {
    /// `serve` creates the database on first run...
    CreateIfMissing,
    /// ...other commands expect it to be there, so a typo is not a new empty file.
    MustExist,
}

pub async fn connect(url: &str, mode: OpenMode) -> Result<Store, StoreError> {
    let store = match DatabaseUrl::parse(url)? {
        DatabaseUrl::Sqlite(path) => Store::Sqlite(open_sqlite(&path, mode).await?),
        DatabaseUrl::Postgres(url) => Store::Postgres(open_postgres(&url).await?),
    };
    store.migrate().await?;
    Ok(store)
}

async fn open_sqlite(path: &Path, mode: OpenMode) -> Result<sqlx::SqlitePool, StoreError> {
    let exists = path.exists();
    if !exists {
        match mode {
            OpenMode::MustExist => {
                return Err(StoreError::BadUrl(format!(
                    "there is no database at '{}': check --database-url, or start `svoboda serve` once to create it",
                    path.display()
                )));
            }
            OpenMode::CreateIfMissing => {
                let parent = path.parent().filter(|p| !p.as_os_str().is_empty());
                if let Some(dir) = parent.filter(|d| !d.is_dir()) {
                    return Err(StoreError::BadUrl(format!(
                        "the folder '{}' for the database does not exist: check --database-url",
                        dir.display()
                    )));
                }
            }
        }
    }
    let options = SqliteConnectOptions::new()
        .filename(path)
        .create_if_missing(mode == OpenMode::CreateIfMissing)
        .journal_mode(SqliteJournalMode::Wal)
        // FULL: a commit that was acknowledged survives an OS crash or power
        // loss, not only a crash of this process.
        .synchronous(SqliteSynchronous::Full)
        .foreign_keys(true)
        // Deleted signer data is overwritten with zeros, not left in free pages.
        .pragma("secure_delete", "ON")
        .busy_timeout(Duration::from_secs(5));
    SqlitePoolOptions::new()
        .max_connections(4)
        .acquire_timeout(Duration::from_secs(5))
        .connect_with(options)
        .await
        .map_err(|e| StoreError::Unreachable(format!("cannot open '{}': {e}", path.display())))
}

async fn open_postgres(url: &str) -> Result<sqlx::PgPool, StoreError> {
    let options = PgConnectOptions::from_str(url)
        .map_err(|e| StoreError::BadUrl(format!("'{}': {e}", redact(url))))?
        // Pages our sessions evict go to the disk soon, a few at a time,
        // instead of piling up for the kernel to flush at once: such a flush
        // stalled the server's WAL syncs, which every signer waits for.
        .options([("backend_flush_after", "256kB")]);
    PgPoolOptions::new()
        .max_connections(10)
        .acquire_timeout(Duration::from_secs(5))
        .connect_with(options)
        .await
        .map_err(|e| StoreError::Unreachable(format!("cannot connect to '{}': {e}", redact(url))))
}

/// The URL without its password, for messages and logs.
pub fn redact(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(mut parsed) if parsed.password().is_some() => {
            let _ = parsed.set_password(Some("***"));
            parsed.to_string()
        }
        _ => url.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_name_their_backend() {
        assert_eq!(
            DatabaseUrl::parse("sqlite://svoboda.db").ok(),
            Some(DatabaseUrl::Sqlite("svoboda.db".into()))
        );
        assert_eq!(
            DatabaseUrl::parse("sqlite:///var/lib/svoboda/db.sqlite").ok(),
            Some(DatabaseUrl::Sqlite("/var/lib/svoboda/db.sqlite".into()))
        );
        assert!(matches!(
            DatabaseUrl::parse("postgres://u@h/db"),
            Ok(DatabaseUrl::Postgres(_))
        ));
        for bad in ["mysql://x", "sqlite://", "svoboda.db", "postgress://x"] {
            assert!(DatabaseUrl::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn passwords_never_reach_messages() {
        let err = DatabaseUrl::parse("mysql://user:secret@host/db").expect_err("unknown scheme");
        assert!(!err.to_string().contains("secret"));
        assert_eq!(redact("postgres://u:secret@h/db"), "postgres://u:***@h/db");
    }
}
