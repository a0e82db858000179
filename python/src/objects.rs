//! The records a query returns, as Python objects: relations with their
//! citations, actors, sources, and search candidates.
//!
//! Each copies what it shows out of the graph when it is made, so it stays
//! valid and cheap to read whatever else happens; the graph is shared
//! (`Arc`) for the few attributes that look further (an end's record).

use std::sync::Arc;

use actorgraph::{
    Actor, ActorGraph, Candidate, Claimant, Holding, RelationRef, Source, Stance, When,
};
use pyo3::prelude::*;
use pyo3::types::PyList;

use crate::values::{actor_kind_name, py_date, py_day_or_none, role_name, when_text};

/// Escapes text for the HTML of `_repr_html_`.
pub fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// An actor: a state, armed group, person, place... with its names.
#[pyclass(name = "Actor", module = "actorgraph", frozen)]
pub struct PyActor {
    /// The actor's id.
    #[pyo3(get)]
    pub id: String,
    /// The current name.
    #[pyo3(get)]
    pub name: String,
    /// The kind, snake case (`armed_group`).
    #[pyo3(get)]
    pub kind: String,
    /// Other names it goes by.
    #[pyo3(get)]
    pub aliases: Vec<String>,
    /// Former names as (name, from, until), dates as written or None.
    #[pyo3(get)]
    pub former_names: Vec<(String, Option<String>, Option<String>)>,
    /// When the person died, as written, or None.
    #[pyo3(get)]
    pub died: Option<String>,
    /// The dataset's note on it, if any.
    #[pyo3(get)]
    pub note: Option<String>,
}

impl PyActor {
    pub fn of(actor: &Actor) -> PyActor {
        PyActor {
            id: actor.id.to_string(),
            name: actor.name.clone(),
            kind: actor_kind_name(actor.kind),
            aliases: actor.aliases.clone(),
            former_names: actor
                .former_names
                .iter()
                .map(|f| (f.name.clone(), when_text(f.from), when_text(f.until)))
                .collect(),
            died: when_text(actor.died),
            note: actor.note.clone(),
        }
    }
}

#[pymethods]
impl PyActor {
    fn __repr__(&self) -> String {
        format!(
            "<Actor {} ({}, id {})>",
            self.name,
            self.kind.replace('_', " "),
            self.id
        )
    }

    fn __str__(&self) -> String {
        self.name.clone()
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other.cast::<PyActor>().is_ok_and(|o| o.get().id == self.id)
    }

    fn __hash__(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        self.id.hash(&mut h);
        h.finish()
    }
}

/// A source: an article or report that relations cite.
#[pyclass(name = "Source", module = "actorgraph", frozen)]
#[derive(Clone)]
pub struct PySource {
    /// The source's id.
    #[pyo3(get)]
    pub id: String,
    /// Its title.
    #[pyo3(get)]
    pub title: String,
    /// Who published it, if known.
    #[pyo3(get)]
    pub publisher: Option<String>,
    /// When it was published, as written (a partial date or a range).
    #[pyo3(get)]
    pub published: String,
    /// Its address, if any.
    #[pyo3(get)]
    pub url: Option<String>,
    /// Its reliability letter (`A`..`F`), if graded.
    #[pyo3(get)]
    pub reliability: Option<String>,
    first: actorgraph::Date,
    last: Option<actorgraph::Date>,
}

impl PySource {
    pub fn of(source: &Source) -> PySource {
        PySource {
            id: source.id.to_string(),
            title: source.title.clone(),
            publisher: source.publisher.clone(),
            published: source.published.to_string(),
            url: source.url.clone(),
            reliability: source.reliability.map(|r| r.to_string()),
            first: source.published.first_day(),
            last: source.published.last_day(),
        }
    }
}

#[pymethods]
impl PySource {
    /// The first day it can have appeared.
    #[getter]
    fn published_first<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_date(py, self.first)
    }

    /// The last day it can have appeared, or None when open.
    #[getter]
    fn published_last<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        py_day_or_none(py, self.last)
    }

    fn __repr__(&self) -> String {
        format!("<Source {} ({}): {}>", self.id, self.published, self.title)
    }
}

/// One citation of a relation: the source, its verbatim quote, and what it
/// says of the relation.
#[pyclass(name = "Citation", module = "actorgraph", frozen)]
pub struct PyCitation {
    /// The source cited.
    #[pyo3(get)]
    pub source: Py<PySource>,
    /// The verbatim quote.
    #[pyo3(get)]
    pub quote: String,
    /// `"supports"` or `"disputes"`.
    #[pyo3(get)]
    pub stance: &'static str,
    /// Who the source says made the claim (an actor id or a description), if anyone.
    #[pyo3(get)]
    pub claimant: Option<String>,
    /// The source's publication date, as written.
    #[pyo3(get)]
    pub published: String,
    /// Whether the claimant later withdrew this stance (under a knowledge date).
    #[pyo3(get)]
    pub superseded: bool,
    /// The Admiralty grade (`B2`), if graded.
    #[pyo3(get)]
    pub grade: Option<String>,
}

#[pymethods]
impl PyCitation {
    fn __repr__(&self, py: Python<'_>) -> String {
        let source = self.source.get();
        let _ = py;
        format!(
            "<Citation {} ({}) {}: {:?}>",
            source.id, self.published, self.stance, self.quote
        )
    }
}

/// What a query keeps of one citation until Python asks for it.
#[derive(Clone)]
pub struct CitationData {
    source: String,
    quote: String,
    stance: Stance,
    claimant: Option<String>,
    superseded: bool,
    grade: Option<String>,
}

fn stance_name(stance: Stance) -> &'static str {
    match stance {
        Stance::Disputes => "disputes",
        _ => "supports",
    }
}

fn claimant_text(claimant: Option<&Claimant>) -> Option<String> {
    claimant.map(|c| match c {
        Claimant::Actor(id) => id.to_string(),
        other => other.to_string(),
    })
}

/// The name of a holding, for Python.
pub fn holding_name(holding: Option<Holding>) -> Option<&'static str> {
    match holding {
        Some(Holding::Certainly) => Some("certainly"),
        Some(Holding::Possibly) => Some("possibly"),
        _ => None,
    }
}

/// A relation as a query found it: its kind and ends, its dates as written,
/// how surely it held on the view's day, whether a source disputes it, and
/// its citations.
#[pyclass(name = "Relation", module = "actorgraph", frozen)]
pub struct PyRelation {
    graph: Arc<ActorGraph>,
    /// The relation's id.
    #[pyo3(get)]
    pub id: String,
    kind: actorgraph::RelationKind,
    subject: usize,
    object: usize,
    start: Option<When>,
    end: Option<When>,
    on: Option<When>,
    holding: Option<Holding>,
    /// Whether a (known) citation disputes it.
    #[pyo3(get)]
    pub contested: bool,
    citations: Vec<CitationData>,
    /// The dataset's note on it, if any.
    #[pyo3(get)]
    pub note: Option<String>,
    interval: actorgraph::Interval,
}

/// The position of an actor in the graph's order, for a cheap lookup later.
fn actor_order(r: &actorgraph::ActorRef<'_>) -> usize {
    r.order()
}

impl PyRelation {
    /// Copies what Python may ask of `relation`.
    pub fn of(graph: &Arc<ActorGraph>, relation: &RelationRef<'_>) -> PyRelation {
        let interval = relation.interval();
        PyRelation {
            graph: Arc::clone(graph),
            id: relation.id().to_owned(),
            kind: relation.kind(),
            subject: actor_order(&relation.subject()),
            object: actor_order(&relation.object()),
            start: interval.start(),
            end: interval.end(),
            on: relation.happened_on(),
            holding: relation.holding(),
            contested: relation.is_contested(),
            citations: relation
                .citations()
                .map(|e| CitationData {
                    source: e.source().id.to_string(),
                    quote: e.quote().to_owned(),
                    stance: e.stance(),
                    claimant: claimant_text(e.claimed_by()),
                    superseded: e.is_superseded(),
                    grade: e.grade().map(|g| g.to_string()),
                })
                .collect(),
            note: relation.note().map(str::to_owned),
            interval,
        }
    }

    fn actor(&self, order: usize) -> PyActor {
        // Orders come from this graph, so the lookup always finds one.
        let record = self.graph.actors().nth(order);
        record.map_or_else(
            || PyActor {
                id: String::new(),
                name: String::new(),
                kind: String::new(),
                aliases: vec![],
                former_names: vec![],
                died: None,
                note: None,
            },
            PyActor::of,
        )
    }

    /// The subject's id (cheaper than `.subject.id`).
    pub fn subject_id(&self) -> String {
        self.actor(self.subject).id
    }

    /// The object's id.
    pub fn object_id(&self) -> String {
        self.actor(self.object).id
    }

    /// The one-line description, as `str()` gives it, written as the
    /// library's `Display` of a relation writes it; made when asked, as
    /// most relations a query returns are never printed.
    pub fn text(&self) -> String {
        let (subject, object) = (self.subject_name(), self.object_name());
        let verb = self.kind.verb();
        let mut out = match self.on {
            Some(day) => format!("{subject} {verb} {object} (on {day})"),
            None => format!("{subject} {verb} {object} ({})", self.interval),
        };
        if self.holding == Some(Holding::Possibly) {
            out.push_str(" [possibly]");
        }
        if self.contested {
            out.push_str(" [contested]");
        }
        out
    }

    /// The subject's name.
    pub fn subject_name(&self) -> String {
        self.actor(self.subject).name
    }

    /// The object's name.
    pub fn object_name(&self) -> String {
        self.actor(self.object).name
    }

    /// The start as written (for an event, its date).
    pub fn start_text(&self) -> Option<String> {
        when_text(self.on.or(self.start))
    }

    /// The end as written.
    pub fn end_text(&self) -> Option<String> {
        if self.on.is_some() {
            when_text(self.on)
        } else {
            when_text(self.end)
        }
    }

    /// The holding's name.
    pub fn holding_text(&self) -> Option<&'static str> {
        holding_name(self.holding)
    }

    /// How many citations it lists.
    pub fn citation_count(&self) -> usize {
        self.citations.len()
    }

    /// The kind's name.
    pub fn kind_name(&self) -> &'static str {
        self.kind.name()
    }

    /// The citations as Python objects.
    pub fn py_citations<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let list = PyList::empty(py);
        for c in &self.citations {
            let source = self.graph.source(&c.source).map(PySource::of);
            let Some(source) = source else { continue };
            let published = source.published.clone();
            list.append(PyCitation {
                source: Py::new(py, source)?,
                quote: c.quote.clone(),
                stance: stance_name(c.stance),
                claimant: c.claimant.clone(),
                published,
                superseded: c.superseded,
                grade: c.grade.clone(),
            })?;
        }
        Ok(list)
    }
}

#[pymethods]
impl PyRelation {
    /// The kind, snake case: `backs`, `allied_with`...
    #[getter]
    fn kind(&self) -> &'static str {
        self.kind.name()
    }

    /// The kind as a verb phrase: `backs`, `is allied with`...
    #[getter]
    fn verb(&self) -> &'static str {
        self.kind.verb()
    }

    /// Whether the kind is an event (dated `on`) rather than a state.
    #[getter]
    fn is_event(&self) -> bool {
        self.kind.is_event()
    }

    /// The actor it goes from.
    #[getter]
    fn subject(&self) -> PyActor {
        self.actor(self.subject)
    }

    /// The actor it goes to.
    #[getter]
    fn object(&self) -> PyActor {
        self.actor(self.object)
    }

    /// The start as written (`"2016"`, `"[..2024-11-28]"`), or None when unknown.
    #[getter]
    fn start(&self) -> Option<String> {
        when_text(self.start)
    }

    /// The end as written, or None while it still holds.
    #[getter]
    fn end(&self) -> Option<String> {
        when_text(self.end)
    }

    /// For an event, its date as written; None for a state.
    #[getter]
    fn on(&self) -> Option<String> {
        when_text(self.on)
    }

    /// The first day on which it possibly held (or happened); None when its
    /// start is open.
    #[getter]
    fn first_possible_day<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        let first = match self.on {
            Some(on) => on.first_day(),
            None => self.start.map_or(actorgraph::Date::MIN, When::first_day),
        };
        py_day_or_none(py, Some(first))
    }

    /// The last day on which it possibly held (or happened); None while open.
    #[getter]
    fn last_possible_day<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        let last = match self.on {
            Some(on) => on.last_day(),
            // The end is exclusive: the last day is the one before it.
            None => self
                .end
                .and_then(When::last_day)
                .and_then(|d| d.preceding()),
        };
        py_day_or_none(py, last)
    }

    /// `"certainly"` or `"possibly"`: how surely it held on the view's day
    /// (or happened in its window); None outside a view.
    #[getter]
    fn holding(&self) -> Option<&'static str> {
        holding_name(self.holding)
    }

    /// The citations (under a knowledge date, those published by then).
    #[getter]
    fn citations<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        self.py_citations(py)
    }

    fn __str__(&self) -> String {
        self.text()
    }

    fn __repr__(&self) -> String {
        format!("<Relation {}: {}>", self.id, self.text())
    }

    /// The relation and its quotes, for notebooks.
    fn _repr_html_(&self, py: Python<'_>) -> PyResult<String> {
        let mut out = format!("<div><b>{}</b><ul>", html(&self.text()));
        for c in &self.citations {
            let source = self.graph.source(&c.source);
            let (id, published) = source
                .map(|s| (s.id.to_string(), s.published.to_string()))
                .unwrap_or_default();
            out.push_str(&format!(
                "<li><code>{}</code> ({}) {}{}: <q>{}</q>{}</li>",
                html(&id),
                html(&published),
                stance_name(c.stance),
                c.claimant
                    .as_deref()
                    .map(|cl| format!(", claimed by {}", html(cl)))
                    .unwrap_or_default(),
                html(&c.quote),
                if c.superseded {
                    " <i>(superseded)</i>"
                } else {
                    ""
                }
            ));
        }
        out.push_str("</ul></div>");
        let _ = py;
        Ok(out)
    }
}

/// An actor a searched text may mean, with the name that matched and how.
#[pyclass(name = "Candidate", module = "actorgraph", frozen)]
pub struct PyCandidate {
    /// The actor.
    #[pyo3(get)]
    pub actor: Py<PyActor>,
    /// The name, alias, former name or id that matched, as written.
    #[pyo3(get)]
    pub matched: String,
    /// Which of the actor's names matched: `id`, `name`, `alias`, `former_name`.
    #[pyo3(get)]
    pub role: String,
    /// How the text fit it, in words.
    #[pyo3(get)]
    pub how: String,
    /// The rank score, higher first.
    #[pyo3(get)]
    pub score: f32,
    /// Whether the text matched only part of the name.
    #[pyo3(get)]
    pub part_of_name: bool,
    display: String,
}

impl PyCandidate {
    pub fn of(py: Python<'_>, c: &Candidate<'_>) -> PyResult<PyCandidate> {
        Ok(PyCandidate {
            actor: Py::new(py, PyActor::of(c.actor().record()))?,
            matched: c.matched().to_owned(),
            role: role_name(c.role()),
            how: c.how().to_string(),
            score: c.score(),
            part_of_name: c.is_part_of_name(),
            display: c.to_string(),
        })
    }
}

#[pymethods]
impl PyCandidate {
    fn __repr__(&self) -> String {
        format!("<Candidate {}>", self.display)
    }
}
