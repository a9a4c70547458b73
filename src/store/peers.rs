//! Peers: other groups' instances whose directories this one shows, with
//! the last good copy of each (kept while the peer is down or blocked) and
//! their campaigns' photos, re-encoded.

use std::collections::HashMap;

use super::campaigns::photo_from_row;
use super::{BeginWrite, Store, StoreError, bump_content_revision, on_pool};
use crate::campaign::photo::{Photo, PhotoMeta};
use crate::peers::fetch::Validators;

#[derive(Debug, Clone, PartialEq)]
pub struct PeerRow {
    pub id: i64,
    /// The group's name, as the owner wrote it: each card is marked with it.
    pub name: String,
    pub address: String,
    pub public_key: String,
    pub mirrors: Vec<String>,
    pub added_at: i64,
    /// The last good directory's payload (verified when fetched).
    pub payload: Option<String>,
    /// When that copy was fetched (or last confirmed unchanged).
    pub fetched_at: Option<i64>,
    pub attempted_at: Option<i64>,
    pub last_error: Option<String>,
    pub validators: Validators,
}

type Row = (
    i64,
    String,
    String,
    String,
    String,
    i64,
    Option<String>,
    Option<i64>,
    Option<i64>,
    Option<String>,
    Option<String>,
    Option<String>,
);

fn peer_from_row(r: Row) -> PeerRow {
    PeerRow {
        id: r.0,
        name: r.1,
        address: r.2,
        public_key: r.3,
        mirrors: r.4.lines().map(str::to_string).collect(),
        added_at: r.5,
        payload: r.6,
        fetched_at: r.7,
        attempted_at: r.8,
        last_error: r.9,
        validators: Validators {
            etag: r.10,
            last_modified: r.11,
        },
    }
}

impl Store {
    pub async fn peers(&self) -> Result<Vec<PeerRow>, StoreError> {
        let rows: Vec<Row> = on_pool!(self, |pool| {
            sqlx::query_as(
                "SELECT id, name, address, public_key, mirrors, added_at, payload, fetched_at,
                 attempted_at, last_error, etag, last_modified FROM peers ORDER BY id",
            )
            .fetch_all(pool)
            .await?
        });
        Ok(rows.into_iter().map(peer_from_row).collect())
    }

    /// Changes whenever what the directory shows of the peers changes.
    pub async fn peers_stamp(&self) -> Result<(i64, i64), StoreError> {
        Ok(on_pool!(self, |pool| {
            sqlx::query_as("SELECT COUNT(*), CAST(COALESCE(SUM(rev), 0) AS BIGINT) FROM peers")
                .fetch_one(pool)
                .await?
        }))
    }

    /// Adds a peer; `None` when one at that address exists.
    pub async fn add_peer(
        &self,
        name: &str,
        address: &str,
        public_key: &str,
        mirrors: &[String],
        now: i64,
    ) -> Result<Option<i64>, StoreError> {
        let id: Option<i64> = on_pool!(self, |pool| {
            sqlx::query_scalar(
                "INSERT INTO peers (name, address, public_key, mirrors, added_at)
                 VALUES ($1, $2, $3, $4, $5)
                 ON CONFLICT (address) DO NOTHING RETURNING id",
            )
            .bind(name)
            .bind(address)
            .bind(public_key)
            .bind(mirrors.join("\n"))
            .bind(now)
            .fetch_optional(pool)
            .await?
        });
        Ok(id)
    }

    /// Removes a peer, its copy and photos; false when there was none.
    pub async fn remove_peer(&self, id: i64) -> Result<bool, StoreError> {
        Ok(on_pool!(self, |pool| {
            let mut tx = pool.begin_write().await?;
            let gone = sqlx::query("DELETE FROM peer_photos WHERE peer_id = $1")
                .bind(id)
                .execute(&mut *tx)
                .await
                .and(
                    sqlx::query("DELETE FROM peers WHERE id = $1")
                        .bind(id)
                        .execute(&mut *tx)
                        .await,
                )?
                .rows_affected()
                > 0;
            bump_content_revision!(&mut *tx)?;
            tx.commit().await?;
            gone
        }))
    }

    /// Keeps a new good copy of a peer's directory.
    pub async fn peer_fetched(
        &self,
        id: i64,
        payload: &str,
        validators: &Validators,
        now: i64,
    ) -> Result<(), StoreError> {
        on_pool!(self, |pool| {
            let mut tx = pool.begin_write().await?;
            sqlx::query(
                "UPDATE peers SET payload = $2, fetched_at = $3, attempted_at = $3,
                 last_error = NULL, etag = $4, last_modified = $5, rev = rev + 1 WHERE id = $1",
            )
            .bind(id)
            .bind(payload)
            .bind(now)
            .bind(&validators.etag)
            .bind(&validators.last_modified)
            .execute(&mut *tx)
            .await?;
            bump_content_revision!(&mut *tx)?;
            tx.commit().await?;
        });
        Ok(())
    }

    /// The peer said its directory has not changed: the copy is that new.
    /// (The directory is drawn again: the copy's age is on its cards once
    /// it is old, so every fetch counts as a change; a few per hour.)
    pub async fn peer_unchanged(&self, id: i64, now: i64) -> Result<(), StoreError> {
        on_pool!(self, |pool| {
            let mut tx = pool.begin_write().await?;
            sqlx::query(
                "UPDATE peers SET fetched_at = $2, attempted_at = $2, last_error = NULL,
                 rev = rev + 1 WHERE id = $1",
            )
            .bind(id)
            .bind(now)
            .execute(&mut *tx)
            .await?;
            bump_content_revision!(&mut *tx)?;
            tx.commit().await?;
        });
        Ok(())
    }

    /// A fetch failed or its document was refused: the last good copy stays
    /// (and the directory is drawn again, its age growing).
    pub async fn peer_failed(&self, id: i64, error: &str, now: i64) -> Result<(), StoreError> {
        on_pool!(self, |pool| {
            let mut tx = pool.begin_write().await?;
            sqlx::query(
                "UPDATE peers SET attempted_at = $2, last_error = $3, rev = rev + 1 WHERE id = $1",
            )
            .bind(id)
            .bind(now)
            .bind(error)
            .execute(&mut *tx)
            .await?;
            bump_content_revision!(&mut *tx)?;
            tx.commit().await?;
        });
        Ok(())
    }

    /// Where each of a peer's stored photos came from, by campaign.
    pub async fn peer_photo_sources(
        &self,
        peer: i64,
    ) -> Result<HashMap<String, String>, StoreError> {
        let rows: Vec<(String, String)> = on_pool!(self, |pool| {
            sqlx::query_as("SELECT slug, source FROM peer_photos WHERE peer_id = $1")
                .bind(peer)
                .fetch_all(pool)
                .await?
        });
        Ok(rows.into_iter().collect())
    }

    pub async fn save_peer_photo(
        &self,
        peer: i64,
        slug: &str,
        source: &str,
        photo: &Photo,
    ) -> Result<(), StoreError> {
        let meta = photo.meta();
        on_pool!(self, |pool| {
            let mut tx = pool.begin_write().await?;
            sqlx::query(
                "INSERT INTO peer_photos (peer_id, slug, source, jpeg, width, height, digest)
                 VALUES ($1, $2, $3, $4, $5, $6, $7)
                 ON CONFLICT (peer_id, slug) DO UPDATE SET source = excluded.source,
                 jpeg = excluded.jpeg, width = excluded.width, height = excluded.height,
                 digest = excluded.digest",
            )
            .bind(peer)
            .bind(slug)
            .bind(source)
            .bind(&photo.jpeg)
            .bind(i64::from(photo.width))
            .bind(i64::from(photo.height))
            .bind(&meta.digest)
            .execute(&mut *tx)
            .await?;
            sqlx::query("UPDATE peers SET rev = rev + 1 WHERE id = $1")
                .bind(peer)
                .execute(&mut *tx)
                .await?;
            bump_content_revision!(&mut *tx)?;
            tx.commit().await?;
        });
        Ok(())
    }

    /// Deletes a peer's photos of campaigns it no longer lists.
    pub async fn drop_peer_photo(&self, peer: i64, slug: &str) -> Result<(), StoreError> {
        on_pool!(self, |pool| {
            sqlx::query("DELETE FROM peer_photos WHERE peer_id = $1 AND slug = $2")
                .bind(peer)
                .bind(slug)
                .execute(pool)
                .await?;
        });
        Ok(())
    }

    pub async fn peer_photo(&self, peer: i64, slug: &str) -> Result<Option<Photo>, StoreError> {
        let row: Option<(Vec<u8>, i64, i64)> = on_pool!(self, |pool| {
            sqlx::query_as(
                "SELECT jpeg, width, height FROM peer_photos WHERE peer_id = $1 AND slug = $2",
            )
            .bind(peer)
            .bind(slug)
            .fetch_optional(pool)
            .await?
        });
        row.map(photo_from_row).transpose()
    }

    /// Size and digest of every peer photo, by (peer, campaign).
    pub async fn peer_photo_metas(&self) -> Result<HashMap<(i64, String), PhotoMeta>, StoreError> {
        let rows: Vec<(i64, String, i64, i64, String)> = on_pool!(self, |pool| {
            sqlx::query_as("SELECT peer_id, slug, width, height, digest FROM peer_photos")
                .fetch_all(pool)
                .await?
        });
        Ok(rows
            .into_iter()
            .map(|(peer, slug, w, h, digest)| {
                let meta = PhotoMeta {
                    width: u32::try_from(w).unwrap_or(0),
                    height: u32::try_from(h).unwrap_or(0),
                    digest,
                };
                ((peer, slug), meta)
            })
            .collect())
    }
}
