//! The practice's private client roster.
//!
//! Everything in here is confidential. A [`Client`] prints as its id only (its `Debug` shows
//! nothing else, and it has no `Display` or `Serialize`), so no report, log line or panic message
//! can quote a name by accident. Loading is strict: an unknown field, a wrong type, a bad date, a
//! duplicate id or an empty name is a [`LoadError`] that names the line, column and field, and
//! whose message carries no roster text.

use std::cell::RefCell;
use std::collections::HashSet;
use std::fmt;

use serde::Deserialize;

use crate::consent::{ChannelScope, ConsentRecord, Disclosure};
use crate::date::Date;
use crate::error::{FileKind, LoadError};
use crate::yaml::Checked;

/// A client's opaque roster id: the only thing a report may print about a client.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ClientId(String);

impl ClientId {
    pub(crate) fn new(id: String) -> Self {
        ClientId(id)
    }

    /// The id as written in the roster.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for ClientId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Display for ClientId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The practice itself: its name, staff and places are never client findings.
#[derive(Clone, Default)]
pub struct Practice {
    /// The business name.
    pub name: String,
    /// The practitioner and staff.
    pub staff: Vec<String>,
    /// People in the area the practice serves; sizes the anonymity set of quasi-identifiers.
    pub population: Option<u64>,
    /// Local place names.
    pub places: Vec<String>,
}

impl fmt::Debug for Practice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Practice")
            .field("staff", &self.staff.len())
            .field("places", &self.places.len())
            .finish_non_exhaustive()
    }
}

/// What the practice knows about a client that could identify them without a name.
#[derive(Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Attributes {
    /// Job or role.
    #[serde(default)]
    pub occupation: Option<String>,
    /// Age in years.
    #[serde(default)]
    pub age: Option<u16>,
    /// Gender, as the client gives it.
    #[serde(default)]
    pub gender: Option<String>,
    /// Distinctive traits: a car, pets, hair, a hobby.
    #[serde(default)]
    pub traits: Vec<String>,
    /// Teams, employers, clubs, congregations.
    #[serde(default)]
    pub affiliations: Vec<String>,
    /// Streets or areas tied to them.
    #[serde(default)]
    pub places: Vec<String>,
}

/// A client's gender, where the roster gives one a title or pronoun can disagree with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gender {
    /// "f", "female", "woman".
    Female,
    /// "m", "male", "man".
    Male,
}

impl Attributes {
    /// The gender the roster gives, read from its usual spellings ("f", "female", "woman").
    #[must_use]
    pub fn gender(&self) -> Option<Gender> {
        match self.gender.as_deref()?.trim().to_lowercase().as_str() {
            "f" | "female" | "woman" | "w" => Some(Gender::Female),
            "m" | "male" | "man" => Some(Gender::Male),
            _ => None,
        }
    }

    /// The workplaces an occupation names: what follows its comma, "at", "of" or "for"
    /// ("hairdresser, owner of Curl Up & Dye salon", "cashier at Zimmerman's Market", "NFL
    /// center, New Orleans Saints"), up to a place it is on or in ("Dollar General on Route
    /// 52"). Only a proper name is a workplace: "owns a salon on Main Street" names none.
    /// Rosters put an employer in the occupation as often as in the affiliations.
    #[must_use]
    pub fn workplaces(&self) -> Vec<&str> {
        let Some(occupation) = &self.occupation else {
            return Vec::new();
        };
        let mut out = Vec::new();
        // A name in quotes is the show's or the business's own: "host of the morning show
        // \"Sanjh Savera\" on Radio Punjab".
        for quoted in occupation.split(['"', '“', '”']).skip(1).step_by(2) {
            if quoted.trim().chars().count() > 3 {
                out.push(quoted.trim());
            }
        }
        for part in occupation.split([';', '(', ')']) {
            let mut rest = part.trim();
            // Past the job words ("owner of", "striker for", "cashier at"), lower case and
            // within the first words: the workplace is what follows. An "at" after a proper
            // name is where the workplace is ("Rafi's Bakery at the bus stand").
            loop {
                let cut = [", ", " at ", " of ", " for "]
                    .iter()
                    .filter_map(|sep| rest.find(sep).map(|i| (i, sep.len())))
                    .filter(|&(i, _)| {
                        let job = rest[..i].split_whitespace();
                        job.clone().count() <= 4
                            && !job.skip(1).any(|w| w.starts_with(char::is_uppercase))
                    })
                    .min();
                match cut {
                    Some((i, len)) => rest = rest[i + len..].trim_start(),
                    None => break,
                }
            }
            if rest.len() == part.trim().len() {
                continue;
            }
            for place in [" on ", " in ", " at "] {
                if let Some(i) = rest.find(place) {
                    rest = &rest[..i];
                }
            }
            let rest = rest
                .strip_prefix("the ")
                .or_else(|| rest.strip_prefix("The "))
                .unwrap_or(rest)
                .trim_end_matches(['.', ',', ' ']);
            if rest
                .split_whitespace()
                .any(|w| w.starts_with(char::is_uppercase))
            {
                out.push(rest);
            }
        }
        out
    }
}

/// One client.
#[derive(Clone)]
pub struct Client {
    /// Opaque id.
    pub id: ClientId,
    /// Full name.
    pub name: String,
    /// Nicknames, handles (`@...`), title + surname forms.
    pub aliases: Vec<String>,
    /// A public figure: being their practitioner is news in itself.
    pub public_figure: bool,
    /// Quasi-identifiers.
    pub attributes: Attributes,
    /// Email addresses, as written in the roster (matched case-insensitively, whole address).
    pub emails: Vec<String>,
    /// Phone numbers, as written in the roster (matched on their digits, in any format).
    pub phones: Vec<String>,
    /// Written consent records.
    pub consent: Vec<ConsentRecord>,
}

impl PartialEq for Client {
    fn eq(&self, o: &Client) -> bool {
        self.id == o.id
            && self.name == o.name
            && self.aliases == o.aliases
            && self.public_figure == o.public_figure
            && self.attributes == o.attributes
            && self.emails == o.emails
            && self.phones == o.phones
            && self.consent == o.consent
    }
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Client({})", self.id)
    }
}

/// A loaded, validated roster.
#[derive(Clone, Debug, Default)]
pub struct Roster {
    /// The practice.
    pub practice: Practice,
    /// Its clients, in roster order.
    pub clients: Vec<Client>,
}

/// Every field name of the format; the only words a roster error may quote.
pub const FIELD_NAMES: &[&str] = &[
    "version",
    "practice",
    "clients",
    "name",
    "staff",
    "population",
    "places",
    "id",
    "aliases",
    "public_figure",
    "attributes",
    "consent",
    "occupation",
    "age",
    "gender",
    "traits",
    "affiliations",
    "scope",
    "channels",
    "granted",
    "expires",
    "revoked",
    "evidence",
    "emails",
    "phones",
    "status",
    "story",
    "photo",
    "health",
    "social",
    "newsletter",
    "raffle",
    "blog",
    "email",
    "any",
];

impl Roster {
    /// Parses and validates a roster from YAML text. `origin` names the file in errors.
    ///
    /// # Errors
    /// [`LoadError`] for anything that is not a well-formed roster of format version 1.
    pub fn from_yaml(text: &str, origin: &str) -> Result<Roster, LoadError> {
        crate::yaml::check_depth(FileKind::Roster, origin, text)?;
        SEEN_IDS.with(|s| s.borrow_mut().clear());
        let parsed = serde_yaml::from_str::<RawRoster>(text);
        SEEN_IDS.with(|s| s.borrow_mut().clear());
        let raw = parsed.map_err(|e| {
            LoadError::from_yaml(FileKind::Roster, origin, text, &e, FIELD_NAMES)
                .help("fix this line of the roster; see the roster format in the README")
        })?;
        if raw.version != 1 {
            return Err(LoadError::new(
                FileKind::Roster,
                origin,
                "unsupported roster version: this lipzip reads version 1",
            )
            .help("set `version: 1` at the top of the roster"));
        }
        Ok(Roster {
            practice: Practice {
                name: raw.practice.name.0,
                staff: raw.practice.staff.into_iter().map(|n| n.0).collect(),
                population: raw.practice.population,
                places: raw.practice.places.into_iter().map(|n| n.0).collect(),
            },
            clients: raw.clients,
        })
    }

    /// The client with this id.
    #[must_use]
    pub fn client(&self, id: &ClientId) -> Option<&Client> {
        self.clients.iter().find(|c| &c.id == id)
    }
}

thread_local! {
    /// Client and consent ids seen so far in the roster being parsed, so a duplicate is
    /// reported at its own line rather than after the whole file.
    static SEEN_IDS: RefCell<HashSet<String>> = RefCell::new(HashSet::new());
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRoster {
    version: u32,
    practice: RawPractice,
    #[serde(default)]
    clients: Vec<Client>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPractice {
    name: NonEmpty,
    #[serde(default)]
    staff: Vec<NonEmpty>,
    #[serde(default)]
    population: Option<u64>,
    #[serde(default)]
    places: Vec<NonEmpty>,
}

/// A string with at least one non-space character.
struct NonEmpty(String);

impl<'de> Deserialize<'de> for NonEmpty {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_str(Checked("a non-empty string", |s: &str| {
            if s.trim().is_empty() {
                Err("empty value: a name needs at least one letter".to_owned())
            } else {
                Ok(NonEmpty(s.trim().to_owned()))
            }
        }))
    }
}

/// An email address the scanner can find: one `@`, a local part and a dotted domain.
struct Email(String);

impl<'de> Deserialize<'de> for Email {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_str(Checked("an email address", |s: &str| {
            let s = s.trim();
            if crate::contact::is_email(s) {
                Ok(Email(s.to_owned()))
            } else {
                Err("not an email address: write it as name@example.org".to_owned())
            }
        }))
    }
}

/// A phone number with enough digits to be found without matching random numbers.
struct Phone(String);

impl<'de> Deserialize<'de> for Phone {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_str(Checked("a phone number", |s: &str| {
            let s = s.trim();
            match crate::contact::check_phone(s) {
                Ok(()) => Ok(Phone(s.to_owned())),
                Err(why) => Err(why.to_owned()),
            }
        }))
    }
}

/// A client's name or alias: at least two letters or digits (a one-letter name, like "A" or
/// "Q", cannot be told apart from ordinary text, so it would flag every "a" or find nothing).
struct PersonName(String);

impl<'de> Deserialize<'de> for PersonName {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_str(Checked("a name", |s: &str| {
            let letters = crate::normalize::normalize(s)
                .chars()
                .filter(|c| c.is_alphanumeric())
                .count();
            match letters {
                0 if s.trim().is_empty() => {
                    Err("empty value: a name needs at least one letter".to_owned())
                }
                0 | 1 => Err(
                    "a name of fewer than two letters cannot be told apart from \
                              ordinary text: write the name in full"
                        .to_owned(),
                ),
                _ => Ok(PersonName(s.trim().to_owned())),
            }
        }))
    }
}

/// A client's alias: anything with a letter or digit. Unlike a name, a one-letter alias ("O",
/// "J") is accepted, because practices do call clients that and a roster exported with one
/// must still load; it is never looked for alone (it cannot be told apart from ordinary
/// text), and `lipzip roster lint` says so.
struct Alias(String);

impl<'de> Deserialize<'de> for Alias {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_str(Checked("an alias", |s: &str| {
            if s.chars().any(char::is_alphanumeric) {
                Ok(Alias(s.trim().to_owned()))
            } else {
                Err("an alias needs at least one letter or digit".to_owned())
            }
        }))
    }
}

/// An id that has not been used before in this roster.
struct UniqueId(String);

impl<'de> Deserialize<'de> for UniqueId {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_str(Checked("an id", |s: &str| {
            let s = s.trim();
            if s.is_empty() {
                return Err("empty id".to_owned());
            }
            let fresh = SEEN_IDS.with(|seen| seen.borrow_mut().insert(s.to_owned()));
            if !fresh {
                return Err("duplicate id: client and consent ids must be unique".to_owned());
            }
            Ok(UniqueId(s.to_owned()))
        }))
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawClient {
    id: UniqueId,
    name: PersonName,
    #[serde(default)]
    aliases: Vec<Alias>,
    #[serde(default)]
    public_figure: bool,
    #[serde(default)]
    attributes: Attributes,
    #[serde(default)]
    emails: Vec<Email>,
    #[serde(default)]
    phones: Vec<Phone>,
    #[serde(default)]
    consent: Vec<RawConsent>,
}

impl<'de> Deserialize<'de> for Client {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = RawClient::deserialize(d)?;
        Ok(Client {
            id: ClientId(raw.id.0),
            name: raw.name.0,
            aliases: raw.aliases.into_iter().map(|a| a.0).collect(),
            public_figure: raw.public_figure,
            attributes: raw.attributes,
            emails: raw.emails.into_iter().map(|e| e.0).collect(),
            phones: raw.phones.into_iter().map(|p| p.0).collect(),
            consent: raw.consent.into_iter().map(|c| c.0).collect(),
        })
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConsentFields {
    id: UniqueId,
    scope: Vec<Disclosure>,
    channels: Vec<ChannelScope>,
    granted: Date,
    #[serde(default)]
    expires: Option<Date>,
    #[serde(default)]
    revoked: Option<Date>,
    #[serde(default)]
    evidence: Option<String>,
}

struct RawConsent(ConsentRecord);

impl<'de> Deserialize<'de> for RawConsent {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        let raw = RawConsentFields::deserialize(d)?;
        if raw.expires.is_some_and(|e| e < raw.granted) {
            return Err(D::Error::custom("consent expires before it was granted"));
        }
        if raw.scope.is_empty() {
            return Err(D::Error::custom(
                "consent scope is empty: list what it allows",
            ));
        }
        if raw.channels.is_empty() {
            return Err(D::Error::custom(
                "consent lists no channels: list them or `any`",
            ));
        }
        Ok(RawConsent(ConsentRecord {
            id: raw.id.0,
            scope: raw.scope.into_iter().collect(),
            channels: raw.channels,
            granted: raw.granted,
            expires: raw.expires,
            revoked: raw.revoked,
            evidence: raw.evidence,
        }))
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn an_occupation_names_its_workplaces() {
        let places = |occupation: &str| -> Vec<String> {
            let a = super::Attributes {
                occupation: Some(occupation.to_owned()),
                ..super::Attributes::default()
            };
            a.workplaces().into_iter().map(str::to_owned).collect()
        };
        assert_eq!(
            places("hairdresser, owner of Curl Up & Dye salon"),
            ["Curl Up & Dye salon"]
        );
        assert_eq!(
            places("cashier at Zimmerman's Market"),
            ["Zimmerman's Market"]
        );
        assert_eq!(
            places("assistant manager, Dollar General on Route 52"),
            ["Dollar General"]
        );
        assert_eq!(
            places("fire chief, Caney Branch VFD; mechanic at Lester's Garage"),
            ["Caney Branch VFD", "Lester's Garage"]
        );
        assert_eq!(
            places("principal of the Mennonite school"),
            ["Mennonite school"]
        );
        assert_eq!(
            places("owner of Rafi's Bakery at the bus stand"),
            ["Rafi's Bakery"]
        );
        assert_eq!(
            places("NFL center, New Orleans Saints"),
            ["New Orleans Saints"]
        );
        assert!(places("hairstylist, owns a salon on Main Street").is_empty());
        assert!(places("retired schoolteacher").is_empty());
        assert!(places("realtor").is_empty());
    }

    use super::*;

    const GOOD: &str = "version: 1
practice:
  name: Willow Creek Massage
  staff: [Dana Whitfield]
  population: 8000
clients:
  - id: C001
    name: Mary Jones
    aliases: [\"@maryj\"]
    consent:
      - id: K-001
        scope: [status, name]
        channels: [social, any]
        granted: 2026-03-01
        evidence: k.pdf
";

    #[test]
    fn loads_a_good_roster() {
        let r = Roster::from_yaml(GOOD, "roster.yaml").unwrap();
        assert_eq!(r.clients.len(), 1);
        assert_eq!(r.clients[0].consent[0].id, "K-001");
        assert_eq!(format!("{:?}", r.clients[0]), "Client(C001)");
    }

    fn err(text: &str) -> LoadError {
        Roster::from_yaml(text, "r.yaml").unwrap_err()
    }

    #[test]
    fn unknown_field_names_line_and_field() {
        let e = err(&GOOD.replace("    aliases:", "    nmae: x\n    aliases:"));
        assert_eq!(e.line, Some(9), "{e}");
        assert!(e.message.contains("unknown field"), "{e}");
        assert!(
            e.field.as_deref().unwrap_or("").contains("clients[0]"),
            "{e}"
        );
    }

    #[test]
    fn bad_date_points_at_it() {
        let e = err(&GOOD.replace("2026-03-01", "2026-13-45"));
        assert_eq!(e.line, Some(14));
        assert_eq!(e.field.as_deref(), Some("clients[0].consent[0].granted"));
    }

    #[test]
    fn duplicate_id_points_at_the_second() {
        let dup = format!("{GOOD}  - id: C001\n    name: Other Person\n");
        let e = err(&dup);
        assert_eq!(e.line, Some(16), "{e}");
        assert!(e.message.contains("duplicate id"));
    }

    #[test]
    fn empty_name_and_wrong_type() {
        assert!(
            err(&GOOD.replace("name: Mary Jones", "name: \"  \""))
                .message
                .contains("empty")
        );
        let e = err(&GOOD.replace("aliases: [\"@maryj\"]", "aliases: {a: 1}"));
        assert!(e.line.is_some());
    }

    #[test]
    fn errors_never_quote_roster_values() {
        let e = err(&GOOD.replace("aliases: [\"@maryj\"]", "aliases: Mary Jones"));
        let shown = e.to_string();
        assert!(!shown.contains("Mary"), "{shown}");
    }

    #[test]
    fn expiry_before_grant_is_rejected() {
        let e = err(&GOOD.replace(
            "evidence: k.pdf",
            "evidence: k.pdf\n        expires: 2025-01-01",
        ));
        assert!(e.message.contains("expires before"), "{e}");
    }
}
