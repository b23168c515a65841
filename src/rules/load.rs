//! Reading a rule pack from YAML into [`Rule`]s, strictly.

use serde::Deserialize;

use super::{Examples, Matcher, Mechanism, RosterForm, Rule, RuleId, Severity};
use crate::error::{FileKind, LoadError};
use crate::normalize::normalize;

/// The packs compiled into the binary: `(file name, text)`. A test checks that every file in
/// `rules/` is listed here.
pub const BUILTIN_PACKS: &[(&str, &str)] = &[
    ("names.yaml", include_str!("../../rules/names.yaml")),
    ("identity.yaml", include_str!("../../rules/identity.yaml")),
    ("contact.yaml", include_str!("../../rules/contact.yaml")),
];

/// The fictional roster that rule examples are checked against.
pub const EXAMPLE_ROSTER: &str = include_str!("../../rules/example-roster.yaml");

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPack {
    pack: String,
    #[serde(default)]
    description: String,
    rules: Vec<RawRule>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRule {
    id: String,
    severity: Severity,
    message: String,
    #[serde(default)]
    why: String,
    help: String,
    matcher: RawMatcher,
    #[serde(default)]
    examples: RawExamples,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMatcher {
    #[serde(default)]
    roster: Option<RosterForm>,
    #[serde(default)]
    titles: Vec<String>,
    #[serde(default)]
    mechanism: Option<Mechanism>,
    #[serde(default)]
    rare_below: Option<f32>,
    #[serde(default)]
    block_at_k: Option<f64>,
    #[serde(default)]
    pattern: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawExamples {
    #[serde(default)]
    flag: Vec<String>,
    #[serde(default)]
    pass: Vec<String>,
}

/// Loads one pack. `origin` names it in errors.
///
/// # Errors
/// [`LoadError`] for malformed YAML, unknown fields, a bad severity, an id that is not
/// kebab-case, a duplicate id within the pack, or a rule without examples.
pub fn load_pack(text: &str, origin: &str) -> Result<Vec<Rule>, LoadError> {
    crate::yaml::check_depth(FileKind::Rules, origin, text)?;
    let raw: RawPack = serde_yaml::from_str(text).map_err(|e| {
        LoadError::from_yaml(FileKind::Rules, origin, text, &e, &[])
            .help("see the rule pack format in the README")
    })?;
    let _ = raw.description;
    let mut rules: Vec<Rule> = Vec::with_capacity(raw.rules.len());
    for r in raw.rules {
        let at = |msg: String| {
            let mut e = LoadError::new(FileKind::Rules, origin, msg);
            if let Some(offset) = text.find(&format!("id: {}", r.id)) {
                let lc = crate::span::line_col(text, offset);
                e.line = Some(lc.line);
                e.column = Some(lc.column);
                e.offset = Some(offset);
            }
            e
        };
        if !is_kebab(&r.id) {
            return Err(at(format!("rule id `{}` is not kebab-case", r.id)));
        }
        if rules.iter().any(|x| x.id.as_str() == r.id) {
            return Err(at(format!("rule id `{}` appears twice in this pack", r.id)));
        }
        if r.examples.flag.is_empty() || r.examples.pass.is_empty() {
            return Err(at(format!(
                "rule `{}` needs at least one `flag` and one `pass` example",
                r.id
            ))
            .help("examples are the rule's tests: `lipzip rules test` runs them"));
        }
        let m = &r.matcher;
        let matcher = match (m.roster, m.mechanism, &m.pattern) {
            (None, None, Some(source)) => {
                let pattern = super::Pattern::new(source).map_err(|msg| {
                    let mut e = at(format!("rule `{}`: {msg}", r.id));
                    // Point at the pattern itself, after the rule's id.
                    let from = e.offset.unwrap_or(0);
                    if let Some(i) = text[from..].find("pattern:") {
                        let lc = crate::span::line_col(text, from + i);
                        e.line = Some(lc.line);
                        e.column = Some(lc.column);
                        e.offset = Some(from + i);
                    }
                    e.help(
                        "patterns use the syntax of the Rust regex crate \
                         (https://docs.rs/regex/latest/regex/#syntax); quote them in single quotes",
                    )
                })?;
                Matcher::Pattern(pattern)
            }
            (Some(form), None, None) => Matcher::Roster {
                form,
                titles: m.titles.iter().map(|t| normalize(t)).collect(),
            },
            (None, Some(Mechanism::FirstName), None) => Matcher::FirstName {
                rare_below: m.rare_below.unwrap_or(0.1),
            },
            (None, Some(Mechanism::QuasiIdentifier), None) => Matcher::QuasiIdentifier {
                block_at_k: m.block_at_k.unwrap_or(1.5),
            },
            (None, Some(Mechanism::PublicFigure), None) => Matcher::PublicFigure,
            (None, Some(Mechanism::Gossip), None) => Matcher::Gossip,
            _ => {
                return Err(at(format!(
                    "rule `{}`: the matcher needs exactly one of `roster:`, `mechanism:` or `pattern:`",
                    r.id
                )));
            }
        };
        rules.push(Rule {
            id: RuleId::new(&r.id),
            pack: raw.pack.clone(),
            severity: r.severity,
            message: r.message,
            why: r.why,
            help: r.help,
            matcher,
            examples: Examples {
                flag: r.examples.flag,
                pass: r.examples.pass,
            },
        });
    }
    Ok(rules)
}

fn is_kebab(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && !id.ends_with('-')
        && !id.contains("--")
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_packs_load() {
        for (name, text) in BUILTIN_PACKS {
            let rules = load_pack(text, name).unwrap();
            assert!(!rules.is_empty(), "{name}");
        }
    }

    #[test]
    fn bad_severity_has_a_line() {
        let text = "pack: x\nrules:\n  - id: a-b\n    severity: fatal\n";
        let e = load_pack(text, "x.yaml").unwrap_err();
        assert_eq!(e.line, Some(4), "{e}");
    }

    fn pack_with_pattern(pattern: &str) -> String {
        format!(
            "pack: x\nrules:\n  - id: our-street\n    severity: warn\n    message: m\n    help: h\n    matcher:\n      pattern: '{pattern}'\n    examples: {{flag: [a], pass: [b]}}\n"
        )
    }

    #[test]
    fn a_pattern_rule_loads_and_a_bad_one_names_its_line() {
        let rules = load_pack(&pack_with_pattern(r"(?i)\belm st(reet)?\b"), "x.yaml").unwrap();
        assert!(matches!(rules[0].matcher, Matcher::Pattern(_)));
        for (pattern, why) in [
            ("(unclosed", "not a valid regular expression"),
            ("a{1000}{1000}", "too large"),
            (r"\p{NoSuchClass}", "not a valid regular expression"),
        ] {
            let e = load_pack(&pack_with_pattern(pattern), "x.yaml").unwrap_err();
            assert!(e.message.contains(why), "{pattern}: {e}");
            assert_eq!(e.line, Some(8), "{pattern}: {e}");
        }
        let long = "a".repeat(5_000);
        let e = load_pack(&pack_with_pattern(&long), "x.yaml").unwrap_err();
        assert!(e.message.contains("longer than"), "{e}");
    }

    #[test]
    fn ids_must_be_kebab_case() {
        let text = "pack: x\nrules:\n  - id: Bad_Id\n    severity: warn\n    message: m\n    help: h\n    matcher: {roster: alias}\n    examples: {flag: [a], pass: [b]}\n";
        let e = load_pack(text, "x.yaml").unwrap_err();
        assert!(e.message.contains("kebab"), "{e}");
        assert_eq!(e.line, Some(3));
    }
}
