//! The `svoboda` binary as organisers use it: import, export, list, backup,
//! and clear one-line errors for what they may get wrong.

use std::path::Path;
use std::process::Output;

use crate::backend_test;
use crate::support::{Backend, Database, fixture, fixture_dir_with_photo};
use svoboda::campaign::file;

fn svoboda(db: &str, args: &[&str]) -> Output {
    crate::support::server::command()
        .args(args)
        .env("DATABASE_URL", db)
        .output()
        .expect("run svoboda")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn read_campaign(path: &Path) -> svoboda::campaign::Campaign {
    let text = std::fs::read_to_string(path).expect("exported file");
    file::parse(&text, "export", &|_| false).expect("the export is a valid campaign file")
}

backend_test! {
    /// Export, import elsewhere, export again: the same campaign, photo included.
    async fn export_then_import_gives_the_same_campaign(backend: Backend) {
        let Some(first) = Database::fresh(backend).await else { return };
        let Some(second) = Database::fresh(backend).await else { return };
        let source = fixture_dir_with_photo();
        let out = svoboda(&first.url, &["campaign", "import", &source.path().join("campaign.toml").display().to_string()]);
        assert!(out.status.success(), "{}", stderr(&out));
        assert_eq!(stdout(&out).trim(), "imported anna-example");

        let exported = tempfile::tempdir().expect("dir");
        let out = svoboda(&first.url, &["campaign", "export", "anna-example", "--out", &exported.path().display().to_string()]);
        assert!(out.status.success(), "{}", stderr(&out));
        let out = svoboda(&second.url, &["campaign", "import", &exported.path().join("campaign.toml").display().to_string()]);
        assert!(out.status.success(), "{}", stderr(&out));
        let again = tempfile::tempdir().expect("dir");
        let out = svoboda(&second.url, &["campaign", "export", "anna-example", "--out", &again.path().display().to_string()]);
        assert!(out.status.success(), "{}", stderr(&out));

        let a = read_campaign(&exported.path().join("campaign.toml"));
        let b = read_campaign(&again.path().join("campaign.toml"));
        assert_eq!(a, b);
        assert_eq!(a.organisations.len(), 3, "the registry entries travel with the campaign");
        let original = std::fs::read_to_string(source.path().join("campaign.toml")).expect("fixture");
        let mut original = file::parse(&original, "fixture", &|_| false).expect("fixture parses");
        original.person.photo = Some("photo.jpg".into());
        // The recorded keys come back as a list, the file's single key too.
        let keys: Vec<String> = original.organiser_keys().iter().map(|k| k.to_string()).collect();
        svoboda::campaign::keys::set_in_force(&mut original, &keys);
        original.organisations.sort_by(|x, y| x.id.cmp(&y.id));
        let mut a_sorted = a.clone();
        a_sorted.organisations.sort_by(|x, y| x.id.cmp(&y.id));
        assert_eq!(a_sorted, original, "nothing is lost or changed on the way");
        let photo_a = image::open(exported.path().join("photo.jpg")).expect("photo exported");
        let photo_b = image::open(again.path().join("photo.jpg")).expect("photo exported again");
        assert_eq!((photo_a.width(), photo_a.height()), (photo_b.width(), photo_b.height()));

        // Without --out the file goes to standard output.
        let out = svoboda(&second.url, &["campaign", "export", "anna-example"]);
        assert!(out.status.success());
        assert!(stdout(&out).contains("slug = \"anna-example\""));
        assert!(stderr(&out).contains("--out"), "says the photo was left out");
    }
}

backend_test! {
    async fn broken_files_name_file_line_and_field_and_change_nothing(backend: Backend) {
        let Some(db) = Database::fresh(backend).await else { return };
        let demo = crate::support::demo_file_with_own_key();
        let dir = tempfile::tempdir().expect("dir");
        let good = dir.path().join("good.toml");
        std::fs::write(&good, demo).expect("write");
        assert!(svoboda(&db.url, &["campaign", "import", &good.display().to_string()]).status.success());
        let before = stdout(&svoboda(&db.url, &["campaign", "list"]));

        let cases = [
            ("unknown-field.toml", ":7:", "birthday"),
            ("bad-link.toml", ":16:", "javascript:alert(1)"),
            ("unknown-organisation.toml", ":6:", "field 'person.summary'"),
            ("syntax.toml", ":4:", "unclosed table"),
            ("missing-photo.toml", "nowhere.jpg", "No such file"),
        ];
        for (name, place, what) in cases {
            let path = fixture(&format!("invalid/{name}"));
            let out = svoboda(&db.url, &["campaign", "import", &path.display().to_string()]);
            assert!(!out.status.success(), "{name} was accepted");
            let err = stderr(&out);
            assert!(err.starts_with("error: "), "{name}: {err}");
            assert!(err.contains(name), "{name}: the file is named: {err}");
            assert!(err.contains(place), "{name}: {place} in {err}");
            assert!(err.contains(what), "{name}: {what} in {err}");
            assert!(!err.contains("panicked"), "{err}");
        }
        assert_eq!(stdout(&svoboda(&db.url, &["campaign", "list"])), before, "nothing changed");
    }
}

#[test]
fn list_shows_slug_status_and_name() {
    let dir = tempfile::tempdir().expect("dir");
    let url = format!("sqlite://{}", dir.path().join("s.db").display());
    let good = dir.path().join("c.toml");
    std::fs::write(&good, crate::support::demo_file_with_own_key()).expect("write");
    assert!(
        svoboda(&url, &["campaign", "import", &good.display().to_string()])
            .status
            .success()
    );
    let out = svoboda(&url, &["campaign", "list"]);
    assert!(out.status.success());
    assert_eq!(
        stdout(&out),
        "boris-romanov\tban-on-certain-activities\tBoris Romanov\tupdated 2022-07-28\n"
    );
}

#[test]
fn mistyped_database_urls_are_one_line_errors_and_create_nothing() {
    let dir = tempfile::tempdir().expect("dir");
    let missing_dir = dir.path().join("no-such-dir/svoboda.db");
    let cases: Vec<(String, Vec<&str>, &str)> = vec![
        (
            format!("sqlite://{}", missing_dir.display()),
            vec!["serve", "--addr", "127.0.0.1:0"],
            "does not exist",
        ),
        (
            format!("sqlite://{}", dir.path().join("typo.db").display()),
            vec!["campaign", "list"],
            "there is no database",
        ),
        (
            format!("sqlite://{}", dir.path().join("typo.db").display()),
            vec!["backup", "/tmp/never.db"],
            "there is no database",
        ),
        (
            "mysql://root:hunter2@localhost/db".to_string(),
            vec!["campaign", "list"],
            "sqlite://PATH or postgres://",
        ),
        (
            "svoboda.db".to_string(),
            vec!["campaign", "list"],
            "not a database URL",
        ),
        (
            "postgres://nobody:hunter2@127.0.0.1:1/none".to_string(),
            vec!["campaign", "list"],
            "cannot connect",
        ),
    ];
    for (url, args, what) in cases {
        let out = svoboda(&url, &args);
        assert!(!out.status.success(), "{url} {args:?}");
        let err = stderr(&out);
        assert!(err.contains(what), "{url}: {err}");
        assert_eq!(err.trim().lines().count(), 1, "one line: {err}");
        assert!(!err.contains("hunter2"), "password leaked: {err}");
        assert!(!err.contains("panicked"));
    }
    assert!(
        !dir.path().join("typo.db").exists(),
        "a typo must not create a database"
    );
    assert!(!missing_dir.exists());
}

#[test]
fn every_command_has_help() {
    for args in [
        vec!["--help"],
        vec!["serve", "--help"],
        vec!["campaign", "--help"],
        vec!["campaign", "import", "--help"],
        vec!["campaign", "export", "--help"],
        vec!["campaign", "list", "--help"],
        vec!["backup", "--help"],
    ] {
        let out = svoboda("sqlite://unused.db", &args);
        assert!(out.status.success(), "{args:?}");
        assert!(stdout(&out).contains("Usage:"), "{args:?}");
    }
    // The help agrees with the README: the database's default place, and
    // where an organiser's public key goes.
    let help = stdout(&svoboda("sqlite://unused.db", &["--help"]));
    assert!(help.contains("svoboda.db in the data folder"), "{help}");
    let keys = stdout(&svoboda(
        "sqlite://unused.db",
        &["keys", "generate", "--help"],
    ));
    assert!(
        keys.contains("organiser_keys") && keys.contains("keys page"),
        "{keys}"
    );
}

#[test]
fn backup_is_a_consistent_copy_and_never_overwrites() {
    let dir = tempfile::tempdir().expect("dir");
    let url = format!("sqlite://{}", dir.path().join("live.db").display());
    let good = dir.path().join("c.toml");
    std::fs::write(&good, crate::support::demo_file_with_own_key()).expect("write");
    assert!(
        svoboda(&url, &["campaign", "import", &good.display().to_string()])
            .status
            .success()
    );
    let backup = dir.path().join("backup.db");
    let out = svoboda(&url, &["backup", &backup.display().to_string()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let copy = format!("sqlite://{}", backup.display());
    assert!(stdout(&svoboda(&copy, &["campaign", "list"])).starts_with("boris-romanov\t"));
    let again = svoboda(&url, &["backup", &backup.display().to_string()]);
    assert!(!again.status.success());
    assert!(stderr(&again).contains("already exists"));
}

#[test]
fn config_file_with_a_typo_is_refused_naming_the_key() {
    let dir = tempfile::tempdir().expect("dir");
    let config = dir.path().join("svoboda.toml");
    std::fs::write(&config, "database_ulr = \"sqlite://x.db\"\n").expect("write");
    let out = svoboda(
        "sqlite://unused.db",
        &[
            "--config",
            &config.display().to_string(),
            "campaign",
            "list",
        ],
    );
    assert!(!out.status.success());
    assert!(stderr(&out).contains("database_ulr"), "{}", stderr(&out));
}

backend_test! {
    /// The first owner is invited from the shell; roles for one campaign
    /// need the campaign, and an owner needs none.
    async fn admin_invite_prints_a_one_time_link(backend: Backend) {
        let Some(db) = Database::fresh(backend).await else { return };
        let data = tempfile::tempdir().expect("data dir");
        let invite = |args: &[&str]| {
            crate::support::server::command()
                .args(["admin", "invite"])
                .args(args)
                .env("DATABASE_URL", &db.url)
                .env("XDG_DATA_HOME", data.path())
                .output()
                .expect("run svoboda")
        };
        // Before any server ran, there is nothing to invite to, and nothing
        // is created.
        if backend == Backend::Sqlite {
            let out = invite(&[]);
            assert!(!out.status.success());
            assert!(stderr(&out).contains("start `svoboda serve` once"), "{}", stderr(&out));
        }
        db.open().await.close().await;
        let out = invite(&[]);
        assert!(!out.status.success());
        assert!(stderr(&out).contains("no instance secret"), "{}", stderr(&out));
        assert!(!data.path().join("svoboda/svoboda.secret").exists(), "no secret created");
        let out = crate::support::server::command()
            .args(["secret", "generate"])
            .arg(data.path().join("svoboda.secret"))
            .output()
            .expect("secret generate");
        assert!(out.status.success(), "{}", stderr(&out));
        std::fs::create_dir_all(data.path().join("svoboda")).expect("data folder");
        std::fs::rename(data.path().join("svoboda.secret"), data.path().join("svoboda/svoboda.secret")).expect("move");
        let out = invite(&["--public-url", "https://campaign.example"]);
        assert!(out.status.success(), "{}", stderr(&out));
        let link = stdout(&out).trim().to_string();
        assert!(link.starts_with("https://campaign.example/admin/ru/invitation/"), "{link}");
        assert!(stderr(&out).contains("24 hours"));
        let token = link.rsplit('/').next().expect("token");
        let store = db.open().await;
        let now = chrono::Utc::now().timestamp();
        let open = store
            .invitation(&svoboda::account::token::hash(token), now)
            .await
            .expect("read")
            .expect("the invitation is stored, by its hash");
        assert!(open.owner && open.grant.is_none());
        assert!(open.expires_at > now + 23 * 3600);

        let out = invite(&["--role", "editor"]);
        assert!(!out.status.success());
        assert!(stderr(&out).contains("--campaign"), "{}", stderr(&out));
        let out = invite(&["--role", "delivery", "--campaign", "nobody"]);
        assert!(stderr(&out).contains("there is no campaign 'nobody'"), "{}", stderr(&out));
    }
}

backend_test! {
    /// A Telegram Desktop export of a channel, in Russian: its posts become
    /// updates with their formatting as Markdown and links kept; service
    /// messages and stickers are left out; reading it again adds nothing.
    async fn telegram_posts_become_updates_once(backend: Backend) {
        let Some(app) = crate::support::TestApp::with_fixtures(backend).await else { return };
        // The export folder as Telegram Desktop writes it: result.json and
        // photos/, here a phone photo with its GPS position in EXIF.
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::copy(fixture("telegram/result.json"), dir.path().join("result.json")).expect("copy");
        std::fs::create_dir(dir.path().join("photos")).expect("photos");
        std::fs::write(
            dir.path().join("photos/photo_1@20-01-2024_11-45-02.jpg"),
            crate::workspace::phone_photo(64, 48),
        )
        .expect("photo");
        let export = dir.path().join("result.json").display().to_string();
        let args = ["updates", "import-telegram", "anna-example", export.as_str()];
        let out = svoboda(&app.db.url, &args);
        assert!(out.status.success(), "{}", stderr(&out));
        assert!(stdout(&out).contains("3 post(s) added as updates (1 with a photo), 0 imported before"), "{}", stdout(&out));
        let again = svoboda(&app.db.url, &args);
        assert!(stdout(&again).contains("0 post(s) added as updates (0 with a photo), 3 imported before"), "{}", stdout(&again));

        app.state.reload().await.expect("reload");
        let post = app.page("/ru/anna-example/updates/tg-3").await;
        assert!(post.contains("<h1>Суд продлил арест Анне</h1>"), "{post}");
        assert!(post.contains("<strong>Суд продлил арест Анне</strong>"));
        assert!(post.contains("<em>меру пресечения</em>"));
        assert!(post.contains("href=\"https://zona.media/news/2024/01/12/anna\""));
        let letter = app.page("/ru/anna-example/updates/tg-4").await;
        assert!(letter.contains("(*цензура*)"), "a star in a post stays a star");
        assert!(letter.contains("href=\"https://example.org/letters\""));
        let marker = "class=\"update-photo\" src=\"";
        let src_start = letter.find(marker).expect("the post's photo") + marker.len();
        let src = letter[src_start..].split('"').next().expect("src").to_string();
        let served = app.get(&src).await;
        assert_eq!(served.status.as_u16(), 200, "{src}");
        for marker in [&b"Exif"[..], b"GPS"] {
            assert!(!served.body.windows(marker.len()).any(|w| w == marker), "no {marker:?} in the served photo");
        }
        let upright = image::load_from_memory(&served.body).expect("a JPEG");
        assert!(upright.height() > upright.width(), "turned upright as its EXIF said");
        let thanks = app.page("/ru/anna-example/updates/tg-6").await;
        assert!(thanks.contains("href=\"https://t.me/zona_media\""));
        assert!(thanks.contains("<del>не только</del>") && thanks.contains("Код для входа: A-17"), "{thanks}");
        assert_eq!(app.get("/ru/anna-example/updates/tg-5").await.status.as_u16(), 404, "a sticker is no update");
        let broken = svoboda(&app.db.url, &["updates", "import-telegram", "anna-example", &fixture("full/campaign.toml").display().to_string()]);
        assert!(!broken.status.success());
        assert!(stderr(&broken).contains("not a Telegram Desktop export"), "{}", stderr(&broken));
    }
}

#[test]
fn mirror_export_writes_a_copy_says_what_it_did_and_then_only_what_changed() {
    let dir = tempfile::tempdir().expect("dir");
    let db = format!("sqlite://{}", dir.path().join("svoboda.db").display());
    let source = fixture_dir_with_photo();
    let campaign = source.path().join("campaign.toml");
    let out = svoboda(
        &db,
        &["campaign", "import", &campaign.display().to_string()],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let copy = dir.path().join("copy");
    let copy_arg = copy.display().to_string();
    let args = [
        "mirror",
        "export",
        &copy_arg,
        "--public-url",
        "https://free-anna.example",
    ];
    let first = svoboda(&db, &args);
    assert!(first.status.success(), "{}", stderr(&first));
    assert!(
        stderr(&first).contains("written  en/anna-example/index.html"),
        "progress: {}",
        stderr(&first)
    );
    assert!(
        stdout(&first).contains("forms post to https://free-anna.example"),
        "{}",
        stdout(&first)
    );
    let petition =
        std::fs::read_to_string(copy.join("en/anna-example/petition/free-anna/index.html"))
            .expect("the petition's page");
    assert!(
        petition
            .contains("action=\"https://free-anna.example/en/anna-example/petition/free-anna\"")
    );
    // A copy is public: readable by the web server, whose worker is
    // another user, whatever the umask of svoboda (owner-only).
    let mut folders = vec![copy.clone()];
    while let Some(folder) = folders.pop() {
        assert_eq!(mode_of(&folder), 0o755, "{}", folder.display());
        for entry in std::fs::read_dir(&folder).expect("read copy") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                folders.push(path);
            } else {
                assert_eq!(mode_of(&path), 0o644, "{}", path.display());
            }
        }
    }
    served_by_nginx_as_another_user(&dir, &copy);
    let again = svoboda(&db, &args);
    assert!(again.status.success());
    assert!(stdout(&again).contains(" 0 written"), "{}", stdout(&again));
    assert!(!stderr(&again).contains("written "), "{}", stderr(&again));
    let bad = svoboda(&db, &["mirror", "export", &copy_arg, "--url", "not a url"]);
    assert!(!bad.status.success());
    assert!(
        stderr(&bad).contains("--url 'not a url'"),
        "{}",
        stderr(&bad)
    );
}

fn mode_of(path: &std::path::Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path)
        .expect("metadata")
        .permissions()
        .mode()
        & 0o777
}

/// nginx, started as root, runs its worker as `nobody` (the README's
/// recipe, with www-data): it must read the copy's pages.
fn served_by_nginx_as_another_user(dir: &tempfile::TempDir, copy: &std::path::Path) {
    use std::os::unix::fs::PermissionsExt;
    let is_root = std::process::Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.starts_with(b"0"));
    let has_nginx = std::process::Command::new("nginx")
        .arg("-v")
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok();
    if !is_root || !has_nginx {
        crate::support::unavailable("nginx run by root (its worker is then another user)");
        return;
    }
    // The folder holding the copy is the operator's to open, as /var/www is.
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let conf = tempfile::tempdir().expect("conf");
    let port = crate::support::server::free_port();
    let _nginx = crate::static_copy::StaticNginx::start(conf.path(), copy, port);
    let url = format!("http://127.0.0.1:{port}/en/anna-example/");
    let mut answer = String::new();
    for _ in 0..200 {
        let out = std::process::Command::new("curl")
            .args(["-s", "-o", "/dev/null", "-w", "%{http_code}", &url])
            .output()
            .expect("curl");
        answer = String::from_utf8_lossy(&out.stdout).into_owned();
        if answer != "000" {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(25));
    }
    assert_eq!(answer, "200", "nginx's worker reads the copy");
}

/// The README's first step and the workspace's first step meet: with the
/// demo running (`serve --demo`, on any address), `admin invite --demo`
/// prints a link to that server, which opens there.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn admin_invite_for_the_demo_links_to_the_running_demo() {
    let dir = tempfile::tempdir().expect("dir");
    let config = dir.path().join("svoboda.toml");
    std::fs::write(&config, "refresh_interval_ms = 100\n").expect("config");
    let server = crate::support::server::Server::start_with(
        "",
        &config,
        dir.path(),
        "demo.log",
        &["--demo"],
    )
    .await;
    let out = crate::support::server::command()
        .env("XDG_DATA_HOME", dir.path())
        .env_remove("DATABASE_URL")
        .arg("--config")
        .arg(&config)
        .args(["admin", "invite", "--demo"])
        .output()
        .expect("run svoboda");
    assert!(out.status.success(), "{}", stderr(&out));
    let link = stdout(&out).trim().to_string();
    let path = link
        .strip_prefix(&server.base)
        .unwrap_or_else(|| panic!("{link} is not on {}", server.base));
    let page = server.get(path).await.expect("answer");
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(
        page.body.contains("name=\"login\""),
        "the enrolment form: {}",
        page.body
    );
}
