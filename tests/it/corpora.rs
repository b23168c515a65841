//! The labelled corpora in `corpora/`: verdicts and client ids must match `expected.yaml`
//! exactly for every corpus listed in `EXACT`, so a regression fails by draft name. The other
//! corpora are measured against floors by `.ci/ratchet.py` (they hold cases the engine is
//! still learning).

use std::collections::BTreeSet;

use serde_json::Value;

use crate::support::repo_root;

const EXACT: &[&str] = &["example"];

#[test]
fn exact_corpora_match_their_labels() {
    for corpus in EXACT {
        let dir = repo_root().join("corpora").join(corpus);
        let expected: Value =
            serde_json::from_str(&std::fs::read_to_string(dir.join("expected.json")).unwrap())
                .unwrap();
        let out = assert_cmd::Command::cargo_bin("lipzip")
            .unwrap()
            .args([
                "check",
                "--format",
                "json",
                "--today",
                "2026-11-22",
                "--roster",
            ])
            .arg(dir.join("roster.yaml"))
            .arg(dir.join("drafts"))
            .output()
            .unwrap();
        let report: Value = serde_json::from_slice(&out.stdout).unwrap();
        let mut wrong = Vec::new();
        for file in report["files"].as_array().unwrap() {
            let path = file["path"].as_str().unwrap();
            let name = path.rsplit(['/', '\\']).next().unwrap();
            let want = &expected["drafts"][name];
            let got_clients: BTreeSet<&str> = file["findings"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|f| f["allowed_by"].is_null() && f["severity"] != "info")
                .filter_map(|f| f["client"].as_str())
                .collect();
            let want_clients: BTreeSet<&str> = want["clients"]
                .as_array()
                .unwrap()
                .iter()
                .filter_map(Value::as_str)
                .collect();
            if file["verdict"] != want["verdict"] || got_clients != want_clients {
                wrong.push(format!(
                    "{corpus}/{name}: expected {} {want_clients:?}, got {} {got_clients:?}",
                    want["verdict"], file["verdict"]
                ));
            }
        }
        let n = report["files"].as_array().unwrap().len();
        assert_eq!(
            n,
            expected["drafts"].as_object().unwrap().len(),
            "{corpus}: draft count"
        );
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }
}
