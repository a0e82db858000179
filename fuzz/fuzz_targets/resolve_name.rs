//! Arbitrary text as an actor name: never a panic; normalizing is
//! idempotent; whatever resolves is found again by its own name.
#![no_main]

use std::sync::LazyLock;

use actorgraph::ActorGraph;
use actorgraph::names::normalize_name;
use libfuzzer_sys::fuzz_target;

static GRAPH: LazyLock<ActorGraph> =
    LazyLock::new(|| ActorGraph::embedded().expect("the embedded dataset loads"));

fuzz_target!(|text: &str| {
    let once = normalize_name(text);
    assert_eq!(normalize_name(&once), once);
    if let Ok(actor) = GRAPH.resolve(text) {
        assert_eq!(GRAPH.resolve(&actor.name).ok().map(|a| &a.record().id), Some(&actor.id));
    }
});
