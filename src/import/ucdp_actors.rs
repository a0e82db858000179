//! The UCDP Actor Dataset (the actor list).
//!
//! Follows the UCDP Actor Dataset's layout of versions 20.1 and later
//! (35 columns: `ActorId, NameData, NameOrig, NameOrigFull,
//! NameOrigFullEng, NameChange, NewName, NewNameFullMotherTongue,
//! NewNameFullEng, Org, ConflictId, DyadId, PrimaryParty, OSID,
//! OSCoalition, OSCoalitionID, NSID, NSCoalition, NSCoalitionID, Splinter,
//! NamePrev, ActorIdPrev, SplitTemp, NameSplitTemp, ActorIdSplitTemp,
//! Alliance, NameAlliance, ActorIdAlliance, JoinGroup, GroupName,
//! ActorIdGroup, Location, GWNOLoc, Region, Version`); the columns read are
//! required, the rest may be absent.
//!
//! - Each row is an actor, keyed `ucdp:ActorId`, named by `NameData` (the
//!   name the UCDP datasets use), with its original-language and English
//!   names as aliases. When `NameChange` is 1, the original names are its
//!   former names, undated, as the file gives no date.
//! - `Org` 4 is a government; every other code an armed group.
//! - `Splinter` 1 with `ActorIdPrev`: the actor split from that one
//!   ([`SplitFrom`](crate::RelationKind::SplitFrom)). `Alliance` 1 with
//!   `ActorIdAlliance`: it joined that alliance
//!   ([`Joined`](crate::RelationKind::Joined)). `JoinGroup` 1 with
//!   `ActorIdGroup`: it merged into that group
//!   ([`MergedInto`](crate::RelationKind::MergedInto)). Several ids in one
//!   cell (`,` or `;`) give a relation each.
//! - The file dates none of these, and none is dated: splits, mergers and
//!   joinings are the events the model lets stand undated (a view reads
//!   them as possibly true, never certainly). The release they appear in is
//!   in the note.
//! - The quote is the row's own cells that state the relation, verbatim.

use crate::base::date::{PartialDate, When};
use crate::base::kind::{ActorKind, RelationKind};
use crate::base::model::{FormerName, Relation, Source};

use super::batch::{Batch, Incoming};
use super::rows::{Row, RowFault};
use super::{Outcome, RowReader, supporting};

pub(crate) const COLUMNS: &[&str] = &[
    "ActorId",
    "NameData",
    "NameOrig",
    "NameOrigFullEng",
    "NameChange",
    "NewName",
    "Org",
    "Splinter",
    "NamePrev",
    "ActorIdPrev",
    "Alliance",
    "NameAlliance",
    "ActorIdAlliance",
    "JoinGroup",
    "GroupName",
    "ActorIdGroup",
    "Location",
    "Version",
];

pub(crate) struct UcdpActors;

fn ids(cell: Option<&str>) -> Vec<&str> {
    cell.map(|c| {
        c.split([',', ';'])
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect()
    })
    .unwrap_or_default()
}

fn flag(row: &Row<'_>, column: &str) -> Result<bool, RowFault> {
    match row.get(column) {
        None | Some("0") => Ok(false),
        Some("1") => Ok(true),
        Some(other) => Err(row.fault(column, format!("{other:?} is not 0 or 1"))),
    }
}

/// The year a UCDP version was released: `24.1` is 2024.
fn release_year(version: &str) -> Option<i16> {
    let (major, _) = version.split_once('.').unwrap_or((version, ""));
    let yy: i16 = major.trim().parse().ok()?;
    (0..100).contains(&yy).then_some(2000 + yy)
}

impl RowReader for UcdpActors {
    fn columns(&self) -> Vec<&str> {
        COLUMNS.to_vec()
    }

    fn row(&mut self, row: &Row<'_>, batch: &mut Batch<'_>) -> Result<Outcome, RowFault> {
        let actor_id = row.required("ActorId")?;
        if !actor_id.bytes().all(|b| b.is_ascii_digit()) {
            return Err(row.fault("ActorId", format!("{actor_id:?} is not a UCDP actor id")));
        }
        let name = row.required("NameData")?;
        let version = row.required("Version")?;
        let year = release_year(version).ok_or_else(|| {
            row.fault(
                "Version",
                format!("{version:?} is not a UCDP version such as 24.1"),
            )
        })?;
        let kind = match row.get("Org") {
            Some("4") => ActorKind::Government,
            Some("1" | "2" | "3") | None => ActorKind::ArmedGroup,
            Some(other) => {
                return Err(row.fault(
                    "Org",
                    format!("{other:?} is not a UCDP organisation code (1-4)"),
                ));
            }
        };
        let renamed = flag(row, "NameChange")?;
        let mut me = Incoming::named(name, kind);
        me.key = Some(format!("ucdp:{actor_id}"));
        me.defines = true;
        let originals = ["NameOrig", "NameOrigFull", "NameOrigFullEng"];
        let news = ["NewName", "NewNameFullMotherTongue", "NewNameFullEng"];
        for column in news {
            me.aliases.extend(row.get(column).map(str::to_owned));
        }
        for column in originals {
            let Some(original) = row.get(column) else {
                continue;
            };
            if renamed && original != name && !me.aliases.iter().any(|a| a == original) {
                if !me.former_names.iter().any(|f| f.name == original) {
                    me.former_names.push(FormerName {
                        name: original.to_owned(),
                        from: None,
                        until: None,
                        citations: Vec::new(),
                    });
                }
            } else {
                me.aliases.push(original.to_owned());
            }
        }
        let mut note = format!("UCDP Actor Dataset {version}, ActorId {actor_id}");
        if let Some(location) = row.get("Location") {
            note.push_str(&format!("; location: {location}"));
        }
        me.note = Some(note);
        let subject = batch.actor(me)?;

        let source = batch.source_id(&format!("ucdp_actors_{version}"));
        let source = batch.source(Source {
            id: source,
            publisher: Some("Uppsala Conflict Data Program".to_owned()),
            title: format!("UCDP Actor Dataset version {version}"),
            published: When::on(
                PartialDate::year(year).map_err(|e| row.fault("Version", e.to_string()))?,
            ),
            approximate: false,
            url: None,
            file: None,
            reliability: None,
        });
        let links = [
            (
                "Splinter",
                "NamePrev",
                "ActorIdPrev",
                RelationKind::SplitFrom,
                ActorKind::ArmedGroup,
                "split",
            ),
            (
                "Alliance",
                "NameAlliance",
                "ActorIdAlliance",
                RelationKind::Joined,
                ActorKind::Coalition,
                "alliance",
            ),
            (
                "JoinGroup",
                "GroupName",
                "ActorIdGroup",
                RelationKind::MergedInto,
                ActorKind::ArmedGroup,
                "group",
            ),
        ];
        for (flag_column, name_column, id_column, kind, other_kind, tag) in links {
            if !flag(row, flag_column)? {
                continue;
            }
            let targets = ids(row.get(id_column));
            if targets.is_empty() {
                return Err(row.fault(
                    id_column,
                    format!("{flag_column} is 1 but {id_column} is empty"),
                ));
            }
            let names: Vec<&str> = row
                .get(name_column)
                .map(|n| n.split([',', ';']).map(str::trim).collect())
                .unwrap_or_default();
            for (i, target) in targets.iter().enumerate() {
                if !target.bytes().all(|b| b.is_ascii_digit()) {
                    return Err(row.fault(id_column, format!("{target:?} is not a UCDP actor id")));
                }
                let target_name = names
                    .get(i)
                    .copied()
                    .filter(|n| !n.is_empty())
                    .unwrap_or(target);
                let mut other = Incoming::named(target_name, other_kind);
                other.key = Some(format!("ucdp:{target}"));
                let object = batch.actor(other)?;
                if object == subject {
                    return Err(row.fault(id_column, "the actor is linked to itself"));
                }
                let quote = format!(
                    "ActorId {actor_id}, NameData {name:?}: {flag_column} 1, {name_column} {:?}, {id_column} {}",
                    row.raw(name_column).trim(),
                    row.raw(id_column).trim()
                );
                let id = batch.relation_id(&format!("ucdp_{actor_id}_{tag}_{target}"));
                batch.relation(Relation {
                    id,
                    kind,
                    subject: subject.clone(),
                    object,
                    from: None,
                    until: None,
                    on: None,
                    citations: vec![supporting(source.clone(), quote)],
                    claimed_by: None,
                    note: Some(format!(
                        "UCDP Actor Dataset {version} (released {year}), ActorId {actor_id}; \
                         undated in the file"
                    )),
                    acknowledged: Vec::new(),
                })?;
            }
        }
        Ok(Outcome::Items)
    }
}
