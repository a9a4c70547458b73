//! Long lists a page at a time, with plain links (no script, and crawlers
//! follow them): the first and last pages, a few around the current one,
//! the previous and the next.

use crate::i18n::Tr;

/// Page links shown on either side of the current one.
const AROUND: usize = 2;

/// A link to another page of a list.
pub struct PageLink {
    pub number: usize,
    pub href: String,
    pub current: bool,
}

pub struct Pagination {
    /// "Page 2 of 209".
    pub summary: String,
    pub previous: Option<String>,
    pub next: Option<String>,
    /// `None` marks a gap.
    pub links: Vec<Option<PageLink>>,
}

/// The address of page `page` of a list at `path` with its `query` (pairs
/// left out when empty): the one form links use, and the key of a cached
/// page.
pub fn href(path: String, query: &[(&str, &str)], page: usize) -> String {
    let mut q = url::form_urlencoded::Serializer::new(String::new());
    for (name, value) in query.iter().filter(|(_, v)| !v.is_empty()) {
        q.append_pair(name, value);
    }
    if page > 1 {
        q.append_pair("page", &page.to_string());
    }
    let q = q.finish();
    if q.is_empty() {
        path
    } else {
        format!("{path}?{q}")
    }
}

/// How many pages `items` fill, `per_page` each; at least one.
pub fn page_count(items: usize, per_page: usize) -> usize {
    items.div_ceil(per_page.max(1)).max(1)
}

/// The links of page `page` of `pages`, `None` when there is one page.
pub fn pagination(
    tr: &Tr,
    page: usize,
    pages: usize,
    href_of: impl Fn(usize) -> String,
) -> Option<Pagination> {
    if pages <= 1 {
        return None;
    }
    let mut links = Vec::new();
    let around = page.saturating_sub(AROUND).max(1)..=(page + AROUND).min(pages);
    let mut last_shown = 0;
    for number in [1].into_iter().chain(around).chain([pages]) {
        if number <= last_shown {
            continue;
        }
        if number > last_shown + 1 {
            links.push(None);
        }
        links.push(Some(PageLink {
            number,
            href: href_of(number),
            current: number == page,
        }));
        last_shown = number;
    }
    Some(Pagination {
        summary: tr.args(
            "pages-of",
            [
                ("page", fluent_bundle::FluentValue::from(page)),
                ("pages", fluent_bundle::FluentValue::from(pages)),
            ],
        ),
        previous: (page > 1).then(|| href_of(page - 1)),
        next: (page < pages).then(|| href_of(page + 1)),
        links,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::campaign::Lang;

    fn numbers(page: usize, pages: usize) -> Vec<Option<usize>> {
        pagination(&Tr::new(Lang::EN), page, pages, |n| n.to_string())
            .map(|p| p.links.into_iter().map(|l| l.map(|l| l.number)).collect())
            .unwrap_or_default()
    }

    #[test]
    fn shows_the_ends_and_the_neighbourhood_with_gaps() {
        assert!(numbers(1, 1).is_empty());
        assert_eq!(numbers(1, 3), [Some(1), Some(2), Some(3)]);
        assert_eq!(
            numbers(10, 209),
            [
                Some(1),
                None,
                Some(8),
                Some(9),
                Some(10),
                Some(11),
                Some(12),
                None,
                Some(209)
            ]
        );
        assert_eq!(
            numbers(209, 209),
            [Some(1), None, Some(207), Some(208), Some(209)]
        );
        assert_eq!(numbers(2, 5), [Some(1), Some(2), Some(3), Some(4), Some(5)]);
    }

    #[test]
    fn every_page_is_reachable_from_its_neighbours() {
        let p = pagination(&Tr::new(Lang::EN), 5, 9, |n| format!("?page={n}")).expect("pages");
        assert_eq!(p.previous.as_deref(), Some("?page=4"));
        assert_eq!(p.next.as_deref(), Some("?page=6"));
        assert_eq!(page_count(0, 48), 1);
        assert_eq!(page_count(48, 48), 1);
        assert_eq!(page_count(49, 48), 2);
    }
}
