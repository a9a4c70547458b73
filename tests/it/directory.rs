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
