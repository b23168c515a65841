//! Lints for a loaded roster (`lipzip roster check`): things that parse but will not work the
//! way the practice expects.
//!
//! Consent that no longer counts (expired, revoked, no evidence, not granted yet), names lipzip
//! cannot tell apart from staff, from ordinary words or from another client, names too short
//! to find, and attributes that cannot match anything. A [`Lint`] names the client by id and
//! the field by its path, and its message never quotes a roster value: the output of
//! `roster check` may end up in a public CI log.

use std::collections::HashMap;

use crate::contact::{email_key, phone_key, same_phone};
use crate::cues::{CueKind, CueMatcher};
use crate::date::Date;
use crate::lexicon::Lexicons;
use crate::normalize::{Normalized, normalize};
use crate::roster::{ClientId, Roster};

/// The practice name `lipzip init` writes when it is given none.
pub const PLACEHOLDER_PRACTICE: &str = "Your Practice";

/// The id of the example client in the roster `lipzip init` writes.
pub const EXAMPLE_CLIENT: &str = "EXAMPLE";

/// How much a lint matters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    /// Worth knowing; nothing is wrong.
    Note,
    /// Something will not work as the practice expects.
    Warning,
}

impl Level {
    /// The lowercase name used in output.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Note => "note",
            Level::Warning => "warning",
        }
    }
}

/// One finding about the roster.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lint {
    /// How much it matters.
    pub level: Level,
    /// A kebab-case code (`consent-expired`).
    pub code: &'static str,
    /// The client it is about, if any.
    pub client: Option<ClientId>,
    /// The field's path within the client or the roster (`consent[0]`, `aliases[1]`).
    pub field: String,
    /// What is wrong and what to do. Never quotes a roster value.
    pub message: String,
}

/// Days before expiry from which a consent record is noted as expiring.
const EXPIRING_DAYS: i64 = 30;

/// How common a word must be (frequency rank) to be taken for an ordinary word.
const COMMON_RANK: u32 = 20_000;

/// Lints a roster as of `today`.
#[must_use]
pub fn lint(roster: &Roster, lexicons: &Lexicons, today: Date) -> Vec<Lint> {
    let mut out = Vec::new();
    let practice = &roster.practice;
    let practice_lint = |out: &mut Vec<Lint>, level, code, field: &str, message: &str| {
        out.push(Lint {
            level,
            code,
            client: None,
            field: field.to_owned(),
            message: message.to_owned(),
        });
    };
    if practice.name == PLACEHOLDER_PRACTICE {
        practice_lint(
            &mut out,
            Level::Warning,
            "practice-placeholder",
            "practice.name",
            "still the placeholder `lipzip init` wrote: put the business name here",
        );
    }
    if practice.population.is_none() {
        practice_lint(
            &mut out,
            Level::Note,
            "population-missing",
            "practice.population",
            "not given: descriptions are judged as if 10,000 people lived in your area",
        );
    }
    if roster.clients.is_empty() {
        practice_lint(
            &mut out,
            Level::Note,
            "no-clients",
            "clients",
            "no clients yet: add them, or import them with `lipzip roster import FILE.csv`",
        );
    }
    // Names of the practice itself: a client with one of these is never found.
    let mut own: HashMap<String, &'static str> = HashMap::new();
    own.insert(normalize(&practice.name), "the practice's name");
    for p in &practice.places {
        own.insert(normalize(p), "one of the practice's places");
    }
    for s in &practice.staff {
        let full = normalize(s);
        if let Some(first) = full.split(' ').next().filter(|f| *f != full) {
            own.entry(first.to_owned())
                .or_insert("a staff member's first name");
        }
        own.insert(full, "a staff member's name");
    }
    // Who has each name, alias, email and phone.
    let mut names: HashMap<String, Vec<usize>> = HashMap::new();
    let mut emails: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, c) in roster.clients.iter().enumerate() {
        let mut mine: Vec<String> = std::iter::once(&c.name)
            .chain(&c.aliases)
            .map(|n| normalize(n))
            .collect();
        mine.sort();
        mine.dedup();
        for n in mine {
            names.entry(n).or_default().push(i);
        }
        for e in &c.emails {
            let list = emails.entry(email_key(e)).or_default();
            if list.last() != Some(&i) {
                list.push(i);
            }
        }
    }
    // Phones by their last seven digits, so sharing is found without comparing every pair.
    let mut phones: HashMap<String, Vec<(String, usize)>> = HashMap::new();
    for (i, c) in roster.clients.iter().enumerate() {
        for p in &c.phones {
            let key = phone_key(p);
            let bucket = key[key.len().saturating_sub(crate::contact::MIN_DIGITS)..].to_owned();
            phones.entry(bucket).or_default().push((key, i));
        }
    }
    let matcher = CueMatcher::lexicon(lexicons);
    for (i, c) in roster.clients.iter().enumerate() {
        let mut add = |level, code, field: String, message: String| {
            out.push(Lint {
                level,
                code,
                client: Some(c.id.clone()),
                field,
                message,
            });
        };
        if c.id.as_str() == EXAMPLE_CLIENT {
            add(
                Level::Warning,
                "example-client",
                "id".into(),
                "the example client `lipzip init` wrote: delete it once your own clients are in"
                    .into(),
            );
        }
        for (k, record) in c.consent.iter().enumerate() {
            let field = format!("consent[{k}]");
            let id = &record.id;
            if let Some(r) = record.revoked.filter(|r| *r <= today) {
                add(
                    Level::Warning,
                    "consent-revoked",
                    field.clone(),
                    format!("record {id} was revoked on {r}: it no longer counts"),
                );
            } else if let Some(e) = record.expires.filter(|e| *e < today) {
                add(
                    Level::Warning,
                    "consent-expired",
                    field.clone(),
                    format!(
                        "record {id} expired on {e}: it no longer counts (renew it, or keep it as history)"
                    ),
                );
            } else if let Some(e) = record
                .expires
                .filter(|e| e.days_since(today) <= EXPIRING_DAYS)
            {
                add(
                    Level::Note,
                    "consent-expiring",
                    field.clone(),
                    format!("record {id} expires on {e}"),
                );
            }
            if record.granted > today {
                add(
                    Level::Warning,
                    "consent-not-yet",
                    field.clone(),
                    format!(
                        "record {id} is granted on {}, after today: it does not count yet",
                        record.granted
                    ),
                );
            }
            if record
                .evidence
                .as_deref()
                .is_none_or(|e| e.trim().is_empty())
            {
                add(
                    Level::Warning,
                    "consent-no-evidence",
                    field,
                    format!(
                        "record {id} names no evidence: it never counts until `evidence:` names the signed document"
                    ),
                );
            }
        }
        let forms = std::iter::once(("name".to_owned(), &c.name)).chain(
            c.aliases
                .iter()
                .enumerate()
                .map(|(k, a)| (format!("aliases[{k}]"), a)),
        );
        for (field, raw) in forms {
            let n = normalize(raw);
            let letters = n.chars().filter(|ch| ch.is_alphabetic()).count();
            let handle = n.starts_with('@');
            if letters == 0 {
                add(
                    Level::Warning,
                    "name-no-letters",
                    field,
                    "has no letters: it cannot name anyone".into(),
                );
                continue;
            }
            if letters == 1 || (!handle && n.split(' ').all(|w| w.chars().count() <= 2)) {
                add(
                    Level::Warning,
                    "name-too-short",
                    field.clone(),
                    "is one letter or only initials: it would match ordinary text, and lipzip finds whole names".into(),
                );
            }
            if let Some(what) = own.get(&n) {
                add(
                    Level::Warning,
                    "name-is-practice",
                    field.clone(),
                    format!(
                        "is the same as {what}, which is never a client finding: this form of the client is never found"
                    ),
                );
            }
            if let Some(others) = names.get(&n).filter(|o| o.len() > 1) {
                add(
                    Level::Warning,
                    "name-shared",
                    field.clone(),
                    format!(
                        "is shared with {}: a finding names every client who has it, and consent is judged for each",
                        id_list(roster, others, i)
                    ),
                );
            }
            let one_word = !n.contains(' ') && !handle;
            if one_word && lexicons.is_common_word(&n, COMMON_RANK) {
                add(
                    Level::Warning,
                    "name-common-word",
                    field.clone(),
                    "is a common English word: alone it is found only next to client context, and a lower-case use is taken as the word".into(),
                );
            } else if field == "name" && one_word {
                add(
                    Level::Note,
                    "name-one-word",
                    field.clone(),
                    "is one word: title + surname and first name + initial cannot be found; add the surname if you know it".into(),
                );
            } else if field == "name"
                && let Some(first) = n.split(' ').next()
                && !one_word
                && lexicons.is_common_word(first, 10_000)
            {
                add(
                    Level::Note,
                    "first-name-common-word",
                    field.clone(),
                    "starts with a first name that is also a common English word: alone it is found only next to client context".into(),
                );
            }
        }
        for (k, e) in c.emails.iter().enumerate() {
            if let Some(others) = emails.get(&email_key(e)).filter(|o| o.len() > 1) {
                add(
                    Level::Note,
                    "contact-shared",
                    format!("emails[{k}]"),
                    format!(
                        "is shared with {}: a finding names each of them",
                        id_list(roster, others, i)
                    ),
                );
            }
        }
        for (k, p) in c.phones.iter().enumerate() {
            let key = phone_key(p);
            let bucket = &key[key.len().saturating_sub(crate::contact::MIN_DIGITS)..];
            let mut others: Vec<usize> = phones
                .get(bucket)
                .into_iter()
                .flatten()
                .filter(|(other, o)| *o != i && same_phone(&key, other))
                .map(|(_, o)| *o)
                .collect();
            others.dedup();
            if !others.is_empty() {
                add(
                    Level::Note,
                    "contact-shared",
                    format!("phones[{k}]"),
                    format!(
                        "is shared with {}: a finding names each of them",
                        id_list(roster, &others, i)
                    ),
                );
            }
        }
        let a = &c.attributes;
        if let Some(occupation) = &a.occupation {
            let known = matcher
                .find(&Normalized::new(occupation))
                .iter()
                .any(|cue| {
                    matches!(
                        cue.kind,
                        CueKind::Occupation(_) | CueKind::Role(_) | CueKind::PublicRole(_)
                    )
                });
            if !known {
                add(
                    Level::Warning,
                    "occupation-unknown",
                    "attributes.occupation".into(),
                    "is not in the occupation lexicon: a draft's description cannot be matched to this client by job; use a common job title (see rules/lexicons/occupations.yaml)".into(),
                );
            }
        }
        if let Some(age) = a.age.filter(|&age| age == 0 || age > 120) {
            let _ = age;
            add(
                Level::Warning,
                "age-out-of-range",
                "attributes.age".into(),
                "is out of range (1 to 120): it cannot match an age in a draft".into(),
            );
        }
    }
    out
}

/// The ids of `others` but `me`: the first three, and how many more. `others` is sorted and
/// lists each client once.
fn id_list(roster: &Roster, others: &[usize], me: usize) -> String {
    let ids: Vec<&str> = others
        .iter()
        .filter(|&&o| o != me)
        .take(3)
        .map(|&o| roster.clients[o].id.as_str())
        .collect();
    let total = others.len() - usize::from(others.binary_search(&me).is_ok());
    let more = total.saturating_sub(ids.len());
    if more > 0 {
        format!("{} and {more} more", ids.join(", "))
    } else {
        ids.join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ROSTER: &str = "version: 1
practice:
  name: Willow Creek Massage
  staff: [Dana Whitfield]
  population: 8000
clients:
  - id: C1
    name: Mary Jones
    attributes: {occupation: realtor, age: 85}
    consent:
      - {id: K1, scope: [name], channels: [any], granted: 2026-01-01, expires: 2026-06-30, evidence: k.pdf}
      - {id: K2, scope: [name], channels: [any], granted: 2026-01-01, revoked: 2026-03-01, evidence: k.pdf}
      - {id: K3, scope: [name], channels: [any], granted: 2026-01-01}
      - {id: K4, scope: [name], channels: [any], granted: 2027-01-01, evidence: k.pdf}
      - {id: K5, scope: [name], channels: [any], granted: 2026-01-01, expires: 2026-12-01, evidence: k.pdf}
  - id: C2
    name: Mary Jones
    aliases: [Dana Whitfield, Mare, J. K.]
    attributes: {occupation: zorblaxer, age: 200}
    phones: [\"(555) 123-4567\"]
  - id: C3
    name: Cher
    phones: [\"+1 555 123 4567\"]
  - id: C4
    name: Will Ashby
";

    fn codes(client: &str) -> Vec<(&'static str, String)> {
        let r = Roster::from_yaml(ROSTER, "r").unwrap();
        let lx = Lexicons::builtin().unwrap();
        let today = "2026-11-22".parse().unwrap();
        lint(&r, &lx, today)
            .into_iter()
            .filter(|l| l.client.as_ref().map(ClientId::as_str) == Some(client))
            .map(|l| (l.code, l.field))
            .collect()
    }

    #[test]
    fn consent_that_does_not_count() {
        let c = codes("C1");
        for want in [
            ("consent-expired", "consent[0]"),
            ("consent-revoked", "consent[1]"),
            ("consent-no-evidence", "consent[2]"),
            ("consent-not-yet", "consent[3]"),
            ("consent-expiring", "consent[4]"),
            ("name-shared", "name"),
        ] {
            assert!(
                c.contains(&(want.0, want.1.to_owned())),
                "{want:?} in {c:?}"
            );
        }
        assert_eq!(c.len(), 6, "{c:?}");
    }

    #[test]
    fn names_and_attributes_that_cannot_work() {
        let c = codes("C2");
        for want in [
            ("name-shared", "name"),
            ("name-is-practice", "aliases[0]"),
            ("name-common-word", "aliases[1]"),
            ("name-too-short", "aliases[2]"),
            ("occupation-unknown", "attributes.occupation"),
            ("age-out-of-range", "attributes.age"),
            ("contact-shared", "phones[0]"),
        ] {
            assert!(
                c.contains(&(want.0, want.1.to_owned())),
                "{want:?} in {c:?}"
            );
        }
        assert!(codes("C3").contains(&("name-one-word", "name".to_owned())));
        assert!(codes("C4").contains(&("first-name-common-word", "name".to_owned())));
    }

    #[test]
    fn messages_quote_no_roster_value() {
        let r = Roster::from_yaml(ROSTER, "r").unwrap();
        let lx = Lexicons::builtin().unwrap();
        for l in lint(&r, &lx, "2026-11-22".parse().unwrap()) {
            for secret in [
                "Mary",
                "Jones",
                "Dana",
                "Mare",
                "zorblaxer",
                "555",
                "Cher",
                "Will",
            ] {
                assert!(!l.message.contains(secret), "{l:?}");
            }
        }
    }
}
