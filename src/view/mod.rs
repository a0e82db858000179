//! Views of the graph as of a day, and the handles they hand out.
//!
//! A [`View`] is the graph as of one day, optionally as known by another.
//! Every query of a view decides whether a relation shows through one
//! rule:
//!
//! 1. **Holding.** On the view's day the relation possibly held (some
//!    reading of its partial dates puts the day inside), or under
//!    [`Certainty::Certainly`] certainly held. Queries for relations that
//!    had *ended* by the day read "held" as "had begun and ended".
//! 2. **Knowledge.** Under a knowledge date, a supporting source had
//!    appeared by then (possibly or certainly, as the view asks); it is
//!    contested once a disputing source had appeared. Without one, a
//!    relation is contested when any citation disputes it.
//! 3. **Contested policy.** Contested relations are kept and flagged,
//!    unless [`View::without_contested`] drops them.
//!
//! The interval index proves step 1 for *possibly* queries on a whole
//! kind and carries the dates step 2 needs, so those queries read nothing
//! else of a relation; every other query reads them from the store. Both
//! paths go through the same function.
//!
//! Handles borrow the graph: [`RelationRef`] (a relation as a query judged
//! it), [`Evidence`] (one citation with its source) and [`ActorRef`].

mod actor;
mod relation;
mod search;

use crate::base::date::{Certainty, Date, Holding};
use crate::base::error::{Error, Repr};
use crate::base::model::{Direction, RelationKind};
use crate::base::nearest::suggest;
use crate::graph::ActorGraph;
use crate::index::interval::Stab;
use crate::store::ix::RelationIx;
use crate::store::packed::Span;

pub use self::actor::{ActorRef, IntoActor};
pub use self::relation::{Evidence, RelationRef};
pub use self::search::Candidate;

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
#[derive(Clone, Copy)]
pub struct View<'g> {
    graph: &'g ActorGraph,
    day: Date,
    known_by: Option<Date>,
    certainty: Certainty,
    keep_contested: bool,
}

/// What a query asks of a relation on the view's day.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Asked {
    /// That a state held.
    Held,
    /// That a state had begun and then ended.
    Ended,
    /// That an event happened between `from` and `to`, both included.
    Happened { from: Date, to: Date },
}

/// How surely an event on the days `first..=last` happened within
/// `from..=to`: certainly when every reading of its date falls inside.
fn happened_within(first: Date, last: Date, from: Date, to: Date) -> Holding {
    if from <= first && last <= to {
        Holding::Certainly
    } else if first <= to && from <= last {
        Holding::Possibly
    } else {
        Holding::No
    }
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

    /// The relation with this id.
    ///
    /// # Errors
    ///
    /// An [`UnknownRelation`](crate::ErrorKind::UnknownRelation) error, with the closest id as a suggestion.
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
        match self.store.relation_ix(id) {
            Some(position) => Ok(RelationRef::plain(self, position)),
            None => Err(Error::from(Repr::UnknownRelation {
                id: id.to_owned(),
                suggestion: suggest(id, self.store.relation_ids()),
            })),
        }
    }

    /// Every relation, in the order added, whenever it held.
    ///
    /// # Complexity
    ///
    /// O(1) per relation.
    pub fn relations(&self) -> impl ExactSizeIterator<Item = RelationRef<'_>> {
        self.store
            .relation_positions()
            .map(|p| RelationRef::plain(self, p))
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
    pub fn on(self, day: Date) -> View<'g> {
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

    /// How sure the view must be.
    pub fn get_certainty(&self) -> Certainty {
        self.certainty
    }

    /// The graph viewed.
    pub fn graph(&self) -> &'g ActorGraph {
        self.graph
    }

    /// The one admission rule (see the module docs): holding, then
    /// knowledge and the contested policy. `proven` carries what the
    /// interval index found of a state it proved possibly held, which is
    /// all a *possibly* view needs to read.
    #[inline(always)]
    fn admit(
        &self,
        relation: RelationIx,
        asked: Asked,
        proven: Option<Stab>,
    ) -> Option<RelationRef<'g>> {
        let (span, happened) = self.holding(relation, asked, proven)?;
        let contested = self.contested(relation, span, proven)?;
        if contested && !self.keep_contested {
            return None;
        }
        let on = match asked {
            Asked::Held => self.day,
            Asked::Ended | Asked::Happened { .. } => Date::NEVER,
        };
        Some(RelationRef::judged(
            self.graph,
            relation,
            on,
            self.known_by,
            contested,
            self.certainty == Certainty::Certainly,
            happened,
        ))
    }

    /// Step 1: whether the relation holds as asked; with the span when it
    /// had to be read, and how surely an event happened in the window.
    #[inline(always)]
    fn holding(
        &self,
        relation: RelationIx,
        asked: Asked,
        proven: Option<Stab>,
    ) -> Option<(Option<&'g Span>, Option<Holding>)> {
        let certainly = self.certainty == Certainty::Certainly;
        if proven.is_some() && !certainly {
            return Some((None, None));
        }
        let store = &self.graph.store;
        let span = store.span(relation);
        let mut happened = None;
        let holds = match asked {
            Asked::Held => {
                !span.is_event()
                    && span.possibly_covers(self.day)
                    && (!certainly
                        || store.interval(relation).holds_on(self.day) == Holding::Certainly)
            }
            Asked::Ended => {
                !span.is_event() && store.interval(relation).ended_by(self.day, self.certainty)
            }
            Asked::Happened { from, to } => {
                let verdict = happened_within(span.possible_from, span.possible_until, from, to);
                happened = Some(verdict);
                span.is_event() && verdict.meets(self.certainty)
            }
        };
        holds.then_some((Some(span), happened))
    }

    /// Step 2: `None` when no source known by the knowledge date supports
    /// the relation, else whether it is contested (claimant rule included).
    #[inline(always)]
    fn contested(
        &self,
        relation: RelationIx,
        span: Option<&Span>,
        proven: Option<Stab>,
    ) -> Option<bool> {
        let store = &self.graph.store;
        let certainly = self.certainty == Certainty::Certainly;
        let contested = match (self.known_by, span, proven) {
            // The index's dispute date is `Date::NEVER` exactly for an
            // undisputed relation, so it answers the plain case too.
            (None, None, Some(stab)) => stab.disputed_possibly != Date::NEVER,
            (None, Some(span), _) => span.is_disputed(),
            (None, None, None) => store.span(relation).is_disputed(),
            (Some(limit), _, _) => {
                let (known, disputed) = match proven {
                    Some(stab) if !certainly => (stab.known_possibly, stab.disputed_possibly),
                    _ => {
                        let k = store.knowledge(relation);
                        if certainly {
                            (k.known_certainly, k.disputed_certainly)
                        } else {
                            (k.known_possibly, k.disputed_possibly)
                        }
                    }
                };
                if known > limit {
                    return None;
                }
                disputed != Date::NEVER && disputed <= limit
            }
        };
        // A dispute that its own claimant later withdrew no longer counts;
        // only relations where a claimant changed its story need the check.
        Some(contested && self.still_contested(relation))
    }

    #[cold]
    fn still_contested(&self, relation: RelationIx) -> bool {
        let store = &self.graph.store;
        !store.changed_story(relation)
            || store.contested_by_latest_stance(
                relation,
                self.known_by,
                self.certainty == Certainty::Certainly,
            )
    }

    /// The relation at `position` as this view sees it, if it held.
    fn held(&self, relation: RelationIx) -> Option<RelationRef<'g>> {
        self.admit(relation, Asked::Held, None)
    }

    /// Every state that held on the view's day, kind by kind, each kind in
    /// order of start. Events are asked for over a window: [`View::events`].
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

    /// How many states held on the view's day: `relations().count()`.
    ///
    /// A view with the defaults (*possibly*, contested relations kept, no
    /// knowledge date) admits every relation the interval index proves
    /// possibly held, so the index counts them without visiting each, over
    /// both cores; any other view visits them.
    ///
    /// # Complexity
    ///
    /// With the defaults, O(K log R + c / 16 + m) for K kinds, where c
    /// relations had begun by the day and m lie in blocks where some still
    /// held, split across the cores; otherwise as
    /// [`relations`](Self::relations).
    ///
    /// # Example
    ///
    /// ```
    /// let graph = actorgraph::ActorGraph::embedded()?;
    /// let view = graph.at("2024-11-30".parse()?);
    /// assert_eq!(view.count(), view.relations().count());
    /// # Ok::<(), actorgraph::Error>(())
    /// ```
    pub fn count(self) -> usize {
        let defaults =
            self.certainty == Certainty::Possibly && self.keep_contested && self.known_by.is_none();
        if !defaults {
            return self.relations().count();
        }
        let store = &self.graph.store;
        let index = self.graph.interval_index();
        RelationKind::ALL
            .into_iter()
            .map(|kind| index.count_possibly_on(kind, self.day, |r| store.span(r).possible_from))
            .sum()
    }

    /// Every relation of `kind` that held on the view's day, in order of
    /// start; nothing for an event kind, since events do not hold over days.
    ///
    /// # Complexity
    ///
    /// O((1 + m) log n) for m relations found among the n of that kind: an
    /// interval index skips every relation that had not begun or had ended.
    pub fn of_kind(self, kind: RelationKind) -> impl Iterator<Item = RelationRef<'g>> + 'g {
        let store = &self.graph.store;
        self.graph
            .interval_index()
            .possibly_on(kind, self.day, |r| store.span(r).possible_from)
            .filter_map(move |stab| self.admit(stab.relation, Asked::Held, Some(stab)))
    }

    /// Every event that happened on or before the view's day (possibly, or
    /// certainly under [`Certainty::Certainly`]), kind by kind, each in
    /// order of date.
    ///
    /// # Complexity
    ///
    /// O(log n + e) per event kind, for e events dated on or before the day.
    ///
    /// # Example
    ///
    /// ```
    /// use actorgraph::ActorGraph;
    ///
    /// let graph = ActorGraph::from_ron(r#"(
    ///     sources: [(id: "s", title: "Report", published: "2024-11-30")],
    ///     actors: [(id: "a", name: "A", kind: State), (id: "t", name: "Town", kind: Place)],
    ///     relations: [(id: "a_attacks_t", kind: Attacks, subject: "a", object: "t",
    ///         on: "[2024-11-27..2024-11-28]", citations: [(source: "s", quote: "A struck the town")])],
    /// )"#)?;
    /// assert_eq!(graph.at("2024-11-30".parse()?).events().count(), 1);
    /// // On the 27th it may or may not have happened yet.
    /// let early = graph.at("2024-11-27".parse()?).events().next().expect("possibly happened");
    /// assert_eq!(early.holding(), Some(actorgraph::Holding::Possibly));
    /// // Events never show as holding states.
    /// assert_eq!(graph.at("2024-11-30".parse()?).relations().count(), 0);
    /// # Ok::<(), actorgraph::Error>(())
    /// ```
    pub fn events(self) -> impl Iterator<Item = RelationRef<'g>> + 'g {
        self.events_between(Date::MIN, self.day)
    }

    /// Every event that happened between `from` and `to`, both included,
    /// read with the view's certainty and knowledge date.
    ///
    /// # Complexity
    ///
    /// O(log n + e) per event kind, for e events dated on or before `to`.
    pub fn events_between(
        self,
        from: Date,
        to: Date,
    ) -> impl Iterator<Item = RelationRef<'g>> + 'g {
        let store = &self.graph.store;
        let index = self.graph.interval_index();
        RelationKind::ALL
            .into_iter()
            .filter(|kind| kind.is_event())
            .flat_map(move |kind| index.started_by(kind, to, |r| store.span(r).possible_from))
            .filter(move |&(_, last)| last >= from)
            .filter_map(move |(relation, _)| {
                self.admit(relation, Asked::Happened { from, to }, None)
            })
    }

    /// The events of `actor` (either end) that happened on or before the
    /// view's day.
    ///
    /// # Errors
    ///
    /// As [`ActorGraph::resolve`].
    ///
    /// # Complexity
    ///
    /// O(d) for an actor with d relations.
    pub fn events_of(
        self,
        actor: impl IntoActor,
    ) -> Result<impl Iterator<Item = RelationRef<'g>> + 'g, Error> {
        let actor = actor.into_actor(self.graph)?;
        let window = Asked::Happened {
            from: Date::MIN,
            to: self.day,
        };
        Ok(actor
            .touching(None)
            .filter_map(move |p| self.admit(p, window, None)))
    }

    /// Every relation that had ended by the view's day ("formerly"): it had
    /// begun, then ended, before the day, read with the view's certainty.
    ///
    /// # Complexity
    ///
    /// O(R) for R relations in the graph.
    pub fn formerly(self) -> impl Iterator<Item = RelationRef<'g>> + 'g {
        self.graph
            .store
            .relation_positions()
            .filter_map(move |p| self.admit(p, Asked::Ended, None))
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
        actor: impl IntoActor,
    ) -> Result<impl Iterator<Item = RelationRef<'g>> + 'g, Error> {
        let actor = actor.into_actor(self.graph)?;
        Ok(actor
            .touching(None)
            .filter_map(move |p| self.admit(p, Asked::Ended, None)))
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
        actor: impl IntoActor,
        kind: RelationKind,
        direction: Direction,
    ) -> Result<impl Iterator<Item = RelationRef<'g>> + 'g, Error> {
        let actor = actor.into_actor(self.graph)?;
        Ok(self
            .graph
            .store
            .touching(actor.position(), direction)
            .filter(move |t| t.span.kind == kind)
            .filter_map(move |t| self.held(t.relation)))
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
        actor: impl IntoActor,
        kind: RelationKind,
    ) -> Result<impl Iterator<Item = RelationRef<'g>> + 'g, Error> {
        let actor = actor.into_actor(self.graph)?;
        let store = &self.graph.store;
        Ok(actor
            .touching(None)
            .filter(move |&p| store.span(p).kind == kind)
            .filter_map(move |p| self.held(p)))
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
        actor: impl IntoActor,
    ) -> Result<impl Iterator<Item = RelationRef<'g>> + 'g, Error> {
        let actor = actor.into_actor(self.graph)?;
        Ok(actor.touching(None).filter_map(move |p| self.held(p)))
    }

    /// Every relation of one of `kinds` at `actor`, either end, that held on
    /// the day: what a walk along links of those kinds needs at each actor.
    ///
    /// # Errors
    ///
    /// As [`ActorGraph::resolve`].
    ///
    /// # Complexity
    ///
    /// O(d·k) for an actor with d relations and k kinds; only relations of
    /// the kinds are judged.
    pub fn involving_kinds<'k>(
        self,
        actor: impl IntoActor,
        kinds: &'k [RelationKind],
    ) -> Result<impl Iterator<Item = RelationRef<'g>> + 'k, Error>
    where
        'g: 'k,
    {
        self.linking(actor, kinds, None)
    }

    /// Every relation of one of `kinds` that held on the day and leaves
    /// `actor` (it is the subject: [`Direction::Outgoing`]), reaches it
    /// ([`Direction::Incoming`]), or either (`None`): a walk along directed
    /// links needs only one side of each actor it passes.
    ///
    /// # Errors
    ///
    /// As [`ActorGraph::resolve`].
    ///
    /// # Complexity
    ///
    /// O(d·k) for an actor with d relations on that side and k kinds; only
    /// relations of the kinds are judged.
    ///
    /// # Example
    ///
    /// ```
    /// use actorgraph::{Direction, RelationKind};
    ///
    /// let graph = actorgraph::ActorGraph::embedded()?;
    /// let view = graph.at("2024-11-30".parse()?);
    /// let backed = view.linking("Iran", &[RelationKind::Backs], Some(Direction::Outgoing))?;
    /// assert!(backed.into_iter().all(|r| r.subject().name == "Iran"));
    /// # Ok::<(), actorgraph::Error>(())
    /// ```
    pub fn linking<'k>(
        self,
        actor: impl IntoActor,
        kinds: &'k [RelationKind],
        direction: Option<Direction>,
    ) -> Result<impl Iterator<Item = RelationRef<'g>> + 'k, Error>
    where
        'g: 'k,
    {
        let actor = actor.into_actor(self.graph)?;
        let store = &self.graph.store;
        Ok(actor
            .touching(direction)
            .filter(move |&p| kinds.contains(&store.span(p).kind))
            .filter_map(move |p| self.held(p)))
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
        actor: impl IntoActor,
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
        actor: impl IntoActor,
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
        actor: impl IntoActor,
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
        actor: impl IntoActor,
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
        actor: impl IntoActor,
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
        place: impl IntoActor,
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
        actor: impl IntoActor,
    ) -> Result<impl Iterator<Item = RelationRef<'g>> + 'g, Error> {
        self.directed(actor, RelationKind::MemberOf, Direction::Incoming)
    }
}

// By hand: a derived `Debug` would print the whole graph the view borrows.
impl std::fmt::Debug for View<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("View")
            .field("graph", self.graph)
            .field("day", &self.day)
            .field("known_by", &self.known_by)
            .field("certainty", &self.certainty)
            .field("keep_contested", &self.keep_contested)
            .finish()
    }
}
