//! What a prison censor is likely to stop in a letter, found before it is
//! sent: words and passages from a list per language (shipped, and extended
//! by organisers from what their volunteers see), words in a script the
//! facility does not let through (censors stop foreign words and anything
//! that looks like a code), and the length against the page limit. It
//! warns; the writer decides.

use std::collections::HashMap;
use std::ops::Range;

/// What a finding is about; each has an explanation for writers
/// (`letter-topic-{code}`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Topic {
    War,
    Case,
    Politics,
    Lgbt,
    Insult,
    /// Written in a script the facility does not let through.
    ForeignScript,
}

impl Topic {
    const LISTED: [Topic; 5] = [
        Topic::War,
        Topic::Case,
        Topic::Politics,
        Topic::Lgbt,
        Topic::Insult,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Topic::War => "war",
            Topic::Case => "case",
            Topic::Politics => "politics",
            Topic::Lgbt => "lgbt",
            Topic::Insult => "insult",
            Topic::ForeignScript => "foreign-script",
        }
    }

    fn parse(code: &str) -> Option<Topic> {
        Topic::LISTED.into_iter().find(|t| t.code() == code)
    }
}

/// One entry of a list: words in a row, each matched by its start (Russian
/// words change their endings) or, written `=word`, exactly.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Entry {
    words: Vec<(String, bool)>,
    topic: Topic,
}

/// A language's list, as files give it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WordList {
    entries: Vec<Entry>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ListError {
    #[error("line {line}: '{topic}' is not a topic (war, case, politics, lgbt, insult)")]
    UnknownTopic { line: usize, topic: String },
    #[error("line {line}: an entry before the first [topic] header")]
    NoTopic { line: usize },
}

impl WordList {
    /// The shipped list of `lang`, when there is one.
    pub fn shipped(lang: &str) -> Option<WordList> {
        let text = match lang {
            "ru" => include_str!("words-ru.txt"),
            "en" => include_str!("words-en.txt"),
            _ => return None,
        };
        // The shipped files are checked by a test: they parse.
        WordList::parse(text).ok()
    }

    /// `# comments`, `[topic]` headers, one entry a line.
    pub fn parse(text: &str) -> Result<WordList, ListError> {
        let mut entries = Vec::new();
        let mut topic = None;
        for (i, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(code) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                topic = Some(
                    Topic::parse(code.trim()).ok_or_else(|| ListError::UnknownTopic {
                        line: i + 1,
                        topic: code.trim().to_string(),
                    })?,
                );
                continue;
            }
            let topic = topic.ok_or(ListError::NoTopic { line: i + 1 })?;
            let words = line
                .split_whitespace()
                .map(|w| match w.strip_prefix('=') {
                    Some(exact) => (exact.to_lowercase(), true),
                    None => (w.to_lowercase(), false),
                })
                .filter(|(w, _)| !w.is_empty())
                .collect::<Vec<_>>();
            if !words.is_empty() {
                entries.push(Entry { words, topic });
            }
        }
        Ok(WordList { entries })
    }

    /// This list and `more` (an organisers' file) together.
    pub fn extended(mut self, more: WordList) -> WordList {
        self.entries.extend(more.entries);
        self
    }
}

/// Every language's list: the shipped ones, each extended by the
/// organisers' file of its language in `dir` (`ru.txt`, in the shipped
/// lists' format), and lists of other languages from there too. A file
/// with a mistake stops the start, naming the file and line.
pub fn load_lists(dir: Option<&std::path::Path>) -> Result<HashMap<String, WordList>, String> {
    let mut lists: HashMap<String, WordList> = ["ru", "en"]
        .into_iter()
        .filter_map(|l| Some((l.to_string(), WordList::shipped(l)?)))
        .collect();
    let Some(dir) = dir else {
        return Ok(lists);
    };
    let entries =
        std::fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    for entry in entries {
        let path = entry
            .map_err(|e| format!("cannot read {}: {e}", dir.display()))?
            .path();
        let Some(lang) = path
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(|n| n.strip_suffix(".txt"))
            .filter(|l| (2..=3).contains(&l.len()) && l.bytes().all(|b| b.is_ascii_lowercase()))
        else {
            continue;
        };
        let text = std::fs::read_to_string(&path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let more = WordList::parse(&text).map_err(|e| format!("{}: {e}", path.display()))?;
        let list = lists.remove(lang).unwrap_or_default().extended(more);
        lists.insert(lang.to_string(), list);
    }
    Ok(lists)
}

/// A passage of the letter and why it may be stopped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// Byte range in the letter's text.
    pub range: Range<usize>,
    pub topic: Topic,
}

/// The scripts a facility's languages are written in.
fn script_of(lang: &str) -> Option<Script> {
    match lang {
        "ru" | "uk" | "be" | "bg" | "sr" | "kk" | "ky" | "tg" | "mn" => Some(Script::Cyrillic),
        "en" | "de" | "fr" | "es" | "it" | "pl" | "cs" | "lt" | "lv" | "et" | "ro" | "tr" => {
            Some(Script::Latin)
        }
        _ => None,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Script {
    Cyrillic,
    Latin,
}

fn script(c: char) -> Option<Script> {
    match c {
        '\u{0400}'..='\u{052F}' => Some(Script::Cyrillic),
        'a'..='z' | 'A'..='Z' | '\u{00C0}'..='\u{024F}' => Some(Script::Latin),
        _ => None,
    }
}

/// The letter's words: byte ranges of runs of letters (and the apostrophes
/// and hyphens inside words).
fn words(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let inside = c.is_alphanumeric()
            || (matches!(c, '-' | '\'' | '’')
                && start.is_some()
                && chars.peek().is_some_and(|(_, n)| n.is_alphanumeric()));
        match (inside, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(s..i);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(s..text.len());
    }
    out
}

/// Every passage of `text` a censor is likely to stop: entries of the
/// lists of `lists` (by language), and words in a script none of
/// `facility_languages` is written in. In the order they appear.
pub fn check(
    text: &str,
    lists: &HashMap<String, WordList>,
    facility_languages: &[String],
) -> Vec<Finding> {
    let words = words(text);
    let lower: Vec<String> = words
        .iter()
        .map(|r| text[r.clone()].to_lowercase())
        .collect();
    let mut findings = Vec::new();
    let allowed: Vec<Script> = facility_languages
        .iter()
        .filter_map(|l| script_of(l))
        .collect();
    let mut i = 0;
    while i < words.len() {
        let matched = lists.values().flat_map(|l| &l.entries).find_map(|entry| {
            let n = entry.words.len();
            let fits = i + n <= words.len()
                && entry
                    .words
                    .iter()
                    .zip(&lower[i..i + n])
                    .all(|((w, exact), word)| {
                        if *exact {
                            word == w
                        } else {
                            word.starts_with(w.as_str())
                        }
                    });
            fits.then_some((n, entry.topic))
        });
        if let Some((n, topic)) = matched {
            findings.push(Finding {
                range: words[i].start..words[i + n - 1].end,
                topic,
            });
            i += n;
            continue;
        }
        let foreign = !allowed.is_empty()
            && text[words[i].clone()]
                .chars()
                .filter_map(script)
                .any(|s| !allowed.contains(&s));
        if foreign {
            findings.push(Finding {
                range: words[i].clone(),
                topic: Topic::ForeignScript,
            });
        }
        i += 1;
    }
    findings
}

/// Printed pages the letter fills, at `per_page` characters a page.
pub fn pages(text: &str, per_page: usize) -> usize {
    let chars = text.chars().filter(|c| !c.is_whitespace()).count();
    chars.div_ceil(per_page.max(1)).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn lists() -> HashMap<String, WordList> {
        HashMap::from([("ru".to_string(), WordList::shipped("ru").expect("ru"))])
    }

    fn found(text: &str) -> Vec<(&str, &'static str)> {
        check(text, &lists(), &["ru".to_string()])
            .into_iter()
            .map(|f| (&text[f.range], f.topic.code()))
            .collect()
    }

    #[test]
    fn the_shipped_lists_parse() {
        for lang in ["ru", "en"] {
            assert!(
                WordList::shipped(lang).is_some_and(|l| !l.entries.is_empty()),
                "{lang}"
            );
        }
        assert!(WordList::shipped("xx").is_none());
    }

    #[test]
    fn words_are_found_by_their_start_whatever_the_ending() {
        assert_eq!(
            found("Держись! Все говорят о войне и мобилизации, а Навальный..."),
            [
                ("войне", "war"),
                ("мобилизации", "war"),
                ("Навальный", "politics")
            ]
        );
        assert_eq!(
            found("Твой СЛЕДОВАТЕЛЬ не прав."),
            [("СЛЕДОВАТЕЛЬ", "case")]
        );
    }

    #[test]
    fn exact_entries_do_not_catch_longer_words() {
        assert_eq!(found("Свобода близко, свои с тобой."), []);
        assert_eq!(found("Что там с СВО?"), [("СВО", "war")]);
    }

    #[test]
    fn passages_of_several_words_match_in_a_row() {
        assert_eq!(
            found("Уголовное дело закроют"),
            [("Уголовное дело", "case")]
        );
        assert_eq!(found("Уголовное право и дело"), []);
    }

    #[test]
    fn words_in_a_script_the_facility_does_not_let_through_are_marked() {
        assert_eq!(
            found("Привет! Keep calm, брат."),
            [("Keep", "foreign-script"), ("calm", "foreign-script")]
        );
        let en = check("Keep calm", &HashMap::new(), &["ru".into(), "en".into()]);
        assert!(en.is_empty(), "English let through");
        let unknown = check("Keep calm", &HashMap::new(), &["xx".into()]);
        assert!(
            unknown.is_empty(),
            "an unknown language's script is not guessed"
        );
    }

    #[test]
    fn organisers_extend_the_list_and_mistakes_name_the_line() {
        let more = WordList::parse("# ours\n[case]\n=дело\n").expect("parses");
        let lists = HashMap::from([(
            "ru".to_string(),
            WordList::shipped("ru").expect("ru").extended(more),
        )]);
        assert_eq!(check("Как дело?", &lists, &["ru".into()]).len(), 1);
        assert_eq!(
            WordList::parse("[weather]\nдождь"),
            Err(ListError::UnknownTopic {
                line: 1,
                topic: "weather".into()
            })
        );
        assert_eq!(
            WordList::parse("# x\nдождь"),
            Err(ListError::NoTopic { line: 2 })
        );
    }

    #[test]
    fn organisers_files_extend_the_shipped_lists() {
        let dir = tempfile::tempdir().expect("dir");
        std::fs::write(dir.path().join("ru.txt"), "[case]\n=дело\n").expect("write");
        std::fs::write(dir.path().join("be.txt"), "[war]\nвайн\n").expect("write");
        std::fs::write(dir.path().join("README"), "not a list").expect("write");
        let lists = load_lists(Some(dir.path())).expect("loads");
        assert_eq!(check("Как дело?", &lists, &["ru".into()]).len(), 1);
        assert_eq!(check("пра вайну", &lists, &["be".into()]).len(), 1);
        assert!(lists.contains_key("en"), "the shipped lists stay");
        std::fs::write(dir.path().join("uk.txt"), "війна").expect("write");
        let broken = load_lists(Some(dir.path())).expect_err("refused");
        assert!(
            broken.contains("uk.txt") && broken.contains("line 1"),
            "{broken}"
        );
    }

    #[test]
    fn pages_count_the_letters_characters() {
        assert_eq!(pages("", 1800), 1);
        assert_eq!(pages(&"а".repeat(1800), 1800), 1);
        assert_eq!(pages(&"а ".repeat(1801), 1800), 2);
    }

    proptest! {
        #[test]
        fn findings_lie_on_the_text_in_order(text in "\\PC{0,300}") {
            let findings = check(&text, &lists(), &["ru".to_string()]);
            let mut last = 0;
            for f in &findings {
                prop_assert!(f.range.start >= last && f.range.end <= text.len());
                prop_assert!(text.is_char_boundary(f.range.start) && text.is_char_boundary(f.range.end));
                last = f.range.end;
            }
        }

        #[test]
        fn lists_parse_or_say_why(text in "\\PC{0,200}") {
            let _ = WordList::parse(&text);
        }
    }
}
