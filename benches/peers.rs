//! The actorgraph side of the peer benchmark (`benches/peers/`): the same
//! questions Q1–Q5 that DuckDB, pyoxigraph, networkx and Kuzu answer from
//! the CSV export, answered by the crate, one JSON line per question.
//!
//! Not a criterion bench: `benches/peers/run.sh` runs it in its own
//! process per size, twice:
//!
//! ```text
//! cargo bench --bench peers -- --prepare --size 100000 --dir target/peers/100000
//! cargo bench --bench peers -- --size 100000 --dir target/peers/100000
//! ```
//!
//! `--prepare` writes the dataset as RON, JSON and a snapshot, and
//! `params.json` (the
//! days, the hub and the start of the Q4 chains, which every system uses);
//! the second run loads the RON (`--load snapshot`: opens the snapshot
//! instead, as system `actorgraph-snapshot`), measures memory and times the
//! questions.
//! `PEERS_BUDGET` (seconds, default 2) is the time each question's samples
//! aim at.

use std::alloc::System;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Instant;

use actorgraph::synthetic::Spec;
use actorgraph::{ActorGraph, ChainOptions, Dataset, Date, RelationKind};
use serde_json::{Value, json};
use stats_alloc::{INSTRUMENTED_SYSTEM, StatsAlloc};

// Counts the heap bytes the graph holds exactly, beside the resident memory
// measured the same way as for the peers (which for a Rust process also
// counts parsing garbage the allocator keeps for reuse).
#[global_allocator]
static GLOBAL: &StatsAlloc<System> = &INSTRUMENTED_SYSTEM;

/// Heap bytes currently allocated (see `benches/memory.rs`).
fn live_heap() -> isize {
    let stats = GLOBAL.stats();
    stats.bytes_allocated as isize - stats.bytes_deallocated as isize
}

/// The day of the wide view (Q1, Q2, Q4), as in `benches/queries.rs`.
const WIDE_DAY: &str = "2000-06-15";

struct Args {
    prepare: bool,
    formats: bool,
    snapshot: bool,
    /// `--profile Q2|Q4|open N`: open the snapshot and run only that
    /// question N times, for a profiler (callgrind) to count.
    profile: Option<(String, usize)>,
    size: usize,
    dir: PathBuf,
}

fn args() -> Args {
    let mut prepare = false;
    let mut formats = false;
    let mut snapshot = false;
    let mut profile = None;
    let mut size = None;
    let mut dir = None;
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--prepare" => prepare = true,
            "--formats" => formats = true,
            "--load" => match it.next().as_deref() {
                Some("ron") => snapshot = false,
                Some("snapshot") => snapshot = true,
                other => panic!("--load ron|snapshot, not {other:?}"),
            },
            "--profile" => {
                let question = it.next().expect("--profile Q2|Q4|open N");
                let times = it.next().and_then(|v| v.parse().ok()).unwrap_or(1);
                profile = Some((question, times));
            }
            "--size" => size = it.next().and_then(|v| v.parse().ok()),
            "--dir" => dir = it.next().map(PathBuf::from),
            // `cargo bench` adds `--bench`; anything else is not ours.
            _ => {}
        }
    }
    Args {
        prepare,
        formats,
        snapshot,
        profile,
        size: size.expect("--size N is required"),
        dir: dir.expect("--dir DIR is required"),
    }
}

fn spec(relations: usize) -> Spec {
    Spec::benches(relations)
}

/// The day before the synthetic record begins: well under 1% hold then.
fn narrow_day() -> Date {
    let first = Spec::earliest_day().to_jiff();
    let before = first.yesterday().expect("the record starts after year 1");
    Date::try_from(before).expect("a representable day")
}

fn chain_options() -> ChainOptions {
    ChainOptions::default()
        .kinds([RelationKind::Backs])
        .max_hops(3)
}

/// A line of `/proc/self/status`, in bytes.
fn status_bytes(field: &str) -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|line| {
            let rest = line.strip_prefix(field)?.strip_prefix(':')?;
            rest.trim()
                .trim_end_matches("kB")
                .trim()
                .parse::<u64>()
                .ok()
        })
        .map_or(0, |kb| kb * 1024)
}

/// Median seconds per call of `f`, after warm-up, in samples of at least a
/// millisecond each; with the number of samples and calls per sample.
fn measure<T>(budget: f64, mut f: impl FnMut() -> T) -> (f64, usize, usize) {
    let start = Instant::now();
    let mut calls = 0u32;
    while calls < 3 || (start.elapsed().as_secs_f64() < 0.2 && calls < 100_000) {
        black_box(f());
        calls += 1;
    }
    let per_call = start.elapsed().as_secs_f64() / f64::from(calls);
    let inner = ((1e-3 / per_call).ceil() as usize).max(1);
    let samples = ((budget / (per_call * inner as f64)) as usize).clamp(3, 31);
    let mut times: Vec<f64> = (0..samples)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..inner {
                black_box(f());
            }
            start.elapsed().as_secs_f64() / inner as f64
        })
        .collect();
    times.sort_by(f64::total_cmp);
    (times[samples / 2], samples, inner)
}

/// Median seconds of a load, repeated after the first (the warm-up, which
/// took `estimate` seconds); each graph is dropped outside the timing.
fn measure_load<T>(budget: f64, estimate: f64, mut load: impl FnMut() -> T) -> (f64, usize, usize) {
    let samples = ((budget / estimate) as usize).clamp(3, 31);
    let mut times: Vec<f64> = (0..samples)
        .map(|_| {
            let start = Instant::now();
            let loaded = black_box(load());
            let seconds = start.elapsed().as_secs_f64();
            drop(loaded);
            seconds
        })
        .collect();
    times.sort_by(f64::total_cmp);
    (times[samples / 2], samples, 1)
}

/// As [`measure_load`], timing a first load as the warm-up.
fn measure_first_load<T>(budget: f64, mut load: impl FnMut() -> T) -> (f64, usize, usize) {
    let start = Instant::now();
    drop(black_box(load()));
    let estimate = start.elapsed().as_secs_f64();
    measure_load(budget, estimate, load)
}

fn path(dir: &Path, name: &str) -> PathBuf {
    dir.join(name)
}

fn prepare(size: usize, dir: &Path) {
    std::fs::create_dir_all(dir).expect("creates the data folder");
    let data = spec(size).generate();
    std::fs::write(
        path(dir, "graph.ron"),
        data.to_ron().expect("synthetic data serializes"),
    )
    .expect("writes graph.ron");
    std::fs::write(
        path(dir, "graph.json"),
        data.to_json().expect("synthetic data serializes"),
    )
    .expect("writes graph.json");
    let graph = ActorGraph::from_dataset(data).expect("synthetic data is valid");
    graph
        .save_snapshot(path(dir, "graph.snapshot"))
        .expect("writes graph.snapshot");
    let wide: Date = WIDE_DAY.parse().expect("a valid day");
    // The hub: the actor with the most relations (the generator's a0).
    let handles: Vec<_> = graph.actor_handles().collect();
    let degree: Vec<usize> = handles.iter().map(|a| a.relations().count()).collect();
    let hub_ix = (0..handles.len())
        .max_by_key(|&i| (degree[i], std::cmp::Reverse(i)))
        .expect("actors exist");
    let hub = handles[hub_ix].record().id.as_str().to_owned();
    // The start of the chains: the first actor, in order, with at most the
    // mean number of relations, that has a Backs chain into the hub.
    let mean = 2 * graph.relation_count() / handles.len();
    let options = chain_options();
    let from = (0..handles.len())
        .filter(|&i| i != hub_ix && degree[i] <= mean)
        .find(|&i| {
            actorgraph::algo::chains(graph.at(wide), handles[i], handles[hub_ix], &options)
                .expect("actors exist")
                .next()
                .is_some()
        })
        .expect("some small actor has a chain into the hub");
    let params = json!({
        "size": size,
        "wide_day": WIDE_DAY,
        "narrow_day": narrow_day().to_string(),
        "hub": hub,
        "chain_from": handles[from].record().id.as_str(),
        "chain_from_relations": degree[from],
        "hub_relations": degree[hub_ix],
        "max_hops": options.get_max_hops(),
    });
    std::fs::write(path(dir, "params.json"), params.to_string()).expect("writes params.json");
    eprintln!("prepared {}: {params}", dir.display());
}

fn run(size: usize, dir: &Path, snapshot: bool) {
    let system = if snapshot {
        "actorgraph-snapshot"
    } else {
        "actorgraph"
    };
    let budget: f64 = std::env::var("PEERS_BUDGET")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2.0);
    let params: Value = serde_json::from_str(
        &std::fs::read_to_string(path(dir, "params.json")).expect("run --prepare first"),
    )
    .expect("params.json is JSON");
    let text_of = |key: &str| params[key].as_str().expect("a string parameter").to_owned();
    let wide: Date = text_of("wide_day").parse().expect("a valid day");
    let narrow: Date = text_of("narrow_day").parse().expect("a valid day");
    let hub = text_of("hub");
    let from = text_of("chain_from");
    let ron_path = path(dir, "graph.ron");
    let json_path = path(dir, "graph.json");
    let snapshot_path = path(dir, "graph.snapshot");
    // Read and built piece by piece from the file, as examples and users do.
    let load_ron = || ActorGraph::from_path(&ron_path).expect("loads");
    let load_json = || ActorGraph::from_path(&json_path).expect("loads");
    // The baseline of the streaming load, in the same run: the whole text
    // read, then parsed into one `Dataset`, then built, as before issue 15.
    let load_ron_whole = || {
        let text = std::fs::read_to_string(&ron_path).expect("reads graph.ron");
        ActorGraph::from_dataset(Dataset::from_ron(&text).expect("parses")).expect("loads")
    };
    let open_snapshot = || {
        let bytes = std::fs::read(&snapshot_path).expect("reads graph.snapshot");
        ActorGraph::from_snapshot(&bytes).expect("opens")
    };

    // Q5 first: one load, with the memory it holds (the text dropped, the
    // interval index built by a first query) and the peak while loading.
    // From RON, resident memory also keeps what the allocator holds of the
    // freed parse; a snapshot, opened without parsing, shows the graph.
    let before = status_bytes("VmRSS");
    let heap_before = live_heap();
    let start = Instant::now();
    let graph = if snapshot {
        open_snapshot()
    } else {
        load_ron()
    };
    let first_load = start.elapsed().as_secs_f64();
    let _ = graph.at(wide).relations().count();
    let held = status_bytes("VmRSS").saturating_sub(before);
    let held_heap = live_heap() - heap_before;
    let peak_load = status_bytes("VmHWM");

    let mut lines = Vec::new();
    let mut emit =
        |question: &str, answer: String, (median, samples, inner): (f64, usize, usize)| {
            lines.push(json!({
                "system": system,
                "size": size,
                "question": question,
                "answer": answer,
                "median_s": median,
                "samples": samples,
                "calls_per_sample": inner,
            }));
        };

    // Q1: how many states held on the wide day, counted by the index, and
    // again visiting each relation the view admits.
    let q1 = || graph.at(wide).count();
    emit("Q1", q1().to_string(), measure(budget, q1));
    let q1_visit = || graph.at(wide).relations().count();
    emit(
        "Q1 visit",
        q1_visit().to_string(),
        measure(budget, q1_visit),
    );
    // The same visit over both cores, for a caller that folds (issue 28).
    let q1_parallel = || {
        use rayon::prelude::*;
        graph.at(wide).par_relations().count()
    };
    emit(
        "Q1 visit parallel",
        q1_parallel().to_string(),
        measure(budget, q1_parallel),
    );

    // Q2: who backs the hub on the wide day, one backer per relation.
    let q2 = || -> Vec<&str> {
        graph
            .at(wide)
            .backers_of(hub.as_str())
            .expect("the hub exists")
            .map(|r| r.subject().record().id.as_str())
            .collect()
    };
    let backers = q2();
    let distinct: std::collections::HashSet<&str> = backers.iter().copied().collect();
    let answer = format!(
        "{} relations from {} backers",
        backers.len(),
        distinct.len()
    );
    emit("Q2", answer, measure(budget, q2));

    // Q3: every state holding on the narrow day.
    let q3 = || graph.at(narrow).count();
    emit("Q3", q3().to_string(), measure(budget, q3));

    // Q4: Backs chains of at most 3 hops into the hub.
    let options = chain_options();
    let q4 = || {
        actorgraph::algo::chains(graph.at(wide), from.as_str(), hub.as_str(), &options)
            .expect("actors exist")
            .count()
    };
    emit("Q4", q4().to_string(), measure(budget, q4));

    let loaded = format!(
        "{} relations, {} actors",
        graph.relation_count(),
        graph.actor_count()
    );
    // The peak of loading and querying, before the timed loads below.
    let peak = status_bytes("VmHWM");
    drop(graph);

    // Q5: read the file and build the graph (RON, and JSON beside it), or
    // open the snapshot.
    if snapshot {
        emit(
            "Q5",
            loaded,
            measure_load(budget, first_load, open_snapshot),
        );
    } else {
        emit(
            "Q5",
            loaded.clone(),
            measure_load(budget, first_load, load_ron),
        );
        emit(
            "Q5 json",
            loaded.clone(),
            measure_first_load(budget, load_json),
        );
        emit(
            "Q5 whole",
            loaded,
            measure_first_load(budget, load_ron_whole),
        );
    }

    for mut line in lines {
        line["held_bytes"] = json!(held);
        line["held_heap_bytes"] = json!(held_heap);
        line["peak_bytes"] = json!(peak);
        line["peak_load_bytes"] = json!(peak_load);
        println!("{line}");
    }
}

/// One question alone, `times` times, on the opened snapshot: what a
/// profiler should see, without the other questions or the timing loop.
fn profile(dir: &Path, question: &str, times: usize) {
    let params: Value = serde_json::from_str(
        &std::fs::read_to_string(path(dir, "params.json")).expect("run --prepare first"),
    )
    .expect("params.json is JSON");
    let text_of = |key: &str| params[key].as_str().expect("a string parameter").to_owned();
    let wide: Date = text_of("wide_day").parse().expect("a valid day");
    let (hub, from) = (text_of("hub"), text_of("chain_from"));
    let bytes = std::fs::read(path(dir, "graph.snapshot")).expect("reads graph.snapshot");
    let open = || ActorGraph::from_snapshot(&bytes).expect("opens");
    if question == "open" {
        for _ in 0..times {
            drop(black_box(open()));
        }
        return;
    }
    let graph = open();
    // The indexes are built outside the profiled question.
    black_box(graph.at(wide).relations().count());
    let options = chain_options();
    let mut answer = 0;
    for _ in 0..times {
        answer += match question {
            "Q1" => graph.at(wide).relations().count(),
            "Q1p" => {
                use rayon::prelude::*;
                graph.at(wide).par_relations().count()
            }
            // As Q2 is timed: each backer's id collected.
            "Q2" => graph
                .at(wide)
                .backers_of(hub.as_str())
                .expect("the hub exists")
                .map(|r| r.subject().record().id.as_str())
                .collect::<Vec<_>>()
                .len(),
            "Q4" => actorgraph::algo::chains(graph.at(wide), from.as_str(), hub.as_str(), &options)
                .expect("actors exist")
                .count(),
            other => panic!("--profile Q1|Q2|Q4|open, not {other}"),
        };
    }
    eprintln!("{question} x{times}: {answer}");
}

/// `--formats` (issue 24): the Parquet export against the CSV export of the
/// same graph, and reading the Parquet tables back into a graph, whose
/// baseline is DuckDB's `read_csv` load (its Q5) in the same run. One JSON
/// line each, for `formats.jsonl`.
fn formats(size: usize, dir: &Path) {
    use actorgraph::export::{ExportOptions, Scope, to_csv};
    use actorgraph::parquet::{Partition, write_dir};
    let budget: f64 = std::env::var("PEERS_BUDGET")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2.0);
    let bytes = std::fs::read(path(dir, "graph.snapshot")).expect("run --prepare first");
    let graph = ActorGraph::from_snapshot(&bytes).expect("opens");
    let options = ExportOptions::default();
    let csv_dir = path(dir, "formats/csv");
    let parquet_dir = path(dir, "formats/parquet");
    // Both exports write their files, as `--out DIR` does.
    let export_csv = || {
        let tables = to_csv(Scope::Whole(&graph), &options).expect("exports");
        std::fs::create_dir_all(&csv_dir).expect("creates the folder");
        for (name, table) in tables.files() {
            std::fs::write(csv_dir.join(name), table).expect("writes");
        }
    };
    let export_parquet = || {
        write_dir(
            Scope::Whole(&graph),
            &options,
            Partition::None,
            &parquet_dir,
        )
        .expect("exports")
    };
    let read_parquet = || ActorGraph::from_path(&parquet_dir).expect("reads");
    let line = |what: &str, (median, samples, _): (f64, usize, usize)| {
        println!(
            "{}",
            json!({"system": "actorgraph", "size": size, "question": what,
                   "median_s": median, "samples": samples})
        );
    };
    line("csv export", measure_first_load(budget, export_csv));
    line("parquet export", measure_first_load(budget, export_parquet));
    assert!(
        read_parquet() == graph,
        "the Parquet tables read back to an equal graph"
    );
    line("parquet read", measure_first_load(budget, read_parquet));
    let _ = std::fs::remove_dir_all(path(dir, "formats"));
}

fn main() {
    let args = args();
    if let Some((question, times)) = &args.profile {
        profile(&args.dir, question, *times);
    } else if args.prepare {
        prepare(args.size, &args.dir);
    } else if args.formats {
        formats(args.size, &args.dir);
    } else {
        run(args.size, &args.dir, args.snapshot);
    }
}
