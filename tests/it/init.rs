//! `lipzip init`: a practice set up in one command, with no terminal (defaults, and it says
//! what it did), never overwriting a config or a roster unless asked.

use std::process::Command;

use crate::support::{Workspace, outcome};

fn git(ws: &Workspace, args: &[&str]) -> bool {
    Command::new("git")
        .current_dir(ws.dir.path().join("blog"))
        .args(args)
        .env("GIT_AUTHOR_NAME", "t")
        .env("GIT_AUTHOR_EMAIL", "t@example.org")
        .env("GIT_COMMITTER_NAME", "t")
        .env("GIT_COMMITTER_EMAIL", "t@example.org")
        .output()
        .unwrap()
        .status
        .success()
}

/// A workspace with a git repository in `blog/` and a home directory in `home/`.
fn repo() -> Workspace {
    let ws = Workspace::new();
    std::fs::create_dir_all(ws.path("blog")).unwrap();
    std::fs::create_dir_all(ws.path("home")).unwrap();
    for args in [
        &["init", "-q", "-b", "main"][..],
        &["config", "commit.gpgsign", "false"],
        &["config", "core.hooksPath", ".git/hooks"],
    ] {
        assert!(git(&ws, args));
    }
    ws
}

fn init(ws: &Workspace, args: &[&str]) -> (i32, String, String) {
    let out = ws
        .lipzip()
        .current_dir(ws.path("blog"))
        .env("HOME", ws.path("home"))
        .env_remove("XDG_DATA_HOME")
        .arg("init")
        .args(args)
        .output()
        .unwrap();
    outcome(&out)
}

fn lipzip_in_blog(ws: &Workspace, args: &[&str]) -> std::process::Output {
    ws.lipzip()
        .current_dir(ws.path("blog"))
        .env("HOME", ws.path("home"))
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn without_a_terminal_it_takes_the_defaults_and_says_so() {
    let ws = repo();
    let (code, out, err) = init(
        &ws,
        &[
            "--practice",
            "Willow Creek Massage",
            "--staff",
            "Dana Whitfield",
            "--place",
            "Maplewood",
        ],
    );
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        out.contains("no terminal (or --yes): using defaults"),
        "{out}"
    );
    let roster = ws.path("home/.local/share/lipzip/willow-creek-massage/roster.yaml");
    assert!(
        out.contains("created the roster ~/.local/share/lipzip/willow-creek-massage/roster.yaml"),
        "{out}"
    );
    assert!(out.contains("installed the pre-commit hook"), "{out}");
    let config = std::fs::read_to_string(ws.path("blog/lipzip.yaml")).unwrap();
    assert!(
        config.contains("roster: \"~/.local/share/lipzip/willow-creek-massage/roster.yaml\""),
        "{config}"
    );
    let hook = std::fs::read_to_string(ws.path("blog/.git/hooks/pre-commit")).unwrap();
    assert!(hook.contains("lipzip check --staged"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&roster), 0o600);
        assert_eq!(mode(roster.parent().unwrap()), 0o700);
    }
    let loaded =
        lipzip::Roster::from_yaml(&std::fs::read_to_string(&roster).unwrap(), "r").unwrap();
    assert_eq!(loaded.practice.name, "Willow Creek Massage");
    assert_eq!(loaded.practice.staff, ["Dana Whitfield"]);
    assert_eq!(loaded.practice.places, ["Maplewood"]);
    assert_eq!(loaded.clients.len(), 1);
    // The repository holds no roster and nothing to ignore.
    assert!(!ws.path("blog/.gitignore").exists());

    // lipzip.yaml's `~/` path works for check and roster check.
    let out = lipzip_in_blog(&ws, &["roster", "check", "--today", "2026-11-22"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("warning[example-client] EXAMPLE id"));
    std::fs::write(
        ws.path("blog/post.md"),
        "Quinby Examplar came in for a massage.\n",
    )
    .unwrap();
    let out = lipzip_in_blog(&ws, &["check", "--today", "2026-11-22", "post.md"]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn it_never_overwrites_without_force() {
    let ws = repo();
    assert_eq!(init(&ws, &["--no-hook"]).0, 0);
    let roster = ws.path("home/.local/share/lipzip/blog/roster.yaml");
    std::fs::write(
        &roster,
        "version: 1\npractice: {name: Mine}\nclients:\n  - {id: A1, name: Thaddeus Okafor}\n",
    )
    .unwrap();
    std::fs::write(ws.path("blog/lipzip.yaml"), "roster: elsewhere.yaml\n").unwrap();

    let (code, out, err) = init(&ws, &[]);
    assert_eq!(code, 2, "{out}");
    assert!(
        err.contains("lipzip.yaml already exists: nothing changed"),
        "{err}"
    );
    assert_eq!(
        std::fs::read_to_string(ws.path("blog/lipzip.yaml")).unwrap(),
        "roster: elsewhere.yaml\n"
    );

    // --force replaces lipzip.yaml and the default roster, keeping the old one beside it.
    let (code, out, _) = init(&ws, &["--force", "--no-hook"]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("--force: kept the old roster as ~/.local/share/lipzip/blog/roster.yaml.bak"),
        "{out}"
    );
    assert!(out.contains("replaced lipzip.yaml"), "{out}");
    assert!(out.contains("skipped the pre-commit hook"), "{out}");
    assert!(
        std::fs::read_to_string(roster.with_extension("yaml.bak"))
            .unwrap()
            .contains("Mine")
    );
    assert!(!std::fs::read_to_string(&roster).unwrap().contains("Mine"));
    // Without --force, an existing default roster is used as it is.
    std::fs::remove_file(ws.path("blog/lipzip.yaml")).unwrap();
    let (code, out, _) = init(&ws, &["--no-hook"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("using the existing roster ~/.local/share/lipzip/blog/roster.yaml (1 client); it was not changed"), "{out}");
    assert!(!ws.path("blog/.git/hooks/pre-commit").exists());
}

#[test]
fn a_roster_inside_the_repository_is_ignored_by_git() {
    let ws = repo();
    let (code, out, err) = init(&ws, &["--roster", "private/roster.yaml", "--hook"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        out.contains("added /private/roster.yaml to .gitignore"),
        "{out}"
    );
    let config = std::fs::read_to_string(ws.path("blog/lipzip.yaml")).unwrap();
    assert!(
        config.contains("roster: \"private/roster.yaml\""),
        "{config}"
    );
    assert!(git(&ws, &["check-ignore", "-q", "private/roster.yaml"]));
    // A second init (forced) finds it ignored already and adds nothing.
    let (_, out, _) = init(&ws, &["--roster", "private/roster.yaml", "--force"]);
    assert!(out.contains("git already ignores it"), "{out}");
    let ignore = std::fs::read_to_string(ws.path("blog/.gitignore")).unwrap();
    assert_eq!(
        ignore.matches("/private/roster.yaml").count(),
        1,
        "{ignore}"
    );
}

#[test]
fn an_existing_roster_given_by_flag_is_used_and_a_broken_one_stops_it() {
    let ws = repo();
    ws.write("private/roster.yaml", crate::support::ROSTER);
    let (code, out, _) = init(
        &ws,
        &["--roster", "../private/roster.yaml", "--no-hook", "--force"],
    );
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("(7 clients); it was not changed"), "{out}");
    assert_eq!(
        std::fs::read_to_string(ws.path("private/roster.yaml")).unwrap(),
        crate::support::ROSTER
    );

    ws.write(
        "private/bad.yaml",
        "version: 1\npractice: {name: P}\nclients:\n  - id: A\n    nmae: Mary Jones\n",
    );
    std::fs::remove_file(ws.path("blog/lipzip.yaml")).unwrap();
    let (code, out, err) = init(&ws, &["--roster", "../private/bad.yaml"]);
    assert_eq!(code, 2, "{out}");
    assert!(
        err.contains("does not load") && err.contains("nothing was written"),
        "{err}"
    );
    assert!(!err.contains("Mary"), "{err}");
    assert!(!ws.path("blog/lipzip.yaml").exists());
}

#[test]
fn outside_git_it_skips_the_hook() {
    let ws = Workspace::new();
    std::fs::create_dir_all(ws.path("blog")).unwrap();
    std::fs::create_dir_all(ws.path("home")).unwrap();
    let (code, out, _) = init(&ws, &["--yes"]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("not a git repository: no pre-commit hook"),
        "{out}"
    );
    let roster = ws.path("home/.local/share/lipzip/blog/roster.yaml");
    let text = std::fs::read_to_string(&roster).unwrap();
    assert!(text.contains("name: \"Your Practice\""), "{text}");
}
