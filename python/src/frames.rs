//! A view's tables as Arrow record batches, handed to Python through the
//! Arrow PyCapsule interface, and the frames and graphs built on them:
//! pandas and polars through Arrow, networkx edge by edge.
//!
//! The tables are the library's (`actorgraph::arrow`, the export tables),
//! with the relation kinds and ends as categoricals and the view's
//! `holding` added, and the view's events as a table of their own.

use std::sync::Arc;

use actorgraph::export::{ExportOptions, Scope};
use actorgraph::{Holding, RelationKind, RelationRef, View, arrow};
use arrow_array::types::{Int8Type, Int32Type};
use arrow_array::{
    Array, ArrayRef, BooleanArray, DictionaryArray, Int8Array, Int32Array, RecordBatch, StringArray,
};
use arrow_schema::{ArrowError, Field, Schema};
use arrow_select::filter::filter_record_batch;
use pyo3::exceptions::PyImportError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};
use pyo3_arrow::PyTable;

use crate::errors::{detached, guarded, invalid_argument, raise};
use crate::view_state::PyView;

/// The tables `to_arrow` gives.
pub const TABLES: [&str; 5] = ["relations", "events", "actors", "citations", "sources"];

/// A dictionary (categorical) column of `keys` into `values`.
fn dictionary_i32(keys: Vec<i32>, values: ArrayRef) -> Result<ArrayRef, ArrowError> {
    let array = DictionaryArray::<Int32Type>::try_new(Int32Array::from(keys), values)?;
    Ok(Arc::new(array))
}

/// A small categorical column of words (kinds, holdings).
fn dictionary_i8(keys: Vec<Option<i8>>, words: &[&str]) -> Result<ArrayRef, ArrowError> {
    let values: ArrayRef = Arc::new(StringArray::from(words.to_vec()));
    let array = DictionaryArray::<Int8Type>::try_new(Int8Array::from(keys), values)?;
    Ok(Arc::new(array))
}

/// A text column as a categorical one, for the small tables (an actor's
/// kind, a citation's stance), in order of first appearance.
fn encode(column: &ArrayRef) -> Result<ArrayRef, ArrowError> {
    let Some(strings) = column.as_any().downcast_ref::<StringArray>() else {
        return Ok(Arc::clone(column));
    };
    let array: DictionaryArray<Int32Type> = strings.iter().collect();
    Ok(Arc::new(array))
}

fn kind_key(kind: RelationKind) -> i8 {
    // Some two dozen kinds: the position fits an i8.
    RelationKind::ALL
        .iter()
        .position(|k| *k == kind)
        .unwrap_or(0) as i8
}

/// Replaces the columns named in `replaced` and appends `added`.
fn recolumn(
    batch: &RecordBatch,
    replaced: Vec<(&str, ArrayRef)>,
    added: Vec<(&str, ArrayRef)>,
) -> Result<RecordBatch, ArrowError> {
    let schema = batch.schema();
    let mut fields: Vec<Field> = Vec::new();
    let mut columns: Vec<ArrayRef> = Vec::new();
    for (field, column) in schema.fields().iter().zip(batch.columns()) {
        match replaced.iter().find(|(name, _)| name == field.name()) {
            Some((_, new)) => {
                fields.push(Field::new(
                    field.name(),
                    new.data_type().clone(),
                    field.is_nullable(),
                ));
                columns.push(Arc::clone(new));
            }
            None => {
                fields.push(field.as_ref().clone());
                columns.push(Arc::clone(column));
            }
        }
    }
    for (name, column) in added {
        fields.push(Field::new(name, column.data_type().clone(), true));
        columns.push(column);
    }
    RecordBatch::try_new(Arc::new(Schema::new(fields)), columns)
}

/// The library's relations table of `relations` (in relation order, as the
/// library writes them) with `subject`, `object` and `kind` as categoricals
/// and the view's `holding` appended.
fn relations_table(
    view: View<'_>,
    batch: &RecordBatch,
    relations: &[RelationRef<'_>],
) -> Result<RecordBatch, ArrowError> {
    let graph = view.graph();
    let n = relations.len();
    let (mut subject, mut object) = (Vec::with_capacity(n), Vec::with_capacity(n));
    let (mut kind, mut holding) = (Vec::with_capacity(n), Vec::with_capacity(n));
    for r in relations {
        // Under 2^31 actors, so an order fits an i32 key.
        subject.push(r.subject().order() as i32);
        object.push(r.object().order() as i32);
        kind.push(Some(kind_key(r.kind())));
        holding.push(match r.holding() {
            Some(Holding::Certainly) => Some(0),
            Some(Holding::Possibly) => Some(1),
            _ => None,
        });
    }
    // The ends are categoricals over every actor's id, keyed by its order:
    // four bytes a row, and pandas and polars get categories at no cost.
    let ids: ArrayRef = Arc::new(StringArray::from_iter_values(
        graph.actors().map(|a| a.id.as_str()),
    ));
    let kinds: Vec<&str> = RelationKind::ALL.iter().map(|k| k.name()).collect();
    recolumn(
        batch,
        vec![
            ("subject", dictionary_i32(subject, Arc::clone(&ids))?),
            ("object", dictionary_i32(object, ids)?),
            ("kind", dictionary_i8(kind, &kinds)?),
        ],
        vec![(
            "holding",
            dictionary_i8(holding, &["certainly", "possibly"])?,
        )],
    )
}

/// What building a table can fail with.
enum Failed {
    Library(actorgraph::Error),
    Arrow(ArrowError),
}

impl From<actorgraph::Error> for Failed {
    fn from(e: actorgraph::Error) -> Failed {
        Failed::Library(e)
    }
}

impl From<ArrowError> for Failed {
    fn from(e: ArrowError) -> Failed {
        Failed::Arrow(e)
    }
}

fn sorted<'g>(found: impl Iterator<Item = RelationRef<'g>>) -> Vec<RelationRef<'g>> {
    let mut relations: Vec<_> = found.collect();
    relations.sort_by_key(RelationRef::order);
    relations
}

/// One of the view's tables as an Arrow record batch, None for an unknown
/// name. The columns are the library's (`actorgraph::arrow`), with the
/// categoricals and `holding` of `relations_table`.
fn arrow_table(view: View<'_>, table: &str) -> Result<Option<RecordBatch>, Failed> {
    let options = ExportOptions::default();
    let scope = Scope::View(view);
    Ok(Some(match table {
        "relations" => {
            let batch = arrow::relations(scope, &options)?;
            relations_table(view, &batch, &sorted(view.relations()))?
        }
        "events" => {
            // The library writes a view's states; its events come from the
            // whole graph's table, filtered to those the view finds.
            let events = sorted(view.events());
            let wanted: std::collections::HashSet<&str> = events.iter().map(|r| r.id()).collect();
            let whole = arrow::relations(Scope::Whole(view.graph()), &options)?;
            let keep: BooleanArray = whole
                .column_by_name("id")
                .and_then(|c| c.as_any().downcast_ref::<StringArray>())
                .map(|ids| {
                    ids.iter()
                        .map(|id| Some(id.is_some_and(|id| wanted.contains(id))))
                        .collect()
                })
                .unwrap_or_else(|| BooleanArray::from(vec![false; whole.num_rows()]));
            let batch = filter_record_batch(&whole, &keep)?;
            relations_table(view, &batch, &events)?
        }
        "actors" => {
            let batch = arrow::actors(scope, &options)?;
            let kind = batch.column_by_name("kind").map(encode).transpose()?;
            recolumn(
                &batch,
                kind.map(|k| vec![("kind", k)]).unwrap_or_default(),
                vec![],
            )?
        }
        "citations" => {
            let batch = arrow::citations(scope, &options)?;
            let stance = batch.column_by_name("stance").map(encode).transpose()?;
            recolumn(
                &batch,
                stance.map(|k| vec![("stance", k)]).unwrap_or_default(),
                vec![],
            )?
        }
        "sources" => arrow::sources(scope, &options)?,
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
        Err(Failed::Library(e)) => Err(crate::errors::to_py(py, &e)),
        Err(Failed::Arrow(e)) => Err(raise(
            py,
            "ActorGraphError",
            &format!("arrow: {e}"),
            "arrow",
            |_| Ok(()),
        )),
    }
}

/// The table as a pyo3-arrow `Table`, which has `__arrow_c_stream__`.
pub fn to_arrow<'py>(py: Python<'py>, view: &PyView, table: &str) -> PyResult<Bound<'py, PyAny>> {
    let batch = batch(py, view, table)?;
    let schema = batch.schema();
    Ok(Bound::new(py, PyTable::try_new(vec![batch], schema)?)?.into_any())
}

/// Imports a package a method needs, or says how to install it.
fn needs<'py>(
    py: Python<'py>,
    module: &str,
    install: &str,
    method: &str,
) -> PyResult<Bound<'py, PyModule>> {
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
                    attrs.set_item("kind", crate::values::actor_kind_name(actor.kind))?;
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
        .set_item("day", crate::values::py_date(py, view.day)?)?;
    Ok(g)
}
