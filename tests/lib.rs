//! The integration test binary: one binary, one module per concern.

mod analysis;
mod arrow;
mod bad_input;
mod build;
mod chains;
mod changes;
mod cli;
mod data_facts;
mod data_quotes;
mod dates;
mod dot;
mod exports;
mod grades;
mod import;
mod lineage;
mod load;
mod merge;
mod model;
mod parquet;
mod properties;
mod queries;
mod regressions;
mod rules_cases;
mod search;
mod snapshot;
mod sql;

use actorgraph::{ActorGraph, Date};

/// The embedded dataset, which every test may rely on loading.
pub fn syria() -> ActorGraph {
    ActorGraph::embedded().expect("the embedded dataset loads")
}

/// A day, from text that is known to be valid.
pub fn day(text: &str) -> Date {
    text.parse().expect("a valid test date")
}

/// A small hand-made dataset whose every answer is known.
pub const FIXTURE: &str = r#"(
    sources: [
        (id: "early", title: "Early report", published: "2024-11-28"),
        (id: "late", title: "Late report", published: "2024-12"),
    ],
    actors: [
        (id: "alpha", name: "Alpha State", kind: State, aliases: ["Alfa"]),
        (id: "beta", name: "Béta Front", kind: ArmedGroup,
            former_names: [(name: "Old Beta", from: "2010", until: "2015")]),
        (id: "gamma", name: "Gamma Militia", kind: Militia),
        (id: "town", name: "Town", kind: Place),
    ],
    relations: [
        (id: "alpha_backs_beta", kind: Backs, subject: "alpha", object: "beta", from: "2016",
            citations: [(source: "early", quote: "alpha backs beta")]),
        (id: "gamma_backs_beta", kind: Backs, subject: "gamma", object: "beta",
            from: "2024-11-01", until: "2024-12-01",
            citations: [(source: "late", quote: "gamma backed beta")]),
        (id: "alpha_controls_town", kind: Controls, subject: "alpha", object: "town",
            until: "2024-11-29", citations: [(source: "early", quote: "alpha held the town")]),
        (id: "beta_controls_town", kind: Controls, subject: "beta", object: "town",
            from: "2024-11-29", citations: [
                (source: "late", quote: "beta took the town"),
                (source: "early", quote: "alpha denies", stance: Disputes, claimed_by: Actor("alpha")),
            ]),
        (id: "gamma_allied_with_alpha", kind: AlliedWith, subject: "gamma", object: "alpha",
            citations: [(source: "early", quote: "allies")]),
    ],
)"#;

/// The fixture, loaded.
pub fn fixture() -> ActorGraph {
    ActorGraph::from_ron(FIXTURE).expect("the fixture loads")
}

/// The ids of a query's relations, sorted.
pub fn ids<'g>(found: impl Iterator<Item = actorgraph::RelationRef<'g>>) -> Vec<String> {
    let mut ids: Vec<String> = found.map(|r| r.id().to_owned()).collect();
    ids.sort();
    ids
}
