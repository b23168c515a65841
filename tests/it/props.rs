//! Property tests: the engine never panics on any text (random Unicode, random bytes, random
//! edits), spans are always in bounds and on char boundaries, and every roster name planted
//! anywhere, in any of the forms writers use to hide it, is still found. The language
//! server's position mapping has its own in `src/lsp/convert.rs`.
//! Markdown and HTML too, and `--fix` edits stay on char boundaries and leave a text that
//! scans.

use lipzip::rules::EXAMPLE_ROSTER;
use lipzip::{Channel, Document, Markup, Roster, RuleSet, Scanner};
use proptest::prelude::*;

fn scanner() -> &'static Scanner {
    static SCANNER: std::sync::OnceLock<Scanner> = std::sync::OnceLock::new();
    SCANNER.get_or_init(|| {
        let roster = Roster::from_yaml(EXAMPLE_ROSTER, "example").unwrap();
        Scanner::new(roster, RuleSet::builtin().unwrap()).unwrap()
    })
}

fn today() -> lipzip::date::Date {
    "2026-11-22".parse().unwrap()
}

/// Text that mixes the characters the engine treats specially.
fn tricky() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        Just("Mary".to_owned()),
        Just("Jones".to_owned()),
        Just(" ".to_owned()),
        Just("\n".to_owned()),
        Just("\r\n".to_owned()),
        Just(".".to_owned()),
        Just("…".to_owned()),
        Just("’s".to_owned()),
        Just("\u{a0}".to_owned()),
        Just("\u{200b}".to_owned()),
        Just("\u{301}".to_owned()),
        Just("💆‍♀️".to_owned()),
        Just("#".to_owned()),
        Just("@".to_owned()),
        Just("<!-- lipzip-ignore-next-line".to_owned()),
        Just("-->".to_owned()),
        Just("came in for".to_owned()),
        Just("88-year-old".to_owned()),
        Just("---".to_owned()),
        Just("<b>".to_owned()),
        Just("</b>".to_owned()),
        Just("<p>".to_owned()),
        Just("<img alt=\"".to_owned()),
        Just("\">".to_owned()),
        Just("<script>".to_owned()),
        Just("&eacute;".to_owned()),
        Just("&amp".to_owned()),
        Just("&#x1F600;".to_owned()),
        Just("**".to_owned()),
        Just("[".to_owned()),
        Just("](https://x.com/mary-jones)".to_owned()),
        Just("`".to_owned()),
        "\\PC{0,6}",
    ];
    proptest::collection::vec(pieces, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn scan_never_panics_and_spans_are_sound(text in tricky()) {
        let scan = scanner().scan(&Document::new(&text, Channel::Social), today());
        for f in &scan.findings {
            prop_assert!(f.span.start <= f.span.end && f.span.end <= text.len());
            prop_assert!(text.is_char_boundary(f.span.start) && text.is_char_boundary(f.span.end));
            for c in &f.cues {
                prop_assert!(text.is_char_boundary(c.span.start) && text.is_char_boundary(c.span.end));
            }
        }
    }

    #[test]
    fn markup_never_panics_spans_are_sound_and_fixes_apply(text in tricky(), html in any::<bool>()) {
        let markup = if html { Markup::Html } else { Markup::Markdown };
        let scan = scanner().scan(&Document::new(&text, Channel::Social).with_markup(markup), today());
        for f in &scan.findings {
            prop_assert!(f.span.start <= f.span.end && f.span.end <= text.len());
            prop_assert!(text.is_char_boundary(f.span.start) && text.is_char_boundary(f.span.end));
        }
        let failing: Vec<&lipzip::Finding> = scan.findings.iter().filter(|f| f.counts()).collect();
        let plan = lipzip::fix::plan(&text, markup, &failing, scanner());
        for e in &plan.edits {
            prop_assert!(text.is_char_boundary(e.span.start) && text.is_char_boundary(e.span.end));
        }
        let fixed = plan.apply(&text);
        let _ = scanner().scan(&Document::new(&fixed, Channel::Social).with_markup(markup), today());
    }

    #[test]
    fn any_unicode_never_panics(text in "\\PC{0,300}") {
        let _ = scanner().scan(&Document::new(&text, Channel::Newsletter), today());
    }

    #[test]
    fn a_planted_name_is_always_found(before in "\\PC{0,80}", after in "\\PC{0,80}") {
        // Separated by spaces, so the name is a whole word whatever is around it.
        let text = format!("{before} Mary Jones came in for a massage {after}");
        let scan = scanner().scan(&Document::new(&text, Channel::Social), today());
        prop_assert!(
            scan.findings.iter().any(|f| f.client.as_ref().is_some_and(|c| c.as_str() == "X001")),
            "{text:?}"
        );
    }

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        let text = String::from_utf8_lossy(&bytes);
        let scan = scanner().scan(&Document::new(&text, Channel::Social), today());
        assert_sound(&text, &scan)?;
    }

    #[test]
    fn random_edits_never_panic_and_spans_stay_sound(
        start in tricky(),
        edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<prop::sample::Index>(), tricky()), 1..8),
    ) {
        let mut text = start;
        for (a, b, insert) in edits {
            let (a, b) = (boundary(&text, a), boundary(&text, b));
            text.replace_range(a.min(b)..a.max(b), &insert);
            let scan = scanner().scan(&Document::new(&text, Channel::Social), today());
            assert_sound(&text, &scan)?;
        }
    }

    #[test]
    fn every_planted_name_in_every_disguise_is_found(
        client in 0usize..CLIENTS.len(),
        disguise in 0usize..DISGUISES,
        before in "\\PC{0,60}",
        after in "\\PC{0,60}",
        at in any::<prop::sample::Index>(),
        caps in any::<u64>(),
    ) {
        let (id, name) = CLIENTS[client];
        let hidden = disguise_name(name, disguise, caps);
        // Anywhere in the text, as a whole word: spaces on both sides.
        let mut text = format!("{before}{after}");
        let cut = boundary(&text, at);
        text.insert_str(cut, &format!(" {hidden} "));
        let scan = scanner().scan(&Document::new(&text, Channel::Social), today());
        assert_sound(&text, &scan)?;
        prop_assert!(
            scan.findings.iter().any(|f| f.client.as_ref().is_some_and(|c| c.as_str() == id)),
            "{id} as {hidden:?} not found in {text:?}"
        );
    }
}

/// Every client of the example roster, by full name.
const CLIENTS: &[(&str, &str)] = &[
    ("X001", "Mary Jones"),
    ("X002", "Ian Gamble"),
    ("X003", "José Núñez"),
    ("X004", "Saoirse Ní Bhriain"),
    ("X005", "Andre Lefèvre"),
    ("X006", "Thaddeus Okafor"),
    ("X007", "Mark Lindqvist"),
    ("X008", "Ingrid Solberg"),
    ("X009", "Theo Marchetti"),
];

const DISGUISES: usize = 12;

/// `name` written one of the ways people hide or mangle a name, with random capitals.
fn disguise_name(name: &str, disguise: usize, caps: u64) -> String {
    use unicode_normalization::UnicodeNormalization;
    let cased: String = name
        .chars()
        .enumerate()
        .map(|(i, c)| {
            if caps >> (i % 64) & 1 == 1 {
                c.to_uppercase().next().unwrap_or(c)
            } else {
                c
            }
        })
        .collect();
    let letters = |sep: &str| -> String {
        let words: Vec<String> = cased
            .split(' ')
            .map(|w| w.chars().map(String::from).collect::<Vec<_>>().join(sep))
            .collect();
        words.join(&format!("{sep}{sep}"))
    };
    match disguise {
        0 => cased,
        // Zero-width characters and soft hyphens between letters.
        1 => cased
            .chars()
            .enumerate()
            .map(|(i, c)| {
                let zw = [
                    '\u{200b}', '\u{200c}', '\u{200d}', '\u{2060}', '\u{feff}', '\u{ad}',
                ];
                if c == ' ' {
                    c.to_string()
                } else {
                    format!("{c}{}", zw[i % zw.len()])
                }
            })
            .collect(),
        // Unicode spaces and line breaks between the words.
        2 => cased.replace(' ', "\u{a0}"),
        3 => cased.replace(' ', "\u{2009}\n"),
        // Decomposed accents (NFD), and accents stripped.
        4 => cased.nfd().collect(),
        5 => cased
            .nfd()
            .filter(|c| c.is_ascii() || !unicode_normalization::char::is_combining_mark(*c))
            .collect(),
        // Fullwidth letters.
        6 => cased
            .chars()
            .map(|c| {
                if c.is_ascii_alphabetic() {
                    char::from_u32(c as u32 - 0x21 + 0xff01).unwrap_or(c)
                } else {
                    c
                }
            })
            .collect(),
        // Cyrillic look-alikes.
        7 => cased
            .chars()
            .map(|c| match c {
                'a' => 'а',
                'o' => 'о',
                'e' => 'е',
                'M' => 'М',
                'T' => 'Т',
                'O' => 'О',
                other => other,
            })
            .collect(),
        // Letters spaced out, dotted, hyphenated.
        8 => letters(" "),
        9 => letters("."),
        10 => letters("-"),
        // Markdown emphasis.
        _ => format!("**{cased}**"),
    }
}

/// A char boundary of `text` picked by `at`.
fn boundary(text: &str, at: prop::sample::Index) -> usize {
    let mut o = at.index(text.len() + 1);
    while !text.is_char_boundary(o) {
        o -= 1;
    }
    o
}

/// Spans in bounds and on char boundaries, for findings and their evidence.
fn assert_sound(text: &str, scan: &lipzip::Scan) -> Result<(), TestCaseError> {
    for f in &scan.findings {
        prop_assert!(f.span.start <= f.span.end && f.span.end <= text.len());
        prop_assert!(text.is_char_boundary(f.span.start) && text.is_char_boundary(f.span.end));
        for c in &f.cues {
            prop_assert!(c.span.end <= text.len());
            prop_assert!(text.is_char_boundary(c.span.start) && text.is_char_boundary(c.span.end));
        }
    }
    Ok(())
}
