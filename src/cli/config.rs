//! `lipzip.yaml`: the project's settings, found in the current directory or any parent.
//!
//! Paths in it are relative to the file itself, so the same config works from any
//! subdirectory and in CI. Unknown keys are errors with a line number: a typo must not turn
//! into a silently ignored setting.

use std::path::{Path, PathBuf};

use serde::Deserialize;

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
}

/// The nearest `lipzip.yaml` at or above `start`.
#[must_use]
pub(crate) fn discover(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .map(|dir| dir.join(FILE_NAME))
        .find(|p| p.is_file())
}

/// Loads the config at `path`.
///
/// # Errors
/// [`LoadError`] when it cannot be read or is not a valid config.
pub(crate) fn load(path: &Path) -> Result<Config, LoadError> {
    let origin = path.display().to_string();
    let text = std::fs::read_to_string(path)
        .map_err(|e| LoadError::new(FileKind::Config, &origin, format!("cannot read it: {e}")))?;
    let raw: RawConfig = serde_yaml::from_str(&text).map_err(|e| {
        LoadError::from_yaml_public(FileKind::Config, &origin, &text, &e)
            .with_source(text.clone())
            .help("lipzip.yaml keys: roster, rules, disable (see the README)")
    })?;
    let dir = path.parent().unwrap_or(Path::new("."));
    Ok(Config {
        path: Some(path.to_owned()),
        roster: raw.roster.map(|r| dir.join(r)),
        rules: raw.rules.into_iter().map(|r| dir.join(r)).collect(),
        disable: raw.disable,
    })
}
