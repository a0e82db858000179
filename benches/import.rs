//! The import bench (`benches/peers/import.sh` runs it): ACLED-shaped rows
//! from the synthetic generator, imported with the `acled` preset, timed,
//! with the process's peak memory beside the heap the loaded graph holds.
//!
//! ```text
//! cargo bench --bench import -- --generate 1000000 --out target/peers/acled/acled.csv
//! cargo bench --bench import -- --import target/peers/acled/acled.csv
//! ```
//!
//! Prints one JSON line: rows, seconds, relations, peak resident bytes,
//! and the heap the graph holds once the import's own buffers are gone.

use std::alloc::System;
use std::time::Instant;

use actorgraph::ActorGraph;
use actorgraph::import::{ImportOptions, Importer, Preset};
use stats_alloc::{INSTRUMENTED_SYSTEM, StatsAlloc};

#[global_allocator]
static GLOBAL: &StatsAlloc<System> = &INSTRUMENTED_SYSTEM;

fn live_heap() -> isize {
    let stats = GLOBAL.stats();
    stats.bytes_allocated as isize - stats.bytes_deallocated as isize
}

fn peak_resident() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        .map_or(0, |kb| kb * 1024)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let value = |flag: &str| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    if let Some(rows) = value("--generate") {
        let rows: usize = rows.parse().expect("--generate N");
        let out = value("--out").expect("--out FILE");
        if let Some(dir) = std::path::Path::new(&out).parent() {
            std::fs::create_dir_all(dir).expect("the output folder");
        }
        let file = std::io::BufWriter::new(std::fs::File::create(&out).expect("the output file"));
        actorgraph::synthetic::write_acled_csv(file, rows, 42).expect("written");
        return;
    }
    let Some(path) = value("--import") else {
        // `cargo bench` with no arguments (as CI's `--no-run` builds it):
        // nothing to do without a file.
        eprintln!("usage: --generate N --out FILE | --import FILE");
        return;
    };
    let heap_before = live_heap();
    let start = Instant::now();
    let mut graph = ActorGraph::new();
    let report = {
        let mut importer = Importer::new(&graph, Preset::Acled, ImportOptions::default());
        importer.read_path(&path).expect("the file imports");
        importer
            .finish()
            .expect("no row rejected")
            .add_to(&mut graph)
            .expect("valid")
    };
    let seconds = start.elapsed().as_secs_f64();
    let held = live_heap() - heap_before;
    println!(
        "{}",
        serde_json::json!({
            "system": "actorgraph-import",
            "rows": report.rows_read,
            "relations": graph.relation_count(),
            "actors": graph.actor_count(),
            "seconds": seconds,
            "peak_resident_bytes": peak_resident(),
            "graph_heap_bytes": held,
        })
    );
}
