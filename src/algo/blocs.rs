//! Blocs: the groups of actors that links tie together on a day.

use std::collections::HashMap;

use crate::view::{ActorRef, View};

use super::ChainOptions;

/// The groups of actors tied together by links on the view's day: the
/// connected components (ignoring direction) of at least two actors,
/// largest first, each in dataset order.
///
/// # Complexity
///
/// O(R α(A)) for R relations among A actors, by union-find over the link
/// relations.
///
/// # Example
///
/// ```
/// use actorgraph::{ActorGraph, ChainOptions, algo};
///
/// let graph = ActorGraph::embedded()?;
/// let blocs = algo::blocs(graph.at("2024-11-30".parse()?), &ChainOptions::default());
/// let with_iran = blocs.iter().find(|b| b.iter().any(|a| a.id.as_str() == "iran")).unwrap();
/// assert!(with_iran.iter().any(|a| a.id.as_str() == "russia"));
/// assert!(!with_iran.iter().any(|a| a.id.as_str() == "hts"));
/// # Ok::<(), actorgraph::Error>(())
/// ```
pub fn blocs<'g>(view: View<'g>, options: &ChainOptions) -> Vec<Vec<ActorRef<'g>>> {
    let graph = view.graph();
    let mut sets = petgraph::unionfind::UnionFind::<usize>::new(graph.actor_count());
    for found in view.relations() {
        if options.get_kinds().contains(&found.kind()) {
            sets.union(found.subject().order(), found.object().order());
        }
    }
    let mut groups: HashMap<usize, Vec<ActorRef<'g>>> = HashMap::new();
    for actor in graph.actor_handles() {
        groups
            .entry(sets.find(actor.order()))
            .or_default()
            .push(actor);
    }
    let mut blocs: Vec<Vec<ActorRef<'g>>> = groups.into_values().filter(|g| g.len() > 1).collect();
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
