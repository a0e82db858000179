//! What every example shares: arguments, loading the data, and reporting
//! errors on one line.

#![allow(dead_code)]

use std::path::PathBuf;
use std::process::ExitCode;

use actorgraph::{ActorGraph, Certainty, Date, View};
use clap::Parser;

/// Where the data comes from.
#[derive(clap::Args)]
pub struct DataArgs {
    /// A RON dataset to read instead of the embedded one.
    #[arg(long)]
    pub data: Option<PathBuf>,
    /// A RON file of extra sources, actors and relations to load on top
    /// (may be given several times).
    #[arg(long = "add")]
    pub add: Vec<PathBuf>,
}

impl DataArgs {
    /// The dataset named by `--data`, or the embedded one.
    pub fn load(&self) -> Result<ActorGraph, actorgraph::Error> {
        let mut graph = match &self.data {
            Some(path) => ActorGraph::from_path(path)?,
            None => ActorGraph::embedded()?,
        };
        for extra in &self.add {
            graph.extend_from_path(extra)?;
        }
        Ok(graph)
    }
}

/// Which day to look at, as known by which day.
#[derive(clap::Args)]
pub struct ViewArgs {
    /// The day to look at (YYYY-MM-DD).
    #[arg(long, default_value = "2024-11-30", value_parser = parse_day)]
    pub as_of: Date,
    /// Only count what sources had published by this day (YYYY-MM-DD).
    #[arg(long, value_parser = parse_day)]
    pub known_by: Option<Date>,
    /// Keep only relations that certainly held (default: possibly).
    #[arg(long)]
    pub certain: bool,
}

impl ViewArgs {
    /// The view these arguments ask for.
    pub fn view<'g>(&self, graph: &'g ActorGraph) -> View<'g> {
        let mut view = graph.at(self.as_of);
        if let Some(known_by) = self.known_by {
            view = view.known_by(known_by);
        }
        if self.certain {
            view = view.certainty(Certainty::Certainly);
        }
        view
    }

    /// "on 2024-11-30, as reported by 2024-11-28".
    pub fn describe(&self) -> String {
        let mut text = format!("on {}", self.as_of);
        if let Some(k) = self.known_by {
            text.push_str(&format!(", as reported by {k}"));
        }
        text
    }
}

/// Parses the arguments; on a bad one prints a one-line error and exits 2.
pub fn parse_args<T: Parser>() -> T {
    match T::try_parse() {
        Ok(args) => args,
        Err(e) => {
            use clap::error::ErrorKind;
            if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
                // Help is meant to be long.
                let _ = e.print();
                std::process::exit(0);
            }
            let rendered = e.render().to_string();
            let first = rendered.lines().next().unwrap_or("invalid arguments");
            eprintln!("{first}");
            std::process::exit(2);
        }
    }
}

/// Runs `body`, writes the text it returns to standard output, and turns
/// its error into a one-line message and exit code 1.
///
/// Output is written in one go so that a reader closing the pipe early
/// (`| head`) ends the program quietly instead of panicking in `println!`.
pub fn run(body: impl FnOnce() -> Result<String, actorgraph::Error>) -> ExitCode {
    use std::io::Write;
    match body() {
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

/// Parses a `YYYY-MM-DD` day for clap.
pub fn parse_day(text: &str) -> Result<Date, String> {
    text.parse().map_err(|e: actorgraph::Error| e.to_string())
}

/// Parses one relation kind (`allied_with` or `AlliedWith`) for clap.
pub fn parse_kind(text: &str) -> Result<actorgraph::RelationKind, String> {
    text.trim().parse()
}

/// `writeln!` into a `String`, which cannot fail.
#[allow(unused_macros)]
macro_rules! outln {
    ($out:expr, $($arg:tt)*) => {{
        use std::fmt::Write as _;
        let _ = writeln!($out, $($arg)*);
    }};
}

/// `write!` into a `String`, which cannot fail.
#[allow(unused_macros)]
macro_rules! outp {
    ($out:expr, $($arg:tt)*) => {{
        use std::fmt::Write as _;
        let _ = write!($out, $($arg)*);
    }};
}
