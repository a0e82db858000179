//! The library's errors as the Python exceptions of `actorgraph._errors`,
//! with their facts as attributes, and the guard that keeps a Rust panic
//! from ever reaching Python.

use std::panic::{AssertUnwindSafe, catch_unwind};

use actorgraph::{Error, ErrorKind};
use pyo3::exceptions::PyRuntimeError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};

/// Snake-case name of an error kind, as `ActorGraphError.kind` gives it.
fn kind_name(kind: ErrorKind) -> &'static str {
    match kind {
        ErrorKind::InvalidId => "invalid_id",
        ErrorKind::InvalidDate => "invalid_date",
        ErrorKind::ReversedInterval => "reversed_interval",
        ErrorKind::Syntax => "syntax",
        ErrorKind::Io => "io",
        ErrorKind::Serialize => "serialize",
        ErrorKind::UnknownRelation => "unknown_relation",
        ErrorKind::UnknownName => "unknown_name",
        ErrorKind::AmbiguousName => "ambiguous_name",
        ErrorKind::Snapshot => "snapshot",
        ErrorKind::Invalid => "invalid",
        ErrorKind::InvalidArgument => "invalid_argument",
        ErrorKind::NoSignedRelations => "no_signed_relations",
        ErrorKind::RejectedRows => "rejected_rows",
        _ => "other",
    }
}

/// Builds an exception of class `class` (in `actorgraph._errors`) with the
/// message, kind and facts; falls back to `RuntimeError` if the Python
/// half of the package is missing (the native module imported alone).
pub fn raise(
    py: Python<'_>,
    class: &str,
    message: &str,
    kind: &str,
    facts: impl FnOnce(&Bound<'_, PyDict>) -> PyResult<()>,
) -> PyErr {
    let built = (|| -> PyResult<PyErr> {
        let module = py.import("actorgraph._errors")?;
        let class = module.getattr(class)?;
        let kwargs = PyDict::new(py);
        kwargs.set_item("kind", kind)?;
        facts(&kwargs)?;
        let value = class.call((message,), Some(&kwargs))?;
        Ok(PyErr::from_value(value))
    })();
    match built {
        Ok(err) => err,
        Err(_) => PyRuntimeError::new_err(message.to_owned()),
    }
}

/// A plain `InvalidArgumentError` for a bad argument caught on the Python
/// side of the binding (a wrong type, a bad kind name).
pub fn invalid_argument(py: Python<'_>, argument: &str, message: &str) -> PyErr {
    raise(
        py,
        "InvalidArgumentError",
        message,
        "invalid_argument",
        |kw| kw.set_item("argument", argument),
    )
}

/// A `DateError` for a date the binding could not read.
pub fn date_error(py: Python<'_>, text: Option<&str>, message: &str) -> PyErr {
    raise(py, "DateError", message, "invalid_date", |kw| {
        kw.set_item("text", text)
    })
}

/// Converts a library error into its Python exception.
pub fn to_py(py: Python<'_>, error: &Error) -> PyErr {
    let message = error.to_string();
    let kind = error.kind();
    let name = kind_name(kind);
    match kind {
        ErrorKind::Syntax => raise(py, "ParseError", &message, name, |kw| {
            let span = error.span();
            kw.set_item("line", span.map(|s| s.start.line))?;
            kw.set_item("column", span.map(|s| s.start.column))?;
            kw.set_item("end_line", span.map(|s| s.end.line))?;
            kw.set_item("end_column", span.map(|s| s.end.column))?;
            kw.set_item("path", error.path().map(|p| p.display().to_string()))
        }),
        ErrorKind::Invalid => raise(py, "InvalidDatasetError", &message, name, |kw| {
            let class = py.import("actorgraph._errors")?.getattr("Problem")?;
            let list = PyList::empty(py);
            let mut total = 0;
            if let Some(problems) = error.problems() {
                total = problems.total();
                for p in problems.iter() {
                    list.append(class.call1((
                        p.item.kind.label(),
                        p.item.id.as_str(),
                        p.item.part.as_deref(),
                        p.to_string(),
                        p.position.map(|at| at.line),
                        p.position.map(|at| at.column),
                    ))?)?;
                }
            }
            kw.set_item("problems", list)?;
            kw.set_item("total", total)?;
            kw.set_item("path", error.path().map(|p| p.display().to_string()))?;
            // A dataset read from text also says where its first problem is.
            let first = error.position();
            kw.set_item("line", first.map(|at| at.line))?;
            kw.set_item("column", first.map(|at| at.column))
        }),
        ErrorKind::UnknownName | ErrorKind::AmbiguousName => {
            let class = if kind == ErrorKind::UnknownName {
                "UnknownNameError"
            } else {
                "AmbiguousNameError"
            };
            raise(py, class, &message, name, |kw| {
                let suggestion = py.import("actorgraph._errors")?.getattr("Suggestion")?;
                let list = PyList::empty(py);
                for c in error.candidates() {
                    list.append(suggestion.call1((
                        c.id.as_str(),
                        c.name.as_str(),
                        crate::values::actor_kind_name(c.kind),
                        c.matched.as_str(),
                        crate::values::role_name(c.role),
                        c.how.to_string(),
                    ))?)?;
                }
                kw.set_item("candidates", list)?;
                kw.set_item("query", error.query())?;
                kw.set_item("candidate_count", error.candidate_count())?;
                kw.set_item("suggestion", error.suggestion())
            })
        }
        ErrorKind::UnknownRelation => raise(py, "UnknownRelationError", &message, name, |kw| {
            kw.set_item("id", error.query())?;
            kw.set_item("suggestion", error.suggestion())
        }),
        ErrorKind::InvalidDate | ErrorKind::ReversedInterval | ErrorKind::InvalidId => {
            raise(py, "DateError", &message, name, |kw| {
                kw.set_item("text", Option::<&str>::None)
            })
        }
        ErrorKind::Snapshot => raise(py, "SnapshotError", &message, name, |kw| {
            kw.set_item(
                "fault",
                error
                    .snapshot_fault()
                    .map(|f| crate::values::snake(&format!("{f:?}"))),
            )?;
            kw.set_item("path", error.path().map(|p| p.display().to_string()))
        }),
        ErrorKind::Io => raise(py, "ActorGraphIOError", &message, name, |kw| {
            kw.set_item("path", error.path().map(|p| p.display().to_string()))
        }),
        ErrorKind::InvalidArgument | ErrorKind::NoSignedRelations => {
            raise(py, "InvalidArgumentError", &message, name, |kw| {
                kw.set_item("argument", error.argument())
            })
        }
        ErrorKind::RejectedRows => raise(py, "RejectedRowsError", &message, name, |kw| {
            let class = py.import("actorgraph._errors")?.getattr("RejectedRow")?;
            let list = PyList::empty(py);
            for r in error.rejected_rows() {
                list.append(class.call1((
                    r.path().display().to_string(),
                    r.line(),
                    r.column(),
                    r.column_name(),
                    r.rule(),
                ))?)?;
            }
            kw.set_item("rows", list)?;
            kw.set_item("total", error.rejected_count())
        }),
        _ => raise(py, "ActorGraphError", &message, name, |_| Ok(())),
    }
}

/// The message of a caught panic.
fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_owned()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "a panic without a message".to_owned()
    }
}

/// An `InternalError` for a panic caught at the boundary.
fn internal(py: Python<'_>, payload: &(dyn std::any::Any + Send)) -> PyErr {
    let message = format!("internal error in actorgraph: {}", panic_message(payload));
    raise(py, "InternalError", &message, "internal", |_| Ok(()))
}

/// Runs library work with the GIL released, so other Python threads run
/// meanwhile, and turns its error, or a panic, into a Python exception.
pub fn detached<T: Send>(
    py: Python<'_>,
    work: impl FnOnce() -> Result<T, Error> + Send,
) -> PyResult<T> {
    match py.detach(|| catch_unwind(AssertUnwindSafe(work))) {
        Ok(Ok(value)) => Ok(value),
        Ok(Err(error)) => Err(to_py(py, &error)),
        Err(payload) => Err(internal(py, &*payload)),
    }
}

/// Runs short work with the GIL held (it builds Python objects), turning a
/// panic into an `InternalError`.
pub fn guarded<T>(py: Python<'_>, work: impl FnOnce() -> PyResult<T>) -> PyResult<T> {
    match catch_unwind(AssertUnwindSafe(work)) {
        Ok(result) => result,
        Err(payload) => Err(internal(py, &*payload)),
    }
}
