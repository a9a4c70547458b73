//! Writing a letter to a person in custody, and checking it before it goes:
//! what censors often stop is marked, the pages counted, and the letter
//! shown as it will be printed with the facility's address. Nothing typed
//! is kept, nothing runs in the browser.

use axum::http::StatusCode;

use crate::backend_test;
use crate::support::{Backend, TestApp};

const LETTER: &str = "/ru/anna-example/letter";

backend_test! {
    /// A letter in Russian with words about the war and an English phrase:
    /// both are marked and explained, the page counts the pages, and the
    /// preview carries the address, the text and the first name, as text.
    async fn a_letter_is_checked_and_shown_as_printed(backend: Backend) {
        let Some(app) = TestApp::with_fixtures(backend).await else { return };
        let campaign = app.page("/ru/anna-example").await;
        assert!(campaign.contains(r#"<a href="/ru/anna-example/letter">Написать письмо и проверить его перед отправкой</a>"#));
        let empty = app.get(LETTER).await;
        assert_eq!(empty.status, StatusCode::OK);
        assert_eq!(empty.header("cache-control"), "no-store");
        let html = empty.text();
        assert!(html.contains("<textarea id=\"l-text\" name=\"text\"") && !html.contains("<script"));
        assert!(html.contains("Учреждение пропускает письма на языках: русский."));
        assert!(html.contains("<title>Письмо Анне Пример</title>"), "the name declined");

        let text = "Привет, Аня! Все говорят о войне, а я думаю о тебе. Keep calm.\n<script>alert(1)</script>";
        let checked = app
            .post_form(LETTER, &[("text", text), ("name", "Вера <b>")], [198, 51, 100, 40])
            .await;
        assert_eq!(checked.status, StatusCode::OK);
        assert_eq!(checked.header("cache-control"), "no-store", "nothing typed is cached anywhere");
        let html = checked.text();
        assert!(html.contains("<li>война: «войне»</li>"), "explained");
        assert!(html.contains("слова на языке, который учреждение не пропускает: «Keep», «calm», «script», «alert»"));
        assert!(html.contains("<mark>войне</mark>"), "marked in the text");
        assert!(html.contains("Примерно 1 печатная страница."));
        assert!(html.contains("420000, Kazan, Example st., 1"), "the address heads the letter");
        assert!(html.contains(r#"<p class="signature">Вера &#60;b&#62;</p>"#), "the name, as text");
        assert!(!html.contains("<script>alert") && html.contains("&#60;script&#62;"), "the text stays text");
        assert!(html.contains(r#"name="name" type="text" maxlength="60" autocomplete="off" value="Вера &#60;b&#62;""#), "kept for another try");

        let clean = app.post_form(LETTER, &[("text", "Привет! Как ты? Обнимаю.")], [198, 51, 100, 41]).await.text();
        assert!(clean.contains("Ничего из наших списков."));
        let english = app.post_form("/en/anna-example/letter", &[("text", "Hi")], [198, 51, 100, 41]).await.text();
        assert!(english.contains("words in a language the facility does not let through: «Hi»"), "explained in the reader's language");
    }
}

backend_test! {
    /// An empty, an overlong and an unreadable letter are refused in the
    /// writer's language; a letter to someone whom letters do not reach now
    /// gets no form; a campaign without a facility has no letter page.
    async fn letters_that_cannot_be_checked_are_refused_clearly(backend: Backend) {
        let Some(app) = TestApp::with_fixtures(backend).await else { return };
        let empty = app.post_form(LETTER, &[("text", "  \n ")], [198, 51, 100, 42]).await;
        assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(empty.text().contains("Письмо пустое"));
        let long = "а".repeat(20_001);
        let refused = app.post_form(LETTER, &[("text", &long)], [198, 51, 100, 42]).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(refused.text().contains("Письмо длиннее 20000 знаков"));
        let most = "ё".repeat(20_000);
        assert_eq!(app.post_form(LETTER, &[("text", &most)], [198, 51, 100, 42]).await.status, StatusCode::OK, "the longest letter fits the body limit");
        let junk = app.post_raw(LETTER, "application/json", b"{\"text\": 1}".to_vec(), [198, 51, 100, 42]).await;
        assert_eq!(junk.status, StatusCode::BAD_REQUEST);
        assert!(junk.text().contains("Не удалось прочитать форму"));
        assert_eq!(app.get("/ru/boris-romanov/letter").await.status, StatusCode::NOT_FOUND);
        assert_eq!(app.get("/ru/nobody/letter").await.status, StatusCode::NOT_FOUND);

        let mut campaign = app.store.campaign("anna-example").await.expect("read").expect("campaign");
        campaign.help.letters.as_mut().expect("letters").can_write = false;
        app.store
            .save_campaign(&campaign, svoboda::store::PhotoChange::Keep, svoboda::store::SaveMode::Replace)
            .await
            .expect("save");
        app.state.reload().await.expect("reload");
        let paused = app.page(LETTER).await;
        assert!(paused.contains("Сейчас письма не доходят: Анна какое-то время не может их получать."), "says so");
        assert!(!paused.contains("<textarea"), "no form meanwhile");
        let posted = app.post_form(LETTER, &[("text", "Привет")], [198, 51, 100, 43]).await;
        assert_eq!(posted.status, StatusCode::CONFLICT);
    }
}

backend_test! {
    /// Where writing is risky for the writer (Belarus by default), the page
    /// says so plainly and the name stays off the letter unless the writer
    /// ticks that they insist; organisers may mark any campaign so.
    async fn where_writing_is_risky_the_page_says_so_and_leaves_the_name_off(backend: Backend) {
        let Some(app) = TestApp::with_fixtures(backend).await else { return };
        let page = app.page(LETTER).await;
        assert!(!page.contains("class=\"risk\" role=\"note\""), "a Russian facility: not by default");
        let signed = app.post_form(LETTER, &[("text", "Привет"), ("name", "Вера")], [198, 51, 100, 44]).await.text();
        assert!(signed.contains(r#"<p class="signature">Вера</p>"#));

        let mut campaign = app.store.campaign("anna-example").await.expect("read").expect("campaign");
        campaign.status.facility.as_mut().expect("facility").address =
            svoboda::campaign::Localized::same("220000, Рэспубліка Беларусь, Мінск, вул. Валадарскага, 2");
        app.store
            .save_campaign(&campaign, svoboda::store::PhotoChange::Keep, svoboda::store::SaveMode::Replace)
            .await
            .expect("save");
        app.state.reload().await.expect("reload");
        let page = app.page(LETTER).await;
        assert!(page.contains("Писать этому человеку может быть опасно для вас"), "held in Belarus: said plainly");
        assert!(page.contains(r#"<input id="l-sign" name="sign" type="checkbox">"#), "the name is off by default");
        let unsigned = app.post_form(LETTER, &[("text", "Привет"), ("name", "Вера")], [198, 51, 100, 45]).await.text();
        assert!(!unsigned.contains(r#"class="signature""#), "the name is left off");
        let insisted = app
            .post_form(LETTER, &[("text", "Привет"), ("name", "Вера"), ("sign", "on")], [198, 51, 100, 46])
            .await
            .text();
        assert!(insisted.contains(r#"<p class="signature">Вера</p>"#), "unless the writer insists");

        campaign.help.letters.as_mut().expect("letters").risky = Some(false);
        app.store
            .save_campaign(&campaign, svoboda::store::PhotoChange::Keep, svoboda::store::SaveMode::Replace)
            .await
            .expect("save");
        app.state.reload().await.expect("reload");
        assert!(!app.page(LETTER).await.contains("опасно для вас"), "the organisers decide");

        // Charged under the Belarusian code, held anywhere: risky too.
        campaign.help.letters.as_mut().expect("letters").risky = None;
        campaign.status.facility.as_mut().expect("facility").address =
            svoboda::campaign::Localized::same("420000, Kazan, Example st., 1");
        campaign.charges[0].code = svoboda::campaign::LegalCode::CriminalCodeBy;
        assert!(campaign.writing_is_risky());
        campaign.charges[0].code = svoboda::campaign::LegalCode::CriminalCodeRf;
        assert!(!campaign.writing_is_risky());
    }
}
