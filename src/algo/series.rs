//! The signed measures as series over days: the balance ratio, the
//! frustration of a two-camp split and each actor's degree rank, kept up
//! to date day by day from what changed rather than rebuilt, with the
//! ties whose change made the graph more or less balanced.

use std::collections::HashMap;

/// Maps keyed by actor and relation positions: foldhash, as the store.
type Map<K, V> = HashMap<K, V, foldhash::fast::RandomState>;
use std::fmt;

use crate::base::date::Date;
use crate::view::{ActorRef, RelationRef, View};

use super::balance::for_each_triangle;
use super::partition::{PartitionOptions, partition};
use super::signed::{Sign, Signs, bad_argument, combine, signed, sureness};
use crate::base::error::Error;

/// The most days a series may span.
pub const MAX_SERIES_DAYS: usize = 3660;

/// A tie that appeared, went, or changed sign from one day to the next,
/// and what that did to the triangles it closes.
#[derive(Clone)]
pub struct TieChange<'g> {
    /// The two actors, in dataset order.
    pub ends: [ActorRef<'g>; 2],
    /// Its sign the day before (`None`: no tie).
    pub before: Option<Sign>,
    /// Its sign on the day (`None`: no tie any more).
    pub after: Option<Sign>,
    /// The relations between the pair that began to show that day.
    pub added: Vec<RelationRef<'g>>,
    /// Those that stopped showing.
    pub removed: Vec<RelationRef<'g>>,
    /// Balanced triangles gained (negative: lost) through this tie.
    pub balanced: isize,
    /// Unbalanced triangles gained (negative: lost) through this tie.
    pub unbalanced: isize,
}

impl fmt::Display for TieChange<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = |s: Option<Sign>| s.map_or("none".to_owned(), |s| s.to_string());
        write!(
            f,
            "{} – {}: {} -> {}, balanced triangles {:+}, unbalanced {:+}",
            self.ends[0].name,
            self.ends[1].name,
            sign(self.before),
            sign(self.after),
            self.balanced,
            self.unbalanced
        )?;
        let ids = |rs: &[RelationRef<'_>]| rs.iter().map(|r| r.id()).collect::<Vec<_>>().join(", ");
        if !self.added.is_empty() {
            write!(f, "; new: {}", ids(&self.added))?;
        }
        if !self.removed.is_empty() {
            write!(f, "; gone: {}", ids(&self.removed))?;
        }
        Ok(())
    }
}

/// The measures of one day of a [`Series`].
#[derive(Clone)]
pub struct DayMeasures<'g> {
    /// The day.
    pub day: Date,
    /// Actors with a signed tie.
    pub actors: usize,
    /// Signed ties.
    pub ties: usize,
    /// Triangles, and how many of them are balanced.
    pub triangles: usize,
    /// Balanced triangles.
    pub balanced: usize,
    /// Ties the two-camp split frustrates: local search carried from the
    /// day before, so an upper bound ([`partition`] gives a day's exact
    /// figure).
    pub frustration: usize,
    /// Ties that changed since the day before (none on the first day).
    pub changes: Vec<TieChange<'g>>,
    /// Each actor of [`Series::actors`] with a tie that day, by position
    /// there, with its degree rank (1 for the most ties; ties share).
    pub degree_ranks: Vec<(usize, usize)>,
}

impl DayMeasures<'_> {
    /// The share of balanced triangles, `None` without a triangle.
    pub fn ratio(&self) -> Option<f64> {
        (self.triangles > 0).then(|| self.balanced as f64 / self.triangles as f64)
    }
}

/// Signed measures day by day. Made by [`series`].
#[derive(Clone)]
pub struct Series<'g> {
    actors: Vec<ActorRef<'g>>,
    days: Vec<DayMeasures<'g>>,
}

impl<'g> Series<'g> {
    /// Every actor with a signed tie on some day, in dataset order.
    pub fn actors(&self) -> &[ActorRef<'g>] {
        &self.actors
    }

    /// The days, in order.
    pub fn days(&self) -> &[DayMeasures<'g>] {
        &self.days
    }

    /// The degree rank of `actor` on each day (`None` when it had no tie).
    pub fn ranks_of(&self, actor: ActorRef<'_>) -> Vec<Option<usize>> {
        let at = self.actors.iter().position(|a| *a == actor);
        self.days
            .iter()
            .map(|d| {
                let at = at?;
                d.degree_ranks
                    .binary_search_by_key(&at, |(a, _)| *a)
                    .ok()
                    .map(|i| d.degree_ranks[i].1)
            })
            .collect()
    }
}

/// A relation's sureness as one non-zero byte.
fn code(relation: &RelationRef<'_>) -> u8 {
    let (uncontested, certain) = sureness(relation);
    1 + 2 * u8::from(uncontested) + u8::from(certain)
}

/// One pair's relations, as the series keeps them.
#[derive(Default)]
struct PairState<'g> {
    relations: Vec<(RelationRef<'g>, Sign)>,
    sign: Option<Sign>,
}

impl PairState<'_> {
    fn resign(&mut self) {
        let surest = |sign: Sign| {
            self.relations
                .iter()
                .filter(|(_, s)| *s == sign)
                .map(|(r, _)| sureness(r))
                .max()
        };
        self.sign = combine(surest(Sign::Positive), surest(Sign::Negative));
    }
}

/// The running state: ties by actor order, counts, and a two-camp split.
struct State<'g> {
    pairs: Map<(usize, usize), PairState<'g>>,
    adjacency: Map<usize, Map<usize, Sign>>,
    labels: Map<usize, bool>,
    balanced: usize,
    unbalanced: usize,
    frustration: usize,
}

impl<'g> State<'g> {
    fn sign(&self, a: usize, b: usize) -> Option<Sign> {
        self.adjacency.get(&a).and_then(|row| row.get(&b)).copied()
    }

    fn label(&self, a: usize) -> bool {
        self.labels.get(&a).copied().unwrap_or(false)
    }

    fn frustrated(&self, a: usize, b: usize, sign: Sign) -> bool {
        (sign == Sign::Positive) == (self.label(a) != self.label(b))
    }

    /// Sets the sign of the tie `a`–`b`, keeping the triangle counts and
    /// the frustration; returns the balanced and unbalanced triangles
    /// gained.
    fn set(&mut self, a: usize, b: usize, after: Option<Sign>) -> (isize, isize) {
        let before = self.sign(a, b);
        if before == after {
            return (0, 0);
        }
        let (small, large) = {
            let len = |x: usize| self.adjacency.get(&x).map_or(0, |row| row.len());
            if len(a) <= len(b) { (a, b) } else { (b, a) }
        };
        let (mut balanced, mut unbalanced) = (0isize, 0isize);
        if let Some(row) = self.adjacency.get(&small) {
            for (&c, &s1) in row {
                if c == large {
                    continue;
                }
                let Some(s2) = self.sign(large, c) else {
                    continue;
                };
                let third = s1.times(s2);
                for (sign, delta) in [(before, -1), (after, 1)] {
                    if let Some(sign) = sign {
                        if sign.times(third) == Sign::Positive {
                            balanced += delta;
                        } else {
                            unbalanced += delta;
                        }
                    }
                }
            }
        }
        self.balanced = self.balanced.saturating_add_signed(balanced);
        self.unbalanced = self.unbalanced.saturating_add_signed(unbalanced);
        if let Some(sign) = before
            && self.frustrated(a, b, sign)
        {
            self.frustration = self.frustration.saturating_sub(1);
        }
        if let Some(sign) = after
            && self.frustrated(a, b, sign)
        {
            self.frustration += 1;
        }
        for (x, y) in [(a, b), (b, a)] {
            match after {
                Some(sign) => {
                    self.adjacency.entry(x).or_default().insert(y, sign);
                }
                None => {
                    if let Some(row) = self.adjacency.get_mut(&x) {
                        row.remove(&y);
                        if row.is_empty() {
                            self.adjacency.remove(&x);
                        }
                    }
                }
            }
        }
        (balanced, unbalanced)
    }

    /// The day's counts (actors, ties, triangles, balanced, frustration)
    /// and degree ranks by actor order.
    fn measure(&self) -> ([usize; 5], Vec<(usize, usize)>) {
        let mut degrees: Vec<(usize, usize)> = self
            .adjacency
            .iter()
            .map(|(&a, row)| (a, row.len()))
            .collect();
        degrees.sort_unstable_by_key(|&(a, d)| (std::cmp::Reverse(d), a));
        let mut ranks: Vec<(usize, usize)> = Vec::with_capacity(degrees.len());
        for (i, &(a, d)) in degrees.iter().enumerate() {
            let rank = match ranks.last() {
                Some(&(_, r)) if i > 0 && degrees[i - 1].1 == d => r,
                _ => i + 1,
            };
            ranks.push((a, rank));
        }
        let counts = [
            self.adjacency.len(),
            self.pairs.len(),
            self.balanced + self.unbalanced,
            self.balanced,
            self.frustration,
        ];
        (counts, ranks)
    }

    /// What `a` costs on side `side`.
    fn cost(&self, a: usize, side: bool) -> usize {
        self.adjacency.get(&a).map_or(0, |row| {
            row.iter()
                .filter(|&(&b, &s)| (s == Sign::Positive) == (self.label(b) != side))
                .count()
        })
    }

    /// Local search from the actors in `queue`: each moves to the other
    /// side when that frustrates fewer of its ties, and a move wakes its
    /// neighbours.
    fn settle(&mut self, mut queue: Vec<usize>) {
        let mut queued: Map<usize, ()> = queue.iter().map(|&a| (a, ())).collect();
        while let Some(a) = queue.pop() {
            queued.remove(&a);
            let side = self.label(a);
            let (here, there) = (self.cost(a, side), self.cost(a, !side));
            if there < here {
                self.labels.insert(a, !side);
                self.frustration = self.frustration.saturating_sub(here - there);
                if let Some(row) = self.adjacency.get(&a) {
                    for &b in row.keys() {
                        if queued.insert(b, ()).is_none() {
                            queue.push(b);
                        }
                    }
                }
            }
        }
    }
}

/// A day's changes, counts (actors, ties, triangles, balanced,
/// frustration) and ranks by actor order, before actors are numbered.
type Measured<'g> = (Date, Vec<TieChange<'g>>, [usize; 5], Vec<(usize, usize)>);

/// The signed measures of `view` on every day from `from` to `to`, both
/// included: the balance ratio, the frustration of a two-camp split and
/// each actor's degree rank, with the ties that changed each day and
/// what each did to the balance.
///
/// The first day is computed whole: its signed graph, its triangles, and
/// its two-camp [`partition`] (exact where that can be). Each later day
/// asks the view only for the signed relations that held (the interval
/// index finds them without visiting the rest), compares them with the
/// day before, and updates only the ties that changed: the triangles
/// through a changed tie are recounted from its end of lower degree, and
/// the split moves only actors near a change, by local search. The view's
/// knowledge date, certainty and contested policy apply on every day.
///
/// # Errors
///
/// [`ErrorKind::InvalidArgument`](crate::ErrorKind::InvalidArgument)
/// naming `from/to` ([`Error::argument`]) when `to` is before
/// `from`, or the span is over [`MAX_SERIES_DAYS`] days.
///
/// # Complexity
///
/// For D days: the first day as [`signed`], [`balance`](super::balance)
/// and [`partition`]; then per day the view's queries, O(m + R) to
/// compare the m relations found with the day before (R relations in the
/// graph, one byte each), the triangles through each changed tie from its
/// end of lower degree, the local search near them, and O(n log n) for
/// the ranks.
///
/// # Example
///
/// ```
/// use actorgraph::ActorGraph;
/// use actorgraph::algo::{self, Signs};
///
/// let graph = ActorGraph::embedded()?;
/// let view = graph.at("2024-11-30".parse()?);
/// let series = algo::series(view, "2024-11-26".parse()?, "2024-12-08".parse()?, &Signs::default())?;
/// assert_eq!(series.days().len(), 13);
/// // The regime's fall changed the ties.
/// assert!(series.days().iter().any(|d| !d.changes.is_empty()));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn series<'g>(
    view: View<'g>,
    from: Date,
    to: Date,
    signs: &Signs,
) -> Result<Series<'g>, Error> {
    if to < from {
        return Err(bad_argument("from/to", format!("{to} is before {from}")));
    }
    let span = (to.to_jiff() - from.to_jiff()).get_days();
    let days = usize::try_from(span)
        .unwrap_or(usize::MAX)
        .saturating_add(1);
    if days > MAX_SERIES_DAYS {
        let reason =
            format!("{days} days from {from} to {to}; a series spans at most {MAX_SERIES_DAYS}");
        return Err(bad_argument("from/to", reason));
    }

    let mut state = State {
        pairs: Map::default(),
        adjacency: Map::default(),
        labels: Map::default(),
        balanced: 0,
        unbalanced: 0,
        frustration: 0,
    };
    let mut actors: Map<usize, ActorRef<'g>> = Map::default();
    let mut measures: Vec<Measured<'g>> = Vec::new();
    // What each relation showed as the day before, by order: 0 for not
    // shown, else 1 + its sureness, which can decide a mixed tie.
    let relations = view.graph().relation_count();
    let mut shown: Vec<u8> = vec![0; relations];
    let mut previous: Vec<(RelationRef<'g>, Sign)> = Vec::new();

    // The first day whole: its signed graph, triangles and split.
    let first = signed(view.on(from), signs);
    let split = partition(&first, &PartitionOptions::default()).ok();
    for (i, a) in first.actors().iter().enumerate() {
        actors.insert(a.order(), *a);
        let side = split.as_ref().is_some_and(|s| s.sides()[i] != 0);
        state.labels.insert(a.order(), side);
    }
    for tie in first.ties() {
        let [a, b] = tie.ends().map(|e| first.actors()[e].order());
        let signed_relations: Vec<(RelationRef<'g>, Sign)> = tie
            .positive()
            .iter()
            .map(|r| (*r, Sign::Positive))
            .chain(tie.negative().iter().map(|r| (*r, Sign::Negative)))
            .collect();
        for &(r, s) in &signed_relations {
            shown[r.order()] = code(&r);
            previous.push((r, s));
        }
        let sign = tie.sign();
        state.pairs.insert(
            (a.min(b), a.max(b)),
            PairState {
                relations: signed_relations,
                sign: Some(sign),
            },
        );
        state.adjacency.entry(a).or_default().insert(b, sign);
        state.adjacency.entry(b).or_default().insert(a, sign);
        if state.frustrated(a, b, sign) {
            state.frustration += 1;
        }
    }
    for_each_triangle(&first, |_, ties| {
        let product = ties
            .iter()
            .map(|&t| first.ties()[t].sign())
            .fold(Sign::Positive, Sign::times);
        if product == Sign::Positive {
            state.balanced += 1;
        } else {
            state.unbalanced += 1;
        }
    });
    let (counts, ranks) = state.measure();
    measures.push((from, Vec::new(), counts, ranks));

    let mut day = from;
    while day < to {
        let Some(next) = day.following() else { break };
        day = next;
        let now = signs.relations(view.on(day));
        let mut today: Vec<u8> = vec![0; relations];
        // What began and stopped showing, by pair.
        let mut touched: Map<(usize, usize), (Vec<RelationRef<'g>>, Vec<RelationRef<'g>>)> =
            Map::default();
        let pair_of = |r: &RelationRef<'_>| {
            let (s, o) = (r.subject().order(), r.object().order());
            (s.min(o), s.max(o))
        };
        for &(r, s) in &now {
            let at = r.order();
            if today[at] != 0 {
                continue;
            }
            today[at] = code(&r);
            let pair = pair_of(&r);
            if shown[at] == 0 {
                actors.entry(r.subject().order()).or_insert(r.subject());
                actors.entry(r.object().order()).or_insert(r.object());
                state.pairs.entry(pair).or_default().relations.push((r, s));
                touched.entry(pair).or_default().0.push(r);
            } else if shown[at] != today[at] {
                // Possibly held yesterday, certainly today, say.
                if let Some(p) = state.pairs.get_mut(&pair)
                    && let Some(slot) = p.relations.iter_mut().find(|(x, _)| x.order() == at)
                {
                    *slot = (r, s);
                }
                touched.entry(pair).or_default();
            }
        }
        for &(r, _) in &previous {
            if today[r.order()] == 0 {
                let pair = pair_of(&r);
                if let Some(p) = state.pairs.get_mut(&pair) {
                    p.relations.retain(|(x, _)| x.order() != r.order());
                }
                touched.entry(pair).or_default().1.push(r);
            }
        }
        let mut pairs: Vec<(usize, usize)> = touched.keys().copied().collect();
        pairs.sort_unstable();
        let mut changes = Vec::new();
        let mut woken = Vec::new();
        for pair in pairs {
            let Some(p) = state.pairs.get_mut(&pair) else {
                continue;
            };
            let before = p.sign;
            p.resign();
            let after = p.sign;
            if p.relations.is_empty() {
                state.pairs.remove(&pair);
            }
            let (mut added, mut removed) = touched.remove(&pair).unwrap_or_default();
            added.sort_by_key(RelationRef::order);
            removed.sort_by_key(RelationRef::order);
            let (balanced, unbalanced) = state.set(pair.0, pair.1, after);
            woken.extend([pair.0, pair.1]);
            let changed = before != after || !added.is_empty() || !removed.is_empty();
            if changed && let (Some(&a), Some(&b)) = (actors.get(&pair.0), actors.get(&pair.1)) {
                changes.push(TieChange {
                    ends: [a, b],
                    before,
                    after,
                    added,
                    removed,
                    balanced,
                    unbalanced,
                });
            }
        }
        state.settle(woken);
        let (counts, ranks) = state.measure();
        measures.push((day, changes, counts, ranks));
        shown = today;
        previous = now;
    }

    let mut seen: Vec<ActorRef<'g>> = actors.into_values().collect();
    seen.sort_by_key(|a| a.order());
    let position: Map<usize, usize> = seen
        .iter()
        .enumerate()
        .map(|(i, a)| (a.order(), i))
        .collect();
    let days = measures
        .into_iter()
        .map(|(day, changes, counts, ranks)| {
            let mut degree_ranks: Vec<(usize, usize)> = ranks
                .into_iter()
                .filter_map(|(a, r)| position.get(&a).map(|&p| (p, r)))
                .collect();
            degree_ranks.sort_unstable();
            DayMeasures {
                day,
                actors: counts[0],
                ties: counts[1],
                triangles: counts[2],
                balanced: counts[3],
                frustration: counts[4],
                changes,
                degree_ranks,
            }
        })
        .collect();
    Ok(Series { actors: seen, days })
}

// By hand: a series may span years of days.
impl fmt::Debug for Series<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Series")
            .field("actors", &self.actors.len())
            .field("days", &self.days.len())
            .finish()
    }
}

impl fmt::Debug for DayMeasures<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DayMeasures")
            .field("day", &self.day)
            .field("triangles", &self.triangles)
            .field("balanced", &self.balanced)
            .field("frustration", &self.frustration)
            .field("changes", &self.changes.len())
            .finish()
    }
}

impl fmt::Debug for TieChange<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "TieChange({self})")
    }
}
