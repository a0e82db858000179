//! Camps by signed partition: the split of the signed graph into k camps
//! that frustrates the fewest ties (a positive tie across camps, or a
//! negative one inside a camp), exact by branch and bound where it can be,
//! by local search with a stated gap where it cannot.

use std::fmt;

use crate::view::{ActorRef, RelationRef};

use super::Camp;
use super::balance::for_each_triangle;
use super::signed::{Sign, SignedGraph, bad_argument};
use crate::base::error::Error;

/// What [`partition`] asks for.
///
/// # Example
///
/// ```
/// use actorgraph::algo::PartitionOptions;
///
/// let options = PartitionOptions::default().camps(Some(3));
/// assert_eq!(options.get_camps(), Some(3));
/// assert_eq!(PartitionOptions::default().get_camps(), Some(2));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PartitionOptions {
    camps: Option<usize>,
    exact_limit: usize,
    step_limit: u64,
}

impl Default for PartitionOptions {
    /// Two camps; exact search on connected parts of up to
    /// [`EXACT_LIMIT`] actors, for up to [`STEP_LIMIT`] steps.
    fn default() -> PartitionOptions {
        PartitionOptions {
            camps: Some(2),
            exact_limit: EXACT_LIMIT,
            step_limit: STEP_LIMIT,
        }
    }
}

/// The largest connected part of the signed graph the exact search tries.
pub const EXACT_LIMIT: usize = 400;

/// The most assignments the exact search tries, over all parts, before it
/// gives up and keeps the local search's answer (about a second's work).
pub const STEP_LIMIT: u64 = 20_000_000;

/// The most camps [`PartitionOptions::camps`]`(None)` considers.
pub const MAX_AUTO_CAMPS: usize = 8;

impl PartitionOptions {
    /// Sets how many camps: `Some(k)` for at most k (fewer when fewer
    /// frustrate no more ties: a camp may stay empty), `None` for the data
    /// to choose: the fewest camps, up to [`MAX_AUTO_CAMPS`], that
    /// frustrate as few ties as any number up to it.
    pub fn camps(mut self, camps: Option<usize>) -> PartitionOptions {
        self.camps = camps;
        self
    }

    /// Sets the largest connected part the exact search tries.
    pub fn exact_limit(mut self, actors: usize) -> PartitionOptions {
        self.exact_limit = actors;
        self
    }

    /// Sets the most assignments the exact search tries before giving up.
    pub fn step_limit(mut self, steps: u64) -> PartitionOptions {
        self.step_limit = steps;
        self
    }

    /// How many camps, `None` when the data choose.
    pub fn get_camps(&self) -> Option<usize> {
        self.camps
    }
}

/// How far the answer is from the best one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Optimality {
    /// No split into that many camps frustrates fewer ties.
    Exact,
    /// Local search's answer; no split frustrates fewer than `lower_bound`
    /// ties, so it is at most `frustration - lower_bound` from the best.
    Heuristic {
        /// A proven minimum: edge-disjoint triangles that no split can
        /// leave all satisfied, plus the exact parts' optima.
        lower_bound: usize,
        /// Why it is not exact: a part too large, or the step limit.
        reason: GaveUp,
    },
}

/// Why the exact search did not finish.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GaveUp {
    /// A connected part had more actors than the exact limit.
    TooLarge {
        /// The part's actors.
        actors: usize,
        /// The limit.
        limit: usize,
    },
    /// The search tried the most assignments allowed.
    Steps {
        /// The limit it reached.
        limit: u64,
    },
}

impl fmt::Display for Optimality {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Optimality::Exact => f.write_str("exact"),
            Optimality::Heuristic {
                lower_bound,
                reason,
            } => {
                write!(
                    f,
                    "heuristic, at least {lower_bound} frustrated in any split; "
                )?;
                match reason {
                    GaveUp::TooLarge { actors, limit } => write!(
                        f,
                        "a connected part of {actors} actors is over the exact limit of {limit}"
                    ),
                    GaveUp::Steps { limit } => {
                        write!(f, "the exact search gave up after {limit} steps")
                    }
                }
            }
        }
    }
}

/// One camp of a [`Partition`].
#[derive(Clone)]
pub struct SignedCamp<'g> {
    members: Vec<ActorRef<'g>>,
    holding: Vec<RelationRef<'g>>,
    frustrated: Vec<RelationRef<'g>>,
}

impl<'g> SignedCamp<'g> {
    /// Its actors, in dataset order.
    pub fn members(&self) -> &[ActorRef<'g>] {
        &self.members
    }

    /// The friendly relations of positive ties between members: what
    /// holds the camp together.
    pub fn holding(&self) -> &[RelationRef<'g>] {
        &self.holding
    }

    /// The relations of its frustrated ties: negative ties between
    /// members, and positive ties from a member to another camp.
    pub fn frustrated(&self) -> &[RelationRef<'g>] {
        &self.frustrated
    }
}

/// A split of the signed graph into camps. Made by [`partition`].
#[derive(Clone)]
pub struct Partition<'g> {
    camps: Vec<SignedCamp<'g>>,
    apart: Vec<SignedCamp<'g>>,
    labels: Vec<usize>,
    sides: Vec<usize>,
    frustrated_ties: Vec<usize>,
    optimality: Optimality,
    asked: Option<usize>,
}

impl<'g> Partition<'g> {
    /// The camps of the largest connected part of the signed graph,
    /// largest first (then by first member); none is empty.
    pub fn camps(&self) -> &[SignedCamp<'g>] {
        &self.camps
    }

    /// The actors of the other parts, which no tie joins to the largest:
    /// nothing says on which side of its camps they stand, so they are in
    /// none. Each part is split on its own (its frustration counts), and
    /// listed as its groups, part by part.
    pub fn apart(&self) -> &[SignedCamp<'g>] {
        &self.apart
    }

    /// The group of each actor of the signed graph, by position in
    /// [`SignedGraph::actors`]: the index of its camp, or for an actor
    /// apart, the number of camps plus the index of its group in
    /// [`apart`](Self::apart).
    pub fn labels(&self) -> &[usize] {
        &self.labels
    }

    /// The index of each actor's group within its connected part.
    pub(super) fn sides(&self) -> &[usize] {
        &self.sides
    }

    /// How many ties the split frustrates.
    pub fn frustration(&self) -> usize {
        self.frustrated_ties.len()
    }

    /// The frustrated ties, as positions in [`SignedGraph::ties`].
    pub fn frustrated_ties(&self) -> &[usize] {
        &self.frustrated_ties
    }

    /// Whether the answer is the best possible.
    pub fn optimality(&self) -> Optimality {
        self.optimality
    }

    /// The most camps asked for; `None` when the data chose.
    pub fn asked(&self) -> Option<usize> {
        self.asked
    }

    /// The camp holding `actor`, if it has a signed tie and is not apart.
    pub fn camp_of(&self, actor: ActorRef<'_>) -> Option<usize> {
        self.camps.iter().position(|c| {
            c.members
                .binary_search_by_key(&actor.order(), |m| m.order())
                .is_ok()
        })
    }

    /// Today's camps ([`camps`](super::camps)) beside these: for each,
    /// the signed camp that holds most of its members, the members that
    /// agree, those placed elsewhere, and those with no signed tie.
    ///
    /// # Example
    ///
    /// ```
    /// use actorgraph::{ActorGraph, CampOptions};
    /// use actorgraph::algo::{self, PartitionOptions, Signs};
    ///
    /// let graph = ActorGraph::embedded()?;
    /// let view = graph.at("2024-11-30".parse()?);
    /// let today = algo::camps(view, &CampOptions::default());
    /// let signed = algo::signed(view, &Signs::default());
    /// let split = algo::partition(&signed, &PartitionOptions::default())?;
    /// for line in split.beside(&today) {
    ///     println!("{line}");
    /// }
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn beside(&self, today: &[Camp<'g>]) -> Vec<CampComparison<'g>> {
        today
            .iter()
            .map(|camp| {
                let mut counts = vec![0usize; self.camps.len()];
                for m in camp.members() {
                    if let Some(c) = self.camp_of(*m) {
                        counts[c] += 1;
                    }
                }
                let best = counts
                    .iter()
                    .enumerate()
                    .filter(|(_, n)| **n > 0)
                    .max_by_key(|(c, n)| (**n, std::cmp::Reverse(*c)))
                    .map(|(c, _)| c);
                let (mut agree, mut elsewhere, mut unsigned) = (Vec::new(), Vec::new(), Vec::new());
                for &m in camp.members() {
                    match self.camp_of(m) {
                        Some(c) if Some(c) == best => agree.push(m),
                        Some(c) => elsewhere.push((m, c)),
                        None => unsigned.push(m),
                    }
                }
                CampComparison {
                    principal: camp.principal(),
                    signed_camp: best,
                    agree,
                    elsewhere,
                    unsigned,
                }
            })
            .collect()
    }
}

/// One of today's camps beside the signed partition. Made by
/// [`Partition::beside`]; its `Display` is one line.
#[derive(Clone, Debug)]
pub struct CampComparison<'g> {
    /// The principal of today's camp.
    pub principal: ActorRef<'g>,
    /// The signed camp (index in [`Partition::camps`]) holding most of
    /// its members; `None` when none of them has a signed tie.
    pub signed_camp: Option<usize>,
    /// Members in that signed camp.
    pub agree: Vec<ActorRef<'g>>,
    /// Members in another signed camp, with that camp.
    pub elsewhere: Vec<(ActorRef<'g>, usize)>,
    /// Members with no signed tie that day.
    pub unsigned: Vec<ActorRef<'g>>,
}

impl fmt::Display for CampComparison<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let total = self.agree.len() + self.elsewhere.len() + self.unsigned.len();
        write!(f, "Camp of {}: ", self.principal.name)?;
        match self.signed_camp {
            Some(c) => write!(
                f,
                "{} of {total} in signed camp {}",
                self.agree.len(),
                c + 1
            )?,
            None => write!(f, "no member has a signed tie")?,
        }
        if !self.elsewhere.is_empty() {
            let names: Vec<String> = self
                .elsewhere
                .iter()
                .map(|(a, c)| format!("{} (camp {})", a.name, c + 1))
                .collect();
            write!(f, "; elsewhere: {}", names.join(", "))?;
        }
        if !self.unsigned.is_empty() {
            let names: Vec<&str> = self.unsigned.iter().map(|a| a.name.as_str()).collect();
            write!(f, "; no signed tie: {}", names.join(", "))?;
        }
        Ok(())
    }
}

/// A signed graph reduced to what the search needs: per actor,
/// `(neighbour, positive)`.
struct Frame {
    adjacency: Vec<Vec<(usize, bool)>>,
}

impl Frame {
    fn from_graph(graph: &SignedGraph<'_>) -> Frame {
        let adjacency = (0..graph.actors().len())
            .map(|a| {
                graph
                    .neighbours(a)
                    .iter()
                    .map(|&(b, t)| (b, graph.ties()[t].sign() == Sign::Positive))
                    .collect()
            })
            .collect();
        Frame { adjacency }
    }

    /// What actor `a` costs in camp `c`, given the labels of the others
    /// (`usize::MAX`: not placed).
    fn cost(&self, labels: &[usize], a: usize, c: usize) -> usize {
        self.adjacency[a]
            .iter()
            .filter(|&&(b, positive)| {
                let l = labels[b];
                l != usize::MAX && (positive == (l != c))
            })
            .count()
    }

    fn frustration(&self, labels: &[usize]) -> usize {
        let mut total = 0;
        for (a, row) in self.adjacency.iter().enumerate() {
            for &(b, positive) in row {
                if a < b && positive == (labels[a] != labels[b]) {
                    total += 1;
                }
            }
        }
        total
    }

    /// The connected parts, each in breadth-first order from its actor of
    /// highest degree, largest part first.
    fn parts(&self) -> Vec<Vec<usize>> {
        let n = self.adjacency.len();
        let mut seen = vec![false; n];
        let mut by_degree: Vec<usize> = (0..n).collect();
        by_degree.sort_by_key(|&a| (std::cmp::Reverse(self.adjacency[a].len()), a));
        let mut parts = Vec::new();
        for start in by_degree {
            if seen[start] {
                continue;
            }
            seen[start] = true;
            let mut part = vec![start];
            let mut next = 0;
            while next < part.len() {
                let a = part[next];
                next += 1;
                let mut around: Vec<usize> = self.adjacency[a]
                    .iter()
                    .map(|&(b, _)| b)
                    .filter(|&b| !seen[b])
                    .collect();
                around.sort_by_key(|&b| (std::cmp::Reverse(self.adjacency[b].len()), b));
                for b in around {
                    if !seen[b] {
                        seen[b] = true;
                        part.push(b);
                    }
                }
            }
            parts.push(part);
        }
        parts.sort_by_key(|p| (std::cmp::Reverse(p.len()), p[0]));
        parts
    }
}

/// A small deterministic generator for the local search's restarts.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 33) as usize % n.max(1)
    }
}

/// Moves actors of `part` one at a time to their cheapest camp until no
/// move lowers the frustration.
fn improve(frame: &Frame, part: &[usize], labels: &mut [usize], k: usize) {
    loop {
        let mut moved = false;
        for &a in part {
            let here = frame.cost(labels, a, labels[a]);
            if here == 0 {
                continue;
            }
            let (best, cost) = (0..k)
                .map(|c| (c, frame.cost(labels, a, c)))
                .min_by_key(|&(c, cost)| (cost, c != labels[a]))
                .unwrap_or((labels[a], here));
            if cost < here {
                labels[a] = best;
                moved = true;
            }
        }
        if !moved {
            break;
        }
    }
}

fn part_cost(frame: &Frame, part: &[usize], labels: &[usize]) -> usize {
    part.iter()
        .map(|&a| {
            frame.adjacency[a]
                .iter()
                .filter(|&&(b, positive)| a < b && positive == (labels[a] != labels[b]))
                .count()
        })
        .sum()
}

/// Local search on one part: a greedy placement in breadth-first order,
/// then restarts from deterministic random placements, each improved by
/// single moves; the best kept. Writes into `labels`, returns the part's
/// frustration.
fn heuristic(
    frame: &Frame,
    part: &[usize],
    labels: &mut [usize],
    k: usize,
    restarts: usize,
) -> usize {
    // Greedy: each actor, in breadth-first order, to its cheapest camp.
    for &a in part {
        labels[a] = usize::MAX;
    }
    for &a in part {
        labels[a] = (0..k)
            .min_by_key(|&c| (frame.cost(labels, a, c), c))
            .unwrap_or(0);
    }
    improve(frame, part, labels, k);
    let mut best_cost = part_cost(frame, part, labels);
    let mut best: Vec<usize> = part.iter().map(|&a| labels[a]).collect();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ part.len() as u64);
    for _ in 0..restarts {
        if best_cost == 0 {
            break;
        }
        for &a in part {
            labels[a] = rng.below(k);
        }
        improve(frame, part, labels, k);
        let cost = part_cost(frame, part, labels);
        if cost < best_cost {
            best_cost = cost;
            best = part.iter().map(|&a| labels[a]).collect();
        }
    }
    for (&a, &l) in part.iter().zip(&best) {
        labels[a] = l;
    }
    best_cost
}

/// Branch and bound over one part, in its breadth-first order. The bound
/// adds to the cost so far, for each actor not yet placed, the least it
/// must cost against those placed (disjoint ties, so the sum is a true
/// bound). Camps are opened in order (an actor may take a camp at most one
/// past the highest used), which removes the k! relabellings. Returns
/// whether it finished within `steps`; `labels` then hold an optimum.
struct Search<'f> {
    frame: &'f Frame,
    order: &'f [usize],
    k: usize,
    labels: Vec<usize>,
    /// `penalty[a][c]`: what `a` costs in camp `c` against those placed.
    penalty: Vec<Vec<usize>>,
    best: Vec<usize>,
    best_cost: usize,
    steps: u64,
    limit: u64,
}

impl Search<'_> {
    fn place(&mut self, a: usize, c: usize, sign: isize) {
        for &(b, positive) in &self.frame.adjacency[a] {
            if self.labels[b] != usize::MAX {
                continue;
            }
            for d in 0..self.k {
                if positive == (d != c) {
                    self.penalty[b][d] = self.penalty[b][d].saturating_add_signed(sign);
                }
            }
        }
    }

    fn rest_bound(&self, from: usize) -> usize {
        self.order[from..]
            .iter()
            .map(|&a| self.penalty[a].iter().copied().min().unwrap_or(0))
            .sum()
    }

    /// Returns false when it ran out of steps.
    fn go(&mut self, depth: usize, cost: usize, used: usize) -> bool {
        if depth == self.order.len() {
            if cost < self.best_cost {
                self.best_cost = cost;
                self.best = self.order.iter().map(|&a| self.labels[a]).collect();
            }
            return true;
        }
        let a = self.order[depth];
        let open = (used + 1).min(self.k);
        let mut choices: Vec<(usize, usize)> = (0..open).map(|c| (self.penalty[a][c], c)).collect();
        choices.sort_unstable();
        for (added, c) in choices {
            self.steps += 1;
            if self.steps > self.limit {
                return false;
            }
            let cost = cost + added;
            if cost >= self.best_cost {
                break;
            }
            self.place(a, c, 1);
            self.labels[a] = c;
            let bound = cost + self.rest_bound(depth + 1);
            let finished = bound >= self.best_cost || self.go(depth + 1, cost, used.max(c + 1));
            self.labels[a] = usize::MAX;
            self.place(a, c, -1);
            if !finished {
                return false;
            }
        }
        true
    }
}

/// Greedy edge-disjoint triangles that no split into `k` camps can leave
/// all satisfied: for two camps, those with an odd number of negative
/// ties; for more, those with exactly one (two friends who must share a
/// camp with each other's enemy). Each needs a frustrated tie of its own.
fn triangle_bound(graph: &SignedGraph<'_>, in_part: &[bool], k: usize) -> usize {
    let mut used = vec![false; graph.ties().len()];
    let mut bound = 0;
    for_each_triangle(graph, |corners, ties| {
        if !in_part[corners[0]] || ties.iter().any(|&t| used[t]) {
            return;
        }
        let negatives = ties
            .iter()
            .filter(|&&t| graph.ties()[t].sign() == Sign::Negative)
            .count();
        let frustrated = if k == 2 {
            negatives % 2 == 1
        } else {
            negatives == 1
        };
        if frustrated {
            bound += 1;
            for t in ties {
                used[t] = true;
            }
        }
    });
    bound
}

/// Labels and how they were found, for one number of camps.
struct Split {
    labels: Vec<usize>,
    frustration: usize,
    optimality: Optimality,
}

fn split(graph: &SignedGraph<'_>, frame: &Frame, k: usize, options: &PartitionOptions) -> Split {
    let n = graph.actors().len();
    let mut labels = vec![0usize; n];
    if k == 1 {
        let frustration = frame.frustration(&labels);
        return Split {
            labels,
            frustration,
            optimality: Optimality::Exact,
        };
    }
    let mut steps_left = options.step_limit;
    let mut gave_up: Option<GaveUp> = None;
    let mut lower = 0;
    let mut in_heuristic = vec![false; n];
    for part in frame.parts() {
        let cost = heuristic(frame, &part, &mut labels, k, 16);
        if cost == 0 {
            continue;
        }
        if part.len() > options.exact_limit {
            gave_up.get_or_insert(GaveUp::TooLarge {
                actors: part.len(),
                limit: options.exact_limit,
            });
            part.iter().for_each(|&a| in_heuristic[a] = true);
            continue;
        }
        let mut search = Search {
            frame,
            order: &part,
            k,
            labels: vec![usize::MAX; n],
            penalty: vec![vec![0; k]; n],
            best: part.iter().map(|&a| labels[a]).collect(),
            best_cost: cost,
            steps: 0,
            limit: steps_left,
        };
        let finished = search.go(0, 0, 0);
        steps_left = steps_left.saturating_sub(search.steps);
        for (&a, &l) in part.iter().zip(&search.best) {
            labels[a] = l;
        }
        if finished {
            lower += search.best_cost;
        } else {
            gave_up.get_or_insert(GaveUp::Steps {
                limit: options.step_limit,
            });
            part.iter().for_each(|&a| in_heuristic[a] = true);
        }
    }
    let frustration = frame.frustration(&labels);
    let optimality = match gave_up {
        None => Optimality::Exact,
        Some(reason) => Optimality::Heuristic {
            lower_bound: lower + triangle_bound(graph, &in_heuristic, k),
            reason,
        },
    };
    Split {
        labels,
        frustration,
        optimality,
    }
}

/// The split of `graph` into camps that frustrates the fewest ties: a
/// positive tie between camps, or a negative one inside a camp, counts
/// one (Harary's frustration index, generalised to k camps as Doreian and
/// Mrvar's partitioning does, with both kinds of error weighted alike).
///
/// Each connected part is split on its own, since no tie joins them. The
/// largest part's groups are the camps; the actors of the other parts
/// (on 2024-11-30, Israel and its army; the Islamic State and
/// al-Baghdadi) are [apart](Partition::apart), since nothing places them
/// on one side of those camps. Each part gets a local search (a greedy placement,
/// then 16 deterministic random restarts, each improved by moving one
/// actor at a time to its cheapest camp); then, when frustration remains
/// and the part has at most [`PartitionOptions::exact_limit`] actors, a
/// branch and bound that starts from that answer and proves it best or
/// finds better. The search gives up after
/// [`PartitionOptions::step_limit`] assignments over all parts; the answer
/// is then marked [`Optimality::Heuristic`] with a proven lower bound.
///
/// # Errors
///
/// [`ErrorKind::NoSignedRelations`](crate::ErrorKind::NoSignedRelations)
/// when the graph has no tie;
/// [`ErrorKind::InvalidArgument`](crate::ErrorKind::InvalidArgument)
/// naming `camps` ([`Error::argument`]) when 0 camps are asked for, or
/// more than there are actors with a signed tie.
///
/// # Complexity
///
/// The local search: O(r·p·m·k) for r restarts, p passes and m ties. The
/// exact search: at most the step limit, each step O(d·k + n) for an actor
/// of d ties; its worst case grows as kⁿ, hence the limits. With the data
/// choosing, all of this for each k up to [`MAX_AUTO_CAMPS`].
///
/// # Example
///
/// ```
/// use actorgraph::ActorGraph;
/// use actorgraph::algo::{self, Optimality, PartitionOptions, Signs};
///
/// let graph = ActorGraph::embedded()?;
/// let signed = algo::signed(graph.at("2024-11-30".parse()?), &Signs::default());
/// let split = algo::partition(&signed, &PartitionOptions::default())?;
/// assert_eq!(split.optimality(), Optimality::Exact);
/// let camp = |id: &str| split.camp_of(graph.resolve(id).unwrap());
/// assert_eq!(camp("iran"), camp("russia"));
/// assert_ne!(camp("iran"), camp("hts"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn partition<'g>(
    graph: &SignedGraph<'g>,
    options: &PartitionOptions,
) -> Result<Partition<'g>, Error> {
    let n = graph.actors().len();
    if graph.is_empty() {
        return Err(Error::no_signed_relations(graph.view().day()));
    }
    match options.camps {
        Some(0) => return Err(bad_argument("camps", "at least one camp is needed")),
        Some(k) if k > n => {
            let reason = format!("{k} camps asked for, but only {n} actors have a signed tie");
            return Err(bad_argument("camps", reason));
        }
        _ => {}
    }
    let frame = Frame::from_graph(graph);
    let chosen = match options.camps {
        Some(k) => split(graph, &frame, k, options),
        None => {
            let mut best: Option<Split> = None;
            for k in 1..=MAX_AUTO_CAMPS.min(n) {
                let found = split(graph, &frame, k, options);
                let better = best
                    .as_ref()
                    .is_none_or(|b| found.frustration < b.frustration);
                let zero = found.frustration == 0;
                if better {
                    best = Some(found);
                }
                if zero {
                    break;
                }
            }
            match best {
                Some(best) => best,
                None => split(graph, &frame, 1, options),
            }
        }
    };
    Ok(assemble(graph, chosen, options.camps))
}

fn assemble<'g>(graph: &SignedGraph<'g>, split: Split, asked: Option<usize>) -> Partition<'g> {
    let actors = graph.actors();
    // Groups by (part, label): the largest part's are the camps, by size
    // then first member; the other parts' come after, apart.
    let mut part_of = vec![0usize; actors.len()];
    for (p, part) in Frame::from_graph(graph).parts().iter().enumerate() {
        for &a in part {
            part_of[a] = p;
        }
    }
    let mut groups: std::collections::BTreeMap<(bool, usize, usize), Vec<usize>> =
        std::collections::BTreeMap::new();
    for (a, &l) in split.labels.iter().enumerate() {
        groups
            .entry((part_of[a] != 0, part_of[a], l))
            .or_default()
            .push(a);
    }
    let mut order: Vec<((bool, usize, usize), Vec<usize>)> = groups.into_iter().collect();
    order.sort_by_key(|((apart, part, _), members)| {
        (*apart, *part, std::cmp::Reverse(members.len()), members[0])
    });
    let main = order.iter().filter(|((apart, ..), _)| !apart).count();
    let mut labels = vec![0; actors.len()];
    let mut sides = vec![0; actors.len()];
    let mut previous_part = None;
    let mut side = 0;
    for (new, ((_, part, _), members)) in order.iter().enumerate() {
        side = if previous_part == Some(*part) {
            side + 1
        } else {
            0
        };
        previous_part = Some(*part);
        for &a in members {
            labels[a] = new;
            sides[a] = side;
        }
    }
    let mut camps: Vec<SignedCamp<'g>> = order
        .iter()
        .map(|(_, members)| SignedCamp {
            members: members.iter().map(|&a| actors[a]).collect(),
            holding: Vec::new(),
            frustrated: Vec::new(),
        })
        .collect();
    let mut frustrated_ties = Vec::new();
    for (t, tie) in graph.ties().iter().enumerate() {
        let [a, b] = tie.ends();
        let (la, lb) = (labels[a], labels[b]);
        let positive = tie.sign() == Sign::Positive;
        if positive && la == lb {
            camps[la].holding.extend(tie.relations());
        } else if positive == (la != lb) {
            frustrated_ties.push(t);
            camps[la].frustrated.extend(tie.relations());
            if lb != la {
                camps[lb].frustrated.extend(tie.relations());
            }
        }
    }
    for camp in &mut camps {
        camp.holding.sort_by_key(RelationRef::order);
        camp.frustrated.sort_by_key(RelationRef::order);
    }
    let apart = camps.split_off(main);
    Partition {
        camps,
        apart,
        sides,
        labels,
        frustrated_ties,
        optimality: split.optimality,
        asked,
    }
}

// By hand: camps on a large graph hold thousands of members.
impl fmt::Debug for Partition<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sizes: Vec<usize> = self.camps.iter().map(|c| c.members.len()).collect();
        f.debug_struct("Partition")
            .field("camps", &sizes)
            .field("frustration", &self.frustration())
            .field("optimality", &self.optimality)
            .finish()
    }
}

impl fmt::Debug for SignedCamp<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SignedCamp")
            .field("members", &crate::base::few::Few(&self.members))
            .field("holding", &self.holding.len())
            .field("frustrated", &self.frustrated.len())
            .finish()
    }
}
