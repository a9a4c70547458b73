//! Headers on every response: the page may load nothing from any other host,
//! run no script, and be framed by no one.

use axum::Router;
use axum::http::{HeaderMap, HeaderName, HeaderValue, header};
use axum::response::Response;

/// No external fonts, scripts, images, frames or form targets, ever.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; img-src 'self'; style-src 'self'; \
     form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/// The workspace pages that make keys and open signatures run first-party
/// scripts (cryptography on the organiser's device) and may connect to
/// nothing, not even this server: what they read stays on the device.
pub const OWN_SCRIPTS_POLICY: &str = "default-src 'none'; script-src 'self'; connect-src 'none'; \
     img-src 'self'; style-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/// The same policy in a page's `<meta>`, which carries it into a copy saved
/// to disk (browsers ignore `frame-ancestors` there).
pub const OWN_SCRIPTS_POLICY_META: &str = "default-src 'none'; script-src 'self'; \
     connect-src 'none'; img-src 'self'; style-src 'self'; form-action 'self'; base-uri 'none'";

/// Gives `response` the policy of [`OWN_SCRIPTS_POLICY`].
pub fn allow_own_scripts(response: &mut Response) {
    response.headers_mut().insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(OWN_SCRIPTS_POLICY),
    );
}

/// The policy of pages partner sites may frame (the petition's embed): the
/// same as every page's, but for `frame-ancestors`, which names the sites
/// in `embed_origins` (each checked to be a bare origin when the
/// configuration is read); with none listed, nobody may frame it.
pub fn embed_policy(origins: &[String]) -> HeaderValue {
    let ancestors = if origins.is_empty() {
        "'none'".to_string()
    } else {
        origins.join(" ")
    };
    let policy = format!(
        "default-src 'none'; img-src 'self'; style-src 'self'; form-action 'self'; \
         base-uri 'none'; frame-ancestors {ancestors}"
    );
    HeaderValue::from_str(&policy).unwrap_or(HeaderValue::from_static(CONTENT_SECURITY_POLICY))
}

/// Every security header, with `policy` as the page's CSP and without
/// `X-Frame-Options` (whose only values are none or same origin): the
/// policy's `frame-ancestors` decides who may frame it.
pub fn framable(headers: &mut HeaderMap, policy: &HeaderValue) {
    headers.insert(header::CONTENT_SECURITY_POLICY, policy.clone());
    apply(headers);
    headers.remove(header::X_FRAME_OPTIONS);
}

const HEADERS: [(HeaderName, HeaderValue); 6] = [
    (
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CONTENT_SECURITY_POLICY),
    ),
    (
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    ),
    // Visitors' next sites must not learn they came from a campaign page.
    // Within the site the browser still says where a form came from
    // (`no-referrer` would make it send `Origin: null` on our own forms).
    (
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    ),
    (header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY")),
    (
        HeaderName::from_static("permissions-policy"),
        HeaderValue::from_static("camera=(), microphone=(), geolocation=(), interest-cohort=()"),
    ),
    (
        HeaderName::from_static("cross-origin-opener-policy"),
        HeaderValue::from_static("same-origin"),
    ),
];

/// Adds the headers that `headers` does not set already.
pub fn apply(headers: &mut HeaderMap) {
    headers.reserve(HEADERS.len());
    for (name, value) in HEADERS {
        headers.entry(name).or_insert(value);
    }
}

/// One pass over the response, after every handler. Cached pages carry the
/// headers already (built once with the page): one lookup tells.
async fn add(mut response: Response) -> Response {
    let headers = response.headers_mut();
    if !headers.contains_key(header::CONTENT_SECURITY_POLICY) {
        apply(headers);
    }
    response
}

pub fn add_headers<S: Clone + Send + Sync + 'static>(router: Router<S>) -> Router<S> {
    router.layer(axum::middleware::map_response(add))
}
