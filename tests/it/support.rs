//! Fixtures: a small roster and a temporary workspace to run `lipzip` in.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

/// A fictional roster used across the tests. Every string in it is roster data that must
/// never reach output unless the draft itself contains it.
pub const ROSTER: &str = r#"version: 1
practice:
  name: Willow Creek Massage
  staff: [Dana Whitfield]
  population: 8000
  places: [Maplewood, Elm Street]
clients:
  - id: C001
    name: Mary Jones
    aliases: ["@maryj", "Mrs. Jones"]
    attributes:
      occupation: realtor
      age: 85
      traits: [purple hair, drives a Porsche]
  - id: C002
    name: José Núñez
    aliases: [Pepe]
    consent:
      - id: K-002
        scope: [status, name]
        channels: [newsletter]
        granted: 2026-01-10
        expires: 2027-01-10
        evidence: consent/C002.pdf
  - id: C003
    name: Ian Gamble
    consent:
      - id: K-003-expired
        scope: [status, name]
        channels: [any]
        granted: 2025-01-01
        expires: 2025-12-31
        evidence: consent/C003.pdf
  - id: C004
    name: Saoirse Ní Bhriain
    consent:
      - id: K-004-revoked
        scope: [status, name]
        channels: [social]
        granted: 2026-01-01
        revoked: 2026-06-01
        evidence: consent/C004.pdf
  - id: C005
    name: Thaddeus Okafor
    consent:
      - id: K-005-noevidence
        scope: [status, name]
        channels: [social]
        granted: 2026-01-01
  - id: C006
    name: Gus Petrakis
    consent:
      - id: K-006
        scope: [status, name]
        channels: [raffle]
        granted: 2026-01-01
        evidence: consent/C006.pdf
  - id: C007
    name: Mark Lindqvist
"#;

/// Every roster string that identifies a client, for the no-leak checks.
pub const SECRETS: &[&str] = &[
    "Mary",
    "Jones",
    "maryj",
    "José",
    "Jose",
    "Núñez",
    "Nunez",
    "Pepe",
    "Ian Gamble",
    "Gamble",
    "Saoirse",
    "Bhriain",
    "Thaddeus",
    "Okafor",
    "realtor",
    "Porsche",
    "purple",
    "consent/C00",
];

/// A temporary directory with the roster in it.
pub struct Workspace {
    pub dir: tempfile::TempDir,
}

impl Workspace {
    pub fn new() -> Self {
        let ws = Workspace {
            dir: tempfile::tempdir().expect("temp dir"),
        };
        ws.write("roster.yaml", ROSTER);
        ws
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    pub fn write(&self, rel: &str, text: &str) -> PathBuf {
        let p = self.path(rel);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).expect("mkdir");
        }
        std::fs::write(&p, text).expect("write");
        p
    }

    /// `lipzip` run in the workspace, with no roster from the environment.
    pub fn lipzip(&self) -> Command {
        let mut cmd = Command::cargo_bin("lipzip").expect("binary");
        cmd.current_dir(self.dir.path())
            .env_remove("LIPZIP_ROSTER")
            .env_remove("NO_COLOR")
            .env_remove("LIPZIP_NO_CACHE")
            .env("LIPZIP_CACHE_DIR", self.dir.path().join(".cache"));
        cmd
    }

    /// `lipzip check --roster roster.yaml --today 2026-11-22`, for the caller's arguments.
    pub fn check(&self) -> Command {
        let mut cmd = self.lipzip();
        cmd.args(["check", "--roster", "roster.yaml", "--today", "2026-11-22"]);
        cmd
    }

    /// `lipzip check --roster roster.yaml --today 2026-11-22 --format json ARGS`.
    pub fn check_json(&self, args: &[&str]) -> (i32, Value) {
        let out = self
            .check()
            .args(["--format", "json"])
            .args(args)
            .output()
            .expect("run");
        let json: Value = serde_json::from_slice(&out.stdout)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&out.stdout)));
        (out.status.code().expect("exit code"), json)
    }
}

/// `(rule, client, text)` of each finding of the first file.
pub fn findings(json: &Value) -> Vec<(String, String, String)> {
    json["files"][0]["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap_or_default().to_owned(),
                f["client"].as_str().unwrap_or_default().to_owned(),
                f["text"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect()
}

/// `(exit code, stdout, stderr)` of a finished run.
pub fn outcome(out: &std::process::Output) -> (i32, String, String) {
    (
        out.status.code().expect("exit code"),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

pub fn verdict(json: &Value, i: usize) -> &str {
    json["files"][i]["verdict"].as_str().expect("verdict")
}

pub fn repo_root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}
