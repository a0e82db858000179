//! Counts that positions and offsets must be able to hold.

use crate::base::error::{Fault, Item, ItemKind, Problems};
use crate::base::model::Dataset;
use crate::store::Store;
use crate::store::interner::TEXT_LIMIT;
use crate::store::ix::LIMIT;

/// Refuses a batch that would take a count past what the store's positions
/// or text offsets can hold, so that building can never overflow.
pub(super) fn check(store: &Store, names_held: usize, batch: &Dataset, problems: &mut Problems) {
    let first = |kind, id: Option<&str>| {
        Item::new(kind, id.unwrap_or_default()).with_part("the batch it belongs to")
    };
    let sources = first(
        ItemKind::Source,
        batch.sources.first().map(|s| s.id.as_str()),
    );
    let actors = first(ItemKind::Actor, batch.actors.first().map(|a| a.id.as_str()));
    let relations = first(
        ItemKind::Relation,
        batch.relations.first().map(|r| r.id.as_str()),
    );
    let names: usize = batch
        .actors
        .iter()
        .map(|a| 2 + a.aliases.len() + a.former_names.len())
        .sum();
    let citations: usize = batch.relations.iter().map(|r| r.citations.len()).sum();
    // Quotes are deduplicated, so their bytes in the batch bound what is added.
    let quote_bytes: usize = batch
        .relations
        .iter()
        .flat_map(|r| &r.citations)
        .map(|c| c.quote.len())
        .sum();
    let id_bytes: usize = batch.relations.iter().map(|r| r.id.as_str().len()).sum();
    let counts = [
        (
            sources,
            "sources",
            store.source_count(),
            batch.sources.len(),
            LIMIT,
        ),
        (
            actors.clone(),
            "actors",
            store.actor_count(),
            batch.actors.len(),
            LIMIT,
        ),
        (actors, "names", names_held, names, LIMIT),
        (
            relations.clone(),
            "relations",
            store.relation_count(),
            batch.relations.len(),
            LIMIT,
        ),
        (
            relations.clone(),
            "citations",
            store.citation_count(),
            citations,
            LIMIT,
        ),
        (
            relations.clone(),
            "bytes of quotes",
            store.quote_bytes(),
            quote_bytes,
            TEXT_LIMIT,
        ),
        (
            relations,
            "bytes of relation ids",
            store.relation_id_bytes(),
            id_bytes,
            TEXT_LIMIT,
        ),
    ];
    for (item, what, held, added, limit) in counts {
        let count = held.saturating_add(added);
        if count >= limit {
            problems.push(
                item,
                Fault::Capacity {
                    what,
                    count,
                    limit: limit - 1,
                },
            );
        }
    }
}
