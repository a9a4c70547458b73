//! The Atom feed of updates and the iCalendar feed of hearings, checked by
//! parsing them as a feed reader and a calendar would.

use crate::backend_test;
use crate::support::{Backend, TestApp};
use axum::http::StatusCode;
use icalendar::{Component, EventLike};

backend_test! {
    async fn atom_feed_is_valid_and_lists_updates_newest_first(backend: Backend) {
        let Some(app) = TestApp::with_fixtures(backend).await else { return };
        let r = app.get("/en/anna-example/feed.atom").await;
        assert_eq!(r.status, StatusCode::OK);
        assert_eq!(r.header("content-type"), "application/atom+xml; charset=utf-8");
        let feed = atom_syndication::Feed::read_from(&r.body[..]).expect("a valid Atom document");
        assert_eq!(feed.title.value, "Anna Example: updates");
        assert_eq!(feed.id, "https://svoboda.test/en/anna-example/feed.atom");
        assert!(feed.links.iter().any(|l| l.rel == "self" && l.href == feed.id));
        assert!(!feed.authors.is_empty(), "Atom requires an author");
        let titles: Vec<&str> = feed.entries.iter().map(|e| e.title.value.as_str()).collect();
        assert_eq!(titles, ["First letter from Anna", "Anna detained"]);
        let first = &feed.entries[0];
        assert_eq!(first.id, "https://svoboda.test/en/anna-example/updates/first-letter");
        let content = first.content.as_ref().and_then(|c| c.value.as_deref()).unwrap_or("");
        assert!(content.contains("Memorial is included by the Ministry of Justice"), "{content}");
        // Well-formed XML throughout.
        let mut reader = quick_xml::Reader::from_reader(&r.body[..]);
        let mut buf = Vec::new();
        loop {
            match reader.read_event_into(&mut buf) {
                Ok(quick_xml::events::Event::Eof) => break,
                Ok(_) => buf.clear(),
                Err(e) => panic!("malformed XML: {e}"),
            }
        }
    }
}

backend_test! {
    async fn russian_feed_is_in_russian(backend: Backend) {
        let Some(app) = TestApp::with_demo(backend).await else { return };
        let r = app.get("/ru/boris-romanov/feed.atom").await;
        let feed = atom_syndication::Feed::read_from(&r.body[..]).expect("valid Atom");
        assert_eq!(feed.lang.as_deref(), Some("ru"));
        assert_eq!(feed.entries[0].title.value, "Борис вышел из СИЗО");
        let html = app.page("/ru/boris-romanov").await;
        assert!(html.contains("type=\"application/atom+xml\""), "pages announce their feed");
    }
}

backend_test! {
    async fn hearings_calendar_lists_upcoming_sittings(backend: Backend) {
        let Some(app) = TestApp::with_fixtures(backend).await else { return };
        let r = app.get("/en/anna-example/hearings.ics").await;
        assert_eq!(r.status, StatusCode::OK);
        assert_eq!(r.header("content-type"), "text/calendar; charset=utf-8");
        let text = r.text();
        let calendar: icalendar::Calendar = text.parse().expect("a valid iCalendar document");
        let events: Vec<&icalendar::Event> = calendar.events().collect();
        assert_eq!(events.len(), 2, "two upcoming hearings; past events are not in the calendar");
        assert_eq!(events[0].get_summary(), Some("Anna Example: Hearing"));
        assert_eq!(events[0].get_location(), Some("Vakhitovsky District Court, Kazan"));
        assert!(text.contains("DTSTART:20240315T103000"), "{text}");
        assert!(text.contains("DTSTART;VALUE=DATE:20240402"), "{text}");
        assert!(events.iter().all(|e| e.get_uid().is_some_and(|u| u.ends_with("@svoboda.test"))));
        assert!(text.contains("\r\n"), "iCalendar lines end with CRLF");
    }
}

backend_test! {
    async fn calendar_without_hearings_is_still_valid(backend: Backend) {
        let Some(app) = TestApp::with_demo(backend).await else { return };
        let r = app.get("/ru/boris-romanov/hearings.ics").await;
        assert_eq!(r.status, StatusCode::OK);
        let calendar: icalendar::Calendar = r.text().parse().expect("valid iCalendar");
        assert_eq!(calendar.events().count(), 0);
    }
}
