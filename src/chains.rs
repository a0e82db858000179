//! Chains of support and alliance between actors, valid at a date.

use std::collections::{HashMap, VecDeque};
use std::fmt;

use petgraph::Direction;
use petgraph::graph::NodeIndex;

use crate::{Actor, Error, RelationKind, RelationRef, View};

/// Which relations count as links of a chain, and how far to follow them.
///
/// Directed kinds are followed from subject to object only ("Iran backs
/// Hezbollah" links Iran to Hezbollah, not back); symmetric kinds such as
/// allied-with are followed both ways.
///
/// # Example
///
/// ```
/// use actorgraph::{ChainOptions, RelationKind};
///
/// let options = ChainOptions::default()
///     .kinds([RelationKind::Backs, RelationKind::AlliedWith])
///     .max_hops(3);
/// assert_eq!(options.hop_limit(), 3);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChainOptions {
    kinds: Vec<RelationKind>,
    max_hops: usize,
}

impl Default for ChainOptions {
    /// Backs, allied with, member of and leads; at most 4 hops.
    fn default() -> ChainOptions {
        ChainOptions {
            kinds: vec![
                RelationKind::Backs,
                RelationKind::AlliedWith,
                RelationKind::MemberOf,
                RelationKind::Leads,
            ],
            max_hops: 4,
        }
    }
}

impl ChainOptions {
    /// Sets the kinds that count as links.
    pub fn kinds(mut self, kinds: impl IntoIterator<Item = RelationKind>) -> ChainOptions {
        self.kinds = kinds.into_iter().collect();
        self.kinds.sort();
        self.kinds.dedup();
        self
    }

    /// Sets the greatest number of hops a chain may have.
    pub fn max_hops(mut self, hops: usize) -> ChainOptions {
        self.max_hops = hops;
        self
    }

    /// The kinds that count as links.
    pub fn link_kinds(&self) -> &[RelationKind] {
        &self.kinds
    }

    /// The greatest number of hops a chain may have.
    pub fn hop_limit(&self) -> usize {
        self.max_hops
    }
}

/// One step of a chain: from one actor to the next, with every relation
/// that links them in this direction on the view's day.
#[derive(Clone, Debug)]
pub struct Hop<'g> {
    from: &'g Actor,
    to: &'g Actor,
    relations: Vec<RelationRef<'g>>,
}

impl<'g> Hop<'g> {
    /// The actor the hop leaves.
    pub fn from(&self) -> &'g Actor {
        self.from
    }

    /// The actor the hop reaches.
    pub fn to(&self) -> &'g Actor {
        self.to
    }

    /// The relations behind the hop; parallel relations between the same
    /// pair share one hop, so they never make duplicate chains.
    pub fn relations(&self) -> &[RelationRef<'g>] {
        &self.relations
    }
}

impl fmt::Display for Hop<'_> {
    /// `Russia backs and is allied with Syrian government`: every parallel
    /// relation's verb.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Chains follow directed kinds forward only, so each verb reads from
        // `from` to `to`; symmetric kinds read the same either way.
        let mut verbs: Vec<&str> = self.relations.iter().map(|r| r.kind().verb()).collect();
        verbs.dedup();
        write!(
            f,
            "{} {} {}",
            self.from.name,
            verbs.join(" and "),
            self.to.name
        )
    }
}

/// A path of hops between actors; no actor appears twice.
#[derive(Clone, Debug)]
pub struct Chain<'g> {
    hops: Vec<Hop<'g>>,
}

impl<'g> Chain<'g> {
    /// The hops, first to last; never empty.
    pub fn hops(&self) -> &[Hop<'g>] {
        &self.hops
    }

    /// The number of hops.
    pub fn len(&self) -> usize {
        self.hops.len()
    }

    /// Always false: a chain has at least one hop.
    pub fn is_empty(&self) -> bool {
        self.hops.is_empty()
    }

    /// The actors along the chain, first to last.
    pub fn actors(&self) -> impl Iterator<Item = &'g Actor> + '_ {
        self.hops
            .first()
            .map(|h| h.from)
            .into_iter()
            .chain(self.hops.iter().map(|h| h.to))
    }
}

impl fmt::Display for Chain<'_> {
    /// `Iran -[backs]-> Hezbollah -[backs]-> Syrian government`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Some(first) = self.hops.first() else {
            return Ok(());
        };
        f.write_str(&first.from.name)?;
        for hop in &self.hops {
            let mut kinds: Vec<&str> = hop.relations.iter().map(|r| r.kind().verb()).collect();
            kinds.dedup();
            write!(f, " -[{}]-> {}", kinds.join(", "), hop.to.name)?;
        }
        Ok(())
    }
}

/// A neighbour reached in one hop, with the relations that link to it.
type Step<'g> = (NodeIndex<u32>, Vec<RelationRef<'g>>);

impl<'g> View<'g> {
    /// The link relations valid on the view's day that leave `node` in
    /// `direction` of travel, grouped by the actor they reach.
    fn steps(self, node: NodeIndex<u32>, options: &ChainOptions, backwards: bool) -> Vec<Step<'g>> {
        let graph = self.graph();
        let mut by_neighbour: Vec<Step<'g>> = Vec::new();
        let mut slot: HashMap<NodeIndex<u32>, usize> = HashMap::new();
        for direction in [Direction::Outgoing, Direction::Incoming] {
            let along = (direction == Direction::Outgoing) != backwards;
            for edge in graph.edges.edges_directed(node, direction) {
                use petgraph::visit::EdgeRef;
                let position = edge.id().index() as u32;
                let kind = edge.weight().kind;
                if !options.kinds.contains(&kind) || !(along || kind.is_symmetric()) {
                    continue;
                }
                let Some(found) = self.judge_position(position) else {
                    continue;
                };
                let neighbour = if direction == Direction::Outgoing {
                    edge.target()
                } else {
                    edge.source()
                };
                let index = *slot.entry(neighbour).or_insert_with(|| {
                    by_neighbour.push((neighbour, Vec::new()));
                    by_neighbour.len() - 1
                });
                by_neighbour[index].1.push(found);
            }
        }
        for (_, relations) in &mut by_neighbour {
            relations.sort_by_key(|r| r.position());
        }
        by_neighbour.sort_by_key(|(n, _)| n.index());
        by_neighbour
    }

    /// Hop counts to `target` along links, for every actor within `limit` hops.
    fn distances_to(
        self,
        target: NodeIndex<u32>,
        options: &ChainOptions,
    ) -> HashMap<NodeIndex<u32>, usize> {
        let mut distance = HashMap::from([(target, 0)]);
        let mut queue = VecDeque::from([target]);
        while let Some(node) = queue.pop_front() {
            let d = distance[&node];
            if d == options.max_hops {
                continue;
            }
            for (previous, _) in self.steps(node, options, true) {
                distance.entry(previous).or_insert_with(|| {
                    queue.push_back(previous);
                    d + 1
                });
            }
        }
        distance
    }

    /// Every chain from `from` to `to` on the view's day, shortest first.
    ///
    /// Chains never repeat an actor, and parallel relations between the
    /// same pair make one hop, not several chains. Ties in length are
    /// broken by the actors' order in the dataset, so output is stable.
    ///
    /// # Errors
    ///
    /// As [`ActorGraph::resolve`](crate::ActorGraph::resolve), for either end.
    ///
    /// # Complexity
    ///
    /// A breadth-first search back from `to` bounds the depth, then a
    /// depth-first search from `from` visits only actors that can still
    /// reach `to` within the hop limit: O(E + P·h) for E link relations
    /// within reach and P chains of up to h hops.
    ///
    /// # Example
    ///
    /// ```
    /// use actorgraph::{ActorGraph, ChainOptions};
    ///
    /// let graph = ActorGraph::embedded()?;
    /// let view = graph.at("2024-11-30".parse()?);
    /// let chains: Vec<_> = view.chains("Iran", "Syrian Arab Army", &ChainOptions::default())?.collect();
    /// assert!(!chains.is_empty());
    /// println!("{}", chains[0]);
    /// # Ok::<(), actorgraph::Error>(())
    /// ```
    pub fn chains(
        self,
        from: &str,
        to: &str,
        options: &ChainOptions,
    ) -> Result<impl Iterator<Item = Chain<'g>> + 'g, Error> {
        let start = self.graph().node_of(from)?;
        let target = self.graph().node_of(to)?;
        let distance = self.distances_to(target, options);
        let mut found = Vec::new();
        if start != target && distance.contains_key(&start) {
            let mut path = vec![start];
            let mut hops = Vec::new();
            self.walk(
                &mut path,
                &mut hops,
                options,
                false,
                &mut |hops, node| {
                    let remaining = options.max_hops - hops.len();
                    match distance.get(&node) {
                        Some(&d) if d <= remaining => {
                            if node == target {
                                Walk::Emit
                            } else {
                                Walk::Continue
                            }
                        }
                        _ => Walk::Prune,
                    }
                },
                &mut found,
            );
        }
        Ok(self.finish(found))
    }

    /// Every chain leaving `from` on the view's day, up to the hop limit,
    /// shortest first.
    ///
    /// # Errors
    ///
    /// As [`ActorGraph::resolve`](crate::ActorGraph::resolve).
    ///
    /// # Complexity
    ///
    /// O(P·h·d) for P chains of up to h hops through actors of degree d.
    pub fn chains_from(
        self,
        from: &str,
        options: &ChainOptions,
    ) -> Result<impl Iterator<Item = Chain<'g>> + 'g, Error> {
        self.every_chain(from, options, false)
    }

    /// Every chain reaching `to` on the view's day, up to the hop limit,
    /// shortest first.
    ///
    /// # Errors
    ///
    /// As [`ActorGraph::resolve`](crate::ActorGraph::resolve).
    ///
    /// # Complexity
    ///
    /// As [`View::chains_from`].
    pub fn chains_into(
        self,
        to: &str,
        options: &ChainOptions,
    ) -> Result<impl Iterator<Item = Chain<'g>> + 'g, Error> {
        self.every_chain(to, options, true)
    }

    /// Every chain out of `actor`, or into it when `backwards`, shortest first.
    fn every_chain(
        self,
        actor: &str,
        options: &ChainOptions,
        backwards: bool,
    ) -> Result<std::vec::IntoIter<Chain<'g>>, Error> {
        let node = self.graph().node_of(actor)?;
        let mut found = Vec::new();
        self.walk(
            &mut vec![node],
            &mut Vec::new(),
            options,
            backwards,
            &mut |_, _| Walk::EmitAndContinue,
            &mut found,
        );
        Ok(self.finish(found))
    }

    /// Depth-first search for chains from the last actor of `path`: along
    /// the links, or against them (`backwards`) to find chains that end
    /// there. `decide` says at each new actor whether to emit the chain so
    /// far, go deeper, or both.
    fn walk(
        self,
        path: &mut Vec<NodeIndex<u32>>,
        hops: &mut Vec<Hop<'g>>,
        options: &ChainOptions,
        backwards: bool,
        decide: &mut dyn FnMut(&[Hop<'g>], NodeIndex<u32>) -> Walk,
        found: &mut Vec<Chain<'g>>,
    ) {
        if hops.len() >= options.max_hops {
            return;
        }
        let Some(&here) = path.last() else { return };
        for (next, relations) in self.steps(here, options, backwards) {
            if path.contains(&next) {
                continue;
            }
            let (from, to) = if backwards {
                (next, here)
            } else {
                (here, next)
            };
            hops.push(Hop {
                from: self.graph().actor_at(from),
                to: self.graph().actor_at(to),
                relations,
            });
            let verdict = decide(hops, next);
            if matches!(verdict, Walk::Emit | Walk::EmitAndContinue) {
                // A backward search collects hops last to first.
                let chain = if backwards {
                    hops.iter().rev().cloned().collect()
                } else {
                    hops.clone()
                };
                found.push(Chain { hops: chain });
            }
            if matches!(verdict, Walk::Continue | Walk::EmitAndContinue) {
                path.push(next);
                self.walk(path, hops, options, backwards, decide, found);
                path.pop();
            }
            hops.pop();
        }
    }

    fn finish(self, mut chains: Vec<Chain<'g>>) -> std::vec::IntoIter<Chain<'g>> {
        let graph = self.graph();
        let key = |c: &Chain<'g>| -> (usize, Vec<usize>) {
            (
                c.len(),
                c.actors()
                    .map(|a| graph.actors.get_index_of(&a.id).unwrap_or(usize::MAX))
                    .collect(),
            )
        };
        chains.sort_by_cached_key(key);
        chains.into_iter()
    }

    /// The groups of actors tied together by links on the view's day: the
    /// connected components (ignoring direction) of at least two actors,
    /// largest first.
    ///
    /// # Complexity
    ///
    /// O(R α(R)) for R relations, by union-find over the link relations.
    ///
    /// # Example
    ///
    /// ```
    /// use actorgraph::{ActorGraph, ChainOptions};
    ///
    /// let graph = ActorGraph::embedded()?;
    /// let blocs = graph.at("2024-11-30".parse()?).blocs(&ChainOptions::default());
    /// let with_iran = blocs.iter().find(|b| b.iter().any(|a| a.id.as_str() == "iran")).unwrap();
    /// assert!(with_iran.iter().any(|a| a.id.as_str() == "russia"));
    /// assert!(!with_iran.iter().any(|a| a.id.as_str() == "hts"));
    /// # Ok::<(), actorgraph::Error>(())
    /// ```
    pub fn blocs(self, options: &ChainOptions) -> Vec<Vec<&'g Actor>> {
        let graph = self.graph();
        let mut sets = petgraph::unionfind::UnionFind::<usize>::new(graph.actors.len());
        for found in self.relations() {
            if options.kinds.contains(&found.kind()) {
                let a = graph.actors.get_index_of(&found.subject().id).unwrap_or(0);
                let b = graph.actors.get_index_of(&found.object().id).unwrap_or(0);
                sets.union(a, b);
            }
        }
        let mut groups: HashMap<usize, Vec<&'g Actor>> = HashMap::new();
        for (index, actor) in graph.actors.values().enumerate() {
            groups.entry(sets.find(index)).or_default().push(actor);
        }
        let mut blocs: Vec<Vec<&'g Actor>> = groups.into_values().filter(|g| g.len() > 1).collect();
        blocs.sort_by_cached_key(|b| {
            (
                std::cmp::Reverse(b.len()),
                graph.actors.get_index_of(&b[0].id).unwrap_or(0),
            )
        });
        blocs
    }

    /// Actors that oppose or attack (or are opposed or attacked by) both `a` and `b`.
    ///
    /// # Errors
    ///
    /// As [`ActorGraph::resolve`](crate::ActorGraph::resolve).
    ///
    /// # Complexity
    ///
    /// O(d) for the two actors' d relations.
    pub fn common_enemies(self, a: &str, b: &str) -> Result<Vec<CommonTie<'g>>, Error> {
        self.common(a, b, &[RelationKind::Opposes, RelationKind::Attacks], None)
    }

    /// Actors that back both `a` and `b`.
    ///
    /// # Errors
    ///
    /// As [`ActorGraph::resolve`](crate::ActorGraph::resolve).
    ///
    /// # Complexity
    ///
    /// O(d) for the two actors' d relations.
    pub fn common_backers(self, a: &str, b: &str) -> Result<Vec<CommonTie<'g>>, Error> {
        self.common(a, b, &[RelationKind::Backs], Some(Direction::Incoming))
    }

    fn common(
        self,
        a: &str,
        b: &str,
        kinds: &[RelationKind],
        direction: Option<Direction>,
    ) -> Result<Vec<CommonTie<'g>>, Error> {
        let ties = |name: &str| -> Result<HashMap<String, Vec<RelationRef<'g>>>, Error> {
            let actor = self.graph().resolve(name)?;
            let id = actor.id.as_str();
            let mut by_other: HashMap<String, Vec<RelationRef<'g>>> = HashMap::new();
            for found in self.involving(id)? {
                let incoming = found.object().id.as_str() == id;
                let direction_fits = match direction {
                    None => true,
                    Some(Direction::Incoming) => incoming,
                    Some(Direction::Outgoing) => !incoming,
                };
                if kinds.contains(&found.kind()) && direction_fits {
                    by_other
                        .entry(found.other_end(id).id.to_string())
                        .or_default()
                        .push(found);
                }
            }
            Ok(by_other)
        };
        let first = ties(a)?;
        let mut second = ties(b)?;
        let mut common: Vec<CommonTie<'g>> = first
            .into_iter()
            .filter_map(|(other, with_first)| {
                let with_second = second.remove(&other)?;
                let actor = self.graph().actor(&other)?;
                Some(CommonTie {
                    actor,
                    with_first,
                    with_second,
                })
            })
            .collect();
        let graph = self.graph();
        common.sort_by_key(|t| graph.actors.get_index_of(&t.actor.id));
        Ok(common)
    }
}

/// An actor tied to both actors of a pair, with the evidence for each tie.
#[derive(Clone, Debug)]
pub struct CommonTie<'g> {
    /// The actor tied to both.
    pub actor: &'g Actor,
    /// Its relations with the first actor of the pair.
    pub with_first: Vec<RelationRef<'g>>,
    /// Its relations with the second actor of the pair.
    pub with_second: Vec<RelationRef<'g>>,
}

/// What a depth-first chain search does at an actor.
enum Walk {
    Emit,
    Continue,
    EmitAndContinue,
    Prune,
}
