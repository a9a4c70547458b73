//! The demo campaign, built from the seed page "Free Boris Romanov!".

use crate::campaign::file;
use crate::store::{SaveMode, Store, StoreError};

pub const DEMO_FILE: &str = include_str!("../demo/boris-romanov/campaign.toml");
pub const DEMO_SLUG: &str = "boris-romanov";

#[derive(Debug, thiserror::Error)]
pub enum DemoError {
    #[error("the built-in demo campaign is broken: {0}")]
    Broken(#[from] file::FileError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Stores the demo campaign unless it is there already; true when it was added.
pub async fn load(store: &Store) -> Result<bool, DemoError> {
    let campaign = file::parse(DEMO_FILE, "demo/boris-romanov/campaign.toml", &|_| false)?;
    Ok(store
        .save_campaign(&campaign, None, SaveMode::OnlyIfAbsent)
        .await?)
}
