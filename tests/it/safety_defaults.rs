//! The defaults an operator gets by following the README: the instance
//! secret, where data lands, how mail leaves, file permissions, the demo key,
//! and the panic button. The real binary, as a new operator would run it.

use std::path::Path;
use std::process::{Output, Stdio};
use std::time::{Duration, Instant};

use crate::support::server::{Server, command, free_port, serve_command, write_config as config};
use crate::support::{Backend, Database, TestApp, fixture, fixture_dir_with_photo, read_mails};
use svoboda::petition::secret::InstanceSecret;

const FREE_ANNA: &str = "/en/anna-example/petition/free-anna";

/// Runs a command that must exit by itself (a refused `serve`).
fn run_to_exit(mut command: std::process::Command) -> Output {
    let mut child = command
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start");
    let deadline = Instant::now() + Duration::from_secs(30);
    while Instant::now() < deadline {
        if child.try_wait().expect("wait").is_some() {
            return child.wait_with_output().expect("output");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let _ = child.kill();
    let out = child.wait_with_output().expect("output");
    panic!(
        "the command kept running instead of refusing: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .permissions()
        .mode()
        & 0o777
}

#[cfg(unix)]
fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).expect("chmod");
}

/// Asserts a refusal: exit status, one line, and `why` in it.
fn assert_refused(out: &Output, why: &str) {
    let err = text(&out.stderr);
    assert!(!out.status.success(), "accepted: {err}");
    let line = err
        .lines()
        .find(|l| l.starts_with("error: "))
        .unwrap_or_else(|| panic!("no error line in {err}"));
    assert!(line.contains(why), "{why:?} not in {line}");
    assert!(!err.contains("panicked"), "{err}");
}

#[cfg(unix)]
#[test]
fn serve_refuses_a_secret_that_others_can_read_git_tracks_or_was_published() {
    let dir = tempfile::tempdir().expect("dir");
    let secret = dir.path().join("svoboda.secret");
    let cfg = config(
        dir.path(),
        &format!("secret_file = \"{}\"", secret.display()),
    );
    let db = format!("sqlite://{}", dir.path().join("s.db").display());
    let serve = || serve_command(&db, &cfg, dir.path(), free_port(), &[]);

    std::fs::write(&secret, format!("{}\n", InstanceSecret::generate_hex())).expect("secret");
    set_mode(&secret, 0o644);
    assert_refused(&run_to_exit(serve()), "read by group or others");

    set_mode(&secret, 0o600);
    let git = |args: &[&str]| {
        let ok = std::process::Command::new("git")
            .current_dir(dir.path())
            .args(args)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .expect("git");
        assert!(ok.success(), "git {args:?}");
    };
    git(&["init", "-q"]);
    git(&["add", "svoboda.secret"]);
    assert_refused(&run_to_exit(serve()), "tracked by git");
    git(&["rm", "-q", "--cached", "svoboda.secret"]);

    std::fs::copy(fixture("published.secret"), &secret).expect("copy");
    set_mode(&secret, 0o600);
    assert_refused(&run_to_exit(serve()), "was published");

    let published = std::fs::read_to_string(fixture("published.secret")).expect("fixture");
    let mut from_env = serve();
    from_env.env("SVOBODA_SECRET", published.trim());
    assert_refused(&run_to_exit(from_env), "was published");
}

#[test]
fn the_repository_holds_no_instance_secret() {
    let listed = std::process::Command::new("git")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["ls-files", "*.secret", "**/*.secret"])
        .output();
    let Some(listed) = listed.ok().filter(|o| o.status.success()) else {
        crate::support::unavailable("git and the repository");
        return;
    };
    let files: Vec<String> = text(&listed.stdout).lines().map(str::to_string).collect();
    assert_eq!(
        files,
        vec!["tests/fixtures/published.secret".to_string()],
        "only the fixture of a published value"
    );
}

/// Imports the fixture campaign into the data folder under `home`.
fn import_fixture(home: &Path, cfg: &Path, db: Option<&str>) {
    let source = fixture_dir_with_photo();
    let mut import = command();
    import
        .env("XDG_DATA_HOME", home)
        .env_remove("DATABASE_URL")
        .arg("--config")
        .arg(cfg)
        .args(["campaign", "import"])
        .arg(source.path().join("campaign.toml"));
    if let Some(db) = db {
        import.env("DATABASE_URL", db);
    }
    let out = import.output().expect("import");
    assert!(out.status.success(), "{}", text(&out.stderr));
}

#[cfg(unix)]
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn by_default_data_is_private_outside_the_working_folder_and_mail_is_held() {
    let dir = tempfile::tempdir().expect("dir");
    let cfg = config(dir.path(), "");
    import_fixture(dir.path(), &cfg, None);
    let server = Server::start(&no_database_url(), &cfg, dir.path(), "server.log").await;
    let r = server
        .post_form(
            FREE_ANNA,
            &[
                ("name", "Held"),
                ("email", "held@example.org"),
                ("consent", "on"),
            ],
        )
        .await
        .expect("answer");
    assert_eq!(r.status, 303);
    let health = server.get("/healthz").await.expect("answer");
    assert!(health.body.contains("mail is held"), "{}", health.body);

    let data = dir.path().join("svoboda");
    assert_eq!(mode(&data), 0o700);
    for file in ["svoboda.db", "svoboda.secret"] {
        assert_eq!(mode(&data.join(file)), 0o600, "{file}");
    }
    assert!(
        !dir.path().join("svoboda.db").exists(),
        "nothing in the working folder"
    );
    assert!(
        !data.join("mail").exists() && !dir.path().join("mail").exists(),
        "no mail files"
    );
    let store = svoboda::store::connect(
        &format!("sqlite://{}", data.join("svoboda.db").display()),
        svoboda::store::OpenMode::MustExist,
    )
    .await
    .expect("open");
    assert_eq!(
        store.outbox_len().await.expect("outbox"),
        1,
        "the mail waits"
    );
    store.close().await;
    let log = server.log_text();
    assert_eq!(
        log.lines().filter(|l| l.contains("mail is held")).count(),
        1,
        "said once, in one line: {log}"
    );
    assert!(
        !log.contains("/confirm/") && !log.contains("/withdraw/"),
        "no links in the log: {log}"
    );
    assert!(!log.contains('\u{1b}'), "no colour codes in a log file");
    assert!(
        log.contains("set client_ip_header and trusted_proxies"),
        "warned that all visitors share one limit: {log}"
    );
}

/// The marker for "no DATABASE_URL": the default database is used.
fn no_database_url() -> String {
    String::new()
}

#[cfg(unix)]
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_demo_keeps_its_own_data_folder_and_writes_private_mail_files() {
    let dir = tempfile::tempdir().expect("dir");
    let cfg = config(dir.path(), "");
    let server = Server::start_with(
        &no_database_url(),
        &cfg,
        dir.path(),
        "demo.log",
        &["--demo"],
    )
    .await;
    let r = server
        .post_form(
            "/en/boris-romanov/petition/end-the-case",
            &[
                ("name", "Demo"),
                ("email", "demo.signer@example.org"),
                ("consent", "on"),
            ],
        )
        .await
        .expect("answer");
    assert_eq!(r.status, 303);
    let mail_dir = dir.path().join("svoboda-demo/mail");
    let mut files = Vec::new();
    for _ in 0..200 {
        files = std::fs::read_dir(&mail_dir)
            .map(|d| d.flatten().map(|e| e.path()).collect())
            .unwrap_or_default();
        if !files.is_empty() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(files.len(), 1, "one message file in the demo's own folder");
    assert_eq!(mode(&files[0]), 0o600);
    assert_eq!(mode(&mail_dir), 0o700);
    assert!(
        !dir.path().join("svoboda").exists(),
        "the demo does not touch a real instance's folder"
    );
    // The transport logs the links just after writing the file.
    let mut logged = false;
    for _ in 0..200 {
        logged = server.log_text().contains("/confirm/");
        if logged {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert!(logged, "the demo logs links, to try the flow by hand");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_published_demo_key_is_refused_outside_the_demo() {
    let dir = tempfile::tempdir().expect("dir");
    let cfg = config(dir.path(), "");
    let file = dir.path().join("campaign.toml");
    std::fs::write(&file, svoboda::demo::DEMO_FILE).expect("write");
    let db = format!("sqlite://{}", dir.path().join("s.db").display());
    let out = command()
        .env("DATABASE_URL", &db)
        .arg("--config")
        .arg(&cfg)
        .args(["campaign", "import"])
        .arg(&file)
        .output()
        .expect("import");
    assert_refused(&out, "demo's published key");

    let mut demo = Server::start_with(&db, &cfg, dir.path(), "demo.log", &["--demo"]).await;
    demo.stop();
    let out = run_to_exit(serve_command(&db, &cfg, dir.path(), free_port(), &[]));
    assert_refused(&out, "published demo key");
}

#[cfg(unix)]
#[test]
fn backups_and_exports_are_created_for_their_owner_only() {
    let dir = tempfile::tempdir().expect("dir");
    let db = format!("sqlite://{}", dir.path().join("live.db").display());
    let cfg = config(dir.path(), "");
    import_fixture(dir.path(), &cfg, Some(&db));
    assert_eq!(mode(&dir.path().join("live.db")), 0o600);
    let backup = dir.path().join("backup.db");
    let export = dir.path().join("export.tsv");
    let csv = dir.path().join("signatures.csv");
    for args in [
        vec!["backup".to_string(), backup.display().to_string()],
        vec![
            "signatures".into(),
            "export".into(),
            "anna-example/free-anna".into(),
            "--out".into(),
            export.display().to_string(),
        ],
        vec![
            "signatures".into(),
            "decrypt".into(),
            "--identity".into(),
            fixture("full/organiser-key.txt").display().to_string(),
            export.display().to_string(),
            "--out".into(),
            csv.display().to_string(),
        ],
    ] {
        let out = command()
            .env("DATABASE_URL", &db)
            .args(&args)
            .output()
            .expect("run");
        assert!(out.status.success(), "{args:?}: {}", text(&out.stderr));
    }
    for file in [&backup, &export, &csv] {
        assert_eq!(mode(file), 0o600, "{}", file.display());
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn secret_destroy_leaves_a_seized_disk_unable_to_test_addresses() {
    let dir = tempfile::tempdir().expect("dir");
    let db = format!("sqlite://{}", dir.path().join("s.db").display());
    let cfg = config(dir.path(), "mail_transport = \"directory\"");
    import_fixture(dir.path(), &cfg, Some(&db));
    let mut server = Server::start(&db, &cfg, dir.path(), "before.log").await;
    for (name, email) in [("Nina", "nina@example.org"), ("Pavel", "pavel@example.org")] {
        let r = server
            .post_form(
                FREE_ANNA,
                &[("name", name), ("email", email), ("consent", "on")],
            )
            .await
            .expect("answer");
        assert_eq!(r.status, 303);
    }
    let mail_dir = dir.path().join("svoboda/mail");
    let mut mails = Vec::new();
    for _ in 0..200 {
        mails = read_mails(&mail_dir);
        if mails.len() >= 2 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(mails.len(), 2);
    let confirm = mails[0].link("/confirm/").expect("link");
    let confirm = confirm
        .strip_prefix("http://svoboda.test")
        .expect("public URL")
        .to_string();
    server.stop();
    let secret_file = dir.path().join("svoboda/svoboda.secret");
    let old_secret = std::fs::read_to_string(&secret_file).expect("secret");
    let hashes = raw_hashes(&db).await;
    assert_eq!(hashes.len(), 2);

    let out = command()
        .env("DATABASE_URL", &db)
        .env("XDG_DATA_HOME", dir.path())
        .arg("--config")
        .arg(&cfg)
        .args(["secret", "destroy"])
        .output()
        .expect("destroy");
    let said = text(&out.stdout);
    assert!(out.status.success(), "{}", text(&out.stderr));
    for part in [
        "cleared the keyed address hash of 2 signatures",
        "emptied the outbox",
        "overwrote and removed",
        "wrote a new secret",
        "signed out every workspace session",
        "sets up the app again",
        "links no longer work",
        "Restart",
    ] {
        assert!(said.contains(part), "{part:?} in {said}");
    }
    let new_secret = std::fs::read_to_string(&secret_file).expect("new secret");
    assert_ne!(new_secret, old_secret);
    assert!(raw_hashes(&db).await.is_empty());
    let bytes = crate::support::stored_bytes(&Database::at(&db)).await;
    for h in &hashes {
        assert!(
            !crate::support::stored_contains(&bytes, h),
            "no hash left in the files"
        );
    }

    let server = Server::start(&db, &cfg, dir.path(), "after.log").await;
    let r = server.post_form(&confirm, &[]).await.expect("answer");
    assert_eq!(r.status, 404, "old links are void");
    let again = server
        .post_form(
            FREE_ANNA,
            &[
                ("name", "Nina"),
                ("email", "nina@example.org"),
                ("consent", "on"),
            ],
        )
        .await
        .expect("answer");
    assert_eq!(again.status, 303);
    let pool = sqlx::SqlitePool::connect(&db).await.expect("open");
    let total: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM signatures")
        .fetch_one(&pool)
        .await
        .expect("count");
    pool.close().await;
    assert_eq!(total, 3, "a signer who signs again is counted again");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn serve_warns_when_the_database_lies_unignored_in_a_git_work_tree() {
    let dir = tempfile::tempdir().expect("dir");
    let repo = dir.path().join("checkout");
    std::fs::create_dir(&repo).expect("dir");
    let init = std::process::Command::new("git")
        .current_dir(&repo)
        .args(["init", "-q"])
        .status();
    if !init.is_ok_and(|s| s.success()) {
        crate::support::unavailable("git");
        return;
    }
    let db = format!("sqlite://{}", repo.join("svoboda.db").display());
    let cfg = config(dir.path(), "");
    let server = Server::start(&db, &cfg, dir.path(), "server.log").await;
    let log = server.log_text();
    assert!(log.contains("git work tree and is not ignored"), "{log}");
}

async fn raw_hashes(db: &str) -> Vec<Vec<u8>> {
    let pool = sqlx::SqlitePool::connect(db).await.expect("open");
    let hashes =
        sqlx::query_scalar("SELECT email_hash FROM signatures WHERE email_hash IS NOT NULL")
            .fetch_all(&pool)
            .await
            .expect("hashes");
    pool.close().await;
    hashes
}

/// The README's recipe opens an export with the stock `age` command, also
/// when retention has emptied some of its lines.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn stock_age_opens_an_export_by_the_readme_recipe() {
    if std::process::Command::new("age")
        .arg("--version")
        .output()
        .is_err()
    {
        crate::support::unavailable("the age command (Debian package age)");
        return;
    }
    let app = TestApp::with_fixtures(Backend::Sqlite)
        .await
        .expect("sqlite");
    for name in ["Alla", "Boris", "Vlad"] {
        let email = format!("{}@example.org", name.to_lowercase());
        let r = app
            .post_form(
                FREE_ANNA,
                &[("name", name), ("email", &email), ("consent", "on")],
                [198, 51, 100, 7],
            )
            .await;
        assert_eq!(r.status, axum::http::StatusCode::SEE_OTHER);
    }
    if let svoboda::store::Store::Sqlite(pool) = &app.store {
        // As retention leaves a line: its data deleted.
        sqlx::query(
            "UPDATE signatures SET sealed = NULL WHERE id = (SELECT MIN(id) FROM signatures)",
        )
        .execute(pool)
        .await
        .expect("purge one");
    }
    let dir = tempfile::tempdir().expect("dir");
    std::fs::copy(
        fixture("full/organiser-key.txt"),
        dir.path().join("organiser-key.txt"),
    )
    .expect("key");
    let out = command()
        .env("DATABASE_URL", &app.db.url)
        .args(["signatures", "export", "anna-example/free-anna", "--out"])
        .arg(dir.path().join("export.tsv"))
        .output()
        .expect("export");
    assert!(out.status.success(), "{}", text(&out.stderr));
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
        .expect("README");
    let recipe = readme
        .lines()
        .find(|l| l.contains("age -d -i organiser-key.txt"))
        .expect("the recipe in the README")
        .trim();
    let out = std::process::Command::new("bash")
        .current_dir(dir.path())
        .args(["-euo", "pipefail", "-c", recipe])
        .output()
        .expect("bash");
    assert!(
        out.status.success(),
        "the recipe failed: {}",
        text(&out.stderr)
    );
    let opened = text(&out.stdout);
    let names: Vec<&str> = ["Alla", "Boris", "Vlad"]
        .into_iter()
        .filter(|n| opened.contains(&format!("\"name\":\"{n}\"")))
        .collect();
    assert_eq!(names, vec!["Boris", "Vlad"], "{opened}");
}
