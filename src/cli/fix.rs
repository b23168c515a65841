//! `lipzip check --fix`: rewrite the drafts that fail, check them again, write them atomically
//! (or, with `--dry-run`, print a unified diff and write nothing).
//!
//! The edits come from the core ([`crate::fix`]); this module decides which findings to fix
//! (those that fail the run), re-checks the result (a fix is kept only through a fresh scan,
//! up to three rounds), refuses what it cannot do safely, and touches no file it did not
//! change. A draft that changed on disk while it was being checked is not written.

use std::io::Write;
use std::path::Path;

use super::CheckArgs;
use super::Format;
use super::check::{apply_baseline, check_one};
use crate::date::Date;
use crate::finding::{Finding, Verdict};
use crate::markup::Markup;
use crate::report::{FileReport, FixNote, NotFixed, Report, RunError};
use crate::rules::Severity;
use crate::scanner::Scanner;

/// Rounds of fix-and-check per draft: a fix can uncover another form of a name ("Mary J."
/// after "Mrs. Jones" is gone); three rounds end any chain a real draft has.
const ROUNDS: usize = 3;

/// What fixing needs from the run.
pub(crate) struct Fixing<'a> {
    pub(crate) scanner: &'a Scanner,
    pub(crate) today: Date,
    pub(crate) baseline: &'a std::collections::BTreeSet<String>,
    /// Findings at or above this verdict are fixed (those that fail the run).
    pub(crate) threshold: Verdict,
    pub(crate) dry_run: bool,
}

/// One draft after fixing: its report (of the fixed text, or under `--dry-run` of the text
/// on disk), errors met on the way, and its diff under `--dry-run`.
pub(crate) struct Outcome {
    pub(crate) report: FileReport,
    pub(crate) errors: Vec<RunError>,
    pub(crate) diff: Option<String>,
}

impl Fixing<'_> {
    fn fails(&self, f: &Finding) -> bool {
        let at = match f.severity {
            Severity::Block => Verdict::Block,
            Severity::Warn => Verdict::Warn,
            Severity::Info => Verdict::Pass,
        };
        f.counts() && at >= self.threshold
    }

    /// The findings that fail the run, to be fixed.
    fn failing<'f>(&self, findings: &'f [Finding]) -> Vec<&'f Finding> {
        findings.iter().filter(|f| self.fails(f)).collect()
    }

    /// Fixes the draft at `path` whose check is `report`.
    pub(crate) fn fix(&self, report: FileReport, path: &Path, markup: Markup) -> Outcome {
        let original = report.text.clone();
        let name = report.path.clone();
        let channel = report.channel;
        let mut errors = Vec::new();
        let mut current = report;
        let mut fixed = 0;
        for _ in 0..ROUNDS {
            let failing = self.failing(&current.scan.findings);
            if failing.is_empty() {
                break;
            }
            let plan = crate::fix::plan(&current.text, markup, &failing, self.scanner);
            if plan.edits.is_empty() {
                break;
            }
            let text = plan.apply(&current.text);
            if crate::document::front_matter(&text).is_err() {
                errors.push(RunError {
                    path: Some(name.clone()),
                    message: "not fixed: the fix would break its front matter (the block between \
                              the --- lines); replace the names there by hand"
                        .to_owned(),
                });
                break;
            }
            match check_one(
                self.scanner,
                name.clone(),
                text,
                channel,
                markup,
                self.today,
            ) {
                Ok(mut next) => {
                    apply_baseline(&mut next, self.baseline);
                    fixed += plan.fixed;
                    current = next;
                }
                Err(e) => {
                    errors.push(e);
                    break;
                }
            }
        }
        let failing = self.failing(&current.scan.findings);
        let left = crate::fix::plan(&current.text, markup, &failing, self.scanner);
        let not_fixed: Vec<NotFixed> = failing
            .iter()
            .map(|f| NotFixed {
                skipped: left
                    .skipped
                    .iter()
                    .find(|s| s.span == f.span)
                    .cloned()
                    .unwrap_or(crate::fix::Skipped {
                        span: f.span,
                        rule: f.rule.clone(),
                        client: f.client.clone(),
                        reason: crate::fix::Unfixable::Overlap,
                    }),
                at: crate::span::line_col(&current.text, f.span.start),
            })
            .collect();
        let changed = current.text != original;
        let mut not_fixed = not_fixed;
        let mut diff = None;
        if changed && self.dry_run {
            diff = Some(unified_diff(&name, &original, &current.text));
        } else if changed && let Err(message) = write_fixed(path, &original, &current.text) {
            errors.push(RunError {
                path: Some(name.clone()),
                message,
            });
            fixed = 0;
            not_fixed = Vec::new();
        } else {
            current.fix = Some(FixNote { fixed, not_fixed });
            return Outcome {
                report: current,
                errors,
                diff,
            };
        }
        // The draft on disk is unchanged (a dry run, or the write failed): report it as it is,
        // and place what would be left where it is in that text.
        let fixed_text = current.text.clone();
        let mut report = match check_one(self.scanner, name, original, channel, markup, self.today)
        {
            Ok(mut r) => {
                apply_baseline(&mut r, self.baseline);
                r
            }
            Err(e) => {
                errors.push(e);
                current
            }
        };
        let mut used = vec![false; report.scan.findings.len()];
        for n in &mut not_fixed {
            let words = &fixed_text[n.skipped.span.range()];
            let same = report.scan.findings.iter().enumerate().position(|(i, f)| {
                !used[i]
                    && f.rule == n.skipped.rule
                    && f.client == n.skipped.client
                    && report.text[f.span.range()] == *words
            });
            if let Some(i) = same {
                used[i] = true;
                let f = &report.scan.findings[i];
                n.skipped.span = f.span;
                n.at = crate::span::line_col(&report.text, f.span.start);
            }
        }
        report.fix = Some(FixNote { fixed, not_fixed });
        Outcome {
            report,
            errors,
            diff,
        }
    }
}

/// Writes the fixed draft over `path` (through a symlink, to its target), unless the file no
/// longer holds `original`.
fn write_fixed(path: &Path, original: &str, fixed: &str) -> Result<(), String> {
    let target = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
    let now =
        std::fs::read(&target).map_err(|e| format!("not fixed: cannot read it again: {e}"))?;
    if now != original.as_bytes() {
        return Err(
            "not fixed: the file changed while lipzip was checking it; run lipzip again".into(),
        );
    }
    super::atomic_write(&target, fixed.as_bytes())
        .map_err(|e| format!("not fixed: cannot write the fixed draft: {e}"))
}

/// A unified diff (3 lines of context) from `before` to `after`, both labelled `name`.
fn unified_diff(name: &str, before: &str, after: &str) -> String {
    let diff = similar::TextDiff::from_lines(before, after);
    let mut out = String::new();
    let _ = std::fmt::Write::write_fmt(
        &mut out,
        format_args!(
            "{}",
            diff.unified_diff()
                .context_radius(3)
                .missing_newline_hint(true)
                .header(name, name)
        ),
    );
    out
}

/// What `--fix --dry-run` tells on stderr: per draft, how many findings it would fix and
/// what it would leave, then a total.
pub(crate) fn dry_run_notes(report: &Report<'_>) -> String {
    let mut out = String::new();
    let mut total = 0;
    let mut left = 0;
    for file in &report.files {
        let Some(fix) = &file.fix else { continue };
        total += fix.fixed;
        left += fix.not_fixed.len();
        if fix.fixed > 0 {
            out.push_str(&format!(
                "would fix {}: {} finding{}\n",
                file.path,
                fix.fixed,
                if fix.fixed == 1 { "" } else { "s" }
            ));
        }
        for n in &fix.not_fixed {
            out.push_str(&format!(
                "would not fix {}:{}:{}: {n}\n",
                file.path, n.at.line, n.at.column
            ));
        }
    }
    for e in &report.errors {
        let path = e
            .path
            .as_deref()
            .map(|p| format!("{p}: "))
            .unwrap_or_default();
        out.push_str(&format!("error: {path}{}\n", e.message));
    }
    out.push_str(&format!(
        "--dry-run: nothing was written; {total} finding{} would be fixed, {left} left for you\n",
        if total == 1 { "" } else { "s" }
    ));
    out
}

/// Combinations `--fix` cannot honour, refused before anything is read: the exit code (2)
/// after saying why and what to do instead.
pub(crate) fn refuse(args: &CheckArgs) -> Option<u8> {
    if !args.fix {
        return None;
    }
    let (message, help) = if args.staged {
        (
            "--fix cannot be used with --staged: --staged checks the copy of each draft in the \
             git index, but --fix would rewrite the files in your work tree",
            "run `lipzip check --fix` on the drafts (their paths), then `git add` them again",
        )
    } else if args.paths.iter().any(|p| p.as_os_str() == "-") {
        (
            "--fix cannot rewrite standard input (`-`)",
            "save the draft to a file and run `lipzip check --fix FILE`",
        )
    } else if args.dry_run && args.format != Format::Human {
        (
            "--dry-run prints a diff, not a report, so it cannot be combined with --format",
            "leave out --format, or leave out --dry-run to fix and then report",
        )
    } else if args.dry_run && args.redact {
        (
            "--dry-run prints the draft's words in its diff, which --redact would hide",
            "leave out --redact, or leave out --dry-run",
        )
    } else {
        return None;
    };
    let _ = writeln!(std::io::stderr().lock(), "error: {message}\n  help: {help}");
    Some(2)
}
