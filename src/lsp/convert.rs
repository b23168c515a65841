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

    /// The positions of many byte offsets (any order), as [`LineIndex::position`] gives them,
    /// counting each line's characters once: per offset, a draft that is one long line with
    /// thousands of findings costs a pass over the line each.
    #[must_use]
    pub fn positions(&self, text: &str, offsets: &[usize], enc: Encoding) -> Vec<Position> {
        let mut order: Vec<usize> = (0..offsets.len()).collect();
        order.sort_unstable_by_key(|&i| offsets[i]);
        let mut out = vec![Position::default(); offsets.len()];
        // The cursor: byte `at` of line `line` is character `units`.
        let (mut line, mut at, mut units) = (0, 0, 0);
        for i in order {
            let mut offset = offsets[i].min(text.len());
            while !text.is_char_boundary(offset) {
                offset -= 1;
            }
            let l = self.starts.partition_point(|&s| s <= offset) - 1;
            if l != line || at > offset {
                (line, at, units) = (l, self.starts[l], 0);
            }
            let step = &text[at..offset];
            units += match enc {
                Encoding::Utf8 => step.len(),
                Encoding::Utf16 => step.encode_utf16().count(),
            };
            at = offset;
            out[i] = Position::new(to_u32(line), to_u32(units));
        }
        out
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
        // A line ends before its "\n", or its "\r\n"; the last line at the end of the text
        // (a "\r" there is text, not half a line break).
        let end = match self.starts.get(line + 1) {
            Some(&next) if text[start..next - 1].ends_with('\r') => next - 2,
            Some(&next) => next - 1,
            None => text.len(),
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

/// Applies one incremental edit from the editor to `text` and returns the new index. The
/// range is clamped like any position (an end before the start is the start), so a stale or
/// malformed edit changes the nearest valid place and never panics.
#[must_use]
pub(crate) fn apply_edit(
    text: &mut String,
    index: &LineIndex,
    range: Range,
    new_text: &str,
    enc: Encoding,
) -> LineIndex {
    let start = index.offset(text, range.start, enc);
    let end = index.offset(text, range.end, enc).max(start);
    text.replace_range(start..end, new_text);
    LineIndex::new(text)
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

    mod props {
        use proptest::prelude::*;

        use super::super::*;

        /// Text rich in what makes positions hard: line breaks of both kinds, surrogate pairs,
        /// ZWJ sequences, combining marks.
        fn text() -> impl Strategy<Value = String> {
            let piece = prop_oneof![
                Just("\n".to_owned()),
                Just("\r\n".to_owned()),
                Just("\r".to_owned()),
                Just("💆‍♀️".to_owned()),
                Just("👍🏽".to_owned()),
                Just("e\u{301}".to_owned()),
                Just("é".to_owned()),
                Just("Mary Jones".to_owned()),
                "\\PC{0,8}",
                any::<String>(),
            ];
            proptest::collection::vec(piece, 0..24).prop_map(|v| v.concat())
        }

        fn encoding() -> impl Strategy<Value = Encoding> {
            prop_oneof![Just(Encoding::Utf16), Just(Encoding::Utf8)]
        }

        proptest! {
            #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

            #[test]
            fn every_offset_round_trips(text in text(), enc in encoding()) {
                let idx = LineIndex::new(&text);
                for o in (0..=text.len()).filter(|&o| text.is_char_boundary(o)) {
                    // Between "\r" and "\n" is inside a line break: no position names it.
                    if o > 0 && text.as_bytes()[o - 1] == b'\r' && text.as_bytes().get(o) == Some(&b'\n') {
                        continue;
                    }
                    let pos = idx.position(&text, o, enc);
                    prop_assert_eq!(idx.offset(&text, pos, enc), o, "offset {} of {:?}", o, text);
                }
            }

            #[test]
            fn batched_positions_equal_single_ones(
                text in text(),
                enc in encoding(),
                offsets in proptest::collection::vec(0usize..300, 0..40),
            ) {
                let idx = LineIndex::new(&text);
                let batch = idx.positions(&text, &offsets, enc);
                for (o, p) in offsets.iter().zip(batch) {
                    prop_assert_eq!(idx.position(&text, *o, enc), p, "offset {}", o);
                }
            }

            #[test]
            fn any_position_maps_to_a_char_boundary(
                text in text(),
                enc in encoding(),
                line in 0u32..40,
                character in 0u32..200,
                offset in 0usize..400,
            ) {
                let idx = LineIndex::new(&text);
                let o = idx.offset(&text, Position::new(line, character), enc);
                prop_assert!(o <= text.len() && text.is_char_boundary(o));
                let pos = idx.position(&text, offset, enc);
                let back = idx.offset(&text, pos, enc);
                prop_assert!(back <= text.len() && text.is_char_boundary(back));
            }

            #[test]
            fn random_edits_never_panic_and_match_a_splice(
                text in text(),
                edits in proptest::collection::vec(
                    (0usize..200, 0usize..200, text(), any::<bool>(), 0u32..30, 0u32..90),
                    1..12,
                ),
                enc in encoding(),
            ) {
                let mut text = text;
                let mut idx = LineIndex::new(&text);
                for (a, b, insert, valid, line, character) in edits {
                    let range = if valid {
                        // A well-formed edit: positions of two char boundaries.
                        let fix = |o: usize| {
                            let mut o = o.min(text.len());
                            while !text.is_char_boundary(o) {
                                o -= 1;
                            }
                            // Not inside a "\r\n": no position names that place.
                            if o > 0 && text.as_bytes()[o - 1] == b'\r' && text.as_bytes().get(o) == Some(&b'\n') {
                                o -= 1;
                            }
                            o
                        };
                        let (a, b) = (fix(a.min(b)), fix(a.max(b)));
                        let range = Range::new(idx.position(&text, a, enc), idx.position(&text, b, enc));
                        let mut expected = text.clone();
                        expected.replace_range(a..b, &insert);
                        let new_idx = apply_edit(&mut text, &idx, range, &insert, enc);
                        prop_assert_eq!(&text, &expected);
                        idx = new_idx;
                        continue;
                    } else {
                        // Anything an editor might send, stale or out of range.
                        Range::new(Position::new(line, character), Position::new(line / 2, character / 3))
                    };
                    idx = apply_edit(&mut text, &idx, range, &insert, enc);
                    prop_assert_eq!(idx.starts.len(), text.matches('\n').count() + 1);
                }
            }
        }
    }
}
