//! The distinctive words of each client's roster description, for telling apart the clients a
//! description in a draft could fit.
//!
//! Lexicon cues say *what kind* of thing a draft describes (a captain, an alpaca, a 79-year-old)
//! and [`crate::assess`] attributes a description to the client whose attributes match the
//! most cues. Two clients often match equally: both captains, both in the mayor's family. A
//! writer paraphrases the roster ("the Rovers skipper" for "captain of Hollinthwaite Rovers",
//! "she still rides that purple three-wheeler" for "rides a purple three-wheeled trike"), and
//! the words the two share (*Rovers*, *purple*) tell the clients apart where the cues cannot.
//!
//! Only words that say something count: not the commonest English words, not words of the
//! practice's own name, places or staff (in every post), and not words on the entries of more
//! than [`MAX_CLIENTS`] clients ("retired", "club").

use std::collections::{HashMap, HashSet};

use crate::lexicon::Lexicons;
use crate::normalize::normalize;
use crate::roster::Roster;

/// A word on more clients' entries than this describes none of them.
const MAX_CLIENTS: usize = 3;

/// Words at or above this English frequency rank ("right", "office", "left") are too common to
/// be evidence; below it ("shoulder", "purple", "football") they are.
const COMMON_RANK: u32 = 500;

/// Distinctive description words → the clients whose entries hold them.
#[derive(Debug, Default)]
pub(crate) struct Descriptors {
    index: HashMap<String, Vec<u32>>,
    /// The same for the words of traits alone (a car, a pet, a hobby): what a writer retells
    /// in their own words to point at someone.
    traits: HashMap<String, Vec<u32>>,
}

impl Descriptors {
    /// Indexes the occupation, traits, affiliations and places of every client, and the traits
    /// alone.
    pub(crate) fn new(roster: &Roster, lx: &Lexicons) -> Descriptors {
        let practice: HashSet<String> = std::iter::once(&roster.practice.name)
            .chain(&roster.practice.places)
            .chain(&roster.practice.staff)
            .flat_map(|p| words(&normalize(p)).collect::<Vec<_>>())
            .collect();
        let mut index: HashMap<String, Vec<u32>> = HashMap::new();
        let mut traits: HashMap<String, Vec<u32>> = HashMap::new();
        for (i, c) in (0u32..).zip(&roster.clients) {
            let a = &c.attributes;
            // Each distinctive word once per client, in client order.
            let add = |map: &mut HashMap<String, Vec<u32>>, phrase: &str| {
                for w in words(&normalize(phrase)) {
                    if practice.contains(&w) || !distinctive(&w, lx) {
                        continue;
                    }
                    let owners = map.entry(w).or_default();
                    if owners.last() != Some(&i) {
                        owners.push(i);
                    }
                }
            };
            for phrase in &a.traits {
                add(&mut traits, phrase);
            }
            let phrases = a
                .occupation
                .iter()
                .chain(&a.traits)
                .chain(&a.affiliations)
                .chain(&a.places);
            for phrase in phrases {
                add(&mut index, phrase);
            }
        }
        index.retain(|_, owners| owners.len() <= MAX_CLIENTS);
        traits.retain(|_, owners| owners.len() <= MAX_CLIENTS);
        Descriptors { index, traits }
    }

    /// For each client whose entry shares a distinctive word with `text`, how many it shares.
    fn counts(&self, text: &str) -> HashMap<u32, usize> {
        count(&self.index, text)
    }

    /// The one client whose traits share at least `min` distinctive words with `text`, and
    /// `margin` more than any other client's.
    pub(crate) fn best_traits(&self, text: &str, min: usize, margin: usize) -> Option<u32> {
        top(count(&self.traits, text), min, margin)
    }

    /// For each of `clients`, how many distinct distinctive words of theirs `text` holds.
    pub(crate) fn overlap(&self, text: &str, clients: &[u32]) -> Vec<usize> {
        let counts = self.counts(text);
        clients
            .iter()
            .map(|c| counts.get(c).copied().unwrap_or(0))
            .collect()
    }

    /// The one client whose description shares the most distinctive words with `text`, if it
    /// shares at least `min` and `margin` more than any other client.
    pub(crate) fn best(&self, text: &str, min: usize, margin: usize) -> Option<u32> {
        top(self.counts(text), min, margin)
    }
}

/// For each client whose words in `index` `text` holds, how many distinct ones.
fn count(index: &HashMap<String, Vec<u32>>, text: &str) -> HashMap<u32, usize> {
    let seen: HashSet<String> = words(&normalize(text)).collect();
    let mut counts: HashMap<u32, usize> = HashMap::new();
    for owners in seen.iter().filter_map(|w| index.get(w)) {
        for &c in owners {
            *counts.entry(c).or_default() += 1;
        }
    }
    counts
}

/// The client with the most words, if at least `min` and `margin` more than the next.
fn top(counts: HashMap<u32, usize>, min: usize, margin: usize) -> Option<u32> {
    let mut ranked: Vec<(u32, usize)> = counts.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    match ranked.as_slice() {
        [(c, n), rest @ ..] if *n >= min && rest.first().is_none_or(|r| r.1 + margin <= *n) => {
            Some(*c)
        }
        _ => None,
    }
}

/// Whether a normalised word says something about someone.
fn distinctive(w: &str, lx: &Lexicons) -> bool {
    w.chars().count() >= 3
        && w.chars().any(char::is_alphabetic)
        && !lx.is_common_word(w, COMMON_RANK)
}

/// The words of a normalised text, each reduced to a simple stem so that "alpacas" meets
/// "alpaca" and "wheeled" meets "wheel".
fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(stem)
}

/// A light English stem: plural and past-tense endings off, nothing cleverer.
fn stem(w: &str) -> String {
    let n = w.len();
    let cut = if n > 4 && w.ends_with("ies") {
        return format!("{}y", &w[..n - 3]);
    } else if n > 4 && (w.ends_with("ches") || w.ends_with("shes") || w.ends_with("xes")) {
        2
    } else if n > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") {
        1
    } else if n > 5 && w.ends_with("ed") {
        2
    } else {
        0
    };
    w[..n - cut].to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_meet_across_plural_and_past_forms() {
        assert_eq!(stem("alpacas"), "alpaca");
        assert_eq!(stem("alpaca"), "alpaca");
        assert_eq!(stem("wheeled"), "wheel");
        assert_eq!(stem("ponies"), "pony");
        assert_eq!(stem("benches"), "bench");
        assert_eq!(stem("glass"), "glass");
        assert_eq!(stem("bus"), "bus");
    }
}
