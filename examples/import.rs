//! Imports a dataset's files into a graph and prints what the import did.
//!
//! ```text
//! cargo run --example import -- --preset acled acled_export.csv
//! cargo run --example import -- --preset mmp --onto embedded --aliases aliases.csv relationships.csv
//! cargo run --example import -- --preset ucdp-actors --out ucdp.agsnap ucdp_actor_list.csv
//! cargo run --example import -- --preset table --mapping data/mappings/actorgraph_csv.ron \
//!     tables/sources.csv tables/actors.csv tables/relations.csv tables/citations.csv
//! ```
//!
//! Without `--onto` the files make a graph of their own; with it they go
//! on top of that dataset (`embedded`, or a file). The report lists rows
//! read, items created per kind, actors new, matched (and how) and
//! ambiguous, and every rejected row with its line and reason. Exits 1
//! when a row was rejected (with `--skip-bad-rows` the good rows are still
//! added, and the rejected ones listed), 2 on bad usage or input.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use actorgraph::ActorGraph;
use actorgraph::import::{Aliases, ImportOptions, Mapping, Preset, import_paths};

#[derive(Clone, Copy, clap::ValueEnum)]
enum PresetName {
    Acled,
    UcdpActors,
    UcdpEsd,
    Mmp,
    Table,
}

/// Imports ACLED, UCDP, Mapping Militant Organizations or any table.
#[derive(clap::Parser)]
struct Args {
    /// How to read the files.
    #[arg(long, value_enum)]
    preset: PresetName,
    /// The mapping file, for `--preset table`.
    #[arg(long)]
    mapping: Option<PathBuf>,
    /// The alias file: incoming names or `dataset:id` to actor ids.
    #[arg(long)]
    aliases: Option<PathBuf>,
    /// The dataset to import onto: `embedded`, or a RON, JSON or snapshot file.
    #[arg(long)]
    onto: Option<String>,
    /// Where to write the resulting graph (.ron, .json or .agsnap).
    #[arg(long)]
    out: Option<PathBuf>,
    /// Add the good rows even when some are rejected.
    #[arg(long)]
    skip_bad_rows: bool,
    /// Import a name that fits several actors as a new actor.
    #[arg(long)]
    new_when_ambiguous: bool,
    /// The dataset's version, cited on every item ("18.1", "export of 2024-12-06").
    #[arg(long)]
    dataset_version: Option<String>,
    /// The files to import.
    #[arg(required = true)]
    files: Vec<PathBuf>,
}

fn main() -> ExitCode {
    let args: Args = clap::Parser::parse();
    match run(args) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}

fn run(args: Args) -> Result<ExitCode, actorgraph::Error> {
    let preset = match (args.preset, &args.mapping) {
        (PresetName::Table, Some(path)) => Preset::Table(Box::new(Mapping::from_path(path)?)),
        (PresetName::Table, None) => {
            eprintln!("error: --preset table needs --mapping FILE");
            return Ok(ExitCode::from(2));
        }
        (PresetName::Acled, _) => Preset::Acled,
        (PresetName::UcdpActors, _) => Preset::UcdpActors,
        (PresetName::UcdpEsd, _) => Preset::UcdpEsd,
        (PresetName::Mmp, _) => Preset::Mmp,
    };
    let mut graph = match args.onto.as_deref() {
        None => ActorGraph::new(),
        Some("embedded") => ActorGraph::embedded()?,
        Some(path) => ActorGraph::from_path(path)?,
    };
    let options = ImportOptions {
        aliases: match &args.aliases {
            Some(path) => Aliases::from_path(path)?,
            None => Aliases::new(),
        },
        skip_bad_rows: args.skip_bad_rows,
        new_when_ambiguous: args.new_when_ambiguous,
        version: args.dataset_version.clone(),
    };
    let report = match import_paths(&mut graph, preset, &args.files, options) {
        Ok(report) => report,
        // A header the preset cannot read is bad input (exit 2), not rows
        // to skip.
        Err(e)
            if e.kind() == actorgraph::ErrorKind::RejectedRows
                && !e.rejected_rows().iter().any(|r| r.is_header()) =>
        {
            println!("{e}");
            println!("nothing imported: fix the rows, or give --skip-bad-rows to import the rest");
            return Ok(ExitCode::from(1));
        }
        Err(e) => return Err(e),
    };
    print!("{report}");
    println!(
        "graph: {} actors, {} relations",
        graph.actor_count(),
        graph.relation_count()
    );
    if let Some(out) = &args.out {
        if let Err(e) = save(&graph, out) {
            eprintln!("error: cannot write {}: {e}", out.display());
            return Ok(ExitCode::from(2));
        }
        println!("written to {}", out.display());
    }
    Ok(if report.rejected.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// Writes the graph by the file's extension, to a temporary name first so
/// that a failed write leaves no half-written file.
fn save(graph: &ActorGraph, out: &Path) -> Result<(), Box<dyn std::error::Error>> {
    let bytes = match out.extension().and_then(|e| e.to_str()) {
        Some("json") => graph.to_json()?.into_bytes(),
        Some("agsnap") => graph.to_snapshot(),
        _ => graph.to_ron()?.into_bytes(),
    };
    let mut temporary = out.as_os_str().to_owned();
    temporary.push(".partial");
    let temporary = PathBuf::from(temporary);
    std::fs::write(&temporary, bytes)?;
    std::fs::rename(&temporary, out)?;
    Ok(())
}
