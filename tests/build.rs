use super::*;
use actorgraph::{
    Actor, ActorKind, Citation, Claimant, Dataset, Error, Relation, RelationKind, Source, Stance,
};

fn actor(id: &str, kind: ActorKind) -> Actor {
    Actor {
        id: id.parse().unwrap(),
        name: id.to_uppercase(),
        kind,
        aliases: vec![],
        former_names: vec![],
        died: None,
        note: None,
        reliability: None,
    }
}

fn relation(id: &str, kind: RelationKind, subject: &str, object: &str) -> Relation {
    Relation {
        id: id.parse().unwrap(),
        kind,
        subject: subject.parse().unwrap(),
        object: object.parse().unwrap(),
        from: None,
        until: None,
        on: None,
        citations: vec![Citation {
            source: "early".parse().unwrap(),
            quote: "a quote".into(),
            stance: Stance::Supports,
            claimed_by: None,
            credibility: None,
            acknowledged: vec![],
        }],
        claimed_by: None,
        note: None,
        acknowledged: vec![],
    }
}

fn problems(err: Error) -> Vec<String> {
    match err.problems() {
        Some(p) => p.iter().map(ToString::to_string).collect(),
        None => panic!("expected a list of problems, got {err}"),
    }
}

#[test]
fn graph_built_in_code_answers_queries() {
    let mut g = ActorGraph::new();
    g.add_source(Source {
        id: "early".parse().unwrap(),
        publisher: None,
        title: "t".into(),
        published: "2024-11-28".parse().unwrap(),
        approximate: false,
        url: None,
        file: None,
        reliability: None,
    })
    .unwrap();
    g.add_actor(actor("iran", ActorKind::State)).unwrap();
    g.add_actor(actor("hezbollah", ActorKind::Militia)).unwrap();
    g.add_relation(relation("r", RelationKind::Backs, "iran", "hezbollah"))
        .unwrap();
    assert_eq!(
        ids(g.at(day("2024-01-01")).backers_of("hezbollah").unwrap()),
        ["r"]
    );
}

#[test]
fn rejected_insert_leaves_the_graph_unchanged() {
    let mut g = fixture();
    let before = g.clone();
    let err = g
        .add_relation(relation("bad", RelationKind::Backs, "alpha", "nobody"))
        .unwrap_err();
    assert!(
        err.to_string().contains("unknown actor \"nobody\""),
        "{err}"
    );
    assert_eq!(g, before);
    assert_eq!(g.relation_count(), before.relation_count());
    // The graph still works, and the failed id is free for a valid relation.
    g.add_relation(relation("bad", RelationKind::Backs, "alpha", "gamma"))
        .unwrap();
    assert_eq!(g.relation_count(), before.relation_count() + 1);
}

#[test]
fn a_failed_batch_adds_nothing() {
    let mut g = fixture();
    let before = g.clone();
    let batch = Dataset {
        actors: vec![actor("delta", ActorKind::ArmedGroup)],
        relations: vec![
            relation("ok", RelationKind::Backs, "delta", "alpha"),
            relation("broken", RelationKind::Backs, "delta", "epsilon"),
        ],
        ..Dataset::default()
    };
    assert!(g.extend(batch).is_err());
    assert_eq!(g, before);
    assert!(g.actor("delta").is_none());
}

#[test]
fn validation_reports_every_problem_at_once() {
    let text = r#"(
        sources: [(id: "s", title: "S", published: "2024")],
        actors: [
            (id: "iran", name: "Iran", kind: State),
            (id: "iran", name: "Persia", kind: State),
            (id: "town", name: "", kind: Place),
        ],
        relations: [
            (id: "r1", kind: Backs, subject: "iram", object: "town",
                citations: [(source: "s", quote: "x")]),
            (id: "r2", kind: Backs, subject: "iran", object: "town",
                from: "2020", until: "2019", citations: [(source: "s", quote: "x")]),
            (id: "r3", kind: Backs, subject: "iran", object: "town", citations: []),
            (id: "r4", kind: Backs, subject: "iran", object: "town",
                citations: [(source: "ss", quote: "  ")]),
            (id: "r5", kind: Opposes, subject: "iran", object: "iran",
                citations: [(source: "s", quote: "x")]),
            (id: "r6", kind: Controls, subject: "town", object: "iran",
                citations: [(source: "s", quote: "x")]),
        ],
    )"#;
    let found = problems(ActorGraph::from_ron(text).unwrap_err());
    let expect = [
        "duplicate actor id \"iran\"",
        "actor \"town\": name is empty",
        "relation \"r1\" (subject): unknown actor \"iram\"; did you mean \"iran\"?",
        "relation \"r2\": interval ends (2019) before it starts (2020)",
        "relation \"r3\": no supporting citation",
        "relation \"r4\": unknown source \"ss\"; did you mean \"s\"?",
        "relation \"r4\": citation of source \"ss\" has an empty quote",
        "relation \"r5\": relates actor \"iran\" to itself",
        "relation \"r6\": object \"iran\" is a state, but this kind of relation needs a place",
    ];
    for e in expect {
        assert!(
            found.iter().any(|f| f.contains(e)),
            "missing {e:?} in {found:#?}"
        );
    }
}

#[test]
fn identical_redefinition_is_accepted_and_different_one_names_both() {
    let mut g = fixture();
    let same = g.actor("alpha").unwrap().clone();
    g.add_actor(same).unwrap();
    let mut other = g.actor("alpha").unwrap().clone();
    other.name = "Alpha Republic".into();
    let err = g.add_actor(other).unwrap_err().to_string();
    assert!(
        err.contains("Alpha State") && err.contains("Alpha Republic"),
        "{err}"
    );
}

#[test]
fn claimants_must_exist() {
    let mut g = fixture();
    let mut r = relation("claimed", RelationKind::Opposes, "alpha", "beta");
    r.claimed_by = Some(Claimant::Actor("omega".parse().unwrap()));
    let err = g.add_relation(r).unwrap_err().to_string();
    assert!(
        err.contains("(claimed by): unknown actor \"omega\""),
        "{err}"
    );
}

#[test]
fn problems_beyond_the_cap_are_counted() {
    let mut text =
        String::from("(sources: [(id: \"s\", title: \"S\", published: \"2024\")], relations: [");
    for i in 0..250 {
        text.push_str(&format!(
            "(id: \"r{i}\", kind: Backs, subject: \"a{i}\", object: \"b{i}\", citations: [(source: \"s\", quote: \"q\")]),"
        ));
    }
    text.push_str("])");
    let err = ActorGraph::from_ron(&text).unwrap_err();
    match err.problems() {
        Some(p) => {
            assert_eq!(p.total(), 500);
            assert_eq!(p.iter().count(), actorgraph::Problems::CAP);
            assert!(p.to_string().ends_with("and 400 more"));
        }
        None => panic!("{err}"),
    }
}

#[test]
fn ids_are_slugs() {
    for bad in ["", "Iran", "1st", "al-julani", "a b", &"x".repeat(65)] {
        assert!(bad.parse::<actorgraph::ActorId>().is_err(), "{bad:?}");
    }
    assert!("al_julani2".parse::<actorgraph::ActorId>().is_ok());
}

#[test]
fn citation_counts_beyond_the_limit_are_refused_and_the_limit_itself_is_kept() {
    let mut g = fixture();
    let before = g.clone();
    let mut crowded = relation("crowded", RelationKind::Backs, "alpha", "gamma");
    let citation = crowded.citations[0].clone();
    crowded.citations = vec![citation; actorgraph::MAX_CITATIONS + 1];
    let found = problems(g.add_relation(crowded.clone()).unwrap_err());
    assert_eq!(
        found,
        ["relation \"crowded\": 65536 citations; a relation holds at most 65535"]
    );
    assert_eq!(g, before);

    crowded.citations.pop();
    g.add_relation(crowded.clone()).unwrap();
    let stored = g.relation("crowded").unwrap();
    assert_eq!(stored.citations().count(), actorgraph::MAX_CITATIONS);
    assert_eq!(stored.to_relation(), crowded);
}

#[test]
fn every_relation_keeps_its_own_citations_across_storage_blocks() {
    // Citations are found through one offset per sixteen relations plus the
    // counts before each; uneven counts over several blocks test the sums.
    let mut g = fixture();
    let mut added = Vec::new();
    for i in 0..50 {
        let mut r = relation(&format!("r{i}"), RelationKind::Opposes, "alpha", "beta");
        r.citations = (0..1 + i % 4)
            .map(|c| Citation {
                source: "early".parse().unwrap(),
                quote: format!("quote {c} of relation {i}"),
                stance: if c == 2 {
                    Stance::Disputes
                } else {
                    Stance::Supports
                },
                claimed_by: (c == 1).then(|| Claimant::Other(format!("claimant {i}"))),
                credibility: None,
                acknowledged: vec![],
            })
            .collect();
        r.note = (i % 5 == 0).then(|| format!("note {i}"));
        g.add_relation(r.clone()).unwrap();
        added.push(r);
    }
    for r in &added {
        let stored = g.relation(r.id.as_str()).unwrap();
        assert_eq!(&stored.to_relation(), r);
        let quotes: Vec<&str> = stored.citations().map(|e| e.quote()).collect();
        let expected: Vec<&str> = r.citations.iter().map(|c| c.quote.as_str()).collect();
        assert_eq!(quotes, expected);
        assert_eq!(stored.is_contested(), r.is_contested());
        assert_eq!(stored.note(), r.note.as_deref());
    }
}
