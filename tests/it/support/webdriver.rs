//! Just enough of the W3C WebDriver protocol to drive Debian's Chromium
//! through chromedriver: start a session, navigate, click, read, read the
//! network log. Written over hyper (already in the tree) rather than pulling
//! a WebDriver crate with its own TLS stack.

use std::process::{Child, Command, Stdio};
use std::time::Duration;

use axum::body::Bytes;
use http_body_util::{BodyExt, Full};
use hyper_util::client::legacy::Client;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::TokioExecutor;
use serde_json::{Value, json};

pub struct Driver {
    process: Child,
    base: String,
    client: Client<HttpConnector, Full<Bytes>>,
    _profile: tempfile::TempDir,
}

pub struct Session<'a> {
    driver: &'a Driver,
    id: String,
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

impl Driver {
    /// Starts chromedriver, or `None` when it or Chromium is not installed.
    pub async fn start() -> Option<Driver> {
        let chromedriver =
            std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".into());
        if !std::path::Path::new(&chromedriver).exists()
            || !std::path::Path::new(&chromium()).exists()
        {
            return None;
        }
        let port = free_port();
        let process = Command::new(&chromedriver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .ok()?;
        let driver = Driver {
            process,
            base: format!("http://127.0.0.1:{port}"),
            client: Client::builder(TokioExecutor::new()).build_http(),
            _profile: tempfile::tempdir().ok()?,
        };
        // Poll until it answers; it usually takes a few tens of milliseconds.
        for _ in 0..200 {
            if let Ok(status) = driver.call("GET", "/status", None).await
                && status["value"]["ready"] == json!(true)
            {
                return Some(driver);
            }
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
        panic!("chromedriver did not become ready");
    }

    async fn call(&self, method: &str, path: &str, body: Option<Value>) -> Result<Value, String> {
        let body = body.map(|b| b.to_string()).unwrap_or_default();
        let request = hyper::Request::builder()
            .method(method)
            .uri(format!("{}{path}", self.base))
            .header("content-type", "application/json")
            .body(Full::new(Bytes::from(body)))
            .map_err(|e| e.to_string())?;
        let response = self
            .client
            .request(request)
            .await
            .map_err(|e| e.to_string())?;
        let status = response.status();
        let bytes = response
            .into_body()
            .collect()
            .await
            .map_err(|e| e.to_string())?
            .to_bytes();
        let value: Value = serde_json::from_slice(&bytes).map_err(|e| e.to_string())?;
        if !status.is_success() {
            return Err(format!("{method} {path}: {status}: {value}"));
        }
        Ok(value)
    }

    pub async fn session(&self) -> Session<'_> {
        self.session_with(json!({})).await
    }

    /// A browser with JavaScript switched off, as Tor Browser at its
    /// "Safest" level: only WebDriver's own commands work on its pages.
    pub async fn session_without_javascript(&self) -> Session<'_> {
        self.session_with(json!({ "profile.managed_default_content_settings.javascript": 2 }))
            .await
    }

    /// A browser that saves downloads into `dir` without asking, as one
    /// set to save to the downloads folder does.
    pub async fn session_saving_to(&self, dir: &std::path::Path) -> Session<'_> {
        self.session_with(json!({
            "download.default_directory": dir.display().to_string(),
            "download.prompt_for_download": false
        }))
        .await
    }

    async fn session_with(&self, prefs: Value) -> Session<'_> {
        let profile = self._profile.path().display().to_string();
        let caps = json!({
            "capabilities": { "alwaysMatch": {
                "browserName": "chrome",
                "goog:chromeOptions": {
                    "binary": chromium(),
                    "args": [
                        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                        "--no-first-run", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync",
                        "--disable-dev-shm-usage",
                        format!("--user-data-dir={profile}"),
                        "--window-size=412,900"
                    ],
                    "prefs": prefs
                },
                "goog:loggingPrefs": { "performance": "ALL", "browser": "ALL" }
            }}
        });
        let created = self
            .call("POST", "/session", Some(caps))
            .await
            .expect("new session");
        let id = created["value"]["sessionId"]
            .as_str()
            .expect("session id")
            .to_string();
        Session { driver: self, id }
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.process.kill();
        let _ = self.process.wait();
    }
}

/// A JSON string's text, or empty.
fn text(value: &Value) -> String {
    value.as_str().unwrap_or_default().to_string()
}

fn chromium() -> String {
    std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into())
}

impl Session<'_> {
    async fn cmd(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let path = format!("/session/{}{path}", self.id);
        self.driver
            .call(method, &path, body)
            .await
            .unwrap_or_else(|e| panic!("webdriver: {e}"))["value"]
            .clone()
    }

    /// Makes the window `width` × `height` CSS pixels, as a phone's screen.
    pub async fn resize(&self, width: u32, height: u32) {
        self.cmd(
            "POST",
            "/window/rect",
            Some(json!({ "width": width, "height": height })),
        )
        .await;
    }

    pub async fn goto(&self, url: &str) {
        self.cmd("POST", "/url", Some(json!({ "url": url }))).await;
    }

    pub async fn url(&self) -> String {
        self.cmd("GET", "/url", None)
            .await
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    pub async fn title(&self) -> String {
        self.cmd("GET", "/title", None)
            .await
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    /// Runs a script in the page and returns its result.
    pub async fn eval(&self, script: &str) -> Value {
        self.cmd(
            "POST",
            "/execute/sync",
            Some(json!({ "script": script, "args": [] })),
        )
        .await
    }

    /// Waits (up to ten seconds) until the page's text contains `text`;
    /// a click that submits a form returns before the next page is there.
    pub async fn wait_for_text(&self, text: &str) -> String {
        let mut last = String::new();
        for _ in 0..200 {
            let body = self
                .eval("return document.body ? document.body.innerText : ''")
                .await;
            last = body.as_str().unwrap_or_default().to_string();
            if last.contains(text) {
                return last;
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        panic!("the page never showed {text:?}; it shows: {last}");
    }

    /// Waits (up to ten seconds) until the browser is at `url`.
    pub async fn wait_for_url(&self, url: &str) {
        for _ in 0..200 {
            if self.url().await == url {
                return;
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        panic!(
            "the browser never got to {url}; it is at {}",
            self.url().await
        );
    }

    /// Chooses a file in the file input at `selector`, as a person would.
    pub async fn choose_file(&self, selector: &str, path: &std::path::Path) {
        let id = self.element(selector).await;
        self.cmd(
            "POST",
            &format!("/element/{id}/value"),
            Some(json!({ "text": path.display().to_string() })),
        )
        .await;
    }

    async fn element(&self, selector: &str) -> String {
        self.try_element(selector)
            .await
            .unwrap_or_else(|| panic!("no element {selector}"))
    }

    /// The WebDriver id of the element at `selector`, if the page has one.
    async fn try_element(&self, selector: &str) -> Option<String> {
        let path = format!("/session/{}/element", self.id);
        let found = self
            .driver
            .call(
                "POST",
                &path,
                Some(json!({ "using": "css selector", "value": selector })),
            )
            .await
            .ok()?;
        found["value"]
            .as_object()
            .and_then(|o| o.values().next())
            .and_then(Value::as_str)
            .map(str::to_string)
    }

    /// Types `text` into the field at `selector`, as a person would (no
    /// script runs in the page).
    pub async fn type_css(&self, selector: &str, text: &str) {
        let id = self.element(selector).await;
        self.cmd(
            "POST",
            &format!("/element/{id}/value"),
            Some(json!({ "text": text })),
        )
        .await;
    }

    /// The rendered text of the element at `selector`, without a script.
    pub async fn text_css(&self, selector: &str) -> String {
        let id = self.element(selector).await;
        self.cmd("GET", &format!("/element/{id}/text"), None)
            .await
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    /// Waits (up to ten seconds) until the page's text contains `text`,
    /// reading it through WebDriver rather than a script. Between two pages
    /// there is briefly no body: that is waited out, not an error.
    pub async fn wait_for_text_natively(&self, text: &str) -> String {
        let mut last = String::new();
        for _ in 0..200 {
            if let Some(body) = self.try_text("body").await {
                last = body;
            }
            if last.contains(text) {
                return last;
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        panic!("the page never showed {text:?}; it shows: {last}");
    }

    /// The text of the element at `selector`, or `None` while there is none.
    async fn try_text(&self, selector: &str) -> Option<String> {
        let id = self.try_element(selector).await?;
        let path = format!("/session/{}/element/{id}/text", self.id);
        let text = self.driver.call("GET", &path, None).await.ok()?;
        text["value"].as_str().map(str::to_string)
    }

    pub async fn click_css(&self, selector: &str) {
        let id = self.element(selector).await;
        self.cmd("POST", &format!("/element/{id}/click"), Some(json!({})))
            .await;
    }

    /// Every request the browser made since the last call, as (URL, URL of
    /// the document that made it), from chromedriver's performance log of
    /// DevTools network events.
    pub async fn requests(&self) -> Vec<(String, String)> {
        self.sent()
            .await
            .into_iter()
            .map(|params| {
                (
                    text(&params["request"]["url"]),
                    text(&params["documentURL"]),
                )
            })
            .collect()
    }

    /// Every request the browser made since the last call, as (URL, the
    /// body it sent): what left the browser.
    pub async fn requests_with_bodies(&self) -> Vec<(String, String)> {
        self.sent()
            .await
            .into_iter()
            .map(|params| {
                (
                    text(&params["request"]["url"]),
                    text(&params["request"]["postData"]),
                )
            })
            .collect()
    }

    /// The parameters of every `Network.requestWillBeSent` in chromedriver's
    /// performance log since the last read (reading empties it).
    async fn sent(&self) -> Vec<Value> {
        let entries = self
            .cmd("POST", "/se/log", Some(json!({ "type": "performance" })))
            .await;
        entries
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|e| e["message"].as_str())
            .filter_map(|m| serde_json::from_str::<Value>(m).ok())
            .filter(|m| m["message"]["method"] == "Network.requestWillBeSent")
            .map(|m| m["message"]["params"].clone())
            .collect()
    }

    /// The current page printed to PDF, as the browser's "Save as PDF" does.
    pub async fn print_pdf(&self) -> Vec<u8> {
        use base64::Engine;
        let printed = self.cmd("POST", "/print", Some(json!({}))).await;
        base64::engine::general_purpose::STANDARD
            .decode(printed.as_str().unwrap_or_default())
            .expect("the PDF is base64")
    }

    /// Saves a screenshot as `NAME.png` into `$SVOBODA_TEST_SCREENSHOTS`, when
    /// that names a folder: for a person to look at what a test saw.
    pub async fn screenshot(&self, name: &str) {
        use base64::Engine;
        let Some(dir) = std::env::var_os("SVOBODA_TEST_SCREENSHOTS") else {
            return;
        };
        let shot = self.cmd("GET", "/screenshot", None).await;
        let png = base64::engine::general_purpose::STANDARD
            .decode(shot.as_str().unwrap_or_default())
            .expect("the screenshot is base64");
        std::fs::write(std::path::Path::new(&dir).join(format!("{name}.png")), png)
            .expect("write the screenshot");
    }

    /// Gives the browser a virtual authenticator (WebDriver's WebAuthn
    /// extension): a platform authenticator that holds passkeys and
    /// verifies its user, as a phone or laptop with a fingerprint does.
    pub async fn add_virtual_authenticator(&self) {
        self.cmd(
            "POST",
            "/webauthn/authenticator",
            Some(json!({
                "protocol": "ctap2", "transport": "internal",
                "hasResidentKey": true, "hasUserVerification": true,
                "isUserVerified": true
            })),
        )
        .await;
    }

    /// Cuts the browser off the network, as a laptop with none.
    pub async fn go_offline(&self) {
        self.cmd(
            "POST",
            "/chromium/network_conditions",
            Some(json!({ "network_conditions": {
                "offline": true, "latency": 0,
                "download_throughput": 0, "upload_throughput": 0
            }})),
        )
        .await;
    }

    /// Console and CSP messages since the last call.
    pub async fn browser_log(&self) -> Vec<String> {
        let entries = self
            .cmd("POST", "/se/log", Some(json!({ "type": "browser" })))
            .await;
        entries
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|e| e["message"].as_str().map(str::to_string))
            .collect()
    }

    /// Commands go into the page's `index`th frame from now on.
    pub async fn enter_frame(&self, index: u32) {
        self.cmd("POST", "/frame", Some(json!({ "id": index })))
            .await;
    }

    /// Commands go to the top page again.
    pub async fn leave_frames(&self) {
        self.cmd("POST", "/frame", Some(json!({ "id": null })))
            .await;
    }

    pub async fn close(self) {
        self.cmd("DELETE", "", None).await;
    }
}
