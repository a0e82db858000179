//! Writes the graph as of a day as Graphviz DOT on standard output.
//!
//! ```text
//! cargo run --example export_dot > syria.dot && dot -Tsvg syria.dot -o syria.svg
//! ```

#[macro_use]
mod common;

use std::process::ExitCode;

use actorgraph::{DotOptions, RelationKind};
use clap::Parser;

/// The graph on a day, as DOT.
#[derive(Parser)]
struct Args {
    #[command(flatten)]
    view: common::ViewArgs,
    /// Relation kinds to draw, comma-separated (default: all).
    #[arg(long, value_delimiter = ',', value_parser = common::parse_kind)]
    kinds: Option<Vec<RelationKind>>,
    /// Draw only relations touching these actors (ids or names, comma-separated).
    #[arg(long, value_delimiter = ',')]
    actors: Option<Vec<String>>,
    /// Also draw relations that had ended, faded and dashed.
    #[arg(long)]
    show_ended: bool,
    /// Do not draw blocs as clusters.
    #[arg(long)]
    no_clusters: bool,
    #[command(flatten)]
    data: common::DataArgs,
}

fn main() -> ExitCode {
    let args: Args = common::parse_args();
    common::run(|| {
        let mut out = String::new();
        let graph = args.data.load()?;
        let mut options = DotOptions::default()
            .show_ended(args.show_ended)
            .clusters(!args.no_clusters);
        if let Some(kinds) = &args.kinds {
            options = options.kinds(kinds.iter().copied());
        }
        if let Some(actors) = &args.actors {
            options = options.actors(actors.iter().cloned());
        }
        outp!(out, "{}", args.view.view(&graph).to_dot(&options)?);
        Ok(out)
    })
}
