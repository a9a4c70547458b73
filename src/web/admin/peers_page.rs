//! Other groups' instances shown in the directory (owners): add one by its
//! address and public key (exchanged out of band), see each one's state
//! (its last good copy and its age, the last failure), remove one. Every
//! change is audited.

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
use crate::account::AuditAction;
use crate::campaign::Lang;
use crate::i18n::{Tr, arg};
use crate::peers::key::PublicKey;
use crate::web::AppState;
use crate::web::error::WebError;

pub struct PeerLine {
    pub name: String,
    pub address: String,
    pub campaigns: usize,
    pub fetched: String,
    pub error: Option<String>,
    pub remove_action: String,
}

#[derive(Template)]
#[template(path = "admin/peers.html")]
pub struct PeersPage {
    pub layout: AdminLayout,
    pub own_key: String,
    pub peers: Vec<PeerLine>,
    pub action: String,
    pub form: PeerForm,
    pub problem: Option<String>,
    pub notice: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
pub struct PeerForm {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub address: String,
    #[serde(default)]
    pub key: String,
    #[serde(default)]
    pub mirrors: String,
}

async fn page(
    state: &AppState,
    lang: Lang,
    signed: &SignedIn,
    form: PeerForm,
    problem: Option<&str>,
    notice: Option<&str>,
    status: StatusCode,
) -> Result<Response, WebError> {
    let tr = Tr::new(lang);
    let rows = state.store.peers().await.map_err(WebError::store(lang))?;
    let content = state.content();
    let peers = rows
        .into_iter()
        .map(|row| PeerLine {
            campaigns: content.peer_campaigns(row.id),
            fetched: match row
                .fetched_at
                .and_then(|t| chrono::DateTime::from_timestamp(t, 0))
            {
                Some(at) => tr.date_time(at.date_naive(), Some(at.time())),
                None => tr.t("admin-peers-never"),
            },
            error: row
                .last_error
                .map(|e| tr.args("admin-peers-error", [("error", arg(e))])),
            remove_action: paths::peer_remove(lang, row.id),
            name: row.name,
            address: row.address,
        })
        .collect();
    let own_key = state
        .petitions
        .secret
        .directory_key()
        .map(|k| k.public().to_string())
        .unwrap_or_default();
    let page = PeersPage {
        layout: AdminLayout::new(
            state,
            lang,
            Some(&signed.0),
            Section::Peers,
            tr.t("admin-peers-title"),
            paths::peers,
        ),
        own_key,
        peers,
        action: paths::peers(lang),
        form,
        problem: problem.map(|k| tr.t(k)),
        notice: notice.map(|k| tr.t(k)),
    };
    render(&page, status)
}

pub async fn list(
    State(state): State<Arc<AppState>>,
    AdminLang(lang): AdminLang,
    signed: SignedIn,
) -> Result<Response, WebError> {
    signed.owner(lang)?;
    page(
        &state,
        lang,
        &signed,
        PeerForm::default(),
        None,
        None,
        StatusCode::OK,
    )
    .await
}

/// The peer a form describes: (name, address, key, mirrors), or the key of
/// what is wrong with it.
fn read(form: &PeerForm) -> Result<(String, String, PublicKey, Vec<String>), &'static str> {
    let name = form.name.trim();
    if name.is_empty() || name.chars().count() > 100 {
        return Err("admin-peers-bad-name");
    }
    let address = crate::config::site_base(&form.address).ok_or("admin-peers-bad-address")?;
    let key = PublicKey::parse(&form.key).map_err(|_| "admin-peers-bad-key")?;
    let mirrors = form
        .mirrors
        .lines()
        .map(str::trim)
        .filter(|m| !m.is_empty())
        .map(|m| crate::config::site_base(m).ok_or("admin-peers-bad-address"))
        .collect::<Result<Vec<_>, _>>()?;
    Ok((name.to_string(), address, key, mirrors))
}

pub async fn add(
    State(state): State<Arc<AppState>>,
    AdminLang(lang): AdminLang,
    signed: SignedIn,
    Form(form): Form<PeerForm>,
) -> Result<Response, WebError> {
    signed.owner(lang)?;
    let (name, address, key, mirrors) = match read(&form) {
        Ok(peer) => peer,
        Err(problem) => {
            return page(
                &state,
                lang,
                &signed,
                form,
                Some(problem),
                None,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        }
    };
    let added = state
        .store
        .add_peer(&name, &address, &key.to_string(), &mirrors, now())
        .await
        .map_err(WebError::store(lang))?;
    if added.is_none() {
        return page(
            &state,
            lang,
            &signed,
            form,
            Some("admin-peers-taken"),
            None,
            StatusCode::CONFLICT,
        )
        .await;
    }
    state
        .accounts
        .audit(
            Some(&signed.0.account),
            AuditAction::PeerAdded,
            None,
            format!("{name} {address}"),
            now(),
        )
        .await
        .map_err(WebError::store(lang))?;
    // Fetched now, not at the next round: the owner sees the result.
    let store = state.store.clone();
    tokio::spawn(async move {
        if let Err(e) = crate::peers::fetch_all(&store).await {
            tracing::warn!(error = %e, "fetching peers' directories failed");
        }
    });
    page(
        &state,
        lang,
        &signed,
        PeerForm::default(),
        None,
        Some("admin-peers-added"),
        StatusCode::OK,
    )
    .await
}

#[derive(Deserialize)]
pub struct PeerParam {
    id: i64,
}

pub async fn remove(
    State(state): State<Arc<AppState>>,
    AdminLang(lang): AdminLang,
    signed: SignedIn,
    Path(params): Path<PeerParam>,
) -> Result<Response, WebError> {
    signed.owner(lang)?;
    let peers = state.store.peers().await.map_err(WebError::store(lang))?;
    let peer = peers
        .iter()
        .find(|p| p.id == params.id)
        .ok_or(WebError::not_found(lang))?;
    state
        .store
        .remove_peer(peer.id)
        .await
        .map_err(WebError::store(lang))?;
    state.reload().await.map_err(WebError::store(lang))?;
    state
        .accounts
        .audit(
            Some(&signed.0.account),
            AuditAction::PeerRemoved,
            None,
            format!("{} {}", peer.name, peer.address),
            now(),
        )
        .await
        .map_err(WebError::store(lang))?;
    Ok(Redirect::to(&paths::peers(lang)).into_response())
}
