//! `lipzip rules list` / `rules test`, and user rule packs.

use crate::support::{Workspace, repo_root};

#[test]
fn builtin_examples_all_pass() {
    let ws = Workspace::new();
    let out = ws.lipzip().args(["rules", "test"]).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(text.contains(", 0 failed"), "{text}");
}

#[test]
fn list_shows_every_builtin_rule() {
    let ws = Workspace::new();
    let out = ws.lipzip().args(["rules", "list"]).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    for entry in std::fs::read_dir(repo_root().join("rules")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "yaml") && !path.ends_with("example-roster.yaml") {
            let pack = std::fs::read_to_string(&path).unwrap();
            for line in pack.lines().filter_map(|l| l.trim().strip_prefix("- id: ")) {
                assert!(
                    text.contains(line.trim()),
                    "{} missing from list",
                    line.trim()
                );
            }
        }
    }
}

#[test]
fn a_failing_user_example_fails_rules_test() {
    let ws = Workspace::new();
    ws.write(
        "mine.yaml",
        "pack: mine\nrules:\n  - id: my-alias\n    severity: warn\n    message: m\n    help: h\n    matcher: {roster: alias}\n    examples: {flag: [\"nobody here\"], pass: [\"[[Coach G]] came\"]}\n",
    );
    ws.write("lipzip.yaml", "rules: [mine.yaml]\n");
    let out = ws.lipzip().args(["rules", "test"]).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(
        text.contains("FAIL my-alias (flag)") && text.contains("FAIL my-alias (pass)"),
        "{text}"
    );
}

#[test]
fn a_broken_user_pack_is_exit_2_with_its_line() {
    let ws = Workspace::new();
    ws.write(
        "mine.yaml",
        "pack: mine\nrules:\n  - id: x-y\n    severity: severe\n",
    );
    ws.write("lipzip.yaml", "rules: [mine.yaml]\n");
    let out = ws.lipzip().args(["rules", "list"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("mine.yaml:4"), "{err}");
}
