//! Python arguments read into the library's types (dates, kinds, actors,
//! grades) and the library's small values written back for Python.

use actorgraph::{Date, Grade, PartialDate, Precision, RelationKind};
use pyo3::prelude::*;
use pyo3::types::PyString;

use crate::errors::{date_error, invalid_argument};
use crate::objects::PyActor;
use crate::values::{date_class, py_date};

/// Longest text read as a date or a name: anything longer is refused with
/// a clear error before the library spends time on it.
pub const MAX_TEXT: usize = 10_000;

/// Reads a day: a `datetime.date` (or `datetime`), a `PartialDate`, or a
/// string, full (`2024-11-30`) or partial (`2024-11`, `2024`); a partial
/// date means its first day.
pub fn day_arg(py: Python<'_>, value: &Bound<'_, PyAny>, what: &str) -> PyResult<Date> {
    if value.is_none() {
        return Err(date_error(
            py,
            None,
            &format!(
                "{what}: a date is needed (a str such as \"2024-11-30\", a datetime.date or a PartialDate), got None"
            ),
        ));
    }
    if let Ok(partial) = value.cast::<PyPartialDate>() {
        return Ok(partial.get().0.first_day());
    }
    if value.is_instance(date_class(py)?)? {
        let year: i32 = value.getattr("year")?.extract()?;
        let month: u8 = value.getattr("month")?.extract()?;
        let day: u8 = value.getattr("day")?.extract()?;
        let year = i16::try_from(year).map_err(|_| date_error(py, None, "year out of range"))?;
        return Date::new(year, month, day)
            .map_err(|e| date_error(py, None, &format!("{what}: {e}")));
    }
    if let Ok(text) = value.cast::<PyString>() {
        let text = text.to_str()?;
        let partial = partial_text(py, text, what)?;
        return Ok(partial.first_day());
    }
    Err(pyo3::exceptions::PyTypeError::new_err(format!(
        "{what}: expected a str, datetime.date or actorgraph.PartialDate, got {}",
        value.get_type().name()?
    )))
}

/// Reads a partial date from text, refusing huge strings before parsing.
fn partial_text(py: Python<'_>, text: &str, what: &str) -> PyResult<PartialDate> {
    if text.len() > 64 {
        let shown: String = text.chars().take(20).collect();
        return Err(date_error(
            py,
            Some(&shown),
            &format!(
                "{what}: {} characters is no date (expected YYYY, YYYY-MM or YYYY-MM-DD), starting {shown:?}",
                text.len()
            ),
        ));
    }
    text.parse::<PartialDate>()
        .map_err(|e| date_error(py, Some(text), &format!("{what}: {e}")))
}

/// Reads an optional day (None stays None).
pub fn opt_day_arg(
    py: Python<'_>,
    value: Option<&Bound<'_, PyAny>>,
    what: &str,
) -> PyResult<Option<Date>> {
    match value {
        None => Ok(None),
        Some(v) if v.is_none() => Ok(None),
        Some(v) => day_arg(py, v, what).map(Some),
    }
}

/// Reads a relation kind: `"backs"`, `"allied_with"` or `"AlliedWith"`.
pub fn kind_arg(py: Python<'_>, value: &Bound<'_, PyAny>) -> PyResult<RelationKind> {
    let text: String = value.extract().map_err(|_| {
        pyo3::exceptions::PyTypeError::new_err("a relation kind is a str such as \"backs\"")
    })?;
    text.parse::<RelationKind>().map_err(|e| {
        let known: Vec<&str> = RelationKind::ALL.iter().map(|k| k.name()).collect();
        invalid_argument(
            py,
            "kind",
            &format!("{e}; known kinds: {}", known.join(", ")),
        )
    })
}

/// Reads an optional list of relation kinds.
pub fn kinds_arg(
    py: Python<'_>,
    value: Option<&Bound<'_, PyAny>>,
) -> PyResult<Option<Vec<RelationKind>>> {
    let Some(value) = value.filter(|v| !v.is_none()) else {
        return Ok(None);
    };
    if value.is_instance_of::<PyString>() {
        return Ok(Some(vec![kind_arg(py, value)?]));
    }
    let mut kinds = Vec::new();
    for item in value.try_iter()? {
        kinds.push(kind_arg(py, &item?)?);
    }
    Ok(Some(kinds))
}

/// Reads an actor argument: an `Actor` object (its id) or a name as text.
pub fn actor_arg(py: Python<'_>, value: &Bound<'_, PyAny>) -> PyResult<String> {
    if let Ok(actor) = value.cast::<PyActor>() {
        return Ok(actor.get().id.clone());
    }
    if let Ok(text) = value.cast::<PyString>() {
        let text = text.to_str()?;
        if text.len() > MAX_TEXT {
            return Err(invalid_argument(
                py,
                "actor",
                &format!(
                    "a name of {} bytes is longer than any actor's ({MAX_TEXT} at most)",
                    text.len()
                ),
            ));
        }
        return Ok(text.to_owned());
    }
    Err(pyo3::exceptions::PyTypeError::new_err(format!(
        "an actor is a name (str) or an actorgraph.Actor, got {}",
        value.get_type().name()?
    )))
}

/// Reads a grade such as `"B2"`.
pub fn grade_arg(py: Python<'_>, text: &str) -> PyResult<Grade> {
    text.parse::<Grade>()
        .map_err(|e| invalid_argument(py, "minimum", &e.to_string()))
}

/// A date as precise as the text it was written from: a year, a month or a
/// day. Reads `"2024-11"`, and gives the days it could mean.
///
/// Wherever a day is asked for, a `PartialDate` means its first day.
#[pyclass(name = "PartialDate", module = "actorgraph", frozen, eq, hash, ord)]
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PyPartialDate(pub PartialDate);

#[pymethods]
impl PyPartialDate {
    /// Reads `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    #[new]
    fn new(py: Python<'_>, text: &str) -> PyResult<Self> {
        partial_text(py, text, "PartialDate").map(PyPartialDate)
    }

    /// `"year"`, `"month"` or `"day"`.
    #[getter]
    fn precision(&self) -> &'static str {
        match self.0.precision() {
            Precision::Year => "year",
            Precision::Month => "month",
            _ => "day",
        }
    }

    /// The first day it could mean.
    #[getter]
    fn first_day<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_date(py, self.0.first_day())
    }

    /// The last day it could mean.
    #[getter]
    fn last_day<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_date(py, self.0.last_day())
    }

    /// Whether `day` is one of the days it could mean.
    fn __contains__(&self, py: Python<'_>, day: &Bound<'_, PyAny>) -> PyResult<bool> {
        Ok(self.0.contains(day_arg(py, day, "day")?))
    }

    fn __str__(&self) -> String {
        self.0.to_string()
    }

    fn __repr__(&self) -> String {
        format!("PartialDate('{}')", self.0)
    }
}
