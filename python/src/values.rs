//! The library's small values as Python sees them: days as
//! `datetime.date`, kinds and roles in snake case, dates as written. The
//! floor the argument readers, the objects and the errors all stand on.

use actorgraph::{ActorKind, Date, NameRole, When};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyType;

static DATE_CLASS: PyOnceLock<Py<PyType>> = PyOnceLock::new();

/// `datetime.date`, looked up once.
pub fn date_class(py: Python<'_>) -> PyResult<&Bound<'_, PyType>> {
    DATE_CLASS.import(py, "datetime", "date")
}

/// A `datetime.date` for a day.
pub fn py_date(py: Python<'_>, day: Date) -> PyResult<Bound<'_, PyAny>> {
    date_class(py)?.call1((i32::from(day.year()), day.month(), day.day()))
}

/// An optional day as an optional `datetime.date`; the library's open ends
/// (its first and last representable days) read as None.
pub fn py_day_or_none(py: Python<'_>, day: Option<Date>) -> PyResult<Option<Bound<'_, PyAny>>> {
    match day {
        Some(d) if d != Date::MIN && d != Date::MAX => Ok(Some(py_date(py, d)?)),
        _ => Ok(None),
    }
}

/// `CamelCase` to `snake_case`, for enum names shown to Python.
pub fn snake(camel: &str) -> String {
    let mut out = String::with_capacity(camel.len() + 4);
    for (i, c) in camel.chars().enumerate() {
        if c.is_ascii_uppercase() {
            if i > 0 {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// An actor kind in snake case (`armed_group`).
pub fn actor_kind_name(kind: ActorKind) -> String {
    snake(&format!("{kind:?}"))
}

/// A name role in snake case.
pub fn role_name(role: NameRole) -> String {
    snake(&format!("{role:?}"))
}

/// A date as written, or None.
pub fn when_text(when: Option<When>) -> Option<String> {
    when.map(|w| w.to_string())
}
