//! The roster's names as a whole-word index: every normalised name, alias, first name and
//! surname, looked up word run by word run.
//!
//! A roster name only ever matches as whole words, so instead of an Aho–Corasick automaton
//! over every name (which took 1.7 s to build for 100,000 clients, for a one-draft check) the
//! index is a hash map from needle to id, plus the set of needles' first words. A scan visits
//! each word start once; only a word that begins some needle is extended, run by run, and
//! looked up. Building is linear and cheap; scanning touches each word a few times.

use rustc_hash::{FxHashMap, FxHashSet};

/// A whole-word index of needles. Its `Debug` shows sizes only: the needles are names.
#[derive(Default)]
pub struct NameIndex {
    ids: FxHashMap<Box<str>, u32>,
    first_words: FxHashSet<Box<str>>,
    /// Longest needle, in bytes: no match can be longer.
    max_len: usize,
}

impl std::fmt::Debug for NameIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NameIndex")
            .field("needles", &self.ids.len())
            .finish_non_exhaustive()
    }
}

/// The first word of a needle or at a text position: the first character, then the
/// alphanumeric characters after it ("@maryj", "o" of "o'sullivan", "mrs" of "mrs. w").
fn first_word(s: &str) -> &str {
    let mut chars = s.char_indices();
    let Some((_, c)) = chars.next() else { return s };
    let end = chars
        .find(|(_, ch)| !ch.is_alphanumeric())
        .map_or(s.len(), |(i, _)| i);
    if c.is_alphanumeric() || end > c.len_utf8() {
        &s[..end]
    } else {
        &s[..c.len_utf8()]
    }
}

/// The character at byte `i` of `text` and its width: ASCII without decoding.
pub(crate) fn char_at(text: &str, i: usize) -> (char, usize) {
    let b = text.as_bytes()[i];
    if b < 0x80 {
        (char::from(b), 1)
    } else {
        text[i..]
            .chars()
            .next()
            .map_or(('\u{fffd}', 1), |c| (c, c.len_utf8()))
    }
}

impl NameIndex {
    /// Indexes `needles`; a needle's id is its position (a repeated needle keeps its first).
    #[must_use]
    pub fn new(needles: &[String]) -> Self {
        let mut index = NameIndex::default();
        for n in needles {
            index.insert(n);
        }
        index
    }

    /// An empty index with room for `n` needles.
    #[must_use]
    pub fn with_capacity(n: usize) -> Self {
        NameIndex {
            ids: FxHashMap::with_capacity_and_hasher(n, rustc_hash::FxBuildHasher),
            first_words: FxHashSet::with_capacity_and_hasher(n / 2, rustc_hash::FxBuildHasher),
            max_len: 0,
        }
    }

    /// The id of exactly this needle, if it is one.
    #[must_use]
    pub fn get(&self, needle: &str) -> Option<u32> {
        self.ids.get(needle).copied()
    }

    /// The longest needle, in bytes.
    #[must_use]
    pub fn max_len(&self) -> usize {
        self.max_len
    }

    /// How many needles.
    #[must_use]
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// Whether there are none.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// The needles in id order (for writing a compiled roster).
    #[must_use]
    pub fn needles(&self) -> Vec<&str> {
        let mut v: Vec<(&str, u32)> = self.ids.iter().map(|(k, &id)| (&**k, id)).collect();
        v.sort_unstable_by_key(|&(_, id)| id);
        v.into_iter().map(|(k, _)| k).collect()
    }

    /// Adds a needle known not to be in the index yet (read back from a compiled roster, which
    /// holds each once); its id is the next one.
    pub fn insert_new(&mut self, needle: &str) {
        let id = u32::try_from(self.ids.len()).unwrap_or(u32::MAX);
        if self.ids.insert(needle.into(), id).is_some() {
            // A repeat means the bytes were not written by `encode`: the index now holds
            // fewer needles than were read, which the reader's length check refuses.
            return;
        }
        let first = first_word(needle);
        if !self.first_words.contains(first) {
            self.first_words.insert(first.into());
        }
        self.max_len = self.max_len.max(needle.len());
    }

    /// Adds `tag` to what `needle` stands for (`tags[id]`), adding the needle if it is new.
    /// The name index and the roster-attribute index both keep their meanings this way.
    pub(crate) fn tag<T: PartialEq>(&mut self, tags: &mut Vec<Vec<T>>, needle: &str, tag: T) {
        if needle.is_empty() {
            return;
        }
        let (id, new) = self.insert(needle);
        if new {
            tags.push(Vec::new());
        }
        let list = &mut tags[id as usize];
        if !list.contains(&tag) {
            list.push(tag);
        }
    }

    /// Adds a needle; returns its id and whether it is new. Ids count up from 0.
    pub fn insert(&mut self, needle: &str) -> (u32, bool) {
        if let Some(&id) = self.ids.get(needle) {
            return (id, false);
        }
        let id = u32::try_from(self.ids.len()).unwrap_or(u32::MAX);
        self.ids.insert(needle.into(), id);
        if !self.first_words.contains(first_word(needle)) {
            self.first_words.insert(first_word(needle).into());
        }
        self.max_len = self.max_len.max(needle.len());
        (id, true)
    }

    /// Every whole-word occurrence of a needle in `text`, overlapping ones included, as
    /// `(start, end, id)` in order of start.
    #[must_use]
    pub fn find(&self, text: &str) -> Vec<(usize, usize, u32)> {
        let mut out = Vec::new();
        if self.ids.is_empty() {
            return out;
        }
        let bytes = text.as_bytes();
        let char_at = |i: usize| char_at(text, i);
        let mut i = 0;
        let mut prev_alnum = false;
        while i < bytes.len() {
            let (c, w) = char_at(i);
            let alnum = c.is_alphanumeric();
            if !prev_alnum && !c.is_whitespace() {
                // The first word here: this char and the alphanumeric run after it.
                let mut j = i + w;
                while j < bytes.len() {
                    let (d, dw) = char_at(j);
                    if !d.is_alphanumeric() {
                        break;
                    }
                    j += dw;
                }
                if self.first_words.contains(&text[i..j]) {
                    self.extend(text, i, j, &mut out);
                }
                if alnum {
                    // Inside a word no position is a start: jump to its end.
                    i = j;
                    prev_alnum = true;
                    continue;
                }
            }
            prev_alnum = alnum;
            i += w;
        }
        out
    }

    /// Pushes the needles that start at word start `s` and whose first word ends at `first`.
    fn extend(&self, text: &str, s: usize, first: usize, found: &mut Vec<(usize, usize, u32)>) {
        let limit = (s + self.max_len).min(text.len());
        let mut e = first;
        loop {
            // A needle may end at a word end, or one '.' after it ("mary j.").
            for end in [e, e + 1] {
                if end > limit || !text.is_char_boundary(end) {
                    continue;
                }
                if end == e + 1 && text.as_bytes().get(e) != Some(&b'.') {
                    continue;
                }
                let bounded = text[end..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric());
                if bounded && let Some(&id) = self.ids.get(&text[s..end]) {
                    found.push((s, end, id));
                }
            }
            // The next word's end.
            let Some(next) = text[e..].find(char::is_alphanumeric).map(|i| e + i) else {
                break;
            };
            if next >= limit {
                break;
            }
            e = text[next..]
                .find(|c: char| !c.is_alphanumeric())
                .map_or(text.len(), |i| next + i);
            if e > limit {
                break;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hits(needles: &[&str], text: &str) -> Vec<String> {
        let owned: Vec<String> = needles.iter().map(|s| (*s).to_owned()).collect();
        let idx = NameIndex::new(&owned);
        idx.find(text)
            .into_iter()
            .map(|(s, e, _)| text[s..e].to_owned())
            .collect()
    }

    #[test]
    fn whole_words_and_overlaps() {
        assert_eq!(hits(&["ian gamble", "gamble"], "brian gamble"), ["gamble"]);
        assert_eq!(
            hits(&["ian gamble", "gamble", "ian"], "ian gamble!"),
            ["ian", "ian gamble", "gamble"]
        );
        assert_eq!(hits(&["mary"], "maryjones mary"), ["mary"]);
    }

    #[test]
    fn punctuation_inside_and_after() {
        assert_eq!(hits(&["mary j."], "winner: mary j.!"), ["mary j."]);
        assert_eq!(hits(&["o'sullivan"], "declan o'sullivan's"), ["o'sullivan"]);
        assert_eq!(hits(&["@maryj"], "thanks @maryj. x@maryj"), ["@maryj"]);
        assert_eq!(hits(&["mrs. w"], "mrs. w came"), ["mrs. w"]);
        assert_eq!(
            hits(&["anne-marie van der berg"], "to anne-marie van der berg."),
            ["anne-marie van der berg"]
        );
    }
}
