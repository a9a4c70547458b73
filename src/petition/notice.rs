//! The mail of the signing flow: a confirmation for a new signature, "you
//! have already signed" for an address that had. Each waits in the outbox
//! as a small notice (address, language, site, signature) and is written
//! out only when sent: the outbox row is about a fifth of the written
//! mail's size (under 256 bytes, against 1–1.3 KB), which is less to write
//! and sync for every signature, and the translations and links are made by
//! the sender, off the signing path.
//!
//! A message names neither the petition nor the person (a mailbox reader
//! learns only that this site wrote); the link's page says what it is about.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use serde::{Deserialize, Serialize};

use super::secret::{InstanceSecret, LinkClaim, LinkKind};
use crate::campaign::Lang;
use crate::i18n::{Tr, arg};
use crate::mail::OutgoingMail;
use crate::store::signatures::{MailDraft, Placed, SignatureRef};

/// Which message of the signing flow a notice stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum NoticeKind {
    /// A new signature: confirm it (or withdraw it).
    Confirm,
    /// The address had signed and not confirmed: confirm (or withdraw).
    AlreadyPending,
    /// The address had signed and confirmed: nothing changed (withdraw).
    AlreadyConfirmed,
}

impl NoticeKind {
    fn text_key(self) -> &'static str {
        match self {
            NoticeKind::Confirm => "mail-confirm-text",
            NoticeKind::AlreadyPending => "mail-already-pending-text",
            NoticeKind::AlreadyConfirmed => "mail-already-confirmed-text",
        }
    }

    fn has_confirm_link(self) -> bool {
        !matches!(self, NoticeKind::AlreadyConfirmed)
    }
}

/// A message as it waits in the outbox, before encryption: what is needed
/// to write it, and nothing of the signature's petition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Notice {
    pub to: String,
    pub lang: Lang,
    /// The site's address the links start with.
    pub base: String,
    pub kind: NoticeKind,
    pub signature: i64,
    pub epoch: i64,
    /// When the links were issued: they are refused for a row made later.
    pub issued: i64,
}

impl Notice {
    fn link(&self, secret: &InstanceSecret, kind: LinkKind) -> String {
        let token = secret.link_token(
            kind,
            LinkClaim {
                signature: self.signature,
                epoch: self.epoch,
                issued: self.issued,
            },
        );
        format!("{}{}", self.base, kind.path(self.lang, &token))
    }

    /// The message itself, in the signer's language.
    pub fn compose(&self, secret: &InstanceSecret) -> OutgoingMail {
        let tr = Tr::new(self.lang);
        let confirm_link = self
            .kind
            .has_confirm_link()
            .then(|| self.link(secret, LinkKind::Confirm));
        let withdraw_link = self.link(secret, LinkKind::Withdraw);
        let text = tr.args(
            self.kind.text_key(),
            [
                ("withdraw", arg(withdraw_link.clone())),
                ("confirm", arg(confirm_link.clone().unwrap_or_default())),
            ],
        );
        OutgoingMail {
            to: self.to.clone(),
            subject: tr.t("mail-subject"),
            text,
            links: confirm_link
                .into_iter()
                .chain(std::iter::once(withdraw_link))
                .collect(),
        }
    }
}

/// What an outbox row holds once opened.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum Queued {
    Notice(Notice),
    /// A message written out in full: how rows were queued before notices,
    /// so that an upgrade sends what was waiting.
    Composed(OutgoingMail),
}

/// The message an outbox row holds; `None` when it was sealed with another
/// instance secret, or is damaged.
pub fn open_queued(secret: &InstanceSecret, sealed: &[u8]) -> Option<OutgoingMail> {
    let plain = secret.open_outbox(sealed)?;
    match serde_json::from_slice::<Queued>(&plain).ok()? {
        Queued::Notice(notice) => Some(notice.compose(secret)),
        Queued::Composed(mail) => Some(mail),
    }
}

/// At most one "you have already signed" mail per address, petition and
/// day, so the form cannot be used to flood someone's mailbox. In memory
/// only: keyed hashes, forgotten the next day.
#[derive(Default)]
pub struct RepeatMailLimit {
    sent: Mutex<HashMap<(i64, [u8; 32]), i64>>,
}

impl RepeatMailLimit {
    /// Whether a repeat mail may go out today; records it if so.
    pub fn allow(&self, petition: i64, email_hash: [u8; 32], day: i64) -> bool {
        let mut sent = self.sent.lock().unwrap_or_else(|e| e.into_inner());
        match sent.get(&(petition, email_hash)) {
            Some(d) if *d == day => false,
            _ => {
                sent.insert((petition, email_hash), day);
                true
            }
        }
    }

    /// Forgets the days before `day`.
    pub fn forget_before(&self, day: i64) {
        let mut sent = self.sent.lock().unwrap_or_else(|e| e.into_inner());
        sent.retain(|_, d| *d >= day);
    }
}

/// The mail a signature triggers, completed once the signature's place is
/// known (by a signing thread for a reserved id, else by the writer).
pub(super) struct SignatureMail {
    pub secret: Arc<InstanceSecret>,
    pub to: String,
    pub lang: Lang,
    pub base: String,
    pub issued: i64,
    pub petition: i64,
    pub email_hash: [u8; 32],
    pub repeat_mail: Arc<RepeatMailLimit>,
}

impl SignatureMail {
    fn notice(&self, placed: Placed) -> Option<Notice> {
        let (kind, signature): (NoticeKind, SignatureRef) = match placed {
            Placed::New(signature) => (NoticeKind::Confirm, signature),
            Placed::Existing {
                signature,
                confirmed,
            } => {
                let day = self.issued.div_euclid(86_400);
                if !self.repeat_mail.allow(self.petition, self.email_hash, day) {
                    return None;
                }
                let kind = if confirmed {
                    NoticeKind::AlreadyConfirmed
                } else {
                    NoticeKind::AlreadyPending
                };
                (kind, signature)
            }
        };
        Some(Notice {
            to: self.to.clone(),
            lang: self.lang,
            base: self.base.clone(),
            kind,
            signature: signature.id,
            epoch: signature.epoch,
            issued: self.issued,
        })
    }
}

impl MailDraft for SignatureMail {
    fn seal(&self, placed: Placed) -> Option<Vec<u8>> {
        let notice = self.notice(placed)?;
        // Serialising a struct of strings and numbers cannot fail.
        let json = serde_json::to_vec(&notice).ok()?;
        Some(self.secret.seal_outbox(&json))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn secret() -> Arc<InstanceSecret> {
        Arc::new(InstanceSecret::new(&[9; 32]))
    }

    fn draft(secret: &Arc<InstanceSecret>, limit: &Arc<RepeatMailLimit>) -> SignatureMail {
        SignatureMail {
            secret: secret.clone(),
            to: "anna@example.org".into(),
            lang: Lang::EN,
            base: "https://svoboda.example".into(),
            issued: 1_700_000_000,
            petition: 3,
            email_hash: [7; 32],
            repeat_mail: limit.clone(),
        }
    }

    const SIGNATURE: SignatureRef = SignatureRef { id: 41, epoch: 5 };

    #[test]
    fn a_new_signature_is_queued_small_and_sent_with_links_that_act_on_it() {
        let secret = secret();
        let sealed = draft(&secret, &Arc::default())
            .seal(Placed::New(SIGNATURE))
            .expect("a confirmation");
        assert!(
            sealed.len() < 256,
            "a notice, not the written mail: {} bytes",
            sealed.len()
        );
        let mail = open_queued(&secret, &sealed).expect("opens");
        assert_eq!(mail.to, "anna@example.org");
        assert_eq!(mail.subject, Tr::new(Lang::EN).t("mail-subject"));
        assert_eq!(mail.links.len(), 2, "confirm and withdraw");
        for (link, kind) in mail
            .links
            .iter()
            .zip([LinkKind::Confirm, LinkKind::Withdraw])
        {
            assert!(mail.text.contains(link.as_str()), "the text holds {link}");
            let token = link
                .strip_prefix(&format!("https://svoboda.example/en/{}/", kind.name()))
                .expect("the link's path");
            assert_eq!(
                secret.verify_link(kind, token),
                Some(LinkClaim {
                    signature: 41,
                    epoch: 5,
                    issued: 1_700_000_000
                })
            );
        }
    }

    #[test]
    fn a_repeat_gets_one_mail_a_day_and_a_confirmed_one_no_confirm_link() {
        let secret = secret();
        let limit = Arc::default();
        let repeat = Placed::Existing {
            signature: SIGNATURE,
            confirmed: true,
        };
        let sealed = draft(&secret, &limit)
            .seal(repeat)
            .expect("the first today");
        let mail = open_queued(&secret, &sealed).expect("opens");
        assert_eq!(mail.links.len(), 1);
        assert!(mail.links[0].contains("/en/withdraw/"));
        assert_eq!(
            draft(&secret, &limit).seal(repeat),
            None,
            "the second today is not sent"
        );
    }

    #[test]
    fn a_mail_queued_whole_before_notices_is_still_sent() {
        let secret = secret();
        let mail = OutgoingMail {
            to: "anna@example.org".into(),
            subject: "About your request".into(),
            text: "Hello".into(),
            links: vec!["https://svoboda.example/en/withdraw/x".into()],
        };
        let sealed = secret.seal_outbox(&serde_json::to_vec(&mail).expect("json"));
        assert_eq!(open_queued(&secret, &sealed), Some(mail));
    }

    #[test]
    fn a_row_of_another_secret_or_damaged_does_not_open() {
        let sealed = draft(&secret(), &Arc::default())
            .seal(Placed::New(SIGNATURE))
            .expect("sealed");
        let other = InstanceSecret::new(&[1; 32]);
        assert_eq!(open_queued(&other, &sealed), None);
        let not_json = secret().seal_outbox(b"{\"to\": 1}");
        assert_eq!(open_queued(&secret(), &not_json), None);
    }

    #[test]
    fn one_repeat_mail_per_address_petition_and_day() {
        let limit = RepeatMailLimit::default();
        assert!(limit.allow(1, [7; 32], 100));
        assert!(
            !limit.allow(1, [7; 32], 100),
            "the second today is not sent"
        );
        assert!(
            limit.allow(2, [7; 32], 100),
            "another petition is another count"
        );
        assert!(limit.allow(1, [8; 32], 100), "another address too");
        assert!(limit.allow(1, [7; 32], 101), "and the next day again");
        limit.forget_before(101);
        assert!(!limit.allow(1, [7; 32], 101));
    }
}
