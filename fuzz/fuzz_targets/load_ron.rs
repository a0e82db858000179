//! Arbitrary bytes through the loader: never a panic, and whatever loads
//! writes back to RON that loads to an equal graph.
#![no_main]

use actorgraph::{ActorGraph, Dataset};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(graph) = Dataset::from_ron_bytes(data).and_then(ActorGraph::from_dataset) else {
        return;
    };
    let text = graph.to_ron().expect("a loaded graph serializes");
    let again = ActorGraph::from_ron(&text).expect("written RON loads again");
    assert_eq!(again, graph);
});
