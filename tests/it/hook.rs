//! The pre-commit hook and CI formats, against real temporary git repositories.

use std::process::Command;

use serde_json::Value;

use crate::support::{SECRETS, Workspace};

const LEAK: &str = "Mary Jones came in for a massage today!\n";
const CLEAN: &str = "Book a massage this week!\n";

fn git(ws: &Workspace, args: &[&str]) -> std::process::Output {
    Command::new("git")
        .current_dir(ws.dir.path())
        .args(args)
        .env("GIT_AUTHOR_NAME", "t")
        .env("GIT_AUTHOR_EMAIL", "t@example.org")
        .env("GIT_COMMITTER_NAME", "t")
        .env("GIT_COMMITTER_EMAIL", "t@example.org")
        .env_remove("LIPZIP_ROSTER")
        .output()
        .expect("git runs")
}

fn repo() -> Workspace {
    let ws = Workspace::new();
    for args in [
        &["init", "-q", "-b", "main"][..],
        &["config", "commit.gpgsign", "false"],
        &["config", "core.hooksPath", ".git/hooks"],
    ] {
        assert!(git(&ws, args).status.success());
    }
    ws.write("lipzip.yaml", "roster: roster.yaml\n");
    ws.write(".gitignore", "roster.yaml\n");
    ws
}

fn staged(ws: &Workspace) -> (i32, Value) {
    let out = ws
        .lipzip()
        .args([
            "check",
            "--staged",
            "--today",
            "2026-11-22",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    let json = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)));
    (out.status.code().unwrap(), json)
}

fn paths(json: &Value) -> Vec<String> {
    json["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn the_index_is_checked_not_the_work_tree() {
    let ws = repo();
    ws.write("post.md", LEAK);
    git(&ws, &["add", "post.md"]);
    ws.write("post.md", CLEAN);
    let (code, json) = staged(&ws);
    assert_eq!((code, paths(&json)), (1, vec!["post.md".to_owned()]));

    ws.write("post.md", CLEAN);
    git(&ws, &["add", "post.md"]);
    ws.write("post.md", LEAK);
    assert_eq!(
        staged(&ws).0,
        0,
        "an unstaged leak does not block the commit"
    );
}

#[test]
fn renames_copies_deletions_spaces_and_binaries() {
    let ws = repo();
    ws.write("old name.md", LEAK);
    git(&ws, &["add", "."]);
    git(&ws, &["commit", "-q", "--no-verify", "-m", "x"]);
    git(&ws, &["mv", "old name.md", "new name.md"]);
    let (code, json) = staged(&ws);
    assert_eq!((code, paths(&json)), (1, vec!["new name.md".to_owned()]));

    git(&ws, &["commit", "-q", "--no-verify", "-m", "y"]);
    git(&ws, &["rm", "-q", "new name.md"]);
    let (code, json) = staged(&ws);
    assert_eq!(
        (code, paths(&json)),
        (0, Vec::<String>::new()),
        "deletions are skipped"
    );

    std::fs::write(ws.path("bin.md"), b"Mary Jones\0\x01\x02").unwrap();
    git(&ws, &["add", "bin.md"]);
    let (code, json) = staged(&ws);
    assert_eq!(code, 0);
    assert_eq!(json["summary"]["skipped"], 1);
    assert_eq!(json["notices"][0]["path"], "bin.md");
}

#[cfg(unix)]
#[test]
fn non_utf8_paths_are_reported() {
    use std::os::unix::ffi::OsStrExt;
    let ws = repo();
    let name = std::ffi::OsStr::from_bytes(b"caf\xe9.md");
    std::fs::write(ws.dir.path().join(name), LEAK).unwrap();
    git(&ws, &["add", "."]);
    let (code, json) = staged(&ws);
    assert_eq!(code, 1);
    assert!(paths(&json)[0].starts_with("caf"), "{json}");
}

#[test]
fn hook_install_blocks_and_allows_commits() {
    let ws = repo();
    let out = ws.lipzip().args(["hook", "install"]).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let hook = std::fs::read_to_string(ws.path(".git/hooks/pre-commit")).unwrap();
    assert!(hook.contains("lipzip check --staged"));

    ws.write("post.md", LEAK);
    git(&ws, &["add", "post.md"]);
    let commit = git(&ws, &["commit", "-q", "-m", "leak"]);
    assert!(!commit.status.success(), "a leak must not be committed");

    ws.write("post.md", CLEAN);
    git(&ws, &["add", "post.md"]);
    let commit = git(&ws, &["commit", "-q", "-m", "clean"]);
    assert!(
        commit.status.success(),
        "{}",
        String::from_utf8_lossy(&commit.stderr)
    );

    let out = ws.lipzip().args(["hook", "uninstall"]).output().unwrap();
    assert!(out.status.success());
    assert!(!ws.path(".git/hooks/pre-commit").exists());
}

#[test]
fn hook_install_honours_hooks_path_and_foreign_hooks() {
    let ws = repo();
    git(&ws, &["config", "core.hooksPath", ".githooks"]);
    let out = ws.lipzip().args(["hook", "install"]).output().unwrap();
    assert!(out.status.success());
    assert!(ws.path(".githooks/pre-commit").exists());

    ws.write(".githooks/pre-commit", "#!/bin/sh\necho mine\n");
    let out = ws.lipzip().args(["hook", "install"]).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(2),
        "a foreign hook is not overwritten"
    );
    let out = ws.lipzip().args(["hook", "uninstall"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "nor removed");
    let out = ws
        .lipzip()
        .args(["hook", "install", "--force"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(
        std::fs::read_to_string(ws.path(".githooks/pre-commit"))
            .unwrap()
            .contains("lipzip")
    );
}

fn run(ws: &Workspace, args: &[&str]) -> (i32, String) {
    let out = ws
        .lipzip()
        .args(["check", "--roster", "roster.yaml", "--today", "2026-11-22"])
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

#[test]
fn sarif_has_rules_locations_and_nameless_fingerprints() {
    let ws = Workspace::new();
    ws.write("post.md", &format!("Hello\n{LEAK}"));
    let (code, out) = run(&ws, &["--format", "sarif", "post.md"]);
    assert_eq!(code, 1);
    let sarif: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(sarif["version"], "2.1.0");
    let run = &sarif["runs"][0];
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert!(
        rules
            .iter()
            .any(|r| r["id"] == "client-name" && r["help"]["text"].is_string())
    );
    let result = &run["results"][0];
    assert_eq!(result["ruleId"], "client-name");
    assert_eq!(result["level"], "error");
    let region = &result["locations"][0]["physicalLocation"]["region"];
    assert_eq!(
        (region["startLine"].as_u64(), region["startColumn"].as_u64()),
        (Some(2), Some(1))
    );
    let print = result["partialFingerprints"]["lipzipFinding/v1"]
        .as_str()
        .unwrap();
    assert!(!print.contains("Mary") && print.len() == 16);
}

#[test]
fn github_annotations() {
    let ws = Workspace::new();
    ws.write("post.md", LEAK);
    let (code, out) = run(&ws, &["--format", "github", "post.md"]);
    assert_eq!(code, 1);
    let line = out.lines().next().unwrap();
    assert!(
        line.starts_with("::error file=post.md,line=1,col=1,endLine=1,endColumn=11,title=lipzip client-name::names a client (client C001)"),
        "{line}"
    );
}

#[test]
fn redact_hides_draft_text_in_every_format_and_still_blocks() {
    let ws = Workspace::new();
    ws.write("post.md", LEAK);
    for format in ["human", "json", "sarif", "github"] {
        let (code, out) = run(&ws, &["--redact", "--format", format, "post.md"]);
        assert_eq!(code, 1, "{format}");
        for secret in SECRETS {
            assert!(!out.contains(secret), "{format} shows {secret}: {out}");
        }
    }
}

#[test]
fn baseline_accepts_old_findings_and_blocks_new_ones() {
    let ws = Workspace::new();
    ws.write("post.md", LEAK);
    let (code, _) = run(
        &ws,
        &["--write-baseline", "lipzip-baseline.json", "post.md"],
    );
    assert_eq!(code, 0);
    let baseline = std::fs::read_to_string(ws.path("lipzip-baseline.json")).unwrap();
    for secret in SECRETS {
        assert!(!baseline.contains(secret), "baseline holds {secret}");
    }
    let (code, out) = run(
        &ws,
        &[
            "--baseline",
            "lipzip-baseline.json",
            "--format",
            "json",
            "post.md",
        ],
    );
    assert_eq!(code, 0, "{out}");
    let json: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json["summary"]["baselined"], 1);
    ws.write("post.md", &format!("{LEAK}Ian Gamble too!\n"));
    let (code, _) = run(&ws, &["--baseline", "lipzip-baseline.json", "post.md"]);
    assert_eq!(code, 1, "a new leak blocks");
}

#[test]
fn config_channels_include_exclude_and_fail_on() {
    let ws = Workspace::new();
    ws.write(
        "lipzip.yaml",
        "roster: roster.yaml\nchannels:\n  \"newsletters/**\": newsletter\ninclude: [\"site/**\", \"newsletters/**\"]\nexclude: [\"site/drafts-old/**\"]\nfail-on: warn\n",
    );
    ws.write("newsletters/nov.md", "José Núñez came in for a massage");
    ws.write("site/post.md", CLEAN);
    ws.write("site/drafts-old/x.md", LEAK);
    ws.write("other/y.md", LEAK);
    let out = ws
        .lipzip()
        .args(["check", "--today", "2026-11-22", "--format", "json", "."])
        .output()
        .unwrap();
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut got: Vec<(String, String)> = json["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["path"]
                    .as_str()
                    .unwrap()
                    .trim_start_matches("./")
                    .to_owned(),
                f["channel"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    got.sort();
    assert_eq!(
        got,
        [
            ("newsletters/nov.md".into(), "newsletter".into()),
            ("site/post.md".into(), "social".into())
        ]
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "the newsletter consent covers José"
    );
    ws.write(
        "site/post.md",
        "The whole town is cheering for Ian Gamble at the regatta",
    );
    let out = ws
        .lipzip()
        .args(["check", "--today", "2026-11-22", "site"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "fail-on: warn from the config");
    ws.write("lipzip.yaml", "roster: roster.yaml\nfail_on: warn\n");
    let out = ws.lipzip().args(["check", "site"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("lipzip.yaml:2"));
}

#[test]
fn inline_suppressions_need_a_rule_and_a_reason() {
    let ws = Workspace::new();
    ws.write(
        "post.md",
        "<!-- lipzip-ignore-next-line client-name: Mary Jones is the author of the book we reviewed -->\nMary Jones came in for a massage today!\n",
    );
    let (code, out) = run(&ws, &["--format", "json", "post.md"]);
    let json: Value = serde_json::from_str(&out).unwrap();
    assert_eq!((code, json["summary"]["suppressed"].as_u64()), (0, Some(1)));
    ws.write(
        "post.md",
        "<!-- lipzip-ignore-next-line -->\nMary Jones came in for a massage today!\n",
    );
    let (code, out) = run(&ws, &["--format", "json", "post.md"]);
    assert_eq!(code, 2);
    assert!(out.contains("needs a rule id and a reason"), "{out}");
}
