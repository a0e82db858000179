//! Actor handles, and finding actors by name.

use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::Deref;

use crate::base::death::Death;
use crate::base::error::Error;
use crate::base::model::{Actor, Direction, RelationKind};
use crate::graph::ActorGraph;
use crate::store::ix::{ActorIx, Ix, RelationIx};

use super::RelationRef;

/// An actor of a graph: its record (through `Deref`) and its place in the
/// graph, so that queries given a handle need not look a name up again.
///
/// Made by [`ActorGraph::resolve`] and by the ends of a
/// [`RelationRef`]. Two handles are equal when they are the same actor
/// of the same graph.
///
/// # Example
///
/// ```
/// use actorgraph::ActorGraph;
///
/// let graph = ActorGraph::embedded()?;
/// let iran = graph.resolve("Iran")?;
/// assert_eq!(iran.id.as_str(), "iran");
/// // A handle is accepted wherever a name is, and is not resolved again.
/// let view = graph.at("2024-11-30".parse()?);
/// assert!(view.backed_by(iran)?.count() > 0);
/// assert!(iran.relations().count() >= view.involving(iran)?.count());
/// # Ok::<(), actorgraph::Error>(())
/// ```
#[derive(Clone, Copy)]
pub struct ActorRef<'g> {
    graph: &'g ActorGraph,
    position: ActorIx,
}

impl<'g> ActorRef<'g> {
    #[inline]
    pub(crate) fn new(graph: &'g ActorGraph, position: ActorIx) -> ActorRef<'g> {
        ActorRef { graph, position }
    }

    pub(crate) fn position(self) -> ActorIx {
        self.position
    }

    /// The graph the actor belongs to.
    pub fn graph(self) -> &'g ActorGraph {
        self.graph
    }

    /// The actor's record.
    pub fn record(self) -> &'g Actor {
        self.graph.store.actor(self.position)
    }

    /// The person's earliest recorded death: its `died` field, or the day
    /// of a `Killed` relation of which it is the object, whichever bars
    /// more; `None` for an actor with neither.
    ///
    /// # Complexity
    ///
    /// O(1) for an actor without a death on record, else O(log d + k) for
    /// its d incoming relations, k of them killings; the first such call
    /// after a change lays out the neighbourhood index, O(R + A).
    pub fn death(self) -> Option<Death> {
        let store = &self.graph.store;
        if !store.is_mortal(self.position) {
            return None;
        }
        let recorded = self.record().died.map(Death::recorded);
        let index = self.graph.neighbour_index();
        let killed = RelationKind::Killed;
        let killings = index
            .of_kind(store, self.position, Direction::Incoming, killed)
            .iter()
            .rev()
            .filter_map(|&relation| {
                let on = store.interval(relation).start()?;
                Some(Death::killed(store.relation_id(relation), on))
            });
        recorded.into_iter().chain(killings).reduce(Death::earlier)
    }

    /// Where the actor comes in the order actors were added: a stable key
    /// for sorting answers.
    pub fn order(self) -> usize {
        self.position.index()
    }

    /// Every relation of the actor, either end, whenever it held, in the
    /// order added.
    ///
    /// # Complexity
    ///
    /// O(d log d) for an actor with d relations.
    pub fn relations(self) -> impl Iterator<Item = RelationRef<'g>> + 'g {
        let mut positions: Vec<RelationIx> = self.touching(None).collect();
        // The adjacency lists the newest first; the data's order reads better.
        positions.sort_unstable();
        let graph = self.graph;
        positions
            .into_iter()
            .map(move |p| RelationRef::plain(graph, p))
    }

    /// Positions of relations at the actor in `direction`, or both.
    pub(crate) fn touching(
        self,
        direction: Option<Direction>,
    ) -> impl Iterator<Item = RelationIx> + 'g {
        let (graph, position) = (self.graph, self.position);
        let newest = move |direction| {
            graph
                .neighbour_index()
                .newest_first(&graph.store, position, direction)
        };
        let out = (direction != Some(Direction::Incoming))
            .then(|| newest(Direction::Outgoing))
            .into_iter()
            .flatten();
        let into = (direction != Some(Direction::Outgoing))
            .then(|| newest(Direction::Incoming))
            .into_iter()
            .flatten();
        out.chain(into)
    }
}

impl Deref for ActorRef<'_> {
    type Target = Actor;

    fn deref(&self) -> &Actor {
        self.record()
    }
}

impl PartialEq for ActorRef<'_> {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.graph, other.graph) && self.position == other.position
    }
}

impl Eq for ActorRef<'_> {}

impl Hash for ActorRef<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.position.hash(state);
    }
}

impl fmt::Debug for ActorRef<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("ActorRef").field(&self.id.as_str()).finish()
    }
}

impl fmt::Display for ActorRef<'_> {
    /// The actor's name.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.name)
    }
}

/// What a query accepts as an actor: a name, alias, former name or id
/// (resolved as [`ActorGraph::resolve`] does), or a handle already resolved.
pub trait IntoActor {
    /// The actor this stands for in `graph`.
    ///
    /// # Errors
    ///
    /// As [`ActorGraph::resolve`]; a handle of another graph is resolved
    /// there by its id.
    fn into_actor(self, graph: &ActorGraph) -> Result<ActorRef<'_>, Error>;
}

impl IntoActor for &str {
    fn into_actor(self, graph: &ActorGraph) -> Result<ActorRef<'_>, Error> {
        graph.resolve(self)
    }
}

impl IntoActor for &String {
    fn into_actor(self, graph: &ActorGraph) -> Result<ActorRef<'_>, Error> {
        graph.resolve(self)
    }
}

impl IntoActor for ActorRef<'_> {
    fn into_actor(self, graph: &ActorGraph) -> Result<ActorRef<'_>, Error> {
        if std::ptr::eq(self.graph, graph) {
            Ok(ActorRef::new(graph, self.position))
        } else {
            graph.resolve(self.id.as_str())
        }
    }
}

impl IntoActor for &ActorRef<'_> {
    fn into_actor(self, graph: &ActorGraph) -> Result<ActorRef<'_>, Error> {
        (*self).into_actor(graph)
    }
}

impl ActorGraph {
    /// Finds an actor by id, name, alias or former name, in any usual
    /// spelling.
    ///
    /// An exact id wins over everything, then a name that matches up to
    /// case, diacritics and punctuation (see
    /// [`normalize_name`](crate::names::normalize_name)), then a whole name
    /// in another romanisation ("Jolani" for "al-Julani", see
    /// [`ActorGraph::search`]), each only when one actor bears it. Then part
    /// of a name, as people type it: a text whose every word is a word of
    /// one actor's longer name ("Northern Storm", "Aleppo Industrial")
    /// resolves to it when no other actor's names hold all its words
    /// ([`ActorGraph::resolve_explained`] says that it matched part of the
    /// name). A part several actors share, the start of a word or a near
    /// miss never resolves, since a query would then act on a guess: the
    /// error lists what it may mean.
    ///
    /// # Errors
    ///
    /// An [`AmbiguousName`](crate::ErrorKind::AmbiguousName) error listing the candidates when several actors
    /// bear the name, or the text is part of several actors' names
    /// ("Nayrab" in an airport's and a militia's), or begins a word of
    /// several ("Hezb" in "Hezbollah" and a truce with Hezbollah);
    /// an [`UnknownName`](crate::ErrorKind::UnknownName) error with the nearest candidates, if any, otherwise.
    ///
    /// # Example
    ///
    /// ```
    /// use actorgraph::{ActorGraph, ErrorKind};
    ///
    /// let graph = ActorGraph::embedded()?;
    /// assert_eq!(graph.resolve("Golani")?.id.as_str(), "abu_mohammed_al_julani");
    /// let err = graph.resolve("Hezb").unwrap_err();
    /// assert_eq!((err.kind(), err.candidate_count()), (ErrorKind::AmbiguousName, Some(2)), "{err}");
    /// // Part of one actor's name resolves; part of several lists them.
    /// assert_eq!(graph.resolve("Hayat Tahrir")?.id.as_str(), "hts");
    /// assert_eq!(graph.resolve("Northern Storm")?.id.as_str(), "hts_northern_storm_brigade");
    /// let err = graph.resolve("Nayrab").unwrap_err();
    /// assert_eq!((err.kind(), err.candidate_count()), (ErrorKind::AmbiguousName, Some(2)), "{err}");
    /// # Ok::<(), actorgraph::Error>(())
    /// ```
    ///
    /// # Complexity
    ///
    /// O(length of the text), expected, for an id or exact name; otherwise
    /// as [`ActorGraph::search`]. The first lookup by name after a load
    /// files every actor's names, O(N) for N bytes of names.
    pub fn resolve(&self, name: &str) -> Result<ActorRef<'_>, Error> {
        if let Some(position) = self.store.actor_ix(name) {
            return Ok(ActorRef::new(self, position));
        }
        let indexes = self.name_indexes();
        if indexes.search.may_be_a_name(name) {
            let mut found = indexes.names.get(name);
            if let (Some(first), None) = (found.next(), found.next()) {
                return Ok(ActorRef::new(self, first));
            }
        }
        super::search::resolve_loosely(self, name)
    }

    /// Every actor that bears `name` now or bore it once.
    ///
    /// # Complexity
    ///
    /// O(length of the name + matches), expected; the first lookup by name
    /// after a load files every actor's names first, O(N) for N bytes of
    /// names.
    pub fn find_by_name<'g>(&'g self, name: &str) -> impl Iterator<Item = ActorRef<'g>> + 'g {
        let found: Vec<ActorIx> = self.name_indexes().names.get(name).collect();
        found.into_iter().map(move |p| ActorRef::new(self, p))
    }

    /// Every actor, as handles, in the order added.
    pub fn actor_handles(&self) -> impl ExactSizeIterator<Item = ActorRef<'_>> {
        self.store
            .actor_positions()
            .map(move |p| ActorRef::new(self, p))
    }
}
