//! Owners manage people: invitations by link, roles per campaign, removal.
//! Taking a role away or removing the account ends the person's sessions at
//! once; every change is written to the audit log.

use std::sync::Arc;

use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::context::{AdminLang, SignedIn, now};
use super::layout::{AdminLayout, Section, render};
use super::paths;
use crate::account::{Account, AuditAction, Grant, INVITATION_HOURS, Role};
use crate::campaign::Lang;
use crate::i18n::{Tr, arg};
use crate::web::AppState;
use crate::web::error::WebError;

pub struct GrantLine {
    pub text: String,
    pub campaign: String,
    pub role: &'static str,
}

pub struct PersonLine {
    pub id: i64,
    pub login: String,
    pub owner: bool,
    pub me: bool,
    pub grants: Vec<GrantLine>,
    pub grant_action: String,
    pub revoke_action: String,
    pub remove_action: String,
    pub audit_href: String,
}

pub struct Choice {
    pub value: String,
    pub label: String,
}

#[derive(Template)]
#[template(path = "admin/people.html")]
pub struct PeoplePage {
    pub layout: AdminLayout,
    pub people: Vec<PersonLine>,
    pub campaigns: Vec<Choice>,
    pub roles: Vec<Choice>,
    pub invite_action: String,
    pub invitation_link: Option<String>,
    pub error: Option<String>,
    pub notice: Option<String>,
}

fn role_choices(tr: &Tr, with_owner: bool) -> Vec<Choice> {
    let mut roles: Vec<Choice> = Role::ALL
        .into_iter()
        .map(|r| Choice {
            value: r.as_str().to_string(),
            label: tr.t(&format!("admin-role-{}", r.as_str())),
        })
        .collect();
    if with_owner {
        roles.push(Choice {
            value: "owner".into(),
            label: tr.t("admin-role-owner"),
        });
    }
    roles
}

async fn page(
    state: &AppState,
    lang: Lang,
    signed: &crate::account::service::Signed,
    invitation_link: Option<String>,
    error: Option<String>,
    notice: Option<String>,
    status: StatusCode,
) -> Result<Response, WebError> {
    let tr = Tr::new(lang);
    let content = state.content();
    let name_of = |slug: &str| {
        content
            .listing(slug)
            .map(|c| c.name.get(lang).to_string())
            .unwrap_or_else(|| slug.to_string())
    };
    let people = state
        .store
        .accounts()
        .await
        .map_err(WebError::store(lang))?
        .into_iter()
        .map(|(account, grants)| PersonLine {
            id: account.id,
            me: account.id == signed.account.id,
            grants: grants
                .iter()
                .map(|g| GrantLine {
                    text: format!(
                        "{}: {}",
                        name_of(&g.campaign),
                        tr.t(&format!("admin-role-{}", g.role.as_str()))
                    ),
                    campaign: g.campaign.clone(),
                    role: g.role.as_str(),
                })
                .collect(),
            grant_action: format!("{}/grant", paths::person(lang, account.id)),
            revoke_action: format!("{}/revoke", paths::person(lang, account.id)),
            remove_action: format!("{}/remove", paths::person(lang, account.id)),
            audit_href: format!("{}?person={}", paths::audit(lang), account.id),
            owner: account.owner,
            login: account.login.to_string(),
        })
        .collect();
    let campaigns = content
        .listings()
        .map(|c| Choice {
            value: c.slug.to_string(),
            label: c.name.get(lang).to_string(),
        })
        .collect();
    let page = PeoplePage {
        layout: AdminLayout::new(
            state,
            lang,
            Some(signed),
            Section::People,
            tr.t("admin-people-title"),
            paths::people,
        ),
        people,
        campaigns,
        roles: role_choices(&tr, true),
        invite_action: format!("{}/invite", paths::people(lang)),
        invitation_link,
        error,
        notice,
    };
    render(&page, status)
}

pub async fn show(
    State(state): State<Arc<AppState>>,
    AdminLang(lang): AdminLang,
    signed: SignedIn,
) -> Result<Response, WebError> {
    signed.owner(lang)?;
    page(&state, lang, &signed.0, None, None, None, StatusCode::OK).await
}

#[derive(Deserialize)]
pub struct RoleForm {
    #[serde(default)]
    role: String,
    #[serde(default)]
    campaign: String,
}

/// The role a form names: `Ok(None)` for owner, `Err` when it names
/// nothing valid (an unknown role or campaign).
fn chosen(state: &AppState, form: &RoleForm) -> Result<Option<Grant>, ()> {
    if form.role == "owner" {
        return Ok(None);
    }
    let role = Role::parse(&form.role).ok_or(())?;
    state.content().entry(&form.campaign).ok_or(())?;
    Ok(Some(Grant {
        campaign: form.campaign.clone(),
        role,
    }))
}

pub async fn invite(
    State(state): State<Arc<AppState>>,
    AdminLang(lang): AdminLang,
    signed: SignedIn,
    Form(form): Form<RoleForm>,
) -> Result<Response, WebError> {
    signed.owner(lang)?;
    let tr = Tr::new(lang);
    let Ok(grant) = chosen(&state, &form) else {
        let error = Some(tr.t("admin-people-choose-role"));
        return page(
            &state,
            lang,
            &signed.0,
            None,
            error,
            None,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    };
    let token = state
        .accounts
        .invite(
            grant.is_none(),
            grant.as_ref(),
            Some(&signed.0.account),
            now(),
        )
        .await
        .map_err(WebError::store(lang))?;
    let link = format!(
        "{}{}",
        state.settings.workspace_url,
        paths::invitation(lang, &token)
    );
    let text = tr.args(
        "admin-people-invitation-made",
        [("hours", arg(INVITATION_HOURS.to_string()))],
    );
    page(
        &state,
        lang,
        &signed.0,
        Some(format!("{text}\n{link}")),
        None,
        None,
        StatusCode::OK,
    )
    .await
}

#[derive(Deserialize)]
pub struct PersonParam {
    id: i64,
}

pub async fn grant(
    State(state): State<Arc<AppState>>,
    AdminLang(lang): AdminLang,
    signed: SignedIn,
    Path(params): Path<PersonParam>,
    Form(form): Form<RoleForm>,
) -> Result<Response, WebError> {
    signed.owner(lang)?;
    let tr = Tr::new(lang);
    let store_err = WebError::store(lang);
    let person = state.store.account(params.id).await.map_err(store_err)?;
    let (Some(person), Ok(Some(grant))) = (person, chosen(&state, &form)) else {
        let error = Some(tr.t("admin-people-choose-role"));
        return page(
            &state,
            lang,
            &signed.0,
            None,
            error,
            None,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    };
    if state
        .store
        .grant(person.id, &grant)
        .await
        .map_err(store_err)?
    {
        audit_role(&state, &signed, AuditAction::RoleGranted, &person, &grant)
            .await
            .map_err(store_err)?;
    }
    Ok(Redirect::to(&paths::people(lang)).into_response())
}

/// Taking a role away asks first (the person is signed out everywhere at
/// once), then says it is done.
pub async fn revoke(
    State(state): State<Arc<AppState>>,
    AdminLang(lang): AdminLang,
    signed: SignedIn,
    Path(params): Path<PersonParam>,
    Form(form): Form<RevokeForm>,
) -> Result<Response, WebError> {
    signed.owner(lang)?;
    let store_err = WebError::store(lang);
    let person = state
        .store
        .account(params.id)
        .await
        .map_err(store_err)?
        .ok_or(WebError::not_found(lang))?;
    let Some(role) = Role::parse(&form.role) else {
        return Err(WebError::not_found(lang));
    };
    let grant = Grant {
        campaign: form.campaign,
        role,
    };
    let tr = Tr::new(lang);
    let campaign_name = state
        .content()
        .listing(&grant.campaign)
        .map(|c| c.name.get(lang).to_string())
        .unwrap_or_else(|| grant.campaign.clone());
    let words = |key: &str| {
        tr.args(
            key,
            [
                ("login", arg(person.login.to_string())),
                ("role", arg(tr.t(&format!("admin-role-{}", role.as_str())))),
                ("campaign", arg(campaign_name.clone())),
            ],
        )
    };
    if form.confirm != "yes" {
        let page = ConfirmPage {
            layout: AdminLayout::new(
                &state,
                lang,
                Some(&signed.0),
                Section::People,
                tr.t("admin-people-revoke-confirm-title"),
                paths::people,
            ),
            text: words("admin-people-revoke-confirm-text"),
            action: format!("{}/revoke", paths::person(lang, person.id)),
            fields: vec![
                ("campaign".into(), grant.campaign.clone()),
                ("role".into(), role.as_str().into()),
                ("confirm".into(), "yes".into()),
            ],
            confirm: tr.t("admin-people-revoke-confirm"),
            cancel: (paths::people(lang), tr.t("admin-people-revoke-cancel")),
        };
        return render(&page, StatusCode::OK);
    }
    if state
        .store
        .revoke(person.id, &grant, now())
        .await
        .map_err(store_err)?
    {
        audit_role(&state, &signed, AuditAction::RoleRevoked, &person, &grant)
            .await
            .map_err(store_err)?;
    }
    let notice = Some(words("admin-people-revoked"));
    page(&state, lang, &signed.0, None, None, notice, StatusCode::OK).await
}

#[derive(Deserialize)]
pub struct RevokeForm {
    #[serde(default)]
    role: String,
    #[serde(default)]
    campaign: String,
    /// `yes` once the owner confirmed.
    #[serde(default)]
    confirm: String,
}

/// "Are you sure?" before a change that cannot wait to be undone.
#[derive(Template)]
#[template(path = "admin/confirm.html")]
pub struct ConfirmPage {
    pub layout: AdminLayout,
    pub text: String,
    pub action: String,
    /// The form's fields, sent again with the confirmation.
    pub fields: Vec<(String, String)>,
    pub confirm: String,
    /// Where "no" leads, and its words.
    pub cancel: (String, String),
}

/// Writes a change of `person`'s role to the audit log.
async fn audit_role(
    state: &AppState,
    signed: &SignedIn,
    action: AuditAction,
    person: &Account,
    grant: &Grant,
) -> Result<(), crate::store::StoreError> {
    state
        .accounts
        .audit(
            Some(&signed.0.account),
            action,
            Some(&grant.campaign),
            format!("{}: {}", person.login, grant.role.as_str()),
            now(),
        )
        .await
}

pub async fn remove(
    State(state): State<Arc<AppState>>,
    AdminLang(lang): AdminLang,
    signed: SignedIn,
    Path(params): Path<PersonParam>,
) -> Result<Response, WebError> {
    signed.owner(lang)?;
    let tr = Tr::new(lang);
    let store_err = WebError::store(lang);
    let person = state
        .store
        .account(params.id)
        .await
        .map_err(store_err)?
        .ok_or(WebError::not_found(lang))?;
    // Someone must stay able to run the instance.
    if person.id == signed.0.account.id {
        let error = Some(tr.t("admin-people-not-yourself"));
        return page(
            &state,
            lang,
            &signed.0,
            None,
            error,
            None,
            StatusCode::CONFLICT,
        )
        .await;
    }
    if state
        .store
        .remove_account(person.id, now())
        .await
        .map_err(store_err)?
    {
        state
            .accounts
            .audit(
                Some(&signed.0.account),
                AuditAction::AccountRemoved,
                None,
                person.login.to_string(),
                now(),
            )
            .await
            .map_err(store_err)?;
    }
    Ok(Redirect::to(&paths::people(lang)).into_response())
}
