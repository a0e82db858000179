//! Structural balance (Heider; Cartwright and Harary): every triangle of
//! the signed graph balanced or not, the balance ratio, the unbalanced
//! triangles ranked by their evidence, and the pairs an "enemy of my
//! enemy" reading would join.

use std::cmp::Reverse;
use std::fmt;

use crate::view::{ActorRef, Evidence, RelationRef};

use super::signed::{Sign, SignedGraph, Tie};
use super::{quote_names, strongest_evidence};

/// Three actors each tied to the other two. Made by [`balance`].
#[derive(Clone, Copy)]
pub struct Triangle<'s, 'g> {
    graph: &'s SignedGraph<'g>,
    corners: [usize; 3],
    ties: [usize; 3],
}

impl<'s, 'g> Triangle<'s, 'g> {
    /// The three actors, in the signed graph's order.
    pub fn actors(&self) -> [ActorRef<'g>; 3] {
        self.corners.map(|c| self.graph.actors()[c])
    }

    /// The ties between them: first–second, first–third, second–third.
    pub fn ties(&self) -> [&'s Tie<'g>; 3] {
        self.ties.map(|t| &self.graph.ties()[t])
    }

    /// The positions of the ties in [`SignedGraph::ties`].
    pub fn tie_positions(&self) -> [usize; 3] {
        self.ties
    }

    /// Balanced when the product of the three signs is positive: all
    /// friends, or two friends with a common enemy.
    pub fn is_balanced(&self) -> bool {
        self.ties()
            .iter()
            .map(|t| t.sign())
            .fold(Sign::Positive, Sign::times)
            == Sign::Positive
    }

    /// The strongest quote behind each tie (see
    /// [`strongest_evidence`]), over the relations that give it its sign.
    pub fn evidence(&self) -> [Option<Evidence<'g>>; 3] {
        self.ties().map(|t| strongest_evidence(t.relations()))
    }
}

impl fmt::Display for Triangle<'_, '_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let [a, b, c] = self.actors();
        let [ab, ac, bc] = self.ties().map(|t| t.sign());
        let verdict = if self.is_balanced() {
            "balanced"
        } else {
            "unbalanced"
        };
        write!(
            f,
            "{} {ab} {} {bc} {} {ac} {} ({verdict})",
            a.name, b.name, c.name, a.name
        )
    }
}

/// The balance of a signed graph: its triangles, each balanced or not.
/// Made by [`balance`].
#[derive(Clone)]
pub struct Balance<'s, 'g> {
    triangles: Vec<Triangle<'s, 'g>>,
    balanced: usize,
    unbalanced: Vec<usize>,
}

impl<'s, 'g> Balance<'s, 'g> {
    /// Every triangle, by its corners.
    pub fn triangles(&self) -> &[Triangle<'s, 'g>] {
        &self.triangles
    }

    /// How many triangles are balanced.
    pub fn balanced(&self) -> usize {
        self.balanced
    }

    /// How many are not.
    pub fn unbalanced_count(&self) -> usize {
        self.unbalanced.len()
    }

    /// The share of triangles that are balanced, `None` without a triangle.
    pub fn ratio(&self) -> Option<f64> {
        (!self.triangles.is_empty()).then(|| self.balanced as f64 / self.triangles.len() as f64)
    }

    /// The unbalanced triangles, those that rest on the best evidence
    /// first: a triangle is as sure as its weakest tie, and a tie as
    /// [`tie_strength`] ranks it.
    pub fn unbalanced(&self) -> impl Iterator<Item = Triangle<'s, 'g>> + '_ {
        self.unbalanced.iter().map(|&i| self.triangles[i])
    }
}

/// How well a tie rests on evidence, greater is better: some relation of
/// its sign is uncontested; one certainly held; how many of its two ends
/// its strongest quote names; how many distinct sources back it.
pub fn tie_strength(tie: &Tie<'_>) -> (bool, bool, usize, usize) {
    let relations = tie.relations();
    let uncontested = relations.iter().any(|r| !r.is_contested());
    let certain = relations
        .iter()
        .any(|r| r.holding() == Some(crate::base::date::Holding::Certainly));
    let named = strongest_evidence(relations).map_or(0, |e| {
        let (s, o) = relations
            .iter()
            .find(|r| r.citations().any(|c| c.quote() == e.quote()))
            .map_or((None, None), |r| (Some(r.subject()), Some(r.object())));
        [s, o]
            .into_iter()
            .flatten()
            .filter(|a| quote_names(e.quote(), *a))
            .count()
    });
    let mut sources: Vec<&str> = relations
        .iter()
        .flat_map(RelationRef::citations)
        .map(|e| e.source().id.as_str())
        .collect();
    sources.sort_unstable();
    sources.dedup();
    (uncontested, certain, named, sources.len())
}

/// Every triangle of `graph`, each balanced or not, and the balance ratio.
///
/// A triangle is balanced when the product of its signs is positive
/// (three friends; two friends and their common enemy) and unbalanced
/// otherwise (an ally of my enemy; three mutual enemies, which no split in
/// two camps can satisfy). The unbalanced are ranked, surest first, by
/// their weakest tie's [`tie_strength`], then by their corners.
///
/// # Complexity
///
/// O(m·√m) time to list the triangles of m ties (each tie is looked up
/// from its end of lower degree), O(t) space for t triangles, and the
/// evidence ranking of the ties of unbalanced triangles.
///
/// # Example
///
/// ```
/// use actorgraph::ActorGraph;
/// use actorgraph::algo::{self, Signs};
///
/// let graph = ActorGraph::embedded()?;
/// let signed = algo::signed(graph.at("2024-11-30".parse()?), &Signs::default());
/// let balance = algo::balance(&signed);
/// let ratio = balance.ratio().expect("triangles on that day");
/// assert!(ratio > 0.5 && ratio < 1.0);
/// # Ok::<(), actorgraph::Error>(())
/// ```
pub fn balance<'s, 'g>(graph: &'s SignedGraph<'g>) -> Balance<'s, 'g> {
    let mut triangles: Vec<Triangle<'s, 'g>> = Vec::new();
    for_each_triangle(graph, |corners, ties| {
        triangles.push(Triangle {
            graph,
            corners,
            ties,
        });
    });
    triangles.sort_by_key(|t| t.corners);
    let mut unbalanced: Vec<usize> = Vec::new();
    for (i, t) in triangles.iter().enumerate() {
        if !t.is_balanced() {
            unbalanced.push(i);
        }
    }
    let balanced = triangles.len() - unbalanced.len();
    // The evidence of a tie is ranked once, however many triangles share it.
    let mut strength: Vec<Option<(bool, bool, usize, usize)>> = vec![None; graph.ties().len()];
    for &i in &unbalanced {
        for tie in triangles[i].ties {
            if strength[tie].is_none() {
                strength[tie] = Some(tie_strength(&graph.ties()[tie]));
            }
        }
    }
    unbalanced.sort_by_key(|&i| {
        let weakest = triangles[i]
            .ties
            .iter()
            .filter_map(|&t| strength[t])
            .min()
            .unwrap_or_default();
        (Reverse(weakest), triangles[i].corners)
    });
    Balance {
        triangles,
        balanced,
        unbalanced,
    }
}

/// Calls `found` with each triangle's corners (ascending) and ties
/// (first–second, first–third, second–third), once each.
///
/// Ties are oriented from the end of lower degree (then lower position),
/// so each actor looks along at most √(2m) of them: the classic
/// O(m·√m) listing.
pub(super) fn for_each_triangle(
    graph: &SignedGraph<'_>,
    mut found: impl FnMut([usize; 3], [usize; 3]),
) {
    let n = graph.actors().len();
    let rank = |a: usize| (graph.neighbours(a).len(), a);
    // Out-neighbours of higher rank, each with its tie.
    let forward: Vec<Vec<(usize, usize)>> = (0..n)
        .map(|a| {
            graph
                .neighbours(a)
                .iter()
                .copied()
                .filter(|&(b, _)| rank(b) > rank(a))
                .collect()
        })
        .collect();
    let mut mark: Vec<Option<usize>> = vec![None; n];
    for a in 0..n {
        for &(b, tie) in &forward[a] {
            mark[b] = Some(tie);
        }
        for &(b, ab) in &forward[a] {
            for &(c, bc) in &forward[b] {
                if let Some(ac) = mark[c] {
                    let mut corners = [(a, 0), (b, 1), (c, 2)];
                    corners.sort_unstable();
                    // Ties by the corners' original roles: ab, ac, bc.
                    let tie_of = |x: usize, y: usize| match (x.min(y), x.max(y)) {
                        (0, 1) => ab,
                        (0, 2) => ac,
                        _ => bc,
                    };
                    let [(p, rp), (q, rq), (r, rr)] = corners;
                    found([p, q, r], [tie_of(rp, rq), tie_of(rp, rr), tie_of(rq, rr)]);
                }
            }
        }
        for &(b, _) in &forward[a] {
            mark[b] = None;
        }
    }
}

/// Two actors with a common enemy and no tie of their own: an "enemy of
/// my enemy" reading would make them friends. An inference from the
/// graph's shape, never a fact any source states. Made by
/// [`enemies_of_enemies`].
#[derive(Clone, Debug)]
pub struct Inference<'g> {
    /// The two actors, in dataset order.
    pub pair: [ActorRef<'g>; 2],
    /// Their common enemies, in dataset order.
    pub common_enemies: Vec<ActorRef<'g>>,
}

impl fmt::Display for Inference<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let enemies: Vec<&str> = self
            .common_enemies
            .iter()
            .map(|a| a.name.as_str())
            .collect();
        write!(
            f,
            "{} and {} (inferred, no tie known): both hostile to {}",
            self.pair[0].name,
            self.pair[1].name,
            enemies.join(", ")
        )
    }
}

/// The pairs of actors with a common enemy and no tie between them, the
/// most common enemies first, then by the pair; listed as inferences
/// ([`Inference`]), never as facts.
///
/// # Complexity
///
/// O(Σ d⁻² log) for d⁻ negative ties per actor: every pair of an actor's
/// enemies is considered.
///
/// # Example
///
/// ```
/// use actorgraph::ActorGraph;
/// use actorgraph::algo::{self, Signs};
///
/// let graph = ActorGraph::embedded()?;
/// let signed = algo::signed(graph.at("2024-11-30".parse()?), &Signs::default());
/// for inference in algo::enemies_of_enemies(&signed) {
///     let [a, b] = inference.pair;
///     let (a, b) = (signed.position(a).unwrap(), signed.position(b).unwrap());
///     assert!(signed.tie(a, b).is_none());
/// }
/// # Ok::<(), actorgraph::Error>(())
/// ```
pub fn enemies_of_enemies<'g>(graph: &SignedGraph<'g>) -> Vec<Inference<'g>> {
    let mut common: std::collections::HashMap<(usize, usize), Vec<usize>> =
        std::collections::HashMap::new();
    for c in 0..graph.actors().len() {
        let enemies: Vec<usize> = graph
            .neighbours(c)
            .iter()
            .filter(|&&(_, t)| graph.ties()[t].sign() == Sign::Negative)
            .map(|&(n, _)| n)
            .collect();
        for (i, &a) in enemies.iter().enumerate() {
            for &b in &enemies[i + 1..] {
                if graph.tie(a, b).is_none() {
                    common.entry((a.min(b), a.max(b))).or_default().push(c);
                }
            }
        }
    }
    let actors = graph.actors();
    let mut found: Vec<((usize, usize), Vec<usize>)> = common.into_iter().collect();
    found.sort_by_key(|(pair, enemies)| (Reverse(enemies.len()), *pair));
    found
        .into_iter()
        .map(|((a, b), enemies)| Inference {
            pair: [actors[a], actors[b]],
            common_enemies: enemies.into_iter().map(|c| actors[c]).collect(),
        })
        .collect()
}

// By hand: a derived `Debug` would print the whole graph each triangle borrows.
impl fmt::Debug for Triangle<'_, '_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Triangle({self})")
    }
}

impl fmt::Debug for Balance<'_, '_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Balance")
            .field("triangles", &self.triangles.len())
            .field("balanced", &self.balanced)
            .field("ratio", &self.ratio())
            .finish()
    }
}
