//! Compact storage of relations: interned text, packed dates, shared
//! citations and side tables for what few relations carry.
//!
//! A million relations loaded as owned [`Relation`] records cost hundreds of
//! bytes each, most of it string headers and small heap blocks. Here a
//! relation is a 12-byte [`Span`] (the graph's edge weight, beside the two
//! endpoints), its id in one shared text buffer, and its citations as pairs
//! of numbers into the source list and a table of distinct quotes.

use std::hash::BuildHasher;

use hashbrown::HashTable;

use crate::graph::FastHash;
use crate::{
    Citation, Claimant, Date, Interval, PartialDate, Precision, Relation, RelationKind, Stance,
};

/// Distinct strings kept end to end in one buffer, numbered in order of
/// arrival and found through a hash table of their numbers. Relation ids
/// are unique once validated, so an id's number is its relation's position.
#[derive(Clone, Debug, Default)]
pub(crate) struct Interner {
    text: String,
    /// `ends[i]` is where string `i` ends in `text`; it starts where the
    /// previous one ends.
    ends: Vec<u32>,
    lookup: HashTable<u32>,
    hasher: FastHash,
}

impl Interner {
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
    }

    /// String number `symbol`.
    pub(crate) fn get(&self, symbol: u32) -> &str {
        slice(&self.text, &self.ends, symbol)
    }

    /// The number of `s`, if held.
    pub(crate) fn find(&self, s: &str) -> Option<u32> {
        let hash = self.hasher.hash_one(s);
        self.lookup.find(hash, |&sym| self.get(sym) == s).copied()
    }

    /// The number of `s`, adding it if new.
    pub(crate) fn intern(&mut self, s: &str) -> u32 {
        let hash = self.hasher.hash_one(s);
        let entry = self.lookup.entry(
            hash,
            |&sym| slice(&self.text, &self.ends, sym) == s,
            |&sym| self.hasher.hash_one(slice(&self.text, &self.ends, sym)),
        );
        match entry {
            hashbrown::hash_table::Entry::Occupied(found) => *found.get(),
            hashbrown::hash_table::Entry::Vacant(slot) => {
                let symbol = self.ends.len() as u32;
                self.text.push_str(s);
                self.ends.push(self.text.len() as u32);
                slot.insert(symbol);
                symbol
            }
        }
    }

    /// Every string, in order of number.
    pub(crate) fn iter(&self) -> impl Iterator<Item = &str> {
        (0..self.ends.len() as u32).map(|s| self.get(s))
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

fn slice<'a>(text: &'a str, ends: &[u32], symbol: u32) -> &'a str {
    let i = symbol as usize;
    let end = ends.get(i).copied().unwrap_or(0) as usize;
    let start = if i == 0 { 0 } else { ends[i - 1] as usize };
    text.get(start..end).unwrap_or("")
}

/// Records with an id, kept in order of arrival and found by id through a
/// table of their positions: unlike a map keyed by a copy of the id, the
/// id is stored once, inside the record.
#[derive(Clone, Debug)]
pub(crate) struct Keyed<T> {
    items: Vec<T>,
    lookup: HashTable<u32>,
    hasher: FastHash,
}

impl<T> Default for Keyed<T> {
    fn default() -> Keyed<T> {
        Keyed {
            items: Vec::new(),
            lookup: HashTable::new(),
            hasher: FastHash::default(),
        }
    }
}

impl<T: PartialEq> PartialEq for Keyed<T> {
    fn eq(&self, other: &Keyed<T>) -> bool {
        self.items == other.items
    }
}

/// A record that [`Keyed`] can hold.
pub(crate) trait HasId {
    fn key(&self) -> &str;
}

impl HasId for crate::Actor {
    fn key(&self) -> &str {
        self.id.as_str()
    }
}

impl HasId for crate::Source {
    fn key(&self) -> &str {
        self.id.as_str()
    }
}

impl<T: HasId> Keyed<T> {
    pub(crate) fn len(&self) -> usize {
        self.items.len()
    }

    pub(crate) fn reserve(&mut self, additional: usize) {
        reserve_batch(&mut self.items, additional);
        self.lookup.reserve(additional, |&i| {
            self.hasher.hash_one(self.items[i as usize].key())
        });
    }

    /// Adds `item`, whose id the caller has checked is new.
    pub(crate) fn push(&mut self, item: T) {
        let position = self.items.len() as u32;
        let hash = self.hasher.hash_one(item.key());
        self.items.push(item);
        self.lookup.insert_unique(hash, position, |&i| {
            self.hasher.hash_one(self.items[i as usize].key())
        });
    }

    pub(crate) fn get_index_of(&self, id: impl AsRef<str>) -> Option<usize> {
        let id = id.as_ref();
        let hash = self.hasher.hash_one(id);
        self.lookup
            .find(hash, |&i| self.items[i as usize].key() == id)
            .map(|&i| i as usize)
    }

    pub(crate) fn get(&self, id: impl AsRef<str>) -> Option<&T> {
        self.get_index_of(id).map(|i| &self.items[i])
    }

    pub(crate) fn get_index(&self, position: usize) -> Option<&T> {
        self.items.get(position)
    }

    pub(crate) fn values(&self) -> std::slice::Iter<'_, T> {
        self.items.iter()
    }

    pub(crate) fn keys(&self) -> impl Iterator<Item = &str> {
        self.items.iter().map(HasId::key)
    }
}

impl<T> std::ops::Index<usize> for Keyed<T> {
    type Output = T;

    fn index(&self, position: usize) -> &T {
        &self.items[position]
    }
}

const HAS_START: u8 = 1;
const HAS_END: u8 = 1 << 1;
const DISPUTED: u8 = 1 << 2;
const START_PRECISION: u8 = 3;
const END_PRECISION: u8 = 5;

/// What a neighbourhood or as-of query reads of a relation, in 12 bytes:
/// the bounds of the days it possibly held, its kind, and enough bits to
/// rebuild its [`Interval`] exactly.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Span {
    pub(crate) possible_from: Date,
    pub(crate) possible_until: Date,
    pub(crate) kind: RelationKind,
    /// `HAS_START`, `HAS_END`, `DISPUTED`, and each end's precision in two bits.
    shape: u8,
    /// How many citations the relation has; it fills what would otherwise
    /// be padding, and saves a four-byte offset per relation.
    pub(crate) citations: u16,
}

fn precision_bits(date: PartialDate) -> u8 {
    match date.precision() {
        Precision::Year => 0,
        Precision::Month => 1,
        Precision::Day => 2,
    }
}

/// The partial date of `precision` (two bits) that contains `day`.
fn widen(day: Date, precision: u8) -> Option<PartialDate> {
    match precision {
        0 => PartialDate::year(day.year()).ok(),
        1 => PartialDate::month(day.year(), day.month()).ok(),
        _ => Some(PartialDate::from(day)),
    }
}

impl Span {
    pub(crate) fn new(
        kind: RelationKind,
        interval: Interval,
        disputed: bool,
        citations: u16,
    ) -> Span {
        let mut shape = if disputed { DISPUTED } else { 0 };
        if let Some(start) = interval.start() {
            shape |= HAS_START | precision_bits(start) << START_PRECISION;
        }
        if let Some(end) = interval.end() {
            shape |= HAS_END | precision_bits(end) << END_PRECISION;
        }
        Span {
            possible_from: interval.possible_from(),
            possible_until: interval.possible_until(),
            kind,
            shape,
            citations,
        }
    }

    /// Whether some citation, whenever published, disputes the relation.
    pub(crate) fn is_disputed(&self) -> bool {
        self.shape & DISPUTED != 0
    }

    /// The interval it was built from.
    pub(crate) fn interval(&self) -> Interval {
        // The possible bounds are the start's first day and the end's last
        // day; with the precision, each names exactly one partial date.
        let start = (self.shape & HAS_START != 0)
            .then(|| widen(self.possible_from, self.shape >> START_PRECISION & 3))
            .flatten();
        let end = (self.shape & HAS_END != 0)
            .then(|| widen(self.possible_until, self.shape >> END_PRECISION & 3))
            .flatten();
        Interval::new(start, end).unwrap_or_default()
    }
}

/// The first days some source supporting, or disputing, a relation had
/// appeared, possibly and certainly; `Date::NEVER` where none.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Knowledge {
    pub(crate) known_possibly: Date,
    pub(crate) known_certainly: Date,
    pub(crate) disputed_possibly: Date,
    pub(crate) disputed_certainly: Date,
}

/// A citation as numbers: the source's position, with the top bit set when
/// it disputes, and the quote's number.
#[derive(Clone, Copy, Debug)]
pub(crate) struct CitationRow {
    source: u32,
    pub(crate) quote: u32,
}

const DISPUTES: u32 = 1 << 31;

impl CitationRow {
    pub(crate) fn source(&self) -> usize {
        (self.source & !DISPUTES) as usize
    }

    pub(crate) fn stance(&self) -> Stance {
        if self.source & DISPUTES != 0 {
            Stance::Disputes
        } else {
            Stance::Supports
        }
    }
}

/// Relations per entry of [`RelationStore::citation_blocks`].
pub(crate) const CITATION_BLOCK: usize = 16;

/// Everything about relations except their endpoints and spans, which the
/// graph's edges hold. Position `i` everywhere is the graph's relation `i`.
#[derive(Clone, Debug, Default)]
pub(crate) struct RelationStore {
    /// Relation ids; an id's number is its relation's position.
    pub(crate) ids: Interner,
    len: usize,
    /// Where the citations of relations `16 b ..` begin in `citations`; a
    /// relation's own start adds the counts in the spans before it in its
    /// block, which keeps one offset per sixteen relations, not per one.
    pub(crate) citation_blocks: Vec<u32>,
    pub(crate) citations: Vec<CitationRow>,
    pub(crate) quotes: Interner,
    /// Sorted by citation number; few citations name a claimant.
    citation_claims: Vec<(u32, Claimant)>,
    /// Sorted by relation position.
    relation_claims: Vec<(u32, Claimant)>,
    /// Sorted by relation position.
    notes: Vec<(u32, Box<str>)>,
}

fn sparse<T>(table: &[(u32, T)], key: u32) -> Option<&T> {
    table
        .binary_search_by_key(&key, |(k, _)| *k)
        .ok()
        .map(|i| &table[i].1)
}

impl RelationStore {
    pub(crate) fn len(&self) -> usize {
        self.len
    }

    /// Makes room for `relations`, without guessing at their text.
    pub(crate) fn reserve(&mut self, relations: &[Relation]) {
        let id_bytes = relations.iter().map(|r| r.id.as_str().len()).sum();
        self.ids.reserve(relations.len(), id_bytes);
        reserve_batch(
            &mut self.citation_blocks,
            relations.len().div_ceil(CITATION_BLOCK),
        );
        reserve_batch(
            &mut self.citations,
            relations.iter().map(|r| r.citations.len()).sum(),
        );
    }

    /// Stores `relation`'s id, citations, claimant and note at the next
    /// position; `sources` are its citations' source positions.
    pub(crate) fn push(&mut self, relation: &Relation, sources: &[u32]) {
        let position = self.len as u32;
        if self.len.is_multiple_of(CITATION_BLOCK) {
            self.citation_blocks.push(self.citations.len() as u32);
        }
        self.len += 1;
        self.ids.intern(relation.id.as_str());
        for (citation, &source) in relation.citations.iter().zip(sources) {
            let number = self.citations.len() as u32;
            let disputes = if citation.stance == Stance::Disputes {
                DISPUTES
            } else {
                0
            };
            self.citations.push(CitationRow {
                source: source | disputes,
                quote: self.quotes.intern(&citation.quote),
            });
            if let Some(claimant) = &citation.claimed_by {
                self.citation_claims.push((number, claimant.clone()));
            }
        }
        if let Some(claimant) = &relation.claimed_by {
            self.relation_claims.push((position, claimant.clone()));
        }
        if let Some(note) = &relation.note {
            self.notes.push((position, note.as_str().into()));
        }
    }

    pub(crate) fn citation(&self, number: u32) -> CitationRow {
        self.citations[number as usize]
    }

    pub(crate) fn citation_claimant(&self, number: u32) -> Option<&Claimant> {
        sparse(&self.citation_claims, number)
    }

    pub(crate) fn claimant(&self, position: u32) -> Option<&Claimant> {
        sparse(&self.relation_claims, position)
    }

    pub(crate) fn note(&self, position: u32) -> Option<&str> {
        sparse(&self.notes, position).map(|n| &**n)
    }

    /// Citation `number` as an owned record, with `source_id` for its source.
    pub(crate) fn to_citation(&self, number: u32, source_id: crate::SourceId) -> Citation {
        let row = self.citation(number);
        Citation {
            source: source_id,
            quote: self.quotes.get(row.quote).to_owned(),
            stance: row.stance(),
            claimed_by: self.citation_claimant(number).cloned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interner_numbers_in_order_and_deduplicates() {
        let mut strings = Interner::default();
        assert_eq!(strings.intern("alpha"), 0);
        assert_eq!(strings.intern("beta"), 1);
        assert_eq!(strings.intern("alpha"), 0);
        assert_eq!(strings.intern(""), 2);
        assert_eq!(strings.get(1), "beta");
        assert_eq!(strings.get(2), "");
        assert_eq!(strings.find("beta"), Some(1));
        assert_eq!(strings.find("gamma"), None);
        assert_eq!(strings.iter().collect::<Vec<_>>(), ["alpha", "beta", ""]);
    }

    #[test]
    fn span_rebuilds_every_shape_of_interval() {
        let dates: Vec<Option<PartialDate>> =
            [None, Some("2016"), Some("2016-02"), Some("2016-02-29")]
                .into_iter()
                .map(|d| d.map(|d| d.parse().unwrap()))
                .collect();
        let ends: Vec<Option<PartialDate>> =
            [None, Some("2020"), Some("2020-12"), Some("2020-12-31")]
                .into_iter()
                .map(|d| d.map(|d| d.parse().unwrap()))
                .collect();
        for &start in &dates {
            for &end in &ends {
                let interval = Interval::new(start, end).unwrap();
                for disputed in [false, true] {
                    let span = Span::new(RelationKind::Backs, interval, disputed, 3);
                    assert_eq!(span.interval(), interval);
                    assert_eq!(span.is_disputed(), disputed);
                }
            }
        }
        assert_eq!(std::mem::size_of::<Span>(), 12);
    }
}
