//! Automatic fixes: a client's name replaced by a neutral phrase, where that is safe.
//!
//! A name, alias, title + surname, first name or handle becomes "a client" ("A client" at the
//! start of a sentence, "client" after "our", "the", "my" …; a possessive keeps its `’s`). A
//! hashtag in a run of hashtags is removed; one inside a sentence becomes "a client".
//!
//! Some findings cannot be fixed by replacing words, and are left for the writer, with the
//! reason ([`Unfixable`]): a description that singles someone out (their job, age, car …) is a
//! judgement about what to leave out; a public figure, a team or gossip likewise; a name inside
//! a link or image address would break the link. Rules from a practice's own packs are fixed
//! only when their matcher is one of the name matchers.
//!
//! Markup stays intact: an edit replaces only the text inside a finding's span, never a tag or
//! Markdown mark in it, so `<b>Mary</b> <i>Jones</i>` becomes `<b>a client</b><i></i>`.
//! Nothing here reads or writes files; the front-end writes the result (atomically) and checks
//! it again.

use std::fmt;

use crate::finding::Finding;
use crate::markup::{Markup, Prose};
use crate::normalize::normalize;
use crate::rules::{Matcher, RosterForm, RuleId, RuleSet};
use crate::scanner::Scanner;
use crate::span::Span;

/// The neutral phrase a name becomes.
pub const NEUTRAL: &str = "a client";

/// One replacement in the source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edit {
    /// The source bytes to replace.
    pub span: Span,
    /// What goes there.
    pub text: String,
}

/// Why a finding is left for the writer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unfixable {
    /// A description that singles someone out (quasi-identifiers).
    Description,
    /// A public figure, team or celebrity next to client context.
    PublicFigure,
    /// Gossip or a complaint about a client.
    Gossip,
    /// The name is part of a link or image address.
    Link,
    /// A client's email address or phone number: no neutral phrase fits the sentence.
    Contact,
    /// The finding overlaps another one being fixed, or a fix did not clear it.
    Overlap,
    /// A rule lipzip does not know how to fix.
    Unknown,
}

impl fmt::Display for Unfixable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Unfixable::Description => {
                "it describes the person (job, age, car, place …): only you can choose what to \
                 leave out, so rewrite it by hand"
            }
            Unfixable::PublicFigure => {
                "it ties a public figure, a team or a famous event to your practice: rewrite it \
                 by hand"
            }
            Unfixable::Gossip => "it talks about a client: rewrite or remove it by hand",
            Unfixable::Contact => {
                "it is a client's email address or phone number: remove it, or give the \
                 practice's own"
            }
            Unfixable::Link => {
                "the name is in a link or image address: change or remove the link by hand \
                 (renaming the file or page too)"
            }
            Unfixable::Overlap => {
                "lipzip could not fix it safely together with the other fixes: run --fix again, \
                 or rewrite it by hand"
            }
            Unfixable::Unknown => "lipzip fixes only names automatically: rewrite it by hand",
        })
    }
}

/// A finding left as it is, and why.
#[derive(Clone, Debug)]
pub struct Skipped {
    /// Its span in the source.
    pub span: Span,
    /// Its rule.
    pub rule: RuleId,
    /// The client it names, by roster id.
    pub client: Option<crate::roster::ClientId>,
    /// Why it was not fixed.
    pub reason: Unfixable,
}

/// What fixing a draft would do.
#[derive(Clone, Debug, Default)]
pub struct Plan {
    /// Edits in source order, disjoint.
    pub edits: Vec<Edit>,
    /// How many findings the edits fix.
    pub fixed: usize,
    /// Findings that are left as they are.
    pub skipped: Vec<Skipped>,
}

impl Plan {
    /// The source with every edit applied.
    #[must_use]
    pub fn apply(&self, source: &str) -> String {
        apply(source, &self.edits)
    }
}

/// Applies disjoint, sorted `edits` to `source`.
#[must_use]
pub fn apply(source: &str, edits: &[Edit]) -> String {
    let mut out = String::with_capacity(source.len());
    let mut at = 0;
    for e in edits {
        if e.span.start < at || e.span.end > source.len() {
            continue;
        }
        out.push_str(&source[at..e.span.start]);
        out.push_str(&e.text);
        at = e.span.end;
    }
    out.push_str(&source[at..]);
    out
}

/// How to fix the `findings` of `source` (written in `markup`), judged by the rules of
/// `scanner`. The caller chooses which findings to fix (those that fail the run).
#[must_use]
pub fn plan(source: &str, markup: Markup, findings: &[&Finding], scanner: &Scanner) -> Plan {
    let rules = scanner.rules();
    let prose = Prose::new(source, markup);
    let fm_end = crate::document::front_matter(source)
        .ok()
        .and_then(|fm| fm.span)
        .map_or(0, |s| s.end);
    let fixer = Fixer {
        source,
        prose: &prose,
        fm_end,
    };
    // The practice's own names are never a client's mention: "Dana" of staff "Dana Whitfield"
    // stays when client "Dana Jones" is fixed.
    let practice = &scanner.roster().practice;
    let own: Vec<String> = practice
        .staff
        .iter()
        .chain(&practice.places)
        .chain(std::iter::once(&practice.name))
        .flat_map(|n| words(n).into_iter().map(|(_, w)| normalize(w)))
        .collect();
    let mut sorted: Vec<&Finding> = findings.to_vec();
    sorted.sort_by_key(|f| (f.span.start, std::cmp::Reverse(f.span.end)));
    let mut plan = Plan::default();
    let mut last: Option<Span> = None;
    let mut firsts: Vec<(String, bool)> = Vec::new();
    for f in sorted {
        // Two clients sharing one name: one finding span, one fix.
        if last == Some(f.span) {
            plan.fixed += 1;
            continue;
        }
        let edits = match fixer.edits(f, rules) {
            Ok(e) => e,
            Err(reason) => {
                plan.skipped.push(Skipped {
                    span: f.span,
                    rule: f.rule.clone(),
                    client: f.client.clone(),
                    reason,
                });
                continue;
            }
        };
        let clash = plan
            .edits
            .last()
            .zip(edits.first())
            .is_some_and(|(a, b)| b.span.start < a.span.end);
        if clash {
            plan.skipped.push(Skipped {
                span: f.span,
                rule: f.rule.clone(),
                client: f.client.clone(),
                reason: Unfixable::Overlap,
            });
            continue;
        }
        if let Some(first) = fixer.first_name_of(f, rules) {
            firsts.push(first);
        }
        plan.edits.extend(edits);
        plan.fixed += 1;
        last = Some(f.span);
    }
    let mut taken: Vec<Span> = findings.iter().map(|f| f.span).collect();
    taken.extend(plan.edits.iter().map(|e| e.span));
    for (first, capital) in firsts {
        if own.contains(&normalize(&first)) {
            continue;
        }
        for edits in fixer.mentions(&first, capital, &taken) {
            taken.extend(edits.iter().map(|e| e.span));
            plan.edits.extend(edits);
        }
    }
    plan.edits.sort_by_key(|e| e.span);
    plan
}

/// The edits that fix one finding, or why it cannot be fixed (for an editor's quick fix).
///
/// # Errors
/// [`Unfixable`] when replacing words would not fix it, or would break a link.
pub fn edits_for(
    source: &str,
    markup: Markup,
    finding: &Finding,
    scanner: &Scanner,
) -> Result<Vec<Edit>, Unfixable> {
    let rules = scanner.rules();
    let prose = Prose::new(source, markup);
    let fm_end = crate::document::front_matter(source)
        .ok()
        .and_then(|fm| fm.span)
        .map_or(0, |s| s.end);
    Fixer {
        source,
        prose: &prose,
        fm_end,
    }
    .edits(finding, rules)
}

struct Fixer<'a> {
    source: &'a str,
    prose: &'a Prose<'a>,
    fm_end: usize,
}

/// Words after which "a client" drops its article: "our Mary" is "our client".
const DETERMINERS: &[&str] = &[
    "our", "my", "the", "your", "their", "his", "her", "this", "that",
];

impl Fixer<'_> {
    fn edits(&self, f: &Finding, rules: &RuleSet) -> Result<Vec<Edit>, Unfixable> {
        let hashtag = match rules.get(&f.rule).map(|r| &r.matcher) {
            Some(Matcher::Roster {
                form: RosterForm::Email | RosterForm::Phone,
                ..
            }) => return Err(Unfixable::Contact),
            Some(Matcher::Roster { form, .. }) => *form == RosterForm::Hashtag,
            Some(Matcher::FirstName { .. }) => false,
            Some(Matcher::QuasiIdentifier { .. }) => return Err(Unfixable::Description),
            Some(Matcher::PublicFigure) => return Err(Unfixable::PublicFigure),
            Some(Matcher::Gossip) => return Err(Unfixable::Gossip),
            // A practice's own pattern: what it matched is theirs to rewrite.
            Some(Matcher::Pattern(_)) => return Err(Unfixable::Unknown),
            None => return Err(Unfixable::Unknown),
        };
        let mut span = f.span;
        if span.is_empty() || span.end > self.source.len() {
            return Err(Unfixable::Unknown);
        }
        if self.prose.in_link(span) {
            return Err(Unfixable::Link);
        }
        let prose = self.prose.as_str();
        if hashtag || prose[..span.start].ends_with('#') {
            if prose[..span.start].ends_with('#') {
                span = Span::new(span.start - 1, span.end);
            }
            if let Some(removal) = self.hashtag_removal(span) {
                return Ok(vec![Edit {
                    span: removal,
                    text: String::new(),
                }]);
            }
        }
        self.name_edits(span).ok_or(Unfixable::Unknown)
    }

    /// The edits that put the neutral phrase in place of the name at `span`.
    fn name_edits(&self, mut span: Span) -> Option<Vec<Edit>> {
        let mut phrase = NEUTRAL.to_owned();
        let original = &self.source[span.range()];
        let after = &self.source[span.end..];
        // "Jones’ class": the apostrophe is the possessive; it becomes "a client’s".
        if original.ends_with(['s', 'S'])
            && let Some(apostrophe) = after.chars().next().filter(|c| matches!(c, '\'' | '’'))
            && !after[apostrophe.len_utf8()..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric)
        {
            span = Span::new(span.start, span.end + apostrophe.len_utf8());
            phrase.push(apostrophe);
            phrase.push('s');
        }
        // "… goes to Lena K." ends a sentence: the initial's period is the full stop too.
        if original.ends_with('.') && ends_sentence(after) {
            phrase.push('.');
        }
        if self.after_determiner(span.start) {
            phrase = phrase["a ".len()..].to_owned();
        } else if self.starts_sentence(span.start) {
            phrase = capitalise(&phrase);
        }
        let letters: Vec<char> = original.chars().filter(|c| c.is_alphabetic()).collect();
        if letters.len() > 1 && letters.iter().all(|c| c.is_uppercase()) {
            phrase = phrase.to_uppercase();
        }
        let pieces = self.prose.text_pieces(span);
        if pieces.is_empty() {
            return None;
        }
        Some(
            pieces
                .into_iter()
                .enumerate()
                .map(|(i, piece)| Edit {
                    span: piece,
                    text: if i == 0 {
                        phrase.clone()
                    } else {
                        String::new()
                    },
                })
                .collect(),
        )
    }

    /// Later mentions of a fixed client's first name, which the scan folds into the full
    /// name's finding: "Thanks, Wendell!" after "Wendell Ashby …". A mention addressed to the
    /// person ("…, Wendell!", "thank you ingrid") is removed; any other becomes "a client".
    /// Only words written like the name was (a capital for a capital) count, and never one
    /// inside an address, a handle or a hashtag.
    fn mentions(&self, first: &str, capital: bool, taken: &[Span]) -> Vec<Vec<Edit>> {
        let want = normalize(first);
        let prose = self.prose.as_str();
        let mut out = Vec::new();
        for (start, word) in words(prose) {
            let span = Span::new(start, start + word.len());
            if normalize(word) != want
                || (capital && !word.starts_with(char::is_uppercase))
                || taken.iter().any(|t| t.overlaps(span))
                || self.prose.in_link(span)
                || prose[..start].ends_with(['@', '#'])
                || self.prose.text_pieces(span) != [span]
            {
                continue;
            }
            let edits = match self.address_removal(span) {
                Some(removal) => vec![Edit {
                    span: removal,
                    text: String::new(),
                }],
                None => match self.name_edits(span) {
                    Some(e) => e,
                    None => continue,
                },
            };
            out.push(edits);
        }
        out
    }

    /// For a name the draft speaks to ("Thanks for the laughs, Wendell!", "thank you
    /// ingrid 🤍"), the bytes to delete: the name and the comma or space before it.
    fn address_removal(&self, name: Span) -> Option<Span> {
        let prose = self.prose.as_str();
        let after = prose[name.end..].trim_start_matches([' ', '_', '\u{a0}']);
        let closes = after
            .chars()
            .next()
            .is_none_or(|c| matches!(c, '!' | '.' | '?' | '…' | '\n') || is_symbol(c));
        if !closes {
            return None;
        }
        let before = &prose[..name.start];
        let trimmed = before.trim_end_matches([' ', '\u{a0}']);
        if trimmed.len() == before.len() {
            return None;
        }
        if let Some(comma) = trimmed.strip_suffix(',') {
            return Some(Span::new(comma.len(), name.end));
        }
        let lower = trimmed.to_lowercase();
        [
            "thank you",
            "thanks",
            "congrats",
            "congratulations",
            "welcome",
        ]
        .iter()
        .any(|w| lower.ends_with(w))
        .then(|| Span::new(trimmed.len(), name.end))
    }

    /// The first name a fixed finding spelled out ("Wendell" of "Wendell Ashby", "Lena" of
    /// "Lena K."), and whether it was capitalised; none for handles, hashtags and titles.
    fn first_name_of(&self, f: &Finding, rules: &RuleSet) -> Option<(String, bool)> {
        match rules.get(&f.rule).map(|r| &r.matcher) {
            Some(Matcher::Roster {
                form: RosterForm::FullName | RosterForm::Alias | RosterForm::FirstInitial,
                ..
            }) => {}
            Some(Matcher::FirstName { .. }) => {}
            _ => return None,
        }
        let (_, first) = words(&self.source[f.span.range()]).into_iter().next()?;
        (first.chars().count() >= 2)
            .then(|| (first.to_owned(), first.starts_with(char::is_uppercase)))
    }

    /// For a hashtag among hashtags (`… #MaryJones #wellness`, or last on its line after
    /// another), the bytes to delete: the tag and the space before it.
    fn hashtag_removal(&self, tag: Span) -> Option<Span> {
        let prose = self.prose.as_str();
        let line_end = prose[tag.end..]
            .find('\n')
            .map_or(prose.len(), |i| tag.end + i);
        let rest = &prose[tag.end..line_end];
        let rest_is_tags = rest
            .split_whitespace()
            .all(|w| w.starts_with('#') || !w.chars().any(char::is_alphanumeric));
        let line_start = prose[..tag.start].rfind('\n').map_or(0, |i| i + 1);
        let before = &prose[line_start..tag.start];
        let prev_word = before.split_whitespace().next_back();
        let prev_is_tag = prev_word.is_some_and(|w| w.starts_with('#'));
        let alone = prev_word.is_none() && rest.trim().is_empty();
        if !(rest_is_tags && (prev_is_tag || !rest.trim().is_empty())) || alone {
            return None;
        }
        // The tag must be plain text: no markup inside it.
        if self.prose.text_pieces(tag) != [tag] {
            return None;
        }
        let spaces = before.len() - before.trim_end_matches([' ', '\t']).len();
        if spaces > 0 {
            return Some(Span::new(tag.start - 1, tag.end));
        }
        let trailing = rest.len() - rest.trim_start_matches([' ', '\t']).len();
        Some(Span::new(tag.start, tag.end + trailing.min(1)))
    }

    /// Whether the word right before `at` is "our", "the", "my" …
    fn after_determiner(&self, at: usize) -> bool {
        let before = &self.prose.as_str()[..at];
        let trimmed = before.trim_end_matches([' ', '_', '\u{a0}']);
        if trimmed.len() == before.len() {
            return false;
        }
        let word_start = trimmed
            .char_indices()
            .rev()
            .take_while(|(_, c)| c.is_alphabetic())
            .last()
            .map_or(trimmed.len(), |(i, _)| i);
        let word = &trimmed[word_start..];
        DETERMINERS.iter().any(|d| d.eq_ignore_ascii_case(word))
    }

    /// Whether a sentence starts at `at`: nothing but quotes and markup before it since the
    /// text began, a `.` `!` `?`, a blank line, a heading or list marker, or (in front
    /// matter) a `key:`.
    fn starts_sentence(&self, at: usize) -> bool {
        let prose = self.prose.as_str();
        let mut line_start = at;
        for (i, c) in prose[..at].char_indices().rev() {
            if c == '\n' {
                line_start = i + 1;
                break;
            }
            if is_transparent(c) {
                line_start = i;
                continue;
            }
            if c == ':' && at < self.fm_end {
                return true;
            }
            return matches!(c, '.' | '!' | '?' | '…');
        }
        if (line_start == 0 && !prose[..at].contains('\n')) || line_start == self.fm_end {
            return true;
        }
        // The line holds nothing before the name. A list item, heading or quote in the
        // source starts a sentence; so does a paragraph (a blank line before) or a line after
        // a sentence end.
        let src_line_start = self.source[..at].rfind('\n').map_or(0, |i| i + 1);
        let marker = self.source[src_line_start..at].trim_start();
        if marker.starts_with(['-', '*', '+', '#', '>'])
            || marker
                .split_once(['.', ')'])
                .is_some_and(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
        {
            return true;
        }
        let before = prose[..line_start.saturating_sub(1)]
            .trim_end_matches(|c: char| is_transparent(c) && c != '\n');
        match before.chars().next_back() {
            None | Some('\n' | '.' | '!' | '?' | '…' | ':') => true,
            Some(_) => false,
        }
    }
}

/// Whole words of `text` (letters, digits, combining marks), with their offsets.
fn words(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        let part = c.is_alphanumeric() || crate::normalize::is_mark(c);
        match (part, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, &text[s..i]));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, &text[s..]));
    }
    out
}

/// Whether the text after a span ends a sentence: nothing but spaces to the end of the line,
/// or a capital next.
fn ends_sentence(after: &str) -> bool {
    let rest = after.trim_start_matches([' ', '\t', '\u{a0}']);
    rest.is_empty()
        || rest.starts_with(['\n', '\r'])
        || (rest.len() < after.len() && rest.starts_with(char::is_uppercase))
}

/// Emoji and other symbols that close an address: "thank you ingrid 🤍".
fn is_symbol(c: char) -> bool {
    !c.is_alphanumeric() && !c.is_whitespace() && !c.is_ascii()
}

/// Characters that do not end a sentence or start a word: spaces, markup filler, quotes and
/// opening brackets.
fn is_transparent(c: char) -> bool {
    (c.is_whitespace() && c != '\n')
        || matches!(
            c,
            '_' | '*' | '~' | '"' | '\'' | '“' | '‘' | '«' | '(' | '[' | '¡' | '¿'
        )
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map_or_else(String::new, |c| {
        c.to_uppercase().chain(chars).collect::<String>()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Channel, Document};
    use crate::roster::Roster;
    use crate::rules::EXAMPLE_ROSTER;

    fn scanner() -> Scanner {
        let roster = Roster::from_yaml(EXAMPLE_ROSTER, "example").unwrap();
        Scanner::new(roster, RuleSet::builtin().unwrap()).unwrap()
    }

    /// Fixes every counted finding once and returns the new text.
    fn fixed(text: &str, markup: Markup) -> (String, Plan) {
        let s = scanner();
        let today = "2026-11-22".parse().unwrap();
        let scan = s.scan(
            &Document::new(text, Channel::Social).with_markup(markup),
            today,
        );
        let failing: Vec<&Finding> = scan.findings.iter().filter(|f| f.counts()).collect();
        let plan = plan(text, markup, &failing, &s);
        (plan.apply(text), plan)
    }

    #[test]
    fn names_become_a_client_with_case_and_possessive() {
        let (t, p) = fixed(
            "Mary Jones came in for a massage. Thanks to Mary Jones for the review!",
            Markup::Plain,
        );
        assert_eq!(
            t,
            "A client came in for a massage. Thanks to a client for the review!"
        );
        assert_eq!(p.fixed, 2);
        let (t, _) = fixed("Mary Jones’s shoulders after her massage", Markup::Plain);
        assert_eq!(t, "A client’s shoulders after her massage");
    }

    #[test]
    fn after_our_the_article_goes() {
        let (t, _) = fixed(
            "So proud of our Mary Jones after her massage.",
            Markup::Plain,
        );
        assert_eq!(t, "So proud of our client after her massage.");
    }

    #[test]
    fn html_keeps_its_tags() {
        let (t, _) = fixed(
            "<p><b>Mary</b> <i>Jones</i> came in for a massage.</p>",
            Markup::Html,
        );
        assert_eq!(t, "<p><b>A client</b><i></i> came in for a massage.</p>");
    }

    #[test]
    fn markdown_keeps_its_emphasis() {
        let (t, _) = fixed(
            "Great massage today with **Mary Jones**!\n\n- Mary Jones booked again\n",
            Markup::Markdown,
        );
        assert_eq!(
            t,
            "Great massage today with **a client**!\n\n- A client booked again\n"
        );
    }

    #[test]
    fn names_in_addresses_are_left_with_a_reason() {
        let text = "Her massage went great: [photos](https://x.com/mary-jones)";
        let (t, p) = fixed(text, Markup::Markdown);
        assert_eq!(t, text);
        assert!(p.skipped.iter().all(|s| s.reason == Unfixable::Link));
        assert!(!p.skipped.is_empty());
    }

    #[test]
    fn hashtags_in_a_run_go_and_inline_ones_become_a_client() {
        let (t, _) = fixed(
            "Loved her massage today! #MaryJones #wellness",
            Markup::Plain,
        );
        assert_eq!(t, "Loved her massage today! #wellness");
        let (t, _) = fixed("Great massage session. #wellness #MaryJones", Markup::Plain);
        assert_eq!(t, "Great massage session. #wellness");
        let (t, _) = fixed("Her massage made #MaryJones smile.", Markup::Plain);
        assert_eq!(t, "Her massage made a client smile.");
    }

    #[test]
    fn handles_capitals_attributes_and_front_matter() {
        let (t, _) = fixed("Thanks @maryj for booking a massage!", Markup::Plain);
        assert_eq!(t, "Thanks a client for booking a massage!");
        let (t, _) = fixed("MARY JONES CAME IN FOR A MASSAGE", Markup::Plain);
        assert_eq!(t, "A CLIENT CAME IN FOR A MASSAGE");
        let (t, _) = fixed(
            "<p>Her massage today.</p><img alt=\"Mary Jones on the table\" src=\"a.jpg\">",
            Markup::Html,
        );
        assert!(t.contains("alt=\"A client on the table\""), "{t}");
        let (t, _) = fixed(
            "---\ntitle: Mary Jones loves massage\n---\nShe came in for a massage.\n",
            Markup::Markdown,
        );
        assert!(
            t.starts_with("---\ntitle: A client loves massage\n---\n"),
            "{t}"
        );
    }

    #[test]
    fn later_first_names_go_but_not_the_staff_s() {
        let (t, _) = fixed(
            "Ian Gamble came in for a massage. Ian, see you soon! Ian loved it.",
            Markup::Plain,
        );
        assert_eq!(
            t,
            "A client came in for a massage. A client, see you soon! A client loved it."
        );
        let yaml = EXAMPLE_ROSTER.replace(
            "  - id: X002\n    name: Ian Gamble",
            "  - id: X002\n    name: Dana Gamble",
        );
        let s = Scanner::new(
            Roster::from_yaml(&yaml, "example").unwrap(),
            RuleSet::builtin().unwrap(),
        )
        .unwrap();
        let text = "Dana Gamble came in for a massage with Dana today. Thanks, Dana!";
        let scan = s.scan(
            &Document::new(text, Channel::Social),
            "2026-11-22".parse().unwrap(),
        );
        let failing: Vec<&Finding> = scan.findings.iter().filter(|f| f.counts()).collect();
        assert_eq!(
            plan(text, Markup::Plain, &failing, &s).apply(text),
            "A client came in for a massage with Dana today. Thanks, Dana!"
        );
    }

    #[test]
    fn apply_skips_bad_edits() {
        let edits = [
            Edit {
                span: Span::new(0, 1),
                text: "X".into(),
            },
            Edit {
                span: Span::new(0, 2),
                text: "Y".into(),
            },
        ];
        assert_eq!(apply("abc", &edits), "Xbc");
    }

    #[test]
    fn capitalise_is_unicode() {
        assert_eq!(capitalise("éa"), "Éa");
        assert_eq!(capitalise(""), "");
    }
}
