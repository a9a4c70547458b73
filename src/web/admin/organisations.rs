//! The organisation registry (owners): names and the legal labels Russian
//! law attaches ("foreign agent", "undesirable"...), with their dates. A
//! change shows on every page that mentions the organisation at the next
//! content refresh (within a second).

use std::sync::Arc;

use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::context::{AdminLang, SignedIn, now};
use super::layout::{AdminLayout, Section, render};
use super::names;
use super::paths;
use crate::account::AuditAction;
use crate::campaign::organisation::LegalLabel;
use crate::campaign::{LabelKind, Lang, Localized, OrgId, Organisation};
use crate::i18n::{Tr, arg};
use crate::web::AppState;
use crate::web::error::WebError;

pub struct OrgLine {
    pub href: String,
    pub id: String,
    pub name: String,
    pub labels: String,
}

#[derive(Template)]
#[template(path = "admin/organisations.html")]
pub struct ListPage {
    pub layout: AdminLayout,
    pub organisations: Vec<OrgLine>,
    pub new_href: String,
}

pub struct LabelRow {
    pub code: &'static str,
    pub name: String,
    pub checked: bool,
    pub since: String,
    pub error: Option<String>,
}

#[derive(Template)]
#[template(path = "admin/organisation.html")]
pub struct EditPage {
    pub layout: AdminLayout,
    pub action: String,
    /// Editable only for a new organisation: campaigns refer to it.
    pub new: bool,
    pub id: String,
    pub id_error: Option<String>,
    pub names: Vec<names::NameField>,
    pub name_error: Option<String>,
    pub labels: Vec<LabelRow>,
}

fn label_text(tr: &Tr, org: &Organisation) -> String {
    org.labels
        .iter()
        .map(|l| tr.t(&format!("admin-label-{}", l.kind.code())))
        .collect::<Vec<_>>()
        .join(", ")
}

pub async fn list(
    State(state): State<Arc<AppState>>,
    AdminLang(lang): AdminLang,
    signed: SignedIn,
) -> Result<Response, WebError> {
    signed.owner(lang)?;
    let tr = Tr::new(lang);
    let content = state.content();
    let organisations = content
        .registry
        .all()
        .map(|o| OrgLine {
            href: paths::organisation(lang, o.id.as_str()),
            id: o.id.to_string(),
            name: o.name.get(lang).to_string(),
            labels: label_text(&tr, o),
        })
        .collect();
    let page = ListPage {
        layout: AdminLayout::new(
            &state,
            lang,
            Some(&signed.0),
            Section::Organisations,
            tr.t("admin-orgs-title"),
            paths::organisations,
        ),
        organisations,
        new_href: paths::organisation(lang, "new"),
    };
    render(&page, StatusCode::OK)
}

/// The form, filled from `form` (what was typed) and `errors`.
fn edit_page(
    state: &AppState,
    lang: Lang,
    signed: &SignedIn,
    path_id: &str,
    form: &OrgForm,
    errors: &Errors,
    status: StatusCode,
) -> Result<Response, WebError> {
    let tr = Tr::new(lang);
    let labels = LabelKind::ALL
        .into_iter()
        .map(|kind| LabelRow {
            code: kind.code(),
            name: tr.t(&format!("admin-label-{}", kind.code())),
            checked: form.has(kind),
            since: form.since(kind).to_string(),
            error: errors
                .dates
                .contains(&kind)
                .then(|| tr.t("admin-orgs-date-error")),
        })
        .collect();
    let path_owned = path_id.to_string();
    let page = EditPage {
        layout: AdminLayout::new(
            state,
            lang,
            Some(&signed.0),
            Section::Organisations,
            tr.t("admin-orgs-edit-title"),
            |l| paths::organisation(l, &path_owned),
        ),
        action: paths::organisation(lang, path_id),
        new: path_id == "new",
        id: form.id.clone(),
        id_error: errors.id.map(|key| tr.t(key)),
        names: names::from_fields(state, |k| form.rest.get(k).map(String::as_str)),
        name_error: errors.name.then(|| {
            tr.args(
                "admin-orgs-name-error",
                [("language", arg(state.settings.default_lang.native_name()))],
            )
        }),
        labels,
    };
    render(&page, status)
}

/// The form as typed; names are `name_xx` (one per offered language),
/// label fields are `label-KIND` (a checkbox) and `since-KIND` (a date).
#[derive(Deserialize, Default)]
pub struct OrgForm {
    #[serde(default)]
    id: String,
    #[serde(flatten)]
    rest: std::collections::HashMap<String, String>,
}

impl OrgForm {
    /// The form of a stored organisation: its name in the site's languages
    /// and in any other it is given in.
    fn from_org(org: &Organisation, languages: &[Lang]) -> OrgForm {
        let mut rest = std::collections::HashMap::new();
        for label in &org.labels {
            rest.insert(format!("label-{}", label.kind.code()), "on".to_string());
            if let Some(since) = label.since {
                rest.insert(format!("since-{}", label.kind.code()), since.to_string());
            }
        }
        for lang in languages.iter().copied().chain(org.name.languages()) {
            if let Some(name) = org.name.exactly(lang) {
                rest.insert(format!("name_{lang}"), name.to_string());
            }
        }
        OrgForm {
            id: org.id.to_string(),
            rest,
        }
    }

    fn has(&self, kind: LabelKind) -> bool {
        self.rest.contains_key(&format!("label-{}", kind.code()))
    }

    fn since(&self, kind: LabelKind) -> &str {
        self.rest
            .get(&format!("since-{}", kind.code()))
            .map(|s| s.trim())
            .unwrap_or_default()
    }
}

#[derive(Default)]
struct Errors {
    id: Option<&'static str>,
    name: bool,
    dates: Vec<LabelKind>,
}

impl Errors {
    fn any(&self) -> bool {
        self.id.is_some() || self.name || !self.dates.is_empty()
    }
}

/// The organisation a form describes, or what is wrong with it.
/// The name is required in the site's default language; the others may
/// wait (pages then show that one).
fn read(state: &AppState, form: &OrgForm, id: &str) -> Result<Organisation, Errors> {
    let mut errors = Errors::default();
    let id = OrgId::parse(id.trim());
    if id.is_err() {
        errors.id = Some("admin-orgs-id-error");
    }
    // Languages not offered now (their texts typed before) are kept.
    let mut typed: Vec<(Lang, String)> = Vec::new();
    for lang in Lang::known() {
        if let Some(name) = form.rest.get(&format!("name_{lang}"))
            && !name.trim().is_empty()
        {
            typed.push((lang, name.trim().to_string()));
        }
    }
    // The default language's first: it is what others fall back to.
    typed.sort_by_key(|(l, _)| *l != state.settings.default_lang);
    if !typed.iter().any(|(l, _)| *l == state.settings.default_lang) {
        errors.name = true;
    }
    let mut labels = Vec::new();
    for kind in LabelKind::ALL.into_iter().filter(|k| form.has(*k)) {
        let since = form.since(kind);
        let since = if since.is_empty() {
            None
        } else {
            match chrono::NaiveDate::parse_from_str(since, "%Y-%m-%d") {
                Ok(d) => Some(d),
                Err(_) => {
                    errors.dates.push(kind);
                    None
                }
            }
        };
        labels.push(LegalLabel { kind, since });
    }
    match id {
        Ok(id) if !errors.any() => Ok(Organisation {
            id,
            name: Localized::new(typed),
            labels,
        }),
        _ => Err(errors),
    }
}

#[derive(Deserialize)]
pub struct IdParam {
    id: String,
}

pub async fn edit(
    State(state): State<Arc<AppState>>,
    AdminLang(lang): AdminLang,
    signed: SignedIn,
    Path(params): Path<IdParam>,
) -> Result<Response, WebError> {
    signed.owner(lang)?;
    let form = if params.id == "new" {
        OrgForm::default()
    } else {
        let content = state.content();
        let org = content
            .registry
            .get(&params.id)
            .ok_or(WebError::not_found(lang))?;
        OrgForm::from_org(org, state.languages())
    };
    edit_page(
        &state,
        lang,
        &signed,
        &params.id,
        &form,
        &Errors::default(),
        StatusCode::OK,
    )
}

pub async fn save(
    State(state): State<Arc<AppState>>,
    AdminLang(lang): AdminLang,
    signed: SignedIn,
    Path(params): Path<IdParam>,
    Form(form): Form<OrgForm>,
) -> Result<Response, WebError> {
    signed.owner(lang)?;
    let new = params.id == "new";
    let id = if new {
        form.id.clone()
    } else {
        params.id.clone()
    };
    if !new && !state.content().registry.contains(&id) {
        return Err(WebError::not_found(lang));
    }
    let org = match read(&state, &form, &id) {
        Ok(org) if new && state.content().registry.contains(org.id.as_str()) => {
            let errors = Errors {
                id: Some("admin-orgs-id-taken"),
                ..Default::default()
            };
            return edit_page(
                &state,
                lang,
                &signed,
                &params.id,
                &form,
                &errors,
                StatusCode::CONFLICT,
            );
        }
        Ok(org) => org,
        Err(errors) => {
            return edit_page(
                &state,
                lang,
                &signed,
                &params.id,
                &form,
                &errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            );
        }
    };
    let store_err = WebError::store(lang);
    state
        .store
        .save_organisation(&org)
        .await
        .map_err(store_err)?;
    state.reload().await.map_err(store_err)?;
    state
        .accounts
        .audit(
            Some(&signed.0.account),
            AuditAction::OrganisationSaved,
            None,
            org.id.to_string(),
            now(),
        )
        .await
        .map_err(store_err)?;
    Ok(Redirect::to(&paths::organisations(lang)).into_response())
}
