//! Errors from loading a roster, a rule pack or a config file.
//!
//! Each names the file, line, column and field, and says what to do next. Loading fails closed:
//! the front-ends exit 2 on any of these, never scan with half a roster.
//!
//! A roster is private, and CI logs are often public, so a roster error carries no roster text:
//! its message is rebuilt from the parser's with every quoted value cut out, and the source
//! snippet is attached only by a front-end that knows the reader is a person at a terminal
//! ([`LoadError::with_source`]).

use std::fmt;

use miette::{Diagnostic, LabeledSpan, NamedSource, SourceCode};

/// Which kind of file failed to load.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// The client roster: private, so never quoted.
    Roster,
    /// A rule pack.
    Rules,
    /// `lipzip.yaml`.
    Config,
}

impl FileKind {
    fn code(self) -> &'static str {
        match self {
            FileKind::Roster => "lipzip::roster",
            FileKind::Rules => "lipzip::rules",
            FileKind::Config => "lipzip::config",
        }
    }

    fn noun(self) -> &'static str {
        match self {
            FileKind::Roster => "roster",
            FileKind::Rules => "rule pack",
            FileKind::Config => "config",
        }
    }
}

/// A file that could not be loaded, with where and why.
#[derive(Debug)]
pub struct LoadError {
    /// What kind of file.
    pub kind: FileKind,
    /// The file's name as the user gave it.
    pub origin: String,
    /// 1-based line, when known.
    pub line: Option<usize>,
    /// 1-based column, when known.
    pub column: Option<usize>,
    /// Byte offset of the problem, when known.
    pub offset: Option<usize>,
    /// Dotted path of the field (`clients[3].consent[0].granted`), when known.
    pub field: Option<String>,
    /// What is wrong, free of file contents for rosters.
    pub message: String,
    /// What to do about it.
    pub help: Option<String>,
    source_code: Option<NamedSource<String>>,
}

impl LoadError {
    /// An error with no position.
    #[must_use]
    pub fn new(kind: FileKind, origin: impl Into<String>, message: impl Into<String>) -> Self {
        LoadError {
            kind,
            origin: origin.into(),
            line: None,
            column: None,
            offset: None,
            field: None,
            message: message.into(),
            help: None,
            source_code: None,
        }
    }

    /// Adds what to do next.
    #[must_use]
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Attaches the file's text so the report shows a snippet. For a roster, front-ends call
    /// this only when the reader is a person at a terminal.
    #[must_use]
    pub fn with_source(mut self, text: String) -> Self {
        self.source_code = Some(NamedSource::new(self.origin.clone(), text));
        self
    }

    /// Builds an error from a YAML parse error in a file that is not private (a config or a
    /// rule pack), keeping the parser's message whole.
    #[must_use]
    pub fn from_yaml_public(
        kind: FileKind,
        origin: &str,
        text: &str,
        err: &serde_yaml::Error,
    ) -> Self {
        debug_assert!(kind != FileKind::Roster);
        Self::from_yaml(kind, origin, text, err, &[])
    }

    /// Builds an error from a YAML parse error of file `origin` whose text is `text`.
    pub(crate) fn from_yaml(
        kind: FileKind,
        origin: &str,
        text: &str,
        err: &serde_yaml::Error,
        known_words: &[&str],
    ) -> Self {
        let raw = err.to_string();
        // serde_yaml renders "<path>: <message> at line L column C".
        let without_pos = match raw.rfind(" at line ") {
            Some(i) => &raw[..i],
            None => raw.as_str(),
        };
        let (field, message) = match without_pos.split_once(": ") {
            Some((path, msg)) if is_field_path(path) => (Some(path.to_owned()), msg),
            _ => (None, without_pos),
        };
        let message = if kind == FileKind::Roster {
            redact(message, known_words)
        } else {
            message.to_owned()
        };
        let mut e = LoadError::new(kind, origin, message);
        e.field = field;
        if let Some(loc) = err.location() {
            e.line = Some(loc.line());
            e.column = Some(loc.column());
            e.offset = Some(loc.index().min(text.len()));
        }
        e
    }
}

fn is_field_path(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '[' | ']' | '-'))
}

/// Cuts every quoted value out of a parser message, keeping back-quoted words that are field
/// names of the format (`unknown field `nmae`, expected one of `name`, ...`).
#[must_use]
pub fn redact(message: &str, known_words: &[&str]) -> String {
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    while let Some(i) = rest.find(['"', '`']) {
        let quote = rest[i..].chars().next().unwrap_or('"');
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        match after.find(quote) {
            Some(j) => {
                let inner = &after[..j];
                if quote == '`' && known_words.contains(&inner) {
                    out.push('`');
                    out.push_str(inner);
                    out.push('`');
                } else {
                    out.push_str("(value hidden)");
                }
                rest = &after[j + 1..];
            }
            None => {
                out.push_str("(value hidden)");
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.kind.noun(), self.origin)?;
        match (self.line, self.column) {
            (Some(l), Some(c)) => write!(f, ":{l}:{c}")?,
            (Some(l), None) => write!(f, ":{l}")?,
            _ => {}
        }
        f.write_str(": ")?;
        if let Some(field) = &self.field {
            write!(f, "{field}: ")?;
        }
        f.write_str(&self.message)
    }
}

impl std::error::Error for LoadError {}

impl Diagnostic for LoadError {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(self.kind.code()))
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h.as_str()) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.source_code.as_ref().map(|s| s as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let offset = self.offset?;
        self.source_code.as_ref()?;
        Some(Box::new(std::iter::once(LabeledSpan::new(
            Some("here".into()),
            offset,
            0,
        ))))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redaction_keeps_field_names_only() {
        let m = redact(
            "invalid type: string \"Mary Jones\", expected `name` or `Mary`",
            &["name"],
        );
        assert_eq!(
            m,
            "invalid type: string (value hidden), expected `name` or (value hidden)"
        );
    }
}
