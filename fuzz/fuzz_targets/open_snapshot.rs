//! Arbitrary bytes opened as a snapshot, raw and behind a valid header and
//! checksum: never a panic, and whatever opens answers queries and writes
//! back to the same bytes it was read from.
#![no_main]

use actorgraph::ActorGraph;
use libfuzzer_sys::fuzz_target;

fn sealed(payload: &[u8]) -> Vec<u8> {
    let mut bytes = b"AGSNAP\r\n".to_vec();
    bytes.extend_from_slice(&actorgraph::SNAPSHOT_VERSION.to_le_bytes());
    bytes.extend_from_slice(&(payload.len() as u64).to_le_bytes());
    bytes.extend_from_slice(&crc32fast::hash(payload).to_le_bytes());
    bytes.extend_from_slice(payload);
    bytes
}

fuzz_target!(|data: &[u8]| {
    let _ = ActorGraph::from_snapshot(data);
    if let Ok(graph) = ActorGraph::from_snapshot(&sealed(data)) {
        let day = "2000-01-01".parse().expect("a date");
        let _ = graph.at(day).relations().count();
        let _ = graph.at(day).events().count();
        let again = ActorGraph::from_snapshot(&graph.to_snapshot()).expect("a written snapshot opens");
        assert_eq!(again, graph);
    }
});
