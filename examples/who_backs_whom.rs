//! Prints every backing relation that held on a day, with its sources.
//!
//! ```text
//! cargo run --example who_backs_whom -- --as-of 2024-11-30 --known-by 2024-11-28
//! cargo run --example who_backs_whom -- --data data/graded_example.ron --as-of 2031-05-10 --min-grade B2
//! ```

mod common;
#[path = "common/reading.rs"]
mod reading;
#[path = "common/view.rs"]
mod view;

use std::fmt::Write as _;
use std::process::ExitCode;

use actorgraph::{Grade, RelationKind};

/// Who backs whom on a day, as the sources had reported it by another.
#[derive(clap::Parser)]
struct Args {
    #[command(flatten)]
    view: view::ViewArgs,
    #[command(flatten)]
    data: common::DataArgs,
}

fn main() -> ExitCode {
    common::main(
        |args: &Args| &args.data,
        |args, graph| {
            let mut out = String::new();
            writeln!(out, "Who backs whom {}:", args.view.describe(graph))?;
            let mut count = 0;
            for backing in args.view.view(graph).of_kind(RelationKind::Backs) {
                count += 1;
                writeln!(out, "\n{backing}")?;
                if let Some(who) = backing.claimed_by() {
                    writeln!(out, "    claimed by {who}")?;
                }
                for evidence in backing.citations() {
                    writeln!(out, "    [{}] {evidence}", Grade::label(evidence.grade()))?;
                }
            }
            writeln!(out, "\n{count} backing relation(s).")?;
            Ok(out)
        },
    )
}
