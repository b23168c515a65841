//! Cues: the words around a client that make a draft a leak — phrases that say someone is a
//! client, health details, occupations, ages, roles, public figures, traits, gossip.
//!
//! Every lexicon term goes into one Aho–Corasick automaton (built once, independent of the
//! roster's size), plus the roster's own affiliations, places and traits. Ages are read with
//! regexes. A cue is only evidence: the `assess` module decides what a set of cues means.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, MatchKind};
use regex::Regex;

use crate::lexicon::{Lexicons, Strength};
use crate::names::NameIndex;
use crate::normalize::{Normalized, normalize};
use crate::roster::Roster;
use crate::span::Span;

/// The kind of trait a trait cue is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TraitKind {
    /// A car or other vehicle.
    Vehicle,
    /// A pet.
    Pet,
    /// Looks.
    Appearance,
    /// A life event.
    LifeEvent,
}

/// What a cue says.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum CueKind {
    /// Someone is or was a client.
    Context(Strength),
    /// A context phrase in the plural ("appointments", "sessions"): about clients in general,
    /// so it counts as weak context for a name, never for a description.
    ContextPlural,
    /// Gossip or a complaint.
    Gossip(Strength),
    /// A public call-out of one person ("To the lady with the lime green Bronco who ..."):
    /// strong gossip that, said to someone's face, is also a sign they were served.
    CallOut,
    /// A word of a policy notice ("fee", "policy").
    Policy,
    /// A health detail.
    Health,
    /// A photo of the person.
    Photo,
    /// A quote or story.
    Story,
    /// An occupation (index into the occupation lexicon).
    Occupation(u32),
    /// A role few hold (index into the role lexicon).
    Role(u32),
    /// A public-figure role (index into `public.roles`).
    PublicRole(u32),
    /// A professional team (index into `public.teams`).
    Team(u32),
    /// A major event.
    Event(u32),
    /// "X's manager".
    Entourage,
    /// A wink at someone the reader should recognise: "a certain Cutters centre".
    Hint,
    /// A dare to guess who was served ("guess who was on my table"): whoever the draft then
    /// describes is someone its readers are expected to recognise.
    Teaser,
    /// A broadcaster or outlet.
    Broadcaster,
    /// A generic trait.
    Trait(TraitKind, u32),
    /// A roster affiliation (employer, team, club) of client `.0`.
    RosterAttribute(u32),
    /// A workplace named in the occupation of client `.0` ("cashier at Zimmerman's Market").
    RosterWorkplace(u32),
    /// A roster trait phrase of client `.0`.
    RosterTrait(u32),
    /// A roster place (a street, a neighbourhood) of client `.0`.
    RosterPlace(u32),
    /// A public or business role ("donated", "good luck to", "speaking at").
    Capacity,
    /// A word that makes the draft a reply to a review.
    Review,
    /// A phrase telling a reviewer's visit back to them ("you booked", "your appointment").
    Reply,
    /// A phrase saying the practice keeps everyone's care private ("we never confirm or
    /// discuss who we treat"): its sentence tells nothing about anyone.
    KeepsPrivate,
    /// A set phrase ("farmer's carry", "baker's dozen"): the cues inside it are not evidence.
    Idiom,
    /// A phrase after which health words are a topic ("questions on shin splints"), not
    /// anyone's condition.
    Topic,
    /// An age, exact or as a decade (`80` for "in her eighties").
    Age {
        /// Years, or the decade's first year.
        years: u16,
        /// Whether it is a decade ("in her eighties").
        decade: bool,
    },
}

/// One cue in a draft.
#[derive(Clone, Copy, Debug)]
pub struct Cue {
    /// Where, in the original text.
    pub span: Span,
    /// What it says.
    pub kind: CueKind,
}

/// The compiled cue matcher.
#[derive(Debug)]
pub struct CueMatcher {
    /// The lexicons: a fixed size, whatever the roster.
    automaton: AhoCorasick,
    kinds: Vec<Vec<CueKind>>,
    /// Per lexicon pattern, the words that take part in a sign found in code: an injury
    /// ([`INJURY_PART`] ...: a part and a word that injures it, side by side, make a health
    /// cue, see [`CueMatcher::injuries`]), a practitioner's seat ([`SEAT`]) or the end of a time
    /// ([`TIME`]).
    marks: Vec<u8>,
    /// Part-and-word phrases that mostly mean something else ("pulled his leg").
    injury_except: Vec<String>,
    /// Words after a service that make it a thing, not a visit ("her massage business").
    not_a_visit: Vec<String>,
    /// The roster's affiliations, traits and places: grows with the roster, so a hash index
    /// (see [`crate::names`]) rather than part of the automaton.
    roster: NameIndex,
    roster_kinds: Vec<Vec<CueKind>>,
    ages: Vec<(Regex, AgeForm)>,
    /// "C5/C6", "L4-L5", "L5/S1": two neighbouring vertebrae, a health detail (checked in
    /// [`vertebrae`]).
    vertebrae: Regex,
    /// "had her worship in twice", "had a famous face in on Saturday", "got that hot towel
    /// shave in here this morning": a visit told with the
    /// visitor between "had" and "in" (the phrase is a strong client sign; its cue is the
    /// "in ..." part, so that it never overlaps the description inside it).
    visit: Regex,
    /// "while his mom gets her sciatica sorted": someone's complaint seen to (a sign only when
    /// the words between are a health detail the automaton found).
    seen_to: Regex,
    /// "To the sweet gentleman who tucked a $2 bill...", "to the young fella with the yellow
    /// ute": a public call-out of one person, however the writer qualifies them.
    callout: Regex,
    /// "she's now 30 weeks", "born at 34 weeks", "36 weeks now", "#36weeks": how far along a
    /// pregnancy is (judged in [`gestation`]).
    weeks: Regex,
    /// "that's my wednesday 2:00", "our 10:30": a standing appointment slot, a weak sign (the
    /// times with "am", "pm" or "min" are found by [`appointment`]).
    slot: Regex,
    /// "keisha sat 8 HOURS for these boho knotless", "sat 5 hrs for 120 starter locs": sitting
    /// hours for a service is a visit (a strong sign; not "sat 2 hours in traffic").
    sat_hours: Regex,
    /// "she's been getting her hair set every Friday", "rocks up every tuesday": one person's
    /// weekly habit, a weak sign (see [`is_habit`]; "every Friday" alone is a schedule's).
    /// "The green Volvo is outside, so it must be Wednesday" tells a habit in itself.
    habit: Regex,
    /// "trimmed the fire chief's mustache", "taped his knee": work done on someone (see
    /// [`crate::lexicon::Tending`]).
    tended: Regex,
    /// "our most punctual patient", "my sweetest little regular": one client, described (see
    /// `our_one:` in `context.yaml`).
    our_one: Regex,
    /// "one of our aunties": one of the practice's clients (`one_of:` in `context.yaml`).
    one_of: Regex,
    /// Words for a relative, normalised: "did Babcia's hair" is the writer's family.
    relatives: Vec<String>,
}

/// Whether the "every Tuesday" at `at` is one person's habit: a person or a visit
/// ("she", "his", "who", "comes", "rocks up") earlier in its clause, within 60 bytes. (The
/// day is looked for first: it is rare, the person words are everywhere.) "It must be
/// Wednesday" is always one.
fn is_habit(text: &str, at: usize) -> bool {
    if !text[at..].starts_with("every") {
        return true;
    }
    let before = &text[Span::new(at.saturating_sub(60), at).snap(text).range()];
    let clause = before.rsplit(['.', '!', '?', '\n']).next().unwrap_or("");
    clause.split(|c: char| !c.is_alphanumeric()).any(|w| {
        matches!(
            w,
            "she"
                | "he"
                | "her"
                | "his"
                | "who"
                | "come"
                | "comes"
                | "came"
                | "coming"
                | "rocks"
                | "rock"
                | "pops"
                | "pop"
        )
    })
}

/// Whether the age whose number starts at `start` is a likeness, not anyone's age: "walked
/// out like she was 50", "moves like a 20-year-old", "as if he were 30", "like i'm 25 again".
fn is_a_likeness(text: &str, start: usize) -> bool {
    let words: Vec<&str> = text[..start].split_whitespace().rev().take(3).collect();
    let like = |w: &str| matches!(w, "like" | "if" | "though");
    match words.as_slice() {
        [a, l, ..] if matches!(*a, "a" | "an") && like(l) => true,
        [v, p, l, ..] if matches!(*v, "was" | "is" | "were" | "are") && like(l) => {
            matches!(*p, "she" | "he" | "i" | "you" | "they" | "we")
        }
        [p, l, ..] if like(l) => matches!(
            *p,
            "she's" | "he's" | "i'm" | "you're" | "they're" | "we're" | "shes" | "hes" | "im"
        ),
        _ => false,
    }
}

/// Whether the age at `start..end` is anyone's, not the reader's: "whether you are 20 or
/// 80", "if you're 40".
fn is_anyones_age(text: &str, start: usize, end: usize) -> bool {
    let spoken_to = ["you", "ur "]
        .iter()
        .any(|w| text[start..end].starts_with(w));
    let before = text[..start].trim_end();
    let word = before.rsplit(' ').next().unwrap_or("");
    spoken_to
        && (matches!(
            word,
            "if" | "whether" | "when" | "once" | "unless" | "until"
        ) || text[end..].starts_with(" or "))
}

/// Whether `word` is a verb in the past tense that a person does ("pulled", "came", "told"),
/// so the noun before it is someone: "our 85-year-old sweetheart pulled into the lot". Not
/// the participles that make a noun a kind of thing ("patient-focused", "client centred").
fn is_past_tense(word: &str) -> bool {
    const ADJECTIVES: &[&str] = &[
        "focused", "centred", "centered", "based", "oriented", "owned", "led", "need", "feed",
        "speed", "seed", "bed", "red", "shed",
    ];
    const IRREGULAR: &[&str] = &[
        "came", "told", "said", "brought", "got", "left", "sent", "made", "gave", "took", "drove",
        "rode", "ran", "swam", "fell", "slept", "sat", "wore", "won", "lost", "bought", "baked",
        "knew", "saw", "went", "kept",
    ];
    (word.len() > 4 && word.ends_with("ed") && !ADJECTIVES.contains(&word))
        || IRREGULAR.contains(&word)
}

/// Whether an age told in Spanish, Portuguese or Italian at `start..end` is a span of years:
/// "más de 30 años", "30 años de experiencia", "piu di 20 anni fa".
fn is_a_span_of_years(text: &str, start: usize, end: usize) -> bool {
    const SPAN: &[&str] = &[
        "mas",
        "menos",
        "piu",
        "meno",
        "mais",
        "despues",
        "depois",
        "antes",
        "luego",
        "durante",
        "cerca",
        "alrededor",
    ];
    let years = ["anos", "anitos", "aninhos", "anni"]
        .iter()
        .any(|w| text[start..end].ends_with(w));
    let before = text[..start].trim_end();
    let word = before.rsplit(' ').next().unwrap_or("");
    let after = text[end..].trim_start();
    years
        && (SPAN.contains(&word)
            || ["de ", "di ", "da ", "fa", "atras", "en ", "em "]
                .iter()
                .any(|w| after.starts_with(w)))
}

/// Whether the bare number at `start..end` ("90 and she") is a session's length, not an
/// age: "we did a full 90 and she left walking", "booked another 60 and he slept".
fn is_a_length(text: &str, start: usize, end: usize) -> bool {
    let bare = text[start..end].starts_with(|c: char| c.is_ascii_digit())
        && [" and she", " and he", " and still"]
            .iter()
            .any(|tail| text[start..end].ends_with(tail));
    let word = text[..start].trim_end().rsplit(' ').next().unwrap_or("");
    bare && matches!(
        word,
        "a" | "an" | "the" | "full" | "another" | "quick" | "extra"
    )
}

/// The attributions of quoted testimonials in the source: a line that starts with a dash
/// (in a block quote or not) under a quotation, or a dash after a closing quote mark on the
/// quote's own line ("Best massage of my life." — Jane). The words under it are a client's,
/// told as theirs: a sign that whoever signs them was served (strong context) and that
/// their story is told. Each cue covers the dash, so it never overlaps the name it signs.
pub fn testimonials(source: &str) -> Vec<Cue> {
    const DASHES: [&str; 4] = ["—", "–", "--", "-"];
    const CLOSING: [char; 5] = ['"', '”', '’', '\'', '»'];
    // Where a line's words start (after its block-quote marks), and whether it is quoted.
    let prose = |line: &str| -> (usize, bool) {
        let rest = line.trim_start_matches(|c: char| c == '>' || c.is_whitespace());
        (line.len() - rest.len(), line.trim_start().starts_with('>'))
    };
    // A quotation closes the line: its mark is the last thing but emoji and emphasis.
    let quoted = |text: &str| {
        text.trim_end_matches(|c: char| {
            c.is_whitespace() || c == '*' || c == '_' || !c.is_ascii() && !CLOSING.contains(&c)
        })
        .ends_with(CLOSING)
    };
    // A signature is a name, short ("— Cookie, Cookie's Clam Bar"), not a list item's sentence.
    let signed = |rest: &str| {
        let name = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '*' || c == '_');
        let line = name.lines().next().unwrap_or("");
        name.starts_with(|c: char| c.is_uppercase() || c == '@')
            && line.split_whitespace().count() <= 8
            && !line.trim_end().ends_with(['.', '?', ':'])
    };
    let mut cues = Vec::new();
    let mut at = 0;
    // The previous non-blank line: whether it closes a quotation, and whether it is quoted.
    let mut previous: Option<(bool, bool)> = None;
    for line in source.split_inclusive('\n') {
        let (lead, in_quote) = prose(line);
        let body = &line[lead..];
        let body_trimmed = body.trim_start_matches(['*', '_']);
        let dash_at = lead + (body.len() - body_trimmed.len());
        let mut sign = |span: Span| {
            cues.push(Cue {
                span,
                kind: CueKind::Context(Strength::Strong),
            });
            cues.push(Cue {
                span,
                kind: CueKind::Story,
            });
        };
        let dash = DASHES.iter().find(|d| body_trimmed.starts_with(**d));
        if let (Some(dash), Some((closes, quoted_before))) = (dash, previous)
            && (closes || quoted_before && in_quote)
            && signed(&body_trimmed[dash.len()..])
        {
            sign(Span::new(at + dash_at, at + dash_at + dash.len()));
        }
        // "“Best massage of my life.” — Jane" on one line.
        if let Some(open) = body.chars().next().filter(|c| matches!(c, '"' | '“')) {
            let open = open.len_utf8();
            for close in ['”', '"'] {
                let Some(i) = body[open..]
                    .find(close)
                    .map(|i| i + open + close.len_utf8())
                else {
                    continue;
                };
                let gap = body[i..].len() - body[i..].trim_start().len();
                let rest = &body[i + gap..];
                if let Some(dash) = DASHES.iter().find(|d| gap > 0 && rest.starts_with(**d))
                    && signed(&rest[dash.len()..])
                {
                    let start = at + lead + i + gap;
                    sign(Span::new(start, start + dash.len()));
                }
                break;
            }
        }
        if !body.trim().is_empty() {
            let item = body.starts_with(['-', '*', '+', '•']);
            previous = Some((quoted(body) && !item, in_quote));
        }
        at += line.len();
    }
    cues
}

/// How an age pattern writes the number it captures.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum AgeForm {
    /// Digits: "88-year-old".
    Digits,
    /// Spelled out: "sixty-seven years young".
    Words,
    /// A decade: "in her eighties".
    Decade,
}

/// Spelled-out ages, "twenty" to "ninety-nine" and "a hundred": the pattern's alternation.
const NUMBER_WORDS: &str = "(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|(?:a|one) hundred|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen";

/// Ages in words from thirteen up: "she's only nineteen", never "she's two" or "he's one of".
const GROWN_UP_WORDS: &str = "(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|(?:a|one) hundred|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen";

impl CueMatcher {
    /// Compiles the lexicons and the roster's attribute phrases.
    ///
    /// # Panics
    /// Never in practice: the built-in age patterns are tested.
    #[must_use]
    pub fn new(lx: &Lexicons, roster: &Roster) -> CueMatcher {
        Self::with(lx, RosterNeedles::new(lx, roster))
    }

    /// The lexicon matcher with an already-built index of roster phrases (from a cache).
    #[must_use]
    pub fn with(lx: &Lexicons, r: RosterNeedles) -> CueMatcher {
        Self::lexicon(lx).attach(r)
    }

    /// Attaches (replaces) the roster phrases.
    #[must_use]
    pub fn attach(mut self, r: RosterNeedles) -> CueMatcher {
        self.roster = r.index;
        self.roster_kinds = r.kinds;
        self
    }

    /// The lexicon part alone, which does not depend on the roster (so it can be built while
    /// the roster loads).
    #[must_use]
    pub fn lexicon(lx: &Lexicons) -> CueMatcher {
        let r = RosterNeedles::default();
        let mut b = Builder::default();
        lexicon_needles(lx, &mut b);
        // A contiguous NFA: the lexicons are several thousand phrases, and a DFA over them took
        // 80 ms and 30 MB to build on every start (half of a one-draft check) while scanning
        // the perf workload no faster.
        let automaton = AhoCorasick::builder()
            .kind(Some(aho_corasick::AhoCorasickKind::ContiguousNFA))
            .match_kind(MatchKind::Standard)
            .build(&b.patterns)
            .expect("lexicon automaton builds");
        let words = NUMBER_WORDS;
        let ages = [
            (r"\b(\d{1,3})[- ]?(?:year|yr)s?[- ]old\b".to_owned(), AgeForm::Digits),
            (r"\b(\d{1,3})[- ](?:years?|yrs?) (?:old|young)\b".to_owned(), AgeForm::Digits),
            (r"\b(\d{1,3})(?:st|nd|rd|th)? (?:birthday|bday|b-day)\b".to_owned(), AgeForm::Digits),
            (r"\b(?:aged|age|turned|turning|turns|just turned) (\d{2,3})\b".to_owned(), AgeForm::Digits),
            // "ur 72 not 27": the age of the one spoken to.
            (r"\b(?:is|was|now|she's|he's|she is|he is|you're|youre|you are|ur) (\d{2,3})\b(?: (?:years|yrs)(?: old)?)?".to_owned(), AgeForm::Digits),
            // "our 91 y/o client", "a 34yo nurse".
            (r"\b(\d{1,3}) ?(?:y/o|y\.o|yo)\b".to_owned(), AgeForm::Digits),
            // "77 and she hasn't missed a Sunday", "92 and still swimming": an elder's age.
            (r"\b([6-9]\d|1[01]\d) and (?:she|he|still)\b".to_owned(), AgeForm::Digits),
            (format!(r"\b({words})[- ](?:years?|yrs?)[- ](?:old|young)\b"), AgeForm::Words),
            (format!(r"\b(?:aged|turned|turning|turns|just turned) ({words})\b"), AgeForm::Words),
            // "she's only nineteen", "he's nearly forty": not "she's two" (a child's age, or
            // "she's one of ...").
            (format!(r"\b(?:she's|he's|she is|he is)(?: only| just| nearly| almost| barely)? ({GROWN_UP_WORDS})\b"), AgeForm::Words),
            // "in her eighties", "in his early twenties", "in her mid-thirties".
            (r"\bin (?:her|his|their) (?:(?:early|mid|late)[- ])?(twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b".to_owned(), AgeForm::Decade),
            // French: "dans la quatre-vingtaine", "il a 84 ans", "âgée de 67 ans" (not "il y a 30
            // ans", thirty years ago).
            (r"\bdans (?:la|sa) (?:jeune |fin |mi-)?(vingtaine|trentaine|quarantaine|cinquantaine|soixantaine|septantaine|quatre-vingtaine|nonantaine)\b".to_owned(), AgeForm::Decade),
            (r"\b(?:il a|elle a|agee? de|fete ses|fetera ses|ses) (\d{2,3}) ans\b".to_owned(), AgeForm::Digits),
            (r"\b(octogenarian|nonagenarian|centenarian)\b".to_owned(), AgeForm::Decade),
            // Spanish and Portuguese: "una doñita de 90 añitos", "tiene 84 años", "fez 70
            // anos" (not "hace 30 años", "faz 30 anos": years ago).
            (r"\b(?:de|tiene|tenia|cumplio|cumple|cumplira|tem|tinha|completou|completa|fez) (\d{2,3}) (?:anos|anitos|aninhos)\b".to_owned(), AgeForm::Digits),
            (r"\b(\d{2,3}) (?:anitos|aninhos)\b".to_owned(), AgeForm::Digits),
            // Italian: "una signora di 90 anni", "ha 84 anni", "compie 70 anni".
            (r"\b(?:di|ha|aveva|compie|compiuto|compira) (\d{2,3}) anni\b".to_owned(), AgeForm::Digits),
            // German: "die 84-jährige", "ist 90 Jahre alt".
            (r"\b(\d{2,3})[- ]?jahrige[nrs]?\b".to_owned(), AgeForm::Digits),
            (r"\b(\d{2,3}) jahre alt\b".to_owned(), AgeForm::Digits),
        ]
        .into_iter()
        .map(|(p, form)| (Regex::new(&p).expect("age pattern"), form))
        .collect();
        CueMatcher {
            automaton,
            kinds: b.kinds,
            marks: b.marks,
            injury_except: lx.injuries.except.iter().map(|e| normalize(e)).collect(),
            not_a_visit: lx.not_a_visit.clone(),
            roster: r.index,
            roster_kinds: r.kinds,
            ages,
            vertebrae: Regex::new(r"\b([ctl])(\d{1,2}) ?[/-] ?([ctls]?)(\d{1,2})\b")
                .expect("vertebrae pattern"),
            visit: Regex::new(
                r"\b(?:had|got) (?:a|an|the|that|her|his|our|one|two|three|four|some|my)(?: [\w'’-]+){0,4} (in (?:here )?(?:today|this|on|yesterday|twice|again|for|last|earlier))\b",
            )
            .expect("visit pattern"),
            seen_to: Regex::new(
                r"\b(?:gets?|getting|got|having|had) (?:her|his|their) ((?:[\w'’-]+ ){1,3})(sorted|seen to|looked at|worked on|fixed up)\b",
            )
            .expect("seen-to pattern"),
            callout: callout_pattern(&lx.callout),
            tended: tended_pattern(&lx.tending),
            our_one: Regex::new(&format!(
                r"\b(?:our|my) (?:[\w'-]+ ){{1,3}}(?:{})\b",
                lx.our_one.iter().map(|w| regex::escape(w)).collect::<Vec<_>>().join("|")
            ))
            .expect("our-one pattern"),
            one_of: Regex::new(&format!(
                r"\bone of (?:our|my) (?:[\w'-]+ ){{0,2}}(?:{})\b",
                lx.one_of.iter().map(|w| regex::escape(w)).collect::<Vec<_>>().join("|")
            ))
            .expect("one-of pattern"),
            relatives: lx.kin.relatives.iter().map(|r| normalize(r)).collect(),
            weeks: Regex::new(r"\b([2-3]\d|4[0-2])(?:\+\d)? ?weeks?\b").expect("weeks pattern"),
            sat_hours: Regex::new(
                r"\bsat (?:for )?(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\+? ?(?:hours?|hrs?)(?: straight)? (?:for|in my chair|in the chair|with)\b",
            )
            .expect("sat-hours pattern"),
            slot: Regex::new(
                r"\b(?:(?:my|our|his|her|their) (?:(?:mon|tues|wednes|thurs|fri|satur|sun)day )?\d{1,2}:\d\d)\b",
            )
            .expect("slot pattern"),
            habit: Regex::new(
                r"\b(?:every (?:other )?|(?:so |then )?it must be (?:a )?)(?:mon|tues|wednes|thurs|fri|satur|sun)day\b",
            )
                .expect("habit pattern"),
        }
    }

    /// Every cue in a normalised draft, with spans in the original text.
    #[must_use]
    pub fn find(&self, norm: &Normalized) -> Vec<Cue> {
        let text = norm.as_str();
        let mut cues = Vec::new();
        let mut injury_words: Vec<(usize, usize, u8)> = Vec::new();
        let mut services: Vec<Cue> = Vec::new();
        let mut tended_parts: Vec<usize> = Vec::new();
        let mut jobs: Vec<(usize, usize)> = Vec::new();
        for m in self.automaton.find_overlapping_iter(text) {
            let id = m.pattern().as_usize();
            let mark = self.marks.get(id).copied().unwrap_or(0);
            if mark & (SEAT | TIME) != 0 {
                // "'s table" after a name, "am" after "10": the start is inside a word.
                if text[m.end()..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric())
                {
                    let sign = if mark & SEAT != 0 {
                        seat(norm, m.start(), m.end())
                    } else {
                        appointment(norm, m.start(), m.end())
                    };
                    cues.extend(sign);
                }
                if self.kinds[id].is_empty() {
                    continue;
                }
            }
            if !crate::scanner::is_word_bounded(text, m.start(), m.end()) {
                continue;
            }
            if mark & INJURY != 0 {
                injury_words.push((m.start(), m.end(), mark));
            }
            if mark & SERVICE != 0 {
                services.extend(service(norm, m.start(), m.end(), &self.not_a_visit));
            }
            if mark & TENDED != 0 && after_possessive(text, m.start()) {
                tended_parts.push(m.end());
            }
            let span = norm.span(m.start(), m.end());
            // "my legs are DEAD" after a hike: the writer's own body, no one's visit.
            let own_body = mark & INJURY_PART != 0
                && text[..m.start()]
                    .strip_suffix("my ")
                    .is_some_and(|before| !before.ends_with(|c: char| c.is_alphanumeric()));
            for &kind in &self.kinds[id] {
                if !(own_body && matches!(kind, CueKind::Context(_))) {
                    cues.push(Cue { span, kind });
                }
                if matches!(kind, CueKind::Occupation(_)) {
                    jobs.push((m.start(), m.end()));
                }
            }
        }
        if !injury_words.is_empty() {
            self.injuries(norm, &injury_words, &mut cues);
        }
        for caps in self.vertebrae.captures_iter(text) {
            if vertebrae(&caps) {
                let m = caps.get(0).expect("whole match");
                cues.push(Cue {
                    span: norm.span(m.start(), m.end()),
                    kind: CueKind::Health,
                });
            }
        }
        let roster_from = cues.len();
        for (start, end, id) in self.roster.find(text) {
            if bare_number_of_something(text, start, end) {
                continue;
            }
            let span = norm.span(start, end);
            for &kind in &self.roster_kinds[id as usize] {
                cues.push(Cue { span, kind });
            }
        }
        // "her monthly facial" when a client's entry says "monthly facial": that client's
        // trait, which a sign would hide.
        services.retain(|s| !cues[roster_from..].iter().any(|r| r.span.overlaps(s.span)));
        cues.append(&mut services);
        // (Only in a draft with a health detail: the pattern's verbs are everywhere.)
        let seen_to = cues
            .iter()
            .any(|c| c.kind == CueKind::Health)
            .then(|| self.seen_to.captures_iter(text))
            .into_iter()
            .flatten();
        for caps in seen_to {
            let (Some(what), Some(verb)) = (caps.get(1), caps.get(2)) else {
                continue;
            };
            let what = norm.span(what.start(), what.end());
            if cues.iter().any(|c| {
                c.kind == CueKind::Health && what.start <= c.span.start && c.span.end <= what.end
            }) {
                cues.push(Cue {
                    span: norm.span(verb.start(), verb.end()),
                    kind: CueKind::Context(Strength::Strong),
                });
            }
        }
        for caps in self.visit.captures_iter(text) {
            if let Some(m) = caps.get(1) {
                cues.push(Cue {
                    span: norm.span(m.start(), m.end()),
                    kind: CueKind::Context(Strength::Strong),
                });
            }
        }
        // Not "my", "your" or "own" (the writer's own, or advice), a group ("every woman's"),
        // a relative ("did Babcia's hair": the writer's family), nor "did his back in" (an
        // injury). The cue is the verb, so that it never overlaps the person described. (The
        // pattern is tried only just before a part the automaton found, never over the whole
        // draft: its verbs, "did", "cut", are everywhere.)
        let mut verb_seen = 0;
        let tended = tended_parts.into_iter().filter_map(|end| {
            let mut from = end.saturating_sub(TENDED_REACH);
            while !text.is_char_boundary(from) {
                from += 1;
            }
            let caps = self
                .tended
                .captures_iter(&text[from..end])
                .find(|c| c.get(0).is_some_and(|m| from + m.end() == end))?;
            let all = caps.get(0)?;
            let verb = caps.get(1)?;
            let (start, verb_end) = (from + verb.start(), from + verb.end());
            // (A window may start inside a word: "recut" is no "cut".)
            if start < verb_seen
                || text[..start]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric)
            {
                return None;
            }
            let end = from + all.end();
            let ours = all.as_str().split(' ').any(|w| {
                matches!(
                    w,
                    "my" | "your" | "own" | "ur" | "every" | "each" | "all" | "everyone's"
                ) || w
                    .strip_suffix("'s")
                    .is_some_and(|k| self.relatives.iter().any(|r| r == k))
            });
            if ours || text[end..].starts_with(" in ") {
                return None;
            }
            verb_seen = verb_end;
            Some((start, verb_end))
        });
        for (start, end) in tended {
            cues.push(Cue {
                span: norm.span(start, end),
                kind: CueKind::Context(Strength::Strong),
            });
        }
        // (At the end of a clause or before a word that goes on about the person: not "our
        // patient portal".)
        let about_one = |end: usize| {
            if text[end..].starts_with(['-', '\'']) {
                // "our patient-centred care", "our client's".
                return false;
            }
            let next = text[end..].trim_start_matches(' ');
            let word = next
                .split(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or("");
            word.is_empty()
                || matches!(
                    word,
                    "who"
                        | "whose"
                        | "that"
                        | "is"
                        | "was"
                        | "has"
                        | "and"
                        | "since"
                        | "of"
                        | "in"
                        | "at"
                        | "ever"
                        | "by"
                )
                || is_past_tense(word)
        };
        // The cue is the noun, so that it never overlaps the description before it ("our
        // 91-year-old patient", "one of our chef clients").
        let noun = |m: regex::Match<'_>| Cue {
            span: norm.span(
                m.as_str()
                    .rfind(' ')
                    .map_or(m.start(), |i| m.start() + i + 1),
                m.end(),
            ),
            kind: CueKind::Context(Strength::Weak),
        };
        cues.extend(self.one_of.find_iter(text).map(noun));
        cues.extend(
            self.our_one
                .find_iter(text)
                .filter(|m| about_one(m.end()))
                .map(noun),
        );
        for m in self.callout.find_iter(text) {
            cues.push(Cue {
                span: norm.span(m.start(), m.end()),
                kind: CueKind::CallOut,
            });
        }
        // "To the fisherman who paid his bill in fresh fish": a call-out by trade.
        for (start, end) in jobs {
            if let Some(from) = job_callout(text, start, end) {
                cues.push(Cue {
                    span: norm.span(from, end),
                    kind: CueKind::CallOut,
                });
            }
        }
        let habits = self
            .habit
            .find_iter(text)
            .filter(|m| is_habit(text, m.start()));
        for m in habits.chain(self.slot.find_iter(text)) {
            cues.push(Cue {
                span: norm.span(m.start(), m.end()),
                kind: CueKind::Context(Strength::Weak),
            });
        }
        for m in self.sat_hours.find_iter(text) {
            cues.push(Cue {
                span: norm.span(m.start(), m.end()),
                kind: CueKind::Context(Strength::Strong),
            });
        }
        for m in self.weeks.find_iter(text) {
            if gestation(text, m.start(), m.end()) {
                cues.push(Cue {
                    span: norm.span(m.start(), m.end()),
                    kind: CueKind::Health,
                });
            }
        }
        for (re, form) in &self.ages {
            for caps in re.captures_iter(text) {
                let (Some(all), Some(num)) = (caps.get(0), caps.get(1)) else {
                    continue;
                };
                let years = match form {
                    AgeForm::Digits => num.as_str().parse().ok(),
                    AgeForm::Words => number_of(num.as_str()),
                    AgeForm::Decade => decade_of(num.as_str()),
                };
                let Some(years) = years.filter(|y| (2..=120).contains(y)) else {
                    continue;
                };
                if is_measure(&text[all.end()..])
                    || is_a_span_of_years(text, all.start(), all.end())
                    || is_a_likeness(text, num.start())
                    || is_anyones_age(text, all.start(), all.end())
                    || is_a_length(text, all.start(), all.end())
                {
                    // "the studio is 10 minutes away", "she was 40% stronger".
                    continue;
                }
                cues.push(Cue {
                    span: norm.span(all.start(), all.end()),
                    kind: CueKind::Age {
                        years,
                        decade: *form == AgeForm::Decade,
                    },
                });
            }
        }
        cues.sort_by_key(|c| c.span);
        cues
    }
}

impl CueMatcher {
    /// Health cues for each body part with a word that injures it beside it: "hamstring tear",
    /// "torn hammy", "tore his hamstring". `words` are the injury words found, in match order,
    /// as normalised byte ranges.
    fn injuries(&self, norm: &Normalized, words: &[(usize, usize, u8)], cues: &mut Vec<Cue>) {
        let text = norm.as_str();
        let mut push = |start: usize, end: usize| {
            if !self.injury_except.iter().any(|e| e == &text[start..end]) {
                cues.push(Cue {
                    span: norm.span(start, end),
                    kind: CueKind::Health,
                });
            }
        };
        // Looked up by where they start and end: a draft of nothing but "knee knee knee ..."
        // stays linear.
        let mut by_start: HashMap<usize, Vec<(usize, u8)>> = HashMap::new();
        let mut by_end: HashMap<usize, Vec<(usize, u8)>> = HashMap::new();
        for &(start, end, mark) in words {
            by_start.entry(start).or_default().push((end, mark));
            by_end.entry(end).or_default().push((start, mark));
        }
        for &(start, end, mark) in words {
            if mark & INJURY_PART == 0 {
                continue;
            }
            for &(e, m) in by_start.get(&(end + 1)).into_iter().flatten() {
                if m & INJURY_NOUN != 0 {
                    push(start, e);
                }
            }
            let before = |gap: usize| {
                start
                    .checked_sub(gap)
                    .and_then(|at| by_end.get(&at).map(|list| (at, list)))
            };
            if let Some((_, list)) = before(1) {
                for &(s, m) in list {
                    if m & INJURY_ADJECTIVE != 0 {
                        push(s, end);
                    }
                }
            }
            if let Some((at, list)) = before(5)
                && matches!(text.get(at..start), Some(" his " | " her "))
            {
                for &(s, m) in list {
                    if m & INJURY_VERB != 0 {
                        push(s, end);
                    }
                }
            }
        }
    }
}

/// The pattern of work done on someone: a verb, up to three words, a possessive, at most one
/// more word and the part worked on ("trimmed the fire chief's mustache").
fn tended_pattern(t: &crate::lexicon::Tending) -> Regex {
    let alternatives = |words: &[String]| {
        words
            .iter()
            .map(|w| regex::escape(&normalize(w)))
            .collect::<Vec<_>>()
            .join("|")
    };
    Regex::new(&format!(
        r"\b({})(?: [\w.-]+){{0,3}}? (?:his|her|their|[\w.-]+'s)(?: [\w-]+)? (?:{})\b",
        alternatives(&t.verbs),
        alternatives(&t.parts),
    ))
    .expect("tending pattern")
}

/// "to the|that|a certain [up to two words] NOUN who|with|that|in the", for the lexicon's
/// call-out nouns.
fn callout_pattern(nouns: &[String]) -> Regex {
    let nouns: Vec<String> = nouns.iter().map(|n| regex::escape(&normalize(n))).collect();
    let alternation = if nouns.is_empty() {
        // No nouns: a pattern that matches nothing.
        r"[^\s\S]".to_owned()
    } else {
        nouns.join("|")
    };
    Regex::new(&format!(
        r"\bto (?:the|that|a certain) (?:[\w'’-]+ ){{0,2}}(?:{alternation})(?: ji| sahib| hajjeh)? (?:who|with|that|in the)\b"
    ))
    .expect("call-out pattern")
}

/// Where a call-out of one person by their trade starts, for the job word at `start..end`:
/// "To the fisherman who", "shoutout to that electrician with"; not "to the nurses who" (a
/// group), "to the plumber" (no one singled out) or "went to the dentist who" (the "to" of a
/// verb: only a "to" that opens the sentence or follows thanks is a call-out).
fn job_callout(text: &str, start: usize, end: usize) -> Option<usize> {
    let job = &text[start..end];
    if job.ends_with('s') && !job.ends_with("ss") {
        return None;
    }
    let after = text[end..].strip_prefix(' ')?.split(' ').next()?;
    if !matches!(after.trim_end_matches([',', '.']), "who" | "with" | "that") {
        return None;
    }
    let word_before = |at: usize| {
        let head = text[..at].trim_end_matches(' ');
        let from = head.rfind([' ', '\n']).map_or(0, |i| i + 1);
        (from, &head[from..])
    };
    let mut at = start;
    // "to the [young] [local] fisherman": the article at most two words back.
    for _ in 0..3 {
        let (from, word) = word_before(at);
        if matches!(word, "the" | "that" | "a") {
            let (to_from, raw) = word_before(from);
            let to = raw.trim_start_matches(|c: char| !c.is_alphanumeric());
            if !to.eq_ignore_ascii_case("to") {
                return None;
            }
            let to_start = to_from + raw.len() - to.len();
            let (_, thanks) = word_before(to_from);
            let opens = text[..to_from]
                .trim_end_matches(' ')
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric())
                || to_start > to_from;
            return (opens || CALLOUT_LEADS.contains(&thanks)).then_some(to_start);
        }
        if from == 0
            || !word
                .chars()
                .all(|c| c.is_alphanumeric() || "'’-".contains(c))
        {
            return None;
        }
        at = from;
    }
    None
}

/// The words a call-out's "to" follows when it does not open its sentence: "shoutout to the
/// ...", "big thanks to the ...".
const CALLOUT_LEADS: [&str; 9] = [
    "shoutout",
    "shout-out",
    "out",
    "thanks",
    "thank",
    "cheers",
    "props",
    "kudos",
    "respect",
];

/// Whether a number is followed by a unit, so it is a measure and not an age.
fn is_measure(after: &str) -> bool {
    let after = after.trim_start();
    if after.starts_with(['%', ':', '$', '.'])
        && !after.starts_with(". ")
        && !after.starts_with(".\n")
        && after.len() > 1
        && after.as_bytes().get(1).is_some_and(u8::is_ascii_digit)
    {
        return true;
    }
    if after.starts_with(['%', ':']) {
        return true;
    }
    let word: String = after.chars().take_while(|c| c.is_alphabetic()).collect();
    const UNITS: &[&str] = &[
        "minutes", "minute", "min", "mins", "hours", "hour", "hrs", "days", "day", "weeks", "week",
        "months", "month", "percent", "lbs", "lb", "pounds", "kg", "kilos", "miles", "mile", "km",
        "k", "degrees", "am", "pm", "dollars", "bucks", "reps", "times", "sessions", "people",
        "clients", "steps", "seconds", "sec", "cm", "inches", "feet", "ft", "floors",
    ];
    UNITS.contains(&word.as_str())
}

/// The number a spelled-out age names: "sixty-seven" is 67, "a hundred" 100.
pub(crate) fn number_of(words: &str) -> Option<u16> {
    const SMALL: [&str; 19] = [
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    let small = |w: &str| {
        SMALL
            .iter()
            .position(|s| *s == w)
            .and_then(|i| u16::try_from(i + 1).ok())
    };
    if words.ends_with("hundred") {
        return Some(100);
    }
    let mut parts = words.split(['-', ' ']);
    let first = parts.next()?;
    let tens = match first {
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        // "six years old", "a seven-year-old": a child's age.
        _ => return small(first),
    };
    let ones = match parts.next() {
        None => 0,
        Some(w) => small(w).filter(|&n| n < 10)?,
    };
    Some(tens + ones)
}

fn decade_of(word: &str) -> Option<u16> {
    Some(match word {
        "twenties" => 20,
        "thirties" => 30,
        "forties" => 40,
        "fifties" => 50,
        "sixties" => 60,
        "seventies" => 70,
        "eighties" | "octogenarian" => 80,
        "nineties" | "nonagenarian" => 90,
        "vingtaine" => 20,
        "trentaine" => 30,
        "quarantaine" => 40,
        "cinquantaine" => 50,
        "soixantaine" => 60,
        "septantaine" => 70,
        "quatre-vingtaine" => 80,
        "nonantaine" => 90,
        "centenarian" => 100,
        _ => return None,
    })
}

/// A body part ("hamstring").
const INJURY_PART: u8 = 1;
/// A word after a part that injures it ("tear").
const INJURY_NOUN: u8 = 2;
/// A word before a part that injures it ("torn").
const INJURY_ADJECTIVE: u8 = 4;
/// A verb before "his"/"her" and a part ("tore").
const INJURY_VERB: u8 = 8;
/// Any word of an injury.
const INJURY: u8 = INJURY_PART | INJURY_NOUN | INJURY_ADJECTIVE | INJURY_VERB;
/// A practitioner's seat after a possessive ("'s table").
const SEAT: u8 = 16;
/// The end of a time or a length ("am" of "10am", "min" of "90 min").
const TIME: u8 = 32;
/// A service a client comes for ("hilot" of "his monthly hilot").
const SERVICE: u8 = 64;
/// A part worked on ("mustache" of "trimmed the fire chief's mustache").
const TENDED: u8 = 128;
/// How far before a part worked on its verb may be: a verb, three words, a possessive and one
/// more word.
const TENDED_REACH: usize = 120;

/// Whether a possessive is one of the two words before `at` ("his knee", "the chief's
/// mustache", "her left knee"): the cheap test before a part is read as worked on.
fn after_possessive(text: &str, at: usize) -> bool {
    text[..at]
        .trim_end()
        .rsplit(' ')
        .take(2)
        .any(|w| matches!(w, "his" | "her" | "their") || w.ends_with("'s"))
}

/// "his monthly hilot", "her full-body massage": a service (`start..end`) after "his", "her"
/// or "their" and at most two words, or before "for our" ("massage for our honeymooners"), as
/// a strong client sign; not "her own massage business" or "his massage gun".
fn service(norm: &Normalized, start: usize, end: usize, not_a_visit: &[String]) -> Option<Cue> {
    let text = norm.as_str();
    // "couples massage for our honeymooners": the service given to people of the practice's.
    if let Some(rest) = text[end..].strip_prefix(" for our ")
        && rest.starts_with(|c: char| c.is_alphabetic())
    {
        return Some(Cue {
            span: norm.span(start, end + " for our".len()),
            kind: CueKind::Context(Strength::Strong),
        });
    }
    let mut words = text[..start].strip_suffix(' ')?.rsplit(' ');
    let mut from = start - 1;
    let mut between = None;
    // The word after the service: "her massage business" is no visit. (Read only when a
    // possessive is found: most services have none before them.)
    let next = || {
        text[end..].strip_prefix(' ').map_or("", |t| {
            t.split(|c: char| !c.is_alphanumeric() && c != '-')
                .next()
                .unwrap_or("")
        })
    };
    for i in 0..3 {
        let word = words.next()?;
        from -= word.len();
        // "90 min of deep tissue out on his lanai": a session's length, then the service.
        if i == 0 && word == "of" {
            let unit = words.next()?;
            let number = words.next()?;
            let timed = matches!(
                unit,
                "min" | "mins" | "minute" | "minutes" | "hour" | "hours" | "hr" | "hrs"
            ) && number.chars().all(|c| c.is_ascii_digit())
                && !number.is_empty();
            let from = from.checked_sub(unit.len() + number.len() + 2)?;
            return timed.then(|| Cue {
                span: norm.span(from, end),
                kind: CueKind::Context(Strength::Strong),
            });
        }
        // "summer's bridal trial", "Will's usual fade": a service told as someone's.
        if let Some(owner) = word.strip_suffix("'s")
            && is_someones(owner, words.clone().next(), between)
        {
            let next = next();
            return (!not_a_visit.iter().any(|w| w == next)).then(|| Cue {
                span: norm.span(from, end),
                kind: CueKind::Context(Strength::Strong),
            });
        }
        if matches!(word, "his" | "her" | "their" | "your" | "ur") {
            let next = next();
            // "we shortened your seshin to 40 minutes": said to one person, it tells their
            // visit back to them, which counts in a reply to their review ("thanks for the
            // review of your massage" only names what they reviewed).
            let kind = if matches!(word, "your" | "ur") {
                if matches!(
                    words.next(),
                    Some("of" | "about" | "for" | "on" | "enjoyed" | "loved" | "enjoy")
                ) {
                    return None;
                }
                CueKind::Reply
            } else {
                CueKind::Context(Strength::Strong)
            };
            return (!not_a_visit.iter().any(|w| w == next)).then(|| Cue {
                span: norm.span(from, end),
                kind,
            });
        }
        // A word between them says how, how long or how often ("monthly", "full-body",
        // "90-min"), never "own" or a function word.
        if word.is_empty()
            || !word.chars().all(|c| c.is_alphanumeric() || c == '-')
            || matches!(
                word,
                "own" | "and" | "or" | "the" | "a" | "an" | "to" | "for" | "of"
            )
        {
            return None;
        }
        from = from.checked_sub(1)?;
        between = Some(word);
    }
    None
}

/// Whether `owner`, written with "'s" before a service, is a person's name or word for a
/// person: not a contraction ("it's"), a time ("today's", "this summer's"), a holiday
/// ("Mother's Day massage") or the business's ("the salon's facial").
fn is_someones(owner: &str, before: Option<&str>, between: Option<&str>) -> bool {
    const NOT_SOMEONE: &[&str] = &[
        "it",
        "that",
        "what",
        "there",
        "here",
        "let",
        "who",
        "he",
        "she",
        "today",
        "tomorrow",
        "tonight",
        "yesterday",
        "week",
        "weekend",
        "month",
        "year",
        "season",
        "mother",
        "father",
        "valentine",
        "everyone",
        "everybody",
        "nobody",
        "someone",
        "somebody",
        "one",
        "world",
        "town",
        "city",
        "salon",
        "studio",
        "spa",
        "shop",
        "clinic",
        "practice",
        "house",
    ];
    owner.len() >= 2
        && owner.chars().all(char::is_alphabetic)
        && !NOT_SOMEONE.contains(&owner)
        && !before.is_some_and(|b| {
            matches!(
                b,
                "this" | "last" | "next" | "the" | "a" | "an" | "our" | "my" | "your" | "every"
            )
        })
        && !between.is_some_and(|w| matches!(w, "day" | "night" | "eve" | "special" | "own"))
}

/// Whether a match of the vertebrae pattern names two neighbouring vertebrae of one spine:
/// "C5/C6", "c5-6", "L4-L5", "T11/T12", "C7/T1", "L5/S1"; not "C3/C7" or "T2-L4" (a span of the
/// spine is not a level), nor "T8/T9" counted past a region's last vertebra ("C8/C9").
fn vertebrae(caps: &regex::Captures<'_>) -> bool {
    let number = |i: usize| caps.get(i).and_then(|m| m.as_str().parse::<u8>().ok());
    let (Some(region), Some(first), Some(second)) = (caps.get(1), number(2), number(4)) else {
        return false;
    };
    let region = region.as_str();
    let next = caps.get(3).map_or("", |m| m.as_str());
    let count = match region {
        "c" => 7,
        "t" => 12,
        _ => 5,
    };
    if next.is_empty() || next == region {
        (1..=count).contains(&first) && second == first + 1 && second <= count
    } else {
        // Where one region meets the next.
        matches!(
            (region, next, first, second),
            ("c", "t", 7, 1) | ("t", "l", 12, 1) | ("l", "s", 5, 1)
        )
    }
}

/// "on table 2", "in chair #3": `start..end` is "on table"; one or two digits follow.
fn numbered_seat(norm: &Normalized, start: usize, end: usize) -> Option<Cue> {
    let text = norm.as_str();
    if !crate::scanner::is_word_bounded(text, start, end) {
        return None;
    }
    let rest = text[end..].strip_prefix(' ')?;
    let rest = rest.strip_prefix('#').unwrap_or(rest);
    let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let after = rest[digits..].chars().next();
    ((1..=2).contains(&digits) && after.is_none_or(|c| !c.is_alphanumeric())).then(|| Cue {
        span: norm.span(start, end + (text[end..].len() - rest.len()) + digits),
        kind: CueKind::Context(Strength::Strong),
    })
}

/// "our 10am", "her 9:30 pm", "his 90 min": a time or length (`start..end` is its "am",
/// "pm" or "min") with digits and a possessive before it, as a weak client sign (a class has a
/// time too).
fn appointment(norm: &Normalized, start: usize, end: usize) -> Option<Cue> {
    let text = norm.as_str();
    let before = text[..start].strip_suffix(' ').unwrap_or(&text[..start]);
    let digits = before.trim_end_matches(|c: char| c.is_ascii_digit() || c == ':' || c == '.');
    let number = &before[digits.len()..];
    if !number.starts_with(|c: char| c.is_ascii_digit()) || number.len() > 5 {
        return None;
    }
    let lead = digits.strip_suffix(' ')?;
    let word = lead.rsplit(' ').next()?;
    matches!(word, "our" | "my" | "her" | "his" | "their" | "your").then(|| Cue {
        span: norm.span(lead.len() - word.len(), end),
        kind: CueKind::Context(Strength::Weak),
    })
}

/// Whether "30 weeks" at `start..end` is how far along a pregnancy is: "at 34 weeks", "she's
/// now 30 weeks", "36 weeks now", "#36weeks"; not "a 6 weeks course" or "from 38 weeks" (a
/// service that starts then).
fn gestation(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].trim_end();
    if text[..start].ends_with('#') {
        return true;
    }
    let previous = before.rsplit(' ').next().unwrap_or("");
    let next = text[end..].split_whitespace().next().unwrap_or("");
    let next = next.trim_end_matches(|c: char| !c.is_alphanumeric());
    matches!(
        previous,
        "at" | "now" | "is" | "she's" | "hit" | "hits" | "reached" | "nearly" | "almost" | "past"
    ) || matches!(next, "now" | "today" | "pregnant" | "along" | "gone")
}

/// The words that put someone on or in a seat: "on Rafa's table", "in chair 2".
const SEAT_PREPOSITIONS: [&str; 4] = ["on", "onto", "in", "into"];

/// "on Rafa's table", "in Dean's chair": a seat (`start..end` is "'s table") with "on" or "in"
/// and one word before it, as a strong client sign. "on table 2", "in chair #3" (`start..end`
/// is "on table"): a numbered seat of the practice, as strong a sign.
fn seat(norm: &Normalized, start: usize, end: usize) -> Option<Cue> {
    let text = norm.as_str();
    if !text[start..].starts_with('\'') {
        return numbered_seat(norm, start, end);
    }
    let before = &text[..start];
    let name_start = before
        .char_indices()
        .rfind(|(_, c)| !c.is_alphanumeric())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let name = &before[name_start..];
    let lead = before[..name_start].strip_suffix(' ')?;
    let word = lead.rsplit(' ').next()?;
    (!name.is_empty() && matches!(word, "on" | "onto" | "in" | "into")).then(|| Cue {
        span: norm.span(name_start - word.len() - 1, end),
        kind: CueKind::Context(Strength::Strong),
    })
}

fn lexicon_needles(lx: &Lexicons, b: &mut Builder) {
    // Phrases also match with a final "s" ("session" / "sessions"), so the lexicons need
    // not list every plural.
    let with_plural = |t: &str| {
        let n = normalize(t);
        let plural = n
            .chars()
            .next_back()
            .filter(|c| c.is_alphabetic() && *c != 's')
            .map(|_| format!("{n}s"));
        // "carry" / "carries": a consonant before the final "y".
        let ies = n
            .strip_suffix('y')
            .filter(|stem| stem.ends_with(|c: char| c.is_alphabetic() && !"aeiou".contains(c)))
            .map(|stem| format!("{stem}ies"));
        std::iter::once(n).chain(plural).chain(ies)
    };
    for p in &lx.context {
        for (i, n) in with_plural(&p.term).enumerate() {
            let kind = if i == 0 {
                CueKind::Context(p.strength)
            } else {
                CueKind::ContextPlural
            };
            b.add(&n, kind);
        }
        b.add_dropped(lx, &p.term, CueKind::Context(p.strength));
        b.add_ours(&p.term, CueKind::Context(p.strength));
        b.add_chat(lx, &p.term, CueKind::Context(p.strength));
    }
    for p in &lx.gossip {
        for n in with_plural(&p.term) {
            b.add(&n, CueKind::Gossip(p.strength));
        }
        b.add_dropped(lx, &p.term, CueKind::Gossip(p.strength));
        b.add_ours(&p.term, CueKind::Gossip(p.strength));
        b.add_chat(lx, &p.term, CueKind::Gossip(p.strength));
    }
    for t in &lx.policy {
        b.add(&normalize(t), CueKind::Policy);
    }
    for t in &lx.teasers {
        b.add(&normalize(t), CueKind::Teaser);
    }
    for t in &lx.review {
        b.add(&normalize(t), CueKind::Review);
    }
    for t in &lx.reply {
        b.add(&normalize(t), CueKind::Reply);
        b.add_chat(lx, t, CueKind::Reply);
    }
    for t in &lx.private_reply {
        b.add(t, CueKind::KeepsPrivate);
    }
    for t in &lx.health {
        b.add(&normalize(t), CueKind::Health);
        b.add_dropped(lx, t, CueKind::Health);
    }
    for seat in &lx.seats {
        b.mark(&format!("'s {}", normalize(seat)), SEAT);
        for on in SEAT_PREPOSITIONS {
            b.mark(&format!("{on} {}", normalize(seat)), SEAT);
        }
    }
    for unit in &lx.appointment_units {
        b.mark(&normalize(unit), TIME);
    }
    for service in &lx.services {
        b.mark(&normalize(service), SERVICE);
    }
    for part in &lx.tending.parts {
        b.mark(&normalize(part), TENDED);
    }
    let injuries = &lx.injuries;
    for (list, mark) in [
        (&injuries.parts, INJURY_PART),
        (&injuries.nouns, INJURY_NOUN),
        (&injuries.adjectives, INJURY_ADJECTIVE),
        (&injuries.verbs, INJURY_VERB),
    ] {
        for t in list {
            b.mark(&normalize(t), mark);
            if mark == INJURY_PART && !t.ends_with('s') {
                // "torn hamstrings", and "my legs" is the writer's own (see `find`).
                b.mark(&format!("{}s", normalize(t)), mark);
            }
        }
    }
    for t in &lx.disclosure.photo {
        b.add(&normalize(t), CueKind::Photo);
    }
    for t in &lx.disclosure.topics {
        b.add(&normalize(t), CueKind::Topic);
    }
    for t in &lx.disclosure.story {
        b.add(&normalize(t), CueKind::Story);
        b.add_dropped(lx, t, CueKind::Story);
    }
    for (i, o) in (0u32..).zip(&lx.occupations) {
        // "one of our local preachers": a job's plural is the job (of several people).
        for f in std::iter::once(&o.term).chain(&o.forms) {
            for n in with_plural(f) {
                b.add(&n, CueKind::Occupation(i));
            }
        }
    }
    for (i, r) in (0u32..).zip(&lx.roles) {
        for f in std::iter::once(&r.term).chain(&r.forms) {
            b.add(&normalize(f), CueKind::Role(i));
        }
    }
    for (i, r) in (0u32..).zip(&lx.public.roles) {
        for f in std::iter::once(&r.term).chain(&r.forms) {
            b.add(&normalize(f), CueKind::PublicRole(i));
        }
    }
    for (i, t) in (0u32..).zip(&lx.public.teams) {
        b.add(&normalize(&t.name), CueKind::Team(i));
        for f in &t.forms {
            b.add(&normalize(f), CueKind::Team(i));
        }
    }
    for (i, e) in (0u32..).zip(&lx.public.events) {
        for f in std::iter::once(&e.term).chain(&e.forms) {
            b.add(&normalize(f), CueKind::Event(i));
        }
    }
    for t in &lx.public.entourage {
        b.add(&normalize(t), CueKind::Entourage);
    }
    for t in &lx.public.broadcasters {
        b.add(&normalize(t), CueKind::Broadcaster);
    }
    for t in &lx.public.hints {
        b.add(&normalize(t), CueKind::Hint);
    }
    for t in &lx.public.capacity {
        b.add(&normalize(t), CueKind::Capacity);
    }
    for t in &lx.idioms {
        for n in with_plural(t) {
            b.add(&n, CueKind::Idiom);
        }
    }
    let traits = [
        (TraitKind::Vehicle, &lx.traits.vehicles),
        (TraitKind::Pet, &lx.traits.pets),
        (TraitKind::Appearance, &lx.traits.appearance),
        (TraitKind::LifeEvent, &lx.traits.life_events),
    ];
    for (kind, list) in traits {
        for (i, t) in (0u32..).zip(list) {
            b.add(&normalize(t), CueKind::Trait(kind, i));
        }
    }
}

/// Most chat spellings of one phrase ("u left ur", "ya left yr" ...).
const MAX_CHAT_FORMS: usize = 8;

/// The roster's affiliations, traits and places as needles.
#[derive(Debug, Default)]
pub struct RosterNeedles {
    pub(crate) index: NameIndex,
    pub(crate) kinds: Vec<Vec<CueKind>>,
}

impl RosterNeedles {
    /// Needles for every client's affiliations, traits and places.
    #[must_use]
    pub fn new(lx: &Lexicons, roster: &Roster) -> RosterNeedles {
        let mut r = RosterNeedles::default();
        let mut pending: Vec<(String, CueKind)> = Vec::new();
        // The practice's own places are where everyone is: not evidence about anyone.
        let common: std::collections::HashSet<String> = roster
            .practice
            .places
            .iter()
            .chain(std::iter::once(&roster.practice.name))
            .map(|p| normalize(p))
            .collect();
        // Staff are named in clients' notes ("nails with Kayleigh for three years"): their
        // names say who served a client, not who the client is, and they are in every post.
        let staff: Vec<String> = roster.practice.staff.iter().map(|s| normalize(s)).collect();
        let common_words: std::collections::HashSet<&str> = common
            .iter()
            .chain(&staff)
            .flat_map(|p| p.split(' '))
            .collect();
        // (Not a word of the town the practice is named after: "Ġebla FM" is the town's
        // radio, not a programme of Ġebla Physio in Ta' Ġebla.)
        let town_words: std::collections::HashSet<String> = roster
            .practice
            .places
            .iter()
            .flat_map(|p| {
                normalize(p)
                    .split(|c: char| !c.is_alphanumeric())
                    .map(str::to_owned)
                    .collect::<Vec<_>>()
            })
            .collect();
        let practice_words: Vec<String> = normalize(&roster.practice.name)
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| {
                w.chars().count() >= 4 && !lx.is_common_word(w, 5_000) && !town_words.contains(*w)
            })
            .map(str::to_owned)
            .collect();
        // A group many clients belong to ("men's group", "the Rotary") describes none of
        // them: a phrase on three or more clients' entries is not a cue, nor is any part of
        // it (the count of needles below then sees only the phrases that remain).
        let mut shared: HashMap<String, usize> = HashMap::new();
        // Each client's jobs in words no lexicon has, found once (see `local_job_words`).
        let known_jobs: std::collections::HashSet<String> = lx
            .occupations
            .iter()
            .flat_map(|o| std::iter::once(&o.term).chain(&o.forms))
            .map(|f| normalize(f))
            .collect();
        let local_jobs: Vec<Vec<String>> = roster
            .clients
            .iter()
            .map(|c| {
                let occupation = c.attributes.occupation.as_deref().unwrap_or("");
                local_job_words(occupation, lx, &known_jobs)
            })
            .collect();
        for (c, jobs) in roster.clients.iter().zip(&local_jobs) {
            let a = &c.attributes;
            let mut mine: std::collections::HashSet<String> = std::collections::HashSet::new();
            for p in a.affiliations.iter().chain(&a.traits).chain(&a.places) {
                mine.insert(normalize(p));
            }
            for p in a.workplaces() {
                mine.insert(normalize(p));
            }
            mine.extend(jobs.iter().cloned());
            for p in mine {
                *shared.entry(p).or_default() += 1;
            }
        }
        for (i, c) in roster.clients.iter().enumerate() {
            let Ok(i) = u32::try_from(i) else { break };
            let a = &c.attributes;
            // "No. 47 Cartwright Racing", "wears number 11": a number a client races or plays
            // under is theirs however it is written ("the 47 car", "the #47", "number 11").
            for number in identity_numbers(a) {
                for form in NUMBER_FORMS {
                    pending.push((format!("{form}{number}"), CueKind::RosterAttribute(i)));
                }
            }
            let workplaces = a.workplaces();
            // "Lalo" of "Lalo Rangel y Los Diamantes", his band: the client's own name is a
            // name, found as one, not a description of them.
            let own: std::collections::HashSet<String> = std::iter::once(&c.name)
                .chain(&c.aliases)
                .map(|n| normalize(n))
                .flat_map(|n| {
                    let words: Vec<String> = n.split(' ').map(str::to_owned).collect();
                    std::iter::once(n).chain(words)
                })
                .collect();
            // "pulenu'u (village mayor) of Vaiala": a job told in a word no lexicon has is the
            // client's, said alone ("the pulenu'u of Vaiala"), when no other client has it; not
            // a title that is part of a name of theirs ("Faletua Malia").
            for job in &local_jobs[i as usize] {
                if shared.get(job).is_none_or(|&o| o == 1) && !own.contains(job) {
                    pending.push((job.clone(), CueKind::RosterAttribute(i)));
                }
            }
            let phrases = a
                .affiliations
                .iter()
                .map(String::as_str)
                .map(|p| (p, CueKind::RosterAttribute(i)))
                .chain(
                    workplaces
                        .into_iter()
                        .map(|p| (p, CueKind::RosterWorkplace(i))),
                )
                .chain(
                    a.traits
                        .iter()
                        .map(|p| (p.as_str(), CueKind::RosterTrait(i))),
                )
                .chain(
                    a.places
                        .iter()
                        .map(|p| (p.as_str(), CueKind::RosterPlace(i))),
                )
                .flat_map(|(p, kind)| glossed(p, lx).into_iter().map(move |p| (p, kind)));
            for (phrase, kind) in phrases {
                let n = normalize(phrase);
                if shared.get(&n).is_some_and(|&o| o >= 3) {
                    continue;
                }
                if own_program(&n, &practice_words) {
                    // "Stillwater grief group" at Stillwater Counseling: the practice's own
                    // programme, which every client in it shares.
                    continue;
                }
                // A local place that is one client's workplace or club ("Station 17" for the fire
                // captain) is still where that client is.
                let affiliation = matches!(
                    kind,
                    CueKind::RosterAttribute(_) | CueKind::RosterWorkplace(_)
                );
                let only_theirs = affiliation && shared.get(&n).is_some_and(|&o| o == 1);
                let mut add = |needle: &str| {
                    let distinctive = needle.chars().any(char::is_alphabetic)
                        && !own.contains(needle)
                        && needle.chars().count() > 3
                        && (!common.contains(needle) || (only_theirs && needle == n))
                        && !common_words.contains(needle);
                    if distinctive {
                        pending.push((needle.to_owned(), kind));
                        // "hot-pink golf cart" is also written "hot pink golf cart".
                        if needle.contains('-') {
                            pending.push((needle.replace('-', " "), kind));
                        }
                    }
                };
                add(&n);
                // "#asmonacofeminines": a club or a workplace run together in a hashtag (not
                // the town's own tag, "#mallardbeach" for the mayor of Mallard Beach).
                if affiliation && n.contains(' ') && !common.contains(&n) {
                    let joined: String = n.chars().filter(|c| c.is_alphanumeric()).collect();
                    if joined.chars().count() >= 10 {
                        add(&joined);
                    }
                }
                // "purple Jeep Wrangler with DART QUEEN plate" is told in parts: "the purple
                // Jeep Wrangler", "that DART QUEEN plate". A part of three words or more is
                // specific enough, or of two with an uncommon word ("flamingo decals").
                if kind == CueKind::RosterTrait(i) {
                    for part in n.split([',', ';']).flat_map(|p| p.split(" with ")) {
                        let part = part.trim();
                        let words: Vec<&str> = part.split([' ', '-']).collect();
                        let uncommon = || words.iter().any(|w| !lx.is_common_word(w, 10_000));
                        if part != n && (words.len() >= 3 || words.len() == 2 && uncommon()) {
                            add(part);
                        }
                    }
                }
                // "sign-off \"Keep it 11\"", "bleached \"nevou\" hair": the words in quotes
                // are what the client is known by, said on their own.
                if kind == CueKind::RosterTrait(i) {
                    for quoted in phrase.split(['"', '“', '”']).skip(1).step_by(2) {
                        let quoted = normalize(quoted.trim());
                        if quoted != n {
                            add(&quoted);
                        }
                    }
                }
                // "Kestrel Bay Ospreys" is also "the Ospreys"; "WKBY Channel 9" is "Channel 9".
                let words: Vec<&str> = n.split(' ').collect();
                if words.len() >= 3 && affiliation {
                    // (Of "Kalāwela Feed & Supply", the last two words are "Feed & Supply".)
                    let last_two = words
                        .iter()
                        .rposition(|w| w.chars().any(char::is_alphanumeric))
                        .and_then(|last| {
                            words[..last]
                                .iter()
                                .rposition(|w| w.chars().any(char::is_alphanumeric))
                        })
                        .unwrap_or(0);
                    add(&words[last_two..].join(" "));
                    // "Wrenhaven High School" is also "Wrenhaven High"; "Radio Moyle 102" is
                    // "Radio Moyle".
                    add(&words[..words.len() - 1].join(" "));
                }
                if kind == CueKind::RosterTrait(i) && words.len() >= 4 {
                    // "drives a pink Land Rover Defender" is told as "the pink Defender": the
                    // first word after the article with the last.
                    if let Some(a) = words
                        .iter()
                        .position(|w| matches!(*w, "a" | "an" | "the" | "her" | "his"))
                        && a + 3 < words.len()
                    {
                        add(&format!("{} {}", words[a + 1], words[words.len() - 1]));
                        // ... and as all of a thing they have: "drives a lime green Bronco" is
                        // "the lime green Bronco" ("on the Pine Knob rope tow" is a place).
                        if matches!(words[a], "a" | "an") {
                            add(&words[a + 1..].join(" "));
                        }
                    }
                }
                // A relative's name inside a trait ("daughter of the mayor Cllr Alun Pugh",
                // "married to Shannon Bowen") names the relative, who may be in the news.
                if kind == CueKind::RosterTrait(i) && !lx.kin.names_a_relative(&n) {
                    // A proper name inside a trait: "captain of the Estrella"; not the
                    // place a one-of-a-kind thing is one of a kind in ("the only Holden ute on
                    // Gozo": the island is everyone's).
                    let only = n.split(' ').any(|w| w == "only");
                    let mut previous = "";
                    for word in phrase.split_whitespace().skip(1) {
                        let scope = only && matches!(previous, "in" | "on" | "around");
                        previous = word;
                        if scope {
                            continue;
                        }
                        let w = word.trim_matches(|c: char| !c.is_alphanumeric());
                        let n = normalize(w);
                        let proper = w.chars().next().is_some_and(char::is_uppercase)
                            && w.chars().count() >= 4
                            && !lx.is_calendar_word(&n);
                        if proper
                            && !lx.is_common_word(&n, 40_000)
                            && lx.first_names.get(&n).is_none_or(|&f| f < 0.2)
                            && !common_words.contains(n.as_str())
                        {
                            add(&n);
                        }
                    }
                }
                if words.len() >= 2 && affiliation {
                    // "KBRN 94.3" is "KBRN"; "Kestrel Bay Ospreys" is "the Ospreys".
                    // Not "christmas" of "Christmas Parade committee": a date is everyone's.
                    // A first word is the organisation's own only when written as a call sign,
                    // or when the name is a kind of place and the town ("Laerskool
                    // Kareevlakte" is the town's primary school): the "Cornwall" of "Cornwall
                    // Fire and Rescue Service" is the county everyone lives in.
                    let call_sign = phrase.split_whitespace().next().is_some_and(|w| {
                        w.chars().any(|c| c.is_ascii_digit())
                            || (w.chars().filter(|c| c.is_uppercase()).count() >= 2
                                && !w.chars().any(char::is_lowercase))
                    });
                    let of_the_town = words.len() == 2 && common.contains(words[1]);
                    let first = (call_sign || of_the_town).then_some(words[0]);
                    for word in first.into_iter().chain([words[words.len() - 1]]) {
                        if !lx.is_common_word(word, 40_000)
                            && !lx.first_names.contains_key(word)
                            && !common_words.contains(word)
                            && !lx.is_calendar_word(word)
                        {
                            add(word);
                        }
                    }
                }
            }
        }
        // A needle on three or more clients' entries ("Stingrays" from "Tarrawong Stingrays",
        // "Stingrays juniors" and "plays for the Stingrays") describes none of them.
        // `pending` goes client by client, so a needle's owners arrive in order: the last
        // one seen and a count are enough to count them.
        let mut owners: HashMap<&str, (u32, u32)> = HashMap::new();
        for (needle, kind) in &pending {
            if let Some(owner) = roster_owner(*kind) {
                let (last, count) = owners.entry(needle).or_insert((owner, 0));
                if *count == 0 || *last != owner {
                    *last = owner;
                    *count += 1;
                }
            }
        }
        for (needle, kind) in &pending {
            if owners.get(needle.as_str()).is_none_or(|&(_, n)| n < 3) {
                r.add(needle, *kind);
            }
        }
        r
    }

    fn add(&mut self, needle: &str, kind: CueKind) {
        self.index.tag(&mut self.kinds, needle, kind);
    }
}

/// The numbers a client's entry says they race or play under: "No. 47", "#9", "number 11",
/// "wears 23" in their occupation, affiliations or traits.
fn identity_numbers(a: &crate::roster::Attributes) -> Vec<String> {
    static NUMBER: std::sync::LazyLock<Regex> = std::sync::LazyLock::new(|| {
        Regex::new(
            r"(?i)(?:\bno\.? ?|\bnumber |\bnum\. ?|#|\bwears (?:number |no\.? ?|#)?)(\d{1,3})\b",
        )
        .expect("the number pattern compiles")
    });
    let mut out: Vec<String> = a
        .occupation
        .iter()
        .chain(&a.affiliations)
        .chain(&a.traits)
        .filter(|p| p.bytes().any(|b| b.is_ascii_digit()))
        .flat_map(|p| NUMBER.captures_iter(p).filter_map(|c| c.get(1)))
        .map(|m| m.as_str().trim_start_matches('0').to_owned())
        .filter(|n| !n.is_empty())
        .collect();
    out.sort();
    out.dedup();
    out
}

/// Whether a roster hit "the 47" is a number told as someone's ("the jackman on the 47", "the
/// 47 car") rather than a count of something ("the 47 bus", "the 47 minutes").
fn bare_number_of_something(text: &str, start: usize, end: usize) -> bool {
    let Some(number) = text[start..end].strip_prefix("the ") else {
        return false;
    };
    if !number.starts_with(|c: char| c.is_ascii_digit() || c == '#') {
        return false;
    }
    let next = text[end..].trim_start_matches(' ');
    let word: &str = next
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    // A word after the number that is a thing counted or numbered ("bus", "minutes") makes it
    // that; a racer's things, a person word or a little word ("the 47 for coming in", "the 47
    // was on my table") leave it theirs.
    !word.is_empty()
        && next.starts_with(char::is_alphabetic)
        && !THEIRS_AFTER_NUMBER.contains(&word)
}

/// Words after "the 47" that leave the number someone's: a racer's things, a person word, or
/// a little word that goes on with the sentence.
const THEIRS_AFTER_NUMBER: &[&str] = &[
    "car", "truck", "jersey", "shirt", "crew", "team", "pit", "bike", "boat", "driver", "guy",
    "man", "kid", "boy", "girl", "for", "on", "in", "at", "and", "or", "but", "is", "was", "has",
    "had", "have", "who", "with", "to", "from", "came", "comes", "come", "got", "just", "did",
    "does", "will", "can", "finally", "said", "says", "told", "stopped", "went",
];

/// Whether a roster cue's text is a number told as someone's ("the 47", "#9", "No. 11"): a
/// number worn by one person names them.
pub(crate) fn is_identity_number(cue: &str) -> bool {
    let cue = cue.to_ascii_lowercase();
    NUMBER_FORMS.iter().any(|form| {
        cue.strip_prefix(form)
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
    })
}

/// How a number someone races or plays under is written before its digits: the needles of
/// [`RosterNeedles`] and the test of [`is_identity_number`].
const NUMBER_FORMS: [&str; 12] = [
    "no. ",
    "no ",
    "number ",
    "#",
    "the ",
    "the #",
    "jersey ",
    "camisa ",
    "camiseta ",
    "dorsal ",
    "numero ",
    "nummer ",
];

/// The client a roster cue belongs to.
pub(crate) fn roster_owner(kind: CueKind) -> Option<u32> {
    match kind {
        CueKind::RosterAttribute(o)
        | CueKind::RosterWorkplace(o)
        | CueKind::RosterTrait(o)
        | CueKind::RosterPlace(o) => Some(o),
        _ => None,
    }
}

/// A roster phrase and, when it ends in words in brackets, the phrase without them
/// ("Gozo Sharks FC (captain)" is said "Gozo Sharks FC"); when those words gloss one word of
/// another language, the gloss too ("Hafnarskrifstofan (harbour office)" is said either way).
fn glossed<'a>(phrase: &'a str, lx: &Lexicons) -> Vec<&'a str> {
    let parts = phrase.split_once('(').and_then(|(outer, rest)| {
        let (inner, after) = rest.split_once(')')?;
        after
            .trim()
            .is_empty()
            .then(|| (outer.trim(), inner.trim()))
    });
    let mut out = vec![phrase];
    if let Some((outer, inner)) = parts {
        if !outer.is_empty() {
            out.push(outer);
        }
        let foreign = !outer.contains(' ') && !lx.is_common_word(&normalize(outer), 40_000);
        if foreign && inner.contains(' ') {
            out.push(inner);
        }
    }
    out
}

/// The words of a roster occupation that name the job in a word that is neither ordinary
/// English nor in the occupations lexicon (`known_jobs`, its terms and forms normalised: it
/// finds its own words): "pulenu'u" of
/// "pulenu'u (village mayor) of Vaiala; high chief", "hataalii" of "hataałii (medicine man)".
/// Only a one-word job at the head of a part, before "of", "at", "for" or a bracket.
fn local_job_words(
    occupation: &str,
    lx: &Lexicons,
    known_jobs: &std::collections::HashSet<String>,
) -> Vec<String> {
    let known = |w: &str| lx.is_common_word(w, 40_000) || known_jobs.contains(w);
    occupation
        .split(';')
        .filter_map(|part| {
            // (Not a word in brackets: "team roper (heeler)" is a kind of roper.)
            let part = part.split(['(', ',']).next().unwrap_or("");
            let words: Vec<&str> = part.split_whitespace().collect();
            let head = *words.first()?;
            let rest_ok = words
                .get(1)
                .is_none_or(|w| matches!(*w, "of" | "at" | "for" | "in"));
            let job = normalize(head.trim_matches(|c: char| !c.is_alphanumeric() && c != '\''));
            (rest_ok
                && head.chars().next().is_some_and(char::is_lowercase)
                && job.chars().filter(|c| c.is_alphabetic()).count() >= 4
                && !known(&job))
            .then_some(job)
        })
        .collect()
}

/// Whether a roster phrase names the practice's own programme: it carries a distinctive word
/// of the practice's name.
fn own_program(phrase: &str, practice_words: &[String]) -> bool {
    phrase
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| practice_words.iter().any(|p| p == w))
}

#[derive(Default)]
struct Builder {
    patterns: Vec<String>,
    kinds: Vec<Vec<CueKind>>,
    marks: Vec<u8>,
    index: HashMap<String, usize>,
}

impl Builder {
    fn pattern(&mut self, needle: &str) -> usize {
        *self.index.entry(needle.to_owned()).or_insert_with(|| {
            self.patterns.push(needle.to_owned());
            self.kinds.push(Vec::new());
            self.marks.push(0);
            self.patterns.len() - 1
        })
    }

    fn add(&mut self, needle: &str, kind: CueKind) {
        if needle.is_empty() {
            return;
        }
        let i = self.pattern(needle);
        if !self.kinds[i].contains(&kind) {
            self.kinds[i].push(kind);
        }
    }

    /// Adds a phrase as said with its g dropped ("been comin in", "fightin"), as many write
    /// speech down, when that changes it: the "-ing" words of five letters or more, and only if
    /// no dropped form is an ordinary word ("raisin", "robin").
    fn add_dropped(&mut self, lx: &Lexicons, phrase: &str, kind: CueKind) {
        let n = normalize(phrase);
        let mut changed = false;
        let mut words = Vec::new();
        for w in n.split(' ') {
            match w
                .strip_suffix("ing")
                .filter(|stem| stem.len() >= 2 && w.len() >= 5)
            {
                Some(stem) => {
                    let dropped = format!("{stem}in");
                    if lx.is_common_word(&dropped, 40_000) {
                        return;
                    }
                    words.push(dropped);
                    changed = true;
                }
                None => words.push(w.to_owned()),
            }
        }
        if changed {
            self.add(&words.join(" "), kind);
        }
    }

    /// Adds a phrase said in "my" as the practice says it, in "our" ("sat in my chair", "sat in
    /// our chair"): the writer speaks for the practice as often as for themselves.
    fn add_ours(&mut self, phrase: &str, kind: CueKind) {
        let n = normalize(phrase);
        if n.split(' ').any(|w| w == "my") {
            let ours: Vec<&str> = n
                .split(' ')
                .map(|w| if w == "my" { "our" } else { w })
                .collect();
            self.add(&ours.join(" "), kind);
        }
    }

    /// Adds a phrase as texts and captions write it ("you left your" as "u left ur"): each
    /// word with a chat spelling (`chat:` in context.yaml) either way, at most
    /// [`MAX_CHAT_FORMS`] forms.
    fn add_chat(&mut self, lx: &Lexicons, phrase: &str, kind: CueKind) {
        let n = normalize(phrase);
        let mut forms: Vec<String> = vec![String::new()];
        let mut changed = false;
        for w in n.split(' ') {
            let spellings = lx.chat.get(w);
            changed |= spellings.is_some();
            forms = forms
                .iter()
                .flat_map(|f| {
                    std::iter::once(w)
                        .chain(spellings.into_iter().flatten().map(String::as_str))
                        .map(move |s| {
                            if f.is_empty() {
                                s.to_owned()
                            } else {
                                format!("{f} {s}")
                            }
                        })
                })
                .take(MAX_CHAT_FORMS + 1)
                .collect();
        }
        if changed {
            for f in forms.iter().filter(|f| **f != n) {
                self.add(f, kind);
            }
        }
    }

    /// Marks a needle as a word of a sign found in code (`INJURY_*`, `SEAT`, `TIME`).
    fn mark(&mut self, needle: &str, mark: u8) {
        if !needle.is_empty() {
            let i = self.pattern(needle);
            self.marks[i] |= mark;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bracketed_gloss_is_said_either_way_and_a_qualifier_is_dropped() {
        let lx = Lexicons::builtin().unwrap();
        assert_eq!(
            glossed("Hafnarskrifstofan (harbour office)", &lx),
            [
                "Hafnarskrifstofan (harbour office)",
                "Hafnarskrifstofan",
                "harbour office"
            ]
        );
        assert_eq!(
            glossed("frozen shoulder (right)", &lx),
            ["frozen shoulder (right)", "frozen shoulder"]
        );
        assert_eq!(
            glossed("Gozo Sharks FC (volunteer coach)", &lx),
            ["Gozo Sharks FC (volunteer coach)", "Gozo Sharks FC"]
        );
        assert_eq!(glossed("Lundi hf.", &lx), ["Lundi hf."]);
    }

    /// Whether `text` holds a cue of `kind`.
    fn has(text: &str, kind: CueKind) -> bool {
        kinds(text).iter().any(|(_, k)| *k == kind)
    }

    fn kinds(text: &str) -> Vec<(String, CueKind)> {
        let lx = Lexicons::builtin().unwrap();
        let m = CueMatcher::new(&lx, &Roster::default());
        let n = Normalized::new(text);
        m.find(&n)
            .into_iter()
            .map(|c| (text[c.span.range()].to_owned(), c.kind))
            .collect()
    }

    #[test]
    fn a_workplace_is_also_its_last_two_words_and_never_a_symbol() {
        let lx = Lexicons::builtin().unwrap();
        let roster = Roster::from_yaml(
            "version: 1\npractice: {name: Hale Massage, places: [Station 17]}\nclients:\n  \
             - id: A\n    name: Ron Pacheco\n    attributes: {affiliations: [Upcountry Feed & \
             Supply]}\n  - id: B\n    name: Wendell Nakoa\n    attributes: {affiliations: \
             [Station 17]}\n",
            "r.yaml",
        )
        .unwrap();
        let m = CueMatcher::new(&lx, &roster);
        let found = |text: &str| -> Vec<String> {
            let n = Normalized::new(text);
            m.find(&n)
                .into_iter()
                .filter(|c| matches!(c.kind, CueKind::RosterAttribute(_)))
                .map(|c| text[c.span.range()].to_owned())
                .collect()
        };
        assert_eq!(found("behind the Feed & Supply"), ["Feed & Supply"]);
        assert!(found("salt & supply chains").is_empty());
        // A local place that is one client's workplace still points at them.
        assert_eq!(found("the Station 17 captain"), ["Station 17"]);
        // Run together in a hashtag.
        assert_eq!(
            found("#upcountryfeedsupply #hawaii"),
            ["upcountryfeedsupply"]
        );
    }

    #[test]
    fn injuries_join_a_part_to_the_word_that_injures_it() {
        let health = |text: &str| -> Vec<String> {
            kinds(text)
                .into_iter()
                .filter(|(_, k)| *k == CueKind::Health)
                .map(|(t, _)| t)
                .collect()
        };
        assert!(health("six weeks post hamstring tear").contains(&"hamstring tear".to_owned()));
        assert!(health("Tore his hammy at touch").contains(&"Tore his hammy".to_owned()));
        assert!(health("a torn ACL in March").contains(&"torn ACL".to_owned()));
        assert!(health("had her hip replaced").contains(&"hip replaced".to_owned()));
        assert!(health("he pulled his leg all night").is_empty());
        assert!(health("stand on one leg, hug your knees").is_empty());
        // Linear, however many parts: no pair is looked for beyond its neighbours.
        assert!(health(&"knee ".repeat(50_000)).is_empty());
    }

    #[test]
    fn a_sign_said_in_my_is_also_said_in_our() {
        let strong = |text: &str| has(text, CueKind::Context(Strength::Strong));
        assert!(strong("Mama Sade herself sat in my chair"));
        assert!(strong("Mama Sade herself sat in our chair"));
        assert!(!strong("Mama Sade herself sat in the chair"));
    }

    #[test]
    fn seats_and_appointment_times_are_client_signs() {
        let signs = |text: &str| -> Vec<(String, CueKind)> {
            kinds(text)
                .into_iter()
                .filter(|(_, k)| matches!(k, CueKind::Context(_)))
                .collect()
        };
        assert!(signs("spent his off day on Rafa’s table").contains(&(
            "on Rafa’s table".to_owned(),
            CueKind::Context(Strength::Strong)
        )));
        assert!(
            signs("Our 10am is held for her")
                .contains(&("Our 10am".to_owned(), CueKind::Context(Strength::Weak)))
        );
        assert!(
            signs("parked across the loading zone for his 90 min")
                .contains(&("his 90 min".to_owned(), CueKind::Context(Strength::Weak)))
        );
        assert!(signs("the dog's table manners; open at 10am").is_empty());
        assert!(
            signs("guess who was on table 2 at 6h")
                .contains(&("on table 2".to_owned(), CueKind::Context(Strength::Strong)))
        );
        assert!(
            signs("sat in chair #3 all morning")
                .contains(&("in chair #3".to_owned(), CueKind::Context(Strength::Strong)))
        );
        // A count, a year or a word after the seat is not its number.
        assert!(signs("put it on table 250, in chair yoga, won table 2").is_empty());
        // Whatever stands before the name.
        assert!(signs("on 👀Rafa's table, in 👀's chair, our 👀10am").len() <= 3);
    }

    #[test]
    fn sitting_hours_for_a_service_is_a_visit() {
        let strong = |text: &str| has(text, CueKind::Context(Strength::Strong));
        assert!(strong("keisha sat 8 HOURS for these boho knotless"));
        assert!(strong("Zipora sat 5 hrs for 120 starter locs"));
        assert!(!strong("we sat 2 hours in traffic on the bridge"));
    }

    #[test]
    fn one_of_ours_is_someone_before_what_they_did() {
        let weak = |text: &str| has(text, CueKind::Context(Strength::Weak));
        assert!(weak("Our 85-year-old sweetheart pulled into the lot again"));
        assert!(weak("my favourite regular came by with cookies"));
        assert!(!weak("our sweetheart special ends Friday"));
        assert!(!weak("our darling centred bouquet"));
    }

    #[test]
    fn a_trade_called_out_is_a_call_out() {
        let callouts = |text: &str| -> Vec<String> {
            kinds(text)
                .into_iter()
                .filter(|(_, k)| *k == CueKind::CallOut)
                .map(|(t, _)| t)
                .collect()
        };
        assert_eq!(
            callouts("To the fisherman who paid his bill in fish: thank you"),
            ["To the fisherman"]
        );
        assert_eq!(
            callouts("huge shoutout to the young electrician with the van"),
            ["to the young electrician"]
        );
        assert!(callouts("I went to the dentist who fixed my tooth").is_empty());
        assert!(callouts("To the nurses who cared for Mum, and to the plumber.").is_empty());
    }

    #[test]
    fn two_neighbouring_vertebrae_are_a_health_detail() {
        let health = |text: &str| -> Vec<String> {
            kinds(text)
                .into_iter()
                .filter(|(_, k)| *k == CueKind::Health)
                .map(|(t, _)| t)
                .collect()
        };
        assert_eq!(health("C5/C6 completely locked"), ["C5/C6"]);
        let found = health("the c4-5 and C7/T1, then T12 / L1");
        assert_eq!(found, ["c4-5", "C7/T1", "T12 / L1"]);
        assert!(health("a C3/C7 cable, size L1/S2, T8-T10, c7/c8, T1-L3, 2024-25").is_empty());
    }

    #[test]
    fn a_service_after_his_or_her_is_a_client_sign() {
        let strong = |text: &str| -> Vec<String> {
            kinds(text)
                .into_iter()
                .filter(|(_, k)| *k == CueKind::Context(Strength::Strong))
                .map(|(t, _)| t)
                .collect()
        };
        assert!(
            strong("Look who's back for his monthly hilot 😍")
                .contains(&"his monthly hilot".to_owned())
        );
        assert!(
            strong("straight here for her full-body hilot")
                .contains(&"her full-body hilot".to_owned())
        );
        assert!(strong("booked their usual fade").contains(&"their usual fade".to_owned()));
        // Her own business, his gadget, a service too far from the possessive.
        assert!(strong("she opened her own massage business").is_empty());
        assert!(strong("she sells her hilot oil at the market").is_empty());
        assert!(
            strong("Hannah gets to be on her birth team").contains(&"her birth team".to_owned())
        );
        assert!(strong("the garden was her labour of love").is_empty());
        assert!(strong("her dog loves the smell of the foot spa").is_empty());
    }

    #[test]
    fn weeks_of_a_pregnancy_and_not_of_a_course() {
        let health = |text: &str| {
            kinds(text)
                .into_iter()
                .filter(|(_, k)| *k == CueKind::Health)
                .map(|(t, _)| t)
                .collect::<Vec<_>>()
        };
        for (text, want) in [
            ("she's now 30 weeks with her first", "30 weeks"),
            ("born at 34 weeks by emergency section", "34 weeks"),
            ("36 weeks now and blooming", "36 weeks"),
            ("#36weeks #doula", "36weeks"),
        ] {
            assert!(
                health(text).iter().any(|t| t == want),
                "{text}: {:?}",
                health(text)
            );
        }
        for text in [
            "a six-week course, 6 weeks of classes",
            "on-call support from 38 weeks",
            "we're 25 weeks from the marathon",
        ] {
            assert!(
                !health(text).iter().any(|t| t.contains("week")),
                "{text}: {:?}",
                health(text)
            );
        }
    }

    #[test]
    fn ages_in_every_form() {
        for (text, want) in [
            ("our favourite 88-year-old", 88),
            ("she is 91 years young", 91),
            ("he turned 70 on Sunday", 70),
            ("one of our regulars is 88.", 88),
            ("in her eighties and still hiking", 80),
            ("a young mother in her early twenties", 20),
            ("he's in his mid-thirties now", 30),
            ("une dame dans la quatre-vingtaine", 80),
            ("mon grand-père fête ses 84 ans", 84),
            ("Sixty-seven years young and she just finished", 67),
            ("our seventy-two-year-old regular", 72),
            ("Six years old and braver than all of us", 6),
            ("a grade 2 seven-year-old", 7),
            ("she turned ninety on Sunday", 90),
            ("77 and she hasn't missed a Sunday", 77),
            ("92 and still swimming", 92),
            ("for her 24th bday dinner", 24),
            ("happy 82nd birthday Jean", 82),
            ("She's only nineteen, so go easy", 19),
            ("he's nearly forty-five", 45),
            ("una doñita de 90 añitos vino hoy", 90),
            ("Don Fello tiene 84 años y sigue", 84),
            ("a avó fez 70 anos no domingo", 70),
            ("una signora di 91 anni", 91),
            ("die 84-jährige Kundin", 84),
        ] {
            let found = kinds(text);
            assert!(
                found
                    .iter()
                    .any(|(_, k)| matches!(k, CueKind::Age { years, .. } if *years == want)),
                "{text}: {found:?}"
            );
        }
        for text in [
            "She walked out that door like she was 50",
            "moves like a 20-year-old on the reformer",
            "dancing like he's 25 again",
            "the studio is 10 minutes away",
            "scored 20 and he was thrilled",
            "she's two and into everything",
            "he's one of our regulars",
            "we did a full 90 and she left walking",
            "con más de 30 años de experiencia",
            "hace 25 años que abrimos",
            "faz 30 anos que trabalho aqui",
            "da piu di 20 anni",
            "después de 30 años sentado frente al micrófono",
        ] {
            assert!(
                !kinds(text)
                    .iter()
                    .any(|(_, k)| matches!(k, CueKind::Age { .. })),
                "{text}"
            );
        }
    }

    #[test]
    fn a_quotation_signed_under_it_is_a_testimonial() {
        fn signed(text: &str) -> Vec<&str> {
            testimonials(text)
                .iter()
                .filter(|c| c.kind == CueKind::Context(Strength::Strong))
                .map(|c| &text[c.span.range()])
                .collect()
        }
        assert_eq!(
            signed("## Client love\n\n> \"My back finally forgave me.\"\n> — **Jane Roe** ✨\n"),
            ["—"]
        );
        assert_eq!(
            signed("> Best hour of my week.\n> -- Cookie, Cookie's Clam Bar\n"),
            ["--"]
        );
        assert_eq!(signed("“Best massage of my life.” – Jane\n"), ["–"]);
        // A list under a quoted phrase, a dash in running text, advice: no signature.
        assert!(
            signed("Do not skip it because you \"feel fine\".\n- Tell us on the form.\n")
                .is_empty()
        );
        assert!(signed("- \"Stretch\" is the word.\n- Drink water\n").is_empty());
        assert!(signed("He said \"wow\" - Jane laughed at that.\n").is_empty());
        assert!(signed("Closed Thursday.\n— Gina\n").is_empty());
    }

    #[test]
    fn context_and_health() {
        let found = kinds("She was on my table with sciatica");
        assert!(
            found
                .iter()
                .any(|(_, k)| matches!(k, CueKind::Context(Strength::Strong)))
        );
        assert!(
            found
                .iter()
                .any(|(t, k)| *k == CueKind::Health && t == "sciatica")
        );
    }
}
