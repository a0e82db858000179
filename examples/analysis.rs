//! Structural balance, camps by signed partition, and centrality on a day,
//! or the measures as series over days.
//!
//! ```text
//! cargo run --example analysis
//! cargo run --example analysis -- --as-of 2024-12-08 --camps 3 --quotes
//! cargo run --example analysis -- --camps auto --layer negative
//! cargo run --example analysis -- --from 2024-11-26 --to 2024-12-10
//! ```

mod common;
#[path = "common/reading.rs"]
mod reading;
#[path = "common/view.rs"]
mod view;

use std::error::Error;
use std::fmt::{Result, Write as _};
use std::process::ExitCode;

use actorgraph::algo::{self, Layer, PartitionOptions, SignedGraph, Signs};
use actorgraph::{CampOptions, Date, RelationRef};

/// Balance, signed camps and centrality of the conflict on a day.
#[derive(clap::Parser)]
struct Args {
    #[command(flatten)]
    view: view::ViewArgs,
    /// How many camps (at most), or `auto` for the data to choose.
    #[arg(long, default_value = "2")]
    camps: String,
    /// Changes to the sign table: `kind=+`, `kind=-` or `kind=0`, comma-separated.
    #[arg(long, default_value = "")]
    signs: String,
    /// The ties centrality follows: positive, negative or whole.
    #[arg(long, default_value = "whole")]
    layer: String,
    /// Also take in think tanks, monitors, media, places and the like.
    #[arg(long)]
    outsiders: bool,
    /// How many unbalanced triangles, inferences and central actors to show.
    #[arg(long, default_value_t = 10)]
    top: usize,
    /// Quote the strongest evidence of every tie shown.
    #[arg(long)]
    quotes: bool,
    /// Instead of one day, a series from this day (with --to).
    #[arg(long, requires = "to")]
    from: Option<Date>,
    /// The last day of the series.
    #[arg(long, requires = "from")]
    to: Option<Date>,
    #[command(flatten)]
    data: common::DataArgs,
}

/// The strongest quote behind `relations`.
fn quote(relations: &[RelationRef<'_>]) -> String {
    let best = algo::strongest_evidence(relations);
    best.map_or("(no supporting quote known)".to_owned(), |e| {
        format!("[{}] {e}", actorgraph::Grade::label(e.grade()))
    })
}

fn ids(relations: &[RelationRef<'_>]) -> String {
    let ids: Vec<&str> = relations.iter().map(|r| r.id()).collect();
    ids.join(", ")
}

fn print_balance(out: &mut String, args: &Args, signed: &SignedGraph<'_>) -> Result {
    let balance = algo::balance(signed);
    let (positive, negative) = signed.sign_counts();
    writeln!(
        out,
        "{} actors, {} ties ({positive} +, {negative} -, {} mixed)",
        signed.actors().len(),
        signed.ties().len(),
        signed.mixed().count()
    )?;
    match balance.ratio() {
        Some(ratio) => writeln!(
            out,
            "Balance: {} of {} triangles balanced ({:.1}%)",
            balance.balanced(),
            balance.triangles().len(),
            ratio * 100.0
        )?,
        None => writeln!(out, "Balance: no triangle")?,
    }
    let shown = balance.unbalanced_count().min(args.top);
    if shown > 0 {
        writeln!(
            out,
            "\nUnbalanced triangles, surest first ({shown} of {}):",
            balance.unbalanced_count()
        )?;
    }
    for triangle in balance.unbalanced().take(args.top) {
        writeln!(out, "  {triangle}")?;
        for tie in triangle.ties() {
            let [a, b] = tie.ends().map(|e| &signed.actors()[e].name);
            writeln!(out, "    {a} {} {b}: {}", tie.sign(), ids(tie.relations()))?;
            if args.quotes {
                writeln!(out, "      {}", quote(tie.relations()))?;
            }
        }
    }
    let mixed: Vec<_> = signed.mixed().collect();
    if !mixed.is_empty() {
        writeln!(
            out,
            "\nMixed ties (relations of both signs; the surer side decides):"
        )?;
    }
    for tie in mixed {
        let [a, b] = tie.ends().map(|e| &signed.actors()[e].name);
        writeln!(
            out,
            "  {a} – {b}: {} [{}] over [{}]",
            tie.sign(),
            ids(tie.relations()),
            ids(tie.overruled())
        )?;
    }
    let inferences = algo::enemies_of_enemies(signed);
    if !inferences.is_empty() {
        writeln!(
            out,
            "\nEnemy of my enemy ({} pairs; inferences, not facts):",
            inferences.len()
        )?;
    }
    for inference in inferences.iter().take(args.top) {
        writeln!(out, "  {inference}")?;
    }
    Ok(())
}

fn print_partition(
    out: &mut String,
    args: &Args,
    signed: &SignedGraph<'_>,
    camps: Option<usize>,
) -> std::result::Result<(), Box<dyn Error>> {
    let split = algo::partition(signed, &PartitionOptions::default().camps(camps))?;
    let asked = camps.map_or("chosen by the data".to_owned(), |k| format!("at most {k}"));
    writeln!(
        out,
        "\nSigned camps ({asked}): {} frustrated ties, {}",
        split.frustration(),
        split.optimality()
    )?;
    for (i, camp) in split.camps().iter().enumerate() {
        let names: Vec<&str> = camp.members().iter().map(|a| a.name.as_str()).collect();
        writeln!(
            out,
            "  camp {} ({}): {}",
            i + 1,
            names.len(),
            names.join(", ")
        )?;
    }
    let apart: Vec<String> = split
        .apart()
        .iter()
        .map(|group| {
            let names: Vec<&str> = group.members().iter().map(|a| a.name.as_str()).collect();
            names.join(", ")
        })
        .collect();
    if !apart.is_empty() {
        writeln!(out, "  apart (no tie to the camps): {}", apart.join("; "))?;
    }
    if split.frustration() > 0 {
        writeln!(out, "  frustrated ties:")?;
    }
    for &t in split.frustrated_ties() {
        let tie = &signed.ties()[t];
        let [a, b] = tie.ends();
        let where_ = if split.labels()[a] == split.labels()[b] {
            "inside a camp"
        } else {
            "across camps"
        };
        let (a, b) = (&signed.actors()[a].name, &signed.actors()[b].name);
        writeln!(
            out,
            "    {a} {} {b} ({where_}): {}",
            tie.sign(),
            ids(tie.relations())
        )?;
        if args.quotes {
            writeln!(out, "      {}", quote(tie.relations()))?;
        }
    }
    writeln!(out, "\nBeside today's camps:")?;
    let today = algo::camps(signed.view(), &CampOptions::default());
    for line in split.beside(&today) {
        writeln!(out, "  {line}")?;
    }
    Ok(())
}

fn print_centrality(
    out: &mut String,
    args: &Args,
    signed: &SignedGraph<'_>,
    layer: Layer,
) -> Result {
    let centrality = algo::centrality(signed, layer);
    writeln!(
        out,
        "\nCentrality on the {} layer (betweenness, closeness, eigenvector, degree in/out):",
        layer.name()
    )?;
    for (actor, betweenness) in centrality.top_betweenness(args.top) {
        let Some(i) = signed.position(actor) else {
            continue;
        };
        let eigen = centrality
            .eigenvector()
            .map_or("-".to_owned(), |e| format!("{:.3}", e[i]));
        writeln!(
            out,
            "  {:<40} {betweenness:.3}  {:.3}  {eigen}  {}/{}",
            actor.name,
            centrality.closeness()[i],
            centrality.in_degree()[i],
            centrality.out_degree()[i]
        )?;
    }
    Ok(())
}

fn run(args: &Args, graph: &actorgraph::ActorGraph) -> std::result::Result<String, Box<dyn Error>> {
    let mut out = String::new();
    let signs = Signs::parse(&args.signs)?.outsiders(args.outsiders);
    let view = args.view.view(graph);
    let layer = match args.layer.as_str() {
        "positive" => Layer::Positive,
        "negative" => Layer::Negative,
        "whole" => Layer::Whole,
        other => {
            return Err(
                format!("invalid layer: {other:?} is none of positive, negative, whole").into(),
            );
        }
    };
    let camps = match args.camps.as_str() {
        "auto" => None,
        k => Some(
            k.parse::<usize>()
                .map_err(|_| format!("invalid camps: {k:?} is neither a number nor auto"))?,
        ),
    };
    if let (Some(from), Some(to)) = (args.from, args.to) {
        let series = algo::series(view, from, to, &signs)?;
        writeln!(
            out,
            "day         actors  ties  triangles  balanced  frustration  changes"
        )?;
        for day in series.days() {
            let ratio = day
                .ratio()
                .map_or("-".to_owned(), |r| format!("{:.1}%", r * 100.0));
            writeln!(
                out,
                "{}  {:>6}  {:>4}  {:>9}  {:>8}  {:>11}  {:>7}",
                day.day,
                day.actors,
                day.ties,
                day.triangles,
                ratio,
                day.frustration,
                day.changes.len()
            )?;
        }
        for day in series.days() {
            for change in day
                .changes
                .iter()
                .filter(|c| c.balanced != 0 || c.unbalanced != 0)
            {
                writeln!(out, "{}: {change}", day.day)?;
            }
        }
        return Ok(out);
    }
    let signed = algo::signed(view, &signs);
    writeln!(out, "Signed graph {}", args.view.describe(graph))?;
    if signed.is_empty() {
        writeln!(out, "no signed relations on that day")?;
        return Ok(out);
    }
    print_balance(&mut out, args, &signed)?;
    print_partition(&mut out, args, &signed, camps)?;
    print_centrality(&mut out, args, &signed, layer)?;
    Ok(out)
}

fn main() -> ExitCode {
    common::main(|args: &Args| &args.data, run)
}
