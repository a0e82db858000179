//! Reading the dates spreadsheets and datasets write: [`DateFormat`].

use serde::{Deserialize, Serialize};

use crate::base::date::{PartialDate, When};

/// How a column writes its dates. Each reads to a [`When`]: a day, a
/// month or a year, never more precise than the cell.
///
/// | format | cells | reads as |
/// |---|---|---|
/// | `Edtf` | `2024-11-27`, `2024-11`, `2024`, `[2024-11-27..2024-11-28]`, and every form [`When`] reads | as written |
/// | `ZeroUnknown` | `2024-11-27`, `2024-11-00`, `2024-00-00` (`00` for an unknown month or day) | `2024-11-27`, `2024-11`, `2024` |
/// | `MonthDayYear` | `11/27/24`, `11/27/2024` | `2024-11-27` (a two-digit year is 1969-2068, as POSIX `strptime` reads `%y`) |
/// | `DayMonthName` | `27 November 2024`, `27 Nov 2024`, `November 2024` | `2024-11-27`, `2024-11` |
///
/// # Example
///
/// ```
/// use actorgraph::import::DateFormat;
///
/// assert_eq!(DateFormat::ZeroUnknown.read("2014-05-00").unwrap().to_string(), "2014-05");
/// assert_eq!(DateFormat::MonthDayYear.read("3/9/15").unwrap().to_string(), "2015-03-09");
/// assert_eq!(DateFormat::DayMonthName.read("27 November 2024").unwrap().to_string(), "2024-11-27");
/// assert!(DateFormat::MonthDayYear.read("13/1/15").is_err());
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub enum DateFormat {
    /// The crate's own dates: ISO days, months and years, EDTF ranges.
    #[default]
    Edtf,
    /// ISO with `00` for an unknown month or day.
    ZeroUnknown,
    /// `M/D/YY` or `M/D/YYYY`.
    MonthDayYear,
    /// `D Month YYYY` or `Month YYYY`, English month names, full or cut
    /// to three letters.
    DayMonthName,
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

impl DateFormat {
    /// Reads `cell`, trimmed.
    ///
    /// # Errors
    ///
    /// A sentence saying what the cell should look like.
    pub fn read(self, cell: &str) -> Result<When, String> {
        let cell = cell.trim();
        let wrong = |form: &str| format!("{cell:?} is not a date in the form {form}");
        match self {
            DateFormat::Edtf => cell.parse::<When>().map_err(|e| e.to_string()),
            DateFormat::ZeroUnknown => {
                let form = "YYYY-MM-DD with 00 for an unknown month or day";
                let parts: Vec<&str> = cell.split('-').collect();
                let [y, m, d] = parts[..] else {
                    return cell.parse::<When>().map_err(|_| wrong(form));
                };
                let number = |t: &str, len: usize| {
                    (t.len() == len && t.bytes().all(|b| b.is_ascii_digit()))
                        .then(|| t.parse::<u16>().ok())
                        .flatten()
                };
                let (Some(y), Some(m), Some(d)) = (number(y, 4), number(m, 2), number(d, 2)) else {
                    return Err(wrong(form));
                };
                let y = i16::try_from(y).map_err(|_| wrong(form))?;
                let date = match (m, d) {
                    (0, 0) => PartialDate::year(y),
                    (0, _) => return Err(format!("{cell:?} gives a day but no month")),
                    (m, 0) => PartialDate::month(y, m as u8),
                    (m, d) => PartialDate::day(y, m as u8, d as u8),
                }
                .map_err(|e| format!("{cell:?}: {}", e.reason()))?;
                Ok(When::on(date))
            }
            DateFormat::MonthDayYear => {
                let form = "M/D/YY or M/D/YYYY";
                let parts: Vec<&str> = cell.split('/').collect();
                let [m, d, y] = parts[..] else {
                    return Err(wrong(form));
                };
                let digits = |t: &str| {
                    !t.is_empty() && t.len() <= 4 && t.bytes().all(|b| b.is_ascii_digit())
                };
                if !(digits(m) && digits(d) && digits(y)) || m.len() > 2 || d.len() > 2 {
                    return Err(wrong(form));
                }
                let (m, d): (u8, u8) = (
                    m.parse().map_err(|_| wrong(form))?,
                    d.parse().map_err(|_| wrong(form))?,
                );
                let year: i16 = match y.len() {
                    2 => {
                        let yy: i16 = y.parse().map_err(|_| wrong(form))?;
                        if yy >= 69 { 1900 + yy } else { 2000 + yy }
                    }
                    4 => y.parse().map_err(|_| wrong(form))?,
                    _ => return Err(wrong(form)),
                };
                PartialDate::day(year, m, d)
                    .map(When::on)
                    .map_err(|e| format!("{cell:?}: {}", e.reason()))
            }
            DateFormat::DayMonthName => {
                let form = "D Month YYYY or Month YYYY";
                let words: Vec<&str> = cell.split_whitespace().collect();
                let (day, month, year) = match words[..] {
                    [d, m, y] => (Some(d), m, y),
                    [m, y] => (None, m, y),
                    _ => return Err(wrong(form)),
                };
                let month = month.trim_end_matches([',', '.']).to_lowercase();
                let m = MONTHS
                    .iter()
                    .position(|name| {
                        *name == month || (month.len() == 3 && name.starts_with(&month))
                    })
                    .ok_or_else(|| wrong(form))? as u8
                    + 1;
                let year: i16 = (year.len() == 4)
                    .then(|| year.parse().ok())
                    .flatten()
                    .ok_or_else(|| wrong(form))?;
                let date = match day {
                    Some(d) => {
                        let d: u8 = d.trim_end_matches(',').parse().map_err(|_| wrong(form))?;
                        PartialDate::day(year, m, d)
                    }
                    None => PartialDate::month(year, m),
                };
                date.map(When::on)
                    .map_err(|e| format!("{cell:?}: {}", e.reason()))
            }
        }
    }
}
