//! The Python package `actorgraph`: the library's model and queries, its
//! algorithms and exports, answers as Arrow tables (and so pandas and
//! polars frames) and networkx graphs, errors as Python exceptions.
//!
//! The native module is `actorgraph._actorgraph`; the package's
//! `__init__.py` re-exports it with the exceptions of `_errors.py`.

mod algo;
mod convert;
mod errors;
mod export;
mod frames;
mod graph;
mod import;
mod objects;
mod values;
mod view;
mod view_state;

use pyo3::prelude::*;

/// The native half of the `actorgraph` package.
#[pymodule]
fn _actorgraph(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<graph::PyActorGraph>()?;
    m.add_class::<view_state::PyView>()?;
    m.add_class::<objects::PyRelation>()?;
    m.add_class::<objects::PyCitation>()?;
    m.add_class::<objects::PyActor>()?;
    m.add_class::<objects::PySource>()?;
    m.add_class::<objects::PyCandidate>()?;
    m.add_class::<convert::PyPartialDate>()?;
    m.add_class::<algo::PyChain>()?;
    m.add_class::<algo::PyHop>()?;
    m.add_class::<algo::PyCamp>()?;
    m.add_class::<algo::PyCommonTie>()?;
    m.add_class::<algo::PyChanges>()?;
    m.add_class::<algo::PyHandOver>()?;
    m.add_class::<algo::PyTimelineEntry>()?;
    m.add_class::<algo::PyFinding>()?;
    m.add_class::<algo::PyLint>()?;
    m.add("EXPORT_FORMATS", export::FORMATS)?;
    m.add("SNAPSHOT_VERSION", actorgraph::SNAPSHOT_VERSION)?;
    Ok(())
}
