//! The report for people: each finding rendered the way miette renders a compiler error, with
//! `path:line:col`, the draft's line and the span underlined, then a verdict per draft and a
//! summary.

use std::fmt::{self, Write};

use miette::{
    Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, NamedSource, SourceCode,
};

use super::Report;
use crate::finding::{Finding, Verdict};
use crate::rules::{Rule, Severity};

/// Renders the whole report as text with `theme`.
#[must_use]
pub fn render(report: &Report<'_>, theme: GraphicalTheme) -> String {
    let handler = GraphicalReportHandler::new_themed(theme).with_width(100);
    let mut out = String::new();
    for file in &report.files {
        let source = NamedSource::new(&file.path, file.text.clone());
        for f in &file.scan.findings {
            let Some(rule) = report.rules.get(&f.rule) else {
                continue;
            };
            let diag = FindingDiagnostic {
                finding: f,
                rule,
                source: &source,
            };
            if handler.render_report(&mut out, &diag).is_err() {
                let _ = writeln!(out, "{diag}");
            }
        }
        let mark = match file.scan.verdict {
            Verdict::Block => "BLOCK",
            Verdict::Warn => "WARN ",
            Verdict::Pass => "pass ",
        };
        let allowed = file
            .scan
            .findings
            .iter()
            .filter(|f| f.allowed_by.is_some())
            .count();
        let counted = file.scan.findings.iter().filter(|f| f.counts()).count();
        let _ = write!(out, "{mark} {} ({}", file.path, file.channel);
        if counted > 0 {
            let _ = write!(out, ", {counted} finding{}", plural(counted));
        }
        if allowed > 0 {
            let _ = write!(out, ", {allowed} allowed by consent");
        }
        let _ = writeln!(out, ")");
        if counted > 0 || allowed > 0 {
            out.push('\n');
        }
    }
    for e in &report.errors {
        let _ = writeln!(
            out,
            "error: {}{}",
            e.path
                .as_deref()
                .map(|p| format!("{p}: "))
                .unwrap_or_default(),
            e.message
        );
    }
    let (block, warn, pass) = report.counts();
    let _ = writeln!(
        out,
        "{} draft{} checked: {block} block, {warn} warn, {pass} pass{}",
        report.files.len(),
        plural(report.files.len()),
        if report.errors.is_empty() {
            String::new()
        } else {
            format!(
                ", {} error{}",
                report.errors.len(),
                plural(report.errors.len())
            )
        }
    );
    out
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

struct FindingDiagnostic<'a> {
    finding: &'a Finding,
    rule: &'a Rule,
    source: &'a NamedSource<String>,
}

impl fmt::Debug for FindingDiagnostic<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.rule.id)
    }
}

impl fmt::Display for FindingDiagnostic<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let severity = match (&self.finding.allowed_by, self.finding.severity) {
            (Some(_), _) => "allowed",
            (None, s) => s.as_str(),
        };
        write!(f, "{severity}[{}]: {}", self.rule.id, self.rule.message)?;
        if let Some(c) = &self.finding.client {
            write!(f, " (client {c})")?;
        }
        if let Some(k) = &self.finding.allowed_by {
            write!(f, ", allowed by consent {k}")?;
        }
        Ok(())
    }
}

impl std::error::Error for FindingDiagnostic<'_> {}

impl Diagnostic for FindingDiagnostic<'_> {
    fn severity(&self) -> Option<miette::Severity> {
        Some(match (&self.finding.allowed_by, self.finding.severity) {
            (Some(_), _) | (None, Severity::Info) => miette::Severity::Advice,
            (None, Severity::Warn) => miette::Severity::Warning,
            (None, Severity::Block) => miette::Severity::Error,
        })
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        if self.finding.allowed_by.is_some() {
            return None;
        }
        let mut help = self.rule.help.clone();
        for (record, gap) in &self.finding.consent_gaps {
            let _ = write!(help, "\nconsent {record} does not count: {gap}");
        }
        Some(Box::new(help))
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(self.source as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let label = match &self.finding.client {
            Some(c) => format!("client {c}"),
            None => self.rule.id.to_string(),
        };
        let span = self.finding.span;
        Some(Box::new(std::iter::once(LabeledSpan::new(
            Some(label),
            span.start,
            span.len(),
        ))))
    }
}
