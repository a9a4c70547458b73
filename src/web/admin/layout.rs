//! The frame of every workspace page: title, language switch, the signed-in
//! person's menu, and the token every form carries.

use askama::Template;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};

use super::guard::STAMP_PURPOSE;
use super::{context::now, paths};
use crate::account::service::Signed;
use crate::campaign::Lang;
use crate::i18n::Tr;
use crate::web::AppState;
use crate::web::error::WebError;
use crate::web::layout::{Alternate, alternates};
use crate::web::public::assets;

pub struct NavLink {
    pub href: String,
    pub label: String,
    pub current: bool,
}

pub struct AdminLayout {
    pub tr: Tr,
    pub lang: &'static str,
    pub title: String,
    pub alternates: Vec<Alternate>,
    pub css_href: String,
    pub icon_href: String,
    /// The signed-in person's login name, when signed in.
    pub login: Option<String>,
    pub nav: Vec<NavLink>,
    pub sign_out: String,
    /// Goes into every form as `csrf`: the session's token, or a stamp on
    /// pages used before signing in.
    pub form_token: String,
    /// First-party scripts, only on the pages that need the browser's
    /// cryptography (their responses carry a policy that allows them).
    pub scripts: Vec<String>,
    /// More stylesheets after the site's own.
    pub stylesheets: Vec<String>,
    /// The page's policy again, for a copy saved to disk (which loses the
    /// response's headers).
    pub policy_meta: Option<&'static str>,
}

/// Which menu entry the page belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    None,
    Campaigns,
    People,
    Organisations,
    Peers,
    Mail,
    Audit,
    Settings,
    Account,
}

impl AdminLayout {
    /// `path_in` gives this page's path in a language.
    pub fn new(
        state: &AppState,
        lang: Lang,
        signed: Option<&Signed>,
        section: Section,
        title: String,
        path_in: impl Fn(Lang) -> String,
    ) -> Self {
        let tr = Tr::new(lang);
        let mut nav = Vec::new();
        if let Some(s) = signed {
            let mut link = |href: String, key: &str, this: Section| {
                nav.push(NavLink {
                    href,
                    label: tr.t(key),
                    current: section == this,
                })
            };
            link(paths::home(lang), "admin-nav-campaigns", Section::Campaigns);
            if s.access.may_manage_instance() {
                link(paths::people(lang), "admin-nav-people", Section::People);
                link(
                    paths::organisations(lang),
                    "admin-nav-organisations",
                    Section::Organisations,
                );
                link(paths::peers(lang), "admin-nav-peers", Section::Peers);
                link(paths::mail(lang), "admin-nav-mail", Section::Mail);
                link(paths::audit(lang), "admin-nav-audit", Section::Audit);
                link(
                    paths::settings(lang),
                    "admin-nav-settings",
                    Section::Settings,
                );
            }
            link(paths::account(lang), "admin-nav-account", Section::Account);
        }
        let form_token = match signed {
            Some(s) => s.session.csrf.clone(),
            None => state.petitions.secret.workspace_stamp(STAMP_PURPOSE, now()),
        };
        AdminLayout {
            tr,
            lang: lang.code(),
            title,
            alternates: alternates(state.languages(), lang, path_in),
            css_href: assets::stylesheet_href(),
            icon_href: assets::icon_href(),
            login: signed.map(|s| s.account.login.to_string()),
            nav,
            sign_out: paths::sign_out(lang),
            form_token,
            scripts: Vec::new(),
            stylesheets: Vec::new(),
            policy_meta: None,
        }
    }
}

/// A workspace page that runs first-party scripts, as a response with the
/// policy that allows them and nothing else.
pub fn render_with_scripts(page: &impl Template, status: StatusCode) -> Result<Response, WebError> {
    let mut response = render(page, status)?;
    crate::web::security::allow_own_scripts(&mut response);
    Ok(response)
}

/// A workspace page as a response.
pub fn render(page: &impl Template, status: StatusCode) -> Result<Response, WebError> {
    let html = page
        .render()
        .map_err(|e| WebError::internal(format!("rendering a workspace page failed: {e}")))?;
    Ok((
        status,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        html,
    )
        .into_response())
}
