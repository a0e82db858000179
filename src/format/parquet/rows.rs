//! Reading an unpartitioned Parquet export straight into the store: each
//! relation and its citations are read into one reused record, checked and
//! added, while a thread per table decodes the next batches. At a million
//! relations, turning the columns into owned records and dropping them
//! again cost more than decoding the files (issue 24), and this path makes
//! none.
//!
//! It takes the common case only: one `relations.parquet` whose citations
//! come grouped in the relations' order, as this crate writes them, with
//! nothing wrong. Anything else (a partitioned export, another order, a
//! problem) gives `None`, and the caller reads the export the ordinary way
//! ([`records`](super::records)), which builds the same graph or names
//! every problem.

use std::path::Path;
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};

use arrow_array::{Array, RecordBatch, StringArray};
use parquet::arrow::arrow_reader::ParquetRecordBatchReader;

use crate::base::error::Error;
use crate::base::model::Relation;
use crate::graph::ActorGraph;
use crate::load_rows::{Cited, Lookups};
use crate::store::ix::{QuoteIx, SourceIx};

use super::table::{
    CITATION_COLUMNS, CitationColumns, RELATION_COLUMNS, RelationColumns, Table, Texts,
    blank_citation, open_by_group, read_head, table_path,
};

/// The citation columns read as dictionaries: each source and quote is
/// looked up once in each row group it appears in (whose batches share
/// its dictionary), where a million relations cite them two million
/// times; each stance is named once a batch.
const KEYED: [&str; 3] = ["source", "quote", "stance"];

/// The relation columns read as dictionaries: the kinds, each named once
/// a batch rather than once a relation.
const KEYED_RELATIONS: [&str; 1] = ["kind"];

/// Batches decoded ahead of the one being read, per table: enough to keep
/// the decoding threads busy while the sources and actors are read, before
/// the first relation is (the other core is otherwise idle then), few
/// enough that memory stays a few batches, not a table.
const AHEAD: usize = 4;

/// The graph of the export in `dir`, or `None` when this path does not
/// take it (see the module's documentation).
pub(super) fn read_dir(dir: &Path) -> Option<ActorGraph> {
    let relations_path = dir.join("relations.parquet");
    if !relations_path.is_file() {
        return None;
    }
    let citations_path = table_path(dir, "citations.parquet").ok()?;
    // Each table a row group at a time, so that each batch keeps its
    // file's dictionaries.
    let (relations, relation_count) =
        open_by_group(&relations_path, Some(&RELATION_COLUMNS), &KEYED_RELATIONS).ok()?;
    let (citations, citation_count) =
        open_by_group(&citations_path, Some(&CITATION_COLUMNS), &KEYED).ok()?;
    std::thread::scope(|scope| {
        // Every end is looked up among the actors read when checked.
        let mut relations = Cursor::new(decode_ahead(scope, relations), &relations_path, |t| {
            RelationColumns::of(t, None).map(RelationColumns::ends_looked_up)
        });
        let mut citations = Cursor::new(
            decode_ahead(scope, citations),
            &citations_path,
            CitationColumns::of,
        );
        let head = read_head(dir).ok()?;
        let counts = (relation_count, citation_count);
        let mut found = Found::default();
        let graph = ActorGraph::from_rows(head, counts, |relation, lookups, cited| {
            next_relation(
                &mut relations,
                &mut citations,
                (&mut found, lookups),
                relation,
                cited,
            )
        })?;
        // Citations of no relation read (which the ordinary path drops),
        // or fewer rows than the files' footers promise: not this path's.
        let whole = !citations.advance()? && graph.relation_count() == relation_count;
        whole.then_some(graph)
    })
}

/// A decoded batch, or word that the file could not be decoded further.
type Decoded = Result<RecordBatch, ()>;

/// Decodes the batches of `readers`, one after the other, on a thread of
/// their own, handing them over through a channel of [`AHEAD`] places; it
/// stops after the first error (a reader that could not be made, or a
/// batch that could not be decoded), which it hands over too (so that a
/// truncated file is not taken for a short one), or when the receiver is
/// dropped.
fn decode_ahead<'scope>(
    scope: &'scope std::thread::Scope<'scope, '_>,
    readers: impl IntoIterator<Item = Result<ParquetRecordBatchReader, Error>, IntoIter: Send> + 'scope,
) -> Receiver<Decoded> {
    let (sender, receiver): (SyncSender<Decoded>, _) = sync_channel(AHEAD);
    let readers = readers.into_iter();
    scope.spawn(move || {
        for reader in readers {
            let Ok(reader) = reader else {
                let _ = sender.send(Err(()));
                return;
            };
            for batch in reader {
                let failed = batch.is_err();
                if sender.send(batch.map_err(|_| ())).is_err() || failed {
                    return;
                }
            }
        }
    });
    receiver
}

/// The columns of the batch being read of one table, and the next row.
struct Cursor<'p, C> {
    batches: Receiver<Decoded>,
    path: &'p Path,
    columns_of: fn(&Table<'p, '_>) -> Result<C, Error>,
    columns: Option<C>,
    rows: usize,
    row: usize,
}

impl<'p, C> Cursor<'p, C> {
    fn new(
        batches: Receiver<Decoded>,
        path: &'p Path,
        columns_of: fn(&Table<'p, '_>) -> Result<C, Error>,
    ) -> Cursor<'p, C> {
        Cursor {
            batches,
            path,
            columns_of,
            columns: None,
            rows: 0,
            row: 0,
        }
    }

    /// Takes the next batch when this one is read, so that `columns`
    /// holds the next row: true if there is one, false after the last
    /// row, `None` when a batch could not be decoded or lacks a column
    /// (which the ordinary path will name).
    fn advance(&mut self) -> Option<bool> {
        while self.columns.is_none() || self.row >= self.rows {
            // The decoding thread hangs up after the last batch.
            let Ok(batch) = self.batches.recv() else {
                return Some(false);
            };
            let batch = batch.ok()?;
            let table = Table {
                path: self.path,
                batch: &batch,
            };
            self.columns = Some((self.columns_of)(&table).ok()?);
            (self.rows, self.row) = (batch.num_rows(), 0);
        }
        Some(true)
    }
}

/// What the keys of the citations' dictionaries were found to be:
/// `found[key]`, filled as keys are met, and kept while the batches share
/// their dictionary (the batches of one row group do).
#[derive(Default)]
struct Found {
    sources: Keys<SourceIx>,
    quotes: Keys<QuoteIx>,
}

/// What each key of one dictionary was found to be.
struct Keys<T> {
    /// The dictionary: held, so that its buffers stay where they are and
    /// the next batch's can be told to be the same ones by address.
    of: Option<StringArray>,
    found: Vec<Option<T>>,
}

impl<T> Default for Keys<T> {
    fn default() -> Keys<T> {
        Keys {
            of: None,
            found: Vec::new(),
        }
    }
}

impl<T> Keys<T> {
    /// Forgets what was found when `column` keys into another dictionary.
    fn follow(&mut self, column: &Texts) {
        let now = column.dictionary();
        // Arrow's buffers do not change once made: the same buffers (which
        // `of` keeps from being freed and reused) hold the same texts.
        let same = matches!((&self.of, now), (Some(held), Some(now))
            if held.len() == now.len()
                && held.values().as_ptr() == now.values().as_ptr()
                && held.value_offsets().as_ptr() == now.value_offsets().as_ptr());
        if !same {
            self.of = now.cloned();
            self.found.clear();
        }
    }
}

/// Row `row` of `column` found by `look`: once a dictionary key, kept in
/// `found`; every row for a plain column.
fn find<T: Copy>(
    column: &Texts,
    row: usize,
    found: &mut Keys<T>,
    look: impl FnOnce(&str) -> Option<T>,
) -> Option<T> {
    let found = &mut found.found;
    let Some(key) = column.key(row) else {
        return look(column.get(row)?);
    };
    if found.len() < column.value_count() {
        found.resize(column.value_count(), None);
    }
    let slot = found.get_mut(key)?;
    if slot.is_none() {
        *slot = Some(look(column.value(key)?)?);
    }
    *slot
}

/// The next relation and its citations into `relation`, and their sources
/// and quotes into `cited`: `Some(false)` after the last one, `None` when
/// a row cannot be read or a source or quote breaks a rule.
fn next_relation(
    relations: &mut Cursor<'_, RelationColumns<'_>>,
    citations: &mut Cursor<'_, CitationColumns<'_>>,
    (found, lookups): (&mut Found, &mut Lookups<'_, '_>),
    relation: &mut Relation,
    cited: &mut Cited,
) -> Option<bool> {
    if !relations.advance()? {
        return Some(false);
    }
    let columns = relations.columns.as_ref()?;
    columns.fill(relations.row, relation).ok()?;
    relations.row += 1;
    // Its citations are the rows that name it, next in their table, and
    // may run on into the next batch.
    let mut count = 0;
    while citations.advance()? {
        let columns = citations.columns.as_ref()?;
        found.sources.follow(columns.sources());
        found.quotes.follow(columns.quotes());
        let mut row = citations.row;
        while row < citations.rows && columns.relation(row).ok()? == relation.id.as_str() {
            if count == relation.citations.len() {
                relation.citations.push(blank_citation());
            }
            columns
                .fill_voice(row, &mut relation.citations[count])
                .ok()?;
            let source = find(columns.sources(), row, &mut found.sources, |id| {
                lookups.source(id)
            })?;
            let quote = find(columns.quotes(), row, &mut found.quotes, |text| {
                lookups.quote(text)
            })?;
            cited.sources.push(source);
            cited.quotes.push(quote);
            count += 1;
            row += 1;
        }
        let runs_on = row == citations.rows;
        citations.row = row;
        if !runs_on {
            break;
        }
    }
    relation.citations.truncate(count);
    Some(true)
}
