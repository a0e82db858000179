//! Which day to look at, as known by which day.

use actorgraph::{ActorGraph, Date, View};

use super::reading::ReadingArgs;

/// The day a view looks at, and how it reads the sources.
#[derive(clap::Args)]
pub struct ViewArgs {
    /// The day to look at (YYYY-MM-DD).
    #[arg(long, default_value = "2024-11-30")]
    as_of: Date,
    #[command(flatten)]
    reading: ReadingArgs,
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
