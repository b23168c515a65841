//! `lipzip check`: load the roster and rules once, scan every draft, report, and exit 0 (pass),
//! 1 (a draft fails `--fail-on`) or 2 (anything could not be checked).

use std::collections::BTreeSet;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use super::config::Config;
use super::inputs::{self, Source};
use super::{CheckArgs, FailOn, Format, eprint_diagnostic, find_config, load_rules, theme};
use crate::date::Date;
use crate::document::{Channel, Document, front_matter};
use crate::error::{FileKind, LoadError};
use crate::finding::Verdict;
use crate::markup::Markup;
use crate::report::{FileReport, Report, RunError, github, human, json, sarif};
use crate::roster::Roster;
use crate::scanner::Scanner;

/// Runs `check`; returns the exit code.
pub(crate) fn run(args: &CheckArgs) -> u8 {
    if let Some(code) = super::fix::refuse(args) {
        return code;
    }
    let config = match find_config(args.config.as_deref()) {
        Ok(c) => c,
        Err(e) => return fail_setup(args.format, &e),
    };
    let today = match today(args.today.as_deref()) {
        Ok(d) => d,
        Err(e) => return fail_setup(args.format, &e),
    };
    let baseline_path = args.baseline.clone().or(config.baseline.clone());
    let baseline = match baseline_path.as_deref().map(read_baseline).transpose() {
        Ok(b) => b.unwrap_or_default(),
        Err(e) => return fail_setup(args.format, &e),
    };
    if !args.staged && args.paths.is_empty() {
        let e = LoadError::new(FileKind::Config, "lipzip check", "no drafts given")
            .help("name files or directories to check, `-` for standard input, or --staged");
        return fail_setup(args.format, &e);
    }
    // Compiling the roster and lexicons and finding the drafts do not depend on each other:
    // they run side by side, and the drafts are read into memory meanwhile.
    let (built, (drafts, mut errors, notices)) = std::thread::scope(|s| {
        let built = s.spawn(|| prepare(args, &config));
        let gathered = gather(args, &config);
        (built.join(), gathered)
    });
    let scanner = match built {
        Ok(Ok(s)) => s,
        Ok(Err(e)) => return fail_setup(args.format, &e),
        Err(_) => {
            let e = LoadError::new(
                FileKind::Roster,
                "lipzip",
                "internal error compiling the roster",
            );
            return fail_setup(args.format, &e);
        }
    };
    let threshold = match args.fail_on.or(config.fail_on).unwrap_or(FailOn::Block) {
        FailOn::Block => Verdict::Block,
        FailOn::Warn => Verdict::Warn,
    };
    let mut drafts = drafts;
    if args.fix {
        // A draft named twice is fixed once.
        let mut seen = BTreeSet::new();
        drafts.retain(|d| {
            d.path
                .as_ref()
                .is_none_or(|p| seen.insert(std::fs::canonicalize(p).unwrap_or(p.clone())))
        });
    }
    let fixing = args.fix.then_some(super::fix::Fixing {
        scanner: &scanner,
        today,
        baseline: &baseline,
        threshold,
        dry_run: args.dry_run,
    });
    #[cfg(debug_assertions)]
    test_panic(&scanner, "main");
    // Reading and scanning run on every core; the report keeps the input order.
    let default_channel: Channel = args.channel.into();
    let names: Vec<String> = drafts.iter().map(|d| d.name.clone()).collect();
    let results = super::par_map(drafts, |draft| {
        #[cfg(debug_assertions)]
        test_panic(&scanner, "worker");
        let text = match draft.content {
            Content::Unread(source) => inputs::read(&source).map_err(|e| e.message),
            Content::Read(text) => text,
        };
        let text = text.map_err(|message| RunError {
            path: Some(draft.name.clone()),
            message,
        })?;
        let channel = draft
            .path
            .as_deref()
            .and_then(|p| config.channel_for(p))
            .unwrap_or(default_channel);
        let markup = inputs::markup_of(draft.path.as_deref());
        let mut report = check_one(&scanner, draft.name, text, channel, markup, today)?;
        apply_baseline(&mut report, &baseline);
        Ok(match (&fixing, draft.path.as_deref()) {
            (Some(fixing), Some(path)) => fixing.fix(report, path, markup),
            _ => super::fix::Outcome {
                report,
                errors: Vec::new(),
                diff: None,
            },
        })
    });
    let mut files = Vec::with_capacity(results.len());
    let mut diffs = String::new();
    for (result, name) in results.into_iter().zip(names) {
        let result = result.unwrap_or_else(|| {
            Err(RunError {
                path: Some(name),
                message: "internal error while checking this draft (please report it)".into(),
            })
        });
        match result {
            Ok(super::fix::Outcome {
                report,
                errors: fix_errors,
                diff,
            }) => {
                errors.extend(fix_errors);
                diffs.push_str(&diff.unwrap_or_default());
                for bad in &report.scan.bad_suppressions {
                    errors.push(RunError {
                        path: Some(report.path.clone()),
                        message: bad.to_string(),
                    });
                }
                files.push(report);
            }
            Err(e) => errors.push(e),
        }
    }
    let report = Report {
        rules: scanner.rules(),
        today,
        files,
        errors,
        notices,
        redact: args.redact,
    };
    if let Some(Err(e)) = args
        .write_baseline
        .as_ref()
        .map(|p| write_baseline(p, &report))
    {
        return fail_setup(args.format, &e);
    }
    if args.dry_run {
        print_out(&diffs);
        let notes = super::fix::dry_run_notes(&report);
        let _ = std::io::stderr().lock().write_all(notes.as_bytes());
    } else {
        emit(args.format, &report, args.explain);
    }
    let worst = report
        .files
        .iter()
        .map(|f| f.scan.verdict)
        .max()
        .unwrap_or(Verdict::Pass);
    let code = if !report.errors.is_empty() {
        2
    } else if worst >= threshold && args.write_baseline.is_none() {
        1
    } else {
        0
    };
    drop(report);
    // The process ends right after: freeing a 100,000-client roster piece by piece would
    // only cost time (a tenth of a second), so leave it to the operating system.
    std::mem::forget(scanner);
    code
}

/// For the test of panic hygiene, in debug builds only: `LIPZIP_TEST_PANIC=main` (or
/// `worker`) panics there with a roster name in the message, which must never be printed.
#[cfg(debug_assertions)]
fn test_panic(scanner: &Scanner, place: &str) {
    if std::env::var("LIPZIP_TEST_PANIC").is_ok_and(|v| v == place) {
        let name = scanner
            .roster()
            .clients
            .first()
            .map_or("", |c| c.name.as_str());
        panic!("test panic quoting the roster: {name}");
    }
}

/// Most drafts are read into memory while the roster compiles; past this many bytes the rest
/// are read as they are checked, so a huge directory cannot exhaust memory.
const PRELOAD_BYTES: u64 = 256 * 1024 * 1024;

/// The drafts named on the command line (or staged), errors for paths that cannot be
/// checked, and notices for files skipped on purpose.
fn gather(args: &CheckArgs, config: &Config) -> (Vec<Draft>, Vec<RunError>, Vec<RunError>) {
    let mut errors = Vec::new();
    if args.staged {
        return match stage(config) {
            Ok((drafts, skipped)) => (drafts, errors, skipped),
            Err(message) => {
                errors.push(RunError {
                    path: None,
                    message,
                });
                (Vec::new(), errors, Vec::new())
            }
        };
    }
    let collected = inputs::collect(&args.paths, |p| config.wants(p));
    let run_error = |e: inputs::InputError| RunError {
        path: Some(e.path),
        message: e.message,
    };
    errors.extend(collected.errors.into_iter().map(run_error));
    let notices: Vec<RunError> = collected.notices.into_iter().map(run_error).collect();
    let sources = collected.sources;
    let mut budget = PRELOAD_BYTES;
    let drafts = sources
        .into_iter()
        .map(|source| {
            let path = match &source {
                Source::File(p) => Some(p.clone()),
                Source::Stdin => None,
            };
            let size = path
                .as_deref()
                .and_then(|p| std::fs::metadata(p).ok())
                .map_or(u64::MAX, |m| m.len());
            let content = if size <= budget {
                budget -= size;
                Content::Read(inputs::read(&source).map_err(|e| e.message))
            } else {
                Content::Unread(source.clone())
            };
            Draft {
                name: source.display(),
                path,
                content,
            }
        })
        .collect();
    (drafts, errors, notices)
}

/// A draft to check: its name in reports, its path for the config's globs, its content.
struct Draft {
    name: String,
    path: Option<PathBuf>,
    content: Content,
}

enum Content {
    /// Read by the worker that checks it.
    Unread(Source),
    /// Already read (from the git index), or why it cannot be.
    Read(Result<String, String>),
}

fn stage(config: &Config) -> Result<(Vec<Draft>, Vec<RunError>), String> {
    let top = super::git::toplevel()?;
    let staged = super::git::staged(|p| {
        let path = Path::new(p);
        inputs::has_draft_extension(path) && config.wants(&top.join(path))
    })?;
    let mut drafts = Vec::new();
    let mut skipped = Vec::new();
    for file in staged {
        let utf16 = file.bytes.starts_with(&[0xFF, 0xFE]) || file.bytes.starts_with(&[0xFE, 0xFF]);
        if file.bytes.contains(&0) && !utf16 {
            // A binary blob in the index (git treats it as one too); UTF-16 text is an error.
            skipped.push(RunError {
                path: Some(file.path),
                message: "binary content (NUL bytes): not checked".to_owned(),
            });
            continue;
        }
        let abs = top.join(&file.path);
        let text = inputs::decode(file.bytes);
        drafts.push(Draft {
            name: file.path,
            path: Some(abs),
            content: Content::Read(text),
        });
    }
    Ok((drafts, skipped))
}

pub(super) fn check_one(
    scanner: &Scanner,
    path: String,
    text: String,
    default_channel: Channel,
    markup: Markup,
    today: Date,
) -> Result<FileReport, RunError> {
    let fm = front_matter(&text).map_err(|e| RunError {
        path: Some(path.clone()),
        message: e.to_string(),
    })?;
    let channel = fm.channel.unwrap_or(default_channel);
    let scan = scanner.scan(&Document::new(&text, channel).with_markup(markup), today);
    Ok(FileReport {
        path,
        channel,
        text,
        scan,
        baselined: 0,
        fix: None,
    })
}

/// Loads roster and rules, and compiles the scanner.
fn prepare(args: &CheckArgs, config: &Config) -> Result<Scanner, LoadError> {
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
    // Two things take time before the first draft: the lexicons and rules (the same for every
    // practice) and the roster (read back from the cache, or parsed and compiled). They do not
    // depend on each other, so they load side by side.
    let (fixed, roster) = std::thread::scope(|s| {
        let fixed = s.spawn(|| -> Result<_, LoadError> {
            let rules = load_rules(config)?;
            let lexicons = crate::lexicon::Lexicons::builtin()?;
            let cues = crate::cues::CueMatcher::lexicon(&lexicons);
            Ok((rules, lexicons, cues))
        });
        let roster = read_roster(&roster_path).map(|text| {
            (
                super::cache::lookup(&roster_path, &text, !args.no_cache),
                text,
            )
        });
        let fixed = fixed.join().unwrap_or_else(|_| {
            Err(LoadError::new(
                FileKind::Rules,
                "lipzip",
                "internal error loading the rules",
            ))
        });
        (fixed, roster)
    });
    let (rules, lexicons, cues) = fixed?;
    let ((slot, cached), text) = roster?;
    let compiled = match cached {
        Some(c) => c,
        None => {
            let c =
                crate::scanner::Compiled::new(parse_roster(&roster_path, text)?, &lexicons, &cues)?;
            if let Some(slot) = &slot {
                super::cache::save(slot, &c);
            }
            c
        }
    };
    Ok(Scanner::from_parts(compiled, rules, lexicons, cues))
}

/// Reads and parses the roster. Its text goes into the error (for a snippet) only when
/// stderr is a terminal: a CI log must not show roster lines.
pub(crate) fn read_roster(path: &Path) -> Result<String, LoadError> {
    super::read_text(path, FileKind::Roster, super::MAX_ROSTER_BYTES).map_err(|e| {
        if e.message.starts_with("cannot read") {
            e.help("check the path given by --roster, LIPZIP_ROSTER or lipzip.yaml")
        } else {
            e
        }
    })
}

pub(crate) fn parse_roster(path: &Path, text: String) -> Result<Roster, LoadError> {
    let origin = path.display().to_string();
    Roster::from_yaml(&text, &origin).map_err(|e| {
        if std::io::stderr().is_terminal() {
            e.with_source(text)
        } else {
            e
        }
    })
}

pub(crate) fn today(given: Option<&str>) -> Result<Date, LoadError> {
    let text = match given {
        Some(t) => t.to_owned(),
        None => jiff::ZonedDateTime::now().date().to_string(),
    };
    text.parse().map_err(|e: crate::date::DateError| {
        LoadError::new(FileKind::Config, "--today", e.to_string())
            .help("write the date as YYYY-MM-DD, e.g. --today 2026-11-22")
    })
}

/// A baseline: the fingerprints of findings accepted when lipzip was adopted.
fn read_baseline(path: &Path) -> Result<BTreeSet<String>, LoadError> {
    let origin = path.display().to_string();
    let text = super::read_text(path, FileKind::Config, super::MAX_FILE_BYTES).map_err(|e| {
        if e.message.starts_with("cannot read") {
            e.help("create one with `lipzip check --write-baseline PATH ...`")
        } else {
            e
        }
    })?;
    let value: serde_json::Value = serde_json::from_str(&text).map_err(|e| {
        let mut err = LoadError::new(FileKind::Config, &origin, format!("not a baseline: {e}"));
        err.line = Some(e.line());
        err
    })?;
    let list = value["fingerprints"].as_array().ok_or_else(|| {
        LoadError::new(
            FileKind::Config,
            &origin,
            "not a baseline: no `fingerprints` list",
        )
    })?;
    Ok(list
        .iter()
        .filter_map(|v| v.as_str().map(str::to_owned))
        .collect())
}

pub(super) fn apply_baseline(report: &mut FileReport, baseline: &BTreeSet<String>) {
    if baseline.is_empty() {
        return;
    }
    let before = report.scan.findings.len();
    let prints: Vec<String> = report
        .scan
        .findings
        .iter()
        .map(|f| report.fingerprint(f))
        .collect();
    let mut i = 0;
    report.scan.findings.retain(|_| {
        let keep = !baseline.contains(&prints[i]);
        i += 1;
        keep
    });
    report.baselined = before - report.scan.findings.len();
    report.scan.verdict = Verdict::of(&report.scan.findings);
}

fn write_baseline(path: &Path, report: &Report<'_>) -> Result<(), LoadError> {
    let prints: BTreeSet<String> = report
        .files
        .iter()
        .flat_map(|f| {
            f.scan
                .findings
                .iter()
                .filter(|x| x.counts())
                .map(|x| f.fingerprint(x))
        })
        .collect();
    let doc = serde_json::json!({
        "version": 1,
        "comment": "lipzip baseline: hashes of accepted findings (path, rule, client id, text); no names",
        "fingerprints": prints,
    });
    super::atomic_write(path, format!("{doc:#}\n").as_bytes()).map_err(|e| {
        LoadError::new(
            FileKind::Config,
            path.display().to_string(),
            format!("cannot write the baseline: {e}"),
        )
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
        Format::Sarif => format!("{:#}\n", sarif::render(report)),
        Format::Github => github::render(report),
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
