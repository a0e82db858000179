//! Prints what changed between two days: relations that began, ended or
//! changed, places that changed hands, events in between, and which ties
//! made the signed graph more or less balanced.
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
            // Which new or ended ties made the graph more or less balanced.
            let view = args.reading.apply(graph.at(args.from));
            let signs = algo::Signs::default();
            if let Ok(series) = algo::series(view, changes.from, changes.to, &signs) {
                let ratio = |d: Option<&algo::DayMeasures<'_>>| {
                    d.and_then(|d| d.ratio())
                        .map_or("-".to_owned(), |r| format!("{:.1}%", r * 100.0))
                };
                let (first, last) = (series.days().first(), series.days().last());
                let (first, last) = (ratio(first), ratio(last));
                writeln!(out, "\nBalance: {first} -> {last} of triangles balanced")?;
                for day in series.days() {
                    for change in &day.changes {
                        if change.balanced != 0 || change.unbalanced != 0 {
                            writeln!(out, "  {}: {change}", day.day)?;
                        }
                    }
                }
            }
            Ok(out)
        },
    )
}
