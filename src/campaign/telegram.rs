//! Posts of a Telegram channel, from a Telegram Desktop export
//! (`result.json`, "Export chat history" in JSON), as campaign updates:
//! the formatting as Markdown, links kept, photos named for import.

use std::path::PathBuf;

use chrono::NaiveDate;
use serde::Deserialize;

#[derive(Debug, thiserror::Error)]
pub enum TelegramError {
    #[error("not a Telegram Desktop export (result.json): {0}")]
    NotAnExport(String),
}

/// One post, ready to become an update.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Post {
    /// The message id in the channel: the update is `tg-ID`, so a post is
    /// imported once however often the export is read.
    pub id: i64,
    pub date: NaiveDate,
    /// The first line of the text, shortened.
    pub title: String,
    pub body: String,
    /// The photo's path inside the export folder.
    pub photo: Option<PathBuf>,
}

impl Post {
    pub fn update_id(&self) -> String {
        format!("tg-{}", self.id)
    }
}

#[derive(Deserialize)]
struct Export {
    #[serde(default)]
    name: Option<String>,
    messages: Vec<Message>,
}

#[derive(Deserialize)]
struct Message {
    id: i64,
    #[serde(rename = "type")]
    kind: String,
    date: String,
    #[serde(default)]
    text_entities: Vec<Entity>,
    #[serde(default)]
    photo: Option<String>,
}

#[derive(Deserialize)]
struct Entity {
    #[serde(rename = "type")]
    kind: String,
    text: String,
    #[serde(default)]
    href: Option<String>,
}

/// Longest title taken from a post's first line.
const TITLE_CHARS: usize = 90;

/// The channel's posts with text or a photo, oldest first. Service
/// messages (channel created, pinned...) and posts with neither are left out.
pub fn posts(json: &str) -> Result<Vec<Post>, TelegramError> {
    let export: Export =
        serde_json::from_str(json).map_err(|e| TelegramError::NotAnExport(e.to_string()))?;
    let channel = export.name.unwrap_or_else(|| "Telegram".to_string());
    let mut posts: Vec<Post> = export
        .messages
        .into_iter()
        .filter(|m| m.kind == "message")
        .filter_map(|m| {
            // "2024-01-12T18:03:11": the channel's local date.
            let date = NaiveDate::parse_from_str(m.date.get(..10)?, "%Y-%m-%d").ok()?;
            let plain: String = m.text_entities.iter().map(|e| e.text.as_str()).collect();
            let photo = m
                .photo
                .filter(|p| !p.starts_with('(') && !p.contains(".."))
                .map(PathBuf::from);
            if plain.trim().is_empty() && photo.is_none() {
                return None;
            }
            Some(Post {
                id: m.id,
                date,
                title: title(&plain).unwrap_or_else(|| channel.clone()),
                body: markdown(&m.text_entities),
                photo,
            })
        })
        .collect();
    posts.sort_by_key(|p| (p.date, p.id));
    Ok(posts)
}

fn title(plain: &str) -> Option<String> {
    let line = plain.lines().map(str::trim).find(|l| !l.is_empty())?;
    if line.chars().count() <= TITLE_CHARS {
        return Some(line.to_string());
    }
    let cut: String = line.chars().take(TITLE_CHARS).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    Some(format!(
        "{}…",
        cut.trim_end_matches([',', ';', ':', '—', '-', ' '])
    ))
}

/// Telegram's formatting as Markdown. Text is escaped so a stray `*` stays
/// a star; a line break stays a line break.
fn markdown(entities: &[Entity]) -> String {
    let mut out = String::new();
    for e in entities {
        let text = e.text.as_str();
        let piece = match e.kind.as_str() {
            "bold" => wrap(text, "**"),
            "italic" => wrap(text, "*"),
            "strikethrough" => wrap(text, "~~"),
            "code" => {
                let fence = if text.contains('`') { "``" } else { "`" };
                format!("{fence}{text}{fence}")
            }
            "pre" => format!("\n```\n{}\n```\n", text.trim_end()),
            "text_link" => match e.href.as_deref().filter(|h| web_link(h)) {
                Some(href) => format!("[{}]({})", escape(text), href.replace(')', "%29")),
                None => escape(text),
            },
            "link" if web_link(text) => format!("<{text}>"),
            "mention" if text.starts_with('@') => {
                format!("[{}](https://t.me/{})", escape(text), &text[1..])
            }
            "blockquote" => text
                .lines()
                .map(|l| format!("> {}", escape(l)))
                .collect::<Vec<_>>()
                .join("\n"),
            _ => escape(text),
        };
        out.push_str(&piece);
    }
    line_breaks(&out)
}

fn web_link(s: &str) -> bool {
    s.starts_with("https://") || s.starts_with("http://")
}

/// Markers must touch the text they mark: spaces go outside.
fn wrap(text: &str, marker: &str) -> String {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return text.to_string();
    }
    let lead = &text[..text.len() - text.trim_start().len()];
    let trail = &text[text.trim_end().len()..];
    format!("{lead}{marker}{}{marker}{trail}", escape(trimmed))
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut line_start = true;
    for c in text.chars() {
        let special = matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '~' | '#' | '|'
        ) || (line_start && matches!(c, '-' | '+'));
        if special {
            out.push('\\');
        }
        out.push(c);
        line_start = c == '\n' || (line_start && c == ' ');
    }
    out
}

/// A single newline in a post is a line break; an empty line, a paragraph.
fn line_breaks(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_code = false;
    let lines: Vec<&str> = text.split('\n').collect();
    for (i, line) in lines.iter().enumerate() {
        if line.starts_with("```") {
            in_code = !in_code;
        }
        out.push_str(line);
        if i + 1 < lines.len() {
            let next_blank = lines[i + 1].trim().is_empty();
            let blank = line.trim().is_empty();
            if !in_code && !blank && !next_blank && !line.starts_with("```") {
                out.push_str("  ");
            }
            out.push('\n');
        }
    }
    out.trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formatting_becomes_markdown_and_stray_stars_stay_stars() {
        let json = r#"{"name": "Канал", "messages": [
            {"id": 1, "type": "message", "date": "2024-01-12T18:03:11", "text_entities": [
                {"type": "bold", "text": "Суд "},
                {"type": "plain", "text": "продлил *арест*\nдо марта"},
                {"type": "text_link", "text": "тут", "href": "https://example.org/a"},
                {"type": "text_link", "text": "опасно", "href": "javascript:alert(1)"}
            ]}]}"#;
        let post = &posts(json).expect("an export")[0];
        assert_eq!(post.title, "Суд продлил *арест*");
        assert_eq!(
            post.body,
            "**Суд** продлил \\*арест\\*  \nдо марта[тут](https://example.org/a)опасно"
        );
    }

    #[test]
    fn a_long_first_line_is_cut_at_a_word() {
        let long = "слово ".repeat(40);
        let t = title(&long).expect("a title");
        assert!(
            t.chars().count() <= TITLE_CHARS + 1 && t.ends_with('…'),
            "{t}"
        );
    }

    #[test]
    fn something_else_is_refused_with_a_reason() {
        assert!(posts("{\"chats\": []}").is_err());
    }
}
