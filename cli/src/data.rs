//! Where the data comes from (`--data`, `--add`) and how a view reads it
//! (`--as-of`, `--known-by`, `--certain`, `--min-grade`); loads that take
//! over a second show a spinner when standard error is a terminal.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::sync::mpsc;
use std::time::Duration;

use actorgraph::{ActorGraph, Certainty, Date, Grade, View};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// The dataset every subcommand reads.
#[derive(clap::Args, Debug)]
pub struct DataArgs {
    /// A dataset to read instead of the embedded one: RON, JSON (by its
    /// `.json` name), a snapshot (.agsnap) or a Parquet export directory.
    #[arg(long, global = true, value_name = "PATH")]
    pub data: Option<PathBuf>,
    /// A RON or JSON file of extra sources, actors and relations to load on
    /// top (may be given several times).
    #[arg(long = "add", global = true, value_name = "FILE")]
    pub add: Vec<PathBuf>,
}

impl DataArgs {
    /// The dataset named by `--data`, or the embedded one, with `--add` on top.
    pub fn load(&self) -> Result<ActorGraph, actorgraph::Error> {
        let what = match &self.data {
            Some(path) => format!("reading {}", path.display()),
            None => "reading the embedded dataset".to_owned(),
        };
        with_spinner(&what, || {
            let mut graph = match &self.data {
                Some(path) => ActorGraph::from_path(path)?,
                None => ActorGraph::embedded()?,
            };
            for extra in &self.add {
                graph.extend_from_path(extra)?;
            }
            Ok(graph)
        })
    }
}

/// Runs `work`, showing a spinner with `message` if it takes over a second
/// and standard error is a terminal (never in a pipe or a test).
pub fn with_spinner<T>(message: &str, work: impl FnOnce() -> T) -> T {
    if !std::io::stderr().is_terminal() {
        return work();
    }
    let (done, finished) = mpsc::channel::<()>();
    let message = message.to_owned();
    let spinner = std::thread::spawn(move || {
        if finished.recv_timeout(Duration::from_secs(1)).is_ok() {
            return;
        }
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
        bar.set_style(
            ProgressStyle::with_template("{spinner} {msg} ({elapsed})")
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        );
        bar.set_message(message);
        bar.enable_steady_tick(Duration::from_millis(120));
        let _ = finished.recv();
        bar.finish_and_clear();
    });
    let result = work();
    let _ = done.send(());
    let _ = spinner.join();
    result
}

/// The day a query looks at, and how it reads the sources.
#[derive(clap::Args, Debug)]
pub struct ViewArgs {
    /// The day to look at (YYYY-MM-DD).
    #[arg(long, default_value = "2024-11-30", value_name = "DAY")]
    pub as_of: Date,
    #[command(flatten)]
    pub reading: ReadingArgs,
}

/// How sure, and as known by when.
#[derive(clap::Args, Debug)]
pub struct ReadingArgs {
    /// Only count what sources had published by this day (YYYY-MM-DD).
    #[arg(long, value_name = "DAY")]
    pub known_by: Option<Date>,
    /// Keep only relations that certainly held (default: possibly).
    #[arg(long)]
    pub certain: bool,
    /// Count only evidence graded this or better in the Admiralty code,
    /// such as B2.
    #[arg(long, value_name = "GRADE")]
    pub min_grade: Option<Grade>,
}

impl ReadingArgs {
    /// `view`, read as these arguments ask.
    pub fn apply<'g>(&self, mut view: View<'g>) -> View<'g> {
        if let Some(known_by) = self.known_by {
            view = view.known_by(known_by);
        }
        if self.certain {
            view = view.certainty(Certainty::Certainly);
        }
        if let Some(grade) = self.min_grade {
            view = view.graded_at_least(grade);
        }
        view
    }
}

impl ViewArgs {
    /// The view these arguments ask for.
    pub fn view<'g>(&self, graph: &'g ActorGraph) -> View<'g> {
        self.reading.apply(graph.at(self.as_of))
    }

    /// "as of 2024-11-30, as reported by 2024-11-28", with the minimum
    /// grade of evidence when one is asked.
    pub fn describe(&self, graph: &ActorGraph) -> String {
        let view = self.view(graph);
        let mut text = match view.knowledge_date() {
            Some(k) => format!("as of {}, as reported by {k}", view.day()),
            None => format!("as of {}", view.day()),
        };
        if let Some(grade) = view.min_grade() {
            text.push_str(&format!(", on evidence graded {grade} or better"));
        }
        text
    }
}
