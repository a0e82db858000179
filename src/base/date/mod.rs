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
//!
//! # EDTF dates
//!
//! A [`When`] may also be any single date of EDTF levels 1 and 2 (`199X`,
//! `1984?`, `2004?-06-~11`, `2004-01-01T10:10:10Z`, `2001-21`, `1950S2`,
//! `[1667, 1668, 1670..1672]`). Its `first_day` and `last_day` above are
//! then its *possible* days, which a qualifier widens as python-edtf's
//! fuzzy bounds do; [`When::strict_first_day`] and
//! [`When::strict_last_day`] give the days it names without the qualifier.
//! Reading the possible days in both directions keeps the rule sound: a
//! qualifier lets more days *possibly* hold and never makes a day
//! *certain* that the strict date would not.

mod day;
mod edtf;
mod interval;
mod partial;
mod when;

pub use self::day::{Date, MAX_YEAR, MIN_YEAR};
pub use self::interval::{Certainty, Holding, Interval};
pub use self::partial::{PartialDate, Precision};
pub(crate) use self::when::Shape;
pub use self::when::When;

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
