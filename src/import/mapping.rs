//! The mapping file of the table importer: [`Mapping`].

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::base::error::Error;
use crate::base::kind::{ActorKind, RelationKind};

use super::dates::DateFormat;

/// How the table importer reads a spreadsheet: for each table, which
/// column holds each field, how its dates are written, and which words
/// mean which relation kind. Written in RON, read by
/// [`Mapping::from_ron`].
///
/// A mapping has one or more tables, each read from the files whose name
/// it gives (or from every file, when it gives none). Each table's rows are
/// one sort of item:
///
/// - `Relations`: a relation per row, `subject` and `object` by name
///   (resolved as every import resolves actors) or by id, the kind from a
///   column (through `kinds`, the sheet's own words, then the crate's kind
///   names) or a constant, the dates from their columns, and, when the row
///   carries its evidence, the quote with its source (by id, or described
///   by title, publisher, URL and date: rows describing the same source
///   share it).
/// - `Citations`: a further citation per row of a relation read before.
/// - `Actors` and `Sources`: items with ids of their own, as the crate's
///   CSV export writes them.
///
/// A sheet of one relation per row takes a few lines:
///
/// ```
/// use actorgraph::import::Mapping;
///
/// let mapping = Mapping::from_ron(r#"(
///     tables: [(rows: Relations((
///         subject: "who",
///         object: "whom",
///         kind: Column("relation"),
///         kinds: {"supports": Backs, "fights": Opposes},
///         from: Some((column: "since", format: ZeroUnknown)),
///         quote: Some("quote"),
///         source_title: Some("article"),
///         publisher: Some("outlet"),
///         published: Some((column: "published", format: DayMonthName)),
///     )))],
/// )"#)?;
/// assert_eq!(mapping.tables.len(), 1);
/// # Ok::<(), actorgraph::Error>(())
/// ```
///
/// The mapping that reads back what `export --format csv` writes ships
/// with the crate: [`Mapping::actorgraph_csv`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mapping {
    /// The tables, read in this order when their files are given together.
    pub tables: Vec<TableMapping>,
}

/// One table of a [`Mapping`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TableMapping {
    /// The file name (its last component) this table reads; `None` for
    /// every file.
    #[serde(default)]
    pub file: Option<String>,
    /// The cell separator, `","` or `"\t"`; by default tab for `.tsv` and
    /// `.tab` files, comma otherwise.
    #[serde(default)]
    pub delimiter: Option<char>,
    /// What each row is.
    pub rows: Rows,
}

/// What the rows of a table are, and where their fields are.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub enum Rows {
    /// A relation per row.
    Relations(Box<RelationColumns>),
    /// A citation per row, of a relation read before.
    Citations(Box<CitationColumns>),
    /// An actor per row.
    Actors(Box<ActorColumns>),
    /// A source per row.
    Sources(Box<SourceColumns>),
}

/// A column holding dates, and how they are written.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DateColumn {
    /// The column's header.
    pub column: String,
    /// How its cells are written.
    #[serde(default)]
    pub format: DateFormat,
}

/// Where a relation's kind comes from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum KindFrom {
    /// The column of this header.
    Column(String),
    /// The same kind on every row.
    Constant(RelationKind),
}

/// Whether the subject and object cells hold names or actor ids.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ActorsBy {
    /// Names, resolved as every import resolves actors.
    #[default]
    Names,
    /// Ids of actors of the graph or of the import.
    Ids,
}

/// The columns of a relations table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RelationColumns {
    /// The relation's id; without it, ids are made from the file name and
    /// line.
    #[serde(default)]
    pub id: Option<String>,
    /// The subject.
    pub subject: String,
    /// The object.
    pub object: String,
    /// Whether `subject` and `object` hold names or ids.
    #[serde(default)]
    pub actors: ActorsBy,
    /// The kind of the actors a name creates.
    #[serde(default = "armed_group")]
    pub new_actor_kind: ActorKind,
    /// The kind.
    pub kind: KindFrom,
    /// The sheet's own words for kinds, compared without regard to case;
    /// a word not here is read as a kind name (`backs`, `BACKS`,
    /// `AlliedWith`).
    #[serde(default)]
    pub kinds: BTreeMap<String, RelationKind>,
    /// When a state began.
    #[serde(default)]
    pub from: Option<DateColumn>,
    /// When a state ended.
    #[serde(default)]
    pub until: Option<DateColumn>,
    /// When an event happened.
    #[serde(default)]
    pub on: Option<DateColumn>,
    /// The quote; rows without a quote column need a citations table.
    #[serde(default)]
    pub quote: Option<String>,
    /// The id of the quote's source, when sources have a table.
    #[serde(default)]
    pub source: Option<String>,
    /// The source's title, when the row describes its source.
    #[serde(default)]
    pub source_title: Option<String>,
    /// The source's publisher.
    #[serde(default)]
    pub publisher: Option<String>,
    /// The source's URL.
    #[serde(default)]
    pub url: Option<String>,
    /// When the source was published.
    #[serde(default)]
    pub published: Option<DateColumn>,
    /// Who claims the relation (the quote's claimant when the row
    /// describes its evidence).
    #[serde(default)]
    pub claimant: Option<String>,
    /// Whether `claimant` names an actor (`actor`) or someone else
    /// (`other`); without it, a claimant that is the id of an actor of the
    /// graph or the import is that actor.
    #[serde(default)]
    pub claimant_kind: Option<String>,
    /// A note.
    #[serde(default)]
    pub note: Option<String>,
    /// The relation's acknowledged warnings, as JSON (the crate's CSV
    /// export writes them so).
    #[serde(default)]
    pub acknowledged: Option<String>,
}

fn armed_group() -> ActorKind {
    ActorKind::ArmedGroup
}

/// The columns of a citations table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CitationColumns {
    /// The id of the relation cited.
    pub relation: String,
    /// The id of the source.
    pub source: String,
    /// The quote.
    pub quote: String,
    /// `Supports` or `Disputes`; supports when absent.
    #[serde(default)]
    pub stance: Option<String>,
    /// Who makes the claim.
    #[serde(default)]
    pub claimant: Option<String>,
    /// As for relations: `actor` or `other`.
    #[serde(default)]
    pub claimant_kind: Option<String>,
    /// The credibility grade, 1 to 6.
    #[serde(default)]
    pub credibility: Option<String>,
    /// Acknowledged warnings, as JSON.
    #[serde(default)]
    pub acknowledged: Option<String>,
}

/// The columns of an actors table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActorColumns {
    /// The id.
    pub id: String,
    /// The name.
    pub name: String,
    /// The kind (`ArmedGroup`, `armed group`...); `new_actor_kind` when
    /// absent.
    #[serde(default)]
    pub kind: Option<String>,
    /// The kind of actors whose row has no kind.
    #[serde(default = "armed_group")]
    pub new_actor_kind: ActorKind,
    /// Other names, `;`-separated.
    #[serde(default)]
    pub aliases: Option<String>,
    /// Former names with their dates, as JSON.
    #[serde(default)]
    pub former_names: Option<String>,
    /// When it ceased to exist or died.
    #[serde(default)]
    pub died: Option<DateColumn>,
    /// A note.
    #[serde(default)]
    pub note: Option<String>,
    /// Its reliability grade, `A` to `F`.
    #[serde(default)]
    pub reliability: Option<String>,
}

/// The columns of a sources table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceColumns {
    /// The id.
    pub id: String,
    /// The title.
    pub title: String,
    /// The publisher.
    #[serde(default)]
    pub publisher: Option<String>,
    /// When it was published.
    pub published: DateColumn,
    /// Whether the publication date is approximate (`true`/`false`).
    #[serde(default)]
    pub approximate: Option<String>,
    /// Its URL.
    #[serde(default)]
    pub url: Option<String>,
    /// A local copy.
    #[serde(default)]
    pub file: Option<String>,
    /// Its reliability grade, `A` to `F`.
    #[serde(default)]
    pub reliability: Option<String>,
}

/// The mapping that reads the tables the crate's CSV export writes.
const ACTORGRAPH_CSV: &str = include_str!("../../data/mappings/actorgraph_csv.ron");

impl Mapping {
    /// Reads a mapping written in RON.
    ///
    /// # Errors
    ///
    /// A [`Syntax`](crate::ErrorKind::Syntax) error with its line and
    /// column.
    pub fn from_ron(text: &str) -> Result<Mapping, Error> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        crate::format::dialect::ron_options()
            .from_str(text)
            .map_err(|e| {
                let span = crate::base::error::TextSpan {
                    start: crate::base::error::Position::new(e.span.start.line, e.span.start.col),
                    end: crate::base::error::Position::new(e.span.end.line, e.span.end.col),
                };
                Error::syntax(
                    span,
                    format!("in the mapping: {}", e.code),
                    Some(Box::new(e)),
                )
            })
    }

    /// Reads a mapping file.
    ///
    /// # Errors
    ///
    /// An I/O error naming the path, or as [`Mapping::from_ron`].
    pub fn from_path(path: impl AsRef<std::path::Path>) -> Result<Mapping, Error> {
        let path = path.as_ref();
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
        Mapping::from_ron(&text)
    }

    /// The mapping that imports the four tables of `export --format csv`
    /// (`sources.csv`, `actors.csv`, `relations.csv`, `citations.csv`) back
    /// to an equal graph; it ships as `data/mappings/actorgraph_csv.ron`.
    ///
    /// # Errors
    ///
    /// None in a release: a test reads the shipped file.
    pub fn actorgraph_csv() -> Result<Mapping, Error> {
        Mapping::from_ron(ACTORGRAPH_CSV)
    }

    /// The table that reads a file of this name: the first whose `file`
    /// is the name's last component, else the first without a `file`.
    pub fn table_for(&self, path: &std::path::Path) -> Option<&TableMapping> {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        self.tables
            .iter()
            .find(|t| t.file.as_deref() == Some(name))
            .or_else(|| self.tables.iter().find(|t| t.file.is_none()))
    }

    /// Where a file of this name comes in the mapping's order of tables.
    pub fn order_of(&self, path: &std::path::Path) -> usize {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        self.tables
            .iter()
            .position(|t| t.file.as_deref() == Some(name))
            .unwrap_or(self.tables.len())
    }
}
