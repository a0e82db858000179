//! GEXF 1.3 with time, for Gephi's timeline.

use std::fmt::Write as _;

use super::measures::{EDGE_KEYS, NODE_KEYS};
use super::shared::{
    ExportOptions, Scope, dates, escape_xml, grades, precision, quotes, roll_up, select, text,
};

/// Edge attributes declared: (id, title, type).
const EDGE_ATTRIBUTES: &[(&str, &str, &str)] = &[
    ("kind", "kind", "string"),
    ("event", "event", "boolean"),
    ("from", "from", "string"),
    ("until", "until", "string"),
    ("on", "on", "string"),
    ("from_precision", "from precision", "string"),
    ("until_precision", "until precision", "string"),
    ("contested", "contested", "boolean"),
    ("quotes", "quotes", "string"),
    ("grades", "grades", "string"),
    ("best_supporting_grade", "best supporting grade", "string"),
    ("best_disputing_grade", "best disputing grade", "string"),
    ("independent_claimants", "independent claimants", "integer"),
];

/// The scope as dynamic GEXF 1.3 (`mode="dynamic"`, `timeformat="date"`):
/// each relation an edge with its `kind` and a spell over the days it
/// possibly held (partial and ranged dates widened to their first and last
/// possible day, inclusive as Gephi reads them; an open end left out; the
/// written dates and their precision kept as attributes), each event a
/// spell over the day or days it may have happened, and each person's
/// lifetime ending at their recorded death. It validates against the GEXF
/// 1.3 XML Schema.
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
/// let xml = export::to_gexf(export::Scope::Whole(&graph), &Default::default());
/// assert!(xml.contains("<graph mode=\"dynamic\" defaultedgetype=\"directed\" timeformat=\"date\">"));
/// # Ok::<(), actorgraph::Error>(())
/// ```
pub fn to_gexf(scope: Scope<'_>, options: &ExportOptions) -> String {
    let selection = select(scope, options);
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\">\n",
    );
    let description = match scope.day() {
        Some(day) => format!("the actors and relations as of {day}"),
        None => "the actors and their relations over time".to_owned(),
    };
    let _ = writeln!(
        out,
        "  <meta>\n    <creator>actorgraph</creator>\n    <description>{}</description>\n  </meta>",
        escape_xml(&description)
    );
    out.push_str("  <graph mode=\"dynamic\" defaultedgetype=\"directed\" timeformat=\"date\">\n");
    out.push_str("    <attributes class=\"node\" mode=\"static\">\n");
    out.push_str("      <attribute id=\"kind\" title=\"kind\" type=\"string\"/>\n");
    out.push_str("      <attribute id=\"aliases\" title=\"aliases\" type=\"string\"/>\n");
    let measures = super::measures::measures(scope, options);
    let declare = |out: &mut String, keys: &[(&str, &str)]| {
        for (name, kind) in keys.iter().filter(|_| measures.is_some()) {
            // GEXF spells GraphML's `int` out.
            let kind = if *kind == "int" { "integer" } else { kind };
            let _ = writeln!(
                out,
                "      <attribute id=\"{name}\" title=\"{name}\" type=\"{kind}\"/>"
            );
        }
    };
    declare(&mut out, NODE_KEYS);
    out.push_str("    </attributes>\n    <attributes class=\"edge\" mode=\"static\">\n");
    for (id, title, kind) in EDGE_ATTRIBUTES {
        let _ = writeln!(
            out,
            "      <attribute id=\"{id}\" title=\"{title}\" type=\"{kind}\"/>"
        );
    }
    declare(&mut out, EDGE_KEYS);
    out.push_str("    </attributes>\n    <nodes>\n");
    for actor in &selection.actors {
        let record = actor.record();
        let _ = write!(
            out,
            "      <node id=\"{}\" label=\"{}\"",
            escape_xml(record.id.as_str()),
            escape_xml(&record.name)
        );
        // A person's lifetime ends with the last day their death can mean.
        if let Some(died) = record.died.and_then(|d| d.last_day()) {
            let _ = write!(out, " end=\"{died}\"");
        }
        out.push_str(">\n        <attvalues>\n");
        attvalue(&mut out, "kind", &format!("{:?}", record.kind));
        attvalue(&mut out, "aliases", &record.aliases.join("; "));
        for (name, value) in measures.iter().flat_map(|m| m.of_actor(*actor)) {
            attvalue(&mut out, name, &value.to_string());
        }
        out.push_str("        </attvalues>\n      </node>\n");
    }
    out.push_str("    </nodes>\n    <edges>\n");
    for relation in &selection.relations {
        let d = dates(relation);
        let _ = write!(
            out,
            "      <edge id=\"{}\" source=\"{}\" target=\"{}\" kind=\"{}\" label=\"{}\"",
            escape_xml(relation.id()),
            escape_xml(relation.subject().id.as_str()),
            escape_xml(relation.object().id.as_str()),
            relation.kind().name(),
            relation.kind().name()
        );
        out.push_str(">\n");
        if d.holds_from.is_some() || d.holds_last.is_some() {
            out.push_str("        <spells>\n          <spell");
            if let Some(start) = d.holds_from {
                let _ = write!(out, " start=\"{start}\"");
            }
            if let Some(end) = d.holds_last {
                let _ = write!(out, " end=\"{end}\"");
            }
            out.push_str("/>\n        </spells>\n");
        }
        out.push_str("        <attvalues>\n");
        attvalue(&mut out, "kind", relation.kind().name());
        attvalue(&mut out, "event", &relation.is_event().to_string());
        attvalue(&mut out, "from", &text(d.from));
        attvalue(&mut out, "until", &text(d.until));
        attvalue(&mut out, "on", &text(d.on));
        attvalue(&mut out, "from_precision", precision(d.from.or(d.on)));
        attvalue(&mut out, "until_precision", precision(d.until));
        attvalue(&mut out, "contested", &relation.is_contested().to_string());
        let quotes = quotes(relation);
        attvalue(&mut out, "quotes", &quotes.join("\n\n"));
        attvalue(&mut out, "grades", &grades(relation));
        let [supporting, disputing, claimants] = roll_up(relation);
        attvalue(&mut out, "best_supporting_grade", &supporting);
        attvalue(&mut out, "best_disputing_grade", &disputing);
        attvalue(&mut out, "independent_claimants", &claimants);
        for (name, value) in measures.iter().flat_map(|m| m.of_relation(relation)) {
            attvalue(&mut out, name, &value.to_string());
        }
        out.push_str("        </attvalues>\n      </edge>\n");
    }
    out.push_str("    </edges>\n  </graph>\n</gexf>\n");
    out
}

fn attvalue(out: &mut String, key: &str, value: &str) {
    let _ = writeln!(
        out,
        "          <attvalue for=\"{key}\" value=\"{}\"/>",
        escape_xml(value)
    );
}
