//! Benchmarks of the engine's hot paths (`cargo bench`): compiling a roster, scanning a draft,
//! and re-checking a long document in the editor after a one-character edit.
//!
//! Timing lives here, never in tests. Figures and the machine they came from are in the README.

use lipzip::lsp::{Encoding, LineIndex};
use lipzip::{Channel, Document, Roster, RuleSet, Scanner};

fn main() {
    divan::main();
}

/// A roster of `n` invented clients, in the roster format.
fn roster_yaml(n: usize) -> String {
    const SYL: [&str; 16] = [
        "an", "bel", "cor", "da", "el", "fen", "gar", "hal", "is", "jo", "ka", "lin", "mar", "nor",
        "os", "pel",
    ];
    let mut out = String::from(
        "version: 1\npractice:\n  name: Bench Bodywork\n  population: 50000\nclients:\n",
    );
    for i in 0..n {
        let first = format!("{}{}", SYL[i % 16], SYL[(i / 16) % 16]);
        let last = format!("{}{}{}", SYL[(i / 7) % 16], SYL[(i / 3) % 16], SYL[i % 13]);
        out.push_str(&format!(
            "  - id: C{i:06}\n    name: {first} {last}\n    aliases: [\"{first} {}.\"]\n",
            &last[..1]
        ));
    }
    out
}

fn scanner(n: usize) -> Scanner {
    let roster = Roster::from_yaml(&roster_yaml(n), "bench").expect("bench roster");
    Scanner::new(roster, RuleSet::builtin().expect("rules")).expect("scanner")
}

/// The same roster with an email and a phone number for every client.
fn scanner_with_contacts(n: usize) -> Scanner {
    let mut yaml = String::new();
    for (i, line) in roster_yaml(n).lines().enumerate() {
        yaml.push_str(line);
        yaml.push('\n');
        if line.starts_with("    aliases:") {
            yaml.push_str(&format!(
                "    emails: [\"client{i}@example.org\"]\n    phones: [\"+1 555 {:03} {:04}\"]\n",
                i % 1000,
                i % 10_000
            ));
        }
    }
    let roster = Roster::from_yaml(&yaml, "bench").expect("bench roster");
    Scanner::new(roster, RuleSet::builtin().expect("rules")).expect("scanner")
}

/// About 10 KB of newsletter prose with one client named and some cues.
fn draft() -> String {
    let para = "Winter is here and our shoulders know it. Book a deep-tissue session before the \
                holidays, bring a friend, and ask about gift cards at the front desk. Hydrate, \
                stretch your hips after long drives, and remember that a warm bath helps. ";
    let mut s = String::new();
    while s.len() < 10_000 {
        s.push_str(para);
        s.push_str("\n\n");
    }
    s.push_str("Thanks to one of our local realtors who came in for a massage today.\n");
    s
}

fn today() -> lipzip::date::Date {
    "2026-11-22".parse().expect("date")
}

#[divan::bench(args = [500, 10_000])]
fn compile_roster(bencher: divan::Bencher<'_, '_>, n: usize) {
    let yaml = roster_yaml(n);
    bencher.bench(|| {
        let roster = Roster::from_yaml(&yaml, "bench").expect("roster");
        Scanner::new(roster, RuleSet::builtin().expect("rules")).expect("scanner")
    });
}

#[divan::bench]
fn scan_10kb_draft(bencher: divan::Bencher<'_, '_>) {
    let s = scanner(1_000);
    let text = draft();
    bencher
        .counter(divan::counter::BytesCount::new(text.len()))
        .bench(|| s.scan(&Document::new(&text, Channel::Newsletter), today()));
}

/// The same draft as [`draft`], as a newsletter export: each paragraph in a styled table
/// cell, with an entity and a tracking link.
fn html_draft() -> String {
    let mut s = String::from("<html><head><style>p{margin:0}</style></head><body><table>\n");
    for para in draft().split("\n\n").filter(|p| !p.is_empty()) {
        s.push_str("<tr><td class=\"mcnTextContent\" style=\"padding:9px\"><p>");
        s.push_str(&para.replace("gift cards", "gift&nbsp;cards"));
        s.push_str(" <a href=\"https://x.list-manage.com/track/click?u=1&amp;id=2\">Book</a></p></td></tr>\n");
    }
    s.push_str("</table></body></html>\n");
    s
}

#[divan::bench(args = ["markdown", "html"])]
fn scan_10kb_markup(bencher: divan::Bencher<'_, '_>, markup: &str) {
    let s = scanner(1_000);
    let (text, m) = match markup {
        "html" => (html_draft(), lipzip::Markup::Html),
        _ => (
            draft().replace("gift cards", "**gift cards**"),
            lipzip::Markup::Markdown,
        ),
    };
    bencher
        .counter(divan::counter::BytesCount::new(text.len()))
        .bench(|| {
            s.scan(
                &Document::new(&text, Channel::Newsletter).with_markup(m),
                today(),
            )
        });
}

/// The 10 KB draft with the digits and `@`s of a real newsletter in every paragraph (the
/// practice's own number and address, prices, dates), against rosters with and without
/// emails and phones: what the contact pass costs.
#[divan::bench(args = [false, true])]
fn scan_10kb_draft_with_numbers(bencher: divan::Bencher<'_, '_>, contacts: bool) {
    let s = if contacts {
        scanner_with_contacts(1_000)
    } else {
        scanner(1_000)
    };
    let text = draft().replace(
        "\n\n",
        " Call (555) 010-0100 or write to hello@bench.example: gift cards $25 to $150, \
         open 9-5 until 2026-12-23.\n\n",
    );
    bencher
        .counter(divan::counter::BytesCount::new(text.len()))
        .bench(|| s.scan(&Document::new(&text, Channel::Newsletter), today()));
}

#[divan::bench]
fn relint_10k_lines_after_one_edit(bencher: divan::Bencher<'_, '_>) {
    let s = scanner(1_000);
    let line = "A line of a long newsletter about stretching and hydration.\n";
    let mut text = line.repeat(10_000);
    bencher.bench_local(|| {
        // What the server does on a keystroke: apply the edit, re-index, re-scan.
        let index = LineIndex::new(&text);
        let at = index.offset(&text, lsp_types::Position::new(5_000, 3), Encoding::Utf16);
        text.insert(at, 'x');
        let index = LineIndex::new(&text);
        let scan = s.scan(&Document::new(&text, Channel::Newsletter), today());
        text.remove(at);
        (index, scan)
    });
}

#[divan::bench]
fn load_lexicons() -> lipzip::lexicon::Lexicons {
    lipzip::lexicon::Lexicons::builtin().expect("lexicons")
}

#[divan::bench]
fn load_rules() -> RuleSet {
    RuleSet::builtin().expect("rules")
}

#[divan::bench]
fn build_lexicon_matcher(bencher: divan::Bencher<'_, '_>) {
    let lx = lipzip::lexicon::Lexicons::builtin().expect("lexicons");
    bencher.bench(|| lipzip::cues::CueMatcher::lexicon(&lx));
}
