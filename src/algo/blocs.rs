//! Blocs: the groups of actors that links tie together on a day, never
//! joining actors that fight or rival each other.

use std::collections::{HashMap, HashSet};

use petgraph::unionfind::UnionFind;

use crate::base::date::Holding;
use crate::base::model::{ActorKind, RelationKind};
use crate::view::{ActorRef, RelationRef, View};

use super::ChainOptions;

/// Whether an actor of this kind is a party to a conflict: a state,
/// government, armed force or group, coalition, militia, political
/// organization or person. NGOs, monitors and think tanks, media,
/// international organizations, places and agreements stand outside it,
/// and [`blocs`] and [`camps`](super::camps) leave them out unless asked.
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

/// The groups of actors tied together by links on the view's day: the
/// connected components (ignoring direction) of at least two actors,
/// largest first, each in dataset order.
///
/// Two actors that oppose or compete with each other on the day never
/// share a bloc: links are followed surest first (see above), and one
/// that would join them is not followed. Contested links join nothing.
/// Unless [`ChainOptions::outsiders`] asks for them, actors outside the
/// conflict ([`takes_part`]) join no bloc, and a bloc none of whose
/// members opposes or competes with anyone that day (a state and its army
/// far from the fighting, a leader of another war) is left out.
///
/// # Complexity
///
/// O(R log R + L·s²) for R relations, L links and blocs of up to s actors:
/// each join compares the two groups for hostility.
///
/// # Example
///
/// ```
/// use actorgraph::{ActorGraph, ChainOptions, algo};
///
/// let graph = ActorGraph::embedded()?;
/// let blocs = algo::blocs(graph.at("2024-11-30".parse()?), &ChainOptions::default());
/// let bloc_of = |id: &str| blocs.iter().position(|b| b.iter().any(|a| a.id.as_str() == id));
/// assert_eq!(bloc_of("iran"), bloc_of("russia"));
/// assert_ne!(bloc_of("iran"), bloc_of("hts"));
/// // HTS competes with the SNA: never one bloc.
/// assert_ne!(bloc_of("hts"), bloc_of("sna"));
/// // A think tank and its staff are no bloc.
/// assert_eq!(bloc_of("new_lines_institute"), None);
/// # Ok::<(), actorgraph::Error>(())
/// ```
pub fn blocs<'g>(view: View<'g>, options: &ChainOptions) -> Vec<Vec<ActorRef<'g>>> {
    let admitted = |a: ActorRef<'_>| options.get_outsiders() || takes_part(a.kind);
    let mut groups = Groups::new(view);
    let links = view.relations().filter(|r| {
        options.get_kinds().contains(&r.kind()) && admitted(r.subject()) && admitted(r.object())
    });
    for link in in_join_order(links) {
        groups.join(link.subject().order(), link.object().order());
    }
    let mut blocs = groups.groups(view);
    blocs.retain(|b| options.get_outsiders() || b.iter().any(|a| groups.at_odds(a.order())));
    blocs.sort_by_key(|b| (std::cmp::Reverse(b.len()), b[0].order()));
    blocs
}

/// The roots of `bloc`: its actors that no link leads into on the view's
/// day (nobody backs, leads or counts them as a member), in the bloc's
/// order. Chains out of the roots cover the bloc's lines of support.
///
/// # Complexity
///
/// O(d) for the bloc's d relations.
///
/// # Example
///
/// ```
/// use actorgraph::{ActorGraph, ChainOptions, algo};
///
/// let graph = ActorGraph::embedded()?;
/// let view = graph.at("2024-11-30".parse()?);
/// let options = ChainOptions::default();
/// for bloc in algo::blocs(view, &options) {
///     let roots = algo::bloc_roots(view, &bloc, &options);
///     assert!(roots.iter().all(|r| bloc.contains(r)));
/// }
/// # Ok::<(), actorgraph::Error>(())
/// ```
pub fn bloc_roots<'g>(
    view: View<'g>,
    bloc: &[ActorRef<'g>],
    options: &ChainOptions,
) -> Vec<ActorRef<'g>> {
    let one_hop = options.clone().max_hops(1);
    bloc.iter()
        .copied()
        .filter(|&actor| {
            super::chains_into(view, actor, &one_hop).is_ok_and(|mut c| c.next().is_none())
        })
        .collect()
}
