//! The catalogue of bad data files in `tests/bad_data/`: each gives a clear
//! error that names the item at fault (and, for syntax errors, the line and
//! column), never a panic.

use super::*;
use actorgraph::{Error, ErrorKind};
use std::path::PathBuf;

fn path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/bad_data")
        .join(name)
}

fn load(name: &str) -> Result<ActorGraph, Error> {
    ActorGraph::from_path(path(name))
}

/// Asserts a syntax error on `line` whose message mentions every one of `words`.
fn syntax_error(name: &str, line: usize, words: &[&str]) {
    let err = load(name).map(|_| ()).unwrap_err();
    match (err.span(), err.syntax_message()) {
        (Some(actorgraph::TextSpan { start, end }), Some(message)) => {
            assert_eq!(start.line, line, "{name}: {message}");
            assert!(start.column >= 1, "{name}");
            assert!(end >= start, "{name}: the span ends before it starts");
            for word in words {
                assert!(message.contains(word), "{name}: {message:?} lacks {word:?}");
            }
        }
        _ => panic!("{name}: expected a syntax error, got {err:?}"),
    }
}

/// Asserts validation problems whose messages contain every one of `parts`.
fn invalid(name: &str, parts: &[&str]) {
    let message = match load(name) {
        Err(e) if e.kind() == ErrorKind::Invalid => e.to_string(),
        other => panic!("{name}: expected validation problems, got {other:?}"),
    };
    for part in parts {
        assert!(message.contains(part), "{name}: {message:?} lacks {part:?}");
    }
}

#[test]
fn truncated_file() {
    match load("truncated.ron") {
        Err(e) if e.kind() == ErrorKind::Syntax => assert!(e.position().unwrap().line >= 8),
        other => panic!("{other:?}"),
    }
}

#[test]
fn wrong_type() {
    syntax_error("wrong_type.ron", 4, &["string"]);
}

#[test]
fn unknown_field() {
    syntax_error("unknown_field.ron", 4, &["colour"]);
}

#[test]
fn unknown_actor_kind() {
    syntax_error("unknown_actor_kind.ron", 4, &["Empire"]);
}

#[test]
fn unknown_relation_kind() {
    syntax_error("unknown_relation_kind.ron", 8, &["Adores"]);
}

#[test]
fn invalid_id() {
    syntax_error("bad_id.ron", 4, &["Iran Islamic Republic"]);
}

#[test]
fn february_29_in_a_common_year() {
    syntax_error("feb_29_2023.ron", 8, &["2023-02-29"]);
}

#[test]
fn month_13() {
    syntax_error("month_13.ron", 8, &["2024-13", "month"]);
}

#[test]
fn year_0() {
    syntax_error("year_0.ron", 8, &["0000", "year"]);
}

#[test]
fn far_future_year() {
    syntax_error("far_future.ron", 8, &["3024-01-01", "year"]);
}

#[test]
fn non_utf8_bytes_are_located() {
    syntax_error("non_utf8.ron", 4, &["utf-8"]);
}

#[test]
fn duplicate_ids() {
    invalid(
        "duplicate_ids.ron",
        &["duplicate actor id \"iran\"", "Iran", "Persia"],
    );
}

#[test]
fn unknown_ids_name_the_relation_and_suggest() {
    invalid(
        "unknown_ids.ron",
        &[
            "relation \"r1\" (subject): unknown actor \"iram\"; did you mean \"iran\"?",
            "relation \"r1\" (object): unknown actor \"hezbolah\"; did you mean \"hezbollah\"?",
            "relation \"r1\": unknown source \"t\"",
        ],
    );
}

#[test]
fn reversed_interval() {
    invalid(
        "reversed_interval.ron",
        &["relation \"r1\": interval ends (2024-11-27) before it starts (2024-11-30)"],
    );
}

#[test]
fn empty_name() {
    invalid("empty_name.ron", &["actor \"iran\": name is empty"]);
}

#[test]
fn empty_quote() {
    invalid(
        "empty_quote.ron",
        &["relation \"r1\": citation of source \"s\" has an empty quote"],
    );
}

#[test]
fn no_citation() {
    invalid(
        "no_citation.ron",
        &["relation \"r1\": no supporting citation"],
    );
}

#[test]
fn actor_related_to_itself() {
    invalid(
        "self_relation.ron",
        &["relation \"r1\": relates actor \"iran\" to itself"],
    );
}

#[test]
fn control_of_something_that_is_not_a_place() {
    invalid(
        "controls_a_state.ron",
        &["object \"iran\" is a state", "needs a place"],
    );
}

#[test]
fn byte_order_mark_is_accepted() {
    assert_eq!(load("bom.ron").unwrap().relation_count(), 1);
}

#[test]
fn crlf_line_endings_are_accepted() {
    assert_eq!(load("crlf.ron").unwrap().relation_count(), 1);
}

#[test]
fn reversed_range() {
    syntax_error(
        "reversed_range.ron",
        9,
        &["[2024-12-02..2024-11-27]", "ends before it begins"],
    );
}

#[test]
fn malformed_range() {
    syntax_error(
        "malformed_range.ron",
        9,
        &["malformed range", "supported are"],
    );
}

#[test]
fn edtf_interval() {
    syntax_error(
        "edtf_interval.ron",
        9,
        &[
            "2024-11-27/2024-11-28",
            "not a single date",
            "`from` and `until`",
        ],
    );
}

#[test]
fn edtf_all_of_set() {
    syntax_error(
        "edtf_all_of_set.ron",
        9,
        &["{2024-11-27, 2024-11-28}", "all of these dates"],
    );
}

#[test]
fn range_open_both_ends() {
    syntax_error("range_open_both_ends.ron", 9, &["[..]", "at least one end"]);
}

#[test]
fn unknown_warning() {
    syntax_error(
        "unknown_warning.ron",
        10,
        &["LooksOdd", "StartIsReportDate"],
    );
}

#[test]
fn event_with_from() {
    invalid(
        "event_with_from.ron",
        &["relation \"r1\": attacks is an event: it takes `on`"],
    );
}

#[test]
fn event_without_date() {
    invalid(
        "event_without_date.ron",
        &["relation \"r1\": attacks is an event and needs `on`"],
    );
}

#[test]
fn state_with_on() {
    invalid(
        "state_with_on.ron",
        &["relation \"r1\": backs is a state: it takes `from` and `until`, not `on`"],
    );
}

#[test]
fn state_after_death() {
    invalid(
        "state_after_death.ron",
        &[
            "relation \"commander_leads_brigade\": runs past the death of \"commander\" ([2024-11-27..2024-11-28], by relation \"army_killed_commander\")",
        ],
    );
}

#[test]
fn died_before_his_post() {
    invalid(
        "died_before_his_post.ron",
        &[
            "relation \"commander_leads_brigade\": runs past the death of \"commander\" (2019, by its `died` field)",
        ],
    );
}

#[test]
fn empty_acknowledgement() {
    invalid(
        "empty_acknowledgement.ron",
        &["relation \"r1\": acknowledgement reason is empty"],
    );
}

#[test]
fn every_catalogue_file_has_a_test() {
    let tested = [
        "reversed_range",
        "malformed_range",
        "edtf_interval",
        "edtf_all_of_set",
        "range_open_both_ends",
        "unknown_warning",
        "event_with_from",
        "event_without_date",
        "state_with_on",
        "state_after_death",
        "died_before_his_post",
        "empty_acknowledgement",
        "truncated",
        "wrong_type",
        "unknown_field",
        "unknown_actor_kind",
        "unknown_relation_kind",
        "bad_id",
        "feb_29_2023",
        "month_13",
        "year_0",
        "far_future",
        "non_utf8",
        "duplicate_ids",
        "unknown_ids",
        "reversed_interval",
        "empty_name",
        "empty_quote",
        "no_citation",
        "self_relation",
        "controls_a_state",
        "bom",
        "crlf",
    ];
    for entry in std::fs::read_dir(path("")).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        let stem = name.trim_end_matches(".ron");
        assert!(tested.contains(&stem), "{name} has no test");
    }
}

#[test]
fn deeply_nested_values_are_an_error_not_a_stack_overflow() {
    for depth in [100, 10_000, 1_000_000] {
        let text = format!("(actors: {}{})", "[".repeat(depth), "]".repeat(depth));
        assert_eq!(
            ActorGraph::from_ron(&text)
                .map(|_| ())
                .map_err(|e| e.kind()),
            Err(ErrorKind::Syntax)
        );
        let text = format!(
            "(actors: [(id: \"a\", name: \"A\", kind: State, note: {}\"x\"{})])",
            "Some(".repeat(depth),
            ")".repeat(depth)
        );
        assert!(ActorGraph::from_ron(&text).is_err());
    }
}

#[test]
fn very_long_strings_load() {
    let long = "x".repeat(1 << 20);
    let text = format!(
        "(sources: [(id: \"s\", title: \"{long}\", published: \"2024\")], actors: [(id: \"a\", name: \"{long}\", kind: State)])"
    );
    let graph = ActorGraph::from_ron(&text).unwrap();
    assert_eq!(graph.actor("a").unwrap().name.len(), 1 << 20);
    let long_id = format!(
        "(actors: [(id: \"{}\", name: \"A\", kind: State)])",
        "a".repeat(10_000)
    );
    assert_eq!(
        ActorGraph::from_ron(&long_id)
            .map(|_| ())
            .map_err(|e| e.kind()),
        Err(ErrorKind::Syntax)
    );
}

#[test]
fn every_prefix_of_a_valid_file_fails_cleanly() {
    let text = super::FIXTURE;
    for end in (0..text.len())
        .filter(|&i| text.is_char_boundary(i))
        .step_by(7)
    {
        let _ = ActorGraph::from_ron(&text[..end]);
    }
}

/// Slow in a debug build; CI runs it in release (`cargo test --release -- --ignored`).
#[test]
#[ignore = "slow: run in release"]
fn a_file_of_a_million_relations_loads() {
    let text = actorgraph::synthetic::Spec::new(50_000, 1_000_000)
        .seed(1)
        .generate()
        .to_ron()
        .unwrap();
    assert_eq!(
        ActorGraph::from_ron(&text).unwrap().relation_count(),
        1_000_000
    );
}

/// Slow in a debug build; CI runs it in release.
#[test]
#[ignore = "slow: run in release"]
fn a_100_mb_string_does_not_hang() {
    let text = format!(
        "(actors: [(id: \"a\", name: \"{}\", kind: State)])",
        "y".repeat(100 << 20)
    );
    assert_eq!(
        ActorGraph::from_ron(&text)
            .unwrap()
            .actor("a")
            .unwrap()
            .name
            .len(),
        100 << 20
    );
    let unterminated = format!("(actors: [(id: \"a\", name: \"{}", "y".repeat(100 << 20));
    assert!(ActorGraph::from_ron(&unterminated).is_err());
}

/// A grade outside the Admiralty scheme is a syntax error at its place,
/// naming the scheme's letters or digits; RON and JSON alike.
#[test]
fn grades_outside_the_scheme_are_refused_with_their_place() {
    let source = |grade: &str| {
        format!(
            "(\n    sources: [\n        (id: \"s\", title: \"t\", published: \"2024\", reliability: {grade}),\n    ],\n)"
        )
    };
    for bad in ["G", "b", "BB", "F1"] {
        let err = ActorGraph::from_ron(&source(bad)).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Syntax, "{bad}: {err}");
        let position = err.position().unwrap();
        assert_eq!(position.line, 3, "{bad}: {err}");
        assert!(position.column > 1, "{bad}: {err}");
        let message = err.syntax_message().unwrap();
        assert!(message.contains("A, B, C, D, E"), "{bad}: {message}");
    }
    assert!(ActorGraph::from_ron(&source("B")).is_ok());
    let citation = |grade: &str| {
        format!(
            "(\n    sources: [(id: \"s\", title: \"t\", published: \"2024\")],\n    actors: [(id: \"a\", name: \"A\", kind: State), (id: \"b\", name: \"B\", kind: State)],\n    relations: [(id: \"r\", kind: Backs, subject: \"a\", object: \"b\",\n        citations: [(source: \"s\", quote: \"q\", credibility: {grade})])],\n)"
        )
    };
    for bad in ["7", "0", "B9", "-1"] {
        let err = ActorGraph::from_ron(&citation(bad)).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Syntax, "{bad}: {err}");
        assert_eq!(err.position().unwrap().line, 5, "{bad}: {err}");
        let message = err.syntax_message().unwrap();
        assert!(message.contains("1, 2, 3, 4, 5, 6"), "{bad}: {message}");
    }
    let graph = ActorGraph::from_ron(&citation("2")).unwrap();
    let json = graph.to_json().unwrap();
    assert!(json.contains("\"credibility\": 2"), "{json}");
    let bad_json = json.replace("\"credibility\": 2", "\"credibility\": 7");
    let err = ActorGraph::from_json(&bad_json).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Syntax, "{err}");
    assert!(err.syntax_message().unwrap().contains("1, 2, 3, 4, 5, 6"));
}
