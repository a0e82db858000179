//! Ids found in one probe of a hash table.

use std::hash::BuildHasher;

use hashbrown::HashTable;

use super::FastHash;
use super::interner::{Interner, prefix};
use super::ix::Ix;

/// Distinct ids, numbered in order of arrival as an [`Interner`] numbers
/// them, for a load that looks every id of its relations up: two a
/// relation, millions in all, in a table of tens of thousands of actors.
///
/// The interner's own table holds only numbers, so a lookup reads three
/// places far apart (the table, where the string ends, its text), a cache
/// miss each once the table outgrows the cache. Here each slot holds the
/// id's first eight bytes and its length beside its number: an id of up
/// to eight bytes is found, or found missing, in the one place, and a
/// longer one reads its text only when its first eight bytes and length
/// match.
#[derive(Clone, Debug)]
pub(crate) struct IdIndex<I> {
    ids: Interner<I>,
    table: HashTable<Slot<I>>,
    hasher: FastHash,
}

#[derive(Clone, Copy, Debug)]
struct Slot<I> {
    head: u64,
    len: u32,
    symbol: I,
}

impl<I: Ix> Default for IdIndex<I> {
    fn default() -> IdIndex<I> {
        // The interner keeps the text only: the table here finds its ids.
        let mut ids = Interner::default();
        ids.unindex();
        IdIndex {
            ids,
            table: HashTable::new(),
            hasher: FastHash::default(),
        }
    }
}

impl<I: Ix> IdIndex<I> {
    /// The number of `id`, adding it if new; `None` when full (ids past
    /// `u32::MAX` bytes, or numbers past the limit).
    pub(crate) fn intern(&mut self, id: &str) -> Option<I> {
        if let Some(found) = self.find(id) {
            return Some(found);
        }
        let symbol = self.ids.add(id)?;
        let len = u32::try_from(id.len()).ok()?;
        let slot = Slot {
            head: prefix(id),
            len,
            symbol,
        };
        let (ids, hasher) = (&self.ids, &self.hasher);
        self.table.insert_unique(hasher.hash_one(id), slot, |s| {
            hasher.hash_one(ids.get(s.symbol))
        });
        Some(symbol)
    }

    /// The number of `id`, if held.
    pub(crate) fn find(&self, id: &str) -> Option<I> {
        let head = prefix(id);
        let tail = id.as_bytes().get(8..).unwrap_or_default();
        self.table
            .find(self.hasher.hash_one(id), |s| {
                s.head == head
                    && s.len as usize == id.len()
                    && (tail.is_empty() || &self.ids.get(s.symbol).as_bytes()[8..] == tail)
            })
            .map(|s| s.symbol)
    }

    /// Every id, in order of number.
    pub(crate) fn iter(&self) -> impl Iterator<Item = &str> {
        self.ids.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::ix::ActorIx;

    #[test]
    fn ids_short_and_long_are_found_by_their_whole_text() {
        let mut ids = IdIndex::<ActorIx>::default();
        let words = [
            "iran",
            "irak",
            "",
            "hayat-tahrir-al-sham",
            "hayat-tahrir-al-shan",
            "hayat-ta",
            "hayat-tah",
        ];
        for (n, word) in words.iter().enumerate() {
            assert_eq!(ids.intern(word), ActorIx::new(n), "{word}");
        }
        assert_eq!(ids.intern("irak"), ActorIx::new(1));
        for (n, word) in words.iter().enumerate() {
            assert_eq!(ids.find(word), ActorIx::new(n), "{word}");
        }
        // Same first eight bytes, other lengths or tails; a zero byte
        // where the padding is.
        for missing in [
            "hayat-tahrir-al-shat",
            "hayat-t",
            "hayat-ta\0",
            "ira",
            "iran\0",
        ] {
            assert_eq!(ids.find(missing), None, "{missing:?}");
        }
        assert_eq!(ids.iter().collect::<Vec<_>>(), words);
    }
}
