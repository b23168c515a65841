//! `lipzip check`: inputs, name forms, exit codes and output formats.

use crate::support::{Workspace, findings, verdict};

#[test]
fn every_surface_form_is_attributed_to_its_client() {
    let ws = Workspace::new();
    let cases = [
        (
            "So lovely to see Mary Jones today",
            "client-name",
            "Mary Jones",
        ),
        ("MARY JONES won!", "client-name", "MARY JONES"),
        ("mary jones won", "client-name", "mary jones"),
        ("Mary Jones’s shoulders", "client-name", "Mary Jones"),
        ("Mary Jones's shoulders", "client-name", "Mary Jones"),
        ("thanks Mary\nJones", "client-name", "Mary\nJones"),
        ("thanks Mary\u{a0}Jones", "client-name", "Mary\u{a0}Jones"),
        ("thanks Mary   Jones", "client-name", "Mary   Jones"),
        ("Great day #MaryJones", "client-hashtag", "MaryJones"),
        ("Great day #maryjones", "client-hashtag", "maryjones"),
        ("Thanks @maryj!", "client-handle", "@maryj"),
        ("Mrs Jones came in", "client-alias", "Mrs Jones"),
        ("Dr. Jones came in", "client-title-surname", "Dr. Jones"),
        ("Coach Jones came in", "client-title-surname", "Coach Jones"),
        ("Winner: Mary J.!", "client-first-initial", "Mary J."),
        ("Welcome Jose Nunez", "client-name", "Jose Nunez"),
        ("Welcome JOSÉ NÚÑEZ", "client-name", "JOSÉ NÚÑEZ"),
        (
            "Welcome Jose\u{301} Nun\u{303}ez",
            "client-name",
            "Jose\u{301} Nun\u{303}ez",
        ),
        (
            "Welcome Saoirse Ni Bhriain",
            "client-name",
            "Saoirse Ni Bhriain",
        ),
    ];
    for (i, (text, rule, matched)) in cases.iter().enumerate() {
        let name = format!("d{i}.md");
        // A draft that says the person is a client, so a name blocks.
        ws.write(&name, &format!("{text}\nThanks for coming in!"));
        let (code, json) = ws.check_json(&[&name]);
        let want = (
            (*rule).to_owned(),
            client_of(matched),
            (*matched).to_owned(),
        );
        assert_eq!(findings(&json), vec![want], "draft {text:?}");
        assert_eq!(code, 1, "{text:?}");
    }
}

fn client_of(matched: &str) -> String {
    let lower = matched.to_lowercase();
    if lower.contains("jos") {
        "C002"
    } else if lower.contains("saoirse") {
        "C004"
    } else {
        "C001"
    }
    .to_owned()
}

#[test]
fn whole_words_staff_and_places_are_not_findings() {
    let ws = Workspace::new();
    ws.write(
        "a.md",
        "Brian Gamble and Dana Whitfield of Willow Creek Massage on Elm Street in Maplewood.",
    );
    let (code, json) = ws.check_json(&["a.md"]);
    assert_eq!(code, 0);
    assert!(findings(&json).is_empty(), "{json}");
    assert_eq!(verdict(&json, 0), "pass");
}

#[test]
fn span_is_bytes_of_the_original_and_column_is_chars() {
    let ws = Workspace::new();
    let text = "---\nchannel: social\n---\n💆‍♀️ é Mary Jones";
    ws.write("a.md", text);
    let (_, json) = ws.check_json(&["a.md"]);
    let f = &json["files"][0]["findings"][0];
    let start = usize::try_from(f["span"]["start"].as_u64().unwrap()).unwrap();
    let end = usize::try_from(f["span"]["end"].as_u64().unwrap()).unwrap();
    assert_eq!(&text[start..end], "Mary Jones");
    assert_eq!(f["line"], 4);
    // 💆‍♀️ is 4 scalar values, then a space, é, a space.
    assert_eq!(f["column"], 8);
}

#[test]
fn roster_comes_from_flag_env_or_config_and_never_defaults() {
    let ws = Workspace::new();
    ws.write("drafts/a.md", "Mary Jones came in for a massage");
    // No roster anywhere: exit 2 and a message saying how to give one.
    let out = ws.lipzip().args(["check", "drafts"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("--roster") && err.contains("LIPZIP_ROSTER"),
        "{err}"
    );
    // Environment.
    let out = ws
        .lipzip()
        .env("LIPZIP_ROSTER", ws.path("roster.yaml"))
        .args(["check", "drafts"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    // lipzip.yaml in a parent directory, path relative to the config file.
    ws.write("lipzip.yaml", "roster: roster.yaml\n");
    let out = ws
        .lipzip()
        .current_dir(ws.path("drafts"))
        .args(["check", "a.md"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn config_unknown_key_is_an_error_with_its_line() {
    let ws = Workspace::new();
    ws.write("lipzip.yaml", "roster: roster.yaml\nrostre: typo.yaml\n");
    ws.write("a.md", "hello");
    let out = ws.lipzip().args(["check", "a.md"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("lipzip.yaml:2"), "{err}");
    assert!(err.contains("unknown field"), "{err}");
}

#[test]
fn directories_are_walked_honouring_gitignore_and_extensions() {
    let ws = Workspace::new();
    ws.write("site/.gitignore", "drafts-old/\n");
    ws.write("site/post.md", "Mary Jones");
    ws.write("site/news/letter.html", "<p>Ian Gamble</p>");
    ws.write("site/notes.txt", "hello");
    ws.write("site/image.png", "Mary Jones");
    ws.write("site/drafts-old/old.md", "Mary Jones");
    let (_, json) = ws.check_json(&["site"]);
    let mut paths: Vec<String> = json["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap().replace('\\', "/"))
        .collect();
    paths.sort();
    assert_eq!(
        paths,
        ["site/news/letter.html", "site/notes.txt", "site/post.md"]
    );
}

#[test]
fn stdin_is_a_draft() {
    let ws = Workspace::new();
    let out = ws
        .lipzip()
        .args(["check", "--roster", "roster.yaml", "--format", "json", "-"])
        .write_stdin("Thanks for coming in, @maryj!")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["files"][0]["path"], "<stdin>");
}

#[test]
fn channel_comes_from_front_matter_then_flag_then_social() {
    let ws = Workspace::new();
    ws.write("fm.md", "---\nchannel: blog\n---\nhi");
    ws.write("plain.md", "hi");
    let (_, json) = ws.check_json(&["fm.md", "plain.md"]);
    assert_eq!(json["files"][0]["channel"], "blog");
    assert_eq!(json["files"][1]["channel"], "social");
    let (_, json) = ws.check_json(&["--channel", "email", "fm.md", "plain.md"]);
    assert_eq!(json["files"][0]["channel"], "blog");
    assert_eq!(json["files"][1]["channel"], "email");
    ws.write("bad.md", "---\nchannel: tiktok\n---\nhi");
    let (code, json) = ws.check_json(&["bad.md"]);
    assert_eq!(code, 2);
    assert!(
        json["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("channel")
    );
}

#[test]
fn unreadable_paths_exit_2_but_the_rest_is_reported() {
    let ws = Workspace::new();
    ws.write("good.md", "hello");
    std::fs::write(ws.path("latin1.md"), b"caf\xe9 Mary Jones").unwrap();
    std::fs::write(ws.path("bin.md"), b"abc\0def").unwrap();
    let (code, json) = ws.check_json(&["good.md", "missing.md", "latin1.md", "bin.md"]);
    assert_eq!(code, 2);
    assert_eq!(json["summary"]["files"], 1);
    assert_eq!(json["summary"]["errors"], 3);
    let messages: Vec<&str> = json["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["message"].as_str().unwrap())
        .collect();
    assert!(
        messages.iter().any(|m| m.contains("no such file")),
        "{messages:?}"
    );
    assert!(messages.iter().any(|m| m.contains("UTF-8")), "{messages:?}");
    assert!(
        messages.iter().any(|m| m.contains("binary")),
        "{messages:?}"
    );
}

#[test]
fn exit_codes_and_fail_on_warn() {
    let ws = Workspace::new();
    ws.write("clean.md", "Book a massage this week!");
    ws.write("alias.md", "Pepe Núñez came in for a massage");
    assert_eq!(ws.check_json(&["clean.md"]).0, 0);
    assert_eq!(ws.check_json(&["alias.md"]).0, 1);
    // A practice pack that demotes aliases to warn: warn exits 0, or 1 with --fail-on warn.
    ws.write(
        "rules/soft.yaml",
        "pack: soft\nrules:\n  - id: client-alias\n    severity: warn\n    message: names a client by an alias\n    help: check it\n    matcher: {roster: alias}\n    examples: {flag: [\"[[Coach G]] came\"], pass: [\"a coach\"]}\n",
    );
    ws.write("lipzip.yaml", "rules: [rules/soft.yaml]\n");
    let (code, json) = ws.check_json(&["alias.md"]);
    assert_eq!((code, verdict(&json, 0)), (0, "warn"));
    assert_eq!(ws.check_json(&["--fail-on", "warn", "alias.md"]).0, 1);
}

#[test]
fn human_output_points_at_the_line_and_names_rule_and_client() {
    let ws = Workspace::new();
    ws.write(
        "a.md",
        "Hello!\nWe loved seeing Mary Jones today.\nThanks for booking!\n",
    );
    let out = ws
        .check()
        .env("NO_COLOR", "1")
        .arg("a.md")
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(text.contains("a.md:2:17"), "{text}");
    assert!(
        text.contains("client-name") && text.contains("C001"),
        "{text}"
    );
    assert!(text.contains("We loved seeing Mary Jones today."), "{text}");
    assert!(text.contains("help:"), "{text}");
    assert!(
        !text.contains('\u{1b}'),
        "NO_COLOR output has escape codes: {text}"
    );
    assert!(
        text.contains("1 draft checked: 1 block, 0 warn, 0 pass"),
        "{text}"
    );
}

#[test]
fn json_contract_fields() {
    let ws = Workspace::new();
    ws.write("a.md", "Mary Jones");
    let (_, json) = ws.check_json(&["a.md"]);
    assert_eq!(json["version"], 1);
    assert_eq!(json["tool"]["name"], "lipzip");
    for key in ["files", "block", "warn", "pass", "errors"] {
        assert!(json["summary"][key].is_u64(), "summary.{key}");
    }
    let f = &json["files"][0]["findings"][0];
    for key in [
        "rule",
        "severity",
        "client",
        "allowed_by",
        "span",
        "line",
        "column",
        "text",
        "message",
        "help",
    ] {
        assert!(f.get(key).is_some(), "finding.{key} missing: {f}");
    }
}
