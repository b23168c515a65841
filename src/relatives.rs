//! Which clients' roster entries name each other as relatives.
//!
//! A roster says "wife of Sgt. Maurice Kelleher" on one client and lists Maurice Kelleher as
//! another. When a draft names a relative ("the Sarge's missus is in for her blow dry"), the
//! client meant is the one whose entry is that relative, not the one named. Working that out
//! reads every client's traits and affiliations, so it is done once per roster, the first
//! time a draft asks.

use std::collections::HashMap;

use crate::lexicon::Kinship;
use crate::normalize::normalize;
use crate::roster::{Client, Roster};

/// Per client, the client their roster entries tie them to as relatives.
#[derive(Debug, Default)]
pub(crate) struct Relatives {
    of: Vec<Option<u32>>,
}

impl Relatives {
    /// Ties each client to the first client (in roster order) that one of their traits or
    /// affiliations names as a relative ("husband of Noreen Kelleher"); failing that, to the
    /// first client whose traits or affiliations name them so.
    pub(crate) fn new(roster: &Roster, kin: &Kinship) -> Relatives {
        let clients = &roster.clients;
        let mut by_name: HashMap<String, Vec<u32>> = HashMap::new();
        let mut longest = 0;
        for (i, client) in (0u32..).zip(clients) {
            for name in names(client) {
                longest = longest.max(name.split(' ').count());
                let ids = by_name.entry(name).or_default();
                if ids.last() != Some(&i) {
                    ids.push(i);
                }
            }
        }
        let mut named_by_me: Vec<Option<u32>> = vec![None; clients.len()];
        let mut names_me: Vec<Option<u32>> = vec![None; clients.len()];
        for (i, client) in (0u32..).zip(clients) {
            // (Rosters write a relative as a trait or, now and then, as an affiliation.)
            let a = &client.attributes;
            for t in a.traits.iter().chain(&a.affiliations) {
                let t = normalize(t);
                if !kin.names_a_relative(&t) {
                    continue;
                }
                // ("Bernice Calloway's son" names Bernice Calloway.)
                let words: Vec<&str> = t
                    .split(' ')
                    .map(|w| w.strip_suffix("'s").unwrap_or(w))
                    .collect();
                for start in 0..words.len() {
                    for len in 2..=longest.min(words.len() - start) {
                        let Some(ids) = by_name.get(&words[start..start + len].join(" ")) else {
                            continue;
                        };
                        for &j in ids.iter().filter(|&&j| j != i) {
                            keep_first(&mut named_by_me[i as usize], j);
                            keep_first(&mut names_me[j as usize], i);
                        }
                    }
                }
            }
        }
        let of = named_by_me
            .into_iter()
            .zip(names_me)
            .map(|(mine, me)| mine.or(me))
            .collect();
        Relatives { of }
    }

    /// The client `client`'s roster entries tie them to as a relative.
    pub(crate) fn of(&self, client: u32) -> Option<u32> {
        self.of.get(client as usize).copied().flatten()
    }
}

/// Keeps in `slot` the earliest client (in roster order) seen so far.
fn keep_first(slot: &mut Option<u32>, client: u32) {
    *slot = Some(slot.map_or(client, |s| s.min(client)));
}

/// The names of several words a trait may give a client by: in full, by its first two words
/// ("mother of mayor Patricia Muñoz" for Patricia Muñoz Vera) or by an alias.
fn names(client: &Client) -> Vec<String> {
    let full = normalize(&client.name);
    let short = full.split(' ').take(2).collect::<Vec<_>>().join(" ");
    let aliases = client.aliases.iter().map(|a| normalize(a));
    std::iter::once(full)
        .chain(Some(short))
        .chain(aliases)
        .filter(|n| n.contains(' '))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicons;

    const ROSTER: &str = "
version: 1
practice: {name: Test, population: 1000}
clients:
  - {id: A, name: Noreen Kelleher}
  - {id: B, name: Maurice Kelleher, attributes: {traits: [husband of Noreen Kelleher]}}
  - {id: C, name: Ann Lee}
  - {id: D, name: Joann Leeds, attributes: {traits: [owns a red car]}}
  - {id: E, name: Patricia Muñoz Vera}
  - {id: F, name: Rosa Vera, attributes: {traits: [mother of mayor Patricia Muñoz]}}
  - {id: G, name: Bernice Calloway}
  - {id: H, name: Michael Calloway, attributes: {traits: [Bernice Calloway’s son]}}
  - {id: I, name: Theresa Jung}
  - {id: J, name: Young-ja Baek, attributes: {affiliations: [mother of Councillor Theresa Jung]}}
";

    #[test]
    fn ties_each_side_of_a_relative_trait_and_no_one_else() {
        let roster = Roster::from_yaml(ROSTER, "r.yaml").unwrap();
        let kin = Lexicons::builtin().unwrap().kin;
        let relatives = Relatives::new(&roster, &kin);
        // B's trait names A; A is named by B's trait.
        assert_eq!(relatives.of(1), Some(0));
        assert_eq!(relatives.of(0), Some(1));
        // F's trait names E by her first two words.
        assert_eq!(relatives.of(5), Some(4));
        assert_eq!(relatives.of(4), Some(5));
        // H's trait names G with a possessive.
        assert_eq!(relatives.of(7), Some(6));
        assert_eq!(relatives.of(6), Some(7));
        // J's affiliation names I.
        assert_eq!(relatives.of(9), Some(8));
        // A trait that names no relative ties nobody; nor does a client out of range.
        assert_eq!(relatives.of(2), None);
        assert_eq!(relatives.of(3), None);
        assert_eq!(relatives.of(99), None);
    }
}
