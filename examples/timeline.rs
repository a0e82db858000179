//! Prints every relation and name change of one actor in date order.
//!
//! ```text
//! cargo run --example timeline -- "Hayat Tahrir al-Sham"
//! ```

mod common;

use std::fmt::Write as _;
use std::process::ExitCode;

use actorgraph::{TimelineEvent, algo};

/// The history of one actor.
#[derive(clap::Parser)]
struct Args {
    /// The actor's id, name, alias or former name.
    actor: String,
    #[command(flatten)]
    data: common::DataArgs,
}

fn main() -> ExitCode {
    common::main(
        |args: &Args| &args.data,
        |args, graph| {
            let mut out = String::new();
            let actor = graph.resolve(&args.actor)?;
            let (name, kind, id) = (&actor.name, actor.kind.label(), &actor.id);
            writeln!(out, "Timeline of {name} ({kind}, id {id})")?;
            for entry in algo::timeline(graph, actor)? {
                let date = entry
                    .date
                    .map_or_else(|| "(undated)".to_owned(), |d| d.to_string());
                let what = match &entry.event {
                    TimelineEvent::Began(r) => format!("begins: {r}"),
                    TimelineEvent::Ended(r) => format!("ends:   {r}"),
                    TimelineEvent::Happened(r) => format!("event:  {r}"),
                    TimelineEvent::NameAdopted(name) => format!("known as {name:?}"),
                    TimelineEvent::NameDropped(name) => format!("no longer called {name:?}"),
                    other => format!("{other:?}"),
                };
                writeln!(out, "{date:>12}  {what}")?;
            }
            Ok(out)
        },
    )
}
