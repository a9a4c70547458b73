//! The campaign in forms, through the real HTTP app and store: every part
//! saved as a draft revision, entries added, moved and removed by buttons
//! that post, problems named next to their field in the user's language
//! with everything typed kept, concurrent edits shown, Markdown previewed.

use axum::http::StatusCode;

use crate::backend_test;
use crate::support::{Backend, TestApp};
use crate::workspace::{Browser, editor_of, enrol, invitation};
use svoboda::campaign::Lang;
use svoboda::campaign::fields::SECTIONS;

fn unescape(s: &str) -> String {
    s.replace("&quot;", "\"")
        .replace("&#34;", "\"")
        .replace("&#39;", "'")
        .replace("&#x2b;", "+")
        .replace("&#43;", "+")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

fn attr(tag: &str, name: &str) -> Option<String> {
    let marker = format!(" {name}=\"");
    let start = tag.find(&marker)? + marker.len();
    let len = tag[start..].find('"')?;
    Some(unescape(&tag[start..start + len]))
}

/// What a browser would send from the form posting to `action` (without
/// its token and without any button): inputs, textareas, selected options.
pub fn form_fields(html: &str, action: &str) -> Vec<(String, String)> {
    let start = html
        .find(&format!("action=\"{action}\""))
        .expect("the form");
    let end = start + html[start..].find("</form>").expect("form end");
    let form = &html[start..end];
    let mut fields = Vec::new();
    let mut rest = form;
    while let Some(open) = rest.find('<') {
        rest = &rest[open..];
        let tag_end = rest.find('>').expect("tag end");
        let tag = &rest[..tag_end];
        if tag.starts_with("<input ") {
            if let Some(name) = attr(tag, "name")
                && name != "csrf"
            {
                fields.push((name, attr(tag, "value").unwrap_or_default()));
            }
        } else if tag.starts_with("<textarea ") {
            let body_start = tag_end + 1;
            let body_end = body_start + rest[body_start..].find("</textarea>").expect("end");
            // The HTML parser drops the newline right after the tag.
            let text = rest[body_start..body_end]
                .strip_prefix('\n')
                .unwrap_or(&rest[body_start..body_end]);
            fields.push((attr(tag, "name").expect("name"), unescape(text)));
        } else if tag.starts_with("<select ") {
            let name = attr(tag, "name").expect("name");
            let body_end = rest.find("</select>").expect("end");
            let body = &rest[..body_end];
            let value = body
                .split("<option ")
                .skip(1)
                .find(|o| o.split('>').next().is_some_and(|t| t.contains(" selected")))
                .or_else(|| body.split("<option ").nth(1))
                .and_then(|o| attr(&format!(" {o}"), "value"))
                .unwrap_or_default();
            fields.push((name, value));
        }
        rest = &rest[1..];
    }
    fields
}

fn set(fields: &mut Vec<(String, String)>, name: &str, value: &str) {
    match fields.iter_mut().find(|(n, _)| n == name) {
        Some(f) => f.1 = value.to_string(),
        None => fields.push((name.to_string(), value.to_string())),
    }
}

fn get<'a>(fields: &'a [(String, String)], name: &str) -> &'a str {
    fields
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
        .unwrap_or_else(|| panic!("no field {name}"))
}

/// Posts the form as the page holds it, changed by `fields`, with `op`.
async fn press(
    browser: &mut Browser<'_>,
    page: &str,
    action: &str,
    fields: &[(String, String)],
    op: &str,
) -> crate::support::TestResponse {
    let mut all: Vec<(&str, &str)> = fields
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .collect();
    all.push(("op", op));
    browser.submit(page, action, &all).await
}

async fn head(app: &TestApp) -> svoboda::campaign::Campaign {
    app.store
        .head_revision("anna-example")
        .await
        .expect("head")
        .expect("a revision")
        .campaign
}

backend_test! {
    /// Every part opens and saves unchanged; then an editor changes the
    /// name, adds an event and moves it up, removes a charge and previews
    /// Markdown, each kept as a draft until published.
    async fn every_part_of_a_campaign_is_edited_in_forms(backend: Backend) {
        let Some(app) = TestApp::with_fixtures(backend).await else { return };
        let mut editor = Browser::new(&app, [198, 51, 100, 2]);
        enrol(&mut editor, &invitation(&app, editor_of("anna-example")).await, "editor").await;
        let original = app.campaign("anna-example").await;

        for section in SECTIONS {
            let action = format!("/admin/en/campaigns/anna-example/form/{}", section.id);
            let page = editor.get(&action).await;
            assert_eq!(page.status, StatusCode::OK, "{}", section.id);
            let html = page.text();
            assert_eq!(page.header("cache-control"), "no-store");
            let saved = press(&mut editor, &html, &action, &form_fields(&html, &action), "save").await;
            assert_eq!(saved.status, StatusCode::OK, "{}: {}", section.id, saved.text());
            assert!(saved.text().contains("The draft is saved"), "{}", section.id);
        }
        let unchanged = head(&app).await;
        assert_eq!(unchanged, original, "saving every form unchanged changes nothing");

        // The name, in English; Russian stays.
        let action = "/admin/en/campaigns/anna-example/form/person";
        let html = editor.get(action).await.text();
        let mut fields = form_fields(&html, action);
        set(&mut fields, "person.name.en", "Anna Formed");
        let saved = press(&mut editor, &html, action, &fields, "save").await;
        assert_eq!(saved.status, StatusCode::OK);
        assert_eq!(head(&app).await.person.name.get(Lang::EN), "Anna Formed");
        assert_eq!(head(&app).await.person.name.get(Lang::RU), original.person.name.get(Lang::RU));
        assert!(!app.page("/en/anna-example").await.contains("Anna Formed"), "a draft is not public");

        // A new event: added by a button, filled, moved up, saved.
        let action = "/admin/en/campaigns/anna-example/form/timeline";
        let html = editor.get(action).await.text();
        let n = original.timeline.len();
        let added = press(&mut editor, &html, action, &form_fields(&html, action), "add:timeline").await;
        assert_eq!(added.status, StatusCode::OK);
        let html = added.text();
        let mut fields = form_fields(&html, action);
        assert_eq!(get(&fields, "timeline#"), (n + 1).to_string());
        assert_eq!(get(&fields, &format!("timeline.{n}.kind")), "", "a new event has no kind until one is chosen");
        set(&mut fields, &format!("timeline.{n}.date"), "2024-03-01");
        set(&mut fields, &format!("timeline.{n}.text.en"), "A new hearing");
        set(&mut fields, &format!("timeline.{n}.text.ru"), "Новое заседание");
        let unchosen = press(&mut editor, &html, action, &fields, "save").await;
        assert_eq!(unchosen.status, StatusCode::UNPROCESSABLE_ENTITY, "saving asks for the kind");
        set(&mut fields, &format!("timeline.{n}.kind"), "hearing");
        let moved = press(&mut editor, &html, action, &fields, &format!("up:timeline.{n}")).await;
        let html = moved.text();
        let fields = form_fields(&html, action);
        assert_eq!(get(&fields, &format!("timeline.{}.text.en", n - 1)), "A new hearing", "moved up, values along");
        let saved = press(&mut editor, &html, action, &fields, "save").await;
        assert_eq!(saved.status, StatusCode::OK, "{}", saved.text());
        let timeline = head(&app).await.timeline;
        assert_eq!(timeline.len(), n + 1);
        assert_eq!(timeline[n - 1].text.get(Lang::RU), "Новое заседание");

        // Removing a charge.
        let action = "/admin/en/campaigns/anna-example/form/charges";
        let html = editor.get(action).await.text();
        let removed = press(&mut editor, &html, action, &form_fields(&html, action), "remove:charges.0").await;
        let html = removed.text();
        let saved = press(&mut editor, &html, action, &form_fields(&html, action), "save").await;
        assert_eq!(saved.status, StatusCode::OK);
        assert_eq!(head(&app).await.charges.len(), original.charges.len() - 1);
        assert_eq!(head(&app).await.charges[0], original.charges[1]);

        // Markdown, previewed on the server, nothing saved.
        let action = "/admin/en/campaigns/anna-example/form/person";
        let html = editor.get(action).await.text();
        let mut fields = form_fields(&html, action);
        set(&mut fields, "person.summary.en", "An **outspoken** teacher");
        let before = app.store.revisions("anna-example").await.expect("revisions").len();
        let preview = press(&mut editor, &html, action, &fields, "preview").await;
        assert_eq!(preview.status, StatusCode::OK);
        assert!(preview.text().contains("<strong>outspoken</strong>"), "{}", preview.text());
        assert_eq!(get(&form_fields(&preview.text(), action), "person.summary.en"), "An **outspoken** teacher");
        assert_eq!(app.store.revisions("anna-example").await.expect("revisions").len(), before);

        // Publishing makes it public.
        let published = editor.submit(&html, "/admin/en/campaigns/anna-example/publish", &[("confirm", "yes")]).await;
        assert_eq!(published.status, StatusCode::SEE_OTHER);
        assert!(app.page("/en/anna-example").await.contains("Anna Formed"));
    }
}

backend_test! {
    /// A mistake comes back next to its field, in the page's language, with
    /// everything typed kept; nothing is saved until it is corrected.
    async fn mistakes_in_forms_are_named_in_the_users_language(backend: Backend) {
        let Some(app) = TestApp::with_fixtures(backend).await else { return };
        let mut editor = Browser::new(&app, [198, 51, 100, 2]);
        enrol(&mut editor, &invitation(&app, editor_of("anna-example")).await, "editor").await;
        for (lang, message) in [("en", "Please give a date like 2024-05-11."), ("ru", "Укажите дату в виде 2024-05-11.")] {
            let action = format!("/admin/{lang}/campaigns/anna-example/form/timeline");
            let html = editor.get(&action).await.text();
            let mut fields = form_fields(&html, &action);
            set(&mut fields, "timeline.0.date", "31.12.2024");
            set(&mut fields, "timeline.1.text.en", "");
            set(&mut fields, "timeline.1.text.ru", "");
            set(&mut fields, "timeline.0.text.en", "Edited, and kept");
            let refused = press(&mut editor, &html, &action, &fields, "save").await;
            assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
            let text = refused.text();
            assert!(text.contains(message), "{lang}: {text}");
            assert!(text.contains("id=\"f-timeline-0-date\"") && text.contains("aria-invalid=\"true\""));
            assert!(text.contains("href=\"#f-timeline-1-text\""), "the summary links to the field");
            let kept = form_fields(&text, &action);
            assert_eq!(get(&kept, "timeline.0.date"), "31.12.2024");
            assert_eq!(get(&kept, "timeline.0.text.en"), "Edited, and kept");
        }
        assert!(app.store.head_revision("anna-example").await.expect("head").is_none(), "nothing saved");

        // A hand-made POST with a huge list count does no harm.
        let action = "/admin/en/campaigns/anna-example/form/timeline";
        let page = editor.get(action).await.text();
        let r = editor.submit(&page, action, &[("timeline#", "99999999"), ("op", "save"), ("base", "0")]).await;
        assert!(matches!(r.status, StatusCode::OK | StatusCode::UNPROCESSABLE_ENTITY), "{}", r.status);
        let timeline = app.store.head_revision("anna-example").await.expect("head").map_or(0, |r| r.campaign.timeline.len());
        assert!(timeline < 100, "{timeline} events");
        let r = editor.submit(&page, "/admin/en/campaigns/anna-example/form/no-such-part", &[]).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND);
    }
}

backend_test! {
    /// Two editors save the same part: the second is told, sees both
    /// versions, keeps what they typed; nothing is overwritten.
    async fn concurrent_form_edits_lose_nothing(backend: Backend) {
        let Some(app) = TestApp::with_fixtures(backend).await else { return };
        let mut first = Browser::new(&app, [198, 51, 100, 2]);
        enrol(&mut first, &invitation(&app, editor_of("anna-example")).await, "first").await;
        let mut second = Browser::new(&app, [198, 51, 100, 3]);
        enrol(&mut second, &invitation(&app, editor_of("anna-example")).await, "second").await;
        let action = "/admin/en/campaigns/anna-example/form/person";
        let page_one = first.get(action).await.text();
        let page_two = second.get(action).await.text();
        let mut one = form_fields(&page_one, action);
        set(&mut one, "person.name.en", "Anna First");
        let mut two = form_fields(&page_two, action);
        set(&mut two, "person.name.en", "Anna Second");
        assert_eq!(press(&mut first, &page_one, action, &one, "save").await.status, StatusCode::OK);
        let conflict = press(&mut second, &page_two, action, &two, "save").await;
        assert_eq!(conflict.status, StatusCode::CONFLICT);
        let text = conflict.text();
        assert!(text.contains("Someone else saved"));
        assert!(text.contains("Anna First") && text.contains("Anna Second"), "both versions shown");
        assert_eq!(get(&form_fields(&text, action), "person.name.en"), "Anna Second", "kept");
        assert_eq!(head(&app).await.person.name.get(Lang::EN), "Anna First", "nothing overwritten");
        let resolved = press(&mut second, &text, action, &form_fields(&text, action), "save").await;
        assert_eq!(resolved.status, StatusCode::OK, "saving again, knowingly, works");
        assert_eq!(head(&app).await.person.name.get(Lang::EN), "Anna Second");
    }
}

backend_test! {
    /// An owner starts a campaign from an address and the person's name,
    /// fills it in the forms and publishes it.
    async fn a_new_campaign_starts_from_a_name_and_is_filled_in_forms(backend: Backend) {
        let Some(app) = TestApp::with_fixtures(backend).await else { return };
        let mut owner = Browser::new(&app, [198, 51, 100, 1]);
        enrol(&mut owner, &invitation(&app, None).await, "owner").await;
        let page = owner.get("/admin/ru/campaigns/new").await.text();
        let start = "/admin/ru/campaigns/new/start";
        let refused = owner.submit(&page, start, &[("slug", "Вера Лис"), ("name_ru", "Вера Лис"), ("name_en", "")]).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(refused.text().contains("строчных латинских букв"), "in Russian");
        assert!(refused.text().contains("value=\"Вера Лис\""), "kept");
        let taken = owner.submit(&page, start, &[("slug", "anna-example"), ("name_ru", "Анна"), ("name_en", "")]).await;
        assert_eq!(taken.status, StatusCode::CONFLICT);
        let created = owner.submit(&page, start, &[("slug", "vera-lis"), ("name_ru", "Вера Лис"), ("name_en", "Vera Lis")]).await;
        assert_eq!(created.status, StatusCode::SEE_OTHER, "{}", created.text());
        let action = "/admin/ru/campaigns/vera-lis/form/person";
        assert_eq!(created.header("location"), action);
        assert_eq!(app.get("/ru/vera-lis").await.status, StatusCode::NOT_FOUND, "a draft");

        // The starter's samples are placeholders: shown greyed, never values,
        // and saving asks for the fact.
        let html = owner.get(action).await.text();
        assert!(html.contains("placeholder=\"Кто этот человек и за что его преследуют.\""), "{html}");
        assert!(html.contains("(обязательно хотя бы на одном языке)"));
        let mut fields = form_fields(&html, action);
        assert_eq!(get(&fields, "person.name.en"), "Vera Lis");
        assert_eq!(get(&fields, "person.summary.ru"), "", "a sample is not a value");
        let asked = press(&mut owner, &html, action, &fields, "save").await;
        assert_eq!(asked.status, StatusCode::UNPROCESSABLE_ENTITY, "the summary is required");
        set(&mut fields, "person.summary.ru", "Учительница из Твери.");
        set(&mut fields, "person.summary.en", "A teacher from Tver.");
        let saved = press(&mut owner, &html, action, &fields, "save").await;
        assert_eq!(saved.status, StatusCode::OK, "{}", saved.text());

        // Publishing refuses the facts never filled, naming each.
        let publish = "/admin/ru/campaigns/vera-lis/publish";
        let refused = owner.submit(&saved.text(), publish, &[("confirm", "yes")]).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
        let said = refused.text();
        assert!(said.contains("Не опубликовано"), "{said}");
        assert!(said.contains("Статус: С какого числа; Контакт: E-mail"), "each named: {said}");
        assert!(!said.contains("Кто этот человек"), "the summary was filled: {said}");
        assert_eq!(app.get("/ru/vera-lis").await.status, StatusCode::NOT_FOUND, "still a draft");
        for (section, values) in [
            ("status", vec![("status.kind", "pre-trial-detention"), ("status.since", "2026-02-03")]),
            ("contact", vec![("contact.email", "free.vera@proton.example")]),
        ] {
            let action = format!("/admin/ru/campaigns/vera-lis/form/{section}");
            let html = owner.get(&action).await.text();
            let mut fields = form_fields(&html, &action);
            for (name, value) in values {
                set(&mut fields, name, value);
            }
            let saved = press(&mut owner, &html, &action, &fields, "save").await;
            assert_eq!(saved.status, StatusCode::OK, "{section}: {}", saved.text());
        }
        let page = owner.get("/admin/ru/campaigns/vera-lis/edit").await.text();
        let published = owner.submit(&page, publish, &[("confirm", "yes")]).await;
        assert_eq!(published.status, StatusCode::SEE_OTHER, "{}", published.text());
        let public = app.page("/en/vera-lis").await;
        assert!(public.contains("Vera Lis") && public.contains("A teacher from Tver."));
    }
}

backend_test! {
    /// A petition is closed and opened again at once from the campaign's
    /// page: the public page follows, a draft in progress keeps its changes
    /// (unpublished) and gets the same dates, and both are in the history
    /// and the audit log.
    async fn a_petition_closes_and_opens_at_once(backend: Backend) {
        let Some(app) = TestApp::with_fixtures(backend).await else { return };
        let mut editor = Browser::new(&app, [198, 51, 100, 2]);
        enrol(&mut editor, &invitation(&app, editor_of("anna-example")).await, "editor").await;
        // A draft in progress, not to be published by closing.
        let action = "/admin/en/campaigns/anna-example/form/person";
        let html = editor.get(action).await.text();
        let mut fields = form_fields(&html, action);
        set(&mut fields, "person.name.en", "Anna Unfinished");
        assert_eq!(press(&mut editor, &html, action, &fields, "save").await.status, StatusCode::OK);

        let overview = editor.get("/admin/en/campaigns/anna-example").await.text();
        let close = "/admin/en/campaigns/anna-example/petitions/free-anna/close";
        assert!(overview.contains(close), "a close button for an open petition");
        let closed = editor.submit(&overview, close, &[]).await;
        assert_eq!(closed.status, StatusCode::SEE_OTHER);
        let signing = app
            .post_form("/en/anna-example/petition/free-anna", &[("name", "Late"), ("email", "late@example.org"), ("consent", "on")], [198, 51, 100, 20])
            .await;
        assert_eq!(signing.status, StatusCode::CONFLICT, "closed at once");
        let public = app.page("/en/anna-example").await;
        assert!(!public.contains("Anna Unfinished"), "the draft stays a draft");
        let draft = head(&app).await;
        assert_eq!(draft.person.name.get(Lang::EN), "Anna Unfinished");
        assert!(draft.petition("free-anna").expect("petition").closes.is_some(), "the draft has the change too");

        let overview = editor.get("/admin/en/campaigns/anna-example").await.text();
        let open = "/admin/en/campaigns/anna-example/petitions/free-anna/open";
        assert!(overview.contains(open), "an open button for a closed petition");
        assert_eq!(editor.submit(&overview, open, &[]).await.status, StatusCode::SEE_OTHER);
        let signing = app
            .post_form("/en/anna-example/petition/free-anna", &[("name", "Vera"), ("email", "vera@example.org"), ("consent", "on")], [198, 51, 100, 21])
            .await;
        assert_eq!(signing.status, StatusCode::SEE_OTHER, "open again");
        assert_eq!(head(&app).await.petition("free-anna").expect("petition").closes, None);
        let log = app.store.audit_log(&svoboda::store::AuditFilter::default(), 100).await.expect("audit");
        let actions: Vec<_> = log.iter().map(|(_, e)| e.action).collect();
        assert!(actions.contains(&svoboda::account::AuditAction::PetitionClosed));
        assert!(actions.contains(&svoboda::account::AuditAction::PetitionOpened));
        assert_eq!(
            editor.submit(&overview, "/admin/en/campaigns/anna-example/petitions/no-such/close", &[]).await.status,
            StatusCode::NOT_FOUND
        );
    }
}

backend_test! {
    /// Russian status names agree with the person: "осуждена" for Anna (a
    /// woman) in the workspace's status form, never "осуждён".
    async fn status_names_agree_with_the_persons_gender(backend: Backend) {
        let Some(app) = TestApp::with_fixtures(backend).await else { return };
        let mut editor = Browser::new(&app, [198, 51, 100, 2]);
        enrol(&mut editor, &invitation(&app, editor_of("anna-example")).await, "editor").await;
        let form = editor.get("/admin/ru/campaigns/anna-example/form/status").await.text();
        for feminine in [">осуждена<", ">эмигрировала<", ">осуждена заочно<", ">умерла<"] {
            assert!(form.contains(feminine), "{feminine}");
        }
        assert!(!form.contains(">осуждён<") && !form.contains(">умер<"), "no masculine for Anna");
    }
}

backend_test! {
    /// The letters' settings: whether letters reach the person now, the
    /// languages the facility lets through and paid e-letter services, set
    /// in the help form (yes or no for a flag, unset for the default) and
    /// shown on the page; while letters do not reach, the page says so and
    /// gives no address.
    async fn letters_settings_are_set_in_the_form_and_shown_on_the_page(backend: Backend) {
        let Some(app) = TestApp::with_fixtures(backend).await else { return };
        let page = app.page("/en/anna-example").await;
        assert!(page.contains(r#"<a href="https://fsin-pismo.example/" rel="noopener noreferrer">FSIN-pismo</a> <span class="meta">from 40 ₽ a page</span>"#));
        assert!(page.contains("The facility lets through letters in: Russian."));
        assert!(page.contains("420000, Kazan, Example st., 1"));
        let ru = app.page("/ru/anna-example").await;
        assert!(ru.contains("от 40 ₽ за страницу") && ru.contains("пропускает письма на языках: русский"));

        let mut editor = Browser::new(&app, [198, 51, 100, 2]);
        enrol(&mut editor, &invitation(&app, editor_of("anna-example")).await, "editor").await;
        let action = "/admin/en/campaigns/anna-example/form/help";
        let html = editor.get(action).await.text();
        assert!(html.contains(r#"name="help.letters.can_write""#), "a field for the flag");
        assert!(html.contains(r#"<option value="false">No</option>"#));
        let mut fields = form_fields(&html, action);
        assert_eq!(get(&fields, "help.letters.can_write"), "", "unset: the default");
        set(&mut fields, "help.letters.can_write", "false");
        assert_eq!(press(&mut editor, &html, action, &fields, "save").await.status, StatusCode::OK);
        let draft = head(&app).await;
        let letters = draft.help.letters.as_ref().expect("letters");
        assert!(!letters.can_write);
        assert_eq!(letters.services.len(), 1, "the services are kept");
        assert_eq!(letters.facility_languages(), ["ru"]);
        let file = editor.get("/admin/en/campaigns/anna-example/campaign.toml").await.text();
        assert!(file.contains("can_write = false"), "a boolean in the file");
        let refused = {
            set(&mut fields, "help.letters.can_write", "maybe");
            press(&mut editor, &html, action, &fields, "save").await
        };
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "only yes or no");

        let published = editor.submit(&html, "/admin/en/campaigns/anna-example/publish", &[("confirm", "yes")]).await;
        assert_eq!(published.status, StatusCode::SEE_OTHER);
        let page = app.page("/en/anna-example").await;
        assert!(page.contains("Letters do not reach Anna now: she cannot receive them for a while."), "the page says so");
        assert!(!page.contains("420000, Kazan, Example st., 1"), "and gives no address meanwhile");
    }
}
