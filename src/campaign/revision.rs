//! Revisions of a campaign: every save in the workspace is one; the newest
//! is the draft, and any of them can be published or restored. Two
//! revisions compare as a line diff of their campaign files.

use similar::{ChangeTag, TextDiff};

use super::Campaign;

/// One saved version of a campaign.
#[derive(Debug, Clone, PartialEq)]
pub struct Revision {
    pub id: i64,
    pub parent: i64,
    pub campaign: Campaign,
    pub author_login: Option<String>,
    pub created_at: i64,
    pub published_at: Option<i64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineChange {
    Same,
    Removed,
    Added,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiffLine {
    pub change: LineChange,
    pub text: String,
}

/// Lines of context kept around each change; the rest is elided.
const CONTEXT: usize = 3;

/// The changes from `old` to `new`, line by line, with a little context
/// around each; `None` entries stand for elided unchanged lines.
pub fn diff(old: &str, new: &str) -> Vec<Option<DiffLine>> {
    let text_diff = TextDiff::from_lines(old, new);
    let mut out = Vec::new();
    for (i, group) in text_diff.grouped_ops(CONTEXT).iter().enumerate() {
        if i > 0 {
            out.push(None);
        }
        for op in group {
            for change in text_diff.iter_changes(op) {
                let change_kind = match change.tag() {
                    ChangeTag::Equal => LineChange::Same,
                    ChangeTag::Delete => LineChange::Removed,
                    ChangeTag::Insert => LineChange::Added,
                };
                out.push(Some(DiffLine {
                    change: change_kind,
                    text: change.to_string_lossy().trim_end_matches('\n').to_string(),
                }));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diff_shows_changes_with_context_only() {
        let old: String = (1..=20).map(|i| format!("line {i}\n")).collect();
        let new = old.replace("line 10\n", "line ten\n");
        let d = diff(&old, &new);
        let changed: Vec<_> = d
            .iter()
            .flatten()
            .filter(|l| l.change != LineChange::Same)
            .map(|l| (l.change, l.text.as_str()))
            .collect();
        assert_eq!(
            changed,
            vec![
                (LineChange::Removed, "line 10"),
                (LineChange::Added, "line ten")
            ]
        );
        assert_eq!(
            d.len(),
            2 + 2 * CONTEXT,
            "only the context around the change"
        );
        assert!(diff(&old, &old).is_empty());
    }
}
