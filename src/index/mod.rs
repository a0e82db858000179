//! Indexes over the store: the interval index that answers as-of queries
//! without a scan, the neighbourhood index that lays each actor's relations
//! out by direction and kind, the index of normalised names, and the word index
//! behind name search.

pub mod interval;
pub mod names;
pub(crate) mod neighbours;
pub mod search;
