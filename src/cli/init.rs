//! `lipzip init`: set a practice up in one command.
//!
//! Writes `lipzip.yaml` in the current directory, creates a commented starter roster outside
//! the repository (or points at an existing one, `--roster PATH`), adds the roster to
//! `.gitignore` if it sits inside the repository anyway, and installs the pre-commit hook. At
//! a terminal it asks for the practice's name, the practitioner's name, the town and its
//! population, and whether to install the hook; with no terminal (or `--yes`) it takes the
//! defaults and says what it did, like `cargo init`.
//!
//! It never overwrites: an existing `lipzip.yaml` stops it (`--force` replaces it), and an
//! existing roster is used as it is (`--force` replaces the default one, keeping the old file
//! as a `.bak` beside it). The roster it creates is owner-only (0600) in an owner-only
//! directory.

use std::fmt::Write as _;
use std::io::{BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};

use super::InitArgs;
use crate::lint::{EXAMPLE_CLIENT, PLACEHOLDER_PRACTICE};

/// The practice, as the starter roster records it.
#[derive(Clone, Debug, Default)]
pub(crate) struct Practice {
    pub(crate) name: String,
    pub(crate) staff: Vec<String>,
    pub(crate) population: Option<u64>,
    pub(crate) places: Vec<String>,
}

fn flow(values: &[String]) -> String {
    let items: Vec<String> = values
        .iter()
        .map(|v| super::roster_edit::quote(v))
        .collect();
    format!("[{}]", items.join(", "))
}

/// A valid, commented starter roster; with `example`, one example client showing every field.
pub(crate) fn starter_roster(p: &Practice, example: bool) -> String {
    let mut s = String::new();
    let _ = write!(
        s,
        "\
# lipzip client roster. PRIVATE: keep it out of every repository and never share it.
# lipzip reads it to find your clients in drafts; its reports name a client only by `id`.
# The format is in lipzip's README (\"The roster format\"); `lipzip roster check` checks it.
version: 1
practice:
  name: {name}   # your business: never a client finding
  staff: {staff}   # you and your staff: never client findings
  population: {population}   # people in the area you serve (a rough guess is fine)
  places: {places}   # your town, streets, landmarks: never client findings
clients:
  # One entry per client. Add them by hand, or import your booking system's client list:
  #   lipzip roster import clients.csv
",
        name = super::roster_edit::quote(if p.name.is_empty() {
            PLACEHOLDER_PRACTICE
        } else {
            &p.name
        }),
        staff = flow(&p.staff),
        population = p.population.unwrap_or(10_000),
        places = flow(&p.places),
    );
    if example {
        s.push_str(&EXAMPLE.replace("{EXAMPLE_CLIENT}", EXAMPLE_CLIENT));
    }
    s
}

/// The starter roster's example client.
const EXAMPLE: &str = r#"  # The example below shows every field; `lipzip roster check` reminds you to delete it once
  # your own clients are in.
  - id: {EXAMPLE_CLIENT}   # opaque and unique: the only thing reports print about a client
    name: "Quinby Examplar"   # the full name, as people write it
    aliases: ["Quin", "@quinby.examplar"]   # nicknames, @handles, "Mrs. Surname"
    emails: ["quinby@example.invalid"]   # found whole, in any case
    phones: ["(555) 555-0100"]   # found on their digits, in any format
    public_figure: false   # true for a mayor, an athlete, a presenter ...
    attributes:   # what could identify them without their name (all optional)
      occupation: librarian
      age: 61
      traits: ["red tandem bicycle"]
      affiliations: ["Harbour Choir"]
    consent:   # written consent to be posted about; none means none
      - id: K-EXAMPLE-1   # unique across the roster
        scope: [status, name]   # status | name | story | photo | health
        channels: [newsletter]   # social | newsletter | raffle | blog | email | any
        granted: 2026-01-15
        expires: 2027-01-14   # optional: the last valid day
        evidence: consent/EXAMPLE-2026-01-15.pdf   # the signed form; without it, no consent
"#;

/// The starter `lipzip.yaml`.
fn config_text(roster: &str) -> String {
    format!(
        "\
# lipzip settings (see \"lipzip.yaml\" in lipzip's README). This file can be committed: it
# holds no client data. The roster itself stays outside the repository.
roster: {roster}
# channels:                       # the channel of drafts by path (else front matter, else social)
#   \"newsletters/**\": newsletter
#   \"blog/**\": blog
# include: [\"content/**\"]         # only check these
# exclude: [\"content/archive/**\"] # never check these
# fail-on: warn                   # exit 1 on a warn too (default: block)
",
        roster = super::roster_edit::quote(roster)
    )
}

/// Lower-case letters and digits joined by hyphens: a directory name for the practice.
fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in crate::normalize::normalize(s).chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-').to_owned();
    if out.is_empty() {
        "practice".into()
    } else {
        out
    }
}

fn home() -> Option<PathBuf> {
    std::env::var_os("HOME")
        .filter(|h| !h.is_empty())
        .map(PathBuf::from)
}

/// Where rosters live by default: `$XDG_DATA_HOME/lipzip`, else `~/.local/share/lipzip`.
fn data_dir() -> Option<PathBuf> {
    std::env::var_os("XDG_DATA_HOME")
        .filter(|d| !d.is_empty())
        .map(|d| PathBuf::from(d).join("lipzip"))
        .or_else(|| home().map(|h| h.join(".local").join("share").join("lipzip")))
}

fn absolute(p: &Path) -> PathBuf {
    if p.is_absolute() {
        p.to_owned()
    } else {
        std::env::current_dir().map_or_else(|_| p.to_owned(), |d| d.join(p))
    }
}

/// `path` with its existing ancestors resolved (symlinks, `..`), for comparing locations.
fn resolved(path: &Path) -> PathBuf {
    let mut tail = Vec::new();
    let mut cur = absolute(path);
    loop {
        if let Ok(c) = cur.canonicalize() {
            return tail
                .into_iter()
                .rev()
                .fold(c, |acc: PathBuf, t| acc.join(t));
        }
        match (cur.parent(), cur.file_name()) {
            (Some(parent), Some(name)) => {
                tail.push(name.to_owned());
                cur = parent.to_owned();
            }
            _ => return absolute(path),
        }
    }
}

/// How lipzip.yaml should name the roster: relative inside the repository, `~/...` under the
/// home directory, else absolute.
fn config_path_of(roster: &Path, config_dir: &Path, root: &Path) -> String {
    let r = resolved(roster);
    if let Ok(rel) = r.strip_prefix(resolved(root)) {
        if let Ok(from_config) = r.strip_prefix(resolved(config_dir)) {
            return from_config.display().to_string();
        }
        // Inside the repository but not under the config's directory.
        let depth = resolved(config_dir)
            .strip_prefix(resolved(root))
            .map_or(0, |d| d.components().count());
        let up = "../".repeat(depth);
        return format!("{up}{}", rel.display());
    }
    if let Some(h) = home()
        && let Ok(rel) = r.strip_prefix(resolved(&h))
    {
        return format!("~/{}", rel.display());
    }
    r.display().to_string()
}

struct Session {
    interactive: bool,
    out: String,
}

impl Session {
    fn say(&mut self, line: &str) {
        self.out.push_str(line);
        self.out.push('\n');
    }

    /// Asks at a terminal; returns the default otherwise or on an empty answer.
    fn ask(&mut self, question: &str, default: &str) -> String {
        if !self.interactive {
            return default.to_owned();
        }
        let mut err = std::io::stderr().lock();
        let shown = if default.is_empty() {
            String::new()
        } else {
            format!(" [{default}]")
        };
        let _ = write!(err, "{question}{shown}: ");
        let _ = err.flush();
        let mut line = String::new();
        if std::io::stdin().lock().read_line(&mut line).is_err() {
            return default.to_owned();
        }
        let answer = line.trim();
        if answer.is_empty() {
            default.to_owned()
        } else {
            answer.to_owned()
        }
    }
}

/// Runs `init`; returns the exit code.
pub(crate) fn run(args: &InitArgs) -> u8 {
    let interactive = !args.yes && std::io::stdin().is_terminal();
    let mut session = Session {
        interactive,
        out: String::new(),
    };
    let code = match init(args, &mut session) {
        Ok(()) => 0,
        Err(msg) => {
            let _ = writeln!(std::io::stderr().lock(), "error: {msg}");
            2
        }
    };
    super::print_stdout(&session.out);
    code
}

fn init(args: &InitArgs, s: &mut Session) -> Result<(), String> {
    let cwd =
        std::env::current_dir().map_err(|e| format!("cannot read the current directory: {e}"))?;
    let config = cwd.join(super::config::FILE_NAME);
    if config.exists() && !args.force {
        return Err(format!(
            "{} already exists: nothing changed (edit it, or replace it with `lipzip init --force`)",
            super::config::FILE_NAME
        ));
    }
    let git_root = super::git::toplevel().ok();
    let root = git_root.clone().unwrap_or_else(|| cwd.clone());
    if !s.interactive {
        s.say("no terminal (or --yes): using defaults; see `lipzip init --help` for the flags");
    }

    // The practice.
    let name = match &args.practice {
        Some(n) => n.clone(),
        None => s.ask("Practice name", PLACEHOLDER_PRACTICE),
    };
    let mut staff = args.staff.clone();
    if staff.is_empty() {
        let me = s.ask(
            "Your name (and staff, comma-separated; never client findings)",
            "",
        );
        staff.extend(
            me.split(',')
                .map(str::trim)
                .filter(|x| !x.is_empty())
                .map(str::to_owned),
        );
    }
    let mut places = args.place.clone();
    if places.is_empty() {
        let town = s.ask("Your town or neighbourhood", "");
        places.extend(
            town.split(',')
                .map(str::trim)
                .filter(|x| !x.is_empty())
                .map(str::to_owned),
        );
    }
    let population = match args.population {
        Some(p) => Some(p),
        None => {
            let p = s.ask("About how many people live in the area you serve", "10000");
            Some(
                p.replace([',', '_', ' '], "")
                    .parse()
                    .map_err(|_| "the population must be a whole number, like 8000".to_owned())?,
            )
        }
    };
    let practice = Practice {
        name: name.clone(),
        staff,
        population,
        places,
    };

    // The roster.
    let (roster, given) = match &args.roster {
        Some(p) => (absolute(p), true),
        None => {
            let base = if name == PLACEHOLDER_PRACTICE {
                root.file_name().map_or_else(
                    || "practice".to_owned(),
                    |n| n.to_string_lossy().into_owned(),
                )
            } else {
                name.clone()
            };
            let dir = data_dir().ok_or(
                "no home directory to keep the roster in: give one with --roster PATH (outside \
                 the repository)",
            )?;
            (dir.join(slug(&base)).join("roster.yaml"), false)
        }
    };
    let shown = config_path_of(&roster, &cwd, &root);
    if roster.exists() && (given || !args.force) {
        let text = std::fs::read_to_string(&roster)
            .map_err(|e| format!("cannot read the roster {}: {e}", roster.display()))?;
        let loaded =
            crate::Roster::from_yaml(&text, &roster.display().to_string()).map_err(|e| {
                format!(
                    "the roster {} does not load: {e}. Fix it (`lipzip roster check --roster {}` \
                 points at the line), then run `lipzip init` again; nothing was written",
                    roster.display(),
                    roster.display()
                )
            })?;
        s.say(&format!(
            "using the existing roster {shown} ({} client{}); it was not changed",
            loaded.clients.len(),
            if loaded.clients.len() == 1 { "" } else { "s" }
        ));
    } else {
        if roster.exists() {
            let backup = backup_name(&roster);
            std::fs::rename(&roster, &backup)
                .map_err(|e| format!("cannot keep the old roster as {}: {e}", backup.display()))?;
            s.say(&format!(
                "--force: kept the old roster as {}",
                config_path_of(&backup, &cwd, &root)
            ));
        }
        if let Some(parent) = roster.parent() {
            private_dirs(parent).map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
        }
        let text = starter_roster(&practice, true);
        super::write_private(&roster, text.as_bytes())
            .map_err(|e| format!("cannot write the roster {}: {e}", roster.display()))?;
        s.say(&format!(
            "created the roster {shown} (owner-only), with one example client to show the fields"
        ));
    }

    // Inside the repository? Then git must ignore it.
    if resolved(&roster).starts_with(resolved(&root)) {
        ignore_in_git(&roster, &root, git_root.is_some(), s)?;
    }

    let existed = config.exists();
    super::atomic_write(&config, config_text(&shown).as_bytes())
        .map_err(|e| format!("cannot write {}: {e}", config.display()))?;
    s.say(&format!(
        "{} {} (roster: {shown})",
        if existed { "replaced" } else { "created" },
        super::config::FILE_NAME
    ));

    // The hook.
    if git_root.is_some() {
        let want = if args.no_hook {
            false
        } else if args.hook || !s.interactive {
            true
        } else {
            let a = s.ask(
                "Install the git pre-commit hook (checks drafts on every commit)? [Y/n]",
                "y",
            );
            !a.to_lowercase().starts_with('n')
        };
        if want {
            match super::git::install(false) {
                Ok(p) => s.say(&format!("installed the pre-commit hook {}", p.display())),
                Err(why) => s.say(&format!("did not install the pre-commit hook: {why}")),
            }
        } else {
            s.say("skipped the pre-commit hook (install it later with `lipzip hook install`)");
        }
    } else {
        s.say("not a git repository: no pre-commit hook (run `lipzip hook install` in one)");
    }

    s.say("");
    s.say("next:");
    s.say(&format!("  1. edit the roster: {shown}"));
    s.say("  2. lipzip roster import clients.csv   # your booking system's client export");
    s.say("  3. lipzip roster check");
    s.say("  4. lipzip check drafts/");
    Ok(())
}

/// `roster.yaml.bak`, or `.bak.2`, `.bak.3` ... whichever is free.
fn backup_name(path: &Path) -> PathBuf {
    let base = path.as_os_str().to_owned();
    (1..)
        .map(|n| {
            let mut b = base.clone();
            b.push(if n == 1 {
                ".bak".to_owned()
            } else {
                format!(".bak.{n}")
            });
            PathBuf::from(b)
        })
        .find(|p| !p.exists())
        .unwrap_or_else(|| path.with_extension("bak"))
}

/// Creates `dir` and its missing parents owner-only.
pub(crate) fn private_dirs(dir: &Path) -> std::io::Result<()> {
    let mut b = std::fs::DirBuilder::new();
    b.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut b, 0o700);
    b.create(dir)
}

/// Makes git ignore the roster: nothing if it already does, else a line in the repository's
/// `.gitignore`. Warns when the roster is already tracked.
fn ignore_in_git(roster: &Path, root: &Path, is_git: bool, s: &mut Session) -> Result<(), String> {
    let rel = resolved(roster)
        .strip_prefix(resolved(root))
        .map(Path::to_path_buf)
        .unwrap_or_default();
    let rel = rel.to_string_lossy().replace('\\', "/");
    let git = |args: &[&str]| {
        std::process::Command::new("git")
            .current_dir(root)
            .args(args)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .status()
            .is_ok_and(|st| st.success())
    };
    if is_git && git(&["check-ignore", "-q", "--no-index", "--", &rel]) {
        s.say(&format!(
            "the roster is inside the repository and git already ignores it ({rel})"
        ));
    } else {
        let path = root.join(".gitignore");
        let mut text = std::fs::read_to_string(&path).unwrap_or_default();
        if !text.is_empty() && !text.ends_with('\n') {
            text.push('\n');
        }
        let _ = writeln!(text, "# lipzip: the client roster is private\n/{rel}");
        super::atomic_write(&path, text.as_bytes())
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        s.say(&format!(
            "the roster is inside the repository: added /{rel} to .gitignore"
        ));
    }
    if is_git && git(&["ls-files", "--error-unmatch", "--", &rel]) {
        s.say(&format!(
            "WARNING: git already tracks the roster: run `git rm --cached {rel}` and commit, and \
             treat its history as exposed"
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn starters_load() {
        let p = Practice {
            name: "Willow \"Creek\" Massage".into(),
            staff: vec!["Dana Whitfield".into()],
            population: Some(8000),
            places: vec!["Maplewood".into()],
        };
        for example in [true, false] {
            let r = crate::Roster::from_yaml(&starter_roster(&p, example), "s").unwrap();
            assert_eq!(r.practice.name, "Willow \"Creek\" Massage");
            assert_eq!(r.practice.population, Some(8000));
            assert_eq!(r.clients.len(), usize::from(example));
        }
        let r = crate::Roster::from_yaml(&starter_roster(&Practice::default(), true), "s").unwrap();
        assert_eq!(r.practice.name, PLACEHOLDER_PRACTICE);
        assert_eq!(r.clients[0].emails.len(), 1);
        assert_eq!(r.clients[0].consent.len(), 1);
    }

    #[test]
    fn slugs() {
        assert_eq!(
            slug("Willow Creek Massage & Spa"),
            "willow-creek-massage-spa"
        );
        assert_eq!(slug("Café Zoë"), "cafe-zoe");
        assert_eq!(slug("!!!"), "practice");
    }
}
