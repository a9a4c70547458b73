//! `POST /api/v1/campaigns/{slug}/petitions/{id}/signatures`: signing from
//! partner sites and apps, by the petition form's rules (`submission`),
//! with CORS answered only for the sites in `embed_origins`.

use std::net::SocketAddr;
use std::sync::Arc;

use axum::Extension;
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{ConnectInfo, Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{ApiError, ErrorCode};
use crate::campaign::Lang;
use crate::config::normalize_origin;
use crate::i18n::{Tr, arg};
use crate::petition::form::SignForm;
use crate::petition::service::SignOutcome;
use crate::web::public::language;
use crate::web::public::submission::{Refusal, Submission, submit};
use crate::web::site::Site;
use crate::web::state::AppState;

/// A signature, as the petition form takes it.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default)]
pub struct SignatureRequest {
    /// Up to 100 characters.
    pub name: String,
    /// Required unless the petition is anonymous; the confirmation link is
    /// sent there.
    pub email: String,
    pub city: String,
    pub country: String,
    /// Whether the name may be shown on the petition's page.
    pub public: bool,
    /// The signer agrees to the processing of the data; required.
    pub consent: bool,
    /// The language of the mail and of the answer's messages; by default
    /// the request's Accept-Language, else the instance's language.
    pub lang: Option<Lang>,
}

impl SignatureRequest {
    fn form(&self) -> SignForm {
        let on = |b: bool| b.then(|| "on".to_string());
        SignForm {
            name: self.name.clone(),
            email: self.email.clone(),
            city: self.city.clone(),
            country: self.country.clone(),
            public: on(self.public),
            consent: on(self.consent),
            website: String::new(),
            stamp: String::new(),
        }
    }
}

/// A signature taken.
#[derive(Debug, Serialize, ToSchema)]
pub struct SignatureAccepted {
    /// `check-mail`: it counts once the signer opens the link sent by mail.
    /// `counted`: it counts now (anonymous petitions).
    pub outcome: Outcome,
    pub message: String,
}

#[derive(Debug, Clone, Copy, Serialize, ToSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    CheckMail,
    Counted,
}

/// Signs a petition.
#[utoipa::path(
    post,
    path = "/api/v1/campaigns/{slug}/petitions/{id}/signatures",
    tag = "petitions",
    params(
        ("slug" = String, Path, description = "The campaign's slug"),
        ("id" = String, Path, description = "The petition's id")
    ),
    request_body(content = SignatureRequest, content_type = "application/json"),
    responses(
        (status = 202, description = "Taken; it counts once confirmed from the mail", body = SignatureAccepted),
        (status = 201, description = "Taken and counted (anonymous petitions)", body = SignatureAccepted),
        (status = 400, description = "The body is not such a JSON document", body = ApiError),
        (status = 413, description = "The body is larger than a signature can be (16 KiB)", body = ApiError),
        (status = 403, description = "Sent by a browser from a site not in embed_origins", body = ApiError),
        (status = 404, description = "No such campaign or petition", body = ApiError),
        (status = 409, description = "The petition does not take signatures now", body = ApiError),
        (status = 422, description = "A field is wrong (see problems)", body = ApiError),
        (status = 429, description = "Too many signatures from this address; retry after a minute", body = ApiError),
        (status = 503, description = "Could not be stored; try again", body = ApiError)
    )
)]
pub async fn sign(
    State(state): State<Arc<AppState>>,
    Path((slug, id)): Path<(String, String)>,
    conn: Option<Extension<ConnectInfo<SocketAddr>>>,
    site: Site,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let body = match body {
        Ok(body) => body,
        Err(rejection) => {
            let lang = language::from_headers(&headers, &state);
            let mut response = ApiError::new(ErrorCode::TooLarge, Tr::new(lang).t("api-too-large"))
                .into_response();
            *response.status_mut() = rejection.status();
            allow_embedding(&state, &headers, &mut response);
            return response;
        }
    };
    let request = read(&body);
    let lang = request
        .as_ref()
        .ok()
        .and_then(|r| r.lang)
        .unwrap_or_else(|| language::from_headers(&headers, &state));
    let tr = Tr::new(lang);
    let answer = async {
        let content = state.content();
        let campaign = state
            .campaign(&content, &slug)
            .await
            .map_err(|e| {
                tracing::error!(error = %e, "reading a campaign failed");
                ApiError::new(ErrorCode::Unavailable, tr.t("error-unavailable-text"))
            })?
            .ok_or(ApiError::not_found(lang))?;
        let petition = campaign.petition(&id).ok_or(ApiError::not_found(lang))?;
        let form = request.as_ref().map(SignatureRequest::form);
        let submission = Submission {
            campaign: &campaign,
            petition,
            lang,
            site: &site,
            peer: conn.as_ref().map(|Extension(c)| c),
            headers: &headers,
            form: form.as_ref().map_err(|_| ()),
        };
        let now = chrono::Utc::now().timestamp();
        let refusal = match submit(&state, &content, submission, now).await {
            Ok(outcome) => return Ok(accepted(&tr, outcome)),
            Err(refusal) => refusal,
        };
        let error = |code, key: &str| ApiError::new(code, tr.t(key));
        Err(match refusal {
            Refusal::RateLimited => error(ErrorCode::RateLimited, "sign-rate-limited-text"),
            Refusal::Unreadable => {
                let detail = request.as_ref().err().map(|e| e.to_string());
                ApiError::new(
                    ErrorCode::Unreadable,
                    tr.args(
                        "api-unreadable",
                        [("detail", arg(detail.unwrap_or_default()))],
                    ),
                )
            }
            Refusal::Foreign => error(ErrorCode::OriginNotAllowed, "api-origin-not-allowed"),
            Refusal::TooFast => error(ErrorCode::TooFast, "form-too-fast"),
            Refusal::Invalid(problems) => ApiError::invalid(&tr, &problems),
            Refusal::Closed => error(ErrorCode::Closed, "sign-closed-text"),
            Refusal::Unavailable => error(ErrorCode::Unavailable, "error-unavailable-text"),
        })
    }
    .await;
    let mut response = match answer {
        Ok(response) => response,
        Err(error) => error.into_response(),
    };
    allow_embedding(&state, &headers, &mut response);
    response
}

/// The body as a signature: a JSON object (serde would also take an array,
/// its items as the fields in order).
pub fn read(body: &[u8]) -> Result<SignatureRequest, serde_json::Error> {
    use serde::de::Error;
    match serde_json::from_slice::<serde_json::Value>(body)? {
        object @ serde_json::Value::Object(_) => serde_json::from_value(object),
        _ => Err(serde_json::Error::custom("the body is not a JSON object")),
    }
}

fn accepted(tr: &Tr, outcome: SignOutcome) -> Response {
    let (status, outcome, key) = match outcome {
        SignOutcome::CheckMail => (
            StatusCode::ACCEPTED,
            Outcome::CheckMail,
            "sign-check-mail-text",
        ),
        SignOutcome::Counted => (StatusCode::CREATED, Outcome::Counted, "sign-counted-text"),
    };
    let body = SignatureAccepted {
        outcome,
        message: tr.t(key),
    };
    (status, axum::Json(body)).into_response()
}

/// The request's Origin when it is one of `embed_origins`.
fn embedding_origin(state: &AppState, headers: &HeaderMap) -> Option<HeaderValue> {
    let origin = headers.get(header::ORIGIN)?;
    let normalized = normalize_origin(origin.to_str().ok()?)?;
    state
        .petitions
        .settings
        .embed_origins
        .contains(&normalized)
        .then(|| origin.clone())
}

/// Lets a listed partner's page read the answer; any other site's cannot.
fn allow_embedding(state: &AppState, headers: &HeaderMap, response: &mut Response) {
    let answer = response.headers_mut();
    answer.insert(header::VARY, HeaderValue::from_static("origin"));
    if let Some(origin) = embedding_origin(state, headers) {
        answer.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, origin);
    }
}

/// The CORS preflight: allowed for `embed_origins` only.
pub async fn preflight(State(state): State<Arc<AppState>>, headers: HeaderMap) -> Response {
    let Some(origin) = embedding_origin(&state, &headers) else {
        let lang = language::from_headers(&headers, &state);
        return ApiError::new(
            ErrorCode::OriginNotAllowed,
            Tr::new(lang).t("api-origin-not-allowed"),
        )
        .into_response();
    };
    (
        StatusCode::NO_CONTENT,
        [
            (header::ACCESS_CONTROL_ALLOW_ORIGIN, origin),
            (
                header::ACCESS_CONTROL_ALLOW_METHODS,
                HeaderValue::from_static("POST"),
            ),
            (
                header::ACCESS_CONTROL_ALLOW_HEADERS,
                HeaderValue::from_static("content-type"),
            ),
            (
                header::ACCESS_CONTROL_MAX_AGE,
                HeaderValue::from_static("600"),
            ),
            (header::VARY, HeaderValue::from_static("origin")),
        ],
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Whatever a client sends, reading it answers; an object with the
        /// fields is read as they were sent.
        #[test]
        fn any_body_is_read_or_refused(body in proptest::collection::vec(any::<u8>(), 0..200)) {
            let _ = read(&body);
        }

        #[test]
        fn an_object_keeps_its_fields(name in ".{0,40}", email in ".{0,40}", consent in any::<bool>()) {
            let body = serde_json::json!({"name": name, "email": email, "consent": consent}).to_string();
            let request = read(body.as_bytes()).expect("an object");
            prop_assert_eq!(request.name, name);
            prop_assert_eq!(request.email, email);
            prop_assert_eq!(request.consent, consent);
        }
    }

    #[test]
    fn only_an_object_is_a_signature() {
        assert!(read(br#"["a", "b@example.org"]"#).is_err());
        assert!(read(b"\"text\"").is_err());
        assert!(read(br#"{"name": 5}"#).is_err());
        assert!(read(br#"{"name": "A", "unknown": 1}"#).is_ok());
    }
}
