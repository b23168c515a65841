//! `lipzip check`: load the roster and rules once, scan every draft, report, and exit 0 (pass),
//! 1 (a draft fails `--fail-on`) or 2 (anything could not be checked).

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use super::inputs::{self, Source};
use super::{CheckArgs, FailOn, Format, eprint_diagnostic, find_config, load_rules, theme};
use crate::date::Date;
use crate::document::{Channel, Document, front_matter};
use crate::error::{FileKind, LoadError};
use crate::finding::Verdict;
use crate::report::{FileReport, Report, RunError, human, json};
use crate::roster::Roster;
use crate::scanner::Scanner;

/// Runs `check`; returns the exit code.
pub(crate) fn run(args: &CheckArgs) -> u8 {
    let scanner = match prepare(args) {
        Ok(s) => s,
        Err(e) => return fail_setup(args.format, &e),
    };
    let today = match today(args.today.as_deref()) {
        Ok(d) => d,
        Err(e) => return fail_setup(args.format, &e),
    };
    let (sources, input_errors) = inputs::collect(&args.paths);
    let mut errors: Vec<RunError> = input_errors
        .into_iter()
        .map(|e| RunError {
            path: Some(e.path),
            message: e.message,
        })
        .collect();
    let mut files = Vec::with_capacity(sources.len());
    for source in &sources {
        match check_one(&scanner, source, args.channel.into(), today) {
            Ok(report) => files.push(report),
            Err(e) => errors.push(e),
        }
    }
    let report = Report {
        rules: scanner.rules(),
        today,
        files,
        errors,
    };
    emit(args.format, &report, args.explain);
    let worst = report
        .files
        .iter()
        .map(|f| f.scan.verdict)
        .max()
        .unwrap_or(Verdict::Pass);
    let threshold = match args.fail_on {
        FailOn::Block => Verdict::Block,
        FailOn::Warn => Verdict::Warn,
    };
    if !report.errors.is_empty() {
        2
    } else if worst >= threshold {
        1
    } else {
        0
    }
}

fn check_one(
    scanner: &Scanner,
    source: &Source,
    default_channel: Channel,
    today: Date,
) -> Result<FileReport, RunError> {
    let path = source.display();
    let text = inputs::read(source).map_err(|e| RunError {
        path: Some(e.path),
        message: e.message,
    })?;
    let fm = front_matter(&text).map_err(|e| RunError {
        path: Some(path.clone()),
        message: e.to_string(),
    })?;
    let channel = fm.channel.unwrap_or(default_channel);
    let scan = scanner.scan(&Document::new(&text, channel), today);
    Ok(FileReport {
        path,
        channel,
        text,
        scan,
    })
}

/// Loads config, roster and rules, and compiles the scanner.
fn prepare(args: &CheckArgs) -> Result<Scanner, LoadError> {
    let config = find_config(args.config.as_deref())?;
    let roster_path: PathBuf = args
        .roster
        .clone()
        .or(config.roster.clone())
        .ok_or_else(|| {
            LoadError::new(
                FileKind::Roster,
                "(none)",
                "no roster given: lipzip never checks without one",
            )
            .help(
                "pass --roster PATH, set LIPZIP_ROSTER=PATH, or put `roster: PATH` in lipzip.yaml",
            )
        })?;
    let roster = load_roster(&roster_path)?;
    let rules = load_rules(&config)?;
    Scanner::new(roster, rules)
}

/// Reads and parses the roster. Its text goes into the error (for a snippet) only when
/// stderr is a terminal: a CI log must not show roster lines.
pub(crate) fn load_roster(path: &std::path::Path) -> Result<Roster, LoadError> {
    let origin = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|e| {
        LoadError::new(
            FileKind::Roster,
            &origin,
            format!("cannot read the roster: {e}"),
        )
        .help("check the path given by --roster, LIPZIP_ROSTER or lipzip.yaml")
    })?;
    Roster::from_yaml(&text, &origin).map_err(|e| {
        if std::io::stderr().is_terminal() {
            e.with_source(text)
        } else {
            e
        }
    })
}

fn today(given: Option<&str>) -> Result<Date, LoadError> {
    let text = match given {
        Some(t) => t.to_owned(),
        None => jiff::ZonedDateTime::now().date().to_string(),
    };
    text.parse().map_err(|e: crate::date::DateError| {
        LoadError::new(FileKind::Config, "--today", e.to_string())
            .help("write the date as YYYY-MM-DD, e.g. --today 2026-11-22")
    })
}

fn fail_setup(format: Format, e: &LoadError) -> u8 {
    eprint_diagnostic(e);
    if format == Format::Json {
        let doc = serde_json::json!({
            "version": json::VERSION,
            "tool": {"name": "lipzip", "version": env!("CARGO_PKG_VERSION")},
            "summary": {"files": 0, "block": 0, "warn": 0, "pass": 0, "errors": 1},
            "files": [],
            "errors": [{"path": e.origin, "message": e.to_string()}],
        });
        print_out(&format!("{doc:#}\n"));
    }
    2
}

fn emit(format: Format, report: &Report<'_>, explain: bool) {
    let text = match format {
        Format::Json => format!("{:#}\n", json::render(report)),
        Format::Human => human::render(report, theme(std::io::stdout()), explain),
    };
    print_out(&text);
}

/// Writes to stdout; a closed pipe (`lipzip check ... | head`) is not an error.
fn print_out(text: &str) {
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes());
    let _ = out.flush();
}
