//! Prints every relation and name change of one actor in date order, with
//! the splits, mergers, successions and renames of its lineage; with
//! `--with-lineage`, its predecessors' relations too.
//!
//! ```text
//! cargo run --example timeline -- "Hayat Tahrir al-Sham"
//! cargo run --example timeline -- "Hayat Tahrir al-Sham" --with-lineage
//! ```

mod common;

use std::fmt::Write as _;
use std::process::ExitCode;

use actorgraph::algo::{Side, TimelineOptions};
use actorgraph::{TimelineEvent, algo};

/// The history of one actor.
#[derive(clap::Parser)]
struct Args {
    /// The actor's id, name, alias or former name.
    actor: String,
    /// Also the relations of the actors it came from (split from,
    /// merged from, succeeded), each marked with that actor's name.
    #[arg(long)]
    with_lineage: bool,
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
            let options = TimelineOptions::default().with_lineage(args.with_lineage);
            for entry in algo::timeline_with(graph, actor, &options)? {
                let date = entry
                    .date
                    .map_or_else(|| "(undated)".to_owned(), |d| d.to_string());
                let what = match &entry.event {
                    TimelineEvent::Began(r) => format!("begins: {r}"),
                    TimelineEvent::Ended(r) => format!("ends:   {r}"),
                    TimelineEvent::Happened(r) => format!("event:  {r}"),
                    TimelineEvent::NameAdopted(name) => format!("known as {name:?}"),
                    TimelineEvent::NameDropped(name) => format!("no longer called {name:?}"),
                    TimelineEvent::Lineage(link) => {
                        let side = match link.side() {
                            Side::Predecessor => "predecessor",
                            _ => "successor",
                        };
                        format!(
                            "{}: {link} [{side}, {} away]",
                            link.kind().label(),
                            link.depth()
                        )
                    }
                    other => format!("{other:?}"),
                };
                if entry.of == actor {
                    writeln!(out, "{date:>12}  {what}")?;
                } else {
                    writeln!(out, "{date:>12}  (of {}) {what}", entry.of.name)?;
                }
            }
            Ok(out)
        },
    )
}
