//! Runs every rule's inline examples: each `flag` text must be found by its rule (at the
//! `[[...]]`-marked span when there is one), each `pass` text must not be. This is what
//! `lipzip rules test` and the test suite run, so a rule cannot drift from its documentation.

use crate::date::Date;
use crate::document::{Channel, Document};
use crate::error::LoadError;
use crate::roster::Roster;
use crate::rules::{EXAMPLE_ROSTER, RuleId, RuleSet};
use crate::scanner::Scanner;
use crate::span::Span;

/// Whether an example had to be flagged or had to pass.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expect {
    /// The rule must find it.
    Flag,
    /// The rule must not find it.
    Pass,
}

/// One example the rule got wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Failure {
    /// The rule.
    pub rule: RuleId,
    /// What was expected.
    pub expect: Expect,
    /// The example text, markers removed.
    pub text: String,
    /// What happened instead.
    pub detail: String,
}

/// The outcome of running the examples.
#[derive(Clone, Debug, Default)]
pub struct Outcome {
    /// Examples run.
    pub checked: usize,
    /// Those that failed.
    pub failures: Vec<Failure>,
}

/// Splits `[[...]]` markers out of an example: the plain text and the marked span, if any.
#[must_use]
pub fn parse_marked(example: &str) -> (String, Option<Span>) {
    match (example.find("[["), example.find("]]")) {
        (Some(a), Some(b)) if a < b => {
            let mut text = String::with_capacity(example.len());
            text.push_str(&example[..a]);
            text.push_str(&example[a + 2..b]);
            text.push_str(&example[b + 2..]);
            (text, Some(Span::new(a, b - 2)))
        }
        _ => (example.to_owned(), None),
    }
}

/// Runs every example of every rule in `rules` against the built-in example roster.
///
/// # Errors
/// [`LoadError`] if the example roster or the rules cannot be compiled.
pub fn run(rules: &RuleSet) -> Result<Outcome, LoadError> {
    let roster = Roster::from_yaml(EXAMPLE_ROSTER, "rules/example-roster.yaml")?;
    let scanner = Scanner::new(roster, rules.clone())?;
    // Far from any consent date in the example roster: examples test detection, not consent.
    let today = Date::new(2026, 1, 1).map_err(|_| {
        LoadError::new(
            crate::error::FileKind::Rules,
            "examples",
            "bad built-in date",
        )
    })?;
    let mut out = Outcome::default();
    for rule in rules.rules() {
        let cases = rule
            .examples
            .flag
            .iter()
            .map(|e| (Expect::Flag, e))
            .chain(rule.examples.pass.iter().map(|e| (Expect::Pass, e)));
        for (expect, example) in cases {
            out.checked += 1;
            let (text, marked) = parse_marked(example);
            let scan = scanner.scan(&Document::new(&text, Channel::Social), today);
            let spans: Vec<Span> = scan
                .findings
                .iter()
                .filter(|f| f.rule == rule.id)
                .map(|f| f.span)
                .collect();
            let detail = match expect {
                Expect::Flag if spans.is_empty() => Some("not flagged".to_owned()),
                Expect::Flag => marked.filter(|m| !spans.contains(m)).map(|m| {
                    let got: Vec<&str> = spans.iter().map(|s| &text[s.range()]).collect();
                    format!("expected {:?}, found {got:?}", &text[m.range()])
                }),
                Expect::Pass if !spans.is_empty() => {
                    let got: Vec<&str> = spans.iter().map(|s| &text[s.range()]).collect();
                    Some(format!("flagged {got:?}"))
                }
                Expect::Pass => None,
            };
            if let Some(detail) = detail {
                out.failures.push(Failure {
                    rule: rule.id.clone(),
                    expect,
                    text,
                    detail,
                });
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_give_the_span() {
        let (text, span) = parse_marked("hi [[Mary]]!");
        assert_eq!(text, "hi Mary!");
        assert_eq!(&text[span.unwrap().range()], "Mary");
    }

    #[test]
    fn every_builtin_example_holds() {
        let out = run(&RuleSet::builtin().unwrap()).unwrap();
        assert!(out.checked > 20);
        assert!(out.failures.is_empty(), "{:#?}", out.failures);
    }
}
