//! Lints a dataset: prints every warning, then what the author acknowledged;
//! exits 1 when there are warnings.
//!
//! ```text
//! cargo run --example lint
//! cargo run --example lint -- --data my_dataset.ron
//! ```

mod common;

use std::fmt::Write as _;
use std::process::ExitCode;

use actorgraph::algo;

/// Warnings about a dataset, as a careful reader of its sources would raise.
#[derive(clap::Parser)]
struct Args {
    /// Also list the warnings the author acknowledged, with their reasons.
    #[arg(long)]
    acknowledged: bool,
    #[command(flatten)]
    data: common::DataArgs,
}

fn main() -> ExitCode {
    let mut clean = true;
    let code = common::main(
        |args: &Args| &args.data,
        |args, graph| {
            let mut out = String::new();
            let lint = algo::lint(graph);
            let warnings: Vec<_> = lint.warnings().collect();
            for finding in &warnings {
                writeln!(out, "warning: {finding}")?;
            }
            let acknowledged: Vec<_> = lint.acknowledged().collect();
            if args.acknowledged {
                for finding in &acknowledged {
                    writeln!(out, "acknowledged: {finding}")?;
                }
            }
            let (w, a) = (warnings.len(), acknowledged.len());
            writeln!(out, "{w} warning(s), {a} acknowledged.")?;
            clean = lint.is_clean();
            Ok(out)
        },
    );
    if code == ExitCode::SUCCESS && !clean {
        ExitCode::FAILURE
    } else {
        code
    }
}
