//! Bulk listings of a view: every state on its day, a count, one kind,
//! events over a window, and what had ended by the day.

use crate::base::date::{Certainty, Date};
use crate::base::error::Error;
use crate::base::model::RelationKind;

use rayon::prelude::*;

use super::admit::Asked;
use super::{IntoActor, RelationRef, View};

/// Blocks of 16 relations per part of [`View::par_relations`]: large enough
/// that handing a part to a thread costs little beside visiting it, small
/// enough that a wide day's parts keep both cores busy.
const PART_BLOCKS: usize = 1_024;

impl<'g> View<'g> {
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

    /// [`relations`](Self::relations) as a parallel iterator, over every
    /// core rayon's pool has: the same relations, each judged by the same
    /// rule, for a caller that folds them (counts, sums, collects) rather
    /// than needs them one by one in order; `collect` into a `Vec` keeps
    /// the order of [`relations`](Self::relations).
    ///
    /// # Complexity
    ///
    /// As [`relations`](Self::relations), split into parts of 16 384
    /// relations that had begun by the day, spread across the cores.
    ///
    /// # Example
    ///
    /// ```
    /// use rayon::prelude::*;
    ///
    /// let graph = actorgraph::ActorGraph::embedded()?;
    /// let view = graph.at("2024-11-30".parse()?);
    /// let contested = view.par_relations().filter(|r| r.is_contested()).count();
    /// assert_eq!(contested, view.relations().filter(|r| r.is_contested()).count());
    /// # Ok::<(), actorgraph::Error>(())
    /// ```
    pub fn par_relations(self) -> impl ParallelIterator<Item = RelationRef<'g>> + 'g {
        let store = &self.graph.store;
        let index = self.graph.interval_index();
        let parts: Vec<_> = RelationKind::ALL
            .into_iter()
            .flat_map(|kind| {
                index.possibly_on_parts(
                    kind,
                    self.day,
                    |r| store.span(r).possible_from,
                    PART_BLOCKS,
                )
            })
            .collect();
        parts.into_par_iter().flat_map_iter(move |part| {
            part.filter_map(move |stab| self.admit(stab.relation, Asked::Held, Some(stab)))
        })
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
        let defaults = self.certainty == Certainty::Possibly
            && self.keep_contested
            && self.known_by.is_none()
            && self.min_grade.is_none();
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
    /// As [`ActorGraph::resolve`](crate::ActorGraph::resolve).
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
    /// As [`ActorGraph::resolve`](crate::ActorGraph::resolve).
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
}
