//! `/api/v1`: the public data as JSON for partner sites, apps and mirrors;
//! a signing endpoint with the petition form's rules; and the OpenAPI
//! description of both, generated from this code.

pub mod campaigns;
pub mod directory;
pub mod openapi;
pub mod signatures;

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use utoipa::ToSchema;

use crate::campaign::Lang;
use crate::i18n::Tr;
use crate::petition::form::{Field, Problem};

/// What went wrong: a code for programs, a sentence for people.
#[derive(Debug, Serialize, ToSchema)]
pub struct ApiError {
    pub error: ErrorCode,
    /// The same, for people, in the request's language.
    pub message: String,
    /// For `invalid`: each field's problem.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub problems: Vec<FieldProblem>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "kebab-case")]
pub enum ErrorCode {
    NotFound,
    /// The body is not a JSON document of the expected shape.
    Unreadable,
    /// The body is larger than any signature.
    TooLarge,
    /// A browser on a site not listed in `embed_origins` sent it.
    OriginNotAllowed,
    RateLimited,
    TooFast,
    Invalid,
    Closed,
    Unavailable,
}

/// A field and what is wrong with it.
#[derive(Debug, Serialize, ToSchema)]
pub struct FieldProblem {
    /// `name`, `email`, `city`, `country` or `consent`.
    pub field: &'static str,
    /// `required`, `too-long`, `invalid-email` or `consent-required`.
    pub problem: &'static str,
    pub message: String,
}

impl ErrorCode {
    fn status(self) -> StatusCode {
        match self {
            ErrorCode::NotFound => StatusCode::NOT_FOUND,
            ErrorCode::Unreadable => StatusCode::BAD_REQUEST,
            ErrorCode::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            ErrorCode::OriginNotAllowed => StatusCode::FORBIDDEN,
            ErrorCode::RateLimited => StatusCode::TOO_MANY_REQUESTS,
            ErrorCode::TooFast | ErrorCode::Invalid => StatusCode::UNPROCESSABLE_ENTITY,
            ErrorCode::Closed => StatusCode::CONFLICT,
            ErrorCode::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
        }
    }
}

impl ApiError {
    pub fn new(code: ErrorCode, message: String) -> Self {
        ApiError {
            error: code,
            message,
            problems: Vec::new(),
        }
    }

    pub fn not_found(lang: Lang) -> Self {
        ApiError::new(ErrorCode::NotFound, Tr::new(lang).t("error-not-found-text"))
    }

    pub fn invalid(tr: &Tr, problems: &[(Field, Problem)]) -> Self {
        ApiError {
            error: ErrorCode::Invalid,
            message: tr.t("form-errors"),
            problems: problems
                .iter()
                .map(|(field, problem)| FieldProblem {
                    field: field.code(),
                    problem: problem.code(),
                    message: super::petition_page::problem_text(tr, *problem),
                })
                .collect(),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut response = (self.error.status(), Json(&self)).into_response();
        if self.error == ErrorCode::RateLimited {
            response.headers_mut().insert(
                axum::http::header::RETRY_AFTER,
                axum::http::HeaderValue::from_static("60"),
            );
        }
        response
    }
}
