//! The floor every other layer stands on: dates, ids, the records a dataset
//! is made of, and the error type. Nothing here knows about graphs.

pub mod date;
pub(crate) mod date_error;
pub(crate) mod death;
pub(crate) mod error;
pub(crate) mod few;
pub mod grade;
pub(crate) mod id;
pub(crate) mod kind;
pub(crate) mod matching;
pub(crate) mod model;
pub(crate) mod nearest;
pub(crate) mod rejected;
