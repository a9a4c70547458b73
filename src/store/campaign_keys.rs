//! Campaigns' organiser keys as recorded (see `campaign::keys` for the rules).

use super::BeginWrite;
use std::collections::HashMap;

use super::{Store, StoreError, bump_content_revision, on_pool};
use crate::campaign::keys::KeyRecord;

type KeyRow = (
    i64,
    String,
    String,
    Option<String>,
    i64,
    i64,
    Option<String>,
    Option<i64>,
);

const COLUMNS: &str =
    "id, slug, public_key, proposed_by, proposed_at, effective_at, closed_by, closed_at";

fn record_from(row: KeyRow) -> (String, KeyRecord) {
    let (id, slug, key, proposed_by, proposed_at, effective_at, closed_by, closed_at) = row;
    (
        slug,
        KeyRecord {
            id,
            key,
            proposed_by,
            proposed_at,
            effective_at,
            closed_by,
            closed_at,
        },
    )
}

/// Inserts a key record inside a transaction of either backend.
macro_rules! insert_key {
    ($conn:expr, $slug:expr, $key:expr, $by:expr, $now:expr, $effective:expr) => {
        sqlx::query_scalar::<_, i64>(
            "INSERT INTO campaign_keys (slug, public_key, proposed_by, proposed_at, effective_at)
             VALUES ($1, $2, $3, $4, $5) RETURNING id",
        )
        .bind($slug)
        .bind($key)
        .bind($by)
        .bind($now)
        .bind($effective)
        .fetch_one($conn)
        .await
    };
}
pub(super) use insert_key;

impl Store {
    /// Every record of one campaign's keys, oldest first.
    pub async fn key_records(&self, slug: &str) -> Result<Vec<KeyRecord>, StoreError> {
        let sql = format!("SELECT {COLUMNS} FROM campaign_keys WHERE slug = $1 ORDER BY id");
        let rows: Vec<KeyRow> = on_pool!(self, |pool| {
            sqlx::query_as(sqlx::AssertSqlSafe(sql))
                .bind(slug)
                .fetch_all(pool)
                .await?
        });
        Ok(rows.into_iter().map(|r| record_from(r).1).collect())
    }

    /// Every campaign's key records, by slug.
    pub async fn all_key_records(&self) -> Result<HashMap<String, Vec<KeyRecord>>, StoreError> {
        let sql = format!("SELECT {COLUMNS} FROM campaign_keys ORDER BY id");
        let rows: Vec<KeyRow> = on_pool!(self, |pool| {
            sqlx::query_as(sqlx::AssertSqlSafe(sql))
                .fetch_all(pool)
                .await?
        });
        let mut by_slug: HashMap<String, Vec<KeyRecord>> = HashMap::new();
        for (slug, record) in rows.into_iter().map(record_from) {
            by_slug.entry(slug).or_default().push(record);
        }
        Ok(by_slug)
    }

    /// Records a proposed key, in force from `effective_at`. Every process
    /// reloads its content: the key may apply at once.
    pub async fn propose_key(
        &self,
        slug: &str,
        key: &str,
        proposed_by: Option<&str>,
        now: i64,
        effective_at: i64,
    ) -> Result<i64, StoreError> {
        let key = key.trim();
        Ok(on_pool!(self, |pool| {
            let mut tx = pool.begin_write().await?;
            let id = insert_key!(&mut *tx, slug, key, proposed_by, now, effective_at)?;
            bump_content_revision!(&mut *tx, campaign = slug)?;
            tx.commit().await?;
            id
        }))
    }

    /// Ends a key: cancels it while it waits, removes it once in force, but
    /// never the last one in force. Returns whether it was ended.
    pub async fn close_key(
        &self,
        slug: &str,
        id: i64,
        closed_by: Option<&str>,
        now: i64,
    ) -> Result<bool, StoreError> {
        Ok(on_pool!(self, |pool| {
            let mut tx = pool.begin_write().await?;
            // The count is part of the statement, so two owners removing the
            // last two keys at once cannot both succeed on one backend write.
            let closed = sqlx::query(
                "UPDATE campaign_keys SET closed_at = $3, closed_by = $4
                 WHERE id = $1 AND slug = $2 AND closed_at IS NULL
                   AND (effective_at > $3 OR (
                        SELECT COUNT(*) FROM campaign_keys k
                        WHERE k.slug = $2 AND k.closed_at IS NULL AND k.effective_at <= $3) >= 2)",
            )
            .bind(id)
            .bind(slug)
            .bind(now)
            .bind(closed_by)
            .execute(&mut *tx)
            .await?
            .rows_affected()
                > 0;
            if closed {
                bump_content_revision!(&mut *tx, campaign = slug)?;
            }
            tx.commit().await?;
            closed
        }))
    }
}
