//! A signature submitted by the petition page's form or by the JSON API:
//! one set of rules, so that both take and refuse the same submissions.

use std::net::SocketAddr;

use axum::extract::ConnectInfo;
use axum::extract::rejection::FormRejection;
use axum::{Extension, Form};

use axum::http::HeaderMap;

use crate::campaign::{Campaign, Confirmation, Petition};
use crate::petition::form::{Field, Problem, SignForm};
use crate::petition::service::{SignError, SignOutcome};
use crate::web::origin::{PostSource, post_source};
use crate::web::site::Site;
use crate::web::state::{AppState, Content};

/// Why a submission was not taken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// Too many from this visitor's address: nothing was read.
    RateLimited,
    /// The body could not be read as a form (or JSON document).
    Unreadable,
    /// Another site's page sent it, perhaps without the visitor knowing:
    /// nothing is counted; the visitor may sign here.
    Foreign,
    /// Sent sooner after the form was shown than a person can.
    TooFast,
    Invalid(Vec<(Field, Problem)>),
    /// The petition does not take signatures now.
    Closed,
    /// The signature could not be stored; the visitor may try again.
    Unavailable,
}

/// One submission, as it arrived.
pub struct Submission<'a> {
    pub campaign: &'a Campaign,
    pub petition: &'a Petition,
    pub lang: crate::campaign::Lang,
    pub site: &'a Site,
    /// The connection's peer; the client's address is found from it and
    /// the headers by the limiter's rules (`trusted_proxies`).
    pub peer: Option<&'a ConnectInfo<SocketAddr>>,
    pub headers: &'a HeaderMap,
    /// `Err` when the body could not be read.
    pub form: Result<&'a SignForm, ()>,
}

impl<'a> Submission<'a> {
    /// A submission of the petition form (on its page or in a partner's frame).
    pub fn of_form(
        campaign: &'a Campaign,
        petition: &'a Petition,
        lang: crate::campaign::Lang,
        site: &'a Site,
        conn: &'a Option<Extension<ConnectInfo<SocketAddr>>>,
        headers: &'a HeaderMap,
        form: &'a Result<Form<SignForm>, FormRejection>,
    ) -> Self {
        Submission {
            campaign,
            petition,
            lang,
            site,
            peer: conn.as_ref().map(|Extension(c)| c),
            headers,
            form: form.as_ref().map(|Form(f)| f).map_err(|_| ()),
        }
    }
}

/// Applies every rule of signing, in order, and stores the signature.
pub async fn submit(
    state: &AppState,
    content: &Content,
    s: Submission<'_>,
    now: i64,
) -> Result<SignOutcome, Refusal> {
    let ip = state.limiter.client_ip(s.headers, s.peer);
    if !state.limiter.check(ip) {
        return Err(Refusal::RateLimited);
    }
    let form = s.form.map_err(|()| Refusal::Unreadable)?;
    let source = post_source(
        s.headers,
        s.site.base(),
        &state.petitions.settings.embed_origins,
    );
    if source == PostSource::Foreign {
        return Err(Refusal::Foreign);
    }
    if form.is_bot() {
        // Told the same as a person, so the bot learns nothing; nothing is kept.
        return Ok(SignOutcome::of(s.petition.confirmation));
    }
    let stamped = state.petitions.secret.verify_form_stamp(&form.stamp);
    if let Some(stamped) = stamped {
        let min = state.petitions.settings.min_form.as_secs() as i64;
        if min > 0 && now - stamped < min {
            return Err(Refusal::TooFast);
        }
    }
    let mut signer = form
        .validate(s.petition.confirmation)
        .map_err(Refusal::Invalid)?;
    // Without our stamp the form was not filled in on our page: on an
    // anonymous petition, where nothing confirms a signature, its name is
    // not published.
    if stamped.is_none() && s.petition.confirmation == Confirmation::Anonymous {
        signer.public = false;
    }
    let slug = s.campaign.slug.as_str();
    let row = content
        .petition_row(slug, s.petition.id.as_str())
        .ok_or(Refusal::Closed)?;
    match state
        .petitions
        .sign(
            s.campaign,
            s.petition,
            row.id,
            signer,
            s.lang,
            s.site.base(),
            content.today,
            now,
        )
        .await
    {
        Ok(outcome) => Ok(outcome),
        Err(SignError::NotOpen) => Err(Refusal::Closed),
        Err(e) => {
            tracing::error!(error = %e, "a signature could not be saved");
            Err(Refusal::Unavailable)
        }
    }
}
