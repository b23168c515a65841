//! Byte ranges into a draft's original text.
//!
//! Every finding points back at the exact bytes the writer typed, whatever normalisation the
//! matcher saw (case, accents, line breaks, hashtags). Front-ends convert a [`Span`] to their own
//! unit at the edge: lines and columns for the terminal, UTF-16 for the LSP.

use std::ops::Range;

/// A half-open byte range `start..end` into a document's original text.
///
/// # Invariants
/// `start <= end`, and both sit on `char` boundaries of the text the span was made for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    #[must_use]
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end, "span start {start} after end {end}");
        Span { start, end }
    }

    /// The span as a range, for slicing.
    #[must_use]
    pub fn range(self) -> Range<usize> {
        self.start..self.end
    }

    /// Length in bytes.
    #[must_use]
    pub fn len(self) -> usize {
        self.end - self.start
    }

    /// Whether the span covers no bytes.
    #[must_use]
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// The span widened to the char boundaries of `text` (and clamped to it): a span made by
    /// byte arithmetic, or from text where markup filler stands for a multi-byte character,
    /// must never cut one.
    #[must_use]
    pub fn snap(self, text: &str) -> Span {
        let mut start = self.start.min(text.len());
        while !text.is_char_boundary(start) {
            start -= 1;
        }
        let mut end = self.end.clamp(start, text.len());
        while !text.is_char_boundary(end) {
            end += 1;
        }
        Span::new(start, end)
    }

    /// Whether the two spans share at least one byte.
    #[must_use]
    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// A 1-based line and column, the column counted in Unicode scalar values.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LineCol {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in `char`s.
    pub column: usize,
}

/// Line and column of byte `offset` in `text`. `\r\n` and `\n` end a line.
#[must_use]
pub fn line_col(text: &str, offset: usize) -> LineCol {
    let offset = offset.min(text.len());
    let before = &text.as_bytes()[..offset];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let column = text
        .get(line_start..offset)
        .map_or(1, |s| s.chars().count() + 1);
    LineCol {
        line,
        column: column - usize::from(after_bom(text, line, offset)),
    }
}

/// Whether `offset` is on the first line after a byte-order mark, which no editor shows as a
/// column.
fn after_bom(text: &str, line: usize, offset: usize) -> bool {
    line == 1 && offset >= 3 && text.starts_with('\u{feff}')
}

/// Line and column of each of `offsets` (in any order; each clamped to the text), in input
/// order, with one pass over `text`. Reports convert every finding of a draft at once: calling
/// [`line_col`] per finding costs a pass each, which a draft with thousands of findings on one
/// long line turns quadratic.
#[must_use]
pub fn line_cols(text: &str, offsets: &[usize]) -> Vec<LineCol> {
    let mut order: Vec<usize> = (0..offsets.len()).collect();
    order.sort_unstable_by_key(|&i| offsets[i]);
    let bytes = text.as_bytes();
    let mut out = vec![LineCol { line: 1, column: 1 }; offsets.len()];
    // The cursor: byte `pos` is at `line`, `column` (both 1-based).
    let (mut pos, mut line, mut column) = (0usize, 1usize, 1usize);
    for i in order {
        let target = offsets[i].min(bytes.len());
        for &b in &bytes[pos..target] {
            if b == b'\n' {
                line += 1;
                column = 1;
            } else if b & 0xC0 != 0x80 {
                // A byte that starts a char (not a UTF-8 continuation byte).
                column += 1;
            }
        }
        pos = pos.max(target);
        let bom = usize::from(after_bom(text, line, target));
        out[i] = LineCol {
            line,
            column: column - bom,
        };
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_chars_not_bytes() {
        let text = "héllo\nwörld Mary";
        let at = text.find("Mary").unwrap();
        assert_eq!(line_col(text, at), LineCol { line: 2, column: 7 });
        assert_eq!(line_col(text, 0), LineCol { line: 1, column: 1 });
        let bom = "\u{feff}Mary";
        assert_eq!(line_col(bom, 3), LineCol { line: 1, column: 1 });
    }

    #[test]
    fn line_cols_agree_with_line_col() {
        let text = "\u{feff}héllo\r\nwörld Mary\n\n💆‍♀️ x";
        let offsets: Vec<usize> = (0..=text.len())
            .rev()
            .filter(|&i| text.is_char_boundary(i))
            .collect();
        let batch = line_cols(text, &offsets);
        for (o, lc) in offsets.iter().zip(batch) {
            assert_eq!(line_col(text, *o), lc, "offset {o}");
        }
    }

    #[test]
    fn snap_widens_to_char_boundaries_and_clamps() {
        let text = "aé💆b";
        // 2 cuts "é" (1..3), 5 cuts "💆" (3..7), 99 is past the end.
        assert_eq!(Span::new(2, 5).snap(text), Span::new(1, 7));
        assert_eq!(Span::new(0, 99).snap(text), Span::new(0, text.len()));
        assert_eq!(Span::new(7, 8).snap(text), Span::new(7, 8));
    }

    #[test]
    fn overlap_is_strict() {
        assert!(Span::new(0, 4).overlaps(Span::new(3, 5)));
        assert!(!Span::new(0, 4).overlaps(Span::new(4, 5)));
    }
}
