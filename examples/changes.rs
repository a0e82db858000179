//! Prints what changed between two days: relations that began, ended or
//! changed, places that changed hands, and events in between.
//!
//! ```text
//! cargo run --example changes -- --from 2024-11-26 --to 2024-12-02
//! ```

mod common;
#[path = "common/reading.rs"]
mod reading;

use std::fmt::Write as _;
use std::process::ExitCode;

use actorgraph::{ActorRef, Date, algo};

/// What changed between two days.
#[derive(clap::Parser)]
struct Args {
    /// The earlier day (YYYY-MM-DD).
    #[arg(long, default_value = "2024-11-26")]
    from: Date,
    /// The later day (YYYY-MM-DD).
    #[arg(long, default_value = "2024-12-02")]
    to: Date,
    #[command(flatten)]
    reading: reading::ReadingArgs,
    #[command(flatten)]
    data: common::DataArgs,
}

fn names(actors: &[ActorRef<'_>]) -> String {
    if actors.is_empty() {
        return "nobody recorded".to_owned();
    }
    let names: Vec<&str> = actors.iter().map(|a| a.name.as_str()).collect();
    names.join(", ")
}

fn main() -> ExitCode {
    common::main(
        |args: &Args| &args.data,
        |args, graph| {
            let mut out = String::new();
            let changes = algo::changes(args.reading.apply(graph.at(args.from)), args.to);
            writeln!(out, "Changes from {} to {}", changes.from, changes.to)?;
            let count = changes.hand_overs.len();
            writeln!(out, "\nPlaces that changed hands ({count}):")?;
            for h in &changes.hand_overs {
                let (before, after) = (names(&h.before), names(&h.after));
                writeln!(out, "  {}: {before} -> {after}", h.place.name)?;
            }
            writeln!(out, "\nBegan ({}):", changes.began.len())?;
            for r in &changes.began {
                writeln!(out, "  + {r}")?;
            }
            writeln!(out, "\nEnded ({}):", changes.ended.len())?;
            for r in &changes.ended {
                writeln!(out, "  - {r}")?;
            }
            writeln!(out, "\nEvents ({}):", changes.events.len())?;
            for r in &changes.events {
                writeln!(out, "  * {r}")?;
            }
            writeln!(out, "\nChanged ({}):", changes.changed.len())?;
            for (before, after) in &changes.changed {
                writeln!(out, "  ~ {before}\n    now {after}")?;
            }
            Ok(out)
        },
    )
}
