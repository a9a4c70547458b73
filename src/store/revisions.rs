//! Revisions of campaigns saved in the workspace.

use super::{Store, StoreError, on_pool};
use crate::campaign::Campaign;
use crate::campaign::photo::Photo;
use crate::campaign::revision::Revision;

/// What saving a revision came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SavedRevision {
    Saved(i64),
    /// Someone saved a revision on the same one first: nothing was written.
    Conflict,
}

type RevisionRow = (i64, i64, String, Option<String>, i64, Option<i64>);

fn revision_from(row: RevisionRow) -> Result<Revision, StoreError> {
    let (id, parent, doc, author_login, created_at, published_at) = row;
    let campaign: Campaign = serde_json::from_str(&doc)
        .map_err(|e| StoreError::Corrupt(format!("campaign revision {id}: {e}")))?;
    Ok(Revision {
        id,
        parent,
        campaign,
        author_login,
        created_at,
        published_at,
    })
}

const COLUMNS: &str = "id, parent, doc, author_login, created_at, published_at";

impl Store {
    /// Saves a revision made from revision `parent` (0: from the public
    /// campaign). Refused when another revision was made from it already.
    pub async fn save_revision(
        &self,
        campaign: &Campaign,
        parent: i64,
        author: (i64, &str),
        now: i64,
    ) -> Result<SavedRevision, StoreError> {
        let doc =
            serde_json::to_string(campaign).map_err(|e| StoreError::Corrupt(e.to_string()))?;
        let slug = campaign.slug.as_str();
        let inserted: Result<i64, sqlx::Error> = on_pool!(self, |pool| {
            sqlx::query_scalar(
                "INSERT INTO campaign_revisions (slug, parent, doc, author, author_login, created_at)
                 VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
            )
            .bind(slug)
            .bind(parent)
            .bind(&doc)
            .bind(author.0)
            .bind(author.1)
            .bind(now)
            .fetch_one(pool)
            .await
        });
        match inserted {
            Ok(id) => Ok(SavedRevision::Saved(id)),
            Err(sqlx::Error::Database(e)) if e.is_unique_violation() => Ok(SavedRevision::Conflict),
            Err(e) => Err(e.into()),
        }
    }

    /// The newest revision of a campaign: its draft.
    pub async fn head_revision(&self, slug: &str) -> Result<Option<Revision>, StoreError> {
        let sql = format!(
            "SELECT {COLUMNS} FROM campaign_revisions WHERE slug = $1 ORDER BY id DESC LIMIT 1"
        );
        let row: Option<RevisionRow> = on_pool!(self, |pool| {
            sqlx::query_as(sqlx::AssertSqlSafe(sql))
                .bind(slug)
                .fetch_optional(pool)
                .await?
        });
        row.map(revision_from).transpose()
    }

    pub async fn revision(&self, slug: &str, id: i64) -> Result<Option<Revision>, StoreError> {
        let sql = format!("SELECT {COLUMNS} FROM campaign_revisions WHERE slug = $1 AND id = $2");
        let row: Option<RevisionRow> = on_pool!(self, |pool| {
            sqlx::query_as(sqlx::AssertSqlSafe(sql))
                .bind(slug)
                .bind(id)
                .fetch_optional(pool)
                .await?
        });
        row.map(revision_from).transpose()
    }

    /// Every revision of a campaign, newest first.
    pub async fn revisions(&self, slug: &str) -> Result<Vec<Revision>, StoreError> {
        let sql =
            format!("SELECT {COLUMNS} FROM campaign_revisions WHERE slug = $1 ORDER BY id DESC");
        let rows: Vec<RevisionRow> = on_pool!(self, |pool| {
            sqlx::query_as(sqlx::AssertSqlSafe(sql))
                .bind(slug)
                .fetch_all(pool)
                .await?
        });
        rows.into_iter().map(revision_from).collect()
    }

    /// Slugs of campaigns that exist only as drafts (never published).
    pub async fn draft_only_slugs(&self) -> Result<Vec<String>, StoreError> {
        Ok(on_pool!(self, |pool| {
            sqlx::query_scalar(
                "SELECT DISTINCT r.slug FROM campaign_revisions r
                 WHERE NOT EXISTS (SELECT 1 FROM campaigns c WHERE c.slug = r.slug)
                 ORDER BY r.slug",
            )
            .fetch_all(pool)
            .await?
        }))
    }

    pub async fn mark_published(&self, id: i64, now: i64) -> Result<(), StoreError> {
        on_pool!(self, |pool| {
            sqlx::query("UPDATE campaign_revisions SET published_at = $2 WHERE id = $1")
                .bind(id)
                .bind(now)
                .execute(pool)
                .await?;
        });
        Ok(())
    }

    /// Keeps an uploaded photo until the campaign is published.
    pub async fn save_draft_photo(
        &self,
        slug: &str,
        photo: &Photo,
        now: i64,
    ) -> Result<(), StoreError> {
        on_pool!(self, |pool| {
            sqlx::query(
                "INSERT INTO draft_photos (slug, jpeg, width, height, uploaded_at)
                 VALUES ($1, $2, $3, $4, $5)
                 ON CONFLICT (slug) DO UPDATE SET jpeg = excluded.jpeg, width = excluded.width,
                     height = excluded.height, uploaded_at = excluded.uploaded_at",
            )
            .bind(slug)
            .bind(&photo.jpeg)
            .bind(i64::from(photo.width))
            .bind(i64::from(photo.height))
            .bind(now)
            .execute(pool)
            .await?;
        });
        Ok(())
    }

    /// The photo waiting to be published with a campaign, if any.
    pub async fn draft_photo(&self, slug: &str) -> Result<Option<Photo>, StoreError> {
        let row: Option<(Vec<u8>, i64, i64)> = on_pool!(self, |pool| {
            sqlx::query_as("SELECT jpeg, width, height FROM draft_photos WHERE slug = $1")
                .bind(slug)
                .fetch_optional(pool)
                .await?
        });
        row.map(super::campaigns::photo_from_row).transpose()
    }

    /// Whether a photo waits to be published with a campaign (without
    /// reading it).
    pub async fn has_draft_photo(&self, slug: &str) -> Result<bool, StoreError> {
        let found: i64 = on_pool!(self, |pool| {
            sqlx::query_scalar("SELECT COUNT(*) FROM draft_photos WHERE slug = $1")
                .bind(slug)
                .fetch_one(pool)
                .await?
        });
        Ok(found > 0)
    }

    pub async fn drop_draft_photo(&self, slug: &str) -> Result<(), StoreError> {
        on_pool!(self, |pool| {
            sqlx::query("DELETE FROM draft_photos WHERE slug = $1")
                .bind(slug)
                .execute(pool)
                .await?;
        });
        Ok(())
    }
}
