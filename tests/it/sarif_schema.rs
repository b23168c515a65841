//! SARIF output validates against the SARIF 2.1.0 JSON schema, vendored in
//! `tests/fixtures/` (see its README), so nothing is fetched.

use serde_json::Value;

use crate::support::{Workspace, repo_root};

fn validator() -> jsonschema::Validator {
    let path = repo_root().join("tests/fixtures/sarif-schema-2.1.0.json");
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap_or_else(|e| panic!("{} is not a usable schema: {e}", path.display()))
}

/// `lipzip check --format sarif ARGS` on the two drafts, parsed.
fn sarif(ws: &Workspace, args: &[&str]) -> Value {
    let out = ws
        .lipzip()
        .args(["check", "--roster", "roster.yaml", "--today", "2026-11-22"])
        .args(["--format", "sarif"])
        .args(args)
        .args(["post.md", "news/week 1.md"])
        .output()
        .unwrap();
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&out.stdout)))
}

#[test]
fn sarif_output_validates_against_the_sarif_2_1_0_schema() {
    let validator = validator();
    let ws = Workspace::new();
    ws.write("post.md", "Mary Jones came in for a massage today!");
    // Consent K-002 covers the newsletter, so this finding is a result with a suppression.
    ws.write(
        "news/week 1.md",
        "---\nchannel: newsletter\n---\nWelcome back José Núñez!",
    );
    for args in [&[][..], &["--redact"][..]] {
        let log = sarif(&ws, args);
        let results = log["runs"][0]["results"].as_array().unwrap();
        assert!(
            results.iter().any(|r| r["suppressions"].is_null()),
            "{args:?}: no blocking result: {log:#}"
        );
        assert!(
            results.iter().any(|r| r["suppressions"].is_array()),
            "{args:?}: no suppressed result: {log:#}"
        );
        let errors: Vec<String> = validator
            .iter_errors(&log)
            .map(|e| format!("  at {}: {e}", e.instance_path()))
            .collect();
        assert!(
            errors.is_empty(),
            "{args:?}: SARIF output breaks the schema in {} place(s):\n{}\n{log:#}",
            errors.len(),
            errors.join("\n")
        );
    }
}
