//! The store: every record the graph holds, relations packed.
//!
//! A million relations loaded as owned [`Relation`] records cost hundreds of
//! bytes each, most of it string headers and small heap blocks. Here a
//! relation is a 12-byte [`Span`] and its two ends (8 bytes), each in a
//! column of its own, its id in one shared text buffer, and its citations
//! as pairs of numbers into the source list and a table of distinct quotes.
//! The store keeps no adjacency lists: the neighbourhood queries of a view
//! read the neighbourhood index ([`crate::index::neighbours`]), laid out
//! once a batch is in, and the one question asked while a batch is being
//! added (which states a death binds) is answered by a pass over the ends.
//! Claimants and notes, which few relations carry, live in sorted side
//! tables. Actors and sources, few next to relations, are plain records
//! in an ordered set.
//!
//! Everything here is addressed by checked positions ([`ix`]); the store
//! hands them out as it adds records and never removes one, so a position
//! once made stays valid.

mod build;
pub(crate) mod claims;
pub(crate) mod codec;
pub(crate) mod codes;
pub(crate) mod id_index;
pub(crate) mod interner;
pub(crate) mod ix;
pub(crate) mod packed;
pub(crate) mod records;
mod snapshot;

pub use snapshot::FORMAT_VERSION;

use crate::base::date::Interval;
use crate::base::grade::Credibility;
use crate::base::model::{
    Acknowledgement, Actor, Citation, Claimant, Direction, Relation, Source, Stance,
};

use self::interner::Interner;
use self::ix::{ActorIx, CitationIx, Ix, IxRange, QuoteIx, RelationIx, SourceIx, all};
use self::packed::{Span, Tagged};
use self::records::Records;

/// The hasher of every id table: ids are hashed several times per relation
/// while loading, and SipHash made that the largest cost at a million
/// relations. foldhash is seeded per process, so crafted ids cannot be
/// tuned to collide in advance.
pub(crate) type FastHash = foldhash::fast::RandomState;

/// Relations per entry of [`Store::citation_blocks`].
const CITATION_BLOCK: usize = 16;

/// A citation as numbers: its source's position, tagged when it disputes,
/// and its quote's number.
#[derive(Clone, Copy, Debug)]
struct CitationRow {
    source: Tagged,
    quote: QuoteIx,
}

/// A relation's subject and object.
#[derive(Clone, Copy, Debug)]
struct Ends {
    subject: ActorIx,
    object: ActorIx,
}

/// Every record of a graph.
#[derive(Clone, Debug, Default)]
pub(crate) struct Store {
    sources: Records<Source, SourceIx>,
    actors: Records<Actor, ActorIx>,
    /// Relation `j`'s kind, dates and flags. petgraph's graph held these
    /// as edge weights beside 8 bytes of linked-list pointers a relation,
    /// which the neighbourhood index made dead weight (issue 28).
    spans: Vec<Span>,
    /// Relation `j`'s subject and object.
    ends: Vec<Ends>,
    /// Relation ids; an id's number is its relation's position.
    relation_ids: Interner<RelationIx>,
    /// Where the citations of relations `16 b ..` begin in `citations`; a
    /// relation's own start adds the counts in the spans before it in its
    /// block, which keeps one offset per sixteen relations, not per one.
    citation_blocks: Vec<u32>,
    citations: Vec<CitationRow>,
    quotes: Interner<QuoteIx>,
    /// Sorted by citation number; few citations name a claimant.
    citation_claims: Vec<(CitationIx, Claimant)>,
    /// Sorted by citation number; only graded citations are here.
    citation_credibility: Vec<(CitationIx, Credibility)>,
    /// Sorted by relation position.
    relation_claims: Vec<(RelationIx, Claimant)>,
    /// Sorted by relation position.
    notes: Vec<(RelationIx, Box<str>)>,
    /// Intervals with a bound that is a range (the span cannot rebuild
    /// them), by relation position.
    ranged: Vec<(RelationIx, Interval)>,
    /// Relations on which some claimant changed its story (cited both
    /// supporting and disputing), by position; the rest need no stance
    /// history to tell whether they are contested.
    changed_story: Vec<RelationIx>,
    /// Actors with a death on record (a `died` field, or the object of a
    /// `Killed` relation), sorted: so that checking a batch against deaths
    /// looks at these few, not at every actor the batch touches.
    mortal: Vec<ActorIx>,
    /// Acknowledged lint warnings, by relation and by citation.
    relation_acks: Vec<(RelationIx, Box<[Acknowledgement]>)>,
    citation_acks: Vec<(CitationIx, Box<[Acknowledgement]>)>,
}

fn sparse<K: Ord + Copy, T>(table: &[(K, T)], key: K) -> Option<&T> {
    table
        .binary_search_by_key(&key, |(k, _)| *k)
        .ok()
        .map(|i| &table[i].1)
}

/// Why a push failed: a count passed its limit, or a relation's id was
/// held already (named by what is counted). Validation checks every limit,
/// and that ids are new, before a batch is applied, so a push never fails
/// after it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Full(pub(crate) &'static str);

impl Store {
    // ----- counts and records -------------------------------------------

    pub(crate) fn actor_count(&self) -> usize {
        self.actors.len()
    }

    pub(crate) fn source_count(&self) -> usize {
        self.sources.len()
    }

    pub(crate) fn relation_count(&self) -> usize {
        self.relation_ids.len()
    }

    pub(crate) fn citation_count(&self) -> usize {
        self.citations.len()
    }

    #[cfg(feature = "parquet")]
    pub(crate) fn quote_count(&self) -> usize {
        self.quotes.len()
    }

    pub(crate) fn quote_bytes(&self) -> usize {
        self.quotes.bytes()
    }

    pub(crate) fn relation_id_bytes(&self) -> usize {
        self.relation_ids.bytes()
    }

    #[inline]
    pub(crate) fn actor(&self, actor: ActorIx) -> &Actor {
        self.actors.at(actor)
    }

    pub(crate) fn actor_ix(&self, id: &str) -> Option<ActorIx> {
        self.actors.position_of(id)
    }

    pub(crate) fn actor_by_id(&self, id: &str) -> Option<&Actor> {
        self.actors.by_id(id)
    }

    pub(crate) fn actors(&self) -> impl ExactSizeIterator<Item = &Actor> + DoubleEndedIterator {
        self.actors.values()
    }

    pub(crate) fn actor_ids(&self) -> impl Iterator<Item = &str> {
        self.actors.keys()
    }

    pub(crate) fn actor_positions(&self) -> IxRange<ActorIx> {
        all(self.actors.len())
    }

    #[inline]
    pub(crate) fn source(&self, source: SourceIx) -> &Source {
        self.sources.at(source)
    }

    pub(crate) fn source_ix(&self, id: &str) -> Option<SourceIx> {
        self.sources.position_of(id)
    }

    pub(crate) fn source_by_id(&self, id: &str) -> Option<&Source> {
        self.sources.by_id(id)
    }

    pub(crate) fn sources(&self) -> impl ExactSizeIterator<Item = &Source> + DoubleEndedIterator {
        self.sources.values()
    }

    pub(crate) fn source_ids(&self) -> impl Iterator<Item = &str> {
        self.sources.keys()
    }

    // ----- relations ------------------------------------------------------

    pub(crate) fn relation_positions(&self) -> IxRange<RelationIx> {
        self.relation_ids.symbols()
    }

    pub(crate) fn relation_ix(&self, id: &str) -> Option<RelationIx> {
        self.relation_ids.find(id)
    }

    #[inline]
    pub(crate) fn relation_id(&self, relation: RelationIx) -> &str {
        self.relation_ids.get(relation)
    }

    pub(crate) fn relation_ids(&self) -> impl Iterator<Item = &str> {
        self.relation_ids.iter()
    }

    #[inline]
    pub(crate) fn span(&self, relation: RelationIx) -> &Span {
        &self.spans[relation.index()]
    }

    pub(crate) fn spans(&self) -> impl ExactSizeIterator<Item = &Span> {
        self.spans.iter()
    }

    /// The relation's subject and object.
    #[inline]
    pub(crate) fn ends(&self, relation: RelationIx) -> (ActorIx, ActorIx) {
        let ends = self.ends[relation.index()];
        (ends.subject, ends.object)
    }

    /// Every relation with an end at an actor `wanted` says yes to: the
    /// relation, that end's actor, and the direction it has there, in order
    /// of position (a relation from an actor to itself comes twice).
    ///
    /// For the questions asked while a batch is being checked (which states
    /// a death binds, which killings an actor suffered), before the
    /// neighbourhood index of the graph can be laid out; views read that
    /// index instead.
    ///
    /// # Complexity
    ///
    /// O(R) for R relations held: one pass over their ends, 8 bytes each.
    pub(crate) fn touching_any(
        &self,
        wanted: impl Fn(ActorIx) -> bool,
    ) -> Vec<(RelationIx, ActorIx, Direction)> {
        let mut found = Vec::new();
        for (relation, ends) in self.relation_positions().zip(&self.ends) {
            if wanted(ends.subject) {
                found.push((relation, ends.subject, Direction::Outgoing));
            }
            if wanted(ends.object) {
                found.push((relation, ends.object, Direction::Incoming));
            }
        }
        found
    }

    /// The numbers of the relation's citations.
    ///
    /// # Complexity
    ///
    /// O(1): at most 15 counts are added to the block's offset.
    #[inline]
    pub(crate) fn citations_of(&self, relation: RelationIx) -> IxRange<CitationIx> {
        let spans = &self.spans;
        let position = relation.index();
        let block = position / CITATION_BLOCK;
        let before: u32 = spans[block * CITATION_BLOCK..position]
            .iter()
            .map(|span| u32::from(span.citations))
            .sum();
        let start = self.citation_blocks[block] + before;
        let end = start + u32::from(spans[position].citations);
        IxRange::between(
            CitationIx::from_raw_unchecked(start),
            CitationIx::from_raw_unchecked(end),
        )
    }

    fn row(&self, citation: CitationIx) -> CitationRow {
        self.citations[citation.index()]
    }

    #[inline]
    pub(crate) fn citation_source(&self, citation: CitationIx) -> SourceIx {
        self.row(citation).source.position()
    }

    #[inline]
    pub(crate) fn citation_stance(&self, citation: CitationIx) -> Stance {
        if self.row(citation).source.flag() {
            Stance::Disputes
        } else {
            Stance::Supports
        }
    }

    pub(crate) fn citation_quote(&self, citation: CitationIx) -> &str {
        self.quotes.get(self.row(citation).quote)
    }

    /// The number of the citation's quote among the [`quotes`](Self::quotes).
    #[cfg(feature = "arrow")]
    #[inline]
    pub(crate) fn citation_quote_ix(&self, citation: CitationIx) -> QuoteIx {
        self.row(citation).quote
    }

    /// Every distinct quote, in order of number.
    #[cfg(feature = "parquet")]
    pub(crate) fn quotes(&self) -> impl Iterator<Item = &str> {
        self.quotes.iter()
    }

    pub(crate) fn citation_claimant(&self, citation: CitationIx) -> Option<&Claimant> {
        sparse(&self.citation_claims, citation)
    }

    /// The citation's credibility, if graded.
    pub(crate) fn citation_credibility(&self, citation: CitationIx) -> Option<Credibility> {
        sparse(&self.citation_credibility, citation).copied()
    }

    pub(crate) fn claimant(&self, relation: RelationIx) -> Option<&Claimant> {
        sparse(&self.relation_claims, relation)
    }

    pub(crate) fn note(&self, relation: RelationIx) -> Option<&str> {
        sparse(&self.notes, relation).map(|n| &**n)
    }

    /// Citation `citation` as an owned record.
    pub(crate) fn citation_record(&self, citation: CitationIx) -> Citation {
        Citation {
            source: self.source(self.citation_source(citation)).id.clone(),
            quote: self.citation_quote(citation).to_owned(),
            stance: self.citation_stance(citation),
            claimed_by: self.citation_claimant(citation).cloned(),
            credibility: self.citation_credibility(citation),
            acknowledged: self.citation_acks(citation).to_vec(),
        }
    }

    /// The relation's interval; for an event, from the day it happened.
    pub(crate) fn interval(&self, relation: RelationIx) -> Interval {
        let span = self.span(relation);
        match span.plain_interval() {
            Some(interval) => interval,
            None => sparse(&self.ranged, relation).copied().unwrap_or_default(),
        }
    }

    pub(crate) fn relation_acks(&self, relation: RelationIx) -> &[Acknowledgement] {
        sparse(&self.relation_acks, relation).map_or(&[], |a| a)
    }

    pub(crate) fn citation_acks(&self, citation: CitationIx) -> &[Acknowledgement] {
        sparse(&self.citation_acks, citation).map_or(&[], |a| a)
    }

    /// The relation as the record it was added as.
    pub(crate) fn relation_record(&self, relation: RelationIx) -> Relation {
        let span = self.span(relation);
        let interval = self.interval(relation);
        let (subject, object) = self.ends(relation);
        let (from, until, on) = if span.is_event() {
            (None, None, interval.start())
        } else {
            (interval.start(), interval.end(), None)
        };
        Relation {
            id: crate::base::id::RelationId(self.relation_id(relation).to_owned()),
            kind: span.kind,
            subject: self.actor(subject).id.clone(),
            object: self.actor(object).id.clone(),
            from,
            until,
            on,
            citations: self
                .citations_of(relation)
                .map(|c| self.citation_record(c))
                .collect(),
            claimed_by: self.claimant(relation).cloned(),
            note: self.note(relation).map(str::to_owned),
            acknowledged: self.relation_acks(relation).to_vec(),
        }
    }
}
