//! Evidence grades: facts on the fictional example dataset
//! `data/graded_example.ron`, and the grade types themselves.

use super::*;
use actorgraph::{Credibility, Grade, Reliability, algo};

fn example() -> ActorGraph {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/graded_example.ron");
    ActorGraph::from_path(path).expect("the graded example loads")
}

fn grade(text: &str) -> Grade {
    text.parse().expect("a valid test grade")
}

/// The relation `id` as a view graded at least `minimum` (none: ungraded)
/// sees it on 2031-05-10, as known by then.
fn seen(graph: &ActorGraph, id: &str, minimum: Option<&str>) -> Option<(bool, usize)> {
    let mut view = graph.at(day("2031-05-10")).known_by(day("2031-05-10"));
    if let Some(m) = minimum {
        view = view.graded_at_least(grade(m));
    }
    let found = view.relations().chain(view.events());
    found
        .filter(|r| r.id() == id)
        .map(|r| (r.is_contested(), r.citations().count()))
        .next()
}

#[test]
fn a_contested_backing_flips_with_the_minimum_grade() {
    let graph = example();
    let id = "ostland_backs_river_front";
    assert_eq!(seen(&graph, id, None), Some((true, 2)));
    assert_eq!(seen(&graph, id, Some("D3")), Some((true, 2)));
    // Ostland's own denial is graded D3: below C3 it no longer counts.
    assert_eq!(seen(&graph, id, Some("C3")), Some((false, 1)));
    assert_eq!(seen(&graph, id, Some("B2")), Some((false, 1)));
    // Nothing backs it at A1.
    assert_eq!(seen(&graph, id, Some("A1")), None);
    assert_eq!(seen(&graph, id, Some("B1")), None);
}

#[test]
fn an_attack_on_a_rumour_alone_goes_from_c3_up() {
    let graph = example();
    let id = "hill_militia_attacks_valley_town";
    assert_eq!(seen(&graph, id, None), Some((true, 2)));
    assert_eq!(seen(&graph, id, Some("E5")), Some((true, 2)));
    assert_eq!(seen(&graph, id, Some("C3")), None);
    assert_eq!(seen(&graph, id, Some("F6")), Some((true, 2)));
}

#[test]
fn knowledge_dates_are_recomputed_from_the_graded_evidence() {
    let graph = example();
    let on = day("2031-05-10");
    let known = |by: &str, minimum: &str| {
        graph
            .at(on)
            .known_by(day(by))
            .graded_at_least(grade(minimum))
            .relations()
            .any(|r| r.id() == "river_front_allied_with_hill_militia")
    };
    // Its B2 citation appeared on 2031-05-01; from B2 up only the monitor's
    // B2 of 2031-05-05 and the wire's B2 count, so it is known from 05-01.
    assert!(known("2031-05-01", "B2"));
    // At A2 nothing meets the grade.
    assert!(!known("2031-05-31", "A2"));
    // The North League backing rests on a citation graded A2 by its
    // claimant, published on 2031-05-03.
    let league = |by: &str| {
        graph
            .at(on)
            .known_by(day(by))
            .graded_at_least(grade("A2"))
            .relations()
            .any(|r| r.id() == "north_league_backs_river_front")
    };
    assert!(!league("2031-05-02"));
    assert!(league("2031-05-03"));
}

#[test]
fn a_claimant_actor_grades_its_citations() {
    let graph = example();
    let backing = graph.relation("north_league_backs_river_front").unwrap();
    let evidence = backing.citations().next().unwrap();
    assert_eq!(evidence.source().reliability, Some(Reliability::C));
    assert_eq!(evidence.reliability(), Some(Reliability::A));
    assert_eq!(evidence.credibility(), Some(Credibility::Probable));
    assert_eq!(evidence.grade(), Some(grade("A2")));
    assert_eq!(backing.best_supporting_grade(), Some(grade("A2")));
    assert_eq!(backing.best_disputing_grade(), None);
}

#[test]
fn two_citations_of_one_spokesman_are_one_independent_claimant() {
    let graph = example();
    let allied = graph
        .relation("river_front_allied_with_hill_militia")
        .unwrap();
    assert_eq!(allied.citations().count(), 3);
    assert_eq!(allied.independent_claimants(), 2);
    assert_eq!(allied.best_supporting_grade(), Some(grade("B2")));
    // From B2 up only the wire's quote of the spokesman and the monitor remain.
    let view = graph.at(day("2031-05-10")).graded_at_least(grade("B2"));
    let graded = view
        .relations()
        .find(|r| r.id() == "river_front_allied_with_hill_militia")
        .unwrap();
    assert_eq!(graded.citations().count(), 2);
    assert_eq!(graded.independent_claimants(), 2);
    let backing = graph.relation("ostland_backs_river_front").unwrap();
    assert_eq!(backing.independent_claimants(), 1);
    assert_eq!(backing.best_supporting_grade(), Some(grade("B2")));
    assert_eq!(backing.best_disputing_grade(), Some(grade("D3")));
}

#[test]
fn citations_are_listed_best_graded_first_under_a_minimum_grade() {
    let graph = example();
    let view = graph.at(day("2031-05-10")).graded_at_least(grade("F6"));
    let allied = view
        .relations()
        .find(|r| r.id() == "river_front_allied_with_hill_militia")
        .unwrap();
    let grades: Vec<String> = allied
        .citations()
        .map(|e| Grade::label(e.grade()))
        .collect();
    assert_eq!(grades, ["B2", "B2", "C3"]);
    // The strongest quote prefers the better grade.
    let best = algo::strongest_evidence(&[allied]).unwrap();
    assert_eq!(best.grade(), Some(grade("B2")));
}

#[test]
fn ungraded_evidence_reads_as_f6_and_prints_ungraded() {
    let graph = syria();
    let backing = graph.relation("russia_backs_syrian_government").unwrap();
    for evidence in backing.citations() {
        assert_eq!(evidence.grade(), None);
        assert_eq!(Grade::label(evidence.grade()), "ungraded");
    }
    // The embedded dataset is ungraded: at F6 every relation stays, at E5
    // none does.
    let on = day("2024-11-30");
    assert_eq!(
        graph.at(on).graded_at_least(grade("F6")).count(),
        graph.at(on).count()
    );
    assert_eq!(graph.at(on).graded_at_least(grade("E5")).count(), 0);
}

#[test]
fn grades_parse_print_and_refuse_what_is_outside_the_scheme() {
    assert_eq!(grade("B2").to_string(), "B2");
    assert_eq!(grade("F6"), Grade::UNGRADED);
    for bad in ["b2", "G1", "B7", "B", "B22", "", "2B"] {
        let err = bad.parse::<Grade>().unwrap_err();
        assert_eq!(err.kind(), actorgraph::ErrorKind::InvalidArgument, "{bad}");
        assert!(err.to_string().contains("Admiralty"), "{bad}: {err}");
    }
    assert!(
        "b".parse::<Reliability>()
            .unwrap_err()
            .to_string()
            .contains("upper case")
    );
    assert_eq!(Reliability::from_i2("E").unwrap(), Reliability::E);
    assert!(Reliability::from_i2("F").is_err());
    assert_eq!(Credibility::from_i2(5).unwrap(), Credibility::Improbable);
    assert!(Credibility::from_i2(6).is_err());
    assert_eq!(
        Credibility::from_confidence(100).unwrap(),
        Credibility::Confirmed
    );
    assert_eq!(
        Credibility::from_confidence(0).unwrap(),
        Credibility::CannotBeJudged
    );
    assert_eq!(
        Credibility::from_confidence(29).unwrap(),
        Credibility::Improbable
    );
    assert!(Credibility::from_confidence(101).is_err());
    // A6 is better than B1: reliability first.
    assert!(grade("A6") < grade("B1"));
    assert!(!grade("A6").admits(grade("B1")));
}

#[test]
fn the_example_has_each_grade_warning_once_and_acknowledgements_hold() {
    use actorgraph::Warning;
    let graph = example();
    let lint = algo::lint(&graph);
    let found: Vec<(Warning, String)> = lint
        .warnings()
        .map(|f| (f.warning, f.relation.id().to_owned()))
        .collect();
    assert_eq!(
        found,
        [
            (
                Warning::ConfirmedByOneClaimant,
                "ostland_controls_valley_town".to_owned()
            ),
            (
                Warning::GradeWithoutSourceReliability,
                "valley_town_council_opposes_hill_militia".to_owned()
            ),
            (
                Warning::RestsOnWeakGrades,
                "hill_militia_controls_ridge".to_owned()
            ),
        ]
    );
    // Acknowledged on the item, each is listed as acknowledged instead.
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/graded_example.ron");
    let text = std::fs::read_to_string(path).unwrap();
    let text = text
        .replace(
            r#"quote: "Ostland holds Valley Town.", credibility: 1)"#,
            r#"quote: "Ostland holds Valley Town.", credibility: 1, acknowledged: [(warning: ConfirmedByOneClaimant, reason: "seen")])"#,
        )
        .replace(
            r#"credibility: 3),
            ]),
        (id: "hill_militia_controls_ridge""#,
            r#"credibility: 3, acknowledged: [(warning: GradeWithoutSourceReliability, reason: "seen")]),
            ]),
        (id: "hill_militia_controls_ridge""#,
        )
        .replace(
            r#"credibility: 6),
            ]),"#,
            r#"credibility: 6),
            ], acknowledged: [(warning: RestsOnWeakGrades, reason: "seen")]),"#,
        );
    let graph = ActorGraph::from_ron(&text).unwrap();
    let lint = algo::lint(&graph);
    assert!(
        lint.is_clean(),
        "{:?}",
        lint.warnings().map(|f| f.to_string()).collect::<Vec<_>>()
    );
    assert_eq!(lint.acknowledged().count(), 3);
}

#[test]
fn exports_carry_the_grades() {
    use actorgraph::export::{self, Scope};
    let graph = example();
    let options = Default::default();
    let view = || graph.at(day("2031-05-10")).graded_at_least(grade("B2"));
    // JSON dataset: the fields as written.
    let json = export::to_json_dataset(Scope::Whole(&graph), &options).unwrap();
    assert!(json.contains("\"reliability\": \"B\""), "{json}");
    assert!(json.contains("\"credibility\": 2"));
    // Node-link and Cytoscape: each citation with its grade.
    for text in [
        export::to_node_link(Scope::Whole(&graph), &options),
        export::to_cytoscape(Scope::Whole(&graph), &options),
    ] {
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        let mut grades = Vec::new();
        collect_grades(&value, &mut grades);
        assert!(grades.contains(&"A2".to_owned()), "{grades:?}");
        assert!(grades.contains(&"E5".to_owned()), "{grades:?}");
        assert!(grades.contains(&"F3".to_owned()), "{grades:?}");
    }
    // A graded scope lists only what meets the grade.
    let graded = export::to_node_link(Scope::View(view()), &options);
    assert!(!graded.contains("\"E5\""), "{graded}");
    // CSV columns.
    let tables = export::to_csv(Scope::Whole(&graph), &options).unwrap();
    assert!(tables.citations.lines().next().unwrap().ends_with(
        "superseded:boolean,reliability,credibility:int,grade,claimant_kind,acknowledged"
    ));
    assert!(tables.citations.contains(",A,2,A2"), "{}", tables.citations);
    assert!(tables.sources.contains(",B,Source"), "{}", tables.sources);
    // GraphML and GEXF attributes.
    let graphml = export::to_graphml(Scope::Whole(&graph), &options);
    assert!(graphml.contains("<data key=\"e_independent_claimants\">2</data>"));
    assert!(
        graphml.contains("<data key=\"e_grades\">B2 C3 B2</data>"),
        "{graphml}"
    );
    let gexf = export::to_gexf(Scope::Whole(&graph), &options);
    assert!(
        gexf.contains("for=\"best_disputing_grade\" value=\"D3\""),
        "{gexf}"
    );
    // RDF: one documented property per grade.
    let turtle = export::to_turtle(Scope::Whole(&graph), &options);
    assert!(turtle.contains("ag:reliability \"A\" ;"), "{turtle}");
    assert!(turtle.contains("ag:credibility 2 ;"));
}

fn collect_grades(value: &serde_json::Value, out: &mut Vec<String>) {
    match value {
        serde_json::Value::Object(map) => {
            if let Some(serde_json::Value::String(g)) = map.get("grade") {
                out.push(g.clone());
            }
            map.values().for_each(|v| collect_grades(v, out));
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| collect_grades(v, out)),
        _ => {}
    }
}

#[test]
fn merging_and_streaming_keep_the_grades() {
    let graph = example();
    let mut merged = syria();
    merged.merge(&graph).unwrap();
    let allied = merged
        .relation("river_front_allied_with_hill_militia")
        .unwrap();
    assert_eq!(allied.best_supporting_grade(), Some(grade("B2")));
    let league = merged.relation("north_league_backs_river_front").unwrap();
    assert_eq!(
        league.citations().next().unwrap().grade(),
        Some(grade("A2"))
    );
    // The JSON dataset reads back to the same graph, grades and all.
    let again = ActorGraph::from_json(&graph.to_json().unwrap()).unwrap();
    assert_eq!(again, graph);
}

/// Grades live beside citations and in the view, not in each relation a
/// query returns: the handle stays 24 bytes.
#[test]
fn a_relation_handle_stays_small() {
    assert_eq!(std::mem::size_of::<actorgraph::RelationRef<'_>>(), 24);
}

#[test]
fn the_dot_legend_says_how_grades_are_drawn_when_some_are() {
    use actorgraph::dot::{DotOptions, to_dot};
    let graph = example();
    let dot = to_dot(graph.at(day("2031-05-04")), &DotOptions::default()).unwrap();
    assert!(dot.contains("[B2] wire_2031_05_01"), "{dot}");
    assert!(dot.contains("its grade, source reliability A-F"));
    let plain = to_dot(syria().at(day("2024-11-30")), &DotOptions::default()).unwrap();
    assert!(!plain.contains("its grade, source reliability"));
}

/// The grades in the exports, read back by networkx (node-link), rdflib
/// and pyoxigraph (SPARQL over the Turtle) and DuckDB (SQL over the CSV
/// tables): every citation's grade as the library gives it, and, in
/// networkx and DuckDB, the states a graded view keeps on a day.
#[test]
fn grades_reach_the_real_tools() {
    use actorgraph::export::{self, Scope};
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/graded_example.ron");
    let graph = ActorGraph::from_path(&path).unwrap();
    let dir = std::env::temp_dir().join(format!("actorgraph-grades-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let options = Default::default();
    std::fs::write(
        dir.join("nodelink.json"),
        export::to_node_link(Scope::Whole(&graph), &options),
    )
    .unwrap();
    std::fs::write(
        dir.join("graph.ttl"),
        export::to_turtle(Scope::Whole(&graph), &options),
    )
    .unwrap();
    let tables = export::to_csv(Scope::Whole(&graph), &options).unwrap();
    std::fs::write(dir.join("relations.csv"), &tables.relations).unwrap();
    std::fs::write(dir.join("citations.csv"), &tables.citations).unwrap();
    let citations: Vec<serde_json::Value> = graph
        .relations()
        .flat_map(|r| {
            r.citations()
                .map(|e| {
                    serde_json::json!([
                        r.id(),
                        e.source().id.as_str(),
                        e.reliability().map(|g| g.to_string()).unwrap_or_default(),
                        e.credibility().map_or(0, |c| c.digit()),
                    ])
                })
                .collect::<Vec<_>>()
        })
        .collect();
    let on = "2031-05-10";
    let mut views = serde_json::Map::new();
    for minimum in ["A1", "A2", "B2", "C3", "E5", "F6"] {
        let grade: Grade = minimum.parse().unwrap();
        let mut ids: Vec<String> = graph
            .at(day(on))
            .graded_at_least(grade)
            .relations()
            .map(|r| r.id().to_owned())
            .collect();
        ids.sort();
        ids.dedup();
        views.insert(minimum.to_owned(), serde_json::json!(ids));
    }
    // The grades must change the answer, or the check proves little.
    assert_ne!(views["A1"], views["F6"]);
    let expected = serde_json::json!({"day": on, "citations": citations, "views": views});
    std::fs::write(dir.join("expected.json"), expected.to_string()).unwrap();

    let Some(python) = super::exports::python() else {
        return;
    };
    let script =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/tools/grades_check.py");
    let output = std::process::Command::new(python)
        .arg(&script)
        .arg(&dir)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    std::fs::remove_dir_all(&dir).unwrap();
}
