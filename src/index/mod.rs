//! Indexes over the store: the interval index that answers as-of queries
//! without a scan, the index of normalised names, and the word index
//! behind name search.

pub mod interval;
pub mod names;
pub mod search;
