//! The report for people: each finding rendered the way miette renders a compiler error, with
//! `path:line:col`, the draft's line and the span underlined, then a verdict per draft and a
//! summary.

use std::fmt::{self, Write};

use std::collections::HashMap;

use miette::{
    Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError,
    MietteSpanContents, SourceCode, SourceSpan, SpanContents,
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
        let starts: Vec<usize> = file.scan.findings.iter().map(|f| f.span.start).collect();
        let source = Excerpt::new(&file.path, &shown, &starts);
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
            let _ = writeln!(out, "  not fixed: line {}, {n}", n.at.line);
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
    source: &'a Excerpt<'a>,
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
                let quoted = if c.span.is_empty() {
                    c.kind.to_owned()
                } else {
                    format!(
                        "{} \"{}\"",
                        c.kind,
                        self.text[c.span.range()].replace('\n', " ")
                    )
                };
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

/// The draft as miette reads it. Lines come from an index built once, and a line too long to
/// print whole (a draft that is one 20 MB line, minified HTML) is shown as a window around the
/// span: miette's own lookup walks the text from the start for each finding and prints the
/// whole line, which for such a draft is quadratic in time and in output.
struct Excerpt<'a> {
    name: &'a str,
    text: &'a str,
    line_starts: Vec<usize>,
    /// 0-based line and char column of each finding's start, for the `path:line:col` header.
    positions: HashMap<usize, (usize, usize)>,
}

/// Most bytes of context printed around a finding before lines are cut to a window.
const MAX_CONTEXT: usize = 1_000;
/// Bytes shown on each side of a span in a cut line.
const WINDOW: usize = 120;

impl<'a> Excerpt<'a> {
    fn new(name: &'a str, text: &'a str, starts: &[usize]) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        let positions = starts
            .iter()
            .zip(crate::span::line_cols(text, starts))
            .map(|(&o, lc)| (o, (lc.line - 1, lc.column - 1)))
            .collect();
        Excerpt {
            name,
            text,
            line_starts,
            positions,
        }
    }

    fn line_of(&self, offset: usize) -> usize {
        self.line_starts.partition_point(|&s| s <= offset) - 1
    }

    /// End of line `line`, without its `\n` or `\r\n`.
    fn line_end(&self, line: usize) -> usize {
        let end = self
            .line_starts
            .get(line + 1)
            .map_or(self.text.len(), |&next| next - 1);
        if self.text[..end].ends_with('\r') {
            end - 1
        } else {
            end
        }
    }

    fn contents(
        &self,
        start: usize,
        end: usize,
        line: usize,
        column: usize,
        lines: usize,
    ) -> MietteSpanContents<'a> {
        MietteSpanContents::new_named(
            self.name.to_owned(),
            &self.text.as_bytes()[start..end],
            SourceSpan::from((start, end - start)),
            line,
            column,
            lines,
        )
    }
}

impl SourceCode for Excerpt<'_> {
    fn read_span<'b>(
        &'b self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'b> + 'b>, MietteError> {
        let (start, end) = (span.offset(), span.offset() + span.len());
        if end > self.text.len() {
            return Err(MietteError::OutOfBounds);
        }
        let first = self.line_of(start);
        let last = self.line_of(end.saturating_sub(1).max(start));
        if before == 0 && after == 0 {
            // The header's `line:col`: exact, counted in chars like the other formats.
            let (line, column) = self.positions.get(&start).copied().unwrap_or_else(|| {
                let lc = crate::span::line_col(self.text, start);
                (lc.line - 1, lc.column - 1)
            });
            return Ok(Box::new(self.contents(
                start,
                end,
                line,
                column,
                last - first + 1,
            )));
        }
        let from = first.saturating_sub(before);
        let to = (last + after).min(self.line_starts.len() - 1);
        // Whole lines, each with its line break, as miette's own lookup gives them.
        let through = |line: usize| {
            self.line_starts
                .get(line + 1)
                .copied()
                .unwrap_or(self.text.len())
        };
        let (a, b) = (self.line_starts[from], through(to));
        if b - a <= MAX_CONTEXT {
            return Ok(Box::new(self.contents(a, b, from, 0, to - from + 1)));
        }
        let (a, b) = (self.line_starts[first], through(last).max(end));
        if b - a <= MAX_CONTEXT {
            return Ok(Box::new(self.contents(a, b, first, 0, last - first + 1)));
        }
        // A long line: a window around the span, cut on char boundaries.
        let mut a = start.saturating_sub(WINDOW).max(self.line_starts[first]);
        while !self.text.is_char_boundary(a) {
            a -= 1;
        }
        let mut b = (end + WINDOW).min(self.line_end(last)).max(end);
        while !self.text.is_char_boundary(b) {
            b += 1;
        }
        Ok(Box::new(self.contents(a, b, first, 0, last - first + 1)))
    }
}
