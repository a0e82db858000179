//! Importing the field's datasets and any spreadsheet into a graph.
//!
//! Every importer takes the same path: rows in, a batch of sources,
//! actors and relations out, added to the graph through the same
//! validation as every dataset, all or nothing, with an [`ImportReport`]
//! an analyst reads before trusting it. The [`Preset`]s read the published
//! layouts of ACLED, the UCDP Actor and External Support datasets and
//! Mapping Militant Organizations (each module names the codebook it
//! follows); [`Preset::Table`] reads any CSV or TSV with a [`Mapping`].
//!
//! Incoming actors are matched to the graph's, never merged silently: an
//! earlier row's actor of the same key or name; else the [`Aliases`] file;
//! else the graph's one actor whose id, name or spelling variant the name
//! is (listed in the report with how it matched); else a new actor. A
//! name that fits several actors is a rejected row listing them, unless
//! [`ImportOptions::new_when_ambiguous`] makes it a new actor, reported.
//!
//! A row that cannot be read (a date that is not one, a missing cell, an
//! unknown kind, invalid UTF-8, a cell too many) is rejected with its file,
//! line, column and the rule it breaks; unless
//! [`ImportOptions::skip_bad_rows`] is set, nothing is added then. Every
//! row read becomes items, is rejected, or is reported as giving nothing.
//!
//! # Example
//!
//! ```
//! use actorgraph::ActorGraph;
//! use actorgraph::import::{Importer, ImportOptions, Preset};
//!
//! let mmp = "unique_id,type,group1_id,group2_id,date,description,group1_name,group2_name\n\
//!            1,all,10,20,2014-05-00,The Red Front and the Blue Brigade announced an alliance.,Red Front,Blue Brigade\n\
//!            2,riv,10,20,2016-00-00,The Red Front turned on the Blue Brigade.,Red Front,Blue Brigade\n";
//! let mut graph = ActorGraph::new();
//! let mut importer = Importer::new(&graph, Preset::Mmp, ImportOptions::default());
//! importer.read_text("relationships.csv", mmp)?;
//! let prepared = importer.finish()?;
//! let report = prepared.add_to(&mut graph)?;
//! assert_eq!(report.relation_count(), 2);
//! // The alliance ends when the rivalry begins, by the project's rule.
//! let alliance = graph.relation("mmp_1").unwrap();
//! assert_eq!(alliance.interval().to_string(), "2014-05 to 2016");
//! # Ok::<(), actorgraph::Error>(())
//! ```

mod acled;
mod aliases;
mod batch;
mod dates;
mod mapping;
mod mmp;
mod report;
mod rows;
mod slug;
mod table;
mod ucdp_actors;
mod ucdp_esd;

use std::path::{Path, PathBuf};

use crate::base::error::Error;
use crate::base::rejected::RejectedRow;
use crate::graph::ActorGraph;

pub use acled::ACLED_LAYOUT;
pub use aliases::Aliases;
pub use dates::DateFormat;
pub use mapping::Mapping;
pub use report::{ActorMatch, AmbiguousActor, EmptyRow, ImportReport, Matched};

use batch::Batch;
use rows::{Dialect, Row, RowFault};

/// A citation that supports, in the source's own voice: what every row
/// of a dataset gives (the dataset names no other claimant).
pub(crate) fn supporting(
    source: crate::base::id::SourceId,
    quote: String,
) -> crate::base::model::Citation {
    crate::base::model::Citation {
        source,
        quote,
        stance: crate::base::model::Stance::Supports,
        claimed_by: None,
        credibility: None,
        acknowledged: Vec::new(),
    }
}

/// What a row gave.
pub(crate) enum Outcome {
    /// Items, added to the batch.
    Items,
    /// Nothing, for the reason given, by the dataset's own rules.
    Empty(String),
    /// Held until every row is read ([`RowReader::finish`] makes them).
    Deferred,
}

/// A dataset's reading of its rows.
pub(crate) trait RowReader {
    /// The columns the header must have.
    fn columns(&self) -> Vec<&str>;
    /// How a file's cells are separated, when the reading says otherwise
    /// than the file's name.
    fn dialect(&self, _path: &Path, default: Dialect) -> Dialect {
        default
    }
    /// Called before each file's rows.
    fn begin_file(&mut self, _path: &Path) {}
    /// Reads one row into the batch.
    fn row(&mut self, row: &Row<'_>, batch: &mut Batch<'_>) -> Result<Outcome, RowFault>;
    /// Makes what deferred rows hold, once every file is read; returns the
    /// rows that then fail.
    fn finish(&mut self, _batch: &mut Batch<'_>) -> Vec<(PathBuf, u64, RowFault)> {
        Vec::new()
    }
}

/// Which reading of the rows an import uses.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub enum Preset {
    /// ACLED event exports: see the module `acled`'s notes in the README.
    Acled,
    /// The UCDP Actor Dataset.
    UcdpActors,
    /// The UCDP External Support Dataset (actor-year layout).
    UcdpEsd,
    /// Mapping Militant Organizations relationships.
    Mmp,
    /// Any table, read by a [`Mapping`].
    Table(Box<Mapping>),
}

impl Preset {
    /// The preset a command-line name stands for: `acled`, `ucdp-actors`,
    /// `ucdp-esd`, `mmp` (`table` needs a mapping: [`Preset::Table`]).
    ///
    /// # Errors
    ///
    /// An [`InvalidArgument`](crate::ErrorKind::InvalidArgument) error for
    /// another name.
    pub fn named(name: &str) -> Result<Preset, Error> {
        Ok(match name {
            "acled" => Preset::Acled,
            "ucdp-actors" => Preset::UcdpActors,
            "ucdp-esd" => Preset::UcdpEsd,
            "mmp" => Preset::Mmp,
            other => {
                return Err(Error::invalid_argument(
                    "preset",
                    format!(
                        "{other:?} is not a preset: acled, ucdp-actors, ucdp-esd, mmp, or table with a mapping"
                    ),
                ));
            }
        })
    }
}

/// How an import treats what it cannot settle by itself.
#[derive(Clone, Debug, Default)]
pub struct ImportOptions {
    /// The user's table of incoming names and ids to actors.
    pub aliases: Aliases,
    /// Add the good rows when some are rejected (the report still lists
    /// the rejected ones); by default a rejected row stops the import.
    pub skip_bad_rows: bool,
    /// Make a name that fits several actors a new actor (reported) rather
    /// than a rejected row.
    pub new_when_ambiguous: bool,
    /// The dataset's version, cited on every item when given ("ACLED
    /// 2024-12-06 export", "18.1").
    pub version: Option<String>,
}

/// An import under way: files read one after another onto one batch.
pub struct Importer<'g> {
    reader: Box<dyn RowReader + 'g>,
    batch: Batch<'g>,
    skip_bad_rows: bool,
    rejected_total: usize,
}

/// The rejected rows an error or report lists at most.
const MAX_LISTED: usize = 1000;

impl<'g> Importer<'g> {
    /// Starts an import whose actors are resolved against `graph`.
    pub fn new(graph: &'g ActorGraph, preset: Preset, options: ImportOptions) -> Importer<'g> {
        let ImportOptions {
            aliases,
            skip_bad_rows,
            new_when_ambiguous,
            version,
        } = options;
        let reader: Box<dyn RowReader> = match preset {
            Preset::Acled => Box::new(acled::Acled { version }),
            Preset::UcdpActors => Box::new(ucdp_actors::UcdpActors),
            Preset::UcdpEsd => Box::new(ucdp_esd::UcdpEsd { version }),
            Preset::Mmp => Box::new(mmp::Mmp {
                version,
                links: Vec::new(),
                path: PathBuf::new(),
            }),
            Preset::Table(mapping) => Box::new(table::Table::new(*mapping, version)),
        };
        Importer {
            reader,
            batch: Batch::new(graph, aliases, new_when_ambiguous),
            skip_bad_rows,
            rejected_total: 0,
        }
    }

    /// Reads a file: CSV, or TSV for a `.tsv` or `.tab` name.
    ///
    /// # Errors
    ///
    /// An I/O error naming the path, or a
    /// [`RejectedRows`](crate::ErrorKind::RejectedRows) error when the
    /// header lacks a column the preset reads. Rows that cannot be read are
    /// not errors here: [`Importer::finish`] reports them.
    pub fn read_path(&mut self, path: impl AsRef<Path>) -> Result<u64, Error> {
        let path = path.as_ref();
        let file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
        if file.metadata().is_ok_and(|m| m.is_dir()) {
            return Err(Error::io(
                path,
                std::io::Error::new(std::io::ErrorKind::InvalidInput, "a directory, not a table"),
            ));
        }
        self.read(
            path,
            std::io::BufReader::with_capacity(1 << 16, file),
            Dialect::for_path(path),
        )
    }

    /// Reads a table held in memory, named `name` in what is reported.
    ///
    /// # Errors
    ///
    /// As [`Importer::read_path`].
    pub fn read_text(&mut self, name: &str, text: &str) -> Result<u64, Error> {
        let path = Path::new(name);
        self.read(path, text.as_bytes(), Dialect::for_path(path))
    }

    fn read(
        &mut self,
        path: &Path,
        input: impl std::io::Read,
        dialect: Dialect,
    ) -> Result<u64, Error> {
        self.reader.begin_file(path);
        let dialect = self.reader.dialect(path, dialect);
        let columns: Vec<String> = self
            .reader
            .columns()
            .into_iter()
            .map(str::to_owned)
            .collect();
        let columns: Vec<&str> = columns.iter().map(String::as_str).collect();
        let reader = &mut self.reader;
        let batch = &mut self.batch;
        let mut rejected = Vec::new();
        let mut empty = Vec::new();
        let rows = rows::read_table(
            path,
            input,
            dialect,
            &columns,
            |_, row| {
                let mark = batch.mark();
                match reader.row(row, batch) {
                    Ok(Outcome::Empty(reason)) => {
                        batch.commit();
                        empty.push((row.line, reason));
                        Ok(())
                    }
                    Ok(_) => {
                        batch.commit();
                        Ok(())
                    }
                    Err(fault) => {
                        batch.rollback(mark);
                        Err(fault)
                    }
                }
            },
            &mut |row| rejected.push(row),
        )?;
        self.batch.report.rows_read += rows;
        for (line, reason) in empty {
            self.batch.report.empty.push(EmptyRow { line, reason });
        }
        for row in rejected {
            self.reject(row);
        }
        Ok(rows)
    }

    fn reject(&mut self, row: RejectedRow) {
        self.rejected_total += 1;
        if self.batch.report.rejected.len() < MAX_LISTED {
            self.batch.report.rejected.push(row);
        }
    }

    /// Ends the reading: makes what waited for every row, and says whether
    /// the batch can be added.
    ///
    /// # Errors
    ///
    /// A [`RejectedRows`](crate::ErrorKind::RejectedRows) error listing
    /// the rejected rows, unless the import skips them.
    pub fn finish(mut self) -> Result<Prepared, Error> {
        for (path, line, fault) in self.reader.finish(&mut self.batch) {
            self.reject(RejectedRow::new(&path, line, fault.column, fault.rule));
        }
        if self.rejected_total > 0 && !self.skip_bad_rows {
            return Err(Error::rejected(
                std::mem::take(&mut self.batch.report.rejected),
                self.rejected_total,
            ));
        }
        let mut report = std::mem::take(&mut self.batch.report);
        let dataset = std::mem::take(&mut self.batch.dataset);
        for actor in &dataset.actors {
            *report.new_actors.entry(actor.kind).or_default() += 1;
        }
        for relation in &dataset.relations {
            *report.relations.entry(relation.kind).or_default() += 1;
        }
        report.sources = dataset.sources.len();
        Ok(Prepared { dataset, report })
    }
}

/// Imports `paths` onto `graph` with `preset`, all or nothing: the files of
/// a [`Mapping`] are read in its order of tables (sources and actors before
/// the relations that name them), then every row's items are added, or
/// none.
///
/// # Errors
///
/// As [`Importer::read_path`], [`Importer::finish`] (a
/// [`RejectedRows`](crate::ErrorKind::RejectedRows) error unless
/// `skip_bad_rows`) and [`Prepared::add_to`]; the graph is then unchanged.
///
/// # Example
///
/// ```no_run
/// use actorgraph::ActorGraph;
/// use actorgraph::import::{ImportOptions, Preset, import_paths};
///
/// let mut graph = ActorGraph::embedded()?;
/// let report = import_paths(&mut graph, Preset::Acled, &["acled_export.csv"], ImportOptions::default())?;
/// println!("{report}");
/// # Ok::<(), actorgraph::Error>(())
/// ```
pub fn import_paths(
    graph: &mut ActorGraph,
    preset: Preset,
    paths: &[impl AsRef<Path>],
    options: ImportOptions,
) -> Result<ImportReport, Error> {
    let mut paths: Vec<&Path> = paths.iter().map(AsRef::as_ref).collect();
    if let Preset::Table(mapping) = &preset {
        paths.sort_by_key(|p| mapping.order_of(p));
    }
    let prepared = {
        let mut importer = Importer::new(graph, preset, options);
        for path in paths {
            importer.read_path(path)?;
        }
        importer.finish()?
    };
    prepared.add_to(graph)
}

/// An import read whole and ready to add.
#[derive(Debug)]
pub struct Prepared {
    dataset: crate::base::model::Dataset,
    report: ImportReport,
}

impl Prepared {
    /// The items the import will add.
    pub fn dataset(&self) -> &crate::base::model::Dataset {
        &self.dataset
    }

    /// The report so far (what was read and made).
    pub fn report(&self) -> &ImportReport {
        &self.report
    }

    /// The items, as a dataset of their own, and the report: for a graph
    /// of the imported files alone ([`ActorGraph::from_dataset`]).
    pub fn into_parts(self) -> (crate::base::model::Dataset, ImportReport) {
        (self.dataset, self.report)
    }

    /// Adds the items to `graph`, all or nothing, through the validation
    /// every dataset goes through. Items the graph holds already,
    /// identical, are skipped and counted.
    ///
    /// # Errors
    ///
    /// An [`Invalid`](crate::ErrorKind::Invalid) error listing every
    /// problem; the graph is then unchanged.
    pub fn add_to(self, graph: &mut ActorGraph) -> Result<ImportReport, Error> {
        let Prepared {
            dataset,
            mut report,
        } = self;
        report.already_held = dataset
            .relations
            .iter()
            .filter(|r| graph.relation(r.id.as_str()).is_ok())
            .count()
            + dataset
                .sources
                .iter()
                .filter(|s| graph.source(s.id.as_str()).is_some())
                .count();
        graph.extend(dataset)?;
        Ok(report)
    }
}
