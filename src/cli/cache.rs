//! The roster cache: a compiled roster on disk, so a one-draft check (the pre-commit hook, the
//! editor) does not re-parse and re-compile a 100,000-client roster every time.
//!
//! A cache file is the roster itself, so it is private: the directory is created owner-only
//! (0700), each file is written owner-only (0600) and atomically. A file is named by a hash of
//! the roster's bytes and lipzip's version, so any change to either misses the cache, and an
//! older file for the same roster path is removed when a new one is written. A cache file that
//! cannot be read back is ignored and rewritten: the roster on disk is always the truth.
//!
//! Location: `$LIPZIP_CACHE_DIR`, else `$XDG_CACHE_HOME/lipzip`, else `~/.cache/lipzip`.
//! `--no-cache` or `LIPZIP_NO_CACHE=1` turns it off.

use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};

use crate::scanner::Compiled;

/// The cache directory, if one can be named.
pub(crate) fn dir() -> Option<PathBuf> {
    if let Some(d) = std::env::var_os("LIPZIP_CACHE_DIR").filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(d));
    }
    if let Some(d) = std::env::var_os("XDG_CACHE_HOME").filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(d).join("lipzip"));
    }
    std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache").join("lipzip"))
}

fn hash(parts: &[&[u8]]) -> u64 {
    // SipHash with fixed keys: a cache key, not a security boundary (the files are
    // owner-only; a collision would need the owner's own roster to collide).
    #[allow(deprecated)]
    let mut h = std::hash::SipHasher::new();
    for p in parts {
        p.hash(&mut h);
    }
    h.finish()
}

/// Where the compiled form of one roster text lives in the cache.
pub(crate) struct Slot {
    dir: PathBuf,
    prefix: String,
    name: String,
}

/// The cache slot for roster `path` with bytes `text`, and what it holds if it holds this
/// exact roster compiled by this lipzip. `None` for both when the cache is off.
pub(crate) fn lookup(path: &Path, text: &str, use_cache: bool) -> (Option<Slot>, Option<Compiled>) {
    let Some(dir) = dir().filter(|_| use_cache) else {
        return (None, None);
    };
    let abs = path.canonicalize().unwrap_or_else(|_| path.to_owned());
    let path_key = hash(&[abs.as_os_str().as_encoded_bytes()]);
    let content_key = hash(&[
        text.as_bytes(),
        env!("CARGO_PKG_VERSION").as_bytes(),
        &build_stamp(),
    ]);
    let slot = Slot {
        dir,
        prefix: format!("roster-{path_key:016x}-"),
        name: format!("{content_key:016x}.bin"),
    };
    // A directory others may write to could hold a planted file (an empty roster would pass
    // every draft): read only from an owner-only one. `save` makes it owner-only.
    let cached = private(&slot.dir)
        .then(|| std::fs::read(slot.dir.join(format!("{}{}", slot.prefix, slot.name))).ok())
        .flatten()
        .and_then(|bytes| Compiled::decode(&bytes));
    (Some(slot), cached)
}

/// What tells one build of lipzip from another: the executable's size and modification time.
/// The version alone is not enough: a rebuilt lipzip of the same version may compile a roster
/// differently (a new lexicon word, a new name form), and must not read an older build's
/// output. A binary that cannot see itself gets an empty stamp and keys by version alone.
fn build_stamp() -> Vec<u8> {
    let Some(meta) = std::env::current_exe()
        .ok()
        .and_then(|p| std::fs::metadata(p).ok())
    else {
        return Vec::new();
    };
    let mtime = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos());
    let mut stamp = meta.len().to_le_bytes().to_vec();
    stamp.extend_from_slice(&mtime.to_le_bytes());
    stamp
}

/// Writes a compiled roster to its slot. Best effort: a read-only home or a full disk only
/// costs speed next time.
pub(crate) fn save(slot: &Slot, compiled: &Compiled) {
    let _ = store(&slot.dir, &slot.prefix, &slot.name, &compiled.encode());
}

fn store(dir: &Path, prefix: &str, name: &str, bytes: &[u8]) -> std::io::Result<()> {
    private_dir(dir)?;
    super::replace_private(&dir.join(format!("{prefix}{name}")), bytes)?;
    // Older compilations of the same roster file are stale now.
    for entry in std::fs::read_dir(dir)?.flatten() {
        let n = entry.file_name().to_string_lossy().into_owned();
        if n.starts_with(prefix) && !n.ends_with(name) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
    Ok(())
}

/// Whether `dir` exists and only its owner may use it.
fn private(dir: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::metadata(dir).is_ok_and(|m| m.permissions().mode() & 0o077 == 0)
    }
    #[cfg(not(unix))]
    {
        dir.is_dir()
    }
}

/// Creates `dir` owner-only, and makes an existing one owner-only.
fn private_dir(dir: &Path) -> std::io::Result<()> {
    let mut b = std::fs::DirBuilder::new();
    b.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut b, 0o700);
    b.create(dir)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(dir)?.permissions().mode();
        if mode & 0o077 != 0 {
            std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))?;
        }
    }
    Ok(())
}
