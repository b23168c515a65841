//! The compiled matcher: built once per roster and rule set, then scans any number of drafts.
//!
//! Every roster name, alias, surname and first name, and the practice's own names, go through
//! [`normalize`] into a whole-word index ([`crate::names`]); the lexicons go into one
//! Aho–Corasick DFA ([`crate::cues`]). A scan normalises the draft the same way, finds
//! whole-word name hits and cues, resolves overlaps (longest wins; the practice's own names win
//! ties), lets the `assess` module weigh the evidence, and judges consent per client.

use std::collections::{BTreeMap, HashMap, HashSet};

use crate::assess::{Input, Key, NameHit, NameKind, Profile, assess};
use crate::consent::{Coverage, Disclosures, judge};
use crate::contact::{ContactIndex, ContactKind};
use crate::cues::{Cue, CueKind, CueMatcher, RosterNeedles};
use crate::date::Date;
use crate::descriptors::Descriptors;
use crate::document::Document;
use crate::error::{FileKind, LoadError};
use crate::finding::{Finding, Scan, Verdict};
use crate::lexicon::Lexicons;
use crate::lexicon::Strength;
use crate::markup::Prose;
use crate::names::NameIndex;
use crate::normalize::{Normalized, normalize};
use crate::relatives::Relatives;
use crate::roster::Roster;
use crate::rules::{Matcher, RosterForm, RuleSet};
use crate::span::Span;

/// What a needle in the automaton stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Target {
    /// A form of client `client`'s names.
    Client { client: u32, form: Form },
    /// The practice's name or a place: never a client finding.
    Exempt,
    /// A staff member: never a client finding, and a sign that the draft is about a service
    /// ("Tia just finished a set for ...", "in Dez's chair").
    Staff,
}

/// The shapes a roster needle comes in. `First` is a first name: alone it is a `Word` hit
/// (judged with its context), and with a last initial after it a `Full` one. `Surname` counts
/// only with a title before it. `Word` is a one-word nickname.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Form {
    Full(RosterForm),
    First,
    Surname,
    Word,
}

/// The compiled matcher. Cheap to share across threads; [`Scanner::scan`] takes `&self`.
#[derive(Debug)]
pub struct Scanner {
    roster: Roster,
    rules: RuleSet,
    automaton: NameIndex,
    /// What each needle stands for.
    needles: Targets,
    /// Per client: the normalised initials its surname tokens start with.
    initials: Vec<Vec<char>>,
    /// For each roster form, the rule (index into `rules`) that reports it, if enabled.
    form_rule: HashMap<RosterForm, usize>,
    /// Normalised titles for [`RosterForm::TitleSurname`].
    titles: Vec<String>,
    lexicons: Lexicons,
    cue_matcher: CueMatcher,
    profiles: Vec<Profile>,
    /// Every client's emails and phones.
    contacts: ContactIndex,
    /// The distinctive words of clients' descriptions, built the first time a description
    /// needs telling apart (most runs never do).
    descriptors: std::sync::OnceLock<Descriptors>,
    /// Which clients' entries name each other as relatives, built the first time a draft
    /// names a relative ("the Sarge's missus").
    relatives: std::sync::OnceLock<Relatives>,
    /// Clients' first names and last surnames by their initials, for names misspelled twice
    /// ("Wendel Mercedi"), built the first time a draft has a capitalised pair of words.
    by_initials: std::sync::OnceLock<ByInitials>,
    /// Which (first initial, surname initial, first name's length) a client's name has, for
    /// a-z initials and lengths up to 23: the cheap test before a lower-case pair of words is
    /// read as a misspelled name.
    lowercase_gate: std::sync::OnceLock<Vec<bool>>,
    /// The health phrases the practice's name says every client's status tells.
    told_by_status: Vec<String>,
    /// The names staff are called by after a title: "bao" for a staff entry "Dr. Bao Tran"
    /// or "Trần Quốc Bảo" (family name first), so "Dr. Bảo" is them, not a client whose
    /// surname is Bảo.
    staff_called: Vec<String>,
    /// The staff's surnames (the last word of each staff entry), normalised.
    staff_surnames: Vec<String>,
}

/// Most findings one pattern rule reports in one draft.
const MAX_PATTERN_FINDINGS: usize = 1_000;

/// Generational suffixes that are not a surname: `Harold Pemberton III`.
const SUFFIXES: &[&str] = &["jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "v"];

impl Scanner {
    /// Compiles `roster` and `rules` into a scanner.
    ///
    /// # Errors
    /// [`LoadError`] if the lexicons cannot be loaded or the roster is beyond any practice's
    /// size (4 billion clients).
    pub fn new(roster: Roster, rules: RuleSet) -> Result<Scanner, LoadError> {
        let lexicons = Lexicons::builtin()?;
        let cues = CueMatcher::lexicon(&lexicons);
        let compiled = Compiled::new(roster, &lexicons, &cues)?;
        Ok(Scanner::from_parts(compiled, rules, lexicons, cues))
    }

    /// A scanner from a compiled roster (fresh or read back from a cache) and rules.
    #[must_use]
    pub fn from_compiled(compiled: Compiled, rules: RuleSet, lexicons: Lexicons) -> Scanner {
        let cues = CueMatcher::lexicon(&lexicons);
        Scanner::from_parts(compiled, rules, lexicons, cues)
    }

    /// A scanner from its parts, the lexicon matcher already built (see
    /// [`CueMatcher::lexicon`]).
    #[must_use]
    pub fn from_parts(
        compiled: Compiled,
        rules: RuleSet,
        lexicons: Lexicons,
        cues: CueMatcher,
    ) -> Scanner {
        let mut form_rule = HashMap::new();
        let mut titles = Vec::new();
        for (i, rule) in rules.rules().iter().enumerate() {
            let Matcher::Roster { form, titles: t } = &rule.matcher else {
                continue;
            };
            form_rule.insert(*form, i);
            if *form == RosterForm::TitleSurname {
                titles.extend(t.iter().cloned());
            }
        }
        let cue_matcher = cues.attach(compiled.cues);
        let told_by_status = crate::lexicon::Specialty::told_by_status(
            &lexicons.specialties,
            &compiled.roster.practice.name,
        )
        .into_iter()
        .map(str::to_owned)
        .collect();
        let staff_called = compiled
            .roster
            .practice
            .staff
            .iter()
            .filter_map(|staff| {
                let full = normalize(staff);
                let tokens = name_tokens(&full, staff, &lexicons);
                let (first, rest) = tokens.split_first()?;
                let titled = titles.iter().any(|t| first.trim_end_matches('.') == t);
                let called = if titled { rest.first()? } else { first };
                (titled || full.split(' ').next() != Some(*first)).then(|| (*called).to_owned())
            })
            .collect();
        let staff_surnames = compiled
            .roster
            .practice
            .staff
            .iter()
            .filter_map(|staff| normalize(staff).rsplit(' ').next().map(str::to_owned))
            .collect();
        Scanner {
            staff_called,
            staff_surnames,
            roster: compiled.roster,
            rules,
            automaton: compiled.names,
            needles: compiled.targets,
            initials: compiled.initials,
            form_rule,
            titles,
            lexicons,
            cue_matcher,
            profiles: compiled.profiles,
            contacts: compiled.contacts,
            descriptors: std::sync::OnceLock::new(),
            relatives: std::sync::OnceLock::new(),
            by_initials: std::sync::OnceLock::new(),
            lowercase_gate: std::sync::OnceLock::new(),
            told_by_status,
        }
    }

    /// The rules this scanner reports.
    #[must_use]
    pub fn rules(&self) -> &RuleSet {
        &self.rules
    }

    /// The roster it was built from.
    #[must_use]
    pub fn roster(&self) -> &Roster {
        &self.roster
    }

    /// Scans one document, judging consent as of `today`.
    ///
    /// Markdown and HTML are read through their prose ([`Prose`]), which keeps every byte
    /// where it was: the spans found there are spans of `doc.text`.
    #[must_use]
    pub fn scan(&self, doc: &Document<'_>, today: Date) -> Scan {
        let prose = Prose::new(doc.text, doc.markup);
        let view = Document {
            text: prose.as_str(),
            ..*doc
        };
        // A picture in the post shows whoever it is of: a photo disclosure, like "pictured".
        let images: Vec<Span> = prose
            .links()
            .iter()
            .filter(|l| is_image_address(&doc.text[l.range()]))
            .copied()
            .collect();
        let mut scan = self.scan_prose(&view, doc.text, &images, today);
        if !prose.is_source() {
            for f in &mut scan.findings {
                f.span = f.span.snap(doc.text);
                for c in &mut f.cues {
                    c.span = c.span.snap(doc.text);
                }
            }
        }
        scan
    }

    /// Scans `doc`, whose text is the prose of `source` (the source itself for plain text);
    /// suppressions are read from the source, where comments are.
    fn scan_prose(&self, doc: &Document<'_>, source: &str, images: &[Span], today: Date) -> Scan {
        let norm = Normalized::new(doc.text);
        let text = norm.as_str();
        let mut hits = Vec::new();
        for (s, e, pattern) in self.automaton.find(text) {
            for &target in self.needles.get(pattern) {
                match target {
                    Target::Exempt | Target::Staff => hits.push(Hit {
                        start: s,
                        end: e,
                        target,
                    }),
                    Target::Client { client, form } => match form {
                        Form::Full(_) => hits.push(Hit {
                            start: s,
                            end: e,
                            target,
                        }),
                        Form::Word => hits.push(Hit {
                            start: s,
                            end: e,
                            target,
                        }),
                        Form::First => {
                            hits.push(Hit {
                                start: s,
                                end: e,
                                target: Target::Client {
                                    client,
                                    form: Form::Word,
                                },
                            });
                            if self.surname_after(&norm, doc.text, (s, e), client) {
                                // (The first name alone is underlined: the partner's name after
                                // it may be a client's too.)
                                let target = Target::Client {
                                    client,
                                    form: Form::Full(RosterForm::FullName),
                                };
                                hits.push(Hit {
                                    start: s,
                                    end: e,
                                    target,
                                });
                            }
                            if let Some(end) = self.initial_after(text, e, client) {
                                let target = Target::Client {
                                    client,
                                    form: Form::Full(RosterForm::FirstInitial),
                                };
                                hits.push(Hit {
                                    start: s,
                                    end,
                                    target,
                                });
                            }
                        }
                        Form::Surname => {
                            if let Some(start) = self.title_before(text, s)
                                && !self.staff_called.iter().any(|n| *n == text[s..e])
                                && !self.staff_doctor(&text[start..s], &text[s..e])
                                && !self.title_disagrees(client, &text[start..s])
                            {
                                let target = Target::Client {
                                    client,
                                    form: Form::Full(RosterForm::TitleSurname),
                                };
                                hits.push(Hit {
                                    start,
                                    end: e,
                                    target,
                                });
                            }
                        }
                    },
                }
            }
        }
        self.misspelled_surnames(&norm, doc.text, &mut hits);
        self.misspelled_names(&norm, doc.text, &mut hits);
        self.misspelled_lowercase_names(&norm, doc.text, &mut hits);
        self.names_in_hashtags(&norm, doc.text, &mut hits);
        self.spaced(&norm, doc.text, &mut hits);
        let kept = resolve(hits);
        // An email or phone is one token: a name inside it ("mary" in mary.jones@...) is not
        // a second finding.
        let contacts = self.contacts.find(doc.text);
        let mut names = Vec::with_capacity(kept.len() + contacts.len());
        for hit in &contacts {
            let form = match hit.kind {
                ContactKind::Email => RosterForm::Email,
                ContactKind::Phone => RosterForm::Phone,
            };
            if let Some(&rule) = self.form_rule.get(&form) {
                names.push(NameHit {
                    span: hit.span,
                    client: hit.client,
                    kind: NameKind::Contact(rule),
                });
            }
        }
        // "Café De Beer": the name is the café's, here and wherever it comes back.
        // (A practice's place "Café De Beer" is found whole: "De Beer" later is the café too.)
        let venues: HashSet<&str> = kept
            .iter()
            .filter_map(|hit| {
                let name = &text[hit.start..hit.end];
                if hit.target == Target::Exempt {
                    let (first, rest) = name.split_once(' ')?;
                    self.lexicons
                        .venues
                        .iter()
                        .any(|v| v == first)
                        .then_some(rest)
                } else {
                    after_one_of(text, hit.start, &self.lexicons.venues).then_some(name)
                }
            })
            .collect();
        let mut staff = Vec::new();
        for hit in kept {
            let Target::Client { client, form } = hit.target else {
                // (Nor is a title in quotes: Dolly's "Jolene" is a song, not Jolene at the desk.)
                if hit.target == Target::Staff
                    && !is_byline(doc.text, &norm, hit.start, hit.end)
                    && !in_quotes(doc.text, norm.span(hit.start, hit.end))
                {
                    staff.push(staff_cue(&norm, hit.start, hit.end));
                }
                continue;
            };
            let span = norm.span(hit.start, hit.end);
            if contacts.iter().any(|c| c.span.overlaps(span))
                || names_a_thing(text, hit.start, hit.end, &self.lexicons.namesakes)
                // "St Mary's", "San Marco": a saint's one name; "St Mary Jones" is still Mary Jones.
                || (!text[hit.start..hit.end].contains(' ')
                    && after_one_of(text, hit.start, &self.lexicons.saints))
                || venues.contains(&text[hit.start..hit.end])
                || names_a_shop(text, hit.start, hit.end)
            {
                continue;
            }
            let kind = match form {
                Form::Full(RosterForm::Alias)
                    if self.another_surname_after(
                        &norm,
                        doc.text,
                        (hit.start, hit.end),
                        client,
                    ) =>
                {
                    continue;
                }
                Form::Full(f) => match self.form_rule.get(&f) {
                    Some(&rule) => NameKind::Named(rule),
                    None => continue,
                },
                Form::Word if self.accents_disagree(client, &doc.text[span.range()]) => continue,
                Form::Word => NameKind::Word {
                    frequency: self
                        .lexicons
                        .first_name_frequency(&text[hit.start..hit.end]),
                },
                Form::First | Form::Surname => continue,
            };
            names.push(NameHit { span, client, kind });
        }
        Self::named_in_full_first(&mut names);
        // Front matter keys ("channel: newsletter") are settings, not evidence.
        let settings_end = crate::document::front_matter(source)
            .ok()
            .and_then(|fm| fm.span)
            .map_or(0, |s| s.end);
        let mut cues = self.cue_matcher.find(&norm);
        cues.extend(crate::cues::testimonials(source));
        // (A byline is neither a sign nor someone a cue could be about.)
        let mut staff_spans: Vec<Span> = staff.iter().map(|c| c.span).collect();
        staff_spans.sort_unstable();
        cues.extend(staff);
        cues.extend(images.iter().map(|&span| Cue {
            span,
            kind: CueKind::Photo,
        }));
        cues.sort_by_key(|c| c.span);
        cues.retain(|c| c.span.start >= settings_end);
        // Sentences and paragraphs are read where their marks are: a Markdown list item or
        // heading is its own sentence in the source, blanked in the prose. HTML's marks are
        // tags, which the prose turns into the breaks a reader sees.
        let layout = match doc.markup {
            crate::markup::Markup::Html => doc.text,
            _ => source,
        };
        let mut findings = assess(&Input {
            doc,
            layout,
            roster: &self.roster,
            lexicons: &self.lexicons,
            rules: &self.rules,
            profiles: &self.profiles,
            names: &names,
            cues: &cues,
            staff: &staff_spans,
            descriptors: &self.descriptors,
            relatives: &self.relatives,
            told_by_status: &self.told_by_status,
        });
        let patterns = self.patterns(doc.text);
        if !patterns.is_empty() {
            findings.extend(patterns);
            findings.sort_by(|a, b| a.span.cmp(&b.span).then_with(|| a.rule.cmp(&b.rule)));
        }
        self.apply_consent(&mut findings, doc, today);
        let (suppressions, bad_suppressions) = crate::suppress::parse(source);
        let suppressed = crate::suppress::apply(&mut findings, &suppressions, source);
        let verdict = Verdict::of(&findings);
        Scan {
            findings,
            verdict,
            suppressed,
            bad_suppressions,
        }
    }

    /// Findings of the practice's pattern rules, over the draft's original text: at most
    /// [`MAX_PATTERN_FINDINGS`] per rule (a pattern like `\w` would otherwise report every
    /// letter of a long draft; the verdict is the same either way).
    fn patterns(&self, text: &str) -> Vec<Finding> {
        let mut out = Vec::new();
        for rule in self.rules.rules() {
            let Matcher::Pattern(pattern) = &rule.matcher else {
                continue;
            };
            let found = pattern
                .regex()
                .find_iter(text)
                .filter(|m| !m.is_empty())
                .take(MAX_PATTERN_FINDINGS);
            for m in found {
                out.push(Finding {
                    rule: rule.id.clone(),
                    severity: rule.severity,
                    span: Span::new(m.start(), m.end()),
                    client: None,
                    disclosed: Disclosures::NONE,
                    allowed_by: None,
                    consent_gaps: Vec::new(),
                    cues: Vec::new(),
                    k: None,
                    client_index: None,
                });
            }
        }
        out
    }

    /// Judges each client's findings together: consent must cover everything the draft
    /// discloses about that client.
    fn apply_consent(&self, findings: &mut [Finding], doc: &Document<'_>, today: Date) {
        let mut per_client: HashMap<u32, Disclosures> = HashMap::new();
        for f in findings.iter() {
            if let Some(c) = f.client_index {
                let d = per_client.entry(c).or_default();
                *d = d.union(f.disclosed);
            }
        }
        let mut coverage: HashMap<u32, Coverage> = HashMap::new();
        for (c, disclosed) in per_client {
            if let Some(client) = self.roster.clients.get(c as usize) {
                coverage.insert(c, judge(&client.consent, doc.channel, today, disclosed));
            }
        }
        for f in findings.iter_mut() {
            let Some(c) = f.client_index else { continue };
            match coverage.get(&c) {
                Some(Coverage::Allowed(record)) => f.allowed_by = Some(record.clone()),
                Some(Coverage::Denied(gaps)) => f.consent_gaps.clone_from(gaps),
                None => {}
            }
        }
    }

    /// Names inside a longer hashtag: `#GoOnBernieMcNulty`, `#TeamMaryJones`,
    /// `#maryjonesstrong`. A hashtag is short, so every substring of at least eight letters is
    /// looked up among the joined names; in a hashtag with capitals the name must start and
    /// end where a capitalised word does, so `#BigMaryjonesville` is no one. A name may end
    /// the hashtag after any cheer, but what follows a name must be a cheer too
    /// ([`HASHTAG_CHEERS`]): `#MaryJonesRecipes` is a cooking channel, not a person.
    fn names_in_hashtags(&self, norm: &Normalized, original: &str, hits: &mut Vec<Hit>) {
        const MIN: usize = 8;
        let text = norm.as_str();
        let mut from = 0;
        while let Some(p) = text[from..].find('#') {
            let start = from + p + 1;
            let end = text[start..]
                .find(|c: char| !c.is_alphanumeric())
                .map_or(text.len(), |i| start + i);
            from = end.max(start);
            // A real hashtag is short; a run of thousands of letters is not one, and trying
            // every substring of it would take quadratic time.
            if end - start <= MIN || end - start > 80 {
                continue;
            }
            let body = norm.span(start, end);
            let cased = original[body.range()].chars().any(char::is_uppercase);
            let starts: Vec<usize> = (start..end).filter(|&i| text.is_char_boundary(i)).collect();
            for (n, &i) in starts.iter().enumerate() {
                for &j in starts[n + 1..].iter().chain(std::iter::once(&end)) {
                    if j - i < MIN || (i == start && j == end) {
                        continue;
                    }
                    let Some(id) = self.automaton.get(&text[i..j]) else {
                        continue;
                    };
                    let span = norm.span(i, j);
                    let capital_at = |k: usize| {
                        original[k..]
                            .chars()
                            .next()
                            .is_none_or(|c| c.is_uppercase() || c.is_ascii_digit())
                    };
                    let edge = |k: usize| k == body.start || k == body.end || capital_at(k);
                    if cased && !(edge(span.start) && edge(span.end)) {
                        continue;
                    }
                    if j < end && !HASHTAG_CHEERS.contains(&&text[j..end]) {
                        continue;
                    }
                    for &target in self.needles.get(id) {
                        if let Target::Client {
                            form: Form::Full(RosterForm::Hashtag),
                            ..
                        } = target
                        {
                            hits.push(Hit {
                                start: i,
                                end: j,
                                target,
                            });
                        }
                    }
                }
            }
        }
    }

    /// Names written with their letters spaced out or dotted ("M a r y  J o n e s",
    /// "M.a.r.y J.o.n.e.s"): runs of one-letter words, joined and looked up among the roster's
    /// run-together names (the `#MaryJones` needles).
    fn spaced(&self, norm: &Normalized, original: &str, hits: &mut Vec<Hit>) {
        if !self.form_rule.contains_key(&RosterForm::Spaced) {
            return;
        }
        let text = norm.as_str();
        let bytes = text.as_bytes();
        let char_at = |i: usize| crate::names::char_at(text, i);
        // The current run's letters, as normalised byte ranges.
        let mut run: Vec<(usize, usize)> = Vec::new();
        // Lookups left for trying every letter as a name's start; after that only the likely
        // starts are tried, so a megabyte of "a b c d ..." stays linear.
        let mut budget: usize = 200_000;
        let mut i = 0;
        while i < bytes.len() {
            // ASCII first: most drafts are mostly ASCII, and this walk visits every byte.
            let b = bytes[i];
            if b < 0x80 && !b.is_ascii_alphanumeric() {
                i += 1;
                continue;
            }
            let (c, w) = char_at(i);
            if !c.is_alphanumeric() {
                i += w;
                continue;
            }
            // A word: one letter alone is part of a run, anything longer ends it.
            let mut j = i + w;
            while j < bytes.len() {
                let d = bytes[j];
                if d < 0x80 {
                    if !d.is_ascii_alphanumeric() {
                        break;
                    }
                    j += 1;
                    continue;
                }
                let (d, dw) = char_at(j);
                if !d.is_alphanumeric() {
                    break;
                }
                j += dw;
            }
            let single = j == i + w;
            let joins = single
                && run.last().is_some_and(|&(_, last)| {
                    let gap = &text[last..i];
                    gap.len() <= 6 && gap.chars().count() <= 3 && gap.chars().all(is_spacer)
                });
            if !joins {
                if run.len() >= SPACED_MIN_LETTERS {
                    self.spaced_run(norm, original, &run, &mut budget, hits);
                }
                run.clear();
            }
            if single {
                run.push((i, j));
            }
            i = j;
        }
        self.spaced_run(norm, original, &run, &mut budget, hits);
    }

    /// The roster names in one run of spaced-out letters. Every letter is tried as a name's
    /// start while `budget` lasts; then only the likely starts: where the run starts, after a
    /// wider gap ("M a r y  J o n e s"), or at a capital after a small letter
    /// ("M a r y J o n e s").
    fn spaced_run(
        &self,
        norm: &Normalized,
        original: &str,
        run: &[(usize, usize)],
        budget: &mut usize,
        hits: &mut Vec<Hit>,
    ) {
        const MIN_LETTERS: usize = SPACED_MIN_LETTERS;
        /// The longest run-together name looked for, in letters.
        const MAX_LETTERS: usize = 64;
        if run.len() < MIN_LETTERS {
            return;
        }
        let text = norm.as_str();
        let mut joined = String::with_capacity(run.len());
        let mut at = Vec::with_capacity(run.len() + 1);
        for &(s, e) in run {
            at.push(joined.len());
            joined.push_str(&text[s..e]);
        }
        at.push(joined.len());
        let spans: Vec<Span> = run.iter().map(|&(s, e)| norm.span(s, e)).collect();
        let first_char = |k: usize| original[spans[k].range()].chars().next();
        let min_gap = spans
            .windows(2)
            .map(|w| w[1].start.saturating_sub(w[0].end))
            .min()
            .unwrap_or(0);
        for k in 0..run.len() {
            let start = *budget > 0
                || k == 0
                || spans[k].start.saturating_sub(spans[k - 1].end) > min_gap
                || (first_char(k).is_some_and(char::is_uppercase)
                    && first_char(k - 1).is_some_and(char::is_lowercase));
            if !start {
                continue;
            }
            let last = run.len().min(k + MAX_LETTERS);
            for b in (k + MIN_LETTERS - 1)..last {
                let needle = &joined[at[k]..at[b + 1]];
                if needle.len() > self.automaton.max_len() {
                    break;
                }
                *budget = budget.saturating_sub(1);
                let Some(id) = self.automaton.get(needle) else {
                    continue;
                };
                let mut seen: Vec<u32> = Vec::new();
                for &target in self.needles.get(id) {
                    let Target::Client {
                        client,
                        form:
                            Form::Full(RosterForm::FullName | RosterForm::Alias | RosterForm::Hashtag),
                    } = target
                    else {
                        continue;
                    };
                    if seen.contains(&client) {
                        continue;
                    }
                    seen.push(client);
                    hits.push(Hit {
                        start: run[k].0,
                        end: run[b].1,
                        target: Target::Client {
                            client,
                            form: Form::Full(RosterForm::Spaced),
                        },
                    });
                }
            }
        }
    }

    /// A client's first name or one-word alias followed by their surname misspelled, as
    /// writers do: "Pete Halverson" for Peter Halvorsen, "Malgosia Kowalsky" for Małgorzata
    /// Kowalska. The surname written must start with the same letter, be capitalised as the
    /// first name is, and sound the same (see [`sounds_alike`]); each such pair is a full name.
    fn misspelled_surnames(&self, norm: &Normalized, original: &str, hits: &mut Vec<Hit>) {
        let text = norm.as_str();
        let mut found = Vec::new();
        for h in hits.iter() {
            let Target::Client {
                client,
                form: Form::Word,
            } = h.target
            else {
                continue;
            };
            let Some(rest) = text[h.end..].strip_prefix(' ') else {
                continue;
            };
            let word = rest
                .split(|c: char| !c.is_alphabetic())
                .next()
                .unwrap_or("");
            // (Cheap tests first: every first name in a draft comes here.)
            if word.len() < 5
                || !word
                    .chars()
                    .next()
                    .is_some_and(|c| self.initials[client as usize].contains(&c))
            {
                continue;
            }
            let at = h.end + 1;
            let capital = |s: usize, e: usize| capitalised(original, norm, s, e);
            if capital(at, at + word.len()) != capital(h.start, h.end) {
                continue;
            }
            if self
                .client_tokens(client)
                .get(1..)
                .is_some_and(|s| s.iter().any(|s| s != word && sounds_alike(s, word)))
            {
                found.push(Hit {
                    start: h.start,
                    end: at + word.len(),
                    target: Target::Client {
                        client,
                        form: Form::Full(RosterForm::FullName),
                    },
                });
            }
        }
        hits.append(&mut found);
    }

    /// A client's first name and surname both misspelled ("Wendel Mercedi" for Wendell
    /// Mercredi): two capitalised words, each one letter off the client's (a letter added,
    /// dropped, changed or two swapped) or the surname sounding alike. Names of four and five
    /// letters or more only, so that ordinary pairs of words do not come near.
    fn misspelled_names(&self, norm: &Normalized, original: &str, hits: &mut Vec<Hit>) {
        let mut found = Vec::new();
        // Capitalised words are read in the original, where they are few: most drafts are
        // mostly lower case, and this runs on every draft.
        let bytes = original.as_bytes();
        let word_at = |i: usize| -> Option<&str> {
            let rest = original.get(i..)?;
            let first = rest.chars().next()?;
            if !first.is_uppercase()
                || original[..i]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric)
            {
                return None;
            }
            let len = rest
                .find(|c: char| !c.is_alphabetic())
                .unwrap_or(rest.len());
            Some(&rest[..len])
        };
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if !(b.is_ascii_uppercase() || b >= 0xC0) {
                i += 1;
                continue;
            }
            let start = i;
            let Some(first) = word_at(start) else {
                i += 1;
                continue;
            };
            let after = start + first.len();
            i = after.max(start + 1);
            // "Mrs. Katzenelenbogen" for Mrs. Katzenellenbogen, "Chief Castelano" for Chief
            // Castellano: a title and a long surname one letter off, or sounding the same.
            if first.chars().count() <= 10
                && let Some(gap) = [". ", " "]
                    .iter()
                    .find(|g| original[after..].starts_with(*g))
                && let Some(surname) = word_at(after + gap.len())
                && surname.chars().count() >= 7
                && let title = normalize(first)
                && self.titles.contains(&title)
            {
                let next = norm.normalised_offset(after + gap.len());
                let l = normalize(surname);
                if norm.as_str().get(next..next + l.len()) == Some(l.as_str()) {
                    let at = norm.normalised_offset(start);
                    self.misspelled_titled((at, &title), (next, &l), &mut found);
                }
                continue;
            }
            if first.chars().count() < 4 || bytes.get(after) != Some(&b' ') {
                continue;
            }
            let Some(second) = word_at(after + 1) else {
                continue;
            };
            // "Faadumo Nuur Jibriil" for Fadumo Nur Jibril: a father's name may stand between.
            let third = (bytes.get(after + 1 + second.len()) == Some(&b' '))
                .then(|| word_at(after + 2 + second.len()))
                .flatten()
                .map(|w| (after + 2 + second.len(), w));
            let surnames: Vec<(usize, &str)> = std::iter::once((after + 1, second))
                .chain(third)
                .filter(|(_, w)| w.chars().count() >= 5)
                .collect();
            if surnames.is_empty() {
                continue;
            }
            let at = norm.normalised_offset(start);
            let f = normalize(first);
            if norm.as_str().get(at..at + f.len()) != Some(f.as_str()) {
                continue;
            }
            let before = found.len();
            for (from, surname) in surnames {
                if found.len() > before {
                    break;
                }
                let l = normalize(surname);
                let next = norm.normalised_offset(from);
                if norm.as_str().get(next..next + l.len()) == Some(l.as_str()) {
                    self.misspelled_pair((at, &f), (next, &l), &mut found);
                }
            }
        }
        hits.append(&mut found);
    }

    /// A client's first name and surname both misspelled in a draft written in lower case
    /// ("shoutout to ashly kock" for Ashley Koch): two lower-case words of four letters or
    /// more that are not ordinary words, each one letter off the client's. Only in a draft
    /// that capitalises almost nothing, where names are written as every other word is.
    fn misspelled_lowercase_names(&self, norm: &Normalized, original: &str, hits: &mut Vec<Hit>) {
        // (A cheap test first: most drafts are cased.)
        let bytes = original.as_bytes();
        let spaces = bytes.iter().filter(|&&b| b == b' ').count();
        // Capitalised words, not capital letters: "STILL" is one.
        let capitals = (0..bytes.len())
            .filter(|&i| {
                bytes[i].is_ascii_uppercase() && (i == 0 || !bytes[i - 1].is_ascii_alphabetic())
            })
            .count();
        if spaces < 8 || capitals * 20 > spaces {
            return;
        }
        let gate = self.lowercase_gate.get_or_init(|| {
            let mut gate = vec![false; GATE_LEN];
            for ((a, b), names) in self.by_initials.get_or_init(|| self.initials_index()) {
                for (_, first, _) in names {
                    // One letter off: a length one either side.
                    for len in first.len().saturating_sub(1)..=first.len() + 1 {
                        if let Some(i) = gate_index(*a, *b, len) {
                            gate[i] = true;
                        }
                    }
                }
            }
            gate
        });
        let shaped = |w: &str| w.len() >= 4 && w.bytes().all(|b| b.is_ascii_lowercase());
        let ordinary = |w: &str| self.lexicons.is_common_word(w, 40_000);
        let mut previous: Option<(usize, &str)> = None;
        let mut offset = 0;
        for word in original.split(' ') {
            let at = offset;
            offset += word.len() + 1;
            // Punctuation after the surname ends it ("ashly kock!"); before it, it ends the pair.
            let bare = word.trim_end_matches(|c: char| c.is_ascii_punctuation());
            let this = shaped(bare).then_some((at, bare));
            if let (Some((a, first)), Some((b, surname))) = (previous, this)
                && gate_index(
                    char::from(first.as_bytes()[0]),
                    char::from(surname.as_bytes()[0]),
                    first.len(),
                )
                .is_some_and(|i| gate[i])
                && !ordinary(first)
                && !ordinary(surname)
            {
                let (f, l) = (normalize(first), normalize(surname));
                let (at, next) = (norm.normalised_offset(a), norm.normalised_offset(b));
                if norm.as_str().get(at..at + f.len()) == Some(f.as_str())
                    && norm.as_str().get(next..next + l.len()) == Some(l.as_str())
                {
                    self.misspelled_pair((at, &f), (next, &l), hits);
                }
            }
            previous = this.filter(|_| bare.len() == word.len());
        }
    }

    /// The clients whose first name and surname are each one letter off `first` and
    /// `surname` (words of the original, normalised, at their offsets there).
    fn misspelled_pair(
        &self,
        (at, first): (usize, &str),
        (next, surname): (usize, &str),
        found: &mut Vec<Hit>,
    ) {
        let (Some(a), Some(b)) = (first.chars().next(), surname.chars().next()) else {
            return;
        };
        let index = self.by_initials.get_or_init(|| self.initials_index());
        let Some(candidates) = index.get(&(a, b)) else {
            return;
        };
        for (client, f, l) in candidates {
            let exact = f == first && l == surname;
            if !exact
                && one_letter_off(f, first)
                && (one_letter_off(l, surname) || sounds_alike(l, surname))
            {
                found.push(Hit {
                    start: at,
                    end: next + surname.len(),
                    target: Target::Client {
                        client: *client,
                        form: Form::Full(RosterForm::FullName),
                    },
                });
            }
        }
    }

    /// The clients whose surname is one letter off `surname` or sounds the same, after the
    /// title `title` (which must not disagree with them): "Mrs. Katzenelenbogen".
    fn misspelled_titled(
        &self,
        (at, title): (usize, &str),
        (next, surname): (usize, &str),
        found: &mut Vec<Hit>,
    ) {
        let Some(b) = surname.chars().next() else {
            return;
        };
        let index = self.by_initials.get_or_init(|| self.initials_index());
        let mut seen: Vec<u32> = Vec::new();
        for (client, _, l) in index
            .iter()
            .filter(|((_, initial), _)| *initial == b)
            .flat_map(|(_, v)| v)
        {
            if l != surname
                && !seen.contains(client)
                && (one_letter_off(l, surname) || sounds_alike(l, surname))
                && !self.title_disagrees(*client, title)
            {
                seen.push(*client);
            }
        }
        // "Mayor Tulugaq": of two Tulugaks, the one who is the mayor (an alias "Mayor Tulugak",
        // or the job).
        let prefix = format!("{title} ");
        let titled = |&c: &u32| {
            let client = &self.roster.clients[c as usize];
            client
                .aliases
                .iter()
                .any(|a| normalize(a).starts_with(&prefix))
                || client
                    .attributes
                    .occupation
                    .as_deref()
                    .is_some_and(|o| normalize(o).split(' ').any(|w| w == title))
        };
        if seen.iter().any(titled) {
            seen.retain(titled);
        }
        for client in seen {
            found.push(Hit {
                start: at,
                end: next + surname.len(),
                target: Target::Client {
                    client,
                    form: Form::Full(RosterForm::TitleSurname),
                },
            });
        }
    }

    fn initials_index(&self) -> ByInitials {
        let mut index: ByInitials = HashMap::new();
        for i in (0u32..).take(self.roster.clients.len()) {
            let tokens = self.client_tokens(i);
            if let [first, .., last] = &tokens[..]
                && let (Some(a), Some(b)) = (first.chars().next(), last.chars().next())
            {
                index
                    .entry((a, b))
                    .or_default()
                    .push((i, first.clone(), last.clone()));
            }
        }
        index
    }

    /// A client's name as [`name_tokens`] reads it: the name they are called by, then the
    /// surname's words, normalised.
    fn client_tokens(&self, client: u32) -> Vec<String> {
        let Some(name) = self.roster.clients.get(client as usize).map(|c| &c.name) else {
            return Vec::new();
        };
        let full = normalize(name);
        name_tokens(&full, name, &self.lexicons)
            .into_iter()
            .map(str::to_owned)
            .collect()
    }

    /// End of a last initial right after a first name: `Mary J.` (the period is required, so
    /// that "Will I" is not "Will Ivers").
    fn initial_after(&self, text: &str, end: usize, client: u32) -> Option<usize> {
        let rest = text[end..].strip_prefix(' ')?;
        let mut chars = rest.chars();
        let initial = chars.next()?;
        if chars.next() != Some('.') {
            return None;
        }
        self.initials[client as usize]
            .contains(&initial)
            .then(|| end + 1 + initial.len_utf8() + 1)
    }

    /// Whether the client's surname follows their first name (at normalised bytes
    /// `start..end`) a few words on: a couple's shared surname ("Kayla and Matt Dimick" names Kayla
    /// Dimick as surely as Matt: one word, the partner's first name, capitalised as the first
    /// name is, between "and" or "&" and the surname) or a nickname in quotes between the two
    /// (`Jorge "Güero" Longoria`).
    fn surname_after(
        &self,
        norm: &Normalized,
        original: &str,
        (start, end): (usize, usize),
        client: u32,
    ) -> bool {
        let text = norm.as_str();
        let after = &text[end..];
        // (Every first name in a draft comes here: the roster entry is read only after "and"
        // or a quote.)
        let couple = after
            .strip_prefix(" and ")
            .or_else(|| after.strip_prefix(" & "));
        let quoted = couple.is_none().then(|| quoted_nickname(after)).flatten();
        if couple.is_none() && quoted.is_none() {
            return false;
        }
        let tokens = self.client_tokens(client);
        let (Some(first), Some(surnames)) = (tokens.first(), tokens.get(1..)) else {
            return false;
        };
        let tail = if let Some(rest) = couple {
            let partner = rest.split(' ').next().unwrap_or("");
            let at = text.len() - rest.len();
            let capital = |s: usize, e: usize| capitalised(original, norm, s, e);
            // ("Mary and Mary Jones" is Mary Jones herself; "Mary and client Jones" no one.)
            if partner.is_empty()
                || !partner.chars().all(char::is_alphabetic)
                || partner == *first
                || surnames.iter().any(|s| s == partner)
                || capital(at, at + partner.len()) != capital(start, end)
            {
                return false;
            }
            rest[partner.len()..].strip_prefix(' ')
        } else {
            quoted
        };
        let Some(tail) = tail else {
            return false;
        };
        // The whole surname ("Longoria Treviño"), or its first or last word.
        !surnames.is_empty()
            && [
                surnames.join(" "),
                surnames[0].clone(),
                surnames[surnames.len() - 1].clone(),
            ]
            .iter()
            .any(|s| {
                tail.strip_prefix(s.as_str())
                    .is_some_and(|t| t.chars().next().is_none_or(|c| !c.is_alphanumeric()))
            })
    }

    /// Whether a client's alias made of first names ("Billy Ray", "Mary Beth") is followed
    /// by a capitalised surname that is not the client's: "my daddy, Billy Ray Pruitt" is
    /// someone else who shares the two first names.
    fn another_surname_after(
        &self,
        norm: &Normalized,
        original: &str,
        (start, end): (usize, usize),
        client: u32,
    ) -> bool {
        let text = norm.as_str();
        let alias = &text[start..end];
        if !alias.contains(' ') || !alias.split(' ').all(|w| self.lexicons.is_first_name(w)) {
            return false;
        }
        let Some(rest) = text[end..].strip_prefix(' ') else {
            return false;
        };
        let word = rest
            .split(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("");
        if word.len() < 2 || !capitalised(original, norm, end + 1, end + 1 + word.len()) {
            return false;
        }
        !self.client_tokens(client).iter().any(|t| t == word)
            && !self.lexicons.is_common_word(word, 40_000)
    }

    /// "Mary Beth Satterfield ... Thank you, Mary Beth", "@lisanguyen.homes ... chị Lan": a
    /// name two clients share, once one of them is named in a way that is hers alone (her full
    /// name, her handle, an alias no one else has), is that one.
    fn named_in_full_first(names: &mut Vec<NameHit>) {
        if names.len() < 2 {
            // (Most drafts: nothing to tell apart, and no map to build.)
            return;
        }
        let mut by_span: HashMap<Span, Vec<u32>> = HashMap::new();
        for n in names.iter() {
            by_span.entry(n.span).or_default().push(n.client);
        }
        let in_full: std::collections::HashSet<u32> = names
            .iter()
            .filter(|n| matches!(n.kind, NameKind::Named(_)))
            .filter(|n| by_span[&n.span].iter().all(|c| *c == n.client))
            .map(|n| n.client)
            .collect();
        if in_full.is_empty() {
            return;
        }
        names.retain(|n| {
            let sharing = &by_span[&n.span];
            in_full.contains(&n.client)
                || sharing.iter().all(|c| *c == n.client)
                || !sharing.iter().any(|c| in_full.contains(c))
        });
    }

    /// Whether a one-word name written with accents (`Năm`, "year" in Vietnamese) differs from
    /// every way the client's entry writes that word (`Nam`), where the entry is written with
    /// accents: whoever typed "Nguyễn Hoàng Nam" would have typed "Năm" if it were his name.
    /// A name typed without accents is still the name ("Nguyen" for Nguyễn), and so is an
    /// accent on a name whose entry has none ("José" for Jose Ruiz).
    fn accents_disagree(&self, client: u32, written: &str) -> bool {
        if written.is_ascii() {
            return false;
        }
        let c = &self.roster.clients[client as usize];
        let entry = || std::iter::once(&c.name).chain(&c.aliases);
        if entry().all(|n| n.is_ascii()) {
            return false;
        }
        let folded = normalize(written);
        let exact = lower_composed(written);
        !entry()
            .flat_map(|n| n.split(|ch: char| !ch.is_alphanumeric()))
            .filter(|w| normalize(w) == folded)
            .any(|w| lower_composed(w) == exact)
    }

    /// Whether `title` ("uncle ", "mrs. ") says a gender the roster does not give the client:
    /// "Uncle Abdi" is not Hodan Abdi.
    fn title_disagrees(&self, client: u32, title: &str) -> bool {
        let title = title.trim_end().trim_end_matches('.');
        let said = self.lexicons.title_genders.get(title);
        let given = self.roster.clients[client as usize].attributes.gender();
        said.zip(given).is_some_and(|(said, given)| *said != given)
    }

    /// Whether a doctor's title and a surname are a staff member's: in a vet's or a
    /// physio's posts "Dr. Thibodeau" is the staff vet, not the client Yvette Thibodeau.
    fn staff_doctor(&self, title: &str, surname: &str) -> bool {
        let title = title.trim_end().trim_end_matches('.');
        matches!(title, "dr" | "doc" | "doctor") && self.staff_surnames.iter().any(|n| n == surname)
    }

    /// Start of a title right before a surname: `Mrs. Jones`, `Coach Jones`.
    fn title_before(&self, text: &str, start: usize) -> Option<usize> {
        let before = text[..start].strip_suffix(' ')?;
        let before = before.strip_suffix('.').unwrap_or(before);
        self.titles.iter().find_map(|t| {
            let s = before.strip_suffix(t.as_str())?;
            let ok = s.chars().next_back().is_none_or(|c| !c.is_alphanumeric());
            ok.then_some(s.len())
        })
    }
}

#[derive(Clone, Copy, Debug)]
struct Hit {
    start: usize,
    end: usize,
    target: Target,
}

/// What may stand between the letters of a spaced-out name.
fn is_spacer(c: char) -> bool {
    matches!(
        c,
        ' ' | '.' | '-' | '·' | '•' | '/' | '|' | '+' | '~' | ',' | '\'' | '_' | '*'
    )
}

/// Keeps the longest hits that do not overlap a longer one; at equal length the practice's
/// own names win, then the earlier hit. Several clients may share one span (two clients with
/// one name): all are kept.
fn resolve(mut hits: Vec<Hit>) -> Vec<Hit> {
    hits.sort_by_key(|h| {
        let rank = match h.target {
            Target::Exempt | Target::Staff => 0,
            Target::Client {
                form: Form::Full(f),
                ..
            } => 1 + f as u8,
            Target::Client { .. } => 9,
        };
        (std::cmp::Reverse(h.end - h.start), rank, h.start)
    });
    // Kept spans by start, with their end and whether one of the practice's own names is
    // there. Kept spans never overlap (a client sharing a span joins the hit there), so the
    // only one a new hit can overlap is the last one that starts before the hit ends: one
    // lookup per hit, where comparing with every kept hit was quadratic in a long draft.
    let mut taken: BTreeMap<usize, (usize, bool)> = BTreeMap::new();
    let mut kept: Vec<Hit> = Vec::new();
    for h in hits {
        let own = matches!(h.target, Target::Exempt | Target::Staff);
        let clash = taken
            .range(..h.end)
            .next_back()
            .is_some_and(|(&start, &(end, own_there))| {
                let same_span = start == h.start && end == h.end;
                // Two clients sharing one name keep both hits.
                h.start < end && (!same_span || own_there)
            });
        if !clash {
            taken.entry(h.start).or_insert((h.end, own));
            kept.push(h);
        }
    }
    kept
}

/// Whether the words at `span` are a whole quotation of their own: `"Jolene"`, `“Jolene”`.
fn in_quotes(text: &str, span: Span) -> bool {
    const QUOTES: &[char] = &['"', '“', '”', '«', '»'];
    text[..span.start].ends_with(QUOTES) && text[span.end..].starts_with(QUOTES)
}

/// Whether a link address is a picture: `emma-swing.jpg`, `/img/a.webp?w=600`.
fn is_image_address(address: &str) -> bool {
    const EXTENSIONS: &[&str] = &[
        "jpg", "jpeg", "png", "gif", "webp", "heic", "heif", "avif", "tif", "tiff", "bmp",
    ];
    let path = address.split(['?', '#']).next().unwrap_or(address);
    path.rsplit_once('.')
        .is_some_and(|(_, ext)| EXTENSIONS.iter().any(|e| e.eq_ignore_ascii_case(ext)))
}

/// Whether the normalised bytes `start..end` begin with a capital letter in the original.
fn capitalised(original: &str, norm: &Normalized, start: usize, end: usize) -> bool {
    original[norm.span(start, end).range()]
        .chars()
        .next()
        .is_some_and(char::is_uppercase)
}

/// The part of a practice's name before a dash, bar or colon that sets off what it does
/// ("Salon Róża — Hair & Massage", "Brook Lane | Physio"), if it has at least two words: one
/// word alone ("Rose — Hair Studio") could be a client's name anywhere else in a draft.
fn short_name(name: &str) -> Option<&str> {
    let cut = [" — ", " – ", " - ", " | ", " · ", ": "]
        .iter()
        .filter_map(|sep| name.find(sep))
        .min()?;
    let short = name[..cut].trim();
    short.contains(' ').then_some(short)
}

/// Whether the name at `start..end` of normalised `text` names a place for its owner: "a
/// fish feast for 4 at Mama Oliech's" is a restaurant, not a visit to her.
fn names_a_shop(text: &str, start: usize, end: usize) -> bool {
    text[..start].trim_end().rsplit(' ').next() == Some("at")
        && text[end..]
            .strip_prefix("'s")
            .is_some_and(|r| r.chars().next().is_none_or(|c| !c.is_alphanumeric()))
}

/// Whether the name starting at `start` of normalised `text` comes just after one of `words`:
/// a saint's ("St. Maarten", "San Marco") or a business's ("Café De Beer").
fn after_one_of(text: &str, start: usize, words: &[String]) -> bool {
    text[..start]
        .strip_suffix(' ')
        .and_then(|t| t.rsplit([' ', '(', '"']).next())
        .is_some_and(|w| words.iter().any(|s| s == w.trim_end_matches('.')))
}

/// Whether the name at `start..end` of normalised `text` names a thing after a person: "the
/// Jón Sigurðsson statue", "Jón Sigurðsson (the statue!!)", "the statue of Jón Sigurðsson",
/// "the trawler Einar Guðfinnsson".
fn names_a_thing(
    text: &str,
    start: usize,
    end: usize,
    namesakes: &rustc_hash::FxHashSet<String>,
) -> bool {
    let after = text[end..].trim_start_matches([' ', '(']);
    let after = after.strip_prefix("the ").unwrap_or(after);
    let next = after
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    let mut before = text[..start]
        .rsplit(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty());
    let (previous, earlier) = (before.next(), before.next());
    let named_after = |w: Option<&str>| w.is_some_and(|w| namesakes.contains(w));
    // "jackson st" is a street; "Mary Jones rd" (a full name before an abbreviation, which a
    // typo or a signature makes as easily) is still Mary Jones.
    let abbreviation = matches!(next, "st" | "ave" | "rd" | "blvd" | "ln" | "hwy");
    namesakes.contains(next) && !(abbreviation && text[start..end].contains(' '))
        || previous == Some("of") && named_after(earlier)
        || named_after(previous) && matches!(earlier, Some("the" | "a" | "our" | "his" | "her"))
}

/// Whether a staff name only says who is writing: it signs an aside ("led by Helga Björk
/// (*my big sister, so I am allowed to brag* – Hulda Rós)") or introduces the writer at the
/// start of a line ("Kári here from the pool desk", "Hæ everyone, Hulda here"). Neither is
/// someone at work on anyone, nor the one a story is about.
fn is_byline(original: &str, norm: &Normalized, start: usize, end: usize) -> bool {
    let text = norm.as_str();
    let aside =
        text[..start].trim_end().ends_with('-') && text[end..].trim_start().starts_with(')');
    // (The normalised text has no line breaks: the line is read in the original.)
    // Only the last 80 bytes are read: a line start further back has more than three words
    // before the name (and reading back to it for every staff name was quadratic on a long
    // one-line text).
    let at = norm.span(start, end).start;
    let window = Span::new(at.saturating_sub(80), at).snap(original);
    let before = &original[window.range()];
    let line = match before.rfind('\n') {
        Some(i) => Some(&before[i + 1..]),
        None => (window.start == 0).then_some(before),
    };
    let here = text[end..]
        .strip_prefix(" here")
        .is_some_and(|r| r.chars().next().is_none_or(|c| !c.is_alphanumeric()))
        && line.is_some_and(|l| l.split_whitespace().count() <= 3);
    aside || here
}

/// A staff member's name as client context: "in Dez's chair", "on Nadia's table" or "Dr.
/// Ingrid's orders" says someone was served (strong); the name alone says the draft is about
/// a service (weak).
fn staff_cue(norm: &Normalized, start: usize, end: usize) -> Cue {
    let after = &norm.as_str()[end..];
    let before = norm.as_str()[..start].trim_end();
    let strong = [
        "'s chair",
        "'s table",
        "'s room",
        "'s station",
        "'s mat",
        "'s orders",
    ]
    .iter()
    .any(|p| after.starts_with(p))
        || [
            "sat with",
            "in with",
            "session with",
            "appointment with",
            "hours with",
        ]
        .iter()
        .any(|p| before.ends_with(p));
    let strength = if strong {
        Strength::Strong
    } else {
        Strength::Weak
    };
    Cue {
        span: norm.span(start, end),
        kind: CueKind::Context(strength),
    }
}

/// A roster compiled for matching: the roster itself, its names as a whole-word index, and
/// its attributes as cues. Everything here is private data: it is written only to the
/// owner-only roster cache, and its `Debug` shows sizes.
pub struct Compiled {
    pub(crate) roster: Roster,
    pub(crate) names: NameIndex,
    pub(crate) targets: Targets,
    pub(crate) initials: Vec<Vec<char>>,
    pub(crate) cues: RosterNeedles,
    pub(crate) profiles: Vec<Profile>,
    pub(crate) contacts: ContactIndex,
}

impl std::fmt::Debug for Compiled {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Compiled")
            .field("clients", &self.roster.clients.len())
            .field("names", &self.names)
            .finish_non_exhaustive()
    }
}

impl Compiled {
    /// Compiles a roster. `matcher` is the lexicon matcher (see [`CueMatcher::lexicon`]),
    /// built once by the caller: it reads each client's own phrases into a profile.
    ///
    /// # Errors
    /// [`LoadError`] for a roster of 4 billion clients or more.
    pub fn new(
        roster: Roster,
        lexicons: &Lexicons,
        matcher: &CueMatcher,
    ) -> Result<Compiled, LoadError> {
        let mut b = NeedleBuilder::default();
        for name in std::iter::once(&roster.practice.name).chain(&roster.practice.places) {
            b.add(&normalize(name), Target::Exempt);
        }
        // "Salon Róża — Hair & Massage" is "Salon Róża" in its own posts.
        if let Some(short) = short_name(&roster.practice.name) {
            b.add(&normalize(short), Target::Exempt);
        }
        // (The words of clients' names, which a staff member's last name alone never hides;
        // read only if some staff name may be written family name first.)
        let client_words = std::cell::OnceCell::new();
        let client_words = || {
            client_words.get_or_init(|| {
                roster
                    .clients
                    .iter()
                    .flat_map(|c| std::iter::once(&c.name).chain(&c.aliases))
                    .flat_map(|n| {
                        normalize(n)
                            .split(' ')
                            .map(str::to_owned)
                            .collect::<Vec<_>>()
                    })
                    .collect::<std::collections::HashSet<String>>()
            })
        };
        for staff in &roster.practice.staff {
            let full = normalize(staff);
            b.add(&full, Target::Staff);
            let tokens = name_tokens(&full, staff, lexicons);
            if let Some(first) = tokens.first() {
                b.add(first, Target::Staff);
            }
            // "Nishimura Kōji" is "Kōji-sensei" at work: a two-word name that is not a known
            // given name and surname may be written family name first, so its last word is
            // theirs too (not the "Mullins" of Jade Mullins), unless a client's name has it.
            if let [first, last] = &tokens[..]
                && !lexicons.first_names.contains_key(*first)
                && !lexicons.surnames.contains_key(*last)
                && !client_words().contains(*last)
            {
                b.add(last, Target::Staff);
            }
            // "Mai Kou" of Mai Kou Xiong, "Mary Ann" of Mary Ann Smith: a given name of two
            // words, whose second word alone may be a client's ("Kou"); not "Anna de" of Anna
            // de Vries, whose second word starts the surname.
            if let [first, second, _, ..] = &tokens[..]
                && !lexicons.surname_particles.iter().any(|p| p == second)
            {
                b.add(&format!("{first} {second}"), Target::Staff);
            }
        }
        // A spelling variant that is another client's own name ("Marie Jones" beside Mary
        // Jones) is theirs alone.
        let exact: std::collections::HashSet<String> = roster
            .clients
            .iter()
            .flat_map(|c| std::iter::once(&c.name).chain(&c.aliases))
            .map(|n| normalize(n))
            .filter(|n| n.contains(' '))
            .collect();
        let variants = |name: &str| {
            let mut v = spelling_variants(name);
            v.retain(|v| !exact.contains(v));
            v
        };
        let mut initials = Vec::with_capacity(roster.clients.len());
        for (i, c) in roster.clients.iter().enumerate() {
            let client = u32::try_from(i).map_err(|_| {
                LoadError::new(FileKind::Roster, "roster", "more than 4 billion clients")
            })?;
            let t = |form| Target::Client { client, form };
            let full = normalize(&c.name);
            if !full.contains(' ') && lexicons.is_common_word(&full, 40_000) {
                // A one-word name that is also a common word ("Will", "Hope"): judged like a
                // first name, so "I will" is the word and "Will came in for" is the client.
                b.add(&full, t(Form::Word));
            } else {
                b.add(&full, t(Form::Full(RosterForm::FullName)));
            }
            b.add_joined(&full, t(Form::Full(RosterForm::Hashtag)));
            for variant in hyphen_variants(&full) {
                // "Al-Sayed" written "Al Sayed", "Vasquez Rourke" written "Vasquez-Rourke".
                b.add(&variant, t(Form::Full(RosterForm::FullName)));
            }
            for variant in variants(&full) {
                // "Vikki Pace" for Vicky Pace.
                b.add(&variant, t(Form::Full(RosterForm::FullName)));
            }
            let tokens = name_tokens(&full, &c.name, lexicons);
            let written: Vec<&str> = full.split(' ').collect();
            if tokens.len() == 2 && written.first() == tokens.get(1) {
                // "Lan Nguyen", "Siew Lan Wong": a family-first name turned round, as it is
                // written in English (without the Vietnamese middle name "Thị").
                let given = written[1..]
                    .iter()
                    .filter(|w| !matches!(**w, "thi" | "van"));
                let turned: Vec<&str> = given.copied().chain([tokens[1]]).collect();
                b.add(&turned.join(" "), t(Form::Full(RosterForm::FullName)));
                b.add(&tokens.join(" "), t(Form::Full(RosterForm::FullName)));
            }
            let mut inits = Vec::new();
            if tokens.len() >= 2 {
                b.add(tokens[0], t(Form::First));
                if let Some(called) = vocative(tokens[0], lexicons) {
                    // "Manoli." to Manolis: the name as it is spoken to.
                    b.add(&called, t(Form::Word));
                }
                b.add(&tokens[1..].join(" "), t(Form::Surname));
                b.add(tokens[tokens.len() - 1], t(Form::Surname));
                inits.extend(tokens[1..].iter().filter_map(|w| w.chars().next()));
            }
            // With two surnames, the first ("Longoria" of Jorge Longoria Treviño).
            let paternal = match tokens[..] {
                [_, paternal, _, ..] if is_first_surname(paternal, lexicons) => Some(paternal),
                _ => None,
            };
            if let (Some(paternal), Some(first)) = (paternal, tokens.first()) {
                // "Jorge Longoria" for Jorge Longoria Treviño: with two surnames, the first is
                // the one a town uses.
                b.add(
                    &format!("{first} {paternal}"),
                    t(Form::Full(RosterForm::FullName)),
                );
                b.add(paternal, t(Form::Surname));
            }
            initials.push(inits);
            let mut surnames: Vec<String> = if tokens.len() >= 2 {
                vec![tokens[1..].join(" "), tokens[tokens.len() - 1].to_owned()]
            } else {
                Vec::new()
            };
            // "Xio Santiago" for Xiomara Santiago Lugo: a nickname with the first surname.
            surnames.extend(paternal.map(str::to_owned));
            for alias in &c.aliases {
                let a = normalize(alias);
                if a.chars().filter(|c| c.is_alphanumeric()).count() < 2 {
                    // "O": one letter is every "o" and "O Holy Night" (the lint says so).
                    continue;
                }
                if a.starts_with('@') {
                    b.add(&a, t(Form::Full(RosterForm::Handle)));
                    continue;
                }
                if !a.contains(' ') {
                    // "Thad", "Rosie": a nickname is judged like a first name, and with the
                    // surname ("Bart Oyelowo" for Bartholomew) it is the full name.
                    b.add(&a, t(Form::Word));
                    if let Some(called) = vocative(&a, lexicons) {
                        b.add(&called, t(Form::Word));
                    }
                    for surname in &surnames {
                        let with_surname = format!("{a} {surname}");
                        b.add(&with_surname, t(Form::Full(RosterForm::Alias)));
                        for variant in variants(&with_surname) {
                            b.add(&variant, t(Form::Full(RosterForm::Alias)));
                        }
                        b.add_joined(&with_surname, t(Form::Full(RosterForm::Hashtag)));
                    }
                    continue;
                }
                b.add(&a, t(Form::Full(RosterForm::Alias)));
                // "the ship's doctor" is also "our ship's doctor", "yung ship's doctor".
                if let Some(rest) = a.strip_prefix("the ")
                    && rest.contains(' ')
                {
                    b.add(rest, t(Form::Full(RosterForm::Alias)));
                }
                if a.contains(". ") {
                    b.add(&a.replace(". ", " "), t(Form::Full(RosterForm::Alias)));
                }
                if a.contains('-') {
                    // "Żeppi tal-Baker" written "Zeppi tal Baker".
                    b.add(&a.replace('-', " "), t(Form::Full(RosterForm::Alias)));
                }
                for variant in variants(&a) {
                    b.add(&variant, t(Form::Full(RosterForm::Alias)));
                }
                b.add_joined(&a, t(Form::Full(RosterForm::Hashtag)));
            }
        }
        let cues = RosterNeedles::new(lexicons, &roster);
        let profiles = roster
            .clients
            .iter()
            .map(|c| profile(matcher, lexicons, c))
            .collect();
        Ok(Compiled {
            contacts: ContactIndex::new(&roster),
            roster,
            names: b.index,
            targets: Targets::from_lists(&b.targets),
            initials,
            cues,
            profiles,
        })
    }
}

/// A first name as it is spoken to, where the languages that decline names change it in a
/// way a writer keeps in English: the Greek vocative drops the final "s" ("Manoli!" to
/// Manolis, "Giorgo" to Giorgos), the Polish one turns "-ia" into "-iu" ("Pani Zosiu!" to
/// Zosia). None when that form is a name of its own ("Carlo" is not Carlos, "Nichola" not
/// Nicholas) or an English word.
fn vocative(first: &str, lexicons: &Lexicons) -> Option<String> {
    let called = if first.len() >= 5 && ["os", "is", "as"].iter().any(|e| first.ends_with(e)) {
        first[..first.len() - 1].to_owned()
    } else if first.len() >= 4 && first.ends_with("ia") {
        format!("{}iu", &first[..first.len() - 2])
    } else {
        return None;
    };
    (!lexicons.is_first_name(&called) && !lexicons.is_common_word(&called, 100_000))
        .then_some(called)
}

/// What each needle stands for, flattened: one allocation for all of them (a roster of
/// 100,000 clients has half a million needles, nearly all with one target).
#[derive(Debug, Default)]
pub(crate) struct Targets {
    /// `items[starts[id]..starts[id + 1]]` are needle `id`'s targets.
    pub(crate) starts: Vec<u32>,
    pub(crate) items: Vec<Target>,
}

impl Targets {
    fn from_lists(lists: &[Vec<Target>]) -> Self {
        let mut t = Targets::default();
        for list in lists {
            t.push_list(list);
        }
        t
    }

    pub(crate) fn push_list(&mut self, list: &[Target]) {
        if self.starts.is_empty() {
            self.starts.push(0);
        }
        self.items.extend_from_slice(list);
        self.starts
            .push(u32::try_from(self.items.len()).unwrap_or(u32::MAX));
    }

    pub(crate) fn len(&self) -> usize {
        self.starts.len().saturating_sub(1)
    }

    pub(crate) fn get(&self, id: u32) -> &[Target] {
        let id = id as usize;
        match (self.starts.get(id), self.starts.get(id + 1)) {
            (Some(&a), Some(&b)) => &self.items[a as usize..b as usize],
            _ => &[],
        }
    }
}

/// What a client's own attributes look like as cues, to attribute quasi-identifiers.
fn profile(m: &CueMatcher, lx: &Lexicons, c: &crate::roster::Client) -> Profile {
    let a = &c.attributes;
    let mut keys = std::collections::BTreeSet::new();
    // Aliases carry roles too: "Commodore Gallagher", "Coach Reyes", "Judge Amari".
    for phrase in a
        .occupation
        .iter()
        .chain(&a.traits)
        .chain(&a.affiliations)
        .chain(&c.aliases)
    {
        // Lexicon forms often carry their article ("the principal"): a roster entry says
        // "principal of Scoil Bhríde". One search of "the " + the phrase finds both the cues
        // in the phrase and those that need the article.
        const ARTICLE: &str = "the ";
        let definite = format!("{ARTICLE}{phrase}");
        for cue in m.find(&Normalized::new(&definite)) {
            // With the article, only the whole head noun: "the principal (since 2026)", "the
            // principal of X", not "the chief" of "the chief financial officer".
            let rest = definite[cue.span.end..].trim_start();
            let whole = rest.is_empty()
                || rest.starts_with(['(', ',', ';', '-', '/'])
                || ["of ", "at ", "for ", "in ", "on ", "and "]
                    .iter()
                    .any(|p| rest.starts_with(p));
            if cue.span.start >= ARTICLE.len() || (cue.span.start == 0 && whole) {
                // "son of the mayor": the mayor's relative, not the mayor.
                let key = Key::of(cue.kind);
                if crate::assess::is_kin(&definite, cue.span, &lx.kin) {
                    keys.extend(key.and_then(Key::kin));
                } else {
                    keys.extend(key);
                }
            }
        }
    }
    Profile { keys, age: a.age }
}

/// Whether `start..end` of a normalised text is a whole word (or words).
pub(crate) fn is_word_bounded(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    before.is_none_or(|c| !c.is_alphanumeric()) && after.is_none_or(|c| !c.is_alphanumeric())
}

/// Fewer spaced letters than this are initials ("J. R. R."), not a spaced-out name.
const SPACED_MIN_LETTERS: usize = 4;

/// What may follow a name inside a hashtag: `#MaryJonesStrong`, `#MaryJonesDay`.
const HASHTAG_CHEERS: &[&str] = &[
    "strong",
    "rocks",
    "day",
    "fans",
    "squad",
    "wins",
    "ftw",
    "forever",
    "legend",
    "goals",
    "pr",
    "pb",
    "appreciation",
    "appreciationday",
    "fanclub",
    "nation",
    "army",
    "era",
    "vibes",
];

/// The words of a normalised name without its suffixes ("jr", "iii"): the first name, then
/// the surname's words. A name written family name first ("Nguyễn Thị Lan", "Wong Siew
/// Lan") comes back as the name a person is called by, then the family name: `lan nguyen`.
/// `written` is the name as the roster writes it.
fn name_tokens<'a>(full: &'a str, written: &str, lexicons: &Lexicons) -> Vec<&'a str> {
    let tokens: Vec<&str> = full.split(' ').filter(|w| !SUFFIXES.contains(w)).collect();
    if family_first(&tokens, written, lexicons) {
        vec![tokens[tokens.len() - 1], tokens[0]]
    } else {
        tokens
    }
}

/// Whether a name of three words or more is written family name first, as Vietnamese,
/// Chinese and Korean names are: its first word is far more often a surname than a first
/// name, and either a common surname (Nguyen, Wong, Lim) or followed by the Vietnamese
/// middle name that marks a woman's or a man's name, accents and all ("Thị", "Văn"; "Jacoba
/// van Wyk" is Dutch).
fn family_first(tokens: &[&str], written: &str, lexicons: &Lexicons) -> bool {
    let [family, _, _, ..] = tokens else {
        return false;
    };
    let as_surname = lexicons.surnames.get(*family).copied().unwrap_or(0.0);
    let marked = || {
        written
            .split_whitespace()
            .nth(1)
            .map(lower_composed)
            .is_some_and(|w| matches!(w.as_str(), "thị" | "văn"))
    };
    !lexicons.surname_particles.iter().any(|p| p == family)
        && lexicons.first_name_frequency(family) * 10.0 <= as_surname
        && (as_surname >= 0.03 || marked())
}

/// A word lower-cased with its accents kept and composed ("Thị" typed with a combining dot is
/// "thị"): how a word is compared when its accents matter.
fn lower_composed(word: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    word.nfc().flat_map(char::to_lowercase).collect()
}

/// Clients by the initials of their first name and last surname: each client's index, first
/// name and last surname, normalised.
type ByInitials = HashMap<(char, char), Vec<(u32, String, String)>>;

/// Lengths of a first name the lower-case gate tells apart (longer ones share the last).
const GATE_LENGTHS: usize = 24;
const GATE_LEN: usize = 26 * 26 * GATE_LENGTHS;

/// The gate's slot for a-z initials and a first name's length.
fn gate_index(a: char, b: char, len: usize) -> Option<usize> {
    let letter = |c: char| c.is_ascii_lowercase().then(|| usize::from(c as u8 - b'a'));
    Some((letter(a)? * 26 + letter(b)?) * GATE_LENGTHS + len.min(GATE_LENGTHS - 1))
}

/// Whether `written` is `name` with one letter added, dropped or changed, or two letters
/// swapped ("Wendel" for Wendell, "Mercedi" for Mercredi, "Jonh" for John); not the same.
fn one_letter_off(name: &str, written: &str) -> bool {
    let a: Vec<char> = name.chars().collect();
    let b: Vec<char> = written.chars().collect();
    if a == b || a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    let head = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let (x, y) = (&a[head..], &b[head..]);
    match x.len().cmp(&y.len()) {
        std::cmp::Ordering::Equal => {
            x[1..] == y[1..] || (x.len() >= 2 && x[0] == y[1] && x[1] == y[0] && x[2..] == y[2..])
        }
        std::cmp::Ordering::Greater => x[1..] == *y,
        std::cmp::Ordering::Less => *x == y[1..],
    }
}

/// Whether two normalised surnames sound alike: the same first letter and the same
/// consonants, in order, once the letters writers confuse are folded ("w" and "v", "c", "k"
/// and "q", "z" and "s", "ph" and "f") and doubles merged. "Halverson" is Halvorsen,
/// "Kowalsky" Kowalska, "Smyth" Smith; "Nowakowa" is not Nowak. Names of five letters or more
/// with three consonants or more only: a short one sounds like too many words.
fn sounds_alike(surname: &str, written: &str) -> bool {
    fn skeleton(w: &str) -> Vec<char> {
        let mut out: Vec<char> = Vec::with_capacity(w.len());
        let mut chars = w.chars().peekable();
        while let Some(c) = chars.next() {
            let c = match c {
                'p' if chars.peek() == Some(&'h') => {
                    chars.next();
                    'f'
                }
                'w' => 'v',
                'c' | 'q' => 'k',
                'z' => 's',
                'a' | 'e' | 'i' | 'o' | 'u' | 'y' => continue,
                c => c,
            };
            if out.last() != Some(&c) {
                out.push(c);
            }
        }
        out
    }
    let first = |w: &str| w.chars().next();
    if surname.len() < 5
        || first(surname) != first(written)
        || surname.len().abs_diff(written.len()) > 2
    {
        return false;
    }
    let s = skeleton(surname);
    s.len() >= 3 && s == skeleton(written)
}

/// What follows a nickname in quotes after a first name (` "Güero" Longoria`): the text
/// after the closing quote and its space.
fn quoted_nickname(after: &str) -> Option<&str> {
    let rest = after.strip_prefix(' ')?;
    let open = rest.chars().next().filter(|c| QUOTES.contains(c))?;
    let inner = &rest[open.len_utf8()..];
    let close = inner.find(|c: char| QUOTES.contains(&c) || c == '\n')?;
    if close == 0 || close > 30 || inner[close..].starts_with('\n') {
        return None;
    }
    let closing = inner[close..].chars().next()?;
    inner[close + closing.len_utf8()..].strip_prefix(' ')
}

/// The quotation marks a nickname may stand in between a first name and a surname.
const QUOTES: &[char] = &['"', '\'', '“', '”', '‘', '’', '«', '»'];

/// Whether the second word of a name of three or more is a surname of its own (Longoria of
/// "Jorge Longoria Treviño"), not a middle name ("Mary Ann Smith", "Jean Paul Roy"), a word
/// or a particle ("Maria de la Cruz", "Hans van der Berg").
fn is_first_surname(word: &str, lexicons: &Lexicons) -> bool {
    // "Santiago" of Xiomara Santiago Lugo is a given name too, but more often a surname.
    let as_first = lexicons.first_names.get(word).copied().unwrap_or(0.0);
    let as_surname = lexicons.surnames.get(word).copied().unwrap_or(0.0);
    word.chars().count() >= 3
        && word.chars().all(char::is_alphabetic)
        && !lexicons.surname_particles.iter().any(|p| p == word)
        && (lexicons.first_name_frequency(word) == 0.0 || as_surname > as_first)
        && !lexicons.is_common_word(word, 40_000)
}

/// A full name with its hyphens as spaces, and with a multi-word surname hyphenated: the
/// ways people drop or add a hyphen.
fn hyphen_variants(full: &str) -> Vec<String> {
    let mut out = Vec::new();
    if full.contains('-') {
        out.push(full.replace('-', " "));
    }
    let tokens: Vec<&str> = full.split(' ').collect();
    if tokens.len() >= 3 && !tokens.iter().any(|t| SUFFIXES.contains(t)) {
        out.push(format!("{} {}", tokens[0], tokens[1..].join("-")));
    }
    out.retain(|v| v != full);
    out
}

/// A full name with its first name spelled as people also spell it: the ending "y", "ie" or
/// "i" for another and "kk" or "k" for "ck" ("Vikki" for Vicky), and "qu" for "qv" in the
/// surname ("Lindquist" for Lindqvist). Only with the rest of the name: a first name alone is
/// too many people's. (Not "v" for "w", "Jasvinder" for Jaswinder: on a roster of 100,000 it
/// was 16,000 more needles, five times the rest.)
fn spelling_variants(full: &str) -> Vec<String> {
    let Some((first, rest)) = full.split_once(' ') else {
        return Vec::new();
    };
    if first.chars().count() < 3 || !first.chars().all(|c| c.is_ascii_alphabetic()) {
        return Vec::new();
    }
    let mut firsts = vec![first.to_owned()];
    if first.len() >= 4
        && let Some(stem) = ["ie", "y", "i"].iter().find_map(|e| first.strip_suffix(e))
    {
        firsts.extend(["y", "ie", "i"].iter().map(|e| format!("{stem}{e}")));
    }
    for f in firsts.clone() {
        if f.contains("ck") {
            firsts.push(f.replace("ck", "kk"));
            firsts.push(f.replace("ck", "k"));
        }
    }
    let mut rests = vec![rest.to_owned()];
    if rest.contains("qv") {
        rests.push(rest.replace("qv", "qu"));
    }
    let mut out: Vec<String> = firsts
        .iter()
        .flat_map(|f| rests.iter().map(move |r| format!("{f} {r}")))
        .filter(|v| v != full)
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

#[derive(Default)]
struct NeedleBuilder {
    index: NameIndex,
    targets: Vec<Vec<Target>>,
}

impl NeedleBuilder {
    fn add(&mut self, needle: &str, target: Target) {
        self.index.tag(&mut self.targets, needle, target);
    }

    /// Adds `needle` with spaces, hyphens, apostrophes and periods removed, if that differs
    /// and is five letters or more: "Mr. S" run together is "Mrs", a word.
    fn add_joined(&mut self, needle: &str, target: Target) {
        let joined: String = needle
            .chars()
            .filter(|c| !matches!(c, ' ' | '-' | '\'' | '.'))
            .collect();
        if joined != needle && needle.contains(' ') && joined.chars().count() >= 5 {
            self.add(&joined, target);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Channel;
    use crate::rules::EXAMPLE_ROSTER;

    #[test]
    fn one_letter_off_is_one_edit() {
        assert!(one_letter_off("wendell", "wendel"));
        assert!(one_letter_off("mercredi", "mercedi"));
        assert!(one_letter_off("john", "jonh"));
        assert!(one_letter_off("maria", "marie"));
        assert!(!one_letter_off("maria", "maria"));
        assert!(!one_letter_off("maria", "mario!x"));
        assert!(!one_letter_off("wendell", "wendy"));
    }

    #[test]
    fn surnames_that_sound_alike() {
        for (roster, written) in [
            ("halvorsen", "halverson"),
            ("kowalska", "kowalsky"),
            ("andreadakis", "andriadakis"),
            ("smith", "smyth"),
            ("macdonald", "mcdonald"),
        ] {
            assert!(sounds_alike(roster, written), "{roster} {written}");
        }
        for (roster, written) in [
            ("nowak", "nowakowa"),
            ("halvorsen", "calverson"),
            ("papadakis", "papadaki"),
            ("otis", "otas"),
            ("smith", "smithers"),
        ] {
            assert!(!sounds_alike(roster, written), "{roster} {written}");
        }
    }

    fn scanner() -> Scanner {
        let roster = Roster::from_yaml(EXAMPLE_ROSTER, "example").unwrap();
        Scanner::new(roster, RuleSet::builtin().unwrap()).unwrap()
    }

    fn found(text: &str) -> Vec<(String, String, String)> {
        let today = "2026-11-22".parse().unwrap();
        scanner()
            .scan(&Document::new(text, Channel::Social), today)
            .findings
            .into_iter()
            .map(|f| {
                (
                    f.rule.to_string(),
                    f.client.map(|c| c.to_string()).unwrap_or_default(),
                    text[f.span.range()].to_owned(),
                )
            })
            .collect()
    }

    #[test]
    fn whole_words_only() {
        assert!(found("Brian Gamble came by").is_empty());
        assert_eq!(found("Ian Gamble came by")[0].2, "Ian Gamble");
    }

    #[test]
    fn longest_form_wins() {
        let f = found("Mary Jones, Mrs. Jones and Mary J. all came");
        let rules: Vec<_> = f.iter().map(|x| x.0.as_str()).collect();
        assert_eq!(
            rules,
            [
                "client-name",
                "client-title-surname",
                "client-first-initial"
            ]
        );
        assert!(f.iter().all(|x| x.1 == "X001"));
    }

    #[test]
    fn staff_and_practice_are_never_clients() {
        assert!(found("Dana Whitfield and Willow Creek Massage say hi").is_empty());
    }
}
