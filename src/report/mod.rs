//! Reports of a `check` run, in each output format.
//!
//! Every format quotes only the draft (the text under a finding's span) and names clients by
//! roster id. Messages and help come from the rules, which hold no roster data.

pub mod human;
pub mod json;

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
}

impl Report<'_> {
    /// How many drafts got each verdict: (block, warn, pass).
    #[must_use]
    pub fn counts(&self) -> (usize, usize, usize) {
        let n = |v| self.files.iter().filter(|f| f.scan.verdict == v).count();
        (n(Verdict::Block), n(Verdict::Warn), n(Verdict::Pass))
    }
}
