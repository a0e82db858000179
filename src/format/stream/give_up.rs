//! The one way the streaming load fails: it gives up, and the caller loads
//! the whole text the ordinary way, which reports what is wrong.

/// The streaming load gave up; load the whole text the ordinary way.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct GiveUp;
