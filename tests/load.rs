use super::*;
use actorgraph::{Dataset, ErrorKind};

#[test]
fn embedded_dataset_loads() {
    let graph = syria();
    assert!(graph.actor_count() >= 60, "{}", graph.actor_count());
    assert!(graph.relation_count() >= 120, "{}", graph.relation_count());
}

#[test]
fn write_then_load_gives_an_equal_graph() {
    for graph in [syria(), fixture()] {
        let text = graph.to_ron().unwrap();
        assert_eq!(ActorGraph::from_ron(&text).unwrap(), graph);
    }
}

fn syntax_error(text: &str) -> (usize, usize, String) {
    let err = Dataset::from_ron(text).unwrap_err();
    match (err.position(), err.syntax_message()) {
        (Some(start), Some(message)) => (start.line, start.column, message.to_owned()),
        _ => panic!("expected a syntax error, got {err}"),
    }
}

#[test]
fn syntax_errors_carry_line_and_column() {
    let (line, column, _) = syntax_error("(\n  actors: [\n    (id: \"x\" name: \"X\")\n  ],\n)");
    assert_eq!(line, 3);
    assert!(column > 1);
}

#[test]
fn unknown_field_is_named() {
    let (line, _, message) =
        syntax_error("(actors: [(id: \"x\", name: \"X\", kind: State,\n colour: \"red\")])");
    assert_eq!(line, 2);
    assert!(message.contains("colour"), "{message}");
}

#[test]
fn unknown_kind_is_named() {
    let (_, _, message) = syntax_error("(actors: [(id: \"x\", name: \"X\", kind: Empire)])");
    assert!(message.contains("Empire"), "{message}");
}

#[test]
fn invalid_date_in_data_names_the_date_and_line() {
    let text = "(sources: [\n(id: \"s\", title: \"S\",\n published: \"2023-02-29\")])";
    let (line, _, message) = syntax_error(text);
    assert_eq!(line, 3);
    assert!(message.contains("2023-02-29"), "{message}");
}

#[test]
fn invalid_id_in_data_is_named() {
    let (_, _, message) =
        syntax_error("(actors: [(id: \"Not A Slug\", name: \"X\", kind: State)])");
    assert!(message.contains("Not A Slug"), "{message}");
}

#[test]
fn byte_order_mark_and_crlf_are_accepted() {
    let text = format!("\u{feff}{}", super::FIXTURE.replace('\n', "\r\n"));
    assert_eq!(ActorGraph::from_ron(&text).unwrap(), fixture());
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    let text = format!("(actors: {}{})", "[".repeat(100_000), "]".repeat(100_000));
    assert!(Dataset::from_ron(&text).is_err());
}

#[test]
fn missing_file_is_an_io_error_naming_the_path() {
    let err = ActorGraph::from_path("/no/such/dir/actors.ron").unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Io);
    assert!(err.to_string().contains("/no/such/dir/actors.ron"), "{err}");
}

#[test]
fn truncated_file_is_a_syntax_error() {
    let cut = &super::FIXTURE[..super::FIXTURE.len() / 2];
    assert_eq!(
        Dataset::from_ron(cut).map_err(|e| e.kind()).err(),
        Some(ErrorKind::Syntax)
    );
}

#[test]
fn embedded_graph_gives_back_every_record_of_the_data_file() {
    let data = Dataset::from_ron(actorgraph::EMBEDDED_DATASET).unwrap();
    let graph = ActorGraph::from_dataset(data.clone()).unwrap();
    assert_eq!(graph.to_dataset(), data);
    for relation in &data.relations {
        let stored = graph.relation(relation.id.as_str()).unwrap();
        let quotes: Vec<&str> = stored.citations().map(|e| e.quote()).collect();
        let expected: Vec<&str> = relation
            .citations
            .iter()
            .map(|c| c.quote.as_str())
            .collect();
        assert_eq!(quotes, expected, "{}", relation.id);
        assert_eq!(stored.claimed_by(), relation.claimed_by.as_ref());
        assert_eq!(stored.note(), relation.note.as_deref());
    }
}

/// A file is read and built piece by piece; a mistake far into it, after
/// many pieces went in, must still be reported as if the whole file were
/// parsed first: at its line and column, with nothing returned.
#[test]
fn a_mistake_deep_in_a_large_file_names_its_line_like_a_small_one() {
    let data = actorgraph::synthetic::Spec::benches(30_000).generate();
    let text = data.to_ron().unwrap();
    let dir = std::env::temp_dir().join(format!("actorgraph-load-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let good = dir.join("good.ron");
    std::fs::write(&good, &text).unwrap();
    let loaded = ActorGraph::from_path(&good).unwrap();
    assert_eq!(loaded, ActorGraph::from_dataset(data.clone()).unwrap());

    // A misspelt kind in the last relation.
    let at = text.rfind("kind: ").unwrap() + "kind: ".len();
    let kind_end = at + text[at..].find(',').unwrap();
    let bad_text = format!("{}Bakcs{}", &text[..at], &text[kind_end..]);
    let expected_line = text[..at].matches('\n').count() + 1;
    let bad = dir.join("bad.ron");
    std::fs::write(&bad, &bad_text).unwrap();
    let err = ActorGraph::from_path(&bad).unwrap_err();
    match (err.position(), err.syntax_message()) {
        (Some(start), Some(message)) => {
            assert_eq!(start.line, expected_line, "{message}");
            assert!(message.contains("Bakcs"), "{message}");
        }
        _ => panic!("expected a syntax error, got {err}"),
    }

    // A relation naming an actor no list holds: every problem is listed.
    let unknown = text.replacen("subject: \"a1\"", "subject: \"nobody\"", 1);
    let unknown_path = dir.join("unknown.json");
    let json = Dataset::from_ron(&unknown).unwrap().to_json().unwrap();
    std::fs::write(&unknown_path, json).unwrap();
    let err = ActorGraph::from_path(&unknown_path).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Invalid, "{err}");
    assert!(err.to_string().contains("nobody"), "{err}");
    std::fs::remove_dir_all(&dir).unwrap();
}
