//! Snapshots: a graph saved whole opens equal, answers the same, and a
//! damaged file gives an error saying how, never a panic or a wrong graph.

use super::*;
use actorgraph::SnapshotFault;
use proptest::prelude::*;

fn fault_of(bytes: &[u8]) -> Option<SnapshotFault> {
    match ActorGraph::from_snapshot(bytes) {
        Ok(_) => None,
        Err(e) => match e.snapshot_fault() {
            Some(fault) => Some(fault),
            None => panic!("expected a snapshot error, got {e}"),
        },
    }
}

#[test]
fn a_snapshot_opens_to_an_equal_graph_that_answers_the_same() {
    for graph in [syria(), fixture(), ActorGraph::new()] {
        let opened = ActorGraph::from_snapshot(&graph.to_snapshot()).unwrap();
        assert_eq!(opened, graph);
        for d in ["2024-11-26", "2024-11-30", "2024-12-02"] {
            let (a, b) = (graph.at(day(d)), opened.at(day(d)));
            assert_eq!(ids(a.relations()), ids(b.relations()));
            assert_eq!(
                ids(a.known_by(day("2024-11-28")).relations()),
                ids(b.known_by(day("2024-11-28")).relations())
            );
            assert_eq!(ids(a.events()), ids(b.events()));
        }
        assert_eq!(opened.to_snapshot(), graph.to_snapshot(), "deterministic");
    }
    let g = syria();
    let opened = ActorGraph::from_snapshot(&g.to_snapshot()).unwrap();
    assert_eq!(
        opened.resolve("Jabhat al-Nusra").unwrap().id.as_str(),
        "jabhat_al_nusra"
    );
}

#[test]
fn a_synthetic_graph_with_ranges_and_events_round_trips() {
    let data = actorgraph::synthetic::Spec::new(200, 5_000)
        .sources(60)
        .seed(9)
        .generate();
    let graph = ActorGraph::from_dataset(data.clone()).unwrap();
    let opened = ActorGraph::from_snapshot(&graph.to_snapshot()).unwrap();
    assert_eq!(opened.to_dataset(), data);
    for year in [1965, 1990, 2010] {
        let on = actorgraph::Date::new(year, 6, 1).unwrap();
        assert_eq!(
            ids(graph.at(on).relations()),
            ids(opened.at(on).relations())
        );
    }
}

#[test]
fn a_snapshot_opens_through_from_path() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/test-fixture.agsnap");
    fixture().save_snapshot(&path).unwrap();
    assert_eq!(ActorGraph::from_path(&path).unwrap(), fixture());
}

#[test]
fn a_foreign_file_is_refused_as_foreign() {
    assert_eq!(fault_of(b""), Some(SnapshotFault::Foreign));
    assert_eq!(
        fault_of(crate::FIXTURE.as_bytes()),
        Some(SnapshotFault::Foreign)
    );
    assert_eq!(
        fault_of(b"\x89PNG\r\n\x1a\n...."),
        Some(SnapshotFault::Foreign)
    );
}

#[test]
fn another_version_is_refused_as_such() {
    let mut bytes = fixture().to_snapshot();
    bytes[8] = bytes[8].wrapping_add(1);
    let err = ActorGraph::from_snapshot(&bytes).unwrap_err().to_string();
    assert!(
        err.contains("another snapshot version")
            && err.contains(&format!("reads version {}", actorgraph::SNAPSHOT_VERSION)),
        "{err}"
    );
}

#[test]
fn every_truncation_is_refused_as_truncated() {
    let bytes = fixture().to_snapshot();
    for cut in 8..bytes.len() {
        assert_eq!(
            fault_of(&bytes[..cut]),
            Some(SnapshotFault::Truncated),
            "cut at {cut}"
        );
    }
}

#[test]
fn a_flipped_bit_is_refused_as_corrupt() {
    let bytes = fixture().to_snapshot();
    for at in 24..bytes.len() {
        for bit in [0, 3, 7] {
            let mut damaged = bytes.clone();
            damaged[at] ^= 1 << bit;
            assert_eq!(
                fault_of(&damaged),
                Some(SnapshotFault::Corrupt),
                "byte {at} bit {bit}"
            );
        }
    }
}

/// A payload made consistent again (right length and checksum) but wrong
/// inside: the checks on contents, not the checksum, must catch it.
fn reseal(mut bytes: Vec<u8>) -> Vec<u8> {
    let payload_len = (bytes.len() - 24) as u64;
    bytes[12..20].copy_from_slice(&payload_len.to_le_bytes());
    let checksum = crc32fast::hash(&bytes[24..]);
    bytes[20..24].copy_from_slice(&checksum.to_le_bytes());
    bytes
}

#[test]
fn forged_contents_with_a_good_checksum_are_refused_not_trusted() {
    let bytes = syria().to_snapshot();
    for at in (24..bytes.len()).step_by(97) {
        for value in [0x00, 0xff, 0x7f] {
            let mut forged = bytes.clone();
            forged[at] = value;
            if forged == bytes {
                continue;
            }
            // Either refused as corrupt, or a graph that still obeys every
            // invariant the queries rely on (a changed quote letter, say).
            if let Ok(graph) = ActorGraph::from_snapshot(&reseal(forged)) {
                let _ = graph.at(day("2024-11-30")).relations().count();
                let _ = graph.to_dataset();
            }
        }
    }
    let mut short = bytes.clone();
    short.truncate(bytes.len() - 3);
    assert_eq!(fault_of(&reseal(short)), Some(SnapshotFault::Corrupt));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn arbitrary_bytes_after_the_mark_never_panic(tail in proptest::collection::vec(any::<u8>(), 0..400)) {
        let mut bytes = b"AGSNAP\r\n".to_vec();
        bytes.extend_from_slice(&1u32.to_le_bytes());
        bytes.extend_from_slice(&tail);
        let _ = ActorGraph::from_snapshot(&bytes);
        if bytes.len() >= 24 {
            let _ = ActorGraph::from_snapshot(&reseal(bytes));
        }
    }
}

/// A string table's order is checked, not trusted: swapped, it would make
/// lookups by id miss; repeated, it would hide a string given twice.
#[test]
fn a_string_table_out_of_order_is_refused_as_corrupt() {
    let graph = fixture();
    let mut bytes = graph.to_snapshot();
    // The relation ids' order follows their strings; find it by the ids.
    let ids: Vec<String> = graph
        .to_dataset()
        .relations
        .iter()
        .map(|r| r.id.to_string())
        .collect();
    let last = ids.last().unwrap();
    let after_strings = bytes
        .windows(last.len())
        .rposition(|w| w == last.as_bytes())
        .unwrap()
        + last.len();
    // A u64 count, then u32 numbers: swap the first two numbers.
    let first = after_strings + 8;
    let (a, b) = (first, first + 4);
    for i in 0..4 {
        bytes.swap(a + i, b + i);
    }
    // Keep the checksum right, so only the order is wrong.
    let crc = crc32fast::hash(&bytes[24..]);
    bytes[20..24].copy_from_slice(&crc.to_le_bytes());
    assert_eq!(fault_of(&bytes), Some(SnapshotFault::Corrupt));
    let err = ActorGraph::from_snapshot(&bytes).unwrap_err().to_string();
    assert!(err.contains("out of order"), "{err}");
}

/// The reference snapshots under `tests/reference/`, one per format version
/// since codes were fixed, each saved from its version's RON (`v3.ron` for
/// versions 2 and 3, then `v{N}.ron` for each later version N) by its own build: every
/// build must open each to the graph of that RON, or refuse it by version.
/// It must never misread one.
#[test]
fn every_reference_snapshot_opens_equal_or_is_refused_by_version() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/reference");
    let mut opened = 0;
    for version in 2..=actorgraph::SNAPSHOT_VERSION {
        let expected = ActorGraph::from_path(dir.join(format!("v{}.ron", version.max(3)))).unwrap();
        let path = dir.join(format!("v{version}.agsnap"));
        let bytes = std::fs::read(&path).unwrap();
        match ActorGraph::from_snapshot(&bytes) {
            Ok(graph) => {
                assert_eq!(graph, expected, "{} misread", path.display());
                opened += 1;
            }
            Err(_) => assert_eq!(
                fault_of(&bytes),
                Some(SnapshotFault::Version),
                "{} refused for another reason",
                path.display()
            ),
        }
    }
    assert!(opened >= 1, "this build opens its own version's reference");
}

/// A reordered or renumbered kind would still pass the checksum; the
/// reference file of the current version, which holds every kind, warning,
/// stance and grade, pins them.
#[test]
fn this_build_writes_the_reference_snapshot_byte_for_byte() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/reference");
    let version = actorgraph::SNAPSHOT_VERSION;
    let graph = ActorGraph::from_path(dir.join(format!("v{version}.ron"))).unwrap();
    let reference = std::fs::read(dir.join(format!("v{version}.agsnap"))).unwrap();
    assert_eq!(graph.to_snapshot(), reference);
    assert_eq!(version, 6, "a new version adds its own reference file");
}

/// Versions 4 and 5 are refused by version now that EDTF dates are written
/// (a date of a new shape, kept as written); their RON still reads.
#[test]
fn the_references_before_edtf_dates_are_refused_by_version() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/reference");
    for version in [4, 5] {
        let bytes = std::fs::read(dir.join(format!("v{version}.agsnap"))).unwrap();
        assert_eq!(fault_of(&bytes), Some(SnapshotFault::Version), "v{version}");
        assert!(ActorGraph::from_path(dir.join(format!("v{version}.ron"))).is_ok());
    }
}

/// Each EDTF date of the reference reads back from its snapshot as written.
#[test]
fn edtf_dates_survive_the_reference_snapshot() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/reference");
    let graph = ActorGraph::from_snapshot(&std::fs::read(dir.join("v6.agsnap")).unwrap()).unwrap();
    let data = graph.to_dataset();
    let dates: Vec<String> = data
        .relations
        .iter()
        .filter(|r| r.id.as_str().starts_with("edtf_"))
        .flat_map(|r| [r.from, r.until, r.on])
        .flatten()
        .map(|w| w.to_string())
        .collect();
    assert_eq!(
        dates,
        [
            "2020?-03-~05",
            "201X",
            "2020-03-04T10:10:10+05:00",
            "[2019, 2020-01..2020-02]"
        ]
    );
    let almanac = data
        .sources
        .iter()
        .find(|s| s.id.as_str() == "almanac")
        .unwrap();
    assert_eq!(almanac.published.to_string(), "2020-21");
}

/// Versions 2 and 3 are refused by version now that grades are written.
#[test]
fn the_references_before_grades_are_refused_by_version() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/reference");
    for version in [2, 3] {
        let bytes = std::fs::read(dir.join(format!("v{version}.agsnap"))).unwrap();
        assert_eq!(fault_of(&bytes), Some(SnapshotFault::Version), "v{version}");
    }
}

/// Every grade of the reference survives a snapshot round trip.
#[test]
fn grades_survive_a_snapshot() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/reference");
    let graph = ActorGraph::from_path(dir.join("v4.ron")).unwrap();
    let again = ActorGraph::from_snapshot(&graph.to_snapshot()).unwrap();
    assert_eq!(again.to_dataset(), graph.to_dataset());
    let data = again.to_dataset();
    let letters: Vec<String> = data
        .sources
        .iter()
        .filter_map(|s| s.reliability)
        .chain(data.actors.iter().filter_map(|a| a.reliability))
        .map(|r| r.to_string())
        .collect();
    assert_eq!(letters.len(), 6, "{letters:?}");
    let credibility = data
        .relations
        .iter()
        .flat_map(|r| &r.citations)
        .filter(|c| c.credibility.is_some())
        .count();
    assert_eq!(credibility, 7);
}

/// Flags were read leniently (any non-zero byte meant "true"); now a byte
/// other than 0 or 1 is refused as corrupt, even under a good checksum.
#[test]
fn a_flag_other_than_0_or_1_is_refused_as_corrupt() {
    let mut data = fixture().to_dataset();
    data.sources[0].approximate = false;
    let plain = ActorGraph::from_dataset(data.clone())
        .unwrap()
        .to_snapshot();
    data.sources[0].approximate = true;
    let flagged = ActorGraph::from_dataset(data).unwrap().to_snapshot();
    let differ: Vec<usize> = (0..plain.len())
        .filter(|&i| plain[i] != flagged[i])
        .collect();
    // The flag, then the header's checksum.
    let flag = *differ.last().unwrap();
    assert_eq!(flagged[flag], 1);
    let mut forged = flagged.clone();
    forged[flag] = 2;
    assert_eq!(fault_of(&reseal(forged)), Some(SnapshotFault::Corrupt));
}

/// Saving where the path cannot be written once said "cannot read" it.
#[test]
fn an_unwritable_snapshot_path_is_said_to_be_unwritable() {
    let dir = std::env::temp_dir().join(format!("actorgraph-unwritable-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    // A file where a folder of the path should be.
    std::fs::write(dir.join("file"), "x").unwrap();
    let path = dir.join("file").join("graph.agsnap");
    let error = fixture().save_snapshot(&path).unwrap_err();
    let said = format!("cannot write {}: ", path.display());
    assert!(error.to_string().starts_with(&said), "{error}");
    assert_eq!(error.kind(), actorgraph::ErrorKind::Io);
    std::fs::remove_dir_all(&dir).unwrap();
}
