//! No state of a person runs past their death.

use std::collections::HashMap;

use crate::base::date::{Interval, When};
use crate::base::error::{Fault, Item, ItemKind, Problems};
use crate::base::model::{Dataset, Direction, RelationKind};
use crate::store::{FastHash, Store};

/// A death, and what says so.
#[derive(Clone)]
struct Death {
    died: When,
    source: String,
}

impl Death {
    /// Keeps the earlier of two accounts: the stricter bound on later states.
    fn earlier(self, other: Death) -> Death {
        if other.died.last_or_never() < self.died.last_or_never() {
            other
        } else {
            self
        }
    }
}

/// Reports every state, in the batch or already held, of a person whose
/// death (in the batch or already held) it runs past.
pub(super) fn check_deaths(store: &Store, batch: &Dataset, problems: &mut Problems) {
    let deaths = deaths(store, batch);
    if deaths.is_empty() {
        return;
    }
    let mut report = |relation: &str, actor: &str, interval: Interval| {
        if let Some(death) = deaths.get(actor)
            && interval.runs_past(death.died)
        {
            let item = Item::new(ItemKind::Relation, relation);
            let (actor, died) = (actor.to_owned(), death.died.to_string());
            let told_by = death.source.clone();
            problems.push(
                item,
                Fault::AfterDeath {
                    actor,
                    died,
                    told_by,
                },
            );
        }
    };
    for relation in batch.relations.iter().filter(|r| !r.kind.is_event()) {
        let Ok(interval) = relation.interval() else {
            continue;
        };
        for actor in [&relation.subject, &relation.object] {
            report(relation.id.as_str(), actor.as_str(), interval);
        }
    }
    // A death new in this batch also binds the states already held.
    for actor in deaths.keys() {
        let Some(person) = store.actor_ix(actor) else {
            continue;
        };
        for direction in [Direction::Outgoing, Direction::Incoming] {
            for touch in store.touching(person, direction) {
                if !touch.span.is_event() {
                    let interval = store.interval(touch.relation);
                    report(store.relation_id(touch.relation), actor, interval);
                }
            }
        }
    }
}

/// Every death the batch tells or bears on, by actor id: `died` fields and
/// killings, in the batch and, for the actors the batch touches, held.
fn deaths<'a>(store: &'a Store, batch: &'a Dataset) -> HashMap<&'a str, Death, FastHash> {
    let mut deaths: HashMap<&str, Death, FastHash> = HashMap::default();
    let mut add = |actor: &'a str, death: Death| {
        let merged = match deaths.remove(actor) {
            Some(known) => known.earlier(death),
            None => death,
        };
        deaths.insert(actor, merged);
    };
    for actor in &batch.actors {
        if let Some(died) = actor.died {
            add(
                actor.id.as_str(),
                Death {
                    died,
                    source: "its `died` field".to_owned(),
                },
            );
        }
    }
    for relation in batch
        .relations
        .iter()
        .filter(|r| r.kind == RelationKind::Killed)
    {
        if let Some(died) = relation.on {
            let source = format!("relation {:?}", relation.id.as_str());
            add(relation.object.as_str(), Death { died, source });
        }
    }
    if !store.knows_deaths() {
        return deaths;
    }
    let touched = batch.relations.iter().flat_map(|r| [&r.subject, &r.object]);
    for id in touched {
        let Some(person) = store.actor_ix(id.as_str()).filter(|&p| store.is_mortal(p)) else {
            continue;
        };
        let record = store.actor(person);
        if let Some(died) = record.died {
            add(
                record.id.as_str(),
                Death {
                    died,
                    source: "its `died` field".to_owned(),
                },
            );
        }
        for touch in store.touching(person, Direction::Incoming) {
            if touch.span.kind == RelationKind::Killed
                && let Some(died) = store.interval(touch.relation).start()
            {
                let source = format!("relation {:?}", store.relation_id(touch.relation));
                add(record.id.as_str(), Death { died, source });
            }
        }
    }
    deaths
}
