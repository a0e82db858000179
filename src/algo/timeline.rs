//! The history of one actor in date order.

use crate::base::date::{Date, When};
use crate::base::error::Error;
use crate::graph::ActorGraph;
use crate::view::{IntoActor, RelationRef};

/// One dated event in an actor's history.
#[derive(Clone, Debug)]
pub struct TimelineEntry<'g> {
    /// When it happened; `None` for what predates the record.
    pub date: Option<When>,
    /// What happened.
    pub event: TimelineEvent<'g>,
}

/// What happened at a [`TimelineEntry`].
#[derive(Clone, Debug)]
#[non_exhaustive]
pub enum TimelineEvent<'g> {
    /// A relation began (or, undated, held since before the record).
    Began(RelationRef<'g>),
    /// A relation ended.
    Ended(RelationRef<'g>),
    /// An event happened.
    Happened(RelationRef<'g>),
    /// The actor began to use a former name.
    NameAdopted(&'g str),
    /// The actor stopped using a former name.
    NameDropped(&'g str),
}

/// Every relation and name change that touches `actor`, in date order.
///
/// Undated beginnings ("since before the record") come first; an "on or
/// before" date (`[..2024-11-28]`) sorts at its bound; entries on the same
/// date keep the order the data gives them. Events appear once, on the day
/// they happened.
///
/// # Errors
///
/// As [`ActorGraph::resolve`].
///
/// # Complexity
///
/// O(d log d) for an actor with d relations and former names.
///
/// # Example
///
/// ```
/// use actorgraph::{ActorGraph, TimelineEvent, algo};
///
/// let graph = ActorGraph::from_ron(r#"(
///     sources: [],
///     actors: [(id: "front", name: "New Front", kind: ArmedGroup,
///         former_names: [(name: "Old Front", from: "2011", until: "2017")])],
///     relations: [],
/// )"#)?;
/// let renamed = algo::timeline(&graph, "New Front")?
///     .any(|e| matches!(e.event, TimelineEvent::NameAdopted("Old Front")));
/// assert!(renamed);
/// # Ok::<(), actorgraph::Error>(())
/// ```
pub fn timeline(
    graph: &ActorGraph,
    actor: impl IntoActor,
) -> Result<impl Iterator<Item = TimelineEntry<'_>>, Error> {
    let actor = actor.into_actor(graph)?;
    let record = actor.record();
    let mut entries = Vec::new();
    for former in &record.former_names {
        entries.push(TimelineEntry {
            date: former.from,
            event: TimelineEvent::NameAdopted(&former.name),
        });
        if let Some(until) = former.until {
            entries.push(TimelineEntry {
                date: Some(until),
                event: TimelineEvent::NameDropped(&former.name),
            });
        }
    }
    for relation in actor.relations() {
        if let Some(day) = relation.happened_on() {
            entries.push(TimelineEntry {
                date: Some(day),
                event: TimelineEvent::Happened(relation),
            });
            continue;
        }
        let interval = relation.interval();
        entries.push(TimelineEntry {
            date: interval.start(),
            event: TimelineEvent::Began(relation),
        });
        if let Some(until) = interval.end() {
            entries.push(TimelineEntry {
                date: Some(until),
                event: TimelineEvent::Ended(relation),
            });
        }
    }
    // An "on or before" date sorts at its bound: placed at the first day
    // there is, it would open every timeline.
    entries.sort_by_key(|e| {
        e.date.map(|d| {
            let anchor = match d.as_range() {
                Some((None, Some(high))) => high.last_day(),
                // An EDTF set open below, such as [..1760-12-03, 1765].
                _ if d.first_day() == Date::MIN => d.last_day().unwrap_or(Date::MIN),
                _ => d.first_day(),
            };
            (anchor, d)
        })
    });
    Ok(entries.into_iter())
}
