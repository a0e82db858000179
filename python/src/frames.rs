//! A view's tables as Arrow record batches, handed to Python through the
//! Arrow PyCapsule interface, and the frames and graphs built on them:
//! pandas and polars through Arrow, networkx edge by edge.
//!
//! The tables are built here, in the binding, column for column as the
//! library's own Arrow tables will be: `arrow_tables` is the one function
//! to point at the library's module once it lands.

use std::sync::Arc;

use actorgraph::{Date, Holding, RelationRef, Stance, View};
use arrow_array::builder::{
    BooleanBuilder, Date32Builder, Int32Builder, ListBuilder, StringBuilder,
};
use arrow_array::types::{Int8Type, Int32Type};
use arrow_array::{
    Array, ArrayRef, DictionaryArray, Int8Array, Int32Array, RecordBatch, StringArray,
};
use arrow_schema::{ArrowError, DataType, Field, Schema};
use pyo3::exceptions::PyImportError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};
use pyo3_arrow::PyTable;

use crate::errors::{detached, guarded, invalid_argument, raise};
use crate::view::PyView;

/// The tables `to_arrow` gives.
pub const TABLES: [&str; 5] = ["relations", "events", "actors", "citations", "sources"];

/// Days from 1970-01-01 to `day`, as Arrow's `date32` counts them.
fn date32(day: Date) -> i32 {
    // Howard Hinnant's days-from-civil, on the proleptic Gregorian calendar.
    let (y, m, d) = (i64::from(day.year()), i64::from(day.month()), i64::from(day.day()));
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    // Years 1..=2200 keep this well inside i32.
    (era * 146_097 + doe - 719_468) as i32
}

/// A real day, or None for the library's open ends.
fn real(day: Option<Date>) -> Option<Date> {
    day.filter(|d| *d != Date::MIN && *d != Date::MAX)
}

/// A dictionary column whose dictionary is `values` and keys `keys`.
fn dictionary_i32(keys: Vec<i32>, values: ArrayRef) -> Result<ArrayRef, ArrowError> {
    let array = DictionaryArray::<Int32Type>::try_new(Int32Array::from(keys), values)?;
    Ok(Arc::new(array))
}

/// A small categorical column of words (kinds, holdings, stances).
fn dictionary_i8(keys: Vec<Option<i8>>, words: &[&str]) -> Result<ArrayRef, ArrowError> {
    let values: ArrayRef = Arc::new(StringArray::from(words.to_vec()));
    let array = DictionaryArray::<Int8Type>::try_new(Int8Array::from(keys), values)?;
    Ok(Arc::new(array))
}

fn dict_type(key: DataType) -> DataType {
    DataType::Dictionary(Box::new(key), Box::new(DataType::Utf8))
}

/// Every relation kind's name, the dictionary of `kind` columns.
fn kind_words() -> Vec<&'static str> {
    actorgraph::RelationKind::ALL.iter().map(|k| k.name()).collect()
}

fn kind_key(kind: actorgraph::RelationKind) -> i8 {
    // At most a few dozen kinds, so the position fits an i8.
    actorgraph::RelationKind::ALL.iter().position(|k| *k == kind).unwrap_or(0) as i8
}

/// The relations (or events) table of a list of relations.
fn relations_batch(view: View<'_>, relations: &[RelationRef<'_>]) -> Result<RecordBatch, ArrowError> {
    let graph = view.graph();
    let n = relations.len();
    let mut id = StringBuilder::with_capacity(n, n * 24);
    let mut kind = Vec::with_capacity(n);
    let mut subject = Vec::with_capacity(n);
    let mut object = Vec::with_capacity(n);
    let mut start = StringBuilder::with_capacity(n, n * 8);
    let mut end = StringBuilder::with_capacity(n, n * 8);
    let mut on = StringBuilder::with_capacity(n, n);
    let mut first = Date32Builder::with_capacity(n);
    let mut last = Date32Builder::with_capacity(n);
    let mut holding = Vec::with_capacity(n);
    let mut contested = BooleanBuilder::with_capacity(n);
    let mut citations = Int32Builder::with_capacity(n);
    for r in relations {
        id.append_value(r.id());
        kind.push(Some(kind_key(r.kind())));
        subject.push(r.subject().order() as i32);
        object.push(r.object().order() as i32);
        let interval = r.interval();
        let (first_day, last_day) = match r.happened_on() {
            Some(when) => {
                on.append_value(when.to_string());
                start.append_null();
                end.append_null();
                (Some(when.first_day()), when.last_day())
            }
            None => {
                on.append_null();
                start.append_option(interval.start().map(|w| w.to_string()));
                end.append_option(interval.end().map(|w| w.to_string()));
                let last = interval.end().and_then(|w| w.last_day()).and_then(|d| d.preceding());
                (Some(interval.possible_from()), last)
            }
        };
        first.append_option(real(first_day).map(date32));
        last.append_option(real(last_day).map(date32));
        holding.push(match r.holding() {
            Some(Holding::Certainly) => Some(0),
            Some(Holding::Possibly) => Some(1),
            _ => None,
        });
        contested.append_value(r.is_contested());
        citations.append_value(r.citations().count() as i32);
    }
    // The ends are categoricals over every actor, keyed by the actor's
    // order, so a million rows cost four bytes each per end.
    let ids: ArrayRef = Arc::new(StringArray::from_iter_values(graph.actors().map(|a| a.id.as_str())));
    let names: ArrayRef = Arc::new(StringArray::from_iter_values(graph.actors().map(|a| a.name.as_str())));
    let kinds = kind_words();
    let columns: Vec<ArrayRef> = vec![
        Arc::new(id.finish()),
        dictionary_i8(kind, &kinds)?,
        dictionary_i32(subject.clone(), Arc::clone(&ids))?,
        dictionary_i32(subject, Arc::clone(&names))?,
        dictionary_i32(object.clone(), ids)?,
        dictionary_i32(object, names)?,
        Arc::new(start.finish()),
        Arc::new(end.finish()),
        Arc::new(on.finish()),
        Arc::new(first.finish()),
        Arc::new(last.finish()),
        dictionary_i8(holding, &["certainly", "possibly"])?,
        Arc::new(contested.finish()),
        Arc::new(citations.finish()),
    ];
    RecordBatch::try_new(Arc::new(relations_schema()), columns)
}

/// The columns of the relations and events tables.
pub fn relations_schema() -> Schema {
    Schema::new(vec![
        Field::new("id", DataType::Utf8, false),
        Field::new("kind", dict_type(DataType::Int8), false),
        Field::new("subject", dict_type(DataType::Int32), false),
        Field::new("subject_name", dict_type(DataType::Int32), false),
        Field::new("object", dict_type(DataType::Int32), false),
        Field::new("object_name", dict_type(DataType::Int32), false),
        Field::new("start", DataType::Utf8, true),
        Field::new("end", DataType::Utf8, true),
        Field::new("on", DataType::Utf8, true),
        Field::new("first_day", DataType::Date32, true),
        Field::new("last_day", DataType::Date32, true),
        Field::new("holding", dict_type(DataType::Int8), true),
        Field::new("contested", DataType::Boolean, false),
        Field::new("citations", DataType::Int32, false),
    ])
}

/// The actors table: every actor of the graph.
fn actors_batch(view: View<'_>) -> Result<RecordBatch, ArrowError> {
    let graph = view.graph();
    let n = graph.actor_count();
    let mut id = StringBuilder::with_capacity(n, n * 16);
    let mut name = StringBuilder::with_capacity(n, n * 16);
    let mut kind = StringBuilder::with_capacity(n, n * 8);
    let mut aliases = ListBuilder::new(StringBuilder::new());
    let mut died = StringBuilder::with_capacity(n, 0);
    for a in graph.actors() {
        id.append_value(a.id.as_str());
        name.append_value(&a.name);
        kind.append_value(crate::convert::actor_kind_name(a.kind));
        for alias in &a.aliases {
            aliases.values().append_value(alias);
        }
        aliases.append(true);
        died.append_option(a.died.map(|d| d.to_string()));
    }
    let kind = kind.finish();
    let kind: ArrayRef = Arc::new(arrow_array::DictionaryArray::<Int8Type>::from_iter(kind.iter()));
    let aliases = aliases.finish();
    let schema = Schema::new(vec![
        Field::new("id", DataType::Utf8, false),
        Field::new("name", DataType::Utf8, false),
        Field::new("kind", dict_type(DataType::Int8), true),
        Field::new("aliases", aliases.data_type().clone(), true),
        Field::new("died", DataType::Utf8, true),
    ]);
    RecordBatch::try_new(
        Arc::new(schema),
        vec![Arc::new(id.finish()), Arc::new(name.finish()), kind, Arc::new(aliases), Arc::new(died.finish())],
    )
}

/// The citations table: one row per citation of the view's relations.
fn citations_batch(relations: &[RelationRef<'_>]) -> Result<RecordBatch, ArrowError> {
    let mut relation = StringBuilder::new();
    let mut source = StringBuilder::new();
    let mut quote = StringBuilder::new();
    let mut stance = Vec::new();
    let mut claimant = StringBuilder::new();
    let mut published = StringBuilder::new();
    let mut published_first = Date32Builder::new();
    let mut superseded = BooleanBuilder::new();
    let mut grade = StringBuilder::new();
    for r in relations {
        for e in r.citations() {
            relation.append_value(r.id());
            source.append_value(e.source().id.as_str());
            quote.append_value(e.quote());
            stance.push(Some(if e.stance() == Stance::Disputes { 1 } else { 0 }));
            claimant.append_option(e.claimed_by().map(|c| match c {
                actorgraph::Claimant::Actor(id) => id.to_string(),
                other => other.to_string(),
            }));
            published.append_value(e.source().published.to_string());
            published_first.append_value(date32(e.source().published.first_day()));
            superseded.append_value(e.is_superseded());
            grade.append_option(e.grade().map(|g| g.to_string()));
        }
    }
    let schema = Schema::new(vec![
        Field::new("relation", DataType::Utf8, false),
        Field::new("source", DataType::Utf8, false),
        Field::new("quote", DataType::Utf8, false),
        Field::new("stance", dict_type(DataType::Int8), false),
        Field::new("claimant", DataType::Utf8, true),
        Field::new("published", DataType::Utf8, false),
        Field::new("published_first", DataType::Date32, false),
        Field::new("superseded", DataType::Boolean, false),
        Field::new("grade", DataType::Utf8, true),
    ]);
    RecordBatch::try_new(
        Arc::new(schema),
        vec![
            Arc::new(relation.finish()),
            Arc::new(source.finish()),
            Arc::new(quote.finish()),
            dictionary_i8(stance, &["supports", "disputes"])?,
            Arc::new(claimant.finish()),
            Arc::new(published.finish()),
            Arc::new(published_first.finish()),
            Arc::new(superseded.finish()),
            Arc::new(grade.finish()),
        ],
    )
}

/// The sources table: every source of the graph.
fn sources_batch(view: View<'_>) -> Result<RecordBatch, ArrowError> {
    let graph = view.graph();
    let mut id = StringBuilder::new();
    let mut title = StringBuilder::new();
    let mut publisher = StringBuilder::new();
    let mut published = StringBuilder::new();
    let mut first = Date32Builder::new();
    let mut last = Date32Builder::new();
    let mut url = StringBuilder::new();
    let mut reliability = StringBuilder::new();
    for s in graph.sources() {
        id.append_value(s.id.as_str());
        title.append_value(&s.title);
        publisher.append_option(s.publisher.as_deref());
        published.append_value(s.published.to_string());
        first.append_value(date32(s.published.first_day()));
        last.append_option(real(s.published.last_day()).map(date32));
        url.append_option(s.url.as_deref());
        reliability.append_option(s.reliability.map(|r| r.to_string()));
    }
    let schema = Schema::new(vec![
        Field::new("id", DataType::Utf8, false),
        Field::new("title", DataType::Utf8, false),
        Field::new("publisher", DataType::Utf8, true),
        Field::new("published", DataType::Utf8, false),
        Field::new("published_first", DataType::Date32, false),
        Field::new("published_last", DataType::Date32, true),
        Field::new("url", DataType::Utf8, true),
        Field::new("reliability", DataType::Utf8, true),
    ]);
    RecordBatch::try_new(
        Arc::new(schema),
        vec![
            Arc::new(id.finish()),
            Arc::new(title.finish()),
            Arc::new(publisher.finish()),
            Arc::new(published.finish()),
            Arc::new(first.finish()),
            Arc::new(last.finish()),
            Arc::new(url.finish()),
            Arc::new(reliability.finish()),
        ],
    )
}

/// One of the view's tables as an Arrow record batch.
pub fn arrow_table(view: View<'_>, table: &str) -> Result<Option<RecordBatch>, ArrowError> {
    Ok(Some(match table {
        "relations" => relations_batch(view, &view.relations().collect::<Vec<_>>())?,
        "events" => relations_batch(view, &view.events().collect::<Vec<_>>())?,
        "actors" => actors_batch(view)?,
        "citations" => citations_batch(&view.relations().collect::<Vec<_>>())?,
        "sources" => sources_batch(view)?,
        _ => return Ok(None),
    }))
}

fn batch(py: Python<'_>, view: &PyView, table: &str) -> PyResult<RecordBatch> {
    let built = detached(py, || Ok(arrow_table(view.view(), table)))?;
    match built {
        Ok(Some(batch)) => Ok(batch),
        Ok(None) => Err(invalid_argument(
            py,
            "table",
            &format!("unknown table {table:?}; known: {}", TABLES.join(", ")),
        )),
        Err(e) => Err(raise(py, "ActorGraphError", &format!("arrow: {e}"), "arrow", |_| Ok(()))),
    }
}

/// The table as a pyo3-arrow `Table`, which has `__arrow_c_stream__`.
pub fn to_arrow<'py>(py: Python<'py>, view: &PyView, table: &str) -> PyResult<Bound<'py, PyAny>> {
    let batch = batch(py, view, table)?;
    let schema = batch.schema();
    Ok(Bound::new(py, PyTable::try_new(vec![batch], schema)?)?.into_any())
}

/// Imports a package a method needs, or says how to install it.
fn needs<'py>(py: Python<'py>, module: &str, install: &str, method: &str) -> PyResult<Bound<'py, PyModule>> {
    py.import(module).map_err(|_| {
        PyImportError::new_err(format!(
            "View.{method}() needs the {module} package: pip install {install}"
        ))
    })
}

/// The table as a pandas DataFrame, through pyarrow.
pub fn to_pandas<'py>(py: Python<'py>, view: &PyView, table: &str) -> PyResult<Bound<'py, PyAny>> {
    guarded(py, || {
        needs(py, "pandas", "pandas pyarrow", "to_pandas")?;
        let pyarrow = needs(py, "pyarrow", "pyarrow", "to_pandas")?;
        let arrow = to_arrow(py, view, table)?;
        let table = pyarrow.call_method1("table", (arrow,))?;
        // Days as datetime64 columns rather than a Python object per day.
        let kwargs = PyDict::new(py);
        kwargs.set_item("date_as_object", false)?;
        table.call_method("to_pandas", (), Some(&kwargs))
    })
}

/// The table as a polars DataFrame, read from the Arrow stream.
pub fn to_polars<'py>(py: Python<'py>, view: &PyView, table: &str) -> PyResult<Bound<'py, PyAny>> {
    guarded(py, || {
        let polars = needs(py, "polars", "polars", "to_polars")?;
        let arrow = to_arrow(py, view, table)?;
        polars.call_method1("DataFrame", (arrow,))
    })
}

/// The view as a networkx MultiDiGraph.
pub fn to_networkx<'py>(py: Python<'py>, view: &PyView) -> PyResult<Bound<'py, PyAny>> {
    let networkx = needs(py, "networkx", "networkx", "to_networkx")?;
    let graph = &view.graph;
    let relations = detached(py, || {
        Ok(view
            .view()
            .relations()
            .map(|r| crate::objects::PyRelation::of(graph, &r))
            .collect::<Vec<_>>())
    })?;
    let g = networkx.call_method0("MultiDiGraph")?;
    let mut seen = std::collections::HashSet::new();
    let nodes = PyList::empty(py);
    let edges = PyList::empty(py);
    for r in relations {
        let (subject, object) = (r.subject_id(), r.object_id());
        for (id, name) in [(&subject, r.subject_name()), (&object, r.object_name())] {
            if seen.insert(id.clone()) {
                let attrs = PyDict::new(py);
                attrs.set_item("name", name)?;
                if let Some(actor) = graph.actor(id) {
                    attrs.set_item("kind", crate::convert::actor_kind_name(actor.kind))?;
                }
                nodes.append((id.clone(), attrs))?;
            }
        }
        let attrs = PyDict::new(py);
        attrs.set_item("id", &r.id)?;
        attrs.set_item("kind", r.kind_name())?;
        attrs.set_item("start", r.start_text())?;
        attrs.set_item("end", r.end_text())?;
        attrs.set_item("holding", r.holding_text())?;
        attrs.set_item("contested", r.contested)?;
        let citations = r.py_citations(py)?;
        let sources = PyList::empty(py);
        for c in citations.iter() {
            sources.append(c.getattr("source")?.getattr("id")?)?;
        }
        attrs.set_item("sources", sources)?;
        attrs.set_item("citations", citations)?;
        let key = r.id.clone();
        edges.append((subject, object, key, attrs))?;
    }
    g.call_method1("add_nodes_from", (nodes,))?;
    g.call_method1("add_edges_from", (edges,))?;
    g.getattr("graph")?
        .set_item("day", crate::convert::py_date(py, view.day)?)?;
    Ok(g)
}
