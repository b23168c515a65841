//! `lipzip.yaml`: the project's settings, found in the current directory or any parent.
//!
//! Paths and globs in it are relative to the file itself, so the same config works from any
//! subdirectory, in the pre-commit hook and in CI. Unknown keys are errors with a line number:
//! a typo must not turn into a silently ignored setting.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use globset::{Glob, GlobSet, GlobSetBuilder};
use serde::Deserialize;

use super::FailOn;
use crate::document::Channel;
use crate::error::{FileKind, LoadError};

/// The config file's name.
pub(crate) const FILE_NAME: &str = "lipzip.yaml";

/// A loaded config.
#[derive(Debug, Default)]
pub(crate) struct Config {
    /// Where the file is, if one was found.
    pub(crate) path: Option<PathBuf>,
    /// The roster, resolved against the config's directory.
    pub(crate) roster: Option<PathBuf>,
    /// Extra rule packs, resolved against the config's directory.
    pub(crate) rules: Vec<PathBuf>,
    /// Rule ids to turn off.
    pub(crate) disable: Vec<String>,
    /// Channel per path glob, first match wins.
    channels: Vec<(GlobSet, Channel)>,
    /// Only paths matching these are checked when walking or staging (all when empty).
    include: Option<GlobSet>,
    /// Paths never checked.
    exclude: Option<GlobSet>,
    /// `fail-on` from the file.
    pub(crate) fail_on: Option<FailOn>,
    /// The baseline file, resolved against the config's directory.
    pub(crate) baseline: Option<PathBuf>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    #[serde(default)]
    roster: Option<PathBuf>,
    #[serde(default)]
    rules: Vec<PathBuf>,
    #[serde(default)]
    disable: Vec<String>,
    #[serde(default)]
    channels: BTreeMap<String, Channel>,
    #[serde(default)]
    include: Vec<String>,
    #[serde(default)]
    exclude: Vec<String>,
    #[serde(default, rename = "fail-on")]
    fail_on: Option<RawFailOn>,
    #[serde(default)]
    baseline: Option<PathBuf>,
}

#[derive(Deserialize, Clone, Copy)]
#[serde(rename_all = "lowercase")]
enum RawFailOn {
    Block,
    Warn,
}

/// The nearest `lipzip.yaml` at or above `start`.
#[must_use]
pub(crate) fn discover(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .map(|dir| dir.join(FILE_NAME))
        .find(|p| p.is_file())
}

fn globs(patterns: &[String], origin: &str, text: &str) -> Result<Option<GlobSet>, LoadError> {
    if patterns.is_empty() {
        return Ok(None);
    }
    let mut b = GlobSetBuilder::new();
    for p in patterns {
        let glob = Glob::new(p).map_err(|e| {
            let mut err = LoadError::new(FileKind::Config, origin, format!("bad glob: {e}"));
            if let Some(offset) = text.find(p.as_str()) {
                err.line = Some(crate::span::line_col(text, offset).line);
            }
            err
        })?;
        b.add(glob);
    }
    b.build()
        .map(Some)
        .map_err(|e| LoadError::new(FileKind::Config, origin, format!("bad glob: {e}")))
}

/// Loads the config at `path`.
///
/// # Errors
/// [`LoadError`] when it cannot be read or is not a valid config.
pub(crate) fn load(path: &Path) -> Result<Config, LoadError> {
    let origin = path.display().to_string();
    let text = super::read_text(path, FileKind::Config, super::MAX_FILE_BYTES)?;
    crate::yaml::check_depth(FileKind::Config, &origin, &text)?;
    let raw: RawConfig = serde_yaml::from_str(&text).map_err(|e| {
        LoadError::from_yaml_public(FileKind::Config, &origin, &text, &e)
            .with_source(text.clone())
            .help(
                "lipzip.yaml keys: roster, rules, disable, channels, include, exclude, fail-on, \
                 baseline (see the README)",
            )
    })?;
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut channels = Vec::new();
    for (pattern, channel) in raw.channels {
        if let Some(set) = globs(std::slice::from_ref(&pattern), &origin, &text)? {
            channels.push((set, channel));
        }
    }
    Ok(Config {
        path: Some(path.to_owned()),
        roster: raw.roster.map(|r| expand_home(dir, &r)),
        rules: raw.rules.into_iter().map(|r| dir.join(r)).collect(),
        disable: raw.disable,
        channels,
        include: globs(&raw.include, &origin, &text)?,
        exclude: globs(&raw.exclude, &origin, &text)?,
        fail_on: raw.fail_on.map(|f| match f {
            RawFailOn::Block => FailOn::Block,
            RawFailOn::Warn => FailOn::Warn,
        }),
        baseline: raw.baseline.map(|b| dir.join(b)),
    })
}

/// `~/...` under the home directory, else `path` relative to `dir`.
fn expand_home(dir: &Path, path: &Path) -> PathBuf {
    if let (Ok(rest), Some(home)) = (
        path.strip_prefix("~"),
        std::env::var_os("HOME").filter(|h| !h.is_empty()),
    ) {
        return PathBuf::from(home).join(rest);
    }
    dir.join(path)
}

impl Config {
    /// `path` as the config's globs see it: relative to the config's directory when it is
    /// under it.
    fn relative(&self, path: &Path) -> PathBuf {
        let Some(dir) = self.path.as_ref().and_then(|p| p.parent()) else {
            return path.to_owned();
        };
        let abs = if path.is_absolute() {
            path.to_owned()
        } else {
            std::env::current_dir().map_or_else(|_| path.to_owned(), |d| d.join(path))
        };
        let dir = dir.canonicalize().unwrap_or_else(|_| dir.to_owned());
        let abs = abs.canonicalize().unwrap_or(abs);
        abs.strip_prefix(&dir)
            .map_or_else(|_| path.to_owned(), Path::to_path_buf)
    }

    /// The channel the config gives `path`, if a glob matches.
    pub(crate) fn channel_for(&self, path: &Path) -> Option<Channel> {
        let rel = self.relative(path);
        self.channels
            .iter()
            .find(|(g, _)| g.is_match(&rel))
            .map(|(_, c)| *c)
    }

    /// Whether `path` is to be checked (include and exclude globs).
    pub(crate) fn wants(&self, path: &Path) -> bool {
        let rel = self.relative(path);
        self.include.as_ref().is_none_or(|g| g.is_match(&rel))
            && !self.exclude.as_ref().is_some_and(|g| g.is_match(&rel))
    }
}
