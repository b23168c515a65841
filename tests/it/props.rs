//! Property tests: the engine never panics on any text, spans are always in bounds and on
//! char boundaries, and a roster name planted anywhere is still found; the same for Markdown
//! and HTML, and `--fix` edits stay on char boundaries and leave a text that scans.

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
}
