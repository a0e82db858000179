//! Distinct strings end to end in one buffer.

use std::hash::BuildHasher;
use std::marker::PhantomData;

use hashbrown::HashTable;

use super::FastHash;
use super::ix::{Ix, IxRange, all};

/// The most bytes an interner holds: its offsets are `u32`.
pub(crate) const TEXT_LIMIT: usize = u32::MAX as usize;

/// Distinct strings kept end to end in one buffer, numbered in order of
/// arrival and found through a hash table of their numbers. Relation ids
/// are unique once validated, so an id's number is its relation's position.
#[derive(Clone, Debug)]
pub(crate) struct Interner<I> {
    text: String,
    /// `ends[i]` is where string `i` ends in `text`; it starts where the
    /// previous one ends.
    ends: Vec<u32>,
    lookup: HashTable<I>,
    hasher: FastHash,
    marker: PhantomData<I>,
}

impl<I> Default for Interner<I> {
    fn default() -> Interner<I> {
        Interner {
            text: String::new(),
            ends: Vec::new(),
            lookup: HashTable::new(),
            hasher: FastHash::default(),
            marker: PhantomData,
        }
    }
}

impl<I: Ix> Interner<I> {
    /// Makes room for `strings` more strings holding `bytes` more bytes.
    pub(crate) fn reserve(&mut self, strings: usize, bytes: usize) {
        if bytes >= self.text.len() / 8 {
            self.text.reserve_exact(bytes);
        } else {
            self.text.reserve(bytes);
        }
        reserve_batch(&mut self.ends, strings);
        // Closures borrow only the fields they use, so the table can be
        // mutated while its hasher reads the text.
        self.lookup.reserve(strings, |&s| {
            self.hasher.hash_one(slice(&self.text, &self.ends, s))
        });
    }

    /// Gives back the room that doubling left unused; worth it only after
    /// a batch large next to what was held, or it would undo the doubling.
    pub(crate) fn shrink_to_fit(&mut self) {
        self.text.shrink_to_fit();
        self.ends.shrink_to_fit();
        self.lookup
            .shrink_to_fit(|&s| self.hasher.hash_one(slice(&self.text, &self.ends, s)));
    }

    /// How many bytes of text are held.
    pub(crate) fn bytes(&self) -> usize {
        self.text.len()
    }

    /// How many strings are held.
    pub(crate) fn len(&self) -> usize {
        self.ends.len()
    }

    /// String number `symbol`.
    pub(crate) fn get(&self, symbol: I) -> &str {
        slice(&self.text, &self.ends, symbol)
    }

    /// The number of `s`, if held.
    pub(crate) fn find(&self, s: &str) -> Option<I> {
        let hash = self.hasher.hash_one(s);
        self.lookup.find(hash, |&sym| self.get(sym) == s).copied()
    }

    /// The number of `s`, adding it if new; `None` when the interner is
    /// full, which validation rules out before anything is added.
    pub(crate) fn intern(&mut self, s: &str) -> Option<I> {
        let hash = self.hasher.hash_one(s);
        let entry = self.lookup.entry(
            hash,
            |&sym| slice(&self.text, &self.ends, sym) == s,
            |&sym| self.hasher.hash_one(slice(&self.text, &self.ends, sym)),
        );
        match entry {
            hashbrown::hash_table::Entry::Occupied(found) => Some(*found.get()),
            hashbrown::hash_table::Entry::Vacant(slot) => {
                let symbol = I::new(self.ends.len())?;
                let end = u32::try_from(self.text.len() + s.len()).ok()?;
                self.text.push_str(s);
                self.ends.push(end);
                slot.insert(symbol);
                Some(symbol)
            }
        }
    }

    /// Every string, in order of number.
    pub(crate) fn iter(&self) -> impl Iterator<Item = &str> {
        self.symbols().map(|s| self.get(s))
    }

    /// Every number, in order.
    pub(crate) fn symbols(&self) -> IxRange<I> {
        all(self.ends.len())
    }
}

/// Makes room in `items` for a batch of `additional`: exactly when the
/// batch is large next to what `items` holds, so that a bulk load leaves no
/// slack, else by the usual doubling, so that adding one item at a time
/// stays amortised O(1) instead of copying everything on every add.
pub(crate) fn reserve_batch<T>(items: &mut Vec<T>, additional: usize) {
    if additional >= items.len() / 8 {
        items.reserve_exact(additional);
    } else {
        items.reserve(additional);
    }
}

fn slice<'a, I: Ix>(text: &'a str, ends: &[u32], symbol: I) -> &'a str {
    let i = symbol.index();
    let end = ends.get(i).map_or(0, |&e| e as usize);
    let start = match i.checked_sub(1) {
        Some(previous) => ends.get(previous).map_or(0, |&e| e as usize),
        None => 0,
    };
    text.get(start..end).unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::ix::QuoteIx;

    fn q(n: usize) -> Option<QuoteIx> {
        QuoteIx::new(n)
    }

    #[test]
    fn interner_numbers_in_order_and_deduplicates() {
        let mut strings = Interner::<QuoteIx>::default();
        assert_eq!(strings.intern("alpha"), q(0));
        assert_eq!(strings.intern("beta"), q(1));
        assert_eq!(strings.intern("alpha"), q(0));
        assert_eq!(strings.intern(""), q(2));
        assert_eq!(strings.get(q(1).unwrap()), "beta");
        assert_eq!(strings.get(q(2).unwrap()), "");
        assert_eq!(strings.find("beta"), q(1));
        assert_eq!(strings.find("gamma"), None);
        assert_eq!(strings.iter().collect::<Vec<_>>(), ["alpha", "beta", ""]);
    }
}
