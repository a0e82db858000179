//! Actor handles, and finding actors by name.

use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::Deref;

use crate::base::error::{Error, suggest};
use crate::base::model::{Actor, Direction};
use crate::graph::ActorGraph;
use crate::index::names::normalize_name;
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
        let store = &self.graph.store;
        let out = (direction != Some(Direction::Incoming))
            .then(|| store.touching(self.position, Direction::Outgoing))
            .into_iter()
            .flatten();
        let into = (direction != Some(Direction::Outgoing))
            .then(|| store.touching(self.position, Direction::Incoming))
            .into_iter()
            .flatten();
        out.chain(into).map(|t| t.relation)
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
    /// Finds an actor by id, name, alias or former name.
    ///
    /// Names match case-insensitively and ignore diacritics, apostrophes and
    /// hyphens (see [`normalize_name`]). An exact id wins over a name.
    ///
    /// # Errors
    ///
    /// [`Error::UnknownName`] with a suggestion when nothing fits;
    /// [`Error::AmbiguousName`] when the name fits several actors.
    ///
    /// # Complexity
    ///
    /// O(length of the name), expected.
    pub fn resolve(&self, name: &str) -> Result<ActorRef<'_>, Error> {
        if let Some(position) = self.store.actor_ix(name) {
            return Ok(ActorRef::new(self, position));
        }
        let mut found = self.names.get(name);
        let (Some(first), second) = (found.next(), found.next()) else {
            return Err(Error::UnknownName {
                query: name.to_owned(),
                suggestion: suggest(&normalize_name(name), self.names.keys()),
            });
        };
        match second {
            None => Ok(ActorRef::new(self, first)),
            Some(second) => Err(Error::AmbiguousName {
                query: name.to_owned(),
                candidates: [first, second]
                    .into_iter()
                    .chain(found)
                    .map(|p| self.store.actor(p).id.to_string())
                    .collect(),
            }),
        }
    }

    /// Every actor that bears `name` now or bore it once.
    ///
    /// # Complexity
    ///
    /// O(length of the name + matches), expected.
    pub fn find_by_name<'g>(&'g self, name: &str) -> impl Iterator<Item = ActorRef<'g>> + 'g {
        let found: Vec<ActorIx> = self.names.get(name).collect();
        found.into_iter().map(move |p| ActorRef::new(self, p))
    }

    /// Every actor, as handles, in the order added.
    pub fn actor_handles(&self) -> impl ExactSizeIterator<Item = ActorRef<'_>> {
        self.store
            .actor_positions()
            .map(move |p| ActorRef::new(self, p))
    }
}
