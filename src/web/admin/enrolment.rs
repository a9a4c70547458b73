//! Becoming an organiser: an invitation link, a name and a password, then
//! an authenticator app (its secret as a QR code and as text), confirmed by
//! its first code; then the recovery codes, shown once. The account exists
//! only when all of it is done.

use std::sync::Arc;

use askama::Template;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::Response;
use axum::{Extension, Form};
use serde::Deserialize;

use super::context::{AdminLang, MaybeSigned, device, now};
use super::cookie;
use super::layout::{AdminLayout, Section, render};
use super::paths;
use crate::account::Invitation;
use crate::account::login::LoginProblem;
use crate::account::password::{MIN_PASSWORD_CHARS, PasswordProblem};
use crate::account::service::{AcceptOutcome, EnrolProblem, Enrolment, ISSUER, Signed};
use crate::account::totp;
use crate::campaign::Lang;
use crate::i18n::{Tr, arg};
use crate::web::AppState;
use crate::web::error::WebError;

#[derive(Template)]
#[template(path = "admin/invitation.html")]
pub struct InvitationPage {
    pub layout: AdminLayout,
    pub action: String,
    pub invited_as: String,
    pub login: String,
    pub login_error: Option<String>,
    pub password_error: Option<String>,
    pub general_error: Option<String>,
    pub min_password: usize,
}

#[derive(Template)]
#[template(path = "admin/enrol.html")]
pub struct EnrolPage {
    pub layout: AdminLayout,
    pub action: String,
    pub sealed: String,
    pub qr_svg: String,
    pub secret_text: String,
    /// The same key as a link: on the phone that holds the authenticator,
    /// where the QR code cannot be scanned, it opens the app.
    pub otpauth_uri: String,
    pub error: Option<String>,
}

#[derive(Template)]
#[template(path = "admin/recovery_codes.html")]
pub struct RecoveryCodesPage {
    pub layout: AdminLayout,
    pub codes: Vec<String>,
    /// The codes as a text file to save, made in the page itself (nothing
    /// is kept on the server to download later).
    pub codes_file: String,
    pub next: String,
}

#[derive(Template)]
#[template(path = "admin/message.html")]
pub struct MessagePage {
    pub layout: AdminLayout,
    pub text: String,
    pub link: Option<(String, String)>,
}

#[derive(Deserialize)]
pub struct ChooseForm {
    #[serde(default)]
    login: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    repeat: String,
}

#[derive(Deserialize)]
pub struct ConfirmForm {
    #[serde(default)]
    enrolment: String,
    #[serde(default)]
    code: String,
}

/// What the invitation makes of its holder, in words.
fn invited_as(state: &AppState, tr: &Tr, invitation: &Invitation) -> String {
    match &invitation.grant {
        Some(grant) if !invitation.owner => {
            let content = state.content();
            let name = content
                .listing(&grant.campaign)
                .map(|c| c.name.get(tr.lang).to_string())
                .unwrap_or_else(|| grant.campaign.clone());
            tr.args(
                "admin-invited-as",
                [
                    (
                        "role",
                        arg(tr.t(&format!("admin-role-{}", grant.role.as_str()))),
                    ),
                    ("campaign", arg(name)),
                ],
            )
        }
        _ => tr.t("admin-invited-as-owner"),
    }
}

fn gone(state: &AppState, lang: Lang) -> Result<Response, WebError> {
    let tr = Tr::new(lang);
    let page = MessagePage {
        layout: AdminLayout::new(
            state,
            lang,
            None,
            Section::None,
            tr.t("admin-invitation-gone-title"),
            paths::sign_in,
        ),
        text: tr.t("admin-invitation-gone-text"),
        link: Some((paths::sign_in(lang), tr.t("admin-sign-in"))),
    };
    render(&page, StatusCode::NOT_FOUND)
}

async fn open_invitation(
    state: &AppState,
    lang: Lang,
    token: &str,
) -> Result<Option<Invitation>, WebError> {
    state
        .accounts
        .invitation(token, now())
        .await
        .map_err(WebError::store(lang))
}

#[allow(clippy::too_many_arguments)]
fn choose_page(
    state: &AppState,
    lang: Lang,
    token: &str,
    invitation: &Invitation,
    login: String,
    problems: &[EnrolProblem],
    general_error: Option<String>,
    status: StatusCode,
) -> Result<Response, WebError> {
    let tr = Tr::new(lang);
    let login_error = problems.iter().find_map(|p| match p {
        EnrolProblem::Login(LoginProblem::Empty) => Some(tr.t("admin-login-empty")),
        EnrolProblem::Login(LoginProblem::TooLong) => Some(tr.t("admin-login-too-long")),
        EnrolProblem::Login(LoginProblem::BadCharacters) => Some(tr.t("admin-login-characters")),
        EnrolProblem::LoginTaken => Some(tr.t("admin-login-taken")),
        _ => None,
    });
    let password_error = problems.iter().find_map(|p| password_problem(&tr, p));
    let page = InvitationPage {
        layout: AdminLayout::new(
            state,
            lang,
            None,
            Section::None,
            tr.t("admin-invitation-title"),
            |l| paths::invitation(l, token),
        ),
        action: paths::invitation(lang, token),
        invited_as: invited_as(state, &tr, invitation),
        login,
        login_error,
        password_error,
        general_error,
        min_password: MIN_PASSWORD_CHARS,
    };
    render(&page, status)
}

/// The message for a password problem, if `p` is one.
pub fn password_problem(tr: &Tr, p: &EnrolProblem) -> Option<String> {
    match p {
        EnrolProblem::Password(PasswordProblem::TooShort) => Some(tr.args(
            "admin-password-too-short",
            [("min", arg(MIN_PASSWORD_CHARS.to_string()))],
        )),
        EnrolProblem::Password(PasswordProblem::TooLong) => Some(tr.t("admin-password-too-long")),
        EnrolProblem::Password(PasswordProblem::Common) => Some(tr.t("admin-password-common")),
        EnrolProblem::Password(PasswordProblem::ContainsLogin) => {
            Some(tr.t("admin-password-contains-login"))
        }
        EnrolProblem::Password(PasswordProblem::Wrong) => Some(tr.t("admin-password-wrong")),
        EnrolProblem::Password(PasswordProblem::Weak(w)) => {
            Some(tr.t(&format!("admin-password-weak-{}", w.code())))
        }
        EnrolProblem::PasswordsDiffer => Some(tr.t("admin-password-differ")),
        _ => None,
    }
}

/// A step showing a new authenticator secret: where its form goes, the
/// enrolment and its sealed form, and what was wrong with the last code.
pub struct EnrolStep<'a> {
    pub action: String,
    pub enrolment: &'a Enrolment,
    pub sealed: String,
    pub error: Option<String>,
}

/// The page that shows a new authenticator secret and asks for its code.
pub fn enrol_page(
    state: &AppState,
    lang: Lang,
    signed: Option<&Signed>,
    step: EnrolStep<'_>,
    status: StatusCode,
) -> Result<Response, WebError> {
    let EnrolStep {
        action,
        enrolment,
        sealed,
        error,
    } = step;
    let tr = Tr::new(lang);
    let host = url::Url::parse(&state.settings.public_url)
        .ok()
        .and_then(|u| u.host_str().map(str::to_string))
        .unwrap_or_default();
    let uri = totp::uri(
        &enrolment.totp_secret,
        &format!("{ISSUER} {host}"),
        &enrolment.login,
    );
    let page = EnrolPage {
        layout: AdminLayout::new(
            state,
            lang,
            signed,
            Section::Account,
            tr.t("admin-enrol-title"),
            |_| action.clone(),
        ),
        qr_svg: crate::web::qr::svg(&uri, &tr.t("admin-enrol-qr-label")).unwrap_or_default(),
        secret_text: totp::secret_text(&enrolment.totp_secret),
        otpauth_uri: uri,
        action: action.clone(),
        sealed,
        error,
    };
    render(&page, status)
}

/// A `data:` address of the codes as a text file, with a line saying what
/// they are.
fn codes_file(tr: &Tr, codes: &[String]) -> String {
    let mut text = tr.t("admin-recovery-file-heading");
    text.push('\n');
    for code in codes {
        text.push_str(code);
        text.push('\n');
    }
    format!(
        "data:text/plain;charset=utf-8,{}",
        percent_encoding::utf8_percent_encode(&text, percent_encoding::NON_ALPHANUMERIC)
    )
}

pub fn recovery_codes_page(
    state: &AppState,
    lang: Lang,
    signed: Option<&Signed>,
    codes: Vec<String>,
) -> Result<Response, WebError> {
    let tr = Tr::new(lang);
    let page = RecoveryCodesPage {
        layout: AdminLayout::new(
            state,
            lang,
            signed,
            Section::Account,
            tr.t("admin-recovery-title"),
            paths::account,
        ),
        codes_file: codes_file(&tr, &codes),
        codes,
        next: paths::home(lang),
    };
    render(&page, StatusCode::OK)
}

/// GET: the first step.
pub async fn open(
    State(state): State<Arc<AppState>>,
    AdminLang(lang): AdminLang,
    Path(params): Path<TokenParam>,
) -> Result<Response, WebError> {
    let Some(invitation) = open_invitation(&state, lang, &params.token).await? else {
        return gone(&state, lang);
    };
    choose_page(
        &state,
        lang,
        &params.token,
        &invitation,
        String::new(),
        &[],
        None,
        StatusCode::OK,
    )
}

#[derive(Deserialize)]
pub struct TokenParam {
    token: String,
}

/// POST of the first step: name and password, then the authenticator.
pub async fn choose(
    State(state): State<Arc<AppState>>,
    AdminLang(lang): AdminLang,
    Path(params): Path<TokenParam>,
    Form(form): Form<ChooseForm>,
) -> Result<Response, WebError> {
    let token = params.token;
    let Some(invitation) = open_invitation(&state, lang, &token).await? else {
        return gone(&state, lang);
    };
    let started = state
        .accounts
        .start_enrolment(&token, &form.login, &form.password, &form.repeat, now())
        .await
        .map_err(WebError::store(lang))?;
    match started {
        Ok((enrolment, sealed)) => enrol_page(
            &state,
            lang,
            None,
            EnrolStep {
                action: format!("{}/enrol", paths::invitation(lang, &token)),
                enrolment: &enrolment,
                sealed,
                error: None,
            },
            StatusCode::OK,
        ),
        Err(problems) => choose_page(
            &state,
            lang,
            &token,
            &invitation,
            form.login,
            &problems,
            None,
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
    }
}

/// POST of the second step: the code proves the app is set up.
pub async fn confirm(
    State(state): State<Arc<AppState>>,
    AdminLang(lang): AdminLang,
    Path(params): Path<TokenParam>,
    Extension(MaybeSigned(_)): Extension<MaybeSigned>,
    headers: HeaderMap,
    Form(form): Form<ConfirmForm>,
) -> Result<Response, WebError> {
    let tr = Tr::new(lang);
    let token = params.token;
    let now = now();
    let device = device(&headers);
    let outcome = state
        .accounts
        .accept(&token, &form.enrolment, &form.code, lang, &device, now)
        .await
        .map_err(WebError::store(lang))?;
    match outcome {
        AcceptOutcome::Created {
            recovery_codes,
            session_token,
            account,
        } => {
            let signed = state
                .accounts
                .session(&session_token, now)
                .await
                .map_err(WebError::store(lang))?
                .filter(|s| s.account.id == account.id);
            let mut response = recovery_codes_page(&state, lang, signed.as_ref(), recovery_codes)?;
            let device_token = state.accounts.device_token(&account, now);
            let headers = response.headers_mut();
            headers.append(
                header::SET_COOKIE,
                cookie::set(&state.settings.workspace_url, &session_token),
            );
            headers.append(
                header::SET_COOKIE,
                cookie::set_device(&state.settings.workspace_url, &device_token),
            );
            Ok(response)
        }
        AcceptOutcome::WrongCode => {
            let bound = crate::account::token::hash(&token);
            match state.accounts.open_enrolment(&form.enrolment, &bound, now) {
                Some(enrolment) => enrol_page(
                    &state,
                    lang,
                    None,
                    EnrolStep {
                        action: format!("{}/enrol", paths::invitation(lang, &token)),
                        enrolment: &enrolment,
                        sealed: form.enrolment,
                        error: Some(tr.t("admin-enrol-wrong-code")),
                    },
                    StatusCode::UNPROCESSABLE_ENTITY,
                ),
                None => restart(&state, lang, &token, "admin-enrol-expired").await,
            }
        }
        AcceptOutcome::Tampered => restart(&state, lang, &token, "admin-enrol-expired").await,
        AcceptOutcome::LoginTaken => restart(&state, lang, &token, "admin-login-taken").await,
        AcceptOutcome::Gone => gone(&state, lang),
    }
}

/// Back to the first step, saying why.
async fn restart(
    state: &AppState,
    lang: Lang,
    token: &str,
    message: &str,
) -> Result<Response, WebError> {
    match open_invitation(state, lang, token).await? {
        Some(invitation) => choose_page(
            state,
            lang,
            token,
            &invitation,
            String::new(),
            &[],
            Some(Tr::new(lang).t(message)),
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        None => gone(state, lang),
    }
}
