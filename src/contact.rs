//! Email addresses and phone numbers as identifiers: a client's own address or number in a
//! draft names them as surely as their full name.
//!
//! Both are found in one pass over the draft's original bytes, with hash lookups, whatever the
//! roster's size (no per-client pattern):
//!
//! - an **email** is found at each `@`: the address around it is read outwards (local part to
//!   the left, domain to the right) and looked up whole, case-insensitively, so
//!   `xmary@example.org` is not `mary@example.org`. Quotes, brackets and Markdown emphasis just
//!   before the address are tried without, so `<mary@example.org>` and `_mary@example.org_`
//!   are found.
//! - a **phone** is found on its digits: a run of digits and the separators people write
//!   (`(555) 123-4567`, `555.123.4567`, `+1 555 123 4567`) is reduced to its digits, leading
//!   zeros (a trunk `0`, an international `00`) dropped; it matches a roster number when one of
//!   the two is a suffix of the other and the shorter has at least [`MIN_DIGITS`] digits. So a
//!   country code or a trunk prefix may be there or not, and a shorter number than seven digits
//!   never matches.
//!
//! Spans are byte ranges of the original text. Nothing here renders an address or a number:
//! the index holds them, and its `Debug` shows counts only.

use rustc_hash::FxHashMap;

use crate::roster::Roster;
use crate::span::Span;

/// The fewest significant digits (leading zeros dropped) a phone number needs, in the roster
/// and in a draft: fewer would match order numbers, prices and dates.
pub const MIN_DIGITS: usize = 7;

/// The most digits a phone number has (E.164 allows 15; a little slack for prefixes).
const MAX_DIGITS: usize = 17;

/// What kind of contact detail a hit is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ContactKind {
    /// An email address.
    Email,
    /// A phone number.
    Phone,
}

/// A client's email or phone found in a draft.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ContactHit {
    /// Where, in the original bytes.
    pub span: Span,
    /// The client's roster position.
    pub client: u32,
    /// Email or phone.
    pub kind: ContactKind,
}

/// Whether `c` may appear in the local part of an address (RFC 5322 atext, plus `.`).
fn is_local(c: char) -> bool {
    c.is_alphanumeric() || "!#$%&'*+-/=?^_`{|}~.".contains(c)
}

/// Whether `c` may appear in a domain name.
fn is_domain(c: char) -> bool {
    c.is_alphanumeric() || c == '-' || c == '.'
}

/// Whether `s` is an address the scanner can find: one `@`, a local part of address
/// characters, a domain with a dot that neither starts nor ends with a dot or hyphen.
#[must_use]
pub fn is_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && local.chars().all(is_local)
        && domain.contains('.')
        && domain.chars().all(is_domain)
        && !domain.starts_with(['.', '-'])
        && !domain.ends_with(['.', '-'])
        && !domain.contains("..")
}

/// The form an address is compared in: lower case.
#[must_use]
pub fn email_key(s: &str) -> String {
    s.trim().to_lowercase()
}

/// The significant digits of a phone number: every ASCII digit, leading zeros dropped, and a
/// trunk `(0)` as in `+44 (0)20 7946 0958` left out.
#[must_use]
pub fn phone_key(s: &str) -> String {
    let digits: String = s
        .replace("(0)", "")
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    digits.trim_start_matches('0').to_owned()
}

/// Checks a roster phone number: digits and the usual separators only, and enough digits.
///
/// # Errors
/// Why it is not a phone number lipzip can find (no value quoted).
pub fn check_phone(s: &str) -> Result<(), &'static str> {
    if !s
        .chars()
        .all(|c| c.is_ascii_digit() || is_phone_separator(c) || c == '+')
    {
        return Err(
            "not a phone number: only digits, spaces and + ( ) - . / (no letters or extensions)",
        );
    }
    let key = phone_key(s);
    if key.len() < MIN_DIGITS {
        return Err("too few digits for a phone number: at least 7 besides leading zeros");
    }
    if key.len() > MAX_DIGITS {
        return Err("too many digits for a phone number");
    }
    Ok(())
}

fn is_phone_separator(c: char) -> bool {
    matches!(
        c,
        ' ' | '-' | '.' | '(' | ')' | '/' | '\u{a0}' | '\u{2009}' | '\u{202f}' | '\u{2010}'
            ..='\u{2013}'
    )
}

/// Whether two phone keys are the same number: one is a suffix of the other, and the shorter
/// has enough digits.
#[must_use]
pub fn same_phone(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    short.len() >= MIN_DIGITS && long.ends_with(short)
}

/// The last [`MIN_DIGITS`] digits of a key, as a number: the bucket a phone is indexed under.
fn bucket(key: &str) -> Option<u32> {
    let tail = key.get(key.len().checked_sub(MIN_DIGITS)?..)?;
    tail.parse().ok()
}

/// A roster phone number: its significant digits as a number, how many there are, and whose.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct PhoneEntry {
    bucket: u32,
    digits: u64,
    len: u8,
    client: u32,
}

/// Whether two numbers (significant digits, count) are the same phone: one's digits end the
/// other's, and the shorter has enough of them. The shorter never starts with a zero, so
/// comparing the longer's last digits as a number is exact.
fn same_number(a: (u64, u8), b: (u64, u8)) -> bool {
    let (short, long) = if a.1 <= b.1 { (a, b) } else { (b, a) };
    usize::from(short.1) >= MIN_DIGITS
        && 10u64
            .checked_pow(u32::from(short.1))
            .is_some_and(|m| long.0 % m == short.0)
}

fn number(key: &str) -> Option<(u64, u8)> {
    Some((key.parse().ok()?, u8::try_from(key.len()).ok()?))
}

/// Every client's emails and phones, indexed for one-pass lookup. Flat: one map per kind into
/// one sorted list, since a roster of 100,000 clients has that many of each.
#[derive(Default)]
pub struct ContactIndex {
    /// Lower-case address → range of `email_clients`.
    emails: FxHashMap<Box<str>, (u32, u32)>,
    email_clients: Vec<u32>,
    /// Last seven digits → range of `phone_entries`.
    phones: FxHashMap<u32, (u32, u32)>,
    phone_entries: Vec<PhoneEntry>,
}

impl std::fmt::Debug for ContactIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ContactIndex")
            .field("emails", &self.emails.len())
            .field("phones", &self.phone_entries.len())
            .finish()
    }
}

/// `(start, len)` ranges of runs of equal keys in a sorted list.
fn runs<T, K: PartialEq>(items: &[T], key: impl Fn(&T) -> K) -> Vec<(K, (u32, u32))> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 1..=items.len() {
        if i == items.len() || key(&items[i]) != key(&items[start]) {
            let (s, n) = (
                u32::try_from(start).unwrap_or(u32::MAX),
                u32::try_from(i - start).unwrap_or(u32::MAX),
            );
            out.push((key(&items[start]), (s, n)));
            start = i;
        }
    }
    out
}

impl ContactIndex {
    /// Indexes every client's emails and phones.
    #[must_use]
    pub fn new(roster: &Roster) -> ContactIndex {
        let mut emails: Vec<(String, u32)> = Vec::new();
        let mut phones: Vec<PhoneEntry> = Vec::new();
        for (i, c) in roster.clients.iter().enumerate() {
            let Ok(client) = u32::try_from(i) else { break };
            emails.extend(c.emails.iter().map(|e| (email_key(e), client)));
            for p in &c.phones {
                let key = phone_key(p);
                if let (Some(bucket), Some((digits, len))) = (bucket(&key), number(&key)) {
                    phones.push(PhoneEntry {
                        bucket,
                        digits,
                        len,
                        client,
                    });
                }
            }
        }
        emails.sort_unstable();
        emails.dedup();
        phones.sort_unstable();
        phones.dedup();
        let mut index = ContactIndex::default();
        index.emails.reserve(emails.len());
        for (key, range) in runs(&emails, |(k, _)| k.clone()) {
            index.emails.insert(key.into_boxed_str(), range);
        }
        index.email_clients = emails.into_iter().map(|(_, c)| c).collect();
        index.phones.reserve(phones.len());
        for (key, range) in runs(&phones, |p| p.bucket) {
            index.phones.insert(key, range);
        }
        index.phone_entries = phones;
        index
    }

    fn email_clients(&self, key: &str) -> &[u32] {
        self.emails.get(key).map_or(&[], |&(s, n)| {
            &self.email_clients[s as usize..(s + n) as usize]
        })
    }

    fn phone_entries(&self, bucket: u32) -> &[PhoneEntry] {
        self.phones.get(&bucket).map_or(&[], |&(s, n)| {
            &self.phone_entries[s as usize..(s + n) as usize]
        })
    }

    /// Whether the index holds nothing (no client has an email or phone).
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.emails.is_empty() && self.phones.is_empty()
    }

    /// Every roster email and phone in `text`, in order of start.
    #[must_use]
    pub fn find(&self, text: &str) -> Vec<ContactHit> {
        let mut out = Vec::new();
        if !self.emails.is_empty() && text.contains('@') {
            self.find_emails(text, &mut out);
        }
        if !self.phones.is_empty() {
            self.find_phones(text, &mut out);
        }
        out.sort_by_key(|h| (h.span, h.client));
        out
    }

    fn find_emails(&self, text: &str, out: &mut Vec<ContactHit>) {
        for (at, _) in text.match_indices('@') {
            let start = text[..at]
                .char_indices()
                .rev()
                .take_while(|&(_, c)| is_local(c))
                .last()
                .map_or(at, |(i, _)| i);
            let after = at + 1;
            let mut end = text[after..]
                .char_indices()
                .find(|&(_, c)| !is_domain(c))
                .map_or(text.len(), |(i, _)| after + i);
            // A sentence's full stop or a dash after the address is not part of it.
            while end > after && text[..end].ends_with(['.', '-']) {
                end -= 1;
            }
            if start == at || end == after {
                continue;
            }
            // The whole run first; then without quotes, brackets or emphasis before it.
            let mut s = start;
            loop {
                let candidate = &text[s..end];
                let clients = self.email_clients(&email_key(candidate));
                if !clients.is_empty() {
                    for &client in clients {
                        out.push(ContactHit {
                            span: Span::new(s, end),
                            client,
                            kind: ContactKind::Email,
                        });
                    }
                    break;
                }
                match text[s..at].chars().next() {
                    Some(c) if "'\"`*_([{<|~".contains(c) && s + c.len_utf8() < at => {
                        s += c.len_utf8();
                    }
                    _ => break,
                }
            }
        }
    }

    fn find_phones(&self, text: &str, out: &mut Vec<ContactHit>) {
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            let starts = b.is_ascii_digit() || ((b == b'+' || b == b'(') && next_is_digit(text, i));
            // `i` is on a char boundary here: it is an ASCII byte.
            if !starts
                || text[..i]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric)
            {
                i += 1;
                continue;
            }
            let run = read_run(text, i);
            if let Some(hit) = self.phone_at(text, &run) {
                out.extend(hit);
            }
            i = run.end.max(i + 1);
        }
    }

    /// The clients whose phone the run `run` is, with the span of the number in it.
    fn phone_at(&self, text: &str, run: &Run) -> Option<Vec<ContactHit>> {
        // A digit right after the run (`555-123-4567-2`) or a letter (`4567x12`) makes it
        // something else.
        if text[run.end..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric)
        {
            return None;
        }
        let digits: String = run.digits.iter().map(|&(_, d)| d).collect();
        let lead = digits.len() - digits.trim_start_matches('0').len();
        let key = &digits[lead..];
        if key.len() < MIN_DIGITS {
            return None;
        }
        let candidates = self.phone_entries(bucket(key)?);
        let this = number(key)?;
        let mut hits = Vec::new();
        for entry in candidates {
            if !same_number(this, (entry.digits, entry.len)) {
                continue;
            }
            let client = &entry.client;
            // The number's first digit in the draft: where the roster number's digits start,
            // or the draft's own first digit when it is the shorter.
            let first = lead + key.len().saturating_sub(usize::from(entry.len));
            let extra = &digits[..first];
            let start = if first == 0
                || run.plus
                || extra.starts_with("00")
                || matches!(extra, "0" | "1")
            {
                // A country code, trunk prefix or international prefix belongs to the number.
                run.start
            } else {
                // Other digits before it are another number ("order 12 555-123-4567").
                let at = run.digits[first].0;
                if text[..at].ends_with('(') {
                    at - 1
                } else {
                    at
                }
            };
            hits.push(ContactHit {
                span: Span::new(start, run.end),
                client: *client,
                kind: ContactKind::Phone,
            });
        }
        (!hits.is_empty()).then_some(hits)
    }
}

fn next_is_digit(text: &str, i: usize) -> bool {
    text.as_bytes().get(i + 1).is_some_and(u8::is_ascii_digit)
}

/// A run of digits and phone separators: where it starts and ends (at its last digit), and
/// its digits with their byte positions.
struct Run {
    start: usize,
    end: usize,
    plus: bool,
    digits: Vec<(usize, char)>,
}

fn read_run(text: &str, start: usize) -> Run {
    let mut run = Run {
        start,
        end: start,
        plus: text[start..].starts_with('+'),
        digits: Vec::new(),
    };
    let mut separators = 0;
    for (off, c) in text[start..].char_indices() {
        let at = start + off;
        if c.is_ascii_digit() {
            if run.digits.len() > MAX_DIGITS {
                break;
            }
            // `+44 (0)20 ...`: the bracketed trunk zero is dropped when dialling from abroad.
            let trunk = c == '0' && text[..at].ends_with('(') && text[at + 1..].starts_with(')');
            if !trunk {
                run.digits.push((at, c));
            }
            run.end = at + 1;
            separators = 0;
        } else if (c == '+' && off == 0) || (is_phone_separator(c) && c != '\n') {
            separators += 1;
            // "(555) 123" has two separators in a row; more is prose between numbers.
            if separators > 2 {
                break;
            }
        } else {
            break;
        }
    }
    run
}

#[cfg(test)]
mod tests {
    use super::*;

    const ROSTER: &str = "version: 1
practice: {name: P}
clients:
  - id: A
    name: Mary Jones
    emails: [Mary.Jones@Example.org]
    phones: [\"555-123-4567\"]
  - id: B
    name: Ian Gamble
    phones: [\"0412 345 678\", \"+44 20 7946 0958\"]
";

    fn found(text: &str) -> Vec<(String, u32)> {
        let r = Roster::from_yaml(ROSTER, "r").unwrap();
        ContactIndex::new(&r)
            .find(text)
            .into_iter()
            .map(|h| (text[h.span.range()].to_owned(), h.client))
            .collect()
    }

    #[test]
    fn emails_whole_and_case_insensitive() {
        assert_eq!(
            found("write to mary.jones@example.ORG."),
            [("mary.jones@example.ORG".to_owned(), 0)]
        );
        assert_eq!(
            found("<mary.jones@example.org>")[0].0,
            "mary.jones@example.org"
        );
        assert_eq!(
            found("_mary.jones@example.org_")[0].0,
            "mary.jones@example.org"
        );
        assert!(found("anne.mary.jones@example.org").is_empty());
        assert!(found("xmary.jones@example.org").is_empty());
        assert!(found("mary.jones@example.org.au").is_empty());
        assert!(found("mary.jones@example").is_empty());
    }

    #[test]
    fn phones_in_any_format() {
        for text in [
            "call (555) 123-4567 today",
            "call 555.123.4567 today",
            "call +1 555 123 4567 today",
            "call 5551234567 today",
            "call 1-555-123-4567 today",
            "call 555 123 4567 today",
        ] {
            let f = found(text);
            assert_eq!(f.len(), 1, "{text}: {f:?}");
            assert!(
                f[0].0.ends_with("4567")
                    && f[0].0.chars().next().is_some_and(|c| !c.is_alphabetic()),
                "{text}: {f:?}"
            );
            assert!(!f[0].0.ends_with(' '), "{f:?}");
        }
        assert_eq!(found("call (555) 123-4567")[0].0, "(555) 123-4567");
        assert_eq!(found("dial +1 555 123 4567")[0].0, "+1 555 123 4567");
        assert_eq!(found("order 12 555-123-4567")[0].0, "555-123-4567");
    }

    #[test]
    fn national_and_international_forms() {
        assert_eq!(found("ring +61 412 345 678")[0].1, 1);
        assert_eq!(found("ring 0412 345 678")[0].1, 1);
        assert_eq!(found("ring 020 7946 0958")[0].1, 1);
        assert_eq!(found("ring 0044 20 7946 0958")[0].0, "0044 20 7946 0958");
        assert_eq!(
            found("ring +44 (0)20 7946 0958")[0].0,
            "+44 (0)20 7946 0958"
        );
    }

    #[test]
    fn other_numbers_are_not_phones() {
        for text in [
            "call 555-123-4568",
            "call 555-1234",
            "we served 1,234,567 people",
            "order 55512345679",
            "2026-11-22",
            "code A5551234567",
            "555-123-4567-2",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn roster_phones_and_emails_are_checked() {
        assert!(check_phone("555-123-4567").is_ok());
        assert!(check_phone("123-45").is_err());
        assert!(check_phone("555-CALL-NOW").is_err());
        assert!(is_email("a@b.co"));
        assert!(!is_email("a@b"));
        assert!(!is_email("a b@c.org"));
        assert!(!is_email("@c.org"));
    }
}
