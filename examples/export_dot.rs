//! Writes the graph as of a day as Graphviz DOT on standard output.
//!
//! ```text
//! cargo run --example export_dot > syria.dot && dot -Tsvg syria.dot -o syria.svg
//! ```

mod common;
#[path = "common/reading.rs"]
mod reading;
#[path = "common/view.rs"]
mod view;

use std::process::ExitCode;

use actorgraph::RelationKind;
use actorgraph::dot::{DotOptions, to_dot};

/// The graph on a day, as DOT.
#[derive(clap::Parser)]
struct Args {
    #[command(flatten)]
    view: view::ViewArgs,
    /// Relation kinds to draw, comma-separated (default: all).
    #[arg(long, value_delimiter = ',')]
    kinds: Option<Vec<RelationKind>>,
    /// Draw only relations touching these actors (ids or names, comma-separated).
    #[arg(long, value_delimiter = ',')]
    actors: Option<Vec<String>>,
    /// Also draw relations that had ended, faded and dashed.
    #[arg(long)]
    show_ended: bool,
    /// Also draw events that happened on or before the day, with their dates.
    #[arg(long)]
    events: bool,
    /// Leave out actors outside the conflict (think tanks, monitors, media).
    #[arg(long)]
    without_outsiders: bool,
    /// Leave edge labels to tooltips and the legend, for an overview.
    #[arg(long)]
    no_edge_labels: bool,
    /// Do not draw blocs as clusters.
    #[arg(long)]
    no_clusters: bool,
    #[command(flatten)]
    data: common::DataArgs,
}

fn main() -> ExitCode {
    common::main(
        |args: &Args| &args.data,
        |args, graph| {
            let mut options = DotOptions::default()
                .show_ended(args.show_ended)
                .events(args.events)
                .outsiders(!args.without_outsiders)
                .edge_labels(!args.no_edge_labels)
                .clusters(!args.no_clusters)
                .title(args.view.describe(graph));
            if let Some(kinds) = &args.kinds {
                options = options.kinds(kinds.iter().copied());
            }
            if let Some(actors) = &args.actors {
                options = options.actors(actors.iter().cloned());
            }
            Ok(to_dot(args.view.view(graph), &options)?)
        },
    )
}
