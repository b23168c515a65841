//! Inline suppression of a reviewed false positive:
//! `<!-- lipzip-ignore-next-line RULE-ID: reason -->`.
//!
//! A suppression names the rule it silences and says why, so a reviewer can audit it; one
//! without both is itself an error (a bare "ignore" would let a leak through unexplained). It
//! silences findings of that rule on the next non-blank line only.

use std::sync::LazyLock;

use regex::Regex;

use crate::finding::Finding;
use crate::span::{Span, line_col};

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
    for caps in DIRECTIVE.captures_iter(text) {
        let (Some(all), Some(body)) = (caps.get(0), caps.get(1)) else {
            continue;
        };
        let span = Span::new(all.start(), all.end());
        let line = line_col(text, all.start()).line;
        match BODY.captures(body.as_str()) {
            Some(b) => ok.push(Suppression {
                rule: b[1].to_owned(),
                reason: b[2].to_owned(),
                span,
                target_line: next_content_line(text, all.end()),
            }),
            None => bad.push(SuppressionError { span, line }),
        }
    }
    (ok, bad)
}

/// The first line after `offset`'s line that has something other than spaces.
fn next_content_line(text: &str, offset: usize) -> usize {
    let mut line = line_col(text, offset).line;
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
    findings.retain(|f| !suppressions.iter().any(|s| s.span.overlaps(f.span)));
    let before = findings.len();
    findings.retain(|f| {
        let line = line_col(text, f.span.start).line;
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
