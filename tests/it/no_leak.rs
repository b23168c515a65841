//! The report must never become the leak: no output carries roster data that the draft does
//! not already contain.

use crate::support::{SECRETS, Workspace};

/// A draft that names C001 only by handle and C002 only by alias.
const DRAFT: &str = "Shout-out to @maryj and to Pepe Núñez, who both came in for a massage!\n";

fn assert_clean(what: &str, output: &str) {
    for secret in SECRETS {
        if DRAFT.contains(secret) {
            continue;
        }
        assert!(
            !output.contains(secret),
            "{what} leaks {secret:?}:\n{output}"
        );
    }
}

#[test]
fn no_format_quotes_roster_data() {
    let ws = Workspace::new();
    ws.write("d.md", DRAFT);
    for format in ["human", "json", "sarif", "github"] {
        let out = ws
            .lipzip()
            .args(["check", "--roster", "roster.yaml", "--today", "2026-11-22"])
            .args(["--format", format, "d.md"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{format}");
        assert_clean(format, &String::from_utf8_lossy(&out.stdout));
        assert_clean(format, &String::from_utf8_lossy(&out.stderr));
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            stdout.contains("C001") && stdout.contains("C002"),
            "{stdout}"
        );
    }
}

#[test]
fn roster_errors_do_not_quote_the_roster() {
    let ws = Workspace::new();
    ws.write("d.md", DRAFT);
    let broken = [
        crate::support::ROSTER.replace("aliases: [Pepe]", "aliases: Mary Jones Porsche"),
        crate::support::ROSTER.replace("age: 85", "age: Mary Jones"),
        crate::support::ROSTER.replace(
            "    aliases: [\"@maryj\", \"Mrs. Jones\"]",
            "    Mary Jones: [x]",
        ),
        crate::support::ROSTER.replace("  - id: C003", "  - id: C001"),
        crate::support::ROSTER.replace(
            "traits: [purple hair, drives a Porsche]",
            "traits: [purple hair, \"drives a Porsche\"\n",
        ),
    ];
    for (i, roster) in broken.iter().enumerate() {
        ws.write("bad.yaml", roster);
        for format in ["human", "json"] {
            let out = ws
                .lipzip()
                .args(["check", "--roster", "bad.yaml", "--format", format, "d.md"])
                .output()
                .unwrap();
            assert_eq!(out.status.code(), Some(2), "case {i}");
            assert_clean(
                &format!("case {i} {format}"),
                &String::from_utf8_lossy(&out.stdout),
            );
            assert_clean(
                &format!("case {i} {format}"),
                &String::from_utf8_lossy(&out.stderr),
            );
        }
    }
}
