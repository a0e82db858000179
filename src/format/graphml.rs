//! GraphML, for networkx, igraph, yEd and Gephi.

use std::fmt::Write as _;

use super::measures::{EDGE_KEYS, NODE_KEYS};
use super::shared::{
    ExportOptions, Scope, dates, escape_xml, grades, precision, quotes, roll_up, select, text,
};

/// Keys GraphML declares: (id, for, name, type).
const KEYS: &[(&str, &str, &str, &str)] = &[
    ("n_name", "node", "name", "string"),
    ("n_kind", "node", "kind", "string"),
    ("n_aliases", "node", "aliases", "string"),
    ("n_died", "node", "died", "string"),
    ("e_id", "edge", "id", "string"),
    ("e_kind", "edge", "kind", "string"),
    ("e_event", "edge", "event", "boolean"),
    ("e_from", "edge", "from", "string"),
    ("e_until", "edge", "until", "string"),
    ("e_on", "edge", "on", "string"),
    ("e_from_precision", "edge", "from_precision", "string"),
    ("e_until_precision", "edge", "until_precision", "string"),
    ("e_holds_from", "edge", "holds_from", "string"),
    ("e_holds_until", "edge", "holds_until", "string"),
    ("e_certain_from", "edge", "certain_from", "string"),
    ("e_certain_until", "edge", "certain_until", "string"),
    ("e_contested", "edge", "contested", "boolean"),
    ("e_citations", "edge", "citations", "int"),
    ("e_quotes", "edge", "quotes", "string"),
    ("e_grades", "edge", "grades", "string"),
    (
        "e_best_supporting_grade",
        "edge",
        "best_supporting_grade",
        "string",
    ),
    (
        "e_best_disputing_grade",
        "edge",
        "best_disputing_grade",
        "string",
    ),
    (
        "e_independent_claimants",
        "edge",
        "independent_claimants",
        "int",
    ),
];

/// The scope as GraphML: typed keys declared (`attr.type`), dates as ISO
/// strings with a precision key, every relation its own edge (parallel
/// relations kept, so readers make a multigraph), quotes joined by blank
/// lines in one key, their grades (`B2` or `ungraded`, in the quotes'
/// order) in `grades`, and the roll-up: `best_supporting_grade`,
/// `best_disputing_grade` (empty when none is graded) and
/// `independent_claimants`.
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
/// let xml = export::to_graphml(export::Scope::View(graph.at("2024-11-30".parse()?)), &Default::default());
/// assert!(xml.contains("<key id=\"e_holds_from\" for=\"edge\" attr.name=\"holds_from\" attr.type=\"string\"/>"));
/// # Ok::<(), actorgraph::Error>(())
/// ```
pub fn to_graphml(scope: Scope<'_>, options: &ExportOptions) -> String {
    let selection = select(scope, options);
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n",
    );
    for (id, scope_for, name, kind) in KEYS {
        let _ = writeln!(
            out,
            "  <key id=\"{id}\" for=\"{scope_for}\" attr.name=\"{name}\" attr.type=\"{kind}\"/>"
        );
    }
    let measures = super::measures::measures(scope, options);
    if measures.is_some() {
        let keys = [("n", "node", NODE_KEYS), ("e", "edge", EDGE_KEYS)];
        for (prefix, scope_for, keys) in keys {
            for (name, kind) in keys {
                let _ = writeln!(
                    out,
                    "  <key id=\"{prefix}_{name}\" for=\"{scope_for}\" attr.name=\"{name}\" attr.type=\"{kind}\"/>"
                );
            }
        }
    }
    let _ = writeln!(out, "  <graph id=\"actorgraph\" edgedefault=\"directed\">");
    for actor in &selection.actors {
        let record = actor.record();
        let _ = writeln!(out, "    <node id=\"{}\">", escape_xml(record.id.as_str()));
        data(&mut out, "n_name", &record.name);
        data(&mut out, "n_kind", &format!("{:?}", record.kind));
        data(&mut out, "n_aliases", &record.aliases.join("; "));
        data(&mut out, "n_died", &text(record.died));
        for (name, value) in measures.iter().flat_map(|m| m.of_actor(*actor)) {
            data(&mut out, &format!("n_{name}"), &value.to_string());
        }
        out.push_str("    </node>\n");
    }
    for relation in &selection.relations {
        let d = dates(relation);
        let _ = writeln!(
            out,
            "    <edge id=\"{}\" source=\"{}\" target=\"{}\">",
            escape_xml(relation.id()),
            escape_xml(relation.subject().id.as_str()),
            escape_xml(relation.object().id.as_str())
        );
        data(&mut out, "e_id", relation.id());
        data(&mut out, "e_kind", relation.kind().name());
        data(&mut out, "e_event", &relation.is_event().to_string());
        data(&mut out, "e_from", &text(d.from));
        data(&mut out, "e_until", &text(d.until));
        data(&mut out, "e_on", &text(d.on));
        data(&mut out, "e_from_precision", precision(d.from.or(d.on)));
        data(&mut out, "e_until_precision", precision(d.until));
        data(&mut out, "e_holds_from", &text(d.holds_from));
        data(&mut out, "e_holds_until", &text(d.holds_until));
        data(&mut out, "e_certain_from", &text(d.certain_from));
        data(&mut out, "e_certain_until", &text(d.certain_until));
        data(
            &mut out,
            "e_contested",
            &relation.is_contested().to_string(),
        );
        let quotes = quotes(relation);
        data(&mut out, "e_citations", &quotes.len().to_string());
        data(&mut out, "e_quotes", &quotes.join("\n\n"));
        data(&mut out, "e_grades", &grades(relation));
        let [supporting, disputing, claimants] = roll_up(relation);
        data(&mut out, "e_best_supporting_grade", &supporting);
        data(&mut out, "e_best_disputing_grade", &disputing);
        data(&mut out, "e_independent_claimants", &claimants);
        for (name, value) in measures.iter().flat_map(|m| m.of_relation(relation)) {
            data(&mut out, &format!("e_{name}"), &value.to_string());
        }
        out.push_str("    </edge>\n");
    }
    out.push_str("  </graph>\n</graphml>\n");
    out
}

fn data(out: &mut String, key: &str, value: &str) {
    let _ = writeln!(
        out,
        "      <data key=\"{key}\">{}</data>",
        escape_xml(value)
    );
}
