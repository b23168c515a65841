//! The `lipzip` command line: argument parsing and dispatch. Each subcommand lives in its own
//! module and returns an [`ExitCode`]: 0 clean, 1 findings that fail the run, 2 an error.

mod check;
mod config;
mod inputs;
mod rules_cmd;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

/// Keeps practitioners from leaking their clients in what they publish.
#[derive(Parser, Debug)]
#[command(name = "lipzip", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Check drafts against the client roster: block, warn or pass for each.
    Check(CheckArgs),
    /// Check drafts and explain each finding: the evidence, how many people it fits, what it
    /// discloses, and what consent says (the same as `check --explain`).
    Explain(CheckArgs),
    /// List the rules or run their examples.
    Rules {
        #[command(subcommand)]
        command: RulesCommand,
    },
}

/// Arguments of `lipzip check`.
#[derive(clap::Args, Debug)]
pub struct CheckArgs {
    /// Drafts to check: files, directories (Markdown, text and HTML, recursively, honouring
    /// .gitignore) or `-` for standard input.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
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
    /// Exit 1 on this verdict or worse.
    #[arg(long, value_enum, default_value_t = FailOn::Block)]
    pub fail_on: FailOn,
    /// Explain each finding in the human report.
    #[arg(long)]
    pub explain: bool,
}

/// Report formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// For people: each finding with its line underlined.
    Human,
    /// The versioned JSON report documented in the README.
    Json,
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
    let cli = Cli::parse();
    let code = match cli.command {
        Command::Check(args) => check::run(&args),
        Command::Explain(mut args) => {
            args.explain = true;
            check::run(&args)
        }
        Command::Rules { command } => match command {
            RulesCommand::List { config } => rules_cmd::list(config.as_deref()),
            RulesCommand::Test { config } => rules_cmd::test(config.as_deref()),
        },
    };
    ExitCode::from(code)
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
        let text = std::fs::read_to_string(path).map_err(|e| {
            LoadError::new(FileKind::Rules, &origin, format!("cannot read it: {e}"))
        })?;
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
