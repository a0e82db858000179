//! Blocs: the groups of actors that links tie together on a day, never
//! joining actors that fight or rival each other.

use crate::view::{ActorRef, View};

use super::ChainOptions;
use super::groups::{Groups, in_join_order, takes_part};

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
