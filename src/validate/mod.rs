//! Validation: a pure check of a batch against what a store holds.
//!
//! [`check`] reads the store and never changes it. It answers with every
//! problem it finds, or with a [`Plan`]: which items of the batch are new,
//! and the store positions their references will point to once the batch
//! is in, so building need not look any id up again.

mod capacity;
mod deaths;
mod ids;
mod records;
mod relations;

use std::collections::HashMap;

use crate::base::error::{Error, Item, Problems};
use crate::base::model::{ActorKind, Dataset};
use crate::store::ix::{ActorIx, Ix, SourceIx};
use crate::store::{FastHash, Store};

/// How to apply a checked batch.
#[derive(Debug)]
pub(crate) struct Plan {
    /// For each source, actor and relation of the batch, in order, whether
    /// it is new (false: an identical definition is held already).
    pub(crate) fresh_sources: Vec<bool>,
    pub(crate) fresh_actors: Vec<bool>,
    pub(crate) fresh_relations: Vec<bool>,
    /// Subject and object of each relation of the batch.
    pub(crate) ends: Vec<(ActorIx, ActorIx)>,
    /// The source of each citation of the batch's relations, in a row.
    pub(crate) citation_sources: Vec<SourceIx>,
}

/// Names the item at fault; built only when a problem is found, since
/// formatting one per item would dominate the cost of loading.
type Blame<'a> = &'a dyn Fn() -> Item;

/// Checks `batch` against itself and `store`, collecting every problem;
/// `names_held` is how many distinct names the graph has filed.
///
/// # Errors
///
/// An [`Invalid`](crate::ErrorKind::Invalid) error with every problem found (up to [`Problems::CAP`]).
pub(crate) fn check(store: &Store, names_held: usize, batch: &Dataset) -> Result<Plan, Error> {
    let mut problems = Problems::default();
    capacity::check(store, names_held, batch, &mut problems);
    let fresh_sources = ids::fresh_sources(store, &batch.sources, &mut problems);
    let fresh_actors = ids::fresh_actors(store, &batch.actors, &mut problems);
    let fresh_relations = ids::fresh_relations(store, &batch.relations, &mut problems);
    let catalogue = Catalogue::new(store, batch, &fresh_sources, &fresh_actors);
    records::check_sources(&batch.sources, &mut problems);
    records::check_actors(&catalogue, &batch.actors, &mut problems);
    let (ends, citation_sources) =
        relations::check_relations(&catalogue, &batch.relations, &mut problems);
    deaths::check_deaths(store, batch, &mut problems);
    problems.into_result()?;
    Ok(Plan {
        fresh_sources,
        fresh_actors,
        fresh_relations,
        ends,
        citation_sources,
    })
}

/// What ids mean once the batch is in: the store's, and the new items of
/// the batch at the positions after the store's, in batch order.
pub(crate) struct Catalogue<'a> {
    store: &'a Store,
    batch_sources: HashMap<&'a str, SourceIx, FastHash>,
    batch_actors: HashMap<&'a str, (ActorKind, ActorIx), FastHash>,
}

impl<'a> Catalogue<'a> {
    fn new(
        store: &'a Store,
        batch: &'a Dataset,
        fresh_sources: &[bool],
        fresh_actors: &[bool],
    ) -> Catalogue<'a> {
        let new_sources = batch.sources.iter().zip(fresh_sources).filter(|(_, f)| **f);
        // Past the limit positions stop; capacity has reported that already.
        let batch_sources = new_sources
            .zip(store.source_count()..)
            .filter_map(|((s, _), at)| Some((s.id.as_str(), SourceIx::new(at)?)))
            .collect();
        let new_actors = batch.actors.iter().zip(fresh_actors).filter(|(_, f)| **f);
        let batch_actors = new_actors
            .zip(store.actor_count()..)
            .filter_map(|((a, _), at)| Some((a.id.as_str(), (a.kind, ActorIx::new(at)?))))
            .collect();
        Catalogue {
            store,
            batch_sources,
            batch_actors,
        }
    }

    /// The actor's kind and position, if it exists.
    fn actor(&self, id: &str) -> Option<(ActorKind, ActorIx)> {
        match self.store.actor_ix(id) {
            Some(at) => Some((self.store.actor(at).kind, at)),
            None => self.batch_actors.get(id).copied(),
        }
    }

    fn source(&self, id: &str) -> Option<SourceIx> {
        self.store
            .source_ix(id)
            .or_else(|| self.batch_sources.get(id).copied())
    }

    fn actor_ids(&self) -> impl Iterator<Item = &str> {
        self.store
            .actor_ids()
            .chain(self.batch_actors.keys().copied())
    }

    fn source_ids(&self) -> impl Iterator<Item = &str> {
        self.store
            .source_ids()
            .chain(self.batch_sources.keys().copied())
    }
}
