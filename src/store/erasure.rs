//! Making deleted signer data unreadable on disk, not only unreachable.
//!
//! SQLite runs with `secure_delete` (freed cells are zeroed), and after
//! deletions the write-ahead log, which still holds the old pages, is
//! checkpointed and truncated; after large deletions `VACUUM` rewrites the
//! file. On PostgreSQL, `VACUUM` lets the server reuse the dead rows' space.

use super::BeginWrite;
use super::{Store, StoreError};

/// How thoroughly to erase after a deletion (ordered: `Bulk` does more).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Erase {
    /// After a few rows (withdrawals, expiry): checkpoint the log.
    Rows,
    /// After a purge of a whole petition or of every hash: rewrite the files.
    Bulk,
}

/// What `svoboda secret destroy` removed from the database.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Forgotten {
    pub hashes_cleared: u64,
    pub outbox_deleted: u64,
}

/// Copies the whole log into the database file and empties it: the log's
/// old frames, which still hold deleted rows, are gone from the disk too.
async fn truncate_log(pool: &sqlx::SqlitePool) -> Result<(), StoreError> {
    // Another checkpoint in progress (the writer's background one) makes
    // this one give up at once rather than wait: try again shortly.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(2);
    loop {
        let (busy, _, _): (i64, i64, i64) = sqlx::query_as("PRAGMA wal_checkpoint(TRUNCATE)")
            .fetch_one(pool)
            .await?;
        if busy == 0 {
            return Ok(());
        }
        if std::time::Instant::now() >= deadline {
            return Err(StoreError::Unreachable(
                "its write-ahead log stayed busy and could not be emptied".into(),
            ));
        }
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
}

impl Store {
    /// Pushes deleted data out of the files (see the module's comment).
    pub async fn erase(&self, how: Erase) -> Result<(), StoreError> {
        match self {
            Store::Sqlite(pool) => {
                if how == Erase::Bulk {
                    sqlx::query("VACUUM").execute(pool).await?;
                }
                truncate_log(pool).await?;
            }
            Store::Postgres(pool) => {
                if how == Erase::Bulk {
                    sqlx::query("VACUUM signatures, outbox")
                        .execute(pool)
                        .await?;
                }
            }
        }
        Ok(())
    }

    /// The panic button's part in the database: every keyed address hash
    /// cleared, the outbox emptied, and the files rewritten.
    pub async fn forget_addresses(&self) -> Result<Forgotten, StoreError> {
        let (hashes, outbox) = super::on_pool!(self, |pool| {
            let mut tx = pool.begin_write().await?;
            let hashes =
                sqlx::query("UPDATE signatures SET email_hash = NULL WHERE email_hash IS NOT NULL")
                    .execute(&mut *tx)
                    .await?
                    .rows_affected();
            let outbox = sqlx::query("DELETE FROM outbox")
                .execute(&mut *tx)
                .await?
                .rows_affected();
            tx.commit().await?;
            (hashes, outbox)
        });
        self.erase(Erase::Bulk).await?;
        Ok(Forgotten {
            hashes_cleared: hashes,
            outbox_deleted: outbox,
        })
    }

    /// Whether a column still exists (for migrations that drop one).
    pub(super) async fn has_column(&self, table: &str, column: &str) -> Result<bool, StoreError> {
        let found: Option<i64> = match self {
            Store::Sqlite(pool) => {
                sqlx::query_scalar("SELECT 1 FROM pragma_table_info($1) WHERE name = $2")
                    .bind(table)
                    .bind(column)
                    .fetch_optional(pool)
                    .await?
            }
            Store::Postgres(pool) => {
                sqlx::query_scalar(
                    "SELECT 1::BIGINT FROM information_schema.columns
                     WHERE table_schema = current_schema() AND table_name = $1 AND column_name = $2",
                )
                .bind(table)
                .bind(column)
                .fetch_optional(pool)
                .await?
            }
        };
        Ok(found.is_some())
    }
}
