//! The subcommands that work on a whole dataset rather than ask it a
//! question: lint, check, export, snapshot.

use std::error::Error;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use actorgraph::export::{self, ExportOptions, Scope};
use actorgraph::parquet::Partition;
use actorgraph::{ActorGraph, Date, RelationKind, algo};
use serde_json::json;

use crate::answer::Answer;
use crate::data::ReadingArgs;

type Result<T> = std::result::Result<T, Box<dyn Error>>;

/// Options of `lint`.
#[derive(clap::Args, Debug)]
pub struct LintArgs {
    /// Also list the warnings the author acknowledged, with their reasons.
    #[arg(long)]
    pub acknowledged: bool,
}

/// Every lint warning; the bool says whether the dataset is clean.
pub fn lint(graph: &ActorGraph, args: &LintArgs) -> Result<(Answer, bool)> {
    let lint = algo::lint(graph);
    let mut text = String::new();
    let mut rows = Vec::new();
    let mut row = |status: &str, f: &algo::Finding<'_>| {
        rows.push(vec![
            json!(status),
            json!(f.warning.name()),
            json!(f.relation.id()),
            json!(
                f.citation
                    .as_ref()
                    .map(|c| c.source().id.as_str().to_owned())
            ),
            json!(f.message),
            json!(f.acknowledged),
        ]);
    };
    let warnings: Vec<_> = lint.warnings().collect();
    for finding in &warnings {
        writeln!(text, "warning: {finding}")?;
        row("warning", finding);
    }
    let acknowledged: Vec<_> = lint.acknowledged().collect();
    if args.acknowledged {
        for finding in &acknowledged {
            writeln!(text, "acknowledged: {finding}")?;
            row("acknowledged", finding);
        }
    }
    writeln!(
        text,
        "{} warning(s), {} acknowledged.",
        warnings.len(),
        acknowledged.len()
    )?;
    let answer = Answer {
        text,
        columns: &[
            "status", "warning", "relation", "source", "message", "reason",
        ],
        rows,
    };
    Ok((answer, lint.is_clean()))
}

/// What `check` says of a dataset that loaded: its size and its lint.
pub fn check(graph: &ActorGraph) -> Result<(String, bool)> {
    let lint = algo::lint(graph);
    let warnings = lint.warnings().count();
    let mut text = format!(
        "ok: {} sources, {} actors, {} relations load without error\n",
        graph.sources().len(),
        graph.actor_count(),
        graph.relation_count()
    );
    for finding in lint.warnings() {
        writeln!(text, "warning: {finding}")?;
    }
    writeln!(text, "{warnings} lint warning(s).")?;
    Ok((text, lint.is_clean()))
}

/// A format an analyst's tool reads.
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum ExportFormat {
    /// The JSON dataset, which loads back with --data FILE.json.
    Json,
    /// Node-link JSON for networkx and D3.
    Nodelink,
    /// Cytoscape.js elements.
    Cytoscape,
    /// GraphML, for yEd, Gephi and networkx.
    Graphml,
    /// GEXF with time intervals, for Gephi's timeline.
    Gexf,
    /// Turtle, for SPARQL stores.
    Ttl,
    /// Four CSV tables in a folder (Neo4j import headers).
    Csv,
    /// A single HTML page to explore in a browser.
    Html,
    /// Graphviz DOT of one day.
    Dot,
    /// The whole graph saved for --data FILE to open without parsing.
    Snapshot,
    /// Parquet tables in a folder, for DuckDB, Spark and --data DIR.
    Parquet,
}

/// How a Parquet export splits its relations into folders.
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum PartitionBy {
    /// relations/kind=backs/part-0.parquet
    Kind,
    /// relations/year=2024/part-0.parquet, by the first day it may have held.
    Year,
}

/// Options of `export`.
#[derive(clap::Args, Debug)]
pub struct ExportArgs {
    /// The format to write.
    #[arg(long, value_enum)]
    pub format: ExportFormat,
    /// Write the relations that held on this day instead of the whole
    /// graph with its dates; DOT always draws one day (default 2024-11-30).
    #[arg(long, value_name = "DAY")]
    pub as_of: Option<Date>,
    #[command(flatten)]
    pub reading: ReadingArgs,
    /// Relation kinds to write, comma-separated (default: all).
    #[arg(long, value_delimiter = ',', value_name = "KINDS")]
    pub kinds: Option<Vec<RelationKind>>,
    /// With --as-of, add the signed-graph measures as node and edge
    /// attributes in gexf, graphml, nodelink and cytoscape.
    #[arg(long, requires = "as_of")]
    pub measures: bool,
    /// A file to write (a folder for csv and parquet); default: standard output.
    #[arg(long, value_name = "PATH")]
    pub out: Option<PathBuf>,
    /// For parquet, write the relations Hive-partitioned by this key.
    #[arg(long, value_enum, value_name = "KEY")]
    pub partition_by: Option<PartitionBy>,
}

/// Writes `bytes` to `path` through a temporary name in the same folder, so
/// that a failure never leaves half a file under the name asked for.
pub fn write_whole(path: &Path, bytes: &[u8]) -> Result<()> {
    let name = path
        .file_name()
        .ok_or_else(|| format!("{}: not a file name", path.display()))?;
    let temporary = path.with_file_name(format!(
        ".{}.partial-{}",
        name.to_string_lossy(),
        std::process::id()
    ));
    let written =
        std::fs::write(&temporary, bytes).and_then(|()| std::fs::rename(&temporary, path));
    if let Err(e) = written {
        let _ = std::fs::remove_file(&temporary);
        return Err(format!("cannot write {}: {e}", path.display()).into());
    }
    Ok(())
}

/// Writes the export; returns what goes to standard output.
pub fn export(graph: &ActorGraph, args: &ExportArgs) -> Result<String> {
    let mut options = ExportOptions::default().measures(args.measures);
    if let Some(kinds) = &args.kinds {
        options = options.kinds(kinds.iter().copied());
    }
    let view = |day: Date| args.reading.apply(graph.at(day));
    let scope = match args.as_of {
        Some(day) => Scope::View(view(day)),
        None => Scope::Whole(graph),
    };
    if args.partition_by.is_some() && !matches!(args.format, ExportFormat::Parquet) {
        return Err(usage("--partition-by applies to --format parquet only"));
    }
    let text = match args.format {
        ExportFormat::Json => export::to_json_dataset(scope, &options)?,
        ExportFormat::Nodelink => export::to_node_link(scope, &options),
        ExportFormat::Cytoscape => export::to_cytoscape(scope, &options),
        ExportFormat::Graphml => export::to_graphml(scope, &options),
        ExportFormat::Gexf => export::to_gexf(scope, &options),
        ExportFormat::Ttl => export::to_turtle(scope, &options),
        ExportFormat::Html => export::to_html(scope, &options)?,
        ExportFormat::Dot => {
            let day = args.as_of.unwrap_or(Date::new(2024, 11, 30)?);
            let dot = actorgraph::dot::DotOptions::default();
            let dot = match &args.kinds {
                Some(kinds) => dot.kinds(kinds.iter().copied()),
                None => dot,
            };
            actorgraph::dot::to_dot(view(day), &dot)?
        }
        ExportFormat::Snapshot => {
            let path = args
                .out
                .as_ref()
                .ok_or_else(|| usage("a snapshot is binary: give --out FILE"))?;
            write_whole(path, &graph.to_snapshot())?;
            return Ok(String::new());
        }
        ExportFormat::Parquet => {
            let dir = args
                .out
                .as_ref()
                .ok_or_else(|| usage("parquet is a folder of tables: give --out DIR"))?;
            let partition = match args.partition_by {
                None => Partition::None,
                Some(PartitionBy::Kind) => Partition::Kind,
                Some(PartitionBy::Year) => Partition::Year,
            };
            crate::data::with_spinner(&format!("writing {}", dir.display()), || {
                actorgraph::parquet::write_dir(scope, &options, partition, dir)
            })?;
            return Ok(String::new());
        }
        ExportFormat::Csv => {
            let tables = export::to_csv(scope, &options)?;
            let Some(dir) = &args.out else {
                return Ok(tables.files().map(|(_, t)| t).join("\n"));
            };
            std::fs::create_dir_all(dir)
                .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
            for (name, table) in tables.files() {
                write_whole(&dir.join(name), table.as_bytes())?;
            }
            return Ok(String::new());
        }
    };
    match &args.out {
        Some(path) => write_whole(path, text.as_bytes()).map(|()| String::new()),
        None => Ok(text),
    }
}

/// A usage mistake that clap cannot see: exit 2, like clap's own.
pub fn usage(message: &str) -> Box<dyn Error> {
    Box::new(crate::Usage(message.to_owned()))
}

/// What `snapshot info` reports of a snapshot file.
pub fn snapshot_info(path: &Path) -> Result<String> {
    let metadata =
        std::fs::metadata(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    if metadata.is_dir() {
        return Err(format!("{} is a directory, not a snapshot file", path.display()).into());
    }
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let graph =
        ActorGraph::from_snapshot(&bytes).map_err(|e| format!("{}: {e}", path.display()))?;
    let citations: usize = graph.relations().map(|r| r.citations().count()).sum();
    let mut text = String::new();
    writeln!(text, "{}", path.display())?;
    writeln!(text, "  format version {}", actorgraph::SNAPSHOT_VERSION)?;
    writeln!(text, "  {} bytes", metadata.len())?;
    writeln!(text, "  {} sources", graph.sources().len())?;
    writeln!(text, "  {} actors", graph.actor_count())?;
    writeln!(
        text,
        "  {} relations, {citations} citations",
        graph.relation_count()
    )?;
    Ok(text)
}
