//! Prints what changed between two days: relations that began, ended or
//! changed, and places that changed hands.
//!
//! ```text
//! cargo run --example changes -- --from 2024-11-26 --to 2024-12-02
//! ```

#[macro_use]
mod common;

use std::process::ExitCode;

use actorgraph::{Certainty, Date};
use clap::Parser;

/// What changed between two days.
#[derive(Parser)]
struct Args {
    /// The earlier day (YYYY-MM-DD).
    #[arg(long, default_value = "2024-11-26", value_parser = common::parse_day)]
    from: Date,
    /// The later day (YYYY-MM-DD).
    #[arg(long, default_value = "2024-12-02", value_parser = common::parse_day)]
    to: Date,
    /// Only count what sources had published by this day (YYYY-MM-DD).
    #[arg(long, value_parser = common::parse_day)]
    known_by: Option<Date>,
    /// Keep only relations that certainly held (default: possibly).
    #[arg(long)]
    certain: bool,
    #[command(flatten)]
    data: common::DataArgs,
}

fn names(actors: &[&actorgraph::Actor]) -> String {
    if actors.is_empty() {
        return "nobody recorded".to_owned();
    }
    actors
        .iter()
        .map(|a| a.name.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

fn main() -> ExitCode {
    let args: Args = common::parse_args();
    common::run(|| {
        let mut out = String::new();
        let graph = args.data.load()?;
        let mut view = graph.at(args.from);
        if let Some(k) = args.known_by {
            view = view.known_by(k);
        }
        if args.certain {
            view = view.certainty(Certainty::Certainly);
        }
        let changes = view.changes_until(args.to);
        outln!(out, "Changes from {} to {}", changes.from, changes.to);
        outln!(
            out,
            "\nPlaces that changed hands ({}):",
            changes.hand_overs.len()
        );
        for h in &changes.hand_overs {
            outln!(
                out,
                "  {}: {} -> {}",
                h.place.name,
                names(&h.before),
                names(&h.after)
            );
        }
        outln!(out, "\nBegan ({}):", changes.began.len());
        for r in &changes.began {
            outln!(out, "  + {r}");
        }
        outln!(out, "\nEnded ({}):", changes.ended.len());
        for r in &changes.ended {
            outln!(out, "  - {r}");
        }
        outln!(out, "\nChanged ({}):", changes.changed.len());
        for (before, after) in &changes.changed {
            outln!(out, "  ~ {before}\n    now {after}");
        }
        Ok(out)
    })
}
