//! Prints, as JSON, the library's answers to every query the Python
//! package's tests ask of the embedded dataset, so that the tests compare
//! the binding with the library itself rather than with hand-copied facts.
//!
//! ```text
//! cargo run --example python_reference > target/python-reference.json
//! ```
//!
//! A relation is written `id|holding|contested|citations`; lists of
//! relations keep the library's order.

use std::collections::BTreeMap;
use std::process::ExitCode;

use actorgraph::{
    ActorGraph, Certainty, ChainOptions, Date, Holding, RelationKind, RelationRef, View, algo,
};
use serde_json::{Value, json};

/// The days every per-actor query is asked on.
const DAYS: [&str; 4] = ["2016-06-01", "2024-11-26", "2024-11-30", "2024-12-08"];

/// A relation as the tests compare it.
fn key(r: &RelationRef<'_>) -> String {
    let holding = match r.holding() {
        Some(Holding::Certainly) => "certainly",
        Some(Holding::Possibly) => "possibly",
        _ => "none",
    };
    format!(
        "{}|{holding}|{}|{}",
        r.id(),
        r.is_contested(),
        r.citations().count()
    )
}

fn keys<'g>(found: impl Iterator<Item = RelationRef<'g>>) -> Value {
    json!(found.map(|r| key(&r)).collect::<Vec<_>>())
}

fn day(text: &str) -> Result<Date, actorgraph::Error> {
    Ok(text.parse()?)
}

/// Every per-actor query of one view.
fn per_actor(view: View<'_>, graph: &ActorGraph) -> Result<Value, actorgraph::Error> {
    let mut out = BTreeMap::new();
    for actor in graph.actors() {
        let id = actor.id.as_str();
        out.insert(
            id.to_owned(),
            json!({
                "backers_of": keys(view.backers_of(id)?),
                "backed_by": keys(view.backed_by(id)?),
                "opponents_of": keys(view.opponents_of(id)?),
                "allies_of": keys(view.allies_of(id)?),
                "leaders_of": keys(view.leaders_of(id)?),
                "controllers_of": keys(view.controllers_of(id)?),
                "members_of": keys(view.members_of(id)?),
                "involving": keys(view.involving(id)?),
                "events_of": keys(view.events_of(id)?),
                "formerly_of": keys(view.formerly_of(id)?),
                "either_way_affiliated_with": keys(view.either_way(id, RelationKind::AffiliatedWith)?),
            }),
        );
    }
    Ok(json!(out))
}

/// The views each day is asked through.
fn views<'g>(
    graph: &'g ActorGraph,
    on: Date,
) -> Result<Vec<(&'static str, View<'g>)>, actorgraph::Error> {
    Ok(vec![
        ("possibly", graph.at(on)),
        ("certainly", graph.at(on).certainty(Certainty::Certainly)),
        (
            "known_by_2024-11-28",
            graph.at(on).known_by(day("2024-11-28")?),
        ),
    ])
}

fn reference() -> Result<Value, actorgraph::Error> {
    let graph = ActorGraph::embedded()?;
    let mut views_out = BTreeMap::new();
    for text in DAYS {
        for (mode, view) in views(&graph, day(text)?)? {
            let kinds: BTreeMap<&str, Value> = RelationKind::ALL
                .iter()
                .map(|k| (k.name(), keys(view.of_kind(*k))))
                .collect();
            views_out.insert(
                format!("{text}/{mode}"),
                json!({
                    "relations": keys(view.relations()),
                    "count": view.count(),
                    "events": keys(view.events()),
                    "events_between": keys(view.events_between(day("2024-11-27")?, view.day())),
                    "formerly": keys(view.formerly()),
                    "of_kind": kinds,
                    "actors": per_actor(view, &graph)?,
                    "blocs": algo::blocs(view, &ChainOptions::default())
                        .iter()
                        .map(|b| b.iter().map(|a| a.id.to_string()).collect::<Vec<_>>())
                        .collect::<Vec<_>>(),
                    "camps": algo::camps(view, &actorgraph::CampOptions::default())
                        .iter()
                        .map(|c| json!({
                            "principal": c.principal().id.as_str(),
                            "members": c.members().iter().map(|a| a.id.to_string()).collect::<Vec<_>>(),
                            "backing": c.backing().len(),
                            "fighting": c.fighting().iter().map(key).collect::<Vec<_>>(),
                            "rivals": c.rivals().iter().map(key).collect::<Vec<_>>(),
                        }))
                        .collect::<Vec<_>>(),
                }),
            );
        }
    }
    let view = graph.at(day("2024-11-30")?);
    let mut chains = BTreeMap::new();
    for (from, to) in [
        ("iran", "saa"),
        ("russia", "syrian_government"),
        ("turkey", "sna"),
        ("iran", "syrian_government"),
    ] {
        let found: Vec<String> = algo::chains(view, from, to, &ChainOptions::default())?
            .map(|c| c.to_string())
            .collect();
        chains.insert(format!("{from}->{to}"), found);
    }
    let changes = algo::changes(graph.at(day("2024-11-26")?), day("2024-12-02")?);
    let mut timelines = BTreeMap::new();
    for actor in graph.actors() {
        let entries: Vec<String> = algo::timeline(&graph, actor.id.as_str())?
            .map(|e| {
                let what = match e.event {
                    actorgraph::TimelineEvent::Began(r) => format!("began {}", r.id()),
                    actorgraph::TimelineEvent::Ended(r) => format!("ended {}", r.id()),
                    actorgraph::TimelineEvent::Happened(r) => format!("happened {}", r.id()),
                    actorgraph::TimelineEvent::NameAdopted(n) => format!("name_adopted {n}"),
                    actorgraph::TimelineEvent::NameDropped(n) => format!("name_dropped {n}"),
                    actorgraph::TimelineEvent::Lineage(link) => {
                        match (link.relation(), link.former_name()) {
                            (Some(r), _) => format!("lineage {}", r.id()),
                            (None, Some(f)) => format!("lineage {}", f.name),
                            (None, None) => "lineage".to_owned(),
                        }
                    }
                    _ => "other".to_owned(),
                };
                format!(
                    "{} {what}",
                    e.date.map(|d| d.to_string()).unwrap_or_default()
                )
            })
            .collect();
        timelines.insert(actor.id.to_string(), entries);
    }
    let mut searches = BTreeMap::new();
    let mut resolved = BTreeMap::new();
    for text in [
        "Julani",
        "Jolani",
        "Hezb",
        "Assad regime",
        "Northern Storm",
        "HTS",
        "Ankara",
        "nusra",
        "SAA",
        "Tahrir",
    ] {
        let found: Vec<String> = graph
            .search(text)
            .take(10)
            .map(|c| format!("{}|{}", c.actor().id.as_str(), c.matched()))
            .collect();
        searches.insert(text, found);
        resolved.insert(
            text,
            match graph.resolve(text) {
                Ok(a) => json!({"id": a.id.as_str()}),
                Err(e) => json!({
                    "error": format!("{:?}", e.kind()),
                    "candidates": e.candidates().iter().map(|c| c.id.clone()).collect::<Vec<_>>(),
                }),
            },
        );
    }
    let lint = algo::lint(&graph);
    Ok(json!({
        "relation_count": graph.relation_count(),
        "actor_count": graph.actor_count(),
        "source_count": graph.sources().len(),
        "all_relations": keys(graph.relations()),
        "displays": graph
            .at(day("2024-11-30")?)
            .relations()
            .chain(graph.at(day("2024-11-30")?).events())
            .map(|r| r.to_string())
            .collect::<Vec<_>>(),
        "views": views_out,
        "chains": chains,
        "changes_2024-11-26_2024-12-02": {
            "began": changes.began.iter().map(key).collect::<Vec<_>>(),
            "ended": changes.ended.iter().map(key).collect::<Vec<_>>(),
            "events": changes.events.iter().map(key).collect::<Vec<_>>(),
            "hand_overs": changes.hand_overs.iter().map(|h| h.place.id.to_string()).collect::<Vec<_>>(),
        },
        "timelines": timelines,
        "search": searches,
        "resolve": resolved,
        "lint": {
            "warnings": lint.warnings().map(|f| f.to_string()).collect::<Vec<_>>(),
            "acknowledged": lint.acknowledged().count(),
        },
    }))
}

fn main() -> ExitCode {
    match reference() {
        Ok(value) => {
            println!("{value}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
