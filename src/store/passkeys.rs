//! Passkeys of workspace accounts, and the registrations and sign-ins under
//! way (see `account::passkey`).

use super::{Store, StoreError, on_pool};

/// One stored passkey: `passkey` is webauthn-rs's record, as JSON.
#[derive(Debug, Clone)]
pub struct StoredPasskey {
    pub id: i64,
    pub account: i64,
    pub credential_id: String,
    pub name: String,
    pub passkey: String,
    pub created_at: i64,
    pub used_at: Option<i64>,
}

type Row = (i64, i64, String, String, String, i64, Option<i64>);

fn from_row(
    (id, account, credential_id, name, passkey, created_at, used_at): Row,
) -> StoredPasskey {
    StoredPasskey {
        id,
        account,
        credential_id,
        name,
        passkey,
        created_at,
        used_at,
    }
}

impl Store {
    pub async fn add_passkey(
        &self,
        account: i64,
        credential_id: &str,
        name: &str,
        passkey: &str,
        now: i64,
    ) -> Result<(), StoreError> {
        on_pool!(self, |pool| {
            sqlx::query(
                "INSERT INTO passkeys (account, credential_id, name, passkey, created_at)
                 VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(account)
            .bind(credential_id)
            .bind(name)
            .bind(passkey)
            .bind(now)
            .execute(pool)
            .await?;
        });
        Ok(())
    }

    pub async fn passkeys_of(&self, account: i64) -> Result<Vec<StoredPasskey>, StoreError> {
        let rows: Vec<Row> = on_pool!(self, |pool| {
            sqlx::query_as(
                "SELECT id, account, credential_id, name, passkey, created_at, used_at
                 FROM passkeys WHERE account = $1 ORDER BY id",
            )
            .bind(account)
            .fetch_all(pool)
            .await?
        });
        Ok(rows.into_iter().map(from_row).collect())
    }

    /// After a sign-in: its counter moved on, and when it was used.
    pub async fn passkey_used(
        &self,
        credential_id: &str,
        passkey: &str,
        now: i64,
    ) -> Result<(), StoreError> {
        on_pool!(self, |pool| {
            sqlx::query("UPDATE passkeys SET passkey = $2, used_at = $3 WHERE credential_id = $1")
                .bind(credential_id)
                .bind(passkey)
                .bind(now)
                .execute(pool)
                .await?;
        });
        Ok(())
    }

    /// Removes one of `account`'s passkeys; its name, if there was one.
    pub async fn remove_passkey(
        &self,
        account: i64,
        id: i64,
    ) -> Result<Option<String>, StoreError> {
        Ok(on_pool!(self, |pool| {
            sqlx::query_scalar("DELETE FROM passkeys WHERE account = $1 AND id = $2 RETURNING name")
                .bind(account)
                .bind(id)
                .fetch_optional(pool)
                .await?
        }))
    }

    pub async fn start_ceremony(
        &self,
        token_hash: &[u8],
        account: i64,
        kind: &str,
        state: &str,
        expires_at: i64,
    ) -> Result<(), StoreError> {
        on_pool!(self, |pool| {
            sqlx::query("DELETE FROM passkey_ceremonies WHERE expires_at < $1")
                .bind(expires_at - 3600)
                .execute(pool)
                .await?;
            sqlx::query(
                "INSERT INTO passkey_ceremonies (token_hash, account, kind, state, expires_at)
                 VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(token_hash)
            .bind(account)
            .bind(kind)
            .bind(state)
            .bind(expires_at)
            .execute(pool)
            .await?;
        });
        Ok(())
    }

    /// Takes a ceremony once: (account, state), if it is of `kind` and not
    /// expired. A second try with the same token finds nothing.
    pub async fn take_ceremony(
        &self,
        token_hash: &[u8],
        kind: &str,
        now: i64,
    ) -> Result<Option<(i64, String)>, StoreError> {
        let row: Option<(i64, String, String, i64)> = on_pool!(self, |pool| {
            sqlx::query_as(
                "DELETE FROM passkey_ceremonies WHERE token_hash = $1
                 RETURNING account, kind, state, expires_at",
            )
            .bind(token_hash)
            .fetch_optional(pool)
            .await?
        });
        Ok(row
            .filter(|(_, k, _, expires)| k == kind && *expires >= now)
            .map(|(account, _, state, _)| (account, state)))
    }
}
