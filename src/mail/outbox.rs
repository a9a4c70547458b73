//! The background sender: takes due messages from the outbox, sends them,
//! and deletes each once sent or given up; failures wait longer each time.

use std::sync::Arc;
use std::time::Duration;

use super::transport::{MailError, Transport};
use crate::petition::notice::open_queued;
use crate::petition::secret::InstanceSecret;
use crate::store::Store;

/// After this many failed attempts a message is dropped (about two days).
pub const MAX_ATTEMPTS: i64 = 12;
const BATCH: i64 = 50;
/// How long a claimed message is kept from other senders.
const LEASE_SECONDS: i64 = 120;
/// How often old files of the directory transport are looked for.
const SWEEP_EVERY: Duration = Duration::from_secs(60);

/// A transport's error text without anything that looks like an address:
/// mail servers echo the recipient ("550 <anna@...>: unknown"), and logs must
/// never hold a signer's address.
pub fn redact_addresses(reason: &str) -> String {
    reason
        .split(' ')
        .map(|word| {
            if word.contains('@') {
                "<address>"
            } else {
                word
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Seconds to wait after the `attempts`-th failure: 30 s doubling, at most 6 h.
pub fn backoff(attempts: i64) -> i64 {
    let exp = u32::try_from(attempts.clamp(0, 20)).unwrap_or(20);
    (30i64.saturating_mul(1i64 << exp)).min(6 * 3600)
}

pub struct Sender {
    pub store: Store,
    pub secret: Arc<InstanceSecret>,
    pub transport: Transport,
    pub poll: Duration,
}

impl Sender {
    pub fn spawn(self) -> tokio::task::JoinHandle<()> {
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(self.poll);
            tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            let mut last_sweep: Option<std::time::Instant> = None;
            loop {
                tick.tick().await;
                if let Err(e) = self.send_due().await {
                    tracing::warn!(error = %e, "could not read the outbox");
                }
                if last_sweep.is_none_or(|t| t.elapsed() >= SWEEP_EVERY) {
                    last_sweep = Some(std::time::Instant::now());
                    if let Err(e) = self.transport.sweep().await {
                        tracing::warn!(error = %e, "could not delete old mail files");
                    }
                }
            }
        })
    }

    /// Sends what is due now; returns how many were sent.
    pub async fn send_due(&self) -> Result<usize, crate::store::StoreError> {
        let mut sent = 0;
        loop {
            let now = chrono::Utc::now().timestamp();
            let items = self
                .store
                .claim_outbox(now, now + LEASE_SECONDS, BATCH)
                .await?;
            if items.is_empty() {
                return Ok(sent);
            }
            for item in items {
                let Some(mail) = open_queued(&self.secret, &item.sealed) else {
                    // Sealed with another instance secret, or damaged: unsendable.
                    tracing::warn!(
                        id = item.id,
                        "dropping an outbox message that cannot be opened"
                    );
                    self.store.delete_outbox(item.id).await?;
                    continue;
                };
                match self.transport.send(&mail).await {
                    Ok(()) => {
                        self.store.delete_outbox(item.id).await?;
                        sent += 1;
                    }
                    Err(MailError::Permanent(reason)) | Err(MailError::BadFrom(reason)) => {
                        let reason = redact_addresses(&reason);
                        tracing::warn!(id = item.id, %reason, "giving up a message that cannot be sent");
                        self.store.give_up_outbox(item.id).await?;
                    }
                    Err(MailError::Transient(reason)) => {
                        let reason = redact_addresses(&reason);
                        let attempts = item.attempts + 1;
                        if attempts >= MAX_ATTEMPTS {
                            tracing::warn!(id = item.id, %reason, "giving up a message after {MAX_ATTEMPTS} attempts");
                            self.store.give_up_outbox(item.id).await?;
                        } else {
                            tracing::info!(id = item.id, attempts, %reason, "sending failed; will retry");
                            let next = chrono::Utc::now().timestamp() + backoff(attempts);
                            self.store.retry_outbox(item.id, attempts, next).await?;
                        }
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn logged_reasons_hold_no_address() {
        assert_eq!(
            redact_addresses("permanent error (550): <anna.k@mail.ru>: mailbox unavailable"),
            "permanent error (550): <address> mailbox unavailable"
        );
    }

    #[test]
    fn backoff_grows_and_is_capped() {
        assert_eq!(backoff(0), 30);
        assert_eq!(backoff(1), 60);
        assert_eq!(backoff(5), 960);
        assert_eq!(backoff(40), 6 * 3600);
        assert!((0..MAX_ATTEMPTS).map(backoff).sum::<i64>() < 3 * 24 * 3600);
    }
}
