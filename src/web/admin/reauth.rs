//! Proving again who one is before a sensitive change (a new password, a
//! new authenticator, new recovery codes, an organiser key): a session left
//! open or stolen is not enough. Throttled and audited by the account
//! service like signing in.

use std::time::Instant;

use super::context::now;
use crate::account::service::{Confirmation, Signed};
use crate::campaign::Lang;
use crate::i18n::{Tr, arg};
use crate::web::AppState;
use crate::web::error::WebError;

/// What was asked again: the password alone, or with a code of the
/// authenticator (or a recovery code).
#[derive(Debug, Clone, Copy)]
pub enum Asked<'a> {
    Password(&'a str),
    PasswordAndCode(&'a str, &'a str),
}

/// `Ok(Ok(()))` when confirmed; else the reason, in the person's language.
pub async fn confirm(
    state: &AppState,
    lang: Lang,
    signed: &Signed,
    asked: Asked<'_>,
) -> Result<Result<(), String>, WebError> {
    let (password, code) = match asked {
        Asked::Password(p) => (p, None),
        Asked::PasswordAndCode(p, c) => (p, Some(c)),
    };
    let outcome = state
        .accounts
        .confirm(signed, password, code, now(), Instant::now())
        .await
        .map_err(WebError::store(lang))?;
    let tr = Tr::new(lang);
    Ok(match outcome {
        Confirmation::Confirmed => Ok(()),
        Confirmation::Refused if code.is_some() => Err(tr.t("admin-confirm-refused")),
        Confirmation::Refused => Err(tr.t("admin-password-wrong")),
        Confirmation::Wait(wait) => Err(tr.args(
            "admin-sign-in-wait",
            [(
                "minutes",
                arg(wait.as_secs().div_ceil(60).max(1).to_string()),
            )],
        )),
    })
}
