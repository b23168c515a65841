//! `lipzip rules list` and `lipzip rules test`.

use std::fmt::Write as _;
use std::io::Write;
use std::path::Path;

use super::{eprint_diagnostic, find_config, load_rules};
use crate::rules::examples::{self, Expect};

/// Prints every rule; exit 0, or 2 if the rules cannot be loaded.
pub(crate) fn list(config: Option<&Path>) -> u8 {
    let rules = match find_config(config).and_then(|c| load_rules(&c)) {
        Ok(r) => r,
        Err(e) => {
            eprint_diagnostic(&e);
            return 2;
        }
    };
    let mut out = String::new();
    for r in rules.rules() {
        let _ = writeln!(
            out,
            "{:<28} {:<6} {:<10} {}",
            r.id,
            r.severity.as_str(),
            r.pack,
            r.message
        );
    }
    let _ = std::io::stdout().lock().write_all(out.as_bytes());
    0
}

/// Runs every rule's examples; exit 0 when all hold, 1 when any fails, 2 on a load error.
pub(crate) fn test(config: Option<&Path>) -> u8 {
    let outcome = match find_config(config)
        .and_then(|c| load_rules(&c))
        .and_then(|r| examples::run(&r))
    {
        Ok(o) => o,
        Err(e) => {
            eprint_diagnostic(&e);
            return 2;
        }
    };
    let mut out = String::new();
    for f in &outcome.failures {
        let want = match f.expect {
            Expect::Flag => "flag",
            Expect::Pass => "pass",
        };
        let _ = writeln!(out, "FAIL {} ({want}): {:?}: {}", f.rule, f.text, f.detail);
    }
    let _ = writeln!(
        out,
        "{} passed, {} failed",
        outcome.checked - outcome.failures.len(),
        outcome.failures.len()
    );
    let _ = std::io::stdout().lock().write_all(out.as_bytes());
    u8::from(!outcome.failures.is_empty())
}
