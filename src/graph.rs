//! The graph: the store and its indexes, built through validation's plan.
//!
//! # Where `ActorGraph`'s methods live
//!
//! A method lives with the layer it needs, so that no layer imports one
//! above it; rustdoc shows them all on one page. Here: building and
//! growing (`new`, `from_dataset`, `extend`, `merge`, `add_*`), counts and
//! records (`actors`, `sources`, `actor`, `source`, `to_dataset`).
//! Elsewhere:
//!
//! | methods | file |
//! |---|---|
//! | `at`, `relation`, `relations` | `view/mod.rs` |
//! | `resolve`, `find_by_name`, `actor_handles` | `view/actor.rs` |
//! | `search`, `resolve_explained` | `view/search.rs` |
//! | `from_ron`, `embedded`, `to_ron` | `format/ron.rs` |
//! | `from_json`, `to_json` | `format/json.rs` |
//! | `from_path`, `extend_from_path` | `format/load.rs` |
//! | `to_snapshot`, `from_snapshot`, `save_snapshot` | `format/snapshot.rs` |
//! | `from_rows` (crate only: relations read one at a time) | `load_rows.rs` |
//!
//! `Dataset`'s readers and writers are in `format/ron.rs` and
//! `format/json.rs`, beside the graph's.

use std::sync::OnceLock;

use crate::base::error::{Error, Fault, Item, ItemKind, Problems};
use crate::base::model::{Actor, Dataset, Relation, Source};
use crate::index::interval::IntervalIndex;
use crate::index::names::{NameIndex, normalize_name};
use crate::index::neighbours::NeighbourIndex;
use crate::index::search::SearchIndex;
use crate::store::ix::ActorIx;
use crate::store::{Full, Store};
use crate::validate;

/// A validated graph of actors and their dated, sourced relations.
///
/// Build one from RON ([`ActorGraph::from_ron`], [`ActorGraph::from_path`],
/// [`ActorGraph::embedded`]) or in code ([`ActorGraph::new`] and the `add_*`
/// methods). Every way in runs the same validation, and a rejected change
/// leaves the graph exactly as it was. Ask it questions through a
/// [`View`](crate::View) ([`ActorGraph::at`]).
///
/// # Example
///
/// ```
/// use actorgraph::{Actor, ActorGraph, ActorKind};
///
/// let mut graph = ActorGraph::new();
/// graph.add_actor(Actor {
///     id: "iran".parse()?,
///     name: "Iran".into(),
///     kind: ActorKind::State,
///     aliases: vec!["Tehran".into()],
///     former_names: vec![],
///     died: None,
///     note: None,
///     reliability: None,
/// })?;
/// assert_eq!(graph.resolve("tehran")?.name, "Iran");
/// # Ok::<(), actorgraph::Error>(())
/// ```
#[derive(Clone, Default)]
pub struct ActorGraph {
    pub(crate) store: Store,
    /// Built on the first lookup or search by name after a load, as the
    /// other indexes are on their first query: filing 50 000 actors' names
    /// was two fifths of the step of a Parquet read that comes before its
    /// relations, which no other thread shares, for names that many uses
    /// of the graph never look up. Once built, it is kept up to date as
    /// actors are added.
    name_indexes: OnceLock<NameIndexes>,
    /// An upper bound on the names filed (each actor's id, name, aliases
    /// and former names, as validation counts them), for the capacity
    /// check while the name indexes are not built.
    names_bound: usize,
    /// Built on the first as-of query after a change.
    interval_index: OnceLock<IntervalIndex>,
    /// Built on the first neighbourhood query after a change.
    neighbour_index: OnceLock<NeighbourIndex>,
}

/// Both name indexes of a graph's actors.
#[derive(Clone, Default)]
pub(crate) struct NameIndexes {
    /// Every actor under its id and each of its names, normalised.
    pub(crate) names: NameIndex,
    /// The words of every name, for [`ActorGraph::search`].
    pub(crate) search: SearchIndex,
}

impl NameIndexes {
    fn shrink_to_fit(&mut self) {
        self.names.shrink_to_fit();
        self.search.shrink_to_fit();
    }
}

/// Whether a batch gives back the room its tables' doubling left unused.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Slack {
    /// After a whole batch, when it was large enough to pay for the copy.
    GiveBack,
    /// After one piece of a load: more pieces follow.
    Keep,
}

impl PartialEq for ActorGraph {
    fn eq(&self, other: &Self) -> bool {
        // Interning may number the same quotes differently, so compare
        // what the graphs hold, not how.
        self.store.sources().eq(other.store.sources())
            && self.store.actors().eq(other.store.actors())
            && self.relation_count() == other.relation_count()
            && self
                .store
                .relation_positions()
                .all(|p| self.store.relation_record(p) == other.store.relation_record(p))
    }
}

impl Eq for ActorGraph {}

impl ActorGraph {
    /// An empty graph.
    pub fn new() -> ActorGraph {
        ActorGraph::default()
    }

    /// Builds a graph from a dataset, checking it whole.
    ///
    /// # Errors
    ///
    /// An [`Invalid`](crate::ErrorKind::Invalid) error listing every problem found: unknown or duplicate
    /// ids, reversed intervals, relations without citations, empty quotes or
    /// names, relations of an actor with itself, and actors of the wrong kind.
    pub fn from_dataset(dataset: Dataset) -> Result<ActorGraph, Error> {
        let mut graph = ActorGraph::new();
        graph.extend(dataset)?;
        Ok(graph)
    }

    /// Adds every item of `batch`, or none of them.
    ///
    /// Items may refer to each other and to what the graph holds already. An
    /// item whose id the graph already holds with an identical definition is
    /// skipped; with a different definition it is an error.
    ///
    /// # Errors
    ///
    /// An [`Invalid`](crate::ErrorKind::Invalid) error listing every problem; the graph is then unchanged.
    pub fn extend(&mut self, batch: Dataset) -> Result<(), Error> {
        let plan = validate::check(&self.store, self.names_held(), &batch)?;
        self.apply(batch, plan, Slack::GiveBack)
            .map_err(|Full(what)| {
                // Validation bounds every count before anything is added, so
                // this is unreachable; it is reported rather than trusted.
                let mut problems = Problems::default();
                let fault = Fault::Capacity {
                    what,
                    count: usize::MAX,
                    limit: crate::store::ix::LIMIT - 1,
                };
                problems.push(Item::new(ItemKind::Relation, "(batch)"), fault);
                problems.into_error()
            })
    }

    /// Adds everything in `other` to this graph, all or nothing, as
    /// [`ActorGraph::extend`] does.
    ///
    /// # Errors
    ///
    /// As [`ActorGraph::extend`].
    pub fn merge(&mut self, other: &ActorGraph) -> Result<(), Error> {
        self.extend(other.to_dataset())
    }

    /// Adds one piece of a dataset being read piece by piece
    /// ([`crate::format::stream`]), through the same validation as
    /// [`extend`](Self::extend), without giving back the room of the growing
    /// tables: [`finish_pieces`](Self::finish_pieces) does that once.
    ///
    /// False when the piece cannot be added as it stands: a problem, a
    /// reference to an item not yet read, or an id already held (which the
    /// whole dataset would report as given twice). The caller then loads
    /// the whole text the ordinary way, which reports every problem; the
    /// graph is left partly built and must be dropped.
    pub(crate) fn extend_piece(&mut self, piece: Dataset) -> bool {
        let Ok(plan) = validate::check(&self.store, self.names_held(), &piece) else {
            return false;
        };
        let all_fresh = |fresh: &[bool]| fresh.iter().all(|&f| f);
        if !(all_fresh(&plan.fresh_sources)
            && all_fresh(&plan.fresh_actors)
            && all_fresh(&plan.fresh_relations))
        {
            return false;
        }
        self.apply(piece, plan, Slack::Keep).is_ok()
    }

    /// Gives back the room the tables' doubling left unused, once the last
    /// piece is in.
    pub(crate) fn finish_pieces(&mut self) {
        self.shrink_name_indexes();
        self.store.shrink_to_fit();
    }

    /// Gives back the room of the name indexes' doubling, if they are built.
    pub(crate) fn shrink_name_indexes(&mut self) {
        if let Some(indexes) = self.name_indexes.get_mut() {
            indexes.shrink_to_fit();
        }
    }

    /// How many names the graph has filed, or may have once its name
    /// indexes are built: what validation bounds.
    fn names_held(&self) -> usize {
        match self.name_indexes.get() {
            Some(indexes) => indexes.names.len(),
            None => self.names_bound,
        }
    }

    pub(crate) fn apply(
        &mut self,
        batch: Dataset,
        plan: validate::Plan,
        slack: Slack,
    ) -> Result<(), Full> {
        let Dataset {
            sources,
            actors,
            relations,
        } = batch;
        self.store.reserve(sources.len(), actors.len(), &relations);
        for (source, fresh) in sources.into_iter().zip(plan.fresh_sources) {
            if fresh {
                self.store.push_source(source)?;
            }
        }
        let actors_before = self.actor_count();
        for (actor, fresh) in actors.into_iter().zip(plan.fresh_actors) {
            if fresh {
                self.push_actor(actor)?;
            }
        }
        let relations_before = self.relation_count();
        let mut citation_sources = plan.citation_sources.as_slice();
        for ((relation, fresh), (subject, object)) in
            relations.iter().zip(plan.fresh_relations).zip(plan.ends)
        {
            // The plan has one source per citation, so this always splits.
            let (sources, rest) = citation_sources
                .split_at_checked(relation.citations.len())
                .unwrap_or((citation_sources, &[]));
            citation_sources = rest;
            if fresh {
                self.store
                    .push_relation(relation, subject, object, sources, None)?;
            }
        }
        self.interval_index = OnceLock::new();
        self.neighbour_index = OnceLock::new();
        if slack == Slack::Keep {
            return Ok(());
        }
        // Names and quotes are deduplicated, so their final size is known
        // only now; after a batch large enough to pay for the copy, drop the
        // room their doubling left unused.
        if (self.actor_count() - actors_before) * 8 >= self.actor_count() {
            self.shrink_name_indexes();
        }
        self.store.shrink_after(relations_before);
        Ok(())
    }

    fn push_actor(&mut self, actor: Actor) -> Result<ActorIx, Full> {
        let names = 2 + actor.aliases.len() + actor.former_names.len();
        let position = self.store.push_actor(actor)?;
        self.names_bound = self.names_bound.saturating_add(names);
        // Filed now only if the indexes are built; else when first needed.
        if let Some(indexes) = self.name_indexes.get_mut() {
            file_names(indexes, &self.store, position)?;
        }
        Ok(position)
    }

    /// Adds one source.
    ///
    /// # Errors
    ///
    /// As [`extend`](Self::extend); the graph is then unchanged.
    pub fn add_source(&mut self, source: Source) -> Result<(), Error> {
        self.extend(Dataset {
            sources: vec![source],
            ..Dataset::default()
        })
    }

    /// Adds one actor.
    ///
    /// # Errors
    ///
    /// As [`extend`](Self::extend); the graph is then unchanged.
    pub fn add_actor(&mut self, actor: Actor) -> Result<(), Error> {
        self.extend(Dataset {
            actors: vec![actor],
            ..Dataset::default()
        })
    }

    /// Adds one relation; its actors and sources must be present already.
    ///
    /// # Errors
    ///
    /// As [`extend`](Self::extend); the graph is then unchanged.
    pub fn add_relation(&mut self, relation: Relation) -> Result<(), Error> {
        self.extend(Dataset {
            relations: vec![relation],
            ..Dataset::default()
        })
    }

    /// The number of actors.
    pub fn actor_count(&self) -> usize {
        self.store.actor_count()
    }

    /// The number of relations.
    pub fn relation_count(&self) -> usize {
        self.store.relation_count()
    }

    /// Every source, in the order added.
    pub fn sources(&self) -> impl ExactSizeIterator<Item = &Source> {
        self.store.sources()
    }

    /// Every actor record, in the order added.
    pub fn actors(&self) -> impl ExactSizeIterator<Item = &Actor> {
        self.store.actors()
    }

    /// The source with this id.
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.store.source_by_id(id)
    }

    /// The actor record with this id.
    pub fn actor(&self, id: &str) -> Option<&Actor> {
        self.store.actor_by_id(id)
    }

    /// Copies the graph's contents out as a dataset.
    pub fn to_dataset(&self) -> Dataset {
        Dataset {
            sources: self.store.sources().cloned().collect(),
            actors: self.store.actors().cloned().collect(),
            relations: self
                .store
                .relation_positions()
                .map(|p| self.store.relation_record(p))
                .collect(),
        }
    }

    /// A graph over a store read back whole, its index with it, and the
    /// name indexes [`names_of`](Self::names_of) filed.
    pub(crate) fn from_parts(store: Store, index: IntervalIndex, names: NameIndexes) -> ActorGraph {
        ActorGraph {
            names_bound: names.names.len(),
            store,
            name_indexes: OnceLock::from(names),
            interval_index: OnceLock::from(index),
            neighbour_index: OnceLock::new(),
        }
    }

    /// Both name indexes of the actors of `store`, filed afresh: what a
    /// snapshot leaves out, built on one core while the other decodes the
    /// relations, and what a graph builds when first asked for a name.
    pub(crate) fn names_of(store: &Store) -> NameIndexes {
        let mut indexes = NameIndexes::default();
        for position in store.actor_positions() {
            // The store holds under 2^31 actors, so their names fit too.
            let _ = file_names(&mut indexes, store, position);
        }
        indexes
    }

    /// The name indexes, built now if no name was looked up since the
    /// graph was loaded.
    pub(crate) fn name_indexes(&self) -> &NameIndexes {
        self.name_indexes
            .get_or_init(|| ActorGraph::names_of(&self.store))
    }

    /// The neighbourhood index, built now if the graph changed since the
    /// last neighbourhood query.
    pub(crate) fn neighbour_index(&self) -> &NeighbourIndex {
        self.neighbour_index
            .get_or_init(|| NeighbourIndex::build(&self.store))
    }

    /// The interval index, built now if the graph changed since the last query.
    pub(crate) fn interval_index(&self) -> &IntervalIndex {
        self.interval_index
            .get_or_init(|| IntervalIndex::build(&self.store))
    }
}

/// Files the actor at `position` of `store` under its id and every name it
/// bears, in both name indexes.
fn file_names(indexes: &mut NameIndexes, store: &Store, position: ActorIx) -> Result<(), Full> {
    let NameIndexes { names, search } = indexes;
    let actor = store.actor(position);
    if !names.insert(&normalize_name(actor.id.as_str()), position) {
        return Err(Full("names"));
    }
    // Ids are slugs of names, so their words are left to the names';
    // the search still finds an id whole through the index above.
    for name in actor.names() {
        // Normalised once for both indexes: it is most of their cost.
        let normalized = normalize_name(name);
        if !names.insert(&normalized, position) {
            return Err(Full("names"));
        }
        if !search.insert(name, &normalized, position) {
            return Err(Full("words of names"));
        }
    }
    Ok(())
}

// By hand: the records themselves are what `to_dataset` and the writers are
// for; a `{:?}` of a graph (or of any handle that borrows one) says which
// graph it is in a line.
impl std::fmt::Debug for ActorGraph {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ActorGraph")
            .field("sources", &self.sources().len())
            .field("actors", &self.actor_count())
            .field("relations", &self.relation_count())
            .finish()
    }
}
