//! Prints every backing relation that held on a day, with its sources.
//!
//! ```text
//! cargo run --example who_backs_whom -- --as-of 2024-11-30 --known-by 2024-11-28
//! ```

#[macro_use]
mod common;

use std::process::ExitCode;

use actorgraph::RelationKind;
use clap::Parser;

/// Who backs whom on a day, as the sources had reported it by another.
#[derive(Parser)]
struct Args {
    #[command(flatten)]
    view: common::ViewArgs,
    #[command(flatten)]
    data: common::DataArgs,
}

fn main() -> ExitCode {
    let args: Args = common::parse_args();
    common::run(|| {
        let mut out = String::new();
        let graph = args.data.load()?;
        outln!(out, "Who backs whom {}:", args.view.describe());
        let mut count = 0;
        for backing in args.view.view(&graph).of_kind(RelationKind::Backs) {
            count += 1;
            outln!(out, "\n{backing}");
            if let Some(who) = backing.claimed_by() {
                outln!(out, "    claimed by {who}");
            }
            for evidence in backing.citations() {
                outln!(out, "    {evidence}");
            }
        }
        outln!(out, "\n{count} backing relation(s).");
        Ok(out)
    })
}
