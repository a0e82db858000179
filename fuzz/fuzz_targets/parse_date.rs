//! Arbitrary text through the date parsers: never a panic, and every date
//! accepted prints back to itself and covers a non-empty range of days.
#![no_main]

use actorgraph::{Date, PartialDate};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Ok(date) = text.parse::<PartialDate>() {
        assert_eq!(date.to_string(), text);
        assert_eq!(date.to_string().parse::<PartialDate>().ok(), Some(date));
        assert!(date.first_day() <= date.last_day());
    }
    if let Ok(day) = text.parse::<Date>() {
        assert_eq!(day.to_string(), text);
        assert_eq!(Date::try_from(day.to_jiff()).ok(), Some(day));
    }
});
