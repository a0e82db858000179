//! Distinct strings end to end in one buffer.

use std::hash::BuildHasher;
use std::marker::PhantomData;
use std::sync::OnceLock;

use hashbrown::HashTable;
use rayon::iter::ParallelIterator;
#[cfg(feature = "parquet")]
use rayon::iter::{IndexedParallelIterator, IntoParallelRefIterator};
use rayon::slice::{ParallelSlice, ParallelSliceMut};

use super::FastHash;
use super::ix::{Ix, IxRange, all};

/// The most bytes an interner holds: its offsets are `u32`.
pub(crate) const TEXT_LIMIT: usize = u32::MAX as usize;

/// Distinct strings kept end to end in one buffer, numbered in order of
/// arrival. Relation ids are unique once validated, so an id's number is
/// its relation's position.
#[derive(Clone, Debug)]
pub(crate) struct Interner<I> {
    text: String,
    /// `ends[i]` is where string `i` ends in `text`; it starts where the
    /// previous one ends.
    ends: Vec<u32>,
    lookup: Lookup<I>,
    hasher: FastHash,
    marker: PhantomData<I>,
}

/// How strings are found by their text.
#[derive(Clone, Debug)]
enum Lookup<I> {
    /// A hash table of numbers, while strings are being added: O(1) a
    /// string, but its power-of-two buckets, at most 7/8 full, take 5 to
    /// 10 bytes a string.
    Hashed(HashTable<I>),
    /// The numbers in order of their strings, once a large batch is in:
    /// O(log n) a lookup, in exactly 4 bytes a string. They are sorted
    /// when first looked up by, not when the batch is in: a load is then
    /// not kept waiting for an order that many of its uses never need
    /// (the as-of questions look nothing up by id), as the graph's own
    /// indexes are made when first asked. The next string added rebuilds
    /// the hash table.
    Sorted(OnceLock<Vec<I>>),
    /// None, while a bulk load of strings it vouches are distinct is
    /// [`add`](Interner::add)ed; [`index_distinct`](Interner::index_distinct)
    /// checks the claim once all are in. A lookup meanwhile
    /// reads every string.
    Unindexed,
}

impl<I> Default for Interner<I> {
    fn default() -> Interner<I> {
        Interner {
            text: String::new(),
            ends: Vec::new(),
            lookup: Lookup::Hashed(HashTable::new()),
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
        if matches!(self.lookup, Lookup::Unindexed) {
            return;
        }
        // Closures borrow only the fields they use, so the table can be
        // mutated while its hasher reads the text.
        self.thaw();
        let (text, ends, hasher) = (&self.text, &self.ends, &self.hasher);
        if let Lookup::Hashed(table) = &mut self.lookup {
            table.reserve(strings, |&s| hasher.hash_one(slice(text, ends, s)));
        }
    }

    /// Gives back the room that doubling left unused; worth it only after
    /// a batch large next to what was held, or it would undo the doubling.
    pub(crate) fn shrink_to_fit(&mut self) {
        self.text.shrink_to_fit();
        self.ends.shrink_to_fit();
        let (text, ends, hasher) = (&self.text, &self.ends, &self.hasher);
        match &mut self.lookup {
            Lookup::Hashed(table) => {
                table.shrink_to_fit(|&s| hasher.hash_one(slice(text, ends, s)));
            }
            Lookup::Sorted(order) => {
                if let Some(order) = order.get_mut() {
                    order.shrink_to_fit();
                }
            }
            Lookup::Unindexed => {}
        }
    }

    /// Drops the lookup for a bulk load of strings that are distinct, or
    /// are checked to be by [`index_distinct`](Self::index_distinct) once
    /// all are in: [`add`](Self::add) then appends without looking, where
    /// a hash table of a million ids, built only to be sorted after, took
    /// a cache miss or two a string.
    pub(crate) fn unindex(&mut self) {
        self.lookup = Lookup::Unindexed;
    }

    /// Says whether no string is held twice; if none is, the interner is
    /// frozen as by [`freeze`](Self::freeze), else it stays unindexed.
    ///
    /// The strings' hashes are sorted, not the strings: numbers in one
    /// array, where a sort by string compares text all over the buffer.
    /// Only when two hashes tie (a string held twice, or two of a million
    /// strings that hash alike, which happens in fewer than one load of a
    /// million in ten million) are the strings sorted and compared
    /// themselves.
    ///
    /// # Complexity
    ///
    /// O(n) hashing and an O(n log n) sort of numbers, over both cores.
    #[cfg(feature = "parquet")]
    pub(crate) fn index_distinct(&mut self) -> bool {
        if !matches!(self.lookup, Lookup::Unindexed) {
            return true;
        }
        let (text, ends, hasher) = (&self.text, &self.ends, &self.hasher);
        let mut hashes: Vec<u64> = ends
            .par_iter()
            .enumerate()
            .map(|(i, &end)| {
                let start = i.checked_sub(1).map_or(0, |previous| ends[previous]);
                hasher.hash_one(text.get(start as usize..end as usize).unwrap_or(""))
            })
            .collect();
        hashes.par_sort_unstable();
        let distinct = hashes.par_windows(2).all(|pair| pair[0] != pair[1]) || {
            let keyed = self.keyed_order();
            keyed.par_windows(2).all(|pair| {
                let ((a_prefix, a), (b_prefix, b)) = (pair[0], pair[1]);
                a_prefix != b_prefix || slice(text, ends, a) != slice(text, ends, b)
            })
        };
        if distinct {
            self.freeze();
        }
        distinct
    }

    /// Trades the hash table for the numbers sorted by string, sorted when
    /// first looked up by: after a bulk load, when lookups by text become
    /// rare.
    ///
    /// # Complexity
    ///
    /// O(1) here; the first lookup after sorts, in O(n log n) string
    /// comparisons over both cores.
    pub(crate) fn freeze(&mut self) {
        if matches!(self.lookup, Lookup::Sorted(_)) {
            return;
        }
        self.lookup = Lookup::Sorted(OnceLock::new());
    }

    /// The numbers sorted by their strings, over both cores. Each is sorted
    /// with its string's first eight bytes beside it, so that most
    /// comparisons are of two numbers in the array being sorted, not of
    /// two strings far apart in the text (a cache miss each at a million
    /// strings); only numbers whose first eight bytes tie compare text.
    fn order(&self) -> Vec<I> {
        let keyed = self.keyed_order();
        keyed.into_iter().map(|(_, symbol)| symbol).collect()
    }

    /// The numbers sorted by their strings, each with its string's first
    /// eight bytes ([`prefix`]).
    fn keyed_order(&self) -> Vec<(u64, I)> {
        let (text, ends) = (&self.text, &self.ends);
        let mut keyed: Vec<(u64, I)> = self
            .symbols()
            .map(|symbol| (prefix(slice(text, ends, symbol)), symbol))
            .collect();
        keyed.par_sort_unstable_by(|(a_prefix, a), (b_prefix, b)| {
            a_prefix
                .cmp(b_prefix)
                .then_with(|| slice(text, ends, *a).cmp(slice(text, ends, *b)))
        });
        keyed
    }

    /// The numbers in order of their strings, as [`freeze`](Self::freeze)
    /// keeps them; computed when the interner is not frozen.
    pub(crate) fn sorted(&self) -> std::borrow::Cow<'_, [I]> {
        match &self.lookup {
            Lookup::Sorted(order) => std::borrow::Cow::Borrowed(order.get_or_init(|| self.order())),
            Lookup::Hashed(_) | Lookup::Unindexed => std::borrow::Cow::Owned(self.order()),
        }
    }

    /// An interner of `strings`, frozen with `order`, the numbers sorted by
    /// string, as [`sorted`](Self::sorted) gives them; `None` unless `order`
    /// is a permutation that sorts the strings strictly (so no string
    /// comes twice), or when there are too many strings or bytes.
    pub(crate) fn from_sorted<'s>(
        strings: impl ExactSizeIterator<Item = &'s str>,
        order: Vec<I>,
    ) -> Option<Interner<I>> {
        let mut interner = Interner::default();
        interner.ends.reserve_exact(strings.len());
        for s in strings {
            I::new(interner.ends.len())?;
            let end = u32::try_from(interner.text.len() + s.len()).ok()?;
            interner.text.push_str(s);
            interner.ends.push(end);
        }
        interner.text.shrink_to_fit();
        let count = interner.ends.len();
        if order.len() != count || order.iter().any(|s| s.index() >= count) {
            return None;
        }
        // Strictly increasing strings over `count` numbers in range: each
        // number once, so a permutation, and every string distinct. The
        // comparisons jump about the text, a cache miss each at a million
        // strings, so they are spread over the cores.
        let increasing = order
            .par_windows(2)
            .all(|pair| interner.get(pair[0]) < interner.get(pair[1]));
        if !increasing {
            return None;
        }
        interner.lookup = Lookup::Sorted(OnceLock::from(order));
        Some(interner)
    }

    /// Rebuilds the hash table if the interner was frozen or unindexed.
    fn thaw(&mut self) {
        if !matches!(self.lookup, Lookup::Hashed(_)) {
            let mut table = HashTable::with_capacity(self.ends.len());
            for symbol in self.symbols() {
                let hash = self.hasher.hash_one(self.get(symbol));
                table.insert_unique(hash, symbol, |&s| {
                    self.hasher.hash_one(slice(&self.text, &self.ends, s))
                });
            }
            self.lookup = Lookup::Hashed(table);
        }
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
        match &self.lookup {
            Lookup::Hashed(table) => {
                let hash = self.hasher.hash_one(s);
                table.find(hash, |&sym| self.get(sym) == s).copied()
            }
            Lookup::Sorted(order) => {
                let order = order.get_or_init(|| self.order());
                order
                    .binary_search_by(|&sym| self.get(sym).cmp(s))
                    .ok()
                    .map(|i| order[i])
            }
            Lookup::Unindexed => self.symbols().find(|&sym| self.get(sym) == s),
        }
    }

    /// The number of `s`, adding it if new; `None` when the interner is
    /// full, which validation rules out before anything is added.
    pub(crate) fn intern(&mut self, s: &str) -> Option<I> {
        let hash = self.hasher.hash_one(s);
        self.thaw();
        let Lookup::Hashed(table) = &mut self.lookup else {
            return None;
        };
        let entry = table.entry(
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

    /// The number of `s`, added now; `None` when it was held already or
    /// the interner is full. One probe of the table, where a [`find`](Self::find)
    /// then an [`intern`](Self::intern) would take two; none when the
    /// interner is [`unindex`](Self::unindex)ed, whose caller checks for
    /// repeats once all are in.
    pub(crate) fn add(&mut self, s: &str) -> Option<I> {
        let before = self.len();
        if matches!(self.lookup, Lookup::Unindexed) {
            let symbol = I::new(before)?;
            let end = u32::try_from(self.text.len() + s.len()).ok()?;
            self.text.push_str(s);
            self.ends.push(end);
            return Some(symbol);
        }
        self.intern(s).filter(|symbol| symbol.index() == before)
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

/// The first eight bytes of `s` as a big-endian number, padded with zero
/// bytes: when two such numbers differ, they order their strings as the
/// strings' bytes do (a string that ends first is padded with the least
/// byte, as it sorts first); when they tie, the strings must be compared.
pub(crate) fn prefix(s: &str) -> u64 {
    let mut bytes = [0u8; 8];
    let n = s.len().min(8);
    bytes[..n].copy_from_slice(&s.as_bytes()[..n]);
    u64::from_be_bytes(bytes)
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

    #[test]
    fn adding_a_string_held_already_is_refused_and_adds_nothing() {
        let mut strings = Interner::<QuoteIx>::default();
        assert_eq!(strings.add("alpha"), q(0));
        assert_eq!(strings.add("beta"), q(1));
        assert_eq!(strings.add("alpha"), None);
        assert_eq!((strings.len(), strings.bytes()), (2, 9));
        strings.freeze();
        assert_eq!(strings.add("beta"), None);
        assert_eq!(strings.add("gamma"), q(2));
    }

    #[test]
    fn an_unindexed_interner_adds_blindly_and_finds_repeats_when_indexed() {
        let mut strings = Interner::<QuoteIx>::default();
        strings.add("first");
        strings.unindex();
        strings.reserve(3, 16);
        for word in ["pear", "apple", "pearl"] {
            strings.add(word);
        }
        assert_eq!(strings.find("apple"), q(2));
        assert!(strings.index_distinct());
        assert_eq!(strings.find("pearl"), q(3));
        assert_eq!(strings.find("first"), q(0));
        assert_eq!(strings.add("apple"), None);

        let mut repeated = Interner::<QuoteIx>::default();
        repeated.unindex();
        // Repeats whose first eight bytes tie with a neighbour's that
        // differs, and a repeat of a short string.
        for word in [
            "longer-than-8-a",
            "longer-than-8-b",
            "x",
            "longer-than-8-a",
            "x",
        ] {
            assert!(repeated.add(word).is_some());
        }
        assert!(!repeated.index_distinct());
        assert_eq!(repeated.find("x"), q(2));
    }

    #[test]
    fn a_frozen_interner_finds_the_same_and_thaws_to_add() {
        let mut strings = Interner::<QuoteIx>::default();
        for word in ["pear", "apple", "fig", "banana"] {
            strings.intern(word);
        }
        strings.freeze();
        let order: Vec<&str> = strings.sorted().iter().map(|&s| strings.get(s)).collect();
        assert_eq!(order, ["apple", "banana", "fig", "pear"]);
        for (n, word) in ["pear", "apple", "fig", "banana"].into_iter().enumerate() {
            assert_eq!(strings.find(word), q(n), "{word}");
        }
        assert_eq!(strings.find("grape"), None);
        assert_eq!(strings.find(""), None);
        // Adding brings the hash table back; old and new are found.
        assert_eq!(strings.intern("grape"), q(4));
        assert_eq!(strings.intern("fig"), q(2));
        assert_eq!(strings.find("apple"), q(1));
    }

    #[test]
    fn sorting_by_eight_byte_prefixes_orders_as_the_strings_do() {
        // Ties on the first eight bytes, strings that end inside them, a
        // zero byte against the end of a string, and bytes past 0x7f.
        let words = [
            "relation_10",
            "relation_1",
            "relation",
            "relatio",
            "r",
            "",
            "r\0",
            "r\0\0",
            "zeta",
            "\u{e9}t\u{e9}",
            "relation_2",
            "a",
            "ab",
            "abcdefgh",
            "abcdefgh\0",
            "abcdefgi",
        ];
        let mut strings = Interner::<QuoteIx>::default();
        for word in words {
            strings.intern(word);
        }
        let order: Vec<&str> = strings.sorted().iter().map(|&s| strings.get(s)).collect();
        let mut expected = words.to_vec();
        expected.sort_unstable();
        assert_eq!(order, expected);
    }

    proptest::proptest! {
        #[test]
        fn prefix_order_never_contradicts_string_order(a in ".{0,12}", b in ".{0,12}") {
            if prefix(&a) != prefix(&b) {
                proptest::prop_assert_eq!(prefix(&a) < prefix(&b), a < b);
            }
        }
    }

    #[test]
    fn an_order_that_does_not_sort_its_strings_strictly_is_refused() {
        let words = ["b", "a", "c"];
        let order = |ns: &[usize]| ns.iter().map(|&n| q(n).unwrap()).collect::<Vec<_>>();
        let ok = Interner::from_sorted(words.into_iter(), order(&[1, 0, 2])).unwrap();
        assert_eq!(ok.find("c"), q(2));
        for wrong in [
            &[0, 1, 2][..],
            &[1, 0],
            &[1, 0, 2, 2],
            &[1, 1, 2],
            &[1, 0, 3],
        ] {
            assert!(
                Interner::from_sorted(words.into_iter(), order(wrong)).is_none(),
                "{wrong:?}"
            );
        }
        let twice = ["a", "a"];
        assert!(Interner::from_sorted(twice.into_iter(), order(&[0, 1])).is_none());
    }
}
