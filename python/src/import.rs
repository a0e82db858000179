//! `ActorGraph.import_files`: the library's importers (ACLED, UCDP, Mapping
//! Militant Organizations, any table by a mapping) from Python, with the
//! report as a dict.

use std::path::PathBuf;

use actorgraph::ActorGraph;
use actorgraph::import::{
    Aliases, ImportOptions, ImportReport, Mapping, Matched, Preset, import_paths,
};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};

use crate::errors::{detached, invalid_argument};

/// Imports `paths` with `preset`, onto a copy of `onto` (or an empty graph):
/// the new graph and the report.
#[allow(clippy::too_many_arguments)]
pub fn import_files(
    py: Python<'_>,
    preset: &str,
    paths: Vec<PathBuf>,
    onto: Option<std::sync::Arc<ActorGraph>>,
    mapping: Option<PathBuf>,
    aliases: Option<PathBuf>,
    skip_bad_rows: bool,
    new_when_ambiguous: bool,
    version: Option<String>,
) -> PyResult<(ActorGraph, Py<PyDict>)> {
    let start = onto;
    let preset_name = preset.to_owned();
    if preset_name == "table" && mapping.is_none() {
        return Err(invalid_argument(
            py,
            "mapping",
            "the table preset needs a mapping file",
        ));
    }
    let (graph, report) = detached(py, move || {
        let preset = match (preset_name.as_str(), mapping) {
            ("table", Some(path)) => Preset::Table(Box::new(Mapping::from_path(path)?)),
            (name, _) => Preset::named(name)?,
        };
        let aliases = match aliases {
            Some(path) => Aliases::from_path(path)?,
            None => Aliases::new(),
        };
        let mut graph = match start {
            Some(g) => (*g).clone(),
            None => ActorGraph::new(),
        };
        let options = ImportOptions {
            aliases,
            skip_bad_rows,
            new_when_ambiguous,
            version,
        };
        let report = import_paths(&mut graph, preset, &paths, options)?;
        Ok((graph, report))
    })?;
    let dict = report_dict(py, &report)?;
    Ok((graph, dict))
}

fn report_dict(py: Python<'_>, report: &ImportReport) -> PyResult<Py<PyDict>> {
    let d = PyDict::new(py);
    d.set_item("rows_read", report.rows_read)?;
    let relations = PyDict::new(py);
    for (kind, n) in &report.relations {
        relations.set_item(kind.name(), n)?;
    }
    d.set_item("relations", relations)?;
    let actors = PyDict::new(py);
    for (kind, n) in &report.new_actors {
        actors.set_item(crate::values::actor_kind_name(*kind), n)?;
    }
    d.set_item("new_actors", actors)?;
    d.set_item("sources", report.sources)?;
    let matched = PyList::empty(py);
    for m in &report.matched {
        let how = match &m.how {
            Matched::AliasFile => "alias file".to_owned(),
            Matched::Search { how, name } => format!("{how} on {name:?}"),
            _ => "other".to_owned(),
        };
        matched.append((m.incoming.as_str(), m.actor.as_str(), how))?;
    }
    d.set_item("matched", matched)?;
    let ambiguous = PyList::empty(py);
    for a in &report.ambiguous {
        let candidates: Vec<&str> = a.candidates.iter().map(|c| c.as_str()).collect();
        ambiguous.append((a.incoming.as_str(), candidates, a.created.as_str()))?;
    }
    d.set_item("ambiguous", ambiguous)?;
    let rejected = PyList::empty(py);
    let class = py.import("actorgraph._errors")?.getattr("RejectedRow")?;
    for r in &report.rejected {
        rejected.append(class.call1((
            r.path().display().to_string(),
            r.line(),
            r.column(),
            r.column_name(),
            r.rule(),
        ))?)?;
    }
    d.set_item("rejected", rejected)?;
    let empty = PyList::empty(py);
    for e in &report.empty {
        empty.append((e.line, e.reason.as_str()))?;
    }
    d.set_item("empty", empty)?;
    d.set_item("already_held", report.already_held)?;
    d.set_item("text", report.to_string())?;
    Ok(d.unbind())
}
