//! Arbitrary bytes through the loader: never a panic, whatever loads
//! writes back to RON that loads to an equal graph, and every relation
//! read back through the packed storage equals the record loaded.
#![no_main]

use actorgraph::{ActorGraph, Certainty, Dataset, Date};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(dataset) = Dataset::from_ron_bytes(data) else {
        return;
    };
    let Ok(graph) = ActorGraph::from_dataset(dataset.clone()) else {
        return;
    };
    // Duplicated identical items are stored once, so compare by id.
    for relation in &dataset.relations {
        let stored = graph.relation(relation.id.as_str()).expect("loaded relations are found");
        assert_eq!(&stored.to_relation(), relation);
        assert_eq!(stored.citations().count(), relation.citations.len());
    }
    for day in [Date::MIN, Date::MAX, "2024-11-30".parse().expect("a date")] {
        for certainty in [Certainty::Possibly, Certainty::Certainly] {
            let view = graph.at(day).certainty(certainty).known_by(day);
            for found in view.relations() {
                let _ = found.to_string();
                for evidence in found.citations() {
                    let _ = evidence.to_string();
                }
            }
            let _ = view.formerly().count();
        }
    }
    let text = graph.to_ron().expect("a loaded graph serializes");
    let again = ActorGraph::from_ron(&text).expect("written RON loads again");
    assert_eq!(again, graph);
});
