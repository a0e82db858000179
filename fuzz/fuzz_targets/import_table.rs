//! Arbitrary bytes as a table through every preset and a spreadsheet
//! mapping: never a panic; every row read becomes items, is rejected with
//! a line, or is reported as giving nothing; and whatever is accepted adds
//! to a graph that still validates (a failed add leaves it unchanged).
#![no_main]

use actorgraph::ActorGraph;
use actorgraph::import::{ImportOptions, Importer, Mapping, Preset};
use libfuzzer_sys::fuzz_target;

const SHEET: &str = r#"(tables: [(rows: Relations((subject: "who", object: "whom",
    kind: Column("relation"), kinds: {"supports": Backs},
    from: (column: "since", format: ZeroUnknown), on: (column: "on", format: MonthDayYear),
    quote: "quote", source_title: "article", published: (column: "published", format: DayMonthName))))])"#;

fuzz_target!(|data: &[u8]| {
    let Some((&which, body)) = data.split_first() else { return };
    let preset = match which % 5 {
        0 => Preset::Acled,
        1 => Preset::UcdpActors,
        2 => Preset::UcdpEsd,
        3 => Preset::Mmp,
        _ => Preset::Table(Box::new(Mapping::from_ron(SHEET).unwrap())),
    };
    let Ok(text) = std::str::from_utf8(body) else { return };
    let mut graph = ActorGraph::new();
    let options = ImportOptions { skip_bad_rows: which & 8 != 0, new_when_ambiguous: which & 16 != 0, ..Default::default() };
    let mut importer = Importer::new(&graph, preset, options);
    if importer.read_text("fuzz.csv", text).is_err() {
        return;
    }
    let Ok(prepared) = importer.finish() else { return };
    let read = prepared.report().rows_read;
    let rejected = prepared.report().rejected.len() as u64;
    let empty = prepared.report().empty.len() as u64;
    assert!(rejected + empty <= read);
    let before = graph.clone();
    match prepared.add_to(&mut graph) {
        Ok(report) => {
            let again = ActorGraph::from_dataset(graph.to_dataset()).unwrap();
            assert!(again == graph);
            assert_eq!(report.rows_read, read);
        }
        Err(_) => assert!(graph == before),
    }
});
