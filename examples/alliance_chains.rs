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

#[macro_use]
mod common;

use std::process::ExitCode;

use actorgraph::{Chain, ChainOptions, RelationKind, Stance, View};
use clap::Parser;

/// Chains of support and alliance valid on a day.
#[derive(Parser)]
struct Args {
    #[command(flatten)]
    view: common::ViewArgs,
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
    #[arg(long, value_delimiter = ',', value_parser = common::parse_kind)]
    kinds: Option<Vec<RelationKind>>,
    #[command(flatten)]
    data: common::DataArgs,
}

fn print_chain(out: &mut String, chain: &Chain<'_>) {
    outln!(out, "  {chain}");
    for hop in chain.hops() {
        for relation in hop.relations() {
            let evidence = relation
                .citations()
                .find(|e| e.stance() == Stance::Supports);
            match evidence {
                Some(e) => outln!(
                    out,
                    "      {relation}  [{}: {:?}]",
                    e.source().id,
                    e.quote()
                ),
                None => outln!(out, "      {relation}"),
            }
        }
    }
}

/// Chains that no other chain in `chains` extends.
fn maximal<'g>(chains: Vec<Chain<'g>>) -> Vec<Chain<'g>> {
    let ids = |c: &Chain<'_>| c.actors().map(|a| a.id.clone()).collect::<Vec<_>>();
    let all: Vec<Vec<_>> = chains.iter().map(ids).collect();
    chains
        .into_iter()
        .enumerate()
        .filter(|(i, _)| {
            !all.iter()
                .any(|other| other.len() > all[*i].len() && other.starts_with(&all[*i]))
        })
        .map(|(_, c)| c)
        .collect()
}

fn overview(
    out: &mut String,
    view: View<'_>,
    options: &ChainOptions,
) -> Result<(), actorgraph::Error> {
    let blocs = view.blocs(options);
    for (number, bloc) in blocs.iter().enumerate() {
        let names: Vec<&str> = bloc.iter().map(|a| a.name.as_str()).collect();
        outln!(
            out,
            "\nBloc {} ({} actors): {}",
            number + 1,
            bloc.len(),
            names.join(", ")
        );
        let members: Vec<&str> = bloc.iter().map(|a| a.id.as_str()).collect();
        let roots = members.iter().filter(|id| {
            view.chains_into(id, &options.clone().max_hops(1))
                .map(|mut c| c.next().is_none())
                .unwrap_or(false)
        });
        for root in roots {
            let chains: Vec<Chain<'_>> = view
                .chains_from(root, options)?
                .filter(|c| c.len() > 1)
                .collect();
            for chain in maximal(chains) {
                print_chain(out, &chain);
            }
        }
    }
    outln!(out, "\n{} bloc(s).", blocs.len());
    Ok(())
}

fn main() -> ExitCode {
    let args: Args = common::parse_args();
    common::run(|| {
        let mut out = String::new();
        let graph = args.data.load()?;
        let view = args.view.view(&graph);
        let mut options = ChainOptions::default().max_hops(args.max_hops);
        if let Some(kinds) = &args.kinds {
            options = options.kinds(kinds.iter().copied());
        }
        let kinds: Vec<&str> = options.link_kinds().iter().map(|k| k.name()).collect();
        outln!(
            out,
            "Chains {} (links: {}; at most {} hops)",
            args.view.describe(),
            kinds.join(", "),
            options.hop_limit()
        );
        let chains: Vec<Chain<'_>> = match (&args.from, &args.to) {
            (Some(from), Some(to)) => view.chains(from, to, &options)?.collect(),
            (Some(from), None) => view.chains_from(from, &options)?.collect(),
            (None, Some(to)) => view.chains_into(to, &options)?.collect(),
            (None, None) => {
                overview(&mut out, view, &options)?;
                return Ok(out);
            }
        };
        for chain in &chains {
            print_chain(&mut out, chain);
        }
        outln!(out, "\n{} chain(s).", chains.len());
        Ok(out)
    })
}
