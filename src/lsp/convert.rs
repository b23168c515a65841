//! Byte spans ↔ LSP positions, in the encoding negotiated with the editor.
//!
//! The core speaks bytes. LSP positions are (line, character) where "character" counts UTF-16
//! code units by default, or UTF-8 bytes when both sides agree (LSP 3.17). Conversion happens
//! only here, at the edge. Lines end at `\n`; a `\r` before it belongs to the line's end, so
//! CRLF documents map exactly. Positions past a line's end or past the last line clamp to the
//! nearest valid offset, so a stale or malformed edit can never panic the server.

use lsp_types::{Position, Range};

use crate::span::Span;

/// How LSP counts characters within a line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-16 code units (the LSP default).
    Utf16,
    /// UTF-8 bytes.
    Utf8,
}

/// Line starts of a text, for converting in both directions.
#[derive(Clone, Debug)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    /// Indexes `text`.
    #[must_use]
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { starts }
    }

    /// The position of byte `offset` (clamped to the text and to a char boundary).
    #[must_use]
    pub fn position(&self, text: &str, offset: usize, enc: Encoding) -> Position {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let prefix = &text[self.starts[line]..offset];
        let character = match enc {
            Encoding::Utf8 => prefix.len(),
            Encoding::Utf16 => prefix.encode_utf16().count(),
        };
        Position::new(to_u32(line), to_u32(character))
    }

    /// The byte offset of `pos`, clamped: a line past the end is the end of the text, a
    /// character past the end of its line is the end of that line, and a position inside a
    /// surrogate pair or a multi-byte character moves back to its start.
    #[must_use]
    pub fn offset(&self, text: &str, pos: Position, enc: Encoding) -> usize {
        let line = pos.line as usize;
        let Some(&start) = self.starts.get(line) else {
            return text.len();
        };
        let end = self
            .starts
            .get(line + 1)
            .map_or(text.len(), |&next| next - 1);
        let end = if text[start..end].ends_with('\r') {
            end - 1
        } else {
            end
        };
        let want = pos.character as usize;
        let mut units = 0;
        for (i, c) in text[start..end].char_indices() {
            let width = match enc {
                Encoding::Utf8 => c.len_utf8(),
                Encoding::Utf16 => c.len_utf16(),
            };
            if units + width > want {
                return start + i;
            }
            units += width;
        }
        end
    }

    /// A span as an LSP range.
    #[must_use]
    pub fn range(&self, text: &str, span: Span, enc: Encoding) -> Range {
        Range::new(
            self.position(text, span.start, enc),
            self.position(text, span.end, enc),
        )
    }
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(text: &str, needle: &str, enc: Encoding) -> Range {
        let idx = LineIndex::new(text);
        let start = text.find(needle).unwrap();
        let span = Span::new(start, start + needle.len());
        let range = idx.range(text, span, enc);
        assert_eq!(idx.offset(text, range.start, enc), span.start);
        assert_eq!(idx.offset(text, range.end, enc), span.end);
        range
    }

    #[test]
    fn utf16_counts_surrogates_zwj_and_skin_tones() {
        let text = "👍🏽 💆‍♀️ e\u{301} Mary";
        let r = round_trip(text, "Mary", Encoding::Utf16);
        // 👍🏽 = 2+2, space, 💆‍♀️ = 2+1+1+1, space, e + U+0301 = 2, space.
        assert_eq!(r.start, Position::new(0, 14));
        let r8 = round_trip(text, "Mary", Encoding::Utf8);
        assert_eq!(r8.start.character as usize, text.find("Mary").unwrap());
    }

    #[test]
    fn crlf_lines() {
        let text = "a\r\nb Mary\r\n";
        let r = round_trip(text, "Mary", Encoding::Utf16);
        assert_eq!(r.start, Position::new(1, 2));
        let idx = LineIndex::new(text);
        assert_eq!(idx.offset(text, Position::new(0, 99), Encoding::Utf16), 1);
    }

    #[test]
    fn out_of_range_clamps() {
        let text = "ab\ncd";
        let idx = LineIndex::new(text);
        assert_eq!(
            idx.offset(text, Position::new(9, 0), Encoding::Utf16),
            text.len()
        );
        assert_eq!(
            idx.offset(text, Position::new(1, 9), Encoding::Utf16),
            text.len()
        );
        assert_eq!(idx.position(text, 99, Encoding::Utf16), Position::new(1, 2));
    }
}
