//! The audit log for owners, newest first, filtered by campaign or person.

use std::sync::Arc;

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;

use super::context::{AdminLang, SignedIn};
use super::layout::{AdminLayout, Section, render};
use super::paths;
use crate::account::AuditAction;
use crate::i18n::Tr;
use crate::store::AuditFilter;
use crate::web::AppState;
use crate::web::error::WebError;

const PAGE_LINES: i64 = 100;

pub struct AuditLine {
    pub when: String,
    pub who: String,
    pub what: String,
    pub campaign: String,
    pub detail: String,
}

pub struct Choice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

#[derive(Template)]
#[template(path = "admin/audit.html")]
pub struct AuditPage {
    pub layout: AdminLayout,
    pub action: String,
    pub lines: Vec<AuditLine>,
    pub campaigns: Vec<Choice>,
    pub people: Vec<Choice>,
    pub older: Option<String>,
}

#[derive(Deserialize, Default)]
pub struct AuditQuery {
    #[serde(default)]
    campaign: Option<String>,
    #[serde(default)]
    person: Option<String>,
    #[serde(default)]
    before: Option<String>,
}

pub async fn show(
    State(state): State<Arc<AppState>>,
    AdminLang(lang): AdminLang,
    signed: SignedIn,
    Query(query): Query<AuditQuery>,
) -> Result<Response, WebError> {
    signed.owner(lang)?;
    let tr = Tr::new(lang);
    let filter = AuditFilter {
        campaign: query.campaign.filter(|c| !c.is_empty()),
        actor: query.person.as_deref().and_then(|p| p.parse().ok()),
        before: query.before.as_deref().and_then(|b| b.parse().ok()),
    };
    let store_err = WebError::store(lang);
    let entries = state
        .store
        .audit_log(&filter, PAGE_LINES)
        .await
        .map_err(store_err)?;
    let content = state.content();
    let older = (entries.len() as i64 == PAGE_LINES)
        .then(|| entries.last().map(|(id, _)| *id))
        .flatten()
        .map(|id| {
            let mut q = format!("?before={id}");
            if let Some(c) = &filter.campaign {
                q.push_str(&format!("&campaign={c}"));
            }
            if let Some(p) = filter.actor {
                q.push_str(&format!("&person={p}"));
            }
            format!("{}{q}", paths::audit(lang))
        });
    let lines = entries
        .into_iter()
        .map(|(_, e)| AuditLine {
            when: chrono::DateTime::from_timestamp(e.at, 0)
                .map(|t| t.format("%Y-%m-%d %H:%M:%S UTC").to_string())
                .unwrap_or_default(),
            who: e.actor_login.unwrap_or_else(|| "—".into()),
            what: tr.t(&format!("admin-audit-{}", e.action.as_str())),
            campaign: e
                .campaign
                .map(|slug| {
                    content
                        .listing(&slug)
                        .map(|c| c.name.get(lang).to_string())
                        .unwrap_or(slug)
                })
                .unwrap_or_default(),
            detail: shown_detail(&tr, e.action, e.detail),
        })
        .collect();
    let campaigns = content
        .listings()
        .map(|c| Choice {
            selected: filter.campaign.as_deref() == Some(c.slug.as_str()),
            value: c.slug.to_string(),
            label: c.name.get(lang).to_string(),
        })
        .collect();
    let people = state
        .store
        .accounts()
        .await
        .map_err(store_err)?
        .into_iter()
        .map(|(a, _)| Choice {
            selected: filter.actor == Some(a.id),
            value: a.id.to_string(),
            label: a.login.to_string(),
        })
        .collect();
    let page = AuditPage {
        layout: AdminLayout::new(
            &state,
            lang,
            Some(&signed.0),
            Section::Audit,
            tr.t("admin-audit-title"),
            paths::audit,
        ),
        action: paths::audit(lang),
        lines,
        campaigns,
        people,
        older,
    };
    render(&page, StatusCode::OK)
}

/// A line's detail as the reader reads it: role codes, stored in English
/// (`vera: editor`, `owner`), are named in the page's language.
fn shown_detail(tr: &Tr, action: AuditAction, detail: String) -> String {
    let about_roles = matches!(
        action,
        AuditAction::RoleGranted | AuditAction::RoleRevoked | AuditAction::InvitationCreated
    );
    if !about_roles {
        return detail;
    }
    let (who, code) = match detail.rsplit_once(": ") {
        Some((who, code)) => (Some(who), code),
        None => (None, detail.as_str()),
    };
    if !["owner", "editor", "delivery"].contains(&code) {
        return detail;
    }
    let role = tr.t(&format!("admin-role-{code}"));
    match who {
        Some(who) => format!("{who}: {role}"),
        None => role,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::campaign::Lang;

    #[test]
    fn role_codes_are_named_in_the_readers_language() {
        let ru = Tr::new(Lang::RU);
        let editor = ru.t("admin-role-editor");
        assert_eq!(
            shown_detail(&ru, AuditAction::RoleGranted, "vera: editor".into()),
            format!("vera: {editor}")
        );
        assert_eq!(
            shown_detail(&ru, AuditAction::InvitationCreated, "owner".into()),
            ru.t("admin-role-owner")
        );
        assert_eq!(
            shown_detail(&ru, AuditAction::PetitionClosed, "editor".into()),
            "editor",
            "other details are names, kept"
        );
        assert!(!editor.contains("editor"));
    }
}
