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
    /// Relation positions, sorted by `possible_from`.
    order: Vec<u32>,
    /// `possible_from` of each entry of `order`, for the binary search.
    starts: Vec<Date>,
    /// Implicit binary tree over `order`: `tree[leaves + i]` is the
    /// `possible_until` of entry `i`, inner nodes hold their children's max.
    tree: Vec<Date>,
    leaves: usize,
}

impl KindIndex {
    fn build(mut entries: Vec<(Date, Date, u32)>) -> KindIndex {
        entries.sort_unstable();
        let leaves = entries.len().next_power_of_two().max(1);
        // Padding leaves hold the earliest day, so no query ever enters them.
        let mut tree = vec![Date::MIN; 2 * leaves];
        for (i, (_, until, _)) in entries.iter().enumerate() {
            tree[leaves + i] = *until;
        }
        for node in (1..leaves).rev() {
            tree[node] = tree[2 * node].max(tree[2 * node + 1]);
        }
        KindIndex {
            order: entries.iter().map(|e| e.2).collect(),
            starts: entries.iter().map(|e| e.0).collect(),
            tree,
            leaves,
        }
    }

    /// Positions of the relations that possibly held on `day`, in order of start.
    pub(crate) fn possibly_on(&self, day: Date) -> Stabbing<'_> {
        let candidates = self.starts.partition_point(|s| *s <= day);
        let mut stack = Vec::with_capacity(32);
        if candidates > 0 {
            stack.push(1);
        }
        Stabbing {
            index: self,
            day,
            candidates,
            stack,
        }
    }
}

/// Iterator over the relations of one kind that possibly held on a day.
pub(crate) struct Stabbing<'a> {
    index: &'a KindIndex,
    day: Date,
    candidates: usize,
    stack: Vec<usize>,
}

impl Iterator for Stabbing<'_> {
    type Item = u32;

    fn next(&mut self) -> Option<u32> {
        let leaves = self.index.leaves;
        while let Some(node) = self.stack.pop() {
            if self.index.tree[node] <= self.day {
                continue;
            }
            // The first leaf under `node`: shift it down to the leaf level.
            let depth = leaves.trailing_zeros() - (usize::BITS - 1 - node.leading_zeros());
            let first_leaf = (node << depth) - leaves;
            if first_leaf >= self.candidates {
                continue;
            }
            if node >= leaves {
                return Some(self.index.order[node - leaves]);
            }
            self.stack.push(2 * node + 1);
            self.stack.push(2 * node);
        }
        None
    }
}

/// One [`KindIndex`] per relation kind.
#[derive(Clone, Debug, Default)]
pub(crate) struct IntervalIndex {
    kinds: Vec<KindIndex>,
}

impl IntervalIndex {
    pub(crate) fn build<'a>(spans: impl Iterator<Item = &'a Span>) -> IntervalIndex {
        let mut per_kind: Vec<Vec<(Date, Date, u32)>> = vec![Vec::new(); RelationKind::ALL.len()];
        for (position, span) in spans.enumerate() {
            per_kind[span.kind as usize].push((
                span.possible_from,
                span.possible_until,
                position as u32,
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

    #[test]
    fn stabbing_finds_exactly_the_holding_intervals() {
        let intervals = [
            ("2000-01-01", "2001-01-01"),
            ("2000-06-01", "2010-01-01"),
            ("2005-01-01", "2006-01-01"),
            ("2009-01-01", "2020-01-01"),
            ("1990-01-01", "1995-01-01"),
        ];
        let entries: Vec<(Date, Date, u32)> = intervals
            .iter()
            .enumerate()
            .map(|(i, (s, e))| (day(s), day(e), i as u32))
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
            let mut found: Vec<u32> = index.possibly_on(d).collect();
            found.sort();
            let mut expected: Vec<u32> = entries
                .iter()
                .filter(|(s, e, _)| *s <= d && d < *e)
                .map(|e| e.2)
                .collect();
            expected.sort();
            assert_eq!(found, expected, "{probe}");
        }
    }

    #[test]
    fn empty_index_finds_nothing() {
        let index = KindIndex::build(Vec::new());
        assert_eq!(index.possibly_on(day("2000-01-01")).count(), 0);
    }
}
