//! The relations at one actor, or between two, that held on the view's
//! day, and the named shortcuts over them (`backers_of`, `leaders_of`...).

use crate::base::error::Error;
use crate::base::model::{Direction, RelationKind};

use super::{IntoActor, RelationRef, View};

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
