//! The UCDP External Support Dataset.
//!
//! Follows the actor-year layout of the UCDP External Support Dataset
//! (ESD, version 18.1 and its codebook): one row per supporter
//! (`ext_id`, `ext_name`), supported party (`actor_id`, `actor_name`) and
//! `year`, with `ext_sup` 1 when support was given, `ext_alleged` 1 when it
//! is only alleged, `ext_nonstate` / `actor_nonstate` 1 for a non-state
//! supporter or party, and one 0/1 column per kind of support: `ext_x`
//! troops as a secondary warring party, `ext_l` access to territory,
//! `ext_y` access to military or intelligence infrastructure, `ext_w`
//! weapons, `ext_m` materiel and statistics, `ext_t` training and
//! expertise, `ext_f` funding or economic support, `ext_i` intelligence
//! material, `ext_o` other, `ext_u` unknown. Only the first six columns are
//! required.
//!
//! A row with `ext_sup` 1 is a [`Backs`](crate::RelationKind::Backs) from
//! the supporter to the party over that year: from some day of it until
//! some day of it, so it possibly holds on each of its days and certainly
//! on none (the year is all the dataset says). The kinds of support are kept
//! in the note, and alleged support is said to be alleged there. A row with
//! `ext_sup` 0 codes no support: it is reported, and makes nothing.

use crate::base::date::{PartialDate, When};
use crate::base::kind::{ActorKind, RelationKind};
use crate::base::model::{Relation, Source};

use super::batch::{Batch, Incoming};
use super::rows::{Row, RowFault};
use super::{Outcome, RowReader, supporting};

pub(crate) const COLUMNS: &[&str] = &[
    "ext_id",
    "ext_name",
    "actor_id",
    "actor_name",
    "year",
    "ext_sup",
];

const KINDS: [(&str, &str); 10] = [
    ("ext_x", "troops as a secondary warring party"),
    ("ext_l", "access to territory"),
    ("ext_y", "access to military or intelligence infrastructure"),
    ("ext_w", "weapons"),
    ("ext_m", "materiel and statistics"),
    ("ext_t", "training and expertise"),
    ("ext_f", "funding or economic support"),
    ("ext_i", "intelligence material"),
    ("ext_o", "other support"),
    ("ext_u", "support of an unknown kind"),
];

pub(crate) struct UcdpEsd {
    pub(crate) version: Option<String>,
}

fn flag(row: &Row<'_>, column: &str) -> Result<bool, RowFault> {
    match row.get(column) {
        None | Some("0") => Ok(false),
        Some("1") => Ok(true),
        Some(other) => Err(row.fault(column, format!("{other:?} is not 0 or 1"))),
    }
}

impl RowReader for UcdpEsd {
    fn columns(&self) -> Vec<&str> {
        COLUMNS.to_vec()
    }

    fn row(&mut self, row: &Row<'_>, batch: &mut Batch<'_>) -> Result<Outcome, RowFault> {
        let ext_id = row.required("ext_id")?;
        let ext_name = row.required("ext_name")?;
        let actor_id = row.required("actor_id")?;
        let actor_name = row.required("actor_name")?;
        let year_cell = row.required("year")?;
        let year: i16 = year_cell
            .parse()
            .map_err(|_| row.fault("year", format!("{year_cell:?} is not a year")))?;
        let year_date = PartialDate::year(year).map_err(|e| row.fault("year", e.to_string()))?;
        if !flag(row, "ext_sup")? {
            return Ok(Outcome::Empty(format!(
                "ext_sup is 0: no support from {ext_name} to {actor_name} coded in {year}"
            )));
        }
        for (column, value) in [("ext_id", ext_id), ("actor_id", actor_id)] {
            if !value.bytes().all(|b| b.is_ascii_digit()) {
                return Err(row.fault(column, format!("{value:?} is not a UCDP actor id")));
            }
        }
        let alleged = flag(row, "ext_alleged")?;
        let mut given = Vec::new();
        let mut coded = Vec::new();
        for (column, label) in KINDS {
            if flag(row, column)? {
                given.push(label);
                coded.push(format!("{column} 1"));
            }
        }
        let supporter_kind = if flag(row, "ext_nonstate")? {
            ActorKind::ArmedGroup
        } else {
            ActorKind::State
        };
        let party_kind = if flag(row, "actor_nonstate")? {
            ActorKind::ArmedGroup
        } else {
            ActorKind::Government
        };
        let mut supporter = Incoming::named(ext_name, supporter_kind);
        supporter.key = Some(format!("ucdp:{ext_id}"));
        supporter.note = Some(format!(
            "UCDP actor {ext_id}, as the External Support Dataset names it"
        ));
        let mut party = Incoming::named(actor_name, party_kind);
        party.key = Some(format!("ucdp:{actor_id}"));
        party.note = Some(format!(
            "UCDP actor {actor_id}, as the External Support Dataset names it"
        ));
        let subject = batch.actor(supporter)?;
        let object = batch.actor(party)?;
        if subject == object {
            return Err(row.fault("actor_id", "the supporter is the supported party"));
        }
        let version = self
            .version
            .as_deref()
            .map(|v| format!(" {v}"))
            .unwrap_or_default();
        let source = batch.source_id(&format!(
            "ucdp_esd_{}",
            self.version.as_deref().unwrap_or("")
        ));
        let source = batch.source(Source {
            id: source,
            publisher: Some("Uppsala Conflict Data Program".to_owned()),
            title: format!("UCDP External Support Dataset{version}"),
            // Coded after the year it codes; the release is not in the row.
            published: When::on_or_after(year_date),
            approximate: false,
            url: None,
            file: None,
            reliability: None,
        });
        let mut quote = format!(
            "ext_id {ext_id} {ext_name:?}, actor_id {actor_id} {actor_name:?}, year {year}: ext_sup 1"
        );
        if alleged {
            quote.push_str(", ext_alleged 1");
        }
        for c in &coded {
            quote.push_str(", ");
            quote.push_str(c);
        }
        let mut note = format!("UCDP External Support Dataset{version}, {year}");
        if given.is_empty() {
            note.push_str("; kind of support not coded");
        } else {
            note.push_str(&format!("; support: {}", given.join(", ")));
        }
        if alleged {
            note.push_str("; alleged support (ext_alleged 1), not confirmed");
        }
        let id = batch.relation_id(&format!("ucdp_esd_{ext_id}_{actor_id}_{year}"));
        batch.relation(Relation {
            id,
            kind: RelationKind::Backs,
            subject,
            object,
            from: Some(When::on(year_date)),
            until: Some(When::on(year_date)),
            on: None,
            citations: vec![supporting(source, quote)],
            claimed_by: None,
            note: Some(note),
            acknowledged: Vec::new(),
        })?;
        Ok(Outcome::Items)
    }
}
