//! The validated graph and the ways to build it.

use std::sync::OnceLock;

/// The hasher of every id map: ids are hashed several times per relation
/// while loading, and SipHash made that the largest cost at a million
/// relations. foldhash is seeded per process, so crafted ids cannot be
/// tuned to collide in advance.
pub(crate) type FastHash = foldhash::fast::RandomState;
use petgraph::graph::{DiGraph, NodeIndex};

use crate::error::suggest;
use crate::index::IntervalIndex;
use crate::names::NameIndex;
use crate::store::{CITATION_BLOCK, Keyed, Knowledge, RelationStore, Span};
use crate::validate::check_batch;
use crate::{Actor, Dataset, Date, Error, Relation, RelationRef, Source, Stance};

/// A validated graph of actors and their dated, sourced relations.
///
/// Build one from RON ([`ActorGraph::from_ron`], [`ActorGraph::from_path`],
/// [`ActorGraph::embedded`]) or in code ([`ActorGraph::new`] and the `add_*`
/// methods). Every way in runs the same validation, and a rejected change
/// leaves the graph exactly as it was.
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
///     note: None,
/// })?;
/// assert_eq!(graph.resolve("tehran")?.name, "Iran");
/// # Ok::<(), actorgraph::Error>(())
/// ```
#[derive(Clone, Debug, Default)]
pub struct ActorGraph {
    pub(crate) sources: Keyed<Source>,
    pub(crate) actors: Keyed<Actor>,
    /// Ids, citations, claimants and notes of relations, by position.
    pub(crate) relations: RelationStore,
    /// Node `i` is actor `i` and edge `j` is relation `j`, weighted with its
    /// span; nodes and edges are never removed, so positions stay aligned
    /// and a neighbourhood query judges a relation without a second lookup.
    pub(crate) edges: DiGraph<(), Span, u32>,
    pub(crate) names: NameIndex,
    /// Built on the first as-of query after a change.
    pub(crate) index: OnceLock<IntervalIndex>,
}

impl PartialEq for ActorGraph {
    fn eq(&self, other: &Self) -> bool {
        // Interning may number the same quotes differently, so compare
        // what the graphs hold, not how.
        self.sources == other.sources
            && self.actors == other.actors
            && self.relation_count() == other.relation_count()
            && (0..self.relation_count() as u32)
                .all(|p| self.relation_record(p) == other.relation_record(p))
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
    /// [`Error::Invalid`] listing every problem found: unknown or duplicate
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
    /// [`Error::Invalid`] listing every problem; the graph is then unchanged.
    pub fn extend(&mut self, batch: Dataset) -> Result<(), Error> {
        let fresh = check_batch(self, &batch)?;
        let Dataset {
            sources,
            actors,
            relations,
        } = batch;
        self.sources.reserve(sources.len());
        for (source, _) in sources.into_iter().zip(fresh.sources).filter(|(_, f)| *f) {
            self.sources.push(source);
        }
        self.actors.reserve(actors.len());
        self.edges.reserve_nodes(actors.len());
        let actors_before = self.actor_count();
        for (actor, _) in actors.into_iter().zip(fresh.actors).filter(|(_, f)| *f) {
            self.push_actor(actor);
        }
        let relations_before = self.relation_count();
        self.relations.reserve(&relations);
        self.edges.reserve_edges(relations.len());
        let mut citation_sources = fresh.citation_sources.as_slice();
        for ((relation, is_fresh), (subject, object)) in
            relations.into_iter().zip(fresh.relations).zip(fresh.ends)
        {
            // Validation gave one source per citation, so this always splits.
            let (sources, rest) = citation_sources
                .split_at_checked(relation.citations.len())
                .unwrap_or_default();
            citation_sources = rest;
            if is_fresh {
                self.push_relation(relation, subject, object, sources);
            }
        }
        // Names and quotes are deduplicated, so their final size is known
        // only now; after a batch large enough to pay for the copy, drop the
        // room their doubling left unused.
        if (self.actor_count() - actors_before) * 8 >= self.actor_count() {
            self.names.shrink_to_fit();
        }
        if (self.relation_count() - relations_before) * 8 >= self.relation_count() {
            self.relations.quotes.shrink_to_fit();
        }
        Ok(())
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

    fn push_actor(&mut self, actor: Actor) {
        let position = self.edges.add_node(()).index() as u32;
        self.names.insert(actor.id.as_str(), position);
        self.names.insert(&actor.name, position);
        for alias in &actor.aliases {
            self.names.insert(alias, position);
        }
        for former in &actor.former_names {
            self.names.insert(&former.name, position);
        }
        self.actors.push(actor);
    }

    /// Adds `relation`, given the positions of its ends and of its
    /// citations' sources.
    fn push_relation(&mut self, relation: Relation, subject: u32, object: u32, sources: &[u32]) {
        let disputed = relation
            .citations
            .iter()
            .any(|c| c.stance == Stance::Disputes);
        // Validation caps the count, so the conversion never saturates.
        let citations = u16::try_from(relation.citations.len()).unwrap_or(u16::MAX);
        let span = Span::new(
            relation.kind,
            relation.interval().unwrap_or_default(),
            disputed,
            citations,
        );
        self.relations.push(&relation, sources);
        self.edges.add_edge(
            NodeIndex::new(subject as usize),
            NodeIndex::new(object as usize),
            span,
        );
        self.index = OnceLock::new();
    }

    /// The numbers of the citations of the relation at `position`.
    ///
    /// # Complexity
    ///
    /// O(1): at most 15 counts are added to the block's offset.
    pub(crate) fn citation_range(&self, position: u32) -> std::ops::Range<u32> {
        let edges = self.edges.raw_edges();
        let position = position as usize;
        let block = position / CITATION_BLOCK;
        let before: u32 = edges[block * CITATION_BLOCK..position]
            .iter()
            .map(|e| u32::from(e.weight.citations))
            .sum();
        let start = self.relations.citation_blocks[block] + before;
        start..start + u32::from(edges[position].weight.citations)
    }

    /// When the sources behind the relation at `position` appeared.
    pub(crate) fn knowledge(&self, position: u32) -> Knowledge {
        let mut knowledge = Knowledge {
            known_possibly: Date::NEVER,
            known_certainly: Date::NEVER,
            disputed_possibly: Date::NEVER,
            disputed_certainly: Date::NEVER,
        };
        for number in self.citation_range(position) {
            let row = self.relations.citation(number);
            let Some(source) = self.sources.get_index(row.source()) else {
                continue;
            };
            let (first, last) = (source.published.first_day(), source.published.last_day());
            // A denial published before any report does not make the claim known.
            if row.stance() == Stance::Disputes {
                knowledge.disputed_possibly = knowledge.disputed_possibly.min(first);
                knowledge.disputed_certainly = knowledge.disputed_certainly.min(last);
            } else {
                knowledge.known_possibly = knowledge.known_possibly.min(first);
                knowledge.known_certainly = knowledge.known_certainly.min(last);
            }
        }
        knowledge
    }

    /// The relation at `position` as the record it was added as.
    pub(crate) fn relation_record(&self, position: u32) -> Relation {
        let edge = &self.edges.raw_edges()[position as usize];
        let span = edge.weight;
        let interval = span.interval();
        let store = &self.relations;
        Relation {
            id: crate::RelationId(store.ids.get(position).to_owned()),
            kind: span.kind,
            subject: self.actors[edge.source().index()].id.clone(),
            object: self.actors[edge.target().index()].id.clone(),
            from: interval.start(),
            until: interval.end(),
            citations: self
                .citation_range(position)
                .map(|n| {
                    let source = self.sources[store.citation(n).source()].id.clone();
                    store.to_citation(n, source)
                })
                .collect(),
            claimed_by: store.claimant(position).cloned(),
            note: store.note(position).map(str::to_owned),
        }
    }

    /// The number of actors.
    pub fn actor_count(&self) -> usize {
        self.actors.len()
    }

    /// The number of relations.
    pub fn relation_count(&self) -> usize {
        self.relations.len()
    }

    /// Every source, in the order added.
    pub fn sources(&self) -> impl ExactSizeIterator<Item = &Source> {
        self.sources.values()
    }

    /// Every actor, in the order added.
    pub fn actors(&self) -> impl ExactSizeIterator<Item = &Actor> {
        self.actors.values()
    }

    /// The source with this id.
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.get(id)
    }

    /// The actor with this id.
    pub fn actor(&self, id: &str) -> Option<&Actor> {
        self.actors.get(id)
    }

    /// The relation with this id.
    ///
    /// # Errors
    ///
    /// [`Error::UnknownRelation`], with the closest id as a suggestion.
    ///
    /// # Example
    ///
    /// ```
    /// let graph = actorgraph::ActorGraph::embedded()?;
    /// let first = graph.relations().next().map(|r| r.id().to_owned());
    /// let id = first.unwrap_or_default();
    /// assert_eq!(graph.relation(&id)?.id(), id);
    /// assert!(graph.relation("no-such-relation").is_err());
    /// # Ok::<(), actorgraph::Error>(())
    /// ```
    ///
    /// # Complexity
    ///
    /// O(length of the id), expected.
    pub fn relation(&self, id: &str) -> Result<RelationRef<'_>, Error> {
        match self.relations.ids.find(id) {
            Some(position) => Ok(RelationRef::plain(self, position)),
            None => Err(Error::UnknownRelation {
                id: id.to_owned(),
                suggestion: suggest(id, self.relations.ids.iter()),
            }),
        }
    }

    /// Every relation, in the order added, whenever it held.
    ///
    /// # Complexity
    ///
    /// O(1) per relation.
    pub fn relations(&self) -> impl ExactSizeIterator<Item = RelationRef<'_>> {
        (0..self.relation_count() as u32).map(|p| RelationRef::plain(self, p))
    }

    /// Finds an actor by id, name, alias or former name.
    ///
    /// Names match case-insensitively and ignore diacritics, apostrophes and
    /// hyphens (see [`normalize_name`](crate::normalize_name)). An exact id
    /// wins over a name.
    ///
    /// # Errors
    ///
    /// [`Error::UnknownName`] with a suggestion when nothing fits;
    /// [`Error::AmbiguousName`] when the name fits several actors.
    ///
    /// # Complexity
    ///
    /// O(length of the name), expected.
    pub fn resolve(&self, name: &str) -> Result<&Actor, Error> {
        if let Some(actor) = self.actors.get(name) {
            return Ok(actor);
        }
        match self.names.get(name) {
            [one] => Ok(&self.actors[*one as usize]),
            [] => Err(Error::UnknownName {
                query: name.to_owned(),
                suggestion: suggest(&crate::normalize_name(name), self.names.keys()),
            }),
            many => Err(Error::AmbiguousName {
                query: name.to_owned(),
                candidates: many
                    .iter()
                    .map(|&i| self.actors[i as usize].id.to_string())
                    .collect(),
            }),
        }
    }

    /// Every actor that bears `name` now or bore it once.
    ///
    /// # Complexity
    ///
    /// O(length of the name + matches), expected.
    pub fn find_by_name<'g>(&'g self, name: &str) -> impl Iterator<Item = &'g Actor> + 'g {
        let hits: Vec<u32> = self.names.get(name).to_vec();
        hits.into_iter().map(move |i| &self.actors[i as usize])
    }

    /// Copies the graph's contents out as a dataset.
    pub fn to_dataset(&self) -> Dataset {
        Dataset {
            sources: self.sources.values().cloned().collect(),
            actors: self.actors.values().cloned().collect(),
            relations: (0..self.relation_count() as u32)
                .map(|p| self.relation_record(p))
                .collect(),
        }
    }

    pub(crate) fn node_of(&self, name: &str) -> Result<NodeIndex<u32>, Error> {
        let actor = self.resolve(name)?;
        Ok(NodeIndex::new(
            self.actors.get_index_of(&actor.id).unwrap_or(0),
        ))
    }

    /// The span of the relation at `position`.
    pub(crate) fn span(&self, position: u32) -> &Span {
        &self.edges.raw_edges()[position as usize].weight
    }

    /// The interval index, built now if the graph changed since the last query.
    pub(crate) fn interval_index(&self) -> &IntervalIndex {
        self.index.get_or_init(|| {
            IntervalIndex::build(self.edges.raw_edges().iter().enumerate().map(|(p, e)| {
                let knowledge = self.knowledge(p as u32);
                (
                    e.weight,
                    knowledge.known_possibly,
                    knowledge.disputed_possibly,
                )
            }))
        })
    }

    pub(crate) fn actor_at(&self, node: NodeIndex<u32>) -> &Actor {
        &self.actors[node.index()]
    }
}
