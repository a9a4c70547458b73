//! The JSON signing endpoint and the OpenAPI description: every answer the
//! API gives here is checked against the schema the description states for
//! its status, and signing follows the petition form's rules.

use axum::http::StatusCode;
use serde_json::{Value, json};

use crate::backend_test;
use crate::support::{Backend, TestApp, TestResponse, test_petition_settings};

const SIGN: &str = "/api/v1/campaigns/anna-example/petitions/free-anna/signatures";
const ANONYMOUS: &str = "/api/v1/campaigns/anna-example/petitions/quiet-support/signatures";
const CLOSED: &str = "/api/v1/campaigns/anna-example/petitions/old-appeal/signatures";
const PARTNER: &str = "https://partner.example";

async fn app(backend: Backend, burst: u32) -> Option<TestApp> {
    let mut settings = test_petition_settings();
    settings.embed_origins = vec![PARTNER.to_string()];
    settings.sign_burst = burst;
    settings.sign_per_minute = burst;
    let app = TestApp::with_settings(backend, settings).await?;
    app.load_demo_and_fixture().await;
    Some(app)
}

async fn post(
    app: &TestApp,
    path: &str,
    body: &Value,
    headers: &[(&str, &str)],
    ip: u8,
) -> TestResponse {
    app.post_from(
        path,
        "application/json",
        body.to_string().into_bytes(),
        [198, 51, 100, ip],
        headers,
    )
    .await
}

fn json_of(r: &TestResponse) -> Value {
    serde_json::from_slice(&r.body).unwrap_or_else(|e| panic!("JSON ({e}): {}", r.text()))
}

/// The OpenAPI description, and a checker of answers against it.
struct Description(Value);

impl Description {
    async fn fetch(app: &TestApp) -> Self {
        let r = app.get("/api/v1/openapi.json").await;
        assert_eq!(r.status, StatusCode::OK);
        let doc = json_of(&r);
        assert!(
            doc["openapi"]
                .as_str()
                .is_some_and(|v| v.starts_with("3.1.")),
            "{doc}"
        );
        Description(doc)
    }

    /// Fails unless `r` is an answer the description names for `method
    /// path`, with a body its schema accepts.
    fn check(&self, method: &str, path: &str, r: &TestResponse) {
        let status = r.status.as_u16().to_string();
        let operation = &self.0["paths"][path][method];
        assert!(operation.is_object(), "{method} {path} is described");
        let schema = &operation["responses"][&status]["content"]["application/json"]["schema"];
        assert!(
            schema.is_object(),
            "{method} {path} answers {status}: described? {}",
            r.text()
        );
        assert!(r.header("content-type").starts_with("application/json"));
        // The response's schema, with the description's components beside it
        // so that its references resolve.
        let mut full = schema.clone();
        full["components"] = self.0["components"].clone();
        full["$schema"] = json!("https://json-schema.org/draft/2020-12/schema");
        let validator = jsonschema::validator_for(&full).expect("a valid JSON Schema");
        let body = json_of(r);
        let errors: Vec<String> = validator
            .iter_errors(&body)
            .map(|e| format!("{e} at {}", e.instance_path()))
            .collect();
        assert!(
            errors.is_empty(),
            "{method} {path} {status}: {errors:?}\n{body}"
        );
    }
}

backend_test! {
    async fn every_answer_matches_the_openapi_description(backend: Backend) {
        let Some(app) = app(backend, 1000).await else { return };
        let doc = Description::fetch(&app).await;
        let list = app.get("/api/v1/campaigns").await;
        doc.check("get", "/api/v1/campaigns", &list);
        for slug in ["boris-romanov", "anna-example", "no-such-campaign"] {
            let one = app.get(&format!("/api/v1/campaigns/{slug}")).await;
            doc.check("get", "/api/v1/campaigns/{slug}", &one);
        }
        let signing = "/api/v1/campaigns/{slug}/petitions/{id}/signatures";
        let good = json!({"name": "Partner Signer", "email": "p@example.org", "city": "Tver", "consent": true});
        let cases: [(&str, Value, StatusCode); 6] = [
            (SIGN, good.clone(), StatusCode::ACCEPTED),
            (ANONYMOUS, json!({"name": "Quiet", "consent": true}), StatusCode::CREATED),
            (SIGN, json!({"name": "", "email": "not-an-address"}), StatusCode::UNPROCESSABLE_ENTITY),
            (SIGN, json!(["not", "an", "object"]), StatusCode::BAD_REQUEST),
            (CLOSED, good.clone(), StatusCode::CONFLICT),
            ("/api/v1/campaigns/anna-example/petitions/nope/signatures", good.clone(), StatusCode::NOT_FOUND),
        ];
        for (path, body, status) in cases {
            let r = post(&app, path, &body, &[], 7).await;
            assert_eq!(r.status, status, "{path}: {}", r.text());
            doc.check("post", signing, &r);
        }
        let huge = post(&app, SIGN, &json!({"name": "x".repeat(20_000)}), &[], 7).await;
        assert_eq!(huge.status, StatusCode::PAYLOAD_TOO_LARGE);
        doc.check("post", signing, &huge);
        let foreign = post(&app, SIGN, &good, &[("origin", "https://evil.example")], 7).await;
        assert_eq!(foreign.status, StatusCode::FORBIDDEN);
        doc.check("post", signing, &foreign);
    }
}

backend_test! {
    async fn the_api_refuses_what_the_form_refuses_with_field_errors_in_the_signers_language(backend: Backend) {
        let Some(app) = app(backend, 2).await else { return };
        let r = post(&app, SIGN, &json!({"name": "x".repeat(101), "email": "bad", "lang": "ru"}), &[], 9).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        let body = json_of(&r);
        assert_eq!(body["error"], "invalid");
        let problems: Vec<(String, String)> = body["problems"]
            .as_array()
            .expect("problems")
            .iter()
            .map(|p| (p["field"].as_str().unwrap_or("").into(), p["problem"].as_str().unwrap_or("").into()))
            .collect();
        for expected in [("name", "too-long"), ("email", "invalid-email"), ("consent", "consent-required")] {
            assert!(problems.contains(&(expected.0.into(), expected.1.into())), "{expected:?} in {problems:?}");
        }
        assert!(body["message"].as_str().is_some_and(|m| m.chars().any(|c| ('а'..='я').contains(&c))), "{body}");
        // A signature by the API is a signature: the same mail as the form's.
        let good = json!({"name": "A", "email": "a@example.org", "consent": true});
        let taken = post(&app, SIGN, &good, &[], 9).await;
        assert_eq!(taken.status, StatusCode::ACCEPTED, "{}", taken.text());
        assert_eq!(app.deliver_mail().await, 1);
        let mail = app.mailbox().pop().expect("mail");
        assert_eq!(mail.to, "a@example.org");
        // The same limit per address as the form: the burst is 2.
        let limited = post(&app, SIGN, &good, &[], 9).await;
        assert_eq!(limited.status, StatusCode::TOO_MANY_REQUESTS);
        assert_eq!(json_of(&limited)["error"], "rate-limited");
        assert_eq!(limited.header("retry-after"), "60");
        assert!(mail.link("/confirm/").is_some());
    }
}

backend_test! {
    async fn only_listed_partners_may_sign_from_a_browser(backend: Backend) {
        let Some(app) = app(backend, 1000).await else { return };
        let preflight = |origin: &'static str| {
            let app = &app;
            async move {
                let request = axum::http::Request::builder()
                    .method("OPTIONS")
                    .uri(SIGN)
                    .header("origin", origin)
                    .header("access-control-request-method", "POST")
                    .header("access-control-request-headers", "content-type")
                    .body(axum::body::Body::empty())
                    .expect("request");
                let response = tower::ServiceExt::oneshot(app.router.clone(), request)
                    .await
                    .expect("infallible");
                (response.status(), response.headers().clone())
            }
        };
        let (status, headers) = preflight(PARTNER).await;
        assert_eq!(status, StatusCode::NO_CONTENT);
        assert_eq!(headers["access-control-allow-origin"], PARTNER);
        assert!(headers["access-control-allow-headers"].to_str().is_ok_and(|h| h.contains("content-type")));
        let (status, headers) = preflight("https://evil.example").await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        assert!(!headers.contains_key("access-control-allow-origin"));

        let good = json!({"name": "Partner Reader", "email": "reader@example.org", "consent": true});
        let from_partner = post(&app, SIGN, &good, &[("origin", PARTNER)], 11).await;
        assert_eq!(from_partner.status, StatusCode::ACCEPTED, "{}", from_partner.text());
        assert_eq!(from_partner.header("access-control-allow-origin"), PARTNER);
        let evil = json!({"name": "Tricked Reader", "email": "tricked@example.org", "consent": true});
        let from_elsewhere = post(&app, SIGN, &evil, &[("origin", "https://evil.example")], 12).await;
        assert_eq!(from_elsewhere.status, StatusCode::FORBIDDEN);
        assert_eq!(json_of(&from_elsewhere)["error"], "origin-not-allowed");
        assert_eq!(from_elsewhere.header("access-control-allow-origin"), "");
        assert_eq!(app.deliver_mail().await, 1, "only the partner's signature was taken");
        assert_eq!(app.mailbox().pop().expect("mail").to, "reader@example.org");
    }
}
