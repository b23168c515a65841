//! Deciding what the evidence in a draft means: which names and cues point at a client, how
//! narrowly, and with what severity.
//!
//! The scanner hands over two lists: roster-name hits (full names, aliases, first names alone)
//! and cues (context phrases, health terms, occupations, ages, roles, public figures, traits,
//! gossip). This module applies the mechanisms the rule packs name:
//!
//! - a name in a draft that says someone is a client blocks; the same name with no client
//!   relationship stated warns (a public figure in a public role passes);
//! - a first name alone counts only next to client context and not when it is the ordinary
//!   word ("mark your calendars"); a rare name blocks, a common one warns;
//! - quasi-identifiers in a client context are combined into an anonymity-set estimate
//!   `k = population × Π base rates` (a one-person role is `k = 1`): small `k` blocks, a single
//!   weak cue warns; the finding goes to the roster client whose attributes the cues match, if
//!   exactly one does;
//! - a public figure (pro athlete, executive, celebrity, their entourage) in a client context
//!   blocks; gossip about a client warns;
//! - for consent, each client's disclosures (status, name, story, photo, health) are read from
//!   the paragraphs that mention them.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::ops::Range;

use crate::consent::{Disclosure, Disclosures};
use crate::cues::{Cue, CueKind, TraitKind};
use crate::descriptors::Descriptors;
use crate::document::{Channel, Document};
use crate::finding::{CueNote, Finding};
use crate::lexicon::{Kinship, Lexicons, Strength};
use crate::relatives::Relatives;
use crate::roster::Roster;
use crate::rules::{Matcher, Mechanism, RosterForm, Rule, RuleSet, Severity};
use crate::span::Span;

/// A roster name found in the draft, after overlaps were resolved.
#[derive(Clone, Copy, Debug)]
pub(crate) struct NameHit {
    pub span: Span,
    pub client: u32,
    pub kind: NameKind,
}

/// How a client was named.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum NameKind {
    /// A form that names one person (full name, handle, title + surname ...): the rule index.
    Named(usize),
    /// A first name or one-word nickname alone, with its per-mille frequency.
    Word { frequency: f32 },
    /// One of the client's email addresses or phone numbers: the rule index. Contact details
    /// are published only on purpose, so they block with or without client context.
    Contact(usize),
}

/// What the attributes of one client match, for attributing quasi-identifiers.
#[derive(Clone, Debug, Default)]
pub(crate) struct Profile {
    pub keys: BTreeSet<Key>,
    pub age: Option<u16>,
}

/// A cue reduced to what can be compared with a client's attributes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Key {
    Occupation(u32),
    Role(u32),
    PublicRole(u32),
    Team(u32),
    Trait(u8, u32),
    Broadcaster,
    /// A relative of someone with this job or role (the tag and index of its
    /// [`Key::Occupation`], [`Key::Role`] or [`Key::PublicRole`]): "son of the mayor".
    Kin(u8, u32),
}

impl Key {
    pub(crate) fn of(kind: CueKind) -> Option<Key> {
        Some(match kind {
            CueKind::Occupation(i) => Key::Occupation(i),
            CueKind::Role(i) => Key::Role(i),
            CueKind::PublicRole(i) => Key::PublicRole(i),
            CueKind::Team(i) => Key::Team(i),
            CueKind::Trait(t, i) => Key::Trait(t as u8, i),
            CueKind::Broadcaster => Key::Broadcaster,
            _ => return None,
        })
    }

    /// The key of a relative of whoever this key describes, if it is a job or a role.
    pub(crate) fn kin(self) -> Option<Key> {
        Some(match self {
            Key::Occupation(i) => Key::Kin(0, i),
            Key::Role(i) => Key::Kin(1, i),
            Key::PublicRole(i) => Key::Kin(2, i),
            _ => return None,
        })
    }
}

/// Whether the job or role at `span` is a relative's: "the mayor's boy", "the fire chief's
/// eldest", "son of the mayor", "husband of the Mayor of West Hollywood", "widow of the former
/// mill manager". The person described is the relative, not the role holder.
pub(crate) fn is_kin(text: &str, span: Span, kin: &Kinship) -> bool {
    let ends_in = |words: &[String], relatives: &[String]| {
        relatives.iter().any(|r| {
            let n = r.split(' ').count();
            words.len() >= n && words[words.len() - n..].join(" ") == *r
        })
    };
    let is_relative = |words: &[String]| ends_in(words, &kin.relatives);
    let lower = |s: &str| -> Vec<String> {
        // "the mayor's boy!!!": a word is its letters, whatever follows.
        s.split(|c: char| c.is_whitespace() || matches!(c, ',' | '(' | ')'))
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    // "the mayor's boy", "the chief's new missus": a possessive, one word at most, a relative.
    let original = &text[span.range()];
    let after = &text[span.end..];
    let first_words = |after: &str| {
        let end = after.char_indices().nth(40).map_or(after.len(), |(i, _)| i);
        lower(&after[..end])
    };
    let after = if original.ends_with("'s") || original.ends_with("’s") {
        Some(after)
    } else {
        after
            .strip_prefix("'s")
            .or_else(|| after.strip_prefix("’s"))
    };
    if let Some(after) = after {
        let words = first_words(after);
        if (1..=3).any(|n| words.len() >= n && is_relative(&words[..n])) {
            return true;
        }
    }
    // Afrikaans "die dominee se vrou": the possessive is a word, with its own relatives.
    let words = first_words(&text[span.end..]);
    if let Some((word, rest)) = words.split_first()
        && let Some(p) = kin.possessive_words.iter().find(|p| p.word == *word)
        && (1..=3).any(|n| rest.len() >= n && ends_in(&rest[..n], &p.relatives))
    {
        return true;
    }
    // "son of the mayor", "husband of County Commissioner Bernadette", "le fils du maire": a
    // relative, "of", then at most two words (an article, a title, "former") before the role.
    let words = lower(tail(text, span.start, 60));
    // "married to the dominee", "engaged to the fire chief": a spouse-to-be or a spouse.
    if let Some(to) = words.iter().rposition(|w| w == "to")
        && words.len() - to <= 3
        && to > 0
        && kin.spouse_verbs.contains(&words[to - 1])
    {
        return true;
    }
    let Some(of) = words.iter().rposition(|w| kin.of_words.contains(w)) else {
        return false;
    };
    words.len() - of <= 3 && is_relative(&words[..of])
}

/// Whether the words after a one-person role name its holder's parent, spouse or child with
/// the possessive left out, as chat does: "our councilman mama pulled up", "the mayor son".
/// (Only after a role: "a nurse mom" is a mother who nurses.)
fn kin_without_possessive(after: &str) -> bool {
    let word = after
        .strip_prefix(' ')
        .and_then(|a| a.split(|c: char| !c.is_alphanumeric()).next())
        .unwrap_or("");
    matches!(
        word.to_lowercase().as_str(),
        "mama"
            | "momma"
            | "mom"
            | "mum"
            | "mother"
            | "daddy"
            | "dad"
            | "wife"
            | "husband"
            | "son"
            | "daughter"
            | "grandma"
            | "granny"
    )
}

/// An adult's age told in a description, and the pronoun it was told with ("in her early
/// twenties").
struct AgeSaid {
    years: u16,
    decade: bool,
    her: bool,
    his: bool,
}

/// Everything [`assess`] needs.
pub(crate) struct Input<'a> {
    pub doc: &'a Document<'a>,
    /// The text whose line breaks, headings and list marks lay out paragraphs and sentences:
    /// the same length as `doc.text`, offset for offset.
    pub layout: &'a str,
    pub roster: &'a Roster,
    pub lexicons: &'a Lexicons,
    pub rules: &'a RuleSet,
    pub profiles: &'a [Profile],
    pub names: &'a [NameHit],
    pub cues: &'a [Cue],
    /// Where staff members are named, in order (the spans never overlap).
    pub staff: &'a [Span],
    /// The clients' description words, built on first use.
    pub descriptors: &'a std::sync::OnceLock<Descriptors>,
    /// Which clients' entries name each other as relatives, built on first use.
    pub relatives: &'a std::sync::OnceLock<Relatives>,
    /// The health phrases a client's status already tells at this practice (its name says it
    /// is a doula's, a hospice's): consent to the status covers them. Worked out once per
    /// roster (see [`crate::lexicon::Specialty::told_by_status`]).
    pub told_by_status: &'a [String],
}

/// Paragraph and sentence boundaries of the original text, with its newsletter items: all
/// found in one pass, so that asking where an offset falls is a binary search.
struct Layout {
    paragraphs: Vec<usize>,
    sentences: Vec<usize>,
    /// The paragraphs that open a section: a Markdown heading or a bold lead-in.
    sections: Vec<usize>,
    /// List entries ("- ..." and the lines that continue it), as byte ranges in order.
    entries: Vec<Range<usize>>,
}

/// Whether a line starts a list entry: "- item", "* item", "• item", "12. item", "3) item";
/// not "*an italic line*" or "**bold**".
fn list_marker(line: &str) -> bool {
    let line = line.trim_start();
    if line
        .strip_prefix(['-', '*', '•', '+'])
        .is_some_and(|rest| rest.starts_with([' ', '\t']))
    {
        return true;
    }
    let digits = line.bytes().take(4).take_while(u8::is_ascii_digit).count();
    (1..=3).contains(&digits) && matches!(line.as_bytes().get(digits), Some(b'.' | b')'))
}

/// Whether a (trimmed) line is a Markdown heading ("## Gift vouchers"), not a line of
/// hashtags ("#ShopLocal").
fn is_heading(line: &str) -> bool {
    line.starts_with('#') && line.trim_start_matches('#').starts_with([' ', '\t'])
}

/// Whether text at a paragraph's start opens a section: a heading or a bold lead-in.
fn opens_a_section(at: &str) -> bool {
    let t = at.trim_start();
    is_heading(t) || t.starts_with("**") || t.starts_with("__")
}

impl Layout {
    fn new(text: &str) -> Layout {
        let mut paragraphs = vec![0];
        let mut offset = 0;
        let mut blank_before = false;
        let mut current_heading = false;
        let mut first = true;
        let mut entries: Vec<Range<usize>> = Vec::new();
        let mut entry: Option<Range<usize>> = None;
        for line in text.split_inclusive('\n') {
            let trimmed = line.trim();
            let end = offset + line.len();
            if list_marker(line) {
                entries.extend(entry.replace(offset..end));
            } else if trimmed.is_empty() || trimmed.starts_with('#') {
                entries.extend(entry.take());
            } else if let Some(e) = entry.as_mut() {
                e.end = end;
            }
            let heading = is_heading(trimmed);
            let fence = trimmed == "---";
            if !first
                && (blank_before || heading || current_heading || fence)
                && !trimmed.is_empty()
            {
                paragraphs.push(offset);
                current_heading = false;
            }
            if !trimmed.is_empty() {
                current_heading = current_heading || heading;
                first = false;
            }
            blank_before = trimmed.is_empty() || fence;
            offset += line.len();
        }
        let mut sentences = sentence_starts(text);
        sentences.extend(&paragraphs);
        sentences.sort_unstable();
        sentences.dedup();
        // A run of emoji or a blank line between two sentences is not a sentence of its own:
        // "…flare-ups this time! 👣🌉 Sessions every two weeks" are neighbours.
        let mut kept: Vec<usize> = Vec::with_capacity(sentences.len());
        for (i, &start) in sentences.iter().enumerate() {
            let end = sentences.get(i + 1).copied().unwrap_or(text.len());
            if kept.is_empty() || text[start..end].chars().any(char::is_alphanumeric) {
                kept.push(start);
            }
        }
        let sentences = kept;
        entries.extend(entry);
        // "...and it's... **Kari J. from Lakeside!**": a bold line after a trailing ellipsis is
        // the sentence's reveal, not a new item.
        let revealed = |p: usize| {
            let before = if p > 0 {
                text[paragraphs[p - 1]..paragraphs[p]].trim_end()
            } else {
                ""
            };
            before.ends_with('…') || before.ends_with("...")
        };
        let sections = (0..paragraphs.len())
            .filter(|&p| opens_a_section(&text[paragraphs[p]..]) && !revealed(p))
            .collect();
        Layout {
            paragraphs,
            sentences,
            sections,
            entries,
        }
    }

    /// The list entry that holds `offset`, if any.
    fn list_entry(&self, offset: usize) -> Option<Range<usize>> {
        let i = self.entries.partition_point(|e| e.start <= offset);
        let e = self.entries.get(i.checked_sub(1)?)?;
        (offset < e.end).then(|| e.clone())
    }

    fn paragraph(&self, offset: usize) -> usize {
        self.paragraphs
            .partition_point(|&p| p <= offset)
            .saturating_sub(1)
    }

    fn sentence(&self, offset: usize) -> usize {
        self.sentences
            .partition_point(|&s| s <= offset)
            .saturating_sub(1)
    }

    /// The bytes of the sentence that holds `offset`, in a text of `len` bytes.
    fn sentence_bytes(&self, offset: usize, len: usize) -> Range<usize> {
        let s = self.sentence(offset);
        self.sentences[s]..self.sentences.get(s + 1).copied().unwrap_or(len)
    }

    /// Whether paragraph `p` opens a new section: a Markdown heading, or a bold lead-in
    /// ("**Pregnant? Let us know.** If you're pregnant..."), as newsletters start each item.
    fn opens_section(&self, p: usize) -> bool {
        self.sections.binary_search(&p).is_ok()
    }

    /// Whether sentence `s` starts a list item ("- Ms. Odile at the bakery says ..."): the
    /// items of a list are separate things, so a sign in one is not about the next.
    fn starts_item(&self, text: &str, s: usize) -> bool {
        let Some(&start) = self.sentences.get(s) else {
            return false;
        };
        // The entry's first sentence: nothing but its marker before it.
        self.list_entry(start)
            .is_some_and(|e| start - e.start <= 8 && text[e.start..start].trim().len() <= 4)
    }

    fn is_sentence_start(&self, text: &str, offset: usize) -> bool {
        let s = self.sentences[self.sentence(offset)];
        text[s..offset].chars().all(|c| !c.is_alphanumeric())
    }
}

/// Estimated share of a town's people at exactly this age, or in this decade.
fn age_rate(years: u16, decade: bool) -> f64 {
    if decade {
        return match years {
            0..=59 => 0.13,
            60..=69 => 0.11,
            70..=79 => 0.07,
            80..=89 => 0.03,
            90..=99 => 0.006,
            _ => 0.0002,
        };
    }
    match years {
        0..=64 => 0.013,
        65..=74 => 0.011,
        75..=84 => 0.006,
        85..=89 => 0.003,
        90..=94 => 0.001,
        95..=99 => 0.0003,
        _ => 0.00005,
    }
}

/// Base rates of cues that carry none in their lexicon.
const TRAIT_RATE: [f64; 4] = [0.01, 0.03, 0.03, 0.02];
/// A life event that is a state many share ("retired").
const SHARED_STATE_RATE: f64 = 0.2;
const ROSTER_ATTRIBUTE_RATE: f64 = 0.004;
const ROSTER_PLACE_RATE: f64 = 0.05;
const ROSTER_TRAIT_RATE: f64 = 0.01;
const BROADCASTER_RATE: f64 = 0.004;
const DEFAULT_POPULATION: f64 = 10_000.0;
/// A role held by this many people in a town or more is a head noun ("boss", "manager",
/// "owner"): a job only when tied to one organisation, and the same job whatever the word.
const HEAD_K: f64 = 100.0;

fn trait_index(t: TraitKind) -> usize {
    match t {
        TraitKind::Vehicle => 0,
        TraitKind::Pet => 1,
        TraitKind::Appearance => 2,
        TraitKind::LifeEvent => 3,
    }
}

fn cue_name(kind: CueKind) -> &'static str {
    match kind {
        CueKind::Context(_) | CueKind::ContextPlural => "context",
        CueKind::Gossip(_) => "gossip",
        CueKind::CallOut => "call-out",
        CueKind::Health => "health",
        CueKind::Photo => "photo",
        CueKind::Story => "story",
        CueKind::Occupation(_) => "occupation",
        CueKind::Role(_) => "role",
        CueKind::PublicRole(_) => "public-figure-role",
        CueKind::Team(_) => "team",
        CueKind::Event(_) => "event",
        CueKind::Entourage => "entourage",
        CueKind::Hint => "hint",
        CueKind::Teaser => "teaser",
        CueKind::Broadcaster => "broadcaster",
        CueKind::Trait(TraitKind::Vehicle, _) => "vehicle",
        CueKind::Trait(TraitKind::Pet, _) => "pet",
        CueKind::Trait(TraitKind::Appearance, _) => "appearance",
        CueKind::Trait(TraitKind::LifeEvent, _) => "life-event",
        CueKind::RosterAttribute(_) => "affiliation-or-trait",
        CueKind::RosterPlace(_) => "place",
        CueKind::RosterWorkplace(_) => "workplace",
        CueKind::RosterTrait(_) => "trait",
        CueKind::Policy => "policy",
        CueKind::Age { .. } => "age",
        CueKind::Idiom => "idiom",
        CueKind::Topic => "topic",
        CueKind::Capacity => "public-capacity",
        CueKind::Review => "review",
        CueKind::Reply => "review-reply",
        CueKind::KeepsPrivate => "keeps-care-private",
    }
}

fn is_quasi(kind: CueKind) -> bool {
    matches!(
        kind,
        CueKind::Occupation(_)
            | CueKind::Role(_)
            | CueKind::Trait(..)
            | CueKind::RosterAttribute(_)
            | CueKind::RosterWorkplace(_)
            | CueKind::RosterPlace(_)
            | CueKind::RosterTrait(_)
            | CueKind::Age { .. }
            | CueKind::Broadcaster
    )
}

/// What the cues of one paragraph (or list entry) tell about whoever it mentions.
#[derive(Default)]
struct Told {
    /// What they disclose.
    disclosed: Disclosures,
    /// Its health cues, for the report.
    health: Vec<Cue>,
    /// The clients whose own roster traits or places it tells with a person in the sentence.
    owners: Vec<u32>,
    /// The clients whose own employer or club it tells with a person in the sentence: a
    /// public figure's is what they are known for, anyone else's is their story.
    affiliated: Vec<u32>,
    /// The jobs and roles it tells: the story of a client whose roster job they fit.
    jobs: Vec<CueKind>,
    /// The ages it tells: the story of a client whose age they fit.
    ages: Vec<Cue>,
    /// Whether it tells of a team, an event or a broadcaster: a public figure's is what they
    /// are known for ("Her new series starts on BBC Alba"), anyone else's is their story.
    public: bool,
}

/// A phrase from the roster's own entries (an employer, a club, a street, a team in a trait).
fn is_roster_phrase(kind: CueKind) -> bool {
    matches!(
        kind,
        CueKind::RosterAttribute(_)
            | CueKind::RosterWorkplace(_)
            | CueKind::RosterPlace(_)
            | CueKind::RosterTrait(_)
    )
}

fn is_public(kind: CueKind) -> bool {
    matches!(
        kind,
        CueKind::PublicRole(_)
            | CueKind::Team(_)
            | CueKind::Event(_)
            | CueKind::Entourage
            | CueKind::Hint
    )
}

struct Assessor<'a> {
    input: &'a Input<'a>,
    text: &'a str,
    layout: Layout,
    /// Cues that are not inside a name, in span order.
    cues: Vec<Cue>,
    /// The weak and plural context cues among them, and the strong ones, in span order: what
    /// [`Assessor::context_near`] searches.
    weak_context: Vec<Cue>,
    strong_context: Vec<Cue>,
    /// The sentences that say the practice keeps care private, in order.
    refusing: Vec<usize>,
    /// Where staff are named, in span order, and sorted by end with the latest start so far
    /// (for [`Assessor::about_staff`]).
    staff: Vec<Span>,
    staff_by_end: Vec<(usize, usize)>,
    population: f64,
    /// Whether the writer uses capitals (an all-lowercase post says nothing by case).
    cased: bool,
    /// The jobs and roles that name a relative ("the mayor's boy"), in span order: worked out
    /// once, as attribution asks about each cue for every client.
    kin: Vec<Span>,
    /// [`Assessor::strong_sign_near_mentions`], for every client, once.
    signs_near: std::cell::OnceCell<HashMap<u32, Cue>>,
}

/// Most context cues of each kind kept as evidence for one name (the nearest ones). A real
/// draft has a handful; a huge one-paragraph text has thousands, and listing every one for
/// every name made the report quadratic.
const NEAREST_CONTEXT: usize = 8;
/// Most quasi-identifying cues weighed in one paragraph window (in text order).
const MAX_WINDOW_CUES: usize = 64;

/// How many different kinds of cue (an age, a vehicle, a pet, a job...) a description needs
/// before a weak client sign further away than the next sentence counts for it.
const FAR_DIMENSIONS: usize = 3;

/// One description in a draft: see [`Assessor::windows`].
struct Window {
    /// The paragraphs it spans.
    paragraphs: Range<usize>,
    /// Its quasi-identifier and public-figure cues.
    quasi: Vec<Cue>,
    /// The client signs that make it about a client.
    context: Vec<Cue>,
    /// Whether those signs are only weak ones out of sentence reach.
    far: bool,
    /// Whether the description's paragraphs hold a health detail (worked out for `far`
    /// windows only).
    health: bool,
}

/// What a cue describes, for counting each kind of evidence once: a job and a workplace
/// describe one thing (most nurses work at the hospital).
fn dimension(kind: CueKind) -> &'static str {
    match kind {
        CueKind::Occupation(_) | CueKind::RosterAttribute(_) | CueKind::RosterWorkplace(_) => {
            "work"
        }
        k => cue_name(k),
    }
}

/// How many different kinds of cue a description holds ("79", "three-wheeler", "alpacas":
/// three), counting a job and a workplace as one.
fn dimensions(cues: &[Cue]) -> usize {
    let mut kinds: Vec<&'static str> = cues.iter().map(|c| dimension(c.kind)).collect();
    kinds.sort_unstable();
    kinds.dedup();
    kinds.len()
}
/// Most health cues listed as evidence for one client.
const MAX_HEALTH_NOTES: usize = 8;

/// Turns name hits and cues into findings (consent is judged afterwards, per client).
pub(crate) fn assess(input: &Input<'_>) -> Vec<Finding> {
    let text = input.doc.text;
    let names = input.names;
    // A cue inside a name ("Mayor" in the alias "Mayor Marwick", "Rose" in "Rose Garden"
    // does not apply) is part of the name, not separate evidence.
    // A cue inside a set phrase ("farmer's carries", "a baker's dozen") is the phrase, not
    // evidence about anyone.
    let mut idioms: Vec<Span> = input
        .cues
        .iter()
        .filter(|c| c.kind == CueKind::Idiom)
        .map(|c| c.span)
        .collect();
    idioms.sort_unstable();
    let idiom_reach = reach(&idioms);
    // Only a name that names someone: a one-word alias that is also a role ("Commodore") may
    // be the role word.
    let mut name_spans: Vec<Span> = names
        .iter()
        .filter(|n| matches!(n.kind, NameKind::Named(_)))
        .map(|n| n.span)
        .collect();
    name_spans.sort_unstable();
    // The latest end among the names starting at or before each one: a cue overlaps a name
    // exactly when some name starting before the cue's end ends after the cue's start.
    let name_reach = reach(&name_spans);
    let own_voice = names.is_empty() && !input.cues.iter().any(|c| c.kind == CueKind::Story);
    let cues: Vec<Cue> = input
        .cues
        .iter()
        .filter(|c| c.kind != CueKind::Idiom)
        .filter(|c| {
            let at = idioms.partition_point(|i| i.start <= c.span.start);
            !(at > 0 && idiom_reach[at - 1] >= c.span.end)
        })
        .filter(|c| {
            let before_end = name_spans.partition_point(|n| n.start < c.span.end);
            let overlaps = before_end > 0 && name_reach[before_end - 1] > c.span.start;
            // A title right before a name: only the first name after the cue can be it ("good
            // luck to" before a name is no title).
            let next = name_spans.partition_point(|n| n.start < c.span.end);
            let title = (is_quasi(c.kind) || is_public(c.kind))
                && name_spans.get(next).is_some_and(|n| {
                    text[c.span.end..n.start]
                        .chars()
                        .all(|ch| ch.is_whitespace() || ch == '.')
                });
            // A picture whose address holds the name ("img/skipper-frank.jpg") is still a
            // picture.
            c.kind == CueKind::Photo || !(overlaps || title)
        })
        .filter(|c| !(is_quasi(c.kind) && inside_service(input.cues, c.span)))
        .filter(|c| {
            !((is_quasi(c.kind) || c.kind == CueKind::Health) && to_the_reader(text, c.span))
        })
        .filter(|c| {
            // A testimonial is in the client's own first person: only in a draft that names
            // no one and quotes no one is "I" the writer.
            !(own_voice
                && matches!(c.kind, CueKind::Trait(..) | CueKind::Health)
                && first_person(text, c.span))
        })
        .filter(|c| {
            !(c.kind == CueKind::Photo
                && (of_a_thing(text, c.span)
                    || photo_refused(text, c.span)
                    || in_speech(text, c.span)))
        })
        .filter(|c| plausible(text, c, input.lexicons, input.cues))
        .filter(|c| !is_own_trade(text, c, &input.roster.practice.name))
        .filter(|c| !is_our_staff(text, c, input.lexicons))
        .filter(|c| !beside_staff(text, c, input.staff))
        .filter(|c| !is_anyone_in_the_trade(text, c))
        .filter(|c| !is_business_age(text, c, &input.roster.practice.name))
        .filter(|c| !(c.kind == CueKind::Health && is_a_topic(text, input.cues, c.span)))
        .copied()
        .collect();
    // Most drafts name no one and describe no one: nothing to weigh, so skip the sentence
    // analysis (the hot path of a large batch).
    let evidence = cues.iter().any(|c| {
        is_quasi(c.kind)
            || is_public(c.kind)
            || matches!(
                c.kind,
                CueKind::Gossip(_) | CueKind::CallOut | CueKind::Reply
            )
    });
    // (A review reply may tell the reviewer's health back to them.)
    let reply = || {
        cues.iter().any(|c| c.kind == CueKind::Review)
            && cues.iter().any(|c| c.kind == CueKind::Health)
    };
    if names.is_empty() && !evidence && !reply() {
        return Vec::new();
    }
    let layout = Layout::new(if input.layout.len() == text.len() {
        input.layout
    } else {
        text
    });
    let cased = layout.is_cased(text);
    // A workplace is where someone works only in a sentence with someone in it ("the
    // principal of our middle school", "tell Patty at Curl Up & Dye"); without one it is a
    // place people go ("your in-room session at Ptarmigan Lodge", "the pre-match in Nagle's").
    let mut name_starts: Vec<usize> = names.iter().map(|n| n.span.start).collect();
    name_starts.sort_unstable();
    let at_work = |c: &Cue| {
        // Its sentence, within 200 bytes either side: a one-line draft is one sentence.
        let whole = layout.sentence_bytes(c.span.start, text.len());
        let sentence = Span::new(
            whole.start.max(c.span.start.saturating_sub(200)),
            whole.end.min(c.span.end + 200),
        )
        .snap(text)
        .range();
        let first = name_starts.partition_point(|&s| s < sentence.start);
        name_starts.get(first).is_some_and(|s| sentence.contains(s))
            // (The cues are in span order: only this sentence's are read.)
            || cues[cues.partition_point(|o| o.span.start < sentence.start)..]
                .iter()
                .take_while(|o| o.span.start < sentence.end)
                .any(|o| {
                    matches!(
                        o.kind,
                        CueKind::Occupation(_) | CueKind::Role(_) | CueKind::PublicRole(_)
                    ) && !o.span.overlaps(c.span)
                })
            || text[sentence.clone()]
                .split(|ch: char| !ch.is_alphanumeric() && ch != '\'')
                .any(|w| input.lexicons.people.contains(&w.to_lowercase()))
    };
    // "Schön, dass wir dich bald wieder bei uns sehen": in a sentence of another language,
    // an English cue word that is an ordinary word there ("bald", soon) is not a cue.
    // (False friends are short words, compared without allocating: most cues are none.)
    let foreign = |c: &Cue| {
        let original = &text[c.span.range()];
        input.lexicons.languages.iter().any(|l| {
            l.false_friends
                .iter()
                .any(|f| f.eq_ignore_ascii_case(original))
                && l.speaks(&text[layout.sentence_bytes(c.span.start, text.len())])
        })
    };
    // "Owner response to a Google review": the practice's owner answering, not a description.
    let reviews: Vec<Span> = cues
        .iter()
        .filter(|r| r.kind == CueKind::Review)
        .map(|r| r.span)
        .collect();
    let answering = |c: &Cue| {
        matches!(c.kind, CueKind::Role(_) | CueKind::Occupation(_))
            && reviews
                .iter()
                .any(|r| r.start <= c.span.start && c.span.end <= r.end)
    };
    let cues: Vec<Cue> = cues
        .iter()
        .filter(|c| !matches!(c.kind, CueKind::RosterWorkplace(_)) || at_work(c))
        .filter(|c| !foreign(c) && !answering(c))
        .copied()
        .collect();
    #[allow(clippy::cast_precision_loss)]
    let population = input
        .roster
        .practice
        .population
        .map_or(DEFAULT_POPULATION, |p| p as f64)
        .max(1.0);
    // "We never confirm who we treat, so I can't help with questions about Euan's shoulder":
    // a sentence that keeps care private holds no sign of anyone's.
    let mut refusing: Vec<usize> = cues
        .iter()
        .filter(|c| c.kind == CueKind::KeepsPrivate)
        .map(|c| layout.sentence(c.span.start))
        .collect();
    refusing.dedup();
    let cues: Vec<Cue> = if refusing.is_empty() {
        cues
    } else {
        cues.into_iter()
            .filter(|c| {
                !matches!(c.kind, CueKind::Context(_) | CueKind::ContextPlural)
                    || refusing
                        .binary_search(&layout.sentence(c.span.start))
                        .is_err()
            })
            .collect()
    };
    let weak_context = cues
        .iter()
        .filter(|c| {
            matches!(
                c.kind,
                CueKind::Context(Strength::Weak) | CueKind::ContextPlural
            )
        })
        .copied()
        .collect();
    let strong_context = cues
        .iter()
        .filter(|c| c.kind == CueKind::Context(Strength::Strong))
        .copied()
        .collect();
    let mut staff = input.staff.to_vec();
    staff.sort_unstable();
    let mut by_end = staff.clone();
    by_end.sort_unstable_by_key(|s| s.end);
    let staff_by_end = by_end
        .iter()
        .scan(0, |m, s| {
            *m = (*m).max(s.start);
            Some((s.end, *m))
        })
        .collect();
    let kin = cues
        .iter()
        .filter(|c| {
            // (A roster phrase too: "the mom of a certain Good Morning Vegas anchor" is the
            // anchor's mother, whose entry the anchor's phrases point at.)
            matches!(
                c.kind,
                CueKind::Occupation(_)
                    | CueKind::Role(_)
                    | CueKind::PublicRole(_)
                    | CueKind::RosterAttribute(_)
                    | CueKind::RosterWorkplace(_)
                    | CueKind::RosterPlace(_)
                    | CueKind::RosterTrait(_)
            ) && is_kin(text, c.span, &input.lexicons.kin)
                || matches!(c.kind, CueKind::Role(_) | CueKind::PublicRole(_))
                    && kin_without_possessive(&text[c.span.end..])
        })
        .map(|c| c.span)
        .collect();
    let a = Assessor {
        input,
        text,
        layout,
        kin,
        signs_near: std::cell::OnceCell::new(),
        cues,
        weak_context,
        strong_context,
        refusing,
        staff,
        staff_by_end,
        population,
        cased,
    };
    a.run()
}

impl Assessor<'_> {
    fn run(&self) -> Vec<Finding> {
        let mut findings = Vec::new();
        let named: BTreeSet<u32> = self
            .input
            .names
            .iter()
            .filter(|n| matches!(n.kind, NameKind::Named(_) | NameKind::Contact(_)))
            .map(|n| n.client)
            .collect();
        let draft_context = self.draft_context(false);
        let addressee = self.addressee();
        let mut seen: BTreeSet<(Span, u32)> = BTreeSet::new();
        let health: Vec<Cue> = self
            .cues
            .iter()
            .filter(|c| c.kind == CueKind::Health)
            .copied()
            .collect();
        let review = self.cues.iter().any(|c| c.kind == CueKind::Review);
        // The first public-role phrase of each sentence ("donated", "good luck to").
        let mut capacity_in: HashMap<usize, Cue> = HashMap::new();
        for c in self.cues.iter().filter(|c| c.kind == CueKind::Capacity) {
            capacity_in
                .entry(self.layout.sentence(c.span.start))
                .or_insert(*c);
        }
        for hit in self.input.names {
            if let NameKind::Contact(rule_idx) = hit.kind {
                if seen.insert((hit.span, hit.client)) {
                    let rule = &self.input.rules.rules()[rule_idx];
                    let notes = self
                        .context_near(hit.span)
                        .iter()
                        .map(|c| note(*c))
                        .collect();
                    findings.push(self.finding(
                        rule,
                        rule.severity,
                        hit.span,
                        Some(hit.client),
                        notes,
                        None,
                    ));
                }
                continue;
            }
            if let NameKind::Named(rule_idx) = hit.kind {
                if !seen.insert((hit.span, hit.client)) {
                    // "Mrs. Jones" is both an alias and title + surname: one finding.
                    continue;
                }
                let rule = &self.input.rules.rules()[rule_idx];
                // "the chief complaint on our emergency calls" is not "the Chief".
                if self.in_idiom(hit.span) || self.is_lowercase_full_name(rule, hit.span) {
                    continue;
                }
                // "the Sarge's missus is in for her blow dry": the client is the relative.
                let hit = if is_kin(self.text, hit.span, &self.input.lexicons.kin) {
                    match self.relative_of(hit.client) {
                        Some(other) => NameHit {
                            client: other,
                            ..*hit
                        },
                        None => continue,
                    }
                } else {
                    *hit
                };
                let hit = &hit;
                let client = &self.input.roster.clients[hit.client as usize];
                let mut near = self.context_near(hit.span);
                let sentence = self.layout.sentence(hit.span.start);
                // "Pastor Tom will bless every critter ... We'll have a table out front with
                // free nail trims (Kayleigh)": a staff member in another paragraph is at work
                // on the name only when their sentence says so.
                let paragraph = self.layout.paragraph(hit.span.start);
                near.retain(|c| self.sign_in_paragraph(c, paragraph));
                if client.public_figure {
                    // A public figure is named in public roles all the time: only a clear
                    // sign close by makes them a client.
                    let s = self.layout.sentence(hit.span.end.saturating_sub(1));
                    near.retain(|c| {
                        c.kind == CueKind::Context(Strength::Strong)
                            || self.layout.sentence(c.span.start) == s
                    });
                }
                // "Most folks know Glenna Ferrell as Commissioner Ferrell ... Glenna came to see
                // me for her neck": the signs near their later mentions are about them too.
                if !near
                    .iter()
                    .any(|c| c.kind == CueKind::Context(Strength::Strong))
                {
                    near.extend(self.strong_sign_near_mentions(hit.client));
                }
                let mut notes: Vec<CueNote> = near.iter().map(|c| note(*c)).collect();
                let capacity = capacity_in
                    .get(&sentence)
                    .copied()
                    .filter(|c| self.in_capacity(*c, hit.span));
                let only_weak = near
                    .iter()
                    .all(|c| c.kind != CueKind::Context(Strength::Strong));
                // A health detail near the name is theirs: in its paragraph, the two before
                // ("our grief circle ... a special thank you to Ksenia") or the next unless that
                // is another newsletter item; one in a newsletter's "Medicare corner" is not
                // about the pastor in its news.
                let paragraph = self.layout.paragraph(hit.span.start);
                let next = !self.layout.opens_section(paragraph + 1);
                let item = self.item(hit.span.start);
                let told_after = health
                    .iter()
                    .copied()
                    .find(|c| self.theirs_told_after(c.span, hit.span));
                let told = health
                    .iter()
                    .copied()
                    .find(|c| {
                        let p = self.layout.paragraph(c.span.start);
                        ((p + 2 >= paragraph && p <= paragraph) || (next && p == paragraph + 1))
                            && item.as_ref().is_none_or(|i| i.contains(&c.span.start))
                    })
                    .or(told_after);
                // "Cheek + chin balancing on @bri. 2 syringes of Voluma...": a treatment told
                // next to a public figure's name is theirs, whatever role they are known for.
                // In a reply to a review the paragraph is all said to the reviewer ("Thank you,
                // Representative Bequette! ... three sessions eased that sciatica").
                // Told in the name's own paragraph, or after it as theirs, it is theirs too.
                let treated = health.iter().any(|c| {
                    self.layout.sentence(c.span.start).abs_diff(sentence) <= 1
                        || review && self.layout.paragraph(c.span.start) == paragraph
                }) || told_after.is_some()
                    || told.is_some_and(|t| self.layout.paragraph(t.span.start) == paragraph);
                let severity = if addressee == Some(hit.client) {
                    // An email to one client tells them about themselves.
                    Severity::Info
                } else if (near.is_empty() && client.public_figure && !treated)
                    || (capacity.is_some() && only_weak && !treated)
                {
                    // The mayor lighting the tree is her public role, not a client story; so
                    // is the coach wished luck, or the sponsor thanked for the prizes. A
                    // treatment told beside the name is not ("crowned champion in October ...
                    // working with Jess since her ACL reconstruction").
                    notes.extend(capacity.map(note));
                    Severity::Info
                } else if let item_context = self.item_context(hit.span, draft_context)
                    && (item_context.is_some() || !near.is_empty() || told.is_some())
                {
                    // Their health is something only their practitioner would tell.
                    notes.extend(told.map(note));
                    if notes.is_empty() {
                        notes.extend(item_context.map(note));
                    }
                    rule.severity
                } else if let Some(title) = self.office_before(hit.span) {
                    // "coxswain Kevin Tonkin told the Packet": named by the office they hold,
                    // with nothing said of a visit, is their public role.
                    notes.push(note(title));
                    Severity::Info
                } else {
                    // Named with no client relationship stated: a person should look.
                    rule.severity.min(Severity::Warn)
                };
                findings.push(self.finding(
                    rule,
                    severity,
                    hit.span,
                    Some(hit.client),
                    notes,
                    None,
                ));
            }
        }
        self.shared_surnames(&mut findings);
        self.first_names(&named, &mut findings);
        let mentioned: BTreeSet<u32> = findings.iter().filter_map(|f| f.client_index).collect();
        self.quasi_identifiers(&mentioned, &mut findings);
        self.gossip(self.draft_context(true), &mut findings);
        self.disclosures(&mut findings);
        findings.sort_by(|a, b| a.span.cmp(&b.span).then_with(|| a.rule.cmp(&b.rule)));
        findings
    }

    /// "Mrs MacLeod" on an island of MacLeods: a title and a surname that several clients
    /// answer to is a weak name. The client whose alias it is keeps it (the others' title and
    /// surname findings go), and with a social title (Mr, Mrs, Ms, Miss) it warns rather than
    /// blocks. A title of office that is one client's alias ("Mayor Larsen" in a town of
    /// Larsens) is that one client's alone.
    fn shared_surnames(&self, findings: &mut Vec<Finding>) {
        let form = |f: &Finding| match self.input.rules.get(&f.rule).map(|r| &r.matcher) {
            Some(Matcher::Roster { form, .. }) => Some(*form),
            _ => None,
        };
        // ("Rev. Mearns" or "Dr Rennie" is one person: a title of office narrows as a name.)
        let social = |f: &Finding| {
            let title = self.text[f.span.range()]
                .split([' ', '.'])
                .next()
                .unwrap_or("")
                .to_lowercase();
            matches!(form(f), Some(RosterForm::TitleSurname | RosterForm::Alias))
                && matches!(
                    title.as_str(),
                    "mr" | "mrs" | "ms" | "miss" | "mx" | "master"
                )
        };
        let offices: BTreeSet<Span> = findings
            .iter()
            .filter(|f| form(f) == Some(RosterForm::Alias) && !social(f))
            .map(|f| f.span)
            .collect();
        findings
            .retain(|f| !(form(f) == Some(RosterForm::TitleSurname) && offices.contains(&f.span)));
        let mut clients: HashMap<Span, BTreeSet<u32>> = HashMap::new();
        let mut aliases: BTreeSet<Span> = BTreeSet::new();
        for f in findings.iter().filter(|f| social(f)) {
            clients.entry(f.span).or_default().extend(f.client_index);
            if form(f) == Some(RosterForm::Alias) {
                aliases.insert(f.span);
            }
        }
        let shared = |f: &Finding| social(f) && clients.get(&f.span).is_some_and(|c| c.len() > 1);
        findings.retain(|f| {
            !(shared(f) && aliases.contains(&f.span) && form(f) == Some(RosterForm::TitleSurname))
        });
        for f in findings.iter_mut() {
            if shared(f) {
                f.severity = f.severity.min(Severity::Warn);
            }
        }
    }

    /// Whether the sign at `span` congratulates someone on something ("congratulations to the
    /// Chairman on commissioning the new drainage"): a winner word of the lexicon's
    /// `winners:` list that opens with "congrat", then "on" later in its sentence (within 120
    /// bytes). "Congratulations to our very own champion!" congratulates a client.
    fn congratulates(&self, span: Span) -> bool {
        let sign = crate::normalize::normalize(&self.text[span.range()]);
        let first = sign.split(' ').next().unwrap_or("");
        if !(first.starts_with("congrat") && self.input.lexicons.winners.iter().any(|w| w == first))
        {
            return false;
        }
        let sentence = self.layout.sentence_bytes(span.start, self.text.len());
        let end = Span::new(span.end, sentence.end.clamp(span.end, span.end + 120)).snap(self.text);
        self.text[end.range()]
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| w.eq_ignore_ascii_case("on"))
    }

    /// The office right before the name at `span`, as its title: a one-person role ("coxswain
    /// Kevin Tonkin", "Mayor Linda Penhaligon") or a famous one ("Senator ...").
    fn office_before(&self, span: Span) -> Option<Cue> {
        let cues = self.input.cues;
        let i = cues.partition_point(|c| c.span.start < span.start);
        cues[..i].iter().rev().take(8).copied().find(|c| {
            let office = match c.kind {
                CueKind::Role(r) => self.input.lexicons.roles[r as usize].k <= 1.0,
                CueKind::PublicRole(_) => true,
                _ => false,
            };
            office
                && c.span.end <= span.start
                && self.text[c.span.end..span.start]
                    .chars()
                    .all(|ch| ch == ' ' || ch == '.')
                && span.start - c.span.end <= 2
        })
    }

    /// Whether the name at `span` is the one a public-role phrase `capacity` speaks of: any
    /// name in its sentence, except after "donated by" or "sponsored by", which name their
    /// holder next ("Signed shirt (donated by the Foundation of Light) — Barry Tait" is the
    /// winner, not a donor).
    fn in_capacity(&self, capacity: Cue, span: Span) -> bool {
        let Some(rest) = self.text[capacity.span.end..].strip_prefix(" by ") else {
            return true;
        };
        // The holder's words: up to a clause break, within a bounded reach.
        let from = self.text.len() - rest.len();
        let holder = rest
            .char_indices()
            .take_while(|&(i, _)| i < 200)
            .find(|&(_, c)| matches!(c, '(' | ')' | '—' | '–' | ';' | ',' | '\n'))
            .map_or(from + rest.len().min(200), |(i, _)| from + i);
        (from..holder).contains(&span.start)
    }

    /// Whether a health detail may be client `c`'s: its sentence names no client, or names
    /// them.
    /// `named_at` holds each name's start and client, in order.
    fn health_may_be(&self, c: u32, health: &Cue, named_at: &[(usize, u32)]) -> bool {
        let sentence = self
            .layout
            .sentence_bytes(health.span.start, self.text.len());
        let first = named_at.partition_point(|&(at, _)| at < sentence.start);
        let mut named = named_at[first..]
            .iter()
            .take_while(|&&(at, _)| at < sentence.end)
            .peekable();
        named.peek().is_none() || named.any(|&(_, n)| n == c)
    }

    /// Whether client `c` may hold a job or role: it is on their entry, or their entry names
    /// no job to say otherwise.
    fn may_hold(&self, c: u32, kind: CueKind) -> bool {
        let keys = &self.input.profiles[c as usize].keys;
        let Some(key) = Key::of(kind) else {
            return true;
        };
        keys.contains(&key)
            || !keys
                .iter()
                .any(|k| matches!(k, Key::Occupation(_) | Key::Role(_) | Key::PublicRole(_)))
    }

    /// A strong client sign near any mention of a client (by full name, first name or another
    /// alias), worked out once per client: a dense draft names them thousands of times. A weak
    /// sign ("Euan's shoulder") could be anyone's talk of them.
    fn strong_sign_near_mentions(&self, client: u32) -> Option<Cue> {
        // One pass over the names for every client (the first sign near each).
        let signs = self.signs_near.get_or_init(|| {
            let mut signs: HashMap<u32, Cue> = HashMap::new();
            for m in self.input.names {
                if signs.contains_key(&m.client) {
                    continue;
                }
                let named = match m.kind {
                    NameKind::Named(_) => true,
                    NameKind::Word { frequency } => !self.is_word_use(m.span, frequency),
                    NameKind::Contact(_) => false,
                };
                if let Some(sign) = named
                    .then(|| self.context_near(m.span))
                    .into_iter()
                    .flatten()
                    .find(|c| c.kind == CueKind::Context(Strength::Strong))
                {
                    signs.insert(m.client, sign);
                }
            }
            signs
        });
        signs.get(&client).copied()
    }

    /// The one client an email is addressed to: the only client named on its "To:" line (in
    /// its first lines). Several clients there see each other's names, which is a leak.
    fn addressee(&self) -> Option<u32> {
        if self.input.doc.channel != Channel::Email {
            return None;
        }
        let mut at = 0;
        for line in self.text.split_inclusive('\n').take(8) {
            let start = at;
            at += line.len();
            let head = line.trim_start();
            if !head.get(..3).is_some_and(|h| h.eq_ignore_ascii_case("to:")) {
                continue;
            }
            let mut named = self
                .input
                .names
                .iter()
                .filter(|n| matches!(n.kind, NameKind::Named(_)))
                .filter(|n| n.span.start >= start && n.span.end <= at)
                .map(|n| n.client);
            let first = named.next()?;
            return named.all(|c| c == first).then_some(first);
        }
        None
    }

    fn finding(
        &self,
        rule: &Rule,
        severity: Severity,
        span: Span,
        client: Option<u32>,
        cues: Vec<CueNote>,
        k: Option<f64>,
    ) -> Finding {
        Finding {
            rule: rule.id.clone(),
            severity,
            span,
            client: client.map(|c| self.input.roster.clients[c as usize].id.clone()),
            client_index: client,
            disclosed: Disclosures::NONE,
            allowed_by: None,
            consent_gaps: Vec::new(),
            cues,
            k,
        }
    }

    /// The first context cue anywhere in the draft; a raffle announcement is one in itself.
    /// With `signature`, a staff name signing the post counts too: it makes a vent from the
    /// front desk a story from the practice, but it does not say that someone named in
    /// community news was treated ("Geneviève et toute l'équipe", "— Joanna").
    fn draft_context(&self, signature: bool) -> Option<Cue> {
        let found = self
            .cues
            .iter()
            .find(|c| matches!(c.kind, CueKind::Context(Strength::Strong)))
            .or_else(|| {
                self.cues.iter().find(|c| {
                    matches!(c.kind, CueKind::Context(_) | CueKind::ContextPlural)
                        && (signature
                            || self.staff.binary_search(&c.span).is_err()
                            || !self.signs_off(c.span))
                })
            })
            .copied();
        if found.is_none() && self.input.doc.channel == Channel::Raffle {
            return Some(Cue {
                span: Span::new(0, 0),
                kind: CueKind::Context(Strength::Weak),
            });
        }
        found
    }

    /// Whether the health phrase at `span` is one the client's status already tells at this
    /// practice ("postpartum" at a doula's); a number before it ("30 weeks", "#36weeks") is
    /// how far along.
    fn told_by_status(&self, span: Span) -> bool {
        let told = self.input.told_by_status;
        if told.is_empty() {
            return false;
        }
        let phrase = crate::normalize::normalize(&self.text[span.range()]);
        let phrase = phrase.trim_start_matches(|c: char| c.is_ascii_digit() || "#+ ".contains(c));
        told.iter().any(|t| t == phrase)
    }

    /// Whether a complaint at `span` is told of a staff member: one named before it in its
    /// sentence, with no client sign between ("Joanna ... she yelled at the radio"; not "a
    /// client yelled at Kenzie").
    fn told_of_staff(&self, span: Span) -> bool {
        let sentence = self.layout.sentence_bytes(span.start, self.text.len());
        let i = self.staff.partition_point(|s| s.end <= span.start);
        let Some(staff) = i.checked_sub(1).map(|i| self.staff[i]) else {
            return false;
        };
        let from = self.cues.partition_point(|c| c.span.start < staff.end);
        staff.start >= sentence.start
            && !self.cues[from..]
                .iter()
                .take_while(|c| c.span.start < span.start)
                .any(|c| {
                    matches!(c.kind, CueKind::Context(_) | CueKind::ContextPlural)
                        && c.span.end <= span.start
                        && self.staff.binary_search(&c.span).is_err()
                })
    }

    /// Whether `span` starts one of the draft's closing lines (within its last 200 bytes), after
    /// nothing but a dash or a bullet: a signature.
    fn signs_off(&self, span: Span) -> bool {
        // Both sides are bounded: a signature closes the draft, so the rest is short.
        let rest = &self.text[span.end..];
        if rest.len() > 600 {
            return false;
        }
        let dash = |c: char| matches!(c, ' ' | '\t' | '—' | '–' | '-' | '~' | '*' | '>');
        let lead = self.text[..span.start].trim_end_matches(dash);
        // "— Dr. Anne Thibodeau": a doctor signs with her title.
        let lead = ["Dr.", "Dr", "Dra.", "Doc"]
            .iter()
            .find_map(|t| lead.strip_suffix(t))
            .map_or(lead, |l| l.trim_end_matches(dash));
        let line_end = rest.find('\n').unwrap_or(rest.len());
        (lead.is_empty() || lead.ends_with('\n')) && rest[line_end..].trim().len() < 200
    }

    /// The bytes of the newsletter item that holds `offset`: the paragraphs from one heading
    /// or bold lead-in to the next, or, in a list, the list entry. `None` in a draft without
    /// headings or lead-ins, which is one story.
    fn item(&self, offset: usize) -> Option<Range<usize>> {
        let sections = &self.layout.sections;
        if sections.is_empty() {
            return None;
        }
        let p = self.layout.paragraph(offset);
        let i = sections.partition_point(|&q| q <= p);
        let first = i.checked_sub(1).map(|i| sections[i]);
        let last = sections.get(i).copied();
        let at = |q: usize| self.layout.paragraphs.get(q).copied();
        let section =
            first.and_then(at).unwrap_or(0)..last.and_then(at).unwrap_or(self.input.layout.len());
        Some(self.layout.list_entry(offset).unwrap_or(section))
    }

    /// The first context cue of the item (see [`Assessor::item`]) that holds `span`:
    /// "**Community corner** ... Ms. Odile at the bakery" is not told of by "has been coming"
    /// in the item before. Without items, [`Assessor::draft_context`].
    fn item_context(&self, span: Span, draft_context: Option<Cue>) -> Option<Cue> {
        let Some(item) = self.item(span.start) else {
            return draft_context;
        };
        // The first of a list (in span order) that starts inside the item.
        let first_in = |list: &[Cue]| {
            let i = list.partition_point(|c| c.span.start < item.start);
            list.get(i).filter(|c| c.span.start < item.end).copied()
        };
        // A staff member named elsewhere in the item ("free nail trims (Kayleigh)", "— Dr.
        // Anne Thibodeau") is at work on no one in particular.
        let paragraph = self.layout.paragraph(span.start);
        let weak = {
            let i = self
                .weak_context
                .partition_point(|c| c.span.start < item.start);
            self.weak_context[i..]
                .iter()
                .take_while(|c| c.span.start < item.end)
                .find(|c| self.sign_in_paragraph(c, paragraph))
                .copied()
        };
        first_in(&self.strong_context)
            .or(weak)
            .or(draft_context.filter(|c| c.span.is_empty()))
    }

    /// Whether the context cue `c` is a sign for a name in `paragraph`: any sign but a staff
    /// member named in another paragraph ("free nail trims (Kayleigh)", "— Dr. Anne
    /// Thibodeau"), unless their sentence has them at work on someone.
    fn sign_in_paragraph(&self, c: &Cue, paragraph: usize) -> bool {
        self.staff.binary_search(&c.span).is_err()
            || self.layout.paragraph(c.span.start) == paragraph
            || self.staff_at_work(c.span)
    }

    /// Context cues close to `span`: a strong one in the same or a neighbouring paragraph, or
    /// any in the same or a neighbouring sentence; of each kind, the [`NEAREST_CONTEXT`]
    /// nearest, in span order.
    fn context_near(&self, span: Span) -> Vec<Cue> {
        // The last byte: "Rep. Quist" belongs to the sentence "Quist" is in.
        let last = span.end.saturating_sub(1).max(span.start);
        let p = self.layout.paragraph(last);
        let s = self.layout.sentence(last);
        let starts = |bounds: &[usize], first: usize, after: usize| {
            (
                bounds[first],
                bounds.get(after).copied().unwrap_or(usize::MAX),
            )
        };
        // The sentences before and after, unless a list item starts between.
        let text = self.input.layout;
        let first = if self.layout.starts_item(text, s) {
            s
        } else {
            s.saturating_sub(1)
        };
        let after = if self.layout.starts_item(text, s + 1) {
            s + 1
        } else {
            s + 2
        };
        let sentences = starts(&self.layout.sentences, first, after);
        // A newsletter item ("**Community corner**") is not about the item before it.
        let opens = |p: usize| self.layout.opens_section(p);
        let paragraphs = starts(
            &self.layout.paragraphs,
            if opens(p) { p } else { p.saturating_sub(1) },
            if opens(p + 1) { p + 1 } else { p + 2 },
        );
        // Neither reaches into the next item: a heading ("## Client spotlight") is another story.
        let sentences = (sentences.0.max(paragraphs.0), sentences.1.min(paragraphs.1));
        let mut near = nearest(&self.weak_context, sentences, last);
        near.extend(nearest(&self.strong_context, sentences, last));
        near.extend(nearest(&self.strong_context, paragraphs, last));
        near.sort_by_key(|c| c.span);
        near.dedup_by(|a, b| a.span == b.span && a.kind == b.kind);
        near
    }

    /// Whether `span` lies inside a set phrase of `idioms.yaml` ("Sabah el kheir", "the chief
    /// complaint").
    fn in_idiom(&self, span: Span) -> bool {
        // The phrase holds the name's last word ("the chief" of "the chief complaint").
        let last_word = self.text[span.range()]
            .rfind(' ')
            .map_or(span.start, |i| span.start + i + 1);
        let at = self
            .input
            .cues
            .partition_point(|c| c.span.start <= last_word);
        self.input.cues[..at]
            .iter()
            .rev()
            .take(8)
            .any(|c| c.kind == CueKind::Idiom && c.span.end >= span.end)
    }

    /// Whether a health detail a little after a name's paragraph (the paragraph itself or
    /// the next two, headings included) is told as someone's: "Her sports-medicine team
    /// diagnosed a grade 2 hamstring strain" under a blog post's "## The injury". Generic
    /// advice is said to "you", and is not.
    fn theirs_told_after(&self, health: Span, name: Span) -> bool {
        let paragraph = self.layout.paragraph(name.start);
        let p = self.layout.paragraph(health.start);
        let sentence = self.layout.sentence_bytes(health.start, self.text.len());
        health.start > name.end
            && (paragraph..=paragraph + 2).contains(&p)
            && sentence.start >= name.start
            && words_of(&self.text[sentence])
                .any(|w| w.eq_ignore_ascii_case("her") || w.eq_ignore_ascii_case("his"))
            && !self.told_of_staff(health)
    }

    /// Whether a full name of two or more ordinary words is written in lower case in a draft
    /// that capitalises names: "the summer deal on recovery boots" is no Summer Deal. Only
    /// full names: an alias such as "the fire chief" is a description, written in lower case
    /// on purpose.
    fn is_lowercase_full_name(&self, rule: &Rule, span: Span) -> bool {
        let words = &self.text[span.range()];
        matches!(
            rule.matcher,
            Matcher::Roster {
                form: RosterForm::FullName,
                ..
            }
        ) && self.cased
            && words.contains(' ')
            && !words.chars().any(char::is_uppercase)
            && words.split(' ').all(|w| {
                let w = crate::normalize::normalize(w);
                self.input.lexicons.is_common_word(&w, 40_000)
            })
    }

    /// Whether a first-name hit is the ordinary word: "mark your calendars", "Will you join
    /// us?", "a whole summer", "the Rose Garden".
    fn is_word_use(&self, span: Span, frequency: f32) -> bool {
        // "Sabah el kheir", "Salam alaikum": a greeting or a set phrase (`idioms.yaml`).
        if self.in_idiom(span) {
            return true;
        }
        let original = &self.text[span.range()];
        let normalised = crate::normalize::normalize(original);
        let is_word = self.input.lexicons.is_common_word(&normalised, 40_000);
        let cased = self.cased;
        let capitalised = original.chars().next().is_some_and(char::is_uppercase);
        if cased && !capitalised {
            return true;
        }
        let before = self.text[..span.start].trim_end_matches([' ', '\u{a0}']);
        let after = self.text[span.end..].trim_start_matches([' ', '\u{a0}']);
        let next: String = after
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '\'')
            .collect();
        let next_capital = next.chars().next().is_some_and(char::is_uppercase);
        let prev_word: String = before
            .chars()
            .rev()
            .take_while(|c| c.is_alphanumeric())
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        // "April 12–16": a month and its days, before "Bill, 58" could read the day as an age.
        let date = is_date_use(self.input.lexicons, &normalised, &prev_word, &next)
            || self.months_joined(&normalised, before, after)
            || month_is_booked(&normalised, after);
        if !date && self.age_follows(span) {
            return false;
        }
        if date {
            // "June through September", "in April", "May 14": a month, not April or June.
            return true;
        }
        if is_trip_to(before, after) {
            // "off to skye this weekend", "back from Florence": a place.
            return true;
        }
        // A line in capitals ("PAPO VINO A SU RECORTE") says nothing by its capitals (read
        // only when a capital would decide).
        let shouted = || shouted(self.text, span);
        // Part of a longer proper name: "Rose Garden", "the Summer Games", "an Endless
        // Summer tan" (a capitalised word before it, not at a sentence start).
        if next_capital && !is_word_like_sentence_start(&next) && !shouted() {
            return true;
        }
        let prev_capital = prev_word.chars().next().is_some_and(char::is_uppercase) && !shouted();
        if is_word
            && prev_capital
            && prev_word != "I"
            && !before.ends_with([',', '!', '?', ':', '.'])
        {
            // `before` is the text up to the name, trimmed: the previous word ends where it does.
            let prev_start = before.len() - prev_word.len();
            if !self.layout.is_sentence_start(self.text, prev_start) {
                return true;
            }
        }
        // "running the Miss Angela out of the Inlet": a boat, a horse or a diner named
        // after someone is a thing.
        if [
            "miss", "lady", "mister", "mr", "mrs", "sir", "little", "big", "ol",
        ]
        .iter()
        .any(|t| prev_word.eq_ignore_ascii_case(t))
            && before[..before.len() - prev_word.len()]
                .trim_end()
                .rsplit(' ')
                .next()
                .is_some_and(|w| w.eq_ignore_ascii_case("the"))
        {
            return true;
        }
        // "the mark", "a hunter", "the 60 mark"; "se compra un Mercedes", "uma Rosa": an
        // indefinite article in any language makes a thing (a definite one may stand before a
        // name in Spanish or Italian: "la Rosa vino").
        let article = [
            "the", "a", "an", "un", "una", "um", "uma", "une", "ein", "eine",
        ]
        .iter()
        .any(|a| prev_word.eq_ignore_ascii_case(a));
        if article || prev_word.chars().all(|c| c.is_ascii_digit()) && !prev_word.is_empty() {
            return true;
        }
        if !is_word {
            return false;
        }
        // An ordinary word capitalised only because it starts a sentence ("Will you...",
        // "Hope to see you", "Summer is here") or a title.
        if self.layout.is_sentence_start(self.text, span.start) {
            let function = [
                "you",
                "your",
                "we",
                "our",
                "they",
                "it",
                "is",
                "are",
                "was",
                "be",
                "the",
                "a",
                "an",
                "to",
                "of",
                "for",
                "and",
                "in",
                "on",
                "at",
                "this",
                "that",
                "all",
                "up",
                "us",
                "i",
                "my",
                "me",
                "everyone",
                "everybody",
                "with",
                "by",
                "from",
                "off",
            ];
            let lower = next.to_lowercase();
            // "Sue on my table this morning swore...", "Mike was on my table": a strong visit
            // phrase right after it, or after "was" or "is", makes the word someone who
            // visited.
            let mut visit = span.end + (self.text.len() - span.end - after.len());
            if matches!(lower.as_str(), "was" | "is") {
                visit += next.len() + 1;
            }
            let visited = || {
                let i = self
                    .strong_context
                    .partition_point(|c| c.span.start < visit);
                self.strong_context
                    .get(i)
                    .is_some_and(|c| c.span.start == visit)
            };
            if (function.contains(&lower.as_str()) || next.is_empty()) && !visited() {
                return true;
            }
        }
        let _ = frequency;
        false
    }

    /// Whether a name that is a month is joined to another date ("April and May are already
    /// filling up", "June or July", "Bhadra – Kartik"): the calendar, not April or June.
    fn months_joined(&self, name: &str, before: &str, after: &str) -> bool {
        let lx = self.input.lexicons;
        if !lx.is_calendar_word(name) {
            return false;
        }
        let joins = |w: &str| matches!(w, "and" | "or" | "&" | "to" | "through" | "thru");
        let is_word = |w: &&str| !w.is_empty();
        let split = |c: char| !c.is_alphanumeric() && c != '&';
        // The two words after the name, and the two before it (nearest first).
        let ahead: Vec<String> = after
            .split(split)
            .filter(is_word)
            .take(2)
            .map(crate::normalize::normalize)
            .collect();
        let behind: Vec<String> = before
            .rsplit(split)
            .filter(is_word)
            .take(2)
            .map(crate::normalize::normalize)
            .collect();
        let pair = |w: &[String]| w.len() == 2 && joins(&w[0]) && lx.is_calendar_word(&w[1]);
        // "Bhadra – Kartik": a range written with a dash.
        let dashed = |gap: &str, word: Option<&String>| {
            matches!(gap.trim(), "-" | "–" | "—") && word.is_some_and(|w| lx.is_calendar_word(w))
        };
        let gap_ahead = after
            .split(|c: char| c.is_alphanumeric())
            .next()
            .unwrap_or("");
        let gap_behind = before
            .rsplit(|c: char| c.is_alphanumeric())
            .next()
            .unwrap_or("");
        pair(&ahead)
            || pair(&behind)
            || dashed(gap_ahead, ahead.first())
            || dashed(gap_behind, behind.first())
    }

    /// Whether an age follows in apposition: "Bill, 58, had never had a facial".
    fn age_follows(&self, span: Span) -> bool {
        self.text[span.end..]
            .strip_prefix(',')
            .is_some_and(|r| r.trim_start().starts_with(|c: char| c.is_ascii_digit()))
    }

    /// Whether a verb (or an age in apposition) follows, making the word the subject of a
    /// sentence: "Miles hasn't had a pain-free run", "Faith always books", "Bill, 58, had".
    fn verb_follows(&self, span: Span) -> bool {
        if self.age_follows(span) {
            return true;
        }
        // "so much love for faith, who has been flowing with us": a relative clause about
        // someone.
        let rest = &self.text[span.end..];
        if rest.starts_with(", who ") || rest.starts_with(", who's ") {
            return true;
        }
        const VERBS: &[&str] = &[
            "has", "hasn't", "had", "hadn't", "is", "isn't", "was", "wasn't", "did", "didn't",
            "does", "doesn't", "can", "can't", "could", "couldn't", "will", "won't", "would",
            "always", "never", "just", "finally", "came", "comes", "booked", "books", "said",
            "says", "told", "got", "gets", "brought", "finished", "started", "ran", "walked",
            "left", "made", "sent", "still", "also", "and", "'s", "’s", "stopped", "dropped",
            "popped", "swung", "showed", "took",
        ];
        let after = self.text[span.end..].trim_start_matches([' ', '\u{a0}']);
        if after.starts_with("'s ") || after.starts_with("’s ") {
            return true;
        }
        let next: String = after
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '\'' || *c == '’')
            .collect::<String>()
            .to_lowercase();
        VERBS.contains(&next.as_str())
    }

    fn first_names(&self, named: &BTreeSet<u32>, findings: &mut Vec<Finding>) {
        let Some(rule) = self.input.rules.by_mechanism(Mechanism::FirstName) else {
            return;
        };
        let Matcher::FirstName { rare_below } = rule.matcher else {
            return;
        };
        // Several clients may share a first name: group hits by span.
        let mut by_span: HashMap<Span, Vec<(u32, f32)>> = HashMap::new();
        for hit in self.input.names {
            if let NameKind::Word { frequency } = hit.kind {
                by_span
                    .entry(hit.span)
                    .or_default()
                    .push((hit.client, frequency));
            }
        }
        let mut spans: Vec<_> = by_span.into_iter().collect();
        spans.sort_by_key(|(s, _)| *s);
        // Two of one client's aliases can find the same words ("Ellie-Mae" and "Ellie Mae"):
        // still one client, at the higher frequency (the one `frequency` below would take).
        for (_, clients) in &mut spans {
            clients.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)));
            clients.dedup_by_key(|&mut (c, _)| c);
        }
        let animals = self.animal_names();
        let family = self.family_names();
        let addressee = self.addressee();
        // How strongly each client named in full is already reported (read once: a long
        // document says "Will" many times).
        let mut named_at: HashMap<u32, Severity> = HashMap::new();
        for f in findings.iter() {
            if let Some(c) = f.client_index {
                let s = named_at.entry(c).or_insert(f.severity);
                *s = (*s).max(f.severity);
            }
        }
        let mut name_starts: Vec<usize> = self.input.names.iter().map(|n| n.span.start).collect();
        name_starts.sort_unstable();
        // Who a shared first name points at depends on the draft's cues only, not on where the
        // name is: decided once per set of clients.
        let mut decided: HashMap<Vec<u32>, Option<u32>> = HashMap::new();
        for (span, mut clients) in spans {
            // "shandiin's dad came in for a trim": the client is the relative, the one whose
            // roster entry ties them to her ("father of barrel racer Shandiin Bitsui"), or no
            // one on the roster.
            if is_kin(self.text, span, &self.input.lexicons.kin) {
                clients = clients
                    .iter()
                    .filter_map(|&(c, f)| self.relative_of(c).map(|o| (o, f)))
                    .collect();
                clients.sort_by_key(|a| a.0);
                clients.dedup_by_key(|&mut (c, _)| c);
                if clients.is_empty() {
                    continue;
                }
            }
            // "Will" after "Will Ashby": the same person again, already reported, unless
            // that report was short of a block and this mention says more ("★★★★★ Jón
            // Sigurðsson ... Takk Nonni!! So glad the shoulder is back in action", a public
            // figure's name in a heading, then her ACL). An e-mail's addressee ("To: Bev
            // White", then "Hi Bev,") is told about herself.
            let again = clients.iter().map(|&(c, _)| c).find(|c| named.contains(c));
            if let Some(c) = again {
                let reported = named_at.get(&c).copied();
                if reported.is_none_or(|r| r >= Severity::Block) || addressee == again {
                    continue;
                }
            }
            // "Litla Sól is four months old", "imani turns sixteen": an age told of the name
            // rules out a client whose roster age is far from it.
            if let Some(told) = told_age(&self.text[span.end..]) {
                clients.retain(|&(c, _)| {
                    self.input.roster.clients[c as usize]
                        .attributes
                        .age
                        .is_none_or(|age| u32::from(age).abs_diff(u32::from(told)) <= 5)
                });
                if clients.is_empty() {
                    continue;
                }
            }
            let word = || self.text[span.range()].to_lowercase();
            if self.initialism_in_lowercase(span, &clients)
                || animals.contains(&word())
                || family.contains(&word())
            {
                continue;
            }
            let frequency = clients.iter().map(|(_, f)| *f).fold(0.0f32, f32::max);
            // "Crystal, thank you for the mince pies": a name spoken to is a name, wherever
            // it stands.
            let thanks = self
                .thanked(span)
                .or_else(|| self.called_to_their_face(span));
            if thanks.is_none() && self.is_word_use(span, frequency) {
                continue;
            }
            if self.refuses_to_discuss(span) {
                // "We never confirm who we treat, so I can't help with Euan's shoulder."
                continue;
            }
            let mut near = self.context_near(span);
            if clients
                .iter()
                .all(|&(c, _)| self.input.roster.clients[c as usize].public_figure)
            {
                // "GO LISE!!! ... Deb brought cider donuts, Rosie is yelling at the TV": the
                // staff cheering a famous name on is no sign that she is a client.
                near.retain(|c| self.staff.binary_search(&c.span).is_err());
            }
            let original = crate::normalize::normalize(&self.text[span.range()]);
            let word = self.input.lexicons.is_common_word(&original, 40_000);
            let capitalised = self.text[span.range()]
                .chars()
                .next()
                .is_some_and(char::is_uppercase);
            if word && !self.cased && !capitalised && !self.verb_follows(span) {
                // In an all-lowercase post, case says nothing: "at the 60 mark" is a word unless
                // a strong sign says otherwise. (One capitalised there, "welcome to the fam
                // Hunter!!", was capitalised on purpose.)
                let s = self.layout.sentence(span.start);
                near.retain(|c| {
                    c.kind == CueKind::Context(Strength::Strong)
                        && self.layout.sentence(c.span.start) == s
                });
            }
            if word
                && self.layout.is_sentence_start(self.text, span.start)
                && !self.verb_follows(span)
            {
                // "Grant funding covers...": a word that starts a sentence is a name only
                // with a strong sign nearby that it is a client.
                let s = self.layout.sentence(span.start);
                near.retain(|c| {
                    c.kind == CueKind::Context(Strength::Strong)
                        && self.layout.sentence(c.span.start).abs_diff(s) <= 1
                });
            }
            let mut thanked = false;
            if near.is_empty() && self.input.doc.channel == Channel::Raffle {
                // "The winning ticket belongs to... Kelsey!": a first name announced as the
                // winner (not the staff member who drew it, or the donor thanked).
                near.extend(self.announced_winner(span));
            }
            if near.is_empty() {
                // "to support Heulwen's home birth", "Dot's new hip": a named person's health in
                // a practice's post is a client's.
                near.extend(self.health_of(span, &name_starts));
            }
            if near.is_empty() {
                // "Cheers Bob for the tin of sweets", "Crystal, thank you for the mince pies":
                // thanking someone by first name in a practice's post is thanking a client;
                // so is speaking to them ("jenny u were a ROCKSTAR in tues power flow").
                let Some(thanks) = thanks.or_else(|| self.addressed(span)) else {
                    continue;
                };
                near.push(thanks);
                thanked = true;
            }
            let client = match clients.as_slice() {
                _ if again.is_some() => again,
                [(c, _)] => Some(*c),
                many => {
                    let ids: Vec<u32> = many.iter().map(|(c, _)| *c).collect();
                    *decided
                        .entry(ids)
                        .or_insert_with_key(|ids| self.disambiguate(ids.iter().copied()))
                }
            };
            // Spoken to or thanked, a name alone says only that someone was here; with the
            // client's own job or role around it, it says who.
            // A rare name that several clients answer to, with nothing to tell them apart
            // ("siggi fell asleep in his session", three Siggis on the books), points at
            // no one in particular: someone should look, but it does not say who.
            let shared = clients.len() > 1 && client.is_none();
            let severity = if frequency < rare_below && !thanked && !shared
                || client.is_some_and(|c| self.described(c, span))
            {
                rule.severity
            } else {
                rule.severity.min(Severity::Warn)
            };
            if again.is_some() && severity < rule.severity {
                continue;
            }
            let notes: Vec<_> = near.iter().map(|c| note(*c)).collect();
            if shared && named_at.is_empty() {
                // "Sue on my table this morning", two Sues on the books: either may be the one,
                // and the reviewer is shown both (unless the draft names someone else: then
                // it is about her).
                for &(c, _) in &clients {
                    findings.push(self.finding(rule, severity, span, Some(c), notes.clone(), None));
                }
                continue;
            }
            findings.push(self.finding(rule, severity, span, client, notes, None));
        }
    }

    /// Whether a reply says it keeps everyone's care private ("we never discuss anyone's care
    /// online, not even to confirm whether someone has visited us"): its "your visit" is the
    /// reviewer's own word, told nothing back.
    fn keeps_care_private(&self) -> bool {
        self.cues.iter().any(|c| c.kind == CueKind::KeepsPrivate)
    }

    /// Whether the sentence of `span` says the practice keeps care private ("we never confirm
    /// or discuss who we treat, so I can't help with the questions about Euan's shoulder").
    fn refuses_to_discuss(&self, span: Span) -> bool {
        self.refusing
            .binary_search(&self.layout.sentence(span.start))
            .is_ok()
    }

    /// The names that are animals' in this draft, lowercased: somewhere each comes just after
    /// a word for an animal ("her mare **Dolly**", "our clinic dog Buck", "a bull named Dirty
    /// Harry"), so "Dolly did all the work" is the mare too.
    fn animal_names(&self) -> HashSet<String> {
        let animals = &self.input.lexicons.animals;
        self.input
            .names
            .iter()
            .filter(|n| {
                let before = tail(self.text, n.span.start, 40);
                let previous = before
                    .trim_end_matches(|c: char| !c.is_alphanumeric())
                    .rsplit(|c: char| !c.is_alphanumeric())
                    .next()
                    .unwrap_or("");
                animals.contains(&previous.to_lowercase())
            })
            .map(|n| self.text[n.span.range()].to_lowercase())
            .collect()
    }

    /// The names the writer gives their own family ("my daughter Lola", "mi marido Rodrigo",
    /// "our son, Jake"): whoever else in the roster shares the name, these are the writer's
    /// people, wherever in the draft the name comes back.
    fn family_names(&self) -> HashSet<String> {
        let kin = &self.input.lexicons.kin;
        self.input
            .names
            .iter()
            .filter(|n| {
                let words: Vec<String> = tail(self.text, n.span.start, 40)
                    .split(|c: char| !c.is_alphanumeric() && c != '-')
                    .filter(|w| !w.is_empty())
                    .map(str::to_lowercase)
                    .collect();
                (1..=2).any(|k| {
                    let Some(relative) = words.len().checked_sub(k).map(|i| words[i..].join(" "))
                    else {
                        return false;
                    };
                    words.len() > k
                        && kin.relatives.contains(&relative)
                        && !kin.fond_words.contains(&relative)
                        && kin.own_words.contains(&words[words.len() - k - 1])
                })
            })
            .map(|n| self.text[n.span.range()].to_lowercase())
            .collect()
    }

    /// The winner word ("winner", "belongs to", "congratulations") in the sentence of `span` or
    /// the one before, as a client sign.
    fn announced_winner(&self, span: Span) -> Option<Cue> {
        let s = self.layout.sentence(span.start);
        let start = self.layout.sentences[s.saturating_sub(1)];
        let end = self
            .layout
            .sentences
            .get(s + 1)
            .copied()
            .unwrap_or(self.text.len());
        // ASCII lowercasing keeps every byte offset.
        let lower = self.text[start..end].to_ascii_lowercase();
        self.input.lexicons.winners.iter().find_map(|w| {
            let at = lower.match_indices(w).find(|(i, _)| {
                let before = lower[..*i].chars().next_back();
                let after = lower[i + w.len()..].chars().next();
                before.is_none_or(|c| !c.is_alphanumeric())
                    && after.is_none_or(|c| !c.is_alphanumeric())
            })?;
            Some(Cue {
                span: Span::new(start + at.0, start + at.0 + w.len()),
                kind: CueKind::Context(Strength::Weak),
            })
        })
    }

    /// Whether a one-word hit is only ever a client's capitalised initials ("KA", "DJ") and the
    /// draft does not write it in capitals: "ka rawe!" is te reo, not Kelly-Ann.
    fn initialism_in_lowercase(&self, span: Span, clients: &[(u32, f32)]) -> bool {
        let original = &self.text[span.range()];
        if !original.chars().any(char::is_lowercase) {
            return false;
        }
        let word = crate::normalize::normalize(original);
        clients.iter().all(|&(c, _)| {
            let client = &self.input.roster.clients[c as usize];
            let first = client.name.split_whitespace().next().unwrap_or("");
            crate::normalize::normalize(first) != word
                && client.aliases.iter().any(|a| {
                    crate::normalize::normalize(a) == word
                        && a.chars().count() <= 4
                        && !a.chars().any(char::is_lowercase)
                })
        })
    }

    /// The client whose roster entry names `client` as their relative ("wife of Sgt. Maurice
    /// Kelleher"), or whom `client`'s entry names so ("husband of Noreen Kelleher").
    fn relative_of(&self, client: u32) -> Option<u32> {
        self.input
            .relatives
            .get_or_init(|| Relatives::new(self.input.roster, &self.input.lexicons.kin))
            .of(client)
    }

    /// A health detail owned by the name at `span`: "Heulwen's home birth", "Dot's new hip"
    /// (a possessive, then the health words within two words).
    fn health_of(&self, span: Span, name_starts: &[usize]) -> Option<Cue> {
        let after = &self.text[span.end..];
        let rest = match after
            .strip_prefix("'s ")
            .or_else(|| after.strip_prefix("’s "))
        {
            Some(rest) => rest,
            None => self.pronoun_later(span, name_starts)?,
        };
        let from = self.text.len() - rest.len();
        // Up to two words ("new", "wee") before the health words.
        let reach = rest
            .split(' ')
            .take(2)
            .map(|w| w.len() + 1)
            .sum::<usize>()
            .min(rest.len());
        if rest[..reach]
            .trim_end()
            .contains(['.', '!', '?', '\n', ','])
        {
            return None;
        }
        let at = self.cues.partition_point(|c| c.span.start < from);
        self.cues[at..]
            .iter()
            .take_while(|c| c.span.start < from + reach)
            .find(|c| c.kind == CueKind::Health)
            .map(|c| Cue {
                span: c.span,
                kind: CueKind::Context(Strength::Weak),
            })
    }

    /// What follows the first "his" or "her" after the name at `span` in its clause, when
    /// the name starts its sentence and no other name comes between: "thad says the band is
    /// ready and so is his rotator cuff" (then [`health_of`] reads it as "Thad's").
    fn pronoun_later(&self, span: Span, name_starts: &[usize]) -> Option<&str> {
        if !self.layout.is_sentence_start(self.text, span.start) {
            return None;
        }
        let sentence = self.layout.sentence_bytes(span.start, self.text.len());
        let end = sentence.end.clamp(span.end, span.end + 120);
        let clause = Span::new(span.end, end).snap(self.text);
        let text = &self.text[clause.range()];
        let mut at = 0;
        for word in text.split(' ') {
            if word.contains([',', ';', ':', '(']) {
                return None;
            }
            if matches!(word.to_lowercase().as_str(), "his" | "her") {
                let from = clause.start + at + word.len() + 1;
                // (`name_starts` is sorted: one binary search, not a walk of every name.)
                let next = name_starts.partition_point(|&s| s <= span.end);
                let named_between = name_starts.get(next).is_some_and(|&s| s < from);
                return (!named_between && from < self.text.len()).then(|| &self.text[from..]);
            }
            at += word.len() + 1;
        }
        None
    }

    /// The words thanking the person named at `span` to their face ("Cheers Bob", "Thanks,
    /// Sean", "Crystal, thank you"), as a weak client sign; not "thanks to Paddy and the
    /// committee", which credits a helper.
    fn thanked(&self, span: Span) -> Option<Cue> {
        let thanks = &self.input.lexicons.thanks;
        let before = self.text[..span.start].trim_end_matches([' ', ',', '\u{a0}']);
        // "happy birthday to our Kemi", "thanks my Bev": a fond "our" or "my" before the name.
        let before = ["our", "my"]
            .iter()
            .find_map(|w| {
                let (head, tail) = before.split_at_checked(before.len().checked_sub(w.len())?)?;
                (tail.eq_ignore_ascii_case(w) && head.ends_with(' '))
                    .then(|| head.trim_end_matches([' ', ',', '\u{a0}']))
            })
            .unwrap_or(before);
        let longest = thanks.before.iter().map(String::len).max().unwrap_or(0);
        let lower_tail = tail(before, before.len(), longest + 4).to_lowercase();
        if let Some(word) = thanks.before.iter().find(|w| {
            lower_tail
                .strip_suffix(w.as_str())
                .is_some_and(|r| r.chars().next_back().is_none_or(|c| !c.is_alphanumeric()))
        }) {
            let start = before.len() - word.len();
            return Some(Cue {
                span: Span::new(start, before.len()),
                kind: CueKind::Context(Strength::Weak),
            });
        }
        self.words_to(span)
            .and_then(|(at, rest)| {
                let longest = thanks.after.iter().map(|w| w.chars().count()).max();
                let head = rest
                    .char_indices()
                    .nth(longest.unwrap_or(0) + 1)
                    .map_or(rest, |(i, _)| &rest[..i])
                    .to_lowercase();
                thanks
                    .after
                    .iter()
                    .find(|w| {
                        head.strip_prefix(w.as_str())
                            .is_some_and(|r| r.chars().next().is_none_or(|c| !c.is_alphanumeric()))
                    })
                    .map(|w| Cue {
                        span: Span::new(at, at + w.len()),
                        kind: CueKind::Context(Strength::Weak),
                    })
            })
            .or_else(|| self.thanked_later(span))
    }

    /// What follows a name at `span` that starts its sentence and is set off by a comma or a
    /// space ("Crystal, thank you", "jenny u were"): the offset of the next word and the text
    /// from there. The words spoken to someone named are read here.
    fn words_to(&self, span: Span) -> Option<(usize, &str)> {
        let after = &self.text[span.end..];
        let rest = after.trim_start_matches([',', ' ', '\u{a0}']);
        let skipped = after.len() - rest.len();
        (skipped > 0 && self.layout.is_sentence_start(self.text, span.start))
            .then_some((span.end + skipped, rest))
    }

    /// The word with which a practice's post speaks to the person named at `span`, who starts
    /// its sentence ("jenny u were a ROCKSTAR", "Paddy, you're one tough guy"), as a weak
    /// client sign.
    fn addressed(&self, span: Span) -> Option<Cue> {
        let (at, rest) = self.words_to(span)?;
        let word = first_words(rest, 1, 12);
        YOU.iter()
            .any(|y| word.eq_ignore_ascii_case(y))
            .then(|| Cue {
                span: Span::new(at, at + word.len()),
                kind: CueKind::Context(Strength::Weak),
            })
    }

    /// "Dawn, if you're reading this my lover, you left your brolly here": a name set off by a
    /// comma at the start of its sentence, spoken to ("you" within the next six words), is a
    /// name, even one that is also a word.
    ///
    /// So is a name cried out at a sentence's start, or set off by a dash, and then
    /// spoken to ("katie!! 🙌 saw you and that little nugget", "beto!!! if you're reading
    /// this", "Summer — your gift card is at the front desk", "mike. i said STRETCH after ur
    /// session"), and one followed by "if you're reading this" ("josh if ur reading this").
    fn called_to_their_face(&self, span: Span) -> Option<Cue> {
        let after = self.slot_after(span);
        let after = &self.text[after..];
        let (mut at, rest) = if after.starts_with(['!', '.', '—', '–'])
            || after.starts_with(" — ")
            || after.starts_with(" – ")
            || after.starts_with(" - ")
        {
            if !self.layout.is_sentence_start(self.text, span.start) {
                return None;
            }
            // The cry and what follows it on its line ("!! 🙌").
            let rest = after.trim_start_matches(|c: char| c != '\n' && !c.is_alphanumeric());
            let skipped = after.len() - rest.len();
            // A name cried out alone on its line speaks to the paragraph after it ("MARIA!!!
            // 🧣" and then "Your blue scarf is still here"), at most one blank line on.
            // (Only the blanks before it are read: a long one-line draft stays linear.)
            let before = self.text[..span.start].trim_end_matches([' ', '\t', '\r']);
            let alone = before.is_empty() || before.ends_with('\n');
            let rest = match rest.strip_prefix('\n') {
                Some(next) if alone => {
                    let next = next.trim_start_matches(['\r', ' ']);
                    next.strip_prefix('\n')
                        .or(next.strip_prefix("\r\n"))
                        .unwrap_or(next)
                }
                Some(_) => return None,
                None => rest,
            };
            if skipped > 16 || rest.starts_with(['\n', '\r']) {
                return None;
            }
            (self.text.len() - rest.len(), rest)
        } else if after.starts_with(',') {
            self.words_to(span)?
        } else {
            let (at, rest) = self.words_to(span)?;
            let mut words = rest.split(' ').map(|w| w.to_lowercase());
            let reading = words.next().as_deref() == Some("if")
                && words.next().is_some_and(|w| YOU.contains(&w.as_str()))
                && words
                    .take(2)
                    .any(|w| matches!(w.as_str(), "reading" | "see" | "seeing"));
            if !reading {
                return None;
            }
            (at, rest)
        };
        for w in first_words(rest, 6, 48).split(' ') {
            let bare = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’');
            if YOU.iter().any(|y| bare.eq_ignore_ascii_case(y)) {
                return Some(Cue {
                    span: Span::new(at, at + w.len()),
                    kind: CueKind::Context(Strength::Weak),
                });
            }
            at += w.len() + 1;
        }
        None
    }

    /// Where the words after a name end when they only say which visit it was: "MIKE from
    /// Thursday afternoon!! You left your truck keys" ("from" and a day or "this", "last",
    /// "yesterday", at most three words). Else the name's end.
    fn slot_after(&self, span: Span) -> usize {
        let after = &self.text[span.end..];
        let Some(rest) = after.strip_prefix(" from ") else {
            return span.end;
        };
        let words: Vec<&str> = rest.split(' ').take(3).collect();
        let day = words.first().is_some_and(|w| {
            let w = crate::normalize::normalize(w.trim_end_matches(|c: char| !c.is_alphanumeric()));
            let w = w.trim_end_matches("'s");
            self.input.lexicons.is_calendar_word(w)
                || matches!(w, "this" | "last" | "yesterday" | "today" | "tonight")
        });
        if !day {
            return span.end;
        }
        // The end of the words before the cry ("Thursday afternoon" of "Thursday afternoon!!").
        let reach = " from ".len() + words.iter().map(|w| w.len() + 1).sum::<usize>();
        after[..reach.min(after.len())]
            .find(['!', '.'])
            .map_or(span.end, |i| span.end + i)
    }

    /// "Mary, you're an absolute dote 💐 Thanks a million for the flowers": a name called out
    /// at the start of a sentence ("Mary,") and thanked further on in it (within 120 bytes).
    fn thanked_later(&self, span: Span) -> Option<Cue> {
        // "Mary," or "Jim — you know who you are — THANK YOU".
        let called = [",", " —", " –", " -"]
            .iter()
            .any(|m| self.text[span.end..].starts_with(m));
        if !called || !self.layout.is_sentence_start(self.text, span.start) {
            return None;
        }
        let sentence = self.layout.sentence_bytes(span.start, self.text.len());
        // (A sentence can end inside a name that runs over a line into a list item.)
        let mut end = sentence.end.min(span.end + 120).max(span.end);
        while !self.text.is_char_boundary(end) {
            end -= 1;
        }
        // ASCII case only, so that offsets in `rest` are offsets in the text.
        let rest = self.text[span.end..end].to_ascii_lowercase();
        self.input
            .lexicons
            .thanks
            .later
            .iter()
            .filter_map(|w| rest.find(w).map(|i| (i, w.len())))
            .min()
            .map(|(i, len)| Cue {
                span: Span::new(span.end + i, span.end + i + len),
                kind: CueKind::Context(Strength::Weak),
            })
    }

    /// Whether the paragraph of a first name also tells something the roster knows of that
    /// client ("Imran's usual skin fade ... best postie in Hollinthwaite", "tomás from behind
    /// the bar"): a first name and the client's own job, role, workplace or street are one
    /// person, however common the name. So does the paragraph before it, where a description
    /// introduces whom the name then speaks to ("THANK YOU to the fire chief. ... Chief, you
    /// hold this town together").
    fn described(&self, client: u32, span: Span) -> bool {
        let p = self.layout.paragraph(span.start);
        let first = p.saturating_sub(1);
        let cues: Vec<Cue> = self
            .cues
            .iter()
            // A look, a life event, a word of a trait or an age ("a beard", "retired",
            // "Movember", "Bill, 58") fits too many people to tell one Matt from another.
            .filter(|c| {
                is_quasi(c.kind)
                    && !matches!(
                        c.kind,
                        CueKind::Trait(..) | CueKind::RosterTrait(_) | CueKind::Age { .. }
                    )
                    && (first..=p).contains(&self.layout.paragraph(c.span.start))
            })
            .copied()
            .collect();
        self.matches(client, &cues) > 0
    }

    /// The one client among `candidates` whose attributes the draft's cues match best.
    fn disambiguate(&self, candidates: impl Iterator<Item = u32>) -> Option<u32> {
        let cues: Vec<Cue> = self
            .cues
            .iter()
            .filter(|c| is_quasi(c.kind))
            .copied()
            .collect();
        let scored: Vec<(u32, usize)> = candidates.map(|c| (c, self.matches(c, &cues))).collect();
        let best = scored.iter().map(|(_, s)| *s).max()?;
        let mut top = scored.iter().filter(|(_, s)| *s == best);
        match (top.next(), top.next()) {
            (Some((c, s)), None) if *s > 0 => Some(*c),
            _ => None,
        }
    }

    /// How many of `cues` fit client `c`'s roster attributes.
    ///
    /// A phrase from the client's own roster entry ("Estrella", "Millwheel Hardware") counts
    /// twice a generic match (any captain, any nurse).
    fn matches(&self, c: u32, cues: &[Cue]) -> usize {
        let profile = &self.input.profiles[c as usize];
        let kin_told = cues.iter().any(|q| self.is_kin(q.span));
        // "the captain" and "captain" are one match: of overlapping cues, the best for this
        // client counts (a phrase on two clients' entries is two cues on one span). The cues
        // are in span order, so a cue overlaps an earlier one exactly when it starts before
        // the furthest end so far.
        let score = |cue: &Cue| match cue.kind {
            // "the mayor's boy" fits the mayor's son, not the mayor.
            CueKind::Occupation(_) | CueKind::Role(_) | CueKind::PublicRole(_)
                if self.is_kin(cue.span) =>
            {
                let kin = Key::of(cue.kind).and_then(Key::kin);
                3 * usize::from(kin.is_some_and(|k| profile.keys.contains(&k)))
            }
            // "the mother of our Ward 1 councillor": beside a relative word, the councillor's
            // own phrases point at the relative their entry is tied to.
            CueKind::RosterAttribute(owner)
            | CueKind::RosterWorkplace(owner)
            | CueKind::RosterPlace(owner)
            | CueKind::RosterTrait(owner) => {
                // (The roster's relatives are read only when a relative word asks.)
                match kin_told.then(|| self.relative_of(owner)).flatten() {
                    Some(relative) => 2 * usize::from(relative == c),
                    None => 2 * usize::from(owner == c),
                }
            }
            // "turns ninety-nine this month" fits the 98-year-old on file; "our 94 y/o client"
            // fits only a 94-year-old.
            CueKind::Age { years, decade } => usize::from(profile.age.is_some_and(|a| {
                if decade {
                    a / 10 * 10 == years
                } else {
                    a == years || a.abs_diff(years) <= 1 && self.a_birthday(cue.span)
                }
            })),
            // "the captain who ran the Kekaulike brush fire" is not the client who "runs the
            // Hongwanji bazaar booth": a role said with a verb fits only when the client's
            // entry names what follows it.
            CueKind::Role(i)
                if profile.keys.contains(&Key::Role(i))
                    && self.input.lexicons.roles[i as usize].term.ends_with(" the")
                    && !self.entry_names_what_follows(c, cue.span) =>
            {
                0
            }
            CueKind::Role(i) if profile.keys.contains(&Key::Role(i)) => {
                // A role one person holds ("the chief of police", "the principal of
                // Scoil Bhríde") outweighs any number of common cues.
                if self.input.lexicons.roles[i as usize].k <= 1.0
                    || self.is_definite_role(cue.span, cue.kind)
                {
                    3
                } else {
                    1
                }
            }
            kind => usize::from(Key::of(kind).is_some_and(|k| profile.keys.contains(&k))),
        };
        let (mut total, mut group_best, mut reach) = (0, 0, 0);
        for cue in cues {
            let points = score(cue);
            if cue.span.start >= reach || cue.span.is_empty() {
                total += group_best;
                group_best = points;
            } else {
                group_best = group_best.max(points);
            }
            reach = reach.max(cue.span.end);
        }
        total + group_best
    }

    /// Whether the age at `span` is told as a birthday ("turns ninety-nine", "90th birthday"),
    /// which the age on file may be a year behind.
    fn a_birthday(&self, span: Span) -> bool {
        let said = self.text[span.range()].to_lowercase();
        ["turn", "birthday", "bday", "b-day"]
            .iter()
            .any(|w| said.contains(w))
    }

    /// Whether the job or role at `span` names a relative (see [`is_kin`]).
    fn is_kin(&self, span: Span) -> bool {
        self.kin.binary_search(&span).is_ok()
    }

    /// The clients' description words, built the first time a description needs them.
    fn descriptors(&self) -> &Descriptors {
        self.input
            .descriptors
            .get_or_init(|| Descriptors::new(self.input.roster, self.input.lexicons))
    }

    /// The text from `reach` bytes before the first of `cues` to `reach` after the last.
    fn around(&self, cues: &[Cue], reach: usize) -> &str {
        let (Some(first), Some(last)) = (
            cues.iter().map(|c| c.span.start).min(),
            cues.iter().map(|c| c.span.end).max(),
        ) else {
            return "";
        };
        let window = Span::new(first.saturating_sub(reach), last + reach).snap(self.text);
        &self.text[window.range()]
    }

    /// The text of paragraphs `range`.
    fn paragraph_text(&self, range: Range<usize>) -> &str {
        let text = self.input.doc.text;
        let at = |p: usize| {
            self.layout
                .paragraphs
                .get(p)
                .copied()
                .unwrap_or(text.len())
                .min(text.len())
        };
        text.get(at(range.start)..at(range.end)).unwrap_or("")
    }

    /// The descriptions of the draft: for each paragraph with quasi-identifier cues (and the
    /// one before it), those cues and the client signs in reach of them. A window whose only
    /// signs are weak phrases further away in the paragraphs around it is kept too, marked
    /// `far`: it counts only when the description narrows to about one person (see
    /// [`Self::quasi_identifiers`]).
    fn windows(&self) -> Vec<Window> {
        let n = self.layout.paragraphs.len();
        let para_start = |p: usize| self.layout.paragraphs.get(p).copied().unwrap_or(usize::MAX);
        // The cues that start in paragraphs `first..after`.
        let in_paragraphs = |first: usize, after: usize| {
            let a = self
                .cues
                .partition_point(|c| c.span.start < para_start(first));
            let b = self
                .cues
                .partition_point(|c| c.span.start < para_start(after));
            &self.cues[a..b]
        };
        let mut out = Vec::new();
        for p in 0..n {
            // A heading travels with its paragraph, and so does the paragraph before: a short
            // post splits one description over two ("Happy 85th birthday!" / "the red
            // Mustang").
            // A newsletter item is its own story: the item before it is not this description.
            let opens = |p: usize| self.layout.opens_section(p);
            let mut lo = if opens(p) { p } else { p.saturating_sub(1) };
            let mut quasi: Vec<Cue> = in_paragraphs(lo, p + 1)
                .iter()
                .filter(|c| is_quasi(c.kind) || is_public(c.kind))
                // "the match after Saturday class": an event is a date, not a description,
                // unless someone is in it.
                .filter(|c| {
                    !matches!(c.kind, CueKind::Event(_)) || event_names_person(self.text, c.span)
                })
                .filter(|c| !self.about_staff(c.span))
                // "About a third of our studio clients were winter visitors from Minnesota":
                // a share of the clientele is a group.
                .filter(|c| !self.told_as_a_share(c.span))
                // "New service: Gel-X", "Knotless braids with beads": a roster trait that is
                // something the practice offers describes someone only in a sentence with a
                // person or a client sign in it.
                // So is a look ("$10 off any tattoo over $100"): the service, not a person,
                // unless a job is in its sentence ("the barista with the pink buzz cut").
                .filter(|c| match c.kind {
                    CueKind::RosterTrait(_) => self.someone_in_or_after(c.span),
                    CueKind::Trait(TraitKind::Appearance, _) => {
                        self.someone_in_sentence(c.span) || self.job_in_sentence(c.span)
                    }
                    _ => true,
                })
                .copied()
                .collect();
            if quasi.is_empty() {
                continue;
            }
            if lo < p {
                // "our favourite 78 year old on her red scooter" / "the shire president's young
                // fella ... broken collarbone": two paragraphs that each fit a different client
                // are two descriptions.
                let own = quasi.partition_point(|c| c.span.start < para_start(p));
                // ("Born in '27, still drives her own golf cart" goes on about the same person.)
                let goes_on = || {
                    let from = para_start(p).min(quasi[own].span.start);
                    words_of(&self.text[from..quasi[own].span.start]).any(|w| {
                        HE_OR_SHE
                            .iter()
                            .chain(HIM_OR_HER)
                            .any(|p| w.eq_ignore_ascii_case(p))
                    })
                };
                if own > 0 && own < quasi.len() && !goes_on() {
                    let before = self.attribute(&quasi[..own], self.paragraph_text(lo..p));
                    let here = self.attribute(&quasi[own..], self.paragraph_text(p..p + 1));
                    if before.is_some() && here.is_some() && before != here {
                        quasi.drain(..own);
                        lo = p;
                    }
                }
            }
            quasi.truncate(MAX_WINDOW_CUES);
            let mut quasi_sentences: Vec<usize> = quasi
                .iter()
                .map(|q| self.layout.sentence(q.span.start))
                .collect();
            quasi_sentences.dedup();
            // "the shire president's young fella ... broken collarbone": someone known through
            // a famous person, with a health detail, is a private person's treatment, its signs
            // read like any other description's ("Congrats to the mayor's daughter on her
            // graduation" stays news).
            // A staff member at work on them ("Dr. C had to remind him ... his elbow") is a sign
            // for any description but a famous person's.
            let famous_window = quasi
                .iter()
                .any(|q| is_public(q.kind) && !self.through_famous(q, &quasi));
            let hurt = || {
                in_paragraphs(lo, p + 1)
                    .iter()
                    .any(|c| c.kind == CueKind::Health)
            };
            let public_window = famous_window || quasi.iter().any(|q| is_public(q.kind)) && !hurt();
            let around = in_paragraphs(
                if opens(lo) { lo } else { lo.saturating_sub(1) },
                if opens(p + 1) { p + 1 } else { p + 2 },
            );
            let context: Vec<Cue> = around
                .iter()
                // "The surgeon's team gave her a plan", "her GP referred her to us": the job
                // is who did it to the client, not the client.
                .filter(|c| !quasi.iter().any(|q| self.does_it_to_someone(q, c)))
                .filter(|c| match c.kind {
                    CueKind::Context(Strength::Strong) => {
                        !quasi.iter().any(|q| q.span.overlaps(c.span))
                    }
                    // "To the lady with the lime green Bronco who parks across our fire lane":
                    // a call-out to one person's face (not any complaint word) is to a client.
                    CueKind::CallOut => {
                        let cs = self.layout.sentence(c.span.start);
                        quasi_sentences.binary_search(&cs).is_ok()
                            && !quasi.iter().any(|q| q.span.overlaps(c.span))
                    }
                    CueKind::Context(Strength::Weak) => {
                        // "cover your Meyer lemons and your knees": the reader's body, advice.
                        if self.readers_body_part(c.span) {
                            return false;
                        }
                        // A weak sign counts in the sentence of a cue; a phrase ("the winner
                        // of our raffle is… one of our local realtors!") also in the sentence
                        // next to it, but not a bare noun of a promotion ("10% off a session")
                        // and never for a team or a celebrity. A staff member's name counts
                        // in the sentence ("the landlord of the Red Lion finally let Dean
                        // near that beard"), never for a public figure unless at work on
                        // someone known through one.
                        let staff = self.staff.binary_search(&c.span).is_ok();
                        let at_work = staff && !famous_window && self.staff_at_work(c.span);
                        if staff && public_window && !at_work {
                            return false;
                        }
                        // "Congratulations to the Local Government Chairman on commissioning
                        // the new drainage": outside a raffle, a role congratulated is news.
                        if self.input.doc.channel != Channel::Raffle && self.congratulates(c.span) {
                            return false;
                        }
                        // "Knotless braids with beads: Tia's book was full": a look beside a
                        // staff name is the staff member's work unless a person is in the
                        // sentence.
                        if staff && !self.person_in_sentence(c.span) {
                            let cs = self.layout.sentence(c.span.start);
                            let only_looks = quasi
                                .iter()
                                .filter(|q| self.layout.sentence(q.span.start) == cs)
                                .all(|q| {
                                    matches!(q.kind, CueKind::Trait(..) | CueKind::RosterTrait(_))
                                });
                            if only_looks {
                                return false;
                            }
                        }
                        let cs = self.layout.sentence(c.span.start);
                        // "A very special visitor in the chair. A certain Clare netminder...":
                        // with a wink at the reader, the sign before it counts for fame too.
                        let hinted = quasi.iter().any(|q| q.kind == CueKind::Hint);
                        // "Dr. C had to remind him that ice is free and his elbow is not": a
                        // staff member at work on someone reaches like a phrase.
                        let phrase = self.text[c.span.range()].contains(' ')
                            && !staff
                            && (!public_window || hinted)
                            || at_work;
                        let near = |s: usize| quasi_sentences.binary_search(&s).is_ok();
                        let in_reach = near(cs)
                            || (phrase && (near(cs + 1) || cs.checked_sub(1).is_some_and(near)));
                        // "the poor man's lower back was like a slab of concrete": a body part
                        // that is also on a client's entry is still a sign of a treatment (a
                        // service on it, "lash extensions", is not).
                        let body_part = || {
                            let word = self.text[c.span.range()].to_lowercase();
                            self.input.lexicons.injuries.parts.contains(&word)
                        };
                        // "our oldest client": a description that says "client" is a sign.
                        let says_client = |q: &Cue| {
                            q.span != c.span
                                && q.span.start <= c.span.start
                                && c.span.end <= q.span.end
                        };
                        in_reach
                            && !quasi.iter().any(|q| {
                                q.span.overlaps(c.span)
                                    && !(matches!(q.kind, CueKind::RosterTrait(_)) && body_part())
                                    && !says_client(q)
                            })
                    }
                    _ => false,
                })
                .take(MAX_WINDOW_CUES)
                .copied()
                .collect();
            // "She's 79, rides a purple trike, keeps alpacas ... This fall she joined our grief
            // group": the sign is sentences away from the description, but still about her.
            // With a health detail in the description's paragraphs ("the lady who runs the
            // Sip-N-Go ... her husband's heart attack ... her shoulders"), a bare sign word
            // there counts too.
            let own = in_paragraphs(lo, p + 1);
            let far = context.is_empty();
            let health = far && own.iter().any(|c| c.kind == CueKind::Health);
            let context: Vec<Cue> = if far {
                around
                    .iter()
                    .filter(|c| {
                        c.kind == CueKind::Context(Strength::Weak)
                            && !public_window
                            && (self.text[c.span.range()].contains(' ')
                                || (health && own.iter().any(|o| o.span == c.span)))
                            && self.staff.binary_search(&c.span).is_err()
                            && !quasi.iter().any(|q| q.span.overlaps(c.span))
                    })
                    .take(1)
                    .copied()
                    .collect()
            } else {
                context
            };
            // "Not saying who 🤐 but a certain former Maroons flyer tells you your hands are
            // better than...": a practice winking at a team or a famous role is bragging of a
            // client, whatever the words around it.
            let context = if context.is_empty() && public_window {
                quasi
                    .iter()
                    .filter(|q| q.kind == CueKind::Hint)
                    .take(1)
                    .copied()
                    .collect()
            } else {
                context
            };
            if !context.is_empty() {
                out.push(Window {
                    paragraphs: lo..p + 1,
                    quasi,
                    context,
                    far,
                    health,
                });
            }
        }
        out
    }

    /// Whether the sign at `span` is a body part of the reader's ("your knees", "ur lower
    /// back"): advice to whoever reads, not a client's treatment.
    fn readers_body_part(&self, span: Span) -> bool {
        let word = self.text[span.range()].to_lowercase();
        let parts = &self.input.lexicons.injuries.parts;
        let part = |w: &str| parts.iter().any(|p| p == w);
        if !part(&word) && !word.strip_suffix('s').is_some_and(part) {
            return false;
        }
        your_before(self.text, span.start, 3)
    }

    /// Whether the sentence of the staff name at `span` has them at work on someone: a
    /// person in it ("him", "she") and a body part or a health detail.
    fn staff_at_work(&self, span: Span) -> bool {
        let Range { start, end } = self.layout.sentence_bytes(span.start, self.text.len());
        // (At most 300 bytes either side: a sentence can be a whole one-line draft.)
        let near = Span::new(
            start.max(span.start.saturating_sub(300)),
            end.min(span.end + 300),
        )
        .snap(self.text);
        let Span { start, end } = near;
        let (before, after) = (&self.text[start..span.start], &self.text[span.end..end]);
        let is = |w: &str, list: &[&str]| list.iter().any(|p| w.eq_ignore_ascii_case(p));
        // Someone else: the subject before the name ("He's in good hands with Megan") or
        // someone acted on after it ("remind him"); "Shanice has completed her certification
        // and Ryan ..." is Shanice's.
        let person = words_of(before).any(|w| is(w, HE_OR_SHE))
            || words_of(after).any(|w| is(w, &["him", "them"]));
        let parts = &self.input.lexicons.injuries.parts;
        let first = self.cues.partition_point(|c| c.span.start < start);
        person
            && (words_of(before)
                .chain(words_of(after))
                .any(|w| parts.iter().any(|p| w.eq_ignore_ascii_case(p)))
                || self.cues[first..]
                    .iter()
                    .take_while(|c| c.span.start < end)
                    .any(|c| c.kind == CueKind::Health))
    }

    /// Whether `cue` is of a person known through a famous one: their entourage word ("son",
    /// "manager") or the famous role or team whose possessive comes right before it ("the
    /// mayor's youngest").
    fn through_famous(&self, cue: &Cue, quasi: &[Cue]) -> bool {
        // "the mom of a certain Good Morning Vegas anchor": a hint or a famous role told of a
        // relative's workplace or role, two words before it at most.
        let of_a_relative = || {
            quasi.iter().any(|e| {
                e.span.start >= cue.span.end
                    && self.is_kin(e.span)
                    && self.text[cue.span.end..e.span.start]
                        .split_whitespace()
                        .count()
                        <= 2
                    && self.layout.sentence(e.span.start) == self.layout.sentence(cue.span.start)
            })
        };
        cue.kind == CueKind::Entourage
            || self.is_kin(cue.span)
            || of_a_relative()
            || quasi.iter().any(|e| {
                e.kind == CueKind::Entourage
                    && e.span.start > cue.span.end
                    && matches!(
                        self.text[cue.span.end..e.span.start].trim_end(),
                        "'s" | "’s" | "s'" | "s’"
                    )
            })
    }

    /// Whether a cue is in a sentence about a staff member ("Kofi is our licensed massage
    /// therapist"): a staff name before it in the same sentence, or right after it as their
    /// title ("drawn live by Coach Marcus").
    fn about_staff(&self, span: Span) -> bool {
        let next = self.staff.partition_point(|s| s.start < span.end);
        if self.staff.get(next).is_some_and(|s| {
            s.start - span.end <= 3 && self.text[span.end..s.start].trim().is_empty()
        }) {
            return true;
        }
        let s = self.layout.sentence(span.start);
        // Of the staff names that end before the cue, the one that starts last is in the
        // latest sentence.
        let before = self
            .staff_by_end
            .partition_point(|&(end, _)| end <= span.start);
        if before == 0 {
            return false;
        }
        // `end` is the last staff name's end before the cue (no start can pass it).
        let (end, start) = self.staff_by_end[before - 1];
        // In the same clause: "Matt's been flat out with the footy boys, Leah had three
        // farmers in, and we even had her worship in" tells of three people; "Ruth Ann would
        // skin me alive but I just gotta say how proud I am of the mayor's boy" of two.
        let between = &self.text[end..span.start];
        // "Marcus has been working with the mayor's mom": a client sign just before the cue
        // (three words at most, so only the last 80 bytes are read) makes it whoever the staff
        // member works on.
        let sign_just_before = || {
            let from = span.start.saturating_sub(80).max(end);
            let first = self.cues.partition_point(|c| c.span.start < from);
            self.cues[first..]
                .iter()
                .take_while(|c| c.span.start < span.start)
                .any(|c| {
                    matches!(c.kind, CueKind::Context(_))
                        && c.span.end <= span.start
                        && self.text.get(c.span.end..span.start).is_some_and(|gap| {
                            gap.split_whitespace().count() <= 3
                                && !gap.contains([',', '.', ';', ':', '!', '?', '\n'])
                        })
                })
        };
        self.layout.sentence(start) == s
            && !between.contains(", and ")
            && !between.contains(" but ")
            && !between.split_whitespace().any(|w| w == "I")
            && !sign_just_before()
    }

    fn quasi_identifiers(&self, mentioned: &BTreeSet<u32>, findings: &mut Vec<Finding>) {
        let qi_rule = self.input.rules.by_mechanism(Mechanism::QuasiIdentifier);
        let pf_rule = self.input.rules.by_mechanism(Mechanism::PublicFigure);
        let mention_paragraphs: BTreeSet<usize> = self
            .input
            .names
            .iter()
            .filter(|n| mentioned.contains(&n.client))
            .map(|n| self.layout.paragraph(n.span.start))
            .chain(
                findings
                    .iter()
                    .filter(|f| f.client.is_some())
                    .map(|f| self.layout.paragraph(f.span.start)),
            )
            .flat_map(|p| [p, p + 1])
            .collect();
        // Cues already reported in the previous window (a heading travels with the paragraph
        // after it, so a window can hold nothing new); older windows cannot overlap this one.
        let mut reported: Option<BTreeSet<Span>> = None;
        let teaser = self
            .cues
            .iter()
            .find(|c| c.kind == CueKind::Teaser)
            .copied();
        for Window {
            paragraphs,
            quasi: cues,
            context,
            far,
            health,
        } in self.windows()
        {
            // About a client already named: these cues are their story (see disclosures),
            // unless a sentence of theirs tells of someone's relative as a client ("Rev.
            // Mearns ... and a shoutout to the minister's other half, who's been in every
            // week"), who is someone else.
            let kin_served = || {
                cues.iter().filter(|c| self.is_kin(c.span)).any(|c| {
                    let s = self.layout.sentence(c.span.start);
                    context
                        .iter()
                        .any(|x| self.layout.sentence(x.span.start) == s)
                })
            };
            if paragraphs.clone().any(|p| mention_paragraphs.contains(&p)) && !kin_served() {
                continue;
            }
            let spans: BTreeSet<Span> = cues.iter().map(|c| c.span).collect();
            if reported.as_ref().is_some_and(|r| spans.is_subset(r)) {
                continue;
            }
            reported = Some(spans);
            let sign = context.first();
            let mut notes: Vec<CueNote> = sign.map(|c| note(*c)).into_iter().collect();
            // (A wink can be the sign and a cue: it is told once.)
            notes.extend(
                cues.iter()
                    .filter(|c| sign.is_none_or(|s| s.span != c.span || s.kind != c.kind))
                    .map(|c| note(*c)),
            );
            // "a tech CEO who flies himself in": a kind of person many share, not a public
            // figure, unless tied to one organisation.
            let lone = |c: &Cue| match c.kind {
                CueKind::PublicRole(i) => {
                    self.input.lexicons.public.roles[i as usize].common
                        && is_indefinite(self.text, c.span)
                }
                _ => false,
            };
            let quasi: Vec<Cue> = cues
                .iter()
                .filter(|c| is_quasi(c.kind) || lone(c))
                .copied()
                .collect();
            // `windows` kept only the events with someone in them ("a Super Bowl champion").
            // "the mayor's youngest" is not famous, but as one person as the mayor: told by a
            // description when there is one, at k 1.
            let famous_cue = cues.iter().any(|c| is_public(c.kind) && !lone(c));
            let public = cues
                .iter()
                .any(|c| is_public(c.kind) && !lone(c) && !self.through_famous(c, &cues))
                || quasi.is_empty() && famous_cue;
            let kin_of_famous = famous_cue && !public;
            let client = self.attribute(&cues, self.paragraph_text(paragraphs.clone()));
            // The cues describe a client already named: their story, not a second leak, unless
            // the description tells more than the name did ("Donnie" in a photo caption warns;
            // "our fire chief" in for his shoulder blocks).
            let named_at = client.filter(|c| mentioned.contains(c)).map(|c| {
                findings
                    .iter()
                    .filter(|f| f.client_index == Some(c))
                    .map(|f| f.severity)
                    .max()
                    .unwrap_or(Severity::Info)
            });
            // (A description tells more only above the name's severity; a name in a public
            // role, info, has its role words for its own, unless the description has a sign of
            // a visit the name was too far from: "[Photo: the Mayor on the treatment table]".)
            let rule_here = if public { pf_rule } else { qi_rule };
            if named_at.is_some_and(|s| {
                (s < Severity::Warn && sign.is_none()) || rule_here.is_none_or(|r| s >= r.severity)
            }) {
                continue;
            }
            let anchor = widest_first(&cues);
            if let (true, Some(rule)) = (public, pf_rule) {
                // A public figure is one person however common their cues: k is 1.
                let k = self.k(&quasi).min(1.0);
                let f = self.finding(rule, rule.severity, anchor, client, notes, Some(k));
                push_widest(findings, f);
                continue;
            }
            let Some(rule) = qi_rule else { continue };
            let Matcher::QuasiIdentifier { block_at_k } = rule.matcher else {
                continue;
            };
            if quasi.is_empty() {
                continue;
            }
            let places_only = quasi.iter().all(|c| is_roster_phrase(c.kind));
            if places_only
                && !quasi
                    .iter()
                    .any(|c| self.someone_in_sentence(c.span) || self.dared(c.span))
            {
                // "a basket from Sweet Larch Bakery": a business or a place, with nobody in
                // the sentence it could describe.
                continue;
            }
            let mut k = self.k(&quasi);
            if kin_of_famous {
                k = k.min(1.0);
            }
            // "that LIME GREEN Can-Am with the big Marshall flag" for "lime-green Can-Am with a
            // Marshall flag": a description that retells one client's traits in its own words
            // (three distinctive words, three more than anyone else's, within 300 bytes of its
            // cues) is that one person.
            if client.is_some()
                && self
                    .descriptors()
                    .best_traits(self.around(&cues, 300), 3, 3)
                    == client
            {
                k = k.min(1.0);
            }
            if quasi.iter().all(|c| several_of(self.text, c.span)) {
                // "Two of the U20s also came in with rolled ankles": a group, no one of them.
                continue;
            }
            if quasi.iter().all(|c| one_of_many(self.text, c.span)) {
                // The writer says there are several of them.
                k = k.max(2.0);
            } else if let Some(teaser) = teaser {
                // "guess who did her mani with me today?! the lebanese singer who closed the
                // gala": a description the reader is dared to place fits one person.
                k = k.min(1.0);
                notes.push(note(teaser));
            }
            if far && !(k <= block_at_k && (health || dimensions(&quasi) >= FAR_DIMENSIONS)) {
                // A weak sign sentences away counts only for a description that, by itself,
                // fits about one person (a one-person role with a health detail, or several
                // kinds of cue): one common cue (a job, an age) could be anyone's.
                continue;
            }
            let severity = if k <= block_at_k {
                rule.severity
            } else {
                rule.severity.min(Severity::Warn)
            };
            if named_at.is_some_and(|s| s >= severity) {
                continue;
            }
            // "Our fire chief ... And our one and only town vet ...": two one-person roles in
            // one description are two people.
            let others = self.other_role_holders(&quasi, client, paragraphs.clone());
            let f = self.finding(rule, severity, anchor, client, notes, Some(k));
            push_widest(findings, f);
            for (role, other) in others {
                let mut notes: Vec<CueNote> = context.iter().take(1).map(|c| note(*c)).collect();
                notes.push(note(role));
                findings.push(self.finding(
                    rule,
                    severity,
                    role.span,
                    Some(other),
                    notes,
                    Some(1.0),
                ));
            }
        }
    }

    /// The clients of a description's one-person roles other than `client`, each with the role
    /// that names them: a description holding two such roles is about two people.
    fn other_role_holders(
        &self,
        quasi: &[Cue],
        client: Option<u32>,
        paragraphs: Range<usize>,
    ) -> Vec<(Cue, u32)> {
        let one_person = |c: &Cue| match c.kind {
            CueKind::Role(i) => {
                self.input.lexicons.roles[i as usize].k <= 1.0
                    || self.is_definite_role(c.span, c.kind)
            }
            _ => false,
        };
        let roles: Vec<Cue> = quasi.iter().copied().filter(one_person).collect();
        if roles.len() < 2 {
            return Vec::new();
        }
        let text = self.paragraph_text(paragraphs);
        let mut out: Vec<(Cue, u32)> = Vec::new();
        for r in &roles {
            // A role no client's entry holds names no one on the roster: no guessing by words.
            if let Some(c) = self.tie_break(&self.best_fits(std::slice::from_ref(r)), text)
                && Some(c) != client
                && out.iter().all(|(_, o)| *o != c)
            {
                out.push((*r, c));
            }
        }
        out
    }

    /// Whether the sentence of `span` has a person in it: a word for one ("she", "lad") or a
    /// name.
    /// `named_at` holds each name's start and client, in order.
    fn anyone_in_sentence(&self, span: Span, named_at: &[(usize, u32)]) -> bool {
        let sentence = self.layout.sentence_bytes(span.start, self.text.len());
        let first = named_at.partition_point(|&(at, _)| at < sentence.start);
        self.person_in_sentence(span)
            || named_at
                .get(first)
                .is_some_and(|&(at, _)| sentence.contains(&at))
    }

    /// Whether the sentence around `span` speaks of a person ("she works at", "the owner of",
    /// "one of the lads from").
    fn person_in_sentence(&self, span: Span) -> bool {
        self.text[self.layout.sentence_bytes(span.start, self.text.len())]
            .split(|c: char| !c.is_alphanumeric() && c != '\'')
            .any(|w| self.input.lexicons.people.contains(&w.to_lowercase()))
    }

    /// Whether `span` follows a share of the clientele in its sentence ("about a quarter worked
    /// at the mine").
    fn told_as_a_share(&self, span: Span) -> bool {
        let before = sentence_before(self.text, span.start, 160).to_lowercase();
        self.input.lexicons.shares.iter().any(|s| {
            before.match_indices(s.as_str()).any(|(i, _)| {
                let prev = before[..i].chars().next_back();
                let rest = &before[i + s.len()..];
                // Not "a third-generation grower".
                let whole = prev.is_none_or(|c| !c.is_alphanumeric())
                    && rest
                        .chars()
                        .next()
                        .is_none_or(|c| !c.is_alphanumeric() && c != '-');
                // A share of a group the writer has ("half of our", "most of them"), not of a
                // place ("half of Tarrow County").
                let mut words = rest.split_whitespace();
                // ("a quarter worked at the mine" is of the clientele.)
                let of_whom = if s.ends_with(" of") || words.next() == Some("of") {
                    words.next()
                } else {
                    Some("them")
                };
                whole
                    && of_whom.is_some_and(|w| {
                        matches!(
                            w,
                            "our"
                                | "my"
                                | "them"
                                | "those"
                                | "these"
                                | "us"
                                | "the"
                                | "all"
                                | "you"
                        )
                    })
            })
        })
    }

    /// Whether the sentence of `span` holds a job or a role ("our favourite barista").
    fn job_in_sentence(&self, span: Span) -> bool {
        let Range {
            start: from,
            end: to,
        } = self.layout.sentence_bytes(span.start, self.text.len());
        let first = self.cues.partition_point(|c| c.span.start < from);
        self.cues[first..]
            .iter()
            .take_while(|c| c.span.start < to)
            .any(|c| {
                matches!(
                    c.kind,
                    CueKind::Occupation(_) | CueKind::Role(_) | CueKind::PublicRole(_)
                )
            })
    }

    /// Whether the sentence of `span` speaks of a person or holds a strong client sign ("came
    /// in for", "on my table").
    fn someone_in_sentence(&self, span: Span) -> bool {
        if self.person_in_sentence(span) {
            return true;
        }
        let s = self.layout.sentence(span.start);
        let i = self
            .strong_context
            .partition_point(|c| self.layout.sentence(c.span.start) < s);
        self.strong_context
            .get(i)
            .is_some_and(|c| self.layout.sentence(c.span.start) == s)
    }

    /// Whether a dare to guess comes just before `span`, in its paragraph or the one before
    /// ("guess whose hamstrings i got to work on today" and then "hint: 29 everest summits"):
    /// the hint is whoever was served.
    fn dared(&self, span: Span) -> bool {
        let p = self.layout.paragraph(span.start);
        // The cues are sorted: only those from the paragraph before on are read, not every cue
        // of a long draft for every roster phrase in it.
        let from = match p {
            0 | 1 => 0,
            _ => self.layout.paragraphs[p - 1],
        };
        let first = self.cues.partition_point(|c| c.span.start < from);
        self.cues[first..]
            .iter()
            .take_while(|c| c.span.start < span.start)
            .any(|c| c.kind == CueKind::Teaser)
    }

    /// Whether someone is in the sentence of `span` or, in the same paragraph, the next one:
    /// "Spotted the pink Defender in the car park. 36 weeks now and still out on the farms
    /// with her arm up a cow".
    fn someone_in_or_after(&self, span: Span) -> bool {
        if self.someone_in_sentence(span) || self.dared(span) {
            return true;
        }
        let s = self.layout.sentence(span.start);
        self.layout.sentences.get(s + 1).is_some_and(|&next| {
            self.layout.paragraph(next) == self.layout.paragraph(span.start)
                && self.person_in_sentence(Span::new(next, next))
        })
    }

    /// The anonymity set of a set of cues: population × the product of their base rates,
    /// taking the narrowest cue of each kind (two mentions of "nurse" are one cue).
    fn k(&self, cues: &[Cue]) -> f64 {
        let lx = self.input.lexicons;
        // Overlapping cues are one piece of evidence ("Channel 9" is a broadcaster and a
        // roster affiliation): each group counts once, at its narrowest rate, and each kind of
        // cue counts once ("nurse ... nurses").
        let mut groups: Vec<(Span, &'static str, f64)> = Vec::new();
        let mut role_k: Option<f64> = None;
        // A role inside a longer job ("manager" in "branch manager") is that job's word, and
        // one person only as the job of a named organisation ("the Orzeł branch manager").
        let job_around = |r: &Cue| {
            cues.iter().find(|c| {
                matches!(c.kind, CueKind::Occupation(_))
                    && c.span.start <= r.span.start
                    && r.span.end <= c.span.end
                    && c.span.len() > r.span.len()
            })
        };
        let jobs: Vec<Option<&Cue>> = cues
            .iter()
            .map(|c| {
                matches!(c.kind, CueKind::Role(_))
                    .then(|| job_around(c))
                    .flatten()
            })
            .collect();
        let roles: Vec<Span> = cues
            .iter()
            .zip(&jobs)
            .filter(|(c, job)| matches!(c.kind, CueKind::Role(_)) && job.is_none())
            .map(|(c, _)| c.span)
            .collect();
        for (c, job) in cues.iter().zip(&jobs) {
            if let Some(job) = job {
                if self.is_definite_role(job.span, c.kind) {
                    role_k = Some(1.0);
                }
                continue;
            }
            if !matches!(c.kind, CueKind::Role(_)) && roles.iter().any(|r| r.overlaps(c.span)) {
                // "bride" is a role and a life event: one piece of evidence, counted as the role.
                continue;
            }
            if self.is_definite_role(c.span, c.kind)
                && matches!(
                    c.kind,
                    CueKind::Occupation(_) | CueKind::Role(_) | CueKind::PublicRole(_)
                )
            {
                // "the captain of the Estrella", "Storm Tracker 9's chief meteorologist".
                role_k = Some(1.0);
            }
            if matches!(c.kind, CueKind::Trait(..) | CueKind::RosterTrait(_))
                && self.said_to_be_the_only(c.span, 2)
            {
                // "in the only holden ute on the island": the writer says there is one.
                role_k = Some(1.0);
            }
            if crate::cues::roster_owner(c.kind).is_some()
                && crate::cues::is_identity_number(&self.text[c.span.range()])
            {
                // "the 47 car": one driver races under a number.
                role_k = Some(1.0);
            }
            let rate = match c.kind {
                CueKind::Occupation(i) => lx.occupations[i as usize].base_rate,
                CueKind::Role(i) => {
                    let k = lx.roles[i as usize].k;
                    role_k = Some(role_k.map_or(k, |r: f64| r.min(k)));
                    continue;
                }
                CueKind::Trait(TraitKind::LifeEvent, i)
                    if lx
                        .traits
                        .shared_states
                        .contains(&lx.traits.life_events[i as usize]) =>
                {
                    SHARED_STATE_RATE
                }
                CueKind::Trait(t, _) => TRAIT_RATE[trait_index(t)],
                CueKind::RosterAttribute(_) | CueKind::RosterWorkplace(_) => ROSTER_ATTRIBUTE_RATE,
                CueKind::RosterPlace(_) => ROSTER_PLACE_RATE,
                CueKind::RosterTrait(_) => ROSTER_TRAIT_RATE,
                CueKind::Broadcaster => BROADCASTER_RATE,
                CueKind::Age { years, decade } => age_rate(years, decade),
                _ => continue,
            };
            match groups.iter_mut().find(|(s, _, _)| s.overlaps(c.span)) {
                Some(g) => g.2 = g.2.min(rate),
                None => groups.push((c.span, dimension(c.kind), rate)),
            }
        }
        let mut narrowest: HashMap<&'static str, f64> = HashMap::new();
        for (_, kind, rate) in groups {
            let e = narrowest.entry(kind).or_insert(1.0);
            *e = e.min(rate);
        }
        let product: f64 = narrowest.values().product();
        match role_k {
            Some(k) => k * product,
            None => self.population * product,
        }
    }

    /// Whether job or role `q` is the subject of sign `c`, a verb done to someone else ("The
    /// surgeon's team gave her a", "our GP referred him"): at most two words between them in
    /// one sentence, none of them a person ("the surgeon said I gave her a" is the writer's).
    fn does_it_to_someone(&self, q: &Cue, c: &Cue) -> bool {
        if !matches!(
            q.kind,
            CueKind::Occupation(_) | CueKind::Role(_) | CueKind::PublicRole(_)
        ) || q.span.end > c.span.start
            || self.layout.sentence(q.span.start) != self.layout.sentence(c.span.start)
        {
            return false;
        }
        let sign = &self.text[c.span.range()];
        let mut words = words_of(sign);
        let done_to = words.next().is_some()
            && words.any(|w| matches!(w.to_lowercase().as_str(), "her" | "him" | "them"));
        let between: Vec<&str> = words_of(&self.text[q.span.end..c.span.start])
            .take(3)
            .collect();
        done_to
            && between.len() <= 2
            && !between.iter().any(|w| {
                matches!(
                    w.to_lowercase().as_str(),
                    "i" | "we" | "you" | "she" | "he" | "they" | "who" | "and"
                )
            })
    }

    /// Whether the writer says there is one of what the cue names: "the only pharmacist", "our
    /// sole GP", "our one and only town vet", and for a trait, with up to `gap` words between,
    /// "the only holden ute on the island", "the only pink Jeep in town".
    fn said_to_be_the_only(&self, span: Span, gap: usize) -> bool {
        let before = tail(self.text, span.start, 60).trim_end().to_lowercase();
        let words: Vec<&str> = before
            .split(|c: char| !c.is_alphanumeric() && c != '\'')
            .filter(|w| !w.is_empty())
            .rev()
            .take(gap + 2)
            .collect();
        words
            .iter()
            .position(|w| matches!(*w, "only" | "sole"))
            .is_some_and(|i| {
                i <= gap
                    && words
                        .get(i + 1)
                        .is_none_or(|w| matches!(*w, "the" | "our" | "and" | "my" | "their"))
            })
    }

    /// Whether a role or occupation is tied to one named organisation: "the captain of the
    /// Estrella", "the owner of Rossi's", "Storm Tracker 9's chief meteorologist".
    fn is_definite_role(&self, span: Span, kind: CueKind) -> bool {
        // The words just before the role are all that matter (and lower-casing the whole
        // text before it, per cue, was quadratic).
        let before = tail(self.text, span.start, 200).trim_end();
        let after = self.text[span.end..].trim_start();
        // "the foreman over at Ahuna Ranch"; a role (not a job many share) "from" one too:
        // "the principal from Conch Bay Secondary", not "the nurse from the Community Hospital".
        let from = matches!(kind, CueKind::Role(_)).then_some("from ");
        let of_proper = [
            "of ", "at ", "for ", "over at ", "out at ", "up at ", "down at ",
        ]
        .iter()
        .copied()
        .chain(from)
        .find_map(|p| after.strip_prefix(p))
        .map(|r| r.trim_start_matches("the ").trim_start())
        .is_some_and(starts_capitalised);
        // "our own sergeant here in Kilbrecan": a role few hold, placed in a named town.
        let in_place = matches!(kind, CueKind::Role(_))
            && ["in ", "here in ", "out in ", "up in ", "down in "]
                .iter()
                .find_map(|p| after.strip_prefix(p))
                .is_some_and(starts_capitalised);
        // The lexicon form may carry its own article: "the principal", "our police chief".
        let own = self.text[span.range()].to_lowercase();
        // "the man in charge of every fire station", "in charge of Station 1": in charge of
        // all of them, or of one named, is one person.
        if own.ends_with(" of") {
            let next: String = after
                .chars()
                .take(12)
                .flat_map(char::to_lowercase)
                .collect();
            if ["every ", "all ", "the whole ", "the entire "]
                .iter()
                .any(|p| next.starts_with(p))
                || starts_capitalised(after)
            {
                return true;
            }
        }
        if own.ends_with(" the") || own.starts_with("who ") {
            // "who runs the Sip-N-Go on Main", "she owns the brewery on Gold Dust Avenue",
            // "who does the lollipop outside St Mary's": the organisation or the place is
            // named (capitalised) right after, or placed by a proper name.
            return names_a_place(after);
        }
        if matches!(kind, CueKind::Role(_) | CueKind::Occupation(_))
            && self.said_to_be_the_only(span, 0)
        {
            return true;
        }
        let lower_before = before.to_lowercase();
        let articles = &self.input.lexicons.articles;
        let is_article = |w: &str| articles.iter().any(|a| a == w);
        let full = match own.split_once(' ') {
            Some((article, _)) if is_article(article) => format!("{lower_before} {article}"),
            _ => lower_before,
        };
        let lower = [
            "brand-new",
            "brand new",
            "newly appointed",
            "new",
            "only",
            "head",
            "chief",
            "lead",
            "senior",
            "longtime",
            "incoming",
            "outgoing",
            "interim",
            "acting",
            "current",
            "beloved",
        ]
        .iter()
        .find_map(|adj| full.strip_suffix(adj).map(str::trim_end))
        .unwrap_or(&full);
        let adjective = lower.len() != full.len();
        let ends_with = |d: &str| {
            lower
                .strip_suffix(d)
                .is_some_and(|r| r.chars().next_back().is_none_or(|c| !c.is_alphanumeric()))
        };
        let definite = articles.iter().any(|a| ends_with(a));
        // "their new pharmacist" (the pharmacy's): one person, whatever the organisation is.
        if adjective && (ends_with("their") || ends_with("its")) {
            return true;
        }
        let possessive_proper = (before.ends_with("'s") || before.ends_with("’s"))
            && before
                .rsplit(|c: char| c.is_whitespace())
                .next()
                .and_then(|w| w.chars().next())
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
        // "the Rovers skipper", "the Red Lion landlord": a proper name used as an adjective
        // ties a one-organisation role to one organisation (not a job many share).
        let adjunct = matches!(kind, CueKind::Role(_) | CueKind::PublicRole(_)) && {
            let words: Vec<&str> = before.split_whitespace().collect();
            let proper = words
                .iter()
                .rev()
                .take_while(|w| {
                    w.chars().next().is_some_and(char::is_uppercase)
                        && !is_article(&w.to_lowercase())
                        && !self
                            .input
                            .lexicons
                            .is_calendar_word(&crate::normalize::normalize(w))
                })
                .count();
            (1..=4).contains(&proper)
                && words
                    .len()
                    .checked_sub(proper + 1)
                    .is_some_and(|i| is_article(&words[i].to_lowercase()))
        };
        // "orzeł credit union branch manager": an organisation on the roster, however it is
        // written, right before a one-organisation role.
        let adjunct = adjunct
            || matches!(kind, CueKind::Role(_) | CueKind::PublicRole(_))
                && self.roster_organisation_before(span.start);
        // "the president of television at Meridian Pictures": of a department of a named
        // organisation.
        let of_named =
            matches!(kind, CueKind::Role(_)) && after.starts_with("of ") && names_a_place(after);
        (definite && (of_proper || of_named || in_place)) || possessive_proper || adjunct
    }

    /// Whether a roster workplace or affiliation ends right before `at`, a space apart.
    fn roster_organisation_before(&self, at: usize) -> bool {
        let cues = self.input.cues;
        let from = cues.partition_point(|c| c.span.start + 120 < at);
        cues[from..]
            .iter()
            .take_while(|c| c.span.start < at)
            .any(|c| {
                matches!(
                    c.kind,
                    CueKind::RosterWorkplace(_) | CueKind::RosterAttribute(_)
                ) && c.span.end < at
                    && self.text[c.span.end..at].trim().is_empty()
            })
    }

    /// The roster client the cues of a description point at: the one matching the most cues,
    /// if exactly one does. Among clients the cues fit equally (two captains, the mayor and
    /// the mayor's son), the one whose roster description shares the most words with the
    /// paragraphs of the description (`text`); with no fit at all, the one sharing clearly
    /// the most (see [`Descriptors`]).
    fn attribute(&self, cues: &[Cue], text: &str) -> Option<u32> {
        let ages = self.ages_said(cues);
        let by_words = || {
            self.descriptors()
                .best(text, 3, 2)
                .filter(|&c| !self.age_rules_out(c, &ages))
        };
        match self.best_fits(cues).as_slice() {
            [] => by_words(),
            // One cue fits one client ("first baby"), but the description shares three
            // distinctive words more with another's entry ("IVF", "rounds", "10k"): the words
            // say who it is.
            [c] if self.matches(*c, cues) <= 1 => by_words().or(Some(*c)),
            tied => self.tie_break(tied, text),
        }
    }

    /// Whether client `c`'s roster entry holds one of the first three words after `span`
    /// (four letters or more): "who runs the Sip-N-Go" and "owner of the Sip-N-Go".
    fn entry_names_what_follows(&self, c: u32, span: Span) -> bool {
        let a = &self.input.roster.clients[c as usize].attributes;
        let entry: BTreeSet<String> = a
            .occupation
            .iter()
            .chain(&a.affiliations)
            .chain(&a.traits)
            .chain(&a.places)
            .flat_map(|p| {
                crate::normalize::normalize(p)
                    .split(|ch: char| !ch.is_alphanumeric())
                    .map(str::to_owned)
                    .collect::<Vec<_>>()
            })
            .collect();
        first_words(&self.text[span.end..], 3, 60)
            .split(|ch: char| !ch.is_alphanumeric())
            .filter(|w| w.chars().count() >= 4)
            .any(|w| entry.contains(&crate::normalize::normalize(w)))
    }

    /// Whether an adult's age in the description rules client `c` out: "a young mother in her
    /// early twenties" is neither the 36-year-old on file nor the man of 29. A year either
    /// way is allowed (the roster may be a birthday behind).
    fn age_rules_out(&self, c: u32, ages: &[AgeSaid]) -> bool {
        if ages.is_empty() {
            return false;
        }
        let age = self.input.profiles[c as usize].age;
        let gender = self.input.roster.clients[c as usize].attributes.gender();
        let female = gender == Some(crate::roster::Gender::Female);
        let male = gender == Some(crate::roster::Gender::Male);
        ages.iter().any(|a| {
            let wrong_age = age.is_some_and(|age| {
                if a.decade {
                    age / 10 * 10 != a.years
                } else {
                    age.abs_diff(a.years) > 1
                }
            });
            wrong_age || (male && a.her) || (female && a.his)
        })
    }

    /// The adults' ages among `cues`, read once for [`Self::age_rules_out`].
    fn ages_said(&self, cues: &[Cue]) -> Vec<AgeSaid> {
        cues.iter()
            .filter_map(|cue| match cue.kind {
                CueKind::Age { years, decade } if years >= 16 && !self.is_kin(cue.span) => {
                    let said = self.text[cue.span.range()].to_lowercase();
                    Some(AgeSaid {
                        years,
                        decade,
                        her: said.contains(" her "),
                        his: said.contains(" his "),
                    })
                }
                _ => None,
            })
            .collect()
    }

    /// The clients matching the most cues (see [`Self::matches`]) whose job does not rule
    /// them out.
    fn best_fits(&self, cues: &[Cue]) -> Vec<u32> {
        let Ok(n) = u32::try_from(self.input.roster.clients.len()) else {
            return Vec::new();
        };
        let lx = self.input.lexicons;
        let jobs: Vec<Key> = cues
            .iter()
            .filter(|c| !self.is_kin(c.span))
            .filter(|c| match c.kind {
                CueKind::Occupation(_) | CueKind::PublicRole(_) => true,
                // "the owner of the black Raptor": a head noun with a large k ("owner",
                // "boss") is a job only when tied to one organisation.
                // "who runs the Mennonite school" fits its principal: a role said with a verb
                // is no job title to rule anyone out.
                CueKind::Role(i) => {
                    let role = &lx.roles[i as usize];
                    role.job
                        && !role.term.ends_with(" the")
                        && (role.k < HEAD_K || self.is_definite_role(c.span, c.kind))
                }
                _ => false,
            })
            .filter_map(|c| Key::of(c.kind))
            .collect();
        let ages = self.ages_said(cues);
        let mut best = 0;
        let mut tied: Vec<u32> = Vec::new();
        for c in 0..n {
            let m = self.matches(c, cues);
            if m == 0 || m < best {
                continue;
            }
            if self.age_rules_out(c, &ages) {
                continue;
            }
            let profile = &self.input.profiles[c as usize];
            // A public figure's fame compares with fame only: a "crown-winning" poet whose
            // entry says "poet; teacher" has no fame on file to contradict it.
            let public = |k: &Key| matches!(k, Key::PublicRole(_));
            let famous = self.input.roster.clients[c as usize].public_figure;
            let comparable = jobs.iter().filter(|j| {
                profile.keys.iter().any(|k| {
                    matches!(k, Key::Occupation(_) | Key::Role(_) | Key::PublicRole(_))
                        && (!famous || public(k) == public(j))
                })
            });
            // "the gaffer from the fire station" fits its station manager: the head of
            // something, whatever the word for it (boss, manager, gaffer, director).
            let head = |k: &Key| matches!(k, Key::Role(i) if lx.roles[*i as usize].k >= HEAD_K);
            let fits =
                |j: &Key| profile.keys.contains(j) || (head(j) && profile.keys.iter().any(head));
            let mut comparable = comparable.peekable();
            if comparable.peek().is_some() && !comparable.any(fits) {
                // The club's manager is not its striker: a job that does not fit rules a
                // client out even when the club does.
                continue;
            }
            if m > best {
                best = m;
                tied.clear();
            }
            tied.push(c);
        }
        tied
    }

    /// Which of the clients the cues fit equally the description's words (`text`) point at.
    fn tie_break(&self, tied: &[u32], text: &str) -> Option<u32> {
        match tied {
            [] => None,
            [c] => Some(*c),
            _ => {
                let overlap = self.descriptors().overlap(text, tied);
                let top = overlap.iter().copied().max().unwrap_or(0);
                let mut at_top = tied.iter().zip(&overlap).filter(|(_, o)| **o == top);
                match (at_top.next(), at_top.next()) {
                    (Some((c, _)), None) if top > 0 => Some(*c),
                    _ => None,
                }
            }
        }
    }

    fn gossip(&self, draft_context: Option<Cue>, findings: &mut Vec<Finding>) {
        let Some(rule) = self.input.rules.by_mechanism(Mechanism::Gossip) else {
            return;
        };
        // "Joanna is pretending she doesn't care (she yelled at the radio on Sunday)": a story
        // about a staff member is no complaint about a client.
        let strong = self.cues.iter().find(|c| {
            matches!(c.kind, CueKind::Gossip(Strength::Strong) | CueKind::CallOut)
                && !self.told_of_staff(c.span)
        });
        let weak_with_context = || {
            // The sentences that hold each kind of cue, in order.
            let sentences = |kind: fn(CueKind) -> bool| -> Vec<usize> {
                let mut v: Vec<usize> = self
                    .cues
                    .iter()
                    .filter(|c| kind(c.kind))
                    .map(|c| self.layout.sentence(c.span.start))
                    .collect();
                v.dedup();
                v
            };
            let context = sentences(|k| matches!(k, CueKind::Context(_)));
            let policy = sentences(|k| k == CueKind::Policy);
            let near = |list: &[usize], s: usize, reach: usize| {
                let i = list.partition_point(|&x| x + reach < s);
                list.get(i).is_some_and(|&x| x <= s + reach)
            };
            self.cues.iter().find(|g| {
                let s = self.layout.sentence(g.span.start);
                matches!(g.kind, CueKind::Gossip(Strength::Weak))
                    && near(&context, s, 1)
                    && !near(&policy, s, 0)
                    && !self.told_of_staff(g.span)
            })
        };
        // A reply to a review that tells the reviewer's visit back to them ("your
        // appointment was booked as a trim", "you missed four sessions").
        let review_reply = || {
            let review =
                self.cues.iter().any(|c| c.kind == CueKind::Review) && !self.keeps_care_private();
            let replies: Vec<Cue> = self
                .cues
                .iter()
                .filter(|c| review && c.kind == CueKind::Reply)
                .copied()
                .collect();
            if let Some(span) = replies.first().map(|_| widest_first(&replies)) {
                return replies.into_iter().find(|c| c.span == span);
            }
            // "Really glad the sciatica has settled and you're back riding out": the reviewer's
            // health told back to them.
            self.cues
                .iter()
                .filter(|c| review && c.kind == CueKind::Health)
                .find(|c| {
                    let sentence = self.layout.sentence_bytes(c.span.start, self.text.len());
                    words_of(&self.text[sentence])
                        .any(|w| YOU.iter().any(|y| w.eq_ignore_ascii_case(y)))
                })
                .map(|c| Cue {
                    kind: CueKind::Reply,
                    ..*c
                })
        };
        let Some(g) = strong
            .or_else(weak_with_context)
            .copied()
            .or_else(review_reply)
        else {
            return;
        };
        if g.kind == CueKind::Reply {
            let notes = vec![note(g)];
            findings.push(self.finding(rule, rule.severity, g.span, None, notes, None));
            return;
        }
        // "the fella who left a toonie and a Tim's card ... rant over": with no client sign, a
        // strong complaint needs a second one to be about someone served.
        // A call-out with a strong complaint in it ("to the lady in the white set who walked
        // out w/o paying", "to a certain bass player who has now no-showed") is both.
        let seconded = || {
            self.cues.iter().any(|c| {
                matches!(c.kind, CueKind::Gossip(_) | CueKind::CallOut)
                    && !c.span.overlaps(g.span)
                    && (self.layout.sentence(c.span.start) != self.layout.sentence(g.span.start)
                        || matches!(
                            (c.kind, g.kind),
                            (CueKind::CallOut, CueKind::Gossip(Strength::Strong))
                                | (CueKind::Gossip(Strength::Strong), CueKind::CallOut)
                        ))
            }) && !self.cues.iter().any(|c| c.kind == CueKind::Policy)
        };
        if strong.is_some() && draft_context.is_none() && !seconded() {
            return;
        }
        let mut notes = vec![note(g)];
        notes.extend(draft_context.map(note));
        // In a draft that names one client (by a form of their name), the complaint is part
        // of their story ("his Citroën, he reports, is still waiting in the garage"): their
        // consent decides.
        // (A strong complaint, or one hinting at someone unnamed, is about someone else.)
        let mut named = findings
            .iter()
            .filter(|f| {
                matches!(
                    self.input.rules.get(&f.rule).map(|r| &r.matcher),
                    Some(Matcher::Roster { .. })
                )
            })
            .filter_map(|f| f.client_index);
        let about = named
            .next()
            .filter(|&c| g.kind == CueKind::Gossip(Strength::Weak) && named.all(|o| o == c));
        findings.push(self.finding(rule, rule.severity, g.span, about, notes, None));
    }

    /// What each finding discloses about its client: status and name from the finding itself;
    /// story, health and photo from cues in the paragraphs that mention the client (and the
    /// paragraph after each, where "she" carries on).
    fn disclosures(&self, findings: &mut [Finding]) {
        // A mention's paragraph and the next, unless the next is another newsletter item.
        // A testimonial's sign-off ("— June Baxter, Latigo") is also about the quote above it.
        let about = |offset: usize| {
            let p = self.layout.paragraph(offset);
            let next = !self.layout.opens_section(p + 1);
            let line = &self.text[self.text[..offset].rfind('\n').map_or(0, |i| i + 1)..offset];
            let signed = !line.trim().is_empty()
                && line
                    .trim()
                    .chars()
                    .all(|c| matches!(c, '—' | '–' | '-' | '~' | '*'));
            std::iter::once(p)
                .chain(next.then_some(p + 1))
                .chain(signed.then(|| p.checked_sub(1)).flatten())
        };
        // A photo is of the item it is in ("[photo: Priya's finished sleeve]" under her
        // spotlight is not of the fire chief welcomed back two headings down); in a draft
        // without items, of everyone in it.
        // A caption that names people ("[Photo: Bonnie and her pony with the voucher]") is a
        // photo of them only.
        let photos: Vec<(Option<Range<usize>>, Vec<&str>)> = self
            .cues
            .iter()
            .filter(|c| c.kind == CueKind::Photo)
            .take(MAX_WINDOW_CUES)
            .map(|c| {
                let line = self.text[..c.span.start].rfind('\n').map_or(0, |i| i + 1)
                    ..self.text[c.span.end..]
                        .find('\n')
                        .map_or(self.text.len(), |i| c.span.end + i);
                let named = self
                    .input
                    .names
                    .iter()
                    .filter(|n| line.contains(&n.span.start))
                    .map(|n| self.input.roster.clients[n.client as usize].id.as_str())
                    .collect();
                (self.item(c.span.start), named)
            })
            .collect();
        let pictured = |offset: usize, client: &str| {
            photos.iter().any(|(item, named)| {
                if named.is_empty() {
                    item.as_ref().is_none_or(|i| i.contains(&offset))
                } else {
                    named.contains(&client)
                }
            })
        };
        let mut paragraphs: HashMap<String, BTreeSet<usize>> = HashMap::new();
        // Per client: whether a mention is outside any list entry, and the entries that
        // mention them.
        let mut entries: HashMap<String, (bool, BTreeSet<usize>)> = HashMap::new();
        let mut note_entry = |id: &str, offset: usize| {
            let e = entries.entry(id.to_owned()).or_default();
            match self.layout.list_entry(offset) {
                Some(r) => _ = e.1.insert(r.start),
                None => e.0 = true,
            }
        };
        let mut photo: BTreeSet<String> = BTreeSet::new();
        for f in findings.iter() {
            if let Some(c) = &f.client {
                note_entry(c.as_str(), f.span.start);
                paragraphs
                    .entry(c.as_str().to_owned())
                    .or_default()
                    .extend(about(f.span.start));
                if pictured(f.span.start, c.as_str()) {
                    photo.insert(c.as_str().to_owned());
                }
            }
        }
        // Later mentions by first name ("Will, swing by ...") of a named client count too.
        for hit in self.input.names {
            let id = self.input.roster.clients[hit.client as usize].id.as_str();
            if let Some(set) = paragraphs.get_mut(id) {
                note_entry(id, hit.span.start);
                set.extend(about(hit.span.start));
                if pictured(hit.span.start, id) {
                    photo.insert(id.to_owned());
                }
            }
        }
        // What the cues of each paragraph that mentions a client disclose, worked out once per
        // paragraph and then combined per client (per finding, it was quadratic).
        let wanted: BTreeSet<usize> = paragraphs.values().flatten().copied().collect();
        // "we appreciate you, Coach!" after "Coach Rangi": the title he is named by, again.
        let name_words: BTreeSet<String> = self
            .input
            .names
            .iter()
            .filter(|n| matches!(n.kind, NameKind::Named(_)))
            .flat_map(|n| {
                self.text[n.span.range()]
                    .split_whitespace()
                    .map(crate::normalize::normalize)
                    .collect::<Vec<_>>()
            })
            .collect();
        // In a list, an entry is about whoever it names: "- Nuala is back from maternity
        // leave" is not Ms. Odile's health in the entry after it.
        // Each name's start and client, in order.
        let mut named_at: Vec<(usize, u32)> = self
            .input
            .names
            .iter()
            .map(|n| (n.span.start, n.client))
            .collect();
        named_at.sort_unstable();
        let mut per_paragraph: BTreeMap<(usize, Option<usize>), Told> = BTreeMap::new();
        for cue in &self.cues {
            let p = self.layout.paragraph(cue.span.start);
            if !wanted.contains(&p) {
                continue;
            }
            let entry = self.layout.list_entry(cue.span.start).map(|e| e.start);
            let Told {
                disclosed: d,
                health,
                owners,
                affiliated,
                jobs,
                ages,
                public,
            } = per_paragraph.entry((p, entry)).or_default();
            match cue.kind {
                CueKind::Health if self.told_by_status(cue.span) => {}
                CueKind::Health => health.push(*cue),
                // "she says she's saving it for Hogmanay": in a raffle draft, a winner's words
                // are about the prize.
                CueKind::Story if self.input.doc.channel == Channel::Raffle => {}
                CueKind::Story => *d = d.with(Disclosure::Story),
                // "winner of our Bride-to-Be Glam Giveaway": the name of an offer.
                k if (is_quasi(k) || is_roster_phrase(k) || matches!(k, CueKind::Role(_)))
                    && in_named_offer(self.text, cue.span, &self.input.lexicons.offers) => {}
                // "$1,120 raised for the High School P&C": a business or a club with nobody
                // in its sentence tells nothing about the client.
                k if is_roster_phrase(k) && !self.person_in_sentence(cue.span) => {}
                // "Jimbo takes home a gift card to the Dollar General": another client's
                // workplace tells nothing about the winner; their own would.
                k @ (CueKind::RosterAttribute(_) | CueKind::RosterWorkplace(_)) => {
                    affiliated.extend(crate::cues::roster_owner(k));
                }
                k if is_roster_phrase(k) => owners.extend(crate::cues::roster_owner(k)),
                // "a pair of tickets to a Remparts game": a team or an event with nobody in its
                // sentence is a prize or a plan, not something about the client.
                CueKind::Team(_) | CueKind::Event(_)
                    if !self.anyone_in_sentence(cue.span, &named_at)
                        || is_merchandise(self.text, cue.span) => {}
                // "Congratulations Earl!" after "Earl LeBoeuf": a name, not a peer of the realm.
                k if (is_quasi(k) || is_public(k))
                    && name_words
                        .contains(&crate::normalize::normalize(&self.text[cue.span.range()])) => {}
                // "Drawn live by Coach Marcus": a staff member's title.
                k if is_quasi(k) && self.about_staff(cue.span) => {}
                // "the bucket was shaken by the club president himself": a job is the story
                // only of a client it may be.
                k @ (CueKind::Occupation(_) | CueKind::Role(_) | CueKind::PublicRole(_))
                    if !self.is_kin(cue.span) =>
                {
                    jobs.push(k);
                }
                // "Coach JJ's 25th birthday" is not the 58-year-old singer's.
                CueKind::Age { .. } if !self.is_kin(cue.span) => ages.push(*cue),
                k if is_public(k) || k == CueKind::Broadcaster => *public = true,
                k if is_quasi(k) => *d = d.with(Disclosure::Story),
                _ => {}
            }
        }
        let index: HashMap<&str, u32> = findings
            .iter()
            .filter_map(|f| Some((f.client.as_ref()?.as_str(), f.client_index?)))
            .collect();
        let per_client: HashMap<&str, (Disclosures, Vec<CueNote>)> = paragraphs
            .iter()
            .map(|(id, set)| {
                let mut d = Disclosures::NONE;
                if photo.contains(id) {
                    d = d.with(Disclosure::Photo);
                }
                let mut health = Vec::new();
                let (free, entries) = &entries[id];
                let about_them = set
                    .iter()
                    .flat_map(|&p| per_paragraph.range((p, None)..=(p, Some(usize::MAX))))
                    .filter(|((_, entry), _)| entry.is_none_or(|e| *free || entries.contains(&e)))
                    .map(|(_, v)| v);
                for Told {
                    disclosed: pd,
                    health: cues,
                    owners,
                    affiliated,
                    jobs,
                    ages,
                    public,
                } in about_them
                {
                    d = d.union(*pd);
                    let i = index.get(id.as_str()).copied();
                    // "A warm welcome to Ilowa United captain Sodiq Adebanjo": a public
                    // figure's club and job are what the town knows them by, not their story.
                    let famous =
                        i.is_some_and(|i| self.input.roster.clients[i as usize].public_figure);
                    if (*public && !famous)
                        || i.is_some_and(|i| {
                            owners.contains(&i) || (!famous && affiliated.contains(&i))
                        })
                        || jobs
                            .iter()
                            .any(|&k| !famous && i.is_none_or(|i| self.may_hold(i, k)))
                        || ages.iter().any(|a| {
                            i.is_none_or(|i| {
                                !self.age_rules_out(i, &self.ages_said(std::slice::from_ref(a)))
                            })
                        })
                    {
                        d = d.with(Disclosure::Story);
                    }
                    // "Gordy is back in the Diabetes Basics class. Marge is teaching her quilting
                    // group": a health detail in a sentence naming clients is theirs only.
                    for c in cues
                        .iter()
                        .filter(|c| i.is_none_or(|i| self.health_may_be(i, c, &named_at)))
                    {
                        d = d.with(Disclosure::Health);
                        if health.len() < MAX_HEALTH_NOTES {
                            health.push(note(*c));
                        }
                    }
                }
                (id.as_str(), (d, health))
            })
            .collect();
        for f in findings.iter_mut() {
            let mut d = Disclosures::NONE.with(Disclosure::Status);
            let named = !matches!(
                self.input.rules.get(&f.rule).map(|r| &r.matcher),
                Some(Matcher::QuasiIdentifier { .. } | Matcher::PublicFigure | Matcher::Gossip)
            );
            if named {
                d = d.with(Disclosure::Name);
            } else {
                d = d.with(Disclosure::Story);
            }
            if let Some((client, health)) =
                f.client.as_ref().and_then(|c| per_client.get(c.as_str()))
            {
                d = d.union(*client);
                if d.contains(Disclosure::Health) {
                    f.cues.extend(health.iter().cloned());
                }
            }
            f.disclosed = d;
        }
    }
}

/// Whether a cue is a word of the capitalised name of an offer or an event ("our Bride-to-Be
/// Glam Giveaway", "the Veterans Day Raffle"): the giveaway's name says nothing of its winner.
/// `offers` are the words that end such a name (`offers:` in `context.yaml`).
fn in_named_offer(text: &str, span: Span, offers: &[String]) -> bool {
    let capital = |w: &str| w.starts_with(char::is_uppercase);
    // (The cue may start with "our": "our Bride".)
    if !text[span.range()].rsplit(' ').next().is_some_and(capital) {
        return false;
    }
    text[span.end..]
        .split([' ', '-'])
        .filter(|w| !w.is_empty())
        .take(4)
        .take_while(|w| capital(w) || matches!(*w, "to" | "be" | "of" | "the"))
        .any(|w| {
            let w = w.trim_end_matches(|c: char| !c.is_alphanumeric());
            offers.iter().any(|o| w.eq_ignore_ascii_case(o))
        })
}

/// Whether a lexicon hit is plausibly what the lexicon means here: a team is a proper name
/// (capitalised), and "manager" or "driver" is entourage only as someone's ("Beyoncé's manager").
/// `cues` are all the draft's cues, sorted by span.
fn plausible(text: &str, c: &Cue, lx: &Lexicons, cues: &[Cue]) -> bool {
    let original = &text[c.span.range()];
    let lexical = matches!(
        c.kind,
        CueKind::Occupation(_)
            | CueKind::Role(_)
            | CueKind::Trait(..)
            | CueKind::Context(Strength::Weak)
    );
    // ("He has run the Giewont club": a phrase ending in "the" leads into a name.)
    let leads_in = original
        .get(original.len().saturating_sub(4)..)
        .is_some_and(|t| t.eq_ignore_ascii_case(" the"));
    // ("the Bürgermeister's Mama": a relative after the possessive is a person, not the rest
    // of a name.)
    if lexical && !leads_in && in_proper_name(text, c.span) && !is_kin(text, c.span, &lx.kin) {
        // "Tidewater Books", "the Farmers' Market", "Public Library": part of a name.
        return false;
    }
    match c.kind {
        // "— Bobby (Jean-Robert)", "Mason came in for his knee": a capitalised job word that
        // is also a common first name, with no article or possessive before it, is the name.
        CueKind::Occupation(_) | CueKind::Role(_) if is_job_named_person(text, c.span, lx) => false,
        // "yes hes on my table rn": a job's initials in lower case are a chat word ("right
        // now") unless an article leads to them ("an rn at Regions"); "vet" is a word.
        CueKind::Occupation(_)
            if original.len() <= 3
                && original.chars().all(|ch| ch.is_ascii_lowercase())
                && !lx.is_common_word(original, 40_000)
                && !matches!(
                    last_word(&text[..c.span.start]).to_lowercase().as_str(),
                    "a" | "an" | "the" | "our" | "my" | "her" | "his" | "retired" | "former"
                ) =>
        {
            false
        }
        // "Somebody's little linebacker in a #4 jersey": a child playing at a famous part.
        CueKind::PublicRole(_)
            if matches!(
                last_word(&text[..c.span.start]).to_lowercase().as_str(),
                "little" | "lil" | "tiny" | "mini"
            ) =>
        {
            false
        }
        // "all our weekend cricketers": a kind of people, not one famous one.
        CueKind::Occupation(_) | CueKind::PublicRole(_) if is_generic_plural(text, c.span) => false,
        // "tougher than every single pit crew guy I've worked on", "any nurse will tell you":
        // anyone of the trade, no one in particular.
        CueKind::Occupation(_) | CueKind::PublicRole(_) if is_quantified(text, c.span) => false,
        // "brides for May are already booking trials": a part many play, in the plural.
        CueKind::Role(i) if !lx.roles[i as usize].job && is_generic_plural(text, c.span) => false,
        // "retired fellas who've never talked", "pregnant ladies": a kind of people.
        CueKind::Trait(..) if before_a_group(text, c.span) => false,
        // "The class is retired teachers, fishermen and me": a life event before a plural
        // is a kind of people too.
        CueKind::Trait(TraitKind::LifeEvent, _) if before_a_plural(text, c.span) => false,
        // "good luck to the Cockatoos", "go the Mustangs": an animal or a car, capitalised
        // and plural after "the", is a team.
        CueKind::Trait(TraitKind::Pet | TraitKind::Vehicle, _) if is_team_name(text, c.span) => {
            false
        }
        // "don't stand on your golf cart seat", "bring ur dog": the reader's car or pet.
        CueKind::Trait(TraitKind::Pet | TraitKind::Vehicle, _)
            if your_before(text, c.span.start, 2) =>
        {
            false
        }
        // "asked if we keep a yak inside", "our clinic dog": the practice's own animal.
        CueKind::Trait(TraitKind::Pet, _) if kept_by_us(text, c.span.start) => false,
        // "talk to her doctor", "his lawyer called": the job of someone else.
        CueKind::Occupation(_) if after_possessive_pronoun(text, c.span) => false,
        // "the baby in the bouncer": a thing something is in, not a person.
        CueKind::Occupation(_) if held_in(text, c.span) => false,
        // "the full doula package", "nurse training": the trade, not someone in it.
        CueKind::Occupation(_) if names_a_service(text, c.span, lx) => false,
        // "i'm a massage therapist, not a therapist-therapist": the writer's own job.
        CueKind::Occupation(_) | CueKind::Role(_) if about_writer(text, c.span) => false,
        // "kicking our feet rn", "ok pa": an initialism ("RN", "PA") is one only in capitals.
        CueKind::Occupation(_) | CueKind::Role(_) | CueKind::PublicRole(_)
            if is_lower_initialism(original, lx) =>
        {
            false
        }
        // "We don't judge nobody here", "I coach the under-12s": a verb, not a person.
        CueKind::Occupation(_) | CueKind::Role(_) if used_as_verb(text, c.span) => false,
        // "our favourite Benfica fan", "a die-hard Leafs supporter": someone who follows the
        // team, not someone who plays for it.
        // ("Força Benfica!" after "our favourite Benfica fan" is the fan's team too.)
        CueKind::Team(i)
            if cues
                .iter()
                .any(|o| o.kind == CueKind::Team(i) && follows_the_team(&text[o.span.end..])) =>
        {
            false
        }
        CueKind::Team(i) => {
            let capital = original.chars().next().is_some_and(char::is_uppercase);
            let team = &lx.public.teams[i as usize];
            let full =
                crate::normalize::normalize(original) == crate::normalize::normalize(&team.name);
            // "Dragons" alone may be a word; "a certain Dragons hooker" is the team.
            let named = full || !team.ambiguous || original.contains(' ');
            let winked = winked_at(text, c.span, cues);
            winked || (capital && named) || plays_for(text, c.span)
        }
        CueKind::Entourage => {
            let before = text[..c.span.start].trim_end();
            let Some(owner) = before
                .strip_suffix("'s")
                .or_else(|| before.strip_suffix("’s"))
            else {
                return false;
            };
            // Someone famous's: a name ("Beyoncé's manager"), a famous role or a team ("the
            // Commissioner's better half", "the mayor's son"), or anyone's in a post written
            // all in lower case; not "my own guru's son".
            let word_start = owner
                .rfind(|ch: char| !ch.is_alphanumeric() && ch != '-' && ch != '.')
                .map_or(0, |i| {
                    i + owner[i..].chars().next().map_or(1, char::len_utf8)
                });
            let capitalised = owner[word_start..]
                .chars()
                .next()
                .is_some_and(char::is_uppercase);
            let lower_case_post = !tail(text, c.span.start, 200)
                .chars()
                .any(char::is_uppercase)
                && !text[c.span.start..]
                    .chars()
                    .take(200)
                    .any(char::is_uppercase);
            // A role or team ending at the possessive starts at most 60 bytes before it.
            let from = cues.partition_point(|o| o.span.start + 60 < owner.len());
            let famous = cues[from..]
                .iter()
                .take_while(|o| o.span.start < owner.len())
                .any(|o| {
                    o.span.end == owner.len()
                        && matches!(
                            o.kind,
                            CueKind::PublicRole(_) | CueKind::Role(_) | CueKind::Team(_)
                        )
                });
            capitalised || famous || lower_case_post
        }
        CueKind::Hint => hints_at_a_name(&text[c.span.end..]) || hints_at_fame(text, c.span, cues),
        // "members aged 10 and over", "ages 8 to 12": a range is a group, not someone's age.
        CueKind::Age { .. } => !is_age_range(&text[c.span.end..]),
        _ => true,
    }
}

/// Whether the words after a team name make its bearer a fan: "Benfica fan", "Leafs
/// supporters", "a Swans tragic".
fn follows_the_team(after: &str) -> bool {
    let next = after
        .trim_start_matches([' ', '-'])
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    [
        "fan",
        "fans",
        "supporter",
        "supporters",
        "diehard",
        "tragic",
        "nut",
    ]
    .iter()
    .any(|w| next.eq_ignore_ascii_case(w))
}

/// Whether the team at `team` is played for: "a lefty who throws 97 for the jays", "he
/// skates for the Wild", "signed with the Saints". Birds and saints are not pitched for, so a
/// team name that is also a word, even in lower case, is the team here.
fn plays_for(text: &str, team: Span) -> bool {
    const PLAYS: &[&str] = &[
        "plays",
        "played",
        "playing",
        "pitches",
        "pitched",
        "pitching",
        "throws",
        "threw",
        "throwing",
        "skates",
        "skated",
        "skating",
        "bats",
        "batted",
        "batting",
        "kicks",
        "kicked",
        "bowls",
        "bowled",
        "signed",
        "suits",
        "suited",
        "drafted",
        "catches",
        "caught",
        "quarterbacks",
    ];
    let before = tail(text, team.start, 60);
    let sentence = before
        .rfind(['.', '!', '?', '\n'])
        .map_or(before, |i| &before[i + 1..]);
    let words: Vec<&str> = words_of(sentence).collect();
    let [.., link, article] = words.as_slice() else {
        return false;
    };
    let lead = &words[words.len().saturating_sub(5)..words.len() - 2];
    matches!(link.to_lowercase().as_str(), "for" | "with" | "by")
        && article.eq_ignore_ascii_case("the")
        && lead
            .iter()
            .any(|w| PLAYS.iter().any(|p| w.eq_ignore_ascii_case(p)))
}

/// Whether a team name at `team` is pointed at: a hint before it in its sentence ("a certain
/// dragons hooker") or a famous role right after it ("Avs blueliner"). "Dragons" alone may be
/// a word. `cues` are sorted by span.
fn winked_at(text: &str, team: Span, cues: &[Cue]) -> bool {
    // A hint ends at most 24 bytes before the team, so it starts at most 64 bytes before.
    let from = cues.partition_point(|o| o.span.start + 64 < team.start);
    cues[from..]
        .iter()
        .take_while(|o| o.span.start <= team.end + 2)
        .any(|o| match o.kind {
            CueKind::Hint => {
                o.span.end <= team.start
                    && team.start - o.span.end <= 24
                    && !text[o.span.end..team.start].contains(['.', '!', '?', '\n'])
            }
            CueKind::PublicRole(_) => {
                o.span.start >= team.end && text[team.end..o.span.start].trim().is_empty()
            }
            _ => false,
        })
}

/// The last word of `text` (letters and digits), or "" when it ends in something else.
fn last_word(text: &str) -> &str {
    let text = text.trim_end();
    let start = text
        .char_indices()
        .rev()
        .find(|(_, c)| !c.is_alphanumeric())
        .map_or(0, |(i, c)| i + c.len_utf8());
    &text[start..]
}

/// Whether the health words at `span` are what was talked about: a topic phrase before them
/// in their sentence ("answered questions on shin splints, sleep and knees"). `cues` are
/// sorted by span.
fn is_a_topic(text: &str, cues: &[Cue], span: Span) -> bool {
    let from = cues.partition_point(|c| c.span.start + 120 < span.start);
    cues[from..]
        .iter()
        .take_while(|c| c.span.end <= span.start)
        .any(|c| {
            c.kind == CueKind::Topic
                && !text[c.span.end..span.start].contains(['.', '!', '?', '\n', ';', ':'])
        })
}

/// Whether the words after an age make it a range: "and over", "and up", "or older", "+",
/// "to 12", "-12".
fn is_age_range(after: &str) -> bool {
    const RANGES: &[&str] = &[
        "and over",
        "and up",
        "and older",
        "and above",
        "or over",
        "or older",
        "or above",
        "plus",
        "+",
        "to ",
        "-",
        "–",
        "through",
    ];
    let head: String = after
        .trim_start()
        .chars()
        .take(12)
        .collect::<String>()
        .to_lowercase();
    RANGES.iter().any(|r| {
        head.strip_prefix(r).is_some_and(|rest| {
            // "to 12" and "-12" need the number; "and over" stands alone.
            !matches!(*r, "to " | "-" | "–" | "through")
                || rest.trim_start().starts_with(|c: char| c.is_ascii_digit())
        })
    })
}

/// Whether a team or a public role follows a hint within its next few words: "a certain
/// dragons hooker" in an all-lowercase post, where no capital marks the name.
fn hints_at_fame(text: &str, hint: Span, cues: &[Cue]) -> bool {
    // Three words are near: look no further than 80 bytes.
    let reach = first_words(&text[hint.end..], 3, 80).len();
    let from = cues.partition_point(|c| c.span.start < hint.end);
    cues[from..]
        .iter()
        .take_while(|c| c.span.start < hint.end + reach)
        .any(|c| matches!(c.kind, CueKind::Team(_) | CueKind::PublicRole(_)))
}

/// Whether a proper name follows a hint within a few words, so that the hint points at someone
/// known by it: "a certain Cutters centre", "a certain former Maroons flyer", "a certain Munster
/// and Ireland out-half" (not "women of a certain age", "a certain someone").
fn hints_at_a_name(after: &str) -> bool {
    let words: Vec<&str> = first_words(after, 4, usize::MAX)
        .split_whitespace()
        .collect();
    // The capital must be followed by what it qualifies ("Cutters centre"): a lone capital
    // at the end is a name ("a certain Bob"), handled as a name.
    words[..words.len().saturating_sub(1)]
        .iter()
        .any(|w| w.chars().next().is_some_and(char::is_uppercase) && *w != "I")
}

/// Words that speak to the reader: "jenny u were a ROCKSTAR", "Dawn, if you're reading this".
const YOU: &[&str] = &["you", "u", "your", "ur", "you're", "youre", "you’re", "ya"];

/// The start of `after` up to the end of its `n`th word, within its clause (stopping at '.',
/// '!', '?', a line break, ',' or '(') and at most about `max` bytes: where a hint's words are.
/// Walks only as far as it returns.
fn first_words(after: &str, n: usize, max: usize) -> &str {
    let mut words = 0;
    let mut in_word = false;
    for (i, ch) in after.char_indices() {
        if i + ch.len_utf8() > max || matches!(ch, '.' | '!' | '?' | '\n' | ',' | '(') {
            return &after[..i];
        }
        if ch.is_whitespace() && in_word {
            words += 1;
            if words == n {
                return &after[..i];
            }
        }
        in_word = !ch.is_whitespace();
    }
    after
}

/// The span to underline for a set of cues sorted by span: the longest of those that start
/// first ("the chief of police", not "the chief").
fn widest_first(cues: &[Cue]) -> Span {
    let start = cues.iter().map(|c| c.span.start).min().unwrap_or(0);
    cues.iter()
        .filter(|c| c.span.start == start)
        .map(|c| c.span)
        .max_by_key(|s| s.end)
        .unwrap_or(Span::new(0, 0))
}

/// Adds a description finding, replacing any earlier one whose cues it holds: a window that
/// takes in the paragraph before sees the same description, and more of it.
fn push_widest(findings: &mut Vec<Finding>, new: Finding) {
    let evidence = |f: &Finding| -> BTreeSet<Span> {
        f.cues
            .iter()
            .filter(|c| c.kind != "context")
            .map(|c| c.span)
            .collect()
    };
    let wide = evidence(&new);
    findings.retain(|old| old.k.is_none() || !evidence(old).is_subset(&wide));
    findings.push(new);
}

/// Whether an event mention is about someone who took part in it: "a Super Bowl champion",
/// "the World Cup-winning captain", "she played in the Stanley Cup final".
fn event_names_person(text: &str, span: Span) -> bool {
    const PERSON: &[&str] = &[
        "champion",
        "winner",
        "winning",
        "medal",
        "mvp",
        "player",
        "finalist",
        "star",
        "qualifier",
        "athlete",
        "veteran",
        "legend",
        "ring",
    ];
    const DID: &[&str] = &[
        "won",
        "win",
        "wins",
        "winning",
        "played",
        "plays",
        "playing",
        "competed",
        "competes",
        "competing",
        "raced",
        "races",
        "racing",
        "coached",
        "coaches",
        "starred",
        "medalled",
        "medaled",
        "qualified",
        "headlined",
        "performed",
        "pitched",
        "scored",
        "rode",
        "fought",
    ];
    let end = text[span.end..]
        .find(|c: char| c.is_whitespace() || matches!(c, '.' | ',' | '!' | '?'))
        .map_or(text.len(), |i| span.end + i);
    let mention = text[span.start..end].to_lowercase();
    if PERSON.iter().any(|p| mention.contains(p)) {
        return true;
    }
    let sentence = sentence_before(text, span.start, 200).to_lowercase();
    sentence
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .rev()
        .take(5)
        .any(|w| DID.contains(&w))
}

/// Whether an occupation is the practice's own trade ("barber" at "... Hair, Nails & Barber",
/// "massage therapist" at "Driftwood Massage"): in its own posts that is the staff, not a
/// client.
/// Whether a child's age is the business's: "An Tobar is five years old this month", "the
/// studio turns seven".
fn is_business_age(text: &str, c: &Cue, practice: &str) -> bool {
    if !matches!(c.kind, CueKind::Age { years, decade: false } if years < 13) {
        return false;
    }
    let sentence = crate::normalize::normalize(sentence_before(text, c.span.start, 200));
    let words: Vec<&str> = sentence.split(|ch: char| !ch.is_alphanumeric()).collect();
    let practice = crate::normalize::normalize(practice);
    (!practice.is_empty() && sentence.contains(&practice))
        || words.iter().any(|w| {
            matches!(
                *w,
                "we" | "us"
                    | "our"
                    | "studio"
                    | "clinic"
                    | "business"
                    | "shop"
                    | "salon"
                    | "practice"
                    | "spa"
                    | "gym"
                    | "doors"
                    | "blog"
                    | "page"
                    | "newsletter"
            )
        })
}

/// Whether an occupation is one the practice's own name holds ("barber" at "... Hair, Nails &
/// Barber"): in its posts that is the staff.
fn is_own_trade(text: &str, c: &Cue, practice: &str) -> bool {
    if !matches!(c.kind, CueKind::Occupation(_)) {
        return false;
    }
    let practice = crate::normalize::normalize(practice);
    crate::normalize::normalize(&text[c.span.range()])
        .split(|ch: char| !ch.is_alphanumeric())
        .filter(|w| w.chars().count() >= 5)
        .any(|w| {
            let stem: String = w.chars().take(6).collect();
            practice.contains(&stem)
        })
}

/// Whether a job is said of anyone who has it: "when a paniolo lies down on our table", "if a
/// nurse asks", "every farmer knows".
fn is_anyone_in_the_trade(text: &str, c: &Cue) -> bool {
    if !matches!(c.kind, CueKind::Occupation(_) | CueKind::Role(_)) {
        return false;
    }
    const ANY: &[&str] = &[
        "when a",
        "when an",
        "whenever a",
        "whenever an",
        "if a",
        "if an",
        "every",
        "any",
        "each",
    ];
    let ends_with_any = |before: &str| {
        let before = before.trim_end().to_lowercase();
        ANY.iter().any(|w| {
            before
                .strip_suffix(w)
                .is_some_and(|r| r.chars().next_back().is_none_or(|ch| !ch.is_alphanumeric()))
        })
    };
    if ends_with_any(tail(text, c.span.start, 16)) {
        return true;
    }
    // "every lifeguard, surfer, fisherman, bartender and weekend warrior": a list of trades
    // after "every" is anyone in each of them. (Items of one or two words, up to six.)
    let mut rest = tail(text, c.span.start, 120).trim_end();
    for _ in 0..6 {
        let Some(r) = strip_list_separator(rest) else {
            return false;
        };
        rest = r.trim_end();
        for _ in 0..2 {
            rest = rest[..rest.rfind(' ').unwrap_or(0)].trim_end();
            if ends_with_any(rest) {
                return true;
            }
            if strip_list_separator(rest).is_some() {
                break;
            }
        }
    }
    false
}

/// `text` without the list separator it ends with (", ", " and ", " or ", " & ").
fn strip_list_separator(text: &str) -> Option<&str> {
    if let Some(r) = text.strip_suffix(',') {
        return Some(r);
    }
    let (head, last) = text.rsplit_once(' ')?;
    matches!(last, "and" | "or" | "&").then(|| head.trim_end().trim_end_matches(','))
}

/// Whether an occupation is the practice's own staff: one of its trades after "our" or "my"
/// ("our therapist refused to start the session", "nos massothérapeutes").
fn is_our_staff(text: &str, c: &Cue, lx: &Lexicons) -> bool {
    let CueKind::Occupation(i) = c.kind else {
        return false;
    };
    let term = &lx.occupations[i as usize].term;
    if !lx.staff_trades.contains(term) {
        return false;
    }
    let before = text[..c.span.start].trim_end();
    let word = before
        .rsplit(|ch: char| !ch.is_alphanumeric())
        .next()
        .unwrap_or("")
        .to_lowercase();
    matches!(
        word.as_str(),
        "our" | "my" | "notre" | "nos" | "mon" | "ma" | "mes"
    )
}

/// Whether a job or role is set beside a staff member's name, as theirs: "our boss,
/// Katerina", "Katerina, our boss", "head therapist Popi".
fn beside_staff(text: &str, c: &Cue, staff: &[Span]) -> bool {
    if !matches!(c.kind, CueKind::Occupation(_) | CueKind::Role(_)) {
        return false;
    }
    let joins = |between: &str| {
        between.len() <= 8
            && between
                .split(|ch: char| ch.is_whitespace() || matches!(ch, ',' | ':' | '-' | '–' | '—'))
                .all(|w| matches!(w.to_lowercase().as_str(), "" | "our" | "my" | "the"))
    };
    // (`staff` is sorted and its spans never overlap.)
    let before = staff.partition_point(|s| s.end <= c.span.start);
    let after = staff.partition_point(|s| s.start < c.span.end);
    before
        .checked_sub(1)
        .is_some_and(|i| text.get(staff[i].end..c.span.start).is_some_and(joins))
        || staff
            .get(after)
            .is_some_and(|s| text.get(c.span.end..s.start).is_some_and(joins))
}

/// Whether the sentence of a trait or a health detail is the writer's own story: it speaks of
/// "I", "me" or "my" and of no one else ("two years since my own knee reconstruction", "me
/// hobbling around the clinic on crutches").
fn first_person(text: &str, span: Span) -> bool {
    const MINE: &[&str] = &["i", "me", "my", "myself", "mine", "i'm", "i've", "i'd"];
    const OTHERS: &[&str] = &[
        "she", "he", "her", "his", "him", "hers", "they", "them", "their", "she's", "he's",
        "client", "clients", "customer", "patient", "someone", "somebody", "who", "whose", "lady",
        "man", "woman", "guy", "bloke", "fella", "mum", "mom", "dad", "husband", "wife", "son",
        "daughter", "friend",
    ];
    let start = span.start - sentence_before(text, span.start, 240).len();
    let rest = &text[span.end..];
    let end = span.end + rest.find(['.', '!', '?', '\n']).unwrap_or(rest.len());
    let Some(sentence) = text.get(start..end) else {
        return false;
    };
    let (mut mine, mut others) = (false, false);
    for w in sentence.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’') {
        let is = |list: &[&str]| {
            list.iter().any(|l| {
                l.len() == w.len() && l.eq_ignore_ascii_case(w)
                    || (w.contains('’') && l.eq_ignore_ascii_case(&w.replace('’', "'")))
            })
        };
        mine = mine || is(MINE);
        others = others || is(OTHERS);
    }
    mine && !others
}

/// Whether a job or role of at most four letters that is no ordinary word ("rn", "emt", "mp")
/// is written in lower case: then it is something else ("right now").
fn is_lower_initialism(original: &str, lx: &Lexicons) -> bool {
    original.len() <= 4
        && original.chars().all(|c| c.is_ascii_alphabetic())
        && original.chars().any(|c| c.is_ascii_lowercase())
        && !lx.is_common_word(&original.to_ascii_lowercase(), 20_000)
}

/// Whether a one-word job or role follows a subject pronoun, a modal or a negation ("we don't
/// judge", "I coach", "to nurse"): then it is a verb.
fn used_as_verb(text: &str, span: Span) -> bool {
    let word = &text[span.range()];
    if word.contains(' ') || word.starts_with(char::is_uppercase) {
        return false;
    }
    let before = text[..span.start].trim_end_matches(' ');
    let from = before
        .rfind(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .map_or(0, |i| {
            i + before[i..].chars().next().map_or(1, char::len_utf8)
        });
    let previous = before[from..].to_lowercase().replace('’', "'");
    before.len() < text[..span.start].len()
        && matches!(
            previous.as_str(),
            "i" | "we"
                | "you"
                | "they"
                | "don't"
                | "dont"
                | "doesn't"
                | "didn't"
                | "won't"
                | "can't"
                | "never"
                | "to"
                | "will"
                | "can"
                | "could"
                | "would"
                | "should"
        )
}

fn about_writer(text: &str, span: Span) -> bool {
    let before = sentence_before(text, span.start, 200)
        .to_lowercase()
        .replace('’', "'");
    [
        "i'm a",
        "i am a",
        "i'm an",
        "i am an",
        "im a",
        "i was a",
        "i'm the",
        "i am the",
        "this job is",
        "my job is",
        // The practice describing itself: "We're an esthetician-owned studio with a nurse
        // injector and a supervising medical director".
        "we're a",
        "we're an",
        "we are a",
        "we are an",
        "our team",
        "our staff",
    ]
    .iter()
    .any(|p| before.contains(p))
}

/// For spans sorted by start, the latest end among each span and those before it: a span
/// `x` lies inside one of them exactly when, among those starting at or before `x`, the
/// latest end reaches `x.end` (one binary search instead of a scan).
fn reach(sorted: &[Span]) -> Vec<usize> {
    sorted
        .iter()
        .scan(0, |m, s| {
            *m = (*m).max(s.end);
            Some(*m)
        })
        .collect()
}

/// Whether a cue is in a clause put to the reader ("If you have a medical condition, are
/// pregnant or just had surgery, tell us", "whether you're a farmer or a nurse"): anyone
/// who reads it, not someone described.
fn to_the_reader(text: &str, span: Span) -> bool {
    // A headline question to the reader: "Pregnant? Let us know", "Sciatica? We can help".
    let question = text[span.end..].trim_start().starts_with('?') && {
        let near = tail(text, span.start, 40);
        let opening = near
            .rfind(['.', '!', '?', '\n', '*', '#'])
            .map_or(near, |i| &near[i + 1..]);
        opening.split_whitespace().count() <= 2
    };
    if question {
        return true;
    }
    const OPENINGS: &[&str] = &[
        "if you",
        "when you",
        "whether you",
        "unless you",
        "once you",
        "anyone who",
        "everyone who",
        "those of you",
        "any of you",
        "if your",
        "for anyone",
    ];
    let near = tail(text, span.start, 160);
    let clause = near
        .rfind(['.', '!', '?', '\n', ':', ';'])
        .map_or(near, |i| &near[i + 1..])
        .to_lowercase();
    // The reader's own state ("if you have", "if you're pregnant"), not what they may have
    // seen ("if you've met their new pharmacist, you know who we mean").
    const STATES: &[&str] = &[
        "have",
        "had",
        "are",
        "were",
        "'re",
        "’re",
        "'ve had",
        "’ve had",
        "just",
        "work",
        "suffer",
        "live",
        "need",
        "get",
        "feel",
        "do",
        "happen",
        "also",
        "still",
    ];
    OPENINGS.iter().any(|o| {
        clause.match_indices(o).any(|(i, _)| {
            let rest = &clause[i + o.len()..];
            clause[..i]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric())
                && STATES.iter().any(|v| {
                    rest.trim_start_matches(' ')
                        .strip_prefix(v)
                        .is_some_and(|r| r.chars().next().is_none_or(|c| !c.is_alphanumeric()))
                })
        })
    })
}

/// Whether a span lies inside a longer client-context phrase: "beard" in "beard trim" and
/// "bridal" in "bridal makeup" are a service, not a description of anyone.
fn inside_service(cues: &[Cue], span: Span) -> bool {
    // Cues are sorted by start; a phrase containing `span` starts at or before it.
    let end = cues.partition_point(|c| c.span.start <= span.start);
    cues[..end].iter().rev().take(16).any(|c| {
        matches!(c.kind, CueKind::Context(_))
            && c.span.start <= span.start
            && c.span.end >= span.end
            && c.span != span
    })
}

/// Whether a name starts here: its first letter is a capital, past any emphasis or quote
/// marks ("the captain of the *Maria Isabel*", "the owner of “Rosa's”").
fn starts_capitalised(text: &str) -> bool {
    text.trim_start_matches(['*', '_', '"', '\'', '“', '‘', '«'])
        .chars()
        .next()
        .is_some_and(char::is_uppercase)
}

/// Whether the words after a role name an organisation or place: "Sip-N-Go on Main", "brewery
/// on Gold Dust Avenue", "outside St Mary's" (a capital within the next few words, after the
/// article or a preposition).
fn names_a_place(after: &str) -> bool {
    let sentence = after.split(['.', '!', '?', '\n']).next().unwrap_or("");
    let mut words = sentence.split_whitespace().take(5);
    let first = words.next().unwrap_or("");
    let capital =
        |w: &str| w.chars().next().is_some_and(char::is_uppercase) && w != "I" && w != "I'm";
    if capital(first) {
        return true;
    }
    let mut prev = first.to_lowercase();
    for w in words {
        if capital(w) && matches!(prev.as_str(), "on" | "in" | "at" | "of" | "outside" | "off") {
            return true;
        }
        prev = w.to_lowercase();
    }
    false
}

/// Whether a capitalised plural follows "the": "the Cockatoos", "the Broncos".
fn is_team_name(text: &str, span: Span) -> bool {
    let word = &text[span.range()];
    let capital = word.chars().next().is_some_and(char::is_uppercase);
    let prev = tail(text, span.start, 40)
        .split_whitespace()
        .next_back()
        .unwrap_or("");
    capital && word.ends_with('s') && prev.eq_ignore_ascii_case("the")
}

/// Whether a word follows "her", "his", "their", "my" or "your": "her doctor" is not her job.
fn after_possessive_pronoun(text: &str, span: Span) -> bool {
    let mut words = text[..span.start]
        .split_whitespace()
        .rev()
        .map(str::to_lowercase);
    let mut prev = words.next().unwrap_or_default();
    if matches!(prev.as_str(), "or" | "and" | "/") {
        // "your doctor or therapist": the pronoun reaches over the first noun.
        prev = words.nth(1).unwrap_or_default();
    }
    matches!(prev.as_str(), "her" | "his" | "their" | "my" | "your")
}

/// Whether "your" (or "ur", "yr") is one of the `words` words before `at` in its sentence.
fn your_before(text: &str, at: usize, words: usize) -> bool {
    sentence_before(text, at, 40)
        .split_whitespace()
        .rev()
        .take(words)
        .any(|w| matches!(w.to_lowercase().as_str(), "your" | "ur" | "yr"))
}

/// Whether the job word at `span` is someone's first name: one capitalised word (not in
/// capitals), at least 0.2 per mille of people's first name, with no article, possessive or
/// qualifier before it ("the bobby", "our hunter", "a retired mason" are the jobs).
fn is_job_named_person(text: &str, span: Span, lx: &Lexicons) -> bool {
    let word = &text[span.range()];
    let mut chars = word.chars();
    let capitalised = chars.next().is_some_and(char::is_uppercase)
        && chars.all(|c| c.is_lowercase())
        && word.len() > 2;
    if !capitalised {
        return false;
    }
    let name = crate::normalize::normalize(word);
    let before = last_word(&text[..span.start]).to_lowercase();
    lx.is_first_name(&name)
        && lx.first_name_frequency(&name) >= 0.2
        && !matches!(
            before.as_str(),
            "a" | "an"
                | "the"
                | "our"
                | "my"
                | "her"
                | "his"
                | "their"
                | "your"
                | "ur"
                | "retired"
                | "former"
                | "local"
                | "head"
                | "chief"
                | "young"
                | "old"
        )
}

/// Whether the animal at `at` is the practice's: "our" just before it (one word between at
/// most: "our clinic dog"), or "we keep", "we have" or "we got" and an article ("asked if we
/// keep a yak inside").
fn kept_by_us(text: &str, at: usize) -> bool {
    let words: Vec<String> = sentence_before(text, at, 40)
        .split_whitespace()
        .rev()
        .take(4)
        .map(str::to_lowercase)
        .collect();
    let word = |i: usize| words.get(i).map_or("", String::as_str);
    let kept =
        |i: usize| matches!(word(i), "keep" | "have" | "got" | "adopted") && word(i + 1) == "we";
    word(0) == "our" || word(1) == "our" || matches!(word(0), "a" | "an" | "the") && kept(1)
}

/// Whether the job word at `span` is a thing something sits in ("put the baby in the
/// bouncer", "into a sub"): after "in"/"into" and an article, and no possessive after it ("in
/// the nurse's office" is a person's).
fn held_in(text: &str, span: Span) -> bool {
    if text[span.end..].starts_with(['\'', '’']) {
        return false;
    }
    let mut words = text[..span.start]
        .split_whitespace()
        .rev()
        .map(str::to_lowercase);
    let article = words.next().unwrap_or_default();
    let preposition = words.next().unwrap_or_default();
    matches!(
        article.as_str(),
        "the" | "a" | "an" | "her" | "his" | "their"
    ) && matches!(preposition.as_str(), "in" | "into" | "inside")
}

/// Whether the job word at `span` is a trade's service named by the noun after it ("the full
/// doula package", "nurse training").
fn names_a_service(text: &str, span: Span, lx: &Lexicons) -> bool {
    let next = text[span.end..]
        .strip_prefix(' ')
        .and_then(|t| t.split(|c: char| !c.is_alphanumeric()).next())
        .unwrap_or("");
    lx.trade_nouns.iter().any(|n| n.eq_ignore_ascii_case(next))
}

/// Words that put a person in a photo caption beside `of_a_thing`'s person nouns.
const CAPTION_PEOPLE: &[&str] = &[
    "he", "she", "him", "her", "his", "hers", "they", "them", "their", "selfie", "portrait",
    "headshot", "smiling", "smile", "face",
];

/// Whether a photo is of a thing: "photos of the room (empty, no people)", "pics of the new
/// reformers" (not "a photo of the birthday girl", "photos of our winners").
fn of_a_thing(text: &str, span: Span) -> bool {
    const PEOPLE: &[&str] = &[
        "birthday", "bride", "girl", "girls", "boy", "boys", "winner", "winners", "team", "crew",
        "class", "gang", "group", "lads", "ladies", "man", "woman", "lady", "client", "clients",
        "family", "kids", "baby", "couple", "happy", "two", "three", "whole", "day",
    ];
    // The next few words only: a draft of a thousand 📸 stays linear.
    let rest = text[span.end..].trim_start();
    let end = rest.char_indices().nth(40).map_or(rest.len(), |(i, _)| i);
    let after = rest[..end].to_lowercase();
    let mut words = after
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty());
    // "[📸 A five-gallon bucket of muscadines on our front counter]": a caption that starts
    // with "a" or "an" and has no person in it (no pronoun, no name, no person word).
    let caption = rest
        .trim_start_matches([':', ' '])
        .split([']', '\n'])
        .next()
        .unwrap_or("");
    let caption = &caption[..caption
        .char_indices()
        .nth(160)
        .map_or(caption.len(), |(i, _)| i)];
    let mut caption_words = caption
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty());
    if caption_words
        .next()
        .is_some_and(|w| w.eq_ignore_ascii_case("a") || w.eq_ignore_ascii_case("an"))
        && caption_words.all(|w| {
            let lower = w.to_lowercase();
            !w.starts_with(char::is_uppercase)
                && !PEOPLE.contains(&lower.as_str())
                && !lower.ends_with("'s")
                && !CAPTION_PEOPLE.contains(&lower.as_str())
        })
    {
        return true;
    }
    // "photo of our van", "the only photo attached is our van", "the pic below shows the new
    // room": a verb or "of", then a determiner and the thing.
    let mut linked = false;
    loop {
        match words.next() {
            Some("attached" | "below" | "above" | "here") if !linked => {}
            Some("of" | "is" | "was" | "shows" | "show") => linked = true,
            Some("the" | "our" | "this" | "my") if linked => break,
            _ => return false,
        }
    }
    let Some(noun) = words.next() else {
        return false;
    };
    !PEOPLE.contains(&noun) && !noun.ends_with("'s")
}

/// "She'd rather not have her picture in the paper", "no photos, at her request": a photo
/// word refused, which says no photo is shared.
fn photo_refused(text: &str, span: Span) -> bool {
    let words: Vec<String> = words_of(tail(text, span.start, 40))
        .map(str::to_lowercase)
        .collect();
    let near = &words[words.len().saturating_sub(4)..];
    near.iter()
        .any(|w| matches!(w.as_str(), "no" | "not" | "never" | "without"))
        || near.windows(2).any(|p| {
            matches!(p[0].as_str(), "didn't" | "doesn't" | "didn’t" | "doesn’t")
                && matches!(p[1].as_str(), "want" | "like")
        })
}

/// Whether `span` sits inside a quotation on its line: words someone said ("eu preciso estar
/// bonita porque vou aparecer em mil fotos", "can I see the pics first?") tell of photos, they
/// are not the post's.
fn in_speech(text: &str, span: Span) -> bool {
    let (before, after) = line_around(text, span, 300);
    let open = |o: char, c: char| {
        before
            .rfind(o)
            .is_some_and(|i| before[i..].find(c).is_none())
    };
    let curly = open('“', '”') && after.contains('”');
    let guillemets = open('«', '»') && after.contains('»');
    let straight = before.matches('"').count() % 2 == 1 && after.contains('"');
    curly || guillemets || straight
}

/// The word after `span`, lowercased.
fn next_word(text: &str, span: Span) -> String {
    text[span.end..]
        .trim_start()
        .chars()
        .take_while(|c| c.is_alphanumeric())
        .collect::<String>()
        .to_lowercase()
}

/// Whether the word after a trait is a plural noun for people in general.
fn before_a_group(text: &str, span: Span) -> bool {
    let next = next_word(text, span);
    matches!(
        next.as_str(),
        "fellas"
            | "folks"
            | "people"
            | "men"
            | "women"
            | "ladies"
            | "lads"
            | "guys"
            | "gents"
            | "couples"
            | "clients"
            | "customers"
            | "patients"
            | "members"
            | "parents"
            | "mums"
            | "moms"
            | "dads"
            | "kids"
            | "seniors"
            | "athletes"
    )
}

/// Whether the word after `span` is a plural noun ("retired teachers").
fn before_a_plural(text: &str, span: Span) -> bool {
    let next = next_word(text, span);
    next.chars().count() >= 4 && is_plural(&next)
}

/// Whether a lowercase word looks plural: "nurses", "fishermen" (not "glass", "this").
fn is_plural(word: &str) -> bool {
    (word.ends_with('s') && !word.ends_with("ss") && !word.ends_with("is") && !word.ends_with("us"))
        || (word.ends_with("men") && word.len() > 4)
}

/// Whether an occupation is a plural about a group ("Realtors spend hours in the car",
/// "nurses, this one is for you") rather than about one of them ("one of our nurses").
fn is_generic_plural(text: &str, span: Span) -> bool {
    let word = text[span.range()].to_lowercase();
    if !is_plural(&word) {
        return false;
    }
    // Only this sentence's words: "What I'm proudest of is the men. Farmers, lads off the
    // building sites" is about farmers in general; "heaps of you farmers" too, but "one of
    // our farmers" is one of them.
    let recent = recent_words(text, span.start);
    !(one_of(&recent) || recent.iter().any(|w| w.chars().all(|c| c.is_ascii_digit())))
}

/// Whether a job phrase is led by "every", "any" or "each" ("every single pit crew guy", "any
/// good plumber"); not "every Tuesday the nurse".
fn is_quantified(text: &str, span: Span) -> bool {
    let quantifier = |w: &str| matches!(w, "every" | "any" | "each");
    match recent_words(text, span.start).as_slice() {
        [w, ..] if quantifier(w) => true,
        [between, w, ..] => {
            quantifier(w) && matches!(between.as_str(), "single" | "other" | "good" | "decent")
        }
        _ => false,
    }
}

/// The last six words of the sentence before `end`, lowercased, latest first.
fn recent_words(text: &str, end: usize) -> Vec<String> {
    sentence_before(text, end, 200)
        .split_whitespace()
        .rev()
        .take(6)
        .map(str::to_lowercase)
        .collect()
}

/// Whether the noun phrase ending at `span` starts with "a" or "an" ("a tech CEO", "un
/// pelotero"), not "the" or a possessive ("the CEO of a Fortune 500 company", "el cerrador").
fn is_indefinite(text: &str, span: Span) -> bool {
    let before = sentence_before(text, span.start, 40).to_lowercase();
    before
        .split_whitespace()
        .rev()
        .take(3)
        .find(|w| {
            matches!(
                *w,
                "a" | "an"
                    | "the"
                    | "our"
                    | "their"
                    | "his"
                    | "her"
                    | "its"
                    | "my"
                    | "your"
                    | "un"
                    | "una"
                    | "um"
                    | "uma"
                    | "el"
                    | "la"
                    | "o"
                    | "nuestro"
                    | "nuestra"
                    | "nosso"
                    | "nossa"
                    | "mi"
                    | "su"
                    | "seu"
                    | "sua"
            ) || w.ends_with("'s")
                || w.ends_with("’s")
        })
        .is_some_and(|w| matches!(w, "a" | "an" | "un" | "una" | "um" | "uma"))
}

/// Whether words (latest first) say "one of" or "another of": one person of a group.
fn one_of(recent: &[String]) -> bool {
    recent
        .windows(2)
        .any(|w| w[0] == "of" && matches!(w[1].as_str(), "one" | "another"))
}

/// Whether a plural at `span` is "one of our local midwives": one person, of a group the writer
/// says has several.
fn one_of_many(text: &str, span: Span) -> bool {
    is_plural(&text[span.range()].to_lowercase()) && one_of(&recent_words(text, span.start))
}

/// A person as the subject of a sentence: "He's in good hands with Megan".
const HE_OR_SHE: &[&str] = &["he", "she", "he's", "she's", "he’s", "she’s"];
/// A person spoken of otherwise: "drives her own golf cart".
const HIM_OR_HER: &[&str] = &["him", "her", "his", "they", "their"];

/// The words of `text`, apostrophes kept ("he's").
fn words_of(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .filter(|w| !w.is_empty())
}

/// Whether a team or an event at `span` is something to have, not something someone is in:
/// "your two Hawks season tickets", "a Remparts jersey".
fn is_merchandise(text: &str, span: Span) -> bool {
    let next = words_of(&text[span.end..]).next().unwrap_or("");
    matches!(
        next.to_lowercase().as_str(),
        "season"
            | "ticket"
            | "tickets"
            | "jersey"
            | "jerseys"
            | "shirt"
            | "scarf"
            | "merch"
            | "gear"
    )
}

/// Whether a cue at `span` is told as several people of a group ("two of the U20s", "a few
/// of our nurses", "61 brides") or anyone of a kind ("every bride"), not one of them.
fn several_of(text: &str, span: Span) -> bool {
    let recent = recent_words(text, span.start);
    // "To every bride, every mama who held a hand": anyone of a kind.
    if recent
        .iter()
        .take(2)
        .any(|w| matches!(w.as_str(), "every" | "each"))
    {
        return true;
    }
    if !is_plural(&text[span.range()].to_lowercase()) {
        return false;
    }
    // "61 brides, from Schaefer Road to Windsor", "9 brides who asked": a count of people.
    if recent.first().is_some_and(|w| {
        w.parse::<u32>().is_ok_and(|n| n >= 2)
            || matches!(
                w.as_str(),
                "two" | "three" | "four" | "five" | "six" | "dozens"
            )
    }) {
        return true;
    }
    recent.windows(2).any(|w| {
        w[0] == "of"
            && matches!(
                w[1].as_str(),
                "two" | "three" | "four" | "five" | "six" | "several" | "some" | "few" | "couple"
            )
    })
}

/// Where the text after a run of emoji at `i` (with their joiners, skin tones and the spaces
/// after them) goes on, if `i` starts one; `None` when the run reaches the end of the line.
fn after_emoji_run(text: &str, i: usize) -> Option<usize> {
    let is_emoji =
        |c: char| matches!(c as u32, 0x1F000..=0x1FAFF | 0x2600..=0x27BF | 0x200D | 0xFE0F);
    let rest = &text[i..];
    let first = rest.chars().next()?;
    if !is_emoji(first) {
        return None;
    }
    let len = rest
        .char_indices()
        .find(|&(_, c)| !is_emoji(c) && c != ' ')
        .map_or(rest.len(), |(k, _)| k);
    let next = rest[len..].chars().next()?;
    (next != '\n' && next != '\r').then_some(i + len)
}

/// Whether `text` starts with a word that opens a sentence and never a name: a pronoun, a
/// determiner or a conjunction in capitals ("I said", "We", "The").
fn opens_a_sentence(text: &str) -> bool {
    const OPENERS: &[&str] = &[
        "I", "I'm", "I’m", "I've", "I’ve", "I'll", "I’ll", "We", "We're", "We’re", "She", "She's",
        "She’s", "He", "He's", "He’s", "They", "You", "It", "It's", "It’s", "Our", "My", "The",
        "This", "That", "So", "But", "And", "Also", "Then", "Now", "Anyway", "Not",
    ];
    let word = text
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '!' | '.' | '?'))
        .next()
        .unwrap_or("");
    OPENERS.contains(&word)
}

/// Where sentences start: after `.`, `!`, `?` or `…` and a space (not after "Mrs." or an
/// initial like "J.", nor after an ellipsis that goes on in lower case), and at a line that
/// starts a list item or heading. Simpler and much faster than full Unicode sentence
/// segmentation, and it keeps "Mary\nJones" (a wrapped line) in one sentence.
fn sentence_starts(text: &str) -> Vec<usize> {
    const ABBREVIATIONS: &[&str] = &[
        "mr", "mrs", "ms", "mx", "dr", "st", "jr", "sr", "rev", "prof", "capt", "sgt", "lt", "col",
        "gen", "gov", "sen", "rep", "hon", "vs", "etc", "no", "ave", "rd", "mt", "ft", "approx",
    ];
    let bytes = text.as_bytes();
    let mut starts = vec![0];
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let terminator = matches!(b, b'.' | b'!' | b'?')
            || (text.is_char_boundary(i) && text[i..].starts_with('…'));
        if terminator {
            let word_start = text[..i]
                .rfind(|c: char| !c.is_alphanumeric())
                .map_or(0, |p| {
                    p + text[p..].chars().next().map_or(1, char::len_utf8)
                });
            let word = text[word_start..i].to_ascii_lowercase();
            let abbreviation = b == b'.'
                && (ABBREVIATIONS.contains(&word.as_str())
                        // An initial ("J. Smith"), not the end of "Gel-X."
                        || (word.chars().count() == 1 && !text[..word_start].ends_with('-')));
            let mut j = i + text[i..].chars().next().map_or(1, char::len_utf8);
            // Closing quotes, brackets and emphasis ("**Holiday hours.** We're open") end the
            // sentence with it.
            let mut quoted = false;
            loop {
                if j < bytes.len()
                    && matches!(
                        bytes[j],
                        b'.' | b'!' | b'?' | b'"' | b'\'' | b')' | b'*' | b'_'
                    )
                {
                    quoted |= matches!(bytes[j], b'"' | b'\'');
                    j += 1;
                } else if let Some(q) = ['”', '’'].into_iter().find(|&q| text[j..].starts_with(q))
                {
                    quoted = true;
                    j += q.len_utf8();
                } else {
                    break;
                }
            }
            if !abbreviation && j < bytes.len() && bytes[j].is_ascii_whitespace() {
                while j < bytes.len() && bytes[j].is_ascii_whitespace() {
                    j += 1;
                }
                // The one who yells "LAST ROUND!" before the bell: a quoted cry inside a
                // sentence, which goes on in lower case.
                // So does a sentence trailing off ("parked across 2 spots… yes hes on my
                // table"), but not a word said on its own ("Anyway... watch the debate").
                let ellipsis = (text[i..].starts_with('…') || text[i..].starts_with("..."))
                    && starts
                        .last()
                        .is_some_and(|&s| text[s..i].split_whitespace().nth(2).is_some());
                let goes_on = (quoted || ellipsis)
                    && text[j..].chars().next().is_some_and(char::is_lowercase);
                if j < bytes.len() && !goes_on {
                    starts.push(j);
                }
            }
            i = j.max(i + 1);
            continue;
        }
        if b >= 0xF0
            && text.is_char_boundary(i)
            && let Some(j) = after_emoji_run(text, i)
        {
            // "not in a good mood after the clássico 😂🦅 I said don't worry": in a post, an
            // emoji ends a sentence when a sentence's first word follows it.
            if starts.last().is_some_and(|&s| s < i) && opens_a_sentence(&text[j..]) {
                starts.push(j);
            }
            i = j.max(i + 1);
            continue;
        }
        if b == b'\n' {
            // Only the line's first few characters matter: a list marker or "12." / "3)".
            // Looking further (to the next '.' anywhere) made long texts quadratic.
            let rest = &text[i + 1..];
            let line_end = rest.find('\n').map_or(rest.len(), |e| e);
            let line = rest[..line_end].trim_start_matches([' ', '\t']);
            // A list item, a heading, a quote, or a line led by an emoji or a symbol ("🌹 Chase
            // the shade"): each is a sentence of its own.
            let symbol = line
                .chars()
                .next()
                .is_some_and(|c| !c.is_alphanumeric() && !c.is_whitespace() && !c.is_ascii());
            let item = symbol
                || line.starts_with(['-', '*', '•', '#', '>', '|'])
                || line.split_once(['.', ')']).is_some_and(|(n, _)| {
                    !n.is_empty() && n.len() <= 3 && n.bytes().all(|d| d.is_ascii_digit())
                });
            // A line after one that ends in an emoji or a bracket ("... I'm obsessed)\nGood
            // luck to ..."), as social posts are written: a new sentence if it starts with a
            // capital. A line wrapped mid-sentence ends in a letter or a comma.
            let ended = text[..i]
                .trim_end_matches([' ', '\t', '\r'])
                .chars()
                .next_back()
                .is_some_and(|c| {
                    !c.is_alphanumeric()
                        && !matches!(c, ',' | ';' | ':' | '-' | '–' | '—' | '&' | '(' | '/')
                });
            let capital = line.chars().next().is_some_and(char::is_uppercase);
            if item || (ended && capital) {
                starts.push(i + 1);
            }
        }
        i += 1;
    }
    while starts.last().is_some_and(|&s| !text.is_char_boundary(s)) {
        starts.pop();
    }
    starts
}

/// Whether a name that is also a month ("April", "May", "June", "August", "Dec", "Jan") or a
/// day ("Monday") is used as the month or the day: after "in", "since", "early"..., or before
/// a day, a year or another month (an abbreviation only next to a day: "dec 18"); a day of
/// the week unless it does something.
fn is_date_use(lx: &Lexicons, name: &str, prev: &str, next: &str) -> bool {
    let abbreviation = matches!(
        name,
        "jan"
            | "feb"
            | "mar"
            | "apr"
            | "jun"
            | "jul"
            | "aug"
            | "sep"
            | "sept"
            | "oct"
            | "nov"
            | "dec"
    );
    if abbreviation {
        // "dec 18 due date", "Jan 5": Dec and Jan are names only without a day.
        return next.starts_with(|c: char| c.is_ascii_digit())
            || prev.chars().next().is_some_and(|c| c.is_ascii_digit());
    }
    // "Monday starter-loc appointments now open": a day of the week is the day, unless it
    // does something ("Monday came in", "Monday was") — Gullah and Akan day names are names.
    const WEEKDAYS: &[&str] = &[
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    if WEEKDAYS.contains(&name) {
        let next = next.to_lowercase();
        return !matches!(
            next.as_str(),
            "was" | "is" | "came" | "sat" | "said" | "told" | "got" | "has" | "had"
        );
    }
    if !MONTHS_THAT_ARE_NAMES.contains(&name) {
        return false;
    }
    let prev = prev.to_lowercase();
    let next = next.to_lowercase();
    matches!(
        prev.as_str(),
        "in" | "of"
            | "into"
            | "since"
            | "until"
            | "till"
            | "by"
            | "from"
            | "through"
            | "early"
            | "late"
            | "mid"
            | "this"
            | "next"
            | "last"
            | "every"
            | "before"
            | "after"
            | "during"
    ) || next.starts_with(|c: char| c.is_ascii_digit())
        || matches!(next.as_str(), "through" | "thru" | "to" | "till" | "until")
        // "june bookings are open", "our May specials": the month's calendar.
        || matches!(
            next.as_str(),
            "bookings" | "appointments" | "slots" | "schedule" | "special" | "specials"
                | "availability" | "calendar" | "dates" | "newsletter" | "edition" | "issue"
                | "promo" | "deals" | "hours" | "intake" | "wedding" | "weddings" | "bride"
                | "brides"
        )
        || lx.is_calendar_word(&crate::normalize::normalize(&next))
}

/// The months that are also first names, whose use as a date the words around them tell.
const MONTHS_THAT_ARE_NAMES: &[&str] = &["april", "may", "june", "august"];

/// Whether the words after a month's name say how booked it is: "June is already half full",
/// "June is still wide open", "August is filling up"; not "June is booked in for Tuesday".
fn month_is_booked(name: &str, after: &str) -> bool {
    if !MONTHS_THAT_ARE_NAMES.contains(&name) {
        return false;
    }
    let mut words = after
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase);
    if !words
        .next()
        .is_some_and(|w| matches!(w.as_str(), "is" | "was" | "s" | "'s"))
    {
        return false;
    }
    let mut words = words.skip_while(|w| {
        matches!(
            w.as_str(),
            "already"
                | "still"
                | "almost"
                | "nearly"
                | "fully"
                | "half"
                | "pretty"
                | "wide"
                | "totally"
                | "completely"
                | "basically"
                | "now"
        )
    });
    let state = words.next().unwrap_or_default();
    let then = words.next().unwrap_or_default();
    matches!(
        state.as_str(),
        "full"
            | "booked"
            | "open"
            | "filling"
            | "packed"
            | "busy"
            | "quiet"
            | "gone"
            | "slammed"
            | "sold"
    ) && !matches!(then.as_str(), "in" | "for" | "with" | "to")
}

/// Whether the words before a name make it where someone travels ("off to skye", "flew to
/// Florence", "back from Georgia", "a seminar in Savannah"), and no "'s" after makes it
/// someone's home.
fn is_trip_to(before: &str, after: &str) -> bool {
    if after.starts_with(['\'', '’']) {
        return false;
    }
    let mut words = before.split_whitespace().rev().map(str::to_lowercase);
    let (Some(preposition), Some(verb)) = (words.next(), words.next()) else {
        return false;
    };
    match preposition.as_str() {
        "to" => matches!(
            verb.as_str(),
            "off"
                | "trip"
                | "heading"
                | "headed"
                | "flew"
                | "flying"
                | "drove"
                | "driving"
                | "sailed"
                | "sailing"
                | "ferry"
                | "travelled"
                | "traveled"
                | "moving"
                | "moved"
        ),
        "from" => matches!(verb.as_str(), "back" | "home" | "flew" | "drove" | "sailed"),
        // "a continuing-ed seminar in Savannah", "a conference in Florence": an event's town.
        "in" => matches!(
            verb.as_str(),
            "seminar"
                | "conference"
                | "course"
                | "training"
                | "workshop"
                | "convention"
                | "event"
                | "wedding"
                | "holiday"
                | "vacation"
                | "trip"
                | "week"
                | "weekend"
        ),
        _ => false,
    }
}

/// Whether a title-case word sits inside a run of capitalised words mid-sentence.
fn in_proper_name(text: &str, span: Span) -> bool {
    let original = &text[span.range()];
    let mut chars = original.chars();
    let title = chars.next().is_some_and(char::is_uppercase) && chars.any(char::is_lowercase);
    // "Our favourite Porsche driver": a phrase with a lower-case word is no part of a name
    // ("Public Library" is).
    let every_word = || {
        original
            .split_whitespace()
            .all(|w| w.chars().next().is_none_or(|c| !c.is_lowercase()))
    };
    if !title || !every_word() {
        return false;
    }
    let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let next = text[span.end..]
        .trim_start_matches(['\'', '’', 's'])
        .split_whitespace()
        .next()
        .unwrap_or("");
    let before = &text[..span.start];
    let prev = before.split_whitespace().next_back().unwrap_or("");
    let sentence_start = before.trim_end().is_empty()
        || before
            .trim_end()
            .ends_with(['.', '!', '?', ':', '\n', '#', '*', '-', '—', '•'])
        || before.ends_with('\n');
    // "The Wagon and Horses", "the Fox & Hounds": a capitalised word joined to the name's
    // other capitalised word by "and", "&" or "of".
    let joined = || {
        let mut words = before.split_whitespace().rev();
        let (join, earlier) = (words.next().unwrap_or(""), words.next().unwrap_or(""));
        matches!(join, "and" | "&" | "of")
            && capital(earlier)
            && !earlier.ends_with(['.', '!', '?', ':', ','])
            && words
                .next()
                .is_some_and(|w| !w.ends_with(['.', '!', '?', ':']))
    };
    (capital(next) && !next.starts_with("I "))
        || (!sentence_start && capital(prev) && !prev.ends_with(['.', '!', '?', ':']))
        || joined()
}

/// Whether most sentences start with a capital letter.
impl Layout {
    /// Whether most sentences start with a capital letter.
    fn is_cased(&self, text: &str) -> bool {
        is_cased(text, &self.sentences)
    }
}

fn is_cased(text: &str, bounds: &[usize]) -> bool {
    let mut starts = 0;
    let mut capital = 0;
    for (i, &start) in bounds.iter().enumerate() {
        let end = bounds.get(i + 1).copied().unwrap_or(text.len());
        if let Some(c) = text[start..end].chars().find(|c| c.is_alphabetic()) {
            starts += 1;
            if c.is_uppercase() {
                capital += 1;
            }
        }
    }
    capital * 2 > starts
}

/// The age told of a name by the words right after it: "is 16", "turns sixteen", ", 58,",
/// "(9)", "is four months old" (0). None when the words say something else.
fn told_age(after: &str) -> Option<u16> {
    const UNITS: &[&str] = &[
        "minutes", "minute", "min", "mins", "hours", "hour", "hrs", "foot", "feet", "ft", "inches",
        "cm", "kg", "lbs", "pounds", "miles", "km", "pages", "points", "percent", "dollars",
        "bucks", "times", "reps", "am", "pm", "of", "out",
    ];
    let head: String = after
        .chars()
        .take(40)
        .flat_map(char::to_lowercase)
        .collect();
    let said = [
        ", who is ",
        ", who turns ",
        " just turned ",
        " is now ",
        " turned ",
        " turns ",
        " is ",
    ]
    .iter()
    .find_map(|p| head.strip_prefix(p));
    // "Bill, 58, had", "Sól (4)": an age in apposition, closed at once.
    let apposed = [", ", " ("].iter().find_map(|p| head.strip_prefix(p));
    let rest = said.or(apposed)?;
    let number: String = rest
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '-')
        .collect();
    let years = if number.chars().all(|c| c.is_ascii_digit()) {
        number.parse().ok()?
    } else {
        crate::cues::number_of(&number)?
    };
    let unit = rest[number.len()..].trim_start_matches([' ', '-']);
    if ["month", "week", "day"].iter().any(|u| unit.starts_with(u)) {
        return Some(0);
    }
    let next = unit
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    let fits = if said.is_some() {
        // "is 5 foot 2", "is 40 minutes late": a measure, not an age.
        !UNITS.contains(&next)
    } else {
        rest[number.len()..].starts_with([',', ')'])
    };
    (fits && (1..=120).contains(&years)).then_some(years)
}

/// Whether the line around `span` (within 200 bytes of it) is written in capitals: at least a
/// dozen letters, nearly all of them capitals.
fn shouted(text: &str, span: Span) -> bool {
    let (before, after) = line_around(text, span, 200);
    let (mut letters, mut capitals) = (0usize, 0usize);
    let line = before
        .chars()
        .chain(text[span.range()].chars())
        .chain(after.chars());
    for c in line.filter(|c| c.is_alphabetic()) {
        letters += 1;
        capitals += usize::from(c.is_uppercase());
    }
    letters >= 12 && capitals * 10 >= letters * 9
}

fn is_word_like_sentence_start(next: &str) -> bool {
    // "Mark Your Calendars" style titles capitalise every word; "I" is a pronoun.
    matches!(next, "I" | "I'm" | "I'll" | "I've")
}

fn note(c: Cue) -> CueNote {
    CueNote {
        // (The one cue of no width is a raffle draft's: the draft itself is the sign.)
        kind: if c.span.is_empty() {
            "raffle-draft"
        } else {
            cue_name(c.kind)
        },
        span: c.span,
    }
}

/// Up to [`NEAREST_CONTEXT`] cues of `list` (in span order) that start in `from..to`, the
/// nearest to byte `at` first.
fn nearest(list: &[Cue], (from, to): (usize, usize), at: usize) -> Vec<Cue> {
    let lo = list.partition_point(|c| c.span.start < from);
    let hi = list.partition_point(|c| c.span.start < to);
    let mid = list[lo..hi].partition_point(|c| c.span.start < at) + lo;
    let (mut left, mut right) = (mid, mid);
    let mut out = Vec::new();
    while out.len() < NEAREST_CONTEXT && (left > lo || right < hi) {
        let take_left = right >= hi
            || (left > lo
                && at.abs_diff(list[left - 1].span.start) <= list[right].span.start.abs_diff(at));
        if take_left {
            left -= 1;
            out.push(list[left]);
        } else {
            out.push(list[right]);
            right += 1;
        }
    }
    out
}

/// At most `max` bytes of `text` before `end`, starting at a word boundary (a cut first word
/// is dropped), for looking at the words just before a cue without copying the whole text.
/// The sentence up to `end`, at most `max` bytes of it (whole words): from the last sentence
/// mark or line break before `end`.
fn sentence_before(text: &str, end: usize, max: usize) -> &str {
    let near = tail(text, end, max);
    near.rfind(['.', '!', '?', '\n'])
        .map_or(near, |i| &near[i + 1..])
}

/// The line around `span`, at most `max` bytes either side of it (so that reading it for
/// every mention stays linear in a draft written on one long line).
fn line_around(text: &str, span: Span, max: usize) -> (&str, &str) {
    let mut from = span.start.saturating_sub(max);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let mut to = (span.end + max).min(text.len());
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    let before = &text[from..span.start];
    let after = &text[span.end..to];
    let before = before.rfind('\n').map_or(before, |i| &before[i + 1..]);
    let after = after.find('\n').map_or(after, |i| &after[..i]);
    (before, after)
}

fn tail(text: &str, end: usize, max: usize) -> &str {
    let mut start = end.saturating_sub(max);
    if start == 0 {
        return &text[..end];
    }
    while !text.is_char_boundary(start) {
        start += 1;
    }
    let head = &text[start..end];
    match head.find(char::is_whitespace) {
        Some(i) => &head[i..],
        None => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_age_told_of_a_name_is_read_and_a_measure_is_not() {
        assert_eq!(told_age(" is four months old and"), Some(0));
        assert_eq!(told_age(" turns sixteen on Saturday"), Some(16));
        assert_eq!(told_age(", 58, had a fall"), Some(58));
        assert_eq!(told_age(" (9) and her twin"), Some(9));
        assert_eq!(told_age(" is 5 foot 2"), None);
        assert_eq!(told_age(" is 40 minutes late"), None);
        assert_eq!(told_age(", 3 of us loved it"), None);
        assert_eq!(told_age(" is here"), None);
    }

    fn cue(start: usize) -> Cue {
        Cue {
            span: Span::new(start, start + 1),
            kind: CueKind::Context(Strength::Weak),
        }
    }

    #[test]
    fn a_role_with_a_relative_names_the_relative() {
        let lx = Lexicons::builtin().unwrap();
        let kin = |text: &str, role: &str| {
            let start = text.find(role).unwrap();
            is_kin(text, Span::new(start, start + role.len()), &lx.kin)
        };
        assert!(kin("The mayor's boy came in Monday", "mayor"));
        assert!(kin("the fire chief's new missus", "fire chief"));
        assert!(kin("son of the mayor", "mayor"));
        assert!(kin(
            "husband of County Commissioner Bernadette",
            "Commissioner"
        ));
        assert!(kin("widow of the former mill manager", "mill manager"));
        assert!(!kin("The mayor came in for her shoulder", "mayor"));
        assert!(!kin("the captain of the Estrella", "captain"));
        assert!(!kin("the mayor's office called", "mayor"));
        // Spouses, and a possessive that is a word of its own, with its own relatives.
        assert!(kin("she is married to the dominee", "dominee"));
        assert!(kin("engaged to the fire chief", "fire chief"));
        assert!(kin("ons dominee se vrou was hier", "dominee"));
        assert!(!kin("the dominee se preek", "dominee"));
        // Whatever follows, however it is written.
        assert!(!kin(
            "the mayor’s ☕️☕️☕️☕️☕️☕️☕️☕️☕️☕️☕️☕️☕️☕️☕️☕️☕️☕️☕️☕️☕️☕️",
            "mayor"
        ));
    }

    #[test]
    fn first_words_stop_at_the_clause_and_the_bound() {
        assert_eq!(
            first_words("dragons hooker has the hands", 3, 80),
            "dragons hooker has"
        );
        assert_eq!(
            first_words("Cutters centre, up on the plinth", 4, 80),
            "Cutters centre"
        );
        assert_eq!(first_words("ab cd", 3, 80), "ab cd");
        assert_eq!(first_words("héllo wörld again", 3, 2), "h");
    }

    #[test]
    fn an_age_range_is_a_group() {
        for after in [
            " and over",
            " and up.",
            "+ welcome",
            " to 12",
            "-16s",
            " or older",
        ] {
            assert!(is_age_range(after), "{after}");
        }
        for after in [
            " and still swimming",
            " today",
            " to the day",
            " - what a woman",
            "",
        ] {
            assert!(!is_age_range(after), "{after}");
        }
    }

    #[test]
    fn a_quoted_cry_inside_a_sentence_does_not_end_it() {
        let text = "The one who yells \"LAST ROUND!\" before the bell had her knee done. \
                    She said “Never again!” Then she booked.";
        let starts: Vec<&str> = sentence_starts(text)
            .into_iter()
            .map(|s| &text[s..text[s..].find(' ').map_or(text.len(), |e| s + e)])
            .collect();
        assert_eq!(starts, ["The", "She", "Then"]);
    }

    #[test]
    fn an_emoji_before_a_sentences_first_word_ends_a_sentence() {
        let text = "Our favourite fan was NOT happy after the match 😂🦅 I said don't worry \
                    🙏 Mary Jones would agree 👀 the end";
        let starts: Vec<&str> = sentence_starts(text)
            .into_iter()
            .map(|s| &text[s..text[s..].find(' ').map_or(text.len(), |e| s + e)])
            .collect();
        // Not before a name ("Mary") nor before a word in lower case.
        assert_eq!(starts, ["Our", "I"]);
    }

    #[test]
    fn nearest_takes_the_closest_inside_the_window() {
        let list: Vec<Cue> = (0..100).map(|i| cue(i * 10)).collect();
        let got: Vec<usize> = nearest(&list, (200, 700), 455)
            .iter()
            .map(|c| c.span.start)
            .collect();
        assert_eq!(got.len(), NEAREST_CONTEXT);
        assert!(got.iter().all(|&s| (200..700).contains(&s)), "{got:?}");
        assert!(got.contains(&450) && got.contains(&460), "{got:?}");
        assert!(!got.contains(&200) && !got.contains(&690), "{got:?}");
        assert!(nearest(&list, (2000, 3000), 2500).is_empty());
        assert_eq!(nearest(&list, (0, 25), 999).len(), 3);
    }

    #[test]
    fn tail_keeps_whole_words_before_the_offset() {
        let text = "one two three four";
        assert_eq!(tail(text, 13, 100), "one two three");
        assert_eq!(tail(text, 13, 7), " three");
        assert_eq!(tail("ééééé x", 10, 3), "");
    }
}
