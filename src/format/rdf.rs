//! RDF 1.1 Turtle in the Wikibase statement pattern, for SPARQL stores.

use std::fmt::Write as _;

use crate::base::date::When;

use super::shared::{ExportOptions, Scope, dates, select, wikidata_precision};

/// The namespace of the crate's own vocabulary.
pub const NAMESPACE: &str = "https://w3id.org/actorgraph/ns#";

/// The vocabulary, written at the head of every export so a reader of the
/// file has it too. Statement nodes follow Wikibase: one node per relation
/// carrying its subject, kind, object and dates, a rank, and a
/// `prov:wasDerivedFrom` reference per citation.
const VOCABULARY: &str = "\
# Vocabulary (ag:):
#   ag:Actor, ag:Statement, ag:Reference, ag:Source    classes
#   ag:subject, ag:object          the statement's actors; ag:kind its relation kind (a literal)
#   ag:event                       true for an event (its start is the day it happened)
#   ag:start, ag:end               xsd:date: the first day it possibly held, and the day from
#                                  which it certainly no longer holds (half-open); absent when open
#   ag:startPrecision, ag:endPrecision   Wikidata time precision: 9 year, 10 month, 11 day
#   ag:startWritten, ag:endWritten the dates as the dataset writes them (ranges included)
#   ag:certainStart, ag:certainEnd xsd:date bounds of the days it certainly held
#   ag:rank                        wikibase-style: ag:NormalRank, or ag:Contested when disputed
#   ag:quote, ag:stance, ag:claimedBy, ag:source    on each reference
#   ag:reliability, ag:credibility the reference's Admiralty grade when graded: a letter A-F
#                                  (the claimant actor's, else the source's) and an integer 1-6
#   ag:name, ag:actorKind, ag:alias on actors; dct:title, dct:publisher, dct:date on sources
";

/// The scope as Turtle: actors, sources, and one `ag:Statement` node per
/// relation ([Wikibase pattern]: subject, kind, object, start and end with
/// their precision as Wikidata's codes 9/10/11, a rank that marks contested
/// relations), each citation a reference node (`prov:wasDerivedFrom`) with
/// its source (publisher, title, publication date), verbatim quote and,
/// when graded, `ag:reliability` (a letter `A`–`F`) and `ag:credibility`
/// (an integer 1–6) as [`Evidence::grade`](crate::Evidence::grade) reads them. RDF
/// 1.1, read by rdflib and pyoxigraph alike. A SPARQL query for what held
/// on a day `D` asks for statements with `ag:start <= D` (or none) and
/// `D < ag:end` (or none).
///
/// [Wikibase pattern]: https://www.mediawiki.org/wiki/Wikibase/Indexing/RDF_Dump_Format
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
/// let ttl = export::to_turtle(export::Scope::Whole(&graph), &Default::default());
/// assert!(ttl.contains("a ag:Statement"));
/// # Ok::<(), actorgraph::Error>(())
/// ```
pub fn to_turtle(scope: Scope<'_>, options: &ExportOptions) -> String {
    let graph = scope.graph();
    let selection = select(scope, options);
    let mut out = String::new();
    let _ = writeln!(out, "@prefix ag: <{NAMESPACE}> .");
    out.push_str(
        "@prefix actor: <https://w3id.org/actorgraph/actor/> .\n\
         @prefix stmt: <https://w3id.org/actorgraph/statement/> .\n\
         @prefix source: <https://w3id.org/actorgraph/source/> .\n\
         @prefix prov: <http://www.w3.org/ns/prov#> .\n\
         @prefix dct: <http://purl.org/dc/terms/> .\n\
         @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n\n",
    );
    out.push_str(VOCABULARY);
    out.push('\n');
    for source in graph.sources() {
        let _ = writeln!(out, "source:{} a ag:Source ;", source.id);
        let _ = writeln!(out, "    dct:title {} ;", literal(&source.title));
        if let Some(publisher) = &source.publisher {
            let _ = writeln!(out, "    dct:publisher {} ;", literal(publisher));
        }
        let _ = writeln!(
            out,
            "    ag:published {} ;",
            literal(&source.published.to_string())
        );
        let _ = writeln!(
            out,
            "    dct:date \"{}\"^^xsd:date .",
            source.published.first_day()
        );
    }
    for actor in &selection.actors {
        let record = actor.record();
        let _ = writeln!(out, "actor:{} a ag:Actor ;", record.id);
        let _ = writeln!(
            out,
            "    ag:actorKind {} ;",
            literal(&format!("{:?}", record.kind))
        );
        for alias in &record.aliases {
            let _ = writeln!(out, "    ag:alias {} ;", literal(alias));
        }
        let _ = writeln!(out, "    ag:name {} .", literal(&record.name));
    }
    for relation in &selection.relations {
        let d = dates(relation);
        let id = relation.id();
        let _ = writeln!(out, "\nstmt:{id} a ag:Statement ;");
        let _ = writeln!(out, "    ag:subject actor:{} ;", relation.subject().id);
        let _ = writeln!(out, "    ag:kind \"{}\" ;", relation.kind().name());
        let _ = writeln!(out, "    ag:object actor:{} ;", relation.object().id);
        let _ = writeln!(out, "    ag:event {} ;", relation.is_event());
        let start = d.from.or(d.on);
        date_triples(&mut out, "start", d.holds_from, start);
        date_triples(&mut out, "end", d.holds_until, d.until.or(d.on));
        if let Some(day) = d.certain_from {
            let _ = writeln!(out, "    ag:certainStart \"{day}\"^^xsd:date ;");
        }
        if let Some(day) = d.certain_until {
            let _ = writeln!(out, "    ag:certainEnd \"{day}\"^^xsd:date ;");
        }
        if let Some(note) = relation.note() {
            let _ = writeln!(out, "    ag:note {} ;", literal(note));
        }
        for (n, _) in relation.citations().enumerate() {
            let _ = writeln!(out, "    prov:wasDerivedFrom stmt:{id}_ref{n} ;");
        }
        let rank = if relation.is_contested() {
            "ag:Contested"
        } else {
            "ag:NormalRank"
        };
        let _ = writeln!(out, "    ag:rank {rank} .");
        for (n, evidence) in relation.citations().enumerate() {
            let _ = writeln!(out, "stmt:{id}_ref{n} a ag:Reference ;");
            let _ = writeln!(out, "    ag:source source:{} ;", evidence.source().id);
            let _ = writeln!(out, "    ag:stance \"{:?}\" ;", evidence.stance());
            if let Some(who) = evidence.claimed_by() {
                let _ = writeln!(out, "    ag:claimedBy {} ;", literal(&who.to_string()));
            }
            if let Some(reliability) = evidence.reliability() {
                let _ = writeln!(out, "    ag:reliability \"{reliability}\" ;");
            }
            if let Some(credibility) = evidence.credibility() {
                let _ = writeln!(out, "    ag:credibility {} ;", credibility.digit());
            }
            let _ = writeln!(out, "    ag:quote {} .", literal(evidence.quote()));
        }
    }
    out
}

/// The day, its precision and the date as written, for one bound.
fn date_triples(
    out: &mut String,
    which: &str,
    day: Option<crate::base::date::Date>,
    written: Option<When>,
) {
    let Some(day) = day else { return };
    let _ = writeln!(out, "    ag:{which} \"{day}\"^^xsd:date ;");
    if let Some(written) = written {
        let _ = writeln!(
            out,
            "    ag:{which}Precision {} ;",
            wikidata_precision(written)
        );
        let _ = writeln!(
            out,
            "    ag:{which}Written {} ;",
            literal(&written.to_string())
        );
    }
}

/// A Turtle string literal, quoted long so quotes and line breaks in the
/// data need no care beyond escapes.
fn literal(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
