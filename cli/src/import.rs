//! `actorgraph import`: the library's importers, with their report.

use std::path::PathBuf;

use actorgraph::ActorGraph;
use actorgraph::import::{Aliases, ImportOptions, Mapping, Preset, import_paths};

use crate::data::with_spinner;
use crate::tools::write_whole;

/// How the files are read.
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum PresetName {
    /// ACLED event exports.
    Acled,
    /// The UCDP Actor Dataset.
    UcdpActors,
    /// The UCDP External Support Dataset (actor-year layout).
    UcdpEsd,
    /// Mapping Militant Organizations relationships.
    Mmp,
    /// Any CSV or TSV, read by --mapping.
    Table,
}

/// The arguments of `import`.
#[derive(clap::Args, Debug)]
pub struct ImportArgs {
    /// How to read the files.
    #[arg(long, value_enum)]
    pub preset: PresetName,
    /// The mapping file, for --preset table.
    #[arg(long, value_name = "FILE", required_if_eq("preset", "table"))]
    pub mapping: Option<PathBuf>,
    /// The alias file: incoming names or dataset ids (ucdp:123) to actor ids.
    #[arg(long, value_name = "FILE")]
    pub aliases: Option<PathBuf>,
    /// Import on top of this dataset: `embedded`, or a RON, JSON,
    /// snapshot or Parquet path (default: the files make a graph of their own).
    #[arg(long, value_name = "PATH|embedded")]
    pub onto: Option<String>,
    /// Write the resulting graph (.ron, .json or .agsnap).
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Add the good rows even when some are rejected (they are still listed).
    #[arg(long)]
    pub skip_bad_rows: bool,
    /// Import a name that fits several actors as a new actor (reported).
    #[arg(long)]
    pub new_when_ambiguous: bool,
    /// The dataset's version, cited on every item.
    #[arg(long, value_name = "TEXT")]
    pub dataset_version: Option<String>,
    /// The files to import.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
}

/// Runs the import: the report, and whether a row was rejected.
pub fn import(args: &ImportArgs) -> Result<(String, bool), Box<dyn std::error::Error>> {
    let preset = match args.preset {
        PresetName::Acled => Preset::Acled,
        PresetName::UcdpActors => Preset::UcdpActors,
        PresetName::UcdpEsd => Preset::UcdpEsd,
        PresetName::Mmp => Preset::Mmp,
        PresetName::Table => {
            let path = args
                .mapping
                .as_ref()
                .ok_or_else(|| crate::Usage("--preset table needs --mapping FILE".into()))?;
            Preset::Table(Box::new(Mapping::from_path(path)?))
        }
    };
    let mut graph = match args.onto.as_deref() {
        None => ActorGraph::new(),
        Some("embedded") => ActorGraph::embedded()?,
        Some(path) => with_spinner(&format!("reading {path}"), || ActorGraph::from_path(path))?,
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
    let imported = with_spinner("importing", || {
        import_paths(&mut graph, preset, &args.files, options)
    });
    let report = match imported {
        Ok(report) => report,
        // A header the preset cannot read is bad input (exit 2), not rows
        // to skip.
        Err(e)
            if e.kind() == actorgraph::ErrorKind::RejectedRows
                && !e.rejected_rows().iter().any(|r| r.is_header()) =>
        {
            return Ok((
                format!(
                    "{e}\nnothing imported: fix the rows, or give --skip-bad-rows to import the rest\n"
                ),
                true,
            ));
        }
        Err(e) => return Err(e.into()),
    };
    let mut text = report.to_string();
    text.push_str(&format!(
        "graph: {} actors, {} relations\n",
        graph.actor_count(),
        graph.relation_count()
    ));
    if let Some(out) = &args.out {
        let bytes = match out.extension().and_then(|e| e.to_str()) {
            Some("json") => graph.to_json()?.into_bytes(),
            Some("agsnap") => graph.to_snapshot(),
            _ => graph.to_ron()?.into_bytes(),
        };
        write_whole(out, &bytes)?;
        text.push_str(&format!("written to {}\n", out.display()));
    }
    Ok((text, !report.rejected.is_empty()))
}
