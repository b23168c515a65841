//! Hostile and broken input (issue #8): every case gets a correct result or a clear error
//! (exit 2); never a panic, a hang, a silent pass, or roster data in the output.
//!
//! Evasions of a name, awkward text, awkward files, broken rosters and rule packs. Each test
//! names the cases it covers; the big inputs are sparse files or generated in memory, and a
//! refusal by size happens before anything is read.

use serde_json::Value;

use crate::support::{ROSTER, SECRETS, Workspace, findings, outcome};

/// `(exit code, JSON report)` of `lipzip check --format json ARGS` in `ws`.
fn check(ws: &Workspace, args: &[&str]) -> (i32, Value) {
    ws.check_json(args)
}

/// The error messages of a JSON report.
fn errors(json: &Value) -> Vec<String> {
    json["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| format!("{}: {}", e["path"].as_str().unwrap_or(""), e["message"]))
        .collect()
}

/// Fails if any roster string that `draft` does not contain appears in `output`.
fn assert_no_roster_data(what: &str, draft: &str, output: &str) {
    for secret in SECRETS.iter().filter(|s| !draft.contains(**s)) {
        assert!(
            !output.contains(secret),
            "{what} leaks {secret:?}:\n{output}"
        );
    }
}

#[test]
fn evasions_of_a_name_are_still_found_at_their_exact_bytes() {
    let ws = Workspace::new();
    let cases: &[(&str, &str)] = &[
        // Zero-width characters and a soft hyphen inside the name.
        ("Ma\u{200b}ry Jones", "client-name"),
        ("Mary Jo\u{200c}nes", "client-name"),
        ("M\u{200d}ary Jones", "client-name"),
        ("Mary\u{2060} Jones", "client-name"),
        ("Ma\u{feff}ry Jo\u{feff}nes", "client-name"),
        ("Ma\u{ad}ry Jo\u{ad}nes", "client-name"),
        ("Mary\u{200b}Jones", "client-hashtag"),
        // NBSP and other Unicode spaces.
        ("Mary\u{a0}Jones", "client-name"),
        ("Mary\u{2009}Jones", "client-name"),
        ("Mary\u{202f}Jones", "client-name"),
        ("Mary\u{3000}Jones", "client-name"),
        ("Mary \u{2003} \t Jones", "client-name"),
        // Fullwidth letters, small capitals, mathematical bold.
        (
            "\u{ff2d}\u{ff41}\u{ff52}\u{ff59} \u{ff2a}\u{ff4f}\u{ff4e}\u{ff45}\u{ff53}",
            "client-name",
        ),
        (
            "\u{1d0d}\u{1d00}\u{280}\u{28f} \u{1d0a}\u{1d0f}\u{274}\u{1d07}\u{a731}",
            "client-name",
        ),
        ("\u{1d40c}\u{1d41a}\u{1d42b}\u{1d432} Jones", "client-name"),
        // Homoglyphs: Cyrillic а and о, Greek capital Mu, Cyrillic capital О.
        ("M\u{430}ry Jones", "client-name"),
        ("Mary J\u{43e}nes", "client-name"),
        ("\u{39c}ary J\u{41e}NES", "client-name"),
        // Combining marks on letters.
        ("Ma\u{308}ry Jo\u{301}nes", "client-name"),
        ("M\u{335}a\u{335}r\u{335}y\u{335} Jones", "client-name"),
        // Letters spaced out, dotted or hyphenated.
        ("M a r y  J o n e s", "client-spaced-name"),
        ("M a r y J o n e s", "client-spaced-name"),
        ("M.a.r.y J.o.n.e.s", "client-spaced-name"),
        ("M-A-R-Y J-O-N-E-S", "client-spaced-name"),
        ("m . a . r . y . j . o . n . e . s", "client-spaced-name"),
    ];
    // One run over every case: each draft is its own file, reported in order.
    let mut files = Vec::new();
    let mut texts = Vec::new();
    for (i, (name, _)) in cases.iter().enumerate() {
        let file = format!("e{i:02}.md");
        let text = format!("So glad {name} came in for a massage today.\n");
        ws.write(&file, &text);
        files.push(file);
        texts.push(text);
    }
    let args: Vec<&str> = files.iter().map(String::as_str).collect();
    let (code, json) = check(&ws, &args);
    assert_eq!(code, 1);
    for (i, (name, rule)) in cases.iter().enumerate() {
        let file = &json["files"][i];
        assert_eq!(file["path"], files[i].as_str());
        assert_eq!(file["verdict"], "block", "{name:?}: {file}");
        let f = &file["findings"][0];
        assert_eq!(
            (f["rule"].as_str(), f["client"].as_str()),
            (Some(*rule), Some("C001")),
            "{name:?}: {file}"
        );
        // The span is the exact original bytes, whatever was folded to find it.
        let (start, end) = (
            usize::try_from(f["span"]["start"].as_u64().unwrap()).unwrap(),
            usize::try_from(f["span"]["end"].as_u64().unwrap()).unwrap(),
        );
        assert_eq!(&texts[i][start..end], *name);
    }
}

#[test]
fn spaced_letters_without_client_context_still_warn() {
    let ws = Workspace::new();
    ws.write("a.md", "Look who it is: M a r y  J o n e s!\n");
    let (code, json) = check(&ws, &["a.md"]);
    assert_eq!(code, 0, "a warn does not fail the run by default");
    assert_eq!(json["files"][0]["verdict"], "warn");
    assert_eq!(
        findings(&json),
        [(
            "client-spaced-name".to_owned(),
            "C001".to_owned(),
            "M a r y  J o n e s".to_owned()
        )]
    );
    // Ordinary one-letter words and initials are not names.
    ws.write("b.md", "Plan A B C D E is ready, said J. R. R. T.\n");
    let (code, json) = check(&ws, &["b.md"]);
    assert_eq!((code, findings(&json)), (0, vec![]));
}

#[test]
fn crlf_and_a_bom_keep_exact_spans_lines_and_columns() {
    let ws = Workspace::new();
    let text = "\u{feff}Hello!\r\nMary Jones came in for a massage.\r\n";
    ws.write("crlf.md", text);
    let (code, json) = check(&ws, &["crlf.md"]);
    assert_eq!(code, 1);
    let f = &json["files"][0]["findings"][0];
    let start = usize::try_from(f["span"]["start"].as_u64().unwrap()).unwrap();
    assert_eq!(&text[start..start + 10], "Mary Jones");
    assert_eq!(
        (f["line"].as_u64(), f["column"].as_u64()),
        (Some(2), Some(1))
    );
    ws.write("bom.md", "\u{feff}Mary Jones came in for a massage.");
    let (_, json) = check(&ws, &["bom.md"]);
    let f = &json["files"][0]["findings"][0];
    assert_eq!(f["span"]["start"], 3, "offsets count the BOM's bytes");
    assert_eq!(f["column"], 1, "columns do not count the invisible BOM");
}

#[test]
fn invalid_utf8_utf16_and_nul_bytes_are_errors_that_say_where() {
    let ws = Workspace::new();
    ws.write("good.md", "Mary Jones came in for a massage");
    std::fs::write(
        ws.path("latin1.md"),
        b"First line\nsecond caf\xe9 line Mary Jones\n",
    )
    .unwrap();
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain("Mary Jones".encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    std::fs::write(ws.path("utf16.md"), utf16).unwrap();
    std::fs::write(ws.path("bin.md"), b"Mary Jones\0\x01\x02").unwrap();
    let (code, json) = check(&ws, &["good.md", "latin1.md", "utf16.md", "bin.md"]);
    assert_eq!(code, 2, "never a pass");
    assert_eq!(
        json["summary"]["files"], 1,
        "the readable draft is still checked"
    );
    assert_eq!(json["files"][0]["verdict"], "block");
    let errs = errors(&json).join("\n");
    assert!(
        errs.contains("latin1.md") && errs.contains("byte offset 21, line 2"),
        "{errs}"
    );
    assert!(
        errs.contains("utf16.md") && errs.contains("UTF-16"),
        "{errs}"
    );
    assert!(
        errs.contains("bin.md") && errs.contains("binary") && errs.contains("offset 10"),
        "{errs}"
    );
}

#[test]
fn an_empty_draft_passes() {
    let ws = Workspace::new();
    ws.write("empty.md", "");
    let (code, json) = check(&ws, &["empty.md"]);
    assert_eq!(
        (code, json["files"][0]["verdict"].as_str()),
        (0, Some("pass"))
    );
}

#[test]
fn a_20_mb_line_is_checked_in_full_and_printed_in_part() {
    let ws = Workspace::new();
    let filler = "the quick brown fox jumps over the lazy dog ".repeat(230_000);
    let text = format!(
        "Mary Jones came in. {filler}Ian Gamble came in too. {filler}And Saoirse Ní Bhriain."
    );
    assert!(text.len() > 20_000_000 && !text.contains('\n'));
    ws.write("line.md", &text);
    let out = ws.check().arg("line.md").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    for client in ["C001", "C003", "C004"] {
        assert!(stdout.contains(&format!("client {client}")), "{client}");
    }
    // Each finding shows a window of the line, not 20 MB of it.
    assert!(stdout.len() < 20_000, "{} bytes of report", stdout.len());
}

/// A long draft dense with names: one line, and many short paragraphs.
fn dense(paragraphs: bool) -> String {
    let words = [
        "the",
        "client",
        "came",
        "in",
        "for",
        "a",
        "massage",
        "today",
        "Mary",
        "Jones",
        "and",
        "we",
        "loved",
        "it",
        "nurse",
        "shoulder",
        "88-year-old",
    ];
    let mut out = String::new();
    let mut seed: u32 = 7;
    for i in 0..180_000 {
        seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        out.push_str(words[(seed >> 16) as usize % words.len()]);
        out.push_str(if paragraphs && i % 50 == 49 {
            "\n\n"
        } else {
            " "
        });
    }
    out
}

#[test]
fn drafts_dense_with_names_take_linear_time() {
    // Both used to be quadratic: 400 KB took 45 s (one line) and 90 s (paragraphs).
    let ws = Workspace::new();
    for (file, paragraphs) in [("line.md", false), ("paras.md", true)] {
        let text = dense(paragraphs);
        assert!(text.len() > 800_000);
        ws.write(file, &text);
        let (code, json) = check(&ws, &[file]);
        assert_eq!(code, 1, "{file}");
        let found = json["files"][0]["findings"].as_array().unwrap();
        assert!(found.len() > 1_000, "{file}: {}", found.len());
        for f in found.iter().filter(|f| f["rule"] == "client-name") {
            let words: Vec<&str> = f["text"].as_str().unwrap().split_whitespace().collect();
            assert_eq!(words, ["Mary", "Jones"]);
            assert!(
                f["cues"].as_array().unwrap().len() <= 32,
                "evidence is capped"
            );
        }
    }
}

#[test]
fn very_long_words_do_not_hide_the_name_after_them() {
    let ws = Workspace::new();
    let word = "a".repeat(3_000_000);
    let text = format!("{word} Mary Jones came in for a massage {word}");
    ws.write("long.md", &text);
    let (code, json) = check(&ws, &["long.md"]);
    assert_eq!(code, 1);
    let f = &json["files"][0]["findings"][0];
    assert_eq!(f["span"]["start"], word.len() + 1);
    assert_eq!(f["text"], "Mary Jones");
}

#[test]
fn a_200_mb_draft_is_refused_by_its_size_before_it_is_read() {
    let ws = Workspace::new();
    let big = std::fs::File::create(ws.path("huge.md")).unwrap();
    // Sparse: 200 MB on paper, a few bytes on disk.
    big.set_len(200 * 1024 * 1024).unwrap();
    ws.write("small.md", "Mary Jones came in for a massage");
    let (code, json) = check(&ws, &["huge.md", "small.md"]);
    assert_eq!(code, 2);
    assert_eq!(json["files"][0]["path"], "small.md");
    let errs = errors(&json).join("\n");
    assert!(
        errs.contains("huge.md") && errs.contains("64 MiB") && errs.contains("split it"),
        "{errs}"
    );
}

#[test]
fn standard_input_over_the_limit_is_refused() {
    let ws = Workspace::new();
    let mut input = "Mary Jones came in for a massage. ".repeat(2 * 1024 * 1024);
    input.truncate(65 * 1024 * 1024);
    let out = ws
        .lipzip()
        .args(["check", "--roster", "roster.yaml", "--format", "json", "-"])
        .write_stdin(input)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let errs = errors(&json).join("\n");
    assert!(
        errs.contains("<stdin>") && errs.contains("64 MiB"),
        "{errs}"
    );
}

#[cfg(unix)]
#[test]
fn fifos_symlink_loops_and_dangling_links_never_hang_or_pass_silently() {
    use std::os::unix::fs::symlink;
    let ws = Workspace::new();
    ws.write("site/post.md", "Mary Jones came in for a massage");
    let fifo = ws.path("site/pipe.md");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    symlink(".", ws.path("site/loop")).unwrap();
    symlink("post.md", ws.path("site/link.md")).unwrap();
    symlink("nowhere.md", ws.path("site/dangling.md")).unwrap();
    symlink("self.md", ws.path("self.md")).unwrap();
    // The directory: the post is checked once, each odd entry is a notice.
    let (code, json) = check(&ws, &["site"]);
    assert_eq!(code, 1);
    assert_eq!(json["summary"]["files"], 1);
    let notices = json["notices"].to_string();
    for name in ["pipe.md", "link.md", "dangling.md"] {
        assert!(notices.contains(name), "{name}: {notices}");
    }
    // Named explicitly: a FIFO is refused without opening it, a loop is named.
    let (code, json) = check(&ws, &["site/pipe.md", "self.md", "site/post.md"]);
    assert_eq!(code, 2);
    assert_eq!(json["summary"]["files"], 1);
    let errs = errors(&json).join("\n");
    assert!(
        errs.contains("pipe.md") && errs.contains("not a regular file"),
        "{errs}"
    );
    assert!(
        errs.contains("self.md") && errs.contains("symbolic link"),
        "{errs}"
    );
}

#[cfg(target_os = "linux")]
#[test]
fn unreadable_files_are_errors_and_the_rest_is_reported() {
    use std::os::unix::fs::PermissionsExt;
    let ws = Workspace::new();
    ws.write("good.md", "hello");
    let locked = ws.write("locked.md", "Mary Jones came in");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    // A file that opens but cannot be read (reading it fails with an I/O error).
    let mut args = vec!["good.md", "/proc/self/mem"];
    // Permission bits do not stop root: only count the locked file when they stop us.
    let locked_for_us = std::fs::read(&locked).is_err();
    if locked_for_us {
        args.push("locked.md");
    }
    let (code, json) = check(&ws, &args);
    assert_eq!(code, 2);
    assert_eq!(json["summary"]["files"], 1);
    let errs = errors(&json).join("\n");
    assert!(errs.contains("/proc/self/mem: \"cannot read it"), "{errs}");
    if locked_for_us {
        assert!(
            errs.contains("locked.md") && errs.contains("denied"),
            "{errs}"
        );
    }
}

#[cfg(target_os = "linux")]
#[test]
fn a_path_that_is_not_utf8_is_checked_and_reported() {
    use std::os::unix::ffi::OsStrExt;
    let ws = Workspace::new();
    let name = std::ffi::OsStr::from_bytes(b"caf\xe9-post.md");
    std::fs::create_dir(ws.path("d")).unwrap();
    std::fs::write(ws.path("d").join(name), "Mary Jones came in for a massage").unwrap();
    let out = ws
        .lipzip()
        .args(["check", "--roster", "roster.yaml", "--format", "json", "d"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["files"][0]["path"], "d/caf\u{fffd}-post.md");
    let out = ws
        .lipzip()
        .args(["check", "--roster", "roster.yaml"])
        .arg(ws.path("d").join(name))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
}

/// `(exit code, stderr)` of a check with `roster` as the roster.
fn with_roster(ws: &Workspace, roster: &str) -> (i32, String) {
    ws.write("r.yaml", roster);
    ws.write("d.md", "Mary Jones came in for a massage");
    let out = ws
        .lipzip()
        .args(["check", "--roster", "r.yaml", "d.md"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_no_roster_data("roster error", "", &stderr);
    (out.status.code().unwrap(), stderr)
}

#[test]
fn yaml_bombs_and_deep_nesting_are_refused_quickly_with_a_line() {
    let ws = Workspace::new();
    // Billion laughs, where the roster wants a list of names.
    let mut bomb = String::from(
        "version: 1\npractice:\n  name: P\n  staff: &a0 [Mary Jones, Mary Jones, Mary Jones, Mary Jones, Mary Jones]\n",
    );
    for i in 1..10 {
        let refs = vec![format!("*a{}", i - 1); 9].join(", ");
        bomb.push_str(&format!("  a{i}: &a{i} [{refs}]\n"));
    }
    bomb.push_str("clients:\n  - id: C1\n    name: Ian Gamble\n    aliases: *a9\n");
    let (code, err) = with_roster(&ws, &bomb);
    assert_eq!(code, 2);
    assert!(err.contains("r.yaml:"), "{err}");
    // 5,000 levels of flow nesting, and 100,000.
    for depth in [5_000, 100_000] {
        let deep = format!(
            "version: 1\npractice: {{name: P}}\nclients: [{}{}]\n",
            "[".repeat(depth),
            "]".repeat(depth)
        );
        let (code, err) = with_roster(&ws, &deep);
        assert_eq!(code, 2);
        assert!(
            err.contains("r.yaml:3:") && err.contains("nested more than 64"),
            "{err}"
        );
    }
    // 5,000 levels of block nesting.
    let mut block = String::from("version: 1\npractice: {name: P}\nclients:\n");
    for i in 1..5_000 {
        block.push_str(&" ".repeat(i));
        block.push_str("-\n");
    }
    let (code, err) = with_roster(&ws, &block);
    assert_eq!(code, 2);
    assert!(err.contains("r.yaml:"), "{err}");
    // The same in a draft's front matter (any YAML goes there), and in lipzip.yaml.
    let mut fm = String::from("---\na0: &a0 [x, x, x, x, x, x, x, x, x]\n");
    for i in 1..10 {
        let refs = vec![format!("*a{}", i - 1); 9].join(", ");
        fm.push_str(&format!("a{i}: &a{i} [{refs}]\n"));
    }
    fm.push_str("channel: social\n---\nMary Jones came in\n");
    ws.write("bomb.md", &fm);
    ws.write(
        "deep.md",
        &format!("---\nx: {}\n---\nMary Jones\n", "[".repeat(50_000)),
    );
    let (code, json) = check(&ws, &["bomb.md", "deep.md"]);
    assert_eq!(code, 2);
    let errs = errors(&json).join("\n");
    assert!(
        errs.contains("bomb.md") && errs.contains("deep.md"),
        "{errs}"
    );
    ws.write(
        "lipzip.yaml",
        &format!("roster: r.yaml\nrules: {}\n", "[".repeat(10_000)),
    );
    let out = ws.lipzip().args(["check", "d.md"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("lipzip.yaml:2"));
}

#[test]
fn a_200_mb_roster_is_refused_by_its_size() {
    let ws = Workspace::new();
    let roster = std::fs::File::create(ws.path("big.yaml")).unwrap();
    roster.set_len(200 * 1024 * 1024).unwrap();
    ws.write("d.md", "hello");
    let out = ws
        .lipzip()
        .args(["check", "--roster", "big.yaml", "d.md"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("larger than 64 MiB"), "{err}");
}

#[test]
fn a_one_letter_name_is_refused_but_a_one_letter_alias_loads_and_is_not_looked_for() {
    let ws = Workspace::new();
    let (code, err) = with_roster(&ws, &ROSTER.replace("name: Ian Gamble", "name: Q"));
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("clients[2].name") && err.contains("two letters"),
        "{err}"
    );

    // "O" for Owen is a real nickname: the roster loads (an exported roster must not stop
    // every check), but one letter alone is every "o", so it is never a finding.
    for alias in ["\"J\"", "\"@x\"", "O"] {
        let roster = ROSTER.replace("aliases: [Pepe]", &format!("aliases: [Pepe, {alias}]"));
        ws.write("r.yaml", &roster);
        ws.write(
            "d.md",
            "J and O came to the O Holy Night concert with @x. Book now!\n",
        );
        let out = ws
            .lipzip()
            .args(["check", "--roster", "r.yaml", "--format", "json", "d.md"])
            .output()
            .unwrap();
        let (code, stdout, stderr) = outcome(&out);
        assert_eq!(code, 0, "{alias}: {stdout}{stderr}");
    }
}

#[test]
fn a_client_named_like_staff_or_a_common_word_loads_and_staff_wins() {
    let ws = Workspace::new();
    let roster = ROSTER.replace(
        "  - id: C007\n    name: Mark Lindqvist\n",
        "  - id: C007\n    name: Dana Whitfield\n  - id: C008\n    name: Will\n",
    );
    ws.write("roster.yaml", &roster);
    // The staff member is named: no client finding for the client who shares her name.
    ws.write(
        "staff.md",
        "Dana Whitfield has openings this week. Book now!",
    );
    let (code, json) = check(&ws, &["staff.md"]);
    assert_eq!((code, findings(&json)), (0, vec![]));
    // A one-word name that is a common word is the word when used as one ...
    ws.write("word.md", "Will you join us? I will! We will have tea.");
    let (code, json) = check(&ws, &["word.md"]);
    assert_eq!((code, findings(&json)), (0, vec![]));
    // ... and the client when the draft says so.
    ws.write("client.md", "Will came in for a massage today.");
    let (_, json) = check(&ws, &["client.md"]);
    assert_eq!(json["files"][0]["findings"][0]["client"], "C008");
}

/// Writes a practice rule pack with `pattern` and points lipzip.yaml at it.
fn pattern_pack(ws: &Workspace, pattern: &str) {
    ws.write(
        "rules/ours.yaml",
        &format!(
            "pack: ours\nrules:\n  - id: our-phrase\n    severity: block\n    message: m\n    help: h\n    matcher:\n      pattern: '{pattern}'\n    examples: {{flag: [\"[[aaa!]]\"], pass: [\"b\"]}}\n"
        ),
    );
    ws.write(
        "lipzip.yaml",
        "roster: roster.yaml\nrules: [rules/ours.yaml]\n",
    );
}

#[test]
fn broken_or_catastrophic_patterns_are_refused_at_load_with_their_line() {
    let ws = Workspace::new();
    ws.write("d.md", "hello");
    for (pattern, why) in [
        ("(unclosed", "not a valid regular expression"),
        ("[z-a]", "not a valid regular expression"),
        ("(x{1000}){1000}", "too large"),
    ] {
        pattern_pack(&ws, pattern);
        let out = ws.lipzip().args(["check", "d.md"]).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{pattern}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("ours.yaml:8:") && err.contains(why),
            "{pattern}: {err}"
        );
    }
    // A pattern that backtracking engines take exponential time on runs in linear time here.
    pattern_pack(&ws, "(a+)+!");
    ws.write(
        "d.md",
        &format!("{}b {}!", "a".repeat(500_000), "a".repeat(100)),
    );
    let (code, json) = check(&ws, &["d.md"]);
    assert_eq!(code, 1);
    assert_eq!(findings(&json)[0].0, "our-phrase");
}

#[test]
fn a_panic_prints_no_roster_text_and_exits_2() {
    let ws = Workspace::new();
    ws.write("a.md", "Mary Jones came in for a massage");
    ws.write("b.md", "hello");
    for place in ["main", "worker"] {
        let out = ws
            .lipzip()
            .env("LIPZIP_TEST_PANIC", place)
            .args(["check", "--roster", "roster.yaml", "--format", "json"])
            .args(["a.md", "b.md"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{place}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("internal error"), "{stderr}");
        assert!(
            !stderr.contains("Mary"),
            "{place}: the panic quoted the roster: {stderr}"
        );
        assert_no_roster_data(place, "", &String::from_utf8_lossy(&out.stdout));
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 12, ..Default::default() })]

    /// Random bytes as a draft file, through the real binary: a verdict or a clear error, never
    /// a crash; and whatever happens, the output is a JSON report.
    #[test]
    fn random_bytes_as_a_file_get_a_verdict_or_an_error(
        bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..2_000),
        name in proptest::prelude::prop_oneof![
            proptest::prelude::Just(b"Mary Jones came in for a massage ".to_vec()),
            proptest::prelude::Just(Vec::new()),
        ],
    ) {
        let ws = Workspace::new();
        let mut content = name;
        content.extend(&bytes);
        std::fs::write(ws.path("x.md"), &content).unwrap();
        let (code, json) = check(&ws, &["x.md"]);
        let checked = json["summary"]["files"] == 1;
        proptest::prop_assert!(code == 2 || (checked && (code == 0 || code == 1)), "{json}");
        if code == 2 {
            proptest::prop_assert!(!errors(&json).is_empty());
            proptest::prop_assert!(!errors(&json).join("").contains("internal error"));
        }
    }
}
