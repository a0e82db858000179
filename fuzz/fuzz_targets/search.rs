//! Arbitrary text searched in the embedded data and in a graph of arbitrary
//! names: never a panic; skeletons are idempotent; candidates come best
//! first, one per actor, each naming one of its actor's names; whatever
//! resolves comes first in the search.
#![no_main]

use std::collections::HashSet;
use std::sync::LazyLock;

use actorgraph::index::search::skeleton;
use actorgraph::{Actor, ActorGraph, ActorKind, Dataset};
use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;

static EMBEDDED: LazyLock<ActorGraph> =
    LazyLock::new(|| ActorGraph::embedded().expect("the embedded dataset loads"));

#[derive(Arbitrary, Debug)]
struct Input {
    query: String,
    names: Vec<(String, Vec<String>)>,
}

fn check(graph: &ActorGraph, query: &str) {
    let mut seen = HashSet::new();
    let mut last = f32::INFINITY;
    let mut first = None;
    for candidate in graph.search(query) {
        let actor = candidate.actor();
        assert!(seen.insert(actor.id.clone()), "{query:?}: {actor:?} twice");
        assert!((0.0..=1.0).contains(&candidate.score()));
        assert!(candidate.score() <= last, "{query:?}: not best first");
        last = candidate.score();
        let names = std::iter::once(actor.id.as_str())
            .chain([actor.name.as_str()])
            .chain(actor.aliases.iter().map(String::as_str))
            .chain(actor.former_names.iter().map(|f| f.name.as_str()));
        assert!(names.into_iter().any(|n| n == candidate.matched()));
        first.get_or_insert(actor);
    }
    if let Ok(actor) = graph.resolve(query) {
        assert_eq!(first, Some(actor), "{query:?} resolves but does not come first");
    }
}

fuzz_target!(|input: Input| {
    let once = skeleton(&input.query);
    assert_eq!(skeleton(&once), once);
    check(&EMBEDDED, &input.query);
    let actors = input
        .names
        .into_iter()
        .take(16)
        .enumerate()
        .map(|(i, (name, aliases))| Actor {
            id: format!("a{i}").parse().expect("a valid id"),
            name,
            kind: ActorKind::Militia,
            aliases: aliases.into_iter().take(4).collect(),
            former_names: vec![],
            note: None,
        })
        .collect();
    if let Ok(graph) = ActorGraph::from_dataset(Dataset {
        actors,
        ..Dataset::default()
    }) {
        check(&graph, &input.query);
        for actor in graph.actors() {
            check(&graph, &actor.name);
        }
    }
});
