//! Git plumbing for the pre-commit hook: the staged drafts, read from the index (not the work
//! tree), and installing or removing the hook itself.
//!
//! Everything goes through the `git` command so that lipzip behaves exactly like the user's
//! git: `core.hooksPath`, worktrees, submodules and path quoting are git's business.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// A file as it is staged.
pub(crate) struct Staged {
    /// Its repository path (lossy for non-UTF-8 bytes, for display).
    pub(crate) path: String,
    /// The staged bytes.
    pub(crate) bytes: Vec<u8>,
}

fn git(args: &[&str]) -> Result<Vec<u8>, String> {
    let out = Command::new("git")
        .args(args)
        .stderr(Stdio::piped())
        .output()
        .map_err(|e| format!("cannot run git: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "git {} failed: {}",
            args.join(" "),
            String::from_utf8_lossy(&out.stderr).trim()
        ));
    }
    Ok(out.stdout)
}

/// The repository's top directory.
pub(crate) fn toplevel() -> Result<PathBuf, String> {
    let out = git(&["rev-parse", "--show-toplevel"])
        .map_err(|_| "not inside a git repository: --staged needs one".to_owned())?;
    Ok(PathBuf::from(String::from_utf8_lossy(&out).trim_end()))
}

/// Every added, copied, modified or renamed file in the index, with its staged content.
/// Deletions are skipped: there is nothing left to publish.
pub(crate) fn staged(wanted: impl Fn(&str) -> bool) -> Result<Vec<Staged>, String> {
    toplevel()?;
    let raw = git(&[
        "diff",
        "--cached",
        "--raw",
        "-z",
        "--find-renames",
        "--find-copies",
        "--diff-filter=ACMR",
        "--no-ext-diff",
    ])?;
    // Records are ":<modes> <old> <new> <status>\0<path>\0" and, for renames and copies,
    // "...\0<old path>\0<new path>\0".
    let mut fields = raw.split(|&b| b == 0).filter(|f| !f.is_empty());
    let mut wanted_blobs = Vec::new();
    while let Some(meta) = fields.next() {
        let meta = String::from_utf8_lossy(meta);
        let parts: Vec<&str> = meta.trim_start_matches(':').split(' ').collect();
        let (Some(sha), Some(status)) = (parts.get(3), parts.get(4)) else {
            return Err(format!("unexpected git output: {meta}"));
        };
        let mut path = fields.next().ok_or("unexpected end of git output")?;
        if status.starts_with('R') || status.starts_with('C') {
            path = fields.next().ok_or("unexpected end of git output")?;
        }
        let path = String::from_utf8_lossy(path).into_owned();
        if wanted(&path) {
            wanted_blobs.push(((*sha).to_owned(), path));
        }
    }
    read_blobs(wanted_blobs)
}

/// Reads blobs with one `git cat-file --batch`.
fn read_blobs(blobs: Vec<(String, String)>) -> Result<Vec<Staged>, String> {
    if blobs.is_empty() {
        return Ok(Vec::new());
    }
    let mut child = Command::new("git")
        .args(["cat-file", "--batch"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run git: {e}"))?;
    let mut stdin = child.stdin.take().ok_or("no stdin for git")?;
    let shas: Vec<String> = blobs.iter().map(|(s, _)| s.clone()).collect();
    let writer = std::thread::spawn(move || {
        for sha in shas {
            if writeln!(stdin, "{sha}").is_err() {
                break;
            }
        }
    });
    let mut out = BufReader::new(child.stdout.take().ok_or("no stdout for git")?);
    let mut files = Vec::with_capacity(blobs.len());
    for (_, path) in blobs {
        let mut header = String::new();
        out.read_line(&mut header).map_err(|e| e.to_string())?;
        let size: usize = header
            .split(' ')
            .nth(2)
            .and_then(|s| s.trim().parse().ok())
            .ok_or_else(|| format!("cannot read the staged blob of {path}"))?;
        let mut bytes = vec![0; size];
        out.read_exact(&mut bytes).map_err(|e| e.to_string())?;
        let mut newline = [0u8; 1];
        out.read_exact(&mut newline).map_err(|e| e.to_string())?;
        files.push(Staged { path, bytes });
    }
    let _ = writer.join();
    let _ = child.wait();
    Ok(files)
}

/// The first line of every hook lipzip writes; how `uninstall` knows a hook is its own.
pub(crate) const MARKER: &str = "# lipzip pre-commit hook";

/// Where git runs hooks from (honours `core.hooksPath`).
pub(crate) fn hooks_dir() -> Result<PathBuf, String> {
    toplevel()?;
    let out = git(&["rev-parse", "--git-path", "hooks"])?;
    let dir = PathBuf::from(String::from_utf8_lossy(&out).trim_end());
    Ok(if dir.is_absolute() {
        dir
    } else {
        std::env::current_dir()
            .map_err(|e| e.to_string())?
            .join(dir)
    })
}

/// Writes the pre-commit hook; refuses to replace a hook lipzip did not write unless `force`.
pub(crate) fn install(force: bool) -> Result<PathBuf, String> {
    let dir = hooks_dir()?;
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let hook = dir.join("pre-commit");
    if let Ok(existing) = std::fs::read_to_string(&hook)
        && !existing.contains(MARKER)
        && !force
    {
        {
            return Err(format!(
                "{} exists and was not written by lipzip; add `lipzip check --staged` to it, or \
                 replace it with `lipzip hook install --force`",
                hook.display()
            ));
        }
    }
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let script = format!(
        "#!/bin/sh\n{MARKER} (written by `lipzip hook install`; remove with `lipzip hook uninstall`)\n\
         if command -v lipzip >/dev/null 2>&1; then exec lipzip check --staged; fi\n\
         exec '{}' check --staged\n",
        exe.display().to_string().replace('\'', "'\\''")
    );
    write_executable(&hook, &script)?;
    Ok(hook)
}

/// Removes the hook if lipzip wrote it.
pub(crate) fn uninstall(force: bool) -> Result<Option<PathBuf>, String> {
    let hook = hooks_dir()?.join("pre-commit");
    match std::fs::read_to_string(&hook) {
        Err(_) => Ok(None),
        Ok(text) if text.contains(MARKER) || force => {
            std::fs::remove_file(&hook)
                .map_err(|e| format!("cannot remove {}: {e}", hook.display()))?;
            Ok(Some(hook))
        }
        Ok(_) => Err(format!(
            "{} was not written by lipzip; leaving it (use --force to remove it anyway)",
            hook.display()
        )),
    }
}

fn write_executable(path: &Path, text: &str) -> Result<(), String> {
    std::fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755))
            .map_err(|e| format!("cannot make {} executable: {e}", path.display()))?;
    }
    Ok(())
}
