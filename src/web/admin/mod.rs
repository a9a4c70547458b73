//! The organisers' workspace, under `/admin/{lang}/`: signing in,
//! invitations, one's account, people and roles, the audit log, campaigns.
//! Every route passes the guard (no caching, same-origin POSTs with the
//! form's token); what a route may show or change is checked against the
//! signed-in account's roles in its handler.

mod account_page;
mod audit_page;
mod campaigns;
mod context;
pub mod cookie;
mod deliver_page;
mod delivery;
mod download;
mod editing;
mod enrolment;
mod error_page;
mod forms;
pub mod guard;
mod keys_page;
mod layout;
mod letters_page;
mod mail_page;
mod names;
mod new_campaign;
mod organisations;
mod paper_page;
mod passkeys_page;
pub mod paths;
mod peers_page;
mod people;
mod petitions;
mod reauth;
mod resume;
mod settings_page;
mod sign_in;

use std::sync::Arc;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::Redirect;
use axum::routing::{get, post};

use crate::web::AppState;

/// Every workspace route, behind the guard.
pub fn routes(state: Arc<AppState>) -> Router<Arc<AppState>> {
    Router::new()
        .route("/admin", get(root))
        .route("/admin/", get(root))
        .route("/admin/{lang}/", get(campaigns::home))
        .route(
            "/admin/{lang}/sign-in",
            get(sign_in::form).post(sign_in::submit),
        )
        .route("/admin/{lang}/sign-in/resume", post(resume::resume))
        .route("/admin/{lang}/sign-out", post(sign_in::sign_out))
        .route(
            "/admin/{lang}/invitation/{token}",
            get(enrolment::open).post(enrolment::choose),
        )
        .route(
            "/admin/{lang}/invitation/{token}/enrol",
            post(enrolment::confirm),
        )
        .route("/admin/{lang}/account", get(account_page::show))
        .route(
            "/admin/{lang}/account/sessions/{id}/end",
            post(account_page::end_session),
        )
        .route(
            "/admin/{lang}/account/sessions/end-others",
            post(account_page::end_others),
        )
        .route(
            "/admin/{lang}/account/password",
            post(account_page::change_password),
        )
        .route(
            "/admin/{lang}/account/recovery-codes",
            post(account_page::renew_recovery_codes),
        )
        .route(
            "/admin/{lang}/account/authenticator",
            post(account_page::new_authenticator),
        )
        .route(
            "/admin/{lang}/account/authenticator/confirm",
            post(account_page::confirm_authenticator),
        )
        .route("/admin/{lang}/deliver", get(deliver_page::show))
        .route(
            "/admin/{lang}/account/passkeys",
            get(passkeys_page::show).post(passkeys_page::add),
        )
        .route(
            "/admin/{lang}/account/passkeys/finish",
            post(passkeys_page::finish_adding),
        )
        .route(
            "/admin/{lang}/account/passkeys/{id}/remove",
            post(passkeys_page::remove),
        )
        .route(
            "/admin/{lang}/account/passkeys/required",
            post(passkeys_page::set_required),
        )
        .route(
            "/admin/{lang}/sign-in/passkey",
            post(passkeys_page::sign_in),
        )
        .route(
            "/admin/{lang}/sign-in/passkey/finish",
            post(passkeys_page::finish_sign_in),
        )
        .route("/admin/{lang}/people", get(people::show))
        .route("/admin/{lang}/people/invite", post(people::invite))
        .route("/admin/{lang}/people/{id}/grant", post(people::grant))
        .route("/admin/{lang}/people/{id}/revoke", post(people::revoke))
        .route("/admin/{lang}/people/{id}/remove", post(people::remove))
        .route("/admin/{lang}/organisations", get(organisations::list))
        .route(
            "/admin/{lang}/peers",
            get(peers_page::list).post(peers_page::add),
        )
        .route(
            "/admin/{lang}/peers/{id}/remove",
            axum::routing::post(peers_page::remove),
        )
        .route(
            "/admin/{lang}/organisations/{id}",
            get(organisations::edit).post(organisations::save),
        )
        .route("/admin/{lang}/audit", get(audit_page::show))
        .route("/admin/{lang}/settings", get(settings_page::show))
        .route(
            "/admin/{lang}/mail",
            get(mail_page::show).post(mail_page::send_test),
        )
        .route(
            "/admin/{lang}/campaigns/new",
            get(new_campaign::new_campaign).post(new_campaign::create),
        )
        .route(
            "/admin/{lang}/campaigns/new/start",
            post(new_campaign::start),
        )
        .route(
            "/admin/{lang}/campaigns/new/upload",
            post(new_campaign::create_from_upload)
                .layer(DefaultBodyLimit::max(guard::UPLOAD_LIMIT)),
        )
        .route("/admin/{lang}/campaigns/{slug}", get(campaigns::overview))
        .route(
            "/admin/{lang}/campaigns/{slug}/edit",
            get(editing::edit).post(editing::save),
        )
        .route(
            "/admin/{lang}/campaigns/{slug}/form/{section}",
            get(forms::show).post(forms::submit),
        )
        .route(
            "/admin/{lang}/campaigns/{slug}/preview",
            get(editing::preview),
        )
        .route(
            "/admin/{lang}/campaigns/{slug}/preview/photo.jpg",
            get(editing::preview_photo),
        )
        .route(
            "/admin/{lang}/campaigns/{slug}/photo",
            post(editing::upload_photo).layer(DefaultBodyLimit::max(guard::UPLOAD_LIMIT)),
        )
        .route(
            "/admin/{lang}/campaigns/{slug}/publish",
            post(editing::publish),
        )
        .route(
            "/admin/{lang}/campaigns/{slug}/history",
            get(editing::history),
        )
        .route(
            "/admin/{lang}/campaigns/{slug}/history/{id}/restore",
            post(editing::restore),
        )
        .route(
            "/admin/{lang}/campaigns/{slug}/campaign.toml",
            get(editing::download),
        )
        .route(
            "/admin/{lang}/campaigns/{slug}/campaign.zip",
            get(editing::download_bundle),
        )
        .route(
            "/admin/{lang}/campaigns/{slug}/keys",
            get(keys_page::show).post(keys_page::add),
        )
        .route(
            "/admin/{lang}/campaigns/{slug}/keys/{id}/end",
            post(keys_page::end),
        )
        .route(
            "/admin/{lang}/campaigns/{slug}/petitions/{petition}/close",
            post(petitions::close),
        )
        .route(
            "/admin/{lang}/campaigns/{slug}/petitions/{petition}/open",
            post(petitions::open),
        )
        .route(
            "/admin/{lang}/campaigns/{slug}/petitions/{petition}/paper",
            get(paper_page::show).post(paper_page::add),
        )
        .route(
            "/admin/{lang}/campaigns/{slug}/petitions/{petition}/paper/{id}/correct",
            post(paper_page::correct),
        )
        .route(
            "/admin/{lang}/campaigns/{slug}/letters",
            get(letters_page::show),
        )
        .route(
            "/admin/{lang}/campaigns/{slug}/letters/open",
            get(letters_page::open),
        )
        .route(
            "/admin/{lang}/campaigns/{slug}/letters/export/{which}",
            get(letters_page::download),
        )
        .route(
            "/admin/{lang}/campaigns/{slug}/letters/mark",
            post(letters_page::mark),
        )
        .route(
            "/admin/{lang}/campaigns/{slug}/letters/reply",
            post(letters_page::reply).layer(DefaultBodyLimit::max(guard::UPLOAD_LIMIT)),
        )
        .route(
            "/admin/{lang}/campaigns/{slug}/petitions/{petition}/export",
            get(delivery::export),
        )
        .layer(axum::middleware::from_fn_with_state(state, guard::guard))
}

/// `/admin` → the workspace in the visitor's language.
async fn root(State(state): State<Arc<AppState>>, headers: HeaderMap) -> Redirect {
    let lang = crate::web::public::language::from_headers(&headers, &state);
    Redirect::to(&paths::home(lang))
}
