//! The signed-graph analysis the interactive page shows as its date slider
//! moves: for each day on which it can change, the two signed camps, the
//! frustrated relations and the unbalanced triangles, computed here by the
//! library (`algo::signed`, `algo::partition`, `algo::balance`) so that the
//! page never re-implements them.

use serde_json::{Value, json};

use crate::algo::{self, PartitionOptions, Signs};
use crate::base::date::Date;
use crate::view::View;

use super::shared::Scope;

/// The most relations a graph may have for the page to carry its analysis;
/// beyond, the page says it was not computed.
pub(crate) const MAX_RELATIONS: usize = 20_000;

/// The most days on which the signed graph may change for the page to
/// carry each day's analysis; past it the page says the graph is too
/// large, as past [`MAX_RELATIONS`]. A graph whose relations begin and end
/// on thousands of distinct days would otherwise cost a partition each.
pub(crate) const MAX_DAYS: usize = 500;

/// The partition's search steps for one day of the page: its camps are a
/// colouring, and the page says when they are not proven the fewest
/// frustrated (the analysis example searches with the full budget).
const PAGE_STEPS: u64 = 200_000;

/// The most unbalanced triangles listed per day.
const SHOWN: usize = 30;

fn plus(day: Date, days: i64) -> Option<Date> {
    let moved = day
        .to_jiff()
        .checked_add(jiff::Span::new().days(days))
        .ok()?;
    Date::try_from(moved).ok()
}

/// The days on which the signed graph can change: each bound of each
/// signed relation (and the day after), and for each event the days it
/// enters and leaves the week the signed graph counts.
fn candidate_days(view: View<'_>, signs: &Signs) -> Vec<Date> {
    let mut days = Vec::new();
    for relation in view.graph().relations() {
        if signs.sign(relation.kind()).is_none() {
            continue;
        }
        if let Some(on) = relation.happened_on() {
            let (first, last) = (on.first_day(), on.last_day().unwrap_or(on.first_day()));
            days.push(first);
            days.extend([plus(last, 6), plus(last, 7)].into_iter().flatten());
            continue;
        }
        let interval = relation.interval();
        for bound in [interval.start(), interval.end()].into_iter().flatten() {
            let first = bound.first_day();
            days.push(first);
            days.extend(first.following());
            if let Some(last) = bound.last_day() {
                days.push(last);
                days.extend(last.following());
            }
        }
    }
    let open = [
        Date::MIN,
        Date::MIN.following().unwrap_or(Date::MIN),
        Date::MAX,
        Date::NEVER,
    ];
    days.retain(|d| !open.contains(d));
    days.sort_unstable();
    days.dedup();
    days
}

/// One day's analysis as the page reads it.
fn day_analysis(view: View<'_>, signs: &Signs) -> Value {
    let signed = algo::signed(view, signs);
    let balance = algo::balance(&signed);
    let mut camps = serde_json::Map::new();
    let mut frustrated = Vec::new();
    let options = PartitionOptions::default().step_limit(PAGE_STEPS);
    if let Ok(split) = algo::partition(&signed, &options) {
        for actor in signed.actors() {
            if let Some(camp) = split.camp_of(*actor) {
                camps.insert(actor.id.to_string(), json!(camp + 1));
            }
        }
        for &t in split.frustrated_ties() {
            frustrated.extend(signed.ties()[t].relations().iter().map(|r| r.id()));
        }
    }
    let unbalanced: Vec<Value> = balance
        .unbalanced()
        .take(SHOWN)
        .map(|triangle| {
            let names: Vec<String> = triangle.actors().iter().map(|a| a.name.clone()).collect();
            let relations: Vec<&str> = triangle
                .ties()
                .iter()
                .flat_map(|t| t.relations().iter().map(|r| r.id()))
                .collect();
            json!({"actors": names, "relations": relations})
        })
        .collect();
    json!({
        "ratio": balance.ratio(),
        "triangles": balance.triangles().len(),
        "count": balance.unbalanced_count(),
        "camps": camps,
        "frustrated": frustrated,
        "unbalanced": unbalanced,
    })
}

/// For the page's settings: the analysis of each day on which it changes,
/// read as the page opens (the view's certainty and knowledge date, or
/// *possibly* and every source), or `null` for a graph over
/// [`MAX_RELATIONS`].
pub(crate) fn analysis_days(scope: Scope<'_>) -> Value {
    let graph = scope.graph();
    if graph.relation_count() > MAX_RELATIONS {
        return Value::Null;
    }
    let view = match scope {
        Scope::View(view) => view,
        Scope::Whole(graph) => graph.at(Date::MIN),
    };
    let signs = Signs::default();
    let candidates = candidate_days(view, &signs);
    if candidates.len() > MAX_DAYS {
        return Value::Null;
    }
    let mut days: Vec<Value> = Vec::new();
    let mut previous: Option<Value> = None;
    for day in candidates {
        let analysis = day_analysis(view.on(day), &signs);
        if previous.as_ref() == Some(&analysis) {
            continue;
        }
        previous = Some(analysis.clone());
        let mut entry = json!({"from": day.to_string()});
        if let (Value::Object(entry), Value::Object(analysis)) = (&mut entry, analysis) {
            entry.extend(analysis);
        }
        days.push(entry);
    }
    json!({
        "certainly": view.get_certainty() == crate::base::date::Certainty::Certainly,
        "known_by": view.knowledge_date().map(|d| d.to_string()).unwrap_or_default(),
        "days": days,
    })
}
