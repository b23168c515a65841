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
pub fn render(report: &Report<'_>, theme: GraphicalTheme, explain: bool) -> String {
    let handler = GraphicalReportHandler::new_themed(theme).with_width(100);
    let mut out = String::new();
    for file in &report.files {
        let shown = report.shown_text(file);
        let source = NamedSource::new(&file.path, shown.clone().into_owned());
        for f in &file.scan.findings {
            let Some(rule) = report.rules.get(&f.rule) else {
                continue;
            };
            let diag = FindingDiagnostic {
                finding: f,
                rule,
                source: &source,
                text: &shown,
                explain,
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
        if let Some(fix) = file.fix.as_ref().filter(|x| x.fixed > 0) {
            let _ = write!(out, ", fixed {}", fix.fixed);
        }
        let _ = writeln!(out, ")");
        for n in file.fix.iter().flat_map(|x| &x.not_fixed) {
            let client = n
                .skipped
                .client
                .as_ref()
                .map(|c| format!(" (client {c})"))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "  not fixed: line {}, {}{client}: {}",
                n.at.line, n.skipped.rule, n.skipped.reason
            );
        }
        if counted > 0 || allowed > 0 {
            out.push('\n');
        }
    }
    for (label, list) in [("skipped", &report.notices), ("error", &report.errors)] {
        for e in list {
            let path = e
                .path
                .as_deref()
                .map(|p| format!("{p}: "))
                .unwrap_or_default();
            let _ = writeln!(out, "{label}: {path}{}", e.message);
        }
    }
    let (block, warn, pass) = report.counts();
    let (suppressed, baselined) = report.silenced();
    let mut extra = String::new();
    if !report.errors.is_empty() {
        let _ = write!(
            extra,
            ", {} error{}",
            report.errors.len(),
            plural(report.errors.len())
        );
    }
    if suppressed > 0 {
        let _ = write!(extra, ", {suppressed} suppressed inline");
    }
    if baselined > 0 {
        let _ = write!(extra, ", {baselined} accepted by the baseline");
    }
    let _ = writeln!(
        out,
        "{} draft{} checked: {block} block, {warn} warn, {pass} pass{extra}",
        report.files.len(),
        plural(report.files.len()),
    );
    out
}

/// An anonymity-set estimate for people: "fits about 1 person", "fits about 40 people".
fn people(k: f64) -> String {
    if k <= 1.5 {
        "this description fits about 1 person".to_owned()
    } else {
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let n = k.round() as u64;
        format!("this description fits about {n} people")
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

struct FindingDiagnostic<'a> {
    text: &'a str,
    explain: bool,
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
        let f = self.finding;
        let mut help = String::new();
        if f.allowed_by.is_none() {
            help.push_str(&self.rule.help);
        }
        if !f.cues.is_empty() {
            let mut seen = Vec::new();
            for c in &f.cues {
                let quoted = format!(
                    "{} \"{}\"",
                    c.kind,
                    self.text[c.span.range()].replace('\n', " ")
                );
                if !seen.contains(&quoted) {
                    seen.push(quoted);
                }
            }
            let _ = write!(help, "\nevidence: {}", seen.join(" · "));
        }
        if let Some(k) = f.k {
            let _ = write!(help, "\n{} in the area", people(k));
        }
        if self.explain {
            let _ = write!(help, "\nwhy: {}", self.rule.why.trim());
            let _ = write!(help, "\ndiscloses: {}", f.disclosed);
            match &f.allowed_by {
                Some(k) => {
                    let _ = write!(help, "\nconsent: {k} covers this channel and all of it");
                }
                None if f.consent_gaps.is_empty() && f.client.is_some() => {
                    help.push_str("\nconsent: none on file");
                }
                None => {}
            }
        }
        for (record, gap) in &f.consent_gaps {
            let _ = write!(help, "\nconsent {record} does not count: {gap}");
        }
        let help = help.trim_start().to_owned();
        (!help.is_empty()).then(|| Box::new(help) as Box<dyn fmt::Display>)
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
