//! Signing, confirming and withdrawing: the rules of the petition domain put
//! to work over the signature writer.

use std::sync::Arc;
use std::time::Duration;

use tokio::sync::oneshot;

use serde::{Deserialize, Serialize};

use super::background::{Background, PaceForReaders, ReaderLoad, WorkerThreads};
use super::email;
use super::form::Signer;
use super::notice::{RepeatMailLimit, SignatureMail};
use super::seal::{SealError, Sealer};
use super::secret::{InstanceSecret, LinkClaim, LinkKind};
use crate::campaign::{Campaign, Confirmation, Lang, Petition, PetitionState};
use crate::config::PetitionSettings;
use crate::store::signatures::{
    Confirmed, IdReservations, LinkTarget, MailDraft, NewSignature, Placed, Reserved, SignatureRef,
    SignatureWriter, Withdrawn, WriteError,
};

/// Stored plain times are rounded down to the hour: exact ones could be
/// matched against a mail provider's or an ISP's logs. The exact time is
/// inside the sealed record.
pub fn to_the_hour(ts: i64) -> i64 {
    ts - ts.rem_euclid(3600)
}

/// The signer's data as sealed to the organisers: what the delivered
/// petition lists.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SealedRecord {
    pub signed_at: String,
    pub name: String,
    pub email: Option<String>,
    pub city: Option<String>,
    pub country: Option<String>,
    pub public: bool,
}

/// What the signer is told; the same whether or not the address had signed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignOutcome {
    CheckMail,
    Counted,
}

impl SignOutcome {
    /// The answer to every accepted form of a petition with this mode.
    pub fn of(mode: Confirmation) -> Self {
        match mode {
            Confirmation::Email => SignOutcome::CheckMail,
            Confirmation::Anonymous => SignOutcome::Counted,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkOutcome {
    Done,
    AlreadyDone,
    Expired,
    Invalid,
}

#[derive(Debug, thiserror::Error)]
pub enum SignError {
    #[error("the petition does not take signatures now")]
    NotOpen,
    #[error(transparent)]
    Write(#[from] WriteError),
}

pub struct PetitionService {
    pub writer: SignatureWriter,
    pub sealer: Arc<Sealer>,
    pub secret: Arc<InstanceSecret>,
    pub settings: PetitionSettings,
    repeat_mail: Arc<RepeatMailLimit>,
    /// Pages asked for by readers: the writer paces its commits for a crowd.
    pub readers: Arc<ReaderLoad>,
    /// Sealing runs here, after readers (see `background`).
    sealing: WorkerThreads,
    /// The writer's own thread, kept while the service lives.
    _writer_thread: Background,
}

/// How long one file key seals signatures before the next is made.
pub const EPOCH_LIFETIME: Duration = Duration::from_secs(1);

/// What sealing needs, owned, to run on the background threads.
struct Sealing {
    sealer: Arc<Sealer>,
    secret: Arc<InstanceSecret>,
    repeat_mail: Arc<RepeatMailLimit>,
    base: String,
    organiser_key: String,
    confirmation: Confirmation,
    row: i64,
    signer: Signer,
    lang: Lang,
    now: i64,
    ids: IdReservations,
}

impl Sealing {
    /// The signature as the writer stores it: sealed, hashed, its mail drafted.
    fn seal(self) -> Result<NewSignature, SealError> {
        let epoch = self.sealer.epoch_for(&self.organiser_key)?;
        let signer = self.signer;
        let record = SealedRecord {
            signed_at: chrono::DateTime::from_timestamp(self.now, 0)
                .map(|t| t.to_rfc3339())
                .unwrap_or_default(),
            name: signer.name.clone(),
            email: signer.email.clone(),
            city: signer.city,
            country: signer.country,
            public: signer.public,
        };
        let plain = serde_json::to_vec(&record).map_err(|_| SealError::Damaged)?;
        let sealed = epoch.seal(&plain)?;
        let (email_hash, mail) = match (signer.email, self.confirmation) {
            (Some(address), Confirmation::Email) => {
                let hash = self
                    .secret
                    .email_hash(self.row, &email::normalize(&address));
                let draft = SignatureMail {
                    secret: self.secret.clone(),
                    to: address,
                    lang: self.lang,
                    base: self.base,
                    issued: self.now,
                    petition: self.row,
                    email_hash: hash,
                    repeat_mail: self.repeat_mail,
                };
                (Some(hash), Some(draft))
            }
            _ => (None, None),
        };
        // The mail of a new signature, made here rather than in the writer.
        let reserved = self.ids.reserve().map(|id| {
            let signature = SignatureRef {
                id,
                epoch: epoch.id,
            };
            Reserved {
                id,
                mail_if_new: mail.as_ref().and_then(|m| m.seal(Placed::New(signature))),
            }
        });
        Ok(NewSignature {
            petition: self.row,
            created_at: to_the_hour(self.now),
            public_name: signer.public.then_some(signer.name),
            email_hash,
            epoch: epoch.id,
            epoch_header: Arc::from(epoch.header.as_str()),
            epoch_recipients: epoch.recipients.clone(),
            sealed,
            mail: mail.map(|m| Box::new(m) as Box<dyn MailDraft>),
            reserved,
        })
    }
}

impl PetitionService {
    /// Starts the signature writer (rebuilding the address index on SQLite).
    pub async fn start(
        store: crate::store::Store,
        secret: Arc<InstanceSecret>,
        settings: PetitionSettings,
    ) -> Result<Arc<Self>, crate::store::StoreError> {
        let sealer = Arc::new(Sealer::new(EPOCH_LIFETIME));
        spawn_epoch_sweeper(Arc::downgrade(&sealer));
        let cannot_start = |e: std::io::Error| {
            crate::store::StoreError::Unsupported(format!("cannot start the signing threads: {e}"))
        };
        let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
        let sealing = WorkerThreads::start("svoboda-signing", threads).map_err(cannot_start)?;
        // The writer has a thread of its own: queued behind sealing on the
        // signing threads, each of its wake-ups waited, and every signer
        // waits for the writer.
        let writer_thread = Background::start("svoboda-writer", 1).map_err(cannot_start)?;
        let readers = Arc::new(ReaderLoad::default());
        let pacing = Box::new(PaceForReaders::new(readers.clone()));
        let writer = writer_thread
            .spawn(SignatureWriter::start(store, pacing))
            .await
            .map_err(|e| cannot_start(std::io::Error::other(e)))??;
        Ok(Arc::new(PetitionService {
            writer,
            _writer_thread: writer_thread,
            sealer,
            secret,
            settings,
            repeat_mail: Arc::default(),
            readers,
            sealing,
        }))
    }

    #[allow(clippy::too_many_arguments)]
    pub async fn sign(
        &self,
        campaign: &Campaign,
        petition: &Petition,
        row: i64,
        signer: Signer,
        lang: Lang,
        // The site's name the signer used: the mail's links name it too.
        base: &str,
        today: chrono::NaiveDate,
        now: i64,
    ) -> Result<SignOutcome, SignError> {
        if petition.state(today) != PetitionState::Open {
            return Err(SignError::NotOpen);
        }
        let sealing = Sealing {
            sealer: self.sealer.clone(),
            secret: self.secret.clone(),
            repeat_mail: self.repeat_mail.clone(),
            base: base.trim_end_matches('/').to_string(),
            organiser_key: campaign.organiser_keys().join(" "),
            confirmation: petition.confirmation,
            row,
            signer,
            lang,
            now,
            ids: self.writer.id_reservations(),
        };
        // The signing thread passes the sealed signature straight to the
        // writer, whose answer comes here: one hand-over fewer per signer.
        let writer = self.writer.clone();
        let (reply, placed) = oneshot::channel();
        let queued = self.sealing.run(move || match sealing.seal() {
            Ok(signature) => writer.sign_blocking(signature, reply),
            Err(e) => drop(reply.send(Err(format!(
                "the campaign's organiser key is unusable: {e}"
            )))),
        });
        if !queued {
            return Err(WriteError::Stopped.into());
        }
        placed
            .await
            .map_err(|_| WriteError::Stopped)?
            .map_err(WriteError::Failed)?;
        Ok(SignOutcome::of(petition.confirmation))
    }

    /// Confirms by the token of a confirmation link.
    pub async fn confirm(&self, token: &str, now: i64) -> Result<LinkOutcome, WriteError> {
        let Some(claim) = self.secret.verify_link(LinkKind::Confirm, token) else {
            return Ok(LinkOutcome::Invalid);
        };
        if now - claim.issued > self.settings.confirm_link.as_secs() as i64 {
            return Ok(LinkOutcome::Expired);
        }
        let target = link_target(claim);
        Ok(match self.writer.confirm(target, to_the_hour(now)).await? {
            Confirmed::Now => LinkOutcome::Done,
            Confirmed::Already => LinkOutcome::AlreadyDone,
            Confirmed::NotFound => LinkOutcome::Expired,
        })
    }

    /// Withdraws by the token of a withdrawal link: the signature and all
    /// its data are deleted. Such links never expire, except when the
    /// petition's data was purged.
    pub async fn withdraw(&self, token: &str) -> Result<LinkOutcome, WriteError> {
        let Some(claim) = self.secret.verify_link(LinkKind::Withdraw, token) else {
            return Ok(LinkOutcome::Invalid);
        };
        Ok(match self.writer.withdraw(link_target(claim)).await? {
            Withdrawn::Now => LinkOutcome::Done,
            Withdrawn::Gone => LinkOutcome::AlreadyDone,
            Withdrawn::Expired => LinkOutcome::Expired,
        })
    }

    /// The signature a link names, if its token is genuine.
    pub fn link_signature(&self, kind: LinkKind, token: &str) -> Option<SignatureRef> {
        self.secret
            .verify_link(kind, token)
            .map(|claim| link_target(claim).signature)
    }

    /// Deletes what is past its time: unconfirmed signatures, and the sealed
    /// data of petitions closed longer than the retention period.
    pub async fn maintain(
        &self,
        store: &crate::store::Store,
        today: chrono::NaiveDate,
    ) -> Result<(), WriteError> {
        let now = chrono::Utc::now().timestamp();
        self.repeat_mail.forget_before(now.div_euclid(86_400));
        // Stored times are rounded down to the hour: an hour more, never less.
        let cutoff = now - self.settings.unconfirmed_removal.as_secs() as i64 - 3600;
        let removed = self.writer.expire_pending(cutoff).await?;
        if removed > 0 {
            tracing::info!(removed, "removed unconfirmed signatures past their time");
        }
        let rows = store.petitions().await?;
        let retention_days = (self.settings.retention_after_close.as_secs() / 86_400) as i64;
        // What retention needs of each petition, read one campaign at a time.
        let mut petitions = Vec::new();
        store
            .for_each_campaign(now, |campaign| {
                for p in &campaign.petitions {
                    let key = (campaign.slug.to_string(), p.id.to_string());
                    petitions.push((key, p.state(today), p.closes));
                }
                Ok(())
            })
            .await?;
        for (key, state, closes) in petitions {
            let Some(row) = rows.get(&key) else {
                continue;
            };
            let petition = &key.1;
            // The address hashes serve only while the petition takes
            // signatures: once it closed, they only help whoever seizes
            // the disk test guessed addresses.
            if !row.hashes_cleared && state == PetitionState::Closed {
                let n = self.writer.clear_hashes(row.id, to_the_hour(now)).await?;
                tracing::info!(petition = %petition, cleared = n, "cleared the address hashes of a closed petition");
            }
            let Some(closes) = closes else {
                continue;
            };
            let days_closed = (today - closes).num_days();
            if row.purged || days_closed < 0 {
                continue;
            }
            if days_closed > retention_days {
                let n = self.writer.purge_sealed(row.id, to_the_hour(now)).await?;
                tracing::info!(petition = %petition, deleted = n, "deleted signers' data of a petition closed past retention");
            } else if days_closed > retention_days - 30 {
                tracing::warn!(
                    petition = %petition,
                    days_left = retention_days - days_closed,
                    "signers' data of this closed petition will be deleted soon: export it now"
                );
            }
        }
        Ok(())
    }

    pub fn spawn_maintenance(
        self: &Arc<Self>,
        store: crate::store::Store,
        every: Duration,
    ) -> tokio::task::JoinHandle<()> {
        let service = Arc::clone(self);
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(every);
            loop {
                tick.tick().await;
                if let Err(e) = service
                    .maintain(&store, chrono::Utc::now().date_naive())
                    .await
                {
                    tracing::warn!(error = %e, "petition maintenance failed");
                }
            }
        })
    }
}

/// A link claim as the store acts on it.
fn link_target(claim: LinkClaim) -> LinkTarget {
    LinkTarget {
        signature: SignatureRef {
            id: claim.signature,
            epoch: claim.epoch,
        },
        issued: claim.issued,
    }
}

/// Drops idle epochs' file keys on a timer, as long as the sealer lives.
fn spawn_epoch_sweeper(sealer: std::sync::Weak<Sealer>) {
    let Some(period) = sealer.upgrade().map(|s| s.lifetime()) else {
        return;
    };
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(period.max(Duration::from_millis(100)));
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tick.tick().await;
            let Some(sealer) = sealer.upgrade() else {
                return;
            };
            sealer.drop_expired();
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_times_are_rounded_down_to_the_hour() {
        assert_eq!(to_the_hour(1_700_003_599), 1_700_002_800);
        assert_eq!(to_the_hour(1_700_002_800), 1_700_002_800);
        assert_eq!(to_the_hour(0), 0);
    }
}
