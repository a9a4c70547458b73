//! The session cookie and the device cookie: the only cookies Svoboda
//! sets, and only for the workspace. `__Host-` (bound to this host, path `/`, `Secure`) whenever
//! the workspace is opened over https; over plain http (a loopback address,
//! an onion service, `admin_addr` on a VPN) browsers refuse that prefix and
//! a `Secure` cookie, so the cookie is then limited to `/admin` instead.
//! What decides is the workspace's address (`workspace_url`), not the
//! public site's.

use axum::http::{HeaderMap, HeaderValue, header};

const SECURE_NAME: &str = "__Host-svoboda";
const PLAIN_NAME: &str = "svoboda";

fn secure(workspace_url: &str) -> bool {
    workspace_url.starts_with("https://")
}

fn name(workspace_url: &str) -> &'static str {
    if secure(workspace_url) {
        SECURE_NAME
    } else {
        PLAIN_NAME
    }
}

fn attributes(workspace_url: &str) -> &'static str {
    if secure(workspace_url) {
        "Path=/; Secure; HttpOnly; SameSite=Strict"
    } else {
        "Path=/admin; HttpOnly; SameSite=Strict"
    }
}

/// Starts a session. No expiry: the browser forgets it when closed, and
/// the server ends it after its idle or absolute time anyway.
pub fn set(workspace_url: &str, token: &str) -> HeaderValue {
    let value = format!(
        "{}={token}; {}",
        name(workspace_url),
        attributes(workspace_url)
    );
    HeaderValue::from_str(&value).unwrap_or_else(|_| HeaderValue::from_static(""))
}

pub fn clear(workspace_url: &str) -> HeaderValue {
    let value = format!(
        "{}=; Max-Age=0; {}",
        name(workspace_url),
        attributes(workspace_url)
    );
    HeaderValue::from_str(&value).unwrap_or_else(|_| HeaderValue::from_static(""))
}

const SECURE_DEVICE: &str = "__Host-svoboda-device";
const PLAIN_DEVICE: &str = "svoboda-device";

/// The device cookie (see `account::device`): kept for its lifetime, so
/// the browser stays known after it is closed; read only by signing in.
pub fn set_device(workspace_url: &str, note: &str) -> HeaderValue {
    let name = if secure(workspace_url) {
        SECURE_DEVICE
    } else {
        PLAIN_DEVICE
    };
    let value = format!(
        "{name}={note}; Max-Age={}; {}",
        crate::account::device::DEVICE_SECONDS,
        attributes(workspace_url)
    );
    HeaderValue::from_str(&value).unwrap_or_else(|_| HeaderValue::from_static(""))
}

/// The device cookie a request carries, if any.
pub fn read_device(headers: &HeaderMap, workspace_url: &str) -> Option<String> {
    let wanted = if secure(workspace_url) {
        SECURE_DEVICE
    } else {
        PLAIN_DEVICE
    };
    cookie_value(headers, wanted)
}

/// The session token a request carries, if any.
pub fn read(headers: &HeaderMap, workspace_url: &str) -> Option<String> {
    cookie_value(headers, name(workspace_url))
}

fn cookie_value(headers: &HeaderMap, wanted: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(n, _)| *n == wanted)
        .map(|(_, v)| v.to_string())
}

/// The answer to a sign-in that succeeded (by code or by passkey): the
/// workspace's home, with the session's and the device's cookies.
pub fn signed_in(
    workspace_url: &str,
    lang: crate::campaign::Lang,
    session_token: &str,
    device_token: &str,
) -> axum::response::Response {
    use axum::response::IntoResponse;
    let mut response = axum::response::Redirect::to(&super::paths::home(lang)).into_response();
    let headers = response.headers_mut();
    headers.append(
        axum::http::header::SET_COOKIE,
        set(workspace_url, session_token),
    );
    headers.append(
        axum::http::header::SET_COOKIE,
        set_device(workspace_url, device_token),
    );
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn https_sites_get_a_host_cookie_plain_ones_a_path_cookie() {
        let s = set("https://svoboda.example", "tok");
        assert_eq!(
            s,
            "__Host-svoboda=tok; Path=/; Secure; HttpOnly; SameSite=Strict"
        );
        let p = set("http://127.0.0.1:8080", "tok");
        assert_eq!(p, "svoboda=tok; Path=/admin; HttpOnly; SameSite=Strict");
        let mut headers = HeaderMap::new();
        headers.insert(
            header::COOKIE,
            HeaderValue::from_static("a=b; __Host-svoboda=tok2"),
        );
        assert_eq!(
            read(&headers, "https://svoboda.example").as_deref(),
            Some("tok2")
        );
        assert_eq!(read(&headers, "http://x"), None);
    }
}
