//! Fail closed: a missing or broken roster is exit 2 with file, line, column and field.

use crate::support::{ROSTER, Workspace};

fn stderr_for(roster: &str) -> (i32, String) {
    let ws = Workspace::new();
    ws.write("bad.yaml", roster);
    ws.write("d.md", "hello");
    let out = ws
        .lipzip()
        .args(["check", "--roster", "bad.yaml", "d.md"])
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn each_broken_roster_names_line_and_field() {
    let cases = [
        (
            ROSTER.replace(
                "    attributes:\n      occupation",
                "    nmae: x\n    attributes:\n      occupation",
            ),
            "bad.yaml:11",
            "unknown field",
        ),
        (
            ROSTER.replace("granted: 2026-01-10", "granted: 2026-13-45"),
            "clients[1].consent[0].granted",
            "invalid date",
        ),
        (
            ROSTER.replace("  - id: C003", "  - id: C001"),
            "bad.yaml:25:9",
            "duplicate id",
        ),
        (
            ROSTER.replace("name: Ian Gamble", "name: \"\""),
            "clients[2].name",
            "empty",
        ),
        (
            ROSTER.replace("age: 85", "age: old"),
            "clients[0].attributes.age",
            "invalid type",
        ),
        (
            ROSTER.replace("expires: 2027-01-10", "expires: 2025-01-10"),
            "bad.yaml:19",
            "expires before",
        ),
        (
            ROSTER.replace("channels: [newsletter]", "channels: [tiktok]"),
            "clients[1].consent[0].channels",
            "unknown channel",
        ),
        ("- just\n- a list\n".to_owned(), "bad.yaml", "invalid type"),
        (
            ROSTER.replace("version: 1", "version: 2"),
            "bad.yaml",
            "version",
        ),
    ];
    for (roster, place, what) in &cases {
        let (code, err) = stderr_for(roster);
        assert_eq!(code, 2, "{place}: {err}");
        assert!(err.contains(place), "expected {place:?} in:\n{err}");
        assert!(err.contains(what), "expected {what:?} in:\n{err}");
    }
}

#[test]
fn missing_roster_file_is_exit_2() {
    let ws = Workspace::new();
    ws.write("d.md", "hello");
    let out = ws
        .lipzip()
        .args(["check", "--roster", "nope.yaml", "d.md"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("nope.yaml"));
}
