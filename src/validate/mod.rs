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

use crate::base::error::{Error, Item, Problems};
use crate::base::model::{ActorKind, Dataset, Relation};
use crate::store::Store;
use crate::store::id_index::IdIndex;
use crate::store::ix::{ActorIx, Ix, SourceIx};

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

/// A relation's subject and object as found among the actors: each one's
/// kind and position, or `None` when there is no such actor.
pub(crate) type FoundEnds = [Option<(ActorKind, ActorIx)>; 2];

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

/// Checks relations one at a time, for a load that builds the graph as it
/// reads them instead of gathering a whole [`Dataset`] first (the Parquet
/// reader's). It applies the rules [`check`] applies to each relation of
/// a batch; what it cannot see one relation at a time, the loader checks
/// once the relations are in (an id given twice, when the ids are sorted;
/// deaths, by [`check_held_deaths`]). It stops at the first
/// problem: the loader then takes the ordinary path, which names every
/// one.
#[cfg(feature = "parquet")]
pub(crate) struct RelationCheck<'a> {
    catalogue: Catalogue<'a>,
}

#[cfg(feature = "parquet")]
impl<'a> RelationCheck<'a> {
    /// Checks relations against `store` and the sources and actors of
    /// `batch`, checked by [`check`] into `plan`.
    pub(crate) fn new(store: &'a Store, batch: &Dataset, plan: &Plan) -> RelationCheck<'a> {
        RelationCheck {
            catalogue: Catalogue::new(store, batch, &plan.fresh_sources, &plan.fresh_actors),
        }
    }

    /// The ends of each of `relations` as found among the actors, into
    /// `found` (cleared first), for [`check_resolved`](Self::check_resolved).
    ///
    /// A lookup of a million relations' ends among tens of thousands of
    /// actors misses the cache at nearly every one. Made here, with
    /// nothing else between them, the lookups of a chunk do not wait on
    /// each other: the processor has many of them under way at once.
    pub(crate) fn find_ends(&self, relations: &[Relation], found: &mut Vec<FoundEnds>) {
        found.clear();
        found.extend(relations.iter().map(|r| self.catalogue.ends(r)));
    }

    /// The relation's ends, `None` if it breaks a rule, for a reader that
    /// looked up its citations' sources by [`source`](Self::source) and
    /// checked their quotes are not blank itself: a column of sources or
    /// quotes read as a dictionary is looked up once a value, not once a
    /// row. Its ends were found by [`find_ends`](Self::find_ends).
    pub(crate) fn check_resolved(
        &self,
        relation: &Relation,
        found: FoundEnds,
    ) -> Option<(ActorIx, ActorIx)> {
        let mut problems = Problems::default();
        let ends = relations::check_relation(&self.catalogue, relation, found, &mut problems, None);
        (problems.total() == 0).then_some(ends?)
    }

    /// The position the source of id `id` has once the batch is in.
    pub(crate) fn source(&self, id: &str) -> Option<SourceIx> {
        self.catalogue.source(id)
    }
}

/// Checks a store built without [`check`] (a load that checked its
/// relations one at a time) for the rule no single relation shows: no
/// state of a person runs past their death.
///
/// # Errors
///
/// An [`Invalid`](crate::ErrorKind::Invalid) error naming every such state.
#[cfg(feature = "parquet")]
pub(crate) fn check_held_deaths(store: &Store) -> Result<(), Error> {
    let mut problems = Problems::default();
    deaths::check_held(store, &mut problems);
    problems.into_result()
}

/// What ids mean once the batch is in: the store's, and the new items of
/// the batch at the positions after the store's, in batch order.
pub(crate) struct Catalogue<'a> {
    store: &'a Store,
    /// The batch's new sources' ids, numbered from 0 in batch order.
    batch_sources: IdIndex<SourceIx>,
    /// The batch's new actors' ids, numbered likewise, and their kinds.
    batch_actors: IdIndex<ActorIx>,
    batch_actor_kinds: Vec<ActorKind>,
}

impl<'a> Catalogue<'a> {
    fn new(
        store: &'a Store,
        batch: &Dataset,
        fresh_sources: &[bool],
        fresh_actors: &[bool],
    ) -> Catalogue<'a> {
        // Ids kept end to end in one buffer, not as the records' own
        // strings scattered over the heap, and found in one probe (see
        // `IdIndex`): a load checks a million relations against tens of
        // thousands of actors, and a lookup that missed the cache at each
        // step (table, then text) took most of it.
        let mut batch_sources = IdIndex::default();
        for (source, _) in batch.sources.iter().zip(fresh_sources).filter(|(_, f)| **f) {
            // Past the limit numbers stop; capacity has reported that.
            if batch_sources.intern(source.id.as_str()).is_none() {
                break;
            }
        }
        let (mut batch_actors, mut batch_actor_kinds) = (IdIndex::default(), Vec::new());
        for (actor, _) in batch.actors.iter().zip(fresh_actors).filter(|(_, f)| **f) {
            if batch_actors.intern(actor.id.as_str()).is_none() {
                break;
            }
            batch_actor_kinds.push(actor.kind);
        }
        Catalogue {
            store,
            batch_sources,
            batch_actors,
            batch_actor_kinds,
        }
    }

    /// The actor's kind and position, if it exists.
    fn actor(&self, id: &str) -> Option<(ActorKind, ActorIx)> {
        // A first load has no actors in the store: no need to hash the id
        // to find that out, two million times.
        if self.store.actor_count() > 0
            && let Some(at) = self.store.actor_ix(id)
        {
            return Some((self.store.actor(at).kind, at));
        }
        let number = self.batch_actors.find(id)?.index();
        let at = ActorIx::new(self.store.actor_count() + number)?;
        Some((self.batch_actor_kinds[number], at))
    }

    /// What a relation's subject and object are found to be.
    fn ends(&self, relation: &Relation) -> FoundEnds {
        [
            self.actor(relation.subject.as_str()),
            self.actor(relation.object.as_str()),
        ]
    }

    fn source(&self, id: &str) -> Option<SourceIx> {
        if let Some(at) = self.store.source_ix(id) {
            return Some(at);
        }
        SourceIx::new(self.store.source_count() + self.batch_sources.find(id)?.index())
    }

    fn actor_ids(&self) -> impl Iterator<Item = &str> {
        self.store.actor_ids().chain(self.batch_actors.iter())
    }

    fn source_ids(&self) -> impl Iterator<Item = &str> {
        self.store.source_ids().chain(self.batch_sources.iter())
    }
}
