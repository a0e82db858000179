//! The `actorgraph` binary end to end: each subcommand as a user runs it,
//! its exit code, and its `--format json` / `csv` answers read back and
//! compared with the library's own answers.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use actorgraph::{ActorGraph, RelationKind, algo};
use serde_json::Value;

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_actorgraph"))
        .args(args)
        .output()
        .expect("the actorgraph binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("UTF-8 output")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Runs and asserts exit code `code`, never a panic.
fn exits(args: &[&str], code: i32) -> Output {
    let output = run(args);
    assert_eq!(
        output.status.code(),
        Some(code),
        "{args:?}: {}",
        stderr(&output)
    );
    assert!(!stderr(&output).contains("panicked"), "{}", stderr(&output));
    output
}

fn json(args: &[&str]) -> Vec<Value> {
    let output = exits(args, 0);
    let value: Value = serde_json::from_str(&stdout(&output)).expect("--format json is JSON");
    value.as_array().expect("an array of rows").clone()
}

fn strings(rows: &[Value], key: &str) -> Vec<String> {
    let mut values: Vec<String> = rows
        .iter()
        .map(|r| r[key].as_str().unwrap_or_default().to_owned())
        .collect();
    values.sort();
    values
}

fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join("cli")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn repo(path: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join(path)
        .display()
        .to_string()
}

fn syria() -> ActorGraph {
    ActorGraph::embedded().unwrap()
}

#[test]
fn camps_answer_the_main_command_s_question() {
    let text = stdout(&exits(&["camps"], 0));
    assert!(
        text.starts_with("Who stands with whom as of 2024-11-30"),
        "{text}"
    );
    assert!(text.contains("Camp of "), "{text}");
    let rows = json(&["camps", "--format", "json"]);
    let graph = syria();
    let camps = algo::camps(graph.at("2024-11-30".parse().unwrap()), &Default::default());
    let mut expected: Vec<String> = camps
        .iter()
        .flat_map(|c| c.members().iter().map(|m| m.id.as_str().to_owned()))
        .collect();
    expected.sort();
    assert_eq!(strings(&rows, "member"), expected);
}

#[test]
fn backers_in_json_and_csv_are_the_library_s_backing_relations() {
    let graph = syria();
    for (day, known_by) in [("2024-11-30", None), ("2024-12-08", Some("2024-12-01"))] {
        let mut view = graph.at(day.parse().unwrap());
        let mut args = vec!["backers", "--as-of", day, "--format", "json"];
        if let Some(k) = known_by {
            view = view.known_by(k.parse().unwrap());
            args.extend(["--known-by", k]);
        }
        let mut expected: Vec<String> = view
            .of_kind(RelationKind::Backs)
            .map(|r| r.id().to_owned())
            .collect();
        expected.sort();
        let rows = json(&args);
        assert!(!rows.is_empty());
        assert_eq!(strings(&rows, "id"), expected, "{day}");
        // The alias answers the same, and CSV carries the same rows.
        args[0] = "who-backs";
        assert_eq!(strings(&json(&args), "id"), expected);
        let csv_args: Vec<&str> = args
            .iter()
            .map(|a| if *a == "json" { "csv" } else { a })
            .collect();
        let csv_text = stdout(&exits(&csv_args, 0));
        let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
        let mut ids: Vec<String> = reader.records().map(|r| r.unwrap()[0].to_owned()).collect();
        ids.sort();
        assert_eq!(ids, expected);
    }
    // One actor's backers.
    let rows = json(&["backers", "Syrian Arab Army", "--format", "json"]);
    let army = graph.resolve("Syrian Arab Army").unwrap();
    let expected = graph
        .at("2024-11-30".parse().unwrap())
        .backers_of(army)
        .unwrap()
        .count();
    assert_eq!(rows.len(), expected);
    assert!(rows.iter().all(|r| r["object"] == "syrian_army"));
}

#[test]
fn chains_changes_timeline_and_search_parse_back() {
    let chains = json(&["chains", "--from", "Iran", "--format", "json"]);
    assert!(!chains.is_empty());
    assert!(
        chains
            .iter()
            .filter(|r| r["hop"] == 1)
            .all(|r| r["from"] == "iran")
    );

    let graph = syria();
    let changes = algo::changes(
        graph.at("2024-11-26".parse().unwrap()),
        "2024-12-02".parse().unwrap(),
    );
    let rows = json(&["changes", "--format", "json"]);
    let began = rows.iter().filter(|r| r["change"] == "began").count();
    assert_eq!(began, changes.began.len());
    assert_eq!(
        rows.iter().filter(|r| r["change"] == "ended").count(),
        changes.ended.len()
    );

    let timeline = json(&["timeline", "Jabhat al-Nusra", "--format", "json"]);
    assert!(!timeline.is_empty());

    let found = json(&["search", "Julani", "--format", "json", "--limit", "3"]);
    assert_eq!(found[0]["id"], "abu_mohammed_al_julani");
    assert!(found.len() <= 3);
}

#[test]
fn lint_and_check_exit_1_on_warnings_and_0_when_clean() {
    exits(&["lint"], 0);
    exits(&["check"], 0);
    let dir = scratch("lint");
    let file = dir.join("warned.ron");
    std::fs::write(
        &file,
        r#"(
    sources: [(id: "s", title: "T", published: "2024-11-28")],
    actors: [(id: "a", name: "Alpha", kind: ArmedGroup), (id: "b", name: "Beta", kind: ArmedGroup)],
    relations: [(id: "r", kind: Backs, subject: "a", object: "b", from: "2024-11-01",
        citations: [(source: "s", quote: "Something unrelated happened.")])],
)"#,
    )
    .unwrap();
    let data = file.display().to_string();
    let rows = {
        let output = exits(&["lint", "--data", &data, "--format", "json"], 1);
        serde_json::from_str::<Value>(&stdout(&output)).unwrap()
    };
    assert_eq!(rows[0]["warning"], "QuoteNamesNeitherEnd");
    assert_eq!(rows[0]["relation"], "r");
    exits(&["check", "--data", &data], 1);
}

#[test]
fn bad_usage_and_bad_input_exit_2_with_a_clear_message() {
    // Clap's suggestions for a mistyped subcommand and flag.
    let output = exits(&["camp"], 2);
    assert!(stderr(&output).contains("camps"), "{}", stderr(&output));
    let output = exits(&["camps", "--as-off", "2024-01-01"], 2);
    assert!(stderr(&output).contains("--as-of"), "{}", stderr(&output));
    exits(&["camps", "--as-of", "2024-13-01"], 2);
    // A missing file, named.
    let output = exits(&["camps", "--data", "no/such/file.ron"], 2);
    assert!(
        stderr(&output).contains("no/such/file.ron"),
        "{}",
        stderr(&output)
    );
    // A malformed dataset: line and column.
    let output = exits(
        &["check", "--data", &repo("tests/bad_data/month_13.ron")],
        2,
    );
    assert!(
        stderr(&output).contains("line 8, column"),
        "{}",
        stderr(&output)
    );
    // A directory where a snapshot file is wanted.
    let dir = scratch("dir-for-file");
    let output = exits(&["snapshot", "info", &dir.display().to_string()], 2);
    assert!(
        stderr(&output).contains("is a directory"),
        "{}",
        stderr(&output)
    );
    // A foreign file given as a snapshot.
    let output = exits(&["snapshot", "info", &repo("data/actors.ron")], 2);
    assert!(
        stderr(&output).contains("actors.ron"),
        "{}",
        stderr(&output)
    );
    // An unknown actor, with the nearest names.
    let output = exits(&["timeline", "Xyzzy Front"], 2);
    assert!(
        stderr(&output).contains("no actor is called \"Xyzzy Front\""),
        "{}",
        stderr(&output)
    );
    // An output that cannot be written leaves nothing behind.
    let blocked = scratch("blocked");
    std::fs::write(blocked.join("file"), "x").unwrap();
    let out = blocked.join("file").join("tables");
    let output = exits(
        &[
            "export",
            "--format",
            "parquet",
            "--out",
            &out.display().to_string(),
        ],
        2,
    );
    assert!(stderr(&output).contains("file"), "{}", stderr(&output));
    let out = blocked.join("missing-dir").join("graph.gexf");
    let output = exits(
        &[
            "export",
            "--format",
            "gexf",
            "--out",
            &out.display().to_string(),
        ],
        2,
    );
    assert!(
        stderr(&output).contains("graph.gexf"),
        "{}",
        stderr(&output)
    );
    let names: Vec<_> = std::fs::read_dir(&blocked)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 1, "{names:?}");
    // A Parquet option on another format.
    exits(&["export", "--format", "json", "--partition-by", "kind"], 2);
}

#[test]
fn a_parquet_export_and_a_snapshot_answer_as_the_embedded_data() {
    let dir = scratch("parquet");
    let tables = dir.join("tables").display().to_string();
    exits(
        &[
            "export",
            "--format",
            "parquet",
            "--out",
            &tables,
            "--partition-by",
            "kind",
        ],
        0,
    );
    assert!(
        dir.join("tables/relations/kind=backs/part-0.parquet")
            .is_file()
    );
    let expected = json(&["backers", "--format", "json"]);
    assert_eq!(
        json(&["backers", "--data", &tables, "--format", "json"]),
        expected
    );

    let snapshot = dir.join("syria.agsnap").display().to_string();
    exits(&["snapshot", "save", "--out", &snapshot], 0);
    let info = stdout(&exits(&["snapshot", "info", &snapshot], 0));
    assert!(info.contains("178 relations"), "{info}");
    assert_eq!(
        json(&["backers", "--data", &snapshot, "--format", "json"]),
        expected
    );
}

#[test]
fn every_subcommand_has_help_with_an_example_and_completions_generate() {
    for command in [
        "camps",
        "backers",
        "chains",
        "changes",
        "timeline",
        "search",
        "lint",
        "export",
        "check",
        "completions",
    ] {
        let text = stdout(&exits(&[command, "--help"], 0));
        assert!(text.contains("Example:"), "{command}: {text}");
    }
    for command in ["save", "info"] {
        let text = stdout(&exits(&["snapshot", command, "--help"], 0));
        assert!(text.contains("Example:"), "snapshot {command}: {text}");
    }
    let script = stdout(&exits(&["completions", "bash"], 0));
    assert!(script.contains("actorgraph") && script.contains("who-backs"));
    exits(&["completions", "fish"], 0);
}

#[test]
fn import_prints_its_report_writes_the_graph_and_exits_1_on_rejected_rows() {
    let dir = scratch("import");
    let out = dir.join("imported.agsnap");
    let output = exits(
        &[
            "import",
            "--preset",
            "mmp",
            "--onto",
            "embedded",
            &repo("tests/fixtures/import/mmp.csv"),
            "--out",
            out.to_str().unwrap(),
        ],
        0,
    );
    let text = stdout(&output);
    assert!(text.contains("rows read: 8"), "{text}");
    assert!(text.contains("relations created: 8"), "{text}");
    let graph = ActorGraph::from_path(&out).unwrap();
    assert_eq!(graph.relation_count(), syria().relation_count() + 8);
    // The imported data answers like any other.
    let found = exits(&["--data", out.to_str().unwrap(), "search", "Red Front"], 0);
    assert!(stdout(&found).contains("red_front"));
    // A bad row: listed with its line and column, nothing written, exit 1.
    let bad = dir.join("bad_mmp.csv");
    let mut text = std::fs::read_to_string(repo("tests/fixtures/import/mmp.csv")).unwrap();
    text.push_str(
        "509,all,71,73,31/02/2020,A row with a date that is none.,Red Front,Green Faction\n",
    );
    std::fs::write(&bad, text).unwrap();
    let never = dir.join("never.ron");
    let output = exits(
        &[
            "import",
            "--preset",
            "mmp",
            bad.to_str().unwrap(),
            "--out",
            never.to_str().unwrap(),
        ],
        1,
    );
    assert!(
        stdout(&output).contains(":10: column 5 (date):"),
        "{}",
        stdout(&output)
    );
    assert!(!never.exists());
    // --skip-bad-rows imports the rest, still lists the bad row, exits 1.
    let output = exits(
        &[
            "import",
            "--preset",
            "mmp",
            "--skip-bad-rows",
            bad.to_str().unwrap(),
        ],
        1,
    );
    assert!(stdout(&output).contains("relations created: 8"));
    // A header without the preset's columns is bad input, skipped rows or not.
    let header = dir.join("header.csv");
    std::fs::write(&header, "event_id_cnty,event_date\nX1,2024-01-01\n").unwrap();
    let output = exits(
        &[
            "import",
            "--preset",
            "acled",
            "--skip-bad-rows",
            header.to_str().unwrap(),
        ],
        2,
    );
    assert!(
        stderr(&output).contains("the header lacks the columns"),
        "{}",
        stderr(&output)
    );
    // --preset table without --mapping is bad usage.
    exits(&["import", "--preset", "table", bad.to_str().unwrap()], 2);
}
