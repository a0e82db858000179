//! The export tables as Arrow record batches, for dataframe libraries
//! (pyarrow, Polars, DataFusion) and the Parquet files Spark and DuckDB read.
//!
//! Four tables, mirroring the CSV export ([`to_csv`](crate::export::to_csv))
//! column for column where CSV has the column, with real types where CSV
//! has text: days are `date32`, flags `boolean`, aliases a list. A few
//! columns CSV leaves out (an actor's former names, a source's URL, the
//! acknowledged lint warnings...) are here too, so that the tables of the
//! whole graph hold all of it and read back to an equal graph
//! ([`ActorGraph::from_path`](crate::ActorGraph::from_path) on a Parquet
//! directory).
//!
//! # The as-of rule over these tables
//!
//! Days are half-open, as in the library: a state *possibly* holds on `d`
//! when `holds_from <= d < holds_until` and *certainly* when
//! `certain_from <= d < certain_until`, a null bound being open. An event
//! holds from the first to the last day it may have happened (also
//! half-open: `holds_until` is the day after). A relation is known by `k`
//! when one of its citations' sources was certainly published by `k`
//! (`published_last <= k`). The README's SQL section writes these as queries.
//!
//! # Example
//!
//! ```
//! use actorgraph::{ActorGraph, arrow, export::Scope};
//!
//! let graph = ActorGraph::embedded()?;
//! let relations = arrow::relations(Scope::Whole(&graph), &Default::default())?;
//! assert_eq!(relations.num_rows(), graph.relation_count());
//! assert_eq!(relations.schema(), arrow::relations_schema());
//! # Ok::<(), actorgraph::Error>(())
//! ```

use std::sync::{Arc, LazyLock};

use arrow_array::ArrayRef;
use arrow_array::builder::{
    BooleanBuilder, Date32Builder, ListBuilder, StringBuilder, UInt8Builder,
};
use arrow_schema::{DataType, Field, Schema};

pub use arrow_array::RecordBatch;
pub use arrow_schema::SchemaRef;

use std::fmt::Write;

use crate::base::date::{Date, PartialDate, When};
use crate::base::error::Error;
use crate::base::grade::{Grade, Reliability};
use crate::base::model::{Acknowledgement, Claimant, Stance};
use crate::view::{Evidence, RelationRef};

use super::shared::{ExportOptions, Scope, Selection, dates, precision, select};

mod numbered;

use numbered::TextColumn;
pub(crate) use numbered::{Ids, Numbered, Texts};

/// The four tables of an export, each one record batch.
#[derive(Clone, Debug, PartialEq)]
pub struct ArrowTables {
    /// One row per actor: see [`actors_schema`].
    pub actors: RecordBatch,
    /// One row per relation: see [`relations_schema`].
    pub relations: RecordBatch,
    /// One row per citation, in each relation's order: see [`citations_schema`].
    pub citations: RecordBatch,
    /// One row per source: see [`sources_schema`].
    pub sources: RecordBatch,
}

impl ArrowTables {
    /// Each table with its name (`actors`, `relations`, `citations`, `sources`).
    pub fn tables(&self) -> [(&'static str, &RecordBatch); 4] {
        [
            ("actors", &self.actors),
            ("relations", &self.relations),
            ("citations", &self.citations),
            ("sources", &self.sources),
        ]
    }
}

fn text(name: &str, nullable: bool) -> Field {
    Field::new(name, DataType::Utf8, nullable)
}

fn day(name: &str) -> Field {
    Field::new(name, DataType::Date32, true)
}

fn flag(name: &str, nullable: bool) -> Field {
    Field::new(name, DataType::Boolean, nullable)
}

static ACTORS: LazyLock<SchemaRef> = LazyLock::new(|| {
    Arc::new(Schema::new(vec![
        text("id", false),
        text("name", false),
        text("kind", false),
        Field::new(
            "aliases",
            DataType::List(Arc::new(Field::new("item", DataType::Utf8, false))),
            false,
        ),
        text("died", true),
        text("reliability", true),
        text("note", true),
        text("former_names_json", true),
    ]))
});

static RELATIONS: LazyLock<SchemaRef> = LazyLock::new(|| {
    Arc::new(Schema::new(vec![
        text("subject", false),
        text("object", false),
        text("kind", false),
        text("id", false),
        flag("event", false),
        text("from", true),
        text("until", true),
        text("on", true),
        text("from_precision", true),
        text("until_precision", true),
        day("holds_from"),
        day("holds_until"),
        day("certain_from"),
        day("certain_until"),
        flag("contested", false),
        text("claimed_by", true),
        flag("claimed_by_actor", true),
        text("note", true),
        text("acknowledged_json", true),
    ]))
});

static CITATIONS: LazyLock<SchemaRef> = LazyLock::new(|| {
    Arc::new(Schema::new(vec![
        text("relation", false),
        text("source", false),
        text("quote", false),
        text("stance", false),
        text("claimed_by", true),
        flag("claimed_by_actor", true),
        flag("superseded", false),
        text("reliability", true),
        Field::new("credibility", DataType::UInt8, true),
        text("grade", false),
        text("acknowledged_json", true),
    ]))
});

static SOURCES: LazyLock<SchemaRef> = LazyLock::new(|| {
    Arc::new(Schema::new(vec![
        text("id", false),
        text("title", false),
        text("publisher", true),
        text("published", false),
        day("published_first"),
        day("published_last"),
        text("reliability", true),
        flag("approximate", false),
        text("url", true),
        text("file", true),
    ]))
});

/// The actors table: `id`, `name`, `kind` (`ArmedGroup`, as in RON),
/// `aliases` (a list), `died` as written, `reliability` (`A`–`F`), `note`,
/// and `former_names_json` (the former names with their dates and
/// citations, as the JSON dataset writes them; null when none).
pub fn actors_schema() -> SchemaRef {
    ACTORS.clone()
}

/// The relations table: `subject`, `object`, `kind` (snake case, as
/// [`RelationKind::name`](crate::RelationKind::name)), `id`, `event`; the
/// dates as written (`from`, `until`, `on`) and how precise they are
/// (`from_precision`, `until_precision`: `year`, `month`, `day` or
/// `range`); the days as `date32`: `holds_from`, `holds_until`,
/// `certain_from`, `certain_until` (half-open, null for an open end; see
/// the module's as-of rule); `contested`, `claimed_by` (an actor id when
/// `claimed_by_actor`), `note`, `acknowledged_json`.
pub fn relations_schema() -> SchemaRef {
    RELATIONS.clone()
}

/// The citations table: `relation`, `source`, `quote`, `stance`
/// (`Supports` or `Disputes`), `claimed_by` (an actor id when
/// `claimed_by_actor`), `superseded` (a later quote of the same claimant
/// says otherwise), `reliability` and `credibility` (the effective grade's
/// parts) and `grade` (`B2` or `ungraded`), `acknowledged_json`.
pub fn citations_schema() -> SchemaRef {
    CITATIONS.clone()
}

/// The sources table: `id`, `title`, `publisher`, `published` as written,
/// `published_first` and `published_last` (the first and last day it can
/// have appeared, `date32`), `reliability`, `approximate`, `url`, `file`.
pub fn sources_schema() -> SchemaRef {
    SOURCES.clone()
}

/// The four tables of the scope, from one selection of its relations.
///
/// # Errors
///
/// A [`Serialize`](crate::ErrorKind::Serialize) error if a batch cannot be
/// assembled, which the library's data do not provoke.
///
/// # Example
///
/// ```
/// use actorgraph::{ActorGraph, arrow, export::Scope};
///
/// let graph = ActorGraph::embedded()?;
/// let view = graph.at("2024-11-30".parse()?);
/// let tables = arrow::tables(Scope::View(view), &Default::default())?;
/// assert_eq!(tables.relations.num_rows(), view.relations().count());
/// # Ok::<(), actorgraph::Error>(())
/// ```
pub fn tables(scope: Scope<'_>, options: &ExportOptions) -> Result<ArrowTables, Error> {
    let selection = select(scope, options);
    // The two big tables build on both cores, each beside a small one.
    let ((relations, actors), (citations, sources)) = rayon::join(
        || {
            rayon::join(
                || {
                    let ids = Ids::actors(scope.graph());
                    batch(
                        &RELATIONS,
                        relations_of(&selection.relations, Texts::Copied(&ids))?,
                    )
                },
                || actors_of(&selection),
            )
        },
        || {
            rayon::join(
                || {
                    let in_order = in_data_order(scope);
                    batch(
                        &CITATIONS,
                        citations_of(&selection.relations, in_order, None)?,
                    )
                },
                || sources_of(scope),
            )
        },
    );
    Ok(ArrowTables {
        actors: actors?,
        relations: relations?,
        citations: citations?,
        sources: sources?,
    })
}

/// The actors the scope's relations touch (every actor, for the whole
/// graph), in dataset order.
///
/// # Errors
///
/// As [`tables`].
pub fn actors(scope: Scope<'_>, options: &ExportOptions) -> Result<RecordBatch, Error> {
    actors_of(&select(scope, options))
}

/// The scope's relations, in dataset order.
///
/// # Errors
///
/// As [`tables`].
pub fn relations(scope: Scope<'_>, options: &ExportOptions) -> Result<RecordBatch, Error> {
    let ids = Ids::actors(scope.graph());
    let rows = relations_of(&select(scope, options).relations, Texts::Copied(&ids))?;
    batch(&RELATIONS, rows)
}

/// The citations of the scope's relations.
///
/// # Errors
///
/// As [`tables`].
pub fn citations(scope: Scope<'_>, options: &ExportOptions) -> Result<RecordBatch, Error> {
    let rows = citations_of(
        &select(scope, options).relations,
        in_data_order(scope),
        None,
    )?;
    batch(&CITATIONS, rows)
}

/// Whether the scope lists each relation's citations in data order, as
/// [`superseded_in`] needs; a graded view lists them best graded first.
pub(crate) fn in_data_order(scope: Scope<'_>) -> bool {
    match scope {
        Scope::Whole(_) => true,
        Scope::View(view) => view.min_grade().is_none(),
    }
}

/// Every source of the graph (a view's tables keep them all, as CSV does,
/// so that knowledge-time questions can still be asked of them).
///
/// # Errors
///
/// As [`tables`].
pub fn sources(scope: Scope<'_>, _options: &ExportOptions) -> Result<RecordBatch, Error> {
    sources_of(scope)
}

fn batch(schema: &SchemaRef, columns: Vec<ArrayRef>) -> Result<RecordBatch, Error> {
    RecordBatch::try_new(schema.clone(), columns).map_err(|e| Error::serialize("arrow", e))
}

/// Days since 1970-01-01, the `date32` encoding (Hinnant's
/// days-from-civil: exact for the proleptic Gregorian calendar and cheap
/// enough for millions of bounds).
pub(crate) fn epoch_days(date: Date) -> i32 {
    let (y, m, d) = (
        i32::from(date.year()),
        i32::from(date.month()),
        i32::from(date.day()),
    );
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn json<T: serde::Serialize + ?Sized>(value: &T) -> Result<String, Error> {
    serde_json::to_string(value).map_err(|e| Error::serialize("arrow", e))
}

fn acknowledged(list: &[Acknowledgement]) -> Result<Option<String>, Error> {
    if list.is_empty() {
        Ok(None)
    } else {
        json(list).map(Some)
    }
}

/// A column null on most rows (claimants, notes, grades,
/// acknowledgements): the rows with a value are noted as they come, and
/// the column is made at the end with its runs of nulls appended at once,
/// instead of a null at a time.
struct Sparse<T> {
    rows: usize,
    values: Vec<(usize, T)>,
}

impl<T> Sparse<T> {
    fn new() -> Sparse<T> {
        Sparse {
            rows: 0,
            values: Vec::new(),
        }
    }

    fn push(&mut self, value: Option<T>) {
        if let Some(value) = value {
            self.values.push((self.rows, value));
        }
        self.rows += 1;
    }

    /// The column, with `append` for a value and `nulls` for a run of nulls.
    fn finish<B>(
        self,
        mut builder: B,
        append: impl Fn(&mut B, T),
        nulls: impl Fn(&mut B, usize),
    ) -> B {
        let mut next = 0;
        for (row, value) in self.values {
            nulls(&mut builder, row - next);
            append(&mut builder, value);
            next = row + 1;
        }
        nulls(&mut builder, self.rows - next);
        builder
    }
}

impl<T: AsRef<str>> Sparse<T> {
    fn text(self) -> ArrayRef {
        let builder = StringBuilder::with_capacity(self.values.len(), 0);
        Arc::new(
            self.finish(
                builder,
                |b, v| b.append_value(v),
                StringBuilder::append_nulls,
            )
            .finish(),
        )
    }
}

impl Sparse<bool> {
    fn flags(self) -> ArrayRef {
        let builder = BooleanBuilder::with_capacity(self.rows);
        Arc::new(
            self.finish(
                builder,
                BooleanBuilder::append_value,
                BooleanBuilder::append_nulls,
            )
            .finish(),
        )
    }
}

impl Sparse<u8> {
    fn digits(self) -> ArrayRef {
        let builder = UInt8Builder::with_capacity(self.rows);
        Arc::new(
            self.finish(
                builder,
                UInt8Builder::append_value,
                UInt8Builder::append_nulls,
            )
            .finish(),
        )
    }
}

/// The `claimed_by` and `claimed_by_actor` columns.
struct Claimants<'g> {
    who: Sparse<&'g str>,
    is_actor: Sparse<bool>,
}

impl<'g> Claimants<'g> {
    fn new() -> Claimants<'g> {
        Claimants {
            who: Sparse::new(),
            is_actor: Sparse::new(),
        }
    }

    fn push(&mut self, who: Option<&'g Claimant>) {
        let (who, is_actor) = match who {
            None => (None, None),
            Some(Claimant::Actor(id)) => (Some(id.as_str()), Some(true)),
            Some(Claimant::Other(name)) => (Some(name.as_str()), Some(false)),
        };
        self.who.push(who);
        self.is_actor.push(is_actor);
    }
}

pub(crate) fn actors_of(selection: &Selection<'_>) -> Result<RecordBatch, Error> {
    let mut id = StringBuilder::new();
    let mut name = StringBuilder::new();
    let mut kind = StringBuilder::new();
    let mut aliases = ListBuilder::new(StringBuilder::new()).with_field(Field::new(
        "item",
        DataType::Utf8,
        false,
    ));
    let mut died = StringBuilder::new();
    let mut reliability = StringBuilder::new();
    let mut note = StringBuilder::new();
    let mut former = StringBuilder::new();
    for actor in &selection.actors {
        let r = actor.record();
        id.append_value(r.id.as_str());
        name.append_value(&r.name);
        kind.append_value(format!("{:?}", r.kind));
        for alias in &r.aliases {
            aliases.values().append_value(alias);
        }
        aliases.append(true);
        died.append_option(r.died.map(|w| w.to_string()));
        reliability.append_option(r.reliability.map(|g| g.to_string()));
        note.append_option(r.note.as_deref());
        if r.former_names.is_empty() {
            former.append_null();
        } else {
            former.append_value(json(&r.former_names)?);
        }
    }
    batch(
        &ACTORS,
        vec![
            Arc::new(id.finish()),
            Arc::new(name.finish()),
            Arc::new(kind.finish()),
            Arc::new(aliases.finish()),
            Arc::new(died.finish()),
            Arc::new(reliability.finish()),
            Arc::new(note.finish()),
            Arc::new(former.finish()),
        ],
    )
}

/// The relations table's columns for `relations`: all of a selection's,
/// or a part of a run that the Parquet export writes as one row group.
/// The ends and ids are text, or numbers into `texts` when keyed.
pub(crate) fn relations_of(
    relations: &[RelationRef<'_>],
    texts: Texts<'_>,
) -> Result<Vec<ArrayRef>, Error> {
    let n = relations.len();
    let strings = |bytes: usize| StringBuilder::with_capacity(n, n * bytes);
    let keyed = texts.keyed();
    let ends = || TextColumn::new(keyed.map(|k| &k.actors), n, 6);
    let (mut subject, mut object) = (ends(), ends());
    let mut id = TextColumn::new(keyed.map(|k| &k.relations), n, 8);
    let mut kind = strings(8);
    let mut event = BooleanBuilder::with_capacity(n);
    let (mut from, mut until, mut on) = (strings(10), strings(10), strings(2));
    let (mut from_precision, mut until_precision) = (strings(5), strings(5));
    let days = || Date32Builder::with_capacity(n);
    let (mut holds_from, mut holds_until, mut certain_from, mut certain_until) =
        (days(), days(), days(), days());
    let mut contested = BooleanBuilder::with_capacity(n);
    let mut claimants = Claimants::new();
    let mut note = Sparse::new();
    let mut ack = Sparse::new();
    let optional_precision = |p: &'static str| (!p.is_empty()).then_some(p);
    for r in relations {
        let d = dates(r);
        let (from_actor, to_actor) = (r.subject(), r.object());
        subject.push(from_actor.order(), || texts.actor_id(from_actor));
        object.push(to_actor.order(), || texts.actor_id(to_actor));
        kind.append_value(r.kind().name());
        id.push(r.order(), || r.id());
        event.append_value(r.is_event());
        append_when(&mut from, d.from);
        append_when(&mut until, d.until);
        append_when(&mut on, d.on);
        from_precision.append_option(optional_precision(precision(d.from.or(d.on))));
        until_precision.append_option(optional_precision(precision(d.until)));
        holds_from.append_option(d.holds_from.map(epoch_days));
        holds_until.append_option(d.holds_until.map(epoch_days));
        certain_from.append_option(d.certain_from.map(epoch_days));
        certain_until.append_option(d.certain_until.map(epoch_days));
        contested.append_value(r.is_contested());
        claimants.push(r.claimed_by());
        note.push(r.note());
        ack.push(acknowledged(r.acknowledged())?);
    }
    Ok(vec![
        subject.finish()?,
        object.finish()?,
        Arc::new(kind.finish()),
        id.finish()?,
        Arc::new(event.finish()),
        Arc::new(from.finish()),
        Arc::new(until.finish()),
        Arc::new(on.finish()),
        Arc::new(from_precision.finish()),
        Arc::new(until_precision.finish()),
        Arc::new(holds_from.finish()),
        Arc::new(holds_until.finish()),
        Arc::new(certain_from.finish()),
        Arc::new(certain_until.finish()),
        Arc::new(contested.finish()),
        claimants.who.text(),
        claimants.is_actor.flags(),
        note.text(),
        ack.text(),
    ])
}

/// Appends a date as written (`2024-11-30`, `2024-11`, `2024`, a range or
/// an EDTF form), straight into the column: a million relations have
/// two million bounds, and a `String` for each was a tenth of the export.
fn append_when(builder: &mut StringBuilder, when: Option<When>) {
    let Some(when) = when else {
        builder.append_null();
        return;
    };
    match when.as_partial().map(PartialDate::parts) {
        // The common case, written digit by digit as `PartialDate`'s
        // `Display` writes it (`{:04}`, then `-{:02}` for a known part).
        Some((year, month, day)) if (0..=9999).contains(&year) => {
            let mut text = [0u8; 10];
            let year = year.unsigned_abs();
            for (i, div) in [1000, 100, 10, 1].into_iter().enumerate() {
                text[i] = b'0' + (year / div % 10) as u8;
            }
            let mut len = 4;
            for part in [month, day] {
                if part != 0 {
                    text[len] = b'-';
                    text[len + 1] = b'0' + part / 10 % 10;
                    text[len + 2] = b'0' + part % 10;
                    len += 3;
                }
            }
            builder.append_value(std::str::from_utf8(&text[..len]).unwrap_or_default());
        }
        _ => {
            // Writing into the builder appends to the row being built,
            // which the empty value then closes.
            let _ = write!(builder, "{when}");
            builder.append_value("");
        }
    }
}

/// The letter of a reliability grade, as text.
fn letter(reliability: Reliability) -> &'static str {
    match reliability.letter() {
        'A' => "A",
        'B' => "B",
        'C' => "C",
        'D' => "D",
        'E' => "E",
        _ => "F",
    }
}

/// Whether each of a relation's citations (as listed, in data order) is
/// superseded: a later citation of the same voice (its named claimant,
/// else its source) is among them. The same rule as
/// [`Evidence::is_superseded`](crate::view::Evidence::is_superseded) over
/// the citations a view lists, computed once per relation instead of once
/// per citation through the store.
fn superseded_in(cited: &[Evidence<'_>], out: &mut Vec<bool>) {
    out.clear();
    if cited.len() < 2 {
        out.resize(cited.len(), false);
        return;
    }
    let key = |i: usize| {
        let published = cited[i].source().published;
        (published.first_day(), published.last_or_never(), i)
    };
    let same_voice = |a: &Evidence<'_>, b: &Evidence<'_>| match (a.claimed_by(), b.claimed_by()) {
        (Some(x), Some(y)) => x == y,
        (None, None) => std::ptr::eq(a.source(), b.source()),
        _ => false,
    };
    for (i, e) in cited.iter().enumerate() {
        let mine = key(i);
        out.push(
            cited
                .iter()
                .enumerate()
                .any(|(j, other)| j != i && same_voice(e, other) && key(j) > mine),
        );
    }
}

/// The citations table's columns for the citations of `relations`, in
/// order. The relations' and sources' ids and the quotes are text, or
/// numbers into `keyed` when given.
pub(crate) fn citations_of(
    relations: &[RelationRef<'_>],
    in_data_order: bool,
    keyed: Option<&Numbered>,
) -> Result<Vec<ArrayRef>, Error> {
    // Two citations a relation on average: a first guess at the capacity.
    let n = relations.len() * 2;
    let strings = |bytes: usize| StringBuilder::with_capacity(n, n * bytes);
    let mut relation = TextColumn::new(keyed.map(|k| &k.relations), n, 8);
    let mut source = TextColumn::new(keyed.map(|k| &k.sources), n, 6);
    let mut quote = TextColumn::new(keyed.map(|k| &k.quotes), n, 32);
    let mut stance = strings(8);
    let mut claimants = Claimants::new();
    let mut superseded = BooleanBuilder::with_capacity(n);
    let mut reliability = Sparse::new();
    let mut credibility = Sparse::new();
    let mut grade = strings(8);
    let mut ack = Sparse::new();
    let mut cited: Vec<Evidence<'_>> = Vec::new();
    let mut later: Vec<bool> = Vec::new();
    for r in relations {
        cited.clear();
        cited.extend(r.citations());
        if in_data_order {
            superseded_in(&cited, &mut later);
        } else {
            later.clear();
            later.extend(cited.iter().map(Evidence::is_superseded));
        }
        let (order, id) = (r.order(), r.id());
        for (e, &later) in cited.iter().zip(&later) {
            relation.push(order, || id);
            source.push(e.source_order(), || e.source().id.as_str());
            quote.push(e.quote_order(), || e.quote());
            stance.append_value(match e.stance() {
                Stance::Supports => "Supports",
                Stance::Disputes => "Disputes",
            });
            claimants.push(e.claimed_by());
            superseded.append_value(later);
            // The grade from its parts, each read once: the reliability
            // looks the claimant up by id.
            let (graded, credible) = (e.reliability(), e.credibility());
            reliability.push(graded.map(letter));
            credibility.push(credible.map(|c| c.digit()));
            if graded.is_none() && credible.is_none() {
                grade.append_value("ungraded");
            } else {
                let _ = write!(grade, "{}", Grade::reading(graded, credible));
                grade.append_value("");
            }
            ack.push(acknowledged(e.acknowledged())?);
        }
    }
    Ok(vec![
        relation.finish()?,
        source.finish()?,
        quote.finish()?,
        Arc::new(stance.finish()),
        claimants.who.text(),
        claimants.is_actor.flags(),
        Arc::new(superseded.finish()),
        reliability.text(),
        credibility.digits(),
        Arc::new(grade.finish()),
        ack.text(),
    ])
}

pub(crate) fn sources_of(scope: Scope<'_>) -> Result<RecordBatch, Error> {
    let mut id = StringBuilder::new();
    let mut title = StringBuilder::new();
    let mut publisher = StringBuilder::new();
    let mut published = StringBuilder::new();
    let mut first = Date32Builder::new();
    let mut last = Date32Builder::new();
    let mut reliability = StringBuilder::new();
    let mut approximate = BooleanBuilder::new();
    let mut url = StringBuilder::new();
    let mut file = StringBuilder::new();
    for s in scope.graph().sources() {
        id.append_value(s.id.as_str());
        title.append_value(&s.title);
        publisher.append_option(s.publisher.as_deref());
        published.append_value(s.published.to_string());
        first.append_value(epoch_days(s.published.first_day()));
        last.append_option(s.published.last_day().map(epoch_days));
        reliability.append_option(s.reliability.map(|g| g.to_string()));
        approximate.append_value(s.approximate);
        url.append_option(s.url.as_deref());
        file.append_option(s.file.as_deref());
    }
    batch(
        &SOURCES,
        vec![
            Arc::new(id.finish()),
            Arc::new(title.finish()),
            Arc::new(publisher.finish()),
            Arc::new(published.finish()),
            Arc::new(first.finish()),
            Arc::new(last.finish()),
            Arc::new(reliability.finish()),
            Arc::new(approximate.finish()),
            Arc::new(url.finish()),
            Arc::new(file.finish()),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn epoch_days_agree_with_jiff() {
        let epoch = jiff::civil::date(1970, 1, 1);
        for text in [
            "0001-01-01",
            "1969-12-31",
            "1970-01-01",
            "2000-02-29",
            "2024-11-30",
            "2200-12-31",
        ] {
            let day: Date = text.parse().unwrap();
            let expected = epoch.until(day.to_jiff()).unwrap().get_days();
            assert_eq!(epoch_days(day), expected, "{text}");
        }
    }
}
