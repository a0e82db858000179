//! Who stands with whom on a day, and how: each camp of the conflict, the
//! chains of support into it with each hop's strongest quote, and whom it
//! fights.
//!
//! ```text
//! cargo run --example alliance_chains
//! cargo run --example alliance_chains -- --all --outsiders --quotes
//! cargo run --example alliance_chains -- --from Iran --to "Syrian Arab Army"
//! cargo run --example alliance_chains -- --to HTS --merge-lineage
//! ```
//!
//! `--merge-lineage` treats each actor as one with its predecessors (what
//! it split from, what merged into it, what it succeeded): chains from or
//! into them count for it, and camps take them in; each answer lists the
//! links that merged them.

mod common;
#[path = "common/reading.rs"]
mod reading;
#[path = "common/view.rs"]
mod view;

use std::fmt::{Result, Write as _};
use std::process::ExitCode;

use actorgraph::{CampOptions, Chain, ChainOptions, Date, View, algo};

/// The camps of a conflict on a day, or chains of support between actors.
#[derive(clap::Parser)]
struct Args {
    #[command(flatten)]
    view: view::ViewArgs,
    /// Instead of camps, the chains of backing, alliance, membership and
    /// leadership that start at this actor.
    #[arg(long)]
    from: Option<String>,
    /// Instead of camps, the chains that end at this actor.
    #[arg(long)]
    to: Option<String>,
    /// The most hops a chain may have.
    #[arg(long, default_value_t = 3)]
    max_hops: usize,
    /// The first day whose attacks count as fighting (default: a week back).
    #[arg(long)]
    since: Option<Date>,
    /// Also take in think tanks, monitors, media, places and the like.
    #[arg(long)]
    outsiders: bool,
    /// Every group that holds together, not only the camps at war.
    #[arg(long)]
    all: bool,
    /// Quote every tie, not only the hops of chains.
    #[arg(long)]
    quotes: bool,
    /// After the camps, the two signed camps that frustrate fewest ties, beside them.
    #[arg(long)]
    signed_camps: bool,
    /// Treat each actor as one with its predecessors (splits, mergers,
    /// successions), saying which links merged them.
    #[arg(long)]
    merge_lineage: bool,
    #[command(flatten)]
    data: common::DataArgs,
}

const FIGHTING: &str = "fighting: opposed then, or attacked since";
const LEGEND: &str = "[possibly]: on some reading of its dates; [contested]: a source disputes it";
const MORE: &str =
    "--quotes, --all, --outsiders, --since DAY, --merge-lineage, --from/--to for chains";

/// Every camp on the view's day.
fn print_camps(out: &mut String, args: &Args, view: View<'_>, day: &str) -> Result {
    let mut options = CampOptions::default().max_hops(args.max_hops);
    options = options.outsiders(args.outsiders).every_core(args.all);
    options = options.merge_lineage(args.merge_lineage);
    if let Some(since) = args.since {
        options = options.since(since);
    }
    let since = options.attacks_from(view.day());
    writeln!(
        out,
        "Who stands with whom {day}; {FIGHTING} {since}\n{LEGEND}"
    )?;
    let camps = algo::camps(view, &options);
    for camp in &camps {
        write!(out, "\n{}", camp.report(args.quotes))?;
    }
    if args.signed_camps {
        let beside = algo::signed_camps_beside(view, &camps, &options, args.quotes);
        write!(out, "\n{beside}")?;
    }
    writeln!(out, "\n{} camp(s); more with {MORE}.", camps.len())
}

fn main() -> ExitCode {
    common::main(
        |args: &Args| &args.data,
        |args, graph| {
            let (mut out, view) = (String::new(), args.view.view(graph));
            let day = args.view.describe(graph);
            let links = ChainOptions::default()
                .max_hops(args.max_hops)
                .merge_lineage(args.merge_lineage);
            let chains: Vec<Chain<'_>> = match (&args.from, &args.to) {
                (Some(from), Some(to)) => algo::chains(view, from, to, &links)?.collect(),
                (Some(from), None) => algo::chains_from(view, from, &links)?.collect(),
                (None, Some(to)) => algo::chains_into(view, to, &links)?.collect(),
                (None, None) => {
                    print_camps(&mut out, args, view, &day)?;
                    return Ok(out);
                }
            };
            writeln!(out, "Chains {day}")?;
            for chain in &chains {
                write!(out, "{}", chain.report())?;
            }
            writeln!(out, "\n{} chain(s).", chains.len())?;
            Ok(out)
        },
    )
}
