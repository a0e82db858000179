//! An interval index per relation kind, for output-sensitive as-of queries.
//!
//! Relations of one kind are sorted by the first day they possibly held.
//! For a day `d`, only a prefix of that order can hold; among it, a
//! max-tree over blocks of 16 entries, keyed by their latest
//! possible end, lets the search skip every block whose relations had all
//! ended by `d`. A query visits O(log n + (1 + m) · BLOCK) entries for m
//! relations found among n of the kind, so a day on which few relations
//! held costs little however large the graph.
//!
//! The index holds 12 bytes per relation and about one for the tree; start
//! days are read from the relations themselves, as only the galloping
//! search at the beginning of a query needs them.

use std::sync::atomic::{AtomicU64, Ordering};

use rayon::prelude::*;

use crate::base::date::Date;
use crate::base::model::RelationKind;
use crate::store::Store;
use crate::store::codec::{Corrupt, Decoded, Reader, Writer, corrupt, ix};
use crate::store::ix::{Ix, RelationIx};
use crate::store::packed::Tagged;

/// Entries per leaf of the max-tree: one cache line of end days. Larger
/// blocks shrink the tree; smaller ones waste fewer reads per relation
/// found on a narrow day.
const BLOCK: usize = 16;

/// The interval index of one relation kind.
#[derive(Clone, Debug, Default)]
pub(crate) struct KindIndex {
    /// Relation positions, sorted by `possible_from`, tagged when some
    /// citation disputes the relation.
    order: Vec<Tagged>,
    /// `possible_until` of each entry of `order`.
    ends: Vec<Date>,
    /// `known_possibly` of each entry of `order`, so knowledge-time queries
    /// need not walk the citations.
    known: Vec<Date>,
    /// Implicit binary tree over blocks: `tree[leaves + b]` is the latest
    /// `possible_until` in block `b`; inner nodes hold their children's max.
    tree: Vec<Date>,
    leaves: usize,
}

impl KindIndex {
    /// Builds from (possible_from, possible_until, tagged position,
    /// known_possibly) entries.
    fn build(mut entries: Vec<(Date, Date, Tagged, Date)>) -> KindIndex {
        entries.sort_unstable();
        KindIndex::from_sorted(&entries)
    }

    /// Builds from entries already in order of start.
    fn from_sorted(entries: &[(Date, Date, Tagged, Date)]) -> KindIndex {
        let blocks = entries.len().div_ceil(BLOCK);
        let leaves = blocks.next_power_of_two().max(1);
        // Padding leaves hold the earliest day, so no query ever enters them.
        let mut tree = vec![Date::MIN; 2 * leaves];
        for (i, (_, until, _, _)) in entries.iter().enumerate() {
            let leaf = &mut tree[leaves + i / BLOCK];
            *leaf = (*leaf).max(*until);
        }
        for node in (1..leaves).rev() {
            tree[node] = tree[2 * node].max(tree[2 * node + 1]);
        }
        KindIndex {
            order: entries.iter().map(|e| e.2).collect(),
            ends: entries.iter().map(|e| e.1).collect(),
            known: entries.iter().map(|e| e.3).collect(),
            tree,
            leaves,
        }
    }

    /// The relations that possibly held on `day`, in order of start;
    /// `start_of` gives a relation's `possible_from`, and `disputes` the
    /// first day each disputed relation was possibly disputed.
    pub(crate) fn possibly_on<'a>(
        &'a self,
        day: Date,
        start_of: impl Fn(RelationIx) -> Date,
        disputes: &'a [(RelationIx, Date)],
    ) -> Stabbing<'a> {
        let candidates = gallop(&self.order, |entry| start_of(entry.position()) <= day);
        Stabbing {
            index: self,
            disputes,
            day,
            candidates,
            candidate_blocks: candidates.div_ceil(BLOCK),
            next: 0,
        }
    }
}

impl KindIndex {
    /// [`possibly_on`](Self::possibly_on) cut into parts of at most
    /// `part_blocks` blocks each, which together yield the same relations
    /// in the same order: for visiting a wide day on several cores.
    pub(crate) fn possibly_on_parts<'a>(
        &'a self,
        day: Date,
        start_of: impl Fn(RelationIx) -> Date,
        disputes: &'a [(RelationIx, Date)],
        part_blocks: usize,
    ) -> impl Iterator<Item = Stabbing<'a>> + 'a {
        let candidates = gallop(&self.order, |entry| start_of(entry.position()) <= day);
        let step = part_blocks.max(1) * BLOCK;
        (0..candidates).step_by(step).map(move |first| {
            let end = (first + step).min(candidates);
            Stabbing {
                index: self,
                disputes,
                day,
                candidates: end,
                candidate_blocks: end.div_ceil(BLOCK),
                next: first,
            }
        })
    }

    /// How many relations possibly held on `day`: as many as
    /// [`possibly_on`](Self::possibly_on) yields, without producing them.
    /// Blocks whose latest end is on or before the day are skipped by their
    /// leaf of the max-tree; in the rest only the end days are read, a
    /// comparison the compiler vectorises, and a long run is split across
    /// the cores.
    pub(crate) fn count_possibly_on(
        &self,
        day: Date,
        start_of: impl Fn(RelationIx) -> Date,
    ) -> usize {
        let candidates = gallop(&self.order, |entry| start_of(entry.position()) <= day);
        let count_block = |block: usize| {
            if self.tree[self.leaves + block] <= day {
                return 0;
            }
            let entries = block * BLOCK..((block + 1) * BLOCK).min(candidates);
            self.ends[entries].iter().filter(|&&end| end > day).count()
        };
        let blocks = candidates.div_ceil(BLOCK);
        if blocks < PARALLEL_BLOCKS {
            (0..blocks).map(count_block).sum()
        } else {
            (0..blocks)
                .into_par_iter()
                .with_min_len(PARALLEL_BLOCKS / 2)
                .map(count_block)
                .sum()
        }
    }
}

/// Reads one kind's section of a snapshot's interval index: that its
/// entries hold exactly relations of `kind` (each marked in `seen`, none
/// twice), in order of start, with their dispute flags.
fn read_kind(
    store: &Store,
    kind: RelationKind,
    order: &[u32],
    known: &[u32],
    seen: &[AtomicU64],
) -> Decoded<KindIndex> {
    let mut entries = Vec::with_capacity(order.len());
    for (&raw, &known) in order.iter().zip(known) {
        let tagged = Tagged::from_raw(raw);
        let relation: RelationIx = tagged.position();
        let word = match seen.get(relation.index() / 64) {
            Some(word) if relation.index() < store.relation_count() => word,
            _ => return corrupt("an index entry past the last relation"),
        };
        let bit = 1u64 << (relation.index() % 64);
        let twice = word.fetch_or(bit, Ordering::Relaxed) & bit != 0;
        let span = store.span(relation);
        let known =
            Date::from_packed(known).ok_or_else(|| Corrupt("an index date is not a day".into()))?;
        let in_order = entries
            .last()
            .is_none_or(|e: &(Date, Date, Tagged, Date)| e.0 <= span.possible_from);
        if twice || span.kind != kind || tagged.flag() != span.is_disputed() || !in_order {
            return corrupt(format!(
                "the {} index is out of order or holds a stranger",
                kind.name()
            ));
        }
        entries.push((span.possible_from, span.possible_until, tagged, known));
    }
    Ok(KindIndex::from_sorted(&entries))
}

/// Blocks below which a count stays on one core: splitting a shorter run
/// costs more in handing work over than it saves.
const PARALLEL_BLOCKS: usize = 4_096;

/// How many of `items` satisfy `before`, which holds for a prefix; found
/// by galloping from the left: O(log k) for an answer k, so a day early in
/// the record (few candidates) costs less than a plain binary search over all.
fn gallop<T: Copy>(items: &[T], before: impl Fn(T) -> bool) -> usize {
    let mut bound = 1;
    while bound < items.len() && before(items[bound]) {
        bound *= 2;
    }
    let low = bound / 2;
    let high = bound.min(items.len());
    low + items[low..high].partition_point(|&item| before(item))
}

/// A relation found by [`KindIndex::possibly_on`].
#[derive(Clone, Copy, Debug)]
pub(crate) struct Stab {
    pub(crate) relation: RelationIx,
    /// The first day a disputing source had possibly appeared;
    /// `Date::NEVER` for an undisputed relation.
    pub(crate) disputed_possibly: Date,
    /// The first day a supporting source had possibly appeared.
    pub(crate) known_possibly: Date,
}

/// Iterator over the relations of one kind that possibly held on a day.
///
/// It scans the current block's end days; when a block is done, it climbs
/// from its leaf to the nearest subtree on the right whose maximum end lies
/// after the day and descends to that subtree's first such block, so no
/// stack is needed and every jump costs O(log n).
pub(crate) struct Stabbing<'a> {
    index: &'a KindIndex,
    disputes: &'a [(RelationIx, Date)],
    day: Date,
    candidates: usize,
    candidate_blocks: usize,
    next: usize,
}

impl Stabbing<'_> {
    #[inline]
    fn stab(&self, entry: usize) -> Stab {
        let order = self.index.order[entry];
        let relation = order.position();
        let disputed_possibly = if order.flag() {
            self.disputes
                .binary_search_by_key(&relation, |d| d.0)
                .map_or(Date::NEVER, |i| self.disputes[i].1)
        } else {
            Date::NEVER
        };
        Stab {
            relation,
            disputed_possibly,
            known_possibly: self.index.known[entry],
        }
    }

    /// The first block after `block` holding an entry that ends after the day.
    fn climb_from(&self, block: usize) -> Option<usize> {
        let (tree, leaves) = (&self.index.tree, self.index.leaves);
        let mut node = leaves + block;
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
            if (node << below) - leaves >= self.candidate_blocks {
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
                return (found < self.candidate_blocks).then_some(found);
            }
        }
    }
}

impl Iterator for Stabbing<'_> {
    type Item = Stab;

    // Inlined into the caller's loop, the found relation stays in registers
    // instead of going through memory, which cost a third of a wide view.
    // Forced: with a second caller (`View::par_relations`) the compiler
    // stopped inlining it, and the sequential visit took 13% more
    // instructions (issue 28, callgrind).
    #[inline(always)]
    fn next(&mut self) -> Option<Stab> {
        let ends = &self.index.ends;
        loop {
            let block_end = ((self.next / BLOCK + 1) * BLOCK).min(self.candidates);
            while self.next < block_end {
                let entry = self.next;
                self.next += 1;
                if ends[entry] > self.day {
                    return Some(self.stab(entry));
                }
            }
            if self.next >= self.candidates {
                return None;
            }
            let block = self.next / BLOCK;
            if self.index.tree[self.index.leaves + block] <= self.day {
                match self.climb_from(block) {
                    Some(found) => self.next = found * BLOCK,
                    None => {
                        self.next = self.candidates;
                        return None;
                    }
                }
            }
        }
    }
}

/// One [`KindIndex`] per relation kind.
#[derive(Clone, Debug, Default)]
pub(crate) struct IntervalIndex {
    kinds: Vec<KindIndex>,
    /// `(relation, disputed_possibly)` for each disputed relation, by
    /// position: few relations are disputed, and a knowledge-time query
    /// must tell whether the dispute was known yet.
    disputes: Vec<(RelationIx, Date)>,
}

impl IntervalIndex {
    /// Builds over every relation of `store`.
    ///
    /// # Complexity
    ///
    /// O(R log R + C) for R relations with C citations.
    pub(crate) fn build(store: &Store) -> IntervalIndex {
        let mut per_kind: Vec<Vec<(Date, Date, Tagged, Date)>> =
            vec![Vec::new(); RelationKind::ALL.len()];
        // By position, which only grows, so it is sorted as it is filled.
        let mut disputes = Vec::new();
        for (relation, span) in store.relation_positions().zip(store.spans()) {
            let knowledge = store.knowledge(relation, None);
            if span.is_disputed() {
                disputes.push((relation, knowledge.disputed_possibly));
            }
            per_kind[span.kind as usize].push((
                span.possible_from,
                span.possible_until,
                Tagged::new(relation, span.is_disputed()),
                knowledge.known_possibly,
            ));
        }
        IntervalIndex {
            kinds: per_kind.into_iter().map(KindIndex::build).collect(),
            disputes,
        }
    }

    /// Writes each kind's order and knowledge dates; the rest is rebuilt
    /// from the store on reading.
    pub(crate) fn write_snapshot(&self, w: &mut Writer) {
        // The number of kinds first: a file names how many it holds, so a
        // kind added later reads as a layout this version can check.
        w.len(self.kinds.len());
        for kind in &self.kinds {
            w.u32s(kind.order.iter().map(|t| t.raw()));
            w.u32s(kind.known.iter().map(|d| d.packed()));
        }
        w.len(self.disputes.len());
        for (relation, day) in &self.disputes {
            w.u32(relation.raw());
            w.date(*day);
        }
    }

    /// Reads an index written by [`IntervalIndex::write_snapshot`] for
    /// `store`, checking that each kind's order holds exactly that kind's
    /// relations, in order of start, with their dispute flags; end days and
    /// the max-trees are rebuilt from the store's spans, so they cannot
    /// disagree with it.
    ///
    /// # Complexity
    ///
    /// O(R) for R relations: no sort, no citation read.
    pub(crate) fn read_snapshot(r: &mut Reader<'_>, store: &Store) -> Decoded<IntervalIndex> {
        let relations = store.relation_count();
        if r.len(8)? != RelationKind::ALL.len() {
            return corrupt("the index holds another number of relation kinds than this version");
        }
        let mut sections = Vec::with_capacity(RelationKind::ALL.len());
        for kind in RelationKind::ALL {
            let order = r.u32s()?;
            let known = r.u32s()?;
            if known.len() != order.len() {
                return corrupt("an index's knowledge dates do not match its entries");
            }
            sections.push((kind, order, known));
        }
        // Each kind is checked on its own core: the checks read the spans
        // in order of start, one cache miss per relation, which was most of
        // opening a large snapshot. Whether a relation was seen twice is
        // kept in shared bits.
        let seen: Vec<AtomicU64> = (0..relations.div_ceil(64))
            .map(|_| AtomicU64::new(0))
            .collect();
        let kinds = sections
            .into_par_iter()
            .map(|(kind, order, known)| read_kind(store, kind, &order, &known, &seen))
            .collect::<Decoded<Vec<KindIndex>>>()?;
        let all_seen = seen.iter().enumerate().all(|(word, bits)| {
            let wanted = (relations - 64 * word).min(64);
            bits.load(Ordering::Relaxed).count_ones() as usize == wanted
        });
        if !all_seen {
            return corrupt("the index misses relations");
        }
        let n = r.len(8)?;
        let mut disputes = Vec::with_capacity(n);
        for _ in 0..n {
            let relation: RelationIx = ix(r.u32()?)?;
            let day = r.date()?;
            let fits = relation.index() < relations
                && store.span(relation).is_disputed()
                && disputes.last().is_none_or(|&(last, _)| last < relation);
            if !fits {
                return corrupt("the index's disputes are out of order or range");
            }
            disputes.push((relation, day));
        }
        if disputes.len() != store.spans().filter(|s| s.is_disputed()).count() {
            return corrupt("the index misses disputed relations");
        }
        Ok(IntervalIndex { kinds, disputes })
    }

    /// The relations of `kind` whose first possible day is at most `day`,
    /// in order of start, each with its `possible_until`.
    ///
    /// # Complexity
    ///
    /// O(log n + m) for the m relations returned.
    pub(crate) fn started_by(
        &self,
        kind: RelationKind,
        day: Date,
        start_of: impl Fn(RelationIx) -> Date,
    ) -> impl Iterator<Item = (RelationIx, Date)> + '_ {
        let index = &self.kinds[kind as usize];
        let count = gallop(&index.order, |entry| start_of(entry.position()) <= day);
        index.order[..count]
            .iter()
            .zip(&index.ends)
            .map(|(entry, &end)| (entry.position(), end))
    }

    /// The relations of `kind` that possibly held on `day`, in order of
    /// start; `start_of` gives a relation's `possible_from`.
    ///
    /// # Complexity
    ///
    /// O((1 + m) log n) for m relations found among the n of that kind.
    pub(crate) fn possibly_on(
        &self,
        kind: RelationKind,
        day: Date,
        start_of: impl Fn(RelationIx) -> Date,
    ) -> Stabbing<'_> {
        // Events happen on days rather than hold over them; an event kind
        // is asked for by window instead, so its stabbing is empty.
        static NO_STATES: KindIndex = KindIndex {
            order: Vec::new(),
            ends: Vec::new(),
            known: Vec::new(),
            tree: Vec::new(),
            leaves: 0,
        };
        let index = if kind.is_event() {
            &NO_STATES
        } else {
            &self.kinds[kind as usize]
        };
        index.possibly_on(day, start_of, &self.disputes)
    }

    /// [`possibly_on`](Self::possibly_on) in parts of at most
    /// `part_blocks` blocks of 16 relations, to visit on several cores;
    /// nothing for an event kind.
    ///
    /// # Complexity
    ///
    /// As [`possibly_on`](Self::possibly_on), plus O(log n) per part.
    pub(crate) fn possibly_on_parts(
        &self,
        kind: RelationKind,
        day: Date,
        start_of: impl Fn(RelationIx) -> Date,
        part_blocks: usize,
    ) -> Vec<Stabbing<'_>> {
        if kind.is_event() {
            return Vec::new();
        }
        self.kinds[kind as usize]
            .possibly_on_parts(day, start_of, &self.disputes, part_blocks)
            .collect()
    }

    /// How many relations of `kind` possibly held on `day`: the length of
    /// [`possibly_on`](Self::possibly_on).
    ///
    /// # Complexity
    ///
    /// O(log n + c / 16 + m') for the c of the n relations that had begun,
    /// m' of them in blocks where some relation still held, over two cores.
    pub(crate) fn count_possibly_on(
        &self,
        kind: RelationKind,
        day: Date,
        start_of: impl Fn(RelationIx) -> Date,
    ) -> usize {
        if kind.is_event() {
            return 0;
        }
        self.kinds[kind as usize].count_possibly_on(day, start_of)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> Date {
        s.parse().unwrap()
    }

    fn tag(position: usize) -> Tagged {
        Tagged::new(RelationIx::new(position).unwrap(), false)
    }

    /// What the index finds on `d`, and what a scan of `entries` finds, sorted.
    fn found_and_expected(
        index: &KindIndex,
        entries: &[(Date, Date, Tagged, Date)],
        d: Date,
    ) -> (Vec<RelationIx>, Vec<RelationIx>) {
        let start_of = |position: RelationIx| {
            entries
                .iter()
                .find(|e| e.2.position::<RelationIx>() == position)
                .map_or(Date::MIN, |e| e.0)
        };
        let mut found: Vec<RelationIx> = index
            .possibly_on(d, start_of, &[])
            .map(|s| s.relation)
            .collect();
        found.sort();
        let mut expected: Vec<RelationIx> = entries
            .iter()
            .filter(|(s, e, _, _)| *s <= d && d < *e)
            .map(|e| e.2.position())
            .collect();
        expected.sort();
        (found, expected)
    }

    #[test]
    fn counting_equals_the_length_of_the_stabbing_on_one_core_and_two() {
        // Enough blocks that a wide day's count is split across cores.
        let n = 16 * PARALLEL_BLOCKS * 2;
        let mut state = 0x9e37_79b9_7f4a_7c15_u64;
        let mut next = move |bound: u32| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % u64::from(bound)) as u32
        };
        let base = day("1960-01-01").to_jiff();
        let at = |offset: u32| {
            let d = base
                .checked_add(jiff::Span::new().days(i64::from(offset)))
                .unwrap();
            Date::try_from(d).unwrap()
        };
        let entries: Vec<(Date, Date, Tagged, Date)> = (0..n)
            .map(|i| {
                let start = next(20_000);
                (at(start), at(start + 1 + next(4_000)), tag(i), Date::MIN)
            })
            .collect();
        let starts: Vec<Date> = entries.iter().map(|e| e.0).collect();
        let index = KindIndex::build(entries);
        for offset in [0, 50, 3_000, 10_000, 19_999, 30_000] {
            let d = at(offset);
            let start_of = |r: RelationIx| starts[r.index()];
            let stabbed = index.possibly_on(d, start_of, &[]).count();
            assert_eq!(index.count_possibly_on(d, start_of), stabbed, "{d}");
        }
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
        let entries: Vec<(Date, Date, Tagged, Date)> = intervals
            .iter()
            .enumerate()
            .map(|(i, (s, e))| (day(s), day(e), tag(i), Date::MIN))
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
        let entries: Vec<(Date, Date, Tagged, Date)> = (0..5000)
            .map(|i| {
                let start = draw(25_000);
                let length = 1 + draw(if i % 7 == 0 { 20_000 } else { 300 });
                (at(start), at(start + length), tag(i as usize), Date::MIN)
            })
            .collect();
        let index = KindIndex::build(entries.clone());
        for probe in (0..27_000).step_by(997) {
            let d = at(probe);
            let (found, expected) = found_and_expected(&index, &entries, d);
            assert_eq!(found, expected, "probe {probe}");
            // Cut into parts of every size, the stabbing is the same.
            let start_of = |r: RelationIx| entries[r.index()].0;
            let whole: Vec<RelationIx> = index
                .possibly_on(d, start_of, &[])
                .map(|s| s.relation)
                .collect();
            for part_blocks in [1, 2, 3, 7, 64, 1_000] {
                let parted: Vec<RelationIx> = index
                    .possibly_on_parts(d, start_of, &[], part_blocks)
                    .flat_map(|part| part.map(|s| s.relation))
                    .collect();
                assert_eq!(
                    parted, whole,
                    "probe {probe}, parts of {part_blocks} blocks"
                );
            }
        }
    }

    #[test]
    fn gallop_agrees_with_partition_point() {
        let starts: Vec<Date> = (1..=28).map(|d| Date::new(2000, 1, d).unwrap()).collect();
        for len in 0..starts.len() {
            for probe in 1..=28 {
                let d = Date::new(2000, 1, probe).unwrap();
                let slice = &starts[..len];
                assert_eq!(
                    gallop(slice, |s| s <= d),
                    slice.partition_point(|s| *s <= d)
                );
            }
            assert_eq!(gallop(&starts[..len], |s| s <= Date::MIN), 0);
        }
    }

    #[test]
    fn empty_index_finds_nothing() {
        let index = KindIndex::build(Vec::new());
        assert_eq!(
            index
                .possibly_on(day("2000-01-01"), |_| Date::MIN, &[])
                .count(),
            0
        );
    }
}
