//! Chains of support and alliance between actors, valid on a day.

use std::collections::{HashMap, VecDeque};
use std::fmt;

use crate::base::error::Error;
use crate::base::few::Few;
use crate::base::model::{Direction, RelationKind};
use crate::view::{ActorRef, IntoActor, RelationRef, View};

use super::lineage::{LineageLink, Side};

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
/// assert_eq!(options.get_max_hops(), 3);
/// assert_eq!(options.get_kinds(), [RelationKind::Backs, RelationKind::AlliedWith]);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChainOptions {
    kinds: Vec<RelationKind>,
    max_hops: usize,
    outsiders: bool,
    merge_lineage: bool,
}

impl Default for ChainOptions {
    /// Backs, allied with, member of and leads; at most 4 hops; no
    /// outsiders in blocs; no merging of lineages.
    fn default() -> ChainOptions {
        ChainOptions {
            kinds: vec![
                RelationKind::Backs,
                RelationKind::AlliedWith,
                RelationKind::MemberOf,
                RelationKind::Leads,
            ],
            max_hops: 4,
            outsiders: false,
            merge_lineage: false,
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

    /// Sets whether [`blocs`](super::blocs) take in actors outside the
    /// conflict ([`takes_part`](super::takes_part)): think tanks with their
    /// staff, monitors, media, places, and groups that fight nobody. Chains
    /// follow links through anyone.
    pub fn outsiders(mut self, outsiders: bool) -> ChainOptions {
        self.outsiders = outsiders;
        self
    }

    /// Sets whether an actor asked about stands for its predecessors too
    /// (every actor it came from by a split, merger or succession that had
    /// happened by the view's day: [`lineage`](super::lineage)): chains
    /// from or into any of them count, each carrying the links that made
    /// its end stand for the actor ([`Chain::lineage`]). Off by default, so
    /// that answers do not change unless asked.
    ///
    /// # Example
    ///
    /// ```
    /// use actorgraph::{ActorGraph, ChainOptions, algo};
    ///
    /// // Fictional: the Patron backed the Old Front, which the New Front succeeded.
    /// let graph = ActorGraph::from_ron(r#"(
    ///     sources: [(id: "s", title: "A fictional report", published: "2020-01-01")],
    ///     actors: [
    ///         (id: "patron", name: "Patron", kind: State),
    ///         (id: "old", name: "Old Front", kind: ArmedGroup),
    ///         (id: "new", name: "New Front", kind: ArmedGroup),
    ///     ],
    ///     relations: [
    ///         (id: "succession", kind: Succeeds, subject: "new", object: "old", on: "2016",
    ///             citations: [(source: "s", quote: "the New Front replaced the Old Front")]),
    ///         (id: "patron_backs_old", kind: Backs, subject: "patron", object: "old", from: "2012",
    ///             citations: [(source: "s", quote: "the Patron backs the Old Front")]),
    ///     ],
    /// )"#)?;
    /// let view = graph.at("2020-01-01".parse()?);
    /// assert_eq!(algo::chains_into(view, "new", &ChainOptions::default())?.count(), 0);
    /// let merged = ChainOptions::default().merge_lineage(true);
    /// let chain = algo::chains_into(view, "new", &merged)?.next().expect("through the Old Front");
    /// assert_eq!(chain.to_string(), "Patron -[backs]-> Old Front");
    /// assert_eq!(chain.lineage()[0].relation().map(|r| r.id()), Some("succession"));
    /// # Ok::<(), actorgraph::Error>(())
    /// ```
    pub fn merge_lineage(mut self, merge: bool) -> ChainOptions {
        self.merge_lineage = merge;
        self
    }

    /// Whether an actor asked about stands for its predecessors too.
    pub fn get_merge_lineage(&self) -> bool {
        self.merge_lineage
    }

    /// The kinds that count as links.
    pub fn get_kinds(&self) -> &[RelationKind] {
        &self.kinds
    }

    /// The greatest number of hops a chain may have.
    pub fn get_max_hops(&self) -> usize {
        self.max_hops
    }

    /// Whether blocs take in actors outside the conflict.
    pub fn get_outsiders(&self) -> bool {
        self.outsiders
    }
}

/// One step of a chain: from one actor to the next, with every relation
/// that links them in this direction on the view's day.
#[derive(Clone)]
pub struct Hop<'g> {
    from: ActorRef<'g>,
    to: ActorRef<'g>,
    relations: Vec<RelationRef<'g>>,
}

impl<'g> Hop<'g> {
    /// The actor the hop leaves.
    pub fn from(&self) -> ActorRef<'g> {
        self.from
    }

    /// The actor the hop reaches.
    pub fn to(&self) -> ActorRef<'g> {
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
    lineage: Vec<LineageLink<'g>>,
}

impl<'g> Chain<'g> {
    /// The hops, first to last; never empty.
    pub fn hops(&self) -> &[Hop<'g>] {
        &self.hops
    }

    /// Under [`ChainOptions::merge_lineage`], the lineage links by which
    /// an end of the chain stands for the actor asked about (a predecessor
    /// it came from), that actor's own link first; empty when the chain
    /// runs from and to the actors asked about themselves.
    pub fn lineage(&self) -> &[LineageLink<'g>] {
        &self.lineage
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
    pub fn actors(&self) -> impl Iterator<Item = ActorRef<'g>> + '_ {
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
type Step<'g> = (ActorRef<'g>, Vec<RelationRef<'g>>);

/// The link relations valid on the view's day that leave `actor` in the
/// direction of travel, grouped by the actor they reach, in dataset order;
/// only neighbours that `keep` accepts are grouped.
fn steps<'g>(
    view: View<'g>,
    actor: ActorRef<'g>,
    options: &ChainOptions,
    backwards: bool,
    keep: &dyn Fn(ActorRef<'g>) -> bool,
) -> Vec<Step<'g>> {
    // Directed links are followed one way, so only that side of the actor
    // is read; a symmetric kind among them needs both.
    let side = if options.kinds.iter().any(|k| k.is_symmetric()) {
        None
    } else if backwards {
        Some(Direction::Incoming)
    } else {
        Some(Direction::Outgoing)
    };
    // Neighbours out of reach are dropped before their relations are
    // judged: at a hub, most of its thousands.
    let mut links: Vec<(ActorRef<'g>, RelationRef<'g>)> = view
        .linking_where(actor, &options.kinds, side, keep)
        .filter(|found| (found.subject() == actor) != backwards || found.kind().is_symmetric())
        .map(|found| {
            let neighbour = if found.subject() == actor {
                found.object()
            } else {
                found.subject()
            };
            (neighbour, found)
        })
        .collect();
    // Sorting groups each neighbour's relations, in dataset order, without
    // a hash table per step.
    links.sort_unstable_by_key(|(neighbour, relation)| (neighbour.order(), relation.order()));
    let mut by_neighbour: Vec<Step<'g>> = Vec::new();
    for (neighbour, relation) in links {
        match by_neighbour.last_mut() {
            Some((last, relations)) if *last == neighbour => relations.push(relation),
            _ => by_neighbour.push((neighbour, vec![relation])),
        }
    }
    by_neighbour
}

/// Whether `a` has fewer link relations on the day than `b`, counted in
/// step so that only about twice the smaller count is read: a hub's
/// thousands are not walked to learn that its partner has a few.
fn fewer_links(view: View<'_>, a: ActorRef<'_>, b: ActorRef<'_>, options: &ChainOptions) -> bool {
    let links = |actor| {
        view.linking(actor, &options.kinds, None)
            .into_iter()
            .flatten()
    };
    let (mut of_a, mut of_b) = (links(a), links(b));
    loop {
        match (of_a.next(), of_b.next()) {
            (None, Some(_)) => return true,
            (_, None) => return false,
            (Some(_), Some(_)) => {}
        }
    }
}

/// Hop counts between `end` and every actor within `limit` hops of it, by
/// the actor's order ([`FAR`] beyond): to `end` along links (`backwards`),
/// or from it. One byte per actor of the graph, since clearing 50 000 of
/// them costs a few microseconds where hashing the thousands a search
/// reaches costs more, and where a word per actor (as before issue 28)
/// cost a fresh 800 kB to zero on every search of a large graph.
///
/// A count past 254 is kept as 254: an underestimate only prunes less, so
/// the chains found are the same.
fn distances<'g>(
    view: View<'g>,
    end: ActorRef<'g>,
    options: &ChainOptions,
    backwards: bool,
    limit: usize,
) -> Vec<u8> {
    let mut distance = vec![FAR; view.graph().actor_count()];
    distance[end.order()] = 0;
    let mut queue = VecDeque::from([(end, 0usize)]);
    while let Some((actor, d)) = queue.pop_front() {
        if d == limit {
            continue;
        }
        for (previous, _) in steps(view, actor, options, backwards, &|_| true) {
            let slot = &mut distance[previous.order()];
            if *slot == FAR {
                *slot = u8::try_from(d + 1).unwrap_or(FAR - 1).min(FAR - 1);
                queue.push_back((previous, d + 1));
            }
        }
    }
    distance
}

/// The distance of an actor out of reach.
const FAR: u8 = u8::MAX;

/// Whether `distance` (from [`distances`]) is within `hops`.
fn within(distance: u8, hops: usize) -> bool {
    distance != FAR && usize::from(distance) <= hops
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
/// Which end has fewer link relations on the day (a hub can have
/// thousands where its partner has a few) is found by counting both in
/// step. A breadth-first search from that end, h − 1 hops deep, bounds the
/// depth; then a depth-first search from the other end reads, at each
/// actor, only the side of its relations the links leave by (both sides
/// for a symmetric kind), groups only neighbours still within reach, and
/// takes the last hop from the first search's table instead of reading
/// any relations: O(A + E + P·h) for A actors in the graph, E link
/// relations read within h − 1 hops of either end and P chains of up to h
/// hops.
/// Under [`ChainOptions::merge_lineage`], the lineage walk of each end
/// ([`lineage`](super::lineage)), then that search once for each pair of
/// an end and a predecessor of the other's: (1 + p)(1 + q) searches for p
/// and q predecessors.
///
/// # Example
///
/// ```
/// use actorgraph::{ActorGraph, ChainOptions, algo};
///
/// let graph = ActorGraph::embedded()?;
/// let view = graph.at("2024-11-30".parse()?);
/// let chains: Vec<_> = algo::chains(view, "Iran", "Syrian Arab Army", &ChainOptions::default())?.collect();
/// assert!(!chains.is_empty());
/// println!("{}", chains[0]);
/// # Ok::<(), actorgraph::Error>(())
/// ```
pub fn chains<'g>(
    view: View<'g>,
    from: impl IntoActor,
    to: impl IntoActor,
    options: &ChainOptions,
) -> Result<impl Iterator<Item = Chain<'g>> + 'g, Error> {
    let start = from.into_actor(view.graph())?;
    let target = to.into_actor(view.graph())?;
    if !options.merge_lineage {
        return Ok(finish(chains_between(view, start, target, options)));
    }
    let mut found = Vec::new();
    for (from, before) in standing_for(view, start)? {
        for (to, after) in standing_for(view, target)? {
            for mut chain in chains_between(view, from, to, options) {
                chain.lineage = before.iter().chain(&after).cloned().collect();
                found.push(chain);
            }
        }
    }
    Ok(finish(found))
}

/// `actor` and, one by one, its predecessors on the view's day, each with
/// the lineage links by which it stands for `actor`.
fn standing_for<'g>(
    view: View<'g>,
    actor: ActorRef<'g>,
) -> Result<Vec<(ActorRef<'g>, Vec<LineageLink<'g>>)>, Error> {
    let lineage = view.lineage(actor)?;
    let mut found = vec![(actor, Vec::new())];
    for predecessor in lineage.predecessors() {
        let path = lineage.path_to(predecessor, Side::Predecessor);
        found.push((predecessor, path.into_iter().cloned().collect()));
    }
    Ok(found)
}

/// Every chain from `start` to `target`, unsorted (see [`chains`]).
fn chains_between<'g>(
    view: View<'g>,
    start: ActorRef<'g>,
    target: ActorRef<'g>,
    options: &ChainOptions,
) -> Vec<Chain<'g>> {
    // Bound from the cheap end, then walk from the other towards it; a
    // backward walk assembles its chains the right way round.
    let backwards = fewer_links(view, start, target, options);
    let (bound, walk_from) = if backwards {
        (start, target)
    } else {
        (target, start)
    };
    // Every actor the walk passes after its first is at least one hop in,
    // so at most `max_hops - 1` from the bound: the widest layer of the
    // breadth-first search, the last, is never needed. Whether the walk's
    // own start is within reach shows when it looks at its neighbours.
    let limit = options.max_hops.saturating_sub(1);
    let distance = distances(view, bound, options, !backwards, limit);
    // The hops into the bound, by the actor they come from: the walk's last
    // hop is looked up here instead of reading that actor's relations.
    let into_bound: HashMap<usize, Vec<RelationRef<'g>>> =
        steps(view, bound, options, !backwards, &|_| true)
            .into_iter()
            .map(|(neighbour, relations)| (neighbour.order(), relations))
            .collect();
    let mut found = Vec::new();
    if start != target && options.max_hops > 0 {
        let mut search = Search {
            view,
            options,
            backwards,
            path: vec![walk_from],
            hops: Vec::new(),
            found: &mut found,
            ending: Some(Ending {
                end: bound,
                into_end: &into_bound,
                distance: &distance,
            }),
        };
        search.walk(&mut |hops, actor| {
            let remaining = options.max_hops - hops.len();
            let d = distance[actor.order()];
            match within(d, remaining) {
                true if actor == bound => Walk::Emit,
                true => Walk::Continue,
                false => Walk::Prune,
            }
        });
    }
    found
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
/// Under [`ChainOptions::merge_lineage`], once more for each predecessor,
/// after the lineage walk.
pub fn chains_from<'g>(
    view: View<'g>,
    from: impl IntoActor,
    options: &ChainOptions,
) -> Result<impl Iterator<Item = Chain<'g>> + 'g, Error> {
    every_chain(view, from.into_actor(view.graph())?, options, false)
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
/// As [`chains_from`].
pub fn chains_into<'g>(
    view: View<'g>,
    to: impl IntoActor,
    options: &ChainOptions,
) -> Result<impl Iterator<Item = Chain<'g>> + 'g, Error> {
    every_chain(view, to.into_actor(view.graph())?, options, true)
}

/// Every chain out of `actor`, or into it when `backwards`, shortest
/// first; under [`ChainOptions::merge_lineage`], out of or into its
/// predecessors too.
fn every_chain<'g>(
    view: View<'g>,
    actor: ActorRef<'g>,
    options: &ChainOptions,
    backwards: bool,
) -> Result<std::vec::IntoIter<Chain<'g>>, Error> {
    if !options.merge_lineage {
        return Ok(finish(chains_at(view, actor, options, backwards)));
    }
    let mut found = Vec::new();
    for (end, path) in standing_for(view, actor)? {
        for mut chain in chains_at(view, end, options, backwards) {
            chain.lineage.clone_from(&path);
            found.push(chain);
        }
    }
    Ok(finish(found))
}

/// Every chain out of `actor`, or into it when `backwards`, unsorted.
fn chains_at<'g>(
    view: View<'g>,
    actor: ActorRef<'g>,
    options: &ChainOptions,
    backwards: bool,
) -> Vec<Chain<'g>> {
    let mut found = Vec::new();
    let mut search = Search {
        view,
        options,
        backwards,
        path: vec![actor],
        hops: Vec::new(),
        found: &mut found,
        ending: None,
    };
    search.walk(&mut |_, _| Walk::EmitAndContinue);
    found
}

/// A depth-first search for chains from the last actor of `path`: along
/// the links, or against them (`backwards`) to find chains that end there.
struct Search<'g, 'a> {
    view: View<'g>,
    options: &'a ChainOptions,
    backwards: bool,
    path: Vec<ActorRef<'g>>,
    hops: Vec<Hop<'g>>,
    found: &'a mut Vec<Chain<'g>>,
    /// For a search towards one actor: what is known of the way there.
    ending: Option<Ending<'g, 'a>>,
}

/// What a search towards one actor knows before it starts.
struct Ending<'g, 'a> {
    /// The actor every chain ends at.
    end: ActorRef<'g>,
    /// The relations of each hop into `end`, by the order of the actor the
    /// hop leaves.
    into_end: &'a HashMap<usize, Vec<RelationRef<'g>>>,
    /// Hops between each actor and `end`, by the actor's order.
    distance: &'a [u8],
}

impl<'g> Search<'g, '_> {
    /// `decide` says at each new actor whether to emit the chain so far,
    /// go deeper, or both.
    fn walk(&mut self, decide: &mut dyn FnMut(&[Hop<'g>], ActorRef<'g>) -> Walk) {
        if self.hops.len() >= self.options.max_hops {
            return;
        }
        let Some(&here) = self.path.last() else {
            return;
        };
        let remaining = self.options.max_hops - self.hops.len() - 1;
        let steps = match &self.ending {
            // With one hop left, only a hop into the end can count.
            Some(ending) if remaining == 0 => ending
                .into_end
                .get(&here.order())
                .map(|relations| (ending.end, relations.clone()))
                .into_iter()
                .collect(),
            // Neighbours too far from the end are left ungrouped.
            Some(ending) => {
                let near = |n: ActorRef<'g>| within(ending.distance[n.order()], remaining);
                steps(self.view, here, self.options, self.backwards, &near)
            }
            None => steps(self.view, here, self.options, self.backwards, &|_| true),
        };
        for (next, relations) in steps {
            if self.path.contains(&next) {
                continue;
            }
            self.take(here, next, relations, decide);
        }
    }

    /// Follows the hop from `here` to `next` as `decide` says.
    fn take(
        &mut self,
        here: ActorRef<'g>,
        next: ActorRef<'g>,
        relations: Vec<RelationRef<'g>>,
        decide: &mut dyn FnMut(&[Hop<'g>], ActorRef<'g>) -> Walk,
    ) {
        let (from, to) = if self.backwards {
            (next, here)
        } else {
            (here, next)
        };
        self.hops.push(Hop {
            from,
            to,
            relations,
        });
        let verdict = decide(&self.hops, next);
        if matches!(verdict, Walk::Emit | Walk::EmitAndContinue) {
            // A backward search collects hops last to first.
            let chain = if self.backwards {
                self.hops.iter().rev().cloned().collect()
            } else {
                self.hops.clone()
            };
            self.found.push(Chain {
                hops: chain,
                lineage: Vec::new(),
            });
        }
        if matches!(verdict, Walk::Continue | Walk::EmitAndContinue) {
            self.path.push(next);
            self.walk(decide);
            self.path.pop();
        }
        self.hops.pop();
    }
}

fn finish(mut chains: Vec<Chain<'_>>) -> std::vec::IntoIter<Chain<'_>> {
    chains.sort_by_cached_key(|c| (c.len(), c.actors().map(ActorRef::order).collect::<Vec<_>>()));
    chains.into_iter()
}

/// Chains of `chains` that no other chain of them extends: the longest
/// paths, without their own prefixes.
///
/// # Complexity
///
/// O(P²·h) for P chains of up to h hops.
///
/// # Example
///
/// ```
/// use actorgraph::{ActorGraph, ChainOptions, algo};
///
/// let graph = ActorGraph::embedded()?;
/// let view = graph.at("2024-11-30".parse()?);
/// let all: Vec<_> = algo::chains_from(view, "Iran", &ChainOptions::default())?.collect();
/// let longest = algo::maximal_chains(all.clone());
/// assert!(longest.len() <= all.len());
/// # Ok::<(), actorgraph::Error>(())
/// ```
pub fn maximal_chains(chains: Vec<Chain<'_>>) -> Vec<Chain<'_>> {
    let actors: Vec<Vec<usize>> = chains
        .iter()
        .map(|c| c.actors().map(ActorRef::order).collect())
        .collect();
    chains
        .into_iter()
        .enumerate()
        .filter(|(i, _)| {
            !actors
                .iter()
                .any(|other| other.len() > actors[*i].len() && other.starts_with(&actors[*i]))
        })
        .map(|(_, c)| c)
        .collect()
}

/// What a depth-first chain search does at an actor.
enum Walk {
    Emit,
    Continue,
    EmitAndContinue,
    Prune,
}

// By hand: a hop between two hubs may rest on many parallel relations.
impl fmt::Debug for Hop<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Hop")
            .field("from", &self.from)
            .field("to", &self.to)
            .field("relations", &Few(&self.relations))
            .finish()
    }
}
