//! Arbitrary text through the date parsers: never a panic, and every date
//! accepted prints back to itself and covers a non-empty range of days.
#![no_main]

use actorgraph::{Date, PartialDate, When};
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
    // Ranges: accepted text prints back to itself, is never open at both
    // ends, and never ends before it begins.
    if let Ok(when) = text.parse::<When>() {
        assert_eq!(when.to_string(), text);
        assert_eq!(when.to_string().parse::<When>().ok(), Some(when));
        assert!(when.last_day().is_none_or(|last| when.first_day() <= last));
        assert!(!matches!(when.as_range(), Some((None, None))));
    }
});
