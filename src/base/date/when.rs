//! A day known only to lie in a range: [`When`].

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::super::date_error::DateError;

use super::day::{Date, bad_date};
use super::edtf::{self, Edtf, Parsed};
use super::partial::PartialDate;

/// A day known only to lie somewhere in a range: a partial date, a range
/// of days in EDTF's "one of a set" notation, or any other single date of
/// EDTF levels 1 and 2 (the Library of Congress's Extended Date/Time Format).
///
/// | written | means |
/// |---|---|
/// | `2016`, `2016-07`, `2016-07-19` | a day of that year, month or day |
/// | `[2024-11-27..2024-11-28]` | one of these days ("on Wednesday or Thursday") |
/// | `[..2024-12-02]` | on or before 2024-12-02 ("already true when reported") |
/// | `[2011..]` | on or after 2011 |
/// | `[2016..2017-03]` | partial dates at either end |
/// | `199X`, `19XX`, `2016-XX`, `156X-12-25`, `1560-XX-25` | unspecified digits: a day of the 1990s, of 2016, a 25 December of the 1560s |
/// | `1984?`, `2004-06~`, `1984%` | uncertain, approximate, both: the date, *possibly* a year (and month, day) either side; `%` twice as far |
/// | `2004?-06-~11`, `?2004-06`, `2004-%06` | a qualifier after a component covers it and those to its left; before it, that component only |
/// | `156X~`, `16XX%` | an unspecified year qualified in its own unit: a decade, a century |
/// | `2016-XX~`, `1999-01-XX?` | unspecified digits qualified after the whole date: a month (and a day) either side, as python-edtf reads them |
/// | `1950S2` | the year 1950, *possibly* any year of 1900 to 1999 (two significant digits) |
/// | `2004-01-01T10:10:10Z`, `…+05:00` | a time given where a day is meant: that day (the time is kept as written) |
/// | `2001-21` … `2001-41` | a season or part of the year: spring (21: March to May), summer, autumn, winter (24: December, as python-edtf reads it), quarters (33-36), quadrimesters (37-39), halves (40-41) |
/// | `[1667, 1668, 1670..1672]`, `[1760-01, 1760-12..]` | one of a set: a day of any of the choices |
///
/// Each reads as the range of days it can mean, as python-edtf reads it:
/// [`strict_first_day`](When::strict_first_day) to
/// [`strict_last_day`](When::strict_last_day) ignoring qualifiers
/// (python-edtf's `lower_strict`/`upper_strict`), and
/// [`first_day`](When::first_day) to [`last_day`](When::last_day) widened
/// by them (`lower_fuzzy`/`upper_fuzzy`; clamped to the crate's years).
/// The as-of rule of the [module docs](super) reads a `When` over its first
/// and last *possible* day: a qualifier widens what possibly holds and never
/// makes anything certain; [`is_qualified`](When::is_qualified) says when the
/// two ranges differ. An open lower end is the earliest day there is, an
/// open upper end never comes. A date displays, and is written to every
/// format, exactly as it was written.
///
/// What is not one date is refused with a message saying what to write
/// instead: an interval `A/B` (its ends are a relation's `from` and
/// `until`), an "all of" set `{..}`, and years outside
/// [`MIN_YEAR`](super::MIN_YEAR)`..=`[`MAX_YEAR`](super::MAX_YEAR)
/// (`-0999`, `Y170000002`, `XXXX`).
///
/// # Errors
///
/// Parsing fails with [`DateError`] on a malformed or reversed
/// range, a range open at both ends, or a form that is not a single date.
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
/// // Uncertain: June 2004 strictly, possibly May 2003 to July 2005.
/// let perhaps: When = "2004-06?".parse()?;
/// assert!(perhaps.is_qualified());
/// assert_eq!(perhaps.strict_first_day().to_string(), "2004-06-01");
/// assert_eq!(perhaps.first_day().to_string(), "2003-05-01");
/// assert_eq!(perhaps.last_day().map(|d| d.to_string()), Some("2005-07-30".to_owned()));
/// assert_eq!(perhaps.to_string(), "2004-06?");
///
/// let choices: When = "[1667, 1668, 1670..1672]".parse()?;
/// assert_eq!(choices.first_day().to_string(), "1667-01-01");
/// assert_eq!(choices.strict_last_day().map(|d| d.to_string()), Some("1672-12-31".to_owned()));
///
/// assert!("[2024-12-02..2024-11-27]".parse::<When>().is_err());
/// assert!("2004/2006".parse::<When>().unwrap_err().to_string().contains("`until`"));
/// # Ok::<(), actorgraph::Error>(())
/// ```
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
    /// Any other EDTF single date or set, kept as written.
    Edtf(&'static Edtf),
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
            Shape::On(_) | Shape::Edtf(_) => None,
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
            Shape::Edtf(e) => e.reading().possible.0,
        }
    }

    /// The latest day it can mean; `None` when open above.
    pub fn last_day(self) -> Option<Date> {
        match self.0 {
            Shape::On(date) => Some(date.last_day()),
            Shape::Between(_, high) => high.map(PartialDate::last_day),
            Shape::Edtf(e) => Some(e.reading().possible.1).filter(|&d| d != Date::NEVER),
        }
    }

    /// The earliest day it names when its qualifiers are ignored
    /// (python-edtf's `lower_strict`); [`first_day`](When::first_day)
    /// unless it [is qualified](When::is_qualified).
    pub fn strict_first_day(self) -> Date {
        match self.0 {
            Shape::Edtf(e) => e.reading().strict.0,
            _ => self.first_day(),
        }
    }

    /// The latest day it names when its qualifiers are ignored
    /// (python-edtf's `upper_strict`); `None` when open above.
    pub fn strict_last_day(self) -> Option<Date> {
        match self.0 {
            Shape::Edtf(e) => Some(e.reading().strict.1).filter(|&d| d != Date::NEVER),
            _ => self.last_day(),
        }
    }

    /// Whether a qualifier (`?`, `~`, `%`) or significant digits (`S2`)
    /// widen the days it possibly means beyond those it strictly names.
    ///
    /// # Example
    ///
    /// ```
    /// use actorgraph::When;
    ///
    /// assert!("2004?-06-~11".parse::<When>()?.is_qualified());
    /// assert!(!"199X".parse::<When>()?.is_qualified());
    /// # Ok::<(), actorgraph::Error>(())
    /// ```
    pub fn is_qualified(self) -> bool {
        match self.0 {
            Shape::Edtf(e) => e.reading().strict != e.reading().possible,
            _ => false,
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
            Shape::Between(..) | Shape::Edtf(_) => None,
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
        // By the days it can mean, as partial dates sort; ties between
        // shapes of the same days put a partial date first, then a range,
        // then other EDTF forms (by their text).
        let days = |w: &When| (w.first_day(), std::cmp::Reverse(w.last_or_never()));
        let rank = |w: &When| match w.0 {
            Shape::On(_) => 0,
            Shape::Between(..) => 1,
            Shape::Edtf(_) => 2,
        };
        days(self)
            .cmp(&days(other))
            .then_with(|| rank(self).cmp(&rank(other)))
            .then_with(|| match (self.0, other.0) {
                (Shape::Between(l1, h1), Shape::Between(l2, h2)) => (l1, h1).cmp(&(l2, h2)),
                (Shape::Edtf(a), Shape::Edtf(b)) => {
                    (a.reading().strict, a.text()).cmp(&(b.reading().strict, b.text()))
                }
                _ => Ordering::Equal,
            })
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
            Shape::Edtf(e) => f.write_str(e.text()),
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

/// What the range syntax accepts, for messages that refuse a malformed one.
const SUPPORTED: &str = "supported are partial dates (2024, 2024-11, 2024-11-28), \
     ranges [2024-11-27..2024-11-28], [..2024-12-02], [2011..], \
     sets [1667, 1668, 1670..1672] and EDTF single dates (1984?, 199X, 2004-06~)";

/// Characters that mark an EDTF form rather than a mistyped partial date.
const EDTF_MARKS: [char; 11] = ['?', '~', '%', 'X', 'x', 'S', 'T', 'Y', '/', '{', '}'];

impl FromStr for When {
    type Err = DateError;

    fn from_str(s: &str) -> Result<When, DateError> {
        let Some(inner) = s.strip_prefix('[') else {
            return match s.parse::<PartialDate>() {
                Ok(date) => Ok(When::on(date)),
                Err(plain) => match edtf::parse_single(s) {
                    Ok(Parsed::Plain(date)) => Ok(When::on(date)),
                    Ok(Parsed::Edtf(e)) => Ok(When(Shape::Edtf(e))),
                    // A date with no EDTF mark keeps the partial date's
                    // message ("month must lie between 1 and 12").
                    Err(e) if s.contains(EDTF_MARKS) || s.starts_with('-') => Err(e),
                    Err(_) => Err(plain),
                },
            };
        };
        let malformed = || bad_date(s.to_owned(), &format!("malformed range; {SUPPORTED}"));
        let inner = inner.strip_suffix(']').ok_or_else(malformed)?;
        // A range of two plain partial dates keeps its own shape, as before.
        if let Some((low, high)) = inner.split_once("..")
            && !inner.contains(',')
            && !high.contains("..")
        {
            let side = |text: &str| -> Result<Option<PartialDate>, DateError> {
                (!text.is_empty()).then(|| text.parse()).transpose()
            };
            if let (Ok(low), Ok(high)) = (side(low), side(high)) {
                return When::range(low, high).map_err(|e| bad_date(s.to_owned(), e.reason()));
            }
        }
        edtf::parse_set(s, inner).map(|e| When(Shape::Edtf(e)))
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
