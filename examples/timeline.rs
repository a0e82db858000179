//! Prints every relation and name change of one actor in date order.
//!
//! ```text
//! cargo run --example timeline -- "Hayat Tahrir al-Sham"
//! ```

#[macro_use]
mod common;

use std::process::ExitCode;

use actorgraph::TimelineEvent;
use clap::Parser;

/// The history of one actor.
#[derive(Parser)]
struct Args {
    /// The actor's id, name, alias or former name.
    actor: String,
    #[command(flatten)]
    data: common::DataArgs,
}

fn main() -> ExitCode {
    let args: Args = common::parse_args();
    common::run(|| {
        let mut out = String::new();
        let graph = args.data.load()?;
        let actor = graph.resolve(&args.actor)?;
        outln!(
            out,
            "Timeline of {} ({}, id {})",
            actor.name,
            actor.kind.label(),
            actor.id
        );
        for entry in graph.timeline(actor.id.as_str())? {
            let date = entry
                .date
                .map_or_else(|| "(undated)".to_owned(), |d| d.to_string());
            let what = match &entry.event {
                TimelineEvent::Began(r) => format!("begins: {r}"),
                TimelineEvent::Ended(r) => format!("ends:   {r}"),
                TimelineEvent::NameAdopted(name) => format!("known as {name:?}"),
                TimelineEvent::NameDropped(name) => format!("no longer called {name:?}"),
                _ => format!("{:?}", entry.event),
            };
            outln!(out, "{date:>12}  {what}");
        }
        Ok(out)
    })
}
