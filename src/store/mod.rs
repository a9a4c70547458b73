//! The only place that speaks SQL. One API over SQLite (the embedded
//! default) and PostgreSQL (shared by several processes); queries are written
//! once where the dialects agree, and return domain types.

mod accounts;
mod audit;
mod campaign_keys;
mod campaigns;
mod connect;
pub mod erasure;
pub mod instance_notes;
pub mod letters;
pub mod paper;
pub mod passkeys;
pub mod peers;
mod revisions;
pub mod sessions;
pub mod signatures;

use sqlx::{PgPool, SqlitePool};

pub use accounts::Accepted;
pub use audit::AuditFilter;
pub use campaigns::{CampaignSummary, PhotoChange, SaveMode};
pub use connect::{DatabaseUrl, OpenMode, connect, redact};
pub use erasure::{Erase, Forgotten};
pub use revisions::SavedRevision;

#[derive(Clone, Debug)]
pub enum Store {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

/// Runs the same code against whichever pool the store holds: the body is
/// written once and compiled for each backend.
macro_rules! on_pool {
    ($store:expr, |$pool:ident| $body:expr) => {
        match $store {
            $crate::store::Store::Sqlite($pool) => $body,
            $crate::store::Store::Postgres($pool) => $body,
        }
    };
}
pub(crate) use on_pool;

/// Starts a transaction that writes. On SQLite it takes the write lock at
/// once (`BEGIN IMMEDIATE`): a deferred transaction that reads first and
/// then writes fails with "database is locked", without waiting, when
/// another process wrote in between; an immediate one waits its turn
/// within the busy timeout.
pub(crate) trait BeginWrite {
    type Db: sqlx::Database;
    fn begin_write(
        &self,
    ) -> impl std::future::Future<Output = Result<sqlx::Transaction<'static, Self::Db>, sqlx::Error>>
    + Send;
}

impl BeginWrite for SqlitePool {
    type Db = sqlx::Sqlite;
    async fn begin_write(&self) -> Result<sqlx::Transaction<'static, sqlx::Sqlite>, sqlx::Error> {
        self.begin_with("BEGIN IMMEDIATE").await
    }
}

impl BeginWrite for PgPool {
    type Db = sqlx::Postgres;
    async fn begin_write(&self) -> Result<sqlx::Transaction<'static, sqlx::Postgres>, sqlx::Error> {
        self.begin().await
    }
}

/// Marks public content as changed, inside a transaction: every process
/// reloads its snapshot on its next poll. With `campaign = slug`, only that
/// campaign changed: processes reload it alone and keep the others' pages.
macro_rules! bump_content_revision {
    ($conn:expr) => {
        sqlx::query("UPDATE content_revision SET value = value + 1 WHERE id = 1")
            .execute($conn)
            .await
    };
    ($conn:expr, campaign = $slug:expr) => {
        match sqlx::query("UPDATE content_revision SET value = value + 1 WHERE id = 1")
            .execute($conn)
            .await
        {
            Ok(_) => {
                sqlx::query(
                    "UPDATE campaigns SET rev = (SELECT value FROM content_revision WHERE id = 1)
                     WHERE slug = $1",
                )
                .bind($slug)
                .execute($conn)
                .await
            }
            Err(e) => Err(e),
        }
    };
}
pub(crate) use bump_content_revision;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{0}")]
    BadUrl(String),
    #[error("the database is unreachable: {0}")]
    Unreachable(String),
    #[error("database error: {0}")]
    Query(#[from] sqlx::Error),
    #[error("migrating the database failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("stored data is damaged: {0}")]
    Corrupt(String),
    #[error("{0}")]
    Unsupported(String),
}

impl StoreError {
    /// Whether waiting may help: the client gets "try again later", not "broken".
    pub fn is_transient(&self) -> bool {
        match self {
            StoreError::Unreachable(_) => true,
            StoreError::Query(e) => matches!(
                e,
                sqlx::Error::PoolTimedOut | sqlx::Error::Io(_) | sqlx::Error::PoolClosed
            ),
            _ => false,
        }
    }
}

impl Store {
    pub fn backend(&self) -> &'static str {
        match self {
            Store::Sqlite(_) => "sqlite",
            Store::Postgres(_) => "postgres",
        }
    }

    async fn migrate(&self) -> Result<(), StoreError> {
        // Migration 3 drops the plain country column; its old bytes must
        // also leave the files, which a migration's transaction cannot do.
        let had_country = self.has_column("signatures", "country").await?;
        match self {
            Store::Sqlite(pool) => {
                sqlx::migrate!("src/store/migrations/sqlite")
                    .run(pool)
                    .await?
            }
            Store::Postgres(pool) => {
                sqlx::migrate!("src/store/migrations/postgres")
                    .run(pool)
                    .await?
            }
        }
        if had_country {
            self.erase(Erase::Bulk).await?;
        }
        Ok(())
    }

    /// A consistent copy of a SQLite database while it keeps serving.
    pub async fn backup(&self, dest: &std::path::Path) -> Result<(), StoreError> {
        match self {
            Store::Sqlite(pool) => {
                if dest.exists() {
                    return Err(StoreError::Unsupported(format!(
                        "'{}' already exists: choose a new file name",
                        dest.display()
                    )));
                }
                let dest = dest.to_str().ok_or_else(|| {
                    StoreError::Unsupported("the backup path must be valid UTF-8".into())
                })?;
                sqlx::query("VACUUM INTO $1")
                    .bind(dest)
                    .execute(pool)
                    .await?;
                Ok(())
            }
            Store::Postgres(_) => Err(StoreError::Unsupported(
                "for PostgreSQL use pg_dump, which knows the server's own consistency rules".into(),
            )),
        }
    }

    pub async fn close(&self) {
        on_pool!(self, |pool| pool.close().await)
    }
}
