//! The `lipzip` command line: argument parsing and dispatch. Each subcommand lives in its own
//! module and returns an [`ExitCode`]: 0 clean, 1 findings that fail the run, 2 an error.

mod cache;
mod check;
mod config;
mod fix;
mod git;
mod import;
mod init;
mod inputs;
mod roster_cmd;
mod roster_edit;
mod rules_cmd;

use std::path::PathBuf;
use std::process::ExitCode;

use std::io::Write;

use clap::{CommandFactory, Parser, Subcommand, ValueEnum};

/// Keeps practitioners from leaking their clients in what they publish.
#[derive(Parser, Debug)]
#[command(name = "lipzip", version, about, long_about = LONG_ABOUT)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Set up a practice: write lipzip.yaml, create a private starter roster outside the
    /// repository (or use yours), keep it out of git, and install the pre-commit hook.
    Init(InitArgs),
    /// Check drafts against the client roster: block, warn or pass for each.
    #[command(after_long_help = CHECK_HELP)]
    Check(CheckArgs),
    /// Check drafts and explain each finding: the evidence, how many people it fits, what it
    /// discloses, and what consent says (the same as `check --explain`).
    #[command(after_long_help = CHECK_HELP)]
    Explain(CheckArgs),
    /// List the rules or run their examples.
    Rules {
        #[command(subcommand)]
        command: RulesCommand,
    },
    /// Run the language server on stdin/stdout, for editors.
    #[cfg(feature = "lsp")]
    Lsp,
    /// Install or remove the git pre-commit hook that runs `lipzip check --staged`.
    Hook {
        #[command(subcommand)]
        command: HookCommand,
    },
    /// Print a shell completion script: bash, zsh, fish, powershell or elvish.
    #[command(after_long_help = COMPLETIONS_HELP)]
    Completions {
        /// The shell to complete in.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print lipzip's manual page (roff, for `man`), or write every page to a folder.
    #[command(after_long_help = MAN_HELP)]
    Man {
        /// Write lipzip.1 and one page per command (lipzip-check.1 …) into this folder
        /// instead of printing lipzip.1.
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
    },
    /// Check the client roster for problems, or import clients from a booking system's CSV.
    Roster {
        #[command(subcommand)]
        command: RosterCommand,
    },
}

#[derive(Subcommand, Debug)]
enum RosterCommand {
    /// Validate and lint the roster: consent that no longer counts, names lipzip cannot tell
    /// apart, attributes that cannot match. Exit 0 clean, 1 warnings, 2 a broken roster.
    Check(RosterCheckArgs),
    /// Import clients from a booking system's CSV export (Square, Vagaro, Mindbody, Jane,
    /// Fresha, a spreadsheet) into the roster, merging with the clients already there.
    Import(ImportArgs),
}

/// Arguments of `lipzip init`.
#[derive(clap::Args, Debug)]
pub struct InitArgs {
    /// The roster: an existing one to use as it is, or where to create the starter. Default:
    /// $XDG_DATA_HOME/lipzip/PRACTICE/roster.yaml (~/.local/share/lipzip/...).
    #[arg(long, value_name = "PATH")]
    pub roster: Option<PathBuf>,
    /// The practice's name (never a client finding).
    #[arg(long, value_name = "NAME")]
    pub practice: Option<String>,
    /// A practitioner or staff member (repeatable; never client findings).
    #[arg(long, value_name = "NAME")]
    pub staff: Vec<String>,
    /// A local place: town, street, landmark (repeatable; never client findings).
    #[arg(long, value_name = "NAME")]
    pub place: Vec<String>,
    /// People living in the area served (default 10000).
    #[arg(long, value_name = "N")]
    pub population: Option<u64>,
    /// Install the pre-commit hook without asking.
    #[arg(long, conflicts_with = "no_hook")]
    pub hook: bool,
    /// Do not install the pre-commit hook.
    #[arg(long)]
    pub no_hook: bool,
    /// Ask nothing: take the defaults (as with no terminal).
    #[arg(long, short = 'y')]
    pub yes: bool,
    /// Replace an existing lipzip.yaml, and the default roster (the old one is kept as .bak).
    /// A roster named with --roster is never replaced.
    #[arg(long)]
    pub force: bool,
}

/// Arguments of `lipzip roster import`.
#[derive(clap::Args, Debug)]
pub struct ImportArgs {
    /// The CSV file: a client export (comma, semicolon or tab separated).
    #[arg(value_name = "FILE.csv")]
    pub file: PathBuf,
    /// The roster to merge into (created if missing). Default: $LIPZIP_ROSTER, else `roster:`
    /// in lipzip.yaml.
    #[arg(long, short = 'o', value_name = "PATH")]
    pub output: Option<PathBuf>,
    /// Say what a column holds: COLUMN=FIELD, FIELD one of first-name, last-name, name, email,
    /// phone, nickname, ignore (repeatable).
    #[arg(long, value_name = "COLUMN=FIELD")]
    pub map: Vec<String>,
    /// The practice's name, for a roster created by this import.
    #[arg(long, value_name = "NAME")]
    pub practice: Option<String>,
    /// Report what would change without writing anything.
    #[arg(long)]
    pub dry_run: bool,
    /// The config file. Default: lipzip.yaml in the current directory or a parent.
    #[arg(long, value_name = "PATH")]
    pub config: Option<PathBuf>,
}

/// Arguments of `lipzip roster check`.
#[derive(clap::Args, Debug)]
pub struct RosterCheckArgs {
    /// The client roster (YAML). Else $LIPZIP_ROSTER, else `roster:` in lipzip.yaml.
    #[arg(long, env = "LIPZIP_ROSTER", value_name = "PATH")]
    pub roster: Option<PathBuf>,
    /// The config file. Default: lipzip.yaml in the current directory or a parent.
    #[arg(long, value_name = "PATH")]
    pub config: Option<PathBuf>,
    /// The day consent is judged on (YYYY-MM-DD). Default: today, local time.
    #[arg(long, value_name = "DATE")]
    pub today: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = RosterFormat::Human)]
    pub format: RosterFormat,
}

/// Output formats of `roster check`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum RosterFormat {
    /// One line per lint, then a summary.
    Human,
    /// A JSON document: `lints[]` with level, code, client id, field and message.
    Json,
}

const LONG_ABOUT: &str = "Keeps practitioners from leaking their clients in what they publish.

lipzip checks a draft (a post, a newsletter, a blog post, an email; text, Markdown or HTML) \
against the practice's private client roster and gives it a verdict: block, warn or pass. \
Start with:

  lipzip check --roster roster.yaml drafts/

and `lipzip check --fix` to replace the names it finds with \"a client\". \
`lipzip help check` lists every option and the exit codes.";

const COMPLETIONS_HELP: &str = "Install, for example:
  bash:  lipzip completions bash > ~/.local/share/bash-completion/completions/lipzip
  zsh:   lipzip completions zsh > ~/.zfunc/_lipzip   (with fpath+=~/.zfunc in ~/.zshrc, before compinit)
  fish:  lipzip completions fish > ~/.config/fish/completions/lipzip.fish
  PowerShell:  lipzip completions powershell >> $PROFILE
  elvish:  lipzip completions elvish >> ~/.config/elvish/rc.elv";

const MAN_HELP: &str = "Install, for example:
  lipzip man --dir ~/.local/share/man/man1
then `man lipzip` or `man lipzip-check`. Or read it once: lipzip man | man -l -";

/// Exit codes of `check` and `explain`, for `--help` and the manual page.
const CHECK_HELP: &str = "Exit codes:

  0: nothing fails.

  1: a draft blocks (or warns, with --fail-on warn).

  2: an error: a draft that cannot be read, a missing or broken roster, config or rule pack, \
or options that cannot go together.

With --fix the code is that of the drafts after fixing: 0 when everything that failed was \
fixed, 1 when something is left for you to rewrite. With --fix --dry-run nothing is written, \
so it is that of the drafts as they are.";

#[derive(Subcommand, Debug)]
enum HookCommand {
    /// Write the pre-commit hook (honours core.hooksPath).
    Install {
        /// Replace a pre-commit hook lipzip did not write.
        #[arg(long)]
        force: bool,
    },
    /// Remove the pre-commit hook lipzip wrote.
    Uninstall {
        /// Remove the pre-commit hook even if lipzip did not write it.
        #[arg(long)]
        force: bool,
    },
}

/// Arguments of `lipzip check`.
#[derive(clap::Args, Debug)]
pub struct CheckArgs {
    /// Drafts to check: files, directories (Markdown, text and HTML, recursively, honouring
    /// .gitignore) or `-` for standard input.
    #[arg(value_name = "PATH", required_unless_present = "staged")]
    pub paths: Vec<PathBuf>,
    /// Check what is staged for commit, read from the git index (for the pre-commit hook).
    #[arg(long, conflicts_with = "paths")]
    pub staged: bool,
    /// Replace the draft's matched text with a placeholder in every format (for public logs).
    #[arg(long)]
    pub redact: bool,
    /// Accept the findings whose fingerprints are in this baseline file; block only new ones.
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// Write the fingerprints of every current finding to FILE (and exit 0 unless an error).
    #[arg(long, value_name = "FILE")]
    pub write_baseline: Option<PathBuf>,
    /// The client roster (YAML). Else $LIPZIP_ROSTER, else `roster:` in lipzip.yaml.
    #[arg(long, env = "LIPZIP_ROSTER", value_name = "PATH")]
    pub roster: Option<PathBuf>,
    /// The config file. Default: lipzip.yaml in the current directory or a parent.
    #[arg(long, value_name = "PATH")]
    pub config: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Channel for drafts whose front matter names none.
    #[arg(long, value_enum, default_value_t = ChannelArg::Social)]
    pub channel: ChannelArg,
    /// The day consent is judged on (YYYY-MM-DD). Default: today, local time.
    #[arg(long, value_name = "DATE")]
    pub today: Option<String>,
    /// Exit 1 on this verdict or worse (default: `fail-on` in lipzip.yaml, else block).
    #[arg(long, value_enum)]
    pub fail_on: Option<FailOn>,
    /// Explain each finding in the human report.
    #[arg(long)]
    pub explain: bool,
    /// Rewrite each draft that fails: a client's name becomes "a client". What cannot be
    /// fixed safely (a description, a name in a link) is left and listed. Only drafts that
    /// change are written, each atomically; the report then shows what is left.
    #[arg(long, conflicts_with = "write_baseline")]
    pub fix: bool,
    /// With --fix: print the changes as a unified diff and write nothing.
    #[arg(long, requires = "fix")]
    pub dry_run: bool,
    /// Do not read or write the compiled-roster cache.
    #[arg(long, env = "LIPZIP_NO_CACHE", value_parser = clap::builder::BoolishValueParser::new(), default_value_t = false)]
    pub no_cache: bool,
}

/// Report formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// For people: each finding with its line underlined.
    Human,
    /// The versioned JSON report documented in the README.
    Json,
    /// SARIF 2.1.0, for code-scanning dashboards.
    Sarif,
    /// GitHub Actions annotations (`::error file=...`).
    Github,
}

/// Publication channels, as a flag.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ChannelArg {
    /// Social media.
    Social,
    /// Newsletter.
    Newsletter,
    /// Raffle announcement.
    Raffle,
    /// Blog.
    Blog,
    /// Email.
    Email,
}

impl From<ChannelArg> for crate::Channel {
    fn from(c: ChannelArg) -> Self {
        match c {
            ChannelArg::Social => crate::Channel::Social,
            ChannelArg::Newsletter => crate::Channel::Newsletter,
            ChannelArg::Raffle => crate::Channel::Raffle,
            ChannelArg::Blog => crate::Channel::Blog,
            ChannelArg::Email => crate::Channel::Email,
        }
    }
}

/// Which verdict fails the run.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    /// Only a block exits 1.
    Block,
    /// A warn exits 1 too.
    Warn,
}

#[derive(Subcommand, Debug)]
enum RulesCommand {
    /// Print every rule: id, severity, pack and message.
    List {
        /// The config file whose extra rule packs to include.
        #[arg(long, value_name = "PATH")]
        config: Option<PathBuf>,
    },
    /// Run every rule's inline examples; exit 1 if any fails.
    Test {
        /// The config file whose extra rule packs to include.
        #[arg(long, value_name = "PATH")]
        config: Option<PathBuf>,
    },
}

/// Runs the command line.
#[must_use]
pub fn run() -> ExitCode {
    quiet_panics();
    let cli = Cli::parse();
    // A panic is a bug, and an error: exit 2 like any other, after the hook's one line.
    let run = std::panic::AssertUnwindSafe(|| dispatch(cli));
    ExitCode::from(std::panic::catch_unwind(run).unwrap_or(2))
}

/// Panic messages can quote the text being worked on (slicing a string at a bad offset prints
/// the string), and that text may be the roster or a draft: a panic prints only where in
/// lipzip it happened, never its message.
fn quiet_panics() {
    std::panic::set_hook(Box::new(|info| {
        let place = info
            .location()
            .map_or_else(String::new, |l| format!(" at {}:{}", l.file(), l.line()));
        let _ = writeln!(
            std::io::stderr().lock(),
            "lipzip: internal error{place} (a bug: please report it with the command you ran; \
             its details are not printed, as they could quote the roster or a draft)"
        );
    }));
}

fn dispatch(cli: Cli) -> u8 {
    match cli.command {
        Command::Check(args) => check::run(&args),
        Command::Explain(mut args) => {
            args.explain = true;
            check::run(&args)
        }
        Command::Hook { command } => hook(command),
        Command::Completions { shell } => completions(shell),
        Command::Man { dir } => man(dir.as_deref()),
        Command::Init(args) => init::run(&args),
        Command::Roster { command } => match command {
            RosterCommand::Check(args) => roster_cmd::check(&args),
            RosterCommand::Import(args) => import::run(&args),
        },
        #[cfg(feature = "lsp")]
        Command::Lsp => crate::lsp::run_stdio(),
        Command::Rules { command } => match command {
            RulesCommand::List { config } => rules_cmd::list(config.as_deref()),
            RulesCommand::Test { config } => rules_cmd::test(config.as_deref()),
        },
    }
}

fn completions(shell: clap_complete::Shell) -> u8 {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "lipzip", &mut script);
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(&script);
    let _ = out.flush();
    0
}

fn man(dir: Option<&std::path::Path>) -> u8 {
    let mut cmd = Cli::command().disable_help_subcommand(true);
    cmd.build();
    let Some(dir) = dir else {
        let mut page = Vec::new();
        if man_page(cmd).render(&mut page).is_err() {
            return 2;
        }
        let mut out = std::io::stdout().lock();
        let _ = out.write_all(&page);
        let _ = out.flush();
        return 0;
    };
    match std::fs::create_dir_all(dir).and_then(|()| man_pages(&cmd, dir)) {
        Ok(()) => {
            let _ = writeln!(
                std::io::stderr().lock(),
                "wrote the manual pages to {}; read them with `man lipzip` (if that folder is \
                 on your MANPATH) or `man -l {}`",
                dir.display(),
                dir.join("lipzip.1").display()
            );
            0
        }
        Err(e) => {
            let _ = writeln!(
                std::io::stderr().lock(),
                "error: cannot write the manual pages to {}: {e}\n  help: choose a folder you can \
                 write to, e.g. --dir ~/.local/share/man/man1",
                dir.display()
            );
            2
        }
    }
}

/// The manual page of `cmd`, headed with lipzip's name and version.
fn man_page(cmd: clap::Command) -> clap_mangen::Man {
    clap_mangen::Man::new(cmd)
        .source(format!("lipzip {}", env!("CARGO_PKG_VERSION")))
        .manual("lipzip manual")
}

/// Writes the page of `cmd` and of each of its commands into `dir`.
fn man_pages(cmd: &clap::Command, dir: &std::path::Path) -> std::io::Result<()> {
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        man_pages(sub, dir)?;
    }
    man_page(cmd.clone()).generate_to(dir).map(|_| ())
}

fn hook(command: HookCommand) -> u8 {
    let result = match command {
        HookCommand::Install { force } => {
            git::install(force).map(|p| format!("installed the pre-commit hook: {}", p.display()))
        }
        HookCommand::Uninstall { force } => git::uninstall(force).map(|p| match p {
            Some(p) => format!("removed the pre-commit hook: {}", p.display()),
            None => "no pre-commit hook to remove".to_owned(),
        }),
    };
    let (code, line) = match result {
        Ok(msg) => (0, msg),
        Err(msg) => (2, format!("error: {msg}")),
    };
    let _ = writeln!(std::io::stderr().lock(), "{line}");
    code
}

/// Maps `f` over `items` on every available core, keeping the order. Small batches stay on
/// one thread, where spawning would cost more than it saves. An item whose `f` panicked is
/// `None`, so the caller can report it (and every other item) rather than lose them.
pub(crate) fn par_map<T: Send, R: Send>(
    items: Vec<T>,
    f: impl Fn(T) -> R + Sync,
) -> Vec<Option<R>> {
    let f = |item: T| std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| f(item))).ok();
    let threads = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    if threads <= 1 || items.len() < 32 {
        return items.into_iter().map(f).collect();
    }
    let n = items.len();
    let queue = std::sync::Mutex::new(items.into_iter().enumerate());
    let mut slots: Vec<Option<R>> = std::iter::repeat_with(|| None).take(n).collect();
    std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let next = queue.lock().ok().and_then(|mut q| q.next());
                        let Some((i, item)) = next else { break };
                        done.push((i, f(item)));
                    }
                    done
                })
            })
            .collect();
        for w in workers {
            if let Ok(done) = w.join() {
                for (i, r) in done {
                    slots[i] = r;
                }
            }
        }
    });
    slots
}

/// Writes `bytes` to `path` atomically: a temporary file in the same directory, then a rename,
/// so a reader never sees half a file and a crash leaves the old one. The file keeps its
/// permissions. The temporary file is created new (never through a file or link already at
/// its name, which could send the bytes elsewhere) and gets the permissions before the bytes.
pub(crate) fn atomic_write(path: &std::path::Path, bytes: &[u8]) -> std::io::Result<()> {
    replace_via_temp(path, bytes, false)
}

/// The one temp-and-rename writer behind [`atomic_write`] and [`replace_private`]: a new
/// temporary file beside `path` (`create_new`, so never through a planted file or link), made
/// private (0600) or given the old file's permissions before any byte is written, synced, then
/// renamed over `path` itself; removed again on any error.
fn replace_via_temp(path: &std::path::Path, bytes: &[u8], private: bool) -> std::io::Result<()> {
    use std::io::Write as _;
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(std::path::Path::new("."));
    let name = path
        .file_name()
        .map_or_else(|| "lipzip".into(), |n| n.to_string_lossy().into_owned());
    let tmp = dir.join(format!(".{name}.lipzip-{}.tmp", std::process::id()));
    let old = if private {
        None
    } else {
        std::fs::metadata(path)
            .ok()
            .filter(std::fs::Metadata::is_file)
    };
    let written = (|| {
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
            // Private, or: a new file gets the usual permissions (the umask applies); a
            // replacement is private until the old file's permissions are copied onto it.
            options.mode(match &old {
                _ if private => 0o600,
                Some(m) => m.permissions().mode() & 0o600,
                None => 0o666,
            });
        }
        let mut f = options.open(&tmp)?;
        if let Some(m) = &old {
            f.set_permissions(m.permissions())?;
        }
        f.write_all(bytes)?;
        f.sync_all()
    })();
    written
        .and_then(|()| std::fs::rename(&tmp, path))
        .inspect_err(|_| {
            let _ = std::fs::remove_file(&tmp);
        })
}

/// Largest draft read, in bytes (files, standard input, and documents in the editor).
pub(crate) const MAX_DRAFT_BYTES: u64 = inputs::MAX_BYTES;

/// Largest roster read: a 100,000-client roster is about 7 MB, so this is room for about
/// nine hundred thousand clients.
pub(crate) const MAX_ROSTER_BYTES: u64 = 64 * 1024 * 1024;
/// Largest config, rule pack or baseline read.
pub(crate) const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// Reads a roster, config, rule pack or baseline as UTF-8 text, refusing one over `limit`
/// bytes before reading it (a FIFO, such as `--roster <(gpg -d roster.yaml.gpg)`, is read up to
/// the limit). Errors quote nothing from the file.
pub(crate) fn read_text(
    path: &std::path::Path,
    kind: crate::error::FileKind,
    limit: u64,
) -> Result<String, crate::error::LoadError> {
    use std::io::Read;

    use crate::error::LoadError;
    let origin = path.display().to_string();
    let noun = match kind {
        crate::error::FileKind::Roster => "roster",
        crate::error::FileKind::Rules => "rule pack",
        crate::error::FileKind::Config => "file",
    };
    let too_large = || {
        LoadError::new(
            kind,
            &origin,
            format!(
                "larger than {} MiB, the limit for a {noun}: not read",
                limit / 1024 / 1024
            ),
        )
        .help(match kind {
            crate::error::FileKind::Roster => {
                "check that this is the roster (a 100,000-client roster is about 7 MB); lipzip \
                 does not read larger ones"
            }
            _ => "check that the path names the right file",
        })
    };
    let cannot = |e: std::io::Error| {
        LoadError::new(kind, &origin, format!("cannot read the {noun}: {e}"))
            .help("check the path, and that you may read the file")
    };
    let file = std::fs::File::open(path).map_err(cannot)?;
    if file
        .metadata()
        .is_ok_and(|m| m.is_file() && m.len() > limit)
    {
        return Err(too_large());
    }
    let mut bytes = Vec::new();
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(cannot)?;
    if bytes.len() as u64 > limit {
        return Err(too_large());
    }
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let mut err = LoadError::new(
            kind,
            &origin,
            format!("not UTF-8 text (an invalid byte at byte offset {at})"),
        )
        .help("save the file as UTF-8");
        err.line = Some(e.as_bytes()[..at].iter().filter(|&&b| b == b'\n').count() + 1);
        err.offset = Some(at);
        err
    })
}

/// Writes private bytes (a roster) to `path` atomically and owner-only (0600), whatever the
/// old file's mode: a temporary file created 0600 beside it, synced, then renamed over it. A
/// symlinked roster is written through the link, so the link stays.
pub(crate) fn write_private(path: &std::path::Path, bytes: &[u8]) -> std::io::Result<()> {
    let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
    replace_private(&path, bytes)
}

/// Writes private bytes to `path` atomically and owner-only: a temporary file created new
/// (never through a planted file or link) and 0600 beside it, synced, then renamed over
/// `path` itself (a link there is replaced, not followed).
pub(crate) fn replace_private(path: &std::path::Path, bytes: &[u8]) -> std::io::Result<()> {
    replace_via_temp(path, bytes, true)
}

/// Writes to stdout; a closed pipe is not an error.
pub(crate) fn print_stdout(text: &str) {
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes());
    let _ = out.flush();
}

/// Prints a diagnostic to stderr the way miette renders it, honouring `NO_COLOR` and whether
/// stderr is a terminal.
pub(crate) fn eprint_diagnostic(diag: &dyn miette::Diagnostic) {
    let mut out = String::new();
    let handler = miette::GraphicalReportHandler::new_themed(theme(std::io::stderr()));
    if handler.render_report(&mut out, diag).is_err() {
        out = diag.to_string();
    }
    let _ = std::io::Write::write_all(&mut std::io::stderr().lock(), out.as_bytes());
}

/// The miette theme for a stream: colour only on a terminal and without `NO_COLOR`.
pub(crate) fn theme(stream: impl std::io::IsTerminal) -> miette::GraphicalTheme {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    if stream.is_terminal() && !no_color {
        miette::GraphicalTheme::unicode()
    } else {
        miette::GraphicalTheme::unicode_nocolor()
    }
}

/// Loads the built-in rules plus the config's packs, minus the disabled ones.
pub(crate) fn load_rules(
    config: &config::Config,
) -> Result<crate::RuleSet, crate::error::LoadError> {
    use crate::error::{FileKind, LoadError};
    let mut set = crate::RuleSet::builtin()?;
    for path in &config.rules {
        let origin = path.display().to_string();
        let text = read_text(path, FileKind::Rules, MAX_FILE_BYTES)?;
        let rules = crate::rules::load_pack(&text, &origin).map_err(|e| e.with_source(text))?;
        set.add(rules);
    }
    for id in &config.disable {
        if !set.remove(id) {
            return Err(LoadError::new(
                FileKind::Config,
                config
                    .path
                    .as_ref()
                    .map_or_else(|| config::FILE_NAME.to_owned(), |p| p.display().to_string()),
                format!("`disable` names an unknown rule `{id}`"),
            )
            .help("`lipzip rules list` prints every rule id"));
        }
    }
    Ok(set)
}

/// How the draft at `path` is written, from its extension (none: plain text).
pub(crate) fn markup_of(path: Option<&std::path::Path>) -> crate::Markup {
    inputs::markup_of(path)
}

/// The config the language server uses.
pub(crate) type LspConfig = config::Config;

/// The config of a workspace: its `lipzip.yaml` (searched upward from the workspace folder),
/// with `LIPZIP_ROSTER` taking precedence for the roster, as on the command line.
pub(crate) fn lsp_config(
    root: Option<&std::path::Path>,
) -> Result<config::Config, crate::error::LoadError> {
    let mut c = match root.and_then(config::discover) {
        Some(p) => config::load(&p)?,
        None => config::Config::default(),
    };
    if let Some(env) = std::env::var_os("LIPZIP_ROSTER").filter(|v| !v.is_empty()) {
        c.roster = Some(PathBuf::from(env));
    }
    Ok(c)
}

impl config::Config {
    /// The rules this config asks for.
    pub(crate) fn rules(&self) -> Result<crate::RuleSet, crate::error::LoadError> {
        load_rules(self)
    }
}

/// The config given with `--config`, else the nearest `lipzip.yaml`, else none.
pub(crate) fn find_config(
    explicit: Option<&std::path::Path>,
) -> Result<config::Config, crate::error::LoadError> {
    let path = match explicit {
        Some(p) => Some(p.to_owned()),
        None => std::env::current_dir()
            .ok()
            .and_then(|d| config::discover(&d)),
    };
    match path {
        Some(p) => config::load(&p),
        None => Ok(config::Config::default()),
    }
}

#[cfg(test)]
mod tests {
    use super::atomic_write;

    #[test]
    fn atomic_write_replaces_keeps_permissions_and_cleans_up() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("post.md");
        std::fs::write(&path, "old").unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        }
        atomic_write(&path, b"new").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o640);
        }
        let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(left.len(), 1, "no temporary file left behind");
    }

    #[cfg(unix)]
    #[test]
    fn a_new_file_gets_the_usual_permissions() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let usual = dir.path().join("usual");
        std::fs::write(&usual, "").unwrap();
        let path = dir.path().join("baseline.json");
        atomic_write(&path, b"{}").unwrap();
        let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode();
        assert_eq!(mode(&path), mode(&usual));
    }

    #[cfg(unix)]
    #[test]
    fn atomic_write_never_writes_through_a_planted_link() {
        let dir = tempfile::tempdir().unwrap();
        let elsewhere = tempfile::tempdir().unwrap();
        let victim = elsewhere.path().join("victim.txt");
        std::fs::write(&victim, "untouched").unwrap();
        let path = dir.path().join("post.md");
        std::fs::write(&path, "old").unwrap();
        let tmp = dir
            .path()
            .join(format!(".post.md.lipzip-{}.tmp", std::process::id()));
        std::os::unix::fs::symlink(&victim, &tmp).unwrap();
        assert!(atomic_write(&path, b"new").is_err());
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "untouched");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "old");
    }
}
