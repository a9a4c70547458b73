//! Passkeys in the workspace: adding and removing them (My account), signing
//! in with one, and the owners' choice to require them of owners and
//! delivery people. The rules are `account::passkey`; each step is a page
//! whose form the first-party script (`passkey.js`) fills with the
//! browser's answer, so the page may connect nowhere.

use std::sync::Arc;

use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use webauthn_rs::prelude::Passkey;

use super::context::{AdminLang, SignedIn, device, now};
use super::layout::{AdminLayout, Section, render, render_with_scripts};
use super::reauth::{self, Asked};
use super::{cookie, paths};
use crate::account::passkey::{self, CEREMONY_SECONDS, REQUIRED_NOTE, RelyingParty};
use crate::account::service::Signed;
use crate::account::{Account, AuditAction, Login, token};
use crate::campaign::Lang;
use crate::i18n::{Tr, arg};
use crate::store::passkeys::StoredPasskey;
use crate::web::AppState;
use crate::web::error::WebError;
use crate::web::public::assets;

const REGISTER: &str = "register";
const SIGN_IN: &str = "sign-in";

pub struct PasskeyLine {
    pub name: String,
    pub added: String,
    pub used: String,
    pub remove_action: String,
}

#[derive(Template)]
#[template(path = "admin/passkeys.html")]
pub struct PasskeysPage {
    pub layout: AdminLayout,
    pub passkeys: Vec<PasskeyLine>,
    /// `None` when the workspace's address cannot carry passkeys.
    pub add_action: Option<String>,
    pub notice: Option<String>,
    pub error: Option<String>,
    pub required: bool,
    /// Owners': where the requirement is switched.
    pub require_action: Option<String>,
}

/// A step where the browser asks the authenticator: `mode` is `create` or
/// `get`; the script posts the answer in the form.
#[derive(Template)]
#[template(path = "admin/passkey_step.html")]
pub struct StepPage {
    pub layout: AdminLayout,
    pub text: String,
    pub mode: &'static str,
    pub options: String,
    pub action: String,
    pub token: String,
    pub back: String,
}

fn relying_party(state: &AppState) -> Option<RelyingParty> {
    RelyingParty::for_workspace(&state.settings.workspace_url)
}

fn when(at: Option<i64>) -> String {
    at.map(super::keys_page::utc_minute)
        .unwrap_or_else(|| "—".to_string())
}

fn parsed(stored: &[StoredPasskey]) -> Vec<Passkey> {
    stored
        .iter()
        .filter_map(|p| serde_json::from_str(&p.passkey).ok())
        .collect()
}

pub async fn required(state: &AppState) -> Result<bool, crate::store::StoreError> {
    Ok(state.store.instance_note(REQUIRED_NOTE).await?.as_deref() == Some("yes"))
}

async fn list_page(
    state: &AppState,
    lang: Lang,
    signed: &Signed,
    notice: Option<String>,
    error: Option<String>,
    status: StatusCode,
) -> Result<Response, WebError> {
    let tr = Tr::new(lang);
    let store_err = WebError::store(lang);
    let passkeys = state
        .store
        .passkeys_of(signed.account.id)
        .await
        .map_err(store_err)?
        .into_iter()
        .map(|p| PasskeyLine {
            remove_action: format!("{}/{}/remove", paths::passkeys(lang), p.id),
            name: p.name,
            added: when(Some(p.created_at)),
            used: when(p.used_at),
        })
        .collect();
    let page = PasskeysPage {
        layout: AdminLayout::new(
            state,
            lang,
            Some(signed),
            Section::Account,
            tr.t("admin-passkeys-title"),
            paths::passkeys,
        ),
        passkeys,
        add_action: relying_party(state).map(|_| paths::passkeys(lang)),
        notice,
        error,
        required: required(state).await.map_err(store_err)?,
        require_action: signed
            .access
            .may_manage_instance()
            .then(|| format!("{}/required", paths::passkeys(lang))),
    };
    render(&page, status)
}

pub async fn show(
    State(state): State<Arc<AppState>>,
    AdminLang(lang): AdminLang,
    SignedIn(signed): SignedIn,
) -> Result<Response, WebError> {
    list_page(&state, lang, &signed, None, None, StatusCode::OK).await
}

#[derive(Deserialize)]
pub struct AddForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    code: String,
}

/// Adding a passkey asks the password and a code again, then hands the
/// challenge to the browser.
pub async fn add(
    State(state): State<Arc<AppState>>,
    AdminLang(lang): AdminLang,
    SignedIn(signed): SignedIn,
    Form(form): Form<AddForm>,
) -> Result<Response, WebError> {
    let tr = Tr::new(lang);
    let Some(rp) = relying_party(&state) else {
        return Err(WebError::not_found(lang));
    };
    let asked = Asked::PasswordAndCode(&form.password, &form.code);
    if let Err(why) = reauth::confirm(&state, lang, &signed, asked).await? {
        return list_page(
            &state,
            lang,
            &signed,
            None,
            Some(why),
            StatusCode::UNAUTHORIZED,
        )
        .await;
    }
    let store_err = WebError::store(lang);
    let existing = parsed(
        &state
            .store
            .passkeys_of(signed.account.id)
            .await
            .map_err(store_err)?,
    );
    let (options, ceremony) = rp
        .start_registration(&signed.account, &existing)
        .map_err(|e| WebError::internal(format!("passkey registration: {e}")))?;
    let name = match form.name.trim() {
        "" => tr.t("admin-passkeys-default-name"),
        name => name.chars().take(60).collect(),
    };
    // The name rides with the state: the answer's form carries only the token.
    let kept = serde_json::json!({ "name": name, "state": ceremony }).to_string();
    let token = token::generate();
    state
        .store
        .start_ceremony(
            &token::hash(&token),
            signed.account.id,
            REGISTER,
            &kept,
            now() + CEREMONY_SECONDS,
        )
        .await
        .map_err(store_err)?;
    step(StepPage {
        layout: AdminLayout::new(
            &state,
            lang,
            Some(&signed),
            Section::Account,
            tr.t("admin-passkeys-add-title"),
            paths::passkeys,
        ),
        text: tr.t("admin-passkeys-add-step"),
        mode: "create",
        options,
        action: format!("{}/finish", paths::passkeys(lang)),
        token,
        back: paths::passkeys(lang),
    })
}

/// A step page, with its script and the policy that allows it.
fn step(mut page: StepPage) -> Result<Response, WebError> {
    page.layout.scripts = assets::passkey_scripts();
    render_with_scripts(&page, StatusCode::OK)
}

#[derive(Deserialize)]
pub struct AnswerForm {
    #[serde(default)]
    token: String,
    #[serde(default)]
    answer: String,
}

pub async fn finish_adding(
    State(state): State<Arc<AppState>>,
    AdminLang(lang): AdminLang,
    SignedIn(signed): SignedIn,
    Form(form): Form<AnswerForm>,
) -> Result<Response, WebError> {
    let tr = Tr::new(lang);
    let store_err = WebError::store(lang);
    let Some(rp) = relying_party(&state) else {
        return Err(WebError::not_found(lang));
    };
    let taken = state
        .store
        .take_ceremony(&token::hash(&form.token), REGISTER, now())
        .await
        .map_err(store_err)?
        .filter(|(account, _)| *account == signed.account.id);
    let refused = |key: &str| tr.t(key);
    let Some((_, kept)) = taken else {
        let error = Some(refused("admin-passkeys-expired"));
        return list_page(
            &state,
            lang,
            &signed,
            None,
            error,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    };
    let kept: serde_json::Value = serde_json::from_str(&kept)
        .map_err(|e| WebError::internal(format!("a kept passkey ceremony: {e}")))?;
    let name = kept["name"].as_str().unwrap_or_default().to_string();
    let ceremony = kept["state"].as_str().unwrap_or_default();
    let passkey = match rp.finish_registration(&form.answer, ceremony) {
        Ok(passkey) => passkey,
        Err(e) => {
            tracing::info!(%e, "a passkey was not added");
            let error = Some(refused("admin-passkeys-not-added"));
            return list_page(
                &state,
                lang,
                &signed,
                None,
                error,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        }
    };
    let json = serde_json::to_string(&passkey)
        .map_err(|e| WebError::internal(format!("a passkey as JSON: {e}")))?;
    let now = now();
    state
        .store
        .add_passkey(
            signed.account.id,
            &passkey::credential_id(&passkey),
            &name,
            &json,
            now,
        )
        .await
        .map_err(store_err)?;
    state
        .accounts
        .audit(
            Some(&signed.account),
            AuditAction::PasskeyAdded,
            None,
            name.clone(),
            now,
        )
        .await
        .map_err(store_err)?;
    let notice = Some(tr.args("admin-passkeys-added", [("name", arg(name))]));
    list_page(&state, lang, &signed, notice, None, StatusCode::OK).await
}

pub async fn remove(
    State(state): State<Arc<AppState>>,
    AdminLang(lang): AdminLang,
    SignedIn(signed): SignedIn,
    Path((_, id)): Path<(String, i64)>,
) -> Result<Response, WebError> {
    let tr = Tr::new(lang);
    let store_err = WebError::store(lang);
    let Some(name) = state
        .store
        .remove_passkey(signed.account.id, id)
        .await
        .map_err(store_err)?
    else {
        return Err(WebError::not_found(lang));
    };
    state
        .accounts
        .audit(
            Some(&signed.account),
            AuditAction::PasskeyRemoved,
            None,
            name.clone(),
            now(),
        )
        .await
        .map_err(store_err)?;
    let notice = Some(tr.args("admin-passkeys-removed", [("name", arg(name))]));
    list_page(&state, lang, &signed, notice, None, StatusCode::OK).await
}

#[derive(Deserialize)]
pub struct SignInForm {
    #[serde(default)]
    login: String,
}

/// Signing in with a passkey, first step: the name. A name with no account
/// or no passkey gets a challenge all the same, which nothing can answer.
pub async fn sign_in(
    State(state): State<Arc<AppState>>,
    AdminLang(lang): AdminLang,
    Form(form): Form<SignInForm>,
) -> Result<Response, WebError> {
    let store_err = WebError::store(lang);
    let Some(rp) = relying_party(&state) else {
        return Err(WebError::not_found(lang));
    };
    let account = match Login::parse(&form.login) {
        Ok(login) => state
            .store
            .account_by_login(&login)
            .await
            .map_err(store_err)?
            .map(|(a, _)| a),
        Err(_) => None,
    };
    challenge(&state, lang, &rp, account.as_ref()).await
}

/// The password was given and the code left empty: the passkey is the
/// second factor. A wrong password gets the same page with a challenge
/// nothing answers.
pub(super) async fn after_password(
    state: &AppState,
    lang: Lang,
    account: Option<Account>,
) -> Result<Response, WebError> {
    let Some(rp) = relying_party(state) else {
        return Err(WebError::not_found(lang));
    };
    challenge(state, lang, &rp, account.as_ref()).await
}

/// The page that asks the browser for `account`'s passkey, or a decoy.
async fn challenge(
    state: &AppState,
    lang: Lang,
    rp: &RelyingParty,
    account: Option<&Account>,
) -> Result<Response, WebError> {
    let tr = Tr::new(lang);
    let store_err = WebError::store(lang);
    let keys = match account {
        Some(a) => parsed(&state.store.passkeys_of(a.id).await.map_err(store_err)?),
        None => Vec::new(),
    };
    let token = token::generate();
    let options = match (account, keys.is_empty()) {
        (Some(account), false) => {
            let (options, ceremony) = rp
                .start_authentication(&keys)
                .map_err(|e| WebError::internal(format!("passkey sign-in: {e}")))?;
            state
                .store
                .start_ceremony(
                    &token::hash(&token),
                    account.id,
                    SIGN_IN,
                    &ceremony,
                    now() + CEREMONY_SECONDS,
                )
                .await
                .map_err(store_err)?;
            options
        }
        _ => rp.decoy_authentication(&state.settings.workspace_url),
    };
    step(StepPage {
        layout: AdminLayout::new(
            state,
            lang,
            None,
            Section::None,
            tr.t("admin-passkeys-sign-in-title"),
            paths::sign_in,
        ),
        text: tr.t("admin-passkeys-sign-in-step"),
        mode: "get",
        options,
        action: format!("{}/passkey/finish", paths::sign_in(lang)),
        token,
        back: paths::sign_in(lang),
    })
}

pub async fn finish_sign_in(
    State(state): State<Arc<AppState>>,
    AdminLang(lang): AdminLang,
    headers: HeaderMap,
    Form(form): Form<AnswerForm>,
) -> Result<Response, WebError> {
    let store_err = WebError::store(lang);
    let Some(rp) = relying_party(&state) else {
        return Err(WebError::not_found(lang));
    };
    let refused = || Redirect::to(&format!("{}?passkey=refused", paths::sign_in(lang)));
    let Some((account_id, ceremony)) = state
        .store
        .take_ceremony(&token::hash(&form.token), SIGN_IN, now())
        .await
        .map_err(store_err)?
    else {
        return Ok(refused().into_response());
    };
    let account = state
        .store
        .account(account_id)
        .await
        .map_err(store_err)?
        .ok_or(WebError::not_found(lang))?;
    let result = match rp.finish_authentication(&form.answer, &ceremony) {
        Ok(result) => result,
        Err(e) => {
            tracing::info!(%e, "a passkey sign-in was refused");
            state
                .accounts
                .audit(
                    Some(&account),
                    AuditAction::SignInFailed,
                    None,
                    "passkey",
                    now(),
                )
                .await
                .map_err(store_err)?;
            return Ok(refused().into_response());
        }
    };
    // The signature counter moves on: a cloned authenticator shows.
    let stored = state
        .store
        .passkeys_of(account.id)
        .await
        .map_err(store_err)?;
    for p in &stored {
        let Ok(mut key) = serde_json::from_str::<Passkey>(&p.passkey) else {
            continue;
        };
        if key.update_credential(&result).is_some() {
            let json = serde_json::to_string(&key)
                .map_err(|e| WebError::internal(format!("a passkey as JSON: {e}")))?;
            state
                .store
                .passkey_used(&p.credential_id, &json, now())
                .await
                .map_err(store_err)?;
        }
    }
    let (session_token, device_token) = state
        .accounts
        .sign_in_with_passkey(&account, &device(&headers), now())
        .await
        .map_err(store_err)?;
    Ok(cookie::signed_in(
        &state.settings.workspace_url,
        lang,
        &session_token,
        &device_token,
    ))
}

#[derive(Deserialize)]
pub struct RequireForm {
    #[serde(default)]
    required: String,
}

/// Owners require passkeys of owners and delivery people (whose accounts
/// can read signers), or stop requiring them; audited as a setting.
pub async fn set_required(
    State(state): State<Arc<AppState>>,
    AdminLang(lang): AdminLang,
    signed: SignedIn,
    Form(form): Form<RequireForm>,
) -> Result<Response, WebError> {
    signed.owner(lang)?;
    let store_err = WebError::store(lang);
    let on = form.required == "yes";
    if on
        && state
            .store
            .passkeys_of(signed.0.account.id)
            .await
            .map_err(store_err)?
            .is_empty()
    {
        // Whoever turns it on must be able to sign in afterwards.
        let error = Some(Tr::new(lang).t("admin-passkeys-require-own-first"));
        return list_page(&state, lang, &signed.0, None, error, StatusCode::CONFLICT).await;
    }
    state
        .store
        .set_instance_note(REQUIRED_NOTE, if on { "yes" } else { "no" })
        .await
        .map_err(store_err)?;
    state
        .accounts
        .audit(
            Some(&signed.0.account),
            AuditAction::PasskeysRequirement,
            None,
            if on { "required" } else { "not required" },
            now(),
        )
        .await
        .map_err(store_err)?;
    Ok(Redirect::to(&paths::passkeys(lang)).into_response())
}
