//! Dates known to a year, a month or a day: [`PartialDate`].

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::super::date_error::DateError;

use super::day::{Date, bad_date, check_year};

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
/// outside [`MIN_YEAR`](super::MIN_YEAR)`..=`[`MAX_YEAR`](super::MAX_YEAR), month 0 or 13, or a day the month
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
        // Read by position, as every loader reads millions of these: four
        // digits, then optionally a dash and two, twice.
        let bytes = s.as_bytes();
        let digits = |from: usize, to: usize| -> Result<u16, DateError> {
            bytes[from..to]
                .iter()
                .try_fold(0u16, |n, &b| {
                    b.is_ascii_digit().then(|| n * 10 + u16::from(b - b'0'))
                })
                .ok_or_else(shape)
        };
        let dash = |at: usize| {
            if bytes[at] == b'-' {
                Ok(())
            } else {
                Err(shape())
            }
        };
        let (year, month, day) = match bytes.len() {
            4 => (digits(0, 4)?, None, None),
            7 => {
                dash(4)?;
                (digits(0, 4)?, Some(digits(5, 7)?), None)
            }
            10 => {
                dash(4)?;
                dash(7)?;
                (digits(0, 4)?, Some(digits(5, 7)?), Some(digits(8, 10)?))
            }
            _ => return Err(shape()),
        };
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

// Here rather than beside `Date`: a full date is read as a partial one
// that must turn out precise to the day.
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
