//! Finding people in a directory of thousands: every campaign's searchable
//! texts, normalised once into one buffer, scanned with a vectorised
//! substring search. A query costs one pass over some hundred bytes per
//! campaign, whatever it is, and finds names in any language and script.

use memchr::memmem::Finder;

/// Separates texts in the buffer; never part of a normalised query.
pub const SEPARATOR: char = '\u{1f}';

/// Text as it is searched: lower case, "ё" as "е", one kind of apostrophe
/// (Ukrainian names are written with three), single spaces, no control
/// characters.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars().flat_map(char::to_lowercase) {
        let c = match c {
            'ё' => 'е',
            '\u{2019}' | '\u{02bc}' | '`' => '\'',
            c if c.is_whitespace() => ' ',
            c if c.is_control() => continue,
            c => c,
        };
        if c == ' ' {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.push(c);
    }
    out
}

/// An entry's texts as the index holds them: each normalised, followed by
/// [`SEPARATOR`].
pub fn searchable<'a>(texts: impl IntoIterator<Item = &'a str>) -> String {
    let mut joined = String::new();
    for text in texts {
        joined.push_str(&normalize(text));
        joined.push(SEPARATOR);
    }
    joined
}

/// The texts of every entry, in the order results are wanted.
#[derive(Debug, Default)]
pub struct SearchIndex {
    buffer: String,
    /// Where each entry's texts end in `buffer`.
    ends: Vec<usize>,
}

impl SearchIndex {
    /// The index of entries given as their texts.
    pub fn new<'a, E, T>(entries: E) -> Self
    where
        E: IntoIterator<Item = T>,
        T: IntoIterator<Item = &'a str>,
    {
        let joined: Vec<String> = entries.into_iter().map(searchable).collect();
        Self::from_normalized(joined.iter().map(String::as_str))
    }

    /// The index of entries given as [`searchable`] made them: rebuilding
    /// it is a copy.
    pub fn from_normalized<'a>(entries: impl IntoIterator<Item = &'a str>) -> Self {
        let mut index = SearchIndex::default();
        for joined in entries {
            index.buffer.push_str(joined);
            index.ends.push(index.buffer.len());
        }
        index
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The entries with a text containing `query`, in order; all of them
    /// for an empty query.
    pub fn find(&self, query: &str) -> Vec<usize> {
        let query = normalize(query);
        if query.is_empty() {
            return (0..self.ends.len()).collect();
        }
        let finder = Finder::new(query.as_bytes());
        let hay = self.buffer.as_bytes();
        let mut found = Vec::new();
        let mut at = 0;
        while let Some(offset) = finder.find(&hay[at..]) {
            let entry = self.ends.partition_point(|&end| end <= at + offset);
            found.push(entry);
            // One hit per entry: go on after it.
            match self.ends.get(entry) {
                Some(&end) => at = end,
                None => break,
            }
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn index(entries: &[&[&str]]) -> SearchIndex {
        SearchIndex::new(entries.iter().map(|texts| texts.iter().copied()))
    }

    #[test]
    fn finds_names_in_either_script_and_any_case() {
        let index = index(&[
            &["Борис Романов", "Boris Romanov"],
            &["Анна Пример", "Anna Example", "Казань"],
            &["Алёна Ёлкина", "Alyona Yolkina"],
        ]);
        assert_eq!(index.find("романов"), vec![0]);
        assert_eq!(index.find("ROMANOV"), vec![0]);
        assert_eq!(index.find("казань"), vec![1]);
        assert_eq!(index.find("елкина"), vec![2], "ё is searched as е");
        assert_eq!(index.find("a"), vec![0, 1, 2]);
        assert_eq!(index.find("  "), vec![0, 1, 2], "a blank query finds all");
        assert!(index.find("nobody").is_empty());
    }

    #[test]
    fn a_match_never_spans_two_texts_or_entries() {
        let index = index(&[&["ab", "cd"], &["ef"]]);
        assert!(index.find("bc").is_empty());
        assert!(index.find("de").is_empty());
        assert!(index.find("b\u{1f}c").is_empty());
    }

    #[test]
    fn apostrophes_and_spaces_are_one_kind() {
        let index = index(&[&["Мар’яна  Гнатів"]]);
        assert_eq!(index.find("мар'яна гнатів"), vec![0]);
        assert_eq!(index.find("марʼяна"), vec![0]);
    }

    proptest! {
        /// The index finds exactly what a plain scan of the normalised
        /// texts finds, in order.
        #[test]
        fn agrees_with_a_plain_scan(
            entries in prop::collection::vec(prop::collection::vec("[a-cё Ё\u{1f}\u{2019}']{0,6}", 0..3), 0..8),
            query in "[a-cё Ё']{0,3}",
        ) {
            let index = SearchIndex::new(entries.iter().map(|t| t.iter().map(String::as_str)));
            let q = normalize(&query);
            let expected: Vec<usize> = entries
                .iter()
                .enumerate()
                .filter(|(_, texts)| q.is_empty() || texts.iter().any(|t| normalize(t).contains(&q)))
                .map(|(i, _)| i)
                .collect();
            prop_assert_eq!(index.find(&query), expected);
        }
    }
}
