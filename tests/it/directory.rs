//! `/{lang}/`: the directory of campaigns.

use crate::backend_test;
use crate::support::{Backend, TestApp};
use axum::http::StatusCode;

backend_test! {
    async fn directory_lists_every_campaign_with_photo_status_and_charge(backend: Backend) {
        let Some(app) = TestApp::with_fixtures(backend).await else { return };
        let html = app.page("/en/").await;
        assert!(html.contains("href=\"/en/boris-romanov\""));
        assert!(html.contains("href=\"/en/anna-example\""));
        assert!(html.contains("Ban on certain activities"));
        assert!(html.contains("Pre-trial detention"));
        assert!(html.contains("Art. 207.3 of the Criminal Code of the Russian Federation"));
        assert!(html.contains("/photos/anna-example.jpg?v="));
        assert!(html.contains(&svoboda::web::public::assets::placeholder_href()), "Boris has no photo");
        let ru = app.page("/ru/").await;
        assert!(ru.contains("Борис Романов"));
        assert!(ru.contains("ст. 207.3 УК РФ"));
    }
}

backend_test! {
    async fn directory_filters_by_status(backend: Backend) {
        let Some(app) = TestApp::with_fixtures(backend).await else { return };
        let html = app.page("/en/?status=pre-trial-detention").await;
        assert!(html.contains("href=\"/en/anna-example\""));
        assert!(!html.contains("href=\"/en/boris-romanov\""));
        assert!(html.contains("<option value=\"pre-trial-detention\" selected>"));
        let none = app.page("/en/?status=released").await;
        assert!(none.contains("No campaign matches the search."));
        // An unknown status is ignored rather than an error page.
        let all = app.page("/en/?status=bogus").await;
        assert!(all.contains("anna-example") && all.contains("boris-romanov"));
    }
}

backend_test! {
    async fn directory_searches_names_in_every_language(backend: Backend) {
        let Some(app) = TestApp::with_fixtures(backend).await else { return };
        let latin = app.page("/en/?q=romanov").await;
        assert!(latin.contains("href=\"/en/boris-romanov\""));
        assert!(!latin.contains("href=\"/en/anna-example\""));
        let cyrillic = app.page("/en/?q=%D0%B0%D0%BD%D0%BD%D0%B0").await; // "анна"
        assert!(cyrillic.contains("href=\"/en/anna-example\""));
        assert!(!cyrillic.contains("href=\"/en/boris-romanov\""));
        assert!(cyrillic.contains("value=\"анна\""), "the search stays in the box");
        let long = "x".repeat(10_000);
        let response = app.get(&format!("/en/?q={long}")).await;
        assert_eq!(response.status, StatusCode::OK);
        let hostile = app.page("/en/?q=%22%3E%3Cscript%3Ealert(1)%3C/script%3E").await;
        assert!(!hostile.contains("<script>alert(1)"));
    }
}

backend_test! {
    async fn help_now_strip_shows_hearings_and_birthdays_in_custody(backend: Backend) {
        let Some(app) = TestApp::with_fixtures(backend).await else { return };
        let html = app.page("/en/").await;
        assert!(html.contains("Upcoming hearings"));
        let first = html.find("March 15, 2024, 10:30").expect("first hearing");
        let second = html.find("April 2, 2024").expect("second hearing");
        assert!(first < second, "soonest first");
        assert!(html.contains("Birthdays in custody"));
        assert!(html.contains("March 10, 2024"));
        assert!(html.contains("href=\"/en/anna-example/letter\""), "a birthday leads to writing");

        // While letters do not reach her, to the campaign's letters section.
        let mut campaign = app.store.campaign("anna-example").await.expect("read").expect("campaign");
        campaign.help.letters.as_mut().expect("letters").can_write = false;
        app.store
            .save_campaign(&campaign, svoboda::store::PhotoChange::Keep, svoboda::store::SaveMode::Replace)
            .await
            .expect("save");
        app.state.reload().await.expect("reload");
        let html = app.page("/en/").await;
        assert!(html.contains("href=\"/en/anna-example#letters\""));
    }
}

backend_test! {
    async fn empty_instance_says_so(backend: Backend) {
        let Some(app) = TestApp::empty(backend).await else { return };
        let html = app.page("/en/").await;
        assert!(html.contains("There are no campaigns yet."));
        assert!(!html.contains("Help now"));
    }
}

backend_test! {
    /// A campaign records how long the measure of restraint runs and when
    /// the person is expected free: the page shows both, and the directory's
    /// "help now" strip lists releases expected within 90 days.
    async fn custody_terms_and_expected_releases_are_shown(backend: Backend) {
        let Some(app) = TestApp::with_fixtures(backend).await else { return };
        let today = crate::support::today();
        let mut anna = app.campaign("anna-example").await;
        anna.status.until = Some(today + chrono::Days::new(10));
        anna.status.expected_release = Some(today + chrono::Days::new(30));
        app.store
            .save_campaign(&anna, svoboda::store::PhotoChange::Keep, svoboda::store::SaveMode::Replace)
            .await
            .expect("saved");
        app.state.reload().await.expect("reload");
        let page = app.page("/en/anna-example").await;
        assert!(page.contains("The measure of restraint runs until March 11, 2024"), "{page}");
        assert!(page.contains("Expected release: March 31, 2024"));
        let ru = app.page("/ru/anna-example").await;
        assert!(ru.contains("Мера пресечения продлена до"));
        let directory = app.page("/en/").await;
        let strip = &directory[directory.find("class=\"help-now\"").expect("the strip")..];
        let releases = &strip[strip.find("Expected releases").expect("releases")..];
        assert!(releases.contains("href=\"/en/anna-example\""), "{releases}");

        anna.status.expected_release = Some(today + chrono::Days::new(200));
        app.store
            .save_campaign(&anna, svoboda::store::PhotoChange::Keep, svoboda::store::SaveMode::Replace)
            .await
            .expect("saved");
        app.state.reload().await.expect("reload");
        assert!(!app.page("/en/").await.contains("Expected releases"), "not within 90 days");
    }
}

backend_test! {
    /// The directory counts campaigns by status and every confirmed
    /// signature, and a new signature shows at once.
    async fn the_directory_counts_campaigns_by_status_and_signatures(backend: Backend) {
        let Some(app) = TestApp::with_fixtures(backend).await else { return };
        let html = app.page("/en/").await;
        let counters = &html[html.find("class=\"counters\"").expect("counters")..];
        let counters = &counters[..counters.find("</p>").expect("end")];
        assert!(counters.contains("Pre-trial detention: 1"), "{counters}");
        let total = |html: &str| -> i64 {
            let end = html.find(" confirmed signature").expect("the total");
            let start = html[..end].rfind('>').expect("its tag") + 1;
            html[start..end].trim().parse().expect("a number")
        };
        let before = total(&html);
        let r = app
            .post_form("/en/anna-example/petition/quiet-support", &[("name", "Nina"), ("consent", "on")], [198, 51, 100, 9])
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        app.state.refresh_counts().await.expect("counts");
        assert_eq!(total(&app.page("/en/").await), before + 1);
        let ru = app.page("/ru/").await;
        assert!(ru.contains("Подтверждённых подписей во всех петициях"));
    }
}
