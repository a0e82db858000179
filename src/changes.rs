//! What changed between two dates.

use std::collections::{BTreeMap, HashSet};

use crate::{Actor, ActorId, Date, RelationKind, RelationRef, View};

/// Relations that began, ended or changed between two days, and places that
/// changed hands. Made by [`View::changes_until`].
#[derive(Clone, Debug)]
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
}

/// A place whose controllers changed.
#[derive(Clone, Debug)]
pub struct HandOver<'g> {
    /// The place.
    pub place: &'g Actor,
    /// Who controlled it on the earlier day.
    pub before: Vec<&'g Actor>,
    /// Who controlled it on the later day.
    pub after: Vec<&'g Actor>,
}

impl<'g> View<'g> {
    /// What changed between this view's day and `later`, read with the
    /// view's certainty, knowledge date and contested policy.
    ///
    /// # Complexity
    ///
    /// O(R) for R relations in the graph.
    ///
    /// # Example
    ///
    /// ```
    /// use actorgraph::ActorGraph;
    ///
    /// let graph = ActorGraph::embedded()?;
    /// let changes = graph.at("2024-11-26".parse()?).changes_until("2024-12-02".parse()?);
    /// assert!(changes.hand_overs.iter().any(|h| h.place.name == "Aleppo"));
    /// # Ok::<(), actorgraph::Error>(())
    /// ```
    pub fn changes_until(self, later: Date) -> Changes<'g> {
        let after_view = self.same_settings_at(later);
        let before: Vec<RelationRef<'g>> = self.relations().collect();
        let after: Vec<RelationRef<'g>> = after_view.relations().collect();
        let before_ids: HashSet<u32> = before.iter().map(RelationRef::position).collect();
        let after_ids: HashSet<u32> = after.iter().map(RelationRef::position).collect();
        let mut ended: Vec<RelationRef<'g>> = before
            .iter()
            .filter(|r| !after_ids.contains(&r.position()))
            .copied()
            .collect();
        let mut began: Vec<RelationRef<'g>> = after
            .iter()
            .filter(|r| !before_ids.contains(&r.position()))
            .copied()
            .collect();

        let key = |r: &RelationRef<'g>| (r.subject().id.clone(), r.kind(), r.object().id.clone());
        let mut changed = Vec::new();
        ended.retain(
            |old| match began.iter().position(|new| key(new) == key(old)) {
                Some(i) => {
                    changed.push((*old, began.remove(i)));
                    false
                }
                None => true,
            },
        );

        Changes {
            from: self.day(),
            to: later,
            hand_overs: hand_overs(&before, &after),
            began,
            ended,
            changed,
        }
    }
}

fn controllers<'g>(found: &[RelationRef<'g>]) -> BTreeMap<ActorId, (&'g Actor, Vec<&'g Actor>)> {
    let mut by_place: BTreeMap<ActorId, (&'g Actor, Vec<&'g Actor>)> = BTreeMap::new();
    for r in found.iter().filter(|r| r.kind() == RelationKind::Controls) {
        let entry = by_place
            .entry(r.object().id.clone())
            .or_insert_with(|| (r.object(), Vec::new()));
        if !entry.1.iter().any(|a| a.id == r.subject().id) {
            entry.1.push(r.subject());
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
    for (id, (place, holders)) in before {
        let now = after.remove(&id).map(|(_, h)| h).unwrap_or_default();
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
