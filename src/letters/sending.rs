//! A letter as it is taken in: checked, sealed to the campaign's keys, and
//! given a receipt. What the store gets holds no plain text of the letter
//! or of its writer, and times rounded to the hour.

use super::letter::{LetterRecord, MAX_NAME, MAX_RETURN_ADDRESS};
use super::receipt::Receipt;
use crate::mail::OutgoingMail;
use crate::petition::email;
use crate::petition::seal::{SealError, Sealer};
use crate::petition::secret::InstanceSecret;
use crate::petition::service::to_the_hour;
use crate::store::letters::NewLetter;

/// The longest letter taken: some ten printed pages.
pub const MAX_CHARS: usize = 20_000;

/// What the writer filled in, trimmed.
pub struct Draft {
    pub text: String,
    pub name: Option<String>,
    pub return_address: Option<String>,
    pub email: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DraftProblem {
    Empty,
    TooLong,
    NameTooLong,
    ReturnAddressTooLong,
    BadEmail,
}

impl Draft {
    /// Reads the form. Where writing is `risky`, the name and the return
    /// address are left off unless the writer `insists`.
    pub fn read(
        text: &str,
        name: &str,
        return_address: &str,
        email_address: &str,
        risky: bool,
        insists: bool,
    ) -> Result<Draft, DraftProblem> {
        let text = text.trim_end();
        if text.trim().is_empty() {
            return Err(DraftProblem::Empty);
        }
        if text.chars().count() > MAX_CHARS {
            return Err(DraftProblem::TooLong);
        }
        let name = name.trim();
        if name.chars().count() > MAX_NAME {
            return Err(DraftProblem::NameTooLong);
        }
        let return_address = return_address.trim();
        if return_address.chars().count() > MAX_RETURN_ADDRESS {
            return Err(DraftProblem::ReturnAddressTooLong);
        }
        let email_address = email_address.trim();
        if !email_address.is_empty()
            && (email_address.len() > email::MAX_EMAIL_LEN || !email::is_valid(email_address))
        {
            return Err(DraftProblem::BadEmail);
        }
        let shown = |s: &str| (!s.is_empty() && (!risky || insists)).then(|| s.to_string());
        Ok(Draft {
            text: text.to_string(),
            name: shown(name),
            return_address: shown(return_address),
            email: (!email_address.is_empty()).then(|| email_address.to_string()),
        })
    }
}

/// A letter sealed for the store, and the receipt whose link the writer
/// keeps (the store gets only its hash).
pub struct Sealed {
    pub letter: NewLetter,
    pub receipt: Receipt,
}

/// Seals `draft` to `keys` (the campaign's organiser keys, space-separated).
/// `notice` is the mail sent when a reply arrives, to the address the
/// writer left; it waits in the letter sealed with the instance secret.
#[allow(clippy::too_many_arguments)]
pub fn seal(
    sealer: &Sealer,
    secret: &InstanceSecret,
    keys: &str,
    campaign: &str,
    lang: &str,
    draft: Draft,
    notice: impl FnOnce(String) -> OutgoingMail,
    now: i64,
) -> Result<Sealed, SealError> {
    let epoch = sealer.epoch_for(keys)?;
    let record = LetterRecord {
        written_at: chrono::DateTime::from_timestamp(now, 0)
            .map(|t| t.to_rfc3339())
            .unwrap_or_default(),
        lang: lang.to_string(),
        text: draft.text,
        name: draft.name,
        return_address: draft.return_address,
        notice: draft.email.is_some(),
    };
    let plain =
        zeroize::Zeroizing::new(serde_json::to_vec(&record).map_err(|_| SealError::Damaged)?);
    let sealed = epoch.seal(&plain)?;
    let receipt = Receipt::generate();
    let notice = draft.email.map(|to| {
        let mail = notice(to);
        secret.seal_outbox(&serde_json::to_vec(&mail).unwrap_or_default())
    });
    Ok(Sealed {
        letter: NewLetter {
            campaign: campaign.to_string(),
            received_at: to_the_hour(now),
            header: epoch.header.clone(),
            sealed,
            token_hash: receipt.hash(),
            reply_key: receipt.reply_key(),
            notice,
        },
        receipt,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_and_return_address_stay_off_where_writing_is_risky_unless_insisted() {
        let read = |risky, insists| {
            Draft::read("Привет", "Мария", "Москва, а/я 1", "", risky, insists).expect("reads")
        };
        let safe = read(false, false);
        assert_eq!(safe.name.as_deref(), Some("Мария"));
        assert_eq!(safe.return_address.as_deref(), Some("Москва, а/я 1"));
        let risky = read(true, false);
        assert!(risky.name.is_none() && risky.return_address.is_none());
        let insisted = read(true, true);
        assert_eq!(insisted.name.as_deref(), Some("Мария"));
        assert_eq!(insisted.return_address.as_deref(), Some("Москва, а/я 1"));
    }

    #[test]
    fn bad_drafts_are_refused_with_their_reason() {
        let read = |text: &str, name: &str, address: &str, email: &str| {
            Draft::read(text, name, address, email, false, false).err()
        };
        assert_eq!(read("  \n ", "", "", ""), Some(DraftProblem::Empty));
        assert_eq!(
            read(&"я".repeat(MAX_CHARS + 1), "", "", ""),
            Some(DraftProblem::TooLong)
        );
        assert_eq!(
            read("x", &"я".repeat(61), "", ""),
            Some(DraftProblem::NameTooLong)
        );
        assert_eq!(
            read("x", "", &"я".repeat(301), ""),
            Some(DraftProblem::ReturnAddressTooLong)
        );
        assert_eq!(
            read("x", "", "", "not an address"),
            Some(DraftProblem::BadEmail)
        );
        assert_eq!(read(&"я".repeat(MAX_CHARS), "", "", "a@b.ru"), None);
    }
}
