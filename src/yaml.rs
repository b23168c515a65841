//! Small helpers shared by the YAML loaders (roster, rules, config).

use std::fmt;

use crate::error::{FileKind, LoadError};

/// A serde visitor for a scalar that is checked while the parser still knows where it is, so
/// an error points at the value's own line and column rather than its enclosing mapping.
pub(crate) struct Checked<F, T>(pub &'static str, pub F)
where
    F: FnOnce(&str) -> Result<T, String>;

impl<'de, F, T> serde::de::Visitor<'de> for Checked<F, T>
where
    F: FnOnce(&str) -> Result<T, String>,
{
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<T, E> {
        (self.1)(v).map_err(E::custom)
    }

    // Unquoted numbers and booleans reach here as their own types; ids like `1001` are fine.
    fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<T, E> {
        self.visit_str(&v.to_string())
    }

    fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<T, E> {
        self.visit_str(&v.to_string())
    }
}

/// Deepest nesting of flow collections (`[...]`, `{...}`) accepted in any YAML lipzip reads.
/// A roster nests three deep; a front matter or a rule pack, two.
pub(crate) const MAX_FLOW_DEPTH: usize = 64;

/// Refuses YAML nested deeper than [`MAX_FLOW_DEPTH`], with the line where it happens.
///
/// # Errors
/// [`LoadError`] naming the line; it quotes nothing from the file.
pub(crate) fn check_depth(kind: FileKind, origin: &str, text: &str) -> Result<(), LoadError> {
    let Some(at) = too_deep(text) else {
        return Ok(());
    };
    let lc = crate::span::line_col(text, at);
    let mut e = LoadError::new(
        kind,
        origin,
        format!("brackets nested more than {MAX_FLOW_DEPTH} levels deep: not read"),
    )
    .help("no lipzip file nests more than a few levels: look for stray `[` or `{` on this line");
    e.line = Some(lc.line);
    e.column = Some(lc.column);
    e.offset = Some(at);
    Err(e)
}

/// The byte offset of the first `[` or `{` nested deeper than [`MAX_FLOW_DEPTH`], if any.
///
/// Checked before the YAML parser sees the text: libyaml's scanner does work proportional to
/// the nesting depth for every token, so 100,000 nested `[` took minutes to reject. This is a
/// small YAML lexer: it knows quoted scalars, comments and block scalars (`|`, `>`), where
/// brackets are text, and that a `[` in block context opens a collection only where a value
/// starts (`key: [`, `- [`), not inside a plain scalar (`a[b`).
pub(crate) fn too_deep(text: &str) -> Option<usize> {
    let b = text.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    // Indentation of the current line, and of the line that opened a block scalar.
    let mut line_start = 0;
    let mut block_scalar: Option<usize> = None;
    while i < b.len() {
        if i == line_start {
            let indent = b[i..].iter().take_while(|&&c| c == b' ').count();
            if let Some(parent) = block_scalar {
                let blank = matches!(b.get(i + indent), None | Some(b'\n' | b'\r'));
                if blank || indent > parent {
                    i = next_line(b, i);
                    line_start = i;
                    continue;
                }
                block_scalar = None;
            }
        }
        match b[i] {
            b'\n' => {
                i += 1;
                line_start = i;
                continue;
            }
            b'#' if i == line_start || matches!(b[i - 1], b' ' | b'\t') => {
                i = next_line(b, i);
                line_start = i;
                continue;
            }
            b'"' | b'\'' if value_starts(b, line_start, i, depth) => {
                i = skip_quoted(b, i);
                line_start = b[..i]
                    .iter()
                    .rposition(|&c| c == b'\n')
                    .map_or(0, |p| p + 1);
                continue;
            }
            b'|' | b'>' if depth == 0 && value_starts(b, line_start, i, depth) => {
                let rest = &b[i + 1..next_line(b, i)];
                let header = rest.iter().take_while(|&&c| c != b'#').all(|&c| {
                    matches!(c, b'+' | b'-' | b'0'..=b'9' | b' ' | b'\t' | b'\r' | b'\n')
                });
                if header {
                    block_scalar = Some(b[line_start..].iter().take_while(|&&c| c == b' ').count());
                    i = next_line(b, i);
                    line_start = i;
                    continue;
                }
            }
            b'[' | b'{' if depth > 0 || value_starts(b, line_start, i, depth) => {
                depth += 1;
                if depth > MAX_FLOW_DEPTH {
                    return Some(i);
                }
            }
            b']' | b'}' if depth > 0 => depth -= 1,
            _ => {}
        }
        i += 1;
    }
    None
}

/// Offset just past the end of the line holding `i`.
fn next_line(b: &[u8], i: usize) -> usize {
    b[i..]
        .iter()
        .position(|&c| c == b'\n')
        .map_or(b.len(), |p| i + p + 1)
}

/// Whether a value may start at `i`: after the start of the line, `key: `, `- `, `? `, an
/// anchor or tag, or (inside a flow collection) `[`, `{` or `,`.
fn value_starts(b: &[u8], line_start: usize, i: usize, depth: usize) -> bool {
    let before = &b[line_start..i];
    let trimmed = before.trim_ascii_end();
    let Some(&last) = trimmed.last() else {
        return true;
    };
    let spaced = trimmed.len() < before.len();
    match last {
        b'[' | b'{' | b',' if depth > 0 => true,
        b':' | b'-' | b'?' => spaced,
        _ => {
            // An anchor or tag right before: `&a [`, `!!str '...'`.
            let word_start = trimmed
                .iter()
                .rposition(|&c| matches!(c, b' ' | b'\t'))
                .map_or(0, |p| p + 1);
            spaced && matches!(trimmed.get(word_start), Some(b'&' | b'!'))
        }
    }
}

/// Offset just past a quoted scalar starting at `i` (or the end of the text if unclosed).
fn skip_quoted(b: &[u8], i: usize) -> usize {
    let quote = b[i];
    let mut j = i + 1;
    while j < b.len() {
        match b[j] {
            b'\\' if quote == b'"' => j += 2,
            b'\'' if quote == b'\'' && b.get(j + 1) == Some(&b'\'') => j += 2,
            c if c == quote => return j + 1,
            _ => j += 1,
        }
    }
    b.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn depth_counts_flow_collections_only() {
        let deep = |n: usize| format!("a: {}{}\n", "[".repeat(n), "]".repeat(n));
        assert_eq!(too_deep(&deep(MAX_FLOW_DEPTH)), None);
        assert_eq!(
            too_deep(&deep(MAX_FLOW_DEPTH + 1)),
            Some(3 + MAX_FLOW_DEPTH)
        );
        let mapping = format!("a: {}1{}\n", "{b: ".repeat(100), "}".repeat(100));
        assert!(too_deep(&mapping).is_some());
    }

    #[test]
    fn brackets_in_text_do_not_count() {
        let many = "[".repeat(200);
        for text in [
            format!("a: \"{many}\"\n"),
            format!("a: '{many}'\n"),
            format!("a: x{many}\n"),
            format!("a: b # {many}\n"),
            format!("a: |\n  {many}\n  more\nb: 1\n"),
            format!("- >-\n    {many}\n"),
            format!("name: O'Brien [x]\nb: '{many}'\n"),
        ] {
            assert_eq!(too_deep(&text), None, "{text}");
        }
    }

    #[test]
    fn quotes_do_not_hide_real_nesting() {
        let n = MAX_FLOW_DEPTH + 1;
        let text = format!(
            "a: ['{}', {}{}\n",
            "]".repeat(n),
            "[".repeat(n),
            "]".repeat(n + 1)
        );
        assert!(too_deep(&text).is_some());
        let text = format!("a: &x {}{}\n", "[".repeat(n), "]".repeat(n));
        assert!(too_deep(&text).is_some());
    }
}
