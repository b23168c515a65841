//! A client's email address or phone number in a draft: found in any case or format, at the
//! exact bytes, through the cache, never quoting the roster's other addresses.

use crate::support::{Workspace, findings};

const ROSTER: &str = r#"version: 1
practice:
  name: Willow Creek Massage
  staff: [Dana Whitfield]
clients:
  - id: C001
    name: Mary Jones
    emails: [Mary.Jones@Example.org, mj.private@example.net]
    phones: ["555-123-4567", "+44 20 7946 0958"]
  - id: C002
    name: Ian Gamble
    phones: ["0412 345 678"]
    consent:
      - id: K-002
        scope: [status, name]
        channels: [any]
        granted: 2026-01-01
        evidence: consent/C002.pdf
"#;

fn ws() -> Workspace {
    let ws = Workspace::new();
    ws.write("roster.yaml", ROSTER);
    ws
}

#[test]
fn emails_and_phones_block_at_their_exact_bytes() {
    let ws = ws();
    let draft = "---\nchannel: newsletter\n---\nRide-share for the retreat: text ☎ (555) 123-4567 \
                 or write to MARY.JONES@example.ORG.\nUK friends: +44 (0)20 7946 0958\n";
    ws.write("d.md", draft);
    let (code, json) = ws.check_json(&["d.md"]);
    assert_eq!(code, 1, "{json:#}");
    let got = findings(&json);
    let rules: Vec<(&str, &str, &str)> = got
        .iter()
        .map(|(r, c, t)| (r.as_str(), c.as_str(), t.as_str()))
        .collect();
    assert_eq!(
        rules,
        [
            ("client-phone", "C001", "(555) 123-4567"),
            ("client-email", "C001", "MARY.JONES@example.ORG"),
            ("client-phone", "C001", "+44 (0)20 7946 0958"),
        ],
        "{json:#}"
    );
    for f in json["files"][0]["findings"].as_array().unwrap() {
        let (s, e) = (
            f["span"]["start"].as_u64().unwrap() as usize,
            f["span"]["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&draft[s..e], f["text"].as_str().unwrap());
        assert_eq!(f["severity"], "block");
    }
    let out = serde_json::to_string(&json).unwrap();
    for secret in ["mj.private", "Mary Jones", "555-123-4567", "Ian"] {
        assert!(!out.contains(secret), "{secret} leaked: {out}");
    }
}

#[test]
fn no_context_needed_and_consent_for_the_name_covers_the_number() {
    let ws = ws();
    ws.write("a.md", "Lost and found: call 555 123 4567.\n");
    ws.write("b.md", "Our new carpool line: +61 412 345 678\n");
    ws.write(
        "c.md",
        "Front desk: 555-123-4568, fax 555-1234, since 2026-11-22\n",
    );
    let (code, json) = ws.check_json(&["a.md", "b.md", "c.md"]);
    assert_eq!(code, 1);
    assert_eq!(json["files"][0]["verdict"], "block", "{json:#}");
    assert_eq!(json["files"][1]["verdict"], "pass", "{json:#}");
    assert_eq!(
        json["files"][1]["findings"][0]["allowed_by"], "K-002",
        "{json:#}"
    );
    assert_eq!(json["files"][2]["verdict"], "pass", "{json:#}");
    assert!(json["files"][2]["findings"].as_array().unwrap().is_empty());
}

#[test]
fn the_cache_keeps_contacts() {
    let ws = ws();
    ws.write("d.md", "email mj.private@example.net\n");
    let first = ws.check_json(&["d.md"]);
    let second = ws.check_json(&["d.md"]);
    assert!(ws.path(".cache").read_dir().unwrap().count() >= 1);
    assert_eq!(first, second);
    assert_eq!(findings(&second.1)[0].0, "client-email");
}

#[test]
fn a_bad_email_or_phone_in_the_roster_is_an_error_that_quotes_nothing() {
    for (from, to, field) in [
        (
            "Mary.Jones@Example.org,",
            "Mary.Jones at Example.org,",
            "clients[0].emails[0]",
        ),
        ("\"0412 345 678\"", "\"345 678\"", "clients[1].phones[0]"),
    ] {
        let ws = ws();
        ws.write("roster.yaml", &ROSTER.replace(from, to));
        ws.write("d.md", "hello");
        let out = ws
            .lipzip()
            .args(["check", "--roster", "roster.yaml", "d.md"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(field), "{err}");
        assert!(
            !err.contains("Example.org") && !err.contains("345"),
            "{err}"
        );
    }
}

#[test]
fn fix_leaves_an_address_or_number_for_the_writer_with_a_reason() {
    let ws = ws();
    let draft = "Lovely to see Mary Jones on my table! Call her on 555.123.4567 for the recipe.\n";
    ws.write("d.md", draft);
    let out = ws.check().args(["--fix", "d.md"]).output().unwrap();
    let stderr =
        String::from_utf8_lossy(&out.stderr).into_owned() + &String::from_utf8_lossy(&out.stdout);
    // The name is fixed; the number is not (no neutral phrase fits "call her on ..."), so the
    // draft still blocks and the report says why.
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    let fixed = std::fs::read_to_string(ws.path("d.md")).unwrap();
    assert!(fixed.contains("a client on my table"), "{fixed}");
    assert!(fixed.contains("555.123.4567"), "{fixed}");
    assert!(stderr.contains("client-phone"), "{stderr}");
    assert!(stderr.contains("phone number"), "{stderr}");
}
