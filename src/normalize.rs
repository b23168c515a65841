//! The matcher's view of a text: case-folded, accent-free, with one kind of apostrophe, dash and
//! space, and a map from every normalised byte back to the original bytes.
//!
//! Writers do not type a client's name the way the roster spells it: `MARY JONES`, `mary jones`,
//! `Zoe` for `Zoë`, `André` typed with a combining accent for `Andre`, a curly apostrophe, a
//! line break or a no-break space inside the name, `**Mary** Jones`, zero-width characters.
//! Both the roster and the draft go through [`Normalized::new`], so one literal automaton finds
//! every such form, and [`Normalized::span`] turns a match back into the exact original bytes.
//!
//! The rules, char by char:
//! - letters: compatibility-decomposed (NFKD: fullwidth `Ｍ` is `m`, `ﬁ` is `fi`), combining marks
//!   dropped, lower-cased; a few Cyrillic and Greek look-alikes of Latin letters fold to Latin;
//! - any run of whitespace (space, tab, line break, NBSP, thin space ...) is one `' '`;
//! - zero-width characters, soft hyphens, bidi controls, variation selectors and the Markdown
//!   emphasis marks `*`, `_`, `~` vanish;
//! - every apostrophe-like mark (`’ ‘ ʼ ´ `` ` ``) is `'`, every dash or hyphen is `-`, every
//!   arrow (`→`, `➡️`) is `>`;
//! - letters NFKD leaves whole are spelled the way writers type them on a keyboard without
//!   them: `þ` is `th`, `ð` and `đ` are `d`, `æ` is `ae`, `œ` is `oe`, `ø` is `o`, `ß` is `ss`,
//!   `ł` is `l`, `ħ` is `h` ("Þröstur" is "Throstur", "Sigurðsson" "Sigurdsson", "Łukasz"
//!   "Lukasz").

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use crate::span::Span;

/// A normalised text with its map back to the original.
///
/// # Invariants
/// `starts.len() == ends.len() == text.len()`; for every normalised byte `i`,
/// `starts[i]..ends[i]` is the original bytes of the character (and any dropped marks right
/// after it) that produced byte `i`, on `char` boundaries.
#[derive(Clone, Debug, Default)]
pub struct Normalized {
    text: String,
    starts: Vec<u32>,
    ends: Vec<u32>,
}

impl Normalized {
    /// Normalises `original`.
    ///
    /// # Panics
    /// If `original` is 4 GiB or more; front-ends refuse files that large long before.
    #[must_use]
    pub fn new(original: &str) -> Self {
        Self::build(original, true)
    }

    fn build(original: &str, maps: bool) -> Self {
        assert!(
            u32::try_from(original.len()).is_ok(),
            "documents of 4 GiB or more are refused before scanning"
        );
        let cap = if maps { original.len() } else { 0 };
        let mut out = Builder {
            maps,
            text: Vec::with_capacity(original.len()),
            n: Normalized {
                text: String::new(),
                starts: Vec::with_capacity(cap),
                ends: Vec::with_capacity(cap),
            },
            last_char: None,
        };
        let bytes = original.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            // The hot path: a run of ASCII that normalises to itself (lower-case letters,
            // digits, punctuation, single spaces) is copied in one go.
            let run = i;
            while i < bytes.len() {
                let b = bytes[i];
                let same = matches!(b, b'a'..=b'z' | b'0'..=b'9')
                    || (b.is_ascii_punctuation() && !matches!(b, b'*' | b'_' | b'~' | b'`'))
                    || (b == b' '
                        && if i > run {
                            bytes[i - 1] != b' '
                        } else {
                            out.text.last() != Some(&b' ')
                        });
                if !same {
                    break;
                }
                i += 1;
            }
            if i > run {
                out.copy_run(&bytes[run..i], run);
                continue;
            }
            let Some(c) = original[i..].chars().next() else {
                break;
            };
            #[allow(clippy::cast_possible_truncation)] // checked above
            let (start, end) = (i as u32, (i + c.len_utf8()) as u32);
            i += c.len_utf8();
            if c.is_ascii() {
                match c {
                    'A'..='Z' => out.push_ascii(c.to_ascii_lowercase(), start),
                    ' ' | '\t' | '\n' | '\r' | '\x0b' | '\x0c' => out.space(start, end),
                    '*' | '_' | '~' => {}
                    '`' => out.push_ascii('\'', start),
                    _ => out.push_ascii(c, start),
                }
                continue;
            }
            match fold(c) {
                Fold::Drop => {}
                Fold::Space => out.space(start, end),
                Fold::To(f) => out.push(f, start, end),
                Fold::Spell(letters) => {
                    for l in letters.chars() {
                        out.push(l, start, end);
                    }
                }
                Fold::Decompose => {
                    let mut any = false;
                    for d in std::iter::once(c).nfkd() {
                        if is_combining_mark(d) {
                            continue;
                        }
                        if let Some(l) = capital_confusable(d) {
                            // Judged before lower-casing: Greek `Η` looks like `H`, but its
                            // lower case `η` looks like `n`.
                            out.push(l, start, end);
                            any = true;
                            continue;
                        }
                        for l in d.to_lowercase() {
                            if is_combining_mark(l) {
                                continue;
                            }
                            let l = confusable(l).unwrap_or(l);
                            if l.is_whitespace() {
                                out.space(start, end);
                            } else {
                                out.push(l, start, end);
                            }
                            any = true;
                        }
                    }
                    if !any {
                        // A lone combining mark: it belongs to the letter before it.
                        out.extend_last(end);
                    }
                }
            }
        }
        // Every push above wrote whole UTF-8 characters, so this cannot fail; if it ever
        // did, a lossy copy keeps the byte offsets the maps point at.
        out.n.text = String::from_utf8(out.text)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
        out.n
    }

    /// The normalised text.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The original bytes behind the normalised bytes `start..end`.
    ///
    /// `start..end` must be a non-empty range on char boundaries of [`Normalized::as_str`].
    #[must_use]
    pub fn span(&self, start: usize, end: usize) -> Span {
        debug_assert!(start < end && end <= self.text.len());
        Span::new(self.starts[start] as usize, self.ends[end - 1] as usize)
    }

    /// The first normalised byte that comes from original byte `o` or later (the text's
    /// length if none does): the way back from [`Normalized::original_offset`].
    #[must_use]
    pub fn normalised_offset(&self, o: usize) -> usize {
        self.starts.partition_point(|&s| (s as usize) < o)
    }

    /// The original byte where normalised byte `i` came from (`i` may be the text's length).
    #[must_use]
    pub fn original_offset(&self, i: usize) -> usize {
        match self.starts.get(i) {
            Some(&s) => s as usize,
            None => self.ends.last().map_or(0, |&e| e as usize),
        }
    }
}

/// Whether `c` is a combining mark (an accent typed after its letter).
#[must_use]
pub fn is_mark(c: char) -> bool {
    is_combining_mark(c)
}

/// Normalises a roster name, alias or lexicon term the way [`Normalized::new`] does a draft,
/// trimmed of outer spaces.
#[must_use]
pub fn normalize(s: &str) -> String {
    let mut text = Normalized::build(s, false).text;
    let end = text.trim_end().len();
    text.truncate(end);
    match text.strip_prefix(' ') {
        Some(rest) => rest.to_owned(),
        None => text,
    }
}

struct Builder {
    n: Normalized,
    /// The normalised text as bytes while it is built (pushing bytes is cheaper).
    text: Vec<u8>,
    /// Whether to record the map back to the original (not needed for roster needles).
    maps: bool,
    /// Normalised byte range of the last char pushed.
    last_char: Option<(usize, usize)>,
}

impl Builder {
    /// A run of ASCII bytes that normalise to themselves, starting at original byte `start`.
    fn copy_run(&mut self, run: &[u8], start: usize) {
        let at = self.text.len();
        self.text.extend_from_slice(run);
        if self.maps {
            #[allow(clippy::cast_possible_truncation)] // documents are under 4 GiB
            let (s, e) = (start as u32, (start + run.len()) as u32);
            self.n.starts.extend(s..e);
            self.n.ends.extend(s + 1..=e);
        }
        self.last_char = Some((at + run.len() - 1, at + run.len()));
    }

    /// One ASCII character in, one byte out.
    #[inline]
    fn push_ascii(&mut self, c: char, start: u32) {
        let at = self.text.len();
        #[allow(clippy::cast_possible_truncation)] // ASCII
        self.text.push(c as u8);
        if self.maps {
            self.n.starts.push(start);
            self.n.ends.push(start + 1);
        }
        self.last_char = Some((at, at + 1));
    }

    fn push(&mut self, c: char, start: u32, end: u32) {
        let at = self.text.len();
        let mut buf = [0u8; 4];
        self.text
            .extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
        let len = c.len_utf8();
        if self.maps {
            self.n.starts.extend(std::iter::repeat_n(start, len));
            self.n.ends.extend(std::iter::repeat_n(end, len));
        }
        self.last_char = Some((at, at + len));
    }

    fn space(&mut self, start: u32, end: u32) {
        if self.text.last() == Some(&b' ') {
            self.extend_last(end);
        } else {
            self.push(' ', start, end);
        }
    }

    fn extend_last(&mut self, end: u32) {
        if let (Some((a, b)), true) = (self.last_char, self.maps) {
            for e in &mut self.n.ends[a..b] {
                *e = end;
            }
        }
    }
}

enum Fold {
    Drop,
    Space,
    To(char),
    /// A letter with no decomposition, spelled out in two plain Latin letters.
    Spell(&'static str),
    Decompose,
}

fn fold(c: char) -> Fold {
    match c {
        '\u{00AD}'
        | '\u{034F}'
        | '\u{061C}'
        | '\u{180E}'
        | '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}'
        | '\u{FE00}'..='\u{FE0F}'
        | '\u{FEFF}' => Fold::Drop,
        '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{02BC}' | '\u{2032}' | '\u{00B4}'
        | '\u{FF07}' => Fold::To('\''),
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' => {
            Fold::To('-')
        }
        // "before ➡️ after", "before → after": an arrow is typed ">" (a phrase with an arrow
        // in it stays ASCII in the lexicons, whose automaton grows with every byte they use).
        '\u{2190}'..='\u{21FF}'
        | '\u{27A1}'
        | '\u{2794}'..='\u{27BF}'
        | '\u{2B05}'..='\u{2B07}' => Fold::To('>'),
        c if c.is_whitespace() => Fold::Space,
        'ð' | 'Ð' | 'đ' | 'Đ' => Fold::To('d'),
        'ø' | 'Ø' => Fold::To('o'),
        'ł' | 'Ł' => Fold::To('l'),
        'ħ' | 'Ħ' => Fold::To('h'),
        'þ' | 'Þ' => Fold::Spell("th"),
        'æ' | 'Æ' => Fold::Spell("ae"),
        'œ' | 'Œ' => Fold::Spell("oe"),
        'ß' | 'ẞ' => Fold::Spell("ss"),
        _ => Fold::Decompose,
    }
}

/// Greek and Cyrillic capitals that look like Latin capitals, folded to the Latin letter's
/// lower case (their own lower cases look like something else, or like nothing Latin).
fn capital_confusable(c: char) -> Option<char> {
    Some(match c {
        'Α' | 'А' => 'a',
        'Β' | 'В' => 'b',
        'С' | 'Ϲ' => 'c',
        'Ε' | 'Е' => 'e',
        'Ζ' => 'z',
        'Η' | 'Н' => 'h',
        'Ι' | 'І' | 'Ӏ' => 'i',
        'Ј' => 'j',
        'Κ' | 'К' => 'k',
        'Μ' | 'М' => 'm',
        'Ν' => 'n',
        'Ο' | 'О' => 'o',
        'Ρ' | 'Р' => 'p',
        'Ѕ' => 's',
        'Τ' | 'Т' => 't',
        'Υ' | 'Ү' => 'y',
        'Χ' | 'Х' => 'x',
        _ => return None,
    })
}

/// Cyrillic and Greek letters, small capitals and other letters that look like Latin ones,
/// folded so that "Mаry" typed with a Cyrillic `а`, or "ᴍᴀʀʏ" in a "small caps font", still
/// matches. Applied after lower-casing.
fn confusable(c: char) -> Option<char> {
    Some(match c {
        'ᴀ' | 'ɑ' => 'a',
        'ʙ' => 'b',
        'ᴄ' => 'c',
        'ᴅ' => 'd',
        'ᴇ' => 'e',
        'ꜰ' => 'f',
        'ɢ' | 'ɡ' => 'g',
        'ʜ' => 'h',
        'ɪ' | 'ı' => 'i',
        'ᴊ' | 'ȷ' => 'j',
        'ᴋ' => 'k',
        'ʟ' => 'l',
        'ᴍ' => 'm',
        'ɴ' => 'n',
        'ᴏ' => 'o',
        'ᴘ' => 'p',
        'ʀ' => 'r',
        'ꜱ' => 's',
        'ᴛ' => 't',
        'ᴜ' => 'u',
        'ᴠ' => 'v',
        'ᴡ' => 'w',
        'ʏ' => 'y',
        'ᴢ' => 'z',
        'а' | 'α' => 'a',
        'в' => 'b',
        'с' | 'ϲ' => 'c',
        'ԁ' => 'd',
        'е' | 'ε' => 'e',
        'һ' => 'h',
        'і' | 'ι' | 'ӏ' => 'i',
        'ј' => 'j',
        'κ' | 'к' => 'k',
        'м' => 'm',
        'η' | 'п' => 'n',
        'о' | 'ο' => 'o',
        'р' | 'ρ' => 'p',
        'ѕ' => 's',
        'т' | 'τ' => 't',
        'υ' => 'u',
        'ν' => 'v',
        'ш' | 'ω' => 'w',
        'х' | 'χ' => 'x',
        'у' | 'γ' => 'y',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn original<'a>(text: &'a str, n: &Normalized, needle: &str) -> &'a str {
        let at = n.as_str().find(needle).expect("needle in normalised text");
        &text[n.span(at, at + needle.len()).range()]
    }

    #[test]
    fn folds_case_accents_and_spaces() {
        let text = "Hi JOSÉ\u{a0}\n  Núñez!";
        let n = Normalized::new(text);
        assert_eq!(n.as_str(), "hi jose nunez!");
        assert_eq!(original(text, &n, "jose nunez"), "JOSÉ\u{a0}\n  Núñez");
    }

    #[test]
    fn letters_without_a_decomposition_are_spelled_out() {
        let text = "ÞRÖSTUR Sigurðsson, Łukasz and Ħal Straße";
        let n = Normalized::new(text);
        assert_eq!(n.as_str(), "throstur sigurdsson, lukasz and hal strasse");
        assert_eq!(original(text, &n, "throstur"), "ÞRÖSTUR");
        assert_eq!(original(text, &n, "strasse"), "Straße");
        assert_eq!(normalize("Þorbjörg"), "thorbjorg");
    }

    #[test]
    fn an_arrow_is_typed_as_a_greater_than_sign() {
        let text = "before ➡️ after, Before → After";
        let n = Normalized::new(text);
        assert_eq!(n.as_str(), "before > after, before > after");
        assert_eq!(original(text, &n, "before > after"), "before ➡️ after");
    }

    #[test]
    fn decomposed_accents_stay_inside_the_span() {
        let text = "Andre\u{301} came";
        let n = Normalized::new(text);
        assert_eq!(original(text, &n, "andre"), "Andre\u{301}");
    }

    #[test]
    fn curly_apostrophes_zero_width_and_emphasis() {
        let text = "**Declan** O’Sul\u{200b}livan’s";
        let n = Normalized::new(text);
        assert_eq!(n.as_str(), "declan o'sullivan's");
        assert_eq!(
            original(text, &n, "declan o'sullivan"),
            "Declan** O’Sul\u{200b}livan"
        );
    }

    #[test]
    fn fullwidth_and_homoglyphs() {
        assert_eq!(normalize("Ｍary Jоnes"), "mary jones");
        assert_eq!(normalize("Mаry"), "mary");
        // Greek capital Mu, Eta and Nu, Cyrillic capital O; small capitals; maths bold.
        assert_eq!(normalize("Μary ΗOΝEY J\u{41e}NES"), "mary honey jones");
        assert_eq!(normalize("ᴍᴀʀʏ ᴊᴏɴᴇꜱ"), "mary jones");
        assert_eq!(normalize("𝐌𝐚𝐫𝐲 Ⓜary"), "mary mary");
    }

    #[test]
    fn emoji_survive_and_map_back() {
        let text = "💆‍♀️ Mary";
        let n = Normalized::new(text);
        assert_eq!(original(text, &n, "mary"), "Mary");
    }
}
