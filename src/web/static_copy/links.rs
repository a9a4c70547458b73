//! Where each page of the site lands in a static copy, and its links
//! rewritten to relative ones: the copy then works from any folder of any
//! host, and from a disk opened in a browser (`file://`), where a link to a
//! folder shows a listing, so links name `index.html` explicitly.

/// The file of the page at `path` (a site path, no query), or `None` when
/// the path cannot be a file (`..`, empty segments).
pub fn file_for(path: &str) -> Option<String> {
    // Further pages of a folder's page (the directory's `?page=2`) become
    // folders of their own: a static host ignores queries.
    if let Some((folder, number)) = path.split_once("?page=") {
        let number_ok = !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit());
        if !folder.ends_with('/') || !number_ok {
            return None;
        }
        return file_for(&format!("{folder}page/{number}/"));
    }
    let trimmed = path.strip_prefix('/')?;
    if trimmed.is_empty() {
        return Some("index.html".to_string());
    }
    let segments: Vec<&str> = trimmed.split('/').collect();
    let (last, dirs) = segments.split_last()?;
    let safe = |s: &str| !s.is_empty() && s != "." && s != ".." && !s.contains('\\');
    if !dirs.iter().all(|s| safe(s)) {
        return None;
    }
    if last.is_empty() {
        // `/ru/`: a folder's page.
        return Some(format!("{trimmed}index.html"));
    }
    if !safe(last) {
        return None;
    }
    if last.contains('.') {
        Some(trimmed.to_string())
    } else if trimmed.starts_with("api/") {
        Some(format!("{trimmed}.json"))
    } else {
        Some(format!("{trimmed}/index.html"))
    }
}

/// A root-relative link split into its path (without the cache-busting
/// `?v=` query, with a folder page's `?page=N`) and its fragment; `None`
/// for anything else (absolute, protocol-relative, with another query).
pub fn site_link(href: &str) -> Option<(&str, &str)> {
    if !href.starts_with('/') || href.starts_with("//") {
        return None;
    }
    let (rest, fragment) = match href.find('#') {
        Some(i) => (&href[..i], &href[i..]),
        None => (href, ""),
    };
    let path = match rest.split_once('?') {
        None => rest,
        Some((path, query)) if query.starts_with("v=") && !query.contains('&') => path,
        Some((path, query)) if path.ends_with('/') && query.starts_with("page=") => {
            file_for(rest)?;
            rest
        }
        Some(_) => return None,
    };
    Some((path, fragment))
}

/// The relative link from the file `from` to the file `to` (both relative
/// to the copy's root).
pub fn relative(from: &str, to: &str) -> String {
    let from_dirs: Vec<&str> = from.split('/').collect();
    let from_dirs = &from_dirs[..from_dirs.len() - 1];
    let to_parts: Vec<&str> = to.split('/').collect();
    let common = from_dirs
        .iter()
        .zip(&to_parts)
        .take_while(|(a, b)| a == b)
        .count();
    // The last part of `to` is its file: never counted as a shared folder.
    let common = common.min(to_parts.len() - 1);
    let mut out = "../".repeat(from_dirs.len() - common);
    out.push_str(&to_parts[common..].join("/"));
    out
}

/// The site path of a page's share card (`og:image`, an absolute URL on
/// `base`, which the copy carries too), when it has one.
pub fn share_card<'a>(html: &'a str, base: &str) -> Option<&'a str> {
    let marker = "<meta property=\"og:image\" content=\"";
    let start = html.find(marker)? + marker.len();
    let len = html[start..].find('"')?;
    let url = html[start..start + len].strip_prefix(base.trim_end_matches('/'))?;
    url.starts_with('/').then_some(url)
}

/// The attributes whose values are links.
const LINK_ATTRIBUTES: [&str; 3] = [" href=\"", " src=\"", " action=\""];

/// Every site link of an HTML page, in order (as written, entities and all).
pub fn links_in(html: &str) -> Vec<String> {
    let mut found = Vec::new();
    rewrite(html, |href| {
        found.push(href.to_string());
        None
    });
    found
}

/// `html` with each root-relative link replaced by what `map` returns for
/// it (unchanged when `None`). Our templates quote every attribute with `"`
/// and escape `"` inside values, so the scan needs no HTML parser.
pub fn rewrite(html: &str, mut map: impl FnMut(&str) -> Option<String>) -> String {
    let mut out = String::with_capacity(html.len() + html.len() / 8);
    let mut rest = html;
    loop {
        let next = LINK_ATTRIBUTES
            .iter()
            .filter_map(|a| rest.find(a).map(|i| (i, a.len())))
            .min();
        let Some((at, len)) = next else {
            out.push_str(rest);
            return out;
        };
        let value_start = at + len;
        let Some(value_len) = rest[value_start..].find('"') else {
            out.push_str(rest);
            return out;
        };
        out.push_str(&rest[..value_start]);
        let value = &rest[value_start..value_start + value_len];
        match value.starts_with('/').then(|| map(value)).flatten() {
            Some(replaced) => out.push_str(&replaced),
            None => out.push_str(value),
        }
        rest = &rest[value_start + value_len..];
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn pages_become_index_files_and_files_keep_their_names() {
        assert_eq!(file_for("/").as_deref(), Some("index.html"));
        assert_eq!(file_for("/ru/").as_deref(), Some("ru/index.html"));
        assert_eq!(
            file_for("/ru/boris").as_deref(),
            Some("ru/boris/index.html")
        );
        assert_eq!(
            file_for("/ru/boris/feed.atom").as_deref(),
            Some("ru/boris/feed.atom")
        );
        assert_eq!(
            file_for("/api/v1/campaigns").as_deref(),
            Some("api/v1/campaigns.json")
        );
        assert_eq!(
            file_for("/ru/?page=3").as_deref(),
            Some("ru/page/3/index.html")
        );
        assert_eq!(file_for("/ru/?page=x"), None);
        assert_eq!(file_for("/ru/boris?page=2"), None);
        assert_eq!(file_for("/ru/../etc/passwd"), None);
        assert_eq!(file_for("/ru//x"), None);
        assert_eq!(file_for("relative"), None);
    }

    #[test]
    fn links_are_relative_to_the_file_they_are_in() {
        assert_eq!(
            relative("ru/boris/index.html", "static/style.css"),
            "../../static/style.css"
        );
        assert_eq!(relative("index.html", "ru/index.html"), "ru/index.html");
        assert_eq!(
            relative("ru/boris/updates/index.html", "ru/boris/index.html"),
            "../index.html"
        );
        assert_eq!(
            relative("ru/boris/index.html", "ru/boris/index.html"),
            "index.html"
        );
        assert_eq!(relative("ru/index.html", "ru/boris.atom"), "boris.atom");
    }

    #[test]
    fn the_share_card_is_found_on_the_copys_base_only() {
        let html = r#"<meta property="og:image" content="https://m.example/ru/b/card/ab.png">"#;
        assert_eq!(
            share_card(html, "https://m.example/"),
            Some("/ru/b/card/ab.png")
        );
        assert_eq!(share_card(html, "https://other.example"), None);
        assert_eq!(share_card("<p>", "https://m.example"), None);
    }

    #[test]
    fn only_site_links_are_rewritten() {
        assert_eq!(site_link("/ru/boris#sign"), Some(("/ru/boris", "#sign")));
        assert_eq!(
            site_link("/static/style.css?v=ab12"),
            Some(("/static/style.css", ""))
        );
        assert_eq!(site_link("/ru/x?before=3"), None);
        assert_eq!(site_link("/ru/?page=2"), Some(("/ru/?page=2", "")));
        assert_eq!(site_link("/ru/?page=2&status=x"), None);
        assert_eq!(site_link("//evil.example/x"), None);
        assert_eq!(site_link("https://free-boris.example/ru/"), None);
        let html = r#"<a href="/ru/">x</a><img src="/p.jpg?v=1" alt=""><a href="https://x.example/">y</a><form action="https://i.example/s">"#;
        assert_eq!(links_in(html), ["/ru/", "/p.jpg?v=1"]);
        let out = rewrite(html, |h| Some(format!("[{h}]")));
        assert_eq!(
            out,
            r#"<a href="[/ru/]">x</a><img src="[/p.jpg?v=1]" alt=""><a href="https://x.example/">y</a><form action="https://i.example/s">"#
        );
    }

    proptest! {
        /// Following the relative link from any file reaches the target.
        #[test]
        fn a_relative_link_resolves_to_its_target(
            from in proptest::collection::vec("[a-z]{1,3}", 1..5),
            to in proptest::collection::vec("[a-z]{1,3}", 1..5),
        ) {
            let from = from.join("/");
            let to = to.join("/");
            let link = relative(&from, &to);
            let base = url::Url::parse(&format!("file:///root/{from}")).expect("url");
            let resolved = base.join(&link).expect("joins");
            prop_assert_eq!(resolved.path(), format!("/root/{to}"));
        }

        /// Rewriting never loses or reorders text outside link values.
        #[test]
        fn rewriting_keeps_everything_else(html in "[ a-z<>=\"/]{0,80}") {
            let same = rewrite(&html, |h| Some(h.to_string()));
            prop_assert_eq!(same, html);
        }
    }
}
