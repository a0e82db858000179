//! Every export of the library, to a string or to a file written whole
//! under a temporary name and then renamed, so a failed write never leaves
//! half a file.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use actorgraph::export::{self, ExportOptions, Scope};
use actorgraph::{ActorGraph, Error, RelationKind, dot};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict};

use crate::errors::{detached, invalid_argument, raise};
use crate::view_state::PyView;

/// What is exported: one view, or the whole graph with its dates.
pub enum Of<'a> {
    /// The states a view finds on its day.
    View(&'a PyView),
    /// Every relation, whenever it held.
    Graph(&'a Arc<ActorGraph>),
}

/// The formats `export` knows, for its error message and the stub.
pub const FORMATS: &str =
    "json, nodelink, cytoscape, graphml, gexf, ttl, html, csv, dot (views only)";

enum Output {
    Text(String),
    Tables(Vec<(&'static str, String)>),
}

fn render(
    scope: Scope<'_>,
    format: &str,
    options: &ExportOptions,
    kinds: Option<&[RelationKind]>,
) -> Result<Option<Output>, Error> {
    Ok(Some(Output::Text(match format {
        "json" => export::to_json_dataset(scope, options)?,
        "nodelink" | "node_link" => export::to_node_link(scope, options),
        "cytoscape" => export::to_cytoscape(scope, options),
        "graphml" => export::to_graphml(scope, options),
        "gexf" => export::to_gexf(scope, options),
        "ttl" | "turtle" => export::to_turtle(scope, options),
        "html" => export::to_html(scope, options)?,
        "dot" => match scope {
            Scope::View(view) => {
                let mut dot_options = dot::DotOptions::default();
                if let Some(kinds) = kinds {
                    dot_options = dot_options.kinds(kinds.iter().copied());
                }
                dot::to_dot(view, &dot_options)?
            }
            _ => return Ok(None),
        },
        "csv" => {
            let tables = export::to_csv(scope, options)?;
            let files = tables
                .files()
                .iter()
                .map(|(name, text)| (*name, (*text).to_owned()))
                .collect();
            return Ok(Some(Output::Tables(files)));
        }
        _ => return Ok(None),
    })))
}

/// Writes `bytes` to `path` whole: to a temporary name beside it, then
/// renamed over it.
pub fn write_whole(py: Python<'_>, path: &Path, bytes: &[u8]) -> PyResult<()> {
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temporary = path.with_file_name(format!(".{file_name}.{}.tmp", std::process::id()));
    let written = py.detach(|| {
        std::fs::write(&temporary, bytes).and_then(|()| std::fs::rename(&temporary, path))
    });
    written.map_err(|e| {
        let _ = std::fs::remove_file(&temporary);
        let shown = path.display().to_string();
        raise(
            py,
            "ActorGraphIOError",
            &format!("cannot write {shown}: {e}"),
            "io",
            |kw| kw.set_item("path", &shown),
        )
    })
}

/// Exports `of` in `format`, to a string (a dict for `csv`) or to `path`.
pub fn export<'py>(
    py: Python<'py>,
    of: Of<'_>,
    format: &str,
    path: Option<PathBuf>,
    kinds: Option<Vec<RelationKind>>,
    measures: bool,
) -> PyResult<Option<Bound<'py, PyAny>>> {
    let mut options = ExportOptions::default().measures(measures);
    if let Some(kinds) = &kinds {
        options = options.kinds(kinds.iter().copied());
    }
    let format_name = format.to_ascii_lowercase();
    let output = detached(py, || {
        let scope = match &of {
            Of::View(v) => Scope::View(v.view()),
            Of::Graph(g) => Scope::Whole(g),
        };
        render(scope, &format_name, &options, kinds.as_deref())
    })?;
    let Some(output) = output else {
        return Err(invalid_argument(
            py,
            "format",
            &format!("unknown export format {format:?}; known: {FORMATS}"),
        ));
    };
    match (output, path) {
        (Output::Text(text), None) => Ok(Some(text.into_pyobject(py)?.into_any())),
        (Output::Text(text), Some(path)) => {
            write_whole(py, &path, text.as_bytes())?;
            Ok(None)
        }
        (Output::Tables(files), None) => {
            let dict = PyDict::new(py);
            for (name, text) in files {
                dict.set_item(name, text)?;
            }
            Ok(Some(dict.into_any()))
        }
        (Output::Tables(files), Some(dir)) => {
            std::fs::create_dir_all(&dir).map_err(|e| {
                let shown = dir.display().to_string();
                raise(
                    py,
                    "ActorGraphIOError",
                    &format!("cannot create {shown}: {e}"),
                    "io",
                    |kw| kw.set_item("path", &shown),
                )
            })?;
            for (name, text) in files {
                write_whole(py, &dir.join(name), text.as_bytes())?;
            }
            Ok(None)
        }
    }
}

/// Bytes for Python.
pub fn bytes<'py>(py: Python<'py>, data: &[u8]) -> Bound<'py, PyBytes> {
    PyBytes::new(py, data)
}
