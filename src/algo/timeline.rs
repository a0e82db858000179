//! The history of one actor in date order, with its lineage.

use crate::base::date::{Date, When};
use crate::base::error::Error;
use crate::graph::ActorGraph;
use crate::view::{ActorRef, IntoActor, RelationRef};

use super::lineage::{LINEAGE_KINDS, LineageLink, LinkDates};

/// One dated event in an actor's history.
#[derive(Clone, Debug)]
pub struct TimelineEntry<'g> {
    /// When it happened; `None` for what predates the record.
    pub date: Option<When>,
    /// Whose history it is: the actor asked about, or, with
    /// [`TimelineOptions::with_lineage`], one of its predecessors.
    pub of: ActorRef<'g>,
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
    /// A link of the actor's lineage: a split, merger or succession of it
    /// or of an actor in its lineage, or a rename of such an actor.
    Lineage(LineageLink<'g>),
}

/// What [`timeline_with`] takes in beside the actor's own history.
///
/// # Example
///
/// ```
/// use actorgraph::algo::TimelineOptions;
///
/// assert!(!TimelineOptions::default().get_with_lineage());
/// assert!(TimelineOptions::default().with_lineage(true).get_with_lineage());
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TimelineOptions {
    with_lineage: bool,
}

impl TimelineOptions {
    /// Sets whether the relations of the actor's predecessors (every actor
    /// it came from through splits, mergers and successions:
    /// [`lineage`](super::lineage)) join its timeline, each entry naming the
    /// predecessor in [`TimelineEntry::of`]. Off by default.
    pub fn with_lineage(mut self, with: bool) -> TimelineOptions {
        self.with_lineage = with;
        self
    }

    /// Whether the predecessors' relations join the timeline.
    pub fn get_with_lineage(&self) -> bool {
        self.with_lineage
    }
}

/// Every relation and name change that touches `actor`, and its lineage,
/// in date order: [`timeline_with`] with the default options.
///
/// # Errors
///
/// As [`ActorGraph::resolve`].
///
/// # Complexity
///
/// As [`timeline_with`].
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
    timeline_with(graph, actor, &TimelineOptions::default())
}

/// Every relation and name change that touches `actor`, in date order,
/// with its lineage: each split, merger and succession in its lineage
/// ([`lineage`](super::lineage), read over all time: whatever the data
/// holds, undated links included and left undated) as a
/// [`TimelineEvent::Lineage`] entry, nearest first on a tie, as are the
/// renames of the actors in it. With
/// [`TimelineOptions::with_lineage`], the other relations of its
/// predecessors too.
///
/// Undated beginnings ("since before the record") come first, undated
/// lineage links among them; an "on or before" date (`[..2024-11-28]`)
/// sorts at its bound; entries on the same date keep the order the data
/// gives them. Events appear once, on the day they happened.
///
/// # Errors
///
/// As [`ActorGraph::resolve`].
///
/// # Complexity
///
/// O(e log e) for the e relations and former names of the actor, of the
/// actors in its lineage and, with the option, of its predecessors, plus
/// the lineage walk ([`lineage`](super::lineage)).
///
/// # Example
///
/// ```
/// use actorgraph::{ActorGraph, TimelineEvent, algo::{self, TimelineOptions}};
///
/// // Fictional: the New Front succeeds the Old Front, which backed a town council.
/// let graph = ActorGraph::from_ron(r#"(
///     sources: [(id: "s", title: "A fictional report", published: "2020-01-01")],
///     actors: [
///         (id: "old", name: "Old Front", kind: ArmedGroup),
///         (id: "new", name: "New Front", kind: ArmedGroup),
///         (id: "council", name: "Town Council", kind: PoliticalOrganization),
///     ],
///     relations: [
///         (id: "succession", kind: Succeeds, subject: "new", object: "old", on: "2016",
///             citations: [(source: "s", quote: "the New Front replaced the Old Front")]),
///         (id: "old_backs_council", kind: Backs, subject: "old", object: "council",
///             from: "2012", until: "2016",
///             citations: [(source: "s", quote: "the Old Front backed the council")]),
///     ],
/// )"#)?;
/// let plain: Vec<_> = algo::timeline(&graph, "new")?.collect();
/// assert!(matches!(&plain[0].event, TimelineEvent::Lineage(link) if link.depth() == 1));
/// assert_eq!(plain.len(), 1);
/// let options = TimelineOptions::default().with_lineage(true);
/// let wide: Vec<_> = algo::timeline_with(&graph, "new", &options)?.collect();
/// assert_eq!(wide.len(), 3);
/// assert_eq!(wide[0].of.id.as_str(), "old");
/// # Ok::<(), actorgraph::Error>(())
/// ```
pub fn timeline_with<'g>(
    graph: &'g ActorGraph,
    actor: impl IntoActor,
    options: &TimelineOptions,
) -> Result<std::vec::IntoIter<TimelineEntry<'g>>, Error> {
    let actor = actor.into_actor(graph)?;
    let mut entries = Vec::new();
    names(actor, &mut entries);
    history(actor, actor, &mut entries);
    // Over all time: the last day there is, read *possibly*, admits every
    // split, merger and succession, dated or not.
    let lineage = graph.at(Date::MAX).lineage(actor)?;
    let mut shown: Vec<usize> = Vec::new();
    let mut names_shown: Vec<(usize, &str)> = Vec::new();
    for link in lineage.links() {
        let date = match link.dates() {
            LinkDates::On(on) => on,
            LinkDates::Used { from, .. } => from,
        };
        match link.relation() {
            // A cycle lists one relation on both sides: once is enough.
            Some(relation) if shown.contains(&relation.order()) => continue,
            Some(relation) => shown.push(relation.order()),
            // The actor's own names are its name changes, already listed.
            None if link.predecessor() == actor => continue,
            // An actor reached on both sides lists its names on each.
            None => {
                let name = link.former_name().map_or("", |n| n.name.as_str());
                let key = (link.predecessor().order(), name);
                if names_shown.contains(&key) {
                    continue;
                }
                names_shown.push(key);
            }
        }
        entries.push(TimelineEntry {
            date,
            of: actor,
            event: TimelineEvent::Lineage(link.clone()),
        });
    }
    if options.with_lineage {
        for predecessor in lineage.predecessors() {
            history(predecessor, predecessor, &mut entries);
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

/// The former names of `actor` as name changes.
fn names<'g>(actor: ActorRef<'g>, entries: &mut Vec<TimelineEntry<'g>>) {
    for former in &actor.record().former_names {
        entries.push(TimelineEntry {
            date: former.from,
            of: actor,
            event: TimelineEvent::NameAdopted(&former.name),
        });
        if let Some(until) = former.until {
            entries.push(TimelineEntry {
                date: Some(until),
                of: actor,
                event: TimelineEvent::NameDropped(&former.name),
            });
        }
    }
}

/// The relations of `actor` other than its lineage links, which the
/// lineage lists, as entries of `of`.
fn history<'g>(actor: ActorRef<'g>, of: ActorRef<'g>, entries: &mut Vec<TimelineEntry<'g>>) {
    for relation in actor.relations() {
        if LINEAGE_KINDS.contains(&relation.kind()) {
            continue;
        }
        if let Some(day) = relation.happened_on() {
            entries.push(TimelineEntry {
                date: Some(day),
                of,
                event: TimelineEvent::Happened(relation),
            });
            continue;
        }
        let interval = relation.interval();
        entries.push(TimelineEntry {
            date: interval.start(),
            of,
            event: TimelineEvent::Began(relation),
        });
        if let Some(until) = interval.end() {
            entries.push(TimelineEntry {
                date: Some(until),
                of,
                event: TimelineEvent::Ended(relation),
            });
        }
    }
}
