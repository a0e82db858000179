//! The relations at one actor, or between two, that held on the view's
//! day, and the named shortcuts over them (`backers_of`, `leaders_of`...).

use crate::base::error::Error;
use crate::base::model::{Direction, RelationKind};
use crate::index::neighbours::Latest;

use super::{ActorRef, IntoActor, RelationRef, View};

impl<'g> View<'g> {
    /// Relations of `kind` at `actor` in one direction, that held on the day.
    ///
    /// `Direction::Incoming` gives the relations whose object is `actor`.
    ///
    /// # Errors
    ///
    /// As [`ActorGraph::resolve`](crate::ActorGraph::resolve).
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
        let run = self.graph.neighbour_index().of_kind(
            &self.graph.store,
            actor.position(),
            direction,
            kind,
        );
        // Latest first, as the relations were listed before the index.
        Ok(run.iter().rev().filter_map(move |&p| self.held(p)))
    }

    /// Relations of `kind` at `actor` in either direction, that held on the
    /// day; for symmetric kinds such as allied-with.
    ///
    /// # Errors
    ///
    /// As [`ActorGraph::resolve`](crate::ActorGraph::resolve).
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
        let (index, store) = (self.graph.neighbour_index(), &self.graph.store);
        let side = |direction| index.of_kind(store, actor.position(), direction, kind);
        let (out, into) = (side(Direction::Outgoing), side(Direction::Incoming));
        Ok(out
            .iter()
            .rev()
            .chain(into.iter().rev())
            .filter_map(move |&p| self.held(p)))
    }

    /// Every relation at `actor`, either end, that held on the day.
    ///
    /// # Errors
    ///
    /// As [`ActorGraph::resolve`](crate::ActorGraph::resolve).
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
    /// As [`ActorGraph::resolve`](crate::ActorGraph::resolve).
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
    /// As [`ActorGraph::resolve`](crate::ActorGraph::resolve).
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
        Ok(self.linking_where(actor, kinds, direction, |_| true))
    }

    /// [`linking`](Self::linking), judging only the relations whose other
    /// end `keep` accepts: a walk that knows which neighbours can still
    /// lead somewhere (chains, within reach of their end) skips the rest of
    /// a hub's thousands before the admission rule reads them.
    pub(crate) fn linking_where<'k>(
        self,
        actor: ActorRef<'g>,
        kinds: &'k [RelationKind],
        direction: Option<Direction>,
        keep: impl Fn(ActorRef<'g>) -> bool + 'k,
    ) -> impl Iterator<Item = RelationRef<'g>> + 'k
    where
        'g: 'k,
    {
        let graph = self.graph;
        let (index, store) = (graph.neighbour_index(), &graph.store);
        let here = actor.position();
        // Each side's runs of the kinds asked, merged latest first: the
        // order of the edge lists this replaced.
        let side = move |side: Direction| {
            direction.is_none_or(|d| d == side).then(|| {
                Latest::new(
                    kinds
                        .iter()
                        .map(move |&kind| index.of_kind(store, here, side, kind)),
                )
            })
        };
        side(Direction::Outgoing)
            .into_iter()
            .flatten()
            .chain(side(Direction::Incoming).into_iter().flatten())
            .filter(move |&p| {
                let (subject, object) = store.ends(p);
                let other = if subject == here { object } else { subject };
                keep(ActorRef::new(graph, other))
            })
            .filter_map(move |p| self.held(p))
    }

    /// Who backs `actor`: backs-relations whose object it is.
    ///
    /// # Errors
    ///
    /// As [`ActorGraph::resolve`](crate::ActorGraph::resolve).
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
    /// As [`ActorGraph::resolve`](crate::ActorGraph::resolve).
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
    /// As [`ActorGraph::resolve`](crate::ActorGraph::resolve).
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
    /// As [`ActorGraph::resolve`](crate::ActorGraph::resolve).
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
    /// As [`ActorGraph::resolve`](crate::ActorGraph::resolve).
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
    /// As [`ActorGraph::resolve`](crate::ActorGraph::resolve).
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
    /// As [`ActorGraph::resolve`](crate::ActorGraph::resolve).
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
