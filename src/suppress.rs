//! Inline suppression of a reviewed false positive:
//! `<!-- lipzip-ignore-next-line RULE-ID: reason -->`.
//!
//! A suppression names the rule it silences and says why, so a reviewer can audit it; one
//! without both is itself an error (a bare "ignore" would let a leak through unexplained). It
//! silences findings of that rule on the next non-blank line only.

use std::sync::LazyLock;

use regex::Regex;

use crate::finding::Finding;
use crate::span::{Span, line_cols};

static DIRECTIVE: LazyLock<Regex> = LazyLock::new(|| {
    #[allow(clippy::expect_used)]
    Regex::new(r"<!--\s*lipzip-ignore-next-line\b(.*?)-->").expect("directive pattern")
});

static BODY: LazyLock<Regex> = LazyLock::new(|| {
    #[allow(clippy::expect_used)]
    Regex::new(r"^\s*([a-z0-9]+(?:-[a-z0-9]+)*)\s*:\s*(\S.*?)\s*$").expect("body pattern")
});

/// One well-formed suppression.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Suppression {
    /// The rule it silences.
    pub rule: String,
    /// Why, in the writer's words.
    pub reason: String,
    /// The directive itself.
    pub span: Span,
    /// 1-based line it silences.
    pub target_line: usize,
}

/// A directive without a rule id or a reason.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SuppressionError {
    /// The directive.
    pub span: Span,
    /// 1-based line of the directive.
    pub line: usize,
}

impl std::fmt::Display for SuppressionError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "line {}: a suppression needs a rule id and a reason: \
             <!-- lipzip-ignore-next-line RULE-ID: why this is not a leak -->",
            self.line
        )
    }
}

/// Every suppression directive in `text`.
#[must_use]
pub fn parse(text: &str) -> (Vec<Suppression>, Vec<SuppressionError>) {
    let mut ok = Vec::new();
    let mut bad = Vec::new();
    let found: Vec<(Span, Option<(String, String)>)> = DIRECTIVE
        .captures_iter(text)
        .filter_map(|caps| {
            let (all, body) = (caps.get(0)?, caps.get(1)?);
            let parsed = BODY
                .captures(body.as_str())
                .map(|b| (b[1].to_owned(), b[2].to_owned()));
            Some((Span::new(all.start(), all.end()), parsed))
        })
        .collect();
    if found.is_empty() {
        return (ok, bad);
    }
    let offsets: Vec<usize> = found.iter().flat_map(|(s, _)| [s.start, s.end]).collect();
    let lines = line_cols(text, &offsets);
    for (i, (span, parsed)) in found.into_iter().enumerate() {
        let line = lines[2 * i].line;
        match parsed {
            Some((rule, reason)) => ok.push(Suppression {
                rule,
                reason,
                span,
                target_line: next_content_line(text, span.end, lines[2 * i + 1].line),
            }),
            None => bad.push(SuppressionError { span, line }),
        }
    }
    (ok, bad)
}

/// The first line after `offset`'s line (`line`) that has something other than spaces.
fn next_content_line(text: &str, offset: usize, mut line: usize) -> usize {
    let rest = &text[offset..];
    let mut lines = rest.split('\n');
    lines.next();
    for l in lines {
        line += 1;
        if !l.trim().is_empty() {
            return line;
        }
    }
    line + 1
}

/// Removes the findings that a suppression covers; returns how many.
///
/// Findings inside a directive (its reason may quote the name it is about) are dropped too,
/// without counting: the comment is not published.
pub fn apply(findings: &mut Vec<Finding>, suppressions: &[Suppression], text: &str) -> usize {
    if suppressions.is_empty() {
        return 0;
    }
    findings.retain(|f| !suppressions.iter().any(|s| s.span.overlaps(f.span)));
    let before = findings.len();
    let starts: Vec<usize> = findings.iter().map(|f| f.span.start).collect();
    let lines = line_cols(text, &starts);
    let mut i = 0;
    findings.retain(|f| {
        let line = lines[i].line;
        i += 1;
        !suppressions
            .iter()
            .any(|s| s.target_line == line && s.rule == f.rule.as_str())
    });
    before - findings.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_rule_and_reason_and_targets_the_next_content_line() {
        let text =
            "a\n<!-- lipzip-ignore-next-line client-name: Mary is our dog -->\n\nMary barked\n";
        let (ok, bad) = parse(text);
        assert!(bad.is_empty());
        assert_eq!(ok[0].rule, "client-name");
        assert_eq!(ok[0].reason, "Mary is our dog");
        assert_eq!(ok[0].target_line, 4);
    }

    #[test]
    fn a_bare_directive_is_an_error() {
        for text in [
            "<!-- lipzip-ignore-next-line -->",
            "<!-- lipzip-ignore-next-line client-name -->",
            "<!-- lipzip-ignore-next-line: no rule -->",
        ] {
            let (ok, bad) = parse(text);
            assert!(ok.is_empty(), "{text}");
            assert_eq!(bad.len(), 1, "{text}");
        }
    }
}
