//! Signed-in sessions of the workspace, by the hash of their token.

use super::{Store, StoreError, on_pool};
use crate::account::Session;

type SessionRow = (i64, i64, String, String, i64, i64);

fn session_from((id, account, csrf, device, created_at, seen_at): SessionRow) -> Session {
    Session {
        id,
        account,
        csrf,
        device,
        created_at,
        seen_at,
    }
}

/// Why an owner's change ended a session (see `session_endings`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SessionEnding {
    RolesChanged,
    AccountRemoved,
}

impl SessionEnding {
    pub fn code(self) -> &'static str {
        match self {
            SessionEnding::RolesChanged => "roles-changed",
            SessionEnding::AccountRemoved => "account-removed",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        [SessionEnding::RolesChanged, SessionEnding::AccountRemoved]
            .into_iter()
            .find(|e| e.code() == code)
    }
}

/// A note is kept as long as the longest session could have lived.
pub(crate) const ENDING_KEPT_SECONDS: i64 = 24 * 3600;

/// Notes why `account`'s sessions are about to end, in the caller's
/// transaction (which then deletes them), and drops notes too old to matter.
macro_rules! note_endings_in {
    ($tx:expr, $account:expr, $why:expr, $now:expr) => {{
        sqlx::query("DELETE FROM session_endings WHERE ended_at < $1")
            .bind($now - $crate::store::sessions::ENDING_KEPT_SECONDS)
            .execute(&mut *$tx)
            .await?;
        sqlx::query(
            "INSERT INTO session_endings (token_hash, reason, ended_at)
             SELECT token_hash, $2, $3 FROM sessions WHERE account = $1
             ON CONFLICT (token_hash) DO NOTHING",
        )
        .bind($account)
        .bind($why.code())
        .bind($now)
        .execute(&mut *$tx)
        .await?;
    }};
}
pub(crate) use note_endings_in;

impl Store {
    /// Why the session of `token_hash` was ended by an owner's change, if it was.
    pub async fn session_ending(
        &self,
        token_hash: &[u8],
        now: i64,
    ) -> Result<Option<SessionEnding>, StoreError> {
        let reason: Option<String> = on_pool!(self, |pool| {
            sqlx::query_scalar(
                "SELECT reason FROM session_endings WHERE token_hash = $1 AND ended_at >= $2",
            )
            .bind(token_hash)
            .bind(now - ENDING_KEPT_SECONDS)
            .fetch_optional(pool)
            .await?
        });
        Ok(reason.as_deref().and_then(SessionEnding::parse))
    }

    pub async fn create_session(
        &self,
        token_hash: &[u8],
        account: i64,
        csrf: &str,
        device: &str,
        now: i64,
    ) -> Result<i64, StoreError> {
        Ok(on_pool!(self, |pool| {
            sqlx::query_scalar(
                "INSERT INTO sessions (token_hash, account, csrf, device, created_at, seen_at)
                 VALUES ($1, $2, $3, $4, $5, $5) RETURNING id",
            )
            .bind(token_hash)
            .bind(account)
            .bind(csrf)
            .bind(device)
            .bind(now)
            .fetch_one(pool)
            .await?
        }))
    }

    pub async fn session(&self, token_hash: &[u8]) -> Result<Option<Session>, StoreError> {
        let row: Option<SessionRow> = on_pool!(self, |pool| {
            sqlx::query_as(
                "SELECT id, account, csrf, device, created_at, seen_at FROM sessions
                 WHERE token_hash = $1",
            )
            .bind(token_hash)
            .fetch_optional(pool)
            .await?
        });
        Ok(row.map(session_from))
    }

    pub async fn touch_session(&self, id: i64, now: i64) -> Result<(), StoreError> {
        on_pool!(self, |pool| {
            sqlx::query("UPDATE sessions SET seen_at = $2 WHERE id = $1")
                .bind(id)
                .bind(now)
                .execute(pool)
                .await?;
        });
        Ok(())
    }

    /// An account's sessions, the most recently used first.
    pub async fn sessions_of(&self, account: i64) -> Result<Vec<Session>, StoreError> {
        let rows: Vec<SessionRow> = on_pool!(self, |pool| {
            sqlx::query_as(
                "SELECT id, account, csrf, device, created_at, seen_at FROM sessions
                 WHERE account = $1 ORDER BY seen_at DESC, id DESC",
            )
            .bind(account)
            .fetch_all(pool)
            .await?
        });
        Ok(rows.into_iter().map(session_from).collect())
    }

    /// Ends one of an account's sessions; false when it was not theirs.
    pub async fn end_session(&self, account: i64, id: i64) -> Result<bool, StoreError> {
        let done = on_pool!(self, |pool| {
            sqlx::query("DELETE FROM sessions WHERE id = $1 AND account = $2")
                .bind(id)
                .bind(account)
                .execute(pool)
                .await?
                .rows_affected()
        });
        Ok(done == 1)
    }

    /// Ends every session of an account but `keep`.
    pub async fn end_sessions(&self, account: i64, keep: Option<i64>) -> Result<u64, StoreError> {
        Ok(on_pool!(self, |pool| {
            sqlx::query("DELETE FROM sessions WHERE account = $1 AND id <> $2")
                .bind(account)
                .bind(keep.unwrap_or(-1))
                .execute(pool)
                .await?
                .rows_affected()
        }))
    }

    /// Deletes sessions idle since `idle_before` or created before `created_before`.
    pub async fn end_expired_sessions(
        &self,
        idle_before: i64,
        created_before: i64,
    ) -> Result<u64, StoreError> {
        Ok(on_pool!(self, |pool| {
            sqlx::query("DELETE FROM sessions WHERE seen_at <= $1 OR created_at <= $2")
                .bind(idle_before)
                .bind(created_before)
                .execute(pool)
                .await?
                .rows_affected()
        }))
    }

    /// Ends every session of every account (the panic button).
    pub async fn end_all_sessions(&self) -> Result<u64, StoreError> {
        Ok(on_pool!(self, |pool| {
            sqlx::query("DELETE FROM sessions")
                .execute(pool)
                .await?
                .rows_affected()
        }))
    }
}
