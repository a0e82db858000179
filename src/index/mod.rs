//! Indexes over the store: the interval index that answers as-of queries
//! without a scan, and the index of normalised names.

pub mod interval;
pub mod names;
