//! `View`: the graph as of one day, and every query of the Rust view under
//! the same name.

use actorgraph::{Certainty, ChainOptions, Direction, RelationRef};
use pyo3::prelude::*;
use pyo3::types::PyList;

use crate::algo;
use crate::convert::{actor_arg, day_arg, grade_arg, kind_arg, kinds_arg};
use crate::errors::{detached, invalid_argument};
use crate::export;
use crate::frames;
use crate::objects::{PyRelation, html};
use crate::values::{py_date, py_day_or_none};
use crate::view_state::PyView;

fn direction_arg(py: Python<'_>, direction: &str) -> PyResult<Direction> {
    match direction {
        "incoming" | "in" => Ok(Direction::Incoming),
        "outgoing" | "out" => Ok(Direction::Outgoing),
        other => Err(invalid_argument(
            py,
            "direction",
            &format!("direction {other:?}: expected \"incoming\" or \"outgoing\""),
        )),
    }
}

#[pymethods]
impl PyView {
    /// The same view, keeping only what some source had published by `day`.
    fn known_by(&self, py: Python<'_>, day: &Bound<'_, PyAny>) -> PyResult<PyView> {
        let day = day_arg(py, day, "known_by")?;
        Ok(PyView {
            known_by: Some(day),
            ..self.clone()
        })
    }

    /// The same view, keeping only what held under every reading of its dates.
    fn certainly(&self) -> PyView {
        PyView {
            certainty: Certainty::Certainly,
            ..self.clone()
        }
    }

    /// The same view, keeping what held under some reading of its dates (the default).
    fn possibly(&self) -> PyView {
        PyView {
            certainty: Certainty::Possibly,
            ..self.clone()
        }
    }

    /// The same view, counting only citations graded `minimum` (such as `"B2"`) or better.
    fn graded_at_least(&self, py: Python<'_>, minimum: &str) -> PyResult<PyView> {
        Ok(PyView {
            min_grade: Some(grade_arg(py, minimum)?),
            ..self.clone()
        })
    }

    /// The same view, dropping relations that a (known) citation disputes.
    fn without_contested(&self) -> PyView {
        PyView {
            keep_contested: false,
            ..self.clone()
        }
    }

    /// The same view, looking at another day.
    fn on(&self, py: Python<'_>, day: &Bound<'_, PyAny>) -> PyResult<PyView> {
        let day = day_arg(py, day, "on")?;
        Ok(PyView {
            day,
            ..self.clone()
        })
    }

    /// The day the view looks at, a `datetime.date`.
    #[getter]
    fn day<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_date(py, self.day)
    }

    /// The knowledge date, or None.
    #[getter]
    fn knowledge_date<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        py_day_or_none(py, self.known_by)
    }

    /// `"possibly"` or `"certainly"`.
    #[getter]
    fn certainty(&self) -> &'static str {
        match self.certainty {
            Certainty::Certainly => "certainly",
            _ => "possibly",
        }
    }

    /// The minimum grade of evidence (`"B2"`), or None.
    #[getter]
    fn min_grade(&self) -> Option<String> {
        self.min_grade.map(|g| g.to_string())
    }

    /// Every state that held on the view's day.
    fn relations<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        self.listed(py, |v| Ok(v.relations().collect()))
    }

    /// How many states held on the view's day.
    fn count(&self, py: Python<'_>) -> PyResult<usize> {
        detached(py, || Ok(self.view().count()))
    }

    /// The states of one kind (`"backs"`) that held on the view's day.
    fn of_kind<'py>(
        &self,
        py: Python<'py>,
        kind: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyList>> {
        let kind = kind_arg(py, kind)?;
        self.listed(py, |v| Ok(v.of_kind(kind).collect()))
    }

    /// Every event that happened up to the view's day.
    fn events<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        self.listed(py, |v| Ok(v.events().collect()))
    }

    /// The events that happened between two days, both included.
    fn events_between<'py>(
        &self,
        py: Python<'py>,
        start: &Bound<'py, PyAny>,
        end: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyList>> {
        let (from, to) = (day_arg(py, start, "start")?, day_arg(py, end, "end")?);
        self.listed(py, |v| Ok(v.events_between(from, to).collect()))
    }

    /// The events of one actor up to the view's day.
    fn events_of<'py>(
        &self,
        py: Python<'py>,
        actor: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyList>> {
        let actor = actor_arg(py, actor)?;
        self.listed(py, |v| Ok(v.events_of(actor.as_str())?.collect()))
    }

    /// The states that had ended by the view's day.
    fn formerly<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        self.listed(py, |v| Ok(v.formerly().collect()))
    }

    /// The states of one actor that had ended by the view's day.
    fn formerly_of<'py>(
        &self,
        py: Python<'py>,
        actor: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyList>> {
        let actor = actor_arg(py, actor)?;
        self.listed(py, |v| Ok(v.formerly_of(actor.as_str())?.collect()))
    }

    /// The states of `kind` at `actor`, one way: `"incoming"` (it is the
    /// object) or `"outgoing"` (it is the subject).
    fn directed<'py>(
        &self,
        py: Python<'py>,
        actor: &Bound<'py, PyAny>,
        kind: &Bound<'py, PyAny>,
        direction: &str,
    ) -> PyResult<Bound<'py, PyList>> {
        let actor = actor_arg(py, actor)?;
        let kind = kind_arg(py, kind)?;
        let direction = direction_arg(py, direction)?;
        self.listed(py, |v| {
            Ok(v.directed(actor.as_str(), kind, direction)?.collect())
        })
    }

    /// The states of `kind` at `actor`, either end.
    fn either_way<'py>(
        &self,
        py: Python<'py>,
        actor: &Bound<'py, PyAny>,
        kind: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyList>> {
        let actor = actor_arg(py, actor)?;
        let kind = kind_arg(py, kind)?;
        self.listed(py, |v| Ok(v.either_way(actor.as_str(), kind)?.collect()))
    }

    /// Every state at `actor`, either end; only of `kinds` when given.
    #[pyo3(signature = (actor, kinds=None))]
    fn involving<'py>(
        &self,
        py: Python<'py>,
        actor: &Bound<'py, PyAny>,
        kinds: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyList>> {
        let actor = actor_arg(py, actor)?;
        match kinds_arg(py, kinds)? {
            None => self.listed(py, |v| Ok(v.involving(actor.as_str())?.collect())),
            Some(kinds) => self.listed(py, |v| {
                Ok(v.involving_kinds(actor.as_str(), &kinds)?.collect())
            }),
        }
    }

    /// The states of any of `kinds` at `actor`, one way or (None) both.
    #[pyo3(signature = (actor, kinds, direction=None))]
    fn linking<'py>(
        &self,
        py: Python<'py>,
        actor: &Bound<'py, PyAny>,
        kinds: &Bound<'py, PyAny>,
        direction: Option<&str>,
    ) -> PyResult<Bound<'py, PyList>> {
        let actor = actor_arg(py, actor)?;
        let kinds = kinds_arg(py, Some(kinds))?.unwrap_or_default();
        let direction = direction.map(|d| direction_arg(py, d)).transpose()?;
        self.listed(py, |v| {
            Ok(v.linking(actor.as_str(), &kinds, direction)?.collect())
        })
    }

    /// Who backs `actor`: the backing relations into it.
    fn backers_of<'py>(
        &self,
        py: Python<'py>,
        actor: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyList>> {
        let actor = actor_arg(py, actor)?;
        self.listed(py, |v| Ok(v.backers_of(actor.as_str())?.collect()))
    }

    /// Whom `actor` backs: the backing relations out of it.
    fn backed_by<'py>(
        &self,
        py: Python<'py>,
        actor: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyList>> {
        let actor = actor_arg(py, actor)?;
        self.listed(py, |v| Ok(v.backed_by(actor.as_str())?.collect()))
    }

    /// The opposition relations at `actor`, either end.
    fn opponents_of<'py>(
        &self,
        py: Python<'py>,
        actor: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyList>> {
        let actor = actor_arg(py, actor)?;
        self.listed(py, |v| Ok(v.opponents_of(actor.as_str())?.collect()))
    }

    /// The alliances at `actor`, either end.
    fn allies_of<'py>(
        &self,
        py: Python<'py>,
        actor: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyList>> {
        let actor = actor_arg(py, actor)?;
        self.listed(py, |v| Ok(v.allies_of(actor.as_str())?.collect()))
    }

    /// Who leads `actor`.
    fn leaders_of<'py>(
        &self,
        py: Python<'py>,
        actor: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyList>> {
        let actor = actor_arg(py, actor)?;
        self.listed(py, |v| Ok(v.leaders_of(actor.as_str())?.collect()))
    }

    /// Who controls `place`.
    fn controllers_of<'py>(
        &self,
        py: Python<'py>,
        actor: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyList>> {
        let actor = actor_arg(py, actor)?;
        self.listed(py, |v| Ok(v.controllers_of(actor.as_str())?.collect()))
    }

    /// The members of `actor`.
    fn members_of<'py>(
        &self,
        py: Python<'py>,
        actor: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyList>> {
        let actor = actor_arg(py, actor)?;
        self.listed(py, |v| Ok(v.members_of(actor.as_str())?.collect()))
    }

    /// Chains of support from one actor to another, shortest first, each a
    /// `Chain` of hops with their relations. `kinds` are the links followed
    /// (default backs, allied_with, member_of, leads), `max_hops` the
    /// longest chain (default 4), `outsiders` whether to pass through think
    /// tanks, monitors and media.
    #[pyo3(signature = (start, end, *, kinds=None, max_hops=None, outsiders=None, limit=None))]
    #[allow(clippy::too_many_arguments)]
    fn chains<'py>(
        &self,
        py: Python<'py>,
        start: &Bound<'py, PyAny>,
        end: &Bound<'py, PyAny>,
        kinds: Option<&Bound<'py, PyAny>>,
        max_hops: Option<usize>,
        outsiders: Option<bool>,
        limit: Option<usize>,
    ) -> PyResult<Bound<'py, PyList>> {
        let options = chain_options(py, kinds, max_hops, outsiders)?;
        algo::chains(
            py,
            self,
            actor_arg(py, start)?,
            actor_arg(py, end)?,
            &options,
            limit,
        )
    }

    /// The actors in camps on the view's day, each a `Camp` with its
    /// principal, members, backing chains, fights and rivals.
    #[pyo3(signature = (*, max_hops=None, outsiders=None, every_core=None, since=None))]
    fn camps<'py>(
        &self,
        py: Python<'py>,
        max_hops: Option<usize>,
        outsiders: Option<bool>,
        every_core: Option<bool>,
        since: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyList>> {
        let mut options = actorgraph::CampOptions::default();
        if let Some(h) = max_hops {
            options = options.max_hops(h);
        }
        if let Some(o) = outsiders {
            options = options.outsiders(o);
        }
        if let Some(e) = every_core {
            options = options.every_core(e);
        }
        if let Some(d) = crate::convert::opt_day_arg(py, since, "since")? {
            options = options.since(d);
        }
        algo::camps(py, self, &options)
    }

    /// The blocs of the view: groups of actors joined by chains of support,
    /// each a list of `Actor`.
    #[pyo3(signature = (*, kinds=None, max_hops=None, outsiders=None))]
    fn blocs<'py>(
        &self,
        py: Python<'py>,
        kinds: Option<&Bound<'py, PyAny>>,
        max_hops: Option<usize>,
        outsiders: Option<bool>,
    ) -> PyResult<Bound<'py, PyList>> {
        let options = chain_options(py, kinds, max_hops, outsiders)?;
        algo::blocs(py, self, &options)
    }

    /// What changed between the view's day and `later`: a `Changes`.
    fn changes(&self, py: Python<'_>, later: &Bound<'_, PyAny>) -> PyResult<algo::PyChanges> {
        let later = day_arg(py, later, "later")?;
        algo::changes(py, self, later)
    }

    /// The actors that back both `a` and `b`, each a `CommonTie`.
    fn common_backers<'py>(
        &self,
        py: Python<'py>,
        a: &Bound<'py, PyAny>,
        b: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyList>> {
        algo::common(py, self, actor_arg(py, a)?, actor_arg(py, b)?, true)
    }

    /// The actors that oppose or attack both `a` and `b`, each a `CommonTie`.
    fn common_enemies<'py>(
        &self,
        py: Python<'py>,
        a: &Bound<'py, PyAny>,
        b: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyList>> {
        algo::common(py, self, actor_arg(py, a)?, actor_arg(py, b)?, false)
    }

    /// Exports the view's relations in `format` (`json`, `nodelink`,
    /// `cytoscape`, `graphml`, `gexf`, `ttl`, `html`, `csv`, `dot`): the
    /// text (for `csv`, a dict of file name to text), or None after writing
    /// it to `path` (for `csv`, a directory). `kinds` limits the relation
    /// kinds; `measures` adds the signed-graph measures where the format
    /// carries them. Written whole under a temporary name, then renamed.
    #[pyo3(signature = (format, path=None, *, kinds=None, measures=false))]
    fn export<'py>(
        &self,
        py: Python<'py>,
        format: &str,
        path: Option<std::path::PathBuf>,
        kinds: Option<&Bound<'py, PyAny>>,
        measures: bool,
    ) -> PyResult<Option<Bound<'py, PyAny>>> {
        let kinds = kinds_arg(py, kinds)?;
        export::export(py, export::Of::View(self), format, path, kinds, measures)
    }

    /// One of the view's tables as Arrow, exposed through the Arrow
    /// PyCapsule interface (`__arrow_c_stream__`), so that
    /// `pyarrow.table(...)`, `polars.DataFrame(...)` and DuckDB read it
    /// without copying. `table` is `relations` (the default), `events`,
    /// `actors`, `citations` or `sources`; columns are in the stub.
    #[pyo3(signature = (table="relations"))]
    fn to_arrow<'py>(&self, py: Python<'py>, table: &str) -> PyResult<Bound<'py, PyAny>> {
        frames::to_arrow(py, self, table)
    }

    /// The table as a pandas DataFrame (needs `pip install pandas pyarrow`).
    #[pyo3(signature = (table="relations"))]
    fn to_pandas<'py>(&self, py: Python<'py>, table: &str) -> PyResult<Bound<'py, PyAny>> {
        frames::to_pandas(py, self, table)
    }

    /// The table as a polars DataFrame (needs `pip install polars`).
    #[pyo3(signature = (table="relations"))]
    fn to_polars<'py>(&self, py: Python<'py>, table: &str) -> PyResult<Bound<'py, PyAny>> {
        frames::to_polars(py, self, table)
    }

    /// The view as a networkx `MultiDiGraph` (needs `pip install networkx`):
    /// a node per actor of its relations (with name and kind), an edge per
    /// relation keyed by its id, with its attributes.
    fn to_networkx<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        crate::errors::guarded(py, || frames::to_networkx(py, self))
    }

    /// For the benches: the seconds one call of the narrow query `query`
    /// (`backers_of`, `leaders_of`...) at `actor` takes in Rust, the name
    /// resolved and the relations collected as the binding does, averaged
    /// over `calls` calls: the baseline of the per-call overhead.
    #[pyo3(signature = (query, actor, calls=10_000))]
    fn _rust_seconds_per_call(
        &self,
        py: Python<'_>,
        query: &str,
        actor: &str,
        calls: usize,
    ) -> PyResult<f64> {
        let query = query.to_owned();
        detached(py, || {
            let view = self.view();
            let started = std::time::Instant::now();
            for _ in 0..calls.max(1) {
                let found: Vec<RelationRef<'_>> = match query.as_str() {
                    "backers_of" => view.backers_of(actor)?.collect(),
                    "backed_by" => view.backed_by(actor)?.collect(),
                    "opponents_of" => view.opponents_of(actor)?.collect(),
                    "leaders_of" => view.leaders_of(actor)?.collect(),
                    "members_of" => view.members_of(actor)?.collect(),
                    "controllers_of" => view.controllers_of(actor)?.collect(),
                    _ => view.involving(actor)?.collect(),
                };
                std::hint::black_box(&found);
            }
            Ok(started.elapsed().as_secs_f64() / calls.max(1) as f64)
        })
    }

    /// How many states held on the view's day.
    fn __len__(&self, py: Python<'_>) -> PyResult<usize> {
        self.count(py)
    }

    /// The states that held on the view's day.
    fn __iter__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.relations(py)?.try_iter().map(|i| i.into_any())
    }

    fn __repr__(&self) -> String {
        format!(
            "<View of {} relations {}>",
            self.graph.relation_count(),
            self.describe()
        )
    }

    /// The view's relations as an HTML table, for notebooks (the first 200).
    fn _repr_html_(&self, py: Python<'_>) -> PyResult<String> {
        let graph = &self.graph;
        let (total, rows) = detached(py, || {
            let view = self.view();
            let rows: Vec<PyRelation> = view
                .relations()
                .take(200)
                .map(|r| PyRelation::of(graph, &r))
                .collect();
            Ok((view.count(), rows))
        })?;
        let mut out = format!(
            "<div><p>View {} : {total} relations</p><table><thead><tr><th>subject</th><th>kind</th><th>object</th><th>from</th><th>until</th><th>holding</th><th>contested</th><th>citations</th></tr></thead><tbody>",
            html(&self.describe())
        );
        for r in &rows {
            out.push_str(&format!(
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                html(&r.subject_name()),
                r.kind_name(),
                html(&r.object_name()),
                html(&r.start_text().unwrap_or_default()),
                html(&r.end_text().unwrap_or_else(|| "now".into())),
                r.holding_text().unwrap_or(""),
                if r.contested { "yes" } else { "" },
                r.citation_count()
            ));
        }
        out.push_str("</tbody></table>");
        if total > rows.len() {
            out.push_str(&format!("<p>… {} more</p>", total - rows.len()));
        }
        out.push_str("</div>");
        Ok(out)
    }
}

/// Chain options from keyword arguments.
pub fn chain_options(
    py: Python<'_>,
    kinds: Option<&Bound<'_, PyAny>>,
    max_hops: Option<usize>,
    outsiders: Option<bool>,
) -> PyResult<ChainOptions> {
    let mut options = ChainOptions::default();
    if let Some(kinds) = kinds_arg(py, kinds)? {
        options = options.kinds(kinds);
    }
    if let Some(h) = max_hops {
        options = options.max_hops(h);
    }
    if let Some(o) = outsiders {
        options = options.outsiders(o);
    }
    Ok(options)
}
