//! The organisers' workspace through the real HTTP app and the real store:
//! invitations, enrolment with an authenticator, signing in (with a code
//! and with a recovery code), throttling, sessions, roles and the audit log.

use std::time::Instant;

use axum::http::StatusCode;

use crate::backend_test;
use crate::support::{Backend, PUBLIC_URL, TestApp, TestResponse, form_body};
use svoboda::account::{AuditAction, Grant, Role, totp};
use svoboda::store::AuditFilter;

pub const PASSWORD: &str = "correct horse battery staple";

/// A browser of one person: keeps the session cookie, sends the `Origin`
/// a browser sends, from its own address.
pub struct Browser<'a> {
    app: &'a TestApp,
    /// Its cookie jar: (name, value), as the server set them.
    cookies: Vec<(String, String)>,
    ip: [u8; 4],
    /// The `Origin` its POSTs carry: the address the workspace is opened at.
    origin: String,
    /// The last `Set-Cookie` it was sent.
    pub set_cookie: String,
}

/// The value of `name="{field}" value="..."` in a page.
pub fn field(html: &str, field: &str) -> Option<String> {
    let marker = format!("name=\"{field}\" value=\"");
    let start = html.find(&marker)? + marker.len();
    let len = html[start..].find('"')?;
    Some(
        html[start..start + len]
            .replace("&#x2b;", "+")
            .replace("&#43;", "+"),
    )
}

impl<'a> Browser<'a> {
    pub fn new(app: &'a TestApp, ip: [u8; 4]) -> Self {
        Browser::at(app, ip, PUBLIC_URL)
    }

    /// A browser that opens the workspace at `origin`.
    pub fn at(app: &'a TestApp, ip: [u8; 4], origin: &str) -> Self {
        Browser {
            app,
            cookies: Vec::new(),
            ip,
            origin: origin.to_string(),
            set_cookie: String::new(),
        }
    }

    fn keep_cookie(&mut self, response: &TestResponse) {
        let set = response.header("set-cookie");
        if !set.is_empty() {
            self.set_cookie = set.to_string();
        }
        for set in response.headers.get_all("set-cookie") {
            let Some((pair, _)) = set.to_str().unwrap_or_default().split_once(';') else {
                continue;
            };
            let Some((name, value)) = pair.split_once('=') else {
                continue;
            };
            self.cookies.retain(|(n, _)| n != name);
            if !value.is_empty() {
                self.cookies.push((name.to_string(), value.to_string()));
            }
        }
    }

    /// Forgets every cookie but the device cookie, as a browser closed
    /// after signing in would.
    pub fn close_session(&mut self) {
        self.cookies.retain(|(n, _)| n.ends_with("svoboda-device"));
    }

    pub async fn get(&mut self, path: &str) -> TestResponse {
        let cookie = self.cookie_header();
        let response = self.app.get_with(path, &[("cookie", &cookie)]).await;
        self.keep_cookie(&response);
        response
    }

    /// POSTs a form as the page at `page` would: with the token it carries.
    pub async fn submit(
        &mut self,
        page: &str,
        path: &str,
        fields: &[(&str, &str)],
    ) -> TestResponse {
        let token = field(page, "csrf").expect("the page's form token");
        let mut all = vec![("csrf", token.as_str())];
        all.extend_from_slice(fields);
        let origin = self.origin.clone();
        self.post_raw(path, &form_body(&all), Some(&origin)).await
    }

    pub async fn post_raw(&mut self, path: &str, body: &str, origin: Option<&str>) -> TestResponse {
        let cookie = self.cookie_header();
        let mut headers = vec![
            ("cookie", cookie.as_str()),
            (
                "user-agent",
                "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0",
            ),
        ];
        if let Some(o) = origin {
            headers.push(("origin", o));
        }
        let response = self
            .app
            .post_from_ip(path, body.to_string(), &headers, self.ip)
            .await;
        self.keep_cookie(&response);
        response
    }

    /// The Cookie header this browser sends.
    pub fn cookie_header(&self) -> String {
        self.cookies
            .iter()
            .map(|(n, v)| format!("{n}={v}"))
            .collect::<Vec<_>>()
            .join("; ")
    }

    pub fn signed_in(&self) -> bool {
        self.cookies.iter().any(|(n, _)| n.ends_with("svoboda"))
    }
}

/// What enrolment leaves a person with.
pub struct Enrolled {
    pub login: String,
    pub totp_secret: Vec<u8>,
    pub recovery_codes: Vec<String>,
}

impl Enrolled {
    /// A code the authenticator shows `ahead` steps from now (each code
    /// works once, so successive sign-ins in a test use later steps).
    pub fn code(&self, ahead: i64) -> String {
        totp::code(
            &self.totp_secret,
            chrono::Utc::now().timestamp() + 30 * ahead,
        )
    }
}

/// An invitation link's path, made as the CLI or an owner makes it.
pub async fn invitation(app: &TestApp, grant: Option<Grant>) -> String {
    let token = app
        .state
        .accounts
        .invite(
            grant.is_none(),
            grant.as_ref(),
            None,
            chrono::Utc::now().timestamp(),
        )
        .await
        .expect("invite");
    format!("/admin/en/invitation/{token}")
}

/// Opens an invitation and enrols as a new organiser would; the browser
/// ends signed in.
pub async fn enrol(browser: &mut Browser<'_>, link: &str, login: &str) -> Enrolled {
    let page = browser.get(link).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.text());
    let enrol_page = browser
        .submit(
            &page.text(),
            link,
            &[
                ("login", login),
                ("password", PASSWORD),
                ("repeat", PASSWORD),
            ],
        )
        .await;
    assert_eq!(enrol_page.status, StatusCode::OK, "{}", enrol_page.text());
    let html = enrol_page.text();
    assert!(html.contains("<svg"), "a QR code drawn on the server");
    assert!(
        html.contains("href=\"otpauth://totp/"),
        "and the key as a link, for the phone itself"
    );
    let marker = "<code class=\"secret\">";
    let key_start = html.find(marker).expect("the key as text") + marker.len();
    let key_end = key_start + html[key_start..].find("</code>").expect("end of key");
    let key = html[key_start..key_end].replace(' ', "");
    let totp_secret = data_encoding::BASE32_NOPAD
        .decode(key.as_bytes())
        .expect("a Base32 key");
    let sealed = field(&html, "enrolment").expect("the sealed enrolment");
    let code = totp::code(&totp_secret, chrono::Utc::now().timestamp());
    let done = browser
        .submit(
            &html,
            &format!("{link}/enrol"),
            &[("enrolment", &sealed), ("code", &code)],
        )
        .await;
    assert_eq!(done.status, StatusCode::OK, "{}", done.text());
    assert!(browser.signed_in(), "enrolment signs in");
    let text = done.text();
    let recovery_codes: Vec<String> = text
        .split("<li><code>")
        .skip(1)
        .filter_map(|s| s.split("</code>").next())
        .map(str::to_string)
        .collect();
    assert_eq!(recovery_codes.len(), 10, "ten recovery codes, shown once");
    let file = text
        .split("href=\"data:text/plain;charset=utf-8,")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("the codes as a file to save");
    let file = percent_encoding::percent_decode_str(file)
        .decode_utf8_lossy()
        .into_owned();
    assert!(
        recovery_codes.iter().all(|c| file.contains(c.as_str())),
        "{file}"
    );
    Enrolled {
        login: login.to_string(),
        totp_secret,
        recovery_codes,
    }
}

/// Signs in through the form; returns the response.
pub async fn sign_in(
    browser: &mut Browser<'_>,
    login: &str,
    password: &str,
    code: &str,
) -> TestResponse {
    let form = browser.get("/admin/en/sign-in").await;
    browser
        .submit(
            &form.text(),
            "/admin/en/sign-in",
            &[("login", login), ("password", password), ("code", code)],
        )
        .await
}

async fn audit_actions(app: &TestApp) -> Vec<AuditAction> {
    app.store
        .audit_log(&AuditFilter::default(), 1000)
        .await
        .expect("audit")
        .into_iter()
        .map(|(_, e)| e.action)
        .collect()
}

pub fn editor_of(campaign: &str) -> Option<Grant> {
    Some(Grant {
        campaign: campaign.into(),
        role: Role::Editor,
    })
}

backend_test! {
    /// The whole way in: an invitation, a password, an authenticator, the
    /// recovery codes; then signing out and in with a code, and with a
    /// recovery code (each works once).
    async fn invitation_enrolment_and_sign_in_with_code_or_recovery_code(backend: Backend) {
        let Some(app) = TestApp::with_demo(backend).await else { return };
        let link = invitation(&app, None).await;
        let mut anna = Browser::new(&app, [198, 51, 100, 1]);
        let enrolled = enrol(&mut anna, &link, "Anna").await;
        assert_eq!(enrolled.login, "Anna");
        let home = anna.get("/admin/en/").await;
        assert_eq!(home.status, StatusCode::OK);
        assert!(home.text().contains("Boris Romanov"), "an owner sees every campaign");

        // The invitation worked once.
        let again = anna.get(&link).await;
        assert_eq!(again.status, StatusCode::NOT_FOUND);

        let out = anna.submit(&home.text(), "/admin/en/sign-out", &[]).await;
        assert_eq!(out.status, StatusCode::SEE_OTHER);
        assert!(!anna.signed_in());
        assert_eq!(anna.get("/admin/en/").await.header("location"), "/admin/en/sign-in");

        let wrong = sign_in(&mut anna, "anna", PASSWORD, "000000").await;
        assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
        let ok = sign_in(&mut anna, "ANNA ", PASSWORD, &enrolled.code(1)).await;
        assert_eq!(ok.status, StatusCode::SEE_OTHER, "{}", ok.text());
        assert!(anna.signed_in());

        let mut phone_lost = Browser::new(&app, [198, 51, 100, 2]);
        let code = enrolled.recovery_codes[3].to_uppercase();
        let with_recovery = sign_in(&mut phone_lost, "anna", PASSWORD, &code).await;
        assert_eq!(with_recovery.status, StatusCode::SEE_OTHER);
        let mut thief = Browser::new(&app, [198, 51, 100, 3]);
        let reused = sign_in(&mut thief, "anna", PASSWORD, &code).await;
        assert_eq!(reused.status, StatusCode::UNAUTHORIZED, "a recovery code works once");

        let actions = audit_actions(&app).await;
        for wanted in [
            AuditAction::InvitationCreated,
            AuditAction::InvitationAccepted,
            AuditAction::SignOut,
            AuditAction::SignInFailed,
            AuditAction::SignIn,
            AuditAction::SignInWithRecoveryCode,
        ] {
            assert!(actions.contains(&wanted), "{wanted:?} in {actions:?}");
        }
    }
}

backend_test! {
    /// A wrong password for a real name and any password for a name that
    /// does not exist get the same page, after the same password hashing.
    async fn sign_in_does_not_reveal_whether_an_account_exists(backend: Backend) {
        let Some(app) = TestApp::with_demo(backend).await else { return };
        let link = invitation(&app, None).await;
        let mut anna = Browser::new(&app, [198, 51, 100, 1]);
        enrol(&mut anna, &link, "anna").await;

        let mut guesser = Browser::new(&app, [203, 0, 113, 9]);
        let strip = |r: &TestResponse| {
            let t = r.text();
            let token = field(&t, "csrf").unwrap_or_default();
            t.replace(&token, "TOKEN").replace("value=\"anna\"", "value=\"NAME\"").replace("value=\"nobody\"", "value=\"NAME\"")
        };
        let started = Instant::now();
        let known = sign_in(&mut guesser, "anna", "not the password", "123456").await;
        let known_took = started.elapsed();
        let started = Instant::now();
        let unknown = sign_in(&mut guesser, "nobody", "not the password", "123456").await;
        let unknown_took = started.elapsed();
        assert_eq!(known.status, unknown.status);
        assert_eq!(strip(&known), strip(&unknown));
        // The unknown name's answer waited for a full Argon2id check too
        // (19 MiB, two passes: milliseconds even in an optimised build).
        assert!(unknown_took.as_micros() * 4 > known_took.as_micros(), "{unknown_took:?} vs {known_took:?}");
        assert!(unknown_took.as_millis() >= 5, "{unknown_took:?}");
    }
}

backend_test! {
    /// After five failures a name must wait, even with the right password;
    /// another name is not held up. One address trying many names is held
    /// up too.
    async fn failed_sign_ins_slow_down_per_name_and_per_address(backend: Backend) {
        let Some(app) = TestApp::with_demo(backend).await else { return };
        let link = invitation(&app, None).await;
        let mut anna = Browser::new(&app, [198, 51, 100, 1]);
        let enrolled = enrol(&mut anna, &link, "anna").await;

        for (i, ip) in (10..15u8).enumerate() {
            let mut b = Browser::new(&app, [203, 0, 113, ip]);
            let r = sign_in(&mut b, "anna", &format!("guess number {i}"), "123456").await;
            assert_eq!(r.status, StatusCode::UNAUTHORIZED);
        }
        let mut real = Browser::new(&app, [198, 51, 100, 77]);
        let held = sign_in(&mut real, "anna", PASSWORD, &enrolled.code(1)).await;
        assert_eq!(held.status, StatusCode::TOO_MANY_REQUESTS);
        assert!(held.text().contains("Please wait"), "{}", held.text());
        assert!(!held.header("retry-after").is_empty());
        // Anna's own browser, known from her earlier sign-in (its device
        // cookie), is not locked out by the strangers.
        anna.close_session();
        let known = sign_in(&mut anna, "anna", PASSWORD, &enrolled.code(1)).await;
        assert_eq!(known.status, StatusCode::SEE_OTHER, "{}", known.text());
        assert!(anna.signed_in());
        let held = sign_in(&mut real, "anna", PASSWORD, &enrolled.code(2)).await;
        assert_eq!(held.status, StatusCode::TOO_MANY_REQUESTS, "strangers stay throttled");

        let mut sprayer = Browser::new(&app, [203, 0, 113, 200]);
        for i in 0..5 {
            let r = sign_in(&mut sprayer, &format!("name{i}"), "whatever password", "123456").await;
            assert_eq!(r.status, StatusCode::UNAUTHORIZED);
        }
        let r = sign_in(&mut sprayer, "name-six", "whatever password", "123456").await;
        assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS, "per address");
    }
}

/// Any POST but an upload is read up to 1 MB: a longer one gets a page in
/// the visitor's language, before any session is looked at.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_oversized_form_gets_a_page_in_the_users_language() {
    let app = TestApp::with_demo(Backend::Sqlite).await.expect("sqlite");
    let body = format!("login=a&password={}", "x".repeat(2 * 1024 * 1024));
    let r = app
        .post_with_headers("/admin/ru/sign-in", body, &[("origin", PUBLIC_URL)])
        .await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(r.header("content-type").starts_with("text/html"));
    assert!(
        r.text().contains("Слишком много данных сразу"),
        "{}",
        r.text()
    );
}

backend_test! {
    /// Sixteen sign-ins at once under one name, from sixteen addresses:
    /// attempts are counted before their password is hashed, so only the
    /// free ones are hashed and the rest wait at once.
    async fn a_burst_of_sign_ins_is_throttled_before_hashing(backend: Backend) {
        use svoboda::account::service::SignInOutcome;
        let Some(app) = TestApp::with_demo(backend).await else { return };
        let mut anna = Browser::new(&app, [198, 51, 100, 1]);
        enrol(&mut anna, &invitation(&app, None).await, "anna").await;
        let now = chrono::Utc::now().timestamp();
        let clock = Instant::now();
        let attempts = (0..16u8).map(|i| {
            let accounts = &app.state.accounts;
            async move {
                let client = format!("203.0.113.{i}");
                accounts.sign_in("anna", "a wrong password", "123456", &client, "test", None, now, clock).await.expect("sign in")
            }
        });
        let outcomes = futures_util::future::join_all(attempts).await;
        let refused = outcomes.iter().filter(|o| matches!(o, SignInOutcome::Refused)).count();
        let waiting = outcomes.iter().filter(|o| matches!(o, SignInOutcome::Wait(_))).count();
        assert_eq!((refused, waiting), (5, 11), "{outcomes:?}");
    }
}

backend_test! {
    /// A POST needs this site's Origin and the form's token; another site's
    /// page can neither sign in nor act with a session.
    async fn foreign_origin_and_missing_token_are_refused(backend: Backend) {
        let Some(app) = TestApp::with_demo(backend).await else { return };
        let link = invitation(&app, None).await;
        let mut anna = Browser::new(&app, [198, 51, 100, 1]);
        enrol(&mut anna, &link, "anna").await;
        let page = anna.get("/admin/en/account").await.text();
        let token = field(&page, "csrf").expect("token");

        let end_all = "/admin/en/account/sessions/end-others";
        let body = format!("csrf={token}");
        assert_eq!(anna.post_raw(end_all, &body, Some("https://evil.example")).await.status, StatusCode::FORBIDDEN);
        assert_eq!(anna.post_raw(end_all, &body, None).await.status, StatusCode::FORBIDDEN, "no Origin at all");
        assert_eq!(anna.post_raw(end_all, "", Some(PUBLIC_URL)).await.status, StatusCode::FORBIDDEN, "no token");
        assert_eq!(anna.post_raw(end_all, "csrf=forged", Some(PUBLIC_URL)).await.status, StatusCode::FORBIDDEN);
        assert_eq!(anna.post_raw(end_all, &body, Some(PUBLIC_URL)).await.status, StatusCode::SEE_OTHER);

        // Before signing in, the forms carry a stamp of this instance.
        let mut b = Browser::new(&app, [198, 51, 100, 5]);
        let form = form_body(&[("login", "anna"), ("password", PASSWORD), ("code", "123456")]);
        assert_eq!(b.post_raw("/admin/en/sign-in", &form, Some(PUBLIC_URL)).await.status, StatusCode::FORBIDDEN);
        let evil = b.get("/admin/en/sign-in").await.text();
        let stamp = field(&evil, "csrf").expect("stamp");
        let stamped = format!("csrf={stamp}&{form}");
        assert_eq!(b.post_raw("/admin/en/sign-in", &stamped, Some("https://evil.example")).await.status, StatusCode::FORBIDDEN);
        // A stamp is not a session's token: with it, a session does not act.
        let with_stamp = format!("csrf={stamp}");
        let r = anna.post_raw(end_all, &with_stamp, Some(PUBLIC_URL)).await;
        assert_eq!(r.header("location"), "/admin/en/sign-in");
    }
}

backend_test! {
    /// The session cookie is the only cookie, `__Host-`, HttpOnly, Secure
    /// (the site is https) and SameSite=Strict; workspace answers are never
    /// cached and keep the strict content policy.
    async fn session_cookie_and_workspace_headers(backend: Backend) {
        let Some(app) = TestApp::with_demo(backend).await else { return };
        let link = invitation(&app, None).await;
        let mut anna = Browser::new(&app, [198, 51, 100, 1]);
        let page = anna.get(&link).await;
        assert!(page.header("set-cookie").is_empty(), "no cookie before signing in");
        assert_eq!(page.header("cache-control"), "no-store");
        assert!(page.header("content-security-policy").contains("default-src 'none'"));
        let enrolled = enrol(&mut anna, &link, "anna").await;
        let mut b = Browser::new(&app, [198, 51, 100, 2]);
        let r = sign_in(&mut b, "anna", PASSWORD, &enrolled.code(1)).await;
        let cookie = r.header("set-cookie");
        assert!(cookie.starts_with("__Host-svoboda="), "{cookie}");
        for attr in ["Path=/", "Secure", "HttpOnly", "SameSite=Strict"] {
            assert!(cookie.contains(attr), "{cookie}");
        }
        assert!(!cookie.contains("Expires") && !cookie.contains("Max-Age"));
        for path in ["/admin/en/", "/admin/en/account", "/admin/ru/people", "/admin/en/audit"] {
            let r = b.get(path).await;
            assert_eq!(r.status, StatusCode::OK, "{path}");
            assert_eq!(r.header("cache-control"), "no-store", "{path}");
            assert!(r.header("set-cookie").is_empty(), "{path}");
        }
    }
}

backend_test! {
    /// Sessions end after 30 idle minutes; "sign out everywhere else" ends
    /// the others at once; removing a person ends theirs.
    async fn sessions_expire_end_everywhere_and_end_with_removal(backend: Backend) {
        let Some(app) = TestApp::with_demo(backend).await else { return };
        let link = invitation(&app, None).await;
        let mut owner = Browser::new(&app, [198, 51, 100, 1]);
        let anna = enrol(&mut owner, &link, "anna").await;
        let mut laptop = Browser::new(&app, [198, 51, 100, 2]);
        assert_eq!(sign_in(&mut laptop, "anna", PASSWORD, &anna.recovery_codes[0]).await.status, StatusCode::SEE_OTHER);
        let account = owner.get("/admin/en/account").await.text();
        assert_eq!(account.matches("/end\"").count(), 2, "both sessions listed");
        let r = owner.submit(&account, "/admin/en/account/sessions/end-others", &[]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        assert_eq!(laptop.get("/admin/en/").await.header("location"), "/admin/en/sign-in");
        assert_eq!(owner.get("/admin/en/").await.status, StatusCode::OK);

        // Idle for 31 minutes.
        crate::support::run_sql(&app.db, "UPDATE sessions SET seen_at = seen_at - 1860").await;
        assert_eq!(owner.get("/admin/en/").await.header("location"), "/admin/en/sign-in");

        // An editor, removed by the owner while signed in.
        assert_eq!(sign_in(&mut owner, "anna", PASSWORD, &anna.recovery_codes[1]).await.status, StatusCode::SEE_OTHER);
        let editor_link = invitation(&app, editor_of("boris-romanov")).await;
        let mut boris_friend = Browser::new(&app, [198, 51, 100, 3]);
        enrol(&mut boris_friend, &editor_link, "friend").await;
        assert_eq!(boris_friend.get("/admin/en/campaigns/boris-romanov").await.status, StatusCode::OK);
        let people = owner.get("/admin/en/people").await.text();
        let id = app.store.accounts().await.expect("accounts").into_iter().find(|(a, _)| a.login.as_str() == "friend").expect("friend").0.id;
        let r = owner.submit(&people, &format!("/admin/en/people/{id}/remove"), &[]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        assert_eq!(
            boris_friend.get("/admin/en/campaigns/boris-romanov").await.header("location"),
            "/admin/en/sign-in?ended=account-removed",
            "told why, not that the session timed out"
        );
        assert!(audit_actions(&app).await.contains(&AuditAction::AccountRemoved));
    }
}

backend_test! {
    /// The audit log is append-only in the database itself.
    async fn audit_log_refuses_changes(backend: Backend) {
        let Some(app) = TestApp::with_demo(backend).await else { return };
        invitation(&app, None).await;
        assert!(!crate::support::try_sql(&app.db, "UPDATE audit_log SET detail = 'x'").await);
        assert!(!crate::support::try_sql(&app.db, "DELETE FROM audit_log").await);
        assert_eq!(audit_actions(&app).await, vec![AuditAction::InvitationCreated]);
    }
}

/// Every workspace route with what an editor of `anna-example` gets there:
/// `(method, path, status)`. `{other}` is a campaign they have no role in,
/// `{person}` another account.
const ROUTE_TABLE: &[(&str, &str, u16)] = &[
    ("GET", "/admin/en/", 200),
    ("GET", "/admin/en/sign-in", 303),
    ("GET", "/admin/en/account", 200),
    ("GET", "/admin/en/people", 403),
    ("POST", "/admin/en/people/invite", 403),
    ("POST", "/admin/en/people/{person}/grant", 403),
    ("POST", "/admin/en/people/{person}/revoke", 403),
    ("POST", "/admin/en/people/{person}/remove", 403),
    ("GET", "/admin/en/audit", 403),
    ("GET", "/admin/en/settings", 403),
    ("GET", "/admin/en/mail", 403),
    ("GET", "/admin/en/organisations", 403),
    ("GET", "/admin/en/organisations/memorial", 403),
    ("POST", "/admin/en/organisations/memorial", 403),
    ("GET", "/admin/en/peers", 403),
    ("POST", "/admin/en/peers", 403),
    ("POST", "/admin/en/peers/1/remove", 403),
    ("POST", "/admin/en/mail", 403),
    ("GET", "/admin/en/campaigns/{other}", 403),
    ("GET", "/admin/en/campaigns/new", 403),
    ("POST", "/admin/en/campaigns/new", 403),
    ("POST", "/admin/en/campaigns/new/upload", 403),
    ("POST", "/admin/en/campaigns/new/start", 403),
    ("GET", "/admin/en/campaigns/no-such-campaign", 403),
    ("GET", "/admin/en/campaigns/anna-example", 200),
    ("GET", "/admin/en/campaigns/{other}/edit", 403),
    ("POST", "/admin/en/campaigns/{other}/edit", 403),
    ("GET", "/admin/en/campaigns/{other}/preview", 403),
    ("GET", "/admin/en/campaigns/{other}/preview/photo.jpg", 403),
    ("GET", "/admin/en/campaigns/{other}/form/person", 403),
    ("POST", "/admin/en/campaigns/{other}/form/timeline", 403),
    ("POST", "/admin/en/campaigns/{other}/publish", 403),
    ("POST", "/admin/en/campaigns/{other}/photo", 403),
    ("GET", "/admin/en/campaigns/{other}/history", 403),
    ("POST", "/admin/en/campaigns/{other}/history/1/restore", 403),
    ("GET", "/admin/en/campaigns/{other}/campaign.toml", 403),
    ("GET", "/admin/en/campaigns/{other}/campaign.zip", 403),
    ("GET", "/admin/en/deliver", 403),
    ("POST", "/admin/en/account/passkeys/required", 403),
    ("GET", "/admin/en/campaigns/{other}/keys", 403),
    ("POST", "/admin/en/campaigns/{other}/keys", 403),
    ("POST", "/admin/en/campaigns/{other}/keys/1/end", 403),
    ("POST", "/admin/en/campaigns/anna-example/keys", 403),
    ("POST", "/admin/en/campaigns/anna-example/keys/1/end", 403),
    (
        "GET",
        "/admin/en/campaigns/{other}/petitions/end-the-case/export",
        403,
    ),
    (
        "POST",
        "/admin/en/campaigns/{other}/petitions/end-the-case/close",
        403,
    ),
    (
        "POST",
        "/admin/en/campaigns/{other}/petitions/end-the-case/open",
        403,
    ),
    (
        "GET",
        "/admin/en/campaigns/anna-example/petitions/free-anna/export",
        403,
    ),
    (
        "GET",
        "/admin/en/campaigns/{other}/petitions/end-the-case/paper",
        403,
    ),
    (
        "POST",
        "/admin/en/campaigns/{other}/petitions/end-the-case/paper",
        403,
    ),
    (
        "POST",
        "/admin/en/campaigns/{other}/petitions/end-the-case/paper/1/correct",
        403,
    ),
    // Letters are for letters volunteers: not even the campaign's editor.
    ("GET", "/admin/en/campaigns/anna-example/letters", 403),
    (
        "GET",
        "/admin/en/campaigns/anna-example/letters/export/new",
        403,
    ),
    ("POST", "/admin/en/campaigns/anna-example/letters/mark", 403),
    (
        "POST",
        "/admin/en/campaigns/anna-example/letters/reply",
        403,
    ),
    ("GET", "/admin/en/campaigns/anna-example/letters/open", 403),
    ("GET", "/admin/en/campaigns/{other}/letters", 403),
    ("POST", "/admin/en/campaigns/{other}/letters/mark", 403),
];

backend_test! {
    /// An editor of one campaign is refused (403) on every route of another
    /// campaign and on every owner's route, also by direct POSTs to guessed
    /// addresses; a delivery user sees counts and nothing to manage; without
    /// a session every route leads to the sign-in page.
    async fn roles_are_enforced_on_every_route(backend: Backend) {
        let Some(app) = TestApp::with_fixtures(backend).await else { return };
        let owner_link = invitation(&app, None).await;
        let mut owner = Browser::new(&app, [198, 51, 100, 1]);
        enrol(&mut owner, &owner_link, "owner").await;
        let owner_id = app.store.accounts().await.expect("accounts")[0].0.id;

        let link = invitation(&app, editor_of("anna-example")).await;
        let mut editor = Browser::new(&app, [198, 51, 100, 2]);
        enrol(&mut editor, &link, "editor").await;
        let page = editor.get("/admin/en/account").await.text();
        for (method, path, status) in ROUTE_TABLE {
            let path = path.replace("{other}", "boris-romanov").replace("{person}", &owner_id.to_string());
            let response = match *method {
                "GET" => editor.get(&path).await,
                _ => editor.submit(&page, &path, &[("role", "editor"), ("campaign", "boris-romanov")]).await,
            };
            assert_eq!(response.status.as_u16(), *status, "{method} {path}");
        }
        let home = editor.get("/admin/en/").await.text();
        assert!(home.contains("Anna") && !home.contains("Boris"), "only their campaign is listed");
        assert!(!home.contains("/admin/en/people"), "no owner's menu");
        let grants = app.store.accounts().await.expect("accounts");
        assert!(grants.iter().all(|(a, g)| a.login.as_str() != "editor" || g.len() == 1), "no role was gained");
        assert_eq!(grants.len(), 2, "nobody was removed or added");

        let delivery_link = invitation(&app, Some(Grant { campaign: "boris-romanov".into(), role: Role::Delivery })).await;
        let mut courier = Browser::new(&app, [198, 51, 100, 3]);
        enrol(&mut courier, &delivery_link, "courier").await;
        let overview = courier.get("/admin/en/campaigns/boris-romanov").await;
        assert_eq!(overview.status, StatusCode::OK);
        assert!(overview.text().contains("<dd>"), "petition counts");
        assert_eq!(courier.get("/admin/en/campaigns/anna-example").await.status, StatusCode::FORBIDDEN);
        let deliver = courier.get("/admin/en/deliver").await;
        assert_eq!(deliver.status, StatusCode::OK, "delivery opens signatures in the browser");
        assert!(deliver.text().contains("/admin/en/campaigns/boris-romanov/petitions/end-the-case/export"));
        assert!(!deliver.text().contains("anna-example"), "only the exports they may download");
        for path in ["/admin/en/campaigns/boris-romanov/edit", "/admin/en/campaigns/boris-romanov/history", "/admin/en/campaigns/boris-romanov/form/person"] {
            assert_eq!(courier.get(path).await.status, StatusCode::FORBIDDEN, "delivery does not edit: {path}");
        }
        let page = courier.get("/admin/en/account").await.text();
        for path in ["/admin/en/campaigns/boris-romanov/publish", "/admin/en/campaigns/boris-romanov/petitions/end-the-case/close"] {
            let r = courier.submit(&page, path, &[]).await;
            assert_eq!(r.status, StatusCode::FORBIDDEN, "{path}");
        }

        let mut stranger = Browser::new(&app, [203, 0, 113, 4]);
        let form = stranger.get("/admin/en/sign-in").await.text();
        for (method, path, _) in ROUTE_TABLE.iter().filter(|(_, p, _)| !p.ends_with("sign-in")) {
            let path = path.replace("{other}", "boris-romanov").replace("{person}", &owner_id.to_string());
            let response = match *method {
                "GET" => stranger.get(&path).await,
                _ => stranger.submit(&form, &path, &[]).await,
            };
            assert_eq!(response.status, StatusCode::SEE_OTHER, "{method} {path}");
            assert_eq!(response.header("location"), "/admin/en/sign-in", "{method} {path}");
        }
    }
}

/// The table above names every route the workspace has (but those used
/// before signing in, and signing out, which have tests of their own).
#[test]
fn route_table_covers_every_workspace_route() {
    let source = include_str!("../../src/web/admin/mod.rs");
    let routes: Vec<&str> = source
        .split('"')
        .filter(|s| s.starts_with("/admin/{lang}/"))
        .collect();
    let untabled = [
        "/admin/{lang}/sign-out",
        "/admin/{lang}/sign-in/resume",
        "/admin/{lang}/invitation/{token}",
        "/admin/{lang}/invitation/{token}/enrol",
        // Before signing in too: `passkeys::an_owner_adds_a_passkey_...`.
        "/admin/{lang}/sign-in/passkey",
        "/admin/{lang}/sign-in/passkey/finish",
    ];
    // Account routes act on one's own account only: covered by the
    // session tests; the table holds one of them.
    let own = |r: &&str| r.starts_with("/admin/{lang}/account/");
    let tabled: Vec<String> = ROUTE_TABLE
        .iter()
        .map(|(_, p, _)| {
            p.replacen("/admin/en/", "/admin/{lang}/", 1)
                .replace("{other}", "{slug}")
                .replace("{person}", "{id}")
                .replace("no-such-campaign", "{slug}")
                .replace("anna-example", "{slug}")
                .replace("end-the-case", "{petition}")
                .replace("/history/1/", "/history/{id}/")
                .replace("/keys/1/", "/keys/{id}/")
                .replace("/organisations/memorial", "/organisations/{id}")
                .replace("/peers/1/", "/peers/{id}/")
                .replace("/paper/1/", "/paper/{id}/")
                .replace("/export/new", "/export/{which}")
                .replace("free-anna", "{petition}")
                .replace("/form/person", "/form/{section}")
                .replace("/form/timeline", "/form/{section}")
        })
        .collect();
    for route in routes.iter().filter(|r| !untabled.contains(r) && !own(r)) {
        assert!(
            tabled.iter().any(|t| t == route),
            "{route} is not in ROUTE_TABLE"
        );
    }
}

/// A public site on https with the workspace on a plain-http address (a
/// VPN's): signing in works there, with a cookie browsers keep over http.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_workspace_on_plain_http_beside_an_https_site_signs_in() {
    let vpn = "http://10.8.0.1:8081";
    let app = TestApp::with_web_settings(Backend::Sqlite, |s| s.workspace_url = vpn.into())
        .await
        .expect("sqlite");
    let mut organiser = Browser::at(&app, [10, 8, 0, 2], vpn);
    enrol(&mut organiser, &invitation(&app, None).await, "vera").await;
    assert!(
        organiser.set_cookie.starts_with("svoboda="),
        "{}",
        organiser.set_cookie
    );
    assert!(
        !organiser.set_cookie.contains("Secure"),
        "{}",
        organiser.set_cookie
    );
    assert_eq!(
        organiser.get("/admin/en/").await.status,
        StatusCode::OK,
        "signed in"
    );
    let mut elsewhere = Browser::new(&app, [198, 51, 100, 9]);
    let page = elsewhere.get("/admin/en/sign-in").await.text();
    let r = elsewhere
        .submit(&page, "/admin/en/sign-in", &[("login", "vera")])
        .await;
    assert_eq!(
        r.status,
        StatusCode::FORBIDDEN,
        "the public site's origin is not the workspace's"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn with_a_listener_of_its_own_the_workspace_is_not_on_the_public_one() {
    use tower::ServiceExt;
    let app = TestApp::with_web_settings(Backend::Sqlite, |s| s.admin_apart = true)
        .await
        .expect("sqlite");
    for path in ["/admin/en/sign-in", "/admin/en/", "/admin"] {
        assert_eq!(app.get(path).await.status, StatusCode::NOT_FOUND, "{path}");
    }
    assert_eq!(app.get("/en/").await.status, StatusCode::OK);
    let admin = svoboda::admin_app(app.state.clone());
    let request = axum::http::Request::builder()
        .uri("/admin/en/sign-in")
        .body(axum::body::Body::empty())
        .expect("request");
    let response = admin.oneshot(request).await.expect("infallible");
    assert_eq!(response.status(), StatusCode::OK);
    let request = axum::http::Request::builder()
        .uri("/en/")
        .body(axum::body::Body::empty())
        .expect("request");
    let response = svoboda::admin_app(app.state.clone())
        .oneshot(request)
        .await
        .expect("infallible");
    assert_eq!(
        response.status(),
        StatusCode::NOT_FOUND,
        "only the workspace there"
    );
}

backend_test! {
    /// A delivery user downloads the same sealed file as `svoboda signatures
    /// export`; an editor may not; the download is in the audit log.
    async fn delivery_downloads_the_sealed_export(backend: Backend) {
        let Some(app) = TestApp::with_fixtures(backend).await else { return };
        for (i, email) in ["nina@example.org", "pavel@example.org"].iter().enumerate() {
            let r = app
                .post_form(
                    "/en/anna-example/petition/quiet-support",
                    &[("name", "Nina"), ("email", email), ("consent", "on")],
                    [198, 51, 100, 10 + i as u8],
                )
                .await;
            assert_eq!(r.status, StatusCode::SEE_OTHER);
        }
        let courier_link = invitation(&app, Some(Grant { campaign: "anna-example".into(), role: Role::Delivery })).await;
        let mut courier = Browser::new(&app, [198, 51, 100, 1]);
        enrol(&mut courier, &courier_link, "courier").await;
        let overview = courier.get("/admin/en/campaigns/anna-example").await.text();
        let path = "/admin/en/campaigns/anna-example/petitions/quiet-support/export";
        assert!(overview.contains(path), "a download link");
        assert!(overview.contains("age -d -i organiser-key.txt"), "how to open it");
        let download = courier.get(path).await;
        assert_eq!(download.status, StatusCode::OK);
        assert!(download.header("content-disposition").contains("anna-example-quiet-support-signatures.txt"));
        assert_eq!(download.header("cache-control"), "no-store");

        let cli = crate::support::server::command()
            .args(["signatures", "export", "anna-example/quiet-support"])
            .env("DATABASE_URL", &app.db.url)
            .output()
            .expect("run svoboda");
        assert!(cli.status.success(), "{}", String::from_utf8_lossy(&cli.stderr));
        assert_eq!(download.text(), String::from_utf8_lossy(&cli.stdout), "the same file");
        assert_eq!(download.text().lines().count(), 4, "two header lines and two signatures");
        assert!(download.text().lines().nth(1).is_some_and(|l| l.starts_with("# petition-text {")), "the petition's text, for the delivery document");

        // The page's one-liner with stock age opens every signature.
        if std::process::Command::new("age").arg("--version").output().is_ok() {
            let line = overview
                .split("<pre><code>")
                .find(|c| c.contains("age -d"))
                .and_then(|c| c.split("</code>").next())
                .expect("the age one-liner")
                .replace("&#39;", "'")
                .replace("&#x27;", "'")
                .replace("&quot;", "\"")
                .replace("&#34;", "\"")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&");
            let dir = tempfile::tempdir().expect("dir");
            std::fs::write(dir.path().join("signatures.txt"), download.text()).expect("export");
            std::fs::copy(crate::support::fixture("full/organiser-key.txt"), dir.path().join("organiser-key.txt")).expect("key");
            let out = std::process::Command::new("bash").args(["-c", &line]).current_dir(dir.path()).output().expect("bash");
            let opened = String::from_utf8_lossy(&out.stdout);
            assert!(out.status.success(), "{line}: {}", String::from_utf8_lossy(&out.stderr));
            assert_eq!(opened.matches("\"name\":\"Nina\"").count(), 2, "{opened}");
        } else {
            crate::support::unavailable("age");
        }

        let editor_link = invitation(&app, editor_of("anna-example")).await;
        let mut editor = Browser::new(&app, [198, 51, 100, 2]);
        enrol(&mut editor, &editor_link, "editor").await;
        assert_eq!(editor.get(path).await.status, StatusCode::FORBIDDEN);
        assert!(!editor.get("/admin/en/campaigns/anna-example").await.text().contains(path));
        let log = app.store.audit_log(&AuditFilter { campaign: Some("anna-example".into()), ..Default::default() }, 100).await.expect("audit");
        let downloads: Vec<_> = log.iter().filter(|(_, e)| e.action == AuditAction::ExportDownloaded).collect();
        assert_eq!(downloads.len(), 1);
        assert_eq!(downloads[0].1.actor_login.as_deref(), Some("courier"));
        assert_eq!(downloads[0].1.detail, "quiet-support");
    }
}

backend_test! {
    /// The mail page shows the outbox in counts only, and sends a test
    /// message through the configured server (a real one, aiosmtpd).
    async fn mail_page_counts_the_outbox_and_sends_a_test_message(backend: Backend) {
        let Some(smtp) = crate::support::server::SmtpServer::start().await else {
            crate::support::unavailable("aiosmtpd (SVOBODA_TEST_PYTHON)");
            return;
        };
        let port = smtp.port;
        let Some(app) = TestApp::with_web_settings(backend, |s| {
            s.mail = svoboda::config::MailSettings::Smtp {
                host: "127.0.0.1".into(),
                port,
                tls: svoboda::config::SmtpTls::None,
                username: None,
                password: None,
                from: "Svoboda <noreply@svoboda.test>".into(),
            }
        })
        .await else { return };
        svoboda::demo::load(&app.store).await.expect("demo");
        app.state.reload().await.expect("reload");
        let r = app
            .post_form(
                "/en/boris-romanov/petition/end-the-case",
                &[("name", "Olga"), ("email", "olga@example.org"), ("consent", "on")],
                [198, 51, 100, 50],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);

        let mut owner = Browser::new(&app, [198, 51, 100, 1]);
        enrol(&mut owner, &invitation(&app, None).await, "owner").await;
        let page = owner.get("/admin/en/mail").await.text();
        assert!(page.contains("<td class=\"mail-waiting\">1</td>"), "{page}");
        assert!(page.contains(&format!("127.0.0.1:{port}")));
        assert!(!page.contains("olga@"), "never an address");

        let bad = owner.submit(&page, "/admin/en/mail", &[("address", "not an address")]).await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(bad.text().contains("does not look like an e-mail address"));
        let sent = owner.submit(&page, "/admin/en/mail", &[("address", "owner@example.org")]).await;
        assert_eq!(sent.status, StatusCode::OK, "{}", sent.text());
        assert!(sent.text().contains("handed to the mail server"));
        let mails = smtp.wait_for(1).await;
        assert_eq!(mails[0].to, "owner@example.org");
        assert_eq!(mails[0].subject, "Svoboda: test message");
        assert!(audit_actions(&app).await.contains(&AuditAction::MailTested));
        let log = app.store.audit_log(&AuditFilter::default(), 100).await.expect("audit");
        assert!(log.iter().all(|(_, e)| !e.detail.contains('@')), "the audit log holds no address");
    }
}

/// The campaign file an editor gets in the form.
pub fn textarea(html: &str) -> String {
    let start = html.find("<textarea").expect("the editor");
    let start = start + html[start..].find('>').expect("tag end") + 1;
    let end = start + html[start..].find("</textarea>").expect("end");
    html[start..end]
        .replace("&quot;", "\"")
        .replace("&#34;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

backend_test! {
    /// An editor changes the file, saves a draft (the public page does not
    /// change), previews it, publishes it (it does), reads the history with
    /// its diff and restores the first version as a new draft.
    async fn drafts_preview_publish_history_and_restore(backend: Backend) {
        let Some(app) = TestApp::with_fixtures(backend).await else { return };
        let link = invitation(&app, editor_of("anna-example")).await;
        let mut editor = Browser::new(&app, [198, 51, 100, 2]);
        enrol(&mut editor, &link, "editor").await;
        let form = editor.get("/admin/en/campaigns/anna-example/edit").await;
        assert_eq!(form.status, StatusCode::OK);
        let html = form.text();
        let file = textarea(&html);
        assert!(file.contains("slug = \"anna-example\""), "{file}");
        let changed = file.replacen("Anna Example", "Anna Primer", 1);
        assert_ne!(changed, file);
        let saved = editor.submit(&html, "/admin/en/campaigns/anna-example/edit", &[("text", &changed), ("base", "0")]).await;
        assert_eq!(saved.status, StatusCode::OK, "{}", saved.text());
        assert!(saved.text().contains("The draft is saved"));
        assert!(!app.page("/en/anna-example").await.contains("Anna Primer"), "a draft is not public");
        let preview = editor.get("/admin/en/campaigns/anna-example/preview").await;
        assert!(preview.text().contains("Anna Primer"), "the preview shows the draft");
        assert!(preview.text().contains("Preview of the draft: not public."), "says it is a draft");
        assert!(preview.text().contains("href=\"/admin/en/campaigns/anna-example/edit\""), "the way back");
        assert!(preview.text().contains("href=\"/admin/ru/campaigns/anna-example/preview\""), "the other language stays in the preview");
        assert_eq!(preview.header("cache-control"), "no-store");

        // Publishing asks first, naming what changes.
        let asked = editor.submit(&saved.text(), "/admin/en/campaigns/anna-example/publish", &[]).await;
        assert_eq!(asked.status, StatusCode::OK);
        assert!(asked.text().contains("The public page changes in:") && asked.text().contains("<li>Person</li>"), "{}", asked.text());
        assert!(!app.page("/en/anna-example").await.contains("Anna Primer"), "not yet");
        let published = editor.submit(&asked.text(), "/admin/en/campaigns/anna-example/publish", &[("confirm", "yes")]).await;
        assert_eq!(published.status, StatusCode::SEE_OTHER);
        let overview = editor.get(published.header("location")).await.text();
        assert!(overview.contains("Published.") && overview.contains("href=\"/en/anna-example?v="), "a fresh link: {overview}");
        let public = app.page("/en/anna-example").await;
        assert!(public.contains("Anna Primer"), "published");

        let history = editor.get("/admin/en/campaigns/anna-example/history").await.text();
        assert!(history.contains("published"));
        assert!(history.contains("<td>the first version</td>"), "which part each revision changed: {history}");
        let head = app.store.head_revision("anna-example").await.expect("head").expect("a revision");
        let again = editor.submit(&history, "/admin/en/campaigns/anna-example/edit", &[("text", &file), ("base", &head.id.to_string())]).await;
        assert_eq!(again.status, StatusCode::OK);
        let history = editor.get("/admin/en/campaigns/anna-example/history").await.text();
        assert!(history.contains("<span class=\"removed\">"), "a diff between the last two: {history}");
        assert!(history.contains("<td>Person</td>"), "the part that changed, in the forms' words: {history}");
        assert!(
            history.contains("<th scope=\"row\">Person: Full name (English)</th><td><del>Anna Primer</del></td><td><ins>Anna Example</ins></td>"),
            "the difference as fields: {history}"
        );
        let first = app.store.revisions("anna-example").await.expect("revisions").last().expect("first").id;
        let restored = editor.submit(&history, &format!("/admin/en/campaigns/anna-example/history/{first}/restore"), &[]).await;
        assert_eq!(restored.status, StatusCode::OK);
        assert!(textarea(&restored.text()).contains("Anna Primer"));
        assert_eq!(app.store.revisions("anna-example").await.expect("revisions").len(), 3, "history only grows");
        let file_download = editor.get("/admin/en/campaigns/anna-example/campaign.toml").await;
        assert!(file_download.header("content-disposition").contains("anna-example.toml"));
        assert!(file_download.text().contains("Anna Primer"));
        let actions = audit_actions(&app).await;
        for wanted in [AuditAction::CampaignSaved, AuditAction::CampaignPublished, AuditAction::CampaignRestored] {
            assert!(actions.contains(&wanted), "{wanted:?}");
        }
    }
}

backend_test! {
    /// A file with a mistake comes back with the mistake's line and field,
    /// and everything typed kept; two editors saving on the same version:
    /// the second is told and sees both, nothing is overwritten.
    async fn mistakes_and_concurrent_edits_lose_nothing(backend: Backend) {
        let Some(app) = TestApp::with_fixtures(backend).await else { return };
        let path = "/admin/en/campaigns/anna-example/edit";
        let mut first = Browser::new(&app, [198, 51, 100, 2]);
        enrol(&mut first, &invitation(&app, editor_of("anna-example")).await, "first").await;
        let mut second = Browser::new(&app, [198, 51, 100, 3]);
        enrol(&mut second, &invitation(&app, editor_of("anna-example")).await, "second").await;
        let page_one = first.get(path).await.text();
        let page_two = second.get(path).await.text();
        let file = textarea(&page_one);

        let broken = format!("nonsense_field = 1\n{file}");
        let refused = first.submit(&page_one, path, &[("text", &broken), ("base", "0")]).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
        let text = refused.text();
        assert!(text.contains("Line 1"), "{text}");
        assert!(text.contains("nonsense_field"), "{text}");
        assert_eq!(textarea(&text), broken, "what was typed is kept");

        let mine = file.replacen("Anna Example", "Anna First", 1);
        let theirs = file.replacen("Anna Example", "Anna Second", 1);
        assert_eq!(first.submit(&page_one, path, &[("text", &mine), ("base", "0")]).await.status, StatusCode::OK);
        let conflict = second.submit(&page_two, path, &[("text", &theirs), ("base", "0")]).await;
        assert_eq!(conflict.status, StatusCode::CONFLICT);
        let text = conflict.text();
        assert!(text.contains("Someone else saved"));
        assert!(text.contains("Anna First") && text.contains("Anna Second"), "both versions shown");
        assert_eq!(textarea(&text), theirs, "the second editor's text is kept");
        let head = app.store.head_revision("anna-example").await.expect("head").expect("saved");
        assert_eq!(head.campaign.person.name.get(svoboda::campaign::Lang::EN), "Anna First", "nothing overwritten");
        let base = field(&text, "base").expect("the new base");
        let resolved = second.submit(&text, path, &[("text", &theirs), ("base", &base)]).await;
        assert_eq!(resolved.status, StatusCode::OK, "saving again, knowingly, works");
    }
}

backend_test! {
    /// A save that arrives after its session ended is kept: sign in again,
    /// then send it on; the edit lands.
    async fn an_edit_outlives_its_expired_session(backend: Backend) {
        let Some(app) = TestApp::with_fixtures(backend).await else { return };
        let mut editor = Browser::new(&app, [198, 51, 100, 2]);
        let enrolled = enrol(&mut editor, &invitation(&app, editor_of("anna-example")).await, "editor").await;
        let path = "/admin/en/campaigns/anna-example/edit";
        let page = editor.get(path).await.text();
        let edited = textarea(&page).replacen("Anna Example", "Anna Patient", 1);
        crate::support::run_sql(&app.db, "UPDATE sessions SET seen_at = seen_at - 1860").await;

        let late = editor.submit(&page, path, &[("text", &edited), ("base", "0")]).await;
        assert_eq!(late.status, StatusCode::UNAUTHORIZED);
        assert!(late.text().contains("Please sign in again"));
        assert!(!late.text().contains("Anna Patient"), "kept sealed, not echoed");
        let again = editor
            .submit(&late.text(), "/admin/en/sign-in/resume", &[
                ("kept", &field(&late.text(), "kept").expect("kept")),
                ("login", "editor"),
                ("password", PASSWORD),
                ("code", &enrolled.recovery_codes[0]),
            ])
            .await;
        assert_eq!(again.status, StatusCode::OK, "{}", again.text());
        let html = again.text();
        assert!(html.contains(&format!("action=\"{path}\"")));
        // The browser posts the kept fields as they are, with the new token.
        let token = field(&html, "csrf").expect("new token");
        let body = form_body(&[("csrf", &token), ("text", &edited), ("base", "0")]);
        let sent = editor.post_raw(path, &body, Some(PUBLIC_URL)).await;
        assert_eq!(sent.status, StatusCode::OK, "{}", sent.text());
        let head = app.store.head_revision("anna-example").await.expect("head").expect("saved");
        assert_eq!(head.campaign.person.name.get(svoboda::campaign::Lang::EN), "Anna Patient");
        // The kept fields were in the page, ready to send.
        assert!(html.contains("name=\"base\" value=\"0\""));
        assert!(html.contains("Anna Patient"));
    }
}

/// A phone photo: `width` × `height` pixels stored sideways, with an EXIF
/// block saying "rotate 90° clockwise" (orientation 6) and where it was
/// taken (GPS latitude 55° 45' 21").
pub fn phone_photo(width: u32, height: u32) -> Vec<u8> {
    let img = image::RgbImage::from_fn(width, height, |x, _| {
        if x < width / 2 {
            image::Rgb([250, 20, 20])
        } else {
            image::Rgb([20, 20, 250])
        }
    });
    let mut jpeg = Vec::new();
    img.write_with_encoder(image::codecs::jpeg::JpegEncoder::new_with_quality(
        &mut jpeg, 90,
    ))
    .expect("encode");
    // TIFF (big-endian): IFD0 with Orientation and a pointer to the GPS IFD.
    let mut tiff: Vec<u8> = b"MM\0\x2a\0\0\0\x08".to_vec();
    let entry = |tag: u16, kind: u16, count: u32, value: [u8; 4]| {
        let mut e = tag.to_be_bytes().to_vec();
        e.extend(kind.to_be_bytes());
        e.extend(count.to_be_bytes());
        e.extend(value);
        e
    };
    tiff.extend(2u16.to_be_bytes());
    tiff.extend(entry(0x0112, 3, 1, [0, 6, 0, 0]));
    tiff.extend(entry(0x8825, 4, 1, 38u32.to_be_bytes()));
    tiff.extend(0u32.to_be_bytes());
    tiff.extend(2u16.to_be_bytes());
    tiff.extend(entry(0x0001, 2, 2, *b"N\0\0\0"));
    tiff.extend(entry(0x0002, 5, 3, 68u32.to_be_bytes()));
    tiff.extend(0u32.to_be_bytes());
    for (num, den) in [(55u32, 1u32), (45, 1), (21, 1)] {
        tiff.extend(num.to_be_bytes());
        tiff.extend(den.to_be_bytes());
    }
    let mut app1 = b"Exif\0\0".to_vec();
    app1.extend(tiff);
    let mut out = vec![0xFF, 0xD8, 0xFF, 0xE1];
    out.extend(u16::try_from(app1.len() + 2).expect("short").to_be_bytes());
    out.extend(app1);
    out.extend(&jpeg[2..]);
    out
}

backend_test! {
    /// A phone photo with GPS coordinates, uploaded and published: the
    /// served file has no metadata at all, and stands upright.
    async fn uploaded_photo_loses_its_metadata_and_stands_upright(backend: Backend) {
        let Some(app) = TestApp::with_fixtures(backend).await else { return };
        let mut editor = Browser::new(&app, [198, 51, 100, 2]);
        enrol(&mut editor, &invitation(&app, editor_of("anna-example")).await, "editor").await;
        // The photo is chosen in the Person part.
        let page = editor.get("/admin/en/campaigns/anna-example/form/person").await.text();
        let original = phone_photo(400, 200);
        assert!(image::load_from_memory(&original).is_ok(), "a readable JPEG");
        assert!(original.windows(4).any(|w| w == b"Exif"), "the original has EXIF");
        let start = page.find("enctype=\"multipart/form-data\"").expect("an upload form");
        let action_start = page[..start].rfind("action=\"").expect("its action") + 8;
        let action = page[action_start..].split('"').next().expect("action").replace("&amp;", "&");
        assert!(action.contains("csrf="), "{action}");

        let boundary = "svobodaboundary";
        let mut body = format!("--{boundary}\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"IMG_0001.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n").into_bytes();
        body.extend(&original);
        body.extend(format!("\r\n--{boundary}--\r\n").as_bytes());
        let cookie = editor.cookie_header();
        let upload = |body: Vec<u8>| {
            let ct = format!("multipart/form-data; boundary={boundary}");
            let cookie = cookie.clone();
            let action = action.clone();
            let app = &app;
            async move {
                app.post_from(&action, &ct, body, [198, 51, 100, 2], &[("cookie", &cookie), ("origin", PUBLIC_URL)]).await
            }
        };
        let garbage = format!("--{boundary}\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"x.jpg\"\r\n\r\nnot an image\r\n--{boundary}--\r\n");
        let refused = upload(garbage.into_bytes()).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(refused.text().contains("not a JPEG, PNG or WebP"), "{}", refused.text());
        // Too large: a page in the editor's language, nothing kept.
        let mut huge = format!("--{boundary}\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"big.jpg\"\r\n\r\n").into_bytes();
        huge.resize(huge.len() + 21 * 1024 * 1024, b'x');
        huge.extend(format!("\r\n--{boundary}--\r\n").as_bytes());
        let refused = upload(huge.clone()).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(refused.text().contains("larger than 20 MB"), "{}", refused.text());
        // Without the form's token the body is not even read.
        let without_token = action.split('?').next().expect("path").to_string();
        let ct = format!("multipart/form-data; boundary={boundary}");
        let r = app.post_from(&without_token, &ct, huge, [198, 51, 100, 2], &[("cookie", &cookie), ("origin", PUBLIC_URL)]).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
        let uploaded = upload(body).await;
        assert_eq!(uploaded.status, StatusCode::OK, "{}", uploaded.text());
        assert!(uploaded.text().contains("The photo is ready"));
        assert!(
            uploaded.text().contains("src=\"/admin/en/campaigns/anna-example/preview/photo.jpg\"")
                && uploaded.text().contains("The new photo: public once published."),
            "the Person part shows the new photo as a thumbnail"
        );
        // The preview shows the waiting photo, served only to the workspace.
        let preview = editor.get("/admin/en/campaigns/anna-example/preview").await.text();
        let waiting = "/admin/en/campaigns/anna-example/preview/photo.jpg";
        assert!(preview.contains(&format!("src=\"{waiting}\"")), "{preview}");
        let waiting_photo = editor.get(waiting).await;
        assert_eq!(waiting_photo.status, StatusCode::OK);
        assert_eq!(waiting_photo.header("content-type"), "image/jpeg");
        assert_eq!(waiting_photo.header("cache-control"), "no-store");
        assert_eq!(app.get(waiting).await.status, StatusCode::SEE_OTHER, "not without a session");
        let edit = editor.get("/admin/en/campaigns/anna-example/edit").await.text();
        let published = editor.submit(&edit, "/admin/en/campaigns/anna-example/publish", &[("confirm", "yes")]).await;
        assert_eq!(published.status, StatusCode::SEE_OTHER);

        let public = app.page("/en/anna-example").await;
        let src_start = public.find("src=\"/photos/").expect("the photo on the page") + 5;
        let src = public[src_start..].split('"').next().expect("src").to_string();
        let served = app.get(&src).await;
        assert_eq!(served.status, StatusCode::OK);
        let bytes = served.body;
        for marker in [&b"Exif"[..], b"GPS", b"MM\0\x2a", b"http://ns.adobe.com/xap"] {
            assert!(!bytes.windows(marker.len()).any(|w| w == marker), "no {marker:?} in the served file");
        }
        assert!(!bytes.windows(2).any(|w| w == [0xFF, 0xE1]), "no APP1 segment at all");
        let served_img = image::load_from_memory(&bytes).expect("a JPEG").to_rgb8();
        assert!(served_img.height() > served_img.width(), "upright: {}x{}", served_img.width(), served_img.height());
        // Rotated clockwise, the red left half of the sideways original is on top.
        let top = served_img.get_pixel(served_img.width() / 2, 5);
        let bottom = served_img.get_pixel(served_img.width() / 2, served_img.height() - 5);
        assert!(top[0] > 150 && bottom[2] > 150, "top {top:?}, bottom {bottom:?}");
        assert!(audit_actions(&app).await.contains(&AuditAction::PhotoUploaded));

        // The campaign with its photo, as one download that imports as is.
        let bundle = editor.get("/admin/en/campaigns/anna-example/campaign.zip").await;
        assert_eq!(bundle.status, StatusCode::OK);
        assert!(bundle.header("content-disposition").contains("anna-example.zip"));
        let dir = tempfile::tempdir().expect("temp dir");
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bundle.body)).expect("a zip");
        archive.extract(dir.path()).expect("unzips");
        let file = std::fs::read_to_string(dir.path().join("anna-example/campaign.toml")).expect("the file");
        assert!(file.contains("photo = \"photo.jpg\""), "{file}");
        assert_eq!(std::fs::read(dir.path().join("anna-example/photo.jpg")).expect("the photo"), bytes, "the published photo");
        let elsewhere = TestApp::empty(backend).await.expect("a second instance");
        elsewhere.import(&dir.path().join("anna-example/campaign.toml")).await.expect("imports as is");
        assert!(elsewhere.page("/en/anna-example").await.contains("src=\"/photos/anna-example.jpg"));
    }
}

backend_test! {
    /// An owner starts a campaign from the starter file (or an uploaded
    /// one); it stays a draft, invisible to the public, until published.
    async fn a_new_campaign_is_a_draft_until_published(backend: Backend) {
        let Some(app) = TestApp::with_demo(backend).await else { return };
        let mut owner = Browser::new(&app, [198, 51, 100, 1]);
        enrol(&mut owner, &invitation(&app, None).await, "owner").await;
        let page = owner.get("/admin/en/campaigns/new").await;
        assert_eq!(page.status, StatusCode::OK);
        let starter = textarea(&page.text());
        // The starter's samples replaced, as its comment asks.
        let file = starter
            .replace("new-campaign", "vera-new")
            .replace("First Last", "Vera New")
            .replace("Who this person is, and why they are persecuted.", "A teacher from Tver.")
            .replace("Кто этот человек и за что его преследуют.", "Учительница из Твери.")
            .replace("1900-01-01", "2026-02-01")
            .replace("team@example.org", "free.vera@proton.example");
        let taken = owner.submit(&page.text(), "/admin/en/campaigns/new", &[("text", &starter.replace("new-campaign", "boris-romanov"))]).await;
        assert_eq!(taken.status, StatusCode::CONFLICT, "a slug in use is refused");
        let reserved = owner.submit(&page.text(), "/admin/en/campaigns/new", &[("text", &starter.replace("new-campaign", "new"))]).await;
        assert_eq!(reserved.status, StatusCode::CONFLICT, "the slug of the new-campaign page itself is refused");
        let created = owner.submit(&page.text(), "/admin/en/campaigns/new", &[("text", &file)]).await;
        assert_eq!(created.status, StatusCode::SEE_OTHER, "{}", created.text());
        assert_eq!(created.header("location"), "/admin/en/campaigns/vera-new/edit");
        assert_eq!(app.get("/en/vera-new").await.status, StatusCode::NOT_FOUND, "a draft is not public");
        let home = owner.get("/admin/en/").await.text();
        assert!(home.contains("/admin/en/campaigns/vera-new/edit"), "drafts are listed");
        let preview = owner.get("/admin/en/campaigns/vera-new/preview").await;
        assert!(preview.text().contains("Vera New"));

        // From an uploaded file (multipart).
        let upload_page = owner.get("/admin/en/campaigns/new").await.text();
        let action_start = upload_page.find("/admin/en/campaigns/new/upload?csrf=").expect("upload form");
        let action = upload_page[action_start..].split('"').next().expect("action").to_string();
        let uploaded = file.replace("vera-new", "vera-upload");
        let boundary = "b0undary";
        let body = format!("--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"campaign.toml\"\r\nContent-Type: application/toml\r\n\r\n{uploaded}\r\n--{boundary}--\r\n");
        let r = app
            .post_from(&action, &format!("multipart/form-data; boundary={boundary}"), body.into_bytes(), [198, 51, 100, 1], &[("cookie", &owner.cookie_header()), ("origin", PUBLIC_URL)])
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
        assert_eq!(r.header("location"), "/admin/en/campaigns/vera-upload/edit");

        let edit = owner.get("/admin/en/campaigns/vera-new/edit").await.text();
        let published = owner.submit(&edit, "/admin/en/campaigns/vera-new/publish", &[("confirm", "yes")]).await;
        assert_eq!(published.status, StatusCode::SEE_OTHER);
        assert!(app.page("/en/vera-new").await.contains("Vera New"), "public after publishing");

        let mut editor = Browser::new(&app, [198, 51, 100, 2]);
        enrol(&mut editor, &invitation(&app, editor_of("boris-romanov")).await, "editor").await;
        assert_eq!(editor.get("/admin/en/campaigns/new").await.status, StatusCode::FORBIDDEN, "owners only");
    }
}

backend_test! {
    /// An owner gives an organisation a new legal label: every page that
    /// mentions it shows the footnote at once. A wrong date comes back
    /// named, with everything typed kept.
    async fn organisation_labels_change_every_page_at_once(backend: Backend) {
        let Some(app) = TestApp::with_fixtures(backend).await else { return };
        let petition = "/en/anna-example/petition/free-anna";
        assert!(!app.page(petition).await.contains("declared undesirable"));
        let mut owner = Browser::new(&app, [198, 51, 100, 1]);
        enrol(&mut owner, &invitation(&app, None).await, "owner").await;
        let list = owner.get("/admin/en/organisations").await.text();
        assert!(list.contains("/admin/en/organisations/memorial"));
        let form = owner.get("/admin/en/organisations/memorial").await.text();
        assert!(form.contains("name=\"label-foreign-agent\" checked"), "{form}");
        let path = "/admin/en/organisations/memorial";
        let fields = |date: &'static str| {
            vec![
                ("name_ru", "Мемориал"),
                ("name_en", "Memorial"),
                ("label-foreign-agent", "on"),
                ("label-undesirable", "on"),
                ("since-undesirable", date),
            ]
        };
        let wrong = owner.submit(&form, path, &fields("August 2023")).await;
        assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
        let text = wrong.text();
        assert!(text.contains("YYYY-MM-DD"));
        assert!(text.contains("value=\"August 2023\""), "what was typed is kept");
        let saved = owner.submit(&form, path, &fields("2023-08-17")).await;
        assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.text());
        let page = app.page(petition).await;
        assert!(page.contains("declared undesirable"), "the footnote shows at once");
        assert!(audit_actions(&app).await.contains(&AuditAction::OrganisationSaved));

        let new = owner.get("/admin/en/organisations/new").await.text();
        let taken = owner.submit(&new, "/admin/en/organisations/new", &[("id", "memorial"), ("name_ru", "X"), ("name_en", "X")]).await;
        assert_eq!(taken.status, StatusCode::CONFLICT);
        let made = owner.submit(&new, "/admin/en/organisations/new", &[("id", "new-org"), ("name_ru", "Новая"), ("name_en", "New")]).await;
        assert_eq!(made.status, StatusCode::SEE_OTHER);
        assert!(app.state.content().registry.contains("new-org"));
    }
}

backend_test! {
    /// Owners see what the instance runs with, read only: there is no form
    /// that changes a setting from the browser.
    async fn owners_see_the_instance_settings_read_only(backend: Backend) {
        let Some(app) = TestApp::with_fixtures(backend).await else { return };
        let mut owner = Browser::new(&app, [198, 51, 100, 1]);
        enrol(&mut owner, &invitation(&app, None).await, "owner").await;
        let page = owner.get("/admin/en/settings").await;
        assert_eq!(page.status, StatusCode::OK);
        let text = page.text();
        assert!(text.contains(PUBLIC_URL), "{text}");
        assert!(text.contains("Session ends after inactivity") && text.contains("30 min"), "{text}");
        let main = &text[text.find("<main").expect("main")..];
        assert!(!main.contains("<form"), "read only");
        let ru = owner.get("/admin/ru/settings").await.text();
        assert!(ru.contains("Настройки сайта"));
    }
}

backend_test! {
    /// A refusal inside the workspace is a workspace page: its menu, the
    /// signed-in name, the way back to one's campaigns, in the page's
    /// language; not the public site's frame.
    async fn refusals_in_the_workspace_keep_the_workspace_frame(backend: Backend) {
        let Some(app) = TestApp::with_fixtures(backend).await else { return };
        let mut editor = Browser::new(&app, [198, 51, 100, 2]);
        enrol(&mut editor, &invitation(&app, editor_of("anna-example")).await, "editor").await;
        for (lang, title, back) in [("en", "Not allowed", "Back to your campaigns"), ("ru", "Нет доступа", "Вернуться к вашим кампаниям")] {
            let refused = editor.get(&format!("/admin/{lang}/campaigns/boris-romanov/edit")).await;
            assert_eq!(refused.status, StatusCode::FORBIDDEN);
            let page = refused.text();
            assert!(page.contains(&format!("<h1>{title}</h1>")), "{page}");
            assert!(page.contains(back) && page.contains(&format!("href=\"/admin/{lang}/\"")), "{page}");
            assert!(page.contains("class=\"admin-nav\"") && page.contains("editor"), "the menu and who is signed in");
            assert!(page.contains("<body class=\"admin\">"), "the workspace's frame");
            assert_eq!(refused.headers["cache-control"], "no-store");
        }
        let missing = editor.get("/admin/en/campaigns/anna-example/form/no-such-part").await;
        assert_eq!(missing.status, StatusCode::NOT_FOUND);
        assert!(missing.text().contains("<body class=\"admin\">"));
    }
}

backend_test! {
    /// Taking a role away asks the owner first, then says it is done; the
    /// person, signed out everywhere at once, is told an owner changed their
    /// roles (not that their session timed out), on their next page and on
    /// a form they were still writing, which is kept.
    async fn taking_a_role_away_is_confirmed_and_the_person_is_told_why(backend: Backend) {
        let Some(app) = TestApp::with_fixtures(backend).await else { return };
        let mut owner = Browser::new(&app, [198, 51, 100, 1]);
        enrol(&mut owner, &invitation(&app, None).await, "owner").await;
        let mut editor = Browser::new(&app, [198, 51, 100, 2]);
        enrol(&mut editor, &invitation(&app, editor_of("anna-example")).await, "marina").await;
        let form_page = editor.get("/admin/en/campaigns/anna-example/form/person").await.text();
        let marina = app.store.accounts().await.expect("accounts").into_iter().find(|(a, _)| a.login.as_str() == "marina").expect("marina").0.id;
        let revoke = format!("/admin/en/people/{marina}/revoke");

        let people = owner.get("/admin/en/people").await.text();
        let asked = owner.submit(&people, &revoke, &[("campaign", "anna-example"), ("role", "editor")]).await;
        assert_eq!(asked.status, StatusCode::OK);
        assert!(asked.text().contains("Take a role away?"), "{}", asked.text());
        assert!(asked.text().contains("will be signed out everywhere at once"));
        assert_eq!(editor.get("/admin/en/").await.status, StatusCode::OK, "nothing changed before confirming");

        let done = owner.submit(&asked.text(), &revoke, &[("campaign", "anna-example"), ("role", "editor"), ("confirm", "yes")]).await;
        assert_eq!(done.status, StatusCode::OK);
        assert!(done.text().contains("marina is no longer editor of Anna Example and was signed out everywhere"), "{}", done.text());
        assert!(audit_actions(&app).await.contains(&AuditAction::RoleRevoked));

        // A form sent after: kept, and the reason said.
        let late = editor.submit(&form_page, "/admin/en/campaigns/anna-example/form/person", &[("op", "save")]).await;
        assert_eq!(late.status, StatusCode::UNAUTHORIZED);
        assert!(late.text().contains("An owner changed your roles"), "{}", late.text());
        assert!(!late.text().contains("without activity"), "not a timeout");
        // The next page: the sign-in page says why.
        let next = editor.get("/admin/en/").await;
        assert_eq!(next.status, StatusCode::SEE_OTHER);
        let to = next.header("location").to_string();
        assert_eq!(to, "/admin/en/sign-in?ended=roles-changed");
        let sign_in = editor.get(&to).await.text();
        assert!(sign_in.contains("An owner changed your roles, so you were signed out everywhere"), "{sign_in}");
        let ru = editor.get("/admin/ru/sign-in?ended=roles-changed").await.text();
        assert!(ru.contains("Владелец изменил ваши роли"), "{ru}");
        // A stranger's made-up address says nothing.
        let plain = Browser::new(&app, [203, 0, 113, 9]).get("/admin/en/sign-in?ended=nonsense&ended=x").await;
        assert_eq!(plain.status, StatusCode::OK);
        assert!(!plain.text().contains("class=\"notice\""));
    }
}
