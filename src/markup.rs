//! The prose of a draft written in Markdown or HTML: what a reader sees, laid over the source
//! byte for byte.
//!
//! A newsletter exported from Mailchimp is mostly tags, styles and tracking links; a Markdown
//! post has emphasis marks, link syntax and image addresses. The engine reads neither: it reads
//! the [`Prose`] view, a copy of the source **of the same length** in which markup is blanked
//! out, entities are decoded in place and link addresses are spelled as words:
//!
//! ```text
//! source  <p>Thanks <b>Mary</b> <i>Jos&eacute;</i>!</p><img alt="Mary" src="/c/mary-jones.jpg">
//! prose   \n\n Thanks ___Mary____ ___José______!\n\n  \n\n         Mary      c mary jones jpg
//! ```
//!
//! Because every byte stays where it was, a span found in the prose *is* the span in the
//! source: no offset table, line and column stay right, and `<b>Mary</b> <i>Jones</i>` is found
//! as one name whose span runs from `M` to `s` in the original. The fillers are chosen so the
//! normaliser reads the prose as a browser renders it: inline tags (`<b>`, `<span>`, `<a>`) and
//! Markdown emphasis become `_`, which the normaliser drops (so `Ma<b>ry</b>` is "Mary"); block
//! tags become a blank line (a paragraph break), headings `# `, everything else spaces; line
//! breaks are kept. A decoded entity is written at the entity's first byte and padded with `_`
//! (every entity is at least as long as what it decodes to, but for a few two-character
//! mathematical ones, which are left as written).
//!
//! What is read: text, link and image text, image `alt`, `title` and `aria-label` attributes,
//! `<meta content>` (shown in link previews), code (it is published too), front matter (a
//! title is published), and link and image addresses (`href`, `src`, Markdown destinations
//! and bare `https://…` addresses), whose separators become spaces so that `/mary-jones` and
//! `maryjones.jpg` are words. `<script>`, `<style>` and comments are not read. Plain text gets
//! only the link treatment, and is borrowed untouched when it has no address in it.
//!
//! The core reads no files: a front-end picks the [`Markup`] from a file's extension or an
//! editor's language id.

use std::borrow::Cow;
use std::ops::Range;

use html5gum::emitters::callback::{CallbackEmitter, CallbackEvent};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use crate::span::Span;

/// How a draft is written.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Markup {
    /// Plain text (`.txt`, standard input, anything unknown).
    #[default]
    Plain,
    /// Markdown (`.md`, `.markdown`, `.mdx`), with YAML front matter.
    Markdown,
    /// HTML (`.html`, `.htm`): a newsletter export, a web page.
    Html,
}

impl Markup {
    /// The format of a file with extension `ext` (without the dot, any case).
    #[must_use]
    pub fn from_extension(ext: &str) -> Markup {
        match ext.to_ascii_lowercase().as_str() {
            "md" | "markdown" | "mdx" | "mkd" => Markup::Markdown,
            "html" | "htm" | "xhtml" => Markup::Html,
            _ => Markup::Plain,
        }
    }

    /// The format an editor's language id names (`markdown`, `html`, `plaintext` ...), if lipzip
    /// knows it.
    #[must_use]
    pub fn from_language_id(id: &str) -> Option<Markup> {
        match id.to_ascii_lowercase().as_str() {
            "markdown" | "mdx" | "quarto" | "rmd" => Some(Markup::Markdown),
            "html" | "xhtml" => Some(Markup::Html),
            "plaintext" | "text" | "txt" => Some(Markup::Plain),
            _ => None,
        }
    }

    /// Lower-case name, for reports and docs.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Markup::Plain => "text",
            Markup::Markdown => "markdown",
            Markup::Html => "html",
        }
    }
}

/// The prose of a draft, the same length as its source (see the module docs).
///
/// # Invariants
/// `as_str().len()` equals the source's length, and every byte of the prose that is not
/// markup filler sits at the source offset it came from.
#[derive(Clone, Debug)]
pub struct Prose<'t> {
    text: Cow<'t, str>,
    markup: Vec<Span>,
    links: Vec<Span>,
}

/// Filler for inline markup: dropped by the normaliser, so the words around it join.
const JOIN: u8 = b'_';
/// Filler for markup that separates words.
const SPACE: u8 = b' ';

impl<'t> Prose<'t> {
    /// The prose of `source` written in `format`. Never fails: a document the parsers cannot
    /// make sense of is read as it is written.
    #[must_use]
    pub fn new(source: &'t str, format: Markup) -> Prose<'t> {
        let mut b = Builder {
            out: Vec::new(),
            markup: Vec::new(),
            links: Vec::new(),
        };
        match format {
            Markup::Plain => {
                if !has_address(source) {
                    return Prose {
                        text: Cow::Borrowed(source),
                        markup: Vec::new(),
                        links: Vec::new(),
                    };
                }
                b.out = source.as_bytes().to_vec();
                b.addresses_in(source, 0..source.len());
            }
            Markup::Markdown => {
                b.out = source.as_bytes().to_vec();
                markdown(source, &mut b);
            }
            Markup::Html => {
                b.out = source.as_bytes().to_vec();
                html(source, 0..source.len(), &mut b);
            }
        }
        b.finish(source)
    }

    /// The prose, as long as the source.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Whether the prose is the source itself (plain text without addresses).
    #[must_use]
    pub fn is_source(&self) -> bool {
        matches!(self.text, Cow::Borrowed(_))
    }

    /// Source ranges that are markup (tags, comments, Markdown syntax), sorted, disjoint.
    #[must_use]
    pub fn markup(&self) -> &[Span] {
        &self.markup
    }

    /// Source ranges that are link or image addresses, sorted.
    #[must_use]
    pub fn links(&self) -> &[Span] {
        &self.links
    }

    /// Whether `span` touches a link or image address.
    #[must_use]
    pub fn in_link(&self, span: Span) -> bool {
        let i = self.links.partition_point(|l| l.end <= span.start);
        self.links.get(i).is_some_and(|l| l.overlaps(span))
    }

    /// The parts of `span` that are text, in order: `span` minus the markup inside it. For
    /// `Mary</b> <i>Jones` that is `Mary`, ` ` and `Jones`.
    #[must_use]
    pub fn text_pieces(&self, span: Span) -> Vec<Span> {
        let mut pieces = Vec::new();
        let mut at = span.start;
        let first = self.markup.partition_point(|m| m.end <= span.start);
        for m in &self.markup[first..] {
            if m.start >= span.end {
                break;
            }
            if m.start > at {
                pieces.push(Span::new(at, m.start));
            }
            at = at.max(m.end);
        }
        if at < span.end {
            pieces.push(Span::new(at, span.end));
        }
        pieces
    }
}

struct Builder {
    out: Vec<u8>,
    markup: Vec<Span>,
    links: Vec<Span>,
}

impl Builder {
    fn finish<'t>(mut self, source: &'t str) -> Prose<'t> {
        self.markup.sort_unstable();
        let mut merged: Vec<Span> = Vec::with_capacity(self.markup.len());
        for m in self.markup {
            match merged.last_mut() {
                Some(last) if m.start <= last.end => last.end = last.end.max(m.end),
                _ => merged.push(m),
            }
        }
        self.links.sort_unstable();
        self.links.dedup();
        match String::from_utf8(self.out) {
            Ok(text) if text.len() == source.len() => Prose {
                text: Cow::Owned(text),
                markup: merged,
                links: self.links,
            },
            // Every write keeps whole characters; were that ever broken, reading the draft
            // as written is the safe answer.
            _ => Prose {
                text: Cow::Borrowed(source),
                markup: Vec::new(),
                links: Vec::new(),
            },
        }
    }

    /// Blanks `range` with `filler`, keeping line breaks, and records it as markup.
    fn mask(&mut self, range: Range<usize>, filler: u8) {
        if range.start >= range.end {
            return;
        }
        for b in &mut self.out[range.clone()] {
            if *b != b'\n' && *b != b'\r' {
                *b = filler;
            }
        }
        self.markup.push(Span::new(range.start, range.end));
    }

    /// Writes `s` at `at` (over markup filler already in place), keeping line breaks.
    fn put(&mut self, at: usize, s: &[u8]) {
        for (i, &c) in s.iter().enumerate() {
            if let Some(b) = self.out.get_mut(at + i)
                && *b != b'\n'
                && *b != b'\r'
            {
                *b = c;
            }
        }
    }

    /// Restores `range` from the source: text inside markup (an attribute value).
    fn restore(&mut self, source: &str, range: Range<usize>) {
        self.out[range.clone()].copy_from_slice(&source.as_bytes()[range.clone()]);
        // It is text again: cut it out of the markup recorded for the whole tag.
        let span = Span::new(range.start, range.end);
        let mut rest = Vec::new();
        self.markup.retain(|m| {
            if !m.overlaps(span) {
                return true;
            }
            if m.start < span.start {
                rest.push(Span::new(m.start, span.start));
            }
            if span.end < m.end {
                rest.push(Span::new(span.end, m.end));
            }
            false
        });
        self.markup.extend(rest);
    }

    /// Spells the address in `range` as words: letters, digits and anything beyond ASCII stay;
    /// separators and percent-escapes become spaces.
    fn address(&mut self, range: Range<usize>) {
        if range.start >= range.end {
            return;
        }
        let mut i = range.start;
        while i < range.end {
            let b = self.out[i];
            if b == b'%'
                && i + 2 < range.end
                && self.out[i + 1].is_ascii_hexdigit()
                && self.out[i + 2].is_ascii_hexdigit()
            {
                self.out[i..i + 3].fill(SPACE);
                i += 3;
                continue;
            }
            if b.is_ascii() && !b.is_ascii_alphanumeric() {
                self.out[i] = SPACE;
            }
            i += 1;
        }
        self.links.push(Span::new(range.start, range.end));
    }

    /// Finds bare addresses (`https://…`, `www.…`) in the text `range` and spells them as words.
    fn addresses_in(&mut self, source: &str, range: Range<usize>) {
        let text = &source[range.clone()];
        if !has_address(text) {
            return;
        }
        for r in bare_addresses(text) {
            self.address(range.start + r.start..range.start + r.end);
        }
    }

    /// Decodes the character references in the text `range`, whose decoded value is `decoded`
    /// (from the tokenizer): each entity's characters go at its first byte, padded with `_`.
    /// Anything that does not line up is left as written.
    fn decode(&mut self, source: &str, range: Range<usize>, decoded: &str) {
        let src = &source[range.clone()];
        if !src.contains('&') {
            return;
        }
        let s = src.as_bytes();
        let d = decoded.as_bytes();
        let (mut i, mut j) = (0, 0);
        while i < s.len() && j <= d.len() {
            match s[i] {
                b'\r' => {
                    i += if s.get(i + 1) == Some(&b'\n') { 2 } else { 1 };
                    j += 1;
                }
                b'&' => {
                    let Some((end, len)) = entity_at(src, i, decoded, j) else {
                        return;
                    };
                    let piece = &d[j..j + len];
                    if piece != &s[i..end] && len <= end - i {
                        let at = range.start + i;
                        self.out[at..range.start + end].fill(JOIN);
                        self.out[at..at + len].copy_from_slice(piece);
                    }
                    i = end;
                    j += len;
                }
                _ => {
                    let n = utf8_len(s[i]);
                    if d.get(j..j + n) != s.get(i..i + n) {
                        return;
                    }
                    i += n;
                    j += n;
                }
            }
        }
    }
}

fn utf8_len(first: u8) -> usize {
    match first {
        0xF0..=0xFF => 4,
        0xE0..=0xEF => 3,
        0xC0..=0xDF => 2,
        _ => 1,
    }
}

/// Where the character reference at `src[i]` ends and how many bytes of `decoded` (from `j`)
/// it became: the longest reading after which the rest of the text lines up again.
fn entity_at(src: &str, i: usize, decoded: &str, j: usize) -> Option<(usize, usize)> {
    let s = src.as_bytes();
    let mut max = i + 1;
    while max < s.len() && max - i < 40 && (s[max].is_ascii_alphanumeric() || s[max] == b'#') {
        max += 1;
    }
    if s.get(max) == Some(&b';') {
        max += 1;
    }
    let rest_of = |e: usize| {
        let stop = src[e..].find(['&', '\r']).map_or(src.len(), |k| e + k);
        (&src[e..stop], stop == src.len())
    };
    for end in (i + 1..=max).rev() {
        let (rest, at_end) = rest_of(end);
        let mut len = 0;
        for c in decoded.get(j..)?.chars().take(2) {
            len += c.len_utf8();
            let after = &decoded[j + len..];
            let lines_up = if at_end {
                after == rest
            } else {
                after.starts_with(rest)
            };
            if lines_up {
                return Some((end, len));
            }
        }
    }
    None
}

/// Whether `text` may hold a web address.
fn has_address(text: &str) -> bool {
    text.contains("://") || text.contains("www.")
}

/// Ranges of bare web addresses in `text`: from `http://`, `https://` or `www.` to the next
/// space or bracket, without trailing punctuation.
fn bare_addresses(text: &str) -> Vec<Range<usize>> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let rest = &b[i..];
        let starts = (rest.len() >= 7 && rest[..7].eq_ignore_ascii_case(b"http://"))
            || (rest.len() >= 8 && rest[..8].eq_ignore_ascii_case(b"https://"))
            || (rest.len() >= 4 && rest[..4].eq_ignore_ascii_case(b"www."));
        let word_start = i == 0 || !b[i - 1].is_ascii_alphanumeric();
        if !(starts && word_start) {
            i += 1;
            continue;
        }
        let mut end = i;
        while end < b.len()
            && !b[end].is_ascii_whitespace()
            && !matches!(
                b[end],
                b'<' | b'>' | b'"' | b'(' | b')' | b'[' | b']' | b'{' | b'}'
            )
        {
            end += 1;
        }
        while end > i && matches!(b[end - 1], b'.' | b',' | b';' | b':' | b'!' | b'?' | b'\'') {
            end -= 1;
        }
        // Stay on a char boundary: the scan above stops only at ASCII.
        while end < b.len() && !text.is_char_boundary(end) {
            end += 1;
        }
        out.push(i..end);
        i = end.max(i + 1);
    }
    out
}

/// Markdown: parsed with pulldown-cmark; text, code, link text and titles stay, addresses are
/// spelled as words, HTML inside is read as HTML, the rest is blanked.
fn markdown(source: &str, b: &mut Builder) {
    let body = crate::document::front_matter(source)
        .ok()
        .and_then(|fm| fm.span)
        .map_or(0, |s| s.end);
    // A comment line in the front matter is a note to whoever publishes ("# reply to a review
    // signed ..."), like an HTML comment: never published. Its values (a title) may be.
    let mut at = 0;
    for line in source[..body].split_inclusive('\n') {
        if line.trim_start().starts_with('#') {
            b.mask(at..at + line.len(), SPACE);
        }
        at += line.len();
    }
    let text = &source[body..];
    let mut options = Options::empty();
    options.insert(Options::ENABLE_TABLES);
    options.insert(Options::ENABLE_STRIKETHROUGH);
    options.insert(Options::ENABLE_FOOTNOTES);
    options.insert(Options::ENABLE_TASKLISTS);
    let parser = Parser::new_ext(text, options);
    // Reference definitions (`[1]: https://…`) are not events: their addresses are found here.
    let mut addresses: Vec<Range<usize>> = Vec::new();
    for (_, def) in parser.reference_definitions().iter() {
        if let Some(at) = text[def.span.clone()].find(def.dest.as_ref()) {
            let s = def.span.start + at;
            addresses.push(s..s + def.dest.len());
        }
    }
    let mut keep: Vec<Range<usize>> = Vec::new();
    let mut entities: Vec<(Range<usize>, String)> = Vec::new();
    let mut html_ranges: Vec<Range<usize>> = Vec::new();
    let mut texts: Vec<Range<usize>> = Vec::new();
    let mut html_block: Option<usize> = None;
    for (event, r) in parser.into_offset_iter() {
        match event {
            Event::Text(t) if html_block.is_none() => {
                if *t == text[r.clone()] {
                    texts.push(r.clone());
                } else if t.len() <= r.len() {
                    entities.push((r.clone(), t.into_string()));
                }
                keep.push(r);
            }
            Event::Code(t) => {
                let inner = match text[r.clone()].find(t.as_ref()) {
                    Some(at) => r.start + at..r.start + at + t.len(),
                    None => {
                        let s = &text[r.clone()];
                        let lead = s.len() - s.trim_start_matches('`').len();
                        let trail = s.len() - s.trim_end_matches('`').len();
                        r.start + lead..r.end.saturating_sub(trail).max(r.start + lead)
                    }
                };
                keep.push(inner);
            }
            Event::Start(Tag::HtmlBlock) => html_block = Some(r.start),
            Event::End(TagEnd::HtmlBlock) => {
                let start = html_block.take().unwrap_or(r.start);
                html_ranges.push(start..r.end);
                keep.push(start..r.end);
            }
            Event::InlineHtml(_) | Event::Html(_) if html_block.is_none() => {
                html_ranges.push(r.clone());
                keep.push(r);
            }
            Event::Start(Tag::Link {
                dest_url, title, ..
            })
            | Event::Start(Tag::Image {
                dest_url, title, ..
            }) => {
                let s = &text[r.clone()];
                // The address and title follow the link text: search from the `](`.
                let from = s.rfind("](").map_or(0, |k| k + 2);
                if !dest_url.is_empty() {
                    if let Some(at) = s[from..].find(dest_url.as_ref()) {
                        let a = r.start + from + at;
                        addresses.push(a..a + dest_url.len());
                    } else if s.starts_with('<') && s[1..].starts_with(dest_url.as_ref()) {
                        // An autolink: its text event is the address itself.
                        addresses.push(r.start + 1..r.start + 1 + dest_url.len());
                    }
                }
                if !title.is_empty()
                    && let Some(at) = s[from..].rfind(title.as_ref())
                {
                    let a = r.start + from + at;
                    keep.push(a..a + title.len());
                }
            }
            Event::Start(Tag::Heading { .. }) => {
                let s = &text[r.clone()];
                let hashes = s.len() - s.trim_start_matches('#').len();
                if hashes > 0 && s[hashes..].starts_with(' ') {
                    keep.push(r.start..r.start + hashes + 1);
                }
            }
            _ => {}
        }
    }
    keep.extend(addresses.iter().cloned());
    keep.sort_unstable_by_key(|r| (r.start, r.end));
    // Blank everything between the kept ranges.
    let mut at = 0;
    for r in &keep {
        if r.start > at {
            mask_syntax(b, text, body, at..r.start);
        }
        at = at.max(r.end);
    }
    if at < text.len() {
        mask_syntax(b, text, body, at..text.len());
    }
    for r in html_ranges {
        html(source, body + r.start..body + r.end, b);
    }
    for (r, decoded) in entities {
        let at = body + r.start;
        b.out[at..body + r.end].fill(JOIN);
        b.put(at, decoded.as_bytes());
    }
    for r in texts {
        b.addresses_in(source, body + r.start..body + r.end);
    }
    for r in addresses {
        b.address(body + r.start..body + r.end);
    }
}

/// Blanks Markdown syntax: emphasis marks join the words around them, the rest separates.
fn mask_syntax(b: &mut Builder, text: &str, body: usize, r: Range<usize>) {
    let bytes = text.as_bytes();
    let mut i = r.start;
    while i < r.end {
        let j = i;
        let join = matches!(bytes[i], b'*' | b'_' | b'~');
        while i < r.end && matches!(bytes[i], b'*' | b'_' | b'~') == join {
            i += 1;
        }
        b.mask(body + j..body + i, if join { JOIN } else { SPACE });
    }
}

/// What a tag does to the text around it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum TagKind {
    /// `<b>`, `<span>`, `<a>`: inside a line; the words around it join.
    Inline,
    /// `<br>`: a line break.
    Break,
    /// `<img>` and unknown tags: a space.
    Space,
    /// `<h1>`…`<h6>`: a heading paragraph.
    Heading,
    /// `<p>`, `<div>`, `<td>`, `<li>` …: a paragraph break.
    Block,
}

fn tag_kind(name: &[u8]) -> TagKind {
    match name {
        b"a" | b"abbr" | b"b" | b"bdi" | b"bdo" | b"big" | b"cite" | b"code" | b"data" | b"del"
        | b"dfn" | b"em" | b"font" | b"i" | b"ins" | b"kbd" | b"mark" | b"q" | b"s" | b"samp"
        | b"small" | b"span" | b"strike" | b"strong" | b"sub" | b"sup" | b"time" | b"tt" | b"u"
        | b"var" | b"wbr" | b"label" | b"o:p" => TagKind::Inline,
        b"br" => TagKind::Break,
        b"h1" | b"h2" | b"h3" | b"h4" | b"h5" | b"h6" => TagKind::Heading,
        b"address" | b"article" | b"aside" | b"blockquote" | b"body" | b"caption" | b"center"
        | b"dd" | b"details" | b"dialog" | b"div" | b"dl" | b"dt" | b"fieldset" | b"figcaption"
        | b"figure" | b"footer" | b"form" | b"head" | b"header" | b"hr" | b"html" | b"li"
        | b"main" | b"nav" | b"ol" | b"p" | b"pre" | b"section" | b"summary" | b"table"
        | b"tbody" | b"td" | b"tfoot" | b"th" | b"thead" | b"title" | b"tr" | b"ul" => {
            TagKind::Block
        }
        _ => TagKind::Space,
    }
}

/// Elements whose content is not prose.
fn is_hidden(name: &[u8]) -> bool {
    matches!(
        name,
        b"script"
            | b"style"
            | b"noscript"
            | b"template"
            | b"iframe"
            | b"noembed"
            | b"noframes"
            | b"xmp"
            | b"object"
    )
}

/// Attributes read as text, and as addresses.
fn attribute_role(tag: &[u8], name: &[u8]) -> Option<bool> {
    match name {
        b"alt" | b"title" | b"aria-label" | b"placeholder" => Some(false),
        b"content" if tag == b"meta" => Some(false),
        b"href" | b"src" | b"action" | b"poster" => Some(true),
        _ => None,
    }
}

/// A start tag being read: its name, where it began, its attribute values.
#[derive(Default)]
struct OpenTag {
    name: Vec<u8>,
    start: usize,
    attribute: Vec<u8>,
    values: Vec<(bool, Range<usize>, String)>,
}

/// HTML in `range` of `source`: tokenised with html5gum; text, some attributes and addresses
/// stay, entities are decoded in place, tags are blanked by what they do.
fn html(source: &str, range: Range<usize>, b: &mut Builder) {
    let base = range.start;
    let input = &source[range];
    let mut events: Vec<(Piece, Range<usize>)> = Vec::new();
    let mut tag = OpenTag::default();
    let emitter = CallbackEmitter::new(
        |event: CallbackEvent<'_>,
         span: html5gum::Span<usize>|
         -> Option<std::convert::Infallible> {
            let r = base + span.start..base + span.end;
            match event {
                CallbackEvent::OpenStartTag { name } => {
                    tag = OpenTag {
                        name: name.to_vec(),
                        start: r.start,
                        ..OpenTag::default()
                    };
                }
                CallbackEvent::AttributeName { name } => tag.attribute = name.to_vec(),
                CallbackEvent::AttributeValue { value } => {
                    if let Some(address) = attribute_role(&tag.name, &tag.attribute) {
                        let value = String::from_utf8_lossy(value).into_owned();
                        tag.values.push((address, r, value));
                    }
                }
                CallbackEvent::CloseStartTag { self_closing } => {
                    let t = std::mem::take(&mut tag);
                    events.push((
                        Piece::Start {
                            name: t.name,
                            self_closing,
                            values: t.values,
                        },
                        t.start..r.end,
                    ));
                }
                CallbackEvent::EndTag { name } => {
                    events.push((Piece::End(name.to_vec()), r));
                }
                CallbackEvent::String { value } => {
                    let value = String::from_utf8_lossy(value).into_owned();
                    events.push((Piece::Text(value), r));
                }
                CallbackEvent::Comment { .. } | CallbackEvent::Doctype { .. } => {
                    events.push((Piece::Hidden, r));
                }
                CallbackEvent::Error(_) => {}
            }
            None
        },
    );
    let mut emitter = emitter;
    emitter.naively_switch_states(true);
    for _ in html5gum::Tokenizer::new_with_emitter(input, emitter) {}
    let mut hidden: Option<Vec<u8>> = None;
    for (piece, r) in events {
        if r.start >= r.end || r.end > source.len() {
            continue;
        }
        match piece {
            Piece::Text(value) => {
                if hidden.is_some() {
                    b.mask(r, SPACE);
                } else {
                    b.decode(source, r.clone(), &value);
                    b.addresses_in(source, r);
                }
            }
            Piece::Hidden => b.mask(r, SPACE),
            Piece::Start {
                name,
                self_closing,
                values,
            } => {
                blank_tag(b, r, tag_kind(&name), true);
                if hidden.is_some() {
                    continue;
                }
                for (address, v, value) in values {
                    if v.start >= v.end || v.end > source.len() {
                        continue;
                    }
                    b.restore(source, v.clone());
                    // A space on each side, so the value is words of its own.
                    b.out[v.start - 1] = SPACE;
                    if let Some(after) = b.out.get_mut(v.end) {
                        *after = SPACE;
                    }
                    b.decode(source, v.clone(), &value);
                    if address {
                        b.address(v);
                    }
                }
                if is_hidden(&name) && !self_closing {
                    hidden = Some(name);
                }
            }
            Piece::End(name) => {
                blank_tag(b, r, tag_kind(&name), false);
                if hidden.as_deref() == Some(name.as_slice()) {
                    hidden = None;
                }
            }
        }
    }
}

/// One thing the tokenizer saw, in order.
enum Piece {
    Start {
        name: Vec<u8>,
        self_closing: bool,
        values: Vec<(bool, Range<usize>, String)>,
    },
    End(Vec<u8>),
    Text(String),
    Hidden,
}

fn blank_tag(b: &mut Builder, r: Range<usize>, kind: TagKind, start: bool) {
    let at = r.start;
    match kind {
        TagKind::Inline => b.mask(r, JOIN),
        TagKind::Space => b.mask(r, SPACE),
        TagKind::Break => {
            b.mask(r, SPACE);
            b.put(at, b"\n");
        }
        TagKind::Block => {
            b.mask(r, SPACE);
            b.put(at, b"\n\n");
        }
        TagKind::Heading => {
            b.mask(r.clone(), SPACE);
            if start && r.len() >= 4 {
                b.put(at, b"\n\n# ");
            } else {
                b.put(at, b"\n\n");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prose(s: &str, f: Markup) -> String {
        let p = Prose::new(s, f);
        assert_eq!(p.as_str().len(), s.len(), "same length");
        p.as_str().to_owned()
    }

    fn norm(s: &str, f: Markup) -> String {
        crate::normalize::normalize(&prose(s, f))
    }

    #[test]
    fn plain_text_without_addresses_is_borrowed() {
        let p = Prose::new("Mary Jones came in.", Markup::Plain);
        assert!(p.is_source());
        assert!(p.markup().is_empty());
    }

    #[test]
    fn addresses_become_words() {
        let s = "See https://x.com/mary-jones, ok";
        assert_eq!(prose(s, Markup::Plain), "See https   x com mary jones, ok");
        let p = Prose::new(s, Markup::Plain);
        let at = s.find("mary").unwrap();
        assert!(p.in_link(Span::new(at, at + 4)));
        assert!(!p.in_link(Span::new(0, 3)));
    }

    #[test]
    fn html_tags_split_a_name_and_entities_decode_in_place() {
        let s = "<p>Thanks <b>Mary</b> <i>Jos&eacute;</i>&nbsp;&amp; co</p>";
        assert_eq!(norm(s, Markup::Html), "thanks mary jose & co");
        let p = Prose::new(s, Markup::Html);
        let start = s.find("Mary").unwrap();
        let end = s.find("Jos").unwrap() + 11;
        let pieces = p.text_pieces(Span::new(start, end));
        let texts: Vec<&str> = pieces.iter().map(|x| &s[x.range()]).collect();
        assert_eq!(texts, ["Mary", " ", "Jos&eacute;"]);
    }

    #[test]
    fn inline_tags_inside_a_word_join_it() {
        assert_eq!(norm("<p>Ma<b>ry</b> Jones</p>", Markup::Html), "mary jones");
    }

    #[test]
    fn html_attributes_scripts_and_comments() {
        let s = "<img alt=\"Mary Jones\" src=\"/clients/maryjones.jpg\"><script>var Tom = 1</script>\
                 <style>.Tom{}</style><!-- Tom Smith --><a title='Ren&eacute;e' href=x>hi</a>";
        let n = norm(s, Markup::Html);
        assert!(n.contains("mary jones"), "{n}");
        assert!(n.contains("clients maryjones jpg"), "{n}");
        assert!(n.contains("renee"), "{n}");
        assert!(!n.contains("tom"), "{n}");
    }

    #[test]
    fn front_matter_comments_are_notes_and_its_values_prose() {
        let s = "---\nchannel: social\n# reply to a review signed \"Tom S.\"\ntitle: Mary's day\n---\nHi!\n";
        let n = norm(s, Markup::Markdown);
        assert!(!n.contains("tom"), "{n}");
        assert!(n.contains("mary"), "{n}");
    }

    #[test]
    fn html_blocks_are_paragraphs() {
        let p = prose("<p>One.</p><p>Two.</p>", Markup::Html);
        assert!(p.contains("One.\n\n"), "{p:?}");
        let h = prose("<h2>Hello</h2>", Markup::Html);
        assert!(h.starts_with("\n\n# Hello"), "{h:?}");
    }

    #[test]
    fn legacy_and_odd_entities_line_up() {
        let s = "<p>a &notit; b &ampz c &#233; d & e &#x1F600; f</p>";
        let n = norm(s, Markup::Html);
        assert_eq!(n, "a ¬it; b &z c e d & e 😀 f");
    }

    #[test]
    fn crlf_and_entities() {
        let s = "<p>Jos&eacute;\r\nN&uacute;&ntilde;ez</p>";
        assert_eq!(norm(s, Markup::Html), "jose nunez");
    }

    #[test]
    fn markdown_text_links_and_images() {
        let s = "---\ntitle: Hi\n---\n# Big **Mary** Jones\n\n[our friend](https://x.com/tom-smith \"Ann Lee\") \
                 ![Ren&eacute;e](/c/ben.jpg) `Zed` [r][1]\n\n[1]: https://r.com/kim-park\n";
        let n = norm(s, Markup::Markdown);
        assert!(n.starts_with("--- title: hi --- # big mary jones"), "{n}");
        for want in [
            "our friend",
            "x com tom smith",
            "ann lee",
            "renee",
            "c ben jpg",
            "zed",
            "r com kim park",
        ] {
            assert!(n.contains(want), "{want} in {n}");
        }
        let p = Prose::new(s, Markup::Markdown);
        let at = s.find("Mary").unwrap();
        let span = Span::new(at, at + "Mary** Jones".len());
        let texts: Vec<&str> = p.text_pieces(span).iter().map(|x| &s[x.range()]).collect();
        assert_eq!(texts, ["Mary", " Jones"]);
    }

    #[test]
    fn markdown_inline_and_block_html() {
        let s = "Hi <b>Mary</b> Jones\n\n<div>\n<img alt=\"Tom Smith\">\n</div>\n";
        let n = norm(s, Markup::Markdown);
        assert!(n.contains("hi mary jones"), "{n}");
        assert!(n.contains("tom smith"), "{n}");
    }

    #[test]
    fn formats_from_extension_and_language() {
        assert_eq!(Markup::from_extension("MD"), Markup::Markdown);
        assert_eq!(Markup::from_extension("htm"), Markup::Html);
        assert_eq!(Markup::from_extension("txt"), Markup::Plain);
        assert_eq!(Markup::from_language_id("markdown"), Some(Markup::Markdown));
        assert_eq!(Markup::from_language_id("rust"), None);
    }

    #[test]
    fn broken_markup_never_panics() {
        for s in [
            "<",
            "<p",
            "<a href=",
            "&",
            "&#",
            "&#x;",
            "<!--",
            "<script>",
            "</",
            "<img alt='",
            "[x](",
            "![",
            "**",
            "```\n",
            "<b>é</b>&eacute",
            "é<p>é",
            "&amp",
        ] {
            for f in [Markup::Html, Markup::Markdown, Markup::Plain] {
                let p = Prose::new(s, f);
                assert_eq!(p.as_str().len(), s.len());
            }
        }
    }
}
