//! `lipzip roster import`: client exports in the shapes Square, Vagaro, Mindbody, Jane, Fresha
//! and Excel write them (tests/fixtures/import/README.md cites where each shape comes from),
//! merged into a roster without losing a line of it, with stable ids, owner-only, and never a
//! name, address or number on the terminal.

use crate::support::{Workspace, outcome, repo_root};

fn fixture(name: &str) -> String {
    repo_root()
        .join("tests/fixtures/import")
        .join(name)
        .display()
        .to_string()
}

/// Every name, address and number in the fixtures: none may reach the output.
const FIXTURE_SECRETS: &[&str] = &[
    "Marisol",
    "Featherstone",
    "Okonkwo",
    "Lindqvist",
    "Zoë",
    "Bartholomew",
    "Quill",
    "Wren",
    "Aldous",
    "Ingrid",
    "Solveig",
    "Okafor",
    "Pemberton",
    "Saoirse",
    "Bhriain",
    "Sorcha",
    "André",
    "Lefèvre",
    "Priya",
    "Raman",
    "Tomasz",
    "Wiśniewski",
    "Maryse",
    "Renée",
    "Kwame",
    "Ashby",
    "Gamble",
    "example.",
    "555",
    "7700",
    "@",
];

fn import(ws: &Workspace, args: &[&str]) -> (i32, String, String) {
    let out = ws
        .lipzip()
        .args(["roster", "import"])
        .args(args)
        .output()
        .unwrap();
    let (code, stdout, stderr) = outcome(&out);
    for s in FIXTURE_SECRETS {
        assert!(
            !stdout.contains(s) && !stderr.contains(s),
            "{s} leaked:\n{stdout}{stderr}"
        );
    }
    (code, stdout, stderr)
}

fn load(ws: &Workspace, rel: &str) -> lipzip::Roster {
    let text = std::fs::read_to_string(ws.path(rel)).unwrap();
    lipzip::Roster::from_yaml(&text, rel).unwrap()
}

#[test]
fn every_export_shape_imports() {
    // (file, clients added, exit code, a client: name, emails, phones, aliases)
    type Want = (
        &'static str,
        usize,
        i32,
        &'static str,
        &'static [&'static str],
        &'static [&'static str],
        &'static [&'static str],
    );
    let cases: &[Want] = &[
        (
            "square.csv",
            3,
            1,
            "Marisol Featherstone",
            &["marisol.f@example.com"],
            &["+1 (555) 201-0101"],
            &["Mari"],
        ),
        (
            "vagaro.csv",
            3,
            1,
            "Bartholomew Quill",
            &["bart.quill@example.net"],
            &["(555) 301-0201", "(555) 301-0299"],
            &[],
        ),
        (
            "mindbody.csv",
            3,
            0,
            "Thaddeus Okafor",
            &["thad.okafor@example.org"],
            &["555-401-0301", "555-401-0399"],
            &["Thad"],
        ),
        (
            "jane.csv",
            2,
            0,
            "Saoirse Ní Bhriain",
            &["saoirse.nb@example.ie"],
            &["+353 87 555 0401"],
            &["Sorcha"],
        ),
        (
            "fresha.csv",
            2,
            0,
            "Tomasz Wiśniewski",
            &[],
            &["07700 900602", "020 7946 0602"],
            &[],
        ),
        (
            "spreadsheet-excel.csv",
            2,
            0,
            "Maryse Renée",
            &["maryse.renee@example.fr"],
            &["06 12 34 56 07"],
            &[],
        ),
    ];
    for &(file, added, code, name, emails, phones, aliases) in cases {
        let ws = Workspace::new();
        let (got, out, err) = import(&ws, &[&fixture(file), "--output", "new.yaml"]);
        assert_eq!(got, code, "{file}: {out}{err}");
        assert!(
            out.contains(&format!("new.yaml: added {added}, updated 0, unchanged 0")),
            "{file}: {out}"
        );
        let roster = load(&ws, "new.yaml");
        assert_eq!(roster.clients.len(), added, "{file}");
        let c = roster
            .clients
            .iter()
            .find(|c| c.name == name)
            .unwrap_or_else(|| panic!("{file}: {name}"));
        assert_eq!(c.emails, emails, "{file}");
        assert_eq!(c.phones, phones, "{file}");
        assert_eq!(c.aliases, aliases, "{file}");
        let ids: Vec<&str> = roster.clients.iter().map(|c| c.id.as_str()).collect();
        let want: Vec<String> = (1..=added).map(|i| format!("C{i:03}")).collect();
        assert_eq!(ids, want, "{file}");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(ws.path("new.yaml"))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600, "{file}");
        }
    }
}

#[test]
fn problems_are_reported_by_row_number() {
    let ws = Workspace::new();
    let (code, out, _) = import(&ws, &[&fixture("square.csv"), "-o", "r.yaml"]);
    assert_eq!(code, 1);
    assert!(out.contains("row 5: no name: skipped"), "{out}");
    assert!(out.contains("skipped 1"), "{out}");
    assert!(out.contains("UTF-8 with a byte-order mark"), "{out}");
    assert!(out.contains("\"Email Address\" → email"), "{out}");

    let (_, out, _) = import(&ws, &[&fixture("vagaro.csv"), "-o", "v.yaml"]);
    assert!(out.contains("header on line 4"), "{out}");
    assert!(
        out.contains("row 7: a phone is not a phone number"),
        "{out}"
    );

    let (code, out, _) = import(&ws, &[&fixture("mindbody.csv"), "-o", "m.yaml"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("row 6: has the name of a client but another email and phone"),
        "{out}"
    );
    assert_eq!(load(&ws, "m.yaml").clients.len(), 3);
}

const HAND_WRITTEN: &str = "\
# Our clients. Private!
version: 1
practice:
  name: Willow Creek Massage
  staff: [Dana Whitfield]
clients:
  - id: P007   # the first client, 2019
    name: Marisol Featherstone
    aliases: [\"Mrs. Featherstone\"]   # what the regulars call her
    attributes:
      occupation: realtor
      traits: [purple hair]
    consent:
      - id: K-7
        scope: [status, name]
        channels: [newsletter]
        granted: 2026-01-01
        evidence: consent/P007.pdf

  # Harold moved away in 2025 but may come back.
  - id: P012
    name: Zoë Lindqvist
    emails:
      - zoe.l@example.org
";

#[test]
fn merging_keeps_every_hand_written_line_and_ids_are_stable() {
    let ws = Workspace::new();
    ws.write("roster.yaml", HAND_WRITTEN);
    let (code, out, err) = import(&ws, &[&fixture("square.csv"), "--output", "roster.yaml"]);
    assert_eq!(code, 1, "{out}{err}");
    assert!(
        out.contains("roster.yaml: added 1, updated 1, unchanged 1, skipped 1"),
        "{out}"
    );
    let after = std::fs::read_to_string(ws.path("roster.yaml")).unwrap();
    // Every original line is still there, in order; the one list that grew keeps its comment.
    let grown = "    aliases: [\"Mrs. Featherstone\"]   # what the regulars call her";
    assert!(
        after.contains(
            "    aliases: [\"Mrs. Featherstone\", \"Mari\"]   # what the regulars call her\n"
        ),
        "{after}"
    );
    let mut rest = after.as_str();
    for line in HAND_WRITTEN.lines().filter(|l| *l != grown) {
        let at = rest
            .find(line)
            .unwrap_or_else(|| panic!("lost {line:?}:\n{after}"));
        rest = &rest[at + line.len()..];
    }
    let roster = load(&ws, "roster.yaml");
    let ids: Vec<&str> = roster.clients.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["P007", "P012", "P013"]);
    let marisol = &roster.clients[0];
    assert_eq!(marisol.consent.len(), 1);
    assert_eq!(marisol.attributes.occupation.as_deref(), Some("realtor"));
    assert_eq!(marisol.aliases, ["Mrs. Featherstone", "Mari"]);
    assert_eq!(marisol.emails, ["marisol.f@example.com"]);
    assert_eq!(roster.clients[1].emails, ["zoe.l@example.org"]);
    assert_eq!(roster.clients[2].name, "Thaddeus Okonkwo-Reyes");

    // The same export again changes nothing, byte for byte.
    let (_, out, _) = import(&ws, &[&fixture("square.csv"), "--output", "roster.yaml"]);
    assert!(out.contains("added 0, updated 0, unchanged 3"), "{out}");
    assert_eq!(
        std::fs::read_to_string(ws.path("roster.yaml")).unwrap(),
        after
    );

    // A later export with a new number and a second address: same client, same id, both
    // added (the address to the block list as a block item).
    ws.write(
        "later.csv",
        "First Name,Last Name,Email Address,Phone Number\nThaddeus,Okonkwo-Reyes,,555-201-0102\nZoë,Lindqvist,\"ZOE.L@example.org; zoe.work@example.org\",555-999-0000\n",
    );
    let (_, out, _) = import(
        &ws,
        &[ws.path("later.csv").to_str().unwrap(), "-o", "roster.yaml"],
    );
    assert!(out.contains("added 0, updated 1, unchanged 1"), "{out}");
    let text = std::fs::read_to_string(ws.path("roster.yaml")).unwrap();
    assert!(
        text.contains("      - zoe.l@example.org\n      - \"zoe.work@example.org\"\n"),
        "{text}"
    );
    let roster = load(&ws, "roster.yaml");
    assert_eq!(roster.clients[1].phones, ["555-999-0000"]);
    assert_eq!(
        roster.clients[1].emails,
        ["zoe.l@example.org", "zoe.work@example.org"]
    );
    assert_eq!(roster.clients.len(), 3);
}

#[test]
fn namesakes_are_told_apart_by_email_or_phone_and_never_guessed() {
    let ws = Workspace::new();
    let (_, _, _) = import(&ws, &[&fixture("mindbody.csv"), "-o", "r.yaml"]);
    let first = std::fs::read_to_string(ws.path("r.yaml")).unwrap();
    let (code, out, _) = import(&ws, &[&fixture("mindbody.csv"), "-o", "r.yaml"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("added 0, updated 0, unchanged 3"), "{out}");
    assert_eq!(std::fs::read_to_string(ws.path("r.yaml")).unwrap(), first);
    // A row with that name and nothing to tell the two apart is not guessed.
    ws.write("x.csv", "First Name,Last Name\nHarold,Pemberton\n");
    let (code, out, _) = import(&ws, &[ws.path("x.csv").to_str().unwrap(), "-o", "r.yaml"]);
    assert_eq!(code, 1);
    assert!(
        out.contains(
            "row 2: has the name of 2 clients and no email or phone that tells them apart: skipped"
        ),
        "{out}"
    );
}

#[test]
fn odd_headers_need_a_map() {
    let ws = Workspace::new();
    let (code, _, err) = import(&ws, &[&fixture("odd-headers.csv"), "-o", "r.yaml"]);
    assert_eq!(code, 2);
    assert!(err.contains("no header row with client names"), "{err}");
    assert!(err.contains("--map"), "{err}");
    assert!(!ws.path("r.yaml").exists());
    let (code, out, _) = import(
        &ws,
        &[
            &fixture("odd-headers.csv"),
            "-o",
            "r.yaml",
            "--map",
            "family=last-name",
            "--map",
            "GIVEN_NAMES=first-name",
            "--map",
            "Contact=email",
        ],
    );
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("row 3: an email is not a whole address"),
        "{out}"
    );
    let r = load(&ws, "r.yaml");
    assert_eq!(r.clients[0].name, "Will Ashby");
    assert_eq!(r.clients[0].emails, ["will.ashby@example.org"]);
    let (code, _, err) = import(
        &ws,
        &[
            &fixture("odd-headers.csv"),
            "-o",
            "r.yaml",
            "--map",
            "Family=last-name",
            "--map",
            "given names=first-name",
            "--map",
            "Surname=email",
        ],
    );
    assert_eq!(code, 2);
    assert!(
        err.contains("--map names a column the header row does not have"),
        "{err}"
    );
    let (code, _, err) = import(
        &ws,
        &[
            &fixture("odd-headers.csv"),
            "-o",
            "r.yaml",
            "--map",
            "Family=shoe-size",
        ],
    );
    assert_eq!(code, 2);
    assert!(err.contains("the field must be one of"), "{err}");
}

#[test]
fn a_broken_roster_is_never_written_over_and_dry_run_writes_nothing() {
    let ws = Workspace::new();
    ws.write(
        "bad.yaml",
        "version: 1\npractice: {name: P}\nclients:\n  - id: A\n    nmae: B\n",
    );
    let (code, _, err) = import(&ws, &[&fixture("jane.csv"), "-o", "bad.yaml"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("unknown field") && err.contains("nothing was written"),
        "{err}"
    );
    assert!(
        std::fs::read_to_string(ws.path("bad.yaml"))
            .unwrap()
            .contains("nmae")
    );

    let (code, out, _) = import(&ws, &[&fixture("jane.csv"), "-o", "dry.yaml", "--dry-run"]);
    assert_eq!(code, 0);
    assert!(out.contains("dry run, nothing written"), "{out}");
    assert!(!ws.path("dry.yaml").exists());

    // A flow-style client list cannot be edited line by line: refused, not rewritten.
    ws.write(
        "flow.yaml",
        "version: 1\npractice: {name: P}\nclients: [{id: A, name: Saoirse Ní Bhriain}]\n",
    );
    let (code, _, err) = import(&ws, &[&fixture("jane.csv"), "-o", "flow.yaml"]);
    assert_eq!(code, 2);
    assert!(err.contains("nothing was written"), "{err}");
}

#[test]
fn the_roster_comes_from_lipzip_yaml_and_imported_contacts_are_found() {
    let ws = Workspace::new();
    ws.write("lipzip.yaml", "roster: private/roster.yaml\n");
    let (code, out, _) = import(
        &ws,
        &[&fixture("jane.csv"), "--practice", "Willow Creek Massage"],
    );
    assert_eq!(code, 0, "{out}");
    let r = load(&ws, "private/roster.yaml");
    assert_eq!(r.practice.name, "Willow Creek Massage");
    ws.write(
        "d.md",
        "Carpool to the retreat: text Sorcha on +353 87 555 0401!\n",
    );
    let out = ws
        .lipzip()
        .args(["check", "--format", "json", "--today", "2026-11-22", "d.md"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let rules: Vec<&str> = json["files"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    assert!(rules.contains(&"client-phone"), "{json:#}");
    assert_eq!(json["files"][0]["verdict"], "block");
}
