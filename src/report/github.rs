//! GitHub Actions workflow commands: one `::error` (block) or `::warning` (warn) line per
//! finding, which GitHub shows as an annotation on the file and line.
//!
//! The message names the rule and the client id; the draft's text is not repeated (the
//! annotation points at the line already), so these lines are safe in a public log.

use std::fmt::Write;

use super::Report;
use crate::rules::Severity;

/// Renders the annotations, then one summary line.
#[must_use]
pub fn render(report: &Report<'_>) -> String {
    let mut out = String::new();
    for file in &report.files {
        let positions = super::positions(file);
        for (f, (start, end)) in file.scan.findings.iter().zip(positions) {
            if !f.counts() {
                continue;
            }
            let level = if f.severity == Severity::Block {
                "error"
            } else {
                "warning"
            };
            let rule = report.rules.get(&f.rule);
            let mut message = rule.map_or_else(String::new, |r| r.message.clone());
            if let Some(c) = &f.client {
                let _ = write!(message, " (client {c})");
            }
            if let Some(r) = rule {
                let _ = write!(message, "\n{}", r.help);
            }
            let _ = writeln!(
                out,
                "::{level} file={},line={},col={},endLine={},endColumn={},title={}::{}",
                property(&file.path),
                start.line,
                start.column,
                end.line,
                end.column,
                property(&format!("lipzip {}", f.rule)),
                data(&message),
            );
        }
    }
    for e in &report.errors {
        let _ = writeln!(
            out,
            "::error{}::{}",
            e.path
                .as_deref()
                .map(|p| format!(" file={}", property(p)))
                .unwrap_or_default(),
            data(&e.message)
        );
    }
    let (block, warn, pass) = report.counts();
    let _ = writeln!(out, "lipzip: {block} block, {warn} warn, {pass} pass");
    out
}

/// Escapes a message as GitHub's command parser expects.
fn data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value, where `:` and `,` are separators too.
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_separators() {
        assert_eq!(property("a,b:c%d\ne"), "a%2Cb%3Ac%25d%0Ae");
        assert_eq!(data("50%\nnext"), "50%25%0Anext");
    }
}
