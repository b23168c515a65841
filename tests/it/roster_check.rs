//! `lipzip roster check`: lints name clients by id and fields by path, never quote a roster
//! value, and exit 0 clean, 1 on warnings, 2 on a broken roster.

use crate::support::{ROSTER, SECRETS, Workspace, outcome};

fn run(ws: &Workspace, args: &[&str]) -> (i32, String, String) {
    let out = ws
        .lipzip()
        .args(["roster", "check", "--today", "2026-11-22"])
        .args(args)
        .output()
        .unwrap();
    outcome(&out)
}

#[test]
fn the_test_roster_warns_about_consent_that_does_not_count() {
    let ws = Workspace::new();
    let (code, out, err) = run(&ws, &["--roster", "roster.yaml"]);
    assert_eq!(code, 1, "{out}{err}");
    for line in [
        "warning[consent-expired] C003 consent[0]: record K-003-expired expired on 2025-12-31",
        "warning[consent-revoked] C004 consent[0]: record K-004-revoked was revoked on 2026-06-01",
        "warning[consent-no-evidence] C005 consent[0]: record K-005-noevidence names no evidence",
    ] {
        assert!(out.contains(line), "{line}\n{out}");
    }
    assert!(out.contains("roster.yaml: 7 clients, 3 warnings"), "{out}");
    for s in SECRETS.iter().filter(|s| !s.starts_with("consent/")) {
        assert!(
            !out.contains(s) && !err.contains(s),
            "{s} leaked:\n{out}{err}"
        );
    }
}

#[test]
fn names_and_attributes_are_linted_without_quoting_them() {
    let ws = Workspace::new();
    let roster = ROSTER
        .replace("name: Mark Lindqvist", "name: Mary Jones")
        .replace(
            "aliases: [Pepe]",
            "aliases: [Dana Whitfield, Hope, Q. T., O]",
        )
        .replace("occupation: realtor", "occupation: quizzical zorblaxer")
        .replace("age: 85", "age: 240");
    ws.write("r.yaml", &roster);
    let (code, out, _) = run(&ws, &["--roster", "r.yaml", "--format", "json"]);
    assert_eq!(code, 1, "{out}");
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    let got: Vec<(String, String, String)> = json["lints"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            (
                l["code"].as_str().unwrap().to_owned(),
                l["client"].as_str().unwrap_or("").to_owned(),
                l["field"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    for want in [
        ("name-shared", "C001", "name"),
        ("name-shared", "C007", "name"),
        ("occupation-unknown", "C001", "attributes.occupation"),
        ("age-out-of-range", "C001", "attributes.age"),
        ("name-is-practice", "C002", "aliases[0]"),
        ("name-common-word", "C002", "aliases[1]"),
        ("name-too-short", "C002", "aliases[2]"),
        ("name-too-short", "C002", "aliases[3]"),
    ] {
        let want = (want.0.to_owned(), want.1.to_owned(), want.2.to_owned());
        assert!(got.contains(&want), "{want:?} not in {got:?}");
    }
    assert_eq!(json["clients"], 7);
    for s in ["Mary", "Dana", "Hope", "zorblaxer", "240"] {
        assert!(!out.contains(s), "{s} leaked: {out}");
    }
}

#[test]
fn a_clean_roster_exits_0_and_a_broken_one_2() {
    let ws = Workspace::new();
    ws.write(
        "clean.yaml",
        "version: 1\npractice: {name: Willow Creek Massage, population: 8000}\nclients:\n  - id: C1\n    name: Thaddeus Okafor\n",
    );
    let (code, out, _) = run(&ws, &["--roster", "clean.yaml"]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("1 client, 0 warnings, 0 notes (clean)"),
        "{out}"
    );

    ws.write(
        "broken.yaml",
        &ROSTER.replace("expires: 2025-12-31", "expires: 2024-12-31"),
    );
    let (code, out, err) = run(&ws, &["--roster", "broken.yaml"]);
    assert_eq!(code, 2, "{out}{err}");
    assert!(err.contains("expires before it was granted"), "{err}");
    assert!(err.contains("broken.yaml:"), "{err}");

    let (code, _, err) = run(&ws, &[]);
    assert_eq!(code, 2);
    assert!(err.contains("no roster given"), "{err}");
}

#[test]
fn the_roster_comes_from_lipzip_yaml_and_today_moves_consent() {
    let ws = Workspace::new();
    ws.write("lipzip.yaml", "roster: roster.yaml\n");
    let out = ws
        .lipzip()
        .args(["roster", "check", "--today", "2025-06-01"])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    // In mid-2025 C003's consent is still valid and C002's is not granted yet.
    assert!(!stdout.contains("consent-expired"), "{stdout}");
    assert!(stdout.contains("warning[consent-not-yet] C002"), "{stdout}");
}
