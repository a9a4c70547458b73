//! The `svoboda` binary as a server, and a real SMTP server beside it, for
//! tests of what only a whole process shows: logs, crashes, mail on the wire.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use axum::body::Bytes;
use http_body_util::{BodyExt, Full};
use hyper_util::client::legacy::Client;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::TokioExecutor;

/// A config for a served instance: no minimum form time, no practical rate
/// limit (every request comes from loopback), and `extra` lines.
pub fn write_config(dir: &Path, extra: &str) -> PathBuf {
    let path = dir.join("svoboda.toml");
    std::fs::write(
        &path,
        format!(
            "min_form_seconds = 0\nsign_per_minute = 1000000\nsign_burst = 1000000\nrefresh_interval_ms = 100\n\
             public_url = \"http://svoboda.test\"\n{extra}\n"
        ),
    )
    .expect("config");
    path
}

pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

/// A data folder for commands that would otherwise use the user's own
/// (`~/.local/share/svoboda`): one per test process.
pub fn scratch_data_home() -> &'static Path {
    static HOME: std::sync::OnceLock<tempfile::TempDir> = std::sync::OnceLock::new();
    HOME.get_or_init(|| tempfile::tempdir().expect("temp dir"))
        .path()
}

/// `svoboda` as a command, with no secret or data folder of the machine's.
pub fn command() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_svoboda"));
    command
        .env_remove("SVOBODA_SECRET")
        .env_remove("SVOBODA_CONFIG")
        .env("XDG_DATA_HOME", scratch_data_home());
    command
}

/// Runs `svoboda` with `args`, the database and the config file given.
pub fn svoboda(db: &str, config: &Path, args: &[&str]) -> std::process::Output {
    command()
        .arg("--config")
        .arg(config)
        .args(args)
        .env("DATABASE_URL", db)
        .output()
        .expect("run svoboda")
}

/// `svoboda serve` in `dir` on `port`, its data under `dir`.
pub fn serve_command(db: &str, config: &Path, dir: &Path, port: u16, extra: &[&str]) -> Command {
    let mut command = command();
    command
        .current_dir(dir)
        .env("XDG_DATA_HOME", dir)
        .arg("--config")
        .arg(config)
        .args(["serve", "--addr", &format!("127.0.0.1:{port}")])
        .args(extra);
    if db.is_empty() {
        command.env_remove("DATABASE_URL");
    } else {
        command.env("DATABASE_URL", db);
    }
    command
}

pub struct Server {
    child: Child,
    pub base: String,
    pub log: PathBuf,
    client: Client<HttpConnector, Full<Bytes>>,
}

pub struct Reply {
    pub status: u16,
    pub body: String,
    /// Where a redirect leads.
    pub location: Option<String>,
}

impl Server {
    /// Starts `svoboda serve` in `dir` (its data folder, with the secret and
    /// mail, is `dir/svoboda`) and waits until it answers.
    pub async fn start(db: &str, config: &Path, dir: &Path, log_name: &str) -> Server {
        Server::start_with(db, config, dir, log_name, &[]).await
    }

    /// Like [`Server::start`], with more arguments for `serve`.
    pub async fn start_with(
        db: &str,
        config: &Path,
        dir: &Path,
        log_name: &str,
        extra: &[&str],
    ) -> Server {
        let port = free_port();
        let log = dir.join(log_name);
        let child = serve_command(db, config, dir, port, extra)
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(&log).expect("log file"))
            .spawn()
            .expect("start svoboda");
        let server = Server {
            child,
            base: format!("http://127.0.0.1:{port}"),
            log,
            client: Client::builder(TokioExecutor::new()).build_http(),
        };
        for _ in 0..400 {
            if server
                .get("/healthz")
                .await
                .is_some_and(|r| r.status == 200)
            {
                return server;
            }
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
        panic!(
            "svoboda did not start: {}",
            std::fs::read_to_string(&server.log).unwrap_or_default()
        );
    }

    async fn request(&self, method: &str, path: &str, body: String) -> Option<Reply> {
        let form = [("content-type", "application/x-www-form-urlencoded")];
        self.request_with(method, path, &form, body).await
    }

    async fn request_with(
        &self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: String,
    ) -> Option<Reply> {
        let mut request = hyper::Request::builder()
            .method(method)
            .uri(format!("{}{path}", self.base));
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        let request = request.body(Full::new(Bytes::from(body))).ok()?;
        let response = self.client.request(request).await.ok()?;
        let status = response.status().as_u16();
        let location = response
            .headers()
            .get("location")
            .and_then(|v| v.to_str().ok())
            .map(str::to_string);
        let bytes = response.into_body().collect().await.ok()?.to_bytes();
        Some(Reply {
            status,
            body: String::from_utf8_lossy(&bytes).into_owned(),
            location,
        })
    }

    pub async fn get(&self, path: &str) -> Option<Reply> {
        self.request("GET", path, String::new()).await
    }

    /// GET with request headers (Accept-Language…).
    pub async fn get_with(&self, path: &str, headers: &[(&str, &str)]) -> Option<Reply> {
        self.request_with("GET", path, headers, String::new()).await
    }

    /// POST of a JSON document (the API).
    pub async fn post_json(&self, path: &str, json: String) -> Option<Reply> {
        let headers = [("content-type", "application/json")];
        self.request_with("POST", path, &headers, json).await
    }

    /// `None` when the server did not answer (it was killed).
    pub async fn post_form(&self, path: &str, fields: &[(&str, &str)]) -> Option<Reply> {
        self.request("POST", path, super::form_body(fields)).await
    }

    /// SIGKILL: no chance to flush or finish anything.
    pub fn kill9(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// SIGTERM and wait for the graceful stop.
    pub fn stop(&mut self) {
        let _ = Command::new("kill")
            .arg("-TERM")
            .arg(self.child.id().to_string())
            .status();
        let _ = self.child.wait();
    }

    pub fn log_text(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.kill9();
    }
}

/// aiosmtpd, a real SMTP server from PyPI, delivering into a Maildir.
pub struct SmtpServer {
    child: Child,
    pub port: u16,
    pub maildir: tempfile::TempDir,
}

impl SmtpServer {
    pub async fn start() -> Option<SmtpServer> {
        let python = std::env::var("SVOBODA_TEST_PYTHON").ok()?;
        let maildir = tempfile::tempdir().ok()?;
        for sub in ["tmp", "new", "cur"] {
            std::fs::create_dir(maildir.path().join(sub)).ok()?;
        }
        let port = free_port();
        let child = Command::new(python)
            .args([
                "-m",
                "aiosmtpd",
                "-n",
                "-l",
                &format!("127.0.0.1:{port}"),
                "-c",
                "aiosmtpd.handlers.Mailbox",
            ])
            .arg(maildir.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .ok()?;
        for _ in 0..400 {
            if tokio::net::TcpStream::connect(("127.0.0.1", port))
                .await
                .is_ok()
            {
                return Some(SmtpServer {
                    child,
                    port,
                    maildir,
                });
            }
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
        None
    }

    /// Waits until `n` messages have arrived.
    pub async fn wait_for(&self, n: usize) -> Vec<super::Mail> {
        for _ in 0..600 {
            let mails = super::read_mails(self.maildir.path());
            if mails.len() >= n {
                return mails;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!(
            "expected {n} messages, got {}",
            super::read_mails(self.maildir.path()).len()
        );
    }
}

impl Drop for SmtpServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
