//! lipzip keeps practitioners from leaking their clients in what they publish.
//!
//! This crate is the engine; the `lipzip` binary, the git hook and the language server are thin
//! front-ends over it. The pipeline:
//!
//! ```text
//! Roster (roster.rs) ─┐
//!                     ├─> Scanner::new (scanner.rs)   compiled once: a whole-word index of the
//! RulePacks (rules/) ─┘          │                     normalised roster (names.rs), one DFA of
//!                                │                     the lexicons (cues.rs, lexicon.rs)
//!                                v
//! Document (document.rs) ──> Scanner::scan ──> names + cues ──> assess.rs ──> Vec<Finding>
//!                        markup.rs blanks Markdown and HTML markup out of the text, in place
//!                        (the prose keeps every byte's offset, so spans need no mapping);
//!                        normalize.rs maps every match back to the original bytes (span.rs);
//!                        consent.rs turns a covered finding into an allowed one (finding.rs:
//!                        the Verdict).
//! ```
//!
//! The core reads no clock, no environment and no files: front-ends pass text, "today" and
//! the channel in. Nothing here prints; nothing here can render a roster name (a
//! [`roster::Client`] shows as its id).

mod assess;
mod codec;
pub mod consent;
pub mod contact;
pub mod cues;
pub mod date;
mod descriptors;
pub mod document;
pub mod error;
pub mod finding;
pub mod fix;
pub mod lexicon;
pub mod lint;
pub mod markup;
pub mod names;
pub mod normalize;
mod relatives;
pub mod roster;
pub mod rules;
pub mod scanner;
pub mod span;
pub mod suppress;
mod yaml;

pub use document::{Channel, Document};
pub use finding::{Finding, Scan, Verdict};
pub use markup::Markup;
pub use roster::Roster;
pub use rules::RuleSet;
pub use scanner::Scanner;

#[cfg(feature = "cli")]
pub mod cli;
#[cfg(feature = "lsp")]
pub mod lsp;
#[cfg(feature = "cli")]
pub mod report;
