//! A day known only to lie in a range: [`When`].

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::super::date_error::DateError;

use super::day::{Date, bad_date};
use super::partial::PartialDate;

/// | `[2024-11-27..2024-11-28]` | one of these days ("on Wednesday or Thursday") |
/// | `[..2024-12-02]` | on or before 2024-12-02 ("already true when reported") |
/// | `[2011..]` | on or after 2011 |
/// | `[2016..2017-03]` | partial dates at either end |
///
/// The as-of rule of the [module docs](super) reads a `When` over its first
/// and last possible day: an open lower end is the earliest day there is,
/// an open upper end never comes. Other EDTF forms (`?`, `~`, `%`, `{...}`,
/// intervals with `/`) are refused with a message saying what is supported.
///
/// # Errors
///
/// Parsing fails with [`DateError`] on a malformed or reversed
/// range, a range open at both ends, or an unsupported EDTF form.
///
/// # Example
///
/// ```
/// use actorgraph::When;
///
/// let either: When = "[2024-11-27..2024-11-28]".parse()?;
/// assert_eq!(either.first_day().to_string(), "2024-11-27");
/// assert_eq!(either.last_day().map(|d| d.to_string()), Some("2024-11-28".to_owned()));
/// assert_eq!(either.to_string(), "[2024-11-27..2024-11-28]");
///
/// let by_then: When = "[..2024-12-02]".parse()?;
/// assert_eq!(by_then.first_day(), actorgraph::Date::MIN);
///
/// assert!("[2024-12-02..2024-11-27]".parse::<When>().is_err());
/// assert!("2024-11-28?".parse::<When>().unwrap_err().to_string().contains("supported"));
/// # Ok::<(), actorgraph::Error>(())
/// ```
/// A day known only to lie somewhere in a range: a partial date, or a
/// range of days in EDTF's "one of a set" notation.
///
/// | written | means |
/// |---|---|
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct When(Shape);

/// What a [`When`] holds: private, so that only the constructors (which
/// refuse what the parser refuses) can make one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Shape {
    /// A day of a partial date: `2016`, `2016-07` or `2016-07-19`.
    On(PartialDate),
    /// One day from the first bound's first day to the second bound's last
    /// day; `None` for an open end. Never open at both ends, never reversed.
    Between(Option<PartialDate>, Option<PartialDate>),
}

impl When {
    /// A day of `date`: `2016` is some day of 2016.
    pub const fn on(date: PartialDate) -> When {
        When(Shape::On(date))
    }

    /// One day from `low`'s first day to `high`'s last day:
    /// `[2024-11-27..2024-11-28]`.
    ///
    /// # Errors
    ///
    /// [`DateError`] when `high` ends before `low` begins, as the
    /// parser refuses `[2024-12-02..2024-11-27]`.
    ///
    /// # Example
    ///
    /// ```
    /// use actorgraph::{PartialDate, When};
    ///
    /// let low: PartialDate = "2024-11-27".parse()?;
    /// let high: PartialDate = "2024-11-28".parse()?;
    /// assert_eq!(When::between(low, high)?.to_string(), "[2024-11-27..2024-11-28]");
    /// assert!(When::between(high, low).is_err());
    /// # Ok::<(), actorgraph::Error>(())
    /// ```
    pub fn between(low: PartialDate, high: PartialDate) -> Result<When, DateError> {
        When::range(Some(low), Some(high))
    }

    /// Some day on or before `high`'s last day: `[..2024-12-02]`.
    pub const fn on_or_before(high: PartialDate) -> When {
        When(Shape::Between(None, Some(high)))
    }

    /// Some day on or after `low`'s first day: `[2011..]`.
    pub const fn on_or_after(low: PartialDate) -> When {
        When(Shape::Between(Some(low), None))
    }

    /// A range with either end open (`None`), as the bracket syntax writes
    /// it; a range is kept as a range even when both ends are one date.
    ///
    /// # Errors
    ///
    /// [`DateError`] when both ends are open (`[..]`) or the range
    /// ends before it begins.
    pub fn range(low: Option<PartialDate>, high: Option<PartialDate>) -> Result<When, DateError> {
        let written = || When(Shape::Between(low, high)).to_string();
        match (low, high) {
            (None, None) => Err(bad_date(
                written(),
                "a range needs at least one end: [..2024-12-02] or [2011..]",
            )),
            (Some(l), Some(h)) if h.last_day() < l.first_day() => {
                Err(bad_date(written(), "the range ends before it begins"))
            }
            _ => Ok(When(Shape::Between(low, high))),
        }
    }

    /// The ends of a range, `None` for an open end; `None` for a partial
    /// date, which [`as_partial`](When::as_partial) gives.
    pub fn as_range(self) -> Option<(Option<PartialDate>, Option<PartialDate>)> {
        match self.0 {
            Shape::On(_) => None,
            Shape::Between(low, high) => Some((low, high)),
        }
    }

    /// Its shape, for the crate's own readers and writers.
    pub(crate) fn shape(self) -> Shape {
        self.0
    }

    /// The earliest day it can mean; [`Date::MIN`] when open below.
    pub fn first_day(self) -> Date {
        match self.0 {
            Shape::On(date) => date.first_day(),
            Shape::Between(low, _) => low.map_or(Date::MIN, PartialDate::first_day),
        }
    }

    /// The latest day it can mean; `None` when open above.
    pub fn last_day(self) -> Option<Date> {
        match self.0 {
            Shape::On(date) => Some(date.last_day()),
            Shape::Between(_, high) => high.map(PartialDate::last_day),
        }
    }

    /// The latest day, or a sentinel later than every day when open above.
    pub(crate) fn last_or_never(self) -> Date {
        self.last_day().unwrap_or(Date::NEVER)
    }

    /// The partial date, when it is one rather than a range.
    pub fn as_partial(self) -> Option<PartialDate> {
        match self.0 {
            Shape::On(date) => Some(date),
            Shape::Between(..) => None,
        }
    }

    /// Whether `day` is one of the days it can mean.
    pub fn contains(self, day: Date) -> bool {
        self.first_day() <= day && day <= self.last_or_never()
    }
}

impl From<PartialDate> for When {
    fn from(date: PartialDate) -> When {
        When::on(date)
    }
}

impl From<Date> for When {
    fn from(day: Date) -> When {
        When::on(PartialDate::from(day))
    }
}

impl Ord for When {
    fn cmp(&self, other: &Self) -> Ordering {
        // By the days it can mean, as partial dates sort; ties between a
        // range and a partial date of the same days put the partial first.
        let key = |w: &When| match w.0 {
            Shape::On(_) => (
                w.first_day(),
                std::cmp::Reverse(w.last_or_never()),
                0,
                None,
                None,
            ),
            Shape::Between(low, high) => (
                w.first_day(),
                std::cmp::Reverse(w.last_or_never()),
                1,
                low,
                high,
            ),
        };
        key(self).cmp(&key(other))
    }
}

impl PartialOrd for When {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Debug for When {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "When({self})")
    }
}

impl fmt::Display for When {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Shape::On(date) => write!(f, "{date}"),
            Shape::Between(low, high) => {
                f.write_str("[")?;
                if let Some(low) = low {
                    write!(f, "{low}")?;
                }
                f.write_str("..")?;
                if let Some(high) = high {
                    write!(f, "{high}")?;
                }
                f.write_str("]")
            }
        }
    }
}

/// What the date syntax accepts, for messages that refuse something else.
const SUPPORTED: &str = "supported are partial dates (2024, 2024-11, 2024-11-28) \
     and ranges [2024-11-27..2024-11-28], [..2024-12-02], [2011..]";

impl FromStr for When {
    type Err = DateError;

    fn from_str(s: &str) -> Result<When, DateError> {
        if s.contains(['?', '~', '%', '{', '}', '/', 'X', 'x']) {
            return Err(bad_date(
                s.to_owned(),
                &format!("this form of uncertain date is not supported; {SUPPORTED}"),
            ));
        }
        let Some(inner) = s.strip_prefix('[') else {
            return s.parse().map(When::on);
        };
        let malformed = || bad_date(s.to_owned(), &format!("malformed range; {SUPPORTED}"));
        let inner = inner.strip_suffix(']').ok_or_else(malformed)?;
        let (low, high) = inner.split_once("..").ok_or_else(malformed)?;
        if high.contains("..") || inner.contains(',') {
            return Err(malformed());
        }
        let side = |text: &str| -> Result<Option<PartialDate>, DateError> {
            if text.is_empty() {
                Ok(None)
            } else {
                text.parse()
                    .map(Some)
                    .map_err(|e: DateError| bad_date(s.to_owned(), e.reason()))
            }
        };
        When::range(side(low)?, side(high)?).map_err(|e| bad_date(s.to_owned(), e.reason()))
    }
}

impl Serialize for When {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for When {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = std::borrow::Cow::<'de, str>::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}
