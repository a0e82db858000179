//! The table importer: any CSV or TSV, read by a [`Mapping`].

use std::path::{Path, PathBuf};

use crate::base::date::When;
use crate::base::grade::{Credibility, Reliability};
use crate::base::id::{ActorId, RelationId, SourceId};
use crate::base::kind::{ActorKind, RelationKind};
use crate::base::model::{
    Acknowledgement, Actor, Citation, Claimant, FormerName, Relation, Source, Stance,
};

use super::batch::{Batch, Incoming};
use super::mapping::{
    ActorColumns, ActorsBy, CitationColumns, DateColumn, KindFrom, Mapping, RelationColumns, Rows,
    SourceColumns, TableMapping,
};
use super::rows::{Row, RowFault};
use super::{Outcome, RowReader, supporting};

pub(crate) struct Table {
    mapping: Mapping,
    version: Option<String>,
    /// The table the file being read follows.
    current: Option<TableMapping>,
    path: PathBuf,
    /// Columns the current table reads.
    columns: Vec<String>,
}

impl Table {
    pub(crate) fn new(mapping: Mapping, version: Option<String>) -> Table {
        Table {
            mapping,
            version,
            current: None,
            path: PathBuf::new(),
            columns: Vec::new(),
        }
    }

    /// The delimiter the mapping sets for a file, if any.
    pub(crate) fn delimiter_for(mapping: &Mapping, path: &Path) -> Option<u8> {
        mapping
            .table_for(path)
            .and_then(|t| t.delimiter)
            .and_then(|c| u8::try_from(c as u32).ok())
    }
}

/// The columns a table's header must have: every one the mapping names,
/// so that a misspelt header is an error rather than an empty field.
fn required(rows: &Rows) -> Vec<String> {
    let date = |d: &Option<DateColumn>| d.as_ref().map(|d| d.column.clone());
    let mut v: Vec<String> = match rows {
        Rows::Relations(c) => {
            let mut v = vec![c.subject.clone(), c.object.clone()];
            if let KindFrom::Column(k) = &c.kind {
                v.push(k.clone());
            }
            for column in [
                &c.id,
                &c.quote,
                &c.source,
                &c.source_title,
                &c.publisher,
                &c.url,
                &c.claimant,
                &c.claimant_kind,
                &c.note,
                &c.acknowledged,
            ] {
                v.extend(column.clone());
            }
            for d in [&c.from, &c.until, &c.on, &c.published] {
                v.extend(date(d));
            }
            v
        }
        Rows::Citations(c) => {
            let mut v = vec![c.relation.clone(), c.source.clone(), c.quote.clone()];
            for column in [
                &c.stance,
                &c.claimant,
                &c.claimant_kind,
                &c.credibility,
                &c.acknowledged,
            ] {
                v.extend(column.clone());
            }
            v
        }
        Rows::Actors(c) => {
            let mut v = vec![c.id.clone(), c.name.clone()];
            for column in [
                &c.kind,
                &c.aliases,
                &c.former_names,
                &c.note,
                &c.reliability,
            ] {
                v.extend(column.clone());
            }
            v.extend(date(&c.died));
            v
        }
        Rows::Sources(c) => {
            let mut v = vec![c.id.clone(), c.title.clone(), c.published.column.clone()];
            for column in [
                &c.publisher,
                &c.approximate,
                &c.url,
                &c.file,
                &c.reliability,
            ] {
                v.extend(column.clone());
            }
            v
        }
    };
    v.dedup();
    v
}

fn date(row: &Row<'_>, column: &Option<DateColumn>) -> Result<Option<When>, RowFault> {
    let Some(column) = column else {
        return Ok(None);
    };
    match row.get(&column.column) {
        None => Ok(None),
        Some(cell) => column
            .format
            .read(cell)
            .map(Some)
            .map_err(|e| row.fault(&column.column, e)),
    }
}

fn cell<'a>(row: &Row<'a>, column: &Option<String>) -> Option<&'a str> {
    column.as_deref().and_then(|c| row.get(c))
}

fn json<T: serde::de::DeserializeOwned>(
    row: &Row<'_>,
    column: &Option<String>,
    what: &str,
) -> Result<Vec<T>, RowFault> {
    match cell(row, column) {
        None => Ok(Vec::new()),
        Some(text) => serde_json::from_str(text).map_err(|e| {
            row.fault(
                column.as_deref().unwrap_or(""),
                format!("not a JSON list of {what}: {e}"),
            )
        }),
    }
}

fn actor_kind(text: &str) -> Option<ActorKind> {
    let wanted: String = text.chars().filter(|c| c.is_alphanumeric()).collect();
    ActorKind::ALL.into_iter().find(|k| {
        format!("{k:?}").eq_ignore_ascii_case(&wanted)
            || k.label().replace(' ', "").eq_ignore_ascii_case(&wanted)
    })
}

fn claimant(
    row: &Row<'_>,
    batch: &Batch<'_>,
    column: &Option<String>,
    kind_column: &Option<String>,
) -> Result<Option<Claimant>, RowFault> {
    let Some(who) = cell(row, column) else {
        return Ok(None);
    };
    let as_actor = || ActorId::new(who).ok().filter(|id| batch.has_actor(id));
    Ok(Some(match cell(row, kind_column) {
        Some("actor") => Claimant::Actor(as_actor().ok_or_else(|| {
            row.fault(
                column.as_deref().unwrap_or(""),
                format!("{who:?} is no actor of the graph or the import"),
            )
        })?),
        Some("other") => Claimant::Other(who.to_owned()),
        Some(k) => {
            return Err(row.fault(
                kind_column.as_deref().unwrap_or(""),
                format!("{k:?} is neither actor nor other"),
            ));
        }
        None => as_actor().map_or_else(|| Claimant::Other(who.to_owned()), Claimant::Actor),
    }))
}

fn reliability(row: &Row<'_>, column: &Option<String>) -> Result<Option<Reliability>, RowFault> {
    match cell(row, column) {
        None => Ok(None),
        Some(text) => text
            .parse()
            .map(Some)
            .map_err(|e: crate::base::error::Error| {
                row.fault(column.as_deref().unwrap_or(""), e.to_string())
            }),
    }
}

impl Table {
    fn relation(
        &self,
        c: &RelationColumns,
        row: &Row<'_>,
        batch: &mut Batch<'_>,
    ) -> Result<(), RowFault> {
        let kind = match &c.kind {
            KindFrom::Constant(k) => *k,
            KindFrom::Column(column) => {
                let word = row.required(column)?;
                let lower = word.to_lowercase();
                c.kinds
                    .iter()
                    .find(|(w, _)| w.to_lowercase() == lower)
                    .map(|(_, k)| *k)
                    .or_else(|| word.parse::<RelationKind>().ok())
                    .ok_or_else(|| {
                        row.fault(
                            column,
                            format!("{word:?} is no kind the mapping knows, nor a kind name"),
                        )
                    })?
            }
        };
        let end = |batch: &mut Batch<'_>, column: &str| -> Result<ActorId, RowFault> {
            let text = row.required(column)?;
            match c.actors {
                ActorsBy::Ids => {
                    let id = ActorId::new(text).map_err(|e| row.fault(column, e.to_string()))?;
                    if batch.has_actor(&id) {
                        Ok(id)
                    } else {
                        Err(row.fault(
                            column,
                            format!("{text:?} is no actor of the graph or the import"),
                        ))
                    }
                }
                ActorsBy::Names => {
                    let mut actor = Incoming::named(text, c.new_actor_kind);
                    actor.note = Some(format!(
                        "named in {}, line {}",
                        self.path.display(),
                        row.line
                    ));
                    batch.actor(actor)
                }
            }
        };
        let subject = end(batch, &c.subject)?;
        let object = end(batch, &c.object)?;
        let id = match cell(row, &c.id) {
            Some(text) => {
                let id = RelationId::new(text)
                    .map_err(|e| row.fault(c.id.as_deref().unwrap_or(""), e.to_string()))?;
                if batch.has_relation(id.as_str()) {
                    return Err(row.fault(
                        c.id.as_deref().unwrap_or(""),
                        format!("the relation {text} is given twice"),
                    ));
                }
                id
            }
            None => {
                let stem = self
                    .path
                    .file_stem()
                    .and_then(|s| s.to_str())
                    .unwrap_or("table");
                batch.relation_id(&format!("{stem}_{}", row.line))
            }
        };
        let claimed_by = claimant(row, batch, &c.claimant, &c.claimant_kind)?;
        let mut citations = Vec::new();
        if let Some(quote) = cell(row, &c.quote) {
            let source = match cell(row, &c.source) {
                Some(text) => {
                    let id = SourceId::new(text)
                        .map_err(|e| row.fault(c.source.as_deref().unwrap_or(""), e.to_string()))?;
                    if !batch.has_source(&id) {
                        return Err(row.fault(
                            c.source.as_deref().unwrap_or(""),
                            format!("{text:?} is no source of the graph or the import"),
                        ));
                    }
                    id
                }
                None => {
                    let title = cell(row, &c.source_title).ok_or_else(|| {
                        RowFault::row(
                            "the row has a quote but neither a source id nor a source title",
                        )
                    })?;
                    let published = date(row, &c.published)?.ok_or_else(|| {
                        RowFault::row("the row describes its source but not when it was published")
                    })?;
                    let publisher = cell(row, &c.publisher).map(str::to_owned);
                    let url = cell(row, &c.url).map(str::to_owned);
                    let key = format!(
                        "src {title} {} {published} {}",
                        publisher.as_deref().unwrap_or(""),
                        url.as_deref().unwrap_or("")
                    );
                    let id = batch.source_id(&format!("src_{:016x}", fxhash(&key)));
                    batch.source(Source {
                        id,
                        publisher,
                        title: title.to_owned(),
                        published,
                        approximate: false,
                        url,
                        file: None,
                        reliability: None,
                    })
                }
            };
            citations.push(supporting(source, quote.to_owned()));
        } else if c.quote.is_some() {
            return Err(row.fault(c.quote.as_deref().unwrap_or(""), "the quote cell is empty"));
        }
        let (from, until, on) = (date(row, &c.from)?, date(row, &c.until)?, date(row, &c.on)?);
        if kind.is_event() && on.is_none() {
            let column = c.on.as_ref().map_or("on", |d| d.column.as_str());
            return Err(row.fault(
                column,
                format!("{} is an event and needs its date", kind.name()),
            ));
        }
        let mut note = cell(row, &c.note).map(str::to_owned);
        if let Some(v) = &self.version
            && note.is_none()
        {
            note = Some(format!(
                "imported from {} ({v}), line {}",
                self.path.display(),
                row.line
            ));
        }
        batch.relation(Relation {
            id,
            kind,
            subject,
            object,
            from: if kind.is_event() { None } else { from },
            until: if kind.is_event() { None } else { until },
            on: if kind.is_event() { on } else { None },
            citations,
            claimed_by,
            note,
            acknowledged: json::<Acknowledgement>(row, &c.acknowledged, "acknowledgements")?,
        })?;
        Ok(())
    }

    fn citation(
        &self,
        c: &CitationColumns,
        row: &Row<'_>,
        batch: &mut Batch<'_>,
    ) -> Result<(), RowFault> {
        let relation = row.required(&c.relation)?;
        let source = row.required(&c.source)?;
        let source = SourceId::new(source).map_err(|e| row.fault(&c.source, e.to_string()))?;
        if !batch.has_source(&source) {
            return Err(row.fault(
                &c.source,
                format!("{source} is no source of the graph or the import"),
            ));
        }
        let quote = row.required(&c.quote)?;
        let stance = match cell(row, &c.stance) {
            None => Stance::Supports,
            Some(s) if s.eq_ignore_ascii_case("supports") => Stance::Supports,
            Some(s) if s.eq_ignore_ascii_case("disputes") => Stance::Disputes,
            Some(s) => {
                return Err(row.fault(
                    c.stance.as_deref().unwrap_or(""),
                    format!("{s:?} is neither Supports nor Disputes"),
                ));
            }
        };
        let credibility =
            match cell(row, &c.credibility) {
                None => None,
                Some(text) => Some(text.parse::<Credibility>().map_err(|e| {
                    row.fault(c.credibility.as_deref().unwrap_or(""), e.to_string())
                })?),
            };
        let citation = Citation {
            source,
            quote: quote.to_owned(),
            stance,
            claimed_by: claimant(row, batch, &c.claimant, &c.claimant_kind)?,
            credibility,
            acknowledged: json::<Acknowledgement>(row, &c.acknowledged, "acknowledgements")?,
        };
        if batch.cite(relation, citation) {
            Ok(())
        } else {
            Err(row.fault(
                &c.relation,
                format!("{relation:?} is no relation read by this import"),
            ))
        }
    }

    fn actor(
        &self,
        c: &ActorColumns,
        row: &Row<'_>,
        batch: &mut Batch<'_>,
    ) -> Result<(), RowFault> {
        let text = row.required(&c.id)?;
        let id = ActorId::new(text).map_err(|e| row.fault(&c.id, e.to_string()))?;
        let kind = match cell(row, &c.kind) {
            None => c.new_actor_kind,
            Some(k) => actor_kind(k).ok_or_else(|| {
                row.fault(
                    c.kind.as_deref().unwrap_or(""),
                    format!("{k:?} is not an actor kind"),
                )
            })?,
        };
        let aliases = cell(row, &c.aliases)
            .map(|a| {
                a.split(';')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default();
        let actor = Actor {
            id,
            name: row.required(&c.name)?.to_owned(),
            kind,
            aliases,
            former_names: json::<FormerName>(row, &c.former_names, "former names")?,
            died: date(row, &c.died)?,
            note: cell(row, &c.note).map(str::to_owned),
            reliability: reliability(row, &c.reliability)?,
        };
        if batch.push_actor(actor) {
            Ok(())
        } else {
            Err(row.fault(&c.id, format!("the actor {text} is given twice")))
        }
    }

    fn source(
        &self,
        c: &SourceColumns,
        row: &Row<'_>,
        batch: &mut Batch<'_>,
    ) -> Result<(), RowFault> {
        let text = row.required(&c.id)?;
        let id = SourceId::new(text).map_err(|e| row.fault(&c.id, e.to_string()))?;
        let published = date(row, &Some(c.published.clone()))?
            .ok_or_else(|| row.fault(&c.published.column, "the published cell is empty"))?;
        let approximate = match cell(row, &c.approximate) {
            None | Some("false") | Some("0") => false,
            Some("true") | Some("1") => true,
            Some(other) => {
                return Err(row.fault(
                    c.approximate.as_deref().unwrap_or(""),
                    format!("{other:?} is not true or false"),
                ));
            }
        };
        let source = Source {
            id,
            publisher: cell(row, &c.publisher).map(str::to_owned),
            title: row.required(&c.title)?.to_owned(),
            published,
            approximate,
            url: cell(row, &c.url).map(str::to_owned),
            file: cell(row, &c.file).map(str::to_owned),
            reliability: reliability(row, &c.reliability)?,
        };
        if batch.push_source(source) {
            Ok(())
        } else {
            Err(row.fault(&c.id, format!("the source {text} is given twice")))
        }
    }
}

/// A stable hash of a source's description, for its id: FNV-1a.
fn fxhash(text: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

impl RowReader for Table {
    fn columns(&self) -> Vec<&str> {
        self.columns.iter().map(String::as_str).collect()
    }

    fn dialect(&self, path: &Path, default: super::rows::Dialect) -> super::rows::Dialect {
        match Table::delimiter_for(&self.mapping, path) {
            Some(delimiter) => super::rows::Dialect { delimiter },
            None => default,
        }
    }

    fn begin_file(&mut self, path: &Path) {
        self.path = path.to_owned();
        self.current = self.mapping.table_for(path).cloned();
        self.columns = match &self.current {
            Some(t) => required(&t.rows),
            None => Vec::new(),
        };
    }

    fn row(&mut self, row: &Row<'_>, batch: &mut Batch<'_>) -> Result<Outcome, RowFault> {
        let Some(table) = self.current.clone() else {
            return Err(RowFault::row(format!(
                "the mapping has no table for {}",
                self.path.display()
            )));
        };
        match &table.rows {
            Rows::Relations(c) => self.relation(c, row, batch)?,
            Rows::Citations(c) => self.citation(c, row, batch)?,
            Rows::Actors(c) => self.actor(c, row, batch)?,
            Rows::Sources(c) => self.source(c, row, batch)?,
        }
        Ok(Outcome::Items)
    }
}
