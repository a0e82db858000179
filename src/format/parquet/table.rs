//! Reading the tables of a Parquet export: files, their columns checked
//! by name and type, and one row at a time into the crate's records.

use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::LazyLock;

use std::sync::Arc;

use arrow_array::cast::AsArray;
use arrow_array::types::Int32Type;
use arrow_array::{
    Array, BooleanArray, Int32Array, ListArray, RecordBatch, StringArray, UInt8Array,
};
use arrow_schema::{DataType, Field, Schema};
use hashbrown::HashMap;
use parquet::arrow::ProjectionMask;
use parquet::arrow::arrow_reader::{
    ArrowReaderMetadata, ArrowReaderOptions, ParquetRecordBatchReader,
    ParquetRecordBatchReaderBuilder,
};

use crate::base::date::When;
use crate::base::error::Error;
use crate::base::grade::Credibility;
use crate::base::id::{ActorId, SourceId, check_slug};
use crate::base::model::{
    Actor, ActorKind, Citation, Claimant, Dataset, Relation, RelationKind, Source, Stance,
};

/// An error about `path`: it is not what was expected, for `reason`.
pub(super) fn invalid(path: &Path, reason: impl Into<String>) -> Error {
    Error::io(
        path,
        io::Error::new(io::ErrorKind::InvalidData, reason.into()),
    )
}

/// The batches of one Parquet file, with only the named columns decoded
/// (all of them when `columns` is `None`), and its row count. The text
/// columns named in `keyed` are read as dictionaries ([`Texts::Keyed`]):
/// where the file stores a column dictionary-encoded, as the export does
/// its sources and quotes, its values are then decoded once a row group,
/// not copied out once a row.
fn open(
    path: &Path,
    columns: Option<&[&str]>,
    keyed: &[&str],
) -> Result<(ParquetRecordBatchReader, usize), Error> {
    let opened = Opened::new(path, keyed)?;
    Ok((opened.reader(columns, None)?, opened.rows()))
}

/// As [`open`], with a reader for each row group in turn, each made when
/// it is reached (a file may hold thousands of row groups): no batch then
/// spans two row groups. Each row group has a dictionary of its own, and
/// a batch across two would have them merged again value by value, which
/// costs a keyed column more than reading its values plain.
pub(super) fn open_by_group<'p>(
    path: &'p Path,
    columns: Option<&'p [&'p str]>,
    keyed: &[&str],
) -> Result<
    (
        impl Iterator<Item = Result<ParquetRecordBatchReader, Error>> + 'p,
        usize,
    ),
    Error,
> {
    let opened = Opened::new(path, keyed)?;
    let rows = opened.rows();
    let groups = opened.metadata.metadata().num_row_groups();
    let readers = (0..groups).map(move |group| opened.reader(columns, Some(group)));
    Ok((readers, rows))
}

/// A Parquet file whose footer is read, with the columns named as keyed
/// to be read as dictionaries.
struct Opened<'p> {
    path: &'p Path,
    file: File,
    metadata: ArrowReaderMetadata,
}

impl<'p> Opened<'p> {
    fn new(path: &'p Path, keyed: &[&str]) -> Result<Opened<'p>, Error> {
        let file = File::open(path).map_err(|e| Error::io(path, e))?;
        let mut metadata = ArrowReaderMetadata::load(&file, ArrowReaderOptions::new())
            .map_err(|e| not_parquet(path, e))?;
        if !keyed.is_empty() {
            let schema = metadata.schema();
            let fields: Vec<Field> = schema
                .fields()
                .iter()
                .map(|field| {
                    let keyed = keyed.contains(&field.name().as_str())
                        && field.data_type() == &DataType::Utf8;
                    let field = field.as_ref().clone();
                    if keyed {
                        let dictionary = DataType::Dictionary(
                            Box::new(DataType::Int32),
                            Box::new(DataType::Utf8),
                        );
                        field.with_data_type(dictionary)
                    } else {
                        field
                    }
                })
                .collect();
            let hinted = Arc::new(Schema::new_with_metadata(fields, schema.metadata().clone()));
            let options = ArrowReaderOptions::new().with_schema(hinted);
            metadata = ArrowReaderMetadata::try_new(Arc::clone(metadata.metadata()), options)
                .map_err(|e| not_parquet(path, e))?;
        }
        Ok(Opened {
            path,
            file,
            metadata,
        })
    }

    fn rows(&self) -> usize {
        usize::try_from(self.metadata.metadata().file_metadata().num_rows()).unwrap_or(0)
    }

    /// A reader of the named columns, of row group `group` or of all.
    fn reader(
        &self,
        columns: Option<&[&str]>,
        group: Option<usize>,
    ) -> Result<ParquetRecordBatchReader, Error> {
        let file = self.file.try_clone().map_err(|e| Error::io(self.path, e))?;
        let builder =
            ParquetRecordBatchReaderBuilder::new_with_metadata(file, self.metadata.clone());
        let builder = match columns {
            Some(names) => {
                let mask = ProjectionMask::columns(builder.parquet_schema(), names.iter().copied());
                builder.with_projection(mask)
            }
            None => builder,
        };
        let builder = match group {
            Some(group) => builder.with_row_groups(vec![group]),
            None => builder,
        };
        builder
            .with_batch_size(64 * 1024)
            .build()
            .map_err(|e| not_parquet(self.path, e))
    }
}

fn not_parquet(path: &Path, e: impl std::fmt::Display) -> Error {
    invalid(path, format!("not a readable Parquet file ({e})"))
}

/// Reads every batch of one Parquet file.
pub(super) fn read_file(path: &Path) -> Result<Vec<RecordBatch>, Error> {
    let (reader, _) = open(path, None, &[])?;
    reader
        .map(|b| b.map_err(|e| not_parquet(path, e)))
        .collect()
}

/// One table's columns by name, each checked for its type.
pub(super) struct Table<'a, 'b> {
    pub(super) path: &'a Path,
    pub(super) batch: &'b RecordBatch,
}

impl<'a, 'b> Table<'a, 'b> {
    fn column(&self, name: &str, wanted: &DataType) -> Result<&'b dyn Array, Error> {
        let column = self
            .batch
            .column_by_name(name)
            .ok_or_else(|| invalid(self.path, format!("has no column `{name}`")))?;
        if column.data_type() != wanted {
            return Err(invalid(
                self.path,
                format!("column `{name}` is {}, not {wanted}", column.data_type()),
            ));
        }
        Ok(column.as_ref())
    }

    fn text(&self, name: &str) -> Result<&'b StringArray, Error> {
        Ok(self.column(name, &DataType::Utf8)?.as_string::<i32>())
    }

    fn flag(&self, name: &str) -> Result<&'b BooleanArray, Error> {
        Ok(self.column(name, &DataType::Boolean)?.as_boolean())
    }

    /// A column of text, held apart from the batch (a few shared buffers).
    fn text_owned(&self, name: &str) -> Result<StringArray, Error> {
        self.text(name).cloned()
    }

    /// A column of text, plain or read as a dictionary.
    fn texts(&self, name: &str) -> Result<Texts, Error> {
        let column = self
            .batch
            .column_by_name(name)
            .ok_or_else(|| invalid(self.path, format!("has no column `{name}`")))?;
        Texts::of(column.as_ref()).ok_or_else(|| {
            invalid(
                self.path,
                format!("column `{name}` is {}, not text", column.data_type()),
            )
        })
    }

    fn flag_owned(&self, name: &str) -> Result<BooleanArray, Error> {
        self.flag(name).cloned()
    }

    /// The table's file, to name in errors about its cells.
    pub(super) fn cells(&self) -> Cells<'a> {
        Cells { path: self.path }
    }
}

/// A column of text, plain or as a dictionary: keys into a few values
/// that many rows share.
#[derive(Clone)]
pub(super) enum Texts {
    Plain(StringArray),
    Keyed {
        keys: Int32Array,
        values: StringArray,
    },
}

impl Texts {
    fn of(column: &dyn Array) -> Option<Texts> {
        match column.data_type() {
            DataType::Utf8 => Some(Texts::Plain(column.as_string::<i32>().clone())),
            DataType::Dictionary(key, value)
                if **key == DataType::Int32 && **value == DataType::Utf8 =>
            {
                let column = column.as_dictionary::<Int32Type>();
                Some(Texts::Keyed {
                    keys: column.keys().clone(),
                    values: column.values().as_string_opt::<i32>()?.clone(),
                })
            }
            _ => None,
        }
    }

    /// Row `row`'s text, `None` when empty (null), or when its key is past
    /// the dictionary (a broken file, which a required cell reports).
    pub(super) fn get(&self, row: usize) -> Option<&str> {
        match self {
            Texts::Plain(text) => optional(text, row),
            Texts::Keyed { .. } => self.value(self.key(row)?),
        }
    }

    /// Row `row`'s key when the column is a dictionary and the row not
    /// empty: rows of one key hold one text, [`value`](Self::value).
    pub(super) fn key(&self, row: usize) -> Option<usize> {
        match self {
            Texts::Plain(_) => None,
            Texts::Keyed { keys, .. } => {
                if row < keys.len() && keys.is_valid(row) {
                    usize::try_from(keys.value(row)).ok()
                } else {
                    None
                }
            }
        }
    }

    /// The dictionary the column's keys point into; none for a plain
    /// column.
    pub(super) fn dictionary(&self) -> Option<&StringArray> {
        match self {
            Texts::Plain(_) => None,
            Texts::Keyed { values, .. } => Some(values),
        }
    }

    /// How many values the dictionary holds (none for a plain column).
    pub(super) fn value_count(&self) -> usize {
        match self {
            Texts::Plain(_) => 0,
            Texts::Keyed { values, .. } => values.len(),
        }
    }

    /// The dictionary's value of key `key`, `None` when there is none.
    pub(super) fn value(&self, key: usize) -> Option<&str> {
        match self {
            Texts::Plain(_) => None,
            Texts::Keyed { values, .. } => {
                (key < values.len() && values.is_valid(key)).then(|| values.value(key))
            }
        }
    }
}

/// A column naming one of a few values (relation kinds, stances), each
/// row read as the value it names. Read as a dictionary, each of the
/// dictionary's names is looked up once a batch, not once a row.
pub(super) struct Named<T> {
    texts: Texts,
    /// The value each of the dictionary's names names, by key; empty for
    /// a plain column.
    values: Vec<Option<T>>,
    read: fn(&str) -> Option<T>,
}

impl<T: Copy> Named<T> {
    fn of(texts: Texts, read: fn(&str) -> Option<T>) -> Named<T> {
        let values = (0..texts.value_count())
            .map(|key| texts.value(key).and_then(read))
            .collect();
        Named {
            texts,
            values,
            read,
        }
    }

    /// Row `row`'s value; else `Err(None)` when the row is empty, or
    /// `Err(Some(name))` when its name names nothing.
    fn get(&self, row: usize) -> Result<T, Option<&str>> {
        let found = match self.texts.key(row) {
            Some(key) => self.values.get(key).copied().flatten(),
            None => self.texts.get(row).and_then(self.read),
        };
        found.ok_or_else(|| self.texts.get(row))
    }

    /// Row `row`'s value, or the error of a cell of column `name` that is
    /// empty or names no `what`.
    fn required(&self, cells: Cells<'_>, row: usize, name: &str, what: &str) -> Result<T, Error> {
        self.get(row).map_err(|text| match text {
            None => cells.bad(row, name, "is empty"),
            Some(text) => cells.bad(row, name, format!("unknown {what} {text:?}")),
        })
    }
}

/// Reads cells of a table's rows, naming its file, row and column in
/// errors.
#[derive(Clone, Copy)]
pub(super) struct Cells<'a> {
    path: &'a Path,
}

impl Cells<'_> {
    /// A value that does not parse: the row and column at fault.
    #[cold]
    fn bad(&self, row: usize, name: &str, reason: impl std::fmt::Display) -> Error {
        invalid(
            self.path,
            format!("row {}, column `{name}`: {reason}", row + 1),
        )
    }

    #[inline]
    fn required<'s>(
        &self,
        column: &'s StringArray,
        row: usize,
        name: &str,
    ) -> Result<&'s str, Error> {
        if column.is_valid(row) {
            Ok(column.value(row))
        } else {
            Err(self.bad(row, name, "is empty"))
        }
    }

    fn required_text<'s>(
        &self,
        column: &'s Texts,
        row: usize,
        name: &str,
    ) -> Result<&'s str, Error> {
        column
            .get(row)
            .ok_or_else(|| self.bad(row, name, "is empty"))
    }

    // The three readers of optional cells below answer an empty cell at
    // once and leave a value to a function of its own: most cells are
    // empty, and a whole JSON parser inlined beside the answer made each
    // empty one cost a few dozen instructions.

    #[inline]
    fn parsed<T: FromStr>(
        &self,
        column: &StringArray,
        row: usize,
        name: &str,
    ) -> Result<Option<T>, Error>
    where
        T::Err: std::fmt::Display,
    {
        match optional(column, row) {
            None => Ok(None),
            Some(text) => self.parse(text, row, name).map(Some),
        }
    }

    #[inline(never)]
    fn parse<T: FromStr>(&self, text: &str, row: usize, name: &str) -> Result<T, Error>
    where
        T::Err: std::fmt::Display,
    {
        text.parse::<T>().map_err(|e| self.bad(row, name, e))
    }

    #[inline]
    fn json<T: serde::de::DeserializeOwned + Default>(
        &self,
        column: &StringArray,
        row: usize,
        name: &str,
    ) -> Result<T, Error> {
        match optional(column, row) {
            None => Ok(T::default()),
            Some(text) => self.json_text(text, row, name),
        }
    }

    #[inline(never)]
    fn json_text<T: serde::de::DeserializeOwned>(
        &self,
        text: &str,
        row: usize,
        name: &str,
    ) -> Result<T, Error> {
        serde_json::from_str(text).map_err(|e| self.bad(row, name, e))
    }

    #[inline]
    fn claimant(
        &self,
        who: &StringArray,
        is_actor: &BooleanArray,
        row: usize,
    ) -> Result<Option<Claimant>, Error> {
        match optional(who, row) {
            None => Ok(None),
            Some(who) => self.claimant_named(who, is_actor, row).map(Some),
        }
    }

    #[inline(never)]
    fn claimant_named(
        &self,
        who: &str,
        is_actor: &BooleanArray,
        row: usize,
    ) -> Result<Claimant, Error> {
        Ok(if is_actor.is_valid(row) && is_actor.value(row) {
            Claimant::Actor(ActorId::new(who).map_err(|e| self.bad(row, "claimed_by", e))?)
        } else {
            Claimant::Other(who.to_owned())
        })
    }
}

#[inline]
fn optional(column: &StringArray, row: usize) -> Option<&str> {
    column.is_valid(row).then(|| column.value(row))
}

pub(super) fn table_path(dir: &Path, name: &str) -> Result<PathBuf, Error> {
    let path = dir.join(name);
    if path.is_file() {
        Ok(path)
    } else {
        Err(invalid(
            dir,
            format!("holds no {name}: not a Parquet export"),
        ))
    }
}

/// The relation files of an export, each with the kind its folder names
/// when the export is partitioned by kind.
pub(super) fn relation_files(dir: &Path) -> Result<Vec<(PathBuf, Option<String>)>, Error> {
    let single = dir.join("relations.parquet");
    if single.is_file() {
        return Ok(vec![(single, None)]);
    }
    let root = dir.join("relations");
    if !root.is_dir() {
        return Err(invalid(
            dir,
            "holds neither relations.parquet nor relations/: not a Parquet export",
        ));
    }
    let mut files = Vec::new();
    let mut pending = vec![(root, None::<String>)];
    while let Some((folder, kind)) = pending.pop() {
        let entries = std::fs::read_dir(&folder).map_err(|e| Error::io(&folder, e))?;
        for entry in entries {
            let path = entry.map_err(|e| Error::io(&folder, e))?.path();
            let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
            let name = name.unwrap_or_default();
            if path.is_dir() {
                let kind = name
                    .strip_prefix("kind=")
                    .map(str::to_owned)
                    .or(kind.clone());
                pending.push((path, kind));
            } else if name.ends_with(".parquet") {
                files.push((path, kind.clone()));
            }
        }
    }
    files.sort();
    Ok(files)
}

/// The sources and actors of the export in `dir`, in a dataset without
/// relations.
pub(super) fn read_head(dir: &Path) -> Result<Dataset, Error> {
    let sources_path = table_path(dir, "sources.parquet")?;
    let actors_path = table_path(dir, "actors.parquet")?;
    let mut dataset = Dataset::default();
    each_table(&sources_path, |table| {
        read_sources(table, &mut dataset.sources)
    })?;
    each_table(&actors_path, |table| {
        read_actors(table, &mut dataset.actors)
    })?;
    Ok(dataset)
}

/// Runs `read` on each batch of the file at `path`, as a table naming it.
fn each_table(
    path: &Path,
    mut read: impl FnMut(&Table<'_, '_>) -> Result<(), Error>,
) -> Result<(), Error> {
    for batch in read_file(path)? {
        read(&Table {
            path,
            batch: &batch,
        })?;
    }
    Ok(())
}

fn read_sources(t: &Table<'_, '_>, out: &mut Vec<Source>) -> Result<(), Error> {
    let (id, title, publisher, published) = (
        t.text("id")?,
        t.text("title")?,
        t.text("publisher")?,
        t.text("published")?,
    );
    let (reliability, approximate, url, file) = (
        t.text("reliability")?,
        t.flag("approximate")?,
        t.text("url")?,
        t.text("file")?,
    );
    let c = t.cells();
    for row in 0..t.batch.num_rows() {
        out.push(Source {
            id: SourceId::new(c.required(id, row, "id")?).map_err(|e| c.bad(row, "id", e))?,
            publisher: optional(publisher, row).map(str::to_owned),
            title: c.required(title, row, "title")?.to_owned(),
            published: c
                .parsed::<When>(published, row, "published")?
                .ok_or_else(|| c.bad(row, "published", "is empty"))?,
            approximate: approximate.is_valid(row) && approximate.value(row),
            url: optional(url, row).map(str::to_owned),
            file: optional(file, row).map(str::to_owned),
            reliability: c.parsed(reliability, row, "reliability")?,
        });
    }
    Ok(())
}

fn read_actors(t: &Table<'_, '_>, out: &mut Vec<Actor>) -> Result<(), Error> {
    let (id, name, kind, died) = (
        t.text("id")?,
        t.text("name")?,
        t.text("kind")?,
        t.text("died")?,
    );
    let (reliability, note, former) = (
        t.text("reliability")?,
        t.text("note")?,
        t.text("former_names_json")?,
    );
    let aliases: &ListArray = t
        .batch
        .column_by_name("aliases")
        .and_then(|c| c.as_list_opt::<i32>())
        .ok_or_else(|| invalid(t.path, "has no list column `aliases`"))?;
    let c = t.cells();
    for row in 0..t.batch.num_rows() {
        let kind_text = c.required(kind, row, "kind")?;
        let kind = actor_kind(kind_text)
            .ok_or_else(|| c.bad(row, "kind", format!("unknown actor kind {kind_text:?}")))?;
        let names = aliases.value(row);
        let names = names
            .as_string_opt::<i32>()
            .ok_or_else(|| invalid(t.path, "column `aliases` is not a list of text"))?;
        out.push(Actor {
            id: ActorId::new(c.required(id, row, "id")?).map_err(|e| c.bad(row, "id", e))?,
            name: c.required(name, row, "name")?.to_owned(),
            kind,
            aliases: names.iter().flatten().map(str::to_owned).collect(),
            former_names: c.json(former, row, "former_names_json")?,
            died: c.parsed(died, row, "died")?,
            note: optional(note, row).map(str::to_owned),
            reliability: c.parsed(reliability, row, "reliability")?,
        });
    }
    Ok(())
}

/// The columns of a batch of the citations table that a citation is
/// read from, held apart from the batch so that a reader can keep them
/// while it walks the rows.
pub(super) struct CitationColumns<'a> {
    cells: Cells<'a>,
    relation: StringArray,
    source: Texts,
    quote: Texts,
    stance: Named<Stance>,
    claimed_by: StringArray,
    claimed_by_actor: BooleanArray,
    credibility: UInt8Array,
    acknowledged: StringArray,
}

/// The columns of the citations table a reader needs: the others
/// (`superseded`, `reliability`, `grade`) are worked out, not read.
pub(super) const CITATION_COLUMNS: [&str; 8] = [
    "relation",
    "source",
    "quote",
    "stance",
    "claimed_by",
    "claimed_by_actor",
    "credibility",
    "acknowledged_json",
];

impl<'a> CitationColumns<'a> {
    pub(super) fn of(t: &Table<'a, '_>) -> Result<CitationColumns<'a>, Error> {
        Ok(CitationColumns {
            cells: t.cells(),
            relation: t.text_owned("relation")?,
            source: t.texts("source")?,
            quote: t.texts("quote")?,
            stance: Named::of(t.texts("stance")?, stance),
            claimed_by: t.text_owned("claimed_by")?,
            claimed_by_actor: t.flag_owned("claimed_by_actor")?,
            credibility: t
                .column("credibility", &DataType::UInt8)?
                .as_primitive::<arrow_array::types::UInt8Type>()
                .clone(),
            acknowledged: t.text_owned("acknowledged_json")?,
        })
    }

    pub(super) fn rows(&self) -> usize {
        self.relation.len()
    }

    /// The id of the relation that row `row` cites for.
    pub(super) fn relation(&self, row: usize) -> Result<&str, Error> {
        self.cells.required(&self.relation, row, "relation")
    }

    /// Row `row` into `citation`, reusing the room of its strings.
    pub(super) fn fill(&self, row: usize, citation: &mut Citation) -> Result<(), Error> {
        let c = self.cells;
        let source = c.required_text(&self.source, row, "source")?;
        check_slug("source", source).map_err(|e| c.bad(row, "source", e))?;
        refill(&mut citation.source.0, source);
        let quote = c.required_text(&self.quote, row, "quote")?;
        refill(&mut citation.quote, quote);
        self.fill_voice(row, citation)
    }

    /// The column of sources' ids.
    pub(super) fn sources(&self) -> &Texts {
        &self.source
    }

    /// The column of quotes.
    pub(super) fn quotes(&self) -> &Texts {
        &self.quote
    }

    /// Row `row` into `citation`, all but its source and quote (which a
    /// reader finds by [`sources`](Self::sources) and
    /// [`quotes`](Self::quotes)): its stance, grade, claimant and
    /// acknowledgements.
    pub(super) fn fill_voice(&self, row: usize, citation: &mut Citation) -> Result<(), Error> {
        let c = self.cells;
        citation.stance = self.stance.required(c, row, "stance", "stance")?;
        citation.credibility = self
            .credibility
            .is_valid(row)
            .then(|| self.credibility.value(row))
            .map(|digit| {
                Credibility::from_digit(u64::from(digit)).map_err(|e| c.bad(row, "credibility", e))
            })
            .transpose()?;
        citation.claimed_by = c.claimant(&self.claimed_by, &self.claimed_by_actor, row)?;
        citation.acknowledged = c.json(&self.acknowledged, row, "acknowledged_json")?;
        Ok(())
    }
}

/// A blank citation for [`CitationColumns::fill`].
pub(super) fn blank_citation() -> Citation {
    Citation {
        source: SourceId(String::new()),
        quote: String::new(),
        stance: Stance::Supports,
        claimed_by: None,
        credibility: None,
        acknowledged: Vec::new(),
    }
}

/// Replaces `text` with `with`, in the room it has.
fn refill(text: &mut String, with: &str) {
    text.clear();
    text.push_str(with);
}

/// The stance named `name`, as the tables write it (`Supports`).
fn stance(name: &str) -> Option<Stance> {
    match name {
        "Supports" => Some(Stance::Supports),
        "Disputes" => Some(Stance::Disputes),
        _ => None,
    }
}

/// The kind named `name`, as the tables write it (`backs`): looked up in a
/// table made once, since every row names one.
fn relation_kind(name: &str) -> Option<RelationKind> {
    static KINDS: LazyLock<HashMap<&'static str, RelationKind>> =
        LazyLock::new(|| RelationKind::ALL.iter().map(|k| (k.name(), *k)).collect());
    KINDS.get(name).copied()
}

/// The actor kind named `name`, as the tables write it (`ArmedGroup`, the
/// name the data files use): looked up in a table made once from those
/// names, where a JSON value parsed for every actor was a tenth of reading
/// the actors.
fn actor_kind(name: &str) -> Option<ActorKind> {
    static KINDS: LazyLock<HashMap<String, ActorKind>> = LazyLock::new(|| {
        ActorKind::ALL
            .iter()
            .filter_map(|&kind| match serde_json::to_value(kind) {
                Ok(serde_json::Value::String(name)) => Some((name, kind)),
                _ => None,
            })
            .collect()
    });
    KINDS.get(name).copied()
}

/// The columns of the relations table a reader needs: the others (the
/// days as `date32`, precisions, flags) are worked out, not read.
pub(super) const RELATION_COLUMNS: [&str; 11] = [
    "subject",
    "object",
    "kind",
    "id",
    "from",
    "until",
    "on",
    "claimed_by",
    "claimed_by_actor",
    "note",
    "acknowledged_json",
];

/// The columns of a batch of the relations table that a relation is read
/// from, held apart from the batch; the kind comes from the folder in an
/// export partitioned by kind.
pub(super) struct RelationColumns<'a> {
    cells: Cells<'a>,
    /// Whether the ends' ids are checked to be slugs here; not when a
    /// reader looks each up among the actors read, which hold only slugs.
    check_ends: bool,
    kind: Result<Named<RelationKind>, &'a str>,
    id: StringArray,
    subject: StringArray,
    object: StringArray,
    from: StringArray,
    until: StringArray,
    on: StringArray,
    claimed_by: StringArray,
    claimed_by_actor: BooleanArray,
    note: StringArray,
    acknowledged: StringArray,
}

impl<'a> RelationColumns<'a> {
    pub(super) fn of(
        t: &Table<'a, '_>,
        folder_kind: Option<&'a str>,
    ) -> Result<RelationColumns<'a>, Error> {
        Ok(RelationColumns {
            cells: t.cells(),
            check_ends: true,
            kind: match folder_kind {
                Some(kind) => Err(kind),
                None => Ok(Named::of(t.texts("kind")?, relation_kind)),
            },
            id: t.text_owned("id")?,
            subject: t.text_owned("subject")?,
            object: t.text_owned("object")?,
            from: t.text_owned("from")?,
            until: t.text_owned("until")?,
            on: t.text_owned("on")?,
            claimed_by: t.text_owned("claimed_by")?,
            claimed_by_actor: t.flag_owned("claimed_by_actor")?,
            note: t.text_owned("note")?,
            acknowledged: t.text_owned("acknowledged_json")?,
        })
    }

    pub(super) fn rows(&self) -> usize {
        self.id.len()
    }

    /// For a reader that looks every end up among the actors read: the
    /// ends' ids are not checked to be slugs again.
    pub(super) fn ends_looked_up(self) -> RelationColumns<'a> {
        RelationColumns {
            check_ends: false,
            ..self
        }
    }

    /// Row `row` into `relation`, reusing the room of its strings; its
    /// citations are left as they are.
    pub(super) fn fill(&self, row: usize, relation: &mut Relation) -> Result<(), Error> {
        let c = self.cells;
        relation.kind = match &self.kind {
            Err(kind) => relation_kind(kind)
                .ok_or_else(|| c.bad(row, "kind", format!("unknown relation kind {kind:?}")))?,
            Ok(column) => column.required(c, row, "kind", "relation kind")?,
        };
        for (name, column, id) in [
            ("id", &self.id, &mut relation.id.0),
            ("subject", &self.subject, &mut relation.subject.0),
            ("object", &self.object, &mut relation.object.0),
        ] {
            let text = c.required(column, row, name)?;
            if name == "id" {
                check_slug("relation", text).map_err(|e| c.bad(row, name, e))?;
            } else if self.check_ends {
                check_slug("actor", text).map_err(|e| c.bad(row, name, e))?;
            }
            refill(id, text);
        }
        relation.from = c.parsed(&self.from, row, "from")?;
        relation.until = c.parsed(&self.until, row, "until")?;
        relation.on = c.parsed(&self.on, row, "on")?;
        relation.claimed_by = c.claimant(&self.claimed_by, &self.claimed_by_actor, row)?;
        relation.note = optional(&self.note, row).map(str::to_owned);
        relation.acknowledged = c.json(&self.acknowledged, row, "acknowledged_json")?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The export writes an actor's kind by its Rust name; every kind must
    /// read back, as the data files' names do.
    #[test]
    fn every_actor_kind_reads_back_from_the_name_the_export_writes() {
        for kind in ActorKind::ALL {
            assert_eq!(actor_kind(&format!("{kind:?}")), Some(kind), "{kind:?}");
        }
        assert_eq!(actor_kind("armed_group"), None);
    }
}
