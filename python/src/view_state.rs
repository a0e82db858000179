//! The state of a `View` (the graph, the day, and how it reads), what
//! the algorithms, exports and frames take in; its Python methods are in
//! `view.rs`, which stands on them.

use std::sync::Arc;

use actorgraph::{ActorGraph, Certainty, Date, Grade, RelationRef, View};
use pyo3::prelude::*;
use pyo3::types::PyList;

use crate::errors::detached;
use crate::objects::PyRelation;

/// The graph as of one day: which relations held, as known by a day if
/// asked, possibly or certainly.
///
/// Made by `ActorGraph.at(day)`; `known_by`, `certainly`, `possibly`,
/// `graded_at_least` and `without_contested` each give a new view. Queries
/// take an actor as a name (matched loosely, as `ActorGraph.resolve` does)
/// or an `Actor`, and return lists of `Relation`.
#[pyclass(name = "View", module = "actorgraph", frozen)]
#[derive(Clone)]
pub struct PyView {
    pub graph: Arc<ActorGraph>,
    pub day: Date,
    pub known_by: Option<Date>,
    pub certainty: Certainty,
    pub keep_contested: bool,
    pub min_grade: Option<Grade>,
}

impl PyView {
    pub fn new(graph: Arc<ActorGraph>, day: Date) -> PyView {
        PyView {
            graph,
            day,
            known_by: None,
            certainty: Certainty::Possibly,
            keep_contested: true,
            min_grade: None,
        }
    }

    /// The library's view, rebuilt (it is a few words) for each call.
    pub fn view(&self) -> View<'_> {
        let mut view = self.graph.at(self.day).certainty(self.certainty);
        if let Some(k) = self.known_by {
            view = view.known_by(k);
        }
        if let Some(g) = self.min_grade {
            view = view.graded_at_least(g);
        }
        if !self.keep_contested {
            view = view.without_contested();
        }
        view
    }

    /// Runs a query with the GIL released and returns its relations as a
    /// Python list.
    pub fn listed<'py, F>(&self, py: Python<'py>, query: F) -> PyResult<Bound<'py, PyList>>
    where
        F: for<'g> FnOnce(View<'g>) -> Result<Vec<RelationRef<'g>>, actorgraph::Error> + Send,
    {
        let graph = &self.graph;
        let found = detached(py, || {
            let relations = query(self.view())?;
            Ok(relations
                .iter()
                .map(|r| PyRelation::of(graph, r))
                .collect::<Vec<_>>())
        })?;
        relation_list(py, found)
    }

    pub fn describe(&self) -> String {
        let mut out = format!("as of {}", self.day);
        if let Some(k) = self.known_by {
            out.push_str(&format!(", as known by {k}"));
        }
        out.push_str(match self.certainty {
            Certainty::Certainly => ", certainly",
            _ => ", possibly",
        });
        if let Some(g) = self.min_grade {
            out.push_str(&format!(", graded at least {g}"));
        }
        if !self.keep_contested {
            out.push_str(", without contested");
        }
        out
    }
}

/// Relations as a Python list of `Relation`.
pub fn relation_list(py: Python<'_>, relations: Vec<PyRelation>) -> PyResult<Bound<'_, PyList>> {
    let list = PyList::empty(py);
    for r in relations {
        list.append(Py::new(py, r)?)?;
    }
    Ok(list)
}
