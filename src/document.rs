//! A draft to check: its text, the channel it will be published on, and its front matter.
//!
//! The core never reads files: a front-end hands it a `&str`. Consent is given per channel, so the
//! channel is part of the document, read from YAML front matter (`channel: newsletter`) when the
//! draft has one.

use std::fmt;
use std::str::FromStr;

use crate::markup::Markup;
use crate::span::Span;

/// Where a draft will be published. Consent records list the channels they cover.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Channel {
    /// Social media posts.
    Social,
    /// A newsletter.
    Newsletter,
    /// A raffle or giveaway announcement.
    Raffle,
    /// A blog post.
    Blog,
    /// An email blast.
    Email,
}

impl Channel {
    /// Every channel, in the order the docs list them.
    pub const ALL: [Channel; 5] = [
        Channel::Social,
        Channel::Newsletter,
        Channel::Raffle,
        Channel::Blog,
        Channel::Email,
    ];

    /// The lowercase name used in front matter, rosters and reports.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Channel::Social => "social",
            Channel::Newsletter => "newsletter",
            Channel::Raffle => "raffle",
            Channel::Blog => "blog",
            Channel::Email => "email",
        }
    }
}

impl fmt::Display for Channel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A channel name that lipzip does not know.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown channel: expected one of social, newsletter, raffle, blog, email")]
pub struct ChannelError;

impl<'de> serde::Deserialize<'de> for Channel {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_str(crate::yaml::Checked("a channel", |s: &str| {
            s.parse::<Channel>().map_err(|e| e.to_string())
        }))
    }
}

impl FromStr for Channel {
    type Err = ChannelError;

    fn from_str(s: &str) -> Result<Self, ChannelError> {
        Channel::ALL
            .into_iter()
            .find(|c| c.as_str().eq_ignore_ascii_case(s.trim()))
            .ok_or(ChannelError)
    }
}

/// A draft ready to scan.
#[derive(Clone, Copy, Debug)]
pub struct Document<'t> {
    /// The draft's full original text, front matter included (a title there is published too).
    pub text: &'t str,
    /// Where it will be published.
    pub channel: Channel,
    /// How it is written: the scanner reads the prose of Markdown and HTML
    /// ([`crate::markup::Prose`]), and reports spans into `text` all the same.
    pub markup: Markup,
}

impl<'t> Document<'t> {
    /// A plain-text document on a known channel.
    #[must_use]
    pub fn new(text: &'t str, channel: Channel) -> Self {
        Document {
            text,
            channel,
            markup: Markup::Plain,
        }
    }

    /// The same document, written in `markup`.
    #[must_use]
    pub fn with_markup(self, markup: Markup) -> Self {
        Document { markup, ..self }
    }
}

/// YAML front matter at the top of a draft.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FrontMatter {
    /// Bytes of the whole block, fences included.
    pub span: Option<Span>,
    /// The `channel:` it names, if any.
    pub channel: Option<Channel>,
}

/// Front matter that names a channel lipzip does not know, or is not valid YAML.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum FrontMatterError {
    /// `channel:` holds something else than a known channel.
    #[error("front matter line {line}: {source}")]
    Channel {
        /// 1-based line of the `channel:` key.
        line: usize,
        /// What was wrong.
        source: ChannelError,
    },
    /// The block between the `---` fences is not YAML.
    #[error("front matter is not valid YAML (line {line})")]
    Yaml {
        /// 1-based line in the draft.
        line: usize,
    },
}

/// Reads the front matter of `text`: a `---` line first (after an optional BOM), YAML, then a
/// closing `---` or `...` line. A draft without it has `FrontMatter::default()`.
///
/// # Errors
/// [`FrontMatterError`] when the block is not YAML or names an unknown channel: a wrong channel
/// would judge consent against the wrong publication, so it is not guessed.
pub fn front_matter(text: &str) -> Result<FrontMatter, FrontMatterError> {
    let body_start = text.strip_prefix('\u{feff}').map_or(0, |_| 3);
    let rest = &text[body_start..];
    let Some(first_len) = fence_len(rest, &["---"]) else {
        return Ok(FrontMatter::default());
    };
    let mut offset = body_start + first_len;
    let yaml_start = offset;
    loop {
        let line_rest = &text[offset..];
        if line_rest.is_empty() {
            // No closing fence: not front matter, just a draft that starts with a rule line.
            return Ok(FrontMatter::default());
        }
        if let Some(len) = fence_len(line_rest, &["---", "..."]) {
            let yaml = &text[yaml_start..offset];
            let end = offset + len;
            let channel = channel_of(yaml, 2)?;
            return Ok(FrontMatter {
                span: Some(Span::new(0, end)),
                channel,
            });
        }
        offset += line_rest.find('\n').map_or(line_rest.len(), |i| i + 1);
    }
}

/// Length of `s`'s first line (with its line end) when that line is one of `fences`.
fn fence_len(s: &str, fences: &[&str]) -> Option<usize> {
    let line_end = s.find('\n').map_or(s.len(), |i| i + 1);
    let line = s[..line_end].trim_end_matches(['\n', '\r']).trim_end();
    fences.contains(&line).then_some(line_end)
}

fn channel_of(yaml: &str, first_line: usize) -> Result<Option<Channel>, FrontMatterError> {
    if yaml.trim().is_empty() {
        return Ok(None);
    }
    if let Some(at) = crate::yaml::too_deep(yaml) {
        return Err(FrontMatterError::Yaml {
            line: first_line + yaml[..at].matches('\n').count(),
        });
    }
    let value: serde_yaml::Value =
        serde_yaml::from_str(yaml).map_err(|e| FrontMatterError::Yaml {
            line: first_line + e.location().map_or(0, |l| l.line().saturating_sub(1)),
        })?;
    let Some(channel) = value.get("channel") else {
        return Ok(None);
    };
    let line = yaml
        .lines()
        .position(|l| l.trim_start().starts_with("channel"))
        .map_or(first_line, |i| first_line + i);
    match channel.as_str().map(str::parse) {
        Some(Ok(c)) => Ok(Some(c)),
        Some(Err(source)) => Err(FrontMatterError::Channel { line, source }),
        None => Err(FrontMatterError::Channel {
            line,
            source: ChannelError,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_channel_from_front_matter() {
        let fm = front_matter("---\nchannel: newsletter\ntitle: Hi\n---\nBody").unwrap();
        assert_eq!(fm.channel, Some(Channel::Newsletter));
        assert_eq!(fm.span, Some(Span::new(0, 38)));
    }

    #[test]
    fn crlf_and_bom_front_matter() {
        let fm = front_matter("\u{feff}---\r\nchannel: Blog\r\n---\r\nBody").unwrap();
        assert_eq!(fm.channel, Some(Channel::Blog));
    }

    #[test]
    fn no_front_matter_is_default() {
        assert_eq!(
            front_matter("Hello\n---\n").unwrap(),
            FrontMatter::default()
        );
        assert_eq!(
            front_matter("---\nno closing fence").unwrap(),
            FrontMatter::default()
        );
    }

    #[test]
    fn unknown_channel_is_an_error_with_its_line() {
        let err = front_matter("---\ntitle: x\nchannel: tiktok\n---\n").unwrap_err();
        assert!(
            matches!(err, FrontMatterError::Channel { line: 3, .. }),
            "{err:?}"
        );
    }

    #[test]
    fn broken_yaml_is_an_error() {
        assert!(front_matter("---\nchannel: [social\n---\n").is_err());
    }
}
