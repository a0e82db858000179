//! CSV tables for spreadsheets, DuckDB, and Neo4j's bulk import.

use crate::base::error::Error;

use super::shared::{ExportOptions, Scope, dates, precision, select, text};

/// The four tables of a CSV export, by file name.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CsvTables {
    /// `actors.csv`: `id:ID(Actor)`, name, kind, aliases, died, `:LABEL`.
    pub actors: String,
    /// `relations.csv`: `:START_ID(Actor)`, `:END_ID(Actor)`, `:TYPE`, id,
    /// the dates as written, the days as typed `:date` columns (empty for an
    /// open end), `contested:boolean`.
    pub relations: String,
    /// `citations.csv`: relation, source, quote, stance, claimant.
    pub citations: String,
    /// `sources.csv`: `id:ID(Source)`, title, publisher, published, and
    /// the first and last day it can have appeared.
    pub sources: String,
}

impl CsvTables {
    /// Each table with the file name it is written under.
    pub fn files(&self) -> [(&'static str, &str); 4] {
        [
            ("actors.csv", &self.actors),
            ("relations.csv", &self.relations),
            ("citations.csv", &self.citations),
            ("sources.csv", &self.sources),
        ]
    }
}

/// The scope as CSV tables whose headers follow Neo4j's import convention
/// (`:ID(Actor)`, `:START_ID(Actor)`, `:END_ID(Actor)`, `:TYPE`, typed
/// columns such as `holds_from:date`), so the same files load into
/// `neo4j-admin import` and, header names aside, into DuckDB or a
/// spreadsheet. Empty cells mean open ends. Citations carry their grade
/// (`reliability`, `credibility:int`, and `grade` as `B2` or `ungraded`:
/// see [`Evidence::grade`](crate::Evidence::grade)); sources their `reliability`.
///
/// # Errors
///
/// A [`Serialize`](crate::ErrorKind::Serialize) error if a table cannot be written, which strings do not
/// provoke.
///
/// # Example
///
/// ```
/// use actorgraph::{ActorGraph, export};
///
/// let graph = ActorGraph::embedded()?;
/// let tables = export::to_csv(export::Scope::Whole(&graph), &Default::default())?;
/// assert!(tables.relations.starts_with(":START_ID(Actor),:END_ID(Actor),:TYPE,id,"));
/// # Ok::<(), actorgraph::Error>(())
/// ```
pub fn to_csv(scope: Scope<'_>, options: &ExportOptions) -> Result<CsvTables, Error> {
    let graph = scope.graph();
    let selection = select(scope, options);
    // The columns after `:LABEL` carry what a spreadsheet rarely wants
    // but an import back needs for an equal graph: lists as JSON.
    let mut actors = table(&[
        "id:ID(Actor)",
        "name",
        "kind",
        "aliases",
        "died",
        ":LABEL",
        "former_names",
        "note",
        "reliability",
    ]);
    for actor in &selection.actors {
        let r = actor.record();
        let kind = format!("{:?}", r.kind);
        actors
            .write_record([
                r.id.as_str(),
                &r.name,
                &kind,
                &r.aliases.join(";"),
                &text(r.died),
                "Actor",
                &json_list(&r.former_names)?,
                r.note.as_deref().unwrap_or(""),
                &text(r.reliability),
            ])
            .map_err(failed)?;
    }
    let mut relations = table(&[
        ":START_ID(Actor)",
        ":END_ID(Actor)",
        ":TYPE",
        "id",
        "event:boolean",
        "from",
        "until",
        "on",
        "from_precision",
        "until_precision",
        "holds_from:date",
        "holds_until:date",
        "certain_from:date",
        "certain_until:date",
        "contested:boolean",
        "claimed_by",
        "note",
        "claimant_kind",
        "acknowledged",
    ]);
    let mut citations = table(&[
        "relation",
        "source",
        "quote",
        "stance",
        "claimed_by",
        "superseded:boolean",
        "reliability",
        "credibility:int",
        "grade",
        "claimant_kind",
        "acknowledged",
    ]);
    for r in &selection.relations {
        let d = dates(r);
        let record = [
            r.subject().id.as_str().to_owned(),
            r.object().id.as_str().to_owned(),
            r.kind().name().to_uppercase(),
            r.id().to_owned(),
            r.is_event().to_string(),
            text(d.from),
            text(d.until),
            text(d.on),
            precision(d.from.or(d.on)).to_owned(),
            precision(d.until).to_owned(),
            text(d.holds_from),
            text(d.holds_until),
            text(d.certain_from),
            text(d.certain_until),
            r.is_contested().to_string(),
            text(r.claimed_by()),
            text(r.note()),
            claimant_kind(r.claimed_by()).to_owned(),
            json_list(r.acknowledged())?,
        ];
        relations.write_record(&record).map_err(failed)?;
        for e in r.citations() {
            let stance = format!("{:?}", e.stance());
            citations
                .write_record([
                    r.id(),
                    e.source().id.as_str(),
                    e.quote(),
                    &stance,
                    &text(e.claimed_by()),
                    &e.is_superseded().to_string(),
                    &text(e.reliability()),
                    &text(e.credibility()),
                    &crate::base::grade::Grade::label(e.grade()),
                    claimant_kind(e.claimed_by()),
                    &json_list(e.acknowledged())?,
                ])
                .map_err(failed)?;
        }
    }
    let mut sources = table(&[
        "id:ID(Source)",
        "title",
        "publisher",
        "published",
        "published_first:date",
        "published_last:date",
        "reliability",
        ":LABEL",
        "url",
        "file",
        "approximate:boolean",
    ]);
    for s in graph.sources() {
        sources
            .write_record([
                s.id.as_str(),
                &s.title,
                s.publisher.as_deref().unwrap_or(""),
                &s.published.to_string(),
                &s.published.first_day().to_string(),
                &text(s.published.last_day()),
                &text(s.reliability),
                "Source",
                s.url.as_deref().unwrap_or(""),
                s.file.as_deref().unwrap_or(""),
                &s.approximate.to_string(),
            ])
            .map_err(failed)?;
    }
    Ok(CsvTables {
        actors: finish(actors)?,
        relations: finish(relations)?,
        citations: finish(citations)?,
        sources: finish(sources)?,
    })
}

/// Whether a claimant is an actor of the graph or someone else, so that
/// an import reads the name back as the same sort of claimant.
fn claimant_kind(claimant: Option<&crate::base::model::Claimant>) -> &'static str {
    match claimant {
        Some(crate::base::model::Claimant::Actor(_)) => "actor",
        Some(crate::base::model::Claimant::Other(_)) => "other",
        None => "",
    }
}

/// A list as a JSON array in one cell; an empty list as an empty cell.
fn json_list<T: serde::Serialize>(items: &[T]) -> Result<String, Error> {
    if items.is_empty() {
        return Ok(String::new());
    }
    serde_json::to_string(items).map_err(|e| Error::serialize("csv", e))
}

fn table(header: &[&str]) -> csv::Writer<Vec<u8>> {
    let mut writer = csv::WriterBuilder::new()
        .quote_style(csv::QuoteStyle::Necessary)
        .from_writer(Vec::new());
    // Writing to memory cannot fail; an error would surface at `finish`.
    let _ = writer.write_record(header);
    writer
}

fn finish(writer: csv::Writer<Vec<u8>>) -> Result<String, Error> {
    let bytes = writer
        .into_inner()
        .map_err(|e| Error::serialize("csv", e.into_error()))?;
    String::from_utf8(bytes).map_err(|e| Error::serialize("csv", e))
}

fn failed(e: csv::Error) -> Error {
    Error::serialize("csv", e)
}
