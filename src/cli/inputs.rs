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

/// What the command-line paths expand to: drafts to read, paths that cannot be checked, and
/// files skipped on purpose.
#[derive(Debug, Default)]
pub(crate) struct Collected {
    pub(crate) sources: Vec<Source>,
    pub(crate) errors: Vec<InputError>,
    pub(crate) notices: Vec<InputError>,
}

/// Expands the command-line paths into draft sources, in the order given (directory contents
/// sorted by path).
pub(crate) fn collect(paths: &[PathBuf], wanted: impl Fn(&Path) -> bool) -> Collected {
    let mut out = Collected::default();
    for path in paths {
        if path.as_os_str() == "-" {
            out.sources.push(Source::Stdin);
            continue;
        }
        let error = |message: String| InputError {
            path: path.display().to_string(),
            message,
        };
        match std::fs::metadata(path) {
            Ok(m) if m.is_dir() => walk(path, &mut out, &wanted),
            Ok(m) if m.is_file() => out.sources.push(Source::File(path.clone())),
            Ok(_) => out.errors.push(error(NOT_A_FILE.to_owned())),
            Err(e) if std::fs::symlink_metadata(path).is_ok() => out.errors.push(error(format!(
                "a symbolic link that leads nowhere (missing target or a loop): {e}"
            ))),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                out.errors
                    .push(error("no such file or directory".to_owned()));
            }
            Err(e) => out.errors.push(error(format!("cannot read it: {e}"))),
        }
    }
    out
}

/// Why a FIFO, socket or device is not read: opening a FIFO with no writer waits forever.
const NOT_A_FILE: &str = "not a regular file (a FIFO, socket or device): not read; to check \
                          what it holds, pipe it in: `... | lipzip check -`";

/// Whether a path has one of the draft extensions.
pub(crate) fn has_draft_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|x| x.to_str())
        .is_some_and(|x| EXTENSIONS.iter().any(|w| w.eq_ignore_ascii_case(x)))
}

/// Walks a directory without following symbolic links (a link may loop or lead out of the
/// tree); a linked draft is reported as skipped, so it never passes unseen.
fn walk(dir: &Path, out: &mut Collected, wanted: &impl Fn(&Path) -> bool) {
    let mut found = Vec::new();
    for entry in ignore::WalkBuilder::new(dir)
        .follow_links(false)
        .require_git(false)
        .build()
    {
        match entry {
            Ok(e) => {
                let Some(kind) = e.file_type() else { continue };
                if !has_draft_extension(e.path()) || !wanted(e.path()) {
                    continue;
                }
                if kind.is_file() {
                    found.push(e.into_path());
                } else if kind.is_symlink() {
                    out.notices.push(InputError {
                        path: e.path().display().to_string(),
                        message: "a symbolic link: not followed inside a directory; name it \
                                  (or its target) to check it"
                            .to_owned(),
                    });
                } else if !kind.is_dir() {
                    out.notices.push(InputError {
                        path: e.path().display().to_string(),
                        message: NOT_A_FILE.to_owned(),
                    });
                }
            }
            Err(err) => out.errors.push(InputError {
                path: dir.display().to_string(),
                message: format!("cannot walk the directory: {err}"),
            }),
        }
    }
    found.sort();
    out.sources.extend(found.into_iter().map(Source::File));
}

/// How a draft is written, from its file's extension; standard input is plain text.
pub(crate) fn markup_of(path: Option<&Path>) -> crate::Markup {
    path.and_then(|p| p.extension())
        .and_then(|x| x.to_str())
        .map_or(crate::Markup::Plain, crate::Markup::from_extension)
}

/// Reads a draft as UTF-8 text.
///
/// Policy: a draft that is not UTF-8 text is an error that says where and what to do, never a
/// lossy scan (a replaced byte could be inside a name) and never a pass. A file over
/// [`MAX_BYTES`] is refused from its size, before it is read.
///
/// # Errors
/// An [`InputError`] that says why it cannot be checked.
pub(crate) fn read(source: &Source) -> Result<String, InputError> {
    let fail = |message: String| InputError {
        path: source.display(),
        message,
    };
    let too_large = || {
        fail(format!(
            "larger than {} MiB, the limit for one draft: not read; split it into the pieces \
             you will publish and check those",
            MAX_BYTES / 1024 / 1024
        ))
    };
    let mut bytes = Vec::new();
    let result = match source {
        Source::Stdin => std::io::stdin()
            .lock()
            .take(MAX_BYTES + 1)
            .read_to_end(&mut bytes),
        Source::File(p) => {
            // Checked again here, right before opening: a FIFO would block the read.
            let meta = std::fs::metadata(p).map_err(|e| fail(format!("cannot read it: {e}")))?;
            if !meta.is_file() {
                return Err(fail(NOT_A_FILE.to_owned()));
            }
            if meta.len() > MAX_BYTES {
                return Err(too_large());
            }
            std::fs::File::open(p).and_then(|f| f.take(MAX_BYTES + 1).read_to_end(&mut bytes))
        }
    };
    result.map_err(|e| fail(format!("cannot read it: {e}")))?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(too_large());
    }
    decode(bytes).map_err(fail)
}

/// Bytes as UTF-8 text, or why not (UTF-16, binary, an invalid byte and where it is).
pub(crate) fn decode(bytes: Vec<u8>) -> Result<String, String> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(
            "UTF-16 text (it starts with a UTF-16 byte-order mark): not checked; save it as \
             UTF-8 and check again"
                .to_owned(),
        );
    }
    if let Some(at) = bytes.iter().position(|&b| b == 0) {
        return Err(format!(
            "binary file (a NUL byte at byte offset {at}): not checked; export the text to \
             check it"
        ));
    }
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let bytes = e.as_bytes();
        let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
        format!(
            "not UTF-8 text (invalid byte 0x{:02X} at byte offset {at}, line {line}): not \
             checked; save it as UTF-8 and check again",
            bytes[at]
        )
    })
}
