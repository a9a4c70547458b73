//! Letters sent through campaigns: stored sealed, found again by their
//! receipt's token hash, marked by volunteers, answered by sealed replies,
//! and emptied by retention (the row stays, for the writer's receipt and
//! the counts of "write to someone").

use std::collections::HashMap;

use super::{BeginWrite, Store, StoreError, on_pool};
use crate::letters::export::ExportedLetter;
use crate::letters::letter::{LetterState, Mark};

/// A letter as it arrives, sealed already: stored by the signature
/// writer (`SignatureWriter::add_letter`), in its group commit.
pub struct NewLetter {
    pub campaign: String,
    /// Rounded down to the hour.
    pub received_at: i64,
    pub header: String,
    pub sealed: Vec<u8>,
    pub token_hash: [u8; 32],
    pub reply_key: String,
    /// The writer's address for a reply notice, sealed with the instance secret.
    pub notice: Option<Vec<u8>>,
}

/// What the writer's receipt shows.
#[derive(Debug, Clone)]
pub struct Receipted {
    pub number: i64,
    pub campaign: String,
    pub received_at: i64,
    pub state: LetterState,
    pub replies: Vec<ReplyRef>,
}

#[derive(Debug, Clone)]
pub struct ReplyRef {
    pub id: i64,
    pub uploaded_at: i64,
    /// Deleted by retention after it was opened.
    pub deleted: bool,
}

/// A letter as the volunteers' list shows it.
#[derive(Debug, Clone)]
pub struct LetterRow {
    pub number: i64,
    pub received_at: i64,
    pub state: LetterState,
    pub exported: bool,
    /// Retention deleted what was written: only the state is left.
    pub deleted: bool,
    pub replies: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Marked {
    Done,
    NotFound,
}

type StateCols = (String, Option<i64>, Option<String>);

fn state_of(number: i64, (code, at, reason): StateCols) -> Result<LetterState, StoreError> {
    LetterState::from_row(&code, at, reason)
        .ok_or_else(|| StoreError::Corrupt(format!("letter {number} has state '{code}'")))
}

impl Store {
    /// The letter a receipt's token hash names, with its replies.
    pub async fn letter_by_receipt(
        &self,
        token_hash: &[u8; 32],
    ) -> Result<Option<Receipted>, StoreError> {
        type Row = (i64, String, i64, String, Option<i64>, Option<String>);
        let row: Option<Row> = on_pool!(self, |pool| {
            sqlx::query_as(
                "SELECT id, campaign, received_at, state, state_at, reason FROM letters
                 WHERE token_hash = $1",
            )
            .bind(&token_hash[..])
            .fetch_optional(pool)
            .await?
        });
        let Some((number, campaign, received_at, code, at, reason)) = row else {
            return Ok(None);
        };
        let replies: Vec<(i64, i64, bool)> = on_pool!(self, |pool| {
            sqlx::query_as(
                "SELECT id, uploaded_at, sealed IS NULL FROM letter_replies
                 WHERE letter = $1 ORDER BY id",
            )
            .bind(number)
            .fetch_all(pool)
            .await?
        });
        Ok(Some(Receipted {
            number,
            campaign,
            received_at,
            state: state_of(number, (code, at, reason))?,
            replies: replies
                .into_iter()
                .map(|(id, uploaded_at, deleted)| ReplyRef {
                    id,
                    uploaded_at,
                    deleted,
                })
                .collect(),
        }))
    }

    /// A reply's sealed bytes, if it is one of `letter`'s and not deleted;
    /// marks it opened (retention counts from the first opening).
    pub async fn open_reply(
        &self,
        letter: i64,
        reply: i64,
        now: i64,
    ) -> Result<Option<Vec<u8>>, StoreError> {
        Ok(on_pool!(self, |pool| {
            let sealed: Option<Option<Vec<u8>>> = sqlx::query_scalar(
                "SELECT sealed FROM letter_replies WHERE id = $1 AND letter = $2",
            )
            .bind(reply)
            .bind(letter)
            .fetch_optional(pool)
            .await?;
            let sealed = sealed.flatten();
            if sealed.is_some() {
                sqlx::query(
                    "UPDATE letter_replies SET opened_at = $2 WHERE id = $1 AND opened_at IS NULL",
                )
                .bind(reply)
                .bind(now)
                .execute(pool)
                .await?;
            }
            sealed
        }))
    }

    /// The campaign's letters, newest first, at most `limit`.
    pub async fn letters_of(
        &self,
        campaign: &str,
        limit: i64,
    ) -> Result<Vec<LetterRow>, StoreError> {
        type Row = (
            i64,
            i64,
            String,
            Option<i64>,
            Option<String>,
            bool,
            bool,
            i64,
        );
        let rows: Vec<Row> = on_pool!(self, |pool| {
            sqlx::query_as(
                "SELECT l.id, l.received_at, l.state, l.state_at, l.reason, l.exported,
                        l.sealed IS NULL,
                        (SELECT COUNT(*) FROM letter_replies r WHERE r.letter = l.id)
                 FROM letters l WHERE l.campaign = $1 ORDER BY l.id DESC LIMIT $2",
            )
            .bind(campaign)
            .bind(limit)
            .fetch_all(pool)
            .await?
        });
        rows.into_iter()
            .map(
                |(number, received_at, code, at, reason, exported, deleted, replies)| {
                    Ok(LetterRow {
                        number,
                        received_at,
                        state: state_of(number, (code, at, reason))?,
                        exported,
                        deleted,
                        replies,
                    })
                },
            )
            .collect()
    }

    /// The sealed letters waiting to be passed on (`only_new`: those not
    /// downloaded yet), oldest first; marks them downloaded. One statement
    /// marks and returns them, so a letter arriving meanwhile is neither
    /// marked unseen nor lost from the next "new" download.
    pub async fn letters_for_export(
        &self,
        campaign: &str,
        only_new: bool,
    ) -> Result<Vec<ExportedLetter>, StoreError> {
        type Row = (i64, i64, Option<String>, Option<Vec<u8>>);
        let mut rows: Vec<Row> = on_pool!(self, |pool| {
            sqlx::query_as(
                "UPDATE letters SET exported = TRUE
                 WHERE campaign = $1 AND state = 'received' AND sealed IS NOT NULL
                   AND (NOT $2 OR NOT exported)
                 RETURNING id, received_at, header, sealed",
            )
            .bind(campaign)
            .bind(only_new)
            .fetch_all(pool)
            .await?
        });
        rows.sort_by_key(|r| r.0);
        Ok(rows
            .into_iter()
            .filter_map(|(number, received_at, header, sealed)| {
                Some(ExportedLetter {
                    number,
                    received_at,
                    header: header?,
                    sealed: sealed?,
                })
            })
            .collect())
    }

    /// A volunteer's mark on letter `number` of `campaign`.
    pub async fn mark_letter(
        &self,
        campaign: &str,
        number: i64,
        mark: &Mark,
        now: i64,
    ) -> Result<Marked, StoreError> {
        let (code, reason) = match mark {
            Mark::Sent => ("sent", None),
            Mark::NotForwarded { reason } => ("not-forwarded", Some(reason.as_str())),
        };
        let changed = on_pool!(self, |pool| {
            sqlx::query(
                "UPDATE letters SET state = $3, state_at = $4, reason = $5
                 WHERE id = $1 AND campaign = $2",
            )
            .bind(number)
            .bind(campaign)
            .bind(code)
            .bind(now)
            .bind(reason)
            .execute(pool)
            .await?
            .rows_affected()
        });
        Ok(if changed > 0 {
            Marked::Done
        } else {
            Marked::NotFound
        })
    }

    /// The receipt key a reply to letter `number` is sealed to; `None`
    /// when the campaign has no such letter.
    pub async fn reply_key(
        &self,
        campaign: &str,
        number: i64,
    ) -> Result<Option<String>, StoreError> {
        Ok(on_pool!(self, |pool| {
            sqlx::query_scalar("SELECT reply_key FROM letters WHERE id = $1 AND campaign = $2")
                .bind(number)
                .bind(campaign)
                .fetch_optional(pool)
                .await?
        }))
    }

    /// Stores a sealed reply to letter `number` and, if the writer left
    /// an address, moves the notice waiting in the letter (composed and
    /// sealed when the letter came) to the outbox, in the same transaction:
    /// it serves once, and the address leaves the letter. Returns whether a
    /// notice was queued, `None` when there is no such letter.
    pub async fn add_reply(
        &self,
        campaign: &str,
        number: i64,
        sealed: &[u8],
        now: i64,
    ) -> Result<Option<bool>, StoreError> {
        Ok(on_pool!(self, |pool| {
            let mut tx = pool.begin_write().await?;
            let found: Option<i64> =
                sqlx::query_scalar("SELECT id FROM letters WHERE id = $1 AND campaign = $2")
                    .bind(number)
                    .bind(campaign)
                    .fetch_optional(&mut *tx)
                    .await?;
            if found.is_none() {
                return Ok(None);
            }
            sqlx::query(
                "INSERT INTO letter_replies (letter, uploaded_at, sealed) VALUES ($1, $2, $3)",
            )
            .bind(number)
            .bind(now)
            .bind(sealed)
            .execute(&mut *tx)
            .await?;
            let queued = sqlx::query(
                "INSERT INTO outbox (sealed, attempts, next_attempt_at, created_at)
                 SELECT notice, 0, 0, $2 FROM letters WHERE id = $1 AND notice IS NOT NULL",
            )
            .bind(number)
            .bind(now)
            .execute(&mut *tx)
            .await?
            .rows_affected()
                > 0;
            sqlx::query("UPDATE letters SET notice = NULL WHERE id = $1")
                .bind(number)
                .execute(&mut *tx)
                .await?;
            tx.commit().await?;
            Some(queued)
        }))
    }

    /// Letters received since `since`, by campaign.
    pub async fn letter_counts_since(
        &self,
        since: i64,
    ) -> Result<HashMap<String, u64>, StoreError> {
        let rows: Vec<(String, i64)> = on_pool!(self, |pool| {
            sqlx::query_as(
                "SELECT campaign, COUNT(*) FROM letters WHERE received_at >= $1 GROUP BY campaign",
            )
            .bind(since)
            .fetch_all(pool)
            .await?
        });
        Ok(rows
            .into_iter()
            .map(|(c, n)| (c, u64::try_from(n).unwrap_or(0)))
            .collect())
    }

    /// Retention: deletes what was written in letters marked sent before
    /// `sent_before` (and not passed on, in `undelivered_too` campaigns),
    /// and replies opened before `opened_before`. Returns (letters, replies).
    pub async fn purge_letters(
        &self,
        sent_before: i64,
        undelivered_too: &[String],
        opened_before: i64,
    ) -> Result<(u64, u64), StoreError> {
        Ok(on_pool!(self, |pool| {
            let mut tx = pool.begin_write().await?;
            let mut letters = sqlx::query(
                "UPDATE letters SET sealed = NULL, header = NULL, notice = NULL
                 WHERE sealed IS NOT NULL AND state = 'sent' AND state_at < $1",
            )
            .bind(sent_before)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            for campaign in undelivered_too {
                letters += sqlx::query(
                    "UPDATE letters SET sealed = NULL, header = NULL, notice = NULL
                     WHERE sealed IS NOT NULL AND state = 'not-forwarded' AND state_at < $1
                       AND campaign = $2",
                )
                .bind(sent_before)
                .bind(campaign)
                .execute(&mut *tx)
                .await?
                .rows_affected();
            }
            let replies = sqlx::query(
                "UPDATE letter_replies SET sealed = NULL
                 WHERE sealed IS NOT NULL AND opened_at < $1",
            )
            .bind(opened_before)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            tx.commit().await?;
            (letters, replies)
        }))
    }
}
