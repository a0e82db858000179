//! The JSON graph formats: networkx's node-link data and Cytoscape.js
//! elements, with each relation's dates, evidence and (on request) the
//! signed-analysis measures.

use serde_json::{Map, Value, json};

use crate::view::{ActorRef, RelationRef};

use super::json::pretty;
use super::shared::{ExportOptions, Scope, dates, precision, select, text};

/// The attributes every JSON graph format gives an actor.
fn actor_data(actor: ActorRef<'_>) -> Map<String, Value> {
    let record = actor.record();
    let mut data = Map::new();
    data.insert("id".into(), json!(record.id.as_str()));
    data.insert("name".into(), json!(record.name));
    data.insert("kind".into(), json!(format!("{:?}", record.kind)));
    data.insert("aliases".into(), json!(record.aliases));
    let former: Vec<Value> = record
        .former_names
        .iter()
        .map(|f| json!({"name": f.name, "from": text(f.from), "until": text(f.until)}))
        .collect();
    data.insert("former_names".into(), Value::Array(former));
    data.insert("died".into(), json!(text(record.died)));
    data.insert("note".into(), json!(text(record.note.as_deref())));
    data
}

/// The attributes every JSON graph format gives a relation: kind, dates as
/// written and as days, the contested flag, and the evidence.
fn relation_data(relation: &RelationRef<'_>) -> Map<String, Value> {
    let d = dates(relation);
    let citations: Vec<Value> = relation
        .citations()
        .map(|e| {
            let published = e.source().published;
            // The claimant rule compares citations of one voice.
            let voice = e.voice_label();
            json!({
                "source": e.source().id.as_str(),
                "published": published.to_string(),
                "published_first": published.first_day().to_string(),
                "published_last": text(published.last_day()),
                "voice": voice,
                "title": e.source().title,
                "quote": e.quote(),
                "stance": format!("{:?}", e.stance()),
                "claimed_by": text(e.claimed_by()),
                "superseded": e.is_superseded(),
                // The grade the citation carries (a graded actor
                // claimant's reliability, else its source's), or null.
                "reliability": e.reliability().map(|r| r.to_string()),
                "credibility": e.credibility().map(|c| c.digit()),
                "grade": crate::base::grade::Grade::label(e.grade()),
            })
        })
        .collect();
    let mut data = Map::new();
    data.insert("id".into(), json!(relation.id()));
    data.insert("kind".into(), json!(relation.kind().name()));
    data.insert("event".into(), json!(relation.is_event()));
    data.insert("from".into(), json!(text(d.from)));
    data.insert("until".into(), json!(text(d.until)));
    data.insert("on".into(), json!(text(d.on)));
    data.insert("from_precision".into(), json!(precision(d.from.or(d.on))));
    data.insert("until_precision".into(), json!(precision(d.until)));
    data.insert("holds_from".into(), json!(text(d.holds_from)));
    data.insert("holds_until".into(), json!(text(d.holds_until)));
    data.insert("certain_from".into(), json!(text(d.certain_from)));
    data.insert("certain_until".into(), json!(text(d.certain_until)));
    data.insert("contested".into(), json!(relation.is_contested()));
    data.insert("claimed_by".into(), json!(text(relation.claimed_by())));
    data.insert("note".into(), json!(text(relation.note())));
    data.insert("citations".into(), Value::Array(citations));
    data
}

/// A relation's attributes with its ends, as both graph formats name them.
fn edge_data(relation: &RelationRef<'_>) -> Map<String, Value> {
    let mut data = relation_data(relation);
    data.insert("source".into(), json!(relation.subject().id.as_str()));
    data.insert("target".into(), json!(relation.object().id.as_str()));
    data
}

fn graph_data(scope: Scope<'_>) -> Value {
    json!({
        "name": "actorgraph",
        "as_of": text(scope.day()),
        "dates": "half-open: a state possibly holds on day d when holds_from <= d < holds_until (empty = open), certainly when certain_from <= d < certain_until",
    })
}

/// The scope as networkx's node-link JSON, read by
/// `networkx.node_link_graph(data, edges="edges")` (a directed multigraph,
/// each relation an edge keyed by its id) and by D3.
///
/// # Complexity
///
/// O(A + R + C) for the actors, relations and citations written.
///
/// # Example
///
/// ```
/// use actorgraph::{ActorGraph, export};
///
/// let graph = ActorGraph::embedded()?;
/// let text = export::to_node_link(export::Scope::Whole(&graph), &Default::default());
/// assert!(text.contains("\"edges\""));
/// # Ok::<(), actorgraph::Error>(())
/// ```
pub fn to_node_link(scope: Scope<'_>, options: &ExportOptions) -> String {
    let selection = select(scope, options);
    let measures = super::measures::measures(scope, options);
    let nodes: Vec<Value> = selection
        .actors
        .iter()
        .map(|a| Value::Object(with_actor_measures(actor_data(*a), *a, measures.as_ref())))
        .collect();
    let edges: Vec<Value> = selection
        .relations
        .iter()
        .map(|r| {
            let mut data = with_relation_measures(edge_data(r), r, measures.as_ref());
            data.insert("key".into(), json!(r.id()));
            Value::Object(data)
        })
        .collect();
    let document = json!({
        "directed": true,
        "multigraph": true,
        "graph": graph_data(scope),
        "nodes": nodes,
        "edges": edges,
    });
    pretty(&document)
}

/// The scope as Cytoscape.js JSON (`elements.nodes`, `elements.edges`,
/// each with its `data`), which Cytoscape desktop imports too.
///
/// # Complexity
///
/// O(A + R + C) for the actors, relations and citations written.
pub fn to_cytoscape(scope: Scope<'_>, options: &ExportOptions) -> String {
    let selection = select(scope, options);
    let measures = super::measures::measures(scope, options);
    let nodes: Vec<Value> = selection
        .actors
        .iter()
        .map(|a| json!({"data": Value::Object(with_actor_measures(actor_data(*a), *a, measures.as_ref()))}))
        .collect();
    let edges: Vec<Value> = selection
        .relations
        .iter()
        .map(|r| json!({"data": Value::Object(with_relation_measures(edge_data(r), r, measures.as_ref()))}))
        .collect();
    let document = json!({
        "data": graph_data(scope),
        "elements": {"nodes": nodes, "edges": edges},
    });
    pretty(&document)
}

/// A measure as a JSON value.
fn measure_value(value: &super::measures::Value) -> Value {
    use super::measures::Value as M;
    match value {
        M::Int(n) => json!(n),
        M::Real(x) => json!(x),
        M::Text(t) => json!(t),
        M::Flag(b) => json!(b),
    }
}

fn with_actor_measures(
    mut data: Map<String, Value>,
    actor: ActorRef<'_>,
    measures: Option<&super::measures::Measures>,
) -> Map<String, Value> {
    for (name, value) in measures.iter().flat_map(|m| m.of_actor(actor)) {
        data.insert((*name).into(), measure_value(value));
    }
    data
}

fn with_relation_measures(
    mut data: Map<String, Value>,
    relation: &RelationRef<'_>,
    measures: Option<&super::measures::Measures>,
) -> Map<String, Value> {
    for (name, value) in measures.iter().flat_map(|m| m.of_relation(relation)) {
        data.insert((*name).into(), measure_value(value));
    }
    data
}
