//! The export tables as a directory of Parquet files, for the engines that
//! scale past one machine (Spark, Trino) or past memory (DuckDB), and read
//! back as a graph.
//!
//! A directory holds `actors.parquet`, `citations.parquet`,
//! `sources.parquet` and the relations: `relations.parquet`, or with a
//! [`Partition`] a Hive-partitioned `relations/` folder
//! (`relations/kind=backs/part-0.parquet`, or `relations/year=2024/...`)
//! that engines prune by the key. The columns are those of
//! [`arrow`](crate::arrow); a `kind` partition keeps the kind in the
//! folder name only, as Hive does.
//!
//! # Example
//!
//! ```
//! use actorgraph::{ActorGraph, export::Scope, parquet::{self, Partition}};
//!
//! let graph = ActorGraph::embedded()?;
//! let dir = std::env::temp_dir().join(format!("actorgraph-doc-{}", std::process::id()));
//! parquet::write_dir(Scope::Whole(&graph), &Default::default(), Partition::Kind, &dir)?;
//! assert_eq!(ActorGraph::from_path(&dir)?, graph);
//! # std::fs::remove_dir_all(&dir).ok();
//! # Ok::<(), actorgraph::Error>(())
//! ```

use std::collections::BTreeMap;
use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::{LockResult, Mutex, PoisonError, TryLockError};

use arrow_array::cast::AsArray;
use arrow_array::{Array, ArrayRef, RecordBatch};
use parquet::arrow::ArrowWriter;
use parquet::arrow::arrow_writer::{ArrowColumnChunk, ArrowRowGroupWriterFactory, compute_leaves};
use parquet::basic::Compression;
use parquet::file::properties::{EnabledStatistics, WriterProperties};
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::types::ColumnPath;
use rayon::prelude::*;

use crate::base::error::Error;
use crate::graph::ActorGraph;

use super::arrow::{
    ArrowTables, Numbered, SchemaRef, Texts, actors_of, actors_schema, citations_of,
    citations_schema, in_data_order, relations_of, relations_schema, sources_of, sources_schema,
    tables,
};
use super::shared::{ExportOptions, Scope, select};
use crate::view::RelationRef;

mod records;
mod rows;
mod table;

use table::invalid;

/// How the relations table is split into folders.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Partition {
    /// One `relations.parquet` file.
    #[default]
    None,
    /// `relations/kind=backs/part-0.parquet`: a query on some kinds reads
    /// only their files.
    Kind,
    /// `relations/year=2024/part-0.parquet`, by the year of `holds_from`
    /// (`year=0` for a relation with an open start): a query on a day
    /// still reads every year up to it, but a time-sliced job splits
    /// naturally.
    Year,
}

/// Writes the scope's tables as Parquet files (Snappy-compressed) into a
/// new directory `dir`.
///
/// The files are written into a temporary sibling directory first and
/// renamed into place once all are complete, so `dir` never holds half an
/// export. An existing `dir` is replaced only if it is empty or an earlier
/// export (it holds `actors.parquet`); anything else is left alone and
/// refused.
///
/// # Errors
///
/// An [`Io`](crate::ErrorKind::Io) error naming the path that could not be
/// written, or `dir` when it exists and is not an export.
pub fn write_dir(
    scope: Scope<'_>,
    options: &ExportOptions,
    partition: Partition,
    dir: &Path,
) -> Result<(), Error> {
    match partition {
        // The common case streams: the tables are built and encoded a run
        // of relations at a time, never whole.
        Partition::None => into_place(dir, |temporary| write_runs(scope, options, temporary)),
        _ => write_tables(&tables(scope, options)?, partition, dir),
    }
}

/// Writes tables made by [`arrow::tables`](crate::arrow::tables), as [`write_dir`].
///
/// # Errors
///
/// As [`write_dir`].
pub fn write_tables(tables: &ArrowTables, partition: Partition, dir: &Path) -> Result<(), Error> {
    into_place(dir, |temporary| write_into(tables, partition, temporary))
}

/// Runs `write` on a temporary sibling of `dir`, then renames it to
/// `dir`: nothing half-written is ever at `dir`.
fn into_place(dir: &Path, write: impl FnOnce(&Path) -> Result<(), Error>) -> Result<(), Error> {
    if dir.exists() && !replaceable(dir) {
        return Err(invalid(
            dir,
            "exists and is not an actorgraph Parquet export; give a new directory",
        ));
    }
    let name = dir
        .file_name()
        .ok_or_else(|| invalid(dir, "has no directory name"))?;
    let parent = match dir.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let temporary = parent.join(format!(
        ".{}.partial-{}",
        name.to_string_lossy(),
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&temporary);
    // A folder that cannot be made is named as the user gave it, not by
    // the temporary name beside it.
    let written = std::fs::create_dir_all(&temporary)
        .map_err(|e| Error::io_writing(dir, e))
        .and_then(|()| write(&temporary))
        .and_then(|()| {
            if dir.exists() {
                std::fs::remove_dir_all(dir).map_err(|e| Error::io_writing(dir, e))?;
            }
            std::fs::rename(&temporary, dir).map_err(|e| Error::io_writing(dir, e))
        });
    if written.is_err() {
        let _ = std::fs::remove_dir_all(&temporary);
    }
    written
}

fn replaceable(dir: &Path) -> bool {
    dir.is_dir()
        && (dir.join("actors.parquet").is_file()
            || std::fs::read_dir(dir).is_ok_and(|mut entries| entries.next().is_none()))
}

fn write_into(tables: &ArrowTables, partition: Partition, dir: &Path) -> Result<(), Error> {
    // Cloning a batch shares its columns.
    let mut files = vec![
        (dir.join("actors.parquet"), tables.actors.clone()),
        (dir.join("citations.parquet"), tables.citations.clone()),
        (dir.join("sources.parquet"), tables.sources.clone()),
    ];
    files.extend(relation_parts(&tables.relations, partition, dir)?);
    write_files(&files)
}

fn create_dir(dir: &Path) -> Result<(), Error> {
    std::fs::create_dir_all(dir).map_err(|e| Error::io_writing(dir, e))
}

/// The relations table's files: one, or one per partition (whose folders
/// are made here).
fn relation_parts(
    relations: &RecordBatch,
    partition: Partition,
    dir: &Path,
) -> Result<Vec<(PathBuf, RecordBatch)>, Error> {
    let key: Vec<String> = match partition {
        Partition::None => return Ok(vec![(dir.join("relations.parquet"), relations.clone())]),
        Partition::Kind => relations
            .column_by_name("kind")
            .ok_or_else(|| Error::serialize_message("parquet", "no kind column".into()))?
            .as_string::<i32>()
            .iter()
            .map(|k| format!("kind={}", k.unwrap_or_default()))
            .collect(),
        Partition::Year => {
            let from = relations
                .column_by_name("holds_from")
                .map(|c| c.as_primitive::<arrow_array::types::Date32Type>().clone());
            (0..relations.num_rows())
                .map(|i| match &from {
                    Some(from) if from.is_valid(i) => format!("year={}", year_of(from.value(i))),
                    _ => "year=0".to_owned(),
                })
                .collect()
        }
    };
    // Rows by partition, each partition in dataset order.
    let mut rows: BTreeMap<&str, Vec<u32>> = BTreeMap::new();
    for (i, k) in key.iter().enumerate() {
        // An export holds under 2^32 relations: the store numbers them in u32.
        rows.entry(k).or_default().push(i as u32);
    }
    let kept = match partition {
        Partition::Kind => without_column(relations, "kind"),
        _ => relations.clone(),
    };
    // The folder is made even with no relation to put in it, so that an
    // export of a graph without relations still reads back (it once said
    // it held neither `relations.parquet` nor `relations/`).
    create_dir(&dir.join("relations"))?;
    let mut parts = Vec::with_capacity(rows.len());
    for (folder, indices) in rows {
        let folder = dir.join("relations").join(folder);
        create_dir(&folder)?;
        parts.push((folder.join("part-0.parquet"), take(&kept, &indices)?));
    }
    Ok(parts)
}

/// The proleptic Gregorian year of a `date32` day (Hinnant's civil-from-days).
fn year_of(days: i32) -> i32 {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    yoe + era * 400 + i32::from(month <= 2)
}

fn without_column(batch: &RecordBatch, name: &str) -> RecordBatch {
    let mut batch = batch.clone();
    if let Ok(i) = batch.schema().index_of(name) {
        batch.remove_column(i);
    }
    batch
}

/// The rows at `indices`, in their order.
fn take(batch: &RecordBatch, indices: &[u32]) -> Result<RecordBatch, Error> {
    let indices = arrow_array::UInt32Array::from(indices.to_vec());
    arrow_select::take::take_record_batch(batch, &indices)
        .map_err(|e| Error::serialize("parquet", e))
}

/// The columns whose values repeat often enough for a dictionary to pay:
/// few distinct values (kinds, precisions, stances, grades, claimants,
/// publishers) or long ones cited again and again (quotes, and the
/// sources they come from).
const REPEATED: [&str; 12] = [
    "kind",
    "from_precision",
    "until_precision",
    "stance",
    "grade",
    "reliability",
    "credibility",
    "claimed_by",
    "source",
    "quote",
    "publisher",
    "died",
];

/// The columns a query filters by range: the days.
const DAYS: [&str; 6] = [
    "holds_from",
    "holds_until",
    "certain_from",
    "certain_until",
    "published_first",
    "published_last",
];

/// How every file is written. Snappy, as Spark writes by default and
/// every engine reads. A dictionary only on the [`REPEATED`] columns: on
/// ids, actor ids and dates as written (thousands of distinct values a
/// row group), hashing every value into a table that large was the
/// largest single cost of the export; written plain, with Snappy finding
/// the repeats, the relations file is larger but written faster. Page statistics
/// (minimum, maximum, nulls) only on the days, which as-of queries
/// filter by and engines prune pages and row groups with; on text they
/// cost a comparison of every value and prune nothing, since ids and
/// kinds are spread over every page.
fn properties() -> WriterProperties {
    let mut builder = WriterProperties::builder()
        .set_compression(Compression::SNAPPY)
        .set_dictionary_enabled(false)
        .set_statistics_enabled(EnabledStatistics::None);
    for name in REPEATED {
        builder = builder.set_column_dictionary_enabled(ColumnPath::from(name), true);
    }
    for name in DAYS {
        builder =
            builder.set_column_statistics_enabled(ColumnPath::from(name), EnabledStatistics::Page);
    }
    builder.build()
}

/// Rows per row group: at least eight runs for the two cores to share (a
/// million relations make eight row groups of 125 000, about what DuckDB
/// itself writes), never runs so short that an engine reading them pays
/// more for row groups than for rows.
fn run_length(rows: usize) -> usize {
    rows.div_ceil(8).clamp(16 * 1024, 128 * 1024)
}

/// Relations built into Arrow at a time within a row group: their
/// columns (about a megabyte) stay in cache while they are encoded.
const PART: usize = 8 * 1024;

/// One file being written. Row groups are encoded on both cores in any
/// order and handed in as they are done; each is written as soon as the
/// groups before it are, so that the writing overlaps the encoding
/// instead of following it.
struct Output {
    path: PathBuf,
    schema: SchemaRef,
    factory: ArrowRowGroupWriterFactory,
    /// The file, and the number of the row group it takes next.
    file: Mutex<(SerializedFileWriter<io::BufWriter<File>>, usize)>,
    /// Row groups handed in before their turn.
    waiting: Mutex<BTreeMap<usize, Vec<ArrowColumnChunk>>>,
}

impl Output {
    fn create(
        path: PathBuf,
        schema: SchemaRef,
        properties: &WriterProperties,
    ) -> Result<Output, Error> {
        let file = File::create(&path).map_err(|e| Error::io_writing(&path, e))?;
        let (writer, factory) = ArrowWriter::try_new(
            io::BufWriter::with_capacity(1 << 20, file),
            schema.clone(),
            Some(properties.clone()),
        )
        .and_then(ArrowWriter::into_serialized_writer)
        .map_err(parquet_error(&path))?;
        Ok(Output {
            path,
            schema,
            factory,
            file: Mutex::new((writer, 0)),
            waiting: Mutex::new(BTreeMap::new()),
        })
    }

    /// Hands in row group `group`, and writes every group whose turn has
    /// come, unless another thread is writing this file: that thread, or
    /// the next to hand a group in, or [`finish`](Self::finish), writes
    /// it then.
    fn hand_in(&self, group: usize, chunks: Vec<ArrowColumnChunk>) -> Result<(), Error> {
        unpoisoned(self.waiting.lock()).insert(group, chunks);
        let mut file = match self.file.try_lock() {
            Ok(file) => file,
            Err(TryLockError::WouldBlock) => return Ok(()),
            Err(TryLockError::Poisoned(file)) => file.into_inner(),
        };
        let (writer, next) = &mut *file;
        loop {
            let Some(chunks) = unpoisoned(self.waiting.lock()).remove(next) else {
                return Ok(());
            };
            write_group(&self.path, writer, chunks)?;
            *next += 1;
        }
    }

    /// Writes the row groups still waiting, in order, and closes the file.
    fn finish(self) -> Result<(), Error> {
        let Output {
            path,
            file,
            waiting,
            ..
        } = self;
        let (mut writer, _) = unpoisoned(file.into_inner());
        for chunks in unpoisoned(waiting.into_inner()).into_values() {
            write_group(&path, &mut writer, chunks)?;
        }
        writer.close().map_err(parquet_error(&path))?;
        Ok(())
    }

    /// Encodes `rows` as row group `group` and [hands it in](Self::hand_in).
    fn encode(&self, group: usize, rows: &RecordBatch) -> Result<(), Error> {
        self.encode_parts(group, [Ok(rows.columns().to_vec())])
    }

    /// Encodes the columns of `parts`, one part after the other, as row
    /// group `group`, and [hands it in](Self::hand_in): each part is
    /// built, encoded and dropped before the next is built, so that a row
    /// group of a hundred thousand rows is made from buffers that stay in
    /// cache and are reused, not from columns of its full length. A text column may come as a dictionary
    /// of texts, which is written as the texts it stands for.
    fn encode_parts(
        &self,
        group: usize,
        parts: impl IntoIterator<Item = Result<Vec<ArrayRef>, Error>>,
    ) -> Result<(), Error> {
        let failed = parquet_error(&self.path);
        let mut writers = self.factory.create_column_writers(group).map_err(&failed)?;
        for part in parts {
            let columns = part?;
            let mut next = writers.iter_mut();
            for (field, column) in self.schema.fields().iter().zip(&columns) {
                for leaf in compute_leaves(field, column).map_err(&failed)? {
                    next.next()
                        .ok_or_else(|| {
                            Error::serialize_message(
                                "parquet",
                                "a column without its writer".into(),
                            )
                        })?
                        .write(&leaf)
                        .map_err(&failed)?;
                }
            }
        }
        let chunks = writers
            .into_iter()
            .map(|writer| writer.close().map_err(&failed))
            .collect::<Result<_, Error>>()?;
        self.hand_in(group, chunks)
    }
}

/// Writes one row group's column chunks, in order, to the file at `path`.
fn write_group(
    path: &Path,
    writer: &mut SerializedFileWriter<io::BufWriter<File>>,
    chunks: Vec<ArrowColumnChunk>,
) -> Result<(), Error> {
    let failed = parquet_error(path);
    let mut row_group = writer.next_row_group().map_err(&failed)?;
    for chunk in chunks {
        chunk.append_to_row_group(&mut row_group).map_err(&failed)?;
    }
    row_group.close().map_err(&failed)?;
    Ok(())
}

/// What a lock guards, even if a thread panicked holding it: the export
/// then fails anyway, and the files are removed.
fn unpoisoned<T>(locked: LockResult<T>) -> T {
    locked.unwrap_or_else(PoisonError::into_inner)
}

fn parquet_error(path: &Path) -> impl Fn(parquet::errors::ParquetError) -> Error + use<> {
    let path = path.to_path_buf();
    move |e| Error::io_writing(&path, io::Error::other(e))
}

/// The unpartitioned export, streamed: the relations are cut into runs;
/// a run's relation rows, and its citation rows, are each a task that
/// builds and encodes them a part at a time, while they are in cache; the
/// two cores share the tasks, and each file takes its runs as row groups,
/// in order, each as soon as the ones before it are written. The tables
/// are never held whole in Arrow, and only the row groups encoded ahead
/// of their turn are held as encoded pages.
fn write_runs(scope: Scope<'_>, options: &ExportOptions, dir: &Path) -> Result<(), Error> {
    let (selection, numbered) =
        rayon::join(|| select(scope, options), || Numbered::of(scope.graph()));
    let in_order = in_data_order(scope);
    let texts = Texts::Keyed(&numbered);
    let properties = properties();
    let create = |name: &str, schema| Output::create(dir.join(name), schema, &properties);
    let actors = create("actors.parquet", actors_schema())?;
    let relations = create("relations.parquet", relations_schema())?;
    let citations = create("citations.parquet", citations_schema())?;
    let sources = create("sources.parquet", sources_schema())?;
    let runs: Vec<&[RelationRef<'_>]> = selection
        .relations
        .chunks(run_length(selection.relations.len()))
        .collect();
    // Task 0 and 1 are the small tables; then, for each run, its relations
    // and its citations.
    (0..2 + 2 * runs.len())
        .into_par_iter()
        .try_for_each(|task| match task {
            0 => actors.encode(0, &actors_of(&selection)?),
            1 => sources.encode(0, &sources_of(scope)?),
            _ => {
                let run = (task - 2) / 2;
                if task % 2 == 0 {
                    let parts = runs[run].chunks(PART).map(|part| relations_of(part, texts));
                    relations.encode_parts(run, parts)
                } else {
                    let parts = runs[run]
                        .chunks(PART)
                        .map(|part| citations_of(part, in_order, Some(&numbered)));
                    citations.encode_parts(run, parts)
                }
            }
        })?;
    vec![actors, relations, citations, sources]
        .into_par_iter()
        .try_for_each(Output::finish)
}

/// Writes each batch to its file, in row groups of [`run_length`] rows:
/// each row group of each file is a task of its own on both cores, as
/// the runs of [`write_runs`] are.
fn write_files(files: &[(PathBuf, RecordBatch)]) -> Result<(), Error> {
    let properties = properties();
    let outputs = files
        .iter()
        .map(|(path, batch)| Output::create(path.clone(), batch.schema(), &properties))
        .collect::<Result<Vec<_>, Error>>()?;
    let tasks: Vec<(usize, usize, usize)> = files
        .iter()
        .enumerate()
        .flat_map(|(file, (_, batch))| {
            let rows = run_length(batch.num_rows());
            (0..batch.num_rows().div_ceil(rows)).map(move |group| (file, group, rows))
        })
        .collect();
    tasks.into_par_iter().try_for_each(|(file, group, rows)| {
        let batch = &files[file].1;
        let start = group * rows;
        let part = batch.slice(start, rows.min(batch.num_rows() - start));
        outputs[file].encode(group, &part)
    })?;
    outputs.into_par_iter().try_for_each(Output::finish)
}

/// Reads a Parquet export back as a graph: straight into the store when
/// the export is one this crate wrote whole and nothing in it is wrong,
/// else the ordinary way, which takes any export and names every problem.
pub(crate) fn read_dir(dir: &Path) -> Result<ActorGraph, Error> {
    match rows::read_dir(dir) {
        Some(graph) => Ok(graph),
        None => records::read_dir(dir),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::arrow::epoch_days;

    #[test]
    fn year_of_inverts_epoch_days() {
        for text in [
            "0001-01-01",
            "1969-12-31",
            "1970-01-01",
            "2000-02-29",
            "2024-01-01",
            "2200-12-31",
        ] {
            let day: crate::Date = text.parse().unwrap();
            assert_eq!(year_of(epoch_days(day)), i32::from(day.year()), "{text}");
        }
    }

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("actorgraph-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        dir
    }

    /// Rewrites a table as another writer would, with `properties`.
    fn rewrite(path: &Path, properties: WriterProperties) {
        let batches = table::read_file(path).unwrap();
        let file = File::create(path).unwrap();
        let mut writer = ArrowWriter::try_new(file, batches[0].schema(), Some(properties)).unwrap();
        for batch in &batches {
            writer.write(batch).unwrap();
        }
        writer.close().unwrap();
    }

    /// The streamed path must not quietly give way to the ordinary one for
    /// the exports it is for, or a test of equal graphs would pass while
    /// the fast path had stopped working.
    #[test]
    fn the_streamed_read_takes_an_unpartitioned_export_however_its_tables_are_written() {
        let graph = ActorGraph::embedded().unwrap();
        let dir = scratch("streamed");
        let export = |partition| {
            write_dir(Scope::Whole(&graph), &Default::default(), partition, &dir).unwrap();
        };
        export(Partition::None);
        assert!(rows::read_dir(&dir) == Some(graph.clone()));
        // Every column plain, as a writer that makes no dictionaries would.
        let plain = || {
            WriterProperties::builder()
                .set_dictionary_enabled(false)
                .build()
        };
        rewrite(&dir.join("citations.parquet"), plain());
        rewrite(&dir.join("relations.parquet"), plain());
        assert!(rows::read_dir(&dir) == Some(graph.clone()));
        export(Partition::None);
        // Row groups of a few rows, each with its own dictionaries: the
        // citations of one relation, and the relations themselves, run on
        // from one row group into the next.
        let small = || {
            WriterProperties::builder()
                .set_max_row_group_row_count(Some(7))
                .build()
        };
        rewrite(&dir.join("citations.parquet"), small());
        rewrite(&dir.join("relations.parquet"), small());
        assert!(rows::read_dir(&dir) == Some(graph.clone()));
        export(Partition::Kind);
        assert!(rows::read_dir(&dir).is_none());
        assert!(read_dir(&dir).unwrap() == graph);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
