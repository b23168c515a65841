//! What a scan reports: findings with byte spans, rule ids and client ids, and a verdict.
//!
//! A finding holds ids and spans only. Its text is whatever the draft says at its span; its
//! message comes from the rule; the client is named by roster id. Nothing here can carry a name
//! from the roster.

use crate::consent::{Disclosures, Gap};
use crate::roster::ClientId;
use crate::rules::{RuleId, Severity};
use crate::span::Span;

/// One thing in a draft that may identify a client.
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    /// The rule that found it.
    pub rule: RuleId,
    /// How bad it is, before consent.
    pub severity: Severity,
    /// Where, in the draft's original bytes.
    pub span: Span,
    /// The roster client it points at, when it points at exactly one.
    pub client: Option<ClientId>,
    /// What the draft discloses about that client (judged against consent scope).
    pub disclosed: Disclosures,
    /// The consent record that allows it, if one does.
    pub allowed_by: Option<String>,
    /// Why each of the client's consent records does not cover it (record id, reason).
    pub consent_gaps: Vec<(String, Gap)>,
    /// The evidence that led to it: context phrases, quasi-identifiers, health terms.
    pub cues: Vec<CueNote>,
    /// Estimated number of people in the practice's area the cues fit (the anonymity set),
    /// for findings that rest on quasi-identifiers.
    pub k: Option<f64>,
    /// The client's position in the roster, so the engine never searches the roster by id.
    pub(crate) client_index: Option<u32>,
}

/// One piece of evidence behind a finding: what kind, and where in the draft.
#[derive(Clone, Debug, PartialEq)]
pub struct CueNote {
    /// `context`, `occupation`, `age`, `role`, `health` ...
    pub kind: &'static str,
    /// Where it is in the draft.
    pub span: Span,
}

impl Finding {
    /// Whether this finding counts toward the verdict: not allowed by consent, and not context.
    #[must_use]
    pub fn counts(&self) -> bool {
        self.allowed_by.is_none() && self.severity > Severity::Info
    }
}

/// The decision for one draft.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Verdict {
    /// Nothing about a client is disclosed without consent.
    Pass,
    /// A person should look before it goes out.
    Warn,
    /// Must not be published as it is.
    Block,
}

impl Verdict {
    /// The verdict of a set of findings: the most severe one that counts.
    #[must_use]
    pub fn of(findings: &[Finding]) -> Verdict {
        findings
            .iter()
            .filter(|f| f.counts())
            .map(|f| match f.severity {
                Severity::Block => Verdict::Block,
                Severity::Warn => Verdict::Warn,
                Severity::Info => Verdict::Pass,
            })
            .max()
            .unwrap_or(Verdict::Pass)
    }

    /// The lowercase name used in reports.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Pass => "pass",
            Verdict::Warn => "warn",
            Verdict::Block => "block",
        }
    }
}

/// The result of scanning one document.
#[derive(Clone, Debug, PartialEq)]
pub struct Scan {
    /// Findings in span order.
    pub findings: Vec<Finding>,
    /// The verdict.
    pub verdict: Verdict,
    /// Findings silenced by an inline suppression.
    pub suppressed: usize,
    /// Suppression directives without a rule id or reason: errors for the front-end.
    pub bad_suppressions: Vec<crate::suppress::SuppressionError>,
}
