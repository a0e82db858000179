//! How sure a query must be, whether something held, and the span a
//! relation holds over: [`Certainty`], [`Holding`], [`Interval`].

use std::fmt;

use super::super::date_error::DateError;

use super::day::Date;
use super::when::When;

/// How sure a query must be that a relation held (or a source had appeared).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Certainty {
    /// Keep what may have held under some reading of its partial dates.
    #[default]
    Possibly,
    /// Keep only what held under every reading of its partial dates.
    Certainly,
}

/// Whether something held on a given day, by the module's as-of rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Holding {
    /// It did not hold under any reading.
    No,
    /// It held under some readings of its partial dates, not all.
    Possibly,
    /// It held under every reading.
    Certainly,
}

impl Holding {
    /// Whether this answer is good enough for `certainty`.
    pub fn meets(self, certainty: Certainty) -> bool {
        match certainty {
            Certainty::Possibly => self >= Holding::Possibly,
            Certainty::Certainly => self == Holding::Certainly,
        }
    }
}

/// A span of time with an optional start and an optional end.
///
/// See the [module docs](super) for how it is read on a given day.
///
/// # Example
///
/// ```
/// use actorgraph::{Holding, Interval};
///
/// // Allied from some day in 2016 until 2024-11-30 (exclusive).
/// let interval = Interval::new(Some("2016".parse()?), Some("2024-11-30".parse()?))?;
/// assert_eq!(interval.holds_on("2016-03-01".parse()?), Holding::Possibly);
/// assert_eq!(interval.holds_on("2020-01-01".parse()?), Holding::Certainly);
/// assert_eq!(interval.holds_on("2024-11-30".parse()?), Holding::No);
/// # Ok::<(), actorgraph::Error>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Interval {
    start: Option<When>,
    end: Option<When>,
}

impl Interval {
    /// The interval that always holds.
    pub const ALWAYS: Interval = Interval {
        start: None,
        end: None,
    };

    /// Makes an interval.
    ///
    /// # Errors
    ///
    /// a [`DateError`] that [is a reversed interval](DateError::is_reversed_interval) when no reading of the dates leaves a day
    /// inside: the end lies before the start, or both are the same day.
    pub fn new(start: Option<When>, end: Option<When>) -> Result<Interval, DateError> {
        let interval = Interval { start, end };
        if let (Some(s), Some(e)) = (start, end)
            && interval.possible_until() <= interval.possible_from()
        {
            return Err(DateError::reversed(s.to_string(), e.to_string()));
        }
        Ok(interval)
    }

    /// The start, if known.
    pub fn start(self) -> Option<When> {
        self.start
    }

    /// The end, if it has ended.
    pub fn end(self) -> Option<When> {
        self.end
    }

    /// The first day on which it possibly holds.
    pub fn possible_from(self) -> Date {
        self.start.map_or(Date::MIN, When::first_day)
    }

    /// The first day from which it certainly no longer holds; exclusive bound.
    pub fn possible_until(self) -> Date {
        self.end.map_or(Date::NEVER, When::last_or_never)
    }

    pub(crate) fn certain_from(self) -> Date {
        self.start.map_or(Date::MIN, When::last_or_never)
    }

    pub(crate) fn certain_until(self) -> Date {
        self.end.map_or(Date::NEVER, When::first_day)
    }

    /// Whether the interval held on `day`.
    ///
    /// # Complexity
    ///
    /// O(1).
    pub fn holds_on(self, day: Date) -> Holding {
        if self.certain_from() <= day && day < self.certain_until() {
            Holding::Certainly
        } else if self.possible_from() <= day && day < self.possible_until() {
            Holding::Possibly
        } else {
            Holding::No
        }
    }

    /// Whether a state over this interval holds after every day `when` can
    /// mean, as a state of a person must not after their death:
    /// [`Certainly`](Holding::Certainly) when it certainly still held, or
    /// certainly began, after `when`'s last possible day (validation
    /// refuses it); [`Possibly`](Holding::Possibly) when only some
    /// readings of the dates run past (the lint warns);
    /// [`No`](Holding::No) otherwise, and when `when` is open above.
    pub fn runs_past(self, when: When) -> Holding {
        let last = when.last_or_never();
        if last == Date::NEVER || self.possible_until() <= last {
            Holding::No
        } else if self.certain_until() > last || self.possible_from() > last {
            Holding::Certainly
        } else {
            Holding::Possibly
        }
    }

    /// Whether the interval had begun and then ended by `day`, read with `certainty`.
    pub fn ended_by(self, day: Date, certainty: Certainty) -> bool {
        let Some(end) = self.end else { return false };
        match certainty {
            Certainty::Possibly => self.possible_from() <= day && end.first_day() <= day,
            Certainty::Certainly => self.certain_from() <= day && end.last_or_never() <= day,
        }
    }
}

impl fmt::Display for Interval {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.start {
            Some(s) => write!(f, "{s}")?,
            None => f.write_str("…")?,
        }
        f.write_str(" to ")?;
        match self.end {
            Some(e) => write!(f, "{e}"),
            None => f.write_str("now"),
        }
    }
}
