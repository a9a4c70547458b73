//! Notes the running instance leaves for the other commands.

use super::{Store, StoreError, on_pool};

/// The address the workspace of the last started server answers on.
pub const WORKSPACE_URL: &str = "workspace_url";

impl Store {
    pub async fn set_instance_note(&self, name: &str, value: &str) -> Result<(), StoreError> {
        on_pool!(self, |pool| {
            sqlx::query(
                "INSERT INTO instance_notes (name, value) VALUES ($1, $2)
                 ON CONFLICT (name) DO UPDATE SET value = excluded.value",
            )
            .bind(name)
            .bind(value)
            .execute(pool)
            .await?;
        });
        Ok(())
    }

    pub async fn instance_note(&self, name: &str) -> Result<Option<String>, StoreError> {
        Ok(on_pool!(self, |pool| {
            sqlx::query_scalar("SELECT value FROM instance_notes WHERE name = $1")
                .bind(name)
                .fetch_optional(pool)
                .await?
        }))
    }
}
