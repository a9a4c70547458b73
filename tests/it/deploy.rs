//! What `deploy/` ships: the systemd unit, the example configuration, the
//! Debian package, and nginx in front of Svoboda (a real nginx, with TLS),
//! through which pages, signing and the client-address rule must work.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::support::server::{Server, command, free_port, write_config};
use crate::support::unavailable;

fn deploy(file: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("deploy")
        .join(file)
}

fn read(file: &str) -> String {
    std::fs::read_to_string(deploy(file)).expect("a deploy file")
}

#[test]
fn the_systemd_unit_is_hardened_and_gets_the_secret_as_a_credential() {
    let unit = read("svoboda.service");
    let lines: Vec<&str> = unit.lines().map(str::trim).collect();
    for wanted in [
        "User=svoboda",
        "NoNewPrivileges=yes",
        "ProtectSystem=strict",
        "ProtectHome=yes",
        "PrivateTmp=yes",
        "StateDirectory=svoboda",
        "StateDirectoryMode=0700",
        "CapabilityBoundingSet=",
        "LoadCredential=svoboda.secret:/etc/svoboda/svoboda.secret",
        "Environment=SVOBODA_SECRET_FILE=%d/svoboda.secret",
        "ExecStart=/usr/bin/svoboda --config /etc/svoboda/svoboda.toml serve",
    ] {
        assert!(lines.contains(&wanted), "{wanted} in the unit");
    }
}

#[test]
fn the_example_configuration_is_valid_and_trusts_only_the_local_proxy() {
    let text = read("svoboda.toml");
    let file: svoboda::config::FileConfig = toml::from_str(&text).expect("a valid configuration");
    assert_eq!(file.client_ip_header.as_deref(), Some("X-Real-IP"));
    let proxies: Vec<String> = file
        .trusted_proxies
        .unwrap_or_default()
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(proxies, ["127.0.0.1/32", "::1/128"]);
    assert_eq!(
        file.addr.map(|a| a.ip().is_loopback()),
        Some(true),
        "only the proxy reaches it"
    );
}

#[test]
fn secret_generate_writes_a_private_file_and_never_overwrites_one() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("svoboda.secret");
    let out = command()
        .args(["secret", "generate"])
        .arg(&path)
        .output()
        .expect("run");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path)
            .expect("written")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    let first = std::fs::read_to_string(&path).expect("the secret");
    let again = command()
        .args(["secret", "generate"])
        .arg(&path)
        .output()
        .expect("run");
    assert!(!again.status.success(), "never overwrites a secret");
    assert_eq!(std::fs::read_to_string(&path).expect("the secret"), first);
}

fn tool(name: &str) -> bool {
    Command::new(name)
        .arg("-h")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok()
        || Command::new(name)
            .arg("-v")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok()
}

/// nginx with `deploy/nginx.conf` (its ports, certificate and upstream
/// swapped for the test's), stopped when dropped.
struct Nginx {
    child: std::process::Child,
    https: u16,
    http: u16,
}

impl Drop for Nginx {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Nginx {
    fn start(dir: &Path, upstream: &str) -> Nginx {
        let (https, http) = (free_port(), free_port());
        let (cert, key) = (dir.join("cert.pem"), dir.join("key.pem"));
        let made = Command::new("openssl")
            .args([
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-days",
                "1",
                "-subj",
                "/CN=svoboda.example.org",
                "-keyout",
            ])
            .arg(&key)
            .arg("-out")
            .arg(&cert)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .expect("openssl");
        assert!(made.success(), "a self-signed certificate");
        let site = read("nginx.conf")
            .replace("listen [::]:80;", "")
            .replace("listen [::]:443 ssl http2;", "")
            .replace("listen 80;", &format!("listen 127.0.0.1:{http};"))
            .replace(
                "listen 443 ssl http2;",
                &format!("listen 127.0.0.1:{https} ssl http2;"),
            )
            .replace(
                "/etc/letsencrypt/live/svoboda.example.org/fullchain.pem",
                &cert.display().to_string(),
            )
            .replace(
                "/etc/letsencrypt/live/svoboda.example.org/privkey.pem",
                &key.display().to_string(),
            )
            .replace("http://127.0.0.1:8080", upstream);
        std::fs::write(dir.join("site.conf"), site).expect("site");
        let d = dir.display();
        std::fs::write(
            dir.join("nginx.conf"),
            format!(
                "user root; worker_processes 1; daemon off; pid {d}/nginx.pid; error_log {d}/error.log;\n\
                 events {{ worker_connections 64; }}\n\
                 http {{ client_body_temp_path {d}/body; proxy_temp_path {d}/proxy; fastcgi_temp_path {d}/fcgi; \
                 uwsgi_temp_path {d}/uwsgi; scgi_temp_path {d}/scgi; include {d}/site.conf; }}\n"
            ),
        )
        .expect("nginx.conf");
        let child = Command::new("nginx")
            .arg("-p")
            .arg(dir)
            .arg("-c")
            .arg(dir.join("nginx.conf"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start nginx");
        Nginx { child, https, http }
    }

    /// `curl` through the proxy over TLS: (status, body).
    fn curl(&self, path: &str, args: &[&str]) -> (u16, String) {
        curl("https", self.https, path, args)
    }

    /// The same over plain http, on the port that only redirects.
    fn curl_http(&self, path: &str) -> (u16, String) {
        curl("http", self.http, path, &[])
    }
}

/// `curl` to svoboda.example.org (resolved to loopback) on `port`; a
/// self-signed certificate is accepted. Returns (status, body).
fn curl(scheme: &str, port: u16, path: &str, args: &[&str]) -> (u16, String) {
    let out = Command::new("curl")
        .args([
            "-sk",
            "--max-time",
            "10",
            "-w",
            "\n%{http_code}",
            "--resolve",
        ])
        .arg(format!("svoboda.example.org:{port}:127.0.0.1"))
        .args(args)
        .arg(format!("{scheme}://svoboda.example.org:{port}{path}"))
        .output()
        .expect("curl");
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let (body, status) = text.rsplit_once('\n').unwrap_or(("", "0"));
    (status.trim().parse().unwrap_or(0), body.to_string())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn behind_the_shipped_nginx_pages_signing_and_the_client_address_rule_work() {
    if !(tool("nginx") && tool("openssl") && tool("curl")) {
        unavailable("nginx, openssl and curl");
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    // The shipped proxy settings, a rate limit of one signature a minute.
    let deploy_config = read("svoboda.toml");
    let proxy_lines: String = deploy_config
        .lines()
        .filter(|l| l.starts_with("client_ip_header") || l.starts_with("trusted_proxies"))
        .map(|l| format!("{l}\n"))
        .collect();
    let config = write_config(dir.path(), "");
    let text = std::fs::read_to_string(&config)
        .expect("config")
        .replace("sign_per_minute = 1000000", "sign_per_minute = 1")
        .replace("sign_burst = 1000000", "sign_burst = 1");
    std::fs::write(&config, format!("{text}{proxy_lines}")).expect("config");
    // The secret as the unit hands it over: a file outside the data folder,
    // named by --secret-file (SVOBODA_SECRET_FILE under systemd).
    let secret = dir.path().join("credentials-svoboda.secret");
    let made = command()
        .args(["secret", "generate"])
        .arg(&secret)
        .output()
        .expect("run");
    assert!(made.status.success());
    let secret_arg = secret.display().to_string();
    let server = Server::start_with(
        "",
        &config,
        dir.path(),
        "svoboda.log",
        &["--demo", "--secret-file", &secret_arg],
    )
    .await;
    let nginx_dir = tempfile::tempdir().expect("temp dir");
    let nginx = Nginx::start(nginx_dir.path(), &server.base);
    let mut page = (0, String::new());
    for _ in 0..100 {
        page = nginx.curl("/en/boris-romanov", &[]);
        if page.0 == 200 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert_eq!(
        page.0,
        200,
        "{}",
        std::fs::read_to_string(nginx_dir.path().join("error.log")).unwrap_or_default()
    );
    assert!(page.1.contains("Free Boris Romanov!"));
    let (status, _) = nginx.curl_http("/en/");
    assert_eq!(status, 301, "plain http goes to https");

    // Signing through the proxy; a visitor's own X-Real-IP is replaced by
    // nginx, so a second signature from the same client is refused
    // whatever address it claims.
    let sign = |email: &str, claimed: &str| {
        nginx.curl(
            "/en/boris-romanov/petition/end-the-case",
            &[
                "-H",
                &format!("X-Real-IP: {claimed}"),
                "--data-urlencode",
                "name=Vera",
                "--data-urlencode",
                &format!("email={email}"),
                "--data-urlencode",
                "consent=on",
            ],
        )
    };
    assert_eq!(
        sign("vera@example.org", "203.0.113.1").0,
        303,
        "signed through the proxy"
    );
    assert_eq!(
        sign("nina@example.org", "203.0.113.2").0,
        429,
        "a claimed address does not escape the limit"
    );
    // From the trusted proxy itself the header is believed: another client.
    let direct = Command::new("curl")
        .args([
            "-s",
            "-o",
            "/dev/null",
            "-w",
            "%{http_code}",
            "-H",
            "X-Real-IP: 198.51.100.7",
        ])
        .args([
            "--data-urlencode",
            "name=Pavel",
            "--data-urlencode",
            "email=pavel@example.org",
            "--data-urlencode",
            "consent=on",
        ])
        .arg(format!(
            "{}/en/boris-romanov/petition/end-the-case",
            server.base
        ))
        .output()
        .expect("curl");
    assert_eq!(
        String::from_utf8_lossy(&direct.stdout),
        "303",
        "the proxy's header names the client"
    );
}

/// `cmd` as root: directly when the tests run as root, else by `sudo -n`.
fn as_root(program: &str) -> Command {
    // SAFETY: getuid has no preconditions and cannot fail.
    if unsafe { libc::getuid() } == 0 {
        Command::new(program)
    } else {
        let mut sudo = Command::new("sudo");
        sudo.args(["-n", program]);
        sudo
    }
}

/// `cargo deb` packages the binary the tests built (the dev profile: one
/// build per run); the package installs with `dpkg -i`, makes the service's
/// user and the instance secret, runs, and purges cleanly.
#[test]
fn the_debian_package_installs_and_runs() {
    let Ok(cargo_deb) = std::env::var("SVOBODA_CARGO_DEB") else {
        unavailable("cargo-deb (SVOBODA_CARGO_DEB)");
        return;
    };
    if !tool("dpkg") || !as_root("true").status().is_ok_and(|s| s.success()) {
        unavailable("dpkg, as root");
        return;
    }
    let dir = tempfile::tempdir().expect("dir");
    let deb = dir.path().join("svoboda.deb");
    let built = Command::new(&cargo_deb)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["--no-build", "--profile", "dev", "--strip", "--output"])
        .arg(&deb)
        .output()
        .expect("cargo deb");
    assert!(
        built.status.success(),
        "{}",
        String::from_utf8_lossy(&built.stderr)
    );
    let listing = Command::new("dpkg-deb")
        .arg("--contents")
        .arg(&deb)
        .output()
        .expect("dpkg-deb");
    let listing = String::from_utf8_lossy(&listing.stdout);
    for path in [
        "./usr/bin/svoboda",
        "./usr/lib/systemd/system/svoboda.service",
        "./etc/svoboda/svoboda.toml",
        "./usr/share/doc/svoboda/examples/nginx.conf",
    ] {
        assert!(listing.contains(path), "{path} in the package:\n{listing}");
    }

    let installed = as_root("dpkg")
        .arg("-i")
        .arg(&deb)
        .output()
        .expect("dpkg -i");
    let removed = |what: &str| {
        let purge = as_root("dpkg")
            .args(["--purge", "svoboda"])
            .output()
            .expect("dpkg --purge");
        assert!(
            purge.status.success(),
            "{what}: {}",
            String::from_utf8_lossy(&purge.stderr)
        );
    };
    if !installed.status.success() {
        removed("after a failed install");
        panic!("dpkg -i: {}", String::from_utf8_lossy(&installed.stderr));
    }
    let help = Command::new("/usr/bin/svoboda")
        .arg("--help")
        .output()
        .expect("run the installed svoboda");
    let secret = std::fs::metadata("/etc/svoboda/svoboda.secret");
    let user = Command::new("getent")
        .args(["passwd", "svoboda"])
        .output()
        .expect("getent");
    removed("after installing");
    assert!(
        help.status.success(),
        "{}",
        String::from_utf8_lossy(&help.stderr)
    );
    assert!(String::from_utf8_lossy(&help.stdout).contains("Usage: svoboda"));
    let secret = secret.expect("postinst made the instance secret");
    assert_eq!(
        std::os::unix::fs::PermissionsExt::mode(&secret.permissions()) & 0o777,
        0o600
    );
    assert!(user.status.success(), "postinst made the service's user");
    assert!(!Path::new("/usr/bin/svoboda").exists(), "purged");
    assert!(
        !Path::new("/etc/svoboda/svoboda.secret").exists(),
        "purge removes the secret"
    );
}
