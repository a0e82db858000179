//! No state of a person runs past their death.

use std::collections::HashMap;

use crate::base::date::{Holding, Interval};
use crate::base::death::Death;
use crate::base::error::{Fault, Item, ItemKind, Problems};
use crate::base::model::{Dataset, Direction, RelationKind};
use crate::store::ix::ActorIx;
use crate::store::{FastHash, Store};

/// Reports every state, in the batch or already held, of a person whose
/// death (in the batch or already held) it runs past.
pub(super) fn check_deaths(store: &Store, batch: &Dataset, problems: &mut Problems) {
    let deaths = deaths(store, batch);
    if deaths.is_empty() {
        return;
    }
    let mut report = |relation: &str, actor: &str, interval: Interval| {
        report_past_death(&deaths, relation, actor, interval, problems);
    };
    for relation in batch.relations.iter().filter(|r| !r.kind.is_event()) {
        let Ok(interval) = relation.interval() else {
            continue;
        };
        for actor in [&relation.subject, &relation.object] {
            report(relation.id.as_str(), actor.as_str(), interval);
        }
    }
    // A death new in this batch also binds the states already held: one
    // pass over the held relations' ends finds those of every such person.
    let mut people: Vec<ActorIx> = deaths.keys().filter_map(|id| store.actor_ix(id)).collect();
    if people.is_empty() {
        return;
    }
    people.sort_unstable();
    let bound = store.touching_any(|actor| people.binary_search(&actor).is_ok());
    for (relation, person, _) in bound {
        if !store.span(relation).is_event() {
            let actor = store.actor(person).id.as_str();
            report(store.relation_id(relation), actor, store.interval(relation));
        }
    }
}

/// Reports the state `relation` of `actor` if it runs past the actor's
/// death in `deaths`.
fn report_past_death(
    deaths: &HashMap<&str, Death, FastHash>,
    relation: &str,
    actor: &str,
    interval: Interval,
    problems: &mut Problems,
) {
    if let Some(death) = deaths.get(actor)
        && interval.runs_past(death.died()) == Holding::Certainly
    {
        let item = Item::new(ItemKind::Relation, relation);
        let (actor, died) = (actor.to_owned(), death.died().to_string());
        let told_by = death.told_by().to_owned();
        problems.push(
            item,
            Fault::AfterDeath {
                actor,
                died,
                told_by,
            },
        );
    }
}

/// Reports every state held of a person whose death is held: for a store
/// built without [`check_deaths`], once all of it is in. One pass over the
/// relations' ends finds every relation of the people with a death.
#[cfg(feature = "parquet")]
pub(super) fn check_held(store: &Store, problems: &mut Problems) {
    if !store.knows_deaths() {
        return;
    }
    let touching = store.touching_any(|actor| store.is_mortal(actor));
    let mut deaths: HashMap<&str, Death, FastHash> = HashMap::default();
    for (_, person, _) in &touching {
        let record = store.actor(*person);
        if let Some(died) = record.died
            && !deaths.contains_key(record.id.as_str())
        {
            deaths.insert(record.id.as_str(), Death::recorded(died));
        }
    }
    for &(relation, person, direction) in &touching {
        if direction == Direction::Incoming
            && store.span(relation).kind == RelationKind::Killed
            && let Some(died) = store.interval(relation).start()
        {
            let death = Death::killed(store.relation_id(relation), died);
            add_death(&mut deaths, store.actor(person).id.as_str(), death);
        }
    }
    for (relation, person, _) in touching {
        if !store.span(relation).is_event() {
            let actor = store.actor(person).id.as_str();
            let interval = store.interval(relation);
            report_past_death(
                &deaths,
                store.relation_id(relation),
                actor,
                interval,
                problems,
            );
        }
    }
}

/// Files `death` under `actor`, keeping the earlier of two.
fn add_death<'a>(deaths: &mut HashMap<&'a str, Death, FastHash>, actor: &'a str, death: Death) {
    let merged = match deaths.remove(actor) {
        Some(known) => known.earlier(death),
        None => death,
    };
    deaths.insert(actor, merged);
}

/// Every death the batch tells or bears on, by actor id: `died` fields and
/// killings, in the batch and, for the actors the batch touches, held.
fn deaths<'a>(store: &'a Store, batch: &'a Dataset) -> HashMap<&'a str, Death, FastHash> {
    let mut deaths: HashMap<&str, Death, FastHash> = HashMap::default();
    let mut add = |actor: &'a str, death: Death| add_death(&mut deaths, actor, death);
    for actor in &batch.actors {
        if let Some(died) = actor.died {
            add(actor.id.as_str(), Death::recorded(died));
        }
    }
    for relation in batch
        .relations
        .iter()
        .filter(|r| r.kind == RelationKind::Killed)
    {
        if let Some(died) = relation.on {
            let death = Death::killed(relation.id.as_str(), died);
            add(relation.object.as_str(), death);
        }
    }
    if !store.knows_deaths() {
        return deaths;
    }
    let touched = batch.relations.iter().flat_map(|r| [&r.subject, &r.object]);
    let mut people: Vec<ActorIx> = touched
        .filter_map(|id| store.actor_ix(id.as_str()))
        .filter(|&p| store.is_mortal(p))
        .collect();
    if people.is_empty() {
        return deaths;
    }
    people.sort_unstable();
    people.dedup();
    for &person in &people {
        let record = store.actor(person);
        if let Some(died) = record.died {
            add(record.id.as_str(), Death::recorded(died));
        }
    }
    // The killings these people suffered, held: one pass over the held
    // relations' ends, whatever the number of people.
    let wanted = |actor: ActorIx| people.binary_search(&actor).is_ok();
    for (relation, person, direction) in store.touching_any(wanted) {
        if direction == Direction::Incoming
            && store.span(relation).kind == RelationKind::Killed
            && let Some(died) = store.interval(relation).start()
        {
            let death = Death::killed(store.relation_id(relation), died);
            add(store.actor(person).id.as_str(), death);
        }
    }
    deaths
}
