//! The audit log: appended to, read by owners, never changed (the
//! database's triggers refuse updates and deletions).

use super::{Store, StoreError, on_pool};
use crate::account::{AuditAction, AuditEntry};

/// Which lines of the log to read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AuditFilter {
    pub campaign: Option<String>,
    pub actor: Option<i64>,
    /// Lines older than this id (the next page).
    pub before: Option<i64>,
}

type AuditRow = (
    i64,
    i64,
    Option<i64>,
    Option<String>,
    String,
    Option<String>,
    String,
);

impl Store {
    pub async fn audit(&self, entry: &AuditEntry) -> Result<(), StoreError> {
        on_pool!(self, |pool| {
            sqlx::query(
                "INSERT INTO audit_log (at, actor, actor_login, action, campaign, detail)
                 VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(entry.at)
            .bind(entry.actor)
            .bind(entry.actor_login.as_deref())
            .bind(entry.action.as_str())
            .bind(entry.campaign.as_deref())
            .bind(&entry.detail)
            .execute(pool)
            .await?;
        });
        Ok(())
    }

    /// Newest first, at most `limit` lines, with each line's id (for paging).
    pub async fn audit_log(
        &self,
        filter: &AuditFilter,
        limit: i64,
    ) -> Result<Vec<(i64, AuditEntry)>, StoreError> {
        let rows: Vec<AuditRow> = on_pool!(self, |pool| {
            sqlx::query_as(
                "SELECT id, at, actor, actor_login, action, campaign, detail FROM audit_log
                 WHERE ($1 IS NULL OR campaign = $1) AND ($2 IS NULL OR actor = $2) AND id < $3
                 ORDER BY id DESC LIMIT $4",
            )
            .bind(filter.campaign.as_deref())
            .bind(filter.actor)
            .bind(filter.before.unwrap_or(i64::MAX))
            .bind(limit)
            .fetch_all(pool)
            .await?
        });
        rows.into_iter()
            .map(|(id, at, actor, actor_login, action, campaign, detail)| {
                let action = AuditAction::parse(&action)
                    .ok_or_else(|| StoreError::Corrupt(format!("audit action '{action}'")))?;
                Ok((
                    id,
                    AuditEntry {
                        at,
                        actor,
                        actor_login,
                        action,
                        campaign,
                        detail,
                    },
                ))
            })
            .collect()
    }
}
