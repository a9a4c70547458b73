//! End to end in real headless Chromium: what a supporter's phone does.

use std::sync::Arc;

use crate::support::webdriver::Driver;
use crate::support::{Backend, PUBLIC_URL, TestApp, unavailable};

/// Serves the app on a loopback port, as `svoboda serve` does.
pub(crate) async fn serve(app: &TestApp) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    serve_on(app, listener).await
}

/// Serves the app on a listener bound already (its address known before
/// the app was configured).
pub(crate) async fn serve_on(app: &TestApp, listener: tokio::net::TcpListener) -> String {
    let addr = listener.local_addr().expect("addr");
    let router = svoboda::app(Arc::clone(&app.state));
    tokio::spawn(async move {
        let service = axum::ServiceExt::<axum::extract::Request>::into_make_service(router);
        let _ = axum::serve(listener, service).await;
    });
    format!("http://{addr}")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn demo_page_switches_language_and_requests_nothing_from_other_hosts() {
    let Some(driver) = Driver::start().await else {
        unavailable("chromium and chromedriver");
        return;
    };
    let app = TestApp::with_fixtures(Backend::Sqlite)
        .await
        .expect("sqlite");
    let base = serve(&app).await;
    let session = driver.session().await;
    // What the browser's own start page loaded is not ours to judge.
    session.requests().await;

    session.goto(&format!("{base}/en/boris-romanov")).await;
    assert_eq!(session.title().await, "Free Boris Romanov!");
    // The first screen: photo, call, status and the row of actions, all
    // above 640 px (a small phone's screen; the window is 412 px wide).
    let fold = session
        .eval("const a = document.querySelector('.head nav.actions').getBoundingClientRect(); const p = document.querySelector('.head img.photo').getBoundingClientRect(); return [a.bottom, p.bottom, a.width]")
        .await;
    let fold: Vec<f64> = fold
        .as_array()
        .expect("numbers")
        .iter()
        .filter_map(|v| v.as_f64())
        .collect();
    assert!(
        fold[0] > 0.0 && fold[0] <= 640.0,
        "the actions row ends at {}",
        fold[0]
    );
    assert!(fold[1] <= 640.0, "the photo ends at {}", fold[1]);
    session
        .click_css(".head nav.actions a[href='#petition']")
        .await;
    assert_eq!(
        session.url().await,
        format!("{base}/en/boris-romanov#petition")
    );
    let banner = session
        .eval("return document.querySelector('.status').innerText")
        .await;
    assert!(
        banner
            .as_str()
            .unwrap_or("")
            .contains("Boris is banned from certain activities")
    );
    let stylesheet_applied = session
        .eval("return getComputedStyle(document.querySelector('.status')).borderLeftStyle")
        .await;
    assert_eq!(stylesheet_applied, "solid", "the stylesheet loaded");

    session.click_css("nav.langs a[hreflang=ru]").await;
    session.wait_for_text("Борис").await;
    assert_eq!(session.url().await, format!("{base}/ru/boris-romanov"));
    assert_eq!(
        session.eval("return document.documentElement.lang").await,
        "ru"
    );
    let banner = session
        .eval("return document.querySelector('.status').innerText")
        .await;
    assert!(
        banner
            .as_str()
            .unwrap_or("")
            .contains("Борис под запретом определённых действий")
    );

    // A page with a photo, then the directory.
    session.goto(&format!("{base}/ru/anna-example")).await;
    let photo_loaded = session
        .eval("return document.querySelector('img.photo').naturalWidth")
        .await;
    assert_eq!(photo_loaded, 480);
    session.goto(&format!("{base}/en/")).await;
    session.click_css("a[href='/en/anna-example']").await;
    session
        .wait_for_text("Anna is in pre-trial detention")
        .await;
    assert_eq!(session.url().await, format!("{base}/en/anna-example"));

    let requests = session.requests().await;
    let ours: Vec<&(String, String)> = requests
        .iter()
        .filter(|(_, doc)| doc.starts_with(&base))
        .collect();
    assert!(ours.len() >= 8, "the network log was read: {requests:?}");
    let foreign: Vec<&String> = ours
        .iter()
        .map(|(url, _)| url)
        .filter(|url| !url.starts_with(&base))
        .collect();
    assert!(foreign.is_empty(), "requests to other hosts: {foreign:?}");
    let log = session.browser_log().await;
    let violations: Vec<&String> = log
        .iter()
        .filter(|m| m.contains("Content Security Policy"))
        .collect();
    assert!(
        violations.is_empty(),
        "the page breaks its own CSP: {violations:?}"
    );
    session.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn directory_filter_form_works_without_javascript() {
    let Some(driver) = Driver::start().await else {
        unavailable("chromium and chromedriver");
        return;
    };
    let app = TestApp::with_fixtures(Backend::Sqlite)
        .await
        .expect("sqlite");
    let base = serve(&app).await;
    let session = driver.session().await;
    session.goto(&format!("{base}/en/")).await;
    session
        .eval("document.getElementById('status').value = 'pre-trial-detention'; return null")
        .await;
    session.click_css("form.filter button[type=submit]").await;
    session
        .wait_for_url(&format!("{base}/en/?q=&status=pre-trial-detention"))
        .await;
    let names = session
        .eval("return Array.from(document.querySelectorAll('.card .name')).map(e => e.innerText)")
        .await;
    assert_eq!(names, serde_json::json!(["Anna Example"]));
    session.close().await;
}

/// A directory of many people on a phone: the page links (plain links,
/// public pages carry no script) work, the search leads to its second
/// page, and every page fits 360 px.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_directory_pages_through_many_people_on_a_phone() {
    let Some(driver) = Driver::start().await else {
        unavailable("chromium and chromedriver");
        return;
    };
    let app = crate::many_campaigns::with_many(Backend::Sqlite)
        .await
        .expect("sqlite");
    let base = serve(&app).await;
    let session = driver.session().await;
    session.resize(360, 740).await;
    let fits = "return document.documentElement.scrollWidth <= window.innerWidth";
    session.goto(&format!("{base}/ru/")).await;
    let wide = "return [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1).slice(0, 4).map(e => e.tagName + '.' + e.className + ':' + e.getBoundingClientRect().right).join(' ')";
    assert_eq!(
        session.eval(fits).await,
        serde_json::json!(true),
        "/ru/: {}",
        session.eval(wide).await
    );
    session.click_css("nav.pages a[rel=next]").await;
    session.wait_for_url(&format!("{base}/ru/?page=2")).await;
    assert_eq!(
        session.eval(fits).await,
        serde_json::json!(true),
        "/ru/?page=2"
    );
    session.wait_for_text_natively("Страница 2 из 3").await;
    session.type_css("#q", "Кузнецова").await;
    session.click_css("form.filter button[type=submit]").await;
    session.wait_for_text_natively("Найдено 55 кампаний").await;
    session.click_css("nav.pages a[rel=next]").await;
    session.wait_for_text_natively("Страница 2 из 2").await;
    assert_eq!(
        session.eval(fits).await,
        serde_json::json!(true),
        "a search's second page"
    );
    session.screenshot("directory-pages-360").await;
    session.close().await;
}

/// The public pages in Belarusian and Ukrainian (longer words, texts not
/// yet translated, marked) fit a 360-px phone.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn belarusian_and_ukrainian_pages_fit_a_phone() {
    let Some(driver) = Driver::start().await else {
        unavailable("chromium and chromedriver");
        return;
    };
    let app = TestApp::in_every_language(Backend::Sqlite)
        .await
        .expect("sqlite");
    let base = serve(&app).await;
    let session = driver.session().await;
    session.resize(360, 740).await;
    let wide = "return [document.documentElement.scrollWidth <= window.innerWidth, [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1).slice(0, 4).map(e => e.tagName + '.' + e.className).join(' ')]";
    for lang in ["be", "uk"] {
        for page in [
            format!("/{lang}/"),
            format!("/{lang}/boris-romanov"),
            format!("/{lang}/anna-example"),
            format!("/{lang}/anna-example/petition/free-anna"),
            format!("/{lang}/anna-example/updates"),
            format!("/{lang}/anna-example/letter"),
            format!("/{lang}/anna-example/petition/free-anna/embed"),
        ] {
            session.goto(&format!("{base}{page}")).await;
            let measured = session.eval(wide).await;
            assert_eq!(
                measured[0],
                serde_json::json!(true),
                "{page}: {}",
                measured[1]
            );
        }
    }
    session.goto(&format!("{base}/be/boris-romanov")).await;
    session.wait_for_text_natively("Яшчэ не перакладзена").await;
    session.screenshot("belarusian-campaign-360").await;
    session.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn supporter_signs_the_demo_petition_end_to_end() {
    let Some(driver) = Driver::start().await else {
        unavailable("chromium and chromedriver");
        return;
    };
    let app = TestApp::with_demo(Backend::Sqlite).await.expect("sqlite");
    let base = serve(&app).await;
    let session = driver.session().await;
    session.goto(&format!("{base}/en/boris-romanov")).await;
    session.click_css("a.button[href$='#sign']").await;
    assert_eq!(
        session.url().await,
        format!("{base}/en/boris-romanov/petition/end-the-case#sign")
    );
    session
        .eval(
            "document.getElementById('f-name').value = 'Browser Signer';\
             document.getElementById('f-email').value = 'browser.signer@example.org';\
             document.getElementById('f-consent').checked = true; return null",
        )
        .await;
    session.click_css("form button[type=submit]").await;
    session.wait_for_text("Check your mailbox").await;
    assert_eq!(
        session.url().await,
        format!("{base}/en/boris-romanov/petition/end-the-case/thanks/check-mail")
    );

    assert_eq!(app.deliver_mail().await, 1);
    let mail = app.mailbox().pop().expect("the confirmation");
    let link = mail.link("/confirm/").expect("confirm link");
    let path = link
        .strip_prefix(crate::support::PUBLIC_URL)
        .expect("absolute");
    session.goto(&format!("{base}{path}")).await;
    session.click_css("form button[type=submit]").await;
    session.wait_for_text("Your signature is confirmed").await;
    session
        .goto(&format!("{base}/en/boris-romanov/petition/end-the-case"))
        .await;
    let count = session
        .eval("return document.getElementById('count').innerText")
        .await;
    assert_eq!(count, "1 signature");
    session.close().await;
}

/// Our pages made no request to another host since the last look. `data:`
/// icons are Chromium's own date and time pickers: no network.
pub(crate) async fn assert_nothing_requested_elsewhere(
    session: &crate::support::webdriver::Session<'_>,
    base: &str,
) {
    let foreign: Vec<_> = session
        .requests()
        .await
        .into_iter()
        .filter(|(url, by)| {
            by.starts_with(base) && !url.starts_with(base) && !url.starts_with("data:")
        })
        .collect();
    assert!(foreign.is_empty(), "requests to other hosts: {foreign:?}");
}

/// Sets the value of the field with `id` on the current page.
pub(crate) async fn fill(session: &crate::support::webdriver::Session<'_>, id: &str, value: &str) {
    let script = format!(
        "document.getElementById({}).value = {}; return true",
        serde_json::to_string(id).unwrap_or_default(),
        serde_json::to_string(value).unwrap_or_default()
    );
    session.eval(&script).await;
}

/// Opens an invitation and enrols as a person would, reading the key off the
/// page for the code; returns the authenticator's secret. Ends on the page
/// of recovery codes.
pub(crate) async fn join(
    session: &crate::support::webdriver::Session<'_>,
    base: &str,
    link: &str,
    login: &str,
    password: &str,
) -> Vec<u8> {
    session.goto(&format!("{base}{link}")).await;
    session.wait_for_text("Join the workspace").await;
    fill(session, "login", login).await;
    fill(session, "password", password).await;
    fill(session, "repeat", password).await;
    session
        .click_css("form.admin-form button[type=submit]")
        .await;
    session.wait_for_text("Set up your authenticator app").await;
    let shown = session
        .eval("return document.querySelector('figure.qr svg') ? document.querySelector('code.secret').innerText : ''")
        .await;
    let key = shown.as_str().unwrap_or_default().replace(' ', "");
    let secret = data_encoding::BASE32_NOPAD
        .decode(key.as_bytes())
        .expect("the QR code and the key are on the page");
    let code = svoboda::account::totp::code(&secret, chrono::Utc::now().timestamp());
    fill(session, "code", &code).await;
    session
        .click_css("form.admin-form button[type=submit]")
        .await;
    session.wait_for_text("Your recovery codes").await;
    secret
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_new_organiser_joins_by_invitation_enrols_and_signs_in() {
    let Some(driver) = Driver::start().await else {
        unavailable("chromium and chromedriver");
        return;
    };
    let app = TestApp::with_demo(Backend::Sqlite).await.expect("sqlite");
    let base = serve(&app).await;
    let link = crate::workspace::invitation(&app, None).await;
    let session = driver.session().await;
    session.requests().await;

    let secret = join(&session, &base, &link, "marina", "tea with lemon at five").await;
    let now = chrono::Utc::now().timestamp();
    let codes = session.wait_for_text("Your recovery codes").await;
    assert_eq!(
        codes
            .lines()
            .filter(|l| l.split('-').map(str::len).collect::<Vec<_>>() == [4, 4, 4, 4])
            .count(),
        10,
        "{codes}"
    );
    session.click_css("main a[href=\"/admin/en/\"]").await;
    session.wait_for_text("Boris Romanov").await;

    session.click_css("form.sign-out button").await;
    session.wait_for_text("Sign in").await;
    assert_eq!(session.url().await, format!("{base}/admin/en/sign-in"));
    fill(&session, "login", "Marina").await;
    fill(&session, "password", "tea with lemon at five").await;
    let next = svoboda::account::totp::code(&secret, now + 30);
    fill(&session, "code", &next).await;
    session
        .click_css("form.admin-form button[type=submit]")
        .await;
    session.wait_for_url(&format!("{base}/admin/en/")).await;
    session.wait_for_text("marina").await;

    assert_nothing_requested_elsewhere(&session, &base).await;
    session.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_owner_creates_a_campaign_with_a_photo_previews_and_publishes_it() {
    let Some(driver) = Driver::start().await else {
        unavailable("chromium and chromedriver");
        return;
    };
    let app = TestApp::with_demo(Backend::Sqlite).await.expect("sqlite");
    let base = serve(&app).await;
    let link = crate::workspace::invitation(&app, None).await;
    let session = driver.session().await;
    session.requests().await;

    join(&session, &base, &link, "olga", "a campaign for Vera").await;

    // A new campaign: its address and the name in both languages, then the
    // rest in the forms, Russian and English side by side.
    session
        .goto(&format!("{base}/admin/en/campaigns/new"))
        .await;
    session.wait_for_text("Start from the person's name").await;
    fill(&session, "slug", "vera-example").await;
    fill(&session, "name_ru", "Вера Пример").await;
    fill(&session, "name_en", "Vera Example").await;
    session
        .click_css("form[action$='/new/start'] button[type=submit]")
        .await;
    session
        .wait_for_url(&format!(
            "{base}/admin/en/campaigns/vera-example/form/person"
        ))
        .await;
    fill(&session, "f-person-summary-ru", "Учительница из Твери.").await;
    fill(&session, "f-person-summary-en", "A teacher from Tver.").await;
    session.click_css("form.fields button[value=save]").await;
    session.wait_for_text("The draft is saved").await;

    // An event of the timeline, added by its button.
    session
        .goto(&format!(
            "{base}/admin/en/campaigns/vera-example/form/timeline"
        ))
        .await;
    session.click_css("button[value='add:timeline']").await;
    session.wait_for_text("Timeline, 1").await;
    fill(&session, "f-timeline-0-date", "2026-01-15").await;
    fill(&session, "f-timeline-0-kind", "detention").await;
    fill(&session, "f-timeline-0-text-ru", "Задержана в Твери.").await;
    fill(&session, "f-timeline-0-text-en", "Detained in Tver.").await;
    session.click_css("form.fields button[value=save]").await;
    session.wait_for_text("The draft is saved").await;

    // A photo, chosen from the disk in the Person part, shown as a
    // thumbnail once taken.
    session
        .goto(&format!(
            "{base}/admin/en/campaigns/vera-example/form/person"
        ))
        .await;
    session.wait_for_text("No photo yet").await;
    let dir = tempfile::tempdir().expect("dir");
    let photo = dir.path().join("vera.png");
    image::RgbImage::from_pixel(300, 400, image::Rgb([40, 90, 160]))
        .save(&photo)
        .expect("photo");
    session.choose_file("#photo", &photo).await;
    session.click_css("form[enctype] button[type=submit]").await;
    session.wait_for_text("The photo is ready").await;
    session
        .wait_for_text("The new photo: public once published.")
        .await;
    let thumbnail = session
        .eval("const i = document.querySelector('.photo-part img.thumbnail'); return i && i.complete ? i.naturalWidth : 0")
        .await;
    assert_eq!(
        thumbnail.as_u64(),
        Some(300),
        "the thumbnail shows the new photo"
    );

    session
        .goto(&format!("{base}/admin/en/campaigns/vera-example/preview"))
        .await;
    session.wait_for_text("Detained in Tver.").await;
    let waiting_photo = session
        .eval("const i = document.querySelector('img.photo'); return i ? i.naturalWidth : 0")
        .await;
    assert_eq!(
        waiting_photo.as_u64(),
        Some(300),
        "the preview shows the photo waiting to be published"
    );
    assert_eq!(
        app.get("/en/vera-example").await.status.as_u16(),
        404,
        "not public yet"
    );

    session
        .goto(&format!("{base}/admin/en/campaigns/vera-example/edit"))
        .await;
    session.wait_for_text("not public yet").await;
    // The new campaign's samples are not facts: publishing names them.
    session.click_css("form[action$='/publish'] button").await;
    session
        .wait_for_text("Not published: these facts still hold the new campaign's sample text")
        .await;
    for (part, fields) in [
        (
            "status",
            [
                ("f-status-kind", "pre-trial-detention"),
                ("f-status-since", "2026-01-15"),
            ],
        ),
        (
            "contact",
            [
                ("f-contact-email", "free.vera@proton.example"),
                ("f-contact-url", ""),
            ],
        ),
    ] {
        session
            .goto(&format!(
                "{base}/admin/en/campaigns/vera-example/form/{part}"
            ))
            .await;
        for (id, value) in fields {
            fill(&session, id, value).await;
        }
        session.click_css("form.fields button[value=save]").await;
        session.wait_for_text("The draft is saved").await;
    }
    session
        .goto(&format!("{base}/admin/en/campaigns/vera-example/edit"))
        .await;
    session.click_css("form[action$='/publish'] button").await;
    session.wait_for_text("Publish now").await;
    session.click_css("form[action$='/publish'] button").await;
    session.wait_for_text("Published.").await;

    session.goto(&format!("{base}/ru/vera-example")).await;
    session.wait_for_text("Вера Пример").await;
    session.wait_for_text("Задержана в Твери.").await;
    let photo_shown = session
        .eval("const i = document.querySelector('img.photo'); return i && i.src.includes('/photos/') ? i.naturalWidth : 0")
        .await;
    assert_eq!(
        photo_shown.as_u64(),
        Some(300),
        "the uploaded photo is on the public page"
    );
    assert_nothing_requested_elsewhere(&session, &base).await;
    session.close().await;
}

/// Tor Browser at its "Safest" level runs no JavaScript: reading, signing
/// and confirming must work all the same. Chromium with JavaScript off goes
/// through them with WebDriver's own commands only.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reading_signing_and_confirming_work_with_javascript_off() {
    let Some(driver) = Driver::start().await else {
        unavailable("chromium and chromedriver");
        return;
    };
    let app = TestApp::with_demo(Backend::Sqlite).await.expect("sqlite");
    let base = serve(&app).await;
    let session = driver.session_without_javascript().await;
    // JavaScript is really off: a page's own script does not run.
    session
        .goto("data:text/html,<title>static</title><script>document.title='ran'</script>")
        .await;
    assert_eq!(session.title().await, "static");

    session.goto(&format!("{base}/ru/boris-romanov")).await;
    assert_eq!(session.title().await, "Свободу Борису Романову!");
    assert!(session.text_css(".status").await.contains("Борис"));
    session
        .click_css(".head nav.actions a[href='#petition']")
        .await;
    session.click_css("a.button[href$='#sign']").await;
    session.type_css("#f-name", "Вера Без Скриптов").await;
    session.type_css("#f-email", "no.script@example.org").await;
    session.click_css("#f-consent").await;
    session.click_css("form button[type=submit]").await;
    session.wait_for_text_natively("Проверьте почту").await;

    assert_eq!(app.deliver_mail().await, 1);
    let mail = app.mailbox().pop().expect("the confirmation");
    let link = mail.link("/confirm/").expect("confirm link");
    let path = link
        .strip_prefix(crate::support::PUBLIC_URL)
        .expect("absolute");
    session.goto(&format!("{base}{path}")).await;
    session.click_css("form button[type=submit]").await;
    session.wait_for_text_natively("подтверждена").await;
    session
        .goto(&format!("{base}/ru/boris-romanov/petition/end-the-case"))
        .await;
    assert_eq!(session.text_css("#count").await, "1 подпись");
    // The page really ran without scripts: none is allowed, none ran.
    assert!(
        session
            .browser_log()
            .await
            .iter()
            .all(|l| !l.contains("Refused to execute")),
        "no script was even tried"
    );
    session.close().await;
}

/// Every page of the workspace, in every shipped language (the forms with
/// all four side by side), fits a 360-px phone: nothing (header, keys,
/// commands, tables, links) is wider than the screen.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_workspace_page_fits_a_360_px_screen() {
    let Some(driver) = Driver::start().await else {
        unavailable("chromium and chromedriver");
        return;
    };
    let app = TestApp::in_every_language(Backend::Sqlite)
        .await
        .expect("sqlite");
    let base = serve(&app).await;
    // Long things to show: a waiting key, a draft and its history.
    let (_, key) = svoboda::petition::seal::generate_keys("waiting");
    app.store
        .propose_key("anna-example", &key, Some("owner"), 0, i64::MAX / 2)
        .await
        .expect("propose");
    crate::paper_signatures::add_and_correct(&app).await;
    let session = driver.session().await;
    session.resize(360, 800).await;
    let width = session.eval("return window.innerWidth").await;
    assert_eq!(width.as_f64(), Some(360.0), "the window is a phone's");
    let invitation = crate::workspace::invitation(&app, None).await;
    let other_invitation = crate::workspace::invitation(&app, None).await;
    join(
        &session,
        &base,
        &invitation,
        "owner",
        "tea with lemon at five",
    )
    .await;
    let slug = "anna-example";
    let mut pages: Vec<String> = Vec::new();
    for lang in ["en", "ru", "be", "uk"] {
        let a = format!("/admin/{lang}");
        pages.extend([
            format!("{a}/"),
            format!("{a}/account"),
            format!("{a}/people"),
            format!("{a}/organisations"),
            format!("{a}/organisations/memorial"),
            format!("{a}/peers"),
            format!("{a}/audit"),
            format!("{a}/settings"),
            format!("{a}/mail"),
            format!("{a}/campaigns/new"),
            format!("{a}/campaigns/{slug}"),
            format!("{a}/campaigns/{slug}/edit"),
            format!("{a}/campaigns/{slug}/history"),
            format!("{a}/campaigns/{slug}/keys"),
            format!("{a}/campaigns/{slug}/petitions/free-anna/paper"),
            format!("{a}/deliver"),
            format!("{a}/account/passkeys"),
            format!("{a}/campaigns/{slug}/preview"),
            other_invitation.replace("/admin/en/", &format!("{a}/")),
        ]);
        for section in svoboda::campaign::fields::SECTIONS {
            pages.push(format!("{a}/campaigns/{slug}/form/{}", section.id));
        }
    }
    let mut too_wide = Vec::new();
    for page in &pages {
        session.goto(&format!("{base}{page}")).await;
        let measured = session
            .eval("return [document.documentElement.scrollWidth, window.innerWidth, [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1).slice(0, 3).map(e => e.tagName + '.' + e.className).join(' ')]")
            .await;
        let scroll = measured[0].as_f64().unwrap_or(f64::MAX);
        let screen = measured[1].as_f64().unwrap_or(0.0);
        if scroll > screen {
            too_wide.push(format!("{page}: {scroll} px ({})", measured[2]));
        }
    }
    // Sign-in, signed out.
    session.click_css("form.sign-out button").await;
    for lang in ["en", "ru", "be", "uk"] {
        session.goto(&format!("{base}/admin/{lang}/sign-in")).await;
        let fits = session
            .eval("return document.documentElement.scrollWidth <= window.innerWidth")
            .await;
        if fits != serde_json::Value::Bool(true) {
            too_wide.push(format!("/admin/{lang}/sign-in"));
        }
    }
    assert!(
        too_wide.is_empty(),
        "wider than a 360-px screen:\n{}",
        too_wide.join("\n")
    );
    session.close().await;
}

/// A partner's page that frames `src` at the page's full width, served on
/// `listener`; returns its address.
async fn partner_site(listener: tokio::net::TcpListener, src: &str) -> String {
    let addr = listener.local_addr().expect("addr");
    let html = format!(
        r#"<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Partner</title></head><body style="margin:0"><h1>Partner</h1><iframe src="{src}" title="petition" width="100%" height="900" style="border:0"></iframe></body></html>"#
    );
    let router = axum::Router::new().route(
        "/",
        axum::routing::get(move || async move { axum::response::Html(html) }),
    );
    tokio::spawn(async move {
        let _ = axum::serve(listener, router).await;
    });
    format!("http://{addr}/")
}

/// A partner listed in `embed_origins` frames the petition on a phone: the
/// frame shows the count and the form, fits 360 px, and signs in place
/// (the partner's page stays). A site not listed gets nothing: the
/// browser refuses to show the frame.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_listed_partner_frames_the_petition_and_signs() {
    let Some(driver) = Driver::start().await else {
        unavailable("chromium and chromedriver");
        return;
    };
    let bind = || tokio::net::TcpListener::bind("127.0.0.1:0");
    let (ours, partner, stranger) = (
        bind().await.expect("bind"),
        bind().await.expect("bind"),
        bind().await.expect("bind"),
    );
    let mut settings = crate::support::test_petition_settings();
    settings.embed_origins = vec![format!("http://{}", partner.local_addr().expect("addr"))];
    let app = TestApp::with_settings(Backend::Sqlite, settings)
        .await
        .expect("sqlite");
    app.load_demo_and_fixture().await;
    let base = serve_on(&app, ours).await;
    let src = format!("{base}/ru/anna-example/petition/free-anna/embed");
    let partner_url = partner_site(partner, &src).await;
    let stranger_url = partner_site(stranger, &src).await;

    let session = driver.session().await;
    session.resize(360, 800).await;
    session.goto(&partner_url).await;
    session.enter_frame(0).await;
    session.wait_for_text("Свободу Анне Пример").await;
    let fits = session
        .eval("return document.documentElement.scrollWidth <= window.innerWidth")
        .await;
    assert_eq!(fits, serde_json::json!(true), "the frame fits a phone");
    session.type_css("#f-name", "Вера из рамки").await;
    session.type_css("#f-email", "framed@example.org").await;
    session.click_css("#f-consent").await;
    session.click_css("form button[type=submit]").await;
    session.wait_for_text("Проверьте почту").await;
    session.leave_frames().await;
    assert_eq!(session.url().await, partner_url, "the partner's page stays");
    assert_eq!(
        app.deliver_mail().await,
        1,
        "signed: the confirmation mail left"
    );

    session.goto(&stranger_url).await;
    session.wait_for_text("Partner").await;
    let refused = session
        .browser_log()
        .await
        .iter()
        .any(|l| l.contains("frame-ancestors"));
    session.enter_frame(0).await;
    let framed = session
        .eval("return document.body ? document.body.innerText : ''")
        .await;
    assert!(
        !framed.as_str().unwrap_or_default().contains("Свободу Анне"),
        "a site not listed shows nothing of the petition: {framed}"
    );
    assert!(refused, "the browser says it refused the frame");
    session.close().await;
}

/// With JavaScript off, on a phone: a letter in Russian is written and
/// checked; the risky word is marked, the letter shown as printed, and
/// nothing is wider than the screen.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_letter_is_written_and_checked_without_javascript_on_a_phone() {
    let Some(driver) = Driver::start().await else {
        unavailable("chromium and chromedriver");
        return;
    };
    let app = TestApp::with_fixtures(Backend::Sqlite)
        .await
        .expect("sqlite");
    let base = serve(&app).await;
    let session = driver.session_without_javascript().await;
    session.resize(360, 800).await;
    session.goto(&format!("{base}/ru/anna-example")).await;
    session.click_css("a[href='/ru/anna-example/letter']").await;
    session.wait_for_text_natively("Ваше письмо").await;
    session
        .type_css("#l-text", "Привет, Аня! Говорят о войне, а я думаю о тебе.")
        .await;
    session.type_css("#l-name", "Вера").await;
    session.click_css(".letter-form button[type=submit]").await;
    let shown = session
        .wait_for_text_natively("Что может не пропустить цензор")
        .await;
    assert!(shown.contains("война: «войне»"), "{shown}");
    assert!(shown.contains("420000, Kazan, Example st., 1"));
    assert_eq!(session.text_css("mark").await, "войне");
    assert_eq!(session.text_css(".signature").await, "Вера");
    // Sent through the campaign, still without a script: the receipt link
    // is shown once, and opens the letter's state.
    session.click_css("button[name=send]").await;
    session.wait_for_text_natively("Сохраните эту ссылку").await;
    // On the site's own name (the test server is reached by another).
    let receipt = session.text_css(".receipt-link .copy a").await;
    let path = receipt
        .strip_prefix(PUBLIC_URL)
        .expect("the site's address");
    assert!(path.starts_with("/ru/receipt/"), "{receipt}");
    session.goto(&format!("{base}{path}")).await;
    let shown = session.wait_for_text_natively("Письмо № 1").await;
    assert!(
        shown.contains("Ждёт, когда волонтёры распечатают и отправят его."),
        "{shown}"
    );
    session.close().await;
    let dump = crate::support::stored_bytes(&app.db).await;
    assert!(
        !crate::support::stored_contains(&dump, "думаю о тебе".as_bytes()),
        "the letter reached the disk sealed"
    );

    // The checked page, measured (measuring needs a script of WebDriver's).
    let session = driver.session().await;
    session.resize(360, 800).await;
    session
        .goto(&format!("{base}/ru/anna-example/letter"))
        .await;
    session
        .type_css(
            "#l-text",
            &"Длинное-предлинное-слово-без-пробелов ".repeat(40),
        )
        .await;
    session.click_css(".letter-form button[type=submit]").await;
    session
        .wait_for_text("Письмо, каким оно будет напечатано")
        .await;
    let fits = session
        .eval("return document.documentElement.scrollWidth <= window.innerWidth")
        .await;
    assert_eq!(
        fits,
        serde_json::json!(true),
        "the checked letter fits a phone"
    );
    session.click_css("button[name=send]").await;
    session.wait_for_text("Сохраните эту ссылку").await;
    let fits = session
        .eval("return document.documentElement.scrollWidth <= window.innerWidth")
        .await;
    assert_eq!(
        fits,
        serde_json::json!(true),
        "the receipt link fits a phone"
    );
    let receipt = session.text_css(".receipt-link .copy a").await;
    let path = receipt
        .strip_prefix(PUBLIC_URL)
        .expect("the site's address");
    session.goto(&format!("{base}{path}")).await;
    session.wait_for_text("Письмо № 2").await;
    let fits = session
        .eval("return document.documentElement.scrollWidth <= window.innerWidth")
        .await;
    assert_eq!(fits, serde_json::json!(true), "the receipt fits a phone");
    session.close().await;
}
