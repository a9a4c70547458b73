//! The test application: the real router over a real store, one fresh
//! database per test (a SQLite file, or a PostgreSQL schema), so tests run
//! in parallel and each states only what it needs.

pub mod server;
pub mod webdriver;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode};
use chrono::NaiveDate;
use http_body_util::BodyExt;
use tempfile::TempDir;
use tower::ServiceExt;

use svoboda::campaign::Lang;
use svoboda::config::PetitionSettings;
use svoboda::petition::secret::InstanceSecret;
use svoboda::petition::service::PetitionService;
use svoboda::store::{self, OpenMode, Store};
use svoboda::web::{AppState, Clock, WebSettings};

/// The date every test runs on, so "upcoming" sections are stable.
pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 3, 1).expect("valid date")
}

pub const PUBLIC_URL: &str = "https://svoboda.test";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// Set by `scripts/test`: a PostgreSQL server the tests may create schemas in.
const POSTGRES_ENV: &str = "SVOBODA_TEST_POSTGRES_URL";
/// Set by `scripts/test`: tests that need an outside tool fail instead of
/// skipping when it is missing, so CI cannot pass by skipping.
pub const REQUIRE_ALL_ENV: &str = "SVOBODA_TEST_REQUIRE_ALL";

pub fn require_all() -> bool {
    std::env::var(REQUIRE_ALL_ENV).is_ok_and(|v| v == "1")
}

/// Says why a test cannot run here: fails under `scripts/test`, skips with a
/// note under a plain `cargo test`.
pub fn unavailable(what: &str) {
    assert!(
        !require_all(),
        "{what} is required by {REQUIRE_ALL_ENV}=1 but unavailable"
    );
    eprintln!("SKIPPED: {what} is unavailable; run scripts/test for the full suite");
}

pub struct Database {
    pub url: String,
    _dir: Option<TempDir>,
}

impl Database {
    /// A fresh, empty database on `backend`, or `None` when that backend is
    /// not available here.
    pub async fn fresh(backend: Backend) -> Option<Database> {
        match backend {
            Backend::Sqlite => {
                let dir = tempfile::tempdir().expect("temp dir");
                let url = format!("sqlite://{}", dir.path().join("svoboda.db").display());
                Some(Database {
                    url,
                    _dir: Some(dir),
                })
            }
            Backend::Postgres => {
                let Some(base) = std::env::var(POSTGRES_ENV).ok().filter(|v| !v.is_empty()) else {
                    unavailable(&format!("PostgreSQL ({POSTGRES_ENV})"));
                    return None;
                };
                let schema = format!("t_{}", random_suffix());
                let admin = sqlx::PgPool::connect(&base)
                    .await
                    .expect("connect to test PostgreSQL");
                sqlx::query(sqlx::AssertSqlSafe(format!("CREATE SCHEMA {schema}")))
                    .execute(&admin)
                    .await
                    .expect("create schema");
                admin.close().await;
                let sep = if base.contains('?') { '&' } else { '?' };
                let url = format!("{base}{sep}options=-c%20search_path%3D{schema}");
                Some(Database { url, _dir: None })
            }
        }
    }

    /// An existing database by its URL (the caller keeps its files).
    pub fn at(url: &str) -> Database {
        Database {
            url: url.to_string(),
            _dir: None,
        }
    }

    pub async fn open(&self) -> Store {
        store::connect(&self.url, OpenMode::CreateIfMissing)
            .await
            .expect("open test database")
    }
}

fn random_suffix() -> String {
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or_default();
    format!(
        "{}_{}_{}",
        std::process::id(),
        nanos % 1_000_000_000,
        COUNTER.fetch_add(1, Ordering::Relaxed)
    )
}

pub struct TestApp {
    pub db: Database,
    pub store: Store,
    pub state: Arc<AppState>,
    pub router: svoboda::App,
    /// Where the directory transport writes mail, unless a test sends by SMTP.
    pub mail_dir: TempDir,
}

/// Petition settings for tests: limits high enough not to get in the way,
/// and no minimum form time (tests post at once).
pub fn test_petition_settings() -> PetitionSettings {
    PetitionSettings {
        secret_file: PathBuf::from("unused"),
        confirm_link: Duration::from_secs(72 * 3600),
        unconfirmed_removal: Duration::from_secs(168 * 3600),
        retention_after_close: Duration::from_secs(183 * 24 * 3600),
        sign_per_minute: 100_000,
        sign_burst: 100_000,
        min_form: Duration::ZERO,
        client_ip_header: None,
        trusted_proxies: Vec::new(),
        embed_origins: Vec::new(),
    }
}

pub struct TestResponse {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
}

impl TestResponse {
    pub fn text(&self) -> String {
        String::from_utf8(self.body.clone()).expect("UTF-8 body")
    }

    pub fn header(&self, name: &str) -> &str {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }
}

impl TestApp {
    /// An instance with the demo campaign, or `None` when `backend` is unavailable.
    pub async fn with_demo(backend: Backend) -> Option<TestApp> {
        let app = TestApp::empty(backend).await?;
        svoboda::demo::load(&app.store).await.expect("demo loads");
        app.state.reload().await.expect("reload");
        Some(app)
    }

    /// The demo and the full fixture campaign (with its photo).
    pub async fn with_fixtures(backend: Backend) -> Option<TestApp> {
        let app = TestApp::empty(backend).await?;
        app.load_demo_and_fixture().await;
        Some(app)
    }

    /// Adds the demo and the full fixture campaign (with its photo), to an
    /// instance configured otherwise.
    pub async fn load_demo_and_fixture(&self) {
        svoboda::demo::load(&self.store).await.expect("demo loads");
        let dir = fixture_dir_with_photo();
        self.import(&dir.path().join("campaign.toml"))
            .await
            .expect("fixture imports");
    }

    pub async fn empty(backend: Backend) -> Option<TestApp> {
        TestApp::with_settings(backend, test_petition_settings()).await
    }

    pub async fn with_settings(
        backend: Backend,
        petition_settings: PetitionSettings,
    ) -> Option<TestApp> {
        TestApp::configured(backend, petition_settings, |_| {}).await
    }

    /// The demo and the full fixture on an instance offering every shipped
    /// language (ru, en, be, uk).
    pub async fn in_every_language(backend: Backend) -> Option<TestApp> {
        let app = TestApp::with_web_settings(backend, |s| {
            s.languages = Lang::BUILT_IN.to_vec();
        })
        .await?;
        app.load_demo_and_fixture().await;
        Some(app)
    }

    /// An instance whose web settings `adjust` changes.
    pub async fn with_web_settings(
        backend: Backend,
        adjust: impl FnOnce(&mut WebSettings),
    ) -> Option<TestApp> {
        TestApp::configured(backend, test_petition_settings(), adjust).await
    }

    async fn configured(
        backend: Backend,
        petition_settings: PetitionSettings,
        adjust: impl FnOnce(&mut WebSettings),
    ) -> Option<TestApp> {
        let db = Database::fresh(backend).await?;
        let store = db.open().await;
        let secret =
            Arc::new(InstanceSecret::from_hex(&InstanceSecret::generate_hex()).expect("secret"));
        let petitions = PetitionService::start(store.clone(), secret, petition_settings)
            .await
            .expect("petition service");
        let mut settings = WebSettings {
            public_url: PUBLIC_URL.to_string(),
            mirrors: Vec::new(),
            onion_url: None,
            default_lang: Lang::RU,
            languages: vec![Lang::RU, Lang::EN],
            refresh_interval: Duration::from_millis(50),
            page_cache_bytes: 16 * 1024 * 1024,
            health_notes: Vec::new(),
            sessions: svoboda::account::Lifetimes::default(),
            key_change_delay: svoboda::campaign::keys::DEFAULT_DELAY,
            admin_apart: false,
            workspace_url: PUBLIC_URL.to_string(),
            mail: svoboda::config::MailSettings::Hold,
            demo: false,
            letter_words: Arc::new(svoboda::letters::checker::load_lists(None).expect("lists")),
            letters: svoboda::config::LetterSettings::default(),
        };
        adjust(&mut settings);
        let state = AppState::new(store.clone(), settings, Clock::fixed(today()), petitions)
            .await
            .expect("state");
        let router = svoboda::app(state.clone());
        Some(TestApp {
            db,
            store,
            state,
            router,
            mail_dir: tempfile::tempdir().expect("mail dir"),
        })
    }

    /// The published campaign at `slug`, whole, as pages draw it.
    pub async fn campaign(&self, slug: &str) -> svoboda::campaign::Campaign {
        let content = self.state.content();
        let found = self.state.campaign(&content, slug).await.expect("store");
        (*found.expect("campaign")).clone()
    }

    /// Imports a campaign file as `svoboda campaign import` does.
    pub async fn import(&self, path: &Path) -> Result<String, svoboda::cli::CliError> {
        let delay = self.state.settings.key_change_delay;
        let slug = svoboda::cli::campaign::import(&self.store, path, delay).await?;
        self.state.reload().await.expect("reload");
        Ok(slug)
    }

    pub async fn get(&self, path: &str) -> TestResponse {
        self.get_with(path, &[]).await
    }

    pub async fn get_with(&self, path: &str, headers: &[(&str, &str)]) -> TestResponse {
        let mut request = Request::builder().uri(path);
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        let response = self
            .router
            .clone()
            .oneshot(request.body(Body::empty()).expect("request"))
            .await
            .expect("infallible router");
        collect(response).await
    }

    /// POSTs a form as a browser does, from `ip`.
    pub async fn post_form(
        &self,
        path: &str,
        fields: &[(&str, &str)],
        ip: [u8; 4],
    ) -> TestResponse {
        let body = form_body(fields).into_bytes();
        self.post_raw(path, "application/x-www-form-urlencoded", body, ip)
            .await
    }

    pub async fn post_raw(
        &self,
        path: &str,
        content_type: &str,
        body: Vec<u8>,
        ip: [u8; 4],
    ) -> TestResponse {
        self.post_from(path, content_type, body, ip, &[]).await
    }

    /// POSTs a form body with extra request headers (Origin, Host...).
    pub async fn post_with_headers(
        &self,
        path: &str,
        body: String,
        headers: &[(&str, &str)],
    ) -> TestResponse {
        let form = "application/x-www-form-urlencoded";
        self.post_from(path, form, body.into_bytes(), [198, 51, 100, 7], headers)
            .await
    }

    /// POSTs a form body from `ip` with extra request headers.
    pub async fn post_from_ip(
        &self,
        path: &str,
        body: String,
        headers: &[(&str, &str)],
        ip: [u8; 4],
    ) -> TestResponse {
        let form = "application/x-www-form-urlencoded";
        self.post_from(path, form, body.into_bytes(), ip, headers)
            .await
    }

    pub async fn post_from(
        &self,
        path: &str,
        content_type: &str,
        body: Vec<u8>,
        ip: [u8; 4],
        headers: &[(&str, &str)],
    ) -> TestResponse {
        let mut request = Request::builder()
            .method("POST")
            .uri(path)
            .header("content-type", content_type);
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        let mut request = request.body(Body::from(body)).expect("request");
        let addr = std::net::SocketAddr::from((ip, 40000));
        request
            .extensions_mut()
            .insert(axum::extract::ConnectInfo(addr));
        let response = self
            .router
            .clone()
            .oneshot(request)
            .await
            .expect("infallible router");
        collect(response).await
    }

    /// Sends what waits in the outbox into `mail_dir`; returns how many.
    pub async fn deliver_mail(&self) -> usize {
        let sender = svoboda::mail::outbox::Sender {
            store: self.store.clone(),
            secret: self.state.petitions.secret.clone(),
            transport: svoboda::mail::transport::Transport::from_settings(
                &svoboda::config::MailSettings::Directory {
                    path: self.mail_dir.path().to_path_buf(),
                    from: "Svoboda <noreply@svoboda.test>".into(),
                    keep: Duration::from_secs(3600),
                    log_links: false,
                },
            )
            .expect("transport"),
            poll: Duration::from_secs(1),
        };
        sender.send_due().await.expect("outbox")
    }

    /// The mail delivered so far, oldest first, as (to, subject, text).
    pub fn mailbox(&self) -> Vec<Mail> {
        read_mails(self.mail_dir.path())
    }

    /// GET that must answer 200 with HTML; returns the page.
    pub async fn page(&self, path: &str) -> String {
        let response = self.get(path).await;
        assert_eq!(response.status, StatusCode::OK, "GET {path}");
        assert!(
            response.header("content-type").starts_with("text/html"),
            "GET {path}: {}",
            response.header("content-type")
        );
        response.text()
    }
}

#[derive(Debug, Clone)]
pub struct Mail {
    pub to: String,
    pub subject: String,
    pub text: String,
}

impl Mail {
    /// The first link in the text that contains `part`.
    pub fn link(&self, part: &str) -> Option<String> {
        self.text
            .split_whitespace()
            .find(|w| w.starts_with("http") && w.contains(part))
            .map(str::to_string)
    }
}

/// Every message file in `dir` (and its Maildir `new/`), oldest first.
pub fn read_mails(dir: &Path) -> Vec<Mail> {
    let mut files: Vec<PathBuf> = Vec::new();
    for d in [dir.to_path_buf(), dir.join("new"), dir.join("cur")] {
        if let Ok(entries) = std::fs::read_dir(&d) {
            files.extend(
                entries
                    .filter_map(|e| e.ok())
                    .map(|e| e.path())
                    // A message being written has a hidden name.
                    .filter(|p| {
                        p.is_file()
                            && !p
                                .file_name()
                                .is_some_and(|n| n.to_string_lossy().starts_with('.'))
                    }),
            );
        }
    }
    let mut mails: Vec<(std::time::SystemTime, String, Mail)> = files
        .iter()
        .map(|path| {
            let raw = std::fs::read(path).expect("read mail");
            let parsed = mailparse::parse_mail(&raw).expect("a valid message");
            let header = |name: &str| {
                parsed
                    .headers
                    .iter()
                    .find(|h| h.get_key().eq_ignore_ascii_case(name))
                    .map(|h| h.get_value())
                    .unwrap_or_default()
            };
            let modified = std::fs::metadata(path)
                .and_then(|m| m.modified())
                .expect("mtime");
            (
                modified,
                path.display().to_string(),
                Mail {
                    to: header("To"),
                    subject: header("Subject"),
                    text: parsed.get_body().expect("body"),
                },
            )
        })
        .collect();
    mails.sort_by(|a, b| (a.0, &a.1).cmp(&(b.0, &b.1)));
    mails.into_iter().map(|(_, _, m)| m).collect()
}

/// Every byte the store holds: the SQLite files (with WAL and journal), or
/// every row of every table on PostgreSQL as text.
pub async fn stored_bytes(db: &Database) -> Vec<u8> {
    match db.url.strip_prefix("sqlite://") {
        Some(path) => {
            let mut all = Vec::new();
            for suffix in ["", "-wal", "-shm", "-journal"] {
                if let Ok(bytes) = std::fs::read(format!("{path}{suffix}")) {
                    all.extend(bytes);
                }
            }
            all
        }
        None => {
            let pool = sqlx::PgPool::connect(&db.url).await.expect("connect");
            let tables: Vec<String> = sqlx::query_scalar(
                "SELECT table_name::text FROM information_schema.tables WHERE table_schema = current_schema()",
            )
            .fetch_all(&pool)
            .await
            .expect("tables");
            let mut all = Vec::new();
            for table in tables {
                let rows: Vec<String> = sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
                    "SELECT t::text FROM {table} t"
                )))
                .fetch_all(&pool)
                .await
                .expect("dump");
                for r in rows {
                    all.extend(r.into_bytes());
                }
            }
            pool.close().await;
            all
        }
    }
}

/// Runs a statement on the test database directly (to age a session, say).
pub async fn run_sql(db: &Database, sql: &str) {
    assert!(try_sql(db, sql).await, "{sql}");
}

/// Whether a statement on the test database succeeds.
pub async fn try_sql(db: &Database, sql: &str) -> bool {
    let sql = sqlx::AssertSqlSafe(sql.to_string());
    match db.url.strip_prefix("sqlite://") {
        Some(_) => {
            let pool = sqlx::SqlitePool::connect(&db.url).await.expect("connect");
            let ok = sqlx::query(sql).execute(&pool).await.is_ok();
            pool.close().await;
            ok
        }
        None => {
            let pool = sqlx::PgPool::connect(&db.url).await.expect("connect");
            let ok = sqlx::query(sql).execute(&pool).await.is_ok();
            pool.close().await;
            ok
        }
    }
}

/// Whether a dump of [`stored_bytes`] holds `needle`, as raw bytes or as the
/// hex text PostgreSQL shows binary columns in.
pub fn stored_contains(dump: &[u8], needle: &[u8]) -> bool {
    let hex = hex::encode(needle);
    let found = |n: &[u8]| !n.is_empty() && dump.windows(n.len()).any(|w| w == n);
    found(needle) || found(hex.as_bytes())
}

/// The signed form stamp in a petition page's HTML.
pub fn form_stamp(html: &str) -> String {
    let marker = "name=\"stamp\" value=\"";
    let start = html.find(marker).expect("a form with a stamp") + marker.len();
    let len = html[start..].find('"').expect("end of the stamp");
    html[start..start + len].to_string()
}

/// The demo campaign file with its published key replaced by the fixture's
/// own: outside `--demo` the demo key is refused.
pub fn demo_file_with_own_key() -> String {
    svoboda::demo::DEMO_FILE.replace(
        svoboda::demo::DEMO_ORGANISER_KEY,
        "age1zhwsg4vcau726erfr89k0ckpjaj2a9u0uukwe2du75c66hxrcq7qxx5r0u",
    )
}

/// Fields encoded as a browser posts a form.
pub fn form_body(fields: &[(&str, &str)]) -> String {
    let enc = |s: &str| {
        percent_encoding::utf8_percent_encode(s, percent_encoding::NON_ALPHANUMERIC).to_string()
    };
    fields
        .iter()
        .map(|(k, v)| format!("{}={}", enc(k), enc(v)))
        .collect::<Vec<_>>()
        .join("&")
}

async fn collect(response: axum::response::Response) -> TestResponse {
    let status = response.status();
    let headers = response.headers().clone();
    let body = response
        .into_body()
        .collect()
        .await
        .expect("body")
        .to_bytes()
        .to_vec();
    TestResponse {
        status,
        headers,
        body,
    }
}

/// The full fixture campaign copied into a temp dir with a generated photo.
pub fn fixture_dir_with_photo() -> TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::copy(
        fixture("full/campaign.toml"),
        dir.path().join("campaign.toml"),
    )
    .expect("copy fixture");
    let img = image::RgbImage::from_fn(900, 1200, |x, y| {
        image::Rgb([(x % 256) as u8, (y % 256) as u8, 90])
    });
    img.save(dir.path().join("photo.png")).expect("write photo");
    dir
}

pub fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(rel)
}

/// The same code against whichever pool a store holds.
#[macro_export]
macro_rules! on_pool {
    ($store:expr, |$pool:ident| $body:expr) => {
        match &$store {
            svoboda::store::Store::Sqlite($pool) => $body,
            svoboda::store::Store::Postgres($pool) => $body,
        }
    };
}

/// Declares a test that runs once per backend, as `name::sqlite` and
/// `name::postgres`: the whole suite covers both stores.
#[macro_export]
macro_rules! backend_test {
    ($(#[$meta:meta])* async fn $name:ident($backend:ident: $ty:ty) $body:block) => {
        $(#[$meta])*
        mod $name {
            #[allow(unused_imports)]
            use super::*;
            async fn run($backend: $ty) $body

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                run($crate::support::Backend::Sqlite).await
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                run($crate::support::Backend::Postgres).await
            }
        }
    };
}
