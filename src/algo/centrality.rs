//! Centrality on the signed graph's positive, negative or whole layer:
//! degree in and out, betweenness, closeness and eigenvector centrality,
//! the measures link-analysis tools give first.
//!
//! Betweenness (Brandes), closeness and eigenvector centrality come from
//! `rustworkx-core`, the Rust core of rustworkx (Qiskit, Apache-2.0),
//! which builds on the same petgraph 0.8 as this crate and follows
//! networkx's definitions; the tests check them against networkx itself.

use std::collections::HashSet;
use std::fmt;

use petgraph::graph::{NodeIndex, UnGraph};
use rustworkx_core::centrality::{
    betweenness_centrality, closeness_centrality, eigenvector_centrality,
};

use crate::view::ActorRef;

use super::signed::{Sign, SignedGraph};

/// Which ties a centrality looks along.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Layer {
    /// Positive ties only: who is central among friends.
    Positive,
    /// Negative ties only: who is central among enemies.
    Negative,
    /// Every tie, whatever its sign.
    #[default]
    Whole,
}

impl Layer {
    /// Whether a tie of this sign is in the layer.
    pub fn takes(self, sign: Sign) -> bool {
        match self {
            Layer::Positive => sign == Sign::Positive,
            Layer::Negative => sign == Sign::Negative,
            Layer::Whole => true,
        }
    }

    /// `positive`, `negative` or `whole`.
    pub fn name(self) -> &'static str {
        match self {
            Layer::Positive => "positive",
            Layer::Negative => "negative",
            Layer::Whole => "whole",
        }
    }
}

/// The most power iterations of eigenvector centrality, and the tolerance
/// per actor (networkx's defaults are 100 and 1e-6).
pub const EIGENVECTOR_ITERATIONS: usize = 1000;

/// The tolerance per actor of eigenvector centrality's power iteration.
pub const EIGENVECTOR_TOLERANCE: f64 = 1e-6;

/// Centralities of every actor of a signed graph on one layer, by
/// position in [`SignedGraph::actors`]. Made by [`centrality`].
#[derive(Clone)]
pub struct Centrality<'g> {
    layer: Layer,
    actors: Vec<ActorRef<'g>>,
    in_degree: Vec<usize>,
    out_degree: Vec<usize>,
    degree: Vec<usize>,
    betweenness: Vec<f64>,
    closeness: Vec<f64>,
    eigenvector: Option<Vec<f64>>,
}

impl<'g> Centrality<'g> {
    /// The layer measured.
    pub fn layer(&self) -> Layer {
        self.layer
    }

    /// The actors, as in the signed graph.
    pub fn actors(&self) -> &[ActorRef<'g>] {
        &self.actors
    }

    /// How many actors it points at along the layer: distinct objects of
    /// its relations of the tie's sign (both ends of a symmetric kind).
    pub fn out_degree(&self) -> &[usize] {
        &self.out_degree
    }

    /// How many actors point at it, as [`out_degree`](Self::out_degree).
    pub fn in_degree(&self) -> &[usize] {
        &self.in_degree
    }

    /// How many ties of the layer it has, whichever way.
    pub fn degree(&self) -> &[usize] {
        &self.degree
    }

    /// Betweenness on the layer's ties, undirected, normalised as
    /// networkx does by default: the share of shortest paths between
    /// other pairs that pass through the actor, over (n−1)(n−2)/2 pairs.
    pub fn betweenness(&self) -> &[f64] {
        &self.betweenness
    }

    /// Closeness on the layer's ties, undirected, with Wasserman and
    /// Faust's correction for parts not reached (networkx's default).
    pub fn closeness(&self) -> &[f64] {
        &self.closeness
    }

    /// Eigenvector centrality on the layer's ties, undirected, by power
    /// iteration (networkx's method: on A + I, from ones, up to
    /// [`EIGENVECTOR_ITERATIONS`] with [`EIGENVECTOR_TOLERANCE`] per
    /// actor); `None` when it did not converge or the layer has no tie.
    pub fn eigenvector(&self) -> Option<&[f64]> {
        self.eigenvector.as_deref()
    }

    /// The actors' positions, most central first by `scores` (then by
    /// position), as a rank per actor: 1 for the highest, equal scores
    /// sharing a rank ("1224" competition ranking).
    pub fn ranks(scores: &[f64]) -> Vec<usize> {
        let mut order: Vec<usize> = (0..scores.len()).collect();
        order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]).then(a.cmp(&b)));
        let mut ranks = vec![0; scores.len()];
        for (i, &a) in order.iter().enumerate() {
            ranks[a] = if i > 0 && scores[order[i - 1]] == scores[a] {
                ranks[order[i - 1]]
            } else {
                i + 1
            };
        }
        ranks
    }

    /// The `count` actors of highest betweenness, with it, highest first.
    pub fn top_betweenness(&self, count: usize) -> Vec<(ActorRef<'g>, f64)> {
        let ranks = Centrality::ranks(&self.betweenness);
        let mut order: Vec<usize> = (0..self.actors.len()).collect();
        order.sort_by_key(|&a| (ranks[a], a));
        order
            .into_iter()
            .take(count)
            .map(|a| (self.actors[a], self.betweenness[a]))
            .collect()
    }
}

/// Degree, betweenness, closeness and eigenvector centrality of every
/// actor of `graph` on `layer`.
///
/// Betweenness, closeness and eigenvector centrality look at the layer's
/// ties as an undirected simple graph (one edge per tie, parallel
/// relations combined as [`signed`](super::signed) does), every actor of
/// the signed graph a node even when the layer leaves it alone. Degrees in
/// and out follow the relations that give each tie of the layer its sign,
/// subject to object, both ways for a symmetric kind.
///
/// # Complexity
///
/// O(n·m) time for betweenness and closeness (a breadth-first search from
/// each of n actors over m ties, over the cores from 50 actors), O(i·m)
/// for eigenvector over i iterations; O(n + m) space.
///
/// # Example
///
/// ```
/// use actorgraph::ActorGraph;
/// use actorgraph::algo::{self, Layer, Signs};
///
/// let graph = ActorGraph::embedded()?;
/// let signed = algo::signed(graph.at("2024-11-30".parse()?), &Signs::default());
/// let centrality = algo::centrality(&signed, Layer::Whole);
/// let (top, _) = centrality.top_betweenness(1)[0];
/// assert!(centrality.degree()[signed.position(top).unwrap()] > 3);
/// # Ok::<(), actorgraph::Error>(())
/// ```
pub fn centrality<'g>(graph: &SignedGraph<'g>, layer: Layer) -> Centrality<'g> {
    let n = graph.actors().len();
    let mut simple: UnGraph<(), ()> = UnGraph::with_capacity(n, graph.ties().len());
    for _ in 0..n {
        simple.add_node(());
    }
    let mut arcs: HashSet<(usize, usize)> = HashSet::new();
    let mut degree = vec![0; n];
    for tie in graph.ties().iter().filter(|t| layer.takes(t.sign())) {
        let [a, b] = tie.ends();
        simple.add_edge(NodeIndex::new(a), NodeIndex::new(b), ());
        degree[a] += 1;
        degree[b] += 1;
        for relation in tie.relations() {
            let (s, o) = (relation.subject(), relation.object());
            let (Some(s), Some(o)) = (graph.position(s), graph.position(o)) else {
                continue;
            };
            arcs.insert((s, o));
            if relation.kind().is_symmetric() {
                arcs.insert((o, s));
            }
        }
    }
    let (mut in_degree, mut out_degree) = (vec![0; n], vec![0; n]);
    for &(s, o) in &arcs {
        out_degree[s] += 1;
        in_degree[o] += 1;
    }
    let betweenness = betweenness_centrality(&simple, false, true, 50)
        .into_iter()
        .map(Option::unwrap_or_default)
        .collect();
    let closeness = closeness_centrality(&simple, true, 50)
        .into_iter()
        .map(Option::unwrap_or_default)
        .collect();
    let eigenvector = if simple.edge_count() == 0 {
        None
    } else {
        eigenvector_centrality(
            &simple,
            |_| Ok::<f64, std::convert::Infallible>(1.0),
            Some(EIGENVECTOR_ITERATIONS),
            Some(EIGENVECTOR_TOLERANCE),
        )
        .ok()
        .flatten()
    };
    Centrality {
        layer,
        actors: graph.actors().to_vec(),
        in_degree,
        out_degree,
        degree,
        betweenness,
        closeness,
        eigenvector,
    }
}

// By hand: a centrality on a large graph holds thousands of actors.
impl fmt::Debug for Centrality<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Centrality")
            .field("layer", &self.layer)
            .field("actors", &self.actors.len())
            .field("top", &crate::base::few::Few(&self.top_betweenness(3)))
            .finish()
    }
}
