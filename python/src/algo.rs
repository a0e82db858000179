//! The algorithms over a view or the graph (chains, camps, blocs, common
//! ties, changes, timeline, lint) and the Python classes of their answers.
//!
//! Each runs with the GIL released into owned Rust values, which are then
//! turned into Python objects.

use std::sync::Arc;

use actorgraph::{
    ActorGraph, ActorRef, CampOptions, Chain, ChainOptions, Date, TimelineEvent, algo,
};
use pyo3::prelude::*;
use pyo3::types::PyList;

use crate::errors::detached;
use crate::objects::{PyActor, PyRelation};
use crate::view_state::{PyView, relation_list};

fn actor(a: ActorRef<'_>) -> PyActor {
    PyActor::of(a.record())
}

fn actor_list(py: Python<'_>, actors: Vec<PyActor>) -> PyResult<Py<PyList>> {
    let list = PyList::empty(py);
    for a in actors {
        list.append(Py::new(py, a)?)?;
    }
    Ok(list.unbind())
}

/// One hop of a chain: from one actor to the next, with the relations
/// behind it (parallel relations share a hop).
#[pyclass(name = "Hop", module = "actorgraph", frozen)]
pub struct PyHop {
    /// The actor the hop leaves (`from` is a Python keyword).
    #[pyo3(get)]
    from_: Py<PyActor>,
    /// The actor the hop reaches.
    #[pyo3(get)]
    to: Py<PyActor>,
    /// The relations behind the hop.
    #[pyo3(get)]
    relations: Py<PyList>,
    display: String,
}

#[pymethods]
impl PyHop {
    fn __str__(&self) -> String {
        self.display.clone()
    }

    fn __repr__(&self) -> String {
        format!("<Hop {}>", self.display)
    }
}

/// A chain of support from one actor to another, hop by hop.
#[pyclass(name = "Chain", module = "actorgraph", frozen)]
pub struct PyChain {
    /// The hops, in order.
    #[pyo3(get)]
    hops: Py<PyList>,
    /// The actors along the chain, both ends included.
    #[pyo3(get)]
    actors: Py<PyList>,
    display: String,
    length: usize,
}

#[pymethods]
impl PyChain {
    /// The number of hops.
    fn __len__(&self) -> usize {
        self.length
    }

    fn __iter__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.hops.bind(py).try_iter().map(|i| i.into_any())
    }

    fn __str__(&self) -> String {
        self.display.clone()
    }

    fn __repr__(&self) -> String {
        format!("<Chain of {} hop(s): {}>", self.length, self.display)
    }
}

/// A chain copied out of the graph, until Python gets it.
pub struct ChainData {
    hops: Vec<(PyActor, PyActor, Vec<PyRelation>, String)>,
    actors: Vec<PyActor>,
    display: String,
}

fn chain_data(graph: &Arc<ActorGraph>, chain: &Chain<'_>) -> ChainData {
    ChainData {
        hops: chain
            .hops()
            .iter()
            .map(|h| {
                (
                    actor(h.from()),
                    actor(h.to()),
                    h.relations()
                        .iter()
                        .map(|r| PyRelation::of(graph, r))
                        .collect(),
                    h.to_string(),
                )
            })
            .collect(),
        actors: chain.actors().map(actor).collect(),
        display: chain.to_string(),
    }
}

fn py_chain(py: Python<'_>, data: ChainData) -> PyResult<PyChain> {
    let hops = PyList::empty(py);
    let length = data.hops.len();
    for (from, to, relations, display) in data.hops {
        hops.append(PyHop {
            from_: Py::new(py, from)?,
            to: Py::new(py, to)?,
            relations: relation_list(py, relations)?.unbind(),
            display,
        })?;
    }
    Ok(PyChain {
        hops: hops.unbind(),
        actors: actor_list(py, data.actors)?,
        display: data.display,
        length,
    })
}

fn chain_list(py: Python<'_>, chains: Vec<ChainData>) -> PyResult<Bound<'_, PyList>> {
    let list = PyList::empty(py);
    for c in chains {
        list.append(py_chain(py, c)?)?;
    }
    Ok(list)
}

/// Chains of support, shortest first, at most `limit`.
pub fn chains<'py>(
    py: Python<'py>,
    view: &PyView,
    from: String,
    to: String,
    options: &ChainOptions,
    limit: Option<usize>,
) -> PyResult<Bound<'py, PyList>> {
    let graph = &view.graph;
    let found = detached(py, || {
        let found = algo::chains(view.view(), from.as_str(), to.as_str(), options)?;
        Ok(found
            .take(limit.unwrap_or(usize::MAX))
            .map(|c| chain_data(graph, &c))
            .collect::<Vec<_>>())
    })?;
    chain_list(py, found)
}

/// One side of a conflict on a day.
#[pyclass(name = "Camp", module = "actorgraph", frozen)]
pub struct PyCamp {
    /// The camp's actors, in dataset order.
    #[pyo3(get)]
    members: Py<PyList>,
    /// The member in the most fighting.
    #[pyo3(get)]
    principal: Py<PyActor>,
    /// The chains of support into the camp from outside.
    #[pyo3(get)]
    backing: Py<PyList>,
    /// The hostile relations between the camp and others.
    #[pyo3(get)]
    fighting: Py<PyList>,
    /// The competing relations between the camp and others.
    #[pyo3(get)]
    rivals: Py<PyList>,
    /// Ties to its foes that were not followed.
    #[pyo3(get)]
    kept_apart: Py<PyList>,
    name: String,
    size: usize,
}

#[pymethods]
impl PyCamp {
    /// The number of members.
    fn __len__(&self) -> usize {
        self.size
    }

    fn __repr__(&self) -> String {
        format!("<Camp of {} ({} members)>", self.name, self.size)
    }
}

type CampData = (
    Vec<PyActor>,
    PyActor,
    Vec<ChainData>,
    Vec<PyRelation>,
    Vec<PyRelation>,
    Vec<PyRelation>,
);

/// The camps of a view.
pub fn camps<'py>(
    py: Python<'py>,
    view: &PyView,
    options: &CampOptions,
) -> PyResult<Bound<'py, PyList>> {
    let graph = &view.graph;
    let rels = |list: &[actorgraph::RelationRef<'_>]| -> Vec<PyRelation> {
        list.iter().map(|r| PyRelation::of(graph, r)).collect()
    };
    let found: Vec<CampData> = detached(py, || {
        Ok(algo::camps(view.view(), options)
            .iter()
            .map(|c| {
                (
                    c.members().iter().copied().map(actor).collect(),
                    actor(c.principal()),
                    c.backing().iter().map(|ch| chain_data(graph, ch)).collect(),
                    rels(c.fighting()),
                    rels(c.rivals()),
                    rels(c.kept_apart()),
                )
            })
            .collect())
    })?;
    let list = PyList::empty(py);
    for (members, principal, backing, fighting, rivals, kept_apart) in found {
        let name = principal.name.clone();
        let size = members.len();
        list.append(PyCamp {
            members: actor_list(py, members)?,
            principal: Py::new(py, principal)?,
            backing: chain_list(py, backing)?.unbind(),
            fighting: relation_list(py, fighting)?.unbind(),
            rivals: relation_list(py, rivals)?.unbind(),
            kept_apart: relation_list(py, kept_apart)?.unbind(),
            name,
            size,
        })?;
    }
    Ok(list)
}

/// The blocs of a view, each a list of actors.
pub fn blocs<'py>(
    py: Python<'py>,
    view: &PyView,
    options: &ChainOptions,
) -> PyResult<Bound<'py, PyList>> {
    let found: Vec<Vec<PyActor>> = detached(py, || {
        Ok(algo::blocs(view.view(), options)
            .into_iter()
            .map(|b| b.into_iter().map(actor).collect())
            .collect())
    })?;
    let list = PyList::empty(py);
    for bloc in found {
        list.append(actor_list(py, bloc)?)?;
    }
    Ok(list)
}

/// An actor tied to both actors of a pair, with the relations of each tie.
#[pyclass(name = "CommonTie", module = "actorgraph", frozen)]
pub struct PyCommonTie {
    /// The actor tied to both.
    #[pyo3(get)]
    actor: Py<PyActor>,
    /// Its relations with the first actor.
    #[pyo3(get)]
    with_first: Py<PyList>,
    /// Its relations with the second actor.
    #[pyo3(get)]
    with_second: Py<PyList>,
}

#[pymethods]
impl PyCommonTie {
    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "<CommonTie {}: {} and {} relation(s)>",
            self.actor.get().name,
            self.with_first.bind(py).len(),
            self.with_second.bind(py).len()
        )
    }
}

/// Common backers (`backers`) or common enemies.
pub fn common<'py>(
    py: Python<'py>,
    view: &PyView,
    a: String,
    b: String,
    backers: bool,
) -> PyResult<Bound<'py, PyList>> {
    let graph = &view.graph;
    let found = detached(py, || {
        let ties = if backers {
            algo::common_backers(view.view(), a.as_str(), b.as_str())?
        } else {
            algo::common_enemies(view.view(), a.as_str(), b.as_str())?
        };
        Ok(ties
            .iter()
            .map(|t| {
                (
                    actor(t.actor),
                    t.with_first
                        .iter()
                        .map(|r| PyRelation::of(graph, r))
                        .collect::<Vec<_>>(),
                    t.with_second
                        .iter()
                        .map(|r| PyRelation::of(graph, r))
                        .collect::<Vec<_>>(),
                )
            })
            .collect::<Vec<_>>())
    })?;
    let list = PyList::empty(py);
    for (a, first, second) in found {
        list.append(PyCommonTie {
            actor: Py::new(py, a)?,
            with_first: relation_list(py, first)?.unbind(),
            with_second: relation_list(py, second)?.unbind(),
        })?;
    }
    Ok(list)
}

/// A place that changed hands: who controlled it before and after.
#[pyclass(name = "HandOver", module = "actorgraph", frozen)]
pub struct PyHandOver {
    /// The place.
    #[pyo3(get)]
    place: Py<PyActor>,
    /// Who controlled it on the first day.
    #[pyo3(get)]
    before: Py<PyList>,
    /// Who controlled it on the second.
    #[pyo3(get)]
    after: Py<PyList>,
}

#[pymethods]
impl PyHandOver {
    fn __repr__(&self) -> String {
        format!("<HandOver of {}>", self.place.get().name)
    }
}

/// What changed between two days.
#[pyclass(name = "Changes", module = "actorgraph", frozen)]
pub struct PyChanges {
    /// The first day.
    #[pyo3(get)]
    start: Py<PyAny>,
    /// The second day.
    #[pyo3(get)]
    end: Py<PyAny>,
    /// States that held on the second day and not the first.
    #[pyo3(get)]
    began: Py<PyList>,
    /// States that held on the first day and not the second.
    #[pyo3(get)]
    ended: Py<PyList>,
    /// States whose judgement changed, as (before, after) pairs.
    #[pyo3(get)]
    changed: Py<PyList>,
    /// Places that changed hands.
    #[pyo3(get)]
    hand_overs: Py<PyList>,
    /// Events in between.
    #[pyo3(get)]
    events: Py<PyList>,
}

#[pymethods]
impl PyChanges {
    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "<Changes from {} to {}: {} began, {} ended, {} changed, {} hand-overs, {} events>",
            self.start.bind(py),
            self.end.bind(py),
            self.began.bind(py).len(),
            self.ended.bind(py).len(),
            self.changed.bind(py).len(),
            self.hand_overs.bind(py).len(),
            self.events.bind(py).len()
        )
    }
}

type ChangesData = (
    Date,
    Date,
    Vec<PyRelation>,
    Vec<PyRelation>,
    Vec<(PyRelation, PyRelation)>,
    Vec<(PyActor, Vec<PyActor>, Vec<PyActor>)>,
    Vec<PyRelation>,
);

/// The changes from a view's day to `later`.
pub fn changes(py: Python<'_>, view: &PyView, later: Date) -> PyResult<PyChanges> {
    let graph = &view.graph;
    let rels = |list: &[actorgraph::RelationRef<'_>]| -> Vec<PyRelation> {
        list.iter().map(|r| PyRelation::of(graph, r)).collect()
    };
    let data: ChangesData = detached(py, || {
        let c = algo::changes(view.view(), later);
        Ok((
            c.from,
            c.to,
            rels(&c.began),
            rels(&c.ended),
            c.changed
                .iter()
                .map(|(a, b)| (PyRelation::of(graph, a), PyRelation::of(graph, b)))
                .collect(),
            c.hand_overs
                .iter()
                .map(|h| {
                    (
                        actor(h.place),
                        h.before.iter().copied().map(actor).collect(),
                        h.after.iter().copied().map(actor).collect(),
                    )
                })
                .collect(),
            rels(&c.events),
        ))
    })?;
    let (from, to, began, ended, changed, hand_overs, events) = data;
    let pairs = PyList::empty(py);
    for (a, b) in changed {
        pairs.append((Py::new(py, a)?, Py::new(py, b)?))?;
    }
    let overs = PyList::empty(py);
    for (place, before, after) in hand_overs {
        overs.append(PyHandOver {
            place: Py::new(py, place)?,
            before: actor_list(py, before)?,
            after: actor_list(py, after)?,
        })?;
    }
    Ok(PyChanges {
        start: crate::values::py_date(py, from)?.unbind(),
        end: crate::values::py_date(py, to)?.unbind(),
        began: relation_list(py, began)?.unbind(),
        ended: relation_list(py, ended)?.unbind(),
        changed: pairs.unbind(),
        hand_overs: overs.unbind(),
        events: relation_list(py, events)?.unbind(),
    })
}

/// One entry of an actor's timeline.
#[pyclass(name = "TimelineEntry", module = "actorgraph", frozen)]
pub struct PyTimelineEntry {
    /// The date as written, or None when unknown.
    #[pyo3(get)]
    date: Option<String>,
    /// `began`, `ended`, `happened`, `name_adopted` or `name_dropped`.
    #[pyo3(get)]
    event: &'static str,
    /// The relation that began, ended or happened; None for a name change.
    #[pyo3(get)]
    relation: Option<Py<PyRelation>>,
    /// The name adopted or dropped; None for a relation.
    #[pyo3(get)]
    name: Option<String>,
}

#[pymethods]
impl PyTimelineEntry {
    fn __repr__(&self) -> String {
        let what = match (&self.relation, &self.name) {
            (Some(r), _) => r.get().text(),
            (None, Some(n)) => n.clone(),
            _ => String::new(),
        };
        format!(
            "<TimelineEntry {} {}: {what}>",
            self.date.as_deref().unwrap_or("?"),
            self.event
        )
    }
}

/// An actor's timeline, in date order.
pub fn timeline<'py>(
    py: Python<'py>,
    graph: &Arc<ActorGraph>,
    who: String,
) -> PyResult<Bound<'py, PyList>> {
    let entries = detached(py, || {
        Ok(algo::timeline(graph, who.as_str())?
            .map(|e| {
                let (event, relation, name) = match e.event {
                    TimelineEvent::Began(r) => ("began", Some(PyRelation::of(graph, &r)), None),
                    TimelineEvent::Ended(r) => ("ended", Some(PyRelation::of(graph, &r)), None),
                    TimelineEvent::Happened(r) => {
                        ("happened", Some(PyRelation::of(graph, &r)), None)
                    }
                    TimelineEvent::NameAdopted(n) => ("name_adopted", None, Some(n.to_owned())),
                    TimelineEvent::NameDropped(n) => ("name_dropped", None, Some(n.to_owned())),
                    // A split, merger, succession or rename in the actor's
                    // lineage: its relation, or the former name.
                    TimelineEvent::Lineage(link) => (
                        "lineage",
                        link.relation().map(|r| PyRelation::of(graph, &r)),
                        link.former_name().map(|f| f.name.clone()),
                    ),
                    _ => ("other", None, None),
                };
                (e.date.map(|d| d.to_string()), event, relation, name)
            })
            .collect::<Vec<_>>())
    })?;
    let list = PyList::empty(py);
    for (date, event, relation, name) in entries {
        list.append(PyTimelineEntry {
            date,
            event,
            relation: relation.map(|r| Py::new(py, r)).transpose()?,
            name,
        })?;
    }
    Ok(list)
}

/// One lint warning.
#[pyclass(name = "Finding", module = "actorgraph", frozen)]
pub struct PyFinding {
    /// The warning's name, snake case (`quote_names_neither_end`).
    #[pyo3(get)]
    warning: String,
    /// The relation it is about.
    #[pyo3(get)]
    relation: Py<PyRelation>,
    /// The source of the citation it is about, if one.
    #[pyo3(get)]
    source: Option<String>,
    /// What is wrong, in words.
    #[pyo3(get)]
    message: String,
    /// The author's reason for acknowledging it, if acknowledged.
    #[pyo3(get)]
    acknowledged: Option<String>,
    display: String,
}

#[pymethods]
impl PyFinding {
    fn __str__(&self) -> String {
        self.display.clone()
    }

    fn __repr__(&self) -> String {
        format!("<Finding {}>", self.display)
    }
}

/// Lint warnings about a dataset.
#[pyclass(name = "Lint", module = "actorgraph", frozen)]
pub struct PyLint {
    /// The warnings not acknowledged.
    #[pyo3(get)]
    warnings: Py<PyList>,
    /// The warnings acknowledged by the dataset's authors.
    #[pyo3(get)]
    acknowledged: Py<PyList>,
}

#[pymethods]
impl PyLint {
    /// Whether there is no warning left unacknowledged.
    #[getter]
    fn is_clean(&self, py: Python<'_>) -> bool {
        self.warnings.bind(py).is_empty()
    }

    /// The number of unacknowledged warnings.
    fn __len__(&self, py: Python<'_>) -> usize {
        self.warnings.bind(py).len()
    }

    fn __iter__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.warnings.bind(py).try_iter().map(|i| i.into_any())
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "<Lint: {} warning(s), {} acknowledged>",
            self.warnings.bind(py).len(),
            self.acknowledged.bind(py).len()
        )
    }
}

type FindingData = (
    String,
    PyRelation,
    Option<String>,
    String,
    Option<String>,
    String,
);

/// The lint of a graph.
pub fn lint(py: Python<'_>, graph: &Arc<ActorGraph>) -> PyResult<PyLint> {
    let data = |f: &algo::Finding<'_>| -> FindingData {
        (
            crate::values::snake(&format!("{:?}", f.warning)),
            PyRelation::of(graph, &f.relation),
            f.citation.map(|c| c.source().id.to_string()),
            f.message.clone(),
            f.acknowledged.map(str::to_owned),
            f.to_string(),
        )
    };
    let (warnings, acknowledged): (Vec<FindingData>, Vec<FindingData>) = detached(py, || {
        let l = algo::lint(graph);
        Ok((
            l.warnings().map(data).collect(),
            l.acknowledged().map(data).collect(),
        ))
    })?;
    let to_list = |items: Vec<FindingData>| -> PyResult<Py<PyList>> {
        let list = PyList::empty(py);
        for (warning, relation, source, message, acknowledged, display) in items {
            list.append(PyFinding {
                warning,
                relation: Py::new(py, relation)?,
                source,
                message,
                acknowledged,
                display,
            })?;
        }
        Ok(list.unbind())
    };
    Ok(PyLint {
        warnings: to_list(warnings)?,
        acknowledged: to_list(acknowledged)?,
    })
}
