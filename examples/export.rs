//! Writes the graph in the format of the tool that will open it.
//!
//! ```text
//! cargo run --example export -- --format gexf --out syria.gexf
//! cargo run --example export -- --format csv --out tables/
//! cargo run --example export -- --format graphml --as-of 2024-11-30
//! cargo run --example export -- --format snapshot --out syria.agsnap
//! cargo run --example export -- --format parquet --out tables/ --partition-by kind
//! ```

mod common;
#[path = "common/reading.rs"]
mod reading;

use std::path::PathBuf;
use std::process::ExitCode;

use actorgraph::export::{self, ExportOptions, Scope};
use actorgraph::{Date, RelationKind};

/// A format an analyst's tool reads.
#[derive(Clone, Copy, clap::ValueEnum)]
enum Format {
    Json,
    Nodelink,
    Cytoscape,
    Graphml,
    Gexf,
    Ttl,
    Csv,
    Html,
    Dot,
    /// The whole graph saved for `--data FILE` to open without parsing.
    Snapshot,
    /// Parquet tables in a folder, for DuckDB, Spark and `--data DIR`.
    Parquet,
}

/// How a Parquet export splits its relations into folders.
#[derive(Clone, Copy, clap::ValueEnum)]
enum PartitionBy {
    Kind,
    Year,
}

/// The graph, or the graph on one day, for another tool.
#[derive(clap::Parser)]
struct Args {
    /// The format to write.
    #[arg(long, value_enum)]
    format: Format,
    /// Write the relations that held on this day (YYYY-MM-DD) instead of
    /// the whole graph with its dates; DOT always draws one day
    /// (default 2024-11-30).
    #[arg(long)]
    as_of: Option<Date>,
    #[command(flatten)]
    reading: reading::ReadingArgs,
    /// Relation kinds to write, comma-separated (default: all).
    #[arg(long, value_delimiter = ',')]
    kinds: Option<Vec<RelationKind>>,
    /// With --as-of, add the signed-graph measures (camp, centralities,
    /// sign, frustrated, unbalanced triangles) as node and edge attributes
    /// in gexf, graphml, nodelink and cytoscape.
    #[arg(long, requires = "as_of")]
    measures: bool,
    /// A file to write (a folder for csv and parquet); default: standard output.
    #[arg(long)]
    out: Option<PathBuf>,
    /// For parquet, write the relations Hive-partitioned by this key.
    #[arg(long, value_enum)]
    partition_by: Option<PartitionBy>,
    #[command(flatten)]
    data: common::DataArgs,
}

fn main() -> ExitCode {
    common::main(
        |args: &Args| &args.data,
        |args, graph| {
            let mut options = ExportOptions::default().measures(args.measures);
            if let Some(kinds) = &args.kinds {
                options = options.kinds(kinds.iter().copied());
            }
            let view = |day: Date| args.reading.apply(graph.at(day));
            let scope = match args.as_of {
                Some(day) => Scope::View(view(day)),
                None => Scope::Whole(graph),
            };
            let text = match args.format {
                Format::Json => export::to_json_dataset(scope, &options)?,
                Format::Nodelink => export::to_node_link(scope, &options),
                Format::Cytoscape => export::to_cytoscape(scope, &options),
                Format::Graphml => export::to_graphml(scope, &options),
                Format::Gexf => export::to_gexf(scope, &options),
                Format::Ttl => export::to_turtle(scope, &options),
                Format::Html => export::to_html(scope, &options)?,
                Format::Dot => {
                    let day = args.as_of.unwrap_or(Date::new(2024, 11, 30)?);
                    let dot = actorgraph::dot::DotOptions::default();
                    let dot = match &args.kinds {
                        Some(kinds) => dot.kinds(kinds.iter().copied()),
                        None => dot,
                    };
                    actorgraph::dot::to_dot(view(day), &dot)?
                }
                Format::Snapshot => {
                    let Some(path) = &args.out else {
                        return Err("a snapshot is binary: give --out FILE".into());
                    };
                    graph.save_snapshot(path)?;
                    return Ok(String::new());
                }
                Format::Parquet => {
                    let Some(dir) = &args.out else {
                        return Err("parquet is a folder of tables: give --out DIR".into());
                    };
                    let partition = match args.partition_by {
                        None => actorgraph::parquet::Partition::None,
                        Some(PartitionBy::Kind) => actorgraph::parquet::Partition::Kind,
                        Some(PartitionBy::Year) => actorgraph::parquet::Partition::Year,
                    };
                    actorgraph::parquet::write_dir(scope, &options, partition, dir)?;
                    return Ok(String::new());
                }
                Format::Csv => {
                    let tables = export::to_csv(scope, &options)?;
                    let Some(dir) = &args.out else {
                        return Ok(tables.files().map(|(_, t)| t).join("\n"));
                    };
                    std::fs::create_dir_all(dir)?;
                    for (name, table) in tables.files() {
                        std::fs::write(dir.join(name), table)?;
                    }
                    return Ok(String::new());
                }
            };
            match &args.out {
                Some(path) => std::fs::write(path, text)
                    .map(|()| String::new())
                    .map_err(Into::into),
                None => Ok(text),
            }
        },
    )
}
