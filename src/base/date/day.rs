//! Calendar days: [`Date`], and the years a date may have.

use std::fmt;

use super::super::date_error::DateError;

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

    pub(super) const fn pack(year: i16, month: u8, day: u8) -> Date {
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
        // Loaders make millions of days: a day that exists is packed at
        // once, and only one that does not asks jiff why, for its message.
        if (MIN_YEAR..=MAX_YEAR).contains(&year) && (1..=days_in_month(year, month)).contains(&day)
        {
            return Ok(Date::pack(year, month, day));
        }
        Date::explained(year, month, day)
    }

    /// The error of a day [`new`](Self::new) refuses, in jiff's words.
    #[cold]
    fn explained(year: i16, month: u8, day: u8) -> Result<Date, DateError> {
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
        // Checked by hand rather than through `Date::new`, which prepares
        // an error message and asks jiff: opening a snapshot of a million
        // relations checks three million days, and that path was a sixth
        // of its instructions (issue 28).
        let day = Date(packed);
        let year = i16::try_from(packed >> 9).ok()?;
        let (month, d) = (day.month(), day.day());
        let valid = (MIN_YEAR..=MAX_YEAR).contains(&year)
            && (1..=12).contains(&month)
            && (1..=days_in_month(year, month)).contains(&d);
        valid.then_some(day)
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
        // The calendar's own count, as jiff's would be: every relation with
        // a month for an end asks for it.
        let days = match days_in_month(year, month) {
            0 => 28,
            days => days,
        };
        Date::pack(year, month, days)
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

pub(super) fn bad_date(text: String, reason: &str) -> DateError {
    DateError::invalid(text, reason)
}

/// Days in `month` (1 to 12) of `year`, in the proleptic Gregorian
/// calendar that jiff uses.
fn days_in_month(year: i16, month: u8) -> u8 {
    const DAYS: [u8; 12] = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    match month {
        2 if leap => 29,
        1..=12 => DAYS[usize::from(month - 1)],
        _ => 0,
    }
}

#[inline]
pub(super) fn check_year(year: i16, text: &dyn Fn() -> String) -> Result<(), DateError> {
    if (MIN_YEAR..=MAX_YEAR).contains(&year) {
        Ok(())
    } else {
        Err(year_out_of_range(text()))
    }
}

#[cold]
fn year_out_of_range(text: String) -> DateError {
    bad_date(
        text,
        &format!("year must lie between {MIN_YEAR} and {MAX_YEAR}"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The hand-made calendar of `from_packed` (issue 28), `Date::new` and
    /// `last_of_month` (issue 24: the Parquet read makes millions of days)
    /// agrees with jiff's on every day, real or not.
    #[test]
    fn the_hand_made_calendar_agrees_with_jiff() {
        for year in [MIN_YEAR, 1600, 1900, 1999, 2000, 2023, 2024, 2100, MAX_YEAR] {
            for month in 0..16u8 {
                for day in 0..32u8 {
                    let packed = ((year as u32) << 9) | (u32::from(month) << 5) | u32::from(day);
                    let real = (1..=12).contains(&month)
                        && day >= 1
                        && jiff::civil::Date::new(year, month as i8, day as i8).is_ok();
                    let at = format!("{year}-{month}-{day}");
                    assert_eq!(Date::from_packed(packed).is_some(), real, "{at}");
                    assert_eq!(Date::new(year, month, day).is_ok(), real, "{at}");
                }
                if let Ok(first) = jiff::civil::Date::new(year, month as i8, 1) {
                    let last = Date::last_of_month(year, month);
                    assert_eq!(last.day() as i8, first.days_in_month(), "{year}-{month}");
                }
            }
        }
        assert_eq!(Date::from_packed(Date::NEVER.packed()), Some(Date::NEVER));
        assert_eq!(
            Date::from_packed((i16::MAX as u32 + 1) << 9 | 1 << 5 | 1),
            None
        );
    }
}
