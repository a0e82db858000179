//! ACLED event exports.
//!
//! Follows ACLED's codebook of 2023 and later (the 31-column layout that
//! followed the column changes of 20 March 2023: `event_id_cnty,
//! event_date, year, time_precision, disorder_type, event_type,
//! sub_event_type, actor1, assoc_actor_1, inter1, actor2, assoc_actor_2,
//! inter2, interaction, civilian_targeting, iso, region, country, admin1,
//! admin2, admin3, location, latitude, longitude, geo_precision, source,
//! source_scale, notes, fatalities, tags, timestamp`). Only the columns
//! read are required, so earlier exports with the same names import too.
//!
//! What the codebook says, and what the importer does with it:
//! - `event_date` is the coded day and `time_precision` how sure it is:
//!   1, the day itself; 2, the source gives a week or weekend and the day
//!   coded lies in it, so the event is read as the range of three days
//!   either side; 3, the source gives only the month, so the event is read
//!   as that month. A range, never a false day.
//! - "Actor 1 and Actor 2 do not imply directionality": a battle is a
//!   [`ClashesWith`](crate::RelationKind::ClashesWith), every other event
//!   with two sides an [`InvolvedWith`](crate::RelationKind::InvolvedWith),
//!   both symmetric. An event with one side, or with the same actor on both
//!   (rioters against rioters), is [`ActiveIn`](crate::RelationKind::ActiveIn)
//!   its location.
//! - `assoc_actor_1` and `assoc_actor_2` (`;`-separated) act with their
//!   main actor: each gets the same event with the other side.
//! - `inter1`/`inter2` give the actor's kind (numeric codes 1-8, or their
//!   names in the exports that spell them out).
//! - `notes` is the quote; each `;`-separated outlet of `source` is a
//!   source, published between the event's first day and the day of the
//!   row's `timestamp` (when ACLED last changed it), or on or after the
//!   event when there is no timestamp.
//! - `event_type`, `sub_event_type`, `disorder_type`, `fatalities`,
//!   `civilian_targeting` and `tags` are kept in the event's note, with the
//!   row's `event_id_cnty`.
//! - An actor name carrying a regime's dates ("Military Forces of Syria
//!   (2000-2024)") keeps them as the dates of its name without them.
//! - `NA` and empty cells are absent values, never actors.

use crate::base::date::{Date, PartialDate, When};
use crate::base::kind::{ActorKind, RelationKind};
use crate::base::model::{FormerName, Relation, Source};

use super::batch::{Batch, Incoming};
use super::dates::DateFormat;
use super::rows::{Row, RowFault};
use super::{Outcome, RowReader, supporting};

/// The columns of an ACLED export (the 2023 layout), in order: the layout
/// the preset reads (requiring only the columns it uses) and the synthetic
/// generator writes.
pub const ACLED_LAYOUT: [&str; 31] = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
];

/// The columns read.
pub(crate) const COLUMNS: &[&str] = &[
    "event_id_cnty",
    "event_date",
    "time_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "country",
    "admin1",
    "location",
    "source",
    "notes",
    "fatalities",
];

pub(crate) struct Acled {
    pub(crate) version: Option<String>,
}

/// An actor kind from ACLED's `inter` code or its name.
fn kind_of(code: &str) -> Option<ActorKind> {
    let lower = code.trim().to_lowercase();
    Some(match lower.as_str() {
        "1" | "state forces" => ActorKind::ArmedForces,
        "2" | "rebel group" | "rebel groups" => ActorKind::ArmedGroup,
        "3" | "political militia" | "political militias" => ActorKind::Militia,
        "4" | "identity militia" | "identity militias" => ActorKind::Militia,
        "5" | "rioters" => ActorKind::Population,
        "6" | "protesters" => ActorKind::Population,
        "7" | "civilians" => ActorKind::Population,
        "8" | "external/other forces" | "external/other force" => ActorKind::ArmedForces,
        _ => return None,
    })
}

/// "Military Forces of Syria (2000-2024)": the name without its dates, and
/// the years, the end open for "(2016-)".
fn regime_dates(name: &str) -> Option<(&str, i16, Option<i16>)> {
    let inner = name.strip_suffix(')')?;
    let open = inner.rfind(" (")?;
    let (bare, years) = (&inner[..open], &inner[open + 2..]);
    let (from, until) = years.split_once('-')?;
    let year = |t: &str| {
        (t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit()))
            .then(|| t.parse::<i16>().ok())
            .flatten()
    };
    let from = year(from)?;
    let until = if until.is_empty() {
        None
    } else {
        Some(year(until)?)
    };
    Some((bare, from, until))
}

/// An actor as the row names it; `origin` says where it was first seen,
/// for the note of an actor the import creates.
fn incoming(name: &str, kind: ActorKind, origin: &str) -> Result<Incoming, String> {
    let mut actor = Incoming::named(name, kind);
    actor.key = Some(format!("acled:{name}"));
    actor.note = Some(format!("{origin}, as named there"));
    if let Some((bare, from, until)) = regime_dates(name) {
        let year = |y: i16| {
            PartialDate::year(y)
                .map(When::on)
                .map_err(|e| e.to_string())
        };
        actor.former_names.push(FormerName {
            name: bare.to_owned(),
            from: Some(year(from)?),
            until: until.map(year).transpose()?,
            citations: Vec::new(),
        });
    }
    Ok(actor)
}

fn split_list(cell: Option<&str>) -> Vec<&str> {
    cell.map(|c| {
        c.split(';')
            .map(str::trim)
            .filter(|s| !s.is_empty() && *s != "NA")
            .collect()
    })
    .unwrap_or_default()
}

/// The event's date, widened by its precision code.
fn event_day(row: &Row<'_>) -> Result<(When, Date), RowFault> {
    let cell = row.required("event_date")?;
    let when = DateFormat::Edtf
        .read(cell)
        .or_else(|_| DateFormat::DayMonthName.read(cell))
        .map_err(|_| {
            row.fault(
                "event_date",
                format!("{cell:?} is not a date in the form YYYY-MM-DD or D Month YYYY"),
            )
        })?;
    let day = when
        .as_partial()
        .filter(|p| p.precision() == crate::base::date::Precision::Day)
        .ok_or_else(|| row.fault("event_date", format!("{cell:?} is not a single day")))?;
    let precision = row.get("time_precision").unwrap_or("1");
    let when = match precision {
        "1" => when,
        "2" => {
            let at = day.first_day();
            let low = at.to_jiff() - jiff::ToSpan::days(3);
            let high = at.to_jiff() + jiff::ToSpan::days(3);
            let part =
                |d: jiff::civil::Date| PartialDate::day(d.year(), d.month() as u8, d.day() as u8);
            match (part(low), part(high)) {
                (Ok(low), Ok(high)) => {
                    When::between(low, high).map_err(|e| row.fault("event_date", e.to_string()))?
                }
                _ => {
                    return Err(row.fault(
                        "event_date",
                        format!("{cell:?} is too near the calendar's end"),
                    ));
                }
            }
        }
        "3" => {
            let first = day.first_day();
            When::on(
                PartialDate::month(first.year(), first.month())
                    .map_err(|e| row.fault("event_date", e.to_string()))?,
            )
        }
        other => {
            return Err(row.fault(
                "time_precision",
                format!("{other:?} is not an ACLED time precision (1, 2 or 3)"),
            ));
        }
    };
    Ok((when, when.first_day()))
}

impl RowReader for Acled {
    fn columns(&self) -> Vec<&str> {
        COLUMNS.to_vec()
    }

    fn row(&mut self, row: &Row<'_>, batch: &mut Batch<'_>) -> Result<Outcome, RowFault> {
        let event = row.required("event_id_cnty")?;
        let (on, first_day) = event_day(row)?;
        let notes = row.get("notes").ok_or_else(|| {
            row.fault(
                "notes",
                "the notes cell is empty, and it is the event's quote",
            )
        })?;
        let event_type = row.required("event_type")?;
        let sub_event_type = row.get("sub_event_type").unwrap_or("");
        let fatalities = match row.get("fatalities") {
            Some(n) => Some(n.parse::<u64>().map_err(|_| {
                row.fault("fatalities", format!("{n:?} is not a count of fatalities"))
            })?),
            None => None,
        };
        let timestamp = match row.get("timestamp") {
            Some(t) => {
                let seconds: i64 = t
                    .parse()
                    .map_err(|_| row.fault("timestamp", format!("{t:?} is not a Unix time")))?;
                let day = jiff::Timestamp::from_second(seconds)
                    .map_err(|_| row.fault("timestamp", format!("{t:?} is not a Unix time")))?
                    .to_zoned(jiff::tz::TimeZone::UTC)
                    .date();
                PartialDate::day(day.year(), day.month() as u8, day.day() as u8).ok()
            }
            None => None,
        };
        let origin = format!(
            "ACLED{} event {event}",
            self.version
                .as_deref()
                .map(|v| format!(" {v}"))
                .unwrap_or_default()
        );
        let actor_of = |column: &str, inter: &str| -> Result<Option<Incoming>, RowFault> {
            let Some(name) = row.get(column) else {
                return Ok(None);
            };
            let code = row.get(inter).ok_or_else(|| {
                row.fault(inter, format!("{column} is named but {inter} is empty"))
            })?;
            let kind = kind_of(code).ok_or_else(|| {
                row.fault(inter, format!("{code:?} is not an ACLED actor type (1-8)"))
            })?;
            incoming(name, kind, &origin)
                .map(Some)
                .map_err(|e| row.fault(column, e))
        };
        let one = actor_of("actor1", "inter1")?.ok_or_else(|| {
            row.fault(
                "actor1",
                "the actor1 cell is empty: every ACLED event names actor 1",
            )
        })?;
        let two = actor_of("actor2", "inter2")?;
        // Associated actors share their main actor's type in ACLED's
        // coding of the row.
        let associated = |column: &str, like: &Incoming| -> Result<Vec<Incoming>, RowFault> {
            split_list(row.get(column))
                .into_iter()
                .filter(|name| *name != like.name)
                .map(|name| incoming(name, like.kind, &origin).map_err(|e| row.fault(column, e)))
                .collect()
        };
        let assoc_one = associated("assoc_actor_1", &one)?;
        let assoc_two = match &two {
            Some(two) => associated("assoc_actor_2", two)?,
            None if row.get("assoc_actor_2").is_some() => {
                return Err(row.fault("assoc_actor_2", "associated actors of an absent actor2"));
            }
            None => Vec::new(),
        };

        // Sources: one for each outlet, cited with the notes.
        let version = self
            .version
            .as_deref()
            .map(|v| format!(" {v}"))
            .unwrap_or_default();
        let last = timestamp.filter(|t| t.first_day() >= first_day);
        let published = When::range(
            PartialDate::day(first_day.year(), first_day.month(), first_day.day()).ok(),
            last,
        )
        .map_err(|e| row.fault("timestamp", e.to_string()))?;
        let mut outlets: Vec<&str> = Vec::new();
        for outlet in split_list(row.get("source")) {
            if !outlets.contains(&outlet) {
                outlets.push(outlet);
            }
        }
        if outlets.is_empty() {
            outlets.push("ACLED");
        }
        let mut citations = Vec::with_capacity(outlets.len());
        for (i, outlet) in outlets.iter().enumerate() {
            let id = batch.source_id(&format!("acled_{event}_s{}", i + 1));
            let id = batch.source(Source {
                id,
                publisher: Some((*outlet).to_owned()),
                title: format!("{outlet}, as coded in ACLED{version} event {event}"),
                published,
                approximate: false,
                url: None,
                file: None,
                reliability: None,
            });
            citations.push(supporting(id, notes.to_owned()));
        }

        let mut note = format!("ACLED{version} event {event}: {event_type}");
        if !sub_event_type.is_empty() {
            note.push_str(&format!(" / {sub_event_type}"));
        }
        for (label, column) in [
            ("disorder type", "disorder_type"),
            ("civilian targeting", "civilian_targeting"),
            ("tags", "tags"),
        ] {
            if let Some(value) = row.get(column) {
                note.push_str(&format!("; {label}: {value}"));
            }
        }
        if let Some(n) = fatalities {
            note.push_str(&format!("; fatalities: {n}"));
        }
        if let Some(p) = row.get("time_precision") {
            note.push_str(&format!(
                "; time precision {p} (coded day {})",
                row.required("event_date")?
            ));
        }

        let kind = if event_type.eq_ignore_ascii_case("Battles") {
            RelationKind::ClashesWith
        } else {
            RelationKind::InvolvedWith
        };
        let one_id = batch.actor(one.clone())?;
        let two_id = match two {
            Some(two) => Some(batch.actor(two)?),
            None => None,
        };
        let two_sided = two_id.as_ref().filter(|t| **t != one_id).cloned();
        let mut place = None;
        let mut place_of = |batch: &mut Batch<'_>| -> Result<crate::ActorId, RowFault> {
            if let Some(p) = &place {
                return Ok(Clone::clone(p));
            }
            let location = row.required("location")?;
            let admin1 = row.get("admin1").unwrap_or("");
            let country = row.required("country")?;
            let mut at = Incoming::named(location, ActorKind::Place);
            at.key = Some(format!("acled-place:{country}/{admin1}/{location}"));
            let where_ = [admin1, country]
                .iter()
                .filter(|s| !s.is_empty())
                .copied()
                .collect::<Vec<_>>()
                .join(", ");
            at.note = Some(format!(
                "ACLED location in {where_}, first named in event {event}"
            ));
            let id = batch.actor(at)?;
            place = Some(id.clone());
            Ok(id)
        };
        let mut made = Vec::new();
        let base = format!("acled_{event}");
        match &two_sided {
            Some(two_id) => made.push((base.clone(), kind, one_id.clone(), two_id.clone())),
            None => {
                let place = place_of(batch)?;
                made.push((base.clone(), RelationKind::ActiveIn, one_id.clone(), place));
            }
        }
        for (side, assoc, other) in [
            (1, assoc_one, two_sided.clone()),
            (2, assoc_two, Some(one_id.clone())),
        ] {
            for (i, a) in assoc.into_iter().enumerate() {
                let id = batch.actor(a)?;
                let tag = format!("{base}_a{side}_{}", i + 1);
                let other = if side == 2 && two_sided.is_none() {
                    None
                } else {
                    other.clone()
                };
                match other.filter(|o| *o != id) {
                    Some(other) => made.push((tag, kind, id, other)),
                    None => {
                        let place = place_of(batch)?;
                        made.push((tag, RelationKind::ActiveIn, id, place));
                    }
                }
            }
        }
        let both_same = two_id.is_some() && two_sided.is_none();
        for (tag, kind, subject, object) in made {
            let id = batch.relation_id(&tag);
            let mut note = note.clone();
            if both_same && kind == RelationKind::ActiveIn {
                note.push_str("; both sides are the same actor");
            }
            batch.relation(Relation {
                id,
                kind,
                subject,
                object,
                from: None,
                until: None,
                on: Some(on),
                citations: citations.clone(),
                claimed_by: None,
                note: Some(note),
                acknowledged: Vec::new(),
            })?;
        }
        Ok(Outcome::Items)
    }
}

#[cfg(test)]
mod tests {
    use super::regime_dates;

    #[test]
    fn regime_dates_are_read_from_the_name() {
        assert_eq!(
            regime_dates("Military Forces of Syria (2000-2024)"),
            Some(("Military Forces of Syria", 2000, Some(2024)))
        );
        assert_eq!(
            regime_dates("Military Forces of Benin (2016-)"),
            Some(("Military Forces of Benin", 2016, None))
        );
        assert_eq!(regime_dates("Unidentified Armed Group (Syria)"), None);
        assert_eq!(regime_dates("Protesters (Syria)"), None);
    }
}
