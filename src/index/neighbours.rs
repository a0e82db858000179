//! The neighbourhood index: every actor's relations in one contiguous run
//! per direction, grouped by kind, for the neighbourhood queries of a view
//! (`backers_of`, `linking`, chains) to read as a slice.
//!
//! petgraph, which the store used to hold relations in, keeps each actor's
//! edges as a linked list threaded through the edge array: reading a hub's
//! backers meant one dependent random access per edge, over edges of every
//! kind, and its time depended on where the allocator had put the array
//! (0.65 ms in one process, 3.9 ms in another, same data). The store now
//! keeps no lists of its own, and every view reads an actor's relations
//! here. Here the hub's backs-relations of one direction are one
//! run of positions found by two binary searches; the spans they point at
//! are read in ascending position, independent loads the processor can
//! overlap.
//!
//! A run holds positions only, not the interval bounds beside them: with
//! two entries per relation, bounds would cost 16 more bytes a relation,
//! where the memory budget of the graph allows about 4 (see
//! `BENCHMARKS.md`, issue 28). The index costs 8 bytes a relation and 8 an
//! actor: what petgraph's lists cost before the store gave them up.

use crate::base::model::{Direction, RelationKind};
use crate::store::Store;
use crate::store::ix::{ActorIx, Ix, RelationIx};

/// Each actor's relations by direction, each run sorted by kind, then by
/// position.
#[derive(Clone, Debug, Default)]
pub(crate) struct NeighbourIndex {
    /// The run of actor `a` in direction `d` (0 outgoing, 1 incoming) is
    /// `entries[starts[2a + d]..starts[2a + d + 1]]`.
    starts: Vec<u32>,
    /// Relation positions, twice each: at the subject's outgoing run and
    /// at the object's incoming run.
    entries: Vec<RelationIx>,
}

fn slot(actor: ActorIx, direction: Direction) -> usize {
    2 * actor.index() + usize::from(direction == Direction::Incoming)
}

impl NeighbourIndex {
    /// Builds over every relation of `store`.
    ///
    /// # Complexity
    ///
    /// O(R + A) for R relations among A actors: two counting sorts, by
    /// kind and then by actor, each stable, so runs come out sorted by
    /// kind and position without comparing anything.
    pub(crate) fn build(store: &Store) -> NeighbourIndex {
        let relations = store.relation_count();
        // Relation positions by kind, in order of position within a kind.
        let mut kind_starts = [0usize; RelationKind::ALL.len() + 1];
        for span in store.spans() {
            kind_starts[span.kind as usize + 1] += 1;
        }
        for k in 1..kind_starts.len() {
            kind_starts[k] += kind_starts[k - 1];
        }
        let mut by_kind = vec![RelationIx::new_unchecked(0); relations];
        for (relation, span) in store.relation_positions().zip(store.spans()) {
            let at = &mut kind_starts[span.kind as usize];
            by_kind[*at] = relation;
            *at += 1;
        }
        // Run lengths, then their starts.
        let mut starts = vec![0u32; 2 * store.actor_count() + 1];
        for relation in store.relation_positions() {
            let (subject, object) = store.ends(relation);
            starts[slot(subject, Direction::Outgoing) + 1] += 1;
            starts[slot(object, Direction::Incoming) + 1] += 1;
        }
        for s in 1..starts.len() {
            starts[s] += starts[s - 1];
        }
        // Filling each run in order of kind leaves it sorted by kind, then
        // by position.
        let mut fill: Vec<u32> = starts[..starts.len() - 1].to_vec();
        let mut entries = vec![RelationIx::new_unchecked(0); 2 * relations];
        for relation in by_kind {
            let (subject, object) = store.ends(relation);
            for at in [
                slot(subject, Direction::Outgoing),
                slot(object, Direction::Incoming),
            ] {
                entries[fill[at] as usize] = relation;
                fill[at] += 1;
            }
        }
        NeighbourIndex { starts, entries }
    }

    /// Every relation at `actor` in `direction`, sorted by kind, then by
    /// position.
    #[inline]
    pub(crate) fn run(&self, actor: ActorIx, direction: Direction) -> &[RelationIx] {
        let at = slot(actor, direction);
        match (self.starts.get(at), self.starts.get(at + 1)) {
            (Some(&start), Some(&end)) => &self.entries[start as usize..end as usize],
            _ => &[],
        }
    }

    /// The relations of `kind` at `actor` in `direction`, by position.
    ///
    /// # Complexity
    ///
    /// O(log d) for an actor with d relations in that direction.
    #[inline]
    pub(crate) fn of_kind<'a>(
        &'a self,
        store: &Store,
        actor: ActorIx,
        direction: Direction,
        kind: RelationKind,
    ) -> &'a [RelationIx] {
        let run = self.run(actor, direction);
        let kind = kind as usize;
        let kind_of = |r: &RelationIx| store.span(*r).kind as usize;
        let first = run.partition_point(|r| kind_of(r) < kind);
        let end = first + run[first..].partition_point(|r| kind_of(r) == kind);
        &run[first..end]
    }

    /// Every relation at `actor` in `direction`, latest position first:
    /// the order of the adjacency lists this index replaced, which answers
    /// listing an actor's relations keep.
    ///
    /// # Complexity
    ///
    /// O(k log d) to split the run of d relations into its k kinds, then
    /// O(k) per relation.
    pub(crate) fn newest_first<'a>(
        &'a self,
        store: &Store,
        actor: ActorIx,
        direction: Direction,
    ) -> Latest<'a> {
        let mut run = self.run(actor, direction);
        let mut runs = Vec::new();
        while let Some(&first) = run.first() {
            let kind = store.span(first).kind as usize;
            let end = run.partition_point(|r| store.span(*r).kind as usize <= kind);
            let (same, rest) = run.split_at(end);
            runs.push(same);
            run = rest;
        }
        Latest::new(runs)
    }
}

/// The relations of several runs (one per kind) merged into one order,
/// latest position first: the order petgraph's edge lists gave, which the
/// view's neighbourhood queries keep.
pub(crate) struct Latest<'a> {
    runs: Vec<&'a [RelationIx]>,
}

impl<'a> Latest<'a> {
    /// Merges `runs`, each sorted by position.
    pub(crate) fn new(runs: impl IntoIterator<Item = &'a [RelationIx]>) -> Latest<'a> {
        Latest {
            runs: runs.into_iter().filter(|r| !r.is_empty()).collect(),
        }
    }
}

impl Iterator for Latest<'_> {
    type Item = RelationIx;

    #[inline]
    fn next(&mut self) -> Option<RelationIx> {
        // Few runs (one per kind asked), so a scan for the latest beats a heap.
        let (which, _) = self
            .runs
            .iter()
            .enumerate()
            .filter_map(|(i, run)| run.last().map(|last| (i, *last)))
            .max_by_key(|&(_, last)| last)?;
        let run = &mut self.runs[which];
        let (&last, rest) = run.split_last()?;
        *run = rest;
        Some(last)
    }
}
