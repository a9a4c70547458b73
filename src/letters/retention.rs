//! Retention of letters: what a letter says is deleted some time after the
//! volunteers marked it sent (and after they marked it not passed on, in
//! campaigns that do not keep those for the person's release); a reply,
//! some time after its writer first opened it. The rows stay, without
//! their content, for the writer's receipt and for "write to someone".

use std::time::Duration;

use crate::config::LetterSettings;
use crate::store::{Store, StoreError};

/// One sweep at `now`; returns (letters emptied, replies deleted).
pub async fn sweep(
    store: &Store,
    settings: &LetterSettings,
    now: i64,
) -> Result<(u64, u64), StoreError> {
    let mut undelivered_too = Vec::new();
    store
        .for_each_campaign(now, |campaign| {
            if campaign
                .help
                .letters
                .as_ref()
                .is_some_and(|l| !l.keep_undelivered)
            {
                undelivered_too.push(campaign.slug.to_string());
            }
            Ok(())
        })
        .await?;
    // Stored times are rounded down to the hour: an hour more, never less.
    let age = |d: Duration| now - d.as_secs() as i64 - 3600;
    store
        .purge_letters(
            age(settings.kept_after_sent),
            &undelivered_too,
            age(settings.replies_kept_after_opened),
        )
        .await
}

/// Sweeps every `every`, for ever.
pub fn spawn(
    store: Store,
    settings: LetterSettings,
    every: Duration,
) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(every);
        loop {
            tick.tick().await;
            match sweep(&store, &settings, chrono::Utc::now().timestamp()).await {
                Ok((0, 0)) => {}
                Ok((letters, replies)) => {
                    tracing::info!(
                        letters,
                        replies,
                        "deleted letters and replies past retention"
                    );
                }
                Err(e) => tracing::warn!(error = %e, "letter retention failed"),
            }
        }
    })
}
