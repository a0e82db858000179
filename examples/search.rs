//! Prints the actors a text may mean, best first, with how each matched.
//!
//! ```text
//! cargo run --example search -- Jolani
//! ```

mod common;

use std::fmt::Write as _;
use std::process::ExitCode;

/// Ranked candidates for a name as a person would type it.
#[derive(clap::Parser)]
struct Args {
    /// The text to look for: a name, part of one, or another spelling.
    text: String,
    /// Print at most this many candidates.
    #[arg(long, default_value_t = 20)]
    limit: usize,
    #[command(flatten)]
    data: common::DataArgs,
}

fn main() -> ExitCode {
    common::main(
        |args: &Args| &args.data,
        |args, graph| {
            let mut out = String::new();
            let mut found = graph.search(&args.text).peekable();
            if found.peek().is_none() {
                writeln!(out, "No actor is near {:?}", args.text)?;
            } else {
                writeln!(out, "Candidates for {:?}, best first:", args.text)?;
            }
            let mut shown = 0;
            for candidate in found.by_ref().take(args.limit) {
                shown += 1;
                let (how, score) = (candidate.how(), candidate.score());
                writeln!(out, "{shown:>4}. {candidate}")?;
                writeln!(out, "      matched by {how}, score {score:.2}")?;
            }
            let rest = found.count();
            if rest > 0 {
                writeln!(out, "      and {rest} more (--limit)")?;
            }
            // What a query given this text would act on.
            match graph.resolve_explained(&args.text) {
                Ok(found) if found.is_part_of_name() => {
                    let actor = found.actor();
                    writeln!(
                        out,
                        "Resolves to {} (id {}), matching part of the name {:?} ({})",
                        actor.name,
                        actor.id,
                        found.matched(),
                        found.how()
                    )?
                }
                Ok(found) => {
                    let actor = found.actor();
                    writeln!(out, "Resolves to {} (id {})", actor.name, actor.id)?
                }
                Err(e) => writeln!(out, "Does not resolve: {e}")?,
            }
            Ok(out)
        },
    )
}
