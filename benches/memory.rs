//! Bytes held per relation by a loaded graph, not counting quote text,
//! measured with a counting global allocator. Prints one line per size.
//!
//! The synthetic dataset is moved into the graph, so every byte still live
//! after the build (and the interval and neighbourhood indexes, built by a
//! first as-of and a first neighbourhood query) that was not live before
//! the dataset was generated belongs to the graph.

use std::alloc::System;
use std::collections::HashSet;

use actorgraph::synthetic::Spec;
use actorgraph::{ActorGraph, Dataset, RelationKind};
use stats_alloc::{INSTRUMENTED_SYSTEM, StatsAlloc};

#[global_allocator]
static GLOBAL: &StatsAlloc<System> = &INSTRUMENTED_SYSTEM;

/// Bytes currently allocated by the whole program.
fn live_bytes() -> isize {
    // stats_alloc already adds a reallocation's growth to `bytes_allocated`
    // (and its shrinking to `bytes_deallocated`); `bytes_reallocated` is the
    // same growth again, so adding it would count every regrown buffer twice.
    let stats = GLOBAL.stats();
    stats.bytes_allocated as isize - stats.bytes_deallocated as isize
}

fn main() {
    let max: usize = std::env::var("ACTORGRAPH_BENCH_MAX")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000_000);
    println!(
        "memory: relations, actors, sources | bytes per relation: held (excluding quote text), \
         of which relations and quotes, of which actors and sources | distinct quote text \
         | held without the neighbourhood index (issue 28)"
    );
    for n in [1_000usize, 10_000, 100_000, 1_000_000]
        .into_iter()
        .filter(|&n| n <= max)
    {
        let start = live_bytes();
        let data = Spec::benches(n).generate();
        // The graph keeps each distinct quote once; that text is what the
        // target leaves out.
        let distinct_quotes: HashSet<&str> = data
            .relations
            .iter()
            .flat_map(|r| &r.citations)
            .map(|c| c.quote.as_str())
            .collect();
        let quote_bytes: usize = distinct_quotes.iter().map(|q| q.len()).sum();
        drop(distinct_quotes);
        // The share of actors and sources, which the generator makes more
        // of per relation in small graphs (at least 100 actors and 50 sources).
        let (actors, sources) = (data.actors.len(), data.sources.len());
        let before_cast = live_bytes();
        let cast = ActorGraph::from_dataset(Dataset {
            sources: data.sources.clone(),
            actors: data.actors.clone(),
            relations: Vec::new(),
        })
        .expect("synthetic data is valid");
        let cast_bytes = (live_bytes() - before_cast) as f64;
        drop(cast);
        let graph = ActorGraph::from_dataset(data).expect("synthetic data is valid");
        let day = "2000-01-01".parse().expect("a valid date");
        let _ = graph.at(day).of_kind(RelationKind::Backs).count();
        // What the graph held before issue 28: everything but the
        // neighbourhood index, which a first neighbourhood query builds.
        let without_neighbours = (live_bytes() - start) as f64 - quote_bytes as f64;
        let first = graph.actors().next().expect("actors").id.to_string();
        let _ = graph
            .at(day)
            .backers_of(first.as_str())
            .map(Iterator::count);
        let held = (live_bytes() - start) as f64 - quote_bytes as f64;
        let per = |bytes: f64| bytes / n as f64;
        println!(
            "memory: {n:>9} {actors:>7} {sources:>7} | {:>8.1} {:>8.1} {:>8.1} | {:>8.1} | {:>8.1}",
            per(held),
            per(held - cast_bytes),
            per(cast_bytes),
            per(quote_bytes as f64),
            per(without_neighbours),
        );
        drop(graph);
    }
}
