//! The lexicons behind the detection rules: word and name frequencies, client-context phrases,
//! health terms, occupations with base rates, one-person roles, public figures, gossip, traits.
//!
//! They are data (`rules/lexicons/`), compiled into the binary, each file headed by its source
//! and licence. Code decides what a match *means*; these files only say which words exist and
//! how common they are.

use rustc_hash::{FxHashMap, FxHashSet};

use serde::Deserialize;

use crate::error::{FileKind, LoadError};
use crate::normalize::normalize;
use crate::roster::Gender;

macro_rules! lexicon {
    ($name:literal) => {
        ($name, include_str!(concat!("../rules/lexicons/", $name)))
    };
}

/// Every lexicon file compiled in, `(file name, text)`.
pub const FILES: &[(&str, &str)] = &[
    lexicon!("first-names.tsv"),
    lexicon!("modern-first-names.tsv"),
    lexicon!("surnames.tsv"),
    lexicon!("english-words.tsv"),
    lexicon!("context.yaml"),
    lexicon!("gossip.yaml"),
    lexicon!("health.yaml"),
    lexicon!("occupations.yaml"),
    lexicon!("roles.yaml"),
    lexicon!("public-figures.yaml"),
    lexicon!("traits.yaml"),
    lexicon!("disclosure.yaml"),
    lexicon!("idioms.yaml"),
    lexicon!("name-particles.yaml"),
    lexicon!("languages.yaml"),
];

/// How reliably a phrase signals what its lexicon is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Strength {
    /// Almost always means it in a practice's draft.
    Strong,
    /// Also common in harmless text; counts only close to other evidence.
    Weak,
}

/// A phrase with its strength.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Phrase {
    /// Lower-case phrase.
    pub term: String,
    /// Strength.
    pub strength: Strength,
}

/// An occupation and how common it is.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Occupation {
    /// Canonical name.
    pub term: String,
    /// Other ways to write it.
    #[serde(default)]
    pub forms: Vec<String>,
    /// Share of a town's population holding it.
    pub base_rate: f64,
}

/// A role few people in a town hold.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Role {
    /// Canonical name.
    pub term: String,
    /// Other ways to write it.
    #[serde(default)]
    pub forms: Vec<String>,
    /// Typical number of holders in a town of about 10,000.
    pub k: f64,
    /// Whether it is a job (a principal, a mayor) rather than a part someone plays for a day
    /// (a bride): a job that does not fit a client's rules them out.
    #[serde(default = "yes")]
    pub job: bool,
}

fn yes() -> bool {
    true
}

/// A term with variants, possibly ambiguous with ordinary words.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Term {
    /// Canonical form.
    pub term: String,
    /// Other forms.
    #[serde(default)]
    pub forms: Vec<String>,
    /// Whether a bare form is also an ordinary word.
    #[serde(default)]
    pub ambiguous: bool,
    /// For a public role: whether it is a kind of person many share ("a tech CEO"), a public
    /// figure only when tied to one organisation.
    #[serde(default)]
    pub common: bool,
}

/// A professional sports team.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Team {
    /// Full name.
    pub name: String,
    /// League.
    pub league: String,
    /// Short forms and nicknames.
    #[serde(default)]
    pub forms: Vec<String>,
    /// Whether a short form is also an ordinary word, place or name.
    #[serde(default)]
    pub ambiguous: bool,
}

/// Public figures: roles, teams, events, the people around them, broadcasters.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PublicFigures {
    /// Roles that make someone a public figure.
    pub roles: Vec<Term>,
    /// Professional teams.
    pub teams: Vec<Team>,
    /// Events whose participants are public figures.
    pub events: Vec<Term>,
    /// Nouns used as "X's manager".
    pub entourage: Vec<String>,
    /// Broadcasters and outlets.
    pub broadcasters: Vec<String>,
    /// Phrases naming someone in a public or business role (a sponsor, a coach, a speaker).
    #[serde(default)]
    pub capacity: Vec<String>,
    /// Phrases that point at someone the reader is meant to recognise ("a certain").
    #[serde(default)]
    pub hints: Vec<String>,
}

/// Distinctive traits by kind.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Traits {
    /// Cars and other vehicles people are known by.
    pub vehicles: Vec<String>,
    /// Pets.
    pub pets: Vec<String>,
    /// Looks.
    pub appearance: Vec<String>,
    /// Life events.
    #[serde(rename = "life events")]
    pub life_events: Vec<String>,
    /// Life events that are a state many people share ("retired"): a wide cue.
    #[serde(rename = "shared states")]
    pub shared_states: Vec<String>,
}

/// Terms that disclose more than a name.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DisclosureTerms {
    /// A photo of the person is part of the post.
    pub photo: Vec<String>,
    /// The post quotes or tells the person's story.
    pub story: Vec<String>,
    /// Phrases after which health words are what was talked about ("questions on").
    pub topics: Vec<String>,
}

/// All lexicons, parsed.
#[derive(Clone, Debug, Default)]
pub struct Lexicons {
    /// Normalised first name → per-mille of people with it (the larger of the 1990 census and
    /// recent births, so names popular since are common too).
    pub first_names: FxHashMap<String, f32>,
    /// The same names in order, for looking up short forms.
    pub by_prefix: std::collections::BTreeMap<String, f32>,
    /// Normalised surname → per-mille.
    pub surnames: FxHashMap<String, f32>,
    /// Ordinary English word → frequency rank (1 = most common).
    pub words: FxHashMap<String, u32>,
    /// Phrases that say someone is a client.
    pub context: Vec<Phrase>,
    /// Where a client sits or lies for their session: "on Rafa's table" is a strong sign.
    pub seats: Vec<String>,
    /// Units of an appointment's time or length: "our 10am", "his 90 min" are weak signs.
    pub appointment_units: Vec<String>,
    /// What a client comes for: "his monthly hilot", "her usual fade" are strong signs.
    pub services: Vec<String>,
    /// Words after a service that make it a thing or a trade: "her massage business".
    pub not_a_visit: Vec<String>,
    /// Words that put a person in a sentence ("she", "owner", "regular", "lad"), so that a
    /// trait or a business there may describe someone.
    pub people: FxHashSet<String>,
    /// Words that tell a share of the clientele ("a third of", "most of"): the rest of their
    /// sentence is about a group.
    pub shares: Vec<String>,
    /// Words that announce a winner ("winner", "goes to", "congrats").
    pub winners: Vec<String>,
    /// Days, months and feasts, normalised: a date is everyone's, never a name or a place.
    pub calendar: FxHashSet<String>,
    /// Words for an animal: a name just after one ("her mare Dolly", "our clinic dog Buck")
    /// is the animal's, all through the draft.
    pub animals: FxHashSet<String>,
    /// Things named after a person ("the Jón Sigurðsson statue"): a name beside one names
    /// the thing.
    pub namesakes: FxHashSet<String>,
    /// Words before a name that make it a saint's, a place's ("St. Maarten", "San Marco").
    pub saints: Vec<String>,
    /// Words as texts and captions write them ("your" → "ur"), normalised.
    pub chat: FxHashMap<String, Vec<String>>,
    /// Words before a name that make it a business's ("Café De Beer", "Hotel Des Indes").
    pub venues: Vec<String>,
    /// Words thanking a named person to their face.
    pub thanks: Thanks,
    /// Work done on one person's hair or body: "trimmed the fire chief's mustache".
    pub tending: Tending,
    /// Nouns for one client after "our" and a few words: "our most punctual patient".
    pub our_one: Vec<String>,
    /// Plural nouns for the practice's clients after "one of our": "one of our aunties who
    /// just turned 70".
    pub one_of: Vec<String>,
    /// Words that end the capitalised name of an offer or an event ("Glam Giveaway").
    pub offers: Vec<String>,
    /// Other languages a practice may post in, with the English cue words that are ordinary
    /// words in them ("bis bald!").
    pub languages: Vec<Language>,
    /// Gossip and complaints.
    pub gossip: Vec<Phrase>,
    /// Words of a policy notice, which turn weak gossip words into a policy.
    pub policy: Vec<String>,
    /// Words that make a draft a reply to a review.
    pub review: Vec<String>,
    /// Second-person phrases that tell a reviewer's visit back to them.
    pub reply: Vec<String>,
    /// Phrases of a reply that keeps the reviewer's care private ("we never discuss", "cannot
    /// confirm whether"): with one, its second-person words tell nothing back.
    pub private_reply: Vec<String>,
    /// Nouns for one person called out in public ("to the sweet gentleman who ...").
    pub callout: Vec<String>,
    /// Phrases that dare the reader to guess who a client is ("guess who", "can you guess").
    pub teasers: Vec<String>,
    /// Health disclosures.
    pub health: Vec<String>,
    /// Injuries, as parts and the words that injure them.
    pub injuries: Injuries,
    /// What a practice's name says its clients come for.
    pub specialties: Vec<Specialty>,
    /// Occupations.
    pub occupations: Vec<Occupation>,
    /// The occupations (by term) a practice employs: "our therapist" is its staff.
    pub staff_trades: Vec<String>,
    /// Nouns after a job word that make it the trade's service: "the doula package".
    pub trade_nouns: Vec<String>,
    /// Words that start or join a surname and are never one alone ("de", "van", "bin").
    pub surname_particles: Vec<String>,
    /// Titles that say a gender ("uncle", "mrs"), normalised.
    pub title_genders: FxHashMap<String, Gender>,
    /// One-person roles.
    pub roles: Vec<Role>,
    /// Words before a role that point at its one holder ("the", "our", Bajan "de").
    pub articles: Vec<String>,
    /// Words for relatives and spouses: "the mayor's boy" is not the mayor.
    pub kin: Kinship,
    /// Public figures.
    pub public: PublicFigures,
    /// Traits.
    pub traits: Traits,
    /// Photo and story markers.
    pub disclosure: DisclosureTerms,
    /// Set phrases that contain a cue word but say nothing about anyone ("farmer's carry").
    pub idioms: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Context {
    terms: Vec<Phrase>,
    seats: Vec<String>,
    appointment_units: Vec<String>,
    services: Vec<String>,
    not_a_visit: Vec<String>,
    people: Vec<String>,
    shares: Vec<String>,
    winners: Vec<String>,
    calendar: Vec<String>,
    animals: Vec<String>,
    namesakes: Vec<String>,
    saints: Vec<String>,
    venues: Vec<String>,
    chat: FxHashMap<String, Vec<String>>,
    thanks: Thanks,
    tending: Tending,
    our_one: Vec<String>,
    one_of: Vec<String>,
    offers: Vec<String>,
}

/// A language a practice may post in besides English (`languages.yaml`).
#[derive(Clone, Debug, Default)]
pub struct Language {
    /// Small words of the language that are not English words, normalised: two in one
    /// sentence say it is in this language.
    pub markers: FxHashSet<String>,
    /// English cue words that are ordinary words in this language, normalised.
    pub false_friends: Vec<String>,
}

impl Language {
    /// Whether `sentence` is in this language: two different markers in it.
    #[must_use]
    pub fn speaks(&self, sentence: &str) -> bool {
        let mut seen: Option<String> = None;
        for w in sentence.split(|c: char| !c.is_alphanumeric() && c != '\'') {
            let w = normalize(w);
            if self.markers.contains(&w) {
                match &seen {
                    Some(s) if *s != w => return true,
                    Some(_) => {}
                    None => seen = Some(w),
                }
            }
        }
        false
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Languages {
    languages: std::collections::BTreeMap<String, LanguageEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LanguageEntry {
    markers: Vec<String>,
    false_friends: Vec<String>,
}

/// Work done on someone's hair or body, told with whose it was: "trimmed the fire chief's
/// mustache", "coloured Mrs Hale's roots", "taped his knee". A practitioner telling it has
/// served that person.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tending {
    /// What the practitioner did: "trimmed", "coloured", "taped".
    pub verbs: Vec<String>,
    /// What it was done to: "mustache", "roots", "knee".
    pub parts: Vec<String>,
}

/// Words thanking a named person to their face: "Cheers Bob", "Crystal, thank you".
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Thanks {
    /// Just before the name: "Cheers Bob", "Thanks, Sean".
    pub before: Vec<String>,
    /// Just after a name that starts its sentence: "Crystal, thank you".
    pub after: Vec<String>,
    /// Further on in the sentence of a name called out: "Mary, ... Thanks a million".
    pub later: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Gossip {
    terms: Vec<Phrase>,
    policy: Vec<String>,
    #[serde(default)]
    review: Vec<String>,
    #[serde(default)]
    reply: Vec<String>,
    #[serde(default)]
    private_reply: Vec<String>,
    #[serde(default)]
    callout: Vec<String>,
    #[serde(default)]
    teaser: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Strings {
    terms: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Occupations {
    occupations: Vec<Occupation>,
    staff_trades: Vec<String>,
    trade_nouns: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NameParticles {
    particles: Vec<String>,
    male_titles: Vec<String>,
    female_titles: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Health {
    terms: Vec<String>,
    #[serde(default)]
    injuries: Injuries,
    specialties: Vec<Specialty>,
}

/// What a practice's name says its clients come for: at "Hearth & Cradle Doula and Prenatal
/// Massage" a client is expecting or has just given birth, so saying she is a client already
/// says that much, and a consent to her status covers it.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Specialty {
    /// Lowercase words; a practice whose name holds one has this specialty.
    pub names: Vec<String>,
    /// Lowercase health phrases the status already tells there ("pregnant", "postpartum").
    pub terms: Vec<String>,
}

impl Specialty {
    /// The health phrases a practice called `practice` tells by its clients' status alone.
    #[must_use]
    pub fn told_by_status<'a>(all: &'a [Specialty], practice: &str) -> Vec<&'a str> {
        let name = crate::normalize::normalize(practice);
        let words: Vec<&str> = name
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .collect();
        all.iter()
            .filter(|s| s.names.iter().any(|n| words.contains(&n.as_str())))
            .flat_map(|s| s.terms.iter().map(String::as_str))
            .collect()
    }
}

/// Injuries as body parts and the words that injure them, so that "hamstring tear", "torn
/// hammy" and "tore his hamstring" need no line each: the cue matcher finds the words and
/// joins the ones that stand next to a part (thousands of phrases would slow every start-up).
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Injuries {
    /// Body parts.
    pub parts: Vec<String>,
    /// After the part: "hamstring tear", "hip replaced".
    pub nouns: Vec<String>,
    /// Before the part: "torn hamstring".
    pub adjectives: Vec<String>,
    /// Before "his"/"her" and the part: "tore his hamstring".
    pub verbs: Vec<String>,
    /// Combinations that mostly mean something else ("pulled his leg").
    #[serde(default)]
    pub except: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Roles {
    roles: Vec<Role>,
    articles: Vec<String>,
    relatives: Vec<String>,
    of_words: Vec<String>,
    spouse_verbs: Vec<String>,
    own_words: Vec<String>,
    fond_words: Vec<String>,
    possessive_words: Vec<PossessiveWord>,
}

/// How a text says that the person meant is someone's relative: "the mayor's boy", "son of the
/// mayor", "married to the dominee", "die dominee se vrou".
#[derive(Clone, Debug, Default)]
pub struct Kinship {
    /// Words for a relative or partner ("son", "missus", "better half").
    pub relatives: Vec<String>,
    /// Words that, after a relative, lead to whom they are a relative of ("son of the mayor",
    /// "le fils du maire").
    pub of_words: Vec<String>,
    /// Words that, before "to", make the person named next a spouse ("married to").
    pub spouse_verbs: Vec<String>,
    /// Possessives by which the writer speaks of their own people ("my", "mi", "notre").
    pub own_words: Vec<String>,
    /// Relative words said fondly of clients too ("our girl Jess"): not the writer's family.
    pub fond_words: Vec<String>,
    /// Possessives that are words of their own, each with the relatives that may follow it.
    pub possessive_words: Vec<PossessiveWord>,
}

/// A possessive that is a word of its own (Afrikaans "se"), with its language's relatives.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PossessiveWord {
    /// The possessive word, lowercase.
    pub word: String,
    /// Lowercase relative words read only after `word`.
    pub relatives: Vec<String>,
}

impl Kinship {
    /// Whether a normalised roster phrase names a relative of the client ("daughter of the
    /// mayor Cllr Alun Pugh", "married to Shannon Bowen", "wife of Sgt. Maurice Kelleher"): a
    /// relative word, or a spouse verb before "to", among its first three words.
    #[must_use]
    pub fn names_a_relative(&self, phrase: &str) -> bool {
        let words: Vec<&str> = phrase.split(' ').take(4).collect();
        words.iter().take(3).enumerate().any(|(i, w)| {
            self.relatives.iter().any(|r| r == w)
                || (words.get(i + 1) == Some(&"to") && self.spouse_verbs.iter().any(|v| v == w))
        })
    }
}

impl Lexicons {
    /// Parses the built-in lexicons.
    ///
    /// # Errors
    /// A [`LoadError`] if a built-in file is broken, which the test suite rules out.
    pub fn builtin() -> Result<Lexicons, LoadError> {
        let mut lx = Lexicons::default();
        for (name, text) in FILES {
            lx.add(name, text)?;
        }
        lx.by_prefix = lx
            .first_names
            .iter()
            .map(|(k, v)| (k.clone(), *v))
            .collect();
        Ok(lx)
    }

    fn add(&mut self, name: &str, text: &str) -> Result<(), LoadError> {
        let origin = format!("rules/lexicons/{name}");
        let yaml =
            |e: serde_yaml::Error| LoadError::from_yaml_public(FileKind::Rules, &origin, text, &e);
        match name {
            "first-names.tsv" | "modern-first-names.tsv" => {
                for (k, v) in tsv(text, &origin)? {
                    let e = self.first_names.entry(normalize(k)).or_insert(0.0);
                    *e = e.max(v);
                }
            }
            "surnames.tsv" => {
                for (k, v) in tsv(text, &origin)? {
                    self.surnames.insert(normalize(k), v);
                }
            }
            "english-words.tsv" => {
                for (k, v) in tsv(text, &origin)? {
                    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                    self.words.insert(k.to_owned(), v as u32);
                }
            }
            "context.yaml" => {
                let c = serde_yaml::from_str::<Context>(text).map_err(yaml)?;
                self.context = c.terms;
                self.seats = c.seats;
                self.appointment_units = c.appointment_units;
                self.services = c.services;
                self.not_a_visit = c.not_a_visit;
                self.people = c.people.into_iter().collect();
                self.shares = c.shares;
                self.winners = c.winners;
                self.calendar = c.calendar.iter().map(|w| normalize(w)).collect();
                self.animals = c.animals.iter().map(|w| normalize(w)).collect();
                self.namesakes = c.namesakes.iter().map(|w| normalize(w)).collect();
                self.saints = c.saints.iter().map(|w| normalize(w)).collect();
                self.chat = c
                    .chat
                    .into_iter()
                    .map(|(w, forms)| (normalize(&w), forms.iter().map(|f| normalize(f)).collect()))
                    .collect();
                self.venues = c.venues.iter().map(|w| normalize(w)).collect();
                self.thanks = c.thanks;
                self.tending = c.tending;
                self.our_one = c.our_one;
                self.one_of = c.one_of;
                self.offers = c.offers;
            }
            "gossip.yaml" => {
                let g: Gossip = serde_yaml::from_str(text).map_err(yaml)?;
                self.gossip = g.terms;
                self.policy = g.policy;
                self.review = g.review;
                self.reply = g.reply;
                self.private_reply = g.private_reply.iter().map(|w| normalize(w)).collect();
                self.callout = g.callout;
                self.teasers = g.teaser;
            }
            "health.yaml" => {
                let h = serde_yaml::from_str::<Health>(text).map_err(yaml)?;
                self.health = h.terms;
                self.injuries = h.injuries;
                self.specialties = h.specialties;
            }
            "occupations.yaml" => {
                let o = serde_yaml::from_str::<Occupations>(text).map_err(yaml)?;
                self.occupations = o.occupations;
                self.staff_trades = o.staff_trades;
                self.trade_nouns = o.trade_nouns;
            }
            "roles.yaml" => {
                let r = serde_yaml::from_str::<Roles>(text).map_err(yaml)?;
                self.roles = r.roles;
                self.articles = r.articles;
                self.kin = Kinship {
                    relatives: r.relatives,
                    of_words: r.of_words,
                    spouse_verbs: r.spouse_verbs,
                    own_words: r.own_words,
                    fond_words: r.fond_words,
                    possessive_words: r.possessive_words,
                };
            }
            "public-figures.yaml" => self.public = serde_yaml::from_str(text).map_err(yaml)?,
            "traits.yaml" => self.traits = serde_yaml::from_str(text).map_err(yaml)?,
            "disclosure.yaml" => self.disclosure = serde_yaml::from_str(text).map_err(yaml)?,
            "idioms.yaml" => {
                self.idioms = serde_yaml::from_str::<Strings>(text).map_err(yaml)?.terms
            }
            "languages.yaml" => {
                let l = serde_yaml::from_str::<Languages>(text).map_err(yaml)?;
                self.languages = l
                    .languages
                    .into_values()
                    .map(|l| Language {
                        markers: l.markers.iter().map(|w| normalize(w)).collect(),
                        false_friends: l.false_friends.iter().map(|w| normalize(w)).collect(),
                    })
                    .collect();
            }
            "name-particles.yaml" => {
                let n = serde_yaml::from_str::<NameParticles>(text).map_err(yaml)?;
                self.surname_particles = n.particles;
                let gendered =
                    |list: Vec<String>, g| list.into_iter().map(move |t| (normalize(&t), g));
                self.title_genders = gendered(n.male_titles, Gender::Male)
                    .chain(gendered(n.female_titles, Gender::Female))
                    .collect();
            }
            _ => {
                return Err(LoadError::new(
                    FileKind::Rules,
                    origin,
                    "unknown lexicon file",
                ));
            }
        }
        Ok(())
    }

    /// Whether this (normalised) word is a first name of its own in the name lexicons.
    #[must_use]
    pub fn is_first_name(&self, name: &str) -> bool {
        self.first_names.contains_key(name)
    }

    /// Per-mille of people with this (normalised) first name; 0 when unknown. A short form
    /// is as common as the most common name it starts ("Jess" for Jessica, "Matt" for
    /// Matthew), while "Thad" stays as rare as Thaddeus.
    #[must_use]
    pub fn first_name_frequency(&self, name: &str) -> f32 {
        let exact = self.first_names.get(name).copied().unwrap_or(0.0);
        if name.chars().count() < 3 {
            return exact;
        }
        self.by_prefix
            .range::<str, _>((std::ops::Bound::Included(name), std::ops::Bound::Unbounded))
            .take_while(|(k, _)| k.starts_with(name))
            .take(500)
            .map(|(_, v)| *v)
            .fold(exact, f32::max)
    }

    /// Whether a normalised word is a day, a month or a feast.
    #[must_use]
    pub fn is_calendar_word(&self, normalised: &str) -> bool {
        self.calendar.contains(normalised)
    }

    /// Whether `word` (normalised) is an ordinary English word among the `top` most common.
    #[must_use]
    pub fn is_common_word(&self, word: &str, top: u32) -> bool {
        self.words.get(word).is_some_and(|&r| r <= top)
    }
}

fn tsv<'t>(text: &'t str, origin: &str) -> Result<Vec<(&'t str, f32)>, LoadError> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let parsed = line
            .split_once('\t')
            .and_then(|(k, v)| v.trim().parse::<f32>().ok().map(|v| (k.trim(), v)));
        match parsed {
            Some(kv) => out.push(kv),
            None => {
                let mut e = LoadError::new(FileKind::Rules, origin, "expected `word<TAB>number`");
                e.line = Some(i + 1);
                return Err(e);
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_practice_name_tells_its_specialty_and_staff_trades_are_jobs() {
        let lx = Lexicons::builtin().unwrap();
        let doula = Specialty::told_by_status(&lx.specialties, "Hearth & Cradle Doula Care");
        assert!(doula.contains(&"postpartum") && doula.contains(&"pregnant"));
        assert!(!doula.contains(&"postpartum depression"));
        assert!(Specialty::told_by_status(&lx.specialties, "Willow Creek Massage").is_empty());
        for trade in &lx.staff_trades {
            assert!(
                lx.occupations.iter().any(|o| &o.term == trade),
                "staff trade {trade} is no occupation"
            );
        }
    }

    #[test]
    fn a_trait_names_a_relative_by_a_relative_word_or_a_spouse_verb() {
        let kin = Lexicons::builtin().unwrap().kin;
        assert!(kin.names_a_relative("daughter of the mayor cllr alun pugh"));
        assert!(kin.names_a_relative("married to shannon bowen"));
        assert!(kin.names_a_relative("engaged to the fire chief"));
        assert!(!kin.names_a_relative("married with three kids at the mill"));
        // Afrikaans relatives count only after "se": this man is the client himself.
        assert!(!kin.names_a_relative("the man behind radio moyle"));
    }

    #[test]
    fn a_sentence_is_another_languages_with_two_of_its_markers() {
        let lx = Lexicons::builtin().unwrap();
        let speaks = |sentence: &str| lx.languages.iter().any(|l| l.speaks(sentence));
        assert!(speaks("Schön, dass wir dich bald wieder bei uns sehen"));
        assert!(speaks("Und die Kaffeemaschine ist besser als meine"));
        // One marker is not a language; nor is English, nor Spanish.
        assert!(!speaks("Hans von Trapp came in for his bald spot"));
        assert!(!speaks(
            "Our bald regular is back on the table, see you soon"
        ));
        assert!(!speaks(
            "cierto chef de la tele que anda grabando estuvo en mi camilla"
        ));
    }

    #[test]
    fn builtin_lexicons_load_and_have_data() {
        let lx = Lexicons::builtin().unwrap();
        assert!(lx.first_names.len() > 1000);
        assert!(lx.words.len() > 10_000);
        assert!(lx.context.len() > 100);
        assert!(
            lx.occupations
                .iter()
                .all(|o| o.base_rate > 0.0 && o.base_rate < 1.0)
        );
        assert!(lx.first_name_frequency("mark") > lx.first_name_frequency("thaddeus"));
        assert!(lx.is_common_word("rose", 5000));
    }
}
