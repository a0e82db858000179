//! Adding to the store: making room for a batch, pushing each record, and
//! giving back room once a load is done.

#[cfg(feature = "parquet")]
use super::interner::Interner;
use super::interner::reserve_batch;
use super::ix::{ActorIx, CitationIx, Ix, QuoteIx, RelationIx, SourceIx};
use super::packed::{Span, Tagged};
use crate::base::model::{Actor, Relation, RelationKind, Source, Stance};

use super::{CITATION_BLOCK, CitationRow, Ends, Full, Store, claims};

impl Store {
    /// Makes room for a batch, without guessing at the relations' text.
    pub(crate) fn reserve(&mut self, sources: usize, actors: usize, relations: &[Relation]) {
        self.sources.reserve(sources);
        self.actors.reserve(actors);
        self.spans.reserve(relations.len());
        self.ends.reserve(relations.len());
        let id_bytes = relations.iter().map(|r| r.id.as_str().len()).sum();
        self.relation_ids.reserve(relations.len(), id_bytes);
        reserve_batch(
            &mut self.citation_blocks,
            relations.len().div_ceil(CITATION_BLOCK),
        );
        reserve_batch(
            &mut self.citations,
            relations.iter().map(|r| r.citations.len()).sum(),
        );
    }

    /// Makes room for `relations` more relations with `citations`
    /// citations in all, for a load that knows its counts but not yet the
    /// records.
    #[cfg(feature = "parquet")]
    pub(crate) fn reserve_rows(&mut self, relations: usize, citations: usize) {
        self.spans.reserve(relations);
        self.ends.reserve(relations);
        self.relation_ids.reserve(relations, 0);
        reserve_batch(
            &mut self.citation_blocks,
            relations.div_ceil(CITATION_BLOCK),
        );
        reserve_batch(&mut self.citations, citations);
    }

    /// Adds the relations that follow without looking their ids up, for
    /// a load that checks them all at once by
    /// [`index_relation_ids`](Self::index_relation_ids) after the last.
    #[cfg(feature = "parquet")]
    pub(crate) fn unindex_relation_ids(&mut self) {
        self.relation_ids.unindex();
    }

    /// Sorts the relations' ids for lookup after a load that added them
    /// unindexed; false when an id was given twice, and the store is then
    /// not to be used.
    #[cfg(feature = "parquet")]
    pub(crate) fn index_relation_ids(&mut self) -> bool {
        self.relation_ids.index_distinct()
    }

    /// Lends the table of distinct quotes to a reader that interns each
    /// quote it meets once, not once a citation (a quote column's
    /// dictionary); [`push_relation`](Self::push_relation) is then given
    /// the numbers it made, and the table comes back by
    /// [`return_quotes`](Self::return_quotes).
    #[cfg(feature = "parquet")]
    pub(crate) fn lend_quotes(&mut self) -> Interner<QuoteIx> {
        std::mem::take(&mut self.quotes)
    }

    /// Takes back the table that [`lend_quotes`](Self::lend_quotes) lent.
    #[cfg(feature = "parquet")]
    pub(crate) fn return_quotes(&mut self, quotes: Interner<QuoteIx>) {
        self.quotes = quotes;
    }

    /// Gives back the slack of deduplicated text after a batch large next
    /// to what was held; after a small one it would undo the doubling.
    pub(crate) fn shrink_after(&mut self, relations_before: usize) {
        let now = self.relation_count();
        if (now - relations_before) * 8 >= now {
            // Lookups by text are rare once a large batch is in; the next
            // string added brings the hash tables back.
            self.relation_ids.freeze();
            self.quotes.freeze();
            self.relation_ids.shrink_to_fit();
            self.quotes.shrink_to_fit();
            // The side tables grow by doubling too, as rare entries arrive.
            self.ranged.shrink_to_fit();
            self.citation_claims.shrink_to_fit();
            self.citation_credibility.shrink_to_fit();
            self.relation_claims.shrink_to_fit();
            self.notes.shrink_to_fit();
            self.changed_story.shrink_to_fit();
        }
    }

    /// Files `actor` as having a death on record.
    pub(crate) fn note_mortal(&mut self, actor: ActorIx) {
        if let Err(at) = self.mortal.binary_search(&actor) {
            self.mortal.insert(at, actor);
        }
    }

    /// Whether `actor` has a `died` field or is the object of a `Killed`
    /// relation.
    pub(crate) fn is_mortal(&self, actor: ActorIx) -> bool {
        self.mortal.binary_search(&actor).is_ok()
    }

    /// Whether any actor held has a death on record.
    pub(crate) fn knows_deaths(&self) -> bool {
        !self.mortal.is_empty()
    }

    /// Gives back every table's unused room: after a load that grew them
    /// piece by piece, where each doubling may have left half unused.
    pub(crate) fn shrink_to_fit(&mut self) {
        self.sources.shrink_to_fit();
        self.actors.shrink_to_fit();
        self.spans.shrink_to_fit();
        self.ends.shrink_to_fit();
        self.citation_blocks.shrink_to_fit();
        self.citations.shrink_to_fit();
        // The interned text and the side tables.
        self.shrink_after(0);
        self.relation_acks.shrink_to_fit();
        self.citation_acks.shrink_to_fit();
    }

    pub(crate) fn push_source(&mut self, source: Source) -> Result<SourceIx, Full> {
        self.sources.push(source).ok_or(Full(SourceIx::WHAT))
    }

    pub(crate) fn push_actor(&mut self, actor: Actor) -> Result<ActorIx, Full> {
        let died = actor.died.is_some();
        let position = self.actors.push(actor).ok_or(Full(ActorIx::WHAT))?;
        if died {
            self.note_mortal(position);
        }
        Ok(position)
    }

    /// Adds `relation` between `subject` and `object`; `sources` are its
    /// citations' sources, in order, and `quotes` their quotes' numbers
    /// when they were interned already (see [`lend_quotes`](Self::lend_quotes)),
    /// else `None` and the quotes are read from the citations. Refused,
    /// with nothing added, when its id is held already: a relation's number
    /// is its id's, so a second relation of one id would take the first
    /// one's place. While the ids are unindexed (see
    /// [`unindex_relation_ids`](Self::unindex_relation_ids)) that is found
    /// only when they are indexed again, and the load is then given up.
    pub(crate) fn push_relation(
        &mut self,
        relation: &Relation,
        subject: ActorIx,
        object: ActorIx,
        sources: &[SourceIx],
        quotes: Option<&[QuoteIx]>,
    ) -> Result<RelationIx, Full> {
        let full = |what| Full(what);
        let citation_count =
            u16::try_from(relation.citations.len()).map_err(|_| full(CitationIx::WHAT))?;
        let first_citation = u32::try_from(self.citations.len()).map_err(|_| full("citations"))?;
        let position = self
            .relation_ids
            .add(relation.id.as_str())
            .ok_or(full(RelationIx::WHAT))?;
        if position.index().is_multiple_of(CITATION_BLOCK) {
            self.citation_blocks.push(first_citation);
        }
        for (i, (citation, &source)) in relation.citations.iter().zip(sources).enumerate() {
            let number = CitationIx::new(self.citations.len()).ok_or(full(CitationIx::WHAT))?;
            let quote = match quotes {
                Some(given) => given.get(i).copied(),
                None => self.quotes.intern(&citation.quote),
            }
            .ok_or(full(QuoteIx::WHAT))?;
            self.citations.push(CitationRow {
                source: Tagged::new(source, citation.stance == Stance::Disputes),
                quote,
            });
            if let Some(claimant) = &citation.claimed_by {
                self.citation_claims.push((number, claimant.clone()));
            }
            if let Some(credibility) = citation.credibility {
                self.citation_credibility.push((number, credibility));
            }
            if !citation.acknowledged.is_empty() {
                let acks = citation.acknowledged.clone().into_boxed_slice();
                self.citation_acks.push((number, acks));
            }
        }
        if let Some(claimant) = &relation.claimed_by {
            self.relation_claims.push((position, claimant.clone()));
        }
        if let Some(note) = &relation.note {
            self.notes.push((position, note.as_str().into()));
        }
        if !relation.acknowledged.is_empty() {
            let acks = relation.acknowledged.clone().into_boxed_slice();
            self.relation_acks.push((position, acks));
        }
        // Validation checked the dates, so the interval is never the default.
        let interval = relation.interval().unwrap_or_default();
        let span = Span::new(
            relation.kind,
            interval,
            relation.is_contested(),
            citation_count,
        );
        if span.is_ranged() {
            self.ranged.push((position, interval));
        }
        if claims::story_changes(relation) {
            self.changed_story.push(position);
        }
        if relation.kind == RelationKind::Killed {
            self.note_mortal(object);
        }
        self.spans.push(span);
        self.ends.push(Ends { subject, object });
        debug_assert_eq!(self.spans.len(), position.index() + 1);
        Ok(position)
    }
}
