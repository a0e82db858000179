//! `actorgraph`: the library's questions from a terminal.
//!
//! Exit codes: 0 when the command did what was asked; 1 when it did, but
//! found lint warnings (`lint`, `check`) or rejected rows (`import`); 2 for bad usage (an unknown
//! subcommand or flag, a missing argument) or bad input (a file that is
//! missing or malformed, an unknown actor name, an output that cannot be
//! written). Errors go to standard error, with file, line and column where
//! the input has them.

mod answer;
mod data;
mod import;
mod query;
mod tools;

use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{CommandFactory, Parser, Subcommand};

use answer::Format;
use data::DataArgs;

/// Who backs whom, as of when, according to whom: ask a dataset of conflict
/// actors from the command line.
///
/// Every subcommand reads the embedded dataset (north-west Syria, late
/// 2024) unless --data names another: RON, JSON, a snapshot or a Parquet
/// export directory. Exit codes: 0 done; 1 done, with lint warnings; 2 bad
/// usage or bad input.
#[derive(Parser, Debug)]
#[command(name = "actorgraph", version, propagate_version = true)]
#[command(after_help = "Example:\n  actorgraph camps --as-of 2024-12-08 --known-by 2024-12-01")]
struct Cli {
    #[command(subcommand)]
    command: Command,
    #[command(flatten)]
    data: DataArgs,
}

/// An answer's format, for the query subcommands.
#[derive(clap::Args, Debug)]
struct Output {
    /// text to read, or json / csv rows to pipe into another program.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Who stands with whom on a day: each camp, its backers and whom it fights.
    #[command(
        after_help = "Example:\n  actorgraph camps --as-of 2024-12-08 --quotes\n  actorgraph camps --format json | jq '.[].member'"
    )]
    Camps {
        #[command(flatten)]
        args: query::CampsArgs,
        #[command(flatten)]
        output: Output,
    },
    /// Who backs whom on a day, or who backs one actor, with the quotes.
    #[command(visible_alias = "who-backs")]
    #[command(
        after_help = "Example:\n  actorgraph backers \"Hayat Tahrir al-Sham\" --as-of 2024-11-30\n  actorgraph who-backs --known-by 2024-11-28 --format csv"
    )]
    Backers {
        #[command(flatten)]
        args: query::BackersArgs,
        #[command(flatten)]
        output: Output,
    },
    /// Chains of backing, alliance, membership and leadership between actors.
    #[command(after_help = "Example:\n  actorgraph chains --from Iran --to \"Syrian Arab Army\"")]
    Chains {
        #[command(flatten)]
        args: query::ChainsArgs,
        #[command(flatten)]
        output: Output,
    },
    /// What began, ended, happened or changed hands between two days.
    #[command(after_help = "Example:\n  actorgraph changes --from 2024-11-26 --to 2024-12-02")]
    Changes {
        #[command(flatten)]
        args: query::ChangesArgs,
        #[command(flatten)]
        output: Output,
    },
    /// An actor's history: what it began, ended and was called, in order.
    #[command(after_help = "Example:\n  actorgraph timeline \"Jabhat al-Nusra\"")]
    Timeline {
        #[command(flatten)]
        args: query::TimelineArgs,
        #[command(flatten)]
        output: Output,
    },
    /// Ranked candidates for a name, in any usual spelling, whole or in part.
    #[command(after_help = "Example:\n  actorgraph search Julani --limit 5")]
    Search {
        #[command(flatten)]
        args: query::SearchArgs,
        #[command(flatten)]
        output: Output,
    },
    /// Warnings a careful reader would raise about the dataset (exit 1 if any).
    #[command(after_help = "Example:\n  actorgraph lint --data my_notes.ron --acknowledged")]
    Lint {
        #[command(flatten)]
        args: tools::LintArgs,
        #[command(flatten)]
        output: Output,
    },
    /// Writes the graph, or one day of it, in the format of another tool.
    #[command(
        after_help = "Example:\n  actorgraph export --format parquet --out tables/ --partition-by kind\n  actorgraph export --format gexf --out syria.gexf"
    )]
    Export(tools::ExportArgs),
    /// Imports ACLED, UCDP, Mapping Militant Organizations or any table, and
    /// prints the report (exit 1 when a row was rejected).
    #[command(
        after_help = "Example:\n  actorgraph import --preset acled acled_export.csv --out acled.agsnap\n  actorgraph import --preset mmp --onto embedded --aliases aliases.csv relationships.csv\n  actorgraph import --preset table --mapping sheet.ron sheet.tsv"
    )]
    Import(import::ImportArgs),
    /// Saves or describes a snapshot, a file that opens without parsing.
    #[command(subcommand)]
    Snapshot(SnapshotCommand),
    /// Loads the dataset and reports every problem (exit 2) or lint warning (exit 1).
    #[command(after_help = "Example:\n  actorgraph check --data my_dataset.ron --add my_notes.ron")]
    Check,
    /// Prints a completion script for a shell.
    #[command(
        after_help = "Example:\n  actorgraph completions bash > ~/.local/share/bash-completion/completions/actorgraph"
    )]
    Completions {
        /// The shell to complete in.
        shell: clap_complete::Shell,
    },
}

#[derive(Subcommand, Debug)]
enum SnapshotCommand {
    /// Saves the loaded dataset (with --data and --add) as a snapshot.
    #[command(after_help = "Example:\n  actorgraph snapshot save --data big.ron --out big.agsnap")]
    Save {
        /// The snapshot file to write.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// Describes a snapshot: format version, size, what it holds.
    #[command(after_help = "Example:\n  actorgraph snapshot info big.agsnap")]
    Info {
        /// The snapshot file to read.
        file: PathBuf,
    },
}

/// A usage mistake found after parsing (exit 2).
#[derive(Debug)]
pub struct Usage(pub String);

impl std::fmt::Display for Usage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Usage {}

/// What a run printed and how it ends.
struct Done {
    text: String,
    /// Lint warnings were found.
    warned: bool,
}

fn run(cli: &Cli) -> Result<Done, Box<dyn std::error::Error>> {
    let answered =
        |answer: answer::Answer, output: &Output| -> Result<Done, Box<dyn std::error::Error>> {
            Ok(Done {
                text: answer.render(output.format)?,
                warned: false,
            })
        };
    // Commands that need no dataset.
    match &cli.command {
        Command::Completions { shell } => {
            let mut script = Vec::new();
            clap_complete::generate(*shell, &mut Cli::command(), "actorgraph", &mut script);
            return Ok(Done {
                text: String::from_utf8(script)?,
                warned: false,
            });
        }
        Command::Snapshot(SnapshotCommand::Info { file }) => {
            return Ok(Done {
                text: tools::snapshot_info(file)?,
                warned: false,
            });
        }
        // The import reads its own files, onto --onto rather than --data.
        Command::Import(args) => {
            let (text, rejected) = import::import(args)?;
            return Ok(Done {
                text,
                warned: rejected,
            });
        }
        _ => {}
    }
    let graph = cli.data.load()?;
    match &cli.command {
        Command::Camps { args, output } => answered(query::camps(&graph, args)?, output),
        Command::Backers { args, output } => answered(query::backers(&graph, args)?, output),
        Command::Chains { args, output } => answered(query::chains(&graph, args)?, output),
        Command::Changes { args, output } => answered(query::changes(&graph, args)?, output),
        Command::Timeline { args, output } => answered(query::timeline(&graph, args)?, output),
        Command::Search { args, output } => answered(query::search(&graph, args)?, output),
        Command::Lint { args, output } => {
            let (answer, clean) = tools::lint(&graph, args)?;
            Ok(Done {
                text: answer.render(output.format)?,
                warned: !clean,
            })
        }
        Command::Check => {
            let (text, clean) = tools::check(&graph)?;
            Ok(Done {
                text,
                warned: !clean,
            })
        }
        Command::Export(args) => Ok(Done {
            text: tools::export(&graph, args)?,
            warned: false,
        }),
        Command::Snapshot(SnapshotCommand::Save { out }) => {
            tools::write_whole(out, &graph.to_snapshot())?;
            Ok(Done {
                text: String::new(),
                warned: false,
            })
        }
        Command::Snapshot(SnapshotCommand::Info { .. })
        | Command::Completions { .. }
        | Command::Import(_) => {
            unreachable!("answered before loading")
        }
    }
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        // Help and version print to standard output and succeed; a usage
        // mistake prints clap's message, with its suggestion, and exits 2.
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    match run(&cli) {
        Ok(done) => {
            let mut stdout = std::io::stdout().lock();
            match stdout
                .write_all(done.text.as_bytes())
                .and_then(|()| stdout.flush())
            {
                // A reader that closed the pipe early (`| head`) is not a failure.
                Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                    eprintln!("error: cannot write output: {e}");
                    ExitCode::from(2)
                }
                _ => ExitCode::from(if done.warned { 1 } else { 0 }),
            }
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}
