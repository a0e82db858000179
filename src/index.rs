//! An interval index per relation kind, for output-sensitive as-of queries.
//!
//! Relations of one kind are sorted by the first day they possibly held.
//! For a day `d`, only a prefix of that order can hold; among it, a
//! max-tree over each leaf's possible end lets the search skip every
//! subtree whose relations had all ended by `d`. A query visits
//! O((1 + m) log n) nodes for m relations found among n of the kind, so a
//! day on which few relations held costs little however large the graph.

use crate::graph::Span;
use crate::{Date, RelationKind};

/// The interval index of one relation kind.
#[derive(Clone, Debug, Default)]
pub(crate) struct KindIndex {
    /// Relation positions, sorted by `possible_from`; the top bit marks a
    /// relation that some citation disputes.
    order: Vec<u32>,
    /// `possible_from` of each entry of `order`, for the binary search.
    starts: Vec<Date>,
    /// `known_possibly` of each entry of `order`, so knowledge-time queries
    /// need not fetch the span.
    known: Vec<Date>,
    /// Implicit binary tree over `order`: `tree[leaves + i]` is the
    /// `possible_until` of entry `i`, inner nodes hold their children's max.
    tree: Vec<Date>,
    leaves: usize,
}

impl KindIndex {
    /// Builds from (possible_from, possible_until, position | DISPUTED,
    /// known_possibly) entries.
    fn build(mut entries: Vec<(Date, Date, u32, Date)>) -> KindIndex {
        entries.sort_unstable();
        let leaves = entries.len().next_power_of_two().max(1);
        // Padding leaves hold the earliest day, so no query ever enters them.
        let mut tree = vec![Date::MIN; 2 * leaves];
        for (i, (_, until, _, _)) in entries.iter().enumerate() {
            tree[leaves + i] = *until;
        }
        for node in (1..leaves).rev() {
            tree[node] = tree[2 * node].max(tree[2 * node + 1]);
        }
        KindIndex {
            order: entries.iter().map(|e| e.2).collect(),
            starts: entries.iter().map(|e| e.0).collect(),
            known: entries.iter().map(|e| e.3).collect(),
            tree,
            leaves,
        }
    }

    /// The relations that possibly held on `day`, in order of start.
    pub(crate) fn possibly_on(&self, day: Date) -> Stabbing<'_> {
        Stabbing {
            index: self,
            day,
            candidates: gallop(&self.starts, day),
            next: 0,
        }
    }
}

/// How many of the sorted `starts` are on or before `day`, found by
/// galloping from the left: O(log k) for an answer k, so a day early in the
/// record (few candidates) costs less than a plain binary search over all.
fn gallop(starts: &[Date], day: Date) -> usize {
    let mut bound = 1;
    while bound < starts.len() && starts[bound] <= day {
        bound *= 2;
    }
    let low = bound / 2;
    let high = bound.min(starts.len());
    low + starts[low..high].partition_point(|s| *s <= day)
}

/// The bit of an `order` entry that marks a disputed relation.
pub(crate) const DISPUTED: u32 = 1 << 31;

/// Below this many candidates, checking each leaf beats climbing the tree.
const SCAN_BELOW: usize = 32;

/// A relation found by [`KindIndex::possibly_on`].
#[derive(Clone, Copy, Debug)]
pub(crate) struct Stab {
    pub(crate) position: u32,
    pub(crate) disputed: bool,
    /// The first day a supporting source had possibly appeared.
    pub(crate) known_possibly: Date,
}

/// Iterator over the relations of one kind that possibly held on a day.
///
/// It keeps only the next leaf to look at: from a leaf that does not hold,
/// it climbs to the nearest subtree on the right whose maximum end lies
/// after the day and descends to that subtree's first holding leaf, so no
/// stack is needed and every step costs O(log n).
pub(crate) struct Stabbing<'a> {
    index: &'a KindIndex,
    day: Date,
    candidates: usize,
    next: usize,
}

impl Stabbing<'_> {
    fn stab(&mut self, leaf: usize) -> Stab {
        self.next = leaf + 1;
        let entry = self.index.order[leaf];
        Stab {
            position: entry & !DISPUTED,
            disputed: entry & DISPUTED != 0,
            known_possibly: self.index.known[leaf],
        }
    }

    /// The first holding leaf after `leaf` (which does not hold), if any.
    fn climb_from(&self, leaf: usize) -> Option<usize> {
        let (tree, leaves) = (&self.index.tree, self.index.leaves);
        let mut node = leaves + leaf;
        loop {
            // Up while a right child; then across to the right sibling.
            while node & 1 == 1 {
                node >>= 1;
            }
            if node == 0 {
                return None;
            }
            node += 1;
            let below = leaves.trailing_zeros() - (usize::BITS - 1 - node.leading_zeros());
            if (node << below) - leaves >= self.candidates {
                return None;
            }
            if tree[node] > self.day {
                while node < leaves {
                    node = if tree[2 * node] > self.day {
                        2 * node
                    } else {
                        2 * node + 1
                    };
                }
                let found = node - leaves;
                return (found < self.candidates).then_some(found);
            }
        }
    }
}

impl Iterator for Stabbing<'_> {
    type Item = Stab;

    fn next(&mut self) -> Option<Stab> {
        let leaves = self.index.leaves;
        let tree = &self.index.tree;
        if self.candidates <= SCAN_BELOW {
            while self.next < self.candidates {
                let leaf = self.next;
                if tree[leaves + leaf] > self.day {
                    return Some(self.stab(leaf));
                }
                self.next += 1;
            }
            return None;
        }
        if self.next >= self.candidates {
            return None;
        }
        let leaf = self.next;
        if tree[leaves + leaf] > self.day {
            return Some(self.stab(leaf));
        }
        match self.climb_from(leaf) {
            Some(found) => Some(self.stab(found)),
            None => {
                self.next = self.candidates;
                None
            }
        }
    }
}

/// One [`KindIndex`] per relation kind.
#[derive(Clone, Debug, Default)]
pub(crate) struct IntervalIndex {
    kinds: Vec<KindIndex>,
}

impl IntervalIndex {
    pub(crate) fn build<'a>(spans: impl Iterator<Item = &'a Span>) -> IntervalIndex {
        let mut per_kind: Vec<Vec<(Date, Date, u32, Date)>> =
            vec![Vec::new(); RelationKind::ALL.len()];
        for (position, span) in spans.enumerate() {
            let disputed = if span.disputed_possibly == Date::NEVER {
                0
            } else {
                DISPUTED
            };
            per_kind[span.kind as usize].push((
                span.possible_from,
                span.possible_until,
                position as u32 | disputed,
                span.known_possibly,
            ));
        }
        IntervalIndex {
            kinds: per_kind.into_iter().map(KindIndex::build).collect(),
        }
    }

    pub(crate) fn kind(&self, kind: RelationKind) -> &KindIndex {
        &self.kinds[kind as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> Date {
        s.parse().unwrap()
    }

    /// What the index finds on `d`, and what a scan of `entries` finds, sorted.
    fn found_and_expected(
        index: &KindIndex,
        entries: &[(Date, Date, u32, Date)],
        d: Date,
    ) -> (Vec<u32>, Vec<u32>) {
        let mut found: Vec<u32> = index.possibly_on(d).map(|s| s.position).collect();
        found.sort();
        let mut expected: Vec<u32> = entries
            .iter()
            .filter(|(s, e, _, _)| *s <= d && d < *e)
            .map(|e| e.2)
            .collect();
        expected.sort();
        (found, expected)
    }

    #[test]
    fn stabbing_finds_exactly_the_holding_intervals() {
        let intervals = [
            ("2000-01-01", "2001-01-01"),
            ("2000-06-01", "2010-01-01"),
            ("2005-01-01", "2006-01-01"),
            ("2009-01-01", "2020-01-01"),
            ("1990-01-01", "1995-01-01"),
        ];
        let entries: Vec<(Date, Date, u32, Date)> = intervals
            .iter()
            .enumerate()
            .map(|(i, (s, e))| (day(s), day(e), i as u32, Date::MIN))
            .collect();
        let index = KindIndex::build(entries.clone());
        for probe in [
            "1989-01-01",
            "1992-01-01",
            "2000-07-01",
            "2005-06-01",
            "2009-06-01",
            "2030-01-01",
        ] {
            let d = day(probe);
            let (found, expected) = found_and_expected(&index, &entries, d);
            assert_eq!(found, expected, "{probe}");
        }
    }

    #[test]
    fn large_index_matches_a_scan_on_every_probe() {
        // Enough entries that queries descend the tree, not only scan.
        let mut state = 12345u64;
        let mut draw = |n: u32| {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((state >> 33) % n as u64) as u32
        };
        let base = Date::new(1950, 1, 1).unwrap().to_jiff();
        let at = |offset: u32| {
            Date::try_from(
                base.checked_add(jiff::Span::new().days(offset as i64))
                    .unwrap(),
            )
            .unwrap()
        };
        let entries: Vec<(Date, Date, u32, Date)> = (0..5000)
            .map(|i| {
                let start = draw(25_000);
                let length = 1 + draw(if i % 7 == 0 { 20_000 } else { 300 });
                (at(start), at(start + length), i, Date::MIN)
            })
            .collect();
        let index = KindIndex::build(entries.clone());
        for probe in (0..27_000).step_by(997) {
            let d = at(probe);
            let (found, expected) = found_and_expected(&index, &entries, d);
            assert_eq!(found, expected, "probe {probe}");
        }
    }

    #[test]
    fn gallop_agrees_with_partition_point() {
        let starts: Vec<Date> = (1..=28).map(|d| Date::new(2000, 1, d).unwrap()).collect();
        for len in 0..starts.len() {
            for probe in 1..=28 {
                let d = Date::new(2000, 1, probe).unwrap();
                let slice = &starts[..len];
                assert_eq!(gallop(slice, d), slice.partition_point(|s| *s <= d));
            }
            assert_eq!(gallop(&starts[..len], Date::MIN), 0);
        }
    }

    #[test]
    fn empty_index_finds_nothing() {
        let index = KindIndex::build(Vec::new());
        assert_eq!(index.possibly_on(day("2000-01-01")).count(), 0);
    }
}
