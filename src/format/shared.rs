//! What every export shares: which relations it writes (the whole graph
//! with its dates, or one as-of view), and how a relation's dates read.

use crate::base::date::{Date, Interval, Precision, When};
use crate::base::model::RelationKind;
use crate::graph::ActorGraph;
use crate::view::{ActorRef, RelationRef, View};

/// What an export writes.
///
/// The whole graph carries every relation with its dates, so that a tool
/// with a time dimension (Gephi's timeline, a date slider, SQL) can ask
/// any day itself; a view carries the states that held on its day, as it
/// judged them (certainty, knowledge date, contested policy).
#[derive(Clone, Copy, Debug)]
pub enum Scope<'g> {
    /// Every relation, states and events, whenever it held.
    Whole(&'g ActorGraph),
    /// The states a view finds on its day.
    View(View<'g>),
}

impl<'g> Scope<'g> {
    /// The graph exported.
    pub fn graph(&self) -> &'g ActorGraph {
        match self {
            Scope::Whole(graph) => graph,
            Scope::View(view) => view.graph(),
        }
    }

    /// The day of a view; `None` for the whole graph.
    pub fn day(&self) -> Option<Date> {
        match self {
            Scope::Whole(_) => None,
            Scope::View(view) => Some(view.day()),
        }
    }
}

/// Which relations an export keeps, beyond its [`Scope`].
///
/// # Example
///
/// ```
/// use actorgraph::RelationKind;
/// use actorgraph::export::ExportOptions;
///
/// let options = ExportOptions::default().kinds([RelationKind::Backs]);
/// assert_eq!(options.get_kinds(), Some(&[RelationKind::Backs][..]));
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ExportOptions {
    kinds: Option<Vec<RelationKind>>,
    measures: bool,
}

impl ExportOptions {
    /// Keeps only relations of these kinds (default: every kind).
    pub fn kinds(mut self, kinds: impl IntoIterator<Item = RelationKind>) -> ExportOptions {
        self.kinds = Some(kinds.into_iter().collect());
        self
    }

    /// Adds, for a view, the signed-graph measures as node attributes
    /// (`camp` of the two-camp signed partition, `degree`,
    /// `betweenness`, `closeness`, `eigenvector`) and edge attributes
    /// (`sign` of the relation's tie, `frustrated`,
    /// `unbalanced_triangles`) in GEXF, GraphML and the JSON graph
    /// formats (default: off; see [`algo::signed`](crate::algo::signed)).
    pub fn measures(mut self, measures: bool) -> ExportOptions {
        self.measures = measures;
        self
    }

    /// Whether the signed-graph measures are added.
    pub fn get_measures(&self) -> bool {
        self.measures
    }

    /// The kinds kept; `None` for every kind.
    pub fn get_kinds(&self) -> Option<&[RelationKind]> {
        self.kinds.as_deref()
    }
}

/// The relations and actors an export writes, in dataset order: actors are
/// those the relations touch (every actor, for the whole graph).
pub(crate) struct Selection<'g> {
    pub(crate) actors: Vec<ActorRef<'g>>,
    pub(crate) relations: Vec<RelationRef<'g>>,
}

pub(crate) fn select<'g>(scope: Scope<'g>, options: &ExportOptions) -> Selection<'g> {
    let wanted = |r: &RelationRef<'_>| options.kinds.as_ref().is_none_or(|k| k.contains(&r.kind()));
    let (mut relations, mut actors): (Vec<RelationRef<'g>>, Vec<ActorRef<'g>>) = match scope {
        Scope::Whole(graph) => (
            graph.relations().filter(wanted).collect(),
            graph.actor_handles().collect(),
        ),
        Scope::View(view) => {
            let relations: Vec<RelationRef<'g>> = view.relations().filter(wanted).collect();
            let actors = relations
                .iter()
                .flat_map(|r| [r.subject(), r.object()])
                .collect();
            (relations, actors)
        }
    };
    relations.sort_by_key(RelationRef::order);
    actors.sort_by_key(|a| a.order());
    actors.dedup();
    Selection { actors, relations }
}

/// A relation's dates as exports write them. Days are half-open like the
/// library's intervals: a state possibly holds on `d` when
/// `holds_from <= d < holds_until` (an empty bound is open) and certainly
/// when `certain_from <= d < certain_until`. An event happened on one day
/// from `holds_from` to `holds_last`.
pub(crate) struct Dates {
    pub(crate) from: Option<When>,
    pub(crate) until: Option<When>,
    pub(crate) on: Option<When>,
    pub(crate) holds_from: Option<Date>,
    pub(crate) holds_until: Option<Date>,
    pub(crate) certain_from: Option<Date>,
    pub(crate) certain_until: Option<Date>,
    /// The last day it possibly held (inclusive), for tools that read
    /// intervals closed, as Gephi does.
    pub(crate) holds_last: Option<Date>,
}

/// A bound that is a real day, not an open end.
fn real(day: Date) -> Option<Date> {
    (day != Date::MIN && day != Date::NEVER).then_some(day)
}

/// A certain bound: open (`None`) only where the library's own bound is
/// open. A start that is never certain (`[2011..]`) or an end that is
/// certain from the beginning (`[..2024]`) is written as the farthest day
/// the library knows, so "certainly holds" reads the same everywhere.
fn certain_bound(day: Date, open: Date) -> Option<Date> {
    if day == open {
        None
    } else if day == Date::NEVER {
        Some(Date::MAX)
    } else {
        Some(day)
    }
}

pub(crate) fn dates(relation: &RelationRef<'_>) -> Dates {
    let interval: Interval = relation.interval();
    if let Some(on) = relation.happened_on() {
        let last = on.last_day();
        return Dates {
            from: None,
            until: None,
            on: Some(on),
            holds_from: real(on.first_day()),
            holds_until: last.and_then(Date::following),
            certain_from: real(on.first_day()),
            certain_until: last.and_then(Date::following),
            holds_last: last,
        };
    }
    let holds_until = real(interval.possible_until());
    Dates {
        from: interval.start(),
        until: interval.end(),
        on: None,
        holds_from: real(interval.possible_from()),
        holds_until,
        certain_from: interval
            .start()
            .and_then(|_| certain_bound(interval.certain_from(), Date::MIN)),
        certain_until: interval
            .end()
            .and_then(|_| certain_bound(interval.certain_until(), Date::NEVER)),
        holds_last: holds_until.and_then(Date::preceding),
    }
}

/// How precisely a bound is known: `year`, `month`, `day` or `range`.
pub(crate) fn precision(bound: Option<When>) -> &'static str {
    match bound.map(|b| b.as_partial().map(|p| p.precision())) {
        None => "",
        Some(Some(Precision::Year)) => "year",
        Some(Some(Precision::Month)) => "month",
        Some(Some(Precision::Day)) => "day",
        Some(None) => "range",
    }
}

/// Wikidata's time precision code for a bound: 9 year, 10 month, 11 day;
/// a range is written at the precision of its coarser end.
pub(crate) fn wikidata_precision(bound: When) -> u8 {
    let of = |p: Precision| match p {
        Precision::Year => 9,
        Precision::Month => 10,
        Precision::Day => 11,
    };
    match bound.as_range() {
        None => match bound.as_partial() {
            Some(date) => of(date.precision()),
            None => span_precision(bound),
        },
        Some((low, high)) => low
            .into_iter()
            .chain(high)
            .map(|d| of(d.precision()))
            .min()
            .unwrap_or(9),
    }
}

/// Wikidata's precision for an EDTF date: the finest of day (11), month
/// (10), year (9), decade (8), century (7) or millennium (6) whose one
/// period holds every day it can mean; 6 when open.
fn span_precision(bound: When) -> u8 {
    let (first, Some(last)) = (bound.first_day(), bound.last_day()) else {
        return 6;
    };
    let same = |div: i16| first.year() / div == last.year() / div;
    if first == last {
        11
    } else if same(1) && first.month() == last.month() {
        10
    } else if same(1) {
        9
    } else if same(10) {
        8
    } else if same(100) {
        7
    } else {
        6
    }
}

/// Text or empty, for optional values in formats without nulls.
pub(crate) fn text<T: ToString>(value: Option<T>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

/// Escapes text for XML content and double-quoted attributes. Characters
/// XML 1.0 cannot carry at all (most controls) become U+FFFD, so hostile
/// data still gives a well-formed file.
pub(crate) fn escape_xml(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    for c in raw.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Kept in attributes as character references, so parsers do
            // not normalise them to spaces.
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' => out.push_str("&#9;"),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// A relation's citations as one text, each `source (published): quote`,
/// for formats that carry them in a single attribute.
/// The grade of each citation [`quotes`] lists, in its order, separated by
/// spaces: `B2 ungraded`.
pub(crate) fn grades(relation: &RelationRef<'_>) -> String {
    let grades: Vec<String> = relation
        .citations()
        .map(|e| crate::base::grade::Grade::label(e.grade()))
        .collect();
    grades.join(" ")
}

/// The roll-up of a relation's grades as attribute values: its best
/// supporting grade, its best disputing grade (each `B2`, or empty when
/// none is graded) and its count of independent supporting claimants.
pub(crate) fn roll_up(relation: &RelationRef<'_>) -> [String; 3] {
    [
        text(relation.best_supporting_grade()),
        text(relation.best_disputing_grade()),
        relation.independent_claimants().to_string(),
    ]
}

pub(crate) fn quotes(relation: &RelationRef<'_>) -> Vec<String> {
    relation
        .citations()
        .map(|e| {
            format!(
                "{} ({}): {}",
                e.source().id,
                e.source().published,
                e.quote()
            )
        })
        .collect()
}
