//! Loading user files on top of the embedded dataset, and merging graphs.

use super::*;
use std::path::PathBuf;

fn extra(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/extra_data")
        .join(name)
}

#[test]
fn a_user_file_extends_the_embedded_dataset() {
    let mut g = syria();
    let before = g.relation_count();
    g.extend_from_path(extra("more_backers.ron")).unwrap();
    assert_eq!(g.relation_count(), before + 1);
    let backers: Vec<_> = g
        .at(day("2024-12-02"))
        .backers_of("Test Militia")
        .unwrap()
        .collect();
    assert_eq!(backers[0].subject().id.as_str(), "iran");
}

#[test]
fn loading_the_same_file_twice_changes_nothing() {
    let mut g = syria();
    g.extend_from_path(extra("more_backers.ron")).unwrap();
    let once = g.clone();
    g.extend_from_path(extra("more_backers.ron")).unwrap();
    assert_eq!(g, once);
}

#[test]
fn a_conflicting_definition_names_both_and_applies_nothing() {
    let mut g = syria();
    let before = g.clone();
    let err = g.extend_from_path(extra("conflicting.ron")).unwrap_err();
    let message = err.to_string();
    assert_eq!(err.kind(), actorgraph::ErrorKind::Invalid);
    assert!(message.contains("duplicate actor id \"iran\""), "{message}");
    assert!(
        message.contains("\"Iran\"") && message.contains("Islamic Republic of Iran"),
        "{message}"
    );
    assert_eq!(g, before);
    assert!(
        g.actor("test_militia_two").is_none(),
        "nothing is half-applied"
    );
    // The graph still answers queries after the refused merge.
    assert!(
        g.at(day("2024-11-30"))
            .backers_of("hezbollah")
            .unwrap()
            .count()
            >= 1
    );
}

#[test]
fn two_graphs_merge() {
    let mut g = syria();
    let other = fixture();
    g.merge(&other).unwrap();
    assert_eq!(g.actor_count(), syria().actor_count() + other.actor_count());
    assert!(g.merge(&other).is_ok(), "merging again is a no-op");
    let mut h = fixture();
    h.merge(&syria()).unwrap();
    assert_eq!(h.relation_count(), g.relation_count());
}

#[test]
fn a_merge_whose_relations_refer_to_missing_actors_fails_whole() {
    let mut g = fixture();
    let before = g.clone();
    let text = r#"(
        sources: [(id: "n", title: "N", published: "2024")],
        actors: [(id: "delta", name: "Delta", kind: ArmedGroup)],
        relations: [(id: "x", kind: Backs, subject: "delta", object: "nowhere",
            citations: [(source: "n", quote: "q")])],
    )"#;
    assert!(
        g.extend(actorgraph::Dataset::from_ron(text).unwrap())
            .is_err()
    );
    assert_eq!(g, before);
}
