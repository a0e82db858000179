//! As-of views of the graph: what held on a day, as known by another.

use std::fmt;

use petgraph::Direction;
use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;

use crate::store::Span;
use crate::{
    Actor, ActorGraph, Certainty, Citation, Claimant, Date, Error, Holding, Interval, Relation,
    RelationKind, Source, Stance,
};

/// The graph as of one day, optionally limited to what sources had
/// published by a knowledge date.
///
/// Made by [`ActorGraph::at`]. The rule for partial dates is the one in
/// [`crate::date`]: by default a relation counts when it *possibly* held;
/// [`View::certainty`] asks for *certainly*. Contested relations (some
/// citation disputes them) are kept and flagged unless
/// [`View::without_contested`] drops them.
///
/// # Example
///
/// ```
/// use actorgraph::ActorGraph;
///
/// let graph = ActorGraph::embedded()?;
/// let view = graph.at("2024-11-30".parse()?);
/// let backers: Vec<String> = view
///     .backers_of("Assad regime")?
///     .map(|r| r.subject().name.clone())
///     .collect();
/// assert!(backers.contains(&"Russia".to_owned()));
/// # Ok::<(), actorgraph::Error>(())
/// ```
#[derive(Clone, Copy, Debug)]
pub struct View<'g> {
    graph: &'g ActorGraph,
    day: Date,
    known_by: Option<Date>,
    certainty: Certainty,
    keep_contested: bool,
}

impl ActorGraph {
    /// A view of the graph as of `day`.
    ///
    /// # Complexity
    ///
    /// O(1); the work happens as the view's iterators are consumed.
    pub fn at(&self, day: Date) -> View<'_> {
        View {
            graph: self,
            day,
            known_by: None,
            certainty: Certainty::Possibly,
            keep_contested: true,
        }
    }
}

impl<'g> View<'g> {
    /// Keeps only what some source had published by `day`: a relation is
    /// known once a source supporting it has appeared, and is contested only
    /// once a disputing source has. The relation's
    /// [`citations`](RelationRef::citations) are limited the same way.
    pub fn known_by(mut self, day: Date) -> View<'g> {
        self.known_by = Some(day);
        self
    }

    /// Sets how sure the view must be that a relation held and that a
    /// source had appeared.
    pub fn certainty(mut self, certainty: Certainty) -> View<'g> {
        self.certainty = certainty;
        self
    }

    /// Drops relations that some (known) citation disputes.
    pub fn without_contested(mut self) -> View<'g> {
        self.keep_contested = false;
        self
    }

    /// The same view, looking at another day.
    pub(crate) fn same_settings_at(self, day: Date) -> View<'g> {
        View { day, ..self }
    }

    /// The day the view looks at.
    pub fn day(&self) -> Date {
        self.day
    }

    /// The knowledge date, if any.
    pub fn knowledge_date(&self) -> Option<Date> {
        self.known_by
    }

    /// The graph viewed.
    pub fn graph(&self) -> &'g ActorGraph {
        self.graph
    }

    /// Applies the certainty, knowledge date and contested policy to a
    /// relation whose possible bounds already cover the day (or, for
    /// `ended`, that had possibly begun and the caller judged ended).
    fn admit(&self, position: u32, span: &Span, ended: bool) -> Option<RelationRef<'g>> {
        let day = self.day;
        let certainly = self.certainty == Certainty::Certainly;
        if certainly && !ended && span.interval().holds_on(day) != Holding::Certainly {
            return None;
        }
        let contested = match self.known_by {
            // Whether a dispute exists is in the span; when it became known
            // needs the sources, read only under a knowledge date.
            None => span.is_disputed(),
            Some(limit) => {
                let knowledge = self.graph.knowledge(position);
                let (known, disputed) = if certainly {
                    (knowledge.known_certainly, knowledge.disputed_certainly)
                } else {
                    (knowledge.known_possibly, knowledge.disputed_possibly)
                };
                if known > limit {
                    return None;
                }
                disputed != Date::NEVER && disputed <= limit
            }
        };
        if contested && !self.keep_contested {
            return None;
        }
        Some(self.found(position, if ended { Date::NEVER } else { day }, contested))
    }

    fn found(&self, position: u32, on: Date, contested: bool) -> RelationRef<'g> {
        let mut flags = if contested { CONTESTED } else { 0 };
        if self.certainty == Certainty::Certainly {
            flags |= KNOWN_CERTAINLY;
        }
        RelationRef {
            graph: self.graph,
            position,
            on,
            known_by: self.known_by.unwrap_or(Date::NEVER),
            flags,
        }
    }

    /// The relation at `position` as this view sees it, if it holds.
    pub(crate) fn judge_position(&self, position: u32) -> Option<RelationRef<'g>> {
        self.judge(position)
    }

    fn judge(&self, position: u32) -> Option<RelationRef<'g>> {
        let span = self.graph.span(position);
        if !(span.possible_from <= self.day && self.day < span.possible_until) {
            return None;
        }
        self.admit(position, span, false)
    }

    fn judge_ended(&self, position: u32) -> Option<RelationRef<'g>> {
        let span = self.graph.span(position);
        if !span.interval().ended_by(self.day, self.certainty) {
            return None;
        }
        self.admit(position, span, true)
    }

    /// Every relation that held on the view's day, kind by kind, each kind
    /// in order of start.
    ///
    /// # Complexity
    ///
    /// O((1 + m) log R) for m relations found among R, after an O(R log R)
    /// index build on the first query following a change to the graph.
    pub fn relations(self) -> impl Iterator<Item = RelationRef<'g>> + 'g {
        RelationKind::ALL
            .into_iter()
            .flat_map(move |kind| self.of_kind(kind))
    }

    /// Every relation of `kind` that held on the view's day, in order of start.
    ///
    /// # Complexity
    ///
    /// O((1 + m) log n) for m relations found among the n of that kind: an
    /// interval index skips every relation that had not begun or had ended.
    pub fn of_kind(self, kind: RelationKind) -> impl Iterator<Item = RelationRef<'g>> + 'g {
        // The index already proved the possible bounds and carries the
        // knowledge and dispute dates a *possibly* query needs, so that path
        // reads nothing else of the relation.
        let possibly = self.certainty == Certainty::Possibly;
        let limit = self.known_by.unwrap_or(Date::NEVER);
        self.graph
            .interval_index()
            .kind(kind)
            .possibly_on(self.day, |position| self.graph.span(position).possible_from)
            .filter_map(move |stab| {
                if !possibly {
                    return self.judge(stab.position);
                }
                if stab.known_possibly > limit && self.known_by.is_some() {
                    return None;
                }
                let contested =
                    stab.disputed_possibly != Date::NEVER && stab.disputed_possibly <= limit;
                (self.keep_contested || !contested)
                    .then(|| self.found(stab.position, self.day, contested))
            })
    }

    /// Every relation that had ended by the view's day ("formerly"): it had
    /// begun, then ended, before the day, read with the view's certainty.
    ///
    /// # Complexity
    ///
    /// O(R) for R relations in the graph.
    pub fn formerly(self) -> impl Iterator<Item = RelationRef<'g>> + 'g {
        (0..self.graph.relation_count() as u32).filter_map(move |p| self.judge_ended(p))
    }

    /// The relations of `actor` (either end) that had ended by the view's day.
    ///
    /// # Errors
    ///
    /// As [`ActorGraph::resolve`].
    ///
    /// # Complexity
    ///
    /// O(d) for an actor with d relations.
    pub fn formerly_of(
        self,
        actor: &str,
    ) -> Result<impl Iterator<Item = RelationRef<'g>> + 'g, Error> {
        let node = self.graph.node_of(actor)?;
        Ok(self
            .touching(node, None)
            .filter_map(move |p| self.judge_ended(p)))
    }

    /// Positions of relations at `node`, in both directions, optionally of one kind.
    fn touching(
        self,
        node: NodeIndex<u32>,
        kind: Option<RelationKind>,
    ) -> impl Iterator<Item = u32> + 'g {
        let graph = self.graph;
        let out = graph.edges.edges_directed(node, Direction::Outgoing);
        let into = graph.edges.edges_directed(node, Direction::Incoming);
        out.chain(into)
            .filter(move |e| kind.is_none_or(|k| e.weight().kind == k))
            .map(|e| e.id().index() as u32)
    }

    /// Relations of `kind` at `actor` in one direction, that held on the day.
    ///
    /// `Direction::Incoming` gives the relations whose object is `actor`.
    ///
    /// # Errors
    ///
    /// As [`ActorGraph::resolve`].
    ///
    /// # Complexity
    ///
    /// O(d) for an actor with d relations in that direction.
    pub fn directed(
        self,
        actor: &str,
        kind: RelationKind,
        direction: Direction,
    ) -> Result<impl Iterator<Item = RelationRef<'g>> + 'g, Error> {
        let node = self.graph.node_of(actor)?;
        let graph = self.graph;
        Ok(graph
            .edges
            .edges_directed(node, direction)
            .filter(move |e| e.weight().kind == kind)
            .filter_map(move |e| self.judge(e.id().index() as u32)))
    }

    /// Relations of `kind` at `actor` in either direction, that held on the
    /// day; for symmetric kinds such as allied-with.
    ///
    /// # Errors
    ///
    /// As [`ActorGraph::resolve`].
    ///
    /// # Complexity
    ///
    /// O(d) for an actor with d relations.
    pub fn either_way(
        self,
        actor: &str,
        kind: RelationKind,
    ) -> Result<impl Iterator<Item = RelationRef<'g>> + 'g, Error> {
        let node = self.graph.node_of(actor)?;
        Ok(self
            .touching(node, Some(kind))
            .filter_map(move |p| self.judge(p)))
    }

    /// Every relation at `actor`, either end, that held on the day.
    ///
    /// # Errors
    ///
    /// As [`ActorGraph::resolve`].
    ///
    /// # Complexity
    ///
    /// O(d) for an actor with d relations.
    pub fn involving(
        self,
        actor: &str,
    ) -> Result<impl Iterator<Item = RelationRef<'g>> + 'g, Error> {
        let node = self.graph.node_of(actor)?;
        Ok(self.touching(node, None).filter_map(move |p| self.judge(p)))
    }

    /// Who backs `actor`: backs-relations whose object it is.
    ///
    /// # Errors
    ///
    /// As [`ActorGraph::resolve`].
    ///
    /// # Complexity
    ///
    /// O(d) for an actor with d incoming relations.
    pub fn backers_of(
        self,
        actor: &str,
    ) -> Result<impl Iterator<Item = RelationRef<'g>> + 'g, Error> {
        self.directed(actor, RelationKind::Backs, Direction::Incoming)
    }

    /// Whom `actor` backs.
    ///
    /// # Errors
    ///
    /// As [`ActorGraph::resolve`].
    ///
    /// # Complexity
    ///
    /// O(d) for an actor with d outgoing relations.
    pub fn backed_by(
        self,
        actor: &str,
    ) -> Result<impl Iterator<Item = RelationRef<'g>> + 'g, Error> {
        self.directed(actor, RelationKind::Backs, Direction::Outgoing)
    }

    /// Whom `actor` opposes or is opposed by.
    ///
    /// # Errors
    ///
    /// As [`ActorGraph::resolve`].
    ///
    /// # Complexity
    ///
    /// O(d) for an actor with d relations.
    pub fn opponents_of(
        self,
        actor: &str,
    ) -> Result<impl Iterator<Item = RelationRef<'g>> + 'g, Error> {
        self.either_way(actor, RelationKind::Opposes)
    }

    /// Whom `actor` is allied with.
    ///
    /// # Errors
    ///
    /// As [`ActorGraph::resolve`].
    ///
    /// # Complexity
    ///
    /// O(d) for an actor with d relations.
    pub fn allies_of(
        self,
        actor: &str,
    ) -> Result<impl Iterator<Item = RelationRef<'g>> + 'g, Error> {
        self.either_way(actor, RelationKind::AlliedWith)
    }

    /// Who leads the organization `actor`.
    ///
    /// # Errors
    ///
    /// As [`ActorGraph::resolve`].
    ///
    /// # Complexity
    ///
    /// O(d) for an actor with d incoming relations.
    pub fn leaders_of(
        self,
        actor: &str,
    ) -> Result<impl Iterator<Item = RelationRef<'g>> + 'g, Error> {
        self.directed(actor, RelationKind::Leads, Direction::Incoming)
    }

    /// Who controls the place `place`.
    ///
    /// # Errors
    ///
    /// As [`ActorGraph::resolve`].
    ///
    /// # Complexity
    ///
    /// O(d) for a place with d incoming relations.
    pub fn controllers_of(
        self,
        place: &str,
    ) -> Result<impl Iterator<Item = RelationRef<'g>> + 'g, Error> {
        self.directed(place, RelationKind::Controls, Direction::Incoming)
    }

    /// The members of the coalition or organization `actor`.
    ///
    /// # Errors
    ///
    /// As [`ActorGraph::resolve`].
    ///
    /// # Complexity
    ///
    /// O(d) for an actor with d incoming relations.
    pub fn members_of(
        self,
        actor: &str,
    ) -> Result<impl Iterator<Item = RelationRef<'g>> + 'g, Error> {
        self.directed(actor, RelationKind::MemberOf, Direction::Incoming)
    }
}

/// A relation found by a query, with what the query judged of it.
///
/// It borrows from the graph's packed storage: the accessors read the
/// relation's parts where they are kept, and [`to_relation`](Self::to_relation)
/// copies the whole record out when one is wanted.
///
/// # Example
///
/// ```
/// use actorgraph::{ActorGraph, Claimant, Stance};
///
/// let graph = ActorGraph::embedded()?;
/// let relation = graph.relation("iraqi_militias_back_syrian_army")?;
/// assert_eq!(relation.subject().id.as_str(), "iraqi_iran_backed_militias");
/// assert_eq!(relation.interval().to_string(), "2024-12-02 to now");
/// assert!(matches!(relation.claimed_by(), Some(Claimant::Other(who)) if who.contains("Reuters")));
/// assert!(relation.note().is_some());
///
/// let evidence = relation.citations().next().expect("every relation cites a source");
/// assert_eq!(evidence.source().id.as_str(), "newsweek_2024_12_02");
/// assert_eq!(evidence.stance(), Stance::Supports);
/// assert!(evidence.quote().starts_with("Iranian-backed militias have entered Syria"));
///
/// // The owned record is the one in the data file.
/// assert_eq!(relation.to_relation().citations.len(), 1);
/// # Ok::<(), actorgraph::Error>(())
/// ```
#[derive(Clone, Copy, Debug)]
pub struct RelationRef<'g> {
    graph: &'g ActorGraph,
    position: u32,
    // Packed (sentinels and flag bits rather than `Option`s) because queries
    // collect these by the thousand: 24 bytes instead of 40.
    /// The day a view judged it on; `Date::NEVER` outside an as-of view or
    /// for an ended relation.
    on: Date,
    /// The knowledge date; `Date::NEVER` for none.
    known_by: Date,
    flags: u8,
}

const CONTESTED: u8 = 1;
const KNOWN_CERTAINLY: u8 = 2;

impl<'g> RelationRef<'g> {
    pub(crate) fn plain(graph: &'g ActorGraph, position: u32) -> RelationRef<'g> {
        RelationRef {
            graph,
            position,
            on: Date::NEVER,
            known_by: Date::NEVER,
            flags: if graph.span(position).is_disputed() {
                CONTESTED
            } else {
                0
            },
        }
    }

    /// Where the relation sits in the graph's order, for stable sorting.
    pub(crate) fn position(&self) -> u32 {
        self.position
    }

    fn edge(&self) -> &'g petgraph::graph::Edge<Span, u32> {
        &self.graph.edges.raw_edges()[self.position as usize]
    }

    /// The relation's id.
    pub fn id(&self) -> &'g str {
        self.graph.relations.ids.get(self.position)
    }

    /// The relation's kind.
    pub fn kind(&self) -> RelationKind {
        self.edge().weight.kind
    }

    /// The actor the relation goes out of.
    pub fn subject(&self) -> &'g Actor {
        self.graph.actor_at(self.edge().source())
    }

    /// The actor the relation goes into.
    pub fn object(&self) -> &'g Actor {
        self.graph.actor_at(self.edge().target())
    }

    /// The end that is not `actor` (by id); the object if `actor` is neither.
    pub fn other_end(&self, actor: &str) -> &'g Actor {
        if self.object().id.as_str() == actor {
            self.subject()
        } else {
            self.object()
        }
    }

    /// When the relation holds.
    pub fn interval(&self) -> Interval {
        self.edge().weight.interval()
    }

    /// Who makes the claim, when the relation is one party's claim.
    pub fn claimed_by(&self) -> Option<&'g Claimant> {
        self.graph.relations.claimant(self.position)
    }

    /// The relation's note, if any.
    pub fn note(&self) -> Option<&'g str> {
        self.graph.relations.note(self.position)
    }

    /// The relation as the record it was added as, with all its citations.
    ///
    /// # Complexity
    ///
    /// O(citations + text), allocating the copy.
    pub fn to_relation(&self) -> Relation {
        self.graph.relation_record(self.position)
    }

    /// How surely it held on the query's day; `None` outside an as-of view.
    pub fn holding(&self) -> Option<Holding> {
        let day = (self.on != Date::NEVER).then_some(self.on)?;
        Some(self.interval().holds_on(day))
    }

    /// Whether a citation (known by the knowledge date, if any) disputes it.
    pub fn is_contested(&self) -> bool {
        self.flags & CONTESTED != 0
    }

    /// The citations behind the relation with their sources: all of them, or
    /// under a knowledge date only those whose source had appeared by then.
    pub fn citations(&self) -> impl Iterator<Item = Evidence<'g>> + 'g {
        let graph = self.graph;
        let known_by = (self.known_by != Date::NEVER).then_some(self.known_by);
        let certainly = self.flags & KNOWN_CERTAINLY != 0;
        graph
            .citation_range(self.position)
            .filter_map(move |number| {
                let row = graph.relations.citation(number);
                let source = graph.sources.get_index(row.source())?;
                let appeared = match known_by {
                    None => true,
                    Some(day) if certainly => source.published.last_day() <= day,
                    Some(day) => source.published.first_day() <= day,
                };
                appeared.then_some(Evidence {
                    graph,
                    number,
                    source,
                })
            })
    }
}

impl fmt::Display for RelationRef<'_> {
    /// One line: `Iran backs Bashar al-Assad (… to now)`, flagged when contested.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {} {} ({})",
            self.subject().name,
            self.kind().verb(),
            self.object().name,
            self.interval()
        )?;
        if self.holding() == Some(Holding::Possibly) {
            f.write_str(" [possibly]")?;
        }
        if self.is_contested() {
            f.write_str(" [contested]")?;
        }
        Ok(())
    }
}

/// A citation together with the source it cites.
#[derive(Clone, Copy, Debug)]
pub struct Evidence<'g> {
    graph: &'g ActorGraph,
    number: u32,
    source: &'g Source,
}

impl<'g> Evidence<'g> {
    /// The cited source.
    pub fn source(&self) -> &'g Source {
        self.source
    }

    /// The quote, verbatim from the source.
    pub fn quote(&self) -> &'g str {
        let row = self.graph.relations.citation(self.number);
        self.graph.relations.quotes.get(row.quote)
    }

    /// Whether the source supports or disputes the relation.
    pub fn stance(&self) -> Stance {
        self.graph.relations.citation(self.number).stance()
    }

    /// Who, according to the source, makes the claim, if not the source itself.
    pub fn claimed_by(&self) -> Option<&'g Claimant> {
        self.graph.relations.citation_claimant(self.number)
    }

    /// The citation as an owned record.
    pub fn to_citation(&self) -> Citation {
        self.graph
            .relations
            .to_citation(self.number, self.source.id.clone())
    }
}

impl fmt::Display for Evidence<'_> {
    /// `source_id (2024-11-30) supports: "quote"`, with the claimant if any.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let stance = match self.stance() {
            Stance::Supports => "supports",
            Stance::Disputes => "disputes",
        };
        write!(f, "{} ({}) {stance}", self.source.id, self.source.published)?;
        if let Some(who) = self.claimed_by() {
            write!(f, ", claimed by {who}")?;
        }
        write!(f, ": {:?}", self.quote())
    }
}
