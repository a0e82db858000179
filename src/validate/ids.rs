//! Duplicate ids: within the batch, and against what the store holds.

use std::borrow::Cow;
use std::collections::HashMap;

use crate::base::error::{Fault, Item, ItemKind, Problems};
use crate::base::model::{Actor, Relation, Source};
use crate::store::{FastHash, Store};

pub(super) fn fresh_sources(store: &Store, batch: &[Source], problems: &mut Problems) -> Vec<bool> {
    fresh_ids(
        ItemKind::Source,
        batch.iter().map(|s| (s.id.as_str(), s)),
        |id| store.source_by_id(id).map(Cow::Borrowed),
        problems,
    )
}

pub(super) fn fresh_actors(store: &Store, batch: &[Actor], problems: &mut Problems) -> Vec<bool> {
    fresh_ids(
        ItemKind::Actor,
        batch.iter().map(|a| (a.id.as_str(), a)),
        |id| store.actor_by_id(id).map(Cow::Borrowed),
        problems,
    )
}

pub(super) fn fresh_relations(
    store: &Store,
    batch: &[Relation],
    problems: &mut Problems,
) -> Vec<bool> {
    // The store keeps relations packed, so one already held is rebuilt for
    // the comparison; that happens only when an id comes back.
    fresh_ids(
        ItemKind::Relation,
        batch.iter().map(|r| (r.id.as_str(), r)),
        |id| Some(Cow::Owned(store.relation_record(store.relation_ix(id)?))),
        problems,
    )
}

/// Reports ids given twice in the batch, or already held with another
/// definition, and returns for each item whether it is new.
fn fresh_ids<'a, T>(
    kind: ItemKind,
    items: impl ExactSizeIterator<Item = (&'a str, &'a T)>,
    existing: impl Fn(&str) -> Option<Cow<'a, T>>,
    problems: &mut Problems,
) -> Vec<bool>
where
    T: PartialEq + Clone + serde::Serialize + 'a,
{
    let mut seen: HashMap<&str, &T, FastHash> =
        HashMap::with_capacity_and_hasher(items.len(), FastHash::default());
    let mut fresh = Vec::with_capacity(items.len());
    for (id, item) in items {
        let earlier = seen
            .get(id)
            .map(|&t| Cow::Borrowed(t))
            .or_else(|| existing(id));
        fresh.push(earlier.is_none());
        match earlier {
            Some(earlier) if *earlier == *item => {}
            Some(earlier) => problems.push(
                Item::new(kind, id),
                Fault::DuplicateId {
                    detail: format!(
                        "first defined as {} and again as {}",
                        compact(&*earlier),
                        compact(item)
                    ),
                },
            ),
            None => {
                seen.insert(id, item);
            }
        }
    }
    fresh
}

fn compact<T: serde::Serialize>(item: &T) -> String {
    ron::to_string(item).unwrap_or_else(|e| format!("<{e}>"))
}
