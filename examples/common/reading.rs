//! How a view reads the sources: as known by a day, possibly or certainly.

use actorgraph::{Certainty, Date, Grade, View};

/// How sure, and as known by when.
#[derive(clap::Args)]
pub struct ReadingArgs {
    /// Only count what sources had published by this day (YYYY-MM-DD).
    #[arg(long)]
    known_by: Option<Date>,
    /// Keep only relations that certainly held (default: possibly).
    #[arg(long)]
    certain: bool,
    /// Count only evidence graded this or better in the Admiralty code
    /// (source reliability A-F, credibility 1-6), such as B2.
    #[arg(long)]
    min_grade: Option<Grade>,
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
