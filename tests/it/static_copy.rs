//! `svoboda mirror export`: the whole public site as static files. A real
//! nginx serves the folder and a crawler follows every link from the home
//! page: each one resolves, none is root-relative (so the copy also works
//! from a disk), nothing names the instance but the petition form and the
//! list of its addresses, and every page passes the Nu Html Checker.

use std::collections::{BTreeSet, VecDeque};
use std::path::Path;
use std::process::{Command, Stdio};

use http_body_util::{BodyExt, Empty};
use hyper::body::Bytes;
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;
use svoboda::store::{PhotoChange, SaveMode};
use svoboda::web::static_copy::{self, ExportError, Report};

use crate::support::server::free_port;
use crate::support::{Backend, PUBLIC_URL, TestApp, unavailable};

pub struct StaticNginx {
    child: std::process::Child,
}

impl Drop for StaticNginx {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl StaticNginx {
    /// nginx serving `root` as any static host would: files, index.html.
    pub fn start(conf_dir: &Path, root: &Path, port: u16) -> StaticNginx {
        let d = conf_dir.display();
        std::fs::write(
            conf_dir.join("nginx.conf"),
            format!(
                "worker_processes 1; daemon off; pid {d}/nginx.pid; error_log {d}/error.log;\n\
                 events {{ worker_connections 64; }}\n\
                 http {{ include /etc/nginx/mime.types; access_log off; client_body_temp_path {d}/body;\n\
                 proxy_temp_path {d}/proxy; fastcgi_temp_path {d}/fcgi; uwsgi_temp_path {d}/uwsgi; scgi_temp_path {d}/scgi;\n\
                 types {{ application/atom+xml atom; text/calendar ics; }}\n\
                 server {{ listen 127.0.0.1:{port}; root {}; }} }}\n",
                root.display()
            ),
        )
        .expect("nginx.conf");
        let child = Command::new("nginx")
            .arg("-p")
            .arg(conf_dir)
            .arg("-c")
            .arg(conf_dir.join("nginx.conf"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start nginx");
        StaticNginx { child }
    }
}

async fn export(app: &TestApp, dir: &Path, base: &str) -> Result<Report, ExportError> {
    static_copy::export(app.state.clone(), dir, Some(base), |_| {}).await
}

/// Every attribute value that is a link: href, src, action.
fn links(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    for attribute in [" href=\"", " src=\"", " action=\""] {
        let mut rest = html;
        while let Some(i) = rest.find(attribute) {
            rest = &rest[i + attribute.len()..];
            let end = rest.find('"').unwrap_or(rest.len());
            out.push(rest[..end].replace("&amp;", "&"));
            rest = &rest[end..];
        }
    }
    out
}

/// The page without what must name the instance: the forms' addresses
/// and the paragraph listing the instance's names.
fn without_instance_links(html: &str) -> String {
    let mut text = html.to_string();
    if let Some(start) = text.find("<p class=\"small mirrors\">") {
        let end = start + text[start..].find("</p>").expect("paragraph ends");
        text.replace_range(start..end, "");
    }
    text.replace(&format!("action=\"{PUBLIC_URL}/"), "action=\"")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_static_copy_served_by_nginx_has_every_link_working_and_valid_pages() {
    if Command::new("nginx")
        .arg("-v")
        .stderr(Stdio::null())
        .status()
        .is_err()
    {
        unavailable("nginx");
        return;
    }
    let app = TestApp::with_fixtures(Backend::Sqlite)
        .await
        .expect("sqlite");
    let copy = tempfile::tempdir().expect("copy");
    let conf = tempfile::tempdir().expect("conf");
    let port = free_port();
    let base = format!("http://127.0.0.1:{port}");
    let report = export(&app, copy.path(), &base).await.expect("export");
    assert_eq!(report.written, report.files);
    let _nginx = StaticNginx::start(conf.path(), copy.path(), port);
    let client = Client::builder(TokioExecutor::new()).build_http::<Empty<Bytes>>();
    // Absolute links (canonical, alternates) name pages as the live site
    // does, `/ru/x`: a static host redirects them to the folder `/ru/x/`,
    // as nginx does here, so redirects are followed.
    let get = |url: url::Url| {
        let client = client.clone();
        async move {
            let mut url = url;
            for _ in 0..200 {
                match client.get(url.as_str().parse().expect("uri")).await {
                    Ok(response) if response.status().is_redirection() => {
                        let location = response
                            .headers()
                            .get("location")
                            .and_then(|v| v.to_str().ok())
                            .expect("a redirect's location");
                        url = url.join(location).expect("location");
                    }
                    Ok(response) => {
                        let status = response.status().as_u16();
                        let kind = response
                            .headers()
                            .get("content-type")
                            .and_then(|v| v.to_str().ok())
                            .unwrap_or("")
                            .to_string();
                        let body = response
                            .into_body()
                            .collect()
                            .await
                            .expect("body")
                            .to_bytes();
                        return (url, status, kind, body);
                    }
                    // nginx may still be starting.
                    Err(_) => tokio::time::sleep(std::time::Duration::from_millis(25)).await,
                }
            }
            panic!("nginx does not answer {url}");
        }
    };

    let start = url::Url::parse(&format!("{base}/index.html")).expect("url");
    let mut queue = VecDeque::from([start.clone()]);
    let mut seen = BTreeSet::from([start.to_string()]);
    let mut pages = Vec::new();
    while let Some(link) = queue.pop_front() {
        // Relative links resolve against where the page really is.
        let (url, status, kind, body) = get(link).await;
        assert_eq!(status, 200, "{url}");
        if !kind.starts_with("text/html") {
            continue;
        }
        let html = String::from_utf8(body.to_vec()).expect("UTF-8");
        assert!(
            !without_instance_links(&html).contains(PUBLIC_URL),
            "{url} names the instance outside its form and address list"
        );
        for link in links(&html) {
            assert!(
                !link.starts_with('/'),
                "{url}: {link} is root-relative: it breaks from a disk"
            );
            let mut target = url.join(&link).expect("a valid link");
            target.set_fragment(None);
            if target.origin() != start.origin() {
                continue;
            }
            if seen.insert(target.to_string()) {
                queue.push_back(target);
            }
        }
        pages.push((url.path().to_string(), html.into_bytes()));
    }
    let crawled: BTreeSet<&str> = seen.iter().map(|u| u.as_str()).collect();
    for expected in [
        "/en/boris-romanov/index.html",
        "/ru/anna-example/index.html",
        "/ru/anna-example/petition/free-anna/index.html",
        "/en/boris-romanov/updates/ban-on-certain-activities/index.html",
        "/ru/boris-romanov/feed.atom",
        "/photos/anna-example.jpg",
    ] {
        assert!(
            crawled.contains(format!("{base}{expected}").as_str()),
            "{expected} is reached from the home page: {crawled:#?}"
        );
    }
    let petition = std::fs::read_to_string(
        copy.path()
            .join("en/anna-example/petition/free-anna/index.html"),
    )
    .expect("petition page");
    assert!(petition.contains(&format!(
        "action=\"{PUBLIC_URL}/en/anna-example/petition/free-anna\""
    )));
    assert!(
        petition.contains("name=\"stamp\" value=\"\""),
        "a copy carries no stamp"
    );
    // A letter is checked by the live site, as signatures are taken there.
    let letter = std::fs::read_to_string(copy.path().join("ru/anna-example/letter/index.html"))
        .expect("letter page");
    assert!(letter.contains(&format!("action=\"{PUBLIC_URL}/ru/anna-example/letter\"")));
    assert!(
        letter.contains("Эта копия сайта проверяет письмо на svoboda.test"),
        "and says where"
    );
    // The share card is in the copy, at the address the page names.
    let marker = "<meta property=\"og:image\" content=\"";
    let card = petition
        .split_once(marker)
        .and_then(|(_, rest)| rest.split_once('"'))
        .map(|(url, _)| url)
        .expect("og:image");
    let card = card
        .strip_prefix(base.as_str())
        .expect("on the copy's base");
    assert!(
        copy.path().join(card.trim_start_matches('/')).is_file(),
        "{card}"
    );
    for name in [
        "sitemap.xml",
        "robots.txt",
        "api/v1/campaigns.json",
        "api/v1/campaigns/anna-example.json",
    ] {
        assert!(copy.path().join(name).is_file(), "{name}");
    }
    match std::env::var("SVOBODA_VNU_JAR") {
        Ok(jar) => crate::html_validity::check(&jar, &pages),
        Err(_) => unavailable("the Nu Html Checker (SVOBODA_VNU_JAR)"),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_export_rewrites_only_what_changed_and_removes_what_is_gone() {
    let app = TestApp::with_fixtures(Backend::Sqlite)
        .await
        .expect("sqlite");
    let copy = tempfile::tempdir().expect("copy");
    let base = "https://copy.example";
    let first = export(&app, copy.path(), base).await.expect("export");
    let again = export(&app, copy.path(), base).await.expect("again");
    assert_eq!(
        again,
        Report {
            files: first.files,
            written: 0,
            removed: 0
        }
    );

    let update = "ban-on-certain-activities";
    let mut campaign = app
        .store
        .campaign("boris-romanov")
        .await
        .expect("read")
        .expect("campaign");
    campaign.updates.retain(|u| u.id.as_str() != update);
    app.store
        .save_campaign(&campaign, PhotoChange::Keep, SaveMode::Replace)
        .await
        .expect("save");
    app.state.reload().await.expect("reload");
    let mut removed = Vec::new();
    let after = static_copy::export(app.state.clone(), copy.path(), Some(base), |step| {
        if let static_copy::Progress::Removed(file) = step {
            removed.push(file.to_string());
        }
    })
    .await
    .expect("export after a change");
    for lang in ["en", "ru"] {
        let page = format!("{lang}/boris-romanov/updates/{update}/index.html");
        assert!(removed.contains(&page), "{page} in {removed:?}");
    }
    assert!(
        removed
            .iter()
            .all(|f| f.starts_with("en/boris-romanov/updates/")
                || f.starts_with("ru/boris-romanov/updates/")),
        "{removed:?}"
    );
    assert!(
        after.written > 0 && after.written < after.files,
        "{after:?}"
    );
    assert!(
        !copy
            .path()
            .join(format!("ru/boris-romanov/updates/{update}/index.html"))
            .exists()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_export_never_writes_into_a_folder_holding_something_else() {
    let app = TestApp::with_demo(Backend::Sqlite).await.expect("sqlite");
    let dir = tempfile::tempdir().expect("dir");
    std::fs::write(dir.path().join("notes.txt"), "mine").expect("write");
    let err = export(&app, dir.path(), "https://copy.example")
        .await
        .expect_err("refused");
    assert!(matches!(err, ExportError::NotACopy(_)), "{err}");
    assert_eq!(std::fs::read_dir(dir.path()).expect("list").count(), 1);
}
