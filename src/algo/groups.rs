//! What blocs and camps share: which actors take part in a conflict, and
//! groups joined link by link that never join two actors at odds.

use std::collections::{HashMap, HashSet};

use petgraph::unionfind::UnionFind;

use crate::base::date::{Date, Holding};
use crate::base::model::{ActorKind, RelationKind};
use crate::view::{ActorRef, RelationRef, View};

/// Whether an actor of this kind is a party to a conflict: a state,
/// government, armed force or group, coalition, militia, political
/// organization or person. NGOs, monitors and think tanks, media,
/// international organizations, places and agreements stand outside it,
/// and [`blocs`](super::blocs) and [`camps`](super::camps) leave them out unless asked.
///
/// # Example
///
/// ```
/// use actorgraph::{ActorKind, algo};
///
/// assert!(algo::takes_part(ActorKind::Militia));
/// assert!(!algo::takes_part(ActorKind::Ngo));
/// ```
pub fn takes_part(kind: ActorKind) -> bool {
    !matches!(
        kind,
        ActorKind::Ngo
            | ActorKind::Media
            | ActorKind::InternationalOrganization
            | ActorKind::Place
            | ActorKind::Agreement
    )
}

/// Groups of actors joined link by link, where a join that would put two
/// actors hostile to each other on the view's day (one opposes or competes
/// with the other) in one group is refused.
pub(super) struct Groups {
    sets: UnionFind<usize>,
    /// Each group's actors, kept at its root's slot.
    members: Vec<Vec<usize>>,
    hostile: HashMap<usize, HashSet<usize>>,
}

impl Groups {
    /// Every actor alone, with the hostilities of the view's day.
    pub(super) fn new(view: View<'_>) -> Groups {
        let count = view.graph().actor_count();
        let mut hostile: HashMap<usize, HashSet<usize>> = HashMap::new();
        let kinds = [RelationKind::Opposes, RelationKind::CompetesWith];
        for relation in kinds.into_iter().flat_map(|k| view.of_kind(k)) {
            let (a, b) = (relation.subject().order(), relation.object().order());
            hostile.entry(a).or_default().insert(b);
            hostile.entry(b).or_default().insert(a);
        }
        Groups {
            sets: UnionFind::new(count),
            members: (0..count).map(|a| vec![a]).collect(),
            hostile,
        }
    }

    /// Whether `a` opposes or competes with `b`, or the other way round.
    pub(super) fn hostile(&self, a: usize, b: usize) -> bool {
        self.hostile.get(&a).is_some_and(|h| h.contains(&b))
    }

    /// Whether `a` opposes or competes with anyone, or anyone with it.
    pub(super) fn at_odds(&self, a: usize) -> bool {
        self.hostile.contains_key(&a)
    }

    /// Joins the groups of `a` and `b`, unless some actor of one is hostile
    /// to some actor of the other; whether they are now one group.
    pub(super) fn join(&mut self, a: usize, b: usize) -> bool {
        let (ra, rb) = (self.sets.find_mut(a), self.sets.find_mut(b));
        if ra == rb {
            return true;
        }
        let clash = self.members[ra]
            .iter()
            .any(|&x| self.members[rb].iter().any(|&y| self.hostile(x, y)));
        if clash {
            return false;
        }
        self.sets.union(ra, rb);
        let root = self.sets.find_mut(ra);
        let moved = std::mem::take(&mut self.members[if root == ra { rb } else { ra }]);
        self.members[root].extend(moved);
        true
    }

    /// The groups of at least two actors, each in dataset order.
    pub(super) fn groups<'g>(&self, view: View<'g>) -> Vec<Vec<ActorRef<'g>>> {
        let mut groups: HashMap<usize, Vec<ActorRef<'g>>> = HashMap::new();
        for actor in view.graph().actor_handles() {
            groups
                .entry(self.sets.find(actor.order()))
                .or_default()
                .push(actor);
        }
        groups.into_values().filter(|g| g.len() > 1).collect()
    }
}

/// Links in the order they are tried: what certainly holds before what
/// possibly does, then dataset order, so that when two links cannot both
/// be followed the surer one wins. Contested links are left out: the
/// sources disagree on them.
pub(super) fn in_join_order<'g>(
    links: impl Iterator<Item = RelationRef<'g>>,
) -> Vec<RelationRef<'g>> {
    let mut links: Vec<RelationRef<'g>> = links.filter(|r| !r.is_contested()).collect();
    links.sort_by_key(|r| (r.holding() != Some(Holding::Certainly), r.order()));
    links
}

/// The first day of the week that ends on `day` (six days before it), the
/// window in which attacks count as fighting unless a caller sets one;
/// the first day there is when the week would begin before it.
pub(super) fn week_up_to(day: Date) -> Date {
    let week = jiff::Span::new().days(6);
    day.to_jiff()
        .checked_sub(week)
        .ok()
        .and_then(|d| Date::try_from(d).ok())
        .unwrap_or(Date::MIN)
}
