//! The README's as-of SQL in the engines analysts scale out to: DuckDB and
//! Spark (local mode) run it over Parquet exports and must return exactly
//! the library's answers (`tests/tools/sql_check.py`).

use std::path::{Path, PathBuf};
use std::process::Command;

use actorgraph::export::{ExportOptions, Scope};
use actorgraph::parquet::{Partition, write_dir};
use actorgraph::{ActorGraph, Certainty, Date, RelationKind, View, synthetic};
use serde_json::json;

use super::{day, syria};

/// The tests' Python, if it has `module` (and, for Spark, a `java`);
/// `ACTORGRAPH_REQUIRE_TOOLS` turns an absence into a failure, as in CI.
fn python_with(module: &str) -> Option<PathBuf> {
    let venv = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/pyenv/bin/python");
    let python = std::env::var_os("ACTORGRAPH_PYTHON")
        .map(PathBuf::from)
        .or_else(|| venv.exists().then_some(venv));
    let has = |p: &PathBuf| {
        Command::new(p)
            .args(["-c", &format!("import {module}")])
            .status()
            .is_ok_and(|s| s.success())
    };
    let java = module != "pyspark" || Command::new("java").arg("-version").output().is_ok();
    match python.filter(has) {
        Some(p) if java => Some(p),
        _ if std::env::var_os("ACTORGRAPH_REQUIRE_TOOLS").is_some() => {
            panic!("{module} is required here (see .ci/run) but missing")
        }
        _ => {
            eprintln!("notice: {module} missing; its SQL check is skipped");
            None
        }
    }
}

fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join("sql")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.parent().unwrap()).unwrap();
    dir
}

fn ids(view: View<'_>) -> Vec<String> {
    let mut ids: Vec<String> = view.relations().map(|r| r.id().to_owned()).collect();
    ids.sort();
    ids
}

/// The library's answer to every README query on `days`, as known by each of `knowns`.
fn answers(graph: &ActorGraph, days: &[Date], knowns: &[Date]) -> serde_json::Value {
    let mut cases = Vec::new();
    for &d in days {
        let view = graph.at(d);
        let certain = view.certainty(Certainty::Certainly);
        cases.push(
            json!({"query": "possibly", "day": d.to_string(), "known": null, "ids": ids(view)}),
        );
        cases.push(
            json!({"query": "certainly", "day": d.to_string(), "known": null, "ids": ids(certain)}),
        );
        for &k in knowns {
            let known = Some(k.to_string());
            cases.push(
                json!({"query": "possibly_known", "day": d.to_string(), "known": known,
                "ids": ids(view.known_by(k))}),
            );
            cases.push(
                json!({"query": "certainly_known", "day": d.to_string(), "known": known,
                "ids": ids(certain.known_by(k))}),
            );
            let mut backs: Vec<String> = view
                .known_by(k)
                .of_kind(RelationKind::Backs)
                .map(|r| r.id().to_owned())
                .collect();
            backs.sort();
            cases.push(
                json!({"query": "who_backs", "day": d.to_string(), "known": known, "ids": backs}),
            );
        }
    }
    json!(cases)
}

/// Exports `graph` under `name` and writes the answers beside it.
fn export_with_answers(
    graph: &ActorGraph,
    name: &str,
    partition: Partition,
    answers: &serde_json::Value,
) -> (PathBuf, PathBuf) {
    let dir = scratch(name);
    write_dir(
        Scope::Whole(graph),
        &ExportOptions::default(),
        partition,
        &dir,
    )
    .unwrap();
    let file = dir.with_extension("answers.json");
    std::fs::write(&file, answers.to_string()).unwrap();
    (dir, file)
}

fn check(python: &Path, engine: &str, exports: &[(PathBuf, PathBuf)]) {
    let readme = Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md");
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/tools/sql_check.py");
    let mut command = Command::new(python);
    command.arg(script).arg(engine).arg(readme);
    for (dir, answers) in exports {
        command.arg(dir).arg(answers);
    }
    let output = command.output().expect("python runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "{engine} disagrees:\n{stdout}\n{stderr}"
    );
    eprintln!("{}", stdout.trim_end());
}

/// Days spread over a synthetic graph's history: quantiles of its starts.
fn spread_days(graph: &ActorGraph, count: usize) -> Vec<Date> {
    let mut starts: Vec<Date> = graph
        .relations()
        .filter_map(|r| r.interval().start().map(|w| w.first_day()))
        .collect();
    starts.sort();
    (1..=count)
        .map(|i| starts[i * starts.len() / (count + 1)])
        .collect()
}

#[test]
fn the_readme_sql_gives_the_library_s_answers_on_the_embedded_data() {
    let graph = syria();
    let days: Vec<Date> = [
        "2011-06-01",
        "2015-09-30",
        "2020-03-05",
        "2024-11-27",
        "2024-11-30",
        "2024-12-08",
    ]
    .map(day)
    .to_vec();
    let knowns: Vec<Date> = ["2024-11-28", "2024-12-01", "2024-12-10"].map(day).to_vec();
    let answers = answers(&graph, &days, &knowns);
    let exports = [
        export_with_answers(&graph, "embedded", Partition::None, &answers),
        export_with_answers(&graph, "embedded-by-kind", Partition::Kind, &answers),
    ];
    if let Some(python) = python_with("duckdb") {
        check(&python, "duckdb", &exports);
    }
    if let Some(python) = python_with("pyspark") {
        check(&python, "spark", &exports);
    }
}

#[test]
#[ignore = "100 000 relations through DuckDB and Spark; run in release"]
fn the_readme_sql_gives_the_library_s_answers_on_100k_relations() {
    let graph = ActorGraph::from_dataset(synthetic::Spec::benches(100_000).generate()).unwrap();
    let days = spread_days(&graph, 5);
    let knowns = vec![days[1], days[3]];
    let answers = answers(&graph, &days, &knowns);
    let exports = [export_with_answers(
        &graph,
        "synthetic-100k",
        Partition::Year,
        &answers,
    )];
    if let Some(python) = python_with("duckdb") {
        check(&python, "duckdb", &exports);
    }
    if let Some(python) = python_with("pyspark") {
        check(&python, "spark", &exports);
    }
}

#[test]
#[ignore = "a million relations; run in release"]
fn duckdb_counts_a_1m_partitioned_export_as_view_count_on_five_days() {
    let graph = ActorGraph::from_dataset(synthetic::Spec::benches(1_000_000).generate()).unwrap();
    let days = spread_days(&graph, 5);
    let cases: Vec<_> = days
        .iter()
        .map(|&d| json!({"query": "possibly", "day": d.to_string(), "known": null, "count": graph.at(d).count()}))
        .collect();
    let exports = [export_with_answers(
        &graph,
        "synthetic-1m",
        Partition::Kind,
        &json!(cases),
    )];
    if let Some(python) = python_with("duckdb") {
        check(&python, "duckdb", &exports);
    }
}
