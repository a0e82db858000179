//! A temporal, sourced graph of the actors in a conflict.
//!
//! Actors (states, armed groups, people, places…) are linked by typed
//! relations (*backs*, *opposes*, *controls*…) that hold over dated
//! intervals and cite the articles that report them, quoting them verbatim.
//! Ask what held on a day, as the press knew it on another, and follow every
//! answer back to its quotes.
//!
//! # Example
//!
//! ```
//! use actorgraph::ActorGraph;
//!
//! let graph = ActorGraph::embedded()?;
//! for backing in graph.at("2024-11-30".parse()?).backers_of("hts")? {
//!     println!("{backing}");
//!     for evidence in backing.citations() {
//!         println!("    {evidence}");
//!     }
//! }
//! # Ok::<(), actorgraph::Error>(())
//! ```
//!
//! Dates and the "certainly / possibly" rule are described in [`date`].
#![forbid(unsafe_code)]
#![warn(missing_docs)]
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

mod chains;
mod changes;
pub mod date;
mod dot;
mod error;
mod graph;
mod id;
mod index;
mod load;
mod model;
mod names;
mod query;
mod store;
pub mod synthetic;
mod timeline;
mod validate;

pub use chains::{Chain, ChainOptions, CommonTie, Hop};
pub use changes::{Changes, HandOver};
pub use date::{Certainty, Date, Holding, Interval, MAX_YEAR, MIN_YEAR, PartialDate, Precision};
pub use dot::{DotOptions, escape_dot};
pub use error::{Error, Problems};
pub use graph::ActorGraph;
pub use id::{ActorId, MAX_ID_LEN, RelationId, SourceId};
pub use load::EMBEDDED_DATASET;
pub use model::{
    Actor, ActorKind, Citation, Claimant, Dataset, FormerName, MAX_CITATIONS, Relation,
    RelationKind, Source, Stance,
};
pub use names::normalize_name;
pub use petgraph::Direction;
pub use query::{Evidence, RelationRef, View};
pub use timeline::{TimelineEntry, TimelineEvent};

/// The README's tour, compiled and run as a doctest so it cannot rot.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
