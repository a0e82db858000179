//! Why a date, range or interval was refused.
//!
//! Its own type, below both the dates and [`Error`](crate::Error), so that
//! the date types need nothing from the error type that, in turn, speaks of
//! names and their dates; `?` turns it into an [`Error`](crate::Error).

use std::fmt;

/// A date, range or interval that the crate refuses, and why.
///
/// # Example
///
/// ```
/// use actorgraph::{DateError, PartialDate};
///
/// let err: DateError = "2023-02-29".parse::<PartialDate>().unwrap_err();
/// assert!(!err.is_reversed_interval());
/// assert_eq!(err.text(), "2023-02-29");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateError {
    text: String,
    reason: String,
    reversed_interval: Option<String>,
}

impl DateError {
    /// A date or range written `text` that is malformed or names no day.
    pub(crate) fn invalid(text: String, reason: &str) -> DateError {
        DateError {
            text,
            reason: reason.to_owned(),
            reversed_interval: None,
        }
    }

    /// An interval from `from` that ends at `until`, before any day of it.
    pub(crate) fn reversed(from: String, until: String) -> DateError {
        DateError {
            text: from,
            reason: String::new(),
            reversed_interval: Some(until),
        }
    }

    /// The text refused: the date as written, or an interval's start.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Why it was refused, in words.
    pub fn reason(&self) -> &str {
        &self.reason
    }

    /// Whether this is an interval that ends before it starts, rather than
    /// one date that is wrong in itself.
    pub fn is_reversed_interval(&self) -> bool {
        self.reversed_interval.is_some()
    }

    /// An interval's start and end as written, when it is reversed.
    pub fn reversed_bounds(&self) -> Option<(&str, &str)> {
        self.reversed_interval
            .as_deref()
            .map(|until| (self.text.as_str(), until))
    }
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.reversed_interval {
            Some(until) => write!(
                f,
                "interval ends ({until}) before it starts ({})",
                self.text
            ),
            None => write!(f, "invalid date {:?}: {}", self.text, self.reason),
        }
    }
}

impl std::error::Error for DateError {}
