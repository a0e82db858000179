//! Reading the single-date forms of EDTF levels 1 and 2 into the range of
//! days they can mean: [`Edtf`], behind [`When`](super::When).
//!
//! Each form is read as python-edtf reads it, so that a date exchanged with
//! the field's Python tools means the same days on both sides:
//!
//! - the *strict* range is the days the date names when its qualifiers are
//!   ignored (python-edtf's `lower_strict`/`upper_strict`);
//! - the *possible* range widens it by the qualifiers (`lower_fuzzy` /
//!   `upper_fuzzy`): `?` and `~` by one unit of each qualified component
//!   (a year, a month, a day; a decade for `199X`, a century for `19XX`),
//!   `%` by two. A qualifier after a component qualifies it and every
//!   component to its left (`2004-06~` is year and month); one before a
//!   component qualifies that component only (`2004-~06`).
//!
//! The widened range is clamped to the crate's years: the possible days of
//! `0001~` begin on the first day there is.

use std::collections::HashSet;
use std::hash::{Hash, Hasher};
use std::sync::{Mutex, OnceLock};

use super::super::date_error::DateError;
use super::day::{Date, MAX_YEAR, MIN_YEAR, bad_date};
use super::partial::PartialDate;

/// An EDTF date beyond a plain partial date or range: its text as written
/// and the days it can mean. Equal texts are one value.
#[derive(Debug)]
pub(crate) struct Edtf {
    text: Box<str>,
    reading: Reading,
}

/// The days a date can mean, strictly and possibly; `Date::MIN` for an open
/// lower end and `Date::NEVER` for an open upper end, as `When` reads them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Reading {
    pub(crate) strict: (Date, Date),
    pub(crate) possible: (Date, Date),
}

impl Reading {
    fn exact(first: Date, last: Date) -> Reading {
        Reading {
            strict: (first, last),
            possible: (first, last),
        }
    }
}

impl Edtf {
    /// The text as written.
    pub(crate) fn text(&self) -> &str {
        &self.text
    }

    /// The days it can mean.
    pub(crate) fn reading(&self) -> Reading {
        self.reading
    }
}

impl PartialEq for Edtf {
    fn eq(&self, other: &Self) -> bool {
        // The reading follows from the text.
        self.text == other.text
    }
}

impl Eq for Edtf {}

impl Hash for Edtf {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.text.hash(state);
    }
}

/// Keeps one copy of each distinct EDTF text for the life of the process, so
/// that `When` stays `Copy` (the as-of queries copy dates freely) while still
/// writing back each date as it was written. Real data holds few distinct
/// forms of this kind, so the table stays small.
fn intern(edtf: Edtf) -> &'static Edtf {
    static TABLE: OnceLock<Mutex<HashSet<&'static Edtf>>> = OnceLock::new();
    let table = TABLE.get_or_init(Default::default);
    // A poisoned lock only means another thread panicked while inserting;
    // the set itself is still whole.
    let mut table = table.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(known) = table.get(&edtf) {
        return known;
    }
    let leaked: &'static Edtf = Box::leak(Box::new(edtf));
    table.insert(leaked);
    leaked
}

/// What `parse` found: a plain partial date (kept as one, so that existing
/// data reads and writes as before) or an EDTF form.
pub(crate) enum Parsed {
    Plain(PartialDate),
    Edtf(&'static Edtf),
}

/// Where a qualifier stands and what it weighs: `?` and `~` one unit, `%`
/// two, as python-edtf's multipliers.
fn weight(c: u8) -> Option<u32> {
    match c {
        b'?' | b'~' => Some(1),
        b'%' => Some(2),
        _ => None,
    }
}

const FORMS: &str = "EDTF single dates such as 2016, 2016-07-19, 199X, 2016-XX, \
     156X-12-25, 1984?, 2004-06~, 1984%, 2004?-06-~11, 2004-01-01T10:10:10Z, 2001-21 (spring), \
     1950S2, one of a set [1667, 1668, 1670..1672], or a range [2024-11-27..2024-11-28]";

/// Reads one EDTF single date (not a set).
pub(crate) fn parse_single(s: &str) -> Result<Parsed, DateError> {
    let single = Single::parse(s)?;
    if let Some(plain) = single.plain() {
        return Ok(Parsed::Plain(plain));
    }
    let reading = single.reading(s)?;
    Ok(Parsed::Edtf(intern(Edtf {
        text: s.into(),
        reading,
    })))
}

/// Reads the inside of `[...]`, one of a set: `1667, 1668, 1670..1672`.
pub(crate) fn parse_set(s: &str, inner: &str) -> Result<&'static Edtf, DateError> {
    let fail = |why: &str| bad_date(s.to_owned(), why);
    let items: Vec<&str> = inner.split(',').map(str::trim).collect();
    let count = items.len();
    let mut hull: Option<Reading> = None;
    for (i, item) in items.into_iter().enumerate() {
        if item.is_empty() {
            return Err(fail("an empty choice in the set"));
        }
        let reading = match item.split_once("..") {
            None => reading_of(s, item)?,
            Some((low, high)) => {
                if low.is_empty() && i != 0 {
                    return Err(fail(
                        "only the first choice may be open below: [..1760-12-03, 1765]",
                    ));
                }
                if high.is_empty() && i + 1 != count {
                    return Err(fail(
                        "only the last choice may be open above: [1760, 1765..]",
                    ));
                }
                if low.is_empty() && high.is_empty() {
                    return Err(fail("a range needs at least one end"));
                }
                let side = |t: &str| (!t.is_empty()).then(|| reading_of(s, t)).transpose();
                let (low, high) = (side(low)?, side(high)?);
                if let (Some(l), Some(h)) = (low, high)
                    && h.strict.1 < l.strict.0
                {
                    return Err(fail("a range in the set ends before it begins"));
                }
                Reading {
                    strict: (
                        low.map_or(Date::MIN, |l| l.strict.0),
                        high.map_or(Date::NEVER, |h| h.strict.1),
                    ),
                    possible: (
                        low.map_or(Date::MIN, |l| l.possible.0),
                        high.map_or(Date::NEVER, |h| h.possible.1),
                    ),
                }
            }
        };
        hull = Some(match hull {
            None => reading,
            Some(h) => Reading {
                strict: (
                    h.strict.0.min(reading.strict.0),
                    h.strict.1.max(reading.strict.1),
                ),
                possible: (
                    h.possible.0.min(reading.possible.0),
                    h.possible.1.max(reading.possible.1),
                ),
            },
        });
    }
    let reading = hull.ok_or_else(|| fail("an empty set"))?;
    Ok(intern(Edtf {
        text: s.into(),
        reading,
    }))
}

/// The reading of one choice of a set, errors naming the whole set.
fn reading_of(whole: &str, item: &str) -> Result<Reading, DateError> {
    let single = Single::parse(item).map_err(|e| bad_date(whole.to_owned(), e.reason()))?;
    single
        .reading(item)
        .map_err(|e| bad_date(whole.to_owned(), e.reason()))
}

/// A component's digits: all known, or some trailing ones unspecified (`X`).
#[derive(Clone, Copy)]
struct Digits {
    low: u16,
    high: u16,
    unspecified: u32,
}

/// One single date, taken apart.
struct Single {
    year: Digits,
    month: Option<Digits>,
    day: Option<Digits>,
    /// Qualifier weight on year, month and day.
    weights: [u32; 3],
    /// A time of day was given (`T10:10:10Z`); the day is its date.
    timed: bool,
    /// Significant digits of the year (`1950S2`).
    significant: Option<u32>,
}

impl Single {
    fn parse(s: &str) -> Result<Single, DateError> {
        let fail = |why: &str| bad_date(s.to_owned(), why);
        let shape = || fail(&format!("not a date; supported are {FORMS}"));
        if s.contains('/') {
            return Err(fail(
                "an interval A/B is not a single date: give its ends as `from` and `until`",
            ));
        }
        if s.starts_with('{') {
            return Err(fail(
                "{..} means all of these dates, not one of them: give each its own relation or use one of a set [..]",
            ));
        }
        if s.starts_with(['-', 'Y']) {
            return Err(fail(&format!(
                "years before 1 and years of more than four digits lie outside the crate's years {MIN_YEAR} to {MAX_YEAR}"
            )));
        }
        let (date, time) = match s.split_once('T') {
            Some((d, t)) => (d, Some(t)),
            None => (s, None),
        };
        let (date, significant) = match date.split_once('S') {
            Some((d, n)) => {
                let n: u32 = match n.as_bytes() {
                    [c @ b'1'..=b'4'] => u32::from(c - b'0'),
                    _ => return Err(fail("significant digits are written S1 to S4: 1950S2")),
                };
                (d, Some(n))
            }
            None => (date, None),
        };
        let bytes = date.as_bytes();
        let mut at = 0;
        let mut weights = [0u32; 3];
        let mut posts = 0;
        let mut pres = 0;
        // The qualifier after a component, and that component's place.
        let mut post: Option<(usize, u32)> = None;
        let mut parts: Vec<Digits> = Vec::with_capacity(3);
        for component in 0..3 {
            if component > 0 {
                match bytes.get(at) {
                    None => break,
                    Some(b'-') => at += 1,
                    Some(_) => return Err(shape()),
                }
            }
            if let Some(w) = bytes.get(at).copied().and_then(weight) {
                weights[component] += w;
                pres += 1;
                at += 1;
            }
            let width = if component == 0 { 4 } else { 2 };
            let text = date.get(at..at + width).ok_or_else(shape)?;
            parts.push(digits(text).ok_or_else(shape)?);
            at += width;
            if let Some(w) = bytes.get(at).copied().and_then(weight) {
                posts += 1;
                post = Some((component, w));
                for q in weights.iter_mut().take(component + 1) {
                    *q += w;
                }
                at += 1;
            }
        }
        if at != bytes.len() {
            return Err(shape());
        }
        if posts > 1 {
            return Err(fail(
                "one qualifier after a component at most: it already covers those to its left",
            ));
        }
        let qualified = weights.iter().any(|&w| w > 0);
        let unspecified = parts.iter().any(|p| p.unspecified > 0);
        if unspecified && qualified {
            // python-edtf reads a qualifier on unspecified digits only after
            // the whole date, whose last component is unspecified (156X~,
            // 2016-XX~, 1999-01-XX?); it widens a year alone by its own unit
            // and otherwise the month and day only, not the year.
            let last = parts.len() - 1;
            match post {
                Some((at, w)) if at == last && pres == 0 && parts[last].unspecified > 0 => {
                    if last > 0 {
                        weights = [0, w, if last == 2 { w } else { 0 }];
                    }
                }
                _ => {
                    return Err(fail(
                        "unspecified digits take one qualifier, after the whole date, \
                         whose last part is unspecified: 156X~, 2016-XX~",
                    ));
                }
            }
        }
        let single = Single {
            year: parts[0],
            month: parts.get(1).copied(),
            day: parts.get(2).copied(),
            weights,
            timed: time.is_some(),
            significant,
        };
        if let Some(t) = time {
            if unspecified || qualified || single.day.is_none() {
                return Err(fail(
                    "a time of day follows a full date: 2004-01-01T10:10:10Z",
                ));
            }
            check_time(t).map_err(&fail)?;
        }
        if significant.is_some() && (unspecified || qualified || single.month.is_some()) {
            return Err(fail("significant digits follow a plain year: 1950S2"));
        }
        if single.is_season() && (unspecified || qualified || single.day.is_some()) {
            return Err(fail("a season (21 to 41) follows a plain year: 2001-21"));
        }
        Ok(single)
    }

    fn is_season(&self) -> bool {
        self.month
            .is_some_and(|m| m.unspecified == 0 && (21..=41).contains(&m.low))
    }

    /// The plain partial date this is, when it has no EDTF feature.
    fn plain(&self) -> Option<PartialDate> {
        let plain = |d: Option<Digits>| d.is_none_or(|d| d.unspecified == 0);
        if self.year.unspecified != 0
            || !plain(self.month)
            || !plain(self.day)
            || self.weights != [0; 3]
            || self.timed
            || self.significant.is_some()
            || self.is_season()
        {
            return None;
        }
        let year = i16::try_from(self.year.low).ok()?;
        let narrow = |d: Digits| u8::try_from(d.low).ok();
        match (self.month, self.day) {
            (None, _) => PartialDate::year(year).ok(),
            (Some(m), None) => PartialDate::month(year, narrow(m)?).ok(),
            (Some(m), Some(d)) => PartialDate::day(year, narrow(m)?, narrow(d)?).ok(),
        }
    }

    fn reading(&self, s: &str) -> Result<Reading, DateError> {
        let fail = |why: &str| bad_date(s.to_owned(), why);
        let (lo, hi) = (self.year.low, self.year.high);
        if lo < MIN_YEAR as u16 || hi > MAX_YEAR as u16 {
            return Err(fail(&format!(
                "its years {lo:04} to {hi:04} do not lie between {MIN_YEAR} and {MAX_YEAR}"
            )));
        }
        if self.is_season() {
            let (first, last) = season_months(self.month.map_or(0, |m| m.low));
            let year = lo as i16;
            let start = Date::new(year, first, 1)?;
            return Ok(Reading::exact(start, Date::last_of_month(year, last)));
        }
        let months = |d: Option<Digits>| match d {
            None => (1, 12),
            Some(m) if m.unspecified > 0 => (1, 12),
            Some(m) => (m.low, m.low),
        };
        let (m_lo, m_hi) = months(self.month);
        if m_lo == 0 || m_hi > 12 {
            return Err(fail(
                "month must lie between 1 and 12, or 21 to 41 for a season",
            ));
        }
        let day = self.day.filter(|d| d.unspecified == 0).map(|d| d.low);
        if day.is_some_and(|d| d == 0 || d > 31) {
            return Err(fail("day must lie between 1 and 31"));
        }
        let fits = |y: u16, m: u16| -> Option<(Date, Date)> {
            let (y, m) = (y as i16, m as u8);
            match day {
                Some(d) => Date::new(y, m, d as u8).ok().map(|x| (x, x)),
                None => Some((Date::new(y, m, 1).ok()?, Date::last_of_month(y, m))),
            }
        };
        let first = (lo..=hi)
            .flat_map(|y| (m_lo..=m_hi).map(move |m| (y, m)))
            .find_map(|(y, m)| fits(y, m).map(|f| f.0));
        let last = (lo..=hi)
            .rev()
            .flat_map(|y| (m_lo..=m_hi).rev().map(move |m| (y, m)))
            .find_map(|(y, m)| fits(y, m).map(|f| f.1));
        let (Some(first), Some(last)) = (first, last) else {
            return Err(fail("no day of the calendar fits it"));
        };
        let mut reading = Reading::exact(first, last);
        if let Some(n) = self.significant {
            let unit = 10u16.pow(4 - n);
            let from = (lo / unit) * unit;
            let to = from + (unit - 1);
            reading.possible = (year_start(from), year_end(to));
        } else if self.weights != [0; 3] {
            // A year with unspecified digits is qualified in its own unit:
            // 156X~ by a decade, 16XX~ by a century.
            let year_unit = 10u32.pow(self.year.unspecified);
            let years = self.weights[0] * year_unit;
            let months = 12 * years + self.weights[1];
            let days = self.weights[2];
            reading.possible = (
                shift(first, -(months as i64), -(days as i64)),
                shift(last, months as i64, days as i64),
            );
        }
        Ok(reading)
    }
}

/// Four or two characters: digits, then perhaps trailing `X`s.
fn digits(text: &str) -> Option<Digits> {
    let known = text.bytes().take_while(u8::is_ascii_digit).count();
    if !text.bytes().skip(known).all(|b| b == b'X') {
        return None;
    }
    let unspecified = (text.len() - known) as u32;
    let low: u16 = text.replace('X', "0").parse().ok()?;
    let high: u16 = text.replace('X', "9").parse().ok()?;
    // An unspecified month or day is wholly unspecified (`XX`): `1X` would
    // name months 10 to 19.
    if text.len() == 2 && unspecified == 1 {
        return None;
    }
    Some(Digits {
        low,
        high,
        unspecified,
    })
}

/// `HH:MM:SS`, then `Z`, `+HH`, `-HH` or `+HH:MM`, as python-edtf reads it.
fn check_time(t: &str) -> Result<(), &'static str> {
    const WHY: &str = "a time is written HH:MM:SS, then perhaps Z, +HH or +HH:MM";
    let (clock, zone) = match t.find(['Z', '+', '-']) {
        Some(i) => t.split_at(i),
        None => (t, ""),
    };
    let two = |p: &str, max: u8| -> Result<(), &'static str> {
        match p.parse::<u8>() {
            Ok(n) if p.len() == 2 && p.bytes().all(|b| b.is_ascii_digit()) && n <= max => Ok(()),
            _ => Err(WHY),
        }
    };
    let fields: Vec<&str> = clock.split(':').collect();
    let [h, m, s] = fields[..] else {
        return Err(WHY);
    };
    two(h, 23)?;
    two(m, 59)?;
    two(s, 59)?;
    match zone {
        "" | "Z" => Ok(()),
        z => {
            let z = &z[1..];
            match z.split_once(':') {
                Some((h, m)) => {
                    two(h, 14)?;
                    two(m, 59)
                }
                None => two(z, 14),
            }
        }
    }
}

/// python-edtf's months of each season code (its `SEASON_L2_MONTHS_RANGE`):
/// 21-24 spring, summer, autumn, winter (December, as python-edtf keeps a
/// winter within its year); 25-28 the northern and 29-32 the southern
/// hemisphere's seasons; 33-36 quarters; 37-39 quadrimesters; 40-41 halves.
fn season_months(code: u16) -> (u8, u8) {
    match code {
        21 | 25 | 31 => (3, 5),
        22 | 26 | 32 => (6, 8),
        23 | 27 | 29 => (9, 11),
        24 | 28 | 30 => (12, 12),
        33 => (1, 3),
        34 => (4, 6),
        35 => (7, 9),
        36 => (10, 12),
        37 => (1, 4),
        38 => (5, 8),
        39 => (9, 12),
        40 => (1, 6),
        _ => (7, 12),
    }
}

fn year_start(year: u16) -> Date {
    Date::new(year as i16, 1, 1).unwrap_or(if year < MIN_YEAR as u16 {
        Date::MIN
    } else {
        Date::MAX
    })
}

fn year_end(year: u16) -> Date {
    Date::new(year.min(MAX_YEAR as u16) as i16, 12, 31).unwrap_or(Date::MIN)
}

/// `day` moved by whole months (the day kept, or the month's last when it
/// has fewer), then by days, as python-edtf's `relativedelta` moves it;
/// clamped to the crate's days.
fn shift(day: Date, months: i64, days: i64) -> Date {
    use jiff::ToSpan;
    let moved = day
        .to_jiff()
        .checked_add(months.months())
        .and_then(|d| d.checked_add(days.days()))
        .ok();
    match moved {
        Some(d) if d.year() < MIN_YEAR => Date::MIN,
        Some(d) if d.year() > MAX_YEAR => Date::MAX,
        Some(d) => Date::try_from(d).unwrap_or(day),
        None if months < 0 || days < 0 => Date::MIN,
        None => Date::MAX,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_texts_are_one_value() {
        let (Ok(Parsed::Edtf(a)), Ok(Parsed::Edtf(b))) =
            (parse_single("1984?"), parse_single("1984?"))
        else {
            panic!("1984? is an EDTF form");
        };
        assert!(std::ptr::eq(a, b));
    }

    #[test]
    fn plain_dates_stay_plain() {
        for text in ["2016", "2016-07", "2016-07-19"] {
            assert!(matches!(parse_single(text), Ok(Parsed::Plain(_))), "{text}");
        }
    }

    #[test]
    fn months_move_as_relativedelta_moves_them() {
        // 31 March less a month is the last of February, then a day less.
        let day = Date::new(2004, 3, 31).unwrap();
        assert_eq!(shift(day, -1, -1), Date::new(2004, 2, 28).unwrap());
        assert_eq!(shift(day, 1, 1), Date::new(2004, 5, 1).unwrap());
        assert_eq!(shift(Date::MIN, -12, 0), Date::MIN);
        assert_eq!(shift(Date::MAX, 12, 0), Date::MAX);
    }
}
