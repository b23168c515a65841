//! Rules as data: the packs in `rules/*.yaml`, compiled into the binary and extendable from the
//! config.
//!
//! A rule says what a finding is called (its kebab-case id names the leak), how bad it is, what
//! to tell the writer and how to fix it, and carries examples that must (`flag`) and must not
//! (`pass`) be found, which [`examples::run`] checks (`lipzip rules test`). The *mechanisms* a
//! rule can use live in code ([`Matcher`]); the words and phrases live in the packs.

pub mod examples;
mod load;

use std::fmt;
use std::sync::Arc;

pub use load::{BUILTIN_PACKS, EXAMPLE_ROSTER, load_pack};

/// A rule's id: kebab-case, unique across all loaded packs.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RuleId(Arc<str>);

impl RuleId {
    /// The id as written in the pack.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub(crate) fn new(s: &str) -> Self {
        RuleId(Arc::from(s))
    }
}

impl fmt::Debug for RuleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Display for RuleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// How bad a finding is. `Info` findings are context for other rules and never change a verdict.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Context only.
    Info,
    /// A person should look before it goes out.
    Warn,
    /// Must not be published as it is.
    Block,
}

impl Severity {
    /// The lowercase name used in rule packs and reports.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warn => "warn",
            Severity::Block => "block",
        }
    }
}

/// Which form of a roster entry a roster rule finds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RosterForm {
    /// The full name as the roster writes it, in any case, accents or spacing.
    FullName,
    /// A nickname or other alias that is not a handle.
    Alias,
    /// An `@handle` alias.
    Handle,
    /// A multi-word name or alias written as one word: `#MaryJones`, `maryjones`.
    Hashtag,
    /// A title before the surname: `Mrs. Jones`, `Coach Jones`.
    TitleSurname,
    /// The first name and the surname's initial: `Mary J.`.
    FirstInitial,
    /// One of the client's email addresses, whole, in any case.
    Email,
    /// One of the client's phone numbers, in any format.
    Phone,
    /// A full name or alias with its letters spaced out or dotted: `M a r y  J o n e s`,
    /// `M.a.r.y J.o.n.e.s`.
    Spaced,
}

impl RosterForm {
    /// Every form (new forms go last: the compiled-roster cache stores a form's position).
    pub const ALL: [RosterForm; 9] = [
        RosterForm::FullName,
        RosterForm::Alias,
        RosterForm::Handle,
        RosterForm::Hashtag,
        RosterForm::TitleSurname,
        RosterForm::FirstInitial,
        RosterForm::Email,
        RosterForm::Phone,
        RosterForm::Spaced,
    ];
}

/// The mechanism a rule uses. The data it needs comes with it or from the lexicons.
#[derive(Clone, Debug, PartialEq)]
pub enum Matcher {
    /// A form of a roster client's names.
    Roster {
        /// Which form.
        form: RosterForm,
        /// Titles that may precede a surname (for [`RosterForm::TitleSurname`]), normalised.
        titles: Vec<String>,
    },
    /// A client's first name (or one-word nickname) alone, in a client context. Blocks when
    /// fewer than `rare_below` people per thousand have the name, warns otherwise.
    FirstName {
        /// Per-mille threshold under which a name is rare.
        rare_below: f32,
    },
    /// Quasi-identifiers in a client context: blocks when the estimated anonymity set is at
    /// most `block_at_k` people, warns for weaker cues.
    QuasiIdentifier {
        /// Anonymity-set size at or under which a finding blocks.
        block_at_k: f64,
    },
    /// A public figure (a pro athlete, an executive, a celebrity or their entourage)
    /// revealed as a client.
    PublicFigure,
    /// Gossip or a complaint about a client.
    Gossip,
    /// A practice's own pattern (a regular expression) over the draft's text: a street, a
    /// room number, a phrase only their clients would recognise. Its findings name no client.
    Pattern(Pattern),
}

/// A compiled pattern rule. The `regex` crate never backtracks, so matching is linear in the
/// draft whatever the pattern; [`Pattern::new`] also caps the compiled size, so a pattern like
/// `(a{1000}){1000}` is refused when the pack loads.
#[derive(Clone, Debug)]
pub struct Pattern(regex::Regex);

/// Limits for a pattern rule: the compiled program, its lazy DFA and its nesting.
const PATTERN_SIZE_LIMIT: usize = 1 << 20;
const PATTERN_DFA_LIMIT: usize = 2 << 20;
const PATTERN_NEST_LIMIT: u32 = 50;
/// Longest pattern text accepted.
const PATTERN_MAX_LEN: usize = 4_096;

impl Pattern {
    /// Compiles `source`, within the size limits.
    ///
    /// # Errors
    /// Why the pattern is refused: too long, not a valid regular expression, or too large
    /// once compiled.
    pub fn new(source: &str) -> Result<Pattern, String> {
        if source.len() > PATTERN_MAX_LEN {
            return Err(format!(
                "the pattern is longer than {PATTERN_MAX_LEN} characters"
            ));
        }
        regex::RegexBuilder::new(source)
            .size_limit(PATTERN_SIZE_LIMIT)
            .dfa_size_limit(PATTERN_DFA_LIMIT)
            .nest_limit(PATTERN_NEST_LIMIT)
            .build()
            .map(Pattern)
            .map_err(|e| match e {
                regex::Error::CompiledTooBig(limit) => format!(
                    "the pattern is too large once compiled (over {limit} bytes): simplify it"
                ),
                e => format!("the pattern is not a valid regular expression: {e}"),
            })
    }

    /// The compiled regex.
    #[must_use]
    pub fn regex(&self) -> &regex::Regex {
        &self.0
    }
}

impl PartialEq for Pattern {
    fn eq(&self, other: &Self) -> bool {
        self.0.as_str() == other.0.as_str()
    }
}

/// A rule mechanism that is not a roster form.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Mechanism {
    /// [`Matcher::FirstName`].
    FirstName,
    /// [`Matcher::QuasiIdentifier`].
    QuasiIdentifier,
    /// [`Matcher::PublicFigure`].
    PublicFigure,
    /// [`Matcher::Gossip`].
    Gossip,
}

/// Examples a rule must get right.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Examples {
    /// Texts the rule must flag. `[[...]]` marks the exact span expected.
    pub flag: Vec<String>,
    /// Texts the rule must not flag.
    pub pass: Vec<String>,
}

/// One rule.
#[derive(Clone, Debug, PartialEq)]
pub struct Rule {
    /// Kebab-case id naming the leak.
    pub id: RuleId,
    /// The pack it came from.
    pub pack: String,
    /// Severity of its findings.
    pub severity: Severity,
    /// One line for the writer. No roster data; may be shown in public logs.
    pub message: String,
    /// Why this identifies someone.
    pub why: String,
    /// How to rewrite the draft.
    pub help: String,
    /// The mechanism.
    pub matcher: Matcher,
    /// Its inline tests.
    pub examples: Examples,
}

/// A set of rules with unique ids, in load order.
#[derive(Clone, Debug, Default)]
pub struct RuleSet {
    rules: Vec<Rule>,
}

impl RuleSet {
    /// The built-in packs.
    ///
    /// # Errors
    /// Only if a built-in pack is broken, which the test suite rules out.
    pub fn builtin() -> Result<RuleSet, crate::error::LoadError> {
        let mut set = RuleSet::default();
        for (name, text) in BUILTIN_PACKS {
            set.add(load_pack(text, name)?);
        }
        Ok(set)
    }

    /// Adds rules; a rule whose id is already present replaces the old one (how a practice
    /// overrides a built-in rule's severity or wording).
    pub fn add(&mut self, rules: Vec<Rule>) {
        for rule in rules {
            match self.rules.iter_mut().find(|r| r.id == rule.id) {
                Some(old) => *old = rule,
                None => self.rules.push(rule),
            }
        }
    }

    /// Removes the rule with this id; returns whether it was there.
    pub fn remove(&mut self, id: &str) -> bool {
        let before = self.rules.len();
        self.rules.retain(|r| r.id.as_str() != id);
        before != self.rules.len()
    }

    /// The rules, in load order.
    #[must_use]
    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }

    /// The rule with this id.
    #[must_use]
    pub fn get(&self, id: &RuleId) -> Option<&Rule> {
        self.rules.iter().find(|r| &r.id == id)
    }

    /// The first rule using this mechanism, if one is enabled.
    #[must_use]
    pub fn by_mechanism(&self, m: Mechanism) -> Option<&Rule> {
        self.rules.iter().find(|r| {
            matches!(
                (&r.matcher, m),
                (Matcher::FirstName { .. }, Mechanism::FirstName)
                    | (Matcher::QuasiIdentifier { .. }, Mechanism::QuasiIdentifier)
                    | (Matcher::PublicFigure, Mechanism::PublicFigure)
                    | (Matcher::Gossip, Mechanism::Gossip)
            )
        })
    }
}
