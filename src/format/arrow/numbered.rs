//! The text columns that repeat texts the graph numbers: actors' ids (a
//! relation's ends), relations' ids (a citation's relation), sources' ids
//! and quotes. Each is built either by copying every row's text, or, for
//! the Parquet export, as each row's number into one array of all those
//! texts (an Arrow dictionary array).
//!
//! The Parquet writer reads a dictionary array's rows in place, so the
//! second way copies none of these texts into the tables: at a million
//! relations, copying the six of them row by row (nine million short
//! copies) made the export 5–7% slower.

use std::sync::Arc;

use arrow_array::builder::StringBuilder;
use arrow_array::types::UInt32Type;
use arrow_array::{ArrayRef, DictionaryArray, UInt32Array};

use crate::base::error::Error;
use crate::graph::ActorGraph;
use crate::view::ActorRef;

/// The actors' ids end to end in one buffer, by the actors' order. A
/// relation's ends are copied from here rather than from two actor
/// records far apart in memory, which at a million relations was a third
/// of building the relations table.
pub(crate) struct Ids {
    text: String,
    ends: Vec<usize>,
}

impl Ids {
    /// Every actor's id, by the actor's order.
    pub(crate) fn actors(graph: &ActorGraph) -> Ids {
        let mut all = Ids {
            text: String::new(),
            ends: Vec::with_capacity(graph.actor_count()),
        };
        for actor in graph.actor_handles() {
            all.text.push_str(actor.record().id.as_str());
            all.ends.push(all.text.len());
        }
        all
    }

    /// The id of `actor`.
    pub(crate) fn actor(&self, actor: ActorRef<'_>) -> &str {
        let order = actor.order();
        let start = order.checked_sub(1).map_or(0, |before| self.ends[before]);
        &self.text[start..self.ends[order]]
    }
}

/// Where a relations table takes its numbered texts from.
#[derive(Clone, Copy)]
pub(crate) enum Texts<'a> {
    /// Copied, the actors' ids from these.
    Copied(&'a Ids),
    /// As numbers into these.
    #[cfg_attr(not(feature = "parquet"), allow(dead_code))]
    Keyed(&'a Numbered),
}

impl<'a> Texts<'a> {
    /// The arrays to number into, if keyed.
    pub(crate) fn keyed(self) -> Option<&'a Numbered> {
        match self {
            Texts::Copied(_) => None,
            Texts::Keyed(numbered) => Some(numbered),
        }
    }

    /// The id of `actor`, to copy.
    pub(crate) fn actor_id<'g>(self, actor: ActorRef<'g>) -> &'a str
    where
        'g: 'a,
    {
        match self {
            Texts::Copied(ids) => ids.actor(actor),
            Texts::Keyed(_) => actor.record().id.as_str(),
        }
    }
}

/// Every text of each numbered kind, each kind one Arrow array indexed by
/// number: made once for an export, shared by all its row groups. Only
/// the Parquet export keys its columns.
#[cfg_attr(not(feature = "parquet"), allow(dead_code))]
pub(crate) struct Numbered {
    /// The actors' ids, by the actors' order.
    pub(crate) actors: ArrayRef,
    /// The relations' ids, by the relations' order.
    pub(crate) relations: ArrayRef,
    /// The sources' ids, by the sources' order.
    pub(crate) sources: ArrayRef,
    /// The distinct quotes, by number.
    pub(crate) quotes: ArrayRef,
}

#[cfg(feature = "parquet")]
impl Numbered {
    /// The numbered texts of `graph`.
    ///
    /// # Complexity
    ///
    /// O(n) in the texts' count and bytes: each is copied once.
    pub(crate) fn of(graph: &ActorGraph) -> Numbered {
        let store = &graph.store;
        let ids_of = |ids: Vec<&str>| all_of(ids.iter().copied(), ids.len(), bytes(&ids));
        // The relations' ids, most of the work, beside the other three.
        let (relations, (actors, (sources, quotes))) = rayon::join(
            || {
                let ids = store.relation_ids();
                all_of(ids, store.relation_count(), store.relation_id_bytes())
            },
            || {
                rayon::join(
                    || {
                        ids_of(
                            graph
                                .actor_handles()
                                .map(|a| a.record().id.as_str())
                                .collect(),
                        )
                    },
                    || {
                        rayon::join(
                            || ids_of(graph.sources().map(|s| s.id.as_str()).collect()),
                            || all_of(store.quotes(), store.quote_count(), store.quote_bytes()),
                        )
                    },
                )
            },
        );
        Numbered {
            actors,
            relations,
            sources,
            quotes,
        }
    }
}

#[cfg(feature = "parquet")]
fn bytes(texts: &[&str]) -> usize {
    texts.iter().map(|t| t.len()).sum()
}

/// `count` texts of `bytes` bytes in all as one array: with 32-bit offsets
/// when they fit, as they nearly always do, else 64-bit (the store holds
/// up to 4 GiB of quotes; a `StringBuilder` would overflow past 2).
#[cfg(feature = "parquet")]
fn all_of<'t>(texts: impl Iterator<Item = &'t str>, count: usize, bytes: usize) -> ArrayRef {
    use arrow_array::builder::LargeStringBuilder;
    if i32::try_from(bytes).is_ok() {
        let mut builder = StringBuilder::with_capacity(count, bytes);
        texts.for_each(|t| builder.append_value(t));
        Arc::new(builder.finish())
    } else {
        let mut builder = LargeStringBuilder::with_capacity(count, bytes);
        texts.for_each(|t| builder.append_value(t));
        Arc::new(builder.finish())
    }
}

/// A column of numbered texts being built: the texts copied, or their
/// numbers into the array of all of them.
pub(crate) enum TextColumn<'n> {
    /// Each row's text, copied.
    Copied(StringBuilder),
    /// Each row's number into `texts`.
    Keyed {
        /// The numbers, a row each.
        keys: Vec<u32>,
        /// Every text of the kind, by number.
        texts: &'n ArrayRef,
    },
}

impl<'n> TextColumn<'n> {
    /// A column of `rows` rows: the numbers into `texts` when given, else
    /// the texts, about `bytes` each.
    pub(crate) fn new(texts: Option<&'n ArrayRef>, rows: usize, bytes: usize) -> TextColumn<'n> {
        match texts {
            Some(texts) => TextColumn::Keyed {
                keys: Vec::with_capacity(rows),
                texts,
            },
            None => TextColumn::Copied(StringBuilder::with_capacity(rows, rows * bytes)),
        }
    }

    /// Appends text number `number`, which `text` gives when it is copied.
    #[inline]
    pub(crate) fn push<'t>(&mut self, number: usize, text: impl FnOnce() -> &'t str) {
        match self {
            TextColumn::Copied(builder) => builder.append_value(text()),
            // The store numbers every kind by `u32`; a number past that
            // would be refused by `finish` as out of range, not wrapped.
            TextColumn::Keyed { keys, .. } => keys.push(u32::try_from(number).unwrap_or(u32::MAX)),
        }
    }

    /// The column: `Utf8`, or a dictionary of `Utf8` (or `LargeUtf8`)
    /// texts with `UInt32` keys, which the Parquet writer takes for a
    /// `Utf8` column.
    pub(crate) fn finish(self) -> Result<ArrayRef, Error> {
        match self {
            TextColumn::Copied(mut builder) => Ok(Arc::new(builder.finish())),
            TextColumn::Keyed { keys, texts } => {
                DictionaryArray::<UInt32Type>::try_new(UInt32Array::from(keys), texts.clone())
                    .map(|column| Arc::new(column) as ArrayRef)
                    .map_err(|e| Error::serialize("arrow", e))
            }
        }
    }
}
