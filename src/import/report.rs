//! What an import did: [`ImportReport`], the page an analyst reads before
//! trusting it.

use std::collections::BTreeMap;
use std::fmt;

use crate::base::id::ActorId;
use crate::base::kind::{ActorKind, RelationKind};
use crate::base::matching::MatchKind;
use crate::base::rejected::RejectedRow;

/// How an incoming actor was found to be one the graph already holds.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Matched {
    /// The alias file maps the incoming name or dataset id to the actor.
    AliasFile,
    /// By the name search ([`ActorGraph::search`](crate::ActorGraph::search)):
    /// an id, the name, or the name in another spelling, that one actor
    /// alone bears. `name` is the actor's name that fit.
    Search {
        /// How the incoming name fit.
        how: MatchKind,
        /// The id, name, alias or former name of the actor that fit.
        name: String,
    },
}

/// An incoming actor taken to be one the graph holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActorMatch {
    /// The name (or dataset id) as the data wrote it.
    pub incoming: String,
    /// The actor it was taken to be.
    pub actor: ActorId,
    /// How.
    pub how: Matched,
}

/// An incoming name that fit several actors of the graph, imported as a
/// new actor because the import was asked to
/// ([`ImportOptions::new_when_ambiguous`](super::ImportOptions)).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AmbiguousActor {
    /// The name as the data wrote it.
    pub incoming: String,
    /// The actors it fit.
    pub candidates: Vec<ActorId>,
    /// The new actor made for it.
    pub created: ActorId,
}

/// A row that was read, is valid, and by the dataset's own rules states
/// nothing to import (a UCDP support row coding no support).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EmptyRow {
    /// The line the row begins on.
    pub line: u64,
    /// Why it gives nothing.
    pub reason: String,
}

/// What an import read and made.
///
/// Every row read is counted once: it became items, it was
/// [rejected](ImportReport::rejected), or it [gave
/// nothing](ImportReport::empty) for a reason the report gives.
/// Displays as the page the `import` example prints.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportReport {
    /// Data rows read, over every file (headers not counted).
    pub rows_read: u64,
    /// Relations created, by kind.
    pub relations: BTreeMap<RelationKind, usize>,
    /// New actors created, by kind.
    pub new_actors: BTreeMap<ActorKind, usize>,
    /// Sources created.
    pub sources: usize,
    /// Incoming actors taken to be actors the graph already holds.
    pub matched: Vec<ActorMatch>,
    /// Incoming names that fit several actors and were made new actors.
    pub ambiguous: Vec<AmbiguousActor>,
    /// Rows refused, with their line and reason; when the import was not
    /// asked to skip them, it added nothing.
    pub rejected: Vec<RejectedRow>,
    /// Valid rows that state nothing to import, with the reason.
    pub empty: Vec<EmptyRow>,
    /// Items the graph already held, identical, and so skipped: a file
    /// imported twice adds nothing the second time.
    pub already_held: usize,
}

impl ImportReport {
    /// Relations created, over every kind.
    pub fn relation_count(&self) -> usize {
        self.relations.values().sum()
    }

    /// New actors created, over every kind.
    pub fn new_actor_count(&self) -> usize {
        self.new_actors.values().sum()
    }
}

impl fmt::Display for ImportReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "rows read: {}", self.rows_read)?;
        writeln!(f, "rows rejected: {}", self.rejected.len())?;
        for row in &self.rejected {
            writeln!(f, "  {row}")?;
        }
        if !self.empty.is_empty() {
            writeln!(f, "rows with nothing to import: {}", self.empty.len())?;
            for row in self.empty.iter().take(20) {
                writeln!(f, "  line {}: {}", row.line, row.reason)?;
            }
            if self.empty.len() > 20 {
                writeln!(f, "  ... and {} more", self.empty.len() - 20)?;
            }
        }
        writeln!(f, "relations created: {}", self.relation_count())?;
        for (kind, n) in &self.relations {
            writeln!(f, "  {}: {n}", kind.name())?;
        }
        writeln!(f, "sources created: {}", self.sources)?;
        writeln!(f, "actors new: {}", self.new_actor_count())?;
        for (kind, n) in &self.new_actors {
            writeln!(f, "  {}: {n}", kind.label())?;
        }
        writeln!(f, "actors matched: {}", self.matched.len())?;
        for m in &self.matched {
            match &m.how {
                Matched::AliasFile => {
                    writeln!(f, "  {:?} -> {} (alias file)", m.incoming, m.actor)?
                }
                Matched::Search { how, name } => writeln!(
                    f,
                    "  {:?} -> {} ({} match on {name:?})",
                    m.incoming,
                    m.actor,
                    format!("{how:?}").to_lowercase()
                )?,
            }
        }
        writeln!(f, "actors ambiguous: {}", self.ambiguous.len())?;
        for a in &self.ambiguous {
            let candidates: Vec<&str> = a.candidates.iter().map(ActorId::as_str).collect();
            writeln!(
                f,
                "  {:?} fits {}; imported as new actor {}",
                a.incoming,
                candidates.join(", "),
                a.created
            )?;
        }
        if self.already_held > 0 {
            writeln!(f, "items already held, skipped: {}", self.already_held)?;
        }
        Ok(())
    }
}
