//! Finding and reading the drafts named on the command line.
//!
//! Directories are walked recursively with ripgrep's `ignore` crate, so `.gitignore`, hidden
//! files and build output are skipped, and only Markdown, text and HTML files are read. A file
//! named explicitly is always read. Anything that cannot be checked as text (unreadable,
//! binary, not UTF-8, too large) becomes an error entry: never a silent pass.

use std::io::Read;
use std::path::{Path, PathBuf};

/// Extensions read when walking a directory.
pub(crate) const EXTENSIONS: &[&str] = &["md", "markdown", "mdx", "txt", "text", "html", "htm"];

/// Largest draft read, in bytes. Real drafts are kilobytes; this stops a stray dump or disk
/// image from eating memory.
pub(crate) const MAX_BYTES: u64 = 64 * 1024 * 1024;

/// Where a draft comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Source {
    /// Standard input (`-`).
    Stdin,
    /// A file.
    File(PathBuf),
}

impl Source {
    /// The name reports use.
    pub(crate) fn display(&self) -> String {
        match self {
            Source::Stdin => "<stdin>".to_owned(),
            Source::File(p) => p.display().to_string(),
        }
    }
}

/// A path that could not be turned into drafts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct InputError {
    /// The path as reported.
    pub(crate) path: String,
    /// What went wrong and what to do.
    pub(crate) message: String,
}

/// Expands the command-line paths into draft sources, in the order given (directory contents
/// sorted by path).
pub(crate) fn collect(
    paths: &[PathBuf],
    wanted: impl Fn(&Path) -> bool,
) -> (Vec<Source>, Vec<InputError>) {
    let mut sources = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            sources.push(Source::Stdin);
        } else if path.is_dir() {
            walk(path, &mut sources, &mut errors, &wanted);
        } else if path.exists() {
            sources.push(Source::File(path.clone()));
        } else {
            errors.push(InputError {
                path: path.display().to_string(),
                message: "no such file or directory".to_owned(),
            });
        }
    }
    (sources, errors)
}

/// Whether a path has one of the draft extensions.
pub(crate) fn has_draft_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|x| x.to_str())
        .is_some_and(|x| EXTENSIONS.iter().any(|w| w.eq_ignore_ascii_case(x)))
}

fn walk(
    dir: &Path,
    sources: &mut Vec<Source>,
    errors: &mut Vec<InputError>,
    wanted: &impl Fn(&Path) -> bool,
) {
    let mut found = Vec::new();
    for entry in ignore::WalkBuilder::new(dir)
        .follow_links(false)
        .require_git(false)
        .build()
    {
        match entry {
            Ok(e) => {
                let is_file = e.file_type().is_some_and(|t| t.is_file());
                if is_file && has_draft_extension(e.path()) && wanted(e.path()) {
                    found.push(e.into_path());
                }
            }
            Err(err) => errors.push(InputError {
                path: dir.display().to_string(),
                message: format!("cannot walk the directory: {err}"),
            }),
        }
    }
    found.sort();
    sources.extend(found.into_iter().map(Source::File));
}

/// How a draft is written, from its file's extension; standard input is plain text.
pub(crate) fn markup_of(path: Option<&Path>) -> crate::Markup {
    path.and_then(|p| p.extension())
        .and_then(|x| x.to_str())
        .map_or(crate::Markup::Plain, crate::Markup::from_extension)
}

/// Reads a draft as UTF-8 text.
///
/// # Errors
/// An [`InputError`] that says why it cannot be checked.
pub(crate) fn read(source: &Source) -> Result<String, InputError> {
    let fail = |message: String| InputError {
        path: source.display(),
        message,
    };
    let mut bytes = Vec::new();
    let result = match source {
        Source::Stdin => std::io::stdin()
            .lock()
            .take(MAX_BYTES + 1)
            .read_to_end(&mut bytes),
        Source::File(p) => {
            std::fs::File::open(p).and_then(|f| f.take(MAX_BYTES + 1).read_to_end(&mut bytes))
        }
    };
    result.map_err(|e| fail(format!("cannot read it: {e}")))?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(fail(format!(
            "larger than {} MiB: split it, or check the text you will actually publish",
            MAX_BYTES / 1024 / 1024
        )));
    }
    if bytes.contains(&0) {
        return Err(fail(
            "binary file (contains NUL bytes): not checked; export the text to check it".to_owned(),
        ));
    }
    String::from_utf8(bytes).map_err(|e| {
        fail(format!(
            "not UTF-8 text (invalid byte at offset {}): save it as UTF-8 and check again",
            e.utf8_error().valid_up_to()
        ))
    })
}
