//! `lipzip check --fix` and `--fix --dry-run`: what is rewritten, what is left and why, what is
//! never touched, and that a fixed draft passes when checked again.

use std::path::Path;

use crate::support::{Workspace, repo_root};

fn check(ws: &Workspace, args: &[&str]) -> std::process::Output {
    ws.lipzip()
        .args(["check", "--roster", "roster.yaml", "--today", "2026-11-22"])
        .args(args)
        .output()
        .unwrap()
}

fn read(ws: &Workspace, rel: &str) -> String {
    std::fs::read_to_string(ws.path(rel)).unwrap()
}

/// Files in `dir` other than the roster and the cache: no temporary file may be left behind.
fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n != "roster.yaml" && n != ".cache")
        .collect();
    names.sort();
    names
}

#[cfg(unix)]
fn mode(p: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(p).unwrap().permissions().mode() & 0o777
}

#[test]
fn fix_rewrites_only_failing_drafts_and_the_result_passes() {
    let ws = Workspace::new();
    let leak = "---\r\nchannel: social\r\n---\r\nMary Jones came in for a massage today.\r\n\
                So proud of our Ian Gamble, who booked his tenth session! Thanks, Mary!\r\n";
    ws.write("a.md", leak);
    ws.write("clean.md", "Book your winter massage now.\n");
    ws.write(
        "b.txt",
        "Thanks @maryj for the lovely review of your massage!\n",
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(ws.path("a.md"), std::fs::Permissions::from_mode(0o640)).unwrap();
    }
    let clean_before = std::fs::metadata(ws.path("clean.md"))
        .unwrap()
        .modified()
        .unwrap();
    let out = check(&ws, &["--fix", "a.md", "clean.md", "b.txt"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert_eq!(
        read(&ws, "a.md"),
        "---\r\nchannel: social\r\n---\r\nA client came in for a massage today.\r\n\
         So proud of our client, who booked his tenth session! Thanks!\r\n"
    );
    assert_eq!(
        read(&ws, "b.txt"),
        "Thanks a client for the lovely review of your massage!\n"
    );
    // The clean draft is not touched at all; no temporary file is left; permissions kept.
    assert_eq!(read(&ws, "clean.md"), "Book your winter massage now.\n");
    assert_eq!(
        std::fs::metadata(ws.path("clean.md"))
            .unwrap()
            .modified()
            .unwrap(),
        clean_before
    );
    assert_eq!(listing(ws.dir.path()), ["a.md", "b.txt", "clean.md"]);
    #[cfg(unix)]
    assert_eq!(mode(&ws.path("a.md")), 0o640);
    // The report is of the fixed drafts, and says what was fixed.
    assert!(stdout.contains("pass  a.md (social, fixed 2)"), "{stdout}");
    // Checked again from scratch, they pass.
    let (code, json) = ws.check_json(&["a.md", "b.txt"]);
    assert_eq!(code, 0, "{json}");
    assert_eq!(json["summary"]["pass"], 2);
}

#[test]
fn dry_run_prints_a_diff_and_writes_nothing() {
    let ws = Workspace::new();
    let text = "Her massage went great.\nMary Jones said it was the best one yet!\nBook now.\n";
    ws.write("a.md", text);
    let out = check(&ws, &["--fix", "--dry-run", "a.md"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    // Nothing was written, so the draft still blocks.
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(read(&ws, "a.md"), text);
    assert_eq!(listing(ws.dir.path()), ["a.md"]);
    assert_eq!(
        stdout,
        "--- a.md\n+++ a.md\n@@ -1,3 +1,3 @@\n Her massage went great.\n\
         -Mary Jones said it was the best one yet!\n+A client said it was the best one yet!\n Book now.\n"
    );
    assert!(stderr.contains("would fix a.md: 1 finding"), "{stderr}");
    assert!(stderr.contains("nothing was written"), "{stderr}");
}

#[test]
fn what_cannot_be_fixed_is_left_with_a_reason_and_still_fails() {
    let ws = Workspace::new();
    // A description that singles Mary Jones out (85, a realtor, purple hair), her name, and
    // Ian Gamble's name in a link address.
    let text = "Our favourite 85-year-old realtor with purple hair came in for her massage.\n\n\
                Mary Jones loved it. Photos: [here](https://x.com/ian-gamble)\n";
    ws.write("a.md", text);
    let (code, json) = ws.check_json(&["--fix", "a.md"]);
    assert_eq!(code, 1, "{json}");
    let fixed = read(&ws, "a.md");
    assert!(fixed.contains("A client loved it."), "{fixed}");
    assert!(fixed.contains("85-year-old realtor"), "{fixed}");
    assert!(fixed.contains("(https://x.com/ian-gamble)"), "{fixed}");
    let fix = &json["files"][0]["fix"];
    assert_eq!(fix["fixed"], 1);
    let left: Vec<(&str, &str)> = fix["not_fixed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| (n["rule"].as_str().unwrap(), n["reason"].as_str().unwrap()))
        .collect();
    assert!(
        left.iter()
            .any(|(r, why)| *r == "quasi-identifier" && why.contains("rewrite it by hand")),
        "{left:?}"
    );
    assert!(
        left.iter()
            .any(|(r, why)| *r == "client-name" && why.contains("link")),
        "{left:?}"
    );
    // The human report says the same, per line.
    ws.write("b.md", text);
    let out = check(&ws, &["--fix", "b.md"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("not fixed: line 1, quasi-identifier (client C001)"),
        "{stdout}"
    );
}

#[test]
fn a_mailchimp_export_keeps_every_tag() {
    let ws = Workspace::new();
    let html =
        std::fs::read_to_string(repo_root().join("tests/fixtures/mailchimp-newsletter.html"))
            .unwrap();
    ws.write("news.html", &html);
    let out = check(&ws, &["--channel", "newsletter", "--fix", "news.html"]);
    // The image address still names Ian Gamble: left for the writer, so still exit 1.
    assert_eq!(out.status.code(), Some(1));
    let fixed = read(&ws, "news.html");
    let tags = |s: &str| -> Vec<String> {
        s.split('<')
            .skip(1)
            .map(|t| t.split('>').next().unwrap().to_owned())
            .filter(|t| !t.starts_with("img"))
            .collect()
    };
    assert_eq!(tags(&fixed), tags(&html));
    assert!(fixed.contains("thank you to <strong>a client</strong><em></em>, who came in"));
    assert!(fixed.contains("alt=\"A client on the massage table\""));
    // José's consent covers the newsletter: his name stays.
    assert!(fixed.contains("Jos&eacute;&nbsp;N&uacute;&ntilde;ez"));
    let (_, json) = ws.check_json(&["--channel", "newsletter", "news.html"]);
    let left: Vec<&str> = json["files"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["allowed_by"].is_null())
        .map(|f| f["text"].as_str().unwrap())
        .collect();
    assert_eq!(left, ["ian-gamble"]);
}

#[test]
fn fix_refuses_what_it_cannot_do_safely() {
    let ws = Workspace::new();
    ws.write("a.md", "Mary Jones came in for a massage.\n");
    let cases: [(&[&str], &str); 4] = [
        (&["--fix", "--staged"], "git add"),
        (&["--fix", "-"], "save the draft to a file"),
        (
            &["--fix", "--dry-run", "--format", "json", "a.md"],
            "leave out --format",
        ),
        (
            &["--fix", "--dry-run", "--redact", "a.md"],
            "leave out --redact",
        ),
    ];
    for (args, help) in cases {
        let out = check(&ws, args);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains(help), "{args:?}: {err}");
    }
    assert_eq!(read(&ws, "a.md"), "Mary Jones came in for a massage.\n");
    // --dry-run alone is a usage error too.
    let out = check(&ws, &["--dry-run", "a.md"]);
    assert_eq!(out.status.code(), Some(2));
}

#[cfg(unix)]
#[test]
fn a_symlinked_draft_is_fixed_at_its_target() {
    let ws = Workspace::new();
    ws.write("real/a.md", "Mary Jones came in for a massage.\n");
    std::os::unix::fs::symlink(ws.path("real/a.md"), ws.path("link.md")).unwrap();
    let out = check(&ws, &["--fix", "link.md"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(
        std::fs::symlink_metadata(ws.path("link.md"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(read(&ws, "real/a.md"), "A client came in for a massage.\n");
}
