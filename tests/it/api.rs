//! `/api/v1/...`: the public data as JSON.

use crate::backend_test;
use crate::support::{Backend, TestApp};
use axum::http::StatusCode;
use serde_json::Value;

backend_test! {
    async fn campaign_list_gives_slugs_names_status_and_links(backend: Backend) {
        let Some(app) = TestApp::with_fixtures(backend).await else { return };
        let r = app.get("/api/v1/campaigns").await;
        assert_eq!(r.status, StatusCode::OK);
        assert_eq!(r.header("content-type"), "application/json");
        let list: Value = serde_json::from_slice(&r.body).expect("JSON");
        let items = list.as_array().expect("array");
        assert_eq!(items.len(), 2);
        let boris = items.iter().find(|i| i["slug"] == "boris-romanov").expect("demo listed");
        assert_eq!(boris["name"]["ru"], "Борис Романов");
        assert_eq!(boris["status"], "ban-on-certain-activities");
        assert_eq!(boris["status_since"], "2022-07-28");
        assert_eq!(boris["api"], "/api/v1/campaigns/boris-romanov");
        assert_eq!(boris["pages"][0], serde_json::json!(["ru", "https://svoboda.test/ru/boris-romanov"]));
    }
}

backend_test! {
    async fn campaign_detail_carries_the_whole_case(backend: Backend) {
        let Some(app) = TestApp::with_fixtures(backend).await else { return };
        let r = app.get("/api/v1/campaigns/anna-example").await;
        assert_eq!(r.status, StatusCode::OK);
        let c: Value = serde_json::from_slice(&r.body).expect("JSON");
        assert_eq!(c["slug"], "anna-example");
        assert_eq!(c["charges"][0]["article"], "280.3");
        assert_eq!(c["timeline"].as_array().map(Vec::len), Some(3));
        assert_eq!(c["help"]["donations"][2]["kind"], "crypto");
        assert_eq!(c["organisations"].as_array().map(Vec::len), Some(3), "registry entries it mentions");
        assert!(c["photo_url"].as_str().is_some_and(|u| u.starts_with("/photos/anna-example.jpg?v=")));
    }
}

backend_test! {
    async fn unknown_campaign_is_a_json_404(backend: Backend) {
        let Some(app) = TestApp::with_demo(backend).await else { return };
        let r = app.get("/api/v1/campaigns/nobody").await;
        assert_eq!(r.status, StatusCode::NOT_FOUND);
        let body: Value = serde_json::from_slice(&r.body).expect("JSON error");
        assert_eq!(body["error"], "not-found");
    }
}
