//! The integration test binary: one binary, one module per concern.

mod build;
mod data_facts;
mod data_quotes;
mod load;
mod properties;
mod queries;

use actorgraph::{ActorGraph, Date};

/// The embedded dataset, which every test may rely on loading.
pub fn syria() -> ActorGraph {
    ActorGraph::embedded().expect("the embedded dataset loads")
}

/// A day, from text that is known to be valid.
pub fn day(text: &str) -> Date {
    text.parse().expect("a valid test date")
}
