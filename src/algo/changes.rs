//! What changed between two days.

use std::collections::{HashMap, HashSet};

use crate::base::date::Date;
use crate::base::few::Few;
use crate::base::model::RelationKind;
use crate::view::{ActorRef, RelationRef, View};

/// Relations that began, ended or changed between two days, and places that
/// changed hands. Made by [`changes`].
#[derive(Clone)]
pub struct Changes<'g> {
    /// The earlier day.
    pub from: Date,
    /// The later day.
    pub to: Date,
    /// Relations that held on the later day but not the earlier one.
    pub began: Vec<RelationRef<'g>>,
    /// Relations that held on the earlier day but not the later one.
    pub ended: Vec<RelationRef<'g>>,
    /// Pairs (before, after) where one relation between the same subject and
    /// object, of the same kind, gave way to another (new dates or sources).
    pub changed: Vec<(RelationRef<'g>, RelationRef<'g>)>,
    /// Places whose controllers differ between the two days.
    pub hand_overs: Vec<HandOver<'g>>,
    /// Events that happened after the earlier day and on or before the
    /// later one, in order of date.
    pub events: Vec<RelationRef<'g>>,
}

/// A place whose controllers changed.
#[derive(Clone)]
pub struct HandOver<'g> {
    /// The place.
    pub place: ActorRef<'g>,
    /// Who controlled it on the earlier day.
    pub before: Vec<ActorRef<'g>>,
    /// Who controlled it on the later day.
    pub after: Vec<ActorRef<'g>>,
}

/// What changed between `view`'s day and `later`, read with the view's
/// certainty, knowledge date and contested policy.
///
/// # Complexity
///
/// O(R + H log H + E log E) for R relations in the graph, H places that
/// changed hands and E events: relations are matched across the two days
/// by hashing their ends and kind.
///
/// # Example
///
/// ```
/// use actorgraph::{ActorGraph, algo};
///
/// let graph = ActorGraph::embedded()?;
/// let changes = algo::changes(graph.at("2024-11-26".parse()?), "2024-12-02".parse()?);
/// assert!(changes.hand_overs.iter().any(|h| h.place.name == "Aleppo"));
/// # Ok::<(), actorgraph::Error>(())
/// ```
pub fn changes<'g>(view: View<'g>, later: Date) -> Changes<'g> {
    let before: Vec<RelationRef<'g>> = view.relations().collect();
    let after: Vec<RelationRef<'g>> = view.on(later).relations().collect();
    let before_ids: HashSet<usize> = before.iter().map(RelationRef::order).collect();
    let after_ids: HashSet<usize> = after.iter().map(RelationRef::order).collect();
    let ended: Vec<RelationRef<'g>> = before
        .iter()
        .filter(|r| !after_ids.contains(&r.order()))
        .copied()
        .collect();
    let mut began: Vec<Option<RelationRef<'g>>> = after
        .iter()
        .filter(|r| !before_ids.contains(&r.order()))
        .map(|r| Some(*r))
        .collect();

    // Each key's relations that began, earliest first, so that an ended
    // relation takes the first unmatched successor, as a scan would.
    let key = |r: &RelationRef<'g>| (r.subject().order(), r.kind(), r.object().order());
    let mut successors: HashMap<_, Vec<usize>> = HashMap::new();
    for (slot, r) in began.iter().enumerate().rev() {
        if let Some(r) = r {
            successors.entry(key(r)).or_default().push(slot);
        }
    }
    let mut changed = Vec::new();
    let mut still_ended = Vec::new();
    for old in ended {
        let successor = successors.get_mut(&key(&old)).and_then(Vec::pop);
        match successor.and_then(|slot| began[slot].take()) {
            Some(new) => changed.push((old, new)),
            None => still_ended.push(old),
        }
    }
    let mut events: Vec<RelationRef<'g>> = match view.day().following() {
        Some(after) => view.on(later).events_between(after, later).collect(),
        None => Vec::new(),
    };
    events.sort_by_key(|e| (e.happened_on(), e.order()));
    Changes {
        from: view.day(),
        to: later,
        events,
        hand_overs: hand_overs(&before, &after),
        began: began.into_iter().flatten().collect(),
        ended: still_ended,
        changed,
    }
}

/// Each place (by its order) with its controllers, in id order.
type Controllers<'g> = HashMap<usize, (ActorRef<'g>, Vec<ActorRef<'g>>)>;

fn controllers<'g>(found: &[RelationRef<'g>]) -> Controllers<'g> {
    let mut by_place: Controllers<'g> = HashMap::new();
    for r in found.iter().filter(|r| r.kind() == RelationKind::Controls) {
        let place = r.object();
        let (_, holders) = by_place
            .entry(place.order())
            .or_insert_with(|| (place, Vec::new()));
        if !holders.contains(&r.subject()) {
            holders.push(r.subject());
        }
    }
    for (_, holders) in by_place.values_mut() {
        holders.sort_by(|a, b| a.id.cmp(&b.id));
    }
    by_place
}

fn hand_overs<'g>(before: &[RelationRef<'g>], after: &[RelationRef<'g>]) -> Vec<HandOver<'g>> {
    let before = controllers(before);
    let mut after = controllers(after);
    let mut result = Vec::new();
    for (order, (place, holders)) in before {
        let now = after.remove(&order).map(|(_, h)| h).unwrap_or_default();
        if now != holders {
            result.push(HandOver {
                place,
                before: holders,
                after: now,
            });
        }
    }
    for (place, holders) in after.into_values() {
        result.push(HandOver {
            place,
            before: Vec::new(),
            after: holders,
        });
    }
    result.sort_by(|a, b| a.place.id.cmp(&b.place.id));
    result
}

// By hand: lists are shown by their first few items, so that a `{:?}` of a
// year's changes on a large graph stays a few lines.
impl std::fmt::Debug for Changes<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Changes")
            .field("from", &self.from)
            .field("to", &self.to)
            .field("began", &Few(&self.began))
            .field("ended", &Few(&self.ended))
            .field("changed", &Few(&self.changed))
            .field("hand_overs", &Few(&self.hand_overs))
            .field("events", &Few(&self.events))
            .finish()
    }
}

impl std::fmt::Debug for HandOver<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("HandOver")
            .field("place", &self.place)
            .field("before", &Few(&self.before))
            .field("after", &Few(&self.after))
            .finish()
    }
}
