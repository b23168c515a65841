//! A compiled roster as bytes, for the roster cache: parsing a 100,000-client YAML roster and
//! compiling it takes over a second, reading it back a fraction of that.
//!
//! The format is private to one lipzip version (the cache key includes the version), so it is
//! a plain length-prefixed encoding, written and read field by field. Anything unexpected when
//! reading (truncation, a bad tag, invalid UTF-8) is `None`: the caller recompiles from the
//! roster. The bytes are the roster itself: callers keep them owner-only.

use std::collections::BTreeSet;

use crate::assess::{Key, Profile};
use crate::consent::{ChannelScope, ConsentRecord, Disclosures};
use crate::cues::{CueKind, RosterNeedles};
use crate::date::Date;
use crate::document::Channel;
use crate::names::NameIndex;
use crate::roster::{Attributes, Client, ClientId, Practice, Roster};
use crate::rules::RosterForm;
use crate::scanner::{Compiled, Form, Target, Targets};

/// The format's version is its last byte: 2 added clients' emails and phones.
const MAGIC: &[u8; 8] = b"LIPZIPR2";

#[derive(Default)]
struct Writer(Vec<u8>);

impl Writer {
    fn u8(&mut self, v: u8) {
        self.0.push(v);
    }
    fn u32(&mut self, v: u32) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn len(&mut self, n: usize) {
        self.u32(u32::try_from(n).unwrap_or(u32::MAX));
    }
    fn str(&mut self, s: &str) {
        self.len(s.len());
        self.0.extend_from_slice(s.as_bytes());
    }
    fn opt_str(&mut self, s: Option<&str>) {
        match s {
            Some(s) => {
                self.u8(1);
                self.str(s);
            }
            None => self.u8(0),
        }
    }
    fn strs(&mut self, v: &[String]) {
        self.len(v.len());
        for s in v {
            self.str(s);
        }
    }
    fn date(&mut self, d: Option<Date>) {
        self.opt_str(d.map(|d| d.to_string()).as_deref());
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let end = self.pos.checked_add(n)?;
        let s = self.bytes.get(self.pos..end)?;
        self.pos = end;
        Some(s)
    }
    fn u8(&mut self) -> Option<u8> {
        self.take(1).map(|b| b[0])
    }
    fn u32(&mut self) -> Option<u32> {
        self.take(4)
            .and_then(|b| b.try_into().ok())
            .map(u32::from_le_bytes)
    }
    fn len(&mut self) -> Option<usize> {
        let n = self.u32()? as usize;
        // A length larger than what is left is corruption, not a reason to allocate.
        (n <= self.bytes.len() - self.pos).then_some(n)
    }
    fn str(&mut self) -> Option<&'a str> {
        let n = self.len()?;
        std::str::from_utf8(self.take(n)?).ok()
    }
    fn string(&mut self) -> Option<String> {
        self.str().map(str::to_owned)
    }
    fn opt_string(&mut self) -> Option<Option<String>> {
        match self.u8()? {
            0 => Some(None),
            1 => self.string().map(Some),
            _ => None,
        }
    }
    fn strings(&mut self) -> Option<Vec<String>> {
        let n = self.len()?;
        (0..n).map(|_| self.string()).collect()
    }
    fn date(&mut self) -> Option<Option<Date>> {
        match self.opt_string()? {
            None => Some(None),
            Some(s) => s.parse().ok().map(Some),
        }
    }
}

fn form_tag(f: Form) -> u8 {
    match f {
        Form::Full(r) => RosterForm::ALL
            .iter()
            .position(|x| *x == r)
            .map_or(0, |i| i as u8),
        Form::First => 100,
        Form::Surname => 101,
        Form::Word => 102,
    }
}

fn form_of(tag: u8) -> Option<Form> {
    Some(match tag {
        100 => Form::First,
        101 => Form::Surname,
        102 => Form::Word,
        i => Form::Full(*RosterForm::ALL.get(i as usize)?),
    })
}

fn channel_tag(c: ChannelScope) -> u8 {
    match c {
        ChannelScope::Any => 0,
        ChannelScope::One(ch) => {
            1 + Channel::ALL
                .iter()
                .position(|x| *x == ch)
                .map_or(0, |i| i as u8)
        }
    }
}

fn channel_of(tag: u8) -> Option<ChannelScope> {
    match tag {
        0 => Some(ChannelScope::Any),
        t => Channel::ALL
            .get(t as usize - 1)
            .map(|c| ChannelScope::One(*c)),
    }
}

fn key_parts(k: Key) -> (u8, u8, u32) {
    match k {
        Key::Occupation(i) => (0, 0, i),
        Key::Role(i) => (1, 0, i),
        Key::PublicRole(i) => (2, 0, i),
        Key::Team(i) => (3, 0, i),
        Key::Trait(t, i) => (4, t, i),
        Key::Broadcaster => (5, 0, 0),
        Key::Kin(t, i) => (6, t, i),
    }
}

fn key_of(tag: u8, sub: u8, i: u32) -> Option<Key> {
    Some(match tag {
        0 => Key::Occupation(i),
        1 => Key::Role(i),
        2 => Key::PublicRole(i),
        3 => Key::Team(i),
        4 => Key::Trait(sub, i),
        5 => Key::Broadcaster,
        6 => Key::Kin(sub, i),
        _ => return None,
    })
}

impl Compiled {
    /// The compiled roster as bytes.
    #[must_use]
    pub fn encode(&self) -> Vec<u8> {
        let mut w = Writer::default();
        w.0.extend_from_slice(MAGIC);
        let p = &self.roster.practice;
        w.str(&p.name);
        w.strs(&p.staff);
        w.opt_str(p.population.map(|n| n.to_string()).as_deref());
        w.strs(&p.places);
        w.len(self.roster.clients.len());
        for c in &self.roster.clients {
            w.str(c.id.as_str());
            w.str(&c.name);
            w.strs(&c.aliases);
            w.u8(u8::from(c.public_figure));
            let a = &c.attributes;
            w.opt_str(a.occupation.as_deref());
            w.opt_str(a.age.map(|n| n.to_string()).as_deref());
            w.opt_str(a.gender.as_deref());
            w.strs(&a.traits);
            w.strs(&a.affiliations);
            w.strs(&a.places);
            w.strs(&c.emails);
            w.strs(&c.phones);
            w.len(c.consent.len());
            for k in &c.consent {
                w.str(&k.id);
                w.u8(k.scope.bits());
                w.len(k.channels.len());
                for ch in &k.channels {
                    w.u8(channel_tag(*ch));
                }
                w.date(Some(k.granted));
                w.date(k.expires);
                w.date(k.revoked);
                w.opt_str(k.evidence.as_deref());
            }
        }
        let needles = self.names.needles();
        w.len(needles.len());
        for (id, n) in (0u32..).zip(&needles) {
            let targets = self.targets.get(id);
            w.str(n);
            w.len(targets.len());
            for t in targets {
                match *t {
                    Target::Exempt => w.u8(0),
                    Target::Staff => w.u8(1),
                    Target::Client { client, form } => {
                        w.u8(2);
                        w.u32(client);
                        w.u8(form_tag(form));
                    }
                }
            }
        }
        for inits in &self.initials {
            let s: String = inits.iter().collect();
            w.str(&s);
        }
        let cue_needles = self.cues.index.needles();
        w.len(cue_needles.len());
        for (n, kinds) in cue_needles.iter().zip(&self.cues.kinds) {
            w.str(n);
            w.len(kinds.len());
            for k in kinds {
                let (tag, owner) = match *k {
                    CueKind::RosterAttribute(o) => (0, o),
                    CueKind::RosterTrait(o) => (1, o),
                    CueKind::RosterPlace(o) => (2, o),
                    CueKind::RosterWorkplace(o) => (3, o),
                    _ => (255, 0),
                };
                w.u8(tag);
                w.u32(owner);
            }
        }
        for p in &self.profiles {
            w.len(p.keys.len());
            for k in &p.keys {
                let (tag, sub, i) = key_parts(*k);
                w.u8(tag);
                w.u8(sub);
                w.u32(i);
            }
            w.opt_str(p.age.map(|a| a.to_string()).as_deref());
        }
        w.0
    }

    /// Reads back what [`Compiled::encode`] wrote; `None` if the bytes are not that.
    #[must_use]
    pub fn decode(bytes: &[u8]) -> Option<Compiled> {
        let mut r = Reader { bytes, pos: 0 };
        if r.take(MAGIC.len())? != MAGIC {
            return None;
        }
        let practice = Practice {
            name: r.string()?,
            staff: r.strings()?,
            population: match r.opt_string()? {
                Some(s) => Some(s.parse().ok()?),
                None => None,
            },
            places: r.strings()?,
        };
        let n = r.len()?;
        let mut clients = Vec::with_capacity(n);
        for _ in 0..n {
            let id = ClientId::new(r.string()?);
            let name = r.string()?;
            let aliases = r.strings()?;
            let public_figure = r.u8()? == 1;
            let attributes = Attributes {
                occupation: r.opt_string()?,
                age: match r.opt_string()? {
                    Some(s) => Some(s.parse().ok()?),
                    None => None,
                },
                gender: r.opt_string()?,
                traits: r.strings()?,
                affiliations: r.strings()?,
                places: r.strings()?,
            };
            let emails = r.strings()?;
            let phones = r.strings()?;
            let k = r.len()?;
            let mut consent = Vec::with_capacity(k);
            for _ in 0..k {
                let id = r.string()?;
                let scope = Disclosures::from_bits(r.u8()?);
                let nc = r.len()?;
                let channels = (0..nc)
                    .map(|_| r.u8().and_then(channel_of))
                    .collect::<Option<_>>()?;
                consent.push(ConsentRecord {
                    id,
                    scope,
                    channels,
                    granted: r.date()??,
                    expires: r.date()?,
                    revoked: r.date()?,
                    evidence: r.opt_string()?,
                });
            }
            clients.push(Client {
                id,
                name,
                aliases,
                public_figure,
                attributes,
                emails,
                phones,
                consent,
            });
        }
        let count = r.len()?;
        let mut names = NameIndex::with_capacity(count);
        let mut targets = Targets::default();
        let mut list = Vec::new();
        for _ in 0..count {
            names.insert_new(r.str()?);
            let nt = r.len()?;
            list.clear();
            for _ in 0..nt {
                list.push(match r.u8()? {
                    0 => Target::Exempt,
                    1 => Target::Staff,
                    2 => Target::Client {
                        client: r.u32()?,
                        form: form_of(r.u8()?)?,
                    },
                    _ => return None,
                });
            }
            targets.push_list(&list);
        }
        let initials = (0..clients.len())
            .map(|_| r.str().map(|s| s.chars().collect()))
            .collect::<Option<Vec<Vec<char>>>>()?;
        let mut cues = RosterNeedles::default();
        for _ in 0..r.len()? {
            cues.index.insert(r.str()?);
            let nk = r.len()?;
            let mut ks = Vec::with_capacity(nk);
            for _ in 0..nk {
                let (tag, owner) = (r.u8()?, r.u32()?);
                ks.push(match tag {
                    0 => CueKind::RosterAttribute(owner),
                    1 => CueKind::RosterTrait(owner),
                    2 => CueKind::RosterPlace(owner),
                    3 => CueKind::RosterWorkplace(owner),
                    _ => return None,
                });
            }
            cues.kinds.push(ks);
        }
        let mut profiles = Vec::with_capacity(clients.len());
        for _ in 0..clients.len() {
            let nk = r.len()?;
            let mut keys = BTreeSet::new();
            for _ in 0..nk {
                keys.insert(key_of(r.u8()?, r.u8()?, r.u32()?)?);
            }
            let age = match r.opt_string()? {
                Some(s) => Some(s.parse().ok()?),
                None => None,
            };
            profiles.push(Profile { keys, age });
        }
        if r.pos != bytes.len() || targets.len() != names.len() {
            return None;
        }
        let roster = Roster { practice, clients };
        Some(Compiled {
            // Rebuilt rather than stored: hashing the addresses is cheap.
            contacts: crate::contact::ContactIndex::new(&roster),
            roster,
            names,
            targets,
            initials,
            cues,
            profiles,
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::cues::CueMatcher;
    use crate::document::{Channel, Document};
    use crate::lexicon::Lexicons;
    use crate::roster::Roster;
    use crate::rules::{EXAMPLE_ROSTER, RuleSet};
    use crate::scanner::{Compiled, Scanner};

    #[test]
    fn a_compiled_roster_reads_back_and_scans_the_same() {
        let lx = Lexicons::builtin().unwrap();
        let roster = Roster::from_yaml(EXAMPLE_ROSTER, "x").unwrap();
        let bytes = Compiled::new(roster.clone(), &lx, &CueMatcher::lexicon(&lx))
            .unwrap()
            .encode();
        let back = Compiled::decode(&bytes).expect("decodes");
        assert_eq!(back.encode(), bytes);
        let fresh = Scanner::new(roster, RuleSet::builtin().unwrap()).unwrap();
        let cached = Scanner::from_compiled(back, RuleSet::builtin().unwrap(), lx);
        let today = "2026-11-22".parse().unwrap();
        for text in [
            "Mary Jones came in for a massage",
            "Our favourite 85-year-old who drives a Porsche was on my table",
            "Mrs. Jones and @maryj",
            "Write to mary.jones@example.org or call (555) 123-4567",
        ] {
            let doc = Document::new(text, Channel::Social);
            let scan = fresh.scan(&doc, today);
            assert!(!scan.findings.is_empty(), "{text}");
            assert_eq!(scan, cached.scan(&doc, today), "{text}");
        }
    }

    #[test]
    fn corrupt_bytes_are_refused() {
        let lx = Lexicons::builtin().unwrap();
        let roster = Roster::from_yaml(EXAMPLE_ROSTER, "x").unwrap();
        let bytes = Compiled::new(roster, &lx, &CueMatcher::lexicon(&lx))
            .unwrap()
            .encode();
        for cut in [0, 7, 8, 100, bytes.len() - 1] {
            assert!(Compiled::decode(&bytes[..cut]).is_none(), "cut at {cut}");
        }
        let mut flipped = bytes.clone();
        flipped[8] = 0xff;
        assert!(Compiled::decode(&flipped).is_none());
    }
}
