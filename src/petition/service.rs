//! Signing, confirming and withdrawing: the rules of the petition domain put
//! to work over the signature writer.

use std::sync::Arc;
use std::time::Duration;

use serde::{Deserialize, Serialize};

use super::email;
use super::form::Signer;
use super::seal::{OrganiserKey, SealError, Sealer};
use super::secret::{InstanceSecret, LinkClaim, LinkKind};
use crate::campaign::{Campaign, Confirmation, Lang, Petition, PetitionState};
use crate::config::PetitionSettings;
use crate::i18n::{Tr, arg};
use crate::mail::OutgoingMail;
use crate::store::signatures::{
    Confirmed, MailDraft, NewSignature, Placed, SignatureWriter, WriteError,
};

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
    #[error("the campaign's organiser key is unusable: {0}")]
    Key(#[from] SealError),
    #[error(transparent)]
    Write(#[from] WriteError),
}

pub struct PetitionService {
    pub writer: SignatureWriter,
    pub sealer: Sealer,
    pub secret: Arc<InstanceSecret>,
    pub settings: PetitionSettings,
    pub public_url: String,
}

/// How long one file key seals signatures before the next is made.
pub const EPOCH_LIFETIME: Duration = Duration::from_secs(1);

impl PetitionService {
    /// Starts the signature writer (rebuilding the address index on SQLite).
    pub async fn start(
        store: crate::store::Store,
        secret: Arc<InstanceSecret>,
        settings: PetitionSettings,
        public_url: String,
    ) -> Result<Arc<Self>, crate::store::StoreError> {
        Ok(Arc::new(PetitionService {
            writer: SignatureWriter::start(store).await?,
            sealer: Sealer::new(EPOCH_LIFETIME),
            secret,
            settings,
            public_url,
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
        today: chrono::NaiveDate,
        now: i64,
    ) -> Result<SignOutcome, SignError> {
        if petition.state(today) != PetitionState::Open {
            return Err(SignError::NotOpen);
        }
        let key = OrganiserKey::parse(campaign.organiser_key.as_deref().unwrap_or_default())?;
        let epoch = self.sealer.epoch(&key)?;
        let record = SealedRecord {
            signed_at: chrono::DateTime::from_timestamp(now, 0)
                .map(|t| t.to_rfc3339())
                .unwrap_or_default(),
            name: signer.name.clone(),
            email: signer.email.clone(),
            city: signer.city.clone(),
            country: signer.country.clone(),
            public: signer.public,
        };
        let plain = serde_json::to_vec(&record).map_err(|_| SignError::Key(SealError::Damaged))?;
        let sealed = epoch.seal(&plain)?;
        let (email_hash, mail) = match (&signer.email, petition.confirmation) {
            (Some(address), Confirmation::Email) => {
                let hash = self.secret.email_hash(row, &email::normalize(address));
                let draft: Box<dyn MailDraft> = Box::new(SignatureMail {
                    secret: self.secret.clone(),
                    to: address.clone(),
                    lang,
                    person: campaign.person.name.get(lang).to_string(),
                    petition_title: petition.title.get(lang).to_string(),
                    base: self.public_url.trim_end_matches('/').to_string(),
                    issued: now,
                });
                (Some(hash), Some(draft))
            }
            _ => (None, None),
        };
        self.writer
            .sign(NewSignature {
                petition: row,
                created_at: now,
                public_name: signer.public.then(|| signer.name.clone()),
                country: signer.country.clone(),
                email_hash,
                epoch: epoch.id,
                epoch_header: Arc::from(epoch.header.as_str()),
                sealed,
                mail,
            })
            .await?;
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
        Ok(match self.writer.confirm(claim.signature, now).await? {
            Confirmed::Now => LinkOutcome::Done,
            Confirmed::Already => LinkOutcome::AlreadyDone,
            Confirmed::NotFound => LinkOutcome::Expired,
        })
    }

    /// Withdraws by the token of a withdrawal link: the signature and all
    /// its data are deleted.
    pub async fn withdraw(&self, token: &str) -> Result<LinkOutcome, WriteError> {
        let Some(claim) = self.secret.verify_link(LinkKind::Withdraw, token) else {
            return Ok(LinkOutcome::Invalid);
        };
        Ok(if self.writer.withdraw(claim.signature).await? {
            LinkOutcome::Done
        } else {
            LinkOutcome::AlreadyDone
        })
    }

    /// Deletes what is past its time: unconfirmed signatures, and the sealed
    /// data of petitions closed longer than the retention period.
    pub async fn maintain(
        &self,
        store: &crate::store::Store,
        today: chrono::NaiveDate,
    ) -> Result<(), WriteError> {
        let now = chrono::Utc::now().timestamp();
        let cutoff = now - self.settings.unconfirmed_removal.as_secs() as i64;
        let removed = self.writer.expire_pending(cutoff).await?;
        if removed > 0 {
            tracing::info!(removed, "removed unconfirmed signatures past their time");
        }
        let rows = store.petitions().await?;
        let retention_days = (self.settings.retention_after_close.as_secs() / 86_400) as i64;
        for campaign in store.campaigns().await? {
            for petition in &campaign.petitions {
                let Some(closes) = petition.closes else {
                    continue;
                };
                let Some(row) = rows.get(&(campaign.slug.to_string(), petition.id.to_string()))
                else {
                    continue;
                };
                let days_closed = (today - closes).num_days();
                if row.purged || days_closed < 0 {
                    continue;
                }
                if days_closed > retention_days {
                    let n = self.writer.purge_sealed(row.id, now).await?;
                    tracing::info!(petition = %petition.id, deleted = n, "deleted signers' data of a petition closed past retention");
                } else if days_closed > retention_days - 30 {
                    tracing::warn!(
                        petition = %petition.id,
                        days_left = retention_days - days_closed,
                        "signers' data of this closed petition will be deleted soon: export it now"
                    );
                }
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

/// The mail a signature triggers, completed by the writer once it knows the
/// signature's place: a confirmation for a new one, "you have already
/// signed" for an address that had.
struct SignatureMail {
    secret: Arc<InstanceSecret>,
    to: String,
    lang: Lang,
    person: String,
    petition_title: String,
    base: String,
    issued: i64,
}

impl SignatureMail {
    fn link(&self, kind: LinkKind, id: i64) -> String {
        let token = self.secret.link_token(
            kind,
            LinkClaim {
                signature: id,
                issued: self.issued,
            },
        );
        let action = match kind {
            LinkKind::Confirm => "confirm",
            LinkKind::Withdraw => "withdraw",
        };
        format!("{}/{}/{action}/{token}", self.base, self.lang)
    }

    fn compose(&self, placed: Placed) -> OutgoingMail {
        let tr = Tr::new(self.lang);
        let (key, id, confirm) = match placed {
            Placed::New(id) => ("mail-confirm", id, true),
            Placed::Existing {
                id,
                confirmed: false,
            } => ("mail-already-pending", id, true),
            Placed::Existing {
                id,
                confirmed: true,
            } => ("mail-already-confirmed", id, false),
        };
        let confirm_link = confirm.then(|| self.link(LinkKind::Confirm, id));
        let withdraw_link = self.link(LinkKind::Withdraw, id);
        let args = |extra: Vec<(&'static str, String)>| {
            let mut all = vec![
                ("petition", self.petition_title.clone()),
                ("name", self.person.clone()),
                ("withdraw", withdraw_link.clone()),
                ("confirm", confirm_link.clone().unwrap_or_default()),
            ];
            all.extend(extra);
            all
        };
        let fmt = |k: &str| tr.args(k, args(vec![]).into_iter().map(|(n, v)| (n, arg(v))));
        OutgoingMail {
            to: self.to.clone(),
            subject: fmt(&format!("{key}-subject")),
            text: fmt(&format!("{key}-text")),
            links: confirm_link
                .into_iter()
                .chain(std::iter::once(withdraw_link))
                .collect(),
        }
    }
}

impl MailDraft for SignatureMail {
    fn seal(&self, placed: Placed) -> Vec<u8> {
        let mail = self.compose(placed);
        // Serialising a struct of strings cannot fail.
        let json = serde_json::to_vec(&mail).unwrap_or_default();
        self.secret.seal_outbox(&json)
    }
}
