//! Building a graph from relations read one at a time, on two cores: a
//! load that never gathers a [`Dataset`] of owned records, which at a
//! million relations cost more than reading the relations did (issue 24).
//!
//! A reader thread fills records it reuses (and their strings' room),
//! a chunk of them at a time, and checks each against the sources and
//! actors; this thread adds the checked chunks to the store and hands the
//! chunks back to be filled again. Checking needs only the sources and
//! actors, adding only the store, so the two never wait on each other
//! except for a chunk.

use std::sync::mpsc::{Receiver, SyncSender, sync_channel};

use crate::base::model::{Dataset, Relation};
use crate::graph::{ActorGraph, Slack};
use crate::store::Store;
use crate::store::ix::{ActorIx, SourceIx};
use crate::validate;

/// Relations in a chunk: enough that handing a chunk over costs nothing
/// next to filling it, few enough to stay in cache.
const CHUNK: usize = 2048;

/// Relations filled and checked, their ends and their citations' sources.
#[derive(Default)]
struct Chunk {
    relations: Vec<Relation>,
    /// How many of `relations` were filled this time round.
    filled: usize,
    ends: Vec<(ActorIx, ActorIx)>,
    sources: Vec<SourceIx>,
}

/// What the reader thread hands over.
enum Handed {
    Chunk(Chunk),
    /// Every relation was read, and each was handed over.
    End,
    /// A relation could not be read, or broke a rule.
    Failed,
}

impl ActorGraph {
    /// Builds a graph from the sources and actors of `head`, then from
    /// relations that `next` reads one at a time into a record it may find
    /// filled before (whose strings' room it should reuse): true when it
    /// filled the record, false after the last relation, `None` when it
    /// cannot read one. `counts` (relations, citations) sizes the tables.
    ///
    /// `None` whenever the dataset would not be taken whole by
    /// [`from_dataset`](Self::from_dataset): a problem, an id given twice
    /// (which the ordinary path takes when both are identical), an
    /// unreadable row. The caller then takes the ordinary path, which
    /// builds the same graph or names every problem, so this one need
    /// not. The checks are the ordinary path's, a relation at a time
    /// ([`validate::RelationCheck`]), then deaths once all are in.
    pub(crate) fn from_rows(
        head: Dataset,
        counts: (usize, usize),
        next: impl FnMut(&mut Relation) -> Option<bool> + Send,
    ) -> Option<ActorGraph> {
        let empty = Store::default();
        let plan = validate::check(&empty, 0, &head).ok()?;
        let rows = validate::RelationCheck::new(&empty, &head, &plan);
        let mut graph = ActorGraph::new();
        graph.apply(head, plan, Slack::Keep).ok()?;
        graph.store.reserve_rows(counts.0, counts.1);
        let (filled_tx, filled_rx) = sync_channel(2);
        let (spare_tx, spare_rx) = sync_channel(3);
        for _ in 0..3 {
            spare_tx.send(Chunk::default()).ok()?;
        }
        let added = std::thread::scope(|scope| {
            scope.spawn(move || fill_chunks(rows, next, &spare_rx, &filled_tx));
            // Both ends are moved in, so that returning early hangs up:
            // a reader still filling then stops at its next chunk.
            add_chunks(&mut graph.store, filled_rx, spare_tx)
        });
        added?;
        validate::check_held_deaths(&graph.store).ok()?;
        graph.names.shrink_to_fit();
        graph.search_index.shrink_to_fit();
        graph.store.shrink_to_fit();
        Some(graph)
    }
}

/// The reader thread: fills spare chunks with relations from `next`,
/// checks each, and hands them over, until the last relation or the
/// first failure; stops early if the adding side hangs up.
fn fill_chunks(
    mut rows: validate::RelationCheck<'_>,
    mut next: impl FnMut(&mut Relation) -> Option<bool>,
    spare: &Receiver<Chunk>,
    filled: &SyncSender<Handed>,
) {
    loop {
        let Ok(mut chunk) = spare.recv() else { return };
        chunk.filled = 0;
        chunk.ends.clear();
        chunk.sources.clear();
        let mut done = false;
        while chunk.filled < CHUNK {
            if chunk.filled == chunk.relations.len() {
                chunk.relations.push(Relation::blank());
            }
            let relation = &mut chunk.relations[chunk.filled];
            let checked = match next(relation) {
                Some(true) => rows.check(relation),
                Some(false) => {
                    done = true;
                    break;
                }
                None => None,
            };
            let Some((ends, sources)) = checked else {
                let _ = filled.send(Handed::Failed);
                return;
            };
            chunk.ends.push(ends);
            chunk.sources.extend_from_slice(sources);
            chunk.filled += 1;
        }
        if filled.send(Handed::Chunk(chunk)).is_err() {
            return;
        }
        if done {
            let _ = filled.send(Handed::End);
            return;
        }
    }
}

/// This thread: adds each chunk handed over to `store`, in order, and
/// hands it back; `None` if the reader failed or a relation cannot be
/// added (an id given twice, a count past its limit).
fn add_chunks(store: &mut Store, filled: Receiver<Handed>, spare: SyncSender<Chunk>) -> Option<()> {
    loop {
        let chunk = match filled.recv().ok()? {
            Handed::Chunk(chunk) => chunk,
            Handed::End => return Some(()),
            Handed::Failed => return None,
        };
        let mut sources = chunk.sources.as_slice();
        for (relation, &(subject, object)) in
            chunk.relations[..chunk.filled].iter().zip(&chunk.ends)
        {
            let (cited, rest) = sources.split_at_checked(relation.citations.len())?;
            sources = rest;
            // An id given twice: the ordinary path takes it if both are
            // identical. Looked up on this side, which has time to spare.
            if store.relation_ix(relation.id.as_str()).is_some() {
                return None;
            }
            store.push_relation(relation, subject, object, cited).ok()?;
        }
        // The reader may have stopped; the chunk is then not needed.
        let _ = spare.send(chunk);
    }
}
