//! Calendar days, partial dates and validity intervals.
//!
//! # The as-of rule
//!
//! A [`PartialDate`] such as `2016` or `2016-07` stands for a range of days:
//! the event it dates happened on one of them, we do not know which.
//! An [`Interval`] is half-open: the relation holds from the day it began
//! (inclusive) up to the day it ended (exclusive), so on a hand-over day the
//! new holder holds and the old one no longer does. A missing start means
//! "since before the record begins"; a missing end means "still holds".
//!
//! For a day `d`, an interval with start period `S` and end period `E`
//!
//! - **certainly** holds when `last_day(S) <= d < first_day(E)`: whichever day
//!   in `S` it began and whichever day in `E` it ended, `d` lies between;
//! - **possibly** holds when `first_day(S) <= d < last_day(E)`: some reading of
//!   `S` and `E` puts `d` inside;
//! - otherwise does not hold.
//!
//! The same rule applies to knowledge time: a source published in period `P`
//! has certainly appeared by `d` when `last_day(P) <= d`, and possibly when
//! `first_day(P) <= d`. Queries default to [`Certainty::Possibly`].

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::date_error::DateError;

/// The earliest year a date may have.
pub const MIN_YEAR: i16 = 1;
/// The latest year a date may have; later years are taken for typos.
pub const MAX_YEAR: i16 = 2200;

/// A calendar day in the proleptic Gregorian calendar.
///
/// Stored packed in four bytes so that comparing two days is comparing two
/// integers: the as-of queries do little else.
///
/// # Example
///
/// ```
/// use actorgraph::Date;
///
/// let day: Date = "2024-11-27".parse()?;
/// assert_eq!((day.year(), day.month(), day.day()), (2024, 11, 27));
/// assert!("2024-02-30".parse::<Date>().is_err());
/// # Ok::<(), actorgraph::Error>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(u32);

impl Date {
    /// The earliest day that can be represented.
    pub const MIN: Date = Date::pack(MIN_YEAR, 1, 1);
    /// The latest day that can be represented.
    pub const MAX: Date = Date::pack(MAX_YEAR, 12, 31);
    /// Later than every real day: the end of an open interval.
    pub(crate) const NEVER: Date = Date(u32::MAX);

    const fn pack(year: i16, month: u8, day: u8) -> Date {
        // Years are positive here, so the shifted layout sorts like the calendar.
        Date(((year as u32) << 9) | ((month as u32) << 5) | day as u32)
    }

    /// Makes a day from its parts.
    ///
    /// # Errors
    ///
    /// [`DateError`] when the year is outside
    /// [`MIN_YEAR`]`..=`[`MAX_YEAR`] or the day does not exist (2023-02-29).
    ///
    /// # Example
    ///
    /// ```
    /// use actorgraph::Date;
    ///
    /// assert_eq!(Date::new(2024, 2, 29)?.to_string(), "2024-02-29");
    /// assert!(Date::new(2023, 2, 29).is_err());
    /// # Ok::<(), actorgraph::Error>(())
    /// ```
    pub fn new(year: i16, month: u8, day: u8) -> Result<Date, DateError> {
        let text = || format!("{year:04}-{month:02}-{day:02}");
        check_year(year, &text)?;
        let m = i8::try_from(month).map_err(|_| bad_date(text(), "month out of range"))?;
        let d = i8::try_from(day).map_err(|_| bad_date(text(), "day out of range"))?;
        jiff::civil::Date::new(year, m, d).map_err(|e| bad_date(text(), &e.to_string()))?;
        Ok(Date::pack(year, month, day))
    }

    /// The year.
    pub fn year(self) -> i16 {
        // The year occupies the high bits and was an i16 when packed.
        (self.0 >> 9) as i16
    }

    /// The month, 1 to 12.
    pub fn month(self) -> u8 {
        ((self.0 >> 5) & 0xf) as u8
    }

    /// The day of the month, 1 to 31.
    pub fn day(self) -> u8 {
        (self.0 & 0x1f) as u8
    }

    /// This day as a [`jiff`] date, for calendar arithmetic.
    pub fn to_jiff(self) -> jiff::civil::Date {
        // Every packed Date was checked by jiff when it was made, so the
        // fallback is never taken; it only spares a panic path.
        jiff::civil::Date::new(self.year(), self.month() as i8, self.day() as i8)
            .unwrap_or_default()
    }

    /// The day as stored: year, month and day packed in that order.
    pub(crate) fn packed(self) -> u32 {
        self.0
    }

    /// Back from [`Date::packed`], if the value is a real day or the
    /// "never" sentinel of an open end.
    pub(crate) fn from_packed(packed: u32) -> Option<Date> {
        if packed == Date::NEVER.0 {
            return Some(Date::NEVER);
        }
        let day = Date(packed);
        let year = i16::try_from(packed >> 9).ok()?;
        let valid = Date::new(year, day.month(), day.day()).ok()?;
        (valid == day).then_some(day)
    }

    /// The next day, if it is still within [`MAX_YEAR`].
    pub fn following(self) -> Option<Date> {
        let next = self.to_jiff().tomorrow().ok()?;
        Date::try_from(next).ok()
    }

    /// The day before, if it is still within [`MIN_YEAR`].
    pub fn preceding(self) -> Option<Date> {
        let previous = self.to_jiff().yesterday().ok()?;
        Date::try_from(previous).ok()
    }

    pub(crate) fn last_of_month(year: i16, month: u8) -> Date {
        let days = jiff::civil::Date::new(year, month as i8, 1).map_or(28, |d| d.days_in_month());
        Date::pack(year, month, days as u8)
    }
}

impl From<Date> for jiff::civil::Date {
    fn from(day: Date) -> jiff::civil::Date {
        day.to_jiff()
    }
}

impl TryFrom<jiff::civil::Date> for Date {
    type Error = DateError;
    fn try_from(day: jiff::civil::Date) -> Result<Date, DateError> {
        let text = || day.to_string();
        let month =
            u8::try_from(day.month()).map_err(|_| bad_date(text(), "month out of range"))?;
        let day_of_month =
            u8::try_from(day.day()).map_err(|_| bad_date(text(), "day out of range"))?;
        Date::new(day.year(), month, day_of_month)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:04}-{:02}-{:02}",
            self.year(),
            self.month(),
            self.day()
        )
    }
}

impl fmt::Debug for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl FromStr for Date {
    type Err = DateError;
    fn from_str(s: &str) -> Result<Date, DateError> {
        let partial: PartialDate = s.parse()?;
        match partial.precision() {
            Precision::Day => Ok(partial.first_day()),
            _ => Err(bad_date(
                s.to_owned(),
                "a full date YYYY-MM-DD is needed here",
            )),
        }
    }
}

fn bad_date(text: String, reason: &str) -> DateError {
    DateError::invalid(text, reason)
}

fn check_year(year: i16, text: &dyn Fn() -> String) -> Result<(), DateError> {
    if (MIN_YEAR..=MAX_YEAR).contains(&year) {
        Ok(())
    } else {
        Err(bad_date(
            text(),
            &format!("year must lie between {MIN_YEAR} and {MAX_YEAR}"),
        ))
    }
}

/// How precisely a [`PartialDate`] is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    /// Only the year: `2011`.
    Year,
    /// Year and month: `2016-07`.
    Month,
    /// A single day: `2024-11-27`.
    Day,
}

/// A date known to the year, the month or the day, written `2011`,
/// `2016-07` or `2024-11-27`.
///
/// It stands for the range of days from [`first_day`](Self::first_day) to
/// [`last_day`](Self::last_day). Partial dates sort by their first day, and a
/// coarser date before a finer one that starts on the same day.
///
/// # Errors
///
/// Parsing fails with [`DateError`] on any other shape, a year
/// outside [`MIN_YEAR`]`..=`[`MAX_YEAR`], month 0 or 13, or a day the month
/// does not have.
///
/// # Example
///
/// ```
/// use actorgraph::{PartialDate, Precision};
///
/// let july: PartialDate = "2016-07".parse()?;
/// assert_eq!(july.precision(), Precision::Month);
/// assert_eq!(july.first_day().to_string(), "2016-07-01");
/// assert_eq!(july.last_day().to_string(), "2016-07-31");
/// assert!("2024-13".parse::<PartialDate>().is_err());
/// # Ok::<(), actorgraph::Error>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct PartialDate {
    year: i16,
    // 0 marks an unknown month or day, which keeps the type at four bytes.
    month: u8,
    day: u8,
}

impl PartialDate {
    /// A date known only to the year.
    ///
    /// # Errors
    ///
    /// [`DateError`] when the year is out of range.
    pub fn year(year: i16) -> Result<PartialDate, DateError> {
        check_year(year, &|| format!("{year:04}"))?;
        Ok(PartialDate {
            year,
            month: 0,
            day: 0,
        })
    }

    /// A date known to the month.
    ///
    /// # Errors
    ///
    /// [`DateError`] when the year or month is out of range.
    pub fn month(year: i16, month: u8) -> Result<PartialDate, DateError> {
        check_year(year, &|| format!("{year:04}-{month:02}"))?;
        if !(1..=12).contains(&month) {
            return Err(bad_date(
                format!("{year:04}-{month:02}"),
                "month must lie between 1 and 12",
            ));
        }
        Ok(PartialDate {
            year,
            month,
            day: 0,
        })
    }

    /// A date known to the day.
    ///
    /// # Errors
    ///
    /// [`DateError`] when the day does not exist.
    pub fn day(year: i16, month: u8, day: u8) -> Result<PartialDate, DateError> {
        Date::new(year, month, day)?;
        Ok(PartialDate { year, month, day })
    }

    /// Year, month and day, with 0 for an unknown month or day.
    pub(crate) fn parts(self) -> (i16, u8, u8) {
        (self.year, self.month, self.day)
    }

    /// How precisely the date is known.
    pub fn precision(self) -> Precision {
        match (self.month, self.day) {
            (0, _) => Precision::Year,
            (_, 0) => Precision::Month,
            _ => Precision::Day,
        }
    }

    /// The earliest day the date can mean.
    pub fn first_day(self) -> Date {
        Date::pack(self.year, self.month.max(1), self.day.max(1))
    }

    /// The latest day the date can mean.
    pub fn last_day(self) -> Date {
        match self.precision() {
            Precision::Year => Date::pack(self.year, 12, 31),
            Precision::Month => Date::last_of_month(self.year, self.month),
            Precision::Day => Date::pack(self.year, self.month, self.day),
        }
    }

    /// Whether `day` lies within the range of days this date stands for.
    pub fn contains(self, day: Date) -> bool {
        self.first_day() <= day && day <= self.last_day()
    }
}

impl From<Date> for PartialDate {
    fn from(day: Date) -> PartialDate {
        PartialDate {
            year: day.year(),
            month: day.month(),
            day: day.day(),
        }
    }
}

impl Ord for PartialDate {
    fn cmp(&self, other: &Self) -> Ordering {
        // A partial date is fixed by its first and last day, so this is total.
        self.first_day()
            .cmp(&other.first_day())
            .then_with(|| other.last_day().cmp(&self.last_day()))
    }
}

impl PartialOrd for PartialDate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if self.month != 0 {
            write!(f, "-{:02}", self.month)?;
        }
        if self.day != 0 {
            write!(f, "-{:02}", self.day)?;
        }
        Ok(())
    }
}

impl fmt::Debug for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl FromStr for PartialDate {
    type Err = DateError;
    fn from_str(s: &str) -> Result<PartialDate, DateError> {
        let shape = || bad_date(s.to_owned(), "expected YYYY, YYYY-MM or YYYY-MM-DD");
        let mut parts = s.split('-');
        let mut number = |width: usize| -> Result<Option<u16>, DateError> {
            match parts.next() {
                None => Ok(None),
                Some(p) if p.len() == width && p.bytes().all(|b| b.is_ascii_digit()) => {
                    p.parse().map(Some).map_err(|_| shape())
                }
                Some(_) => Err(shape()),
            }
        };
        let year = number(4)?.ok_or_else(shape)?;
        let month = number(2)?;
        let day = number(2)?;
        if parts.next().is_some() {
            return Err(shape());
        }
        // Four digits always fit an i16 and two a u8, so these never fail.
        let year = i16::try_from(year).map_err(|_| shape())?;
        let narrow = |n: u16| u8::try_from(n).map_err(|_| shape());
        let result = match (month, day) {
            (None, _) => PartialDate::year(year),
            (Some(m), None) => PartialDate::month(year, narrow(m)?),
            (Some(m), Some(d)) => PartialDate::day(year, narrow(m)?, narrow(d)?),
        };
        result.map_err(|e| bad_date(s.to_owned(), e.reason()))
    }
}

impl Serialize for PartialDate {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = std::borrow::Cow::<'de, str>::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// A day known only to lie somewhere in a range: a partial date, or a
/// range of days in EDTF's "one of a set" notation.
///
/// | written | means |
/// |---|---|
/// | `2024-11-27`, `2024-11`, `2024` | one day of that day, month or year ([`PartialDate`]) |
/// | `[2024-11-27..2024-11-28]` | one of these days ("on Wednesday or Thursday") |
/// | `[..2024-12-02]` | on or before 2024-12-02 ("already true when reported") |
/// | `[2011..]` | on or after 2011 |
/// | `[2016..2017-03]` | partial dates at either end |
///
/// The as-of rule of the [module docs](self) reads a `When` over its first
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
/// See the [module docs](self) for how it is read on a given day.
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

#[cfg(test)]
mod tests {
    use super::*;

    fn pd(s: &str) -> PartialDate {
        s.parse().unwrap()
    }

    fn day(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn leap_days_are_checked() {
        assert!("2024-02-29".parse::<PartialDate>().is_ok());
        assert!("2023-02-29".parse::<PartialDate>().is_err());
        assert!("2024-02-30".parse::<PartialDate>().is_err());
    }

    #[test]
    fn malformed_dates_are_rejected() {
        for bad in [
            "",
            "24",
            "2024-1",
            "2024-13",
            "2024-00",
            "0000",
            "9999",
            "2024-11-27x",
            "2024/11",
            "+202",
            "2024-11-27-01",
            "-2024",
        ] {
            assert!(bad.parse::<PartialDate>().is_err(), "{bad:?} was accepted");
        }
    }

    #[test]
    fn partial_dates_cover_their_days() {
        assert_eq!(pd("2016").first_day(), day("2016-01-01"));
        assert_eq!(pd("2016").last_day(), day("2016-12-31"));
        assert_eq!(pd("2024-02").last_day(), day("2024-02-29"));
        assert_eq!(pd("2023-02").last_day(), day("2023-02-28"));
    }

    #[test]
    fn display_round_trips() {
        for s in ["2011", "2016-07", "2024-11-27", "0001-01-01"] {
            assert_eq!(pd(s).to_string(), s);
        }
    }

    #[test]
    fn coarser_sorts_first_on_the_same_first_day() {
        assert!(pd("2016") < pd("2016-01"));
        assert!(pd("2016-01") < pd("2016-01-01"));
        assert!(pd("2016-01-01") < pd("2016-01-02"));
        assert!(pd("2016-12") < pd("2017"));
    }

    #[test]
    fn start_day_is_inclusive_and_end_day_exclusive() {
        let i =
            Interval::new(Some(pd("2024-11-27").into()), Some(pd("2024-11-30").into())).unwrap();
        assert_eq!(i.holds_on(day("2024-11-26")), Holding::No);
        assert_eq!(i.holds_on(day("2024-11-27")), Holding::Certainly);
        assert_eq!(i.holds_on(day("2024-11-29")), Holding::Certainly);
        assert_eq!(i.holds_on(day("2024-11-30")), Holding::No);
    }

    #[test]
    fn year_precision_is_only_possible_inside_that_year() {
        let i = Interval::new(Some(pd("2016").into()), Some(pd("2017").into())).unwrap();
        assert_eq!(i.holds_on(day("2016-06-01")), Holding::Possibly);
        assert_eq!(i.holds_on(day("2016-12-31")), Holding::Certainly);
        assert_eq!(i.holds_on(day("2017-06-01")), Holding::Possibly);
        assert_eq!(i.holds_on(day("2017-12-31")), Holding::No);
    }

    #[test]
    fn empty_intervals_are_rejected() {
        assert!(Interval::new(Some(pd("2017").into()), Some(pd("2016").into())).is_err());
        assert!(
            Interval::new(Some(pd("2016-05-01").into()), Some(pd("2016-05-01").into())).is_err()
        );
        assert!(Interval::new(Some(pd("2016").into()), Some(pd("2016").into())).is_ok());
    }
}
