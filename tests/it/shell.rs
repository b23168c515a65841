//! `lipzip completions SHELL` and `lipzip man`: what a shell and `man` need, from the real
//! binary.

use crate::support::Workspace;

#[test]
fn completions_for_every_shell_name_the_commands_and_options() {
    let ws = Workspace::new();
    for (shell, marker) in [
        ("bash", "complete -F _lipzip"),
        ("zsh", "#compdef lipzip"),
        ("fish", "complete -c lipzip"),
        ("powershell", "Register-ArgumentCompleter"),
        ("elvish", "edit:completion:arg-completer[lipzip]"),
    ] {
        let out = ws.lipzip().args(["completions", shell]).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{shell}");
        let script = String::from_utf8(out.stdout).unwrap();
        assert!(script.contains(marker), "{shell}: no {marker}");
        for word in ["check", "fix", "dry-run", "completions"] {
            assert!(script.contains(word), "{shell}: no {word}");
        }
    }
    // The bash script is valid bash.
    let out = ws.lipzip().args(["completions", "bash"]).output().unwrap();
    let path = ws.write("lipzip.bash", &String::from_utf8(out.stdout).unwrap());
    let status = std::process::Command::new("bash")
        .arg("-n")
        .arg(path)
        .status()
        .unwrap();
    assert!(status.success());
    // An unknown shell is a clear error.
    let out = ws.lipzip().args(["completions", "cmd"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("possible values"));
}

#[test]
fn man_prints_the_page_or_writes_every_page() {
    let ws = Workspace::new();
    let out = ws.lipzip().arg("man").output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let page = String::from_utf8(out.stdout).unwrap();
    assert!(page.contains(".TH lipzip 1"), "{page}");
    assert!(page.contains("lipzip\\-check(1)"), "{page}");
    let out = ws
        .lipzip()
        .args(["man", "--dir", "man/man1"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let check = std::fs::read_to_string(ws.path("man/man1/lipzip-check.1")).unwrap();
    assert!(
        check.contains(".TH lipzip-check 1  \"lipzip 0.1.0\""),
        "{check}"
    );
    assert!(check.contains("Exit codes"), "{check}");
    assert!(check.contains("\\-\\-fix"), "{check}");
    assert!(ws.path("man/man1/lipzip.1").exists());
    // A folder that cannot be written is an error that says what to do.
    ws.write("file", "");
    let out = ws
        .lipzip()
        .args(["man", "--dir", "file/man1"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("help: choose a folder"));
}
