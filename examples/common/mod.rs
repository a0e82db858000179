//! What every example shares: where the data comes from, parsing the
//! arguments, and reporting errors on one line.

use std::error::Error;
use std::path::PathBuf;
use std::process::ExitCode;

use actorgraph::ActorGraph;
use clap::Parser;

/// Where the data comes from.
#[derive(clap::Args)]
pub struct DataArgs {
    /// A RON dataset to read instead of the embedded one.
    #[arg(long)]
    data: Option<PathBuf>,
    /// A RON file of extra sources, actors and relations to load on top
    /// (may be given several times).
    #[arg(long = "add")]
    add: Vec<PathBuf>,
    /// Use a synthetic dataset of this many relations (the benches' shape,
    /// seed 42) instead of the embedded one.
    #[arg(long, conflicts_with = "data")]
    synthetic: Option<usize>,
}

impl DataArgs {
    /// The dataset named by `--data`, or the embedded one, with `--add` on top.
    pub fn load(&self) -> Result<ActorGraph, actorgraph::Error> {
        let mut graph = match (&self.data, self.synthetic) {
            (Some(path), _) => ActorGraph::from_path(path)?,
            (None, Some(relations)) => ActorGraph::from_dataset(
                actorgraph::synthetic::Spec::benches(relations).generate(),
            )?,
            (None, None) => ActorGraph::embedded()?,
        };
        for extra in &self.add {
            graph.extend_from_path(extra)?;
        }
        Ok(graph)
    }
}

/// Parses the arguments and runs `body` on them and the loaded data; writes
/// the text it returns to standard output in one go, so that a reader
/// closing the pipe early (`| head`) ends the program quietly. A bad
/// argument prints one line and exits 2; a failure, one line and exit 1.
pub fn main<A: Parser>(
    data: impl FnOnce(&A) -> &DataArgs,
    body: impl FnOnce(&A, &ActorGraph) -> Result<String, Box<dyn Error>>,
) -> ExitCode {
    use std::io::Write;
    let args = match A::try_parse() {
        Ok(args) => args,
        Err(e) if !e.use_stderr() => {
            // Help and version are meant to be long, and are not failures.
            let _ = e.print();
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            let rendered = e.render().to_string();
            eprintln!("{}", rendered.lines().next().unwrap_or("invalid arguments"));
            return ExitCode::from(2);
        }
    };
    let text = data(&args)
        .load()
        .map_err(Box::<dyn Error>::from)
        .and_then(|graph| body(&args, &graph));
    match text {
        Ok(text) => {
            let mut stdout = std::io::stdout().lock();
            match stdout
                .write_all(text.as_bytes())
                .and_then(|()| stdout.flush())
            {
                Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                    eprintln!("error: cannot write output: {e}");
                    ExitCode::FAILURE
                }
                _ => ExitCode::SUCCESS,
            }
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
