//! Editing a roster's YAML text in place: adding clients, and emails, phones and aliases to
//! existing clients, while every other byte (comments, consent records, attributes, the
//! practitioner's own layout) stays as it was.
//!
//! A roster is edited as lines, the way a person would: new clients go after the last one, at
//! the same indentation; a new email goes into the client's `emails:` list (flow or block), or
//! a new `emails:` line after its `name:`. Only block-style client lists (`clients:` followed
//! by `- ` items) are edited; anything else is refused rather than rewritten. The caller
//! re-parses the result and compares it with what it meant to write, so a layout this module
//! misreads is refused, never saved.

/// What to add to one existing client.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Additions {
    pub(crate) aliases: Vec<String>,
    pub(crate) emails: Vec<String>,
    pub(crate) phones: Vec<String>,
}

impl Additions {
    pub(crate) fn is_empty(&self) -> bool {
        self.aliases.is_empty() && self.emails.is_empty() && self.phones.is_empty()
    }
}

/// A client to append.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct NewClient {
    pub(crate) id: String,
    pub(crate) name: String,
    pub(crate) add: Additions,
}

/// A YAML double-quoted scalar: always quoted, so no value can be read as another type or
/// break the structure (`@handles`, `yes`, `#`, `: `).
pub(crate) fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// An id as a plain scalar when it is a letter followed by letters, digits and hyphens (what
/// lipzip generates), else quoted.
fn id_scalar(id: &str) -> String {
    let plain = id.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        && !matches!(
            id.to_ascii_lowercase().as_str(),
            "y" | "n" | "yes" | "no" | "on" | "off" | "true" | "false" | "null"
        );
    if plain { id.to_owned() } else { quote(id) }
}

fn flow(values: &[String]) -> String {
    let items: Vec<String> = values.iter().map(|v| quote(v)).collect();
    format!("[{}]", items.join(", "))
}

fn indent_of(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

/// Whether a line holds nothing for YAML (blank or a comment).
fn is_filler(line: &str) -> bool {
    let t = line.trim();
    t.is_empty() || t.starts_with('#')
}

/// The YAML text with `updates` (client index → additions) applied and `new` clients appended.
/// `clients` is how many clients the roster has, to check the layout was read right.
///
/// # Errors
/// A sentence saying why the layout cannot be edited safely.
pub(crate) fn edit(
    text: &str,
    clients: usize,
    updates: &[(usize, Additions)],
    new: &[NewClient],
) -> Result<String, String> {
    let eol = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let mut lines: Vec<String> = text
        .split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l).to_owned())
        .collect();
    // A final newline leaves an empty last piece: keep it as the terminator.
    let trailing_newline = lines.last().is_some_and(String::is_empty);
    if trailing_newline {
        lines.pop();
    }
    let header = lines.iter().position(|l| {
        l.strip_prefix("clients:")
            .is_some_and(|rest| is_filler(rest) || rest.trim() == "[]")
    });
    let (block_indent, items) = match header {
        None => {
            if clients > 0 {
                return Err("the roster's `clients:` list is not written as a block".into());
            }
            lines.push("clients:".into());
            (2, Vec::new())
        }
        Some(h) => {
            if lines[h].trim_start_matches("clients:").trim() == "[]" {
                if clients > 0 {
                    return Err("the roster's `clients:` list is not written as a block".into());
                }
                lines[h] = "clients:".into();
            }
            find_items(&lines, h)?
        }
    };
    if items.len() != clients {
        return Err(format!(
            "found {} client entries under `clients:` where the roster has {clients}: write each \
             client as a `- id: ...` block item",
            items.len()
        ));
    }
    let pad = " ".repeat(block_indent);
    let mut appended = Vec::new();
    for c in new {
        appended.push(format!("{pad}- id: {}", id_scalar(&c.id)));
        appended.push(format!("{pad}  name: {}", quote(&c.name)));
        for (key, values) in [
            ("aliases", &c.add.aliases),
            ("emails", &c.add.emails),
            ("phones", &c.add.phones),
        ] {
            if !values.is_empty() {
                appended.push(format!("{pad}  {key}: {}", flow(values)));
            }
        }
    }
    let adds: std::collections::HashMap<usize, &Additions> = updates
        .iter()
        .filter(|(_, a)| !a.is_empty())
        .map(|(i, a)| (*i, a))
        .collect();
    // Each item is edited on its own lines, so an edit never sees another client's keys and
    // the whole edit stays linear in the roster's size.
    let mut out_lines: Vec<String> = Vec::with_capacity(lines.len() + appended.len());
    let mut cursor = 0;
    for (k, &(s, e)) in items.iter().enumerate() {
        out_lines.extend(lines[cursor..s].iter().cloned());
        let mut item: Vec<String> = lines[s..e].to_vec();
        if let Some(add) = adds.get(&k) {
            let n = item.len();
            edit_item(&mut item, 0, n, add)?;
        }
        if k + 1 == items.len() {
            // New clients go after the last item's last content line.
            let at = last_content(&item, 0, item.len()) + 1;
            item.splice(at..at, std::mem::take(&mut appended));
        }
        out_lines.extend(item);
        cursor = e;
    }
    if items.is_empty() {
        // After the comments that follow `clients:` (the starter's instructions), before any
        // blank lines.
        let mut at = header.map_or(lines.len(), |h| h + 1);
        while at < lines.len() && lines[at].trim_start().starts_with('#') {
            at += 1;
        }
        lines.splice(at..at, std::mem::take(&mut appended));
    }
    out_lines.extend(lines[cursor..].iter().cloned());
    let lines = out_lines;
    let mut out = lines.join(eol);
    if trailing_newline || !out.is_empty() {
        out.push_str(eol);
    }
    Ok(out)
}

/// The items of the block sequence under `clients:` at line `h`: its indent and each item's
/// line range.
fn find_items(lines: &[String], h: usize) -> Result<(usize, Vec<(usize, usize)>), String> {
    let mut indent = None;
    let mut starts = Vec::new();
    let mut end = lines.len();
    for (n, line) in lines.iter().enumerate().skip(h + 1) {
        if is_filler(line) {
            continue;
        }
        let ind = indent_of(line);
        let dash = line[ind..].starts_with("- ") || &line[ind..] == "-";
        match indent {
            None if dash => {
                indent = Some(ind);
                starts.push(n);
            }
            None => {
                end = n;
                break;
            }
            Some(i) if ind == i && dash => starts.push(n),
            Some(i) if ind > i => {}
            Some(_) => {
                end = n;
                break;
            }
        }
    }
    let items = starts
        .iter()
        .enumerate()
        .map(|(k, &s)| (s, starts.get(k + 1).copied().unwrap_or(end)))
        .collect();
    Ok((indent.unwrap_or(2), items))
}

/// The last line of `s..e` that is not blank or a comment.
fn last_content(lines: &[String], s: usize, e: usize) -> usize {
    (s..e).rev().find(|&n| !is_filler(&lines[n])).unwrap_or(s)
}

/// Adds to one client item at lines `s..e`.
fn edit_item(lines: &mut Vec<String>, s: usize, e: usize, add: &Additions) -> Result<(), String> {
    let first = &lines[s];
    let dash_at = indent_of(first);
    let after_dash = &first[dash_at + 1..];
    let key_indent = if after_dash.trim().is_empty() {
        // "-" alone: the keys start on the next line.
        (s + 1..e)
            .find(|&n| !is_filler(&lines[n]))
            .map_or(dash_at + 2, |n| indent_of(&lines[n]))
    } else {
        dash_at + 1 + (after_dash.len() - after_dash.trim_start().len())
    };
    // Work on the keys bottom-up so insertions do not move the lines still to visit.
    let mut e = e;
    for (key, values) in [
        ("phones", &add.phones),
        ("emails", &add.emails),
        ("aliases", &add.aliases),
    ] {
        if values.is_empty() {
            continue;
        }
        let before = lines.len();
        add_to_list(lines, s, e, key_indent, key, values)?;
        e += lines.len() - before;
    }
    Ok(())
}

/// The line of `key:` at `key_indent` within `s..e` (the item's first line counts with its
/// dash as indentation).
fn key_line(lines: &[String], s: usize, e: usize, key_indent: usize, key: &str) -> Option<usize> {
    (s..e).find(|&n| {
        let line = &lines[n];
        let body = (n == s || indent_of(line) == key_indent)
            .then(|| line.get(key_indent..))
            .flatten();
        body.is_some_and(|b| {
            b.strip_prefix(key)
                .and_then(|r| r.strip_prefix(':'))
                .is_some_and(|r| r.is_empty() || r.starts_with([' ', '\t']))
        })
    })
}

fn add_to_list(
    lines: &mut Vec<String>,
    s: usize,
    e: usize,
    key_indent: usize,
    key: &str,
    values: &[String],
) -> Result<(), String> {
    let pad = " ".repeat(key_indent);
    let Some(at) = key_line(lines, s, e, key_indent, key) else {
        // No such key yet: a new line after `name:` (or at the item's end).
        let after = key_line(lines, s, e, key_indent, "name")
            .filter(|&n| !lines[n].trim_end().ends_with(['|', '>']))
            .unwrap_or_else(|| last_content(lines, s, e));
        lines.insert(after + 1, format!("{pad}{key}: {}", flow(values)));
        return Ok(());
    };
    let line = lines[at].clone();
    let colon = key_indent + key.len() + 1;
    let rest = line[colon..].trim_start();
    let rest_at = line.len() - rest.len();
    let (value, _) = split_comment(rest);
    let value = value.trim_end();
    if value.starts_with('[') {
        if !value.ends_with(']') {
            return Err(format!(
                "a client's `{key}:` list spans several lines: write it on one line or as a block"
            ));
        }
        // Insert before the closing bracket; everything else on the line stays as it was.
        let close = rest_at + value.len() - 1;
        let empty = value[1..value.len() - 1].trim().is_empty();
        let added: Vec<String> = values.iter().map(|v| quote(v)).collect();
        let insert = if empty {
            added.join(", ")
        } else {
            format!(", {}", added.join(", "))
        };
        let mut new_line = line.clone();
        new_line.insert_str(close, &insert);
        lines[at] = new_line;
        return Ok(());
    }
    if !value.is_empty() {
        return Err(format!(
            "a client's `{key}:` is not a list: write it as [..] or as a block list"
        ));
    }
    // A block list: items are the following lines indented as "- " at or past the key.
    let mut last = at;
    let mut item_pad = None;
    for (n, l) in lines.iter().enumerate().take(e).skip(at + 1) {
        if is_filler(l) {
            continue;
        }
        let ind = indent_of(l);
        let is_item = l[ind..].starts_with("- ") || &l[ind..] == "-";
        match item_pad {
            None if is_item && ind >= key_indent => {
                item_pad = Some(ind);
                last = n;
            }
            Some(i) if (is_item && ind == i) || ind > i => last = n,
            _ => break,
        }
    }
    let item_pad = " ".repeat(item_pad.unwrap_or(key_indent + 2));
    let new_lines: Vec<String> = values
        .iter()
        .map(|v| format!("{item_pad}- {}", quote(v)))
        .collect();
    lines.splice(last + 1..last + 1, new_lines);
    Ok(())
}

/// Splits `value  # comment` at a comment that is outside quotes.
fn split_comment(s: &str) -> (&str, Option<&str>) {
    let mut quote: Option<char> = None;
    let mut prev_space = true;
    for (i, c) in s.char_indices() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == '"' || c == '\'' => quote = Some(c),
            None if c == '#' && prev_space => return (&s[..i], Some(&s[i..])),
            None => {}
        }
        prev_space = c == ' ' || c == '\t';
    }
    (s, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ROSTER: &str = "version: 1
practice:
  name: P   # the business
clients:
  # regulars
  - id: C001
    name: Mary Jones   # since 2019
    emails: [mary@example.org]  # work
    consent:
      - id: K1
        scope: [name]
        channels: [any]
        granted: 2026-01-01
  -
    id: C002
    name: Ian Gamble
    phones:
      - \"555-000-1111\"
    attributes: {age: 40}

# end of roster
";

    fn add(emails: &[&str], phones: &[&str]) -> Additions {
        Additions {
            aliases: Vec::new(),
            emails: emails.iter().map(|s| (*s).to_owned()).collect(),
            phones: phones.iter().map(|s| (*s).to_owned()).collect(),
        }
    }

    #[test]
    fn adds_to_flow_and_block_lists_and_appends_clients() {
        let new = NewClient {
            id: "C003".into(),
            name: "Zoë \"Zed\" Ng".into(),
            add: add(&["z@example.org"], &[]),
        };
        let out = edit(
            ROSTER,
            2,
            &[
                (0, add(&["m2@example.org"], &["555 222 3333"])),
                (1, add(&["ian@example.org"], &["555-444-5555"])),
            ],
            &[new],
        )
        .unwrap();
        let want = "version: 1
practice:
  name: P   # the business
clients:
  # regulars
  - id: C001
    name: Mary Jones   # since 2019
    phones: [\"555 222 3333\"]
    emails: [mary@example.org, \"m2@example.org\"]  # work
    consent:
      - id: K1
        scope: [name]
        channels: [any]
        granted: 2026-01-01
  -
    id: C002
    name: Ian Gamble
    emails: [\"ian@example.org\"]
    phones:
      - \"555-000-1111\"
      - \"555-444-5555\"
    attributes: {age: 40}
  - id: C003
    name: \"Zoë \\\"Zed\\\" Ng\"
    emails: [\"z@example.org\"]

# end of roster
";
        assert_eq!(out, want, "{out}");
    }

    #[test]
    fn empty_and_missing_client_lists() {
        let c = NewClient {
            id: "C001".into(),
            name: "A B".into(),
            add: Additions::default(),
        };
        let out = edit(
            "version: 1\npractice: {name: P}\nclients: []\n",
            0,
            &[],
            std::slice::from_ref(&c),
        )
        .unwrap();
        assert_eq!(
            out,
            "version: 1\npractice: {name: P}\nclients:\n  - id: C001\n    name: \"A B\"\n"
        );
        let out = edit("version: 1\npractice: {name: P}\n", 0, &[], &[c]).unwrap();
        assert!(
            out.ends_with("clients:\n  - id: C001\n    name: \"A B\"\n"),
            "{out}"
        );
    }

    #[test]
    fn flow_client_lists_are_refused() {
        let text = "version: 1\npractice: {name: P}\nclients: [{id: A, name: B C}]\n";
        assert!(edit(text, 1, &[], &[]).is_err());
    }

    #[test]
    fn crlf_is_kept() {
        let text = "version: 1\r\npractice: {name: P}\r\nclients:\r\n- id: A\r\n  name: B C\r\n";
        let out = edit(text, 1, &[(0, add(&["a@b.co"], &[]))], &[]).unwrap();
        assert_eq!(
            out,
            "version: 1\r\npractice: {name: P}\r\nclients:\r\n- id: A\r\n  name: B C\r\n  emails: [\"a@b.co\"]\r\n"
        );
    }
}
