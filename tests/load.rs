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

/// The line a text's `n`-th occurrence of `needle` is on, counted from one.
fn line_of_nth(text: &str, needle: &str, n: usize) -> usize {
    let at = text
        .match_indices(needle)
        .nth(n)
        .expect("the needle occurs")
        .0;
    text[..at].matches('\n').count() + 1
}

#[test]
fn validation_problems_deep_in_a_streamed_file_carry_their_line() {
    let data = actorgraph::synthetic::Spec::benches(30_000).generate();
    let text = data.to_ron().unwrap();
    // The 25 000th relation names an actor no list holds.
    let target = &data.relations[25_000];
    let needle = format!("id: \"{}\"", target.id);
    let at = text.find(&needle).unwrap();
    let subject = format!("subject: \"{}\"", target.subject);
    let bad_text = format!(
        "{}{}",
        &text[..at],
        text[at..].replacen(&subject, "subject: \"nobody\"", 1)
    );
    let dir = std::env::temp_dir().join(format!("actorgraph-located-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for (name, contents) in [
        ("bad.ron", bad_text.clone()),
        (
            "bad.json",
            Dataset::from_ron(&bad_text).unwrap().to_json().unwrap(),
        ),
    ] {
        let path = dir.join(name);
        std::fs::write(&path, &contents).unwrap();
        let err = ActorGraph::from_path(&path).unwrap_err();
        let problems = err.problems().expect("validation problems");
        let problem = problems.iter().next().unwrap();
        assert!(problem.to_string().contains("nobody"), "{problem}");
        let at = problem.position.expect("the problem has a position");
        // The item begins on the line of its opening bracket, just above
        // (RON) or at (JSON) its id.
        let id_line = line_of_nth(&contents, &format!("\"{}\"", target.id), 0);
        assert!(
            (id_line.saturating_sub(1)..=id_line).contains(&at.line),
            "{name}: item at line {}, id on line {id_line}",
            at.line
        );
        assert_eq!(err.position(), Some(at));
        assert!(
            err.to_string()
                .contains(&format!("line {}, column {}", at.line, at.column))
        );
        let offset = at.offset.expect("a byte offset");
        assert!(matches!(contents.as_bytes()[offset], b'(' | b'{'), "{name}");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn validation_problems_in_a_small_text_carry_their_line_and_column() {
    let text = "(\n    sources: [(id: \"s\", title: \"S\", published: \"2024\")],\n    actors: [\n        (id: \"a\", name: \"A\", kind: State),\n      (id: \"a\", name: \"Another\", kind: State),\n    ],\n    relations: [\n        (id: \"r\", kind: Backs, subject: \"a\", object: \"b\",\n            citations: [(source: \"s\", quote: \"q\")]),\n    ],\n)";
    let err = ActorGraph::from_ron(text).unwrap_err();
    let found: Vec<(String, usize, usize)> = err
        .problems()
        .unwrap()
        .iter()
        .map(|p| {
            let at = p.position.unwrap();
            (p.item.id.clone(), at.line, at.column)
        })
        .collect();
    // The duplicate at its second definition; the relation at its bracket.
    assert!(found.contains(&("a".to_owned(), 5, 7)), "{found:?}");
    assert!(found.contains(&("r".to_owned(), 8, 9)), "{found:?}");
    // A record built in code has no text, so no position.
    let mut data = Dataset::from_ron(text).unwrap();
    data.actors.pop();
    let err = ActorGraph::from_dataset(data).unwrap_err();
    assert!(err.problems().unwrap().iter().all(|p| p.position.is_none()));
}

#[test]
fn json_and_ron_syntax_errors_print_one_position_at_the_true_column() {
    let ron = "(actors: [(id: \"x\",\n  nme: \"X\")])";
    let json = "{\"actors\": [\n  {\"id\": \"x\", \"nme\": \"X\"}]}";
    for (err, column) in [
        (Dataset::from_ron(ron).unwrap_err(), 3),
        // serde_json points at the last character it read: the key's quote.
        (Dataset::from_json(json).unwrap_err(), 19),
    ] {
        let message = err.to_string();
        assert_eq!(message.matches("line").count(), 1, "{message}");
        let at = err.position().unwrap();
        assert_eq!((at.line, at.column), (2, column), "{message}");
    }
    // A bad byte is at the same, true column in both formats.
    let dir = std::env::temp_dir().join(format!("actorgraph-utf8-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for (name, bytes) in [
        (
            "bad.ron",
            &b"(actors: [\n  (id: \"x\xff\", name: \"X\", kind: State)])"[..],
        ),
        (
            "bad.json",
            &b"{\"actors\": [\n  {\"id\": \"x\xff\", \"name\": \"X\", \"kind\": \"State\"}]}"[..],
        ),
    ] {
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        let err = ActorGraph::from_path(&path).unwrap_err();
        let at = err.position().unwrap();
        let column = if name.ends_with("ron") { 10 } else { 12 };
        assert_eq!((at.line, at.column), (2, column), "{name}: {err}");
        assert!(
            std::error::Error::source(&err).is_some(),
            "the cause is kept"
        );
    }
    std::fs::remove_dir_all(&dir).unwrap();
}
