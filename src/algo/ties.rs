//! Common ties: the actors that back, or fight, both of two actors.

use std::collections::HashMap;

use crate::base::error::Error;
use crate::base::few::Few;
use crate::base::model::{Direction, RelationKind};
use crate::view::{ActorRef, IntoActor, RelationRef, View};

/// An actor tied to both actors of a pair, with the evidence for each tie.
#[derive(Clone)]
pub struct CommonTie<'g> {
    /// The actor tied to both.
    pub actor: ActorRef<'g>,
    /// Its relations with the first actor of the pair.
    pub with_first: Vec<RelationRef<'g>>,
    /// Its relations with the second actor of the pair.
    pub with_second: Vec<RelationRef<'g>>,
}

/// Actors that oppose or attack (or are opposed or attacked by) both `a`
/// and `b` on the view's day, in dataset order.
///
/// # Errors
///
/// As [`ActorGraph::resolve`](crate::ActorGraph::resolve).
///
/// # Complexity
///
/// O(d) for the two actors' d relations.
pub fn common_enemies<'g>(
    view: View<'g>,
    a: impl IntoActor,
    b: impl IntoActor,
) -> Result<Vec<CommonTie<'g>>, Error> {
    common(
        view,
        a,
        b,
        &[RelationKind::Opposes, RelationKind::Attacks],
        None,
    )
}

/// Actors that back both `a` and `b` on the view's day, in dataset order.
///
/// # Errors
///
/// As [`ActorGraph::resolve`](crate::ActorGraph::resolve).
///
/// # Complexity
///
/// O(d) for the two actors' d relations.
pub fn common_backers<'g>(
    view: View<'g>,
    a: impl IntoActor,
    b: impl IntoActor,
) -> Result<Vec<CommonTie<'g>>, Error> {
    common(
        view,
        a,
        b,
        &[RelationKind::Backs],
        Some(Direction::Incoming),
    )
}

/// The relations of `actor` of `kinds` in `direction` (seen from it),
/// grouped by the actor at their other end (keyed by its order).
type Ties<'g> = HashMap<usize, (ActorRef<'g>, Vec<RelationRef<'g>>)>;

fn ties<'g>(
    view: View<'g>,
    actor: ActorRef<'g>,
    kinds: &[RelationKind],
    direction: Option<Direction>,
) -> Result<Ties<'g>, Error> {
    let mut by_other: Ties<'g> = HashMap::new();
    for found in view.involving(actor)? {
        let incoming = found.object() == actor;
        let direction_fits = match direction {
            None => true,
            Some(Direction::Incoming) => incoming,
            Some(Direction::Outgoing) => !incoming,
        };
        if kinds.contains(&found.kind()) && direction_fits {
            let other = if incoming {
                found.subject()
            } else {
                found.object()
            };
            by_other
                .entry(other.order())
                .or_insert_with(|| (other, Vec::new()))
                .1
                .push(found);
        }
    }
    Ok(by_other)
}

fn common<'g>(
    view: View<'g>,
    a: impl IntoActor,
    b: impl IntoActor,
    kinds: &[RelationKind],
    direction: Option<Direction>,
) -> Result<Vec<CommonTie<'g>>, Error> {
    let first = ties(view, a.into_actor(view.graph())?, kinds, direction)?;
    let mut second = ties(view, b.into_actor(view.graph())?, kinds, direction)?;
    let mut common: Vec<CommonTie<'g>> = first
        .into_iter()
        .filter_map(|(order, (actor, with_first))| {
            let (_, with_second) = second.remove(&order)?;
            Some(CommonTie {
                actor,
                with_first,
                with_second,
            })
        })
        .collect();
    common.sort_by_key(|t| t.actor.order());
    Ok(common)
}

// By hand: a hub may tie to either actor through many relations.
impl std::fmt::Debug for CommonTie<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CommonTie")
            .field("actor", &self.actor)
            .field("with_first", &Few(&self.with_first))
            .field("with_second", &Few(&self.with_second))
            .finish()
    }
}
