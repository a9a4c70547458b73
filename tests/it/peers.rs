//! Many groups' instances, one directory: three instances on loopback, two
//! honest peers and a hostile one, and the instance that lists them. The
//! honest listings appear within one fetch interval, marked with their
//! group and linking to their pages there, photos served from here; nothing
//! of the hostile one does, whatever it sends; a campaign a peer drops
//! disappears at the next fetch; a peer that stops answering keeps showing,
//! dated.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::Body;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use chrono::NaiveDate;
use svoboda::peers::document::{
    Directory, DirectoryCampaign, FORMAT, PetitionCount, SignedDirectory,
};
use svoboda::peers::key::SigningKey;

use crate::backend_test;
use crate::browser::serve_on;
use crate::support::{Backend, TestApp, fixture_dir_with_photo, run_sql};
use crate::workspace::{Browser, enrol, invitation};

/// A loopback address bound now, for an app whose public_url it must be.
async fn bound() -> (tokio::net::TcpListener, String) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let base = format!("http://{}", listener.local_addr().expect("addr"));
    (listener, base)
}

/// An honest Svoboda instance on loopback, its public_url its address.
async fn honest(backend: Backend, fixture: bool) -> Option<(TestApp, String)> {
    let (listener, base) = bound().await;
    let public = base.clone();
    let app = TestApp::with_web_settings(backend, move |s| {
        s.public_url = public.clone();
        s.workspace_url = public;
    })
    .await?;
    if fixture {
        let dir = fixture_dir_with_photo();
        app.import(&dir.path().join("campaign.toml"))
            .await
            .expect("import");
    } else {
        app.load_demo_and_fixture().await;
    }
    serve_on(&app, listener).await;
    Some((app, base))
}

/// What the hand-made peer answers.
#[derive(Clone)]
enum Mode {
    Document(Vec<u8>),
    /// A body of this many bytes, streamed.
    Huge(usize),
}

fn campaign(base: &str, slug: &str, name: &str) -> DirectoryCampaign {
    DirectoryCampaign {
        slug: slug.into(),
        pages: [("en".into(), format!("{base}/en/{slug}"))].into(),
        names: [("en".into(), name.into())].into(),
        status: "sentenced".into(),
        charge: None,
        articles: vec!["207.3".into()],
        region: Default::default(),
        photo: None,
        petitions: vec![PetitionCount {
            id: "main".into(),
            signatures: 5,
        }],
        updated: NaiveDate::from_ymd_opt(2025, 1, 1).expect("date"),
    }
}

fn signed(signer: &SigningKey, instance: &str, campaigns: Vec<DirectoryCampaign>) -> Vec<u8> {
    let directory = Directory {
        format: FORMAT.into(),
        instance: instance.into(),
        updated: None,
        campaigns,
    };
    serde_json::to_vec(&SignedDirectory::sign(signer, &directory).expect("signs")).expect("json")
}

/// A signed directory of a million (minimal) campaigns, written directly.
fn million(signer: &SigningKey, instance: &str) -> Vec<u8> {
    let mut payload =
        format!("{{\"format\":\"{FORMAT}\",\"instance\":\"{instance}\",\"campaigns\":[");
    for i in 0..1_000_000 {
        if i > 0 {
            payload.push(',');
        }
        payload.push_str(&format!(
            "{{\"slug\":\"p{i}\",\"pages\":{{\"en\":\"{instance}/en/p{i}\"}},\"names\":{{\"en\":\"P\"}},\"status\":\"sentenced\",\"updated\":\"2025-01-01\"}}"
        ));
    }
    payload.push_str("]}");
    serde_json::to_vec(&SignedDirectory {
        key: signer.public().to_string(),
        signature: signer.sign(payload.as_bytes()),
        payload,
    })
    .expect("json")
}

async fn answer(State(mode): State<Arc<Mutex<Mode>>>) -> Response {
    let mode = mode.lock().map(|m| m.clone());
    match mode {
        Ok(Mode::Document(bytes)) => {
            ([(header::CONTENT_TYPE, "application/json")], bytes).into_response()
        }
        Ok(Mode::Huge(n)) => {
            let chunk = vec![b' '; 1 << 20];
            let chunks = (0..n >> 20).map(move |_| Ok::<_, std::io::Error>(chunk.clone()));
            Body::from_stream(futures_util::stream::iter(chunks)).into_response()
        }
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}

/// A peer made by hand: answers what `mode` says at the directory's path.
async fn hand_made(mode: Mode) -> (String, Arc<Mutex<Mode>>, tokio::task::JoinHandle<()>) {
    let (listener, base) = bound().await;
    let mode = Arc::new(Mutex::new(mode));
    let router = axum::Router::new()
        .route(svoboda::peers::DIRECTORY_PATH, axum::routing::get(answer))
        .with_state(mode.clone());
    let task = tokio::spawn(async move {
        let _ = axum::serve(listener, router).await;
    });
    (base, mode, task)
}

fn set(mode: &Arc<Mutex<Mode>>, to: Mode) {
    if let Ok(mut m) = mode.lock() {
        *m = to;
    }
}

/// Fetches every peer, as the timer does, and takes the result in.
async fn fetch(app: &TestApp) {
    svoboda::peers::fetch_all(&app.store).await.expect("fetch");
    app.state.reload().await.expect("reload");
}

async fn peer_error(app: &TestApp, address: &str) -> Option<String> {
    app.store
        .peers()
        .await
        .expect("peers")
        .into_iter()
        .find(|p| p.address == address)
        .and_then(|p| p.last_error)
}

backend_test! {
    async fn peers_directories_show_beside_ours_and_a_hostile_one_shows_nothing(backend: Backend) {
        let Some((a, a_base)) = honest(backend, false).await else { return };
        let Some((b, b_base)) = honest(backend, true).await else { return };
        let Some(local) = TestApp::empty(backend).await else { return };
        let key_of = |app: &TestApp| {
            app.state.petitions.secret.directory_key().expect("key").public().to_string()
        };

        // The owner adds the honest peers in the workspace (audited).
        let mut owner = Browser::new(&local, [198, 51, 100, 9]);
        enrol(&mut owner, &invitation(&local, None).await, "owner").await;
        let page = owner.get("/admin/en/peers").await.text();
        assert!(page.contains(&key_of(&local)), "the site's own key, to give to others");
        for (name, base, key) in [("Group A", &a_base, key_of(&a)), ("Group B", &b_base, key_of(&b))] {
            let added = owner
                .submit(&page, "/admin/en/peers", &[("name", name), ("address", base), ("key", &key), ("mirrors", "")])
                .await;
            assert_eq!(added.status, StatusCode::OK, "{}", added.text());
        }
        let refused = owner
            .submit(&page, "/admin/en/peers", &[("name", "X"), ("address", "https://x.example"), ("key", "age1notakey"), ("mirrors", "")])
            .await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(refused.text().contains("not a Svoboda site&#39;s public key") || refused.text().contains("not a Svoboda site's public key"));

        // The hostile peer, pinned with its own key, and a third honest one
        // made by hand (its documents change during the test).
        let hostile_key = SigningKey::from_seed(&[66; 32]).expect("key");
        let (h_base, h_mode, h_task) = hand_made(Mode::Huge(0)).await;
        let c_key = SigningKey::from_seed(&[67; 32]).expect("key");
        let (c_base, c_mode, _c_task) = hand_made(Mode::Huge(0)).await;
        set(&c_mode, Mode::Document(signed(&c_key, &c_base, vec![
            campaign(&c_base, "vera-one", "Vera One"),
            campaign(&c_base, "vera-two", "Vera Two"),
        ])));
        local.store.add_peer("Hostile", &h_base, &hostile_key.public().to_string(), &[], 0).await.expect("add").expect("new");
        local.store.add_peer("Group C", &c_base, &c_key.public().to_string(), &[], 0).await.expect("add").expect("new");

        // Within one fetch interval the honest listings are there.
        let timer = tokio::spawn(svoboda::peers::run(local.store.clone(), Duration::from_millis(200)));
        let mut directory = String::new();
        for _ in 0..200 {
            local.state.reload().await.expect("reload");
            directory = local.page("/en/").await;
            // Photos come after the directory that names them.
            if directory.contains("Boris Romanov") && directory.contains("Vera Two") && directory.contains("/photos/peers/") {
                break;
            }
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
        timer.abort();
        assert!(directory.contains("Boris Romanov"), "{:?}", local.store.peers().await.expect("peers").iter().map(|p| (p.name.clone(), p.last_error.clone(), p.payload.is_some())).collect::<Vec<_>>());
        assert!(directory.contains("Anna Example") && directory.contains("Vera One"));
        assert!(directory.contains(&format!("href=\"{a_base}/en/boris-romanov\"")), "links to its page there");
        assert!(directory.contains("Run by Group B"), "marked with its group");
        assert!(directory.len() < 50_000, "a directory page within section 1's limit: {} bytes", directory.len());
        let search = local.page("/en/?q=anna").await;
        assert!(search.contains("Anna Example") && !search.contains("Boris Romanov"), "searched together");
        // Photos come from this instance, re-encoded.
        let photo = directory
            .split("src=\"")
            .skip(1)
            .filter_map(|s| s.split('"').next())
            .find(|src| src.starts_with("/photos/peers/"))
            .expect("a peer's photo, served here")
            .replace("&amp;", "&");
        let image = local.get(&photo).await;
        assert_eq!(image.status, StatusCode::OK);
        assert_eq!(image.header("content-type"), "image/jpeg");
        for src in directory.split("src=\"").skip(1).filter_map(|s| s.split('"').next()) {
            assert!(src.starts_with('/'), "nothing loaded from another host: {src}");
        }

        // The hostile peer: whatever it sends, nothing of it shows, and
        // each refusal is recorded.
        let other_key = SigningKey::from_seed(&[68; 32]).expect("key");
        let mut script = campaign(&h_base, "evil", "Evil <script>alert(1)</script>");
        script.names.insert("ru".into(), "Злой".into());
        let mut foreign = campaign(&h_base, "evil", "Evil Foreign");
        foreign.pages.insert("ru".into(), "https://phishing.example/ru/evil".into());
        let claiming = campaign(&a_base, "boris-romanov", "Evil Boris");
        let attempts = [
            (Mode::Document(signed(&other_key, &h_base, vec![campaign(&h_base, "evil", "Evil Signed")])), "another key"),
            (Mode::Document(signed(&hostile_key, &h_base, vec![script])), "markup"),
            (Mode::Document(signed(&hostile_key, &h_base, vec![foreign])), "another host"),
            (Mode::Document(signed(&hostile_key, &h_base, vec![claiming])), "another host"),
            (Mode::Document(signed(&hostile_key, &a_base, vec![])), "another instance"),
            (Mode::Huge(100 << 20), "larger than"),
            (Mode::Document(million(&hostile_key, &h_base)), "larger than"),
            (Mode::Document(b"{\"key\": 1}".to_vec()), "not a signed directory"),
        ];
        for (mode, says) in attempts {
            set(&h_mode, mode);
            fetch(&local).await;
            let error = peer_error(&local, &h_base).await.unwrap_or_default();
            assert!(error.contains(says), "{says}: {error}");
            let page = local.page("/en/").await;
            assert!(!page.contains("Evil") && !page.contains("<script>alert"), "{says}");
        }
        // It stops answering: still nothing of it, and the others stay.
        h_task.abort();
        fetch(&local).await;
        assert!(peer_error(&local, &h_base).await.is_some_and(|e| e.contains("connect")));

        // A campaign a peer drops is gone at the next fetch.
        set(&c_mode, Mode::Document(signed(&c_key, &c_base, vec![campaign(&c_base, "vera-one", "Vera One")])));
        fetch(&local).await;
        let page = local.page("/en/").await;
        assert!(page.contains("Vera One") && !page.contains("Vera Two"), "{page}");

        // A peer down keeps showing, dated by its last good copy; the
        // conditional request of an unchanged one costs a 304.
        let before = local.store.peers().await.expect("peers");
        fetch(&local).await;
        let after = local.store.peers().await.expect("peers");
        let of = |rows: &[svoboda::store::peers::PeerRow], base: &str| rows.iter().find(|p| p.address == base).cloned().expect("peer");
        assert_eq!(of(&before, &a_base).payload, of(&after, &a_base).payload);
        assert!(of(&after, &a_base).last_error.is_none());
        assert!(of(&after, &a_base).validators.etag.is_some(), "the ETag kept for the next request");
        drop(b);
        run_sql(&local.db, "UPDATE peers SET fetched_at = 86400, rev = rev + 1 WHERE name = 'Group B'").await;
        local.state.reload().await.expect("reload");
        let page = local.page("/en/?q=anna").await;
        assert!(page.contains("Anna Example") && page.contains("as of January 2, 1970"), "{page}");

        // The workspace shows each peer's state; removing one is audited.
        let page = owner.get("/admin/en/peers").await.text();
        assert!(page.contains("Group A") && page.contains("Hostile") && page.contains("The last attempt failed"));
        let actions: Vec<_> = local.store.audit_log(&Default::default(), 100).await.expect("audit").into_iter().map(|(_, e)| e.action).collect();
        assert_eq!(actions.iter().filter(|a| **a == svoboda::account::AuditAction::PeerAdded).count(), 2);
        let id = local.store.peers().await.expect("peers").into_iter().find(|p| p.name == "Group A").expect("A").id;
        let removed = owner.submit(&page, &format!("/admin/en/peers/{id}/remove"), &[]).await;
        assert_eq!(removed.status, StatusCode::SEE_OTHER);
        assert!(!local.page("/en/").await.contains("Boris Romanov"));
        let actions: Vec<_> = local.store.audit_log(&Default::default(), 100).await.expect("audit").into_iter().map(|(_, e)| e.action).collect();
        assert!(actions.contains(&svoboda::account::AuditAction::PeerRemoved));
        drop(a);
    }
}

/// The instance's own document: signed by its key, complete, naming its
/// pages and photos on its own address; the static copy carries it too.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_directory_document_is_signed_and_complete() {
    let app = TestApp::with_fixtures(Backend::Sqlite)
        .await
        .expect("sqlite");
    let response = app.get(svoboda::peers::DIRECTORY_PATH).await;
    assert_eq!(response.status, StatusCode::OK);
    let etag = response.header("etag").to_string();
    assert!(!etag.is_empty());
    let again = app
        .get_with(svoboda::peers::DIRECTORY_PATH, &[("if-none-match", &etag)])
        .await;
    assert_eq!(
        again.status,
        StatusCode::NOT_MODIFIED,
        "conditional requests"
    );
    let key = app
        .state
        .petitions
        .secret
        .directory_key()
        .expect("key")
        .public();
    let peer = svoboda::peers::document::Peer {
        address: crate::support::PUBLIC_URL,
        mirrors: &[],
        key: &key,
    };
    let payload =
        svoboda::peers::document::verify(&peer, response.text().as_bytes()).expect("verifies");
    let campaigns = svoboda::peers::document::campaigns(&peer, &payload).expect("reads");
    let slugs: Vec<_> = campaigns.iter().map(|c| c.slug.as_str()).collect();
    assert_eq!(slugs.len(), 2, "{slugs:?}");
    assert!(slugs.contains(&"anna-example") && slugs.contains(&"boris-romanov"));
    let anna = campaigns
        .iter()
        .find(|c| c.slug.as_str() == "anna-example")
        .expect("anna");
    assert!(
        anna.photo
            .as_deref()
            .is_some_and(|p| p.starts_with(crate::support::PUBLIC_URL))
    );
}

/// `svoboda peers key` prints the key the running server signs with, the
/// one owners hand to other groups; the static copy carries the same
/// signed document.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn peers_key_prints_the_key_the_server_signs_with() {
    use crate::support::server::{Server, command, write_config};
    let dir = tempfile::tempdir().expect("dir");
    let config = write_config(dir.path(), "");
    let db = format!("sqlite://{}", dir.path().join("live.db").display());
    let server = Server::start(&db, &config, dir.path(), "server.log").await;
    let document = server
        .get(svoboda::peers::DIRECTORY_PATH)
        .await
        .expect("answer");
    assert_eq!(document.status, 200, "{}", document.body);
    let signed: SignedDirectory = serde_json::from_str(&document.body).expect("json");
    // Commands on the server's data folder, where its secret is.
    let run = |args: &[&str]| {
        command()
            .current_dir(dir.path())
            .env("XDG_DATA_HOME", dir.path())
            .env("DATABASE_URL", &db)
            .arg("--config")
            .arg(&config)
            .args(args)
            .output()
            .expect("run")
    };
    let out = run(&["peers", "key"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let printed = String::from_utf8_lossy(&out.stdout).trim().to_string();
    assert!(printed.starts_with("ed25519:"), "{printed}");
    assert_eq!(printed, signed.key);

    let copy = dir.path().join("copy");
    let out = run(&["mirror", "export", &copy.to_string_lossy()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let copied = std::fs::read_to_string(copy.join("api/v1/directory.json")).expect("the document");
    assert_eq!(copied, document.body, "the same signed document");
}
