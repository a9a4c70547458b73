//! Paper signatures: the entries editors add to a petition, and the sum
//! that counts (`petitions.paper`), changed by the same transaction. Each
//! change marks the campaign's pages as changed, so they show it at once.

use chrono::NaiveDate;

use super::{BeginWrite, Store, StoreError, bump_content_revision, on_pool};
use crate::petition::paper::{Correction, PaperEntry, PaperInput};

/// What a correction did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Corrected {
    /// The old entry's count, and the new entry's id.
    Done { was: i64, id: i64 },
    /// No such entry on this petition.
    NotFound,
    /// Someone corrected it first: the newer entry is the one to correct.
    AlreadyCorrected,
}

type Row = (
    i64,
    i64,
    String,
    String,
    String,
    i64,
    Option<i64>,
    String,
    Option<i64>,
);

fn entry_from_row(r: Row) -> Result<PaperEntry, StoreError> {
    let collected_on = NaiveDate::parse_from_str(&r.2, "%Y-%m-%d")
        .map_err(|_| StoreError::Corrupt(format!("paper entry {} has date '{}'", r.0, r.2)))?;
    Ok(PaperEntry {
        id: r.0,
        count: r.1,
        collected_on,
        note: r.3,
        added_by: r.4,
        added_at: r.5,
        replaces: r.6,
        reason: r.7,
        replaced_by: r.8,
    })
}

impl Store {
    /// The petition row's id of `campaign`'s petition `petition`.
    async fn petition_id(&self, campaign: &str, petition: &str) -> Result<Option<i64>, StoreError> {
        Ok(on_pool!(self, |pool| {
            sqlx::query_scalar("SELECT id FROM petitions WHERE campaign = $1 AND slug = $2")
                .bind(campaign)
                .bind(petition)
                .fetch_optional(pool)
                .await?
        }))
    }

    /// Every entry of a petition, oldest first (corrected ones too).
    pub async fn paper_entries(
        &self,
        campaign: &str,
        petition: &str,
    ) -> Result<Vec<PaperEntry>, StoreError> {
        let Some(id) = self.petition_id(campaign, petition).await? else {
            return Ok(Vec::new());
        };
        let rows: Vec<Row> = on_pool!(self, |pool| {
            sqlx::query_as(
                "SELECT id, count, collected_on, note, added_by, added_at, replaces, reason,
                 replaced_by FROM paper_counts WHERE petition = $1 ORDER BY id",
            )
            .bind(id)
            .fetch_all(pool)
            .await?
        });
        rows.into_iter().map(entry_from_row).collect()
    }

    /// Adds an entry; `None` when the petition has no row (not published).
    pub async fn add_paper(
        &self,
        campaign: &str,
        petition: &str,
        input: &PaperInput,
        by: &str,
        at: i64,
    ) -> Result<Option<i64>, StoreError> {
        Ok(on_pool!(self, |pool| {
            let mut tx = pool.begin_write().await?;
            let petition_id: Option<i64> =
                sqlx::query_scalar("SELECT id FROM petitions WHERE campaign = $1 AND slug = $2")
                    .bind(campaign)
                    .bind(petition)
                    .fetch_optional(&mut *tx)
                    .await?;
            let Some(petition_id) = petition_id else {
                return Ok(None);
            };
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO paper_counts (petition, count, collected_on, note, added_by, added_at)
                 VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
            )
            .bind(petition_id)
            .bind(input.count)
            .bind(input.collected_on.format("%Y-%m-%d").to_string())
            .bind(&input.note)
            .bind(by)
            .bind(at)
            .fetch_one(&mut *tx)
            .await?;
            sqlx::query("UPDATE petitions SET paper = paper + $1 WHERE id = $2")
                .bind(input.count)
                .bind(petition_id)
                .execute(&mut *tx)
                .await?;
            bump_content_revision!(&mut *tx, campaign = campaign)?;
            tx.commit().await?;
            Some(id)
        }))
    }

    /// Replaces entry `id` by a new one carrying the correction.
    pub async fn correct_paper(
        &self,
        campaign: &str,
        petition: &str,
        id: i64,
        correction: &Correction,
        by: &str,
        at: i64,
    ) -> Result<Corrected, StoreError> {
        let (input, reason) = (&correction.input, &correction.reason);
        Ok(on_pool!(self, |pool| {
            let mut tx = pool.begin_write().await?;
            let old: Option<(i64, i64, Option<i64>)> = sqlx::query_as(
                "SELECT pc.petition, pc.count, pc.replaced_by FROM paper_counts pc
                 JOIN petitions p ON p.id = pc.petition
                 WHERE pc.id = $1 AND p.campaign = $2 AND p.slug = $3",
            )
            .bind(id)
            .bind(campaign)
            .bind(petition)
            .fetch_optional(&mut *tx)
            .await?;
            let Some((petition_id, was, replaced_by)) = old else {
                return Ok(Corrected::NotFound);
            };
            if replaced_by.is_some() {
                return Ok(Corrected::AlreadyCorrected);
            }
            let new_id: i64 = sqlx::query_scalar(
                "INSERT INTO paper_counts
                 (petition, count, collected_on, note, added_by, added_at, replaces, reason)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
            )
            .bind(petition_id)
            .bind(input.count)
            .bind(input.collected_on.format("%Y-%m-%d").to_string())
            .bind(&input.note)
            .bind(by)
            .bind(at)
            .bind(id)
            .bind(reason)
            .fetch_one(&mut *tx)
            .await?;
            sqlx::query("UPDATE paper_counts SET replaced_by = $1 WHERE id = $2")
                .bind(new_id)
                .bind(id)
                .execute(&mut *tx)
                .await?;
            sqlx::query("UPDATE petitions SET paper = paper + $1 WHERE id = $2")
                .bind(input.count - was)
                .bind(petition_id)
                .execute(&mut *tx)
                .await?;
            bump_content_revision!(&mut *tx, campaign = campaign)?;
            tx.commit().await?;
            Corrected::Done { was, id: new_id }
        }))
    }
}
