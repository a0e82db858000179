//! `ActorGraph`: loading, lookups, search, and what is asked of the whole
//! graph (timeline, lint, snapshots, exports).

use std::path::PathBuf;
use std::sync::Arc;

use actorgraph::ActorGraph;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyList};

use crate::algo;
use crate::convert::{MAX_TEXT, actor_arg, day_arg, kinds_arg};
use crate::errors::{detached, invalid_argument, raise};
use crate::export;
use crate::objects::{PyActor, PyCandidate, PyRelation, PySource};
use crate::view_state::{PyView, relation_list};

/// A validated graph of actors and their dated, sourced relations.
///
/// Load one with `ActorGraph.embedded()` (the bundled Syria 2024 dataset),
/// `ActorGraph.from_path(path)` (RON, JSON or a `.agsnap` snapshot), or
/// `from_ron` / `from_json` / `from_snapshot`; ask it questions through a
/// `View` (`graph.at("2024-11-30")`). `len(graph)` is its number of
/// relations; iterating gives every relation, whenever it held.
#[pyclass(name = "ActorGraph", module = "actorgraph", frozen)]
pub struct PyActorGraph {
    pub graph: Arc<ActorGraph>,
}

impl PyActorGraph {
    fn wrap(graph: ActorGraph) -> PyActorGraph {
        PyActorGraph {
            graph: Arc::new(graph),
        }
    }
}

fn text_arg(py: Python<'_>, text: &str, what: &str) -> PyResult<()> {
    if text.len() > MAX_TEXT {
        return Err(invalid_argument(
            py,
            what,
            &format!(
                "{what} of {} bytes is too long (at most {MAX_TEXT})",
                text.len()
            ),
        ));
    }
    Ok(())
}

#[pymethods]
impl PyActorGraph {
    /// The bundled dataset: the rebel offensive in north-west Syria from
    /// 2024-11-27, from five articles.
    #[staticmethod]
    fn embedded(py: Python<'_>) -> PyResult<PyActorGraph> {
        detached(py, ActorGraph::embedded).map(PyActorGraph::wrap)
    }

    /// Loads a dataset file: RON or JSON (by extension or content), or a
    /// snapshot. Raises `ParseError` with line and column, or
    /// `InvalidDatasetError` with every problem.
    #[staticmethod]
    fn from_path(py: Python<'_>, path: PathBuf) -> PyResult<PyActorGraph> {
        if !path.exists() {
            let shown = path.display().to_string();
            return Err(raise(
                py,
                "ActorGraphIOError",
                &format!("no such file: {shown}"),
                "io",
                |kw| kw.set_item("path", &shown),
            ));
        }
        detached(py, || ActorGraph::from_path(&path)).map(PyActorGraph::wrap)
    }

    /// Imports dataset files with one of the library's importers and
    /// returns the new graph with the import's report (a dict: rows_read,
    /// relations and new_actors by kind, sources, matched, ambiguous,
    /// rejected rows, empty rows, already_held, and its text).
    ///
    /// `preset` is `acled`, `ucdp-actors`, `ucdp-esd`, `mmp` or `table`
    /// (with `mapping`, a mapping file). With `onto`, the files go on top
    /// of that graph (which is left as it was); `aliases` names the alias
    /// file. A rejected row raises `RejectedRowsError` listing each with
    /// its file, line and column, unless `skip_bad_rows`.
    #[staticmethod]
    #[pyo3(signature = (preset, paths, *, onto=None, mapping=None, aliases=None, skip_bad_rows=false, new_when_ambiguous=false, version=None))]
    #[allow(clippy::too_many_arguments)]
    fn import_files(
        py: Python<'_>,
        preset: &str,
        paths: Vec<PathBuf>,
        onto: Option<PyRef<'_, PyActorGraph>>,
        mapping: Option<PathBuf>,
        aliases: Option<PathBuf>,
        skip_bad_rows: bool,
        new_when_ambiguous: bool,
        version: Option<String>,
    ) -> PyResult<(PyActorGraph, Py<pyo3::types::PyDict>)> {
        let onto = onto.map(|g| g.graph.clone());
        let (graph, report) = crate::import::import_files(
            py,
            preset,
            paths,
            onto,
            mapping,
            aliases,
            skip_bad_rows,
            new_when_ambiguous,
            version,
        )?;
        Ok((PyActorGraph::wrap(graph), report))
    }

    /// Reads a dataset from RON text.
    #[staticmethod]
    fn from_ron(py: Python<'_>, text: &str) -> PyResult<PyActorGraph> {
        detached(py, || ActorGraph::from_ron(text)).map(PyActorGraph::wrap)
    }

    /// Reads a dataset from JSON text.
    #[staticmethod]
    fn from_json(py: Python<'_>, text: &str) -> PyResult<PyActorGraph> {
        detached(py, || ActorGraph::from_json(text)).map(PyActorGraph::wrap)
    }

    /// Opens a snapshot from its bytes (see `to_snapshot`).
    #[staticmethod]
    fn from_snapshot(py: Python<'_>, data: &[u8]) -> PyResult<PyActorGraph> {
        detached(py, || ActorGraph::from_snapshot(data)).map(PyActorGraph::wrap)
    }

    /// A synthetic graph of about `relations` relations, for tests and
    /// benches (the library's generator; not a real dataset).
    #[staticmethod]
    #[pyo3(signature = (relations, *, actors=None, seed=1))]
    fn _synthetic(
        py: Python<'_>,
        relations: usize,
        actors: Option<usize>,
        seed: u64,
    ) -> PyResult<PyActorGraph> {
        let actors = actors.unwrap_or((relations / 10).max(10));
        detached(py, || {
            let data = actorgraph::synthetic::Spec::new(actors, relations)
                .seed(seed)
                .generate();
            ActorGraph::from_dataset(data)
        })
        .map(PyActorGraph::wrap)
    }

    /// A view of the graph as of `day`: a str (`"2024-11-30"`, or partial,
    /// `"2024-11"`, meaning its first day), a `datetime.date` or a
    /// `PartialDate`.
    fn at(&self, py: Python<'_>, day: &Bound<'_, PyAny>) -> PyResult<PyView> {
        Ok(PyView::new(
            Arc::clone(&self.graph),
            day_arg(py, day, "at")?,
        ))
    }

    /// The number of actors.
    #[getter]
    fn actor_count(&self) -> usize {
        self.graph.actor_count()
    }

    /// The number of relations.
    #[getter]
    fn relation_count(&self) -> usize {
        self.graph.relation_count()
    }

    /// Every actor, in the order added.
    fn actors<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let list = PyList::empty(py);
        for a in self.graph.actors() {
            list.append(PyActor::of(a))?;
        }
        Ok(list)
    }

    /// Every source, in the order added.
    fn sources<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let list = PyList::empty(py);
        for s in self.graph.sources() {
            list.append(PySource::of(s))?;
        }
        Ok(list)
    }

    /// The actor with this id, or None.
    fn actor(&self, id: &str) -> Option<PyActor> {
        self.graph.actor(id).map(PyActor::of)
    }

    /// The source with this id, or None.
    fn source(&self, id: &str) -> Option<PySource> {
        self.graph.source(id).map(PySource::of)
    }

    /// The relation with this id; `UnknownRelationError` (with the closest
    /// id as `suggestion`) when there is none.
    fn relation(&self, py: Python<'_>, id: &str) -> PyResult<PyRelation> {
        text_arg(py, id, "relation id")?;
        let graph = &self.graph;
        detached(py, || Ok(PyRelation::of(graph, &graph.relation(id)?)))
    }

    /// Every relation, whenever it held, in the order added.
    fn relations<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let graph = &self.graph;
        let all = detached(py, || {
            Ok(graph
                .relations()
                .map(|r| PyRelation::of(graph, &r))
                .collect())
        })?;
        relation_list(py, all)
    }

    /// The actor a name means: an id, a name, alias or former name (spelt
    /// loosely), or part of one actor's name. `UnknownNameError` or
    /// `AmbiguousNameError` list the candidates.
    fn resolve(&self, py: Python<'_>, name: &Bound<'_, PyAny>) -> PyResult<PyActor> {
        let name = actor_arg(py, name)?;
        let graph = &self.graph;
        detached(py, || Ok(PyActor::of(graph.resolve(&name)?.record())))
    }

    /// As `resolve`, saying which name matched and how: a `Candidate`.
    fn resolve_explained(&self, py: Python<'_>, name: &str) -> PyResult<PyCandidate> {
        text_arg(py, name, "name")?;
        // Short work: resolved with the GIL held, as the candidate is built.
        let candidate = crate::errors::guarded(py, || {
            self.graph
                .resolve_explained(name)
                .map_err(|e| crate::errors::to_py(py, &e))
        })?;
        PyCandidate::of(py, &candidate)
    }

    /// The actors `text` may mean, best first, at most `limit`: each a
    /// `Candidate` with the name that matched and how.
    #[pyo3(signature = (text, limit=10))]
    fn search<'py>(
        &self,
        py: Python<'py>,
        text: &str,
        limit: usize,
    ) -> PyResult<Bound<'py, PyList>> {
        text_arg(py, text, "search text")?;
        crate::errors::guarded(py, || {
            let list = PyList::empty(py);
            for c in self.graph.search(text).take(limit) {
                list.append(PyCandidate::of(py, &c)?)?;
            }
            Ok(list)
        })
    }

    /// Every relation, event and name change of one actor, in date order:
    /// a list of `TimelineEntry`.
    fn timeline<'py>(
        &self,
        py: Python<'py>,
        actor: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyList>> {
        algo::timeline(py, &self.graph, actor_arg(py, actor)?)
    }

    /// Warnings about the dataset (quotes naming neither end, overlaps...):
    /// a `Lint`.
    fn lint(&self, py: Python<'_>) -> PyResult<algo::PyLint> {
        algo::lint(py, &self.graph)
    }

    /// The dataset as RON text.
    fn to_ron(&self, py: Python<'_>) -> PyResult<String> {
        let graph = &self.graph;
        detached(py, || graph.to_ron())
    }

    /// The dataset as JSON text.
    fn to_json(&self, py: Python<'_>) -> PyResult<String> {
        let graph = &self.graph;
        detached(py, || graph.to_json())
    }

    /// The graph as snapshot bytes, which `from_snapshot` opens without parsing.
    fn to_snapshot<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyBytes>> {
        let graph = &self.graph;
        let data = detached(py, || Ok(graph.to_snapshot()))?;
        Ok(export::bytes(py, &data))
    }

    /// Writes a snapshot file (whole, under a temporary name then renamed).
    fn save_snapshot(&self, py: Python<'_>, path: PathBuf) -> PyResult<()> {
        let graph = &self.graph;
        let data = detached(py, || Ok(graph.to_snapshot()))?;
        export::write_whole(py, &path, &data)
    }

    /// Exports the whole graph, every relation with its dates, in `format`
    /// (`json`, `nodelink`, `cytoscape`, `graphml`, `gexf`, `ttl`, `html`,
    /// `csv`): the text (for `csv`, a dict of file name to text), or None
    /// after writing it to `path` (for `csv`, a directory).
    #[pyo3(signature = (format, path=None, *, kinds=None, measures=false))]
    fn export<'py>(
        &self,
        py: Python<'py>,
        format: &str,
        path: Option<PathBuf>,
        kinds: Option<&Bound<'py, PyAny>>,
        measures: bool,
    ) -> PyResult<Option<Bound<'py, PyAny>>> {
        let kinds = kinds_arg(py, kinds)?;
        export::export(
            py,
            export::Of::Graph(&self.graph),
            format,
            path,
            kinds,
            measures,
        )
    }

    /// The number of relations.
    fn __len__(&self) -> usize {
        self.graph.relation_count()
    }

    /// Every relation, whenever it held.
    fn __iter__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.relations(py)?.try_iter().map(|i| i.into_any())
    }

    fn __repr__(&self) -> String {
        format!(
            "<ActorGraph of {} actors, {} relations, {} sources>",
            self.graph.actor_count(),
            self.graph.relation_count(),
            self.graph.sources().len()
        )
    }

    /// A summary for notebooks.
    fn _repr_html_(&self) -> String {
        format!(
            "<div><b>ActorGraph</b>: {} actors, {} relations, {} sources</div>",
            self.graph.actor_count(),
            self.graph.relation_count(),
            self.graph.sources().len()
        )
    }
}
