//! A language added by files alone: its translation files in a folder of
//! `locales_dir` and its code in the configuration's `languages`, no
//! change to the program. Found everywhere a language shows: pages, the
//! language switch, `hreflang`, Accept-Language, feeds, the sitemap, the
//! static copy, the API, mails, the delivery document (through the built
//! binary) and the workspace's forms (in process).

use std::path::Path;
use std::process::Command;

use crate::backend_test;
use crate::campaign_forms::form_fields;
use crate::support::server::{Server, command, free_port, svoboda, write_config};
use crate::support::{Backend, TestApp, fixture_dir_with_photo, read_mails, unavailable};
use crate::workspace::{Browser, enrol, invitation};
use svoboda::campaign::Lang;

/// Writes `locales/xx/` into `dir`: the English files with the words a
/// test looks for changed, as a translator would start a language.
fn write_language(dir: &Path) -> std::path::PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("locales/en");
    let locales = dir.join("locales");
    let xx = locales.join("xx");
    std::fs::create_dir_all(&xx).expect("folder");
    let changed = [
        ("language-name", "Xish"),
        ("language-locale", "xx_XX"),
        ("directory-title", "Xish campaigns"),
        ("not-translated", "Xish untranslated"),
        ("campaign-title", "Xish freedom for { $name }!"),
        ("campaign-title-plain", "Xish freedom for { $name }!"),
        ("mail-subject", "Xish subject"),
        ("pdf-to", "Xish addressee"),
        ("field-person-name", "Xish full name"),
    ];
    for file in svoboda::i18n::FILES {
        let text = std::fs::read_to_string(root.join(file)).expect("English file");
        let lines: Vec<String> = text
            .lines()
            .map(|line| {
                changed
                    .iter()
                    .find(|(key, _)| line.starts_with(&format!("{key} = ")))
                    .map(|(key, value)| format!("{key} = {value}"))
                    .unwrap_or_else(|| line.to_string())
            })
            .collect();
        std::fs::write(xx.join(file), lines.join("\n") + "\n").expect("write");
    }
    locales
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_language_added_by_files_shows_everywhere() {
    let dir = tempfile::tempdir().expect("dir");
    write_language(dir.path());
    let mail = dir.path().join("mail");
    let config = write_config(
        dir.path(),
        &format!(
            "locales_dir = \"locales\"\nlanguages = [\"ru\", \"en\", \"xx\"]\n\
             mail_transport = \"directory\"\nmail_directory = \"{}\"\n",
            mail.display()
        ),
    );
    let db = format!("sqlite://{}", dir.path().join("live.db").display());
    let source = fixture_dir_with_photo();
    let campaign = source.path().join("campaign.toml");
    let import = svoboda(
        &db,
        &config,
        &["campaign", "import", &campaign.to_string_lossy()],
    );
    assert!(
        import.status.success(),
        "{}",
        String::from_utf8_lossy(&import.stderr)
    );
    let server = Server::start(&db, &config, dir.path(), "server.log").await;
    let get = |path: &'static str| {
        let server = &server;
        async move {
            let reply = server.get(path).await.expect("answer");
            assert_eq!(reply.status, 200, "GET {path}: {}", reply.body);
            reply.body
        }
    };

    // Pages in the language, and the language in every page's switch and head.
    let directory = get("/xx/").await;
    assert!(directory.contains("<html lang=\"xx\""), "{directory}");
    assert!(directory.contains("Xish campaigns"));
    let page = get("/xx/anna-example").await;
    assert!(
        page.contains("Xish freedom for Anna Example!"),
        "the call, undeclined"
    );
    assert!(page.contains("property=\"og:locale\" content=\"xx_XX\""));
    assert!(
        page.contains("<div lang=\"en\" class=\"untranslated\"><p class=\"untranslated-note\" lang=\"xx\">Xish untranslated</p>"),
        "the summary in the campaign's own first language, marked: {page}"
    );
    let russian = get("/ru/anna-example").await;
    assert!(
        russian.contains("hreflang=\"xx\" href=\"http://svoboda.test/xx/anna-example\""),
        "{russian}"
    );
    assert!(
        russian.contains("href=\"/xx/anna-example\""),
        "the switch links the page"
    );
    assert!(russian.contains(">Xish<"), "the switch names it");

    // Accept-Language chooses it; a language the site does not offer is
    // not a page.
    let root = server
        .get_with("/", &[("accept-language", "xx, ru;q=0.5")])
        .await
        .expect("answer");
    assert_eq!(root.location.as_deref(), Some("/xx/"));
    assert_eq!(server.get("/be/").await.expect("answer").status, 404);

    // Feeds, sitemap, API.
    let feed = get("/xx/anna-example/feed.atom").await;
    assert!(feed.contains("/xx/anna-example/updates/"), "{feed}");
    let sitemap = get("/sitemaps/1.xml").await;
    assert!(
        sitemap.contains("<loc>http://svoboda.test/xx/anna-example</loc>"),
        "{sitemap}"
    );
    assert!(sitemap.contains("hreflang=\"xx\""));
    let api = get("/api/v1/campaigns/anna-example").await;
    assert!(
        api.contains("[\"xx\",\"http://svoboda.test/xx/anna-example\"]"),
        "{api}"
    );

    // A signer who reads the language gets the mail in it.
    let sign = "/api/v1/campaigns/anna-example/petitions/free-anna/signatures";
    let body = r#"{"name": "X Signer", "email": "x@example.org", "consent": true, "lang": "xx"}"#;
    let signed = server
        .post_json(sign, body.to_string())
        .await
        .expect("answer");
    assert_eq!(signed.status, 202, "{}", signed.body);
    let mut mails = Vec::new();
    for _ in 0..200 {
        mails = read_mails(&mail);
        if !mails.is_empty() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(25)).await;
    }
    assert_eq!(
        mails.first().map(|m| m.subject.as_str()),
        Some("Xish subject")
    );

    // The static copy holds the language's pages.
    let copy = dir.path().join("copy");
    let exported = svoboda(&db, &config, &["mirror", "export", &copy.to_string_lossy()]);
    assert!(
        exported.status.success(),
        "{}",
        String::from_utf8_lossy(&exported.stderr)
    );
    let copied = std::fs::read_to_string(copy.join("xx/index.html")).expect("xx/index.html");
    assert!(copied.contains("Xish campaigns"));
    assert!(copy.join("xx/anna-example/index.html").is_file());

    // The delivery document in the language.
    let export = dir.path().join("export.txt");
    let out = svoboda(
        &db,
        &config,
        &[
            "signatures",
            "export",
            "anna-example/free-anna",
            "--out",
            &export.to_string_lossy(),
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    if Command::new("pdftotext").arg("-v").output().is_err() {
        unavailable("pdftotext (poppler-utils)");
        return;
    }
    let identity =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/full/organiser-key.txt");
    let pdf = dir.path().join("document.pdf");
    let out = svoboda(
        &db,
        &config,
        &[
            "signatures",
            "pdf",
            "--identity",
            &identity.to_string_lossy(),
            &export.to_string_lossy(),
            "--lang",
            "xx",
            "--out",
            &pdf.to_string_lossy(),
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext");
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(
        text.contains("Xish addressee: The Prosecutor General"),
        "{text}"
    );
}

#[test]
fn a_broken_language_folder_is_refused_with_its_reason() {
    let dir = tempfile::tempdir().expect("dir");
    let xx = dir.path().join("locales/qq");
    std::fs::create_dir_all(&xx).expect("folder");
    std::fs::write(xx.join("main.ftl"), "site-name = {\n").expect("write");
    let config = write_config(
        dir.path(),
        "locales_dir = \"locales\"\nlanguages = [\"ru\", \"qq\"]\n",
    );
    let port = free_port().to_string();
    let out = command()
        .arg("--config")
        .arg(&config)
        .args(["serve", "--addr", &format!("127.0.0.1:{port}")])
        .env_remove("DATABASE_URL")
        .env("XDG_DATA_HOME", dir.path())
        .output()
        .expect("run");
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("errors in the translation files of 'qq'"),
        "{stderr}"
    );

    let unknown = write_config(dir.path(), "languages = [\"ru\", \"zz\"]\n");
    let out = command()
        .arg("--config")
        .arg(&unknown)
        .args(["serve"])
        .output()
        .expect("run");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("unknown language 'zz'"), "{stderr}");
}

backend_test! {
    /// The organiser picks the languages edited side by side; a text in
    /// another language is kept as it was.
    async fn the_forms_edit_the_languages_chosen_side_by_side(backend: Backend) {
        let dir = tempfile::tempdir().expect("dir");
        let locales = write_language(dir.path());
        let langs = Lang::load_dir(&locales).expect("loads");
        let xx = langs[0];
        let Some(app) = TestApp::with_web_settings(backend, |s| {
            s.languages = vec![Lang::RU, Lang::EN, xx];
        })
        .await
        else {
            return;
        };
        app.load_demo_and_fixture().await;
        let mut owner = Browser::new(&app, [198, 51, 100, 7]);
        enrol(&mut owner, &invitation(&app, None).await, "owner").await;
        let person = "/admin/en/campaigns/anna-example/form/person";
        let page = owner.get(person).await.text();
        assert!(page.contains("name=\"person.name.xx\""), "every offered language at first: {page}");
        assert!(page.contains(">Xish full name<") || page.contains("Full name (Xish)"), "{page}");
        let action = format!("{person}?langs=xx");
        let page = owner.get(&action).await.text();
        assert!(page.contains("name=\"person.name.xx\""), "{page}");
        assert!(!page.contains("id=\"f-person-name-en\""), "English is not edited now");
        assert!(page.contains("type=\"hidden\" name=\"person.name.en\" value=\"Anna Example\""), "but kept");
        assert!(page.contains("value=\"xx\" checked"), "the choice shows");
        let mut fields = form_fields(&page, &action);
        for (name, value) in &mut fields {
            if name == "person.name.xx" {
                *value = "Anna Xish".to_string();
            }
        }
        fields.push(("op".into(), "save".into()));
        let all: Vec<(&str, &str)> = fields.iter().map(|(n, v)| (n.as_str(), v.as_str())).collect();
        let saved = owner.submit(&page, &action, &all).await;
        assert_eq!(saved.status, 200, "{}", saved.text());
        let draft = app.store.head_revision("anna-example").await.expect("head").expect("a revision");
        let name = &draft.campaign.person.name;
        assert_eq!(name.exactly(xx), Some("Anna Xish"));
        assert_eq!(name.exactly(Lang::EN), Some("Anna Example"), "kept");
        assert_eq!(name.exactly(Lang::RU), Some("Анна Пример"), "kept");
    }
}

backend_test! {
    /// Belarusian and Ukrainian pages of a campaign written in Russian and
    /// English: the interface in the language, the campaign's texts in its
    /// own first language, marked, never blank; the counts in the
    /// language's plural forms.
    async fn belarusian_and_ukrainian_pages_show_the_campaign_marked(backend: Backend) {
        let Some(app) = TestApp::in_every_language(backend).await else {
            return;
        };
        for (lang, directory, note, call) in [
            ("be", "Кампаніі падтрымкі", "Яшчэ не перакладзена", "Boris Romanov мае быць на волі!"),
            ("uk", "Кампанії підтримки", "Ще не перекладено", "Boris Romanov має бути на волі!"),
        ] {
            let page = app.page(&format!("/{lang}/")).await;
            assert!(page.contains(&format!("<html lang=\"{lang}\"")), "{page}");
            assert!(page.contains(directory), "{lang}: {page}");
            let page = app.page(&format!("/{lang}/boris-romanov")).await;
            assert!(page.contains(call), "{lang}: {page}");
            assert!(
                page.contains(&format!("<div lang=\"en\" class=\"untranslated\"><p class=\"untranslated-note\" lang=\"{lang}\">{note}</p>")),
                "{lang}: the summary, marked: {page}"
            );
            for other in ["ru", "en", "be", "uk"] {
                assert!(page.contains(&format!("hreflang=\"{other}\"")), "{lang}: {other}");
            }
            let petition = app.page(&format!("/{lang}/boris-romanov/petition/end-the-case")).await;
            assert!(petition.contains(if lang == "be" { "0 подпісаў" } else { "0 підписів" }), "{lang}: {petition}");
        }
        let russian = app.page("/ru/boris-romanov").await;
        assert!(russian.contains("Свободу Борису Романову!"));
        assert!(!russian.contains("class=\"untranslated\""), "nothing missing in Russian");
    }
}
