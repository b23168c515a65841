//! `lipzip roster check`: load the roster strictly, then lint it.
//!
//! Exit 0 when clean (notes allowed), 1 when a lint warns, 2 when the roster cannot be loaded.
//! Output names clients by id and fields by path; it never quotes a roster value.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use super::check::{parse_roster, read_roster, today};
use super::{RosterCheckArgs, RosterFormat, eprint_diagnostic, find_config};
use crate::error::{FileKind, LoadError};
use crate::lint::{Level, lint};

/// The roster to use: the flag (or `LIPZIP_ROSTER`), else `roster:` in lipzip.yaml.
pub(crate) fn resolve_roster(
    explicit: Option<&Path>,
    config: Option<&Path>,
) -> Result<PathBuf, LoadError> {
    if let Some(p) = explicit {
        return Ok(p.to_owned());
    }
    find_config(config)?.roster.ok_or_else(|| {
        LoadError::new(FileKind::Roster, "(none)", "no roster given").help(
            "pass --roster PATH, set LIPZIP_ROSTER=PATH, or put `roster: PATH` in lipzip.yaml \
             (`lipzip init` writes one)",
        )
    })
}

/// Runs `roster check`; returns the exit code.
pub(crate) fn check(args: &RosterCheckArgs) -> u8 {
    let loaded = resolve_roster(args.roster.as_deref(), args.config.as_deref()).and_then(|path| {
        let date = today(args.today.as_deref())?;
        let text = read_roster(&path)?;
        let roster = parse_roster(&path, text)?;
        let lexicons = crate::lexicon::Lexicons::builtin()?;
        Ok((path, date, roster, lexicons))
    });
    let (path, date, roster, lexicons) = match loaded {
        Ok(x) => x,
        Err(e) => {
            eprint_diagnostic(&e);
            if args.format == RosterFormat::Json {
                let doc = serde_json::json!({
                    "version": 1,
                    "roster": e.origin,
                    "clients": null,
                    "lints": [],
                    "errors": [e.to_string()],
                });
                super::print_stdout(&format!("{doc:#}\n"));
            }
            return 2;
        }
    };
    let lints = lint(&roster, &lexicons, date);
    let warnings = lints.iter().filter(|l| l.level == Level::Warning).count();
    let notes = lints.len() - warnings;
    let out = match args.format {
        RosterFormat::Json => {
            let list: Vec<_> = lints
                .iter()
                .map(|l| {
                    serde_json::json!({
                        "level": l.level.as_str(),
                        "code": l.code,
                        "client": l.client.as_ref().map(crate::roster::ClientId::as_str),
                        "field": l.field,
                        "message": l.message,
                    })
                })
                .collect();
            let doc = serde_json::json!({
                "version": 1,
                "roster": path.display().to_string(),
                "today": date.to_string(),
                "clients": roster.clients.len(),
                "summary": {"warnings": warnings, "notes": notes},
                "lints": list,
                "errors": [],
            });
            format!("{doc:#}\n")
        }
        RosterFormat::Human => {
            let mut s = String::new();
            for l in &lints {
                let who = l.client.as_ref().map_or("practice", |c| c.as_str());
                let _ = writeln!(
                    s,
                    "{}[{}] {who} {}: {}",
                    l.level.as_str(),
                    l.code,
                    l.field,
                    l.message
                );
            }
            let _ = writeln!(
                s,
                "{}: {} client{}, {warnings} warning{}, {notes} note{}{}",
                path.display(),
                roster.clients.len(),
                plural(roster.clients.len()),
                plural(warnings),
                plural(notes),
                if lints.is_empty() { " (clean)" } else { "" },
            );
            s
        }
    };
    super::print_stdout(&out);
    u8::from(warnings > 0)
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
