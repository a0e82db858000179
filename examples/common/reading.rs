//! How a view reads the sources: as known by a day, possibly or certainly.

use actorgraph::{Certainty, Date, View};

/// How sure, and as known by when.
#[derive(clap::Args)]
pub struct ReadingArgs {
    /// Only count what sources had published by this day (YYYY-MM-DD).
    #[arg(long)]
    known_by: Option<Date>,
    /// Keep only relations that certainly held (default: possibly).
    #[arg(long)]
    certain: bool,
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
        view
    }
}
