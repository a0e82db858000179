//! Building a graph from relations read one at a time, on two cores: a
//! load that never gathers a [`Dataset`] of owned records, which at a
//! million relations cost more than reading the relations did (issue 24).
//!
//! A reader thread fills records it reuses (and their strings' room),
//! a chunk of them at a time, with their citations' sources and quotes
//! looked up; this thread checks each against the sources and actors, adds
//! it to the store and hands the chunk back to be filled again. The two
//! never wait on each other except for a chunk.

use std::sync::mpsc::{Receiver, SyncSender, sync_channel};

use crate::base::model::{Dataset, Relation};
use crate::graph::{ActorGraph, Slack};
use crate::store::Store;
use crate::store::interner::Interner;
use crate::store::ix::{QuoteIx, SourceIx};
use crate::validate;

/// Relations in a chunk: enough that handing a chunk over costs nothing
/// next to filling it, few enough to stay in cache.
const CHUNK: usize = 2048;

/// Relations filled, and their citations' sources and quotes' numbers.
#[derive(Default)]
struct Chunk {
    relations: Vec<Relation>,
    /// How many of `relations` were filled this time round.
    filled: usize,
    cited: Cited,
}

/// What a reader gives for a relation's citations besides the record,
/// in their order: each one's source, and its quote's number. The record's
/// citations need not hold either.
#[derive(Default)]
pub(crate) struct Cited {
    pub(crate) sources: Vec<SourceIx>,
    pub(crate) quotes: Vec<QuoteIx>,
}

impl Cited {
    fn clear(&mut self) {
        self.sources.clear();
        self.quotes.clear();
    }
}

/// The lookups a reader makes for its citations: once for every value a
/// column's dictionary holds, say, rather than once a row.
pub(crate) struct Lookups<'c, 'a> {
    check: &'c validate::RelationCheck<'a>,
    quotes: &'c mut Interner<QuoteIx>,
}

impl Lookups<'_, '_> {
    /// The source of id `id`, if the sources read hold it.
    pub(crate) fn source(&self, id: &str) -> Option<SourceIx> {
        self.check.source(id)
    }

    /// The number of quote `text`, interned; `None` for a blank quote
    /// (which breaks a rule) or when the quotes are full.
    pub(crate) fn quote(&mut self, text: &str) -> Option<QuoteIx> {
        if text.trim().is_empty() {
            return None;
        }
        self.quotes.intern(text)
    }
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
    /// cannot read one. It gives each citation's source and quote in
    /// [`Cited`], found through [`Lookups`] (the record's citations may
    /// leave both empty). `counts` (relations, citations) sizes the tables.
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
        next: impl FnMut(&mut Relation, &mut Lookups<'_, '_>, &mut Cited) -> Option<bool> + Send,
    ) -> Option<ActorGraph> {
        let empty = Store::default();
        let plan = validate::check(&empty, 0, &head).ok()?;
        let rows = validate::RelationCheck::new(&empty, &head, &plan);
        let mut graph = ActorGraph::new();
        graph.apply(head, plan, Slack::Keep).ok()?;
        // The ids are checked all at once when all are in, by the sort
        // that lookups by id need anyway.
        graph.store.unindex_relation_ids();
        graph.store.reserve_rows(counts.0, counts.1);
        // The reader interns the quotes, so that it can do so once for each
        // it meets; the store has them back once all are in.
        let mut quotes = graph.store.lend_quotes();
        let (filled_tx, filled_rx) = sync_channel(2);
        let (spare_tx, spare_rx) = sync_channel(3);
        for _ in 0..3 {
            spare_tx.send(Chunk::default()).ok()?;
        }
        let (lent, check) = (&mut quotes, &rows);
        let added = std::thread::scope(|scope| {
            scope.spawn(move || fill_chunks(check, lent, next, &spare_rx, &filled_tx));
            // Both ends are moved in, so that returning early hangs up:
            // a reader still filling then stops at its next chunk.
            add_chunks(&mut graph.store, check, filled_rx, spare_tx)
        });
        graph.store.return_quotes(quotes);
        added?;
        graph.store.index_relation_ids().then_some(())?;
        validate::check_held_deaths(&graph.store).ok()?;
        graph.shrink_name_indexes();
        graph.store.shrink_to_fit();
        Some(graph)
    }
}

/// The reader thread: fills spare chunks with relations from `next`
/// and hands them over, until the last relation or the first failure;
/// stops early if the adding side hangs up.
fn fill_chunks(
    rows: &validate::RelationCheck<'_>,
    quotes: &mut Interner<QuoteIx>,
    mut next: impl FnMut(&mut Relation, &mut Lookups<'_, '_>, &mut Cited) -> Option<bool>,
    spare: &Receiver<Chunk>,
    filled: &SyncSender<Handed>,
) {
    let mut cited = Cited::default();
    loop {
        let Ok(mut chunk) = spare.recv() else { return };
        chunk.filled = 0;
        chunk.cited.clear();
        let mut done = false;
        while chunk.filled < CHUNK {
            if chunk.filled == chunk.relations.len() {
                chunk.relations.push(Relation::blank());
            }
            let relation = &mut chunk.relations[chunk.filled];
            cited.clear();
            let mut lookups = Lookups {
                check: rows,
                quotes,
            };
            let read = match next(relation, &mut lookups, &mut cited) {
                // A reader that gave a source or quote too few or too many
                // is not taken at its word.
                Some(true) => {
                    cited.sources.len() == relation.citations.len()
                        && cited.quotes.len() == relation.citations.len()
                }
                Some(false) => {
                    done = true;
                    break;
                }
                None => false,
            };
            if !read {
                let _ = filled.send(Handed::Failed);
                return;
            }
            chunk.cited.sources.extend_from_slice(&cited.sources);
            chunk.cited.quotes.extend_from_slice(&cited.quotes);
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

/// This thread: checks the relations of each chunk handed over, adds them
/// to `store`, in order, and hands the chunk back; `None` if the reader
/// failed or a relation breaks a rule or cannot be added (a count past its
/// limit). The checks are made here, not as the reader fills, so that the
/// two cores share the work about evenly: filling a relation from its
/// columns costs about what checking and adding it do together.
fn add_chunks(
    store: &mut Store,
    rows: &validate::RelationCheck<'_>,
    filled: Receiver<Handed>,
    spare: SyncSender<Chunk>,
) -> Option<()> {
    let mut found = Vec::with_capacity(CHUNK);
    loop {
        let chunk = match filled.recv().ok()? {
            Handed::Chunk(chunk) => chunk,
            Handed::End => return Some(()),
            Handed::Failed => return None,
        };
        let (mut sources, mut quotes) = (
            chunk.cited.sources.as_slice(),
            chunk.cited.quotes.as_slice(),
        );
        let relations = &chunk.relations[..chunk.filled];
        rows.find_ends(relations, &mut found);
        for (relation, &ends) in relations.iter().zip(&found) {
            let (subject, object) = rows.check_resolved(relation, ends)?;
            let count = relation.citations.len();
            let (cited, rest) = sources.split_at_checked(count)?;
            sources = rest;
            let (quoted, rest) = quotes.split_at_checked(count)?;
            quotes = rest;
            // An id given twice, which the ordinary path takes if both are
            // identical, is found when the ids are indexed after the last.
            store
                .push_relation(relation, subject, object, cited, Some(quoted))
                .ok()?;
        }
        // The reader may have stopped; the chunk is then not needed.
        let _ = spare.send(chunk);
    }
}
