//! Mapping Militant Organizations (Stanford) relationships.
//!
//! Follows the layout of the project's relationships export: `unique_id,
//! type, group1_id, group2_id, date, description, group1_name,
//! group2_name`, with `type` one of `all` (allies), `aff` (affiliates),
//! `riv` (rivals), `spl` (splinter) and `mer` (merger), and `date` in one
//! of three forms: `YYYY-MM-DD`, the same with `00` for an unknown month or
//! day (`YYYY-MM-00`, `YYYY-00-00`), or `M/D/YY`.
//!
//! - Alliances, affiliations and rivalries are states
//!   ([`AlliedWith`](crate::RelationKind::AlliedWith),
//!   [`AffiliatedWith`](crate::RelationKind::AffiliatedWith) from group 1 to
//!   group 2, [`CompetesWith`](crate::RelationKind::CompetesWith)) from the
//!   row's date. The project's rule, that a connection lasts "until a
//!   different type of connection is formed between the two groups or one
//!   of the two groups becomes inactive", gives each its end: the date of
//!   the next connection of another type between the same two groups.
//!   Whether a group became inactive is not in this file, so no end is
//!   drawn from it.
//! - Splinters and mergers are events on the row's date, read in the
//!   column order: group 1 split from group 2
//!   ([`SplitFrom`](crate::RelationKind::SplitFrom)); group 1 merged into
//!   group 2 ([`MergedInto`](crate::RelationKind::MergedInto)).
//! - `description` is the quote; `unique_id` names the row, and the group
//!   ids are the actors' keys (`mmp:57`).
//!
//! The rows of every file are read before any relation is made, since an
//! end depends on later rows.

use std::collections::BTreeMap;
use std::path::PathBuf;

use crate::base::date::When;
use crate::base::kind::{ActorKind, RelationKind};
use crate::base::model::{Relation, Source};

use super::batch::{Batch, Incoming};
use super::dates::DateFormat;
use super::rows::{Row, RowFault};
use super::{Outcome, RowReader, supporting};

pub(crate) const COLUMNS: &[&str] = &[
    "unique_id",
    "type",
    "group1_id",
    "group2_id",
    "date",
    "description",
    "group1_name",
    "group2_name",
];

/// One connection, as read.
#[derive(Clone, Debug)]
pub(crate) struct Link {
    pub(crate) path: PathBuf,
    pub(crate) line: u64,
    pub(crate) unique_id: String,
    pub(crate) kind: RelationKind,
    pub(crate) group1: (String, String),
    pub(crate) group2: (String, String),
    pub(crate) date: When,
    pub(crate) date_written: String,
    pub(crate) description: String,
}

pub(crate) struct Mmp {
    pub(crate) version: Option<String>,
    pub(crate) links: Vec<Link>,
    pub(crate) path: PathBuf,
}

/// The kind of an MMP connection type.
pub(crate) fn kind_of(code: &str) -> Option<RelationKind> {
    Some(match code.trim().to_lowercase().as_str() {
        "all" => RelationKind::AlliedWith,
        "aff" => RelationKind::AffiliatedWith,
        "riv" => RelationKind::CompetesWith,
        "spl" => RelationKind::SplitFrom,
        "mer" => RelationKind::MergedInto,
        _ => return None,
    })
}

/// Reads an MMP date in any of its three forms.
pub(crate) fn read_date(cell: &str) -> Result<When, String> {
    if cell.contains('/') {
        DateFormat::MonthDayYear.read(cell)
    } else {
        DateFormat::ZeroUnknown.read(cell)
    }
}

/// For each link, the index of the link that ends it: the first later
/// connection of another type between the same two groups (either order),
/// "later" by first possible day, then by row.
pub(crate) fn ends(links: &[Link]) -> Vec<Option<usize>> {
    let mut by_pair: BTreeMap<(String, String), Vec<usize>> = BTreeMap::new();
    for (i, l) in links.iter().enumerate() {
        let (a, b) = (l.group1.0.clone(), l.group2.0.clone());
        let pair = if a <= b { (a, b) } else { (b, a) };
        by_pair.entry(pair).or_default().push(i);
    }
    let mut end = vec![None; links.len()];
    for (_, mut members) in by_pair {
        members.sort_by_key(|&i| (links[i].date.first_day(), links[i].line, i));
        for (at, &i) in members.iter().enumerate() {
            if links[i].kind.is_event() {
                continue;
            }
            end[i] = members[at + 1..].iter().copied().find(|&j| {
                links[j].kind != links[i].kind
                    && links[j].date.first_day() > links[i].date.first_day()
            });
        }
    }
    end
}

impl RowReader for Mmp {
    fn columns(&self) -> Vec<&str> {
        COLUMNS.to_vec()
    }

    fn begin_file(&mut self, path: &std::path::Path) {
        self.path = path.to_owned();
    }

    fn row(&mut self, row: &Row<'_>, _batch: &mut Batch<'_>) -> Result<Outcome, RowFault> {
        let unique_id = row.required("unique_id")?;
        let code = row.required("type")?;
        let kind = kind_of(code).ok_or_else(|| {
            row.fault(
                "type",
                format!("{code:?} is not an MMP connection type (all, aff, riv, spl, mer)"),
            )
        })?;
        let date_cell = row.required("date")?;
        let date = read_date(date_cell).map_err(|e| row.fault("date", e))?;
        let description = row.get("description").ok_or_else(|| {
            row.fault(
                "description",
                "the description cell is empty, and it is the quote",
            )
        })?;
        let group = |id: &str, name: &str| -> Result<(String, String), RowFault> {
            let gid = row.required(id)?;
            Ok((gid.to_owned(), row.get(name).unwrap_or(gid).to_owned()))
        };
        let group1 = group("group1_id", "group1_name")?;
        let group2 = group("group2_id", "group2_name")?;
        if group1.0 == group2.0 {
            return Err(row.fault("group2_id", "the connection joins a group to itself"));
        }
        self.links.push(Link {
            path: self.path.clone(),
            line: row.line,
            unique_id: unique_id.to_owned(),
            kind,
            group1,
            group2,
            date,
            date_written: date_cell.to_owned(),
            description: description.to_owned(),
        });
        Ok(Outcome::Deferred)
    }

    fn finish(&mut self, batch: &mut Batch<'_>) -> Vec<(PathBuf, u64, RowFault)> {
        let links = std::mem::take(&mut self.links);
        let end = ends(&links);
        let version = self
            .version
            .as_deref()
            .map(|v| format!(" {v}"))
            .unwrap_or_default();
        let mut rejected = Vec::new();
        for (i, link) in links.iter().enumerate() {
            let mark = batch.mark();
            let made = (|| -> Result<(), RowFault> {
                let actor = |(id, name): &(String, String)| {
                    let mut a = Incoming::named(name, ActorKind::ArmedGroup);
                    a.key = Some(format!("mmp:{id}"));
                    a.note = Some(format!("Mapping Militant Organizations group {id}"));
                    a
                };
                let subject = batch.actor(actor(&link.group1))?;
                let object = batch.actor(actor(&link.group2))?;
                let source = batch.source_id(&format!("mmp_{}", link.unique_id));
                let source = batch.source(Source {
                    id: source,
                    publisher: Some(
                        "Mapping Militant Organizations, Stanford University".to_owned(),
                    ),
                    title: format!(
                        "Mapping Militant Organizations{version}, relationship {}",
                        link.unique_id
                    ),
                    // The row reports a connection formed on its date, so it
                    // was written on or after it.
                    published: When::range(
                        link.date
                            .as_range()
                            .and_then(|r| r.0)
                            .or(link.date.as_partial()),
                        None,
                    )
                    .unwrap_or(link.date),
                    approximate: false,
                    url: None,
                    file: None,
                    reliability: None,
                });
                let until = end[i].map(|j| links[j].date);
                let mut note = format!(
                    "Mapping Militant Organizations{version}, relationship {} ({}), dated {:?}",
                    link.unique_id,
                    link.kind.name(),
                    link.date_written
                );
                if let Some(j) = end[i] {
                    note.push_str(&format!(
                        "; ended by relationship {} ({}) under the project's rule",
                        links[j].unique_id,
                        links[j].kind.name()
                    ));
                }
                let id = batch.relation_id(&format!("mmp_{}", link.unique_id));
                let (from, on) = if link.kind.is_event() {
                    (None, Some(link.date))
                } else {
                    (Some(link.date), None)
                };
                batch.relation(Relation {
                    id,
                    kind: link.kind,
                    subject,
                    object,
                    from,
                    until,
                    on,
                    citations: vec![supporting(source, link.description.clone())],
                    claimed_by: None,
                    note: Some(note),
                    acknowledged: Vec::new(),
                })?;
                Ok(())
            })();
            match made {
                Ok(()) => batch.commit(),
                Err(fault) => {
                    batch.rollback(mark);
                    rejected.push((link.path.clone(), link.line, fault));
                }
            }
        }
        rejected
    }
}
