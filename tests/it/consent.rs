//! Consent: current records allow, anything less does not.

use crate::support::{Workspace, findings, verdict};

#[test]
fn current_consent_for_channel_and_scope_allows() {
    let ws = Workspace::new();
    ws.write(
        "n.md",
        "---\nchannel: newsletter\n---\nWelcome back José Núñez!",
    );
    let (code, json) = ws.check_json(&["n.md"]);
    assert_eq!(code, 0);
    assert_eq!(verdict(&json, 0), "pass");
    let f = &json["files"][0]["findings"][0];
    assert_eq!(f["allowed_by"], "K-002");
    assert_eq!(f["client"], "C002");
}

#[test]
fn wrong_channel_expired_revoked_and_no_evidence_block() {
    let ws = Workspace::new();
    let cases = [
        ("José Núñez", "K-002", "does not cover the social channel"),
        ("Ian Gamble", "K-003-expired", "expired 2025-12-31"),
        ("Saoirse Ní Bhriain", "K-004-revoked", "revoked 2026-06-01"),
        ("Thaddeus Okafor", "K-005-noevidence", "no signed evidence"),
    ];
    for (name, record, gap) in cases {
        ws.write("d.md", &format!("So good to see {name} on my table today"));
        let (code, json) = ws.check_json(&["d.md"]);
        assert_eq!((code, verdict(&json, 0)), (1, "block"), "{name}");
        let f = &json["files"][0]["findings"][0];
        assert!(f["allowed_by"].is_null());
        assert_eq!(f["consent"][0]["record"], record);
        assert!(
            f["consent"][0]["gap"].as_str().unwrap().contains(gap),
            "{f}"
        );
    }
}

#[test]
fn today_decides_expiry() {
    let ws = Workspace::new();
    ws.write("d.md", "Congrats Ian Gamble, see you at your next session");
    let run = |today: &str| {
        let out = ws
            .lipzip()
            .args([
                "check",
                "--roster",
                "roster.yaml",
                "--format",
                "json",
                "--today",
                today,
                "d.md",
            ])
            .output()
            .unwrap();
        out.status.code().unwrap()
    };
    assert_eq!(run("2025-06-01"), 0);
    assert_eq!(run("2026-06-01"), 1);
    let out = ws
        .lipzip()
        .args([
            "check",
            "--roster",
            "roster.yaml",
            "--today",
            "2026-13-45",
            "d.md",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn one_consented_client_does_not_cover_another() {
    let ws = Workspace::new();
    ws.write(
        "n.md",
        "---\nchannel: newsletter\n---\nJosé Núñez and Mary Jones both came in for a massage",
    );
    let (code, json) = ws.check_json(&["n.md"]);
    assert_eq!(code, 1);
    let f = findings(&json);
    assert_eq!(f.len(), 2);
    assert_eq!(json["files"][0]["findings"][0]["allowed_by"], "K-002");
    assert!(json["files"][0]["findings"][1]["allowed_by"].is_null());
}
