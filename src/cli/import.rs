//! `lipzip roster import FILE.csv`: clients from a booking system's export, merged into the
//! roster.
//!
//! The export can come from Square, Vagaro, Mindbody, Jane, Fresha or a plain spreadsheet:
//! the header row is found by its column names (case, spaces and punctuation ignored; see
//! [`field_of`]), `--map COLUMN=FIELD` names odd ones, the delimiter (comma, semicolon, tab)
//! is sniffed, and a byte-order mark, UTF-16 or a Windows-1252 file from Excel are read too.
//!
//! Merging never loses anything: an existing client keeps its id, name, consent, attributes and
//! every hand-written line, and only gains new emails, phones and nicknames. A row is the
//! same client as a roster entry when the name (or an alias) matches and, where both have
//! contact details, an email or phone matches too. New clients get the next free id in the
//! roster's own style (`C053` after `C052`): not a hash of the name, which anyone with a list
//! of names could recompute from an id in a public CI log.
//!
//! Nothing from the roster or the file's rows is printed: only counts, the recognised column
//! names, and row numbers for problems. The roster is written atomically and owner-only.

use std::collections::{BTreeMap, HashSet};
use std::fmt::Write as _;
use std::path::PathBuf;

use super::ImportArgs;
use super::roster_edit::{Additions, NewClient, edit};
use crate::contact::{check_phone, email_key, is_email, phone_key, same_phone};
use crate::normalize::normalize;
use crate::roster::Roster;

/// What a column holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Field {
    FirstName,
    LastName,
    Name,
    Email,
    Phone,
    Alias,
    Ignore,
}

impl Field {
    fn as_str(self) -> &'static str {
        match self {
            Field::FirstName => "first name",
            Field::LastName => "last name",
            Field::Name => "full name",
            Field::Email => "email",
            Field::Phone => "phone",
            Field::Alias => "nickname",
            Field::Ignore => "ignored",
        }
    }
}

/// A header as compared: lower case, letters and digits only ("E-mail Address" → "emailaddress").
fn norm_header(h: &str) -> String {
    h.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The field a (normalised) column header names, as the booking systems write them.
///
/// Sources for the names (see also the fixtures in `tests/fixtures/import/`): Square's
/// customer export ("First Name", "Last Name" or "Surname", "Email Address", "Phone Number",
/// "Nickname"); Mindbody's client fields ("First Name", "Last Name", "Middle Name", "Nickname",
/// "Email", "Cell Phone", "Home Phone", "Work Phone"); Vagaro's customer list (mobile, day and
/// night phones: "Cell Phone", "Day Phone", "Night Phone"); Jane's patient list ("Preferred
/// Name", "Mobile Phone"); Fresha's clients ("Mobile Number", "Telephone").
pub(crate) fn field_of(h: &str) -> Option<Field> {
    Some(match h {
        "firstname" | "first" | "givenname" | "fname" | "forename" | "clientfirstname"
        | "customerfirstname" | "patientfirstname" | "legalfirstname" => Field::FirstName,
        "lastname" | "last" | "surname" | "familyname" | "lname" | "clientlastname"
        | "customerlastname" | "patientlastname" | "legallastname" => Field::LastName,
        "name" | "fullname" | "client" | "clientname" | "customer" | "customername" | "patient"
        | "patientname" | "contactname" | "displayname" | "clientfullname" => Field::Name,
        "email" | "emailaddress" | "mail" | "clientemail" | "customeremail" | "patientemail"
        | "primaryemail" | "emailaddress1" | "email1" | "email2" | "secondaryemail" => Field::Email,
        "phone" | "phonenumber" | "phone1" | "phone2" | "mobile" | "mobilephone"
        | "mobilenumber" | "mobilephonenumber" | "cell" | "cellphone" | "cellnumber"
        | "cellphonenumber" | "telephone" | "telephonenumber" | "tel" | "homephone"
        | "workphone" | "dayphone" | "nightphone" | "daytimephone" | "eveningphone"
        | "primaryphone" | "contactnumber" | "clientphone" | "customerphone" | "patientphone"
        | "landline" => Field::Phone,
        "nickname" | "preferredname" | "knownas" | "preferredfirstname" | "alias" => Field::Alias,
        // Read but deliberately not used: a middle name in the roster's name would stop
        // "First Last" from matching.
        "middlename" | "middle" | "middleinitial" | "prefix" | "suffix" | "title" => Field::Ignore,
        _ => return None,
    })
}

/// A `--map` field name.
fn map_field(s: &str) -> Option<Field> {
    Some(match norm_header(s).as_str() {
        "firstname" | "first" => Field::FirstName,
        "lastname" | "last" | "surname" => Field::LastName,
        "name" | "fullname" => Field::Name,
        "email" => Field::Email,
        "phone" => Field::Phone,
        "alias" | "nickname" => Field::Alias,
        "ignore" | "skip" => Field::Ignore,
        _ => return None,
    })
}

/// The file's text and how it was encoded.
fn decode(bytes: &[u8]) -> (String, &'static str) {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF])
        && let Ok(s) = std::str::from_utf8(rest)
    {
        return (s.to_owned(), "UTF-8 with a byte-order mark");
    }
    for (bom, le) in [([0xFF, 0xFE], true), ([0xFE, 0xFF], false)] {
        if let Some(rest) = bytes.strip_prefix(&bom) {
            let units = rest.chunks_exact(2).map(|c| {
                if le {
                    u16::from_le_bytes([c[0], c[1]])
                } else {
                    u16::from_be_bytes([c[0], c[1]])
                }
            });
            let s: String = char::decode_utf16(units)
                .map(|r| r.unwrap_or('\u{fffd}'))
                .collect();
            return (s, "UTF-16");
        }
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => (s.to_owned(), "UTF-8"),
        Err(_) => (
            bytes.iter().map(|&b| cp1252(b)).collect(),
            "Windows-1252 (not UTF-8)",
        ),
    }
}

/// A Windows-1252 byte as a char (Excel's "CSV" on Windows).
fn cp1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9F => HIGH[usize::from(b - 0x80)],
        _ => char::from(b),
    }
}

/// The file as a table: the header row's line, what each column holds, and the data rows with
/// their line numbers.
struct Table {
    delimiter: u8,
    header_line: u64,
    /// `(column index, header as written, field)` for every column used.
    columns: Vec<(usize, String, Field)>,
    ignored: usize,
    rows: Vec<(u64, Vec<String>)>,
}

/// Rows looked at to find the header (exports may start with a title or a date range).
const HEADER_SEARCH: usize = 20;

fn parse(text: &str, delimiter: u8, limit: Option<usize>) -> Vec<(u64, Vec<String>)> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut out = Vec::new();
    // Lines are counted as the records go (a running count, not a recount per record).
    let (mut counted_to, mut line_no) = (0usize, 1u64);
    for rec in reader.records() {
        if limit.is_some_and(|l| out.len() >= l) {
            break;
        }
        // A record the parser cannot read (an unclosed quote at the end) ends the table.
        let Ok(rec) = rec else { break };
        // The record's own first line: the parser's position can point at blank lines
        // before it.
        let at = rec
            .position()
            .map_or(counted_to, |p| usize::try_from(p.byte()).unwrap_or(0))
            .clamp(counted_to, text.len());
        let start = text[at..]
            .find(|c| c != '\r' && c != '\n')
            .map_or(text.len(), |i| at + i);
        line_no += text.as_bytes()[counted_to..start]
            .iter()
            .filter(|&&b| b == b'\n')
            .count() as u64;
        counted_to = start;
        let line = line_no;
        out.push((line, rec.iter().map(|c| c.trim().to_owned()).collect()));
    }
    out
}

fn columns_of(header: &[String], maps: &[(String, Field)]) -> (Vec<(usize, String, Field)>, usize) {
    let mut columns = Vec::new();
    let mut ignored = 0;
    for (i, h) in header.iter().enumerate() {
        let n = norm_header(h);
        let field = maps
            .iter()
            .find(|(m, _)| *m == n)
            .map(|(_, f)| *f)
            .or_else(|| field_of(&n));
        match field {
            Some(Field::Ignore) | None => ignored += usize::from(!h.is_empty()),
            Some(f) => columns.push((i, h.clone(), f)),
        }
    }
    (columns, ignored)
}

fn has_name(columns: &[(usize, String, Field)]) -> bool {
    let has = |f: Field| columns.iter().any(|(_, _, x)| *x == f);
    has(Field::Name) || (has(Field::FirstName) && has(Field::LastName)) || has(Field::FirstName)
}

fn read_table(text: &str, maps: &[(String, Field)]) -> Result<Table, String> {
    let mut best: Option<(usize, u8, usize)> = None;
    for delimiter in [b',', b';', b'\t', b'|'] {
        let rows = parse(text, delimiter, Some(HEADER_SEARCH));
        for (k, (_, cells)) in rows.iter().enumerate() {
            let (columns, _) = columns_of(cells, maps);
            if !has_name(&columns) {
                continue;
            }
            if best.is_none_or(|(score, _, _)| columns.len() > score) {
                best = Some((columns.len(), delimiter, k));
            }
            break;
        }
    }
    let Some((_, delimiter, k)) = best else {
        return Err("no header row with client names found in the first 20 rows".into());
    };
    let mut rows = parse(text, delimiter, None);
    let (header_line, header) = rows.remove(k);
    rows.drain(..k);
    let (columns, ignored) = columns_of(&header, maps);
    for (m, _) in maps {
        if !header.iter().any(|h| norm_header(h) == *m) {
            return Err(format!(
                "--map names a column the header row does not have ({} columns in the header)",
                header.len()
            ));
        }
    }
    Ok(Table {
        delimiter,
        header_line,
        columns,
        ignored,
        rows,
    })
}

/// One client as a row gives it.
struct Row {
    line: u64,
    name: String,
    aliases: Vec<String>,
    emails: Vec<String>,
    phones: Vec<String>,
    problems: Vec<&'static str>,
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn row_of(table: &Table, line: u64, cells: &[String]) -> Option<Row> {
    if cells.iter().all(String::is_empty) {
        return None;
    }
    let get = |f: Field| -> Vec<&str> {
        table
            .columns
            .iter()
            .filter(|(_, _, x)| *x == f)
            .filter_map(|(i, _, _)| cells.get(*i).map(String::as_str))
            .filter(|c| !c.is_empty())
            .collect()
    };
    let first = get(Field::FirstName).first().copied().unwrap_or("");
    let last = get(Field::LastName).first().copied().unwrap_or("");
    let mut name = collapse(&format!("{first} {last}"));
    if name.is_empty()
        && let Some(full) = get(Field::Name).first()
    {
        // "Jones, Mary" as some systems display names.
        name = match full.split_once(',') {
            Some((l, f)) if !f.contains(',') && !f.trim().is_empty() => {
                collapse(&format!("{} {}", f.trim(), l.trim()))
            }
            _ => collapse(full),
        };
    }
    let mut row = Row {
        line,
        name,
        aliases: Vec::new(),
        emails: Vec::new(),
        phones: Vec::new(),
        problems: Vec::new(),
    };
    for cell in get(Field::Email) {
        for e in cell.split([',', ';', ' ', '\n']).filter(|e| !e.is_empty()) {
            if !is_email(e) {
                row.problems.push(
                    "an email is not a whole address (name, at sign, dotted domain): left out",
                );
            } else if !row.emails.iter().any(|x| email_key(x) == email_key(e)) {
                row.emails.push(e.to_owned());
            }
        }
    }
    for cell in get(Field::Phone) {
        for p in cell.split([',', ';', '\n']) {
            let lower = p.to_lowercase();
            let cut = ["ext", "x", "#"]
                .iter()
                .filter_map(|m| lower.find(m))
                .min()
                .unwrap_or(p.len());
            let p = p[..cut].trim();
            if !p.chars().any(|c| c.is_ascii_digit()) {
                continue;
            }
            if check_phone(p).is_err() {
                row.problems.push(
                    "a phone is not a phone number (at least 7 digits; a spreadsheet may have \
                     turned it into a number like 5.55E+09): left out",
                );
            } else if !row
                .phones
                .iter()
                .any(|x| same_phone(&phone_key(x), &phone_key(p)))
            {
                row.phones.push(p.to_owned());
            }
        }
    }
    let full = normalize(&row.name);
    let first_key = normalize(first);
    for a in get(Field::Alias) {
        let a = collapse(a);
        let key = normalize(&a);
        if !key.is_empty() && key != full && key != first_key && !row.aliases.contains(&a) {
            row.aliases.push(a);
        }
    }
    Some(row)
}

/// A client of the roster being built, with the keys it is matched on.
struct Entry {
    names: Vec<String>,
    emails: Vec<String>,
    phones: Vec<String>,
    /// Index into the existing roster, or into the new clients.
    slot: Slot,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Slot {
    Existing(usize),
    New(usize),
}

/// What became of a row.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Outcome {
    Added,
    Updated,
    Unchanged,
    Repeated,
    Skipped,
}

impl Entry {
    fn overlaps(&self, row: &Row) -> bool {
        row.emails
            .iter()
            .any(|e| self.emails.contains(&email_key(e)))
            || row
                .phones
                .iter()
                .any(|p| self.phones.iter().any(|q| same_phone(&phone_key(p), q)))
    }

    fn has_contacts(&self) -> bool {
        !self.emails.is_empty() || !self.phones.is_empty()
    }

    /// Adds what the row has that the entry lacks; returns it.
    fn absorb(&mut self, row: &Row) -> Additions {
        let mut add = Additions::default();
        for e in &row.emails {
            let k = email_key(e);
            if !self.emails.contains(&k) {
                self.emails.push(k);
                add.emails.push(e.clone());
            }
        }
        for p in &row.phones {
            let k = phone_key(p);
            if !self.phones.iter().any(|q| same_phone(&k, q)) {
                self.phones.push(k);
                add.phones.push(p.clone());
            }
        }
        for a in &row.aliases {
            let k = normalize(a);
            if !self.names.contains(&k) {
                self.names.push(k);
                add.aliases.push(a.clone());
            }
        }
        add
    }
}

/// The next free id in the roster's own style: the commonest `PREFIX` + digits pattern of its
/// client ids (`C` and three digits when it has none).
struct Ids {
    prefix: String,
    width: usize,
    next: u64,
    taken: HashSet<String>,
}

impl Ids {
    fn new(roster: &Roster) -> Ids {
        let mut styles: BTreeMap<(String, usize), (usize, u64)> = BTreeMap::new();
        let mut taken = HashSet::new();
        for c in &roster.clients {
            let id = c.id.as_str();
            taken.insert(id.to_owned());
            taken.extend(c.consent.iter().map(|k| k.id.clone()));
            let digits = id.len() - id.trim_end_matches(|ch: char| ch.is_ascii_digit()).len();
            let prefix = &id[..id.len() - digits];
            if digits == 0
                || digits > 12
                || !prefix
                    .chars()
                    .all(|ch| ch.is_ascii_alphabetic() || ch == '-')
            {
                continue;
            }
            let n: u64 = id[prefix.len()..].parse().unwrap_or(0);
            let e = styles.entry((prefix.to_owned(), digits)).or_insert((0, 0));
            e.0 += 1;
            e.1 = e.1.max(n);
        }
        let best = styles
            .into_iter()
            .max_by_key(|(_, (count, _))| *count)
            .map(|((prefix, width), (_, max))| (prefix, width, max + 1));
        let (prefix, width, next) = best.unwrap_or_else(|| ("C".to_owned(), 3, 1));
        Ids {
            prefix,
            width,
            next,
            taken,
        }
    }

    fn take(&mut self) -> String {
        loop {
            let id = format!("{}{:0width$}", self.prefix, self.next, width = self.width);
            self.next += 1;
            if self.taken.insert(id.clone()) {
                return id;
            }
        }
    }
}

/// The merge of a table into a roster: additions per existing client, new clients, and what
/// became of each row.
struct Merge {
    updates: Vec<(usize, Additions)>,
    new: Vec<NewClient>,
    outcomes: Vec<Outcome>,
    notes: Vec<String>,
}

/// Who has each name, email and phone, so each row is matched with a few lookups rather than
/// a pass over the whole roster.
#[derive(Default)]
struct Index {
    names: std::collections::HashMap<String, Vec<usize>>,
    emails: std::collections::HashMap<String, Vec<usize>>,
    /// The last seven digits of each phone key → (key, entry).
    phones: std::collections::HashMap<String, Vec<(String, usize)>>,
}

fn phone_bucket(key: &str) -> Option<&str> {
    key.get(key.len().checked_sub(crate::contact::MIN_DIGITS)?..)
}

impl Index {
    fn add(&mut self, e: usize, names: &[String], emails: &[String], phones: &[String]) {
        for n in names {
            let list = self.names.entry(n.clone()).or_default();
            if !list.contains(&e) {
                list.push(e);
            }
        }
        for k in emails {
            self.emails.entry(k.clone()).or_default().push(e);
        }
        for k in phones {
            if let Some(b) = phone_bucket(k) {
                self.phones
                    .entry(b.to_owned())
                    .or_default()
                    .push((k.clone(), e));
            }
        }
    }

    fn add_additions(&mut self, e: usize, add: &Additions) {
        let names: Vec<String> = add.aliases.iter().map(|a| normalize(a)).collect();
        let emails: Vec<String> = add.emails.iter().map(|x| email_key(x)).collect();
        let phones: Vec<String> = add.phones.iter().map(|x| phone_key(x)).collect();
        self.add(e, &names, &emails, &phones);
    }

    /// An entry that shares an email or phone with the row.
    fn sharing(&self, row: &Row) -> Option<usize> {
        let by_email = row
            .emails
            .iter()
            .find_map(|x| self.emails.get(&email_key(x)).and_then(|l| l.first()));
        by_email.copied().or_else(|| {
            row.phones.iter().find_map(|p| {
                let k = phone_key(p);
                self.phones
                    .get(phone_bucket(&k)?)?
                    .iter()
                    .find(|(other, _)| same_phone(&k, other))
                    .map(|(_, e)| *e)
            })
        })
    }
}

fn merge(roster: &Roster, rows: &[Row]) -> Merge {
    let mut entries: Vec<Entry> = roster
        .clients
        .iter()
        .enumerate()
        .map(|(i, c)| Entry {
            names: std::iter::once(&c.name)
                .chain(&c.aliases)
                .map(|n| normalize(n))
                .collect(),
            emails: c.emails.iter().map(|e| email_key(e)).collect(),
            phones: c.phones.iter().map(|p| phone_key(p)).collect(),
            slot: Slot::Existing(i),
        })
        .collect();
    let mut ids = Ids::new(roster);
    let mut m = Merge {
        updates: Vec::new(),
        new: Vec::new(),
        outcomes: Vec::new(),
        notes: Vec::new(),
    };
    let mut updated: BTreeMap<usize, Additions> = BTreeMap::new();
    let mut index = Index::default();
    for (e, entry) in entries.iter().enumerate() {
        index.add(e, &entry.names, &entry.emails, &entry.phones);
    }
    for row in rows {
        let key = normalize(&row.name);
        let by_name: Vec<usize> = index.names.get(&key).cloned().unwrap_or_default();
        let has_contacts = !row.emails.is_empty() || !row.phones.is_empty();
        let overlapping: Vec<usize> = by_name
            .iter()
            .copied()
            .filter(|&e| entries[e].overlaps(row))
            .collect();
        let target = match (by_name.as_slice(), overlapping.as_slice()) {
            (_, [one]) => Some(*one),
            ([one], []) if !(has_contacts && entries[*one].has_contacts()) => Some(*one),
            ([_], []) => {
                m.notes.push(format!(
                    "row {}: has the name of a client but another email and phone: added as a \
                     new client (if it is the same person, merge the two by hand)",
                    row.line
                ));
                None
            }
            ([], []) => None,
            (several, _) => {
                m.notes.push(format!(
                    "row {}: has the name of {} clients and no email or phone that tells them \
                     apart: skipped",
                    row.line,
                    several.len()
                ));
                m.outcomes.push(Outcome::Skipped);
                continue;
            }
        };
        match target {
            Some(e) => {
                let add = entries[e].absorb(row);
                index.add_additions(e, &add);
                let outcome = match entries[e].slot {
                    Slot::New(n) => {
                        let c: &mut NewClient = &mut m.new[n];
                        c.add.aliases.extend(add.aliases);
                        c.add.emails.extend(add.emails);
                        c.add.phones.extend(add.phones);
                        Outcome::Repeated
                    }
                    Slot::Existing(i) if add.is_empty() => {
                        let _ = i;
                        Outcome::Unchanged
                    }
                    Slot::Existing(i) => {
                        let u = updated.entry(i).or_default();
                        u.aliases.extend(add.aliases);
                        u.emails.extend(add.emails);
                        u.phones.extend(add.phones);
                        Outcome::Updated
                    }
                };
                m.outcomes.push(outcome);
            }
            None => {
                if let Some(other) = index.sharing(row).map(|e| &entries[e]) {
                    let id = match other.slot {
                        Slot::Existing(i) => roster.clients[i].id.as_str().to_owned(),
                        Slot::New(n) => m.new[n].id.clone(),
                    };
                    m.notes.push(format!(
                        "row {}: shares an email or phone with {id} under another name: added as \
                         a new client (a family's shared number, or a new name?)",
                        row.line
                    ));
                }
                let n = m.new.len();
                let mut entry = Entry {
                    names: vec![key],
                    emails: Vec::new(),
                    phones: Vec::new(),
                    slot: Slot::New(n),
                };
                let add = entry.absorb(row);
                index.add(entries.len(), &entry.names, &entry.emails, &entry.phones);
                entries.push(entry);
                m.new.push(NewClient {
                    id: ids.take(),
                    name: row.name.clone(),
                    add,
                });
                m.outcomes.push(Outcome::Added);
            }
        }
    }
    m.updates = updated.into_iter().collect();
    m
}

/// The roster the merge should produce, to compare with what the edited text parses to.
fn expected(roster: &Roster, merge: &Merge) -> Roster {
    let mut want = roster.clone();
    for (i, add) in &merge.updates {
        let c = &mut want.clients[*i];
        c.aliases.extend(add.aliases.iter().cloned());
        c.emails.extend(add.emails.iter().cloned());
        c.phones.extend(add.phones.iter().cloned());
    }
    for n in &merge.new {
        want.clients.push(crate::roster::Client {
            id: crate::roster::ClientId::new(n.id.clone()),
            name: n.name.clone(),
            aliases: n.add.aliases.clone(),
            public_figure: false,
            attributes: crate::roster::Attributes::default(),
            emails: n.add.emails.clone(),
            phones: n.add.phones.clone(),
            consent: Vec::new(),
        });
    }
    want
}

fn same_roster(a: &Roster, b: &Roster) -> bool {
    let (p, q) = (&a.practice, &b.practice);
    p.name == q.name
        && p.staff == q.staff
        && p.population == q.population
        && p.places == q.places
        && a.clients == b.clients
}

/// Where the roster goes: `--output`, else `LIPZIP_ROSTER`, else lipzip.yaml's `roster:`.
fn output_path(args: &ImportArgs) -> Result<PathBuf, String> {
    if let Some(p) = &args.output {
        return Ok(p.clone());
    }
    if let Some(env) = std::env::var_os("LIPZIP_ROSTER").filter(|v| !v.is_empty()) {
        return Ok(PathBuf::from(env));
    }
    super::find_config(args.config.as_deref())
        .map_err(|e| e.to_string())?
        .roster
        .ok_or_else(|| {
            "no roster to write to: give --output PATH (or run `lipzip init` first)".to_owned()
        })
}

/// Runs `roster import`; returns the exit code.
pub(crate) fn run(args: &ImportArgs) -> u8 {
    match import(args) {
        Ok((report, skipped)) => {
            super::print_stdout(&report);
            u8::from(skipped)
        }
        Err(msg) => {
            let _ = std::io::Write::write_all(
                &mut std::io::stderr().lock(),
                format!("error: {msg}\n").as_bytes(),
            );
            2
        }
    }
}

fn import(args: &ImportArgs) -> Result<(String, bool), String> {
    let mut maps = Vec::new();
    for m in &args.map {
        let (col, field) = m.rsplit_once('=').ok_or_else(|| {
            format!("--map wants COLUMN=FIELD, e.g. --map \"Client Surname=last-name\"; got {m:?}")
        })?;
        let field = map_field(field).ok_or_else(|| {
            format!(
                "--map {m:?}: the field must be one of first-name, last-name, name, email, \
                 phone, nickname, ignore"
            )
        })?;
        maps.push((norm_header(col), field));
    }
    let input = &args.file;
    let meta =
        std::fs::metadata(input).map_err(|e| format!("cannot read {}: {e}", input.display()))?;
    if meta.len() > super::inputs::MAX_BYTES {
        return Err(format!(
            "{} is larger than 64 MiB: not a client list",
            input.display()
        ));
    }
    let bytes =
        std::fs::read(input).map_err(|e| format!("cannot read {}: {e}", input.display()))?;
    let (text, encoding) = decode(&bytes);
    let table = read_table(&text, &maps).map_err(|why| {
        format!(
            "{}: {why}. lipzip looks for columns such as First Name, Last Name, Name, Email, \
             Phone or Mobile; name others with --map \"Column=first-name\" (fields: first-name, \
             last-name, name, email, phone, nickname, ignore)",
            input.display()
        )
    })?;
    let out_path = output_path(args)?;
    let (roster_text, roster) = if out_path.exists() {
        let text = std::fs::read_to_string(&out_path)
            .map_err(|e| format!("cannot read the roster {}: {e}", out_path.display()))?;
        let roster = Roster::from_yaml(&text, &out_path.display().to_string()).map_err(|e| {
            format!("{e}\n  help: fix the roster first (`lipzip roster check` points at the line); nothing was written")
        })?;
        (text, roster)
    } else {
        let practice = args
            .practice
            .clone()
            .unwrap_or_else(|| crate::lint::PLACEHOLDER_PRACTICE.to_owned());
        let text = super::init::starter_roster(
            &super::init::Practice {
                name: practice,
                ..super::init::Practice::default()
            },
            false,
        );
        let roster = Roster::from_yaml(&text, "starter")
            .map_err(|e| format!("internal error: the starter roster does not load: {e}"))?;
        (text, roster)
    };
    let mut rows = Vec::new();
    let mut notes = Vec::new();
    let mut skipped_rows = 0usize;
    let mut left_out = 0usize;
    for (line, cells) in &table.rows {
        let Some(row) = row_of(&table, *line, cells) else {
            continue;
        };
        for p in &row.problems {
            notes.push(format!("row {line}: {p}"));
            left_out += 1;
        }
        if row.name.is_empty() {
            notes.push(format!("row {line}: no name: skipped"));
            skipped_rows += 1;
            continue;
        }
        if !normalize(&row.name).chars().any(char::is_alphabetic) {
            notes.push(format!("row {line}: the name has no letters: skipped"));
            skipped_rows += 1;
            continue;
        }
        rows.push(row);
    }
    let merge = merge(&roster, &rows);
    notes.extend(merge.notes.iter().cloned());
    notes.sort_by_key(|n| {
        n.strip_prefix("row ")
            .and_then(|r| r.split(':').next())
            .and_then(|r| r.parse::<u64>().ok())
            .unwrap_or(0)
    });
    let count = |o: Outcome| merge.outcomes.iter().filter(|x| **x == o).count();
    let skipped = skipped_rows + count(Outcome::Skipped);
    let changed = !merge.new.is_empty() || !merge.updates.is_empty();
    if changed || !out_path.exists() {
        let edited = edit(
            &roster_text,
            roster.clients.len(),
            &merge.updates,
            &merge.new,
        )
        .map_err(|why| {
            format!(
                "cannot add to {} without rewriting it: {why}; nothing was written",
                out_path.display()
            )
        })?;
        let back = Roster::from_yaml(&edited, &out_path.display().to_string())
            .map_err(|e| format!("internal error: the merged roster does not load ({e}); nothing was written (please report this)"))?;
        if !same_roster(&back, &expected(&roster, &merge)) {
            return Err(format!(
                "cannot add to {} without changing what it says (an unusual layout?); nothing was written",
                out_path.display()
            ));
        }
        if !args.dry_run {
            if let Some(parent) = out_path.parent().filter(|p| !p.as_os_str().is_empty()) {
                super::init::private_dirs(parent)
                    .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
            }
            super::write_private(&out_path, edited.as_bytes())
                .map_err(|e| format!("cannot write {}: {e}", out_path.display()))?;
        }
    }
    let mut report = String::new();
    let delimiter = match table.delimiter {
        b',' => "comma",
        b';' => "semicolon",
        b'\t' => "tab",
        _ => "bar",
    };
    let cols: Vec<String> = table
        .columns
        .iter()
        .map(|(_, h, f)| format!("{h:?} → {}", f.as_str()))
        .collect();
    let _ = writeln!(
        report,
        "read {}: {} rows after the header on line {}, {delimiter}-separated, {encoding}",
        input.display(),
        table.rows.len(),
        table.header_line,
    );
    let _ = writeln!(
        report,
        "columns: {}{}",
        cols.join(", "),
        match table.ignored {
            0 => String::new(),
            1 => "; 1 other column ignored".to_owned(),
            n => format!("; {n} other columns ignored"),
        }
    );
    for n in &notes {
        let _ = writeln!(report, "{n}");
    }
    let repeated = count(Outcome::Repeated);
    let _ = writeln!(
        report,
        "{}{}: added {}, updated {}, unchanged {}{}{}",
        if args.dry_run {
            "dry run, nothing written: "
        } else {
            ""
        },
        out_path.display(),
        count(Outcome::Added),
        count(Outcome::Updated),
        count(Outcome::Unchanged),
        if repeated > 0 {
            format!(", repeated {repeated}")
        } else {
            String::new()
        },
        if skipped > 0 {
            format!(", skipped {skipped}")
        } else {
            String::new()
        },
    );
    if count(Outcome::Added) > 0 && !args.dry_run {
        let _ = writeln!(
            report,
            "next: `lipzip roster check` to review the roster, then add consent records by hand"
        );
    }
    Ok((report, skipped + left_out > 0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_of_the_booking_systems() {
        for (h, f) in [
            ("First Name", Field::FirstName),
            ("first_name", Field::FirstName),
            ("LAST NAME", Field::LastName),
            ("Surname", Field::LastName),
            ("Full Name", Field::Name),
            ("Client", Field::Name),
            ("E-mail Address", Field::Email),
            ("Email Address", Field::Email),
            ("Phone Number", Field::Phone),
            ("Mobile", Field::Phone),
            ("Cell Phone", Field::Phone),
            ("mobile_number", Field::Phone),
            ("Preferred Name", Field::Alias),
        ] {
            assert_eq!(field_of(&norm_header(h)), Some(f), "{h}");
        }
        assert_eq!(field_of(&norm_header("Client ID")), None);
    }

    #[test]
    fn encodings() {
        assert_eq!(decode(b"\xEF\xBB\xBFName").0, "Name");
        assert_eq!(decode(b"Ren\xE9e").0, "Renée");
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Zoë".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(decode(&utf16).0, "Zoë");
    }

    #[test]
    fn ids_continue_the_roster_style() {
        let r = Roster::from_yaml(
            "version: 1\npractice: {name: P}\nclients:\n  - {id: P009, name: A B}\n  - {id: P010, name: C D}\n  - {id: EXAMPLE, name: E F}\n",
            "r",
        )
        .unwrap();
        let mut ids = Ids::new(&r);
        assert_eq!(ids.take(), "P011");
        assert_eq!(ids.take(), "P012");
        let empty = Roster::from_yaml("version: 1\npractice: {name: P}\n", "r").unwrap();
        assert_eq!(Ids::new(&empty).take(), "C001");
    }
}
