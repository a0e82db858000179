//! Prints chains of support and alliance, and the blocs they form.
//!
//! With no arguments: every bloc on the embedded dataset as of 2024-11-30,
//! and the longest chains out of each bloc's roots (actors nothing links
//! into), each hop with its evidence.
//!
//! ```text
//! cargo run --example alliance_chains
//! cargo run --example alliance_chains -- --from Iran --to "Syrian Arab Army"
//! ```

mod common;
#[path = "common/reading.rs"]
mod reading;
#[path = "common/view.rs"]
mod view;

use std::error::Error;
use std::fmt::Write as _;
use std::process::ExitCode;

use actorgraph::{Chain, ChainOptions, RelationKind, Stance, View, algo};

/// Chains of support and alliance valid on a day.
#[derive(clap::Parser)]
struct Args {
    #[command(flatten)]
    view: view::ViewArgs,
    /// Only chains that start at this actor.
    #[arg(long)]
    from: Option<String>,
    /// Only chains that end at this actor.
    #[arg(long)]
    to: Option<String>,
    /// The most hops a chain may have.
    #[arg(long, default_value_t = 4)]
    max_hops: usize,
    /// Relation kinds that count as links (default: backs,allied_with,member_of,leads).
    #[arg(long, value_delimiter = ',')]
    kinds: Option<Vec<RelationKind>>,
    #[command(flatten)]
    data: common::DataArgs,
}

/// The chain, then each of its relations with its first supporting quote.
fn print_chain(out: &mut String, chain: &Chain<'_>) -> std::fmt::Result {
    writeln!(out, "  {chain}")?;
    for relation in chain.hops().iter().flat_map(|h| h.relations()) {
        match relation
            .citations()
            .find(|e| e.stance() == Stance::Supports)
        {
            Some(e) => writeln!(
                out,
                "      {relation}  [{}: {:?}]",
                e.source().id,
                e.quote()
            )?,
            None => writeln!(out, "      {relation}")?,
        }
    }
    Ok(())
}

/// Every bloc, and the longest chains out of its roots.
fn overview(
    out: &mut String,
    view: View<'_>,
    options: &ChainOptions,
) -> Result<(), Box<dyn Error>> {
    let blocs = algo::blocs(view, options);
    for (number, bloc) in blocs.iter().enumerate() {
        let names: Vec<&str> = bloc.iter().map(|a| a.name.as_str()).collect();
        let (number, size, names) = (number + 1, bloc.len(), names.join(", "));
        writeln!(out, "\nBloc {number} ({size} actors): {names}")?;
        for root in algo::bloc_roots(view, bloc, options) {
            let chains = algo::chains_from(view, root, options)?.filter(|c| c.len() > 1);
            for chain in algo::maximal_chains(chains.collect()) {
                print_chain(out, &chain)?;
            }
        }
    }
    writeln!(out, "\n{} bloc(s).", blocs.len())?;
    Ok(())
}

fn main() -> ExitCode {
    common::main(
        |args: &Args| &args.data,
        |args, graph| {
            let mut out = String::new();
            let view = args.view.view(graph);
            let mut options = ChainOptions::default().max_hops(args.max_hops);
            if let Some(kinds) = &args.kinds {
                options = options.kinds(kinds.iter().copied());
            }
            let kinds: Vec<&str> = options.get_kinds().iter().map(|k| k.name()).collect();
            let (day, kinds, hops) = (args.view.describe(graph), kinds.join(", "), args.max_hops);
            writeln!(out, "Chains {day} (links: {kinds}; at most {hops} hops)")?;
            let chains: Vec<Chain<'_>> = match (&args.from, &args.to) {
                (Some(from), Some(to)) => algo::chains(view, from, to, &options)?.collect(),
                (Some(from), None) => algo::chains_from(view, from, &options)?.collect(),
                (None, Some(to)) => algo::chains_into(view, to, &options)?.collect(),
                (None, None) => {
                    overview(&mut out, view, &options)?;
                    return Ok(out);
                }
            };
            for chain in &chains {
                print_chain(&mut out, chain)?;
            }
            writeln!(out, "\n{} chain(s).", chains.len())?;
            Ok(out)
        },
    )
}
