//! The public pages, driven through the real router and store.

use crate::backend_test;
use crate::support::{Backend, TestApp};
use axum::http::StatusCode;

backend_test! {
    /// Every fact of the seed page appears on the demo page, in English.
    async fn demo_page_tells_everything_the_seed_page_says(backend: Backend) {
        let Some(app) = TestApp::with_demo(backend).await else { return };
        let html = app.page("/en/boris-romanov").await;
        for fact in [
            "<title>Free Boris Romanov!</title>",
            "Boris is banned from certain activities",
            "since July 28, 2022",
            "civil and political activism in St. Petersburg",
            "Zhivaja biblioteka",
            "Human Library",
            "Legislative Assembly",
            "Svetlanovskoye neighbours",
            "What is Boris charged with?",
            "Article 207.3, part 2, clause “d” of the Criminal Code of the Russian Federation",
            "motivated by hatred",
            "up to 10 years in prison",
            "May 11, 2022",
            "Detention Center 6",
            "May 27, 2022",
            "Kresty",
            "changed the arrest to a ban on certain activities",
            "extremist materials",
            "recognised Boris as a political prisoner",
            "How can I help?",
            "2202 2005 2356 1148",
            "Sberbank, MIR",
            "Margarita Borisovna R. (Boris’s mother)",
            "Last updated",
            "Report an inaccuracy",
        ] {
            assert!(html.contains(fact), "the English demo page lacks {fact:?}");
        }
    }
}

backend_test! {
    async fn demo_page_in_russian_says_the_same(backend: Backend) {
        let Some(app) = TestApp::with_demo(backend).await else { return };
        let html = app.page("/ru/boris-romanov").await;
        assert!(html.contains("<html lang=\"ru\">"));
        for fact in [
            "Борис под запретом определённых действий",
            "с 28 июля 2022 г.",
            "В чём обвиняется Борис?",
            "п. «д» ч. 2 ст. 207.3 УК РФ",
            "до 10 лет лишения свободы",
            "СИЗО-6",
            "«Кресты»",
            "Признан политическим заключённым: Мемориал",
            "Как помочь?",
            "2202 2005 2356 1148",
            "Маргарита Борисовна Р. (мама Бориса)",
            "Сообщить о неточности",
        ] {
            assert!(html.contains(fact), "the Russian demo page lacks {fact:?}");
        }
        assert!(!html.contains("Boris is banned"), "English text on the Russian page");
    }
}

backend_test! {
    /// Memorial gets the footnote marker, and the footnote gives the legally
    /// required label in the page's language, as the seed does by hand.
    async fn foreign_agent_is_marked_with_a_footnote_in_each_language(backend: Backend) {
        let Some(app) = TestApp::with_demo(backend).await else { return };
        let en = app.page("/en/boris-romanov").await;
        assert!(en.contains("Memorial<sup class=\"fn\"><a href=\"#label-memorial\">*</a></sup>"), "{en}");
        assert!(en.contains("id=\"label-memorial\""));
        assert!(en.contains("Memorial is included by the Ministry of Justice of the Russian Federation in the register of foreign agents."));
        let ru = app.page("/ru/boris-romanov").await;
        assert!(ru.contains("Мемориал<sup class=\"fn\"><a href=\"#label-memorial\">*</a></sup>"));
        assert!(ru.contains("Организация «Мемориал» внесена Министерством юстиции РФ в реестр иностранных агентов."));
    }
}

backend_test! {
    async fn unlabelled_organisation_renders_plainly(backend: Backend) {
        let Some(app) = TestApp::with_fixtures(backend).await else { return };
        let html = app.page("/en/anna-example").await;
        assert!(html.contains("Human Library"));
        assert!(!html.contains("#label-human-library"));
        // Two labelled organisations, numbered in order of first mention.
        assert!(html.contains("OVD-Info<sup class=\"fn\"><a href=\"#label-ovd-info\">*</a></sup>"), "{html}");
        assert!(html.contains("Memorial<sup class=\"fn\"><a href=\"#label-memorial\">**</a></sup>"));
        assert!(html.contains("(since September 29, 2021)"));
    }
}

backend_test! {
    async fn every_section_of_a_full_campaign_is_shown(backend: Backend) {
        let Some(app) = TestApp::with_fixtures(backend).await else { return };
        let html = app.page("/en/anna-example").await;
        for (what, needle) in [
            ("status", "Anna is in pre-trial detention"),
            ("next hearing", "Next hearing"),
            ("hearing date and time", "March 15, 2024</time>, 10:30"),
            ("hearing place", "Vakhitovsky District Court, Kazan"),
            ("calendar link", "/en/anna-example/hearings.ics"),
            ("more hearings", "more hearings are listed in the calendar"),
            ("photo", "/photos/anna-example.jpg?v="),
            ("born", "March 10, 1990"),
            ("region", "Kazan"),
            ("biography markdown", "<em>history</em>"),
            ("person link", "https://blog.example/anna"),
            ("second charge", "Code of Administrative Offences"),
            ("timeline source", "https://news.example/anna-detained"),
            ("upcoming marker", "upcoming</strong>"),
            ("recognition date", "(December 1, 2023)"),
            ("card", "2200 0000 0000 0001"),
            ("risk warning", "Transfers from Russian cards are visible to the bank."),
            ("bank transfer", "IBAN DE00"),
            ("crypto", "TExampleAddress000000000000000000"),
            ("crypto network", "TRC20"),
            ("donation link", "https://fund.example/anna"),
            ("letters", "Write a letter"),
            ("facility address", "420000, Kazan, Example st., 1"),
            ("letter tips", "letters are read by the censor"),
            ("share", "https://t.me/share/url?url=https%3A%2F%2Fsvoboda%2Etest%2Fen%2Fanna%2Dexample"),
            ("publications", "Teacher detained in Kazan"),
            ("channels", "https://t.me/free_anna_example"),
            ("updates", "First letter from Anna"),
            ("all updates", "All updates (2)"),
            ("contact", "https://fund.example/contact"),
            ("last updated", "February 20, 2024"),
        ] {
            assert!(html.contains(needle), "{what}: {needle:?} missing");
        }
        // The organiser put letters first.
        let letters = html.find("id=\"letters\"").expect("letters section");
        let donate = html.find("id=\"donate\"").expect("donate section");
        assert!(letters < donate, "help sections follow the organiser's order");
    }
}

backend_test! {
    /// Sections appear only when they have content.
    async fn empty_sections_are_not_shown(backend: Backend) {
        let Some(app) = TestApp::with_demo(backend).await else { return };
        let html = app.page("/en/boris-romanov").await;
        for absent in ["Next hearing", "Write a letter", "Publications", "Follow the news"] {
            assert!(!html.contains(absent), "{absent:?} shown without content");
        }
    }
}

backend_test! {
    async fn language_switch_links_to_the_same_page_with_hreflang(backend: Backend) {
        let Some(app) = TestApp::with_demo(backend).await else { return };
        let html = app.page("/en/boris-romanov").await;
        assert!(html.contains("<a href=\"/ru/boris-romanov\" hreflang=\"ru\" lang=\"ru\" rel=\"alternate\">Русский</a>"));
        assert!(html.contains("<link rel=\"alternate\" hreflang=\"ru\" href=\"https://svoboda.test/ru/boris-romanov\">"));
        assert!(html.contains("<link rel=\"alternate\" hreflang=\"en\" href=\"https://svoboda.test/en/boris-romanov\">"));
        assert!(html.contains("hreflang=\"x-default\""));
        assert!(html.contains("<span aria-current=\"page\" lang=\"en\">English</span>"));
    }
}

backend_test! {
    async fn root_redirects_by_accept_language(backend: Backend) {
        let Some(app) = TestApp::with_demo(backend).await else { return };
        let en = app.get_with("/", &[("accept-language", "en-US,en;q=0.9,ru;q=0.5")]).await;
        assert_eq!(en.status, StatusCode::TEMPORARY_REDIRECT);
        assert_eq!(en.header("location"), "/en/");
        assert_eq!(en.header("vary"), "accept-language");
        let ru = app.get_with("/", &[("accept-language", "ru")]).await;
        assert_eq!(ru.header("location"), "/ru/");
        // Nothing supported: the instance default (Russian in tests).
        let other = app.get_with("/", &[("accept-language", "de-DE")]).await;
        assert_eq!(other.header("location"), "/ru/");
        let none = app.get("/").await;
        assert_eq!(none.header("location"), "/ru/");
        let bare = app.get("/en").await;
        assert_eq!(bare.status, StatusCode::PERMANENT_REDIRECT);
        assert_eq!(bare.header("location"), "/en/");
    }
}

backend_test! {
    async fn not_found_pages_speak_the_visitors_language(backend: Backend) {
        let Some(app) = TestApp::with_demo(backend).await else { return };
        let cases = [
            ("/en/nobody", "Page not found", "lang=\"en\""),
            ("/ru/nobody", "Страница не найдена", "lang=\"ru\""),
            ("/en/boris-romanov/updates/nothing", "Page not found", "lang=\"en\""),
            ("/ru/boris-romanov/nothing/else", "Страница не найдена", "lang=\"ru\""),
            ("/de/boris-romanov", "Страница не найдена", "lang=\"ru\""),
            ("/static/../../etc/passwd", "Страница не найдена", "lang=\"ru\""),
            ("/photos/boris-romanov.jpg", "Страница не найдена", "lang=\"ru\""),
        ];
        for (path, text, lang) in cases {
            let response = app.get(path).await;
            assert_eq!(response.status, StatusCode::NOT_FOUND, "{path}");
            let html = response.text();
            assert!(html.contains(text), "{path}: {html}");
            assert!(html.contains(lang), "{path}");
        }
        let by_header = app.get_with("/no/such/page", &[("accept-language", "en")]).await;
        assert_eq!(by_header.status, StatusCode::NOT_FOUND);
        assert!(by_header.text().contains("Page not found"));
    }
}

backend_test! {
    async fn updates_have_a_list_and_a_page_each(backend: Backend) {
        let Some(app) = TestApp::with_fixtures(backend).await else { return };
        let list = app.page("/en/anna-example/updates").await;
        let newer = list.find("First letter from Anna").expect("newer update");
        let older = list.find("Anna detained").expect("older update");
        assert!(newer < older, "newest first");
        assert!(list.contains("#label-memorial"), "labels apply in updates too");
        let one = app.page("/ru/anna-example/updates/first-letter").await;
        assert!(one.contains("<h1>Первое письмо от Анны</h1>"));
        assert!(one.contains("Организация «Мемориал» внесена"));
        assert!(one.contains("href=\"/en/anna-example/updates/first-letter\""), "language switch keeps the update");
    }
}

backend_test! {
    async fn security_headers_forbid_other_hosts_and_scripts(backend: Backend) {
        let Some(app) = TestApp::with_demo(backend).await else { return };
        for path in ["/en/boris-romanov", "/ru/", "/en/nobody", "/api/v1/campaigns"] {
            let r = app.get(path).await;
            let csp = r.header("content-security-policy");
            assert!(csp.contains("default-src 'none'"), "{path}: {csp}");
            assert!(!csp.contains("http"), "{path}: CSP allows a host: {csp}");
            assert!(!csp.contains("script-src"), "{path}: scripts must stay forbidden");
            assert_eq!(r.header("x-content-type-options"), "nosniff");
            assert_eq!(r.header("referrer-policy"), "same-origin", "no referrer leaves the site");
        }
    }
}

backend_test! {
    /// No page refers to another host for anything it loads: every src and
    /// stylesheet is a path on this instance.
    async fn pages_load_nothing_from_other_hosts(backend: Backend) {
        let Some(app) = TestApp::with_fixtures(backend).await else { return };
        for path in ["/en/boris-romanov", "/ru/anna-example", "/en/", "/ru/anna-example/updates"] {
            let html = app.page(path).await;
            for attr in ["src=\"", "<link rel=\"stylesheet\" href=\"", "<link rel=\"icon\" href=\""] {
                for (i, _) in html.match_indices(attr) {
                    let value = &html[i + attr.len()..];
                    assert!(value.starts_with('/'), "{path}: {attr}{}", &value[..value.len().min(60)]);
                }
            }
            assert!(!html.contains("<script"), "{path} has a script");
            assert!(!html.contains("<iframe"), "{path} has a frame");
        }
    }
}

backend_test! {
    async fn campaign_page_stays_small(backend: Backend) {
        let Some(app) = TestApp::with_fixtures(backend).await else { return };
        let html = app.get("/en/anna-example").await.body.len();
        let css_href = svoboda::web::public::assets::stylesheet_href();
        let css = app.get(&css_href).await;
        assert_eq!(css.status, StatusCode::OK);
        assert!(html + css.body.len() < 50 * 1024, "HTML {html} + CSS {} bytes", css.body.len());
    }
}

backend_test! {
    /// While the database is down, cached pages keep being served; what needs
    /// the database is a 503 asking to come back, never a 500.
    async fn database_outage_keeps_pages_up_and_answers_503_elsewhere(backend: Backend) {
        let Some(app) = TestApp::with_fixtures(backend).await else { return };
        assert_eq!(app.get("/en/boris-romanov").await.status, StatusCode::OK);
        app.store.close().await;
        assert_eq!(app.get("/en/boris-romanov").await.status, StatusCode::OK, "served from memory");
        let health = app.get("/healthz").await;
        assert_eq!(health.status, StatusCode::SERVICE_UNAVAILABLE);
        let html = app.page("/en/anna-example").await;
        let start = html.find("/photos/anna-example.jpg?v=").expect("photo URL");
        let end = html[start..].find('"').expect("end") + start;
        let photo = app.get_with(&html[start..end], &[("accept-language", "en")]).await;
        assert_eq!(photo.status, StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(photo.header("retry-after"), "30");
        assert!(photo.text().contains("Временно недоступно"), "the instance's default language");
        assert!(app.state.refresh_if_stale().await.is_err(), "the poll reports the outage");
    }
}

/// Whatever path, query and headers a client sends, the answer is never a
/// server error.
#[test]
fn no_request_causes_a_server_error() {
    use proptest::prelude::*;
    use proptest::test_runner::{Config, TestRunner};
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let app = runtime
        .block_on(TestApp::with_fixtures(Backend::Sqlite))
        .expect("sqlite");
    let segment = prop_oneof![
        Just("en".to_string()),
        Just("ru".to_string()),
        Just("anna-example".to_string()),
        Just("boris-romanov".to_string()),
        Just("updates".to_string()),
        Just("feed.atom".to_string()),
        Just("hearings.ics".to_string()),
        Just("api".to_string()),
        Just("v1".to_string()),
        Just("campaigns".to_string()),
        Just("photos".to_string()),
        Just("static".to_string()),
        Just("%FF%FE".to_string()),
        Just("..".to_string()),
        "[a-zA-Z0-9._~%-]{0,12}",
    ];
    let request = (
        proptest::collection::vec(segment, 0..6),
        "[a-z=&%0-9]{0,40}",
        "[ -~]{0,40}",
        "[ -~]{0,40}",
    );
    let mut runner = TestRunner::new(Config {
        cases: 400,
        ..Config::default()
    });
    runner
        .run(
            &request,
            |(segments, query, accept_language, if_none_match)| {
                let path = format!("/{}?{query}", segments.join("/"));
                let response = runtime.block_on(app.get_with(
                    &path,
                    &[
                        ("accept-language", &accept_language),
                        ("if-none-match", &if_none_match),
                        ("accept-encoding", "br, gzip"),
                    ],
                ));
                prop_assert!(
                    !response.status.is_server_error(),
                    "{} answered {}",
                    path,
                    response.status
                );
                Ok(())
            },
        )
        .expect("no server errors");
}

backend_test! {
    /// Wallet addresses and payment links come with a QR code drawn on the
    /// server; card numbers and bank details do not.
    async fn crypto_and_link_donations_have_a_qr_code_drawn_on_the_server(backend: Backend) {
        let Some(app) = TestApp::with_fixtures(backend).await else { return };
        let page = app.page("/ru/anna-example").await;
        let codes = page.matches("<figure class=\"qr\"><svg role=\"img\" aria-label=\"QR-код: ").count();
        assert_eq!(codes, 2, "one for the wallet, one for the payment link");
        assert!(page.contains("Отсканируйте телефоном"));
    }
}

backend_test! {
    /// The page opens with the call (in Russian with the name in the dative
    /// case), the status and one row of actions in the organisers' order of
    /// the help sections; an organisers' own headline replaces the call.
    async fn the_first_screen_calls_for_freedom_and_offers_the_actions(backend: Backend) {
        let Some(app) = TestApp::with_demo(backend).await else { return };
        let ru = app.page("/ru/boris-romanov").await;
        assert!(ru.contains("<h1 class=\"call\">Свободу Борису Романову!</h1>"), "{ru}");
        assert!(ru.contains("<title>Свободу Борису Романову!"));
        let en = app.page("/en/boris-romanov").await;
        assert!(en.contains("<h1 class=\"call\">Free Boris Romanov!</h1>"));
        let head = &en[en.find("<header class=\"head\">").expect("the head")..];
        let head = &head[..head.find("</header>").expect("its end")];
        let order: Vec<&str> = head.split("href=\"#").skip(1).filter_map(|s| s.split('"').next()).collect();
        // The demo's help order: petition, donate, share (no letters: not in custody).
        assert_eq!(order, ["petition", "donate", "share"]);
        assert!(head.contains("class=\"status"), "the status line is in the head");

        let mut campaign = app.campaign("boris-romanov").await;
        campaign.headline = Some(svoboda::campaign::Localized::new([
            (svoboda::campaign::Lang::RU, "Вернём Бориса домой".to_string()),
            (svoboda::campaign::Lang::EN, "Bring Boris home".to_string()),
        ]));
        app.store
            .save_campaign(&campaign, svoboda::store::PhotoChange::Keep, svoboda::store::SaveMode::Replace)
            .await
            .expect("saved");
        app.state.reload().await.expect("reload");
        let en = app.page("/en/boris-romanov").await;
        assert!(en.contains("<h1 class=\"call\">Bring Boris home</h1>"));
        assert!(en.contains("<p class=\"name\">Boris Romanov</p>"), "the name under an own headline");
    }
}
