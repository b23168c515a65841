//! Reports of a `check` run, in each output format.
//!
//! Every format quotes only the draft (the text under a finding's span) and names clients by
//! roster id. Messages and help come from the rules, which hold no roster data.

pub mod github;
pub mod human;
pub mod json;
pub mod sarif;

use std::borrow::Cow;

use crate::date::Date;
use crate::document::Channel;
use crate::finding::{Scan, Verdict};
use crate::rules::RuleSet;

/// One checked draft.
#[derive(Debug)]
pub struct FileReport {
    /// The path as the user named it (or `<stdin>`).
    pub path: String,
    /// The channel it was judged for.
    pub channel: Channel,
    /// Its text, for quoting spans.
    pub text: String,
    /// What the scan found.
    pub scan: Scan,
    /// Findings accepted by the baseline (already in the repository before).
    pub baselined: usize,
    /// What `--fix` did to it, when asked.
    pub fix: Option<FixNote>,
}

/// What `--fix` did to one draft.
#[derive(Debug, Default)]
pub struct FixNote {
    /// Findings fixed.
    pub fixed: usize,
    /// Findings that still fail, each with why it was not fixed.
    pub not_fixed: Vec<NotFixed>,
}

/// A finding `--fix` left, placed in the text it was judged in (under `--dry-run`, the fixed
/// text that was not written).
#[derive(Debug)]
pub struct NotFixed {
    /// The finding.
    pub skipped: crate::fix::Skipped,
    /// 1-based line and column.
    pub at: crate::span::LineCol,
}

/// "rule (client C001): reason", the words both the report and `--fix --dry-run` print for a
/// finding left as it was.
impl std::fmt::Display for NotFixed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.skipped.rule)?;
        if let Some(c) = &self.skipped.client {
            write!(f, " (client {c})")?;
        }
        write!(f, ": {}", self.skipped.reason)
    }
}

impl FileReport {
    /// A stable fingerprint of a finding for baselines and SARIF: a hash of the path, the rule,
    /// the client id and the normalised matched text. It holds no name, and does not change
    /// when lines move.
    #[must_use]
    pub fn fingerprint(&self, f: &crate::finding::Finding) -> String {
        let text = crate::normalize::normalize(&self.text[f.span.range()]);
        let client = f.client.as_ref().map_or("-", |c| c.as_str());
        let key = [self.path.as_str(), f.rule.as_str(), client, text.as_str()].join("\0");
        format!("{:016x}", fnv1a(key.as_bytes()))
    }
}

/// Start and end line/column of every finding of a file, in finding order, in one pass over
/// its text.
pub(crate) fn positions(file: &FileReport) -> Vec<(crate::span::LineCol, crate::span::LineCol)> {
    let offsets: Vec<usize> = file
        .scan
        .findings
        .iter()
        .flat_map(|f| [f.span.start, f.span.end])
        .collect();
    let all = crate::span::line_cols(&file.text, &offsets);
    all.chunks_exact(2).map(|p| (p[0], p[1])).collect()
}

/// FNV-1a, 64 bits: tiny, and stable across Rust versions (unlike `DefaultHasher`), which a
/// baseline committed to a repository needs.
fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// Something that stopped a path or the whole run from being checked.
#[derive(Debug, Clone)]
pub struct RunError {
    /// The path concerned, if any.
    pub path: Option<String>,
    /// What went wrong and what to do.
    pub message: String,
}

/// A whole run.
#[derive(Debug)]
pub struct Report<'r> {
    /// The rules findings refer to.
    pub rules: &'r RuleSet,
    /// The day consent was judged on.
    pub today: Date,
    /// Checked drafts, in input order.
    pub files: Vec<FileReport>,
    /// Paths that could not be checked.
    pub errors: Vec<RunError>,
    /// Paths skipped on purpose (binary files in the index), with why.
    pub notices: Vec<RunError>,
    /// Whether draft text is replaced by a placeholder in every format (for public CI logs).
    pub redact: bool,
}

impl Report<'_> {
    /// How many drafts got each verdict: (block, warn, pass).
    #[must_use]
    pub fn counts(&self) -> (usize, usize, usize) {
        let n = |v| self.files.iter().filter(|f| f.scan.verdict == v).count();
        (n(Verdict::Block), n(Verdict::Warn), n(Verdict::Pass))
    }

    /// The draft text at `span`, or a placeholder under `--redact`.
    #[must_use]
    pub fn quote<'a>(&self, file: &'a FileReport, span: crate::span::Span) -> Cow<'a, str> {
        if self.redact {
            Cow::Borrowed(REDACTED)
        } else {
            Cow::Borrowed(&file.text[span.range()])
        }
    }

    /// The file's text with every finding's and cue's span masked under `--redact` (byte for
    /// byte, so spans still point at the same place), else the text itself.
    #[must_use]
    pub fn shown_text<'a>(&self, file: &'a FileReport) -> Cow<'a, str> {
        if !self.redact {
            return Cow::Borrowed(&file.text);
        }
        let mut bytes = file.text.clone().into_bytes();
        let spans = file
            .scan
            .findings
            .iter()
            .flat_map(|f| std::iter::once(f.span).chain(f.cues.iter().map(|c| c.span)));
        for span in spans {
            for b in &mut bytes[span.range()] {
                // Mask whole characters: a continuation byte becomes part of the mask too.
                *b = b'*';
            }
        }
        Cow::Owned(String::from_utf8_lossy(&bytes).into_owned())
    }
}

/// What `--redact` prints instead of draft text.
pub const REDACTED: &str = "[redacted]";

impl Report<'_> {
    /// Suppressed and baselined findings over all files.
    #[must_use]
    pub fn silenced(&self) -> (usize, usize) {
        (
            self.files.iter().map(|f| f.scan.suppressed).sum(),
            self.files.iter().map(|f| f.baselined).sum(),
        )
    }
}
