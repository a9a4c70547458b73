//! The demo campaign, built from the seed page "Free Boris Romanov!".

use crate::campaign::{Campaign, file};
use crate::store::{PhotoChange, SaveMode, Store, StoreError};

pub const DEMO_FILE: &str = include_str!("../demo/boris-romanov/campaign.toml");
pub const DEMO_SLUG: &str = "boris-romanov";
/// The demo's organiser key: its identity is published beside it, so whatever
/// is sealed to it anyone can read.
pub const DEMO_ORGANISER_KEY: &str =
    "age1tnfj5yg8940sw49x7t82w7r34s3ys9sktmdg4y8tguzhax254apqcvtqh4";

/// Whether `campaign` seals signatures to the published demo key.
pub fn uses_demo_key(campaign: &Campaign) -> bool {
    campaign.organiser_keys().contains(&DEMO_ORGANISER_KEY)
}

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
        .save_campaign(&campaign, PhotoChange::Remove, SaveMode::OnlyIfAbsent)
        .await?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_campaign_is_recognised_by_its_key() {
        let campaign = file::parse(DEMO_FILE, "demo", &|_| false).expect("demo parses");
        assert!(uses_demo_key(&campaign));
    }
}
