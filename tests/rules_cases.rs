//! The admission rule's table of cases (`tests/rules_cases.json`), answered
//! by the library and by the page's JavaScript copy of the rule
//! (`src/format/html/rules.js`, under node): both must give the table's
//! answers, so neither can drift from the documented rule unnoticed.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::process::Command;

use serde::Deserialize;
use serde_json::{Map, Value, json};

use super::*;
use actorgraph::Certainty;
use actorgraph::export::{self, ExportOptions, Scope};

const TABLE: &str = include_str!("rules_cases.json");

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Table {
    about: Vec<String>,
    cases: Vec<Case>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    why: String,
    relation: Dated,
    #[serde(default = "one_source")]
    sources: BTreeMap<String, String>,
    /// The reliability letter of some sources, by id; the rest ungraded.
    #[serde(default)]
    reliability: BTreeMap<String, String>,
    #[serde(default = "one_citation")]
    citations: Vec<Cite>,
    checks: Vec<Check>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Dated {
    kind: Kind,
    from: Option<String>,
    until: Option<String>,
    on: Option<String>,
}

#[derive(Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
enum Kind {
    State,
    Event,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Cite {
    source: String,
    #[serde(default)]
    stance: Stance,
    claimant: Option<String>,
    credibility: Option<u8>,
}

#[derive(Deserialize, Default, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
enum Stance {
    #[default]
    Supports,
    Disputes,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Check {
    day: String,
    known_by: Option<String>,
    certainty: Which,
    min_grade: Option<String>,
    shown: bool,
    contested: bool,
}

#[derive(Deserialize, Clone, Copy)]
#[serde(rename_all = "lowercase")]
enum Which {
    Possibly,
    Certainly,
}

/// The table's defaults: one source, of a day before every case's days.
fn one_source() -> BTreeMap<String, String> {
    BTreeMap::from([("s".to_owned(), "2000-01-01".to_owned())])
}

fn one_citation() -> Vec<Cite> {
    vec![Cite {
        source: "s".to_owned(),
        stance: Stance::Supports,
        claimant: None,
        credibility: None,
    }]
}

fn table() -> Table {
    serde_json::from_str(TABLE).expect("tests/rules_cases.json reads as a table of cases")
}

/// The case's graph: two states, one relation `r` between them (backs, or
/// attacks for an event), its sources, and its claimants as actors.
fn graph_of(case: &Case) -> ActorGraph {
    let claimants: BTreeSet<&str> = case
        .citations
        .iter()
        .filter_map(|c| c.claimant.as_deref())
        .collect();
    let mut actors = vec![
        json!({"id": "a", "name": "A", "kind": "State"}),
        json!({"id": "b", "name": "B", "kind": "State"}),
    ];
    actors.extend(
        claimants
            .iter()
            .map(|c| json!({"id": c, "name": c, "kind": "Ngo"})),
    );
    let sources: Vec<Value> = case
        .sources
        .iter()
        .map(|(id, published)| {
            let mut source = json!({"id": id, "title": id, "published": published});
            if let Some(letter) = case.reliability.get(id) {
                source["reliability"] = json!(letter);
            }
            source
        })
        .collect();
    let citations: Vec<Value> = case
        .citations
        .iter()
        .map(|c| {
            let mut cite = Map::new();
            cite.insert("source".into(), json!(c.source));
            cite.insert("quote".into(), json!("a quote"));
            let stance = match c.stance {
                Stance::Supports => "Supports",
                Stance::Disputes => "Disputes",
            };
            cite.insert("stance".into(), json!(stance));
            if let Some(claimant) = &c.claimant {
                cite.insert("claimed_by".into(), json!({"Actor": claimant}));
            }
            if let Some(credibility) = c.credibility {
                cite.insert("credibility".into(), json!(credibility));
            }
            Value::Object(cite)
        })
        .collect();
    let mut relation = Map::new();
    relation.insert("id".into(), json!("r"));
    let kind = match case.relation.kind {
        Kind::State => "Backs",
        Kind::Event => "Attacks",
    };
    relation.insert("kind".into(), json!(kind));
    relation.insert("subject".into(), json!("a"));
    relation.insert("object".into(), json!("b"));
    for (field, date) in [
        ("from", &case.relation.from),
        ("until", &case.relation.until),
        ("on", &case.relation.on),
    ] {
        if let Some(date) = date {
            relation.insert(field.into(), json!(date));
        }
    }
    relation.insert("citations".into(), Value::Array(citations));
    let dataset = json!({"sources": sources, "actors": actors, "relations": [relation]});
    ActorGraph::from_json(&dataset.to_string())
        .unwrap_or_else(|e| panic!("case {:?} does not load: {e}", case.name))
}

/// The library's answer to a check: whether `r` shows (a state among the
/// view's relations, an event among its events) and whether it is
/// contested.
fn library_answer(graph: &ActorGraph, kind: Kind, check: &Check) -> (bool, bool) {
    let certainty = match check.certainty {
        Which::Possibly => Certainty::Possibly,
        Which::Certainly => Certainty::Certainly,
    };
    let mut view = graph.at(day(&check.day)).certainty(certainty);
    if let Some(known_by) = &check.known_by {
        view = view.known_by(day(known_by));
    }
    if let Some(grade) = &check.min_grade {
        view = view.graded_at_least(grade.parse().expect("a valid grade in the table"));
    }
    let found = match kind {
        Kind::State => view.relations().find(|r| r.id() == "r"),
        Kind::Event => view.events().find(|r| r.id() == "r"),
    };
    (found.is_some(), found.is_some_and(|r| r.is_contested()))
}

fn describe(case: &Case, index: usize, check: &Check, shown: bool, contested: bool) -> String {
    format!(
        "{}, check {} (day {}, known by {}, {}): shown {shown}, contested {contested}; \
         the table says shown {}, contested {}",
        case.name,
        index + 1,
        check.day,
        check.known_by.as_deref().unwrap_or("-"),
        match check.certainty {
            Which::Possibly => "possibly",
            Which::Certainly => "certainly",
        },
        check.shown,
        check.contested,
    )
}

#[test]
fn the_table_is_well_formed() {
    let table = table();
    assert!(!table.about.is_empty(), "the table says what it holds");
    assert!(table.cases.len() >= 25, "too few cases");
    let names: BTreeSet<&str> = table.cases.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names.len(), table.cases.len(), "case names must be unique");
    for case in &table.cases {
        assert!(!case.checks.is_empty(), "{}: no checks", case.name);
        assert!(!case.why.is_empty(), "{}: every answer says why", case.name);
        assert!(
            case.checks.iter().all(|c| c.shown || !c.contested),
            "{}: a relation that does not show is not contested either",
            case.name
        );
        assert!(
            case.citations
                .iter()
                .all(|c| case.sources.contains_key(&c.source)),
            "{}: a citation names an unknown source",
            case.name
        );
    }
}

#[test]
fn the_library_gives_the_table_s_answers() {
    let table = table();
    let mut failures = Vec::new();
    for case in &table.cases {
        let graph = graph_of(case);
        for (i, check) in case.checks.iter().enumerate() {
            let (shown, contested) = library_answer(&graph, case.relation.kind, check);
            if (shown, contested) != (check.shown, check.contested) {
                failures.push(describe(case, i, check, shown, contested));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Whether node can run; without it the JavaScript check is skipped with a
/// notice, unless `ACTORGRAPH_REQUIRE_TOOLS` is set, as in CI.
fn has_node() -> bool {
    let found = Command::new("node")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        assert!(
            std::env::var_os("ACTORGRAPH_REQUIRE_TOOLS").is_none(),
            "node is required here (see .ci/run) but missing"
        );
        eprintln!("notice: node missing; the page's rules (rules.js) are not checked");
    }
    found
}

#[test]
fn the_page_s_rules_give_the_table_s_answers() {
    if !has_node() {
        return;
    }
    // Each case's relation as the page receives it: one edge of the HTML
    // export's Cytoscape.js JSON.
    let edges: Map<String, Value> = table()
        .cases
        .iter()
        .map(|case| {
            let graph = graph_of(case);
            let text = export::to_cytoscape(Scope::Whole(&graph), &ExportOptions::default());
            let page: Value = serde_json::from_str(&text).unwrap();
            let edge = page["elements"]["edges"][0]["data"].clone();
            assert_eq!(
                edge["id"], "r",
                "{}: the export holds the relation",
                case.name
            );
            (case.name.clone(), edge)
        })
        .collect();
    let path = Path::new(env!("CARGO_TARGET_TMPDIR")).join("rules_cases_edges.json");
    std::fs::write(&path, Value::Object(edges).to_string()).unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let output = Command::new("node")
        .arg(root.join("tests/tools/rules_check.js"))
        .arg(root.join("src/format/html/rules.js"))
        .arg(root.join("tests/rules_cases.json"))
        .arg(&path)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    println!("{stdout}");
    assert!(
        output.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&output.stderr)
    );
}
