//! Written consent: which records cover which disclosures, on which channel, on which day.
//!
//! A record covers a client's findings in a draft when it was granted on or before today, has
//! not expired or been revoked, names its signed `evidence`, lists the draft's channel (or
//! `any`), and its scope holds every kind of thing the draft discloses about that client.
//! Anything less is not written consent, and the finding counts.

use std::fmt;

use serde::Deserialize;

use crate::date::Date;
use crate::document::Channel;

/// A kind of thing a draft can disclose about a client.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Disclosure {
    /// That the person is a client at all.
    Status,
    /// Their name, alias, handle or initials.
    Name,
    /// Details about them: job, habits, a quote, a testimonial.
    Story,
    /// A photo of them.
    Photo,
    /// Conditions, injuries, surgery, pregnancy, what was treated.
    Health,
}

impl Disclosure {
    /// Every kind, in scope order.
    pub const ALL: [Disclosure; 5] = [
        Disclosure::Status,
        Disclosure::Name,
        Disclosure::Story,
        Disclosure::Photo,
        Disclosure::Health,
    ];

    /// The lowercase name used in rosters and reports.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Disclosure::Status => "status",
            Disclosure::Name => "name",
            Disclosure::Story => "story",
            Disclosure::Photo => "photo",
            Disclosure::Health => "health",
        }
    }

    fn bit(self) -> u8 {
        1 << (self as u8)
    }
}

/// A set of [`Disclosure`]s.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Disclosures(u8);

impl Disclosures {
    /// The empty set.
    pub const NONE: Disclosures = Disclosures(0);

    pub(crate) fn bits(self) -> u8 {
        self.0
    }

    pub(crate) fn from_bits(bits: u8) -> Self {
        Disclosures(bits & 0b1_1111)
    }

    /// Adds one kind.
    #[must_use]
    pub fn with(self, d: Disclosure) -> Self {
        Disclosures(self.0 | d.bit())
    }

    /// Union of two sets.
    #[must_use]
    pub fn union(self, other: Disclosures) -> Self {
        Disclosures(self.0 | other.0)
    }

    /// Whether `d` is in the set.
    #[must_use]
    pub fn contains(self, d: Disclosure) -> bool {
        self.0 & d.bit() != 0
    }

    /// Whether every kind of `other` is in `self`.
    #[must_use]
    pub fn covers(self, other: Disclosures) -> bool {
        other.0 & !self.0 == 0
    }

    /// The kinds in the set, in scope order.
    pub fn iter(self) -> impl Iterator<Item = Disclosure> {
        Disclosure::ALL
            .into_iter()
            .filter(move |d| self.contains(*d))
    }
}

impl FromIterator<Disclosure> for Disclosures {
    fn from_iter<I: IntoIterator<Item = Disclosure>>(iter: I) -> Self {
        iter.into_iter().fold(Disclosures::NONE, Disclosures::with)
    }
}

impl fmt::Display for Disclosures {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<_> = self.iter().map(Disclosure::as_str).collect();
        f.write_str(&names.join(", "))
    }
}

/// A channel a consent record lists: one channel or `any`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChannelScope {
    /// Every channel.
    Any,
    /// One channel.
    One(Channel),
}

impl<'de> Deserialize<'de> for ChannelScope {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        if s.trim().eq_ignore_ascii_case("any") {
            return Ok(ChannelScope::Any);
        }
        s.parse().map(ChannelScope::One).map_err(|_| {
            serde::de::Error::custom(
                "unknown channel: expected one of social, newsletter, raffle, blog, email, any",
            )
        })
    }
}

/// One written consent record of a client.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConsentRecord {
    /// The record's id, unique in the roster; reports cite it as `allowed_by`.
    pub id: String,
    /// What the client agreed may be disclosed.
    pub scope: Disclosures,
    /// Where.
    pub channels: Vec<ChannelScope>,
    /// The day it was signed.
    pub granted: Date,
    /// The last day it holds, if it lapses.
    pub expires: Option<Date>,
    /// The day it was withdrawn, if it was.
    pub revoked: Option<Date>,
    /// Where the signed document is kept. Without it the record is not written consent.
    pub evidence: Option<String>,
}

/// Why a consent record does not cover a disclosure.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Gap {
    /// Granted after the day being judged.
    NotYetGranted(Date),
    /// Lapsed before the day being judged.
    Expired(Date),
    /// Withdrawn on or before the day being judged.
    Revoked(Date),
    /// No signed document on file.
    NoEvidence,
    /// The draft's channel is not listed.
    Channel(Channel),
    /// These kinds are disclosed but not in scope.
    Scope(Disclosures),
}

impl fmt::Display for Gap {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Gap::NotYetGranted(d) => write!(f, "not granted until {d}"),
            Gap::Expired(d) => write!(f, "expired {d}"),
            Gap::Revoked(d) => write!(f, "revoked {d}"),
            Gap::NoEvidence => f.write_str("no signed evidence on file"),
            Gap::Channel(c) => write!(f, "does not cover the {c} channel"),
            Gap::Scope(s) => write!(f, "scope lacks {s}"),
        }
    }
}

impl ConsentRecord {
    /// The first reason this record does not cover `disclosed` on `channel` on `today`, or
    /// `None` when it covers it.
    #[must_use]
    pub fn gap(&self, channel: Channel, today: Date, disclosed: Disclosures) -> Option<Gap> {
        if self.granted > today {
            return Some(Gap::NotYetGranted(self.granted));
        }
        if let Some(e) = self.expires.filter(|&e| e < today) {
            return Some(Gap::Expired(e));
        }
        if let Some(r) = self.revoked.filter(|&r| r <= today) {
            return Some(Gap::Revoked(r));
        }
        if self.evidence.as_deref().is_none_or(|e| e.trim().is_empty()) {
            return Some(Gap::NoEvidence);
        }
        let listed = self
            .channels
            .iter()
            .any(|c| *c == ChannelScope::Any || *c == ChannelScope::One(channel));
        if !listed {
            return Some(Gap::Channel(channel));
        }
        if !self.scope.covers(disclosed) {
            return Some(Gap::Scope(Disclosures(disclosed.0 & !self.scope.0)));
        }
        None
    }
}

/// What consent says about one client's findings in one draft.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Coverage {
    /// This record covers everything disclosed.
    Allowed(String),
    /// No record covers it; each record's reason (record id, gap).
    Denied(Vec<(String, Gap)>),
}

/// Judges `records` for a draft on `channel` that discloses `disclosed` on `today`.
#[must_use]
pub fn judge(
    records: &[ConsentRecord],
    channel: Channel,
    today: Date,
    disclosed: Disclosures,
) -> Coverage {
    let mut gaps = Vec::new();
    for r in records {
        match r.gap(channel, today, disclosed) {
            None => return Coverage::Allowed(r.id.clone()),
            Some(g) => gaps.push((r.id.clone(), g)),
        }
    }
    Coverage::Denied(gaps)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    fn record() -> ConsentRecord {
        ConsentRecord {
            id: "K-1".into(),
            scope: [Disclosure::Status, Disclosure::Name].into_iter().collect(),
            channels: vec![ChannelScope::One(Channel::Raffle)],
            granted: d("2026-01-01"),
            expires: Some(d("2026-12-31")),
            revoked: None,
            evidence: Some("k1.pdf".into()),
        }
    }

    fn named() -> Disclosures {
        [Disclosure::Status, Disclosure::Name].into_iter().collect()
    }

    #[test]
    fn current_record_covers_its_scope_and_channel() {
        assert_eq!(
            record().gap(Channel::Raffle, d("2026-06-01"), named()),
            None
        );
        assert_eq!(
            record().gap(Channel::Raffle, d("2026-12-31"), named()),
            None
        );
    }

    #[test]
    fn each_gap_is_reported() {
        let r = record();
        assert_eq!(
            r.gap(Channel::Raffle, d("2027-01-01"), named()),
            Some(Gap::Expired(d("2026-12-31")))
        );
        assert_eq!(
            r.gap(Channel::Raffle, d("2025-12-31"), named()),
            Some(Gap::NotYetGranted(d("2026-01-01")))
        );
        assert_eq!(
            r.gap(Channel::Social, d("2026-06-01"), named()),
            Some(Gap::Channel(Channel::Social))
        );
        let health = named().with(Disclosure::Health);
        assert_eq!(
            r.gap(Channel::Raffle, d("2026-06-01"), health),
            Some(Gap::Scope(Disclosures::NONE.with(Disclosure::Health)))
        );
        let revoked = ConsentRecord {
            revoked: Some(d("2026-05-01")),
            ..record()
        };
        assert_eq!(
            revoked.gap(Channel::Raffle, d("2026-06-01"), named()),
            Some(Gap::Revoked(d("2026-05-01")))
        );
        let no_evidence = ConsentRecord {
            evidence: None,
            ..record()
        };
        assert_eq!(
            no_evidence.gap(Channel::Raffle, d("2026-06-01"), named()),
            Some(Gap::NoEvidence)
        );
    }

    #[test]
    fn any_channel_covers_all() {
        let r = ConsentRecord {
            channels: vec![ChannelScope::Any],
            ..record()
        };
        assert!(matches!(
            judge(&[r], Channel::Blog, d("2026-06-01"), named()),
            Coverage::Allowed(id) if id == "K-1"
        ));
    }
}
