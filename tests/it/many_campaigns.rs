//! A directory of many campaigns: pages of the directory, searches, the
//! sitemap index, the workspace's list, and publishing one campaign
//! without emptying the cache of the others. (`scripts/bench-directory`
//! measures the same at 10,000 campaigns.)

use axum::http::StatusCode;
use chrono::Duration;
use svoboda::campaign::{Campaign, Lang, Localized, Slug, StatusKind, file};
use svoboda::store::{PhotoChange, SaveMode};

use crate::backend_test;
use crate::support::{Backend, PUBLIC_URL, TestApp, fixture};
use crate::workspace::{Browser, enrol, invitation};

/// Campaigns added to the fixtures: three pages of the directory.
const MANY: usize = 110;
const PER_PAGE: usize = svoboda::web::public::directory::PER_PAGE;

fn person(template: &Campaign, i: usize) -> Campaign {
    let mut c = template.clone();
    c.slug = Slug::parse(&format!("person-{i}")).expect("slug");
    let (ru, en) = if i.is_multiple_of(2) {
        (format!("Пётр Сидоров {i}"), format!("Pyotr Sidorov {i}"))
    } else {
        (
            format!("Мария Кузнецова {i}"),
            format!("Maria Kuznetsova {i}"),
        )
    };
    c.person.name = Localized::new([(Lang::RU, ru), (Lang::EN, en)]);
    c.person.short_name = None;
    c.person.photo = None;
    c.status.kind = if i.is_multiple_of(2) {
        StatusKind::Released
    } else {
        StatusKind::PreTrialDetention
    };
    // Newest first: person-0 is the most recently updated.
    c.updated -= Duration::days(i as i64);
    c
}

pub async fn with_many(backend: Backend) -> Option<TestApp> {
    let app = TestApp::with_fixtures(backend).await?;
    let text = std::fs::read_to_string(fixture("full/campaign.toml")).expect("fixture");
    let template = file::parse(&text, "campaign.toml", &|_| true).expect("parses");
    for i in 0..MANY {
        app.store
            .save_campaign(
                &person(&template, i),
                PhotoChange::Remove,
                SaveMode::Replace,
            )
            .await
            .expect("saved");
    }
    app.state.reload().await.expect("reload");
    Some(app)
}

fn cards(html: &str) -> usize {
    html.matches("<li class=\"card\">").count()
}

backend_test! {
    /// The directory is paginated with plain links, each page small; a page
    /// past the last is a 404; further pages are cached and answered
    /// before routing, as the first is.
    async fn the_directory_is_paginated_with_plain_links(backend: Backend) {
        let Some(app) = with_many(backend).await else { return };
        let total = MANY + 2;
        let pages = total.div_ceil(PER_PAGE);
        let mut seen = 0;
        let mut path = "/en/".to_string();
        for page in 1..=pages {
            let html = app.page(&path).await;
            assert!(html.len() <= 50 * 1024, "{path}: {} bytes", html.len());
            assert!(html.contains(&format!("Page {page} of {pages}")), "{path}");
            seen += cards(&html);
            if page > 1 {
                assert!(html.contains(&format!("<link rel=\"canonical\" href=\"{PUBLIC_URL}/en/?page={page}\">")));
                assert!(!html.contains("help-now"), "the strip is on the first page only");
            }
            match html.split("rel=\"next\"").next().and_then(|before| before.rsplit("href=\"").next()) {
                Some(next) if page < pages => {
                    let next = next.trim_end_matches("\" ").trim_end_matches('"');
                    assert_eq!(next, format!("/en/?page={}", page + 1));
                    path = next.to_string();
                }
                _ => assert!(!html.contains("rel=\"next\""), "the last page has no next"),
            }
        }
        assert_eq!(seen, total, "every campaign on exactly one page");
        assert_eq!(app.get(&format!("/en/?page={}", pages + 1)).await.status, StatusCode::NOT_FOUND);
        assert_eq!(app.page("/en/?page=x").await, app.page("/en/").await, "a bad page number is the first page");
        let second = app.get("/en/?page=2").await;
        assert!(app.state.fresh_page("/en/?page=2").is_some(), "cached under its link");
        assert_eq!(app.get("/en/?page=2").await.text(), second.text());
        let ru = app.page("/ru/?page=2").await;
        assert!(ru.contains("Страница 2 из 3"), "{ru}");
    }
}

backend_test! {
    /// A search finds across pages and says how many it found; a status
    /// filter pages too; a crafted query is one pass over the index.
    async fn searches_and_filters_page_through_thousands(backend: Backend) {
        let Some(app) = with_many(backend).await else { return };
        let html = app.page("/en/?q=kuznetsova").await;
        assert!(html.contains("55 campaigns found"), "{html}");
        assert_eq!(cards(&html), PER_PAGE);
        assert!(html.contains("href=\"/en/?q=kuznetsova&#38;page=2\""), "the query stays in the links");
        let ru = app.page("/ru/?q=%D0%BA%D1%83%D0%B7%D0%BD%D0%B5%D1%86%D0%BE%D0%B2%D0%B0").await;
        assert!(ru.contains("Найдено 55 кампаний"), "{ru}");
        let by_region = app.page("/en/?q=kazan").await;
        assert!(by_region.contains("campaigns found") && by_region.contains("href=\"/en/person-0\""), "the people are in Kazan");
        let by_article = app.page("/en/?q=280.3").await;
        assert!(by_article.contains("campaigns found"));
        let released = app.page("/en/?status=released&page=2").await;
        assert!(released.contains("Page 2 of"), "{released}");
        assert!(released.contains("href=\"/en/?status=released\""), "back to its first page");
        assert_eq!(app.get("/en/?status=released&page=9").await.status, StatusCode::NOT_FOUND);
        let crafted = "a".repeat(5000);
        let r = app.get(&format!("/en/?q={crafted}")).await;
        assert_eq!(r.status, StatusCode::OK);
        assert!(r.text().contains("No campaign matches the search."));
    }
}

backend_test! {
    /// Publishing one campaign reads that one again and leaves every other
    /// campaign's cached pages cached; the directory is drawn again.
    async fn publishing_one_campaign_keeps_the_others_cached(backend: Backend) {
        let Some(app) = with_many(backend).await else { return };
        for path in ["/en/person-1", "/ru/person-2", "/en/anna-example", "/en/", "/en/?page=2"] {
            app.page(path).await;
            assert!(app.state.fresh_page(path).is_some(), "{path} cached");
        }
        let mut boris = app.campaign("person-1").await;
        boris.person.name = Localized::new([(Lang::EN, "Renamed Person".to_string())]);
        app.store.save_campaign(&boris, PhotoChange::Keep, SaveMode::Replace).await.expect("saved");
        assert!(app.state.refresh_if_stale().await.expect("refresh"));
        for path in ["/ru/person-2", "/en/anna-example"] {
            assert!(app.state.fresh_page(path).is_some(), "{path} still cached");
        }
        assert!(app.state.fresh_page("/en/person-1").is_none(), "the published one is drawn again");
        assert!(app.page("/en/person-1").await.contains("Renamed Person"));
        assert!(app.page("/en/?q=renamed").await.contains("1 campaign found"));
        assert!(app.state.fresh_page("/en/").is_none(), "the directory lists it");
    }
}

backend_test! {
    /// The sitemap index names files of at most `URLS_PER_FILE` addresses;
    /// with a small limit, every page is in exactly one file.
    async fn the_sitemap_index_splits_into_files(backend: Backend) {
        use svoboda::web::public::crawlers::{sitemap_index, sitemap_xml};
        let Some(app) = with_many(backend).await else { return };
        let content = app.state.content();
        let index = sitemap_index(PUBLIC_URL, &content, &[Lang::RU, Lang::EN], 100);
        let files = index.matches("<sitemap>").count();
        let mut locs = Vec::new();
        for n in 1..=files {
            assert!(index.contains(&format!("<loc>{PUBLIC_URL}/sitemaps/{n}.xml</loc>")));
            let xml = sitemap_xml(PUBLIC_URL, &content, &[Lang::RU, Lang::EN], n, 100).expect("file");
            let here: Vec<String> = xml
                .split("<loc>")
                .skip(1)
                .filter_map(|s| s.split("</loc>").next())
                .map(str::to_string)
                .collect();
            assert!(here.len() <= 100 && !here.is_empty(), "file {n}: {}", here.len());
            locs.extend(here);
        }
        assert!(sitemap_xml(PUBLIC_URL, &content, &[Lang::RU, Lang::EN], files + 1, 100).is_none());
        let unique: std::collections::HashSet<&String> = locs.iter().collect();
        assert_eq!(unique.len(), locs.len(), "no page twice");
        for i in 0..MANY {
            for lang in ["ru", "en"] {
                let page = format!("{PUBLIC_URL}/{lang}/person-{i}");
                assert!(unique.contains(&page), "{page}");
                assert!(unique.contains(&format!("{page}/petition/free-anna")));
            }
        }
        let served = app.get("/sitemap.xml").await.text();
        assert!(served.contains(&format!("<loc>{PUBLIC_URL}/sitemaps/1.xml</loc>")));
    }
}

backend_test! {
    /// The workspace's list of campaigns: fifty a page, searchable by name.
    async fn the_workspace_list_is_paginated_and_searchable(backend: Backend) {
        let Some(app) = with_many(backend).await else { return };
        let link = invitation(&app, None).await;
        let mut owner = Browser::new(&app, [198, 51, 100, 7]);
        enrol(&mut owner, &link, "owner").await;
        let home = owner.get("/admin/en/").await.text();
        assert_eq!(home.matches("<li><a href=\"/admin/en/campaigns/").count(), 50, "{home}");
        assert!(home.contains("Page 1 of 3"));
        assert!(home.contains("name=\"q\""), "a search where the list is long");
        let last = owner.get("/admin/en/?page=3").await.text();
        assert_eq!(last.matches("<li><a href=\"/admin/en/campaigns/").count(), MANY + 2 - 100);
        let found = owner.get("/admin/en/?q=Sidorov+10").await.text();
        assert!(found.contains("campaigns found") || found.contains("campaign found"), "{found}");
        assert!(found.contains("Pyotr Sidorov 10<"), "{found}");
        assert!(!found.contains("Maria Kuznetsova"), "{found}");
        let ru = owner.get("/admin/ru/?q=%D1%81%D0%B8%D0%B4%D0%BE%D1%80%D0%BE%D0%B2").await.text();
        assert!(ru.contains("Найдено 55 кампаний"), "{ru}");
    }
}
