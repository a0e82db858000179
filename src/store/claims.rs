//! The claimant rule, in one place: who makes the claim a citation carries
//! (its named claimant, else the article), when the sources behind a
//! relation appeared, which stance a claimant holds as of a knowledge date
//! (that of its latest citation published by then), and so whether a
//! relation is contested or a citation superseded.
//!
//! Each of these reads only the citations that meet a minimum grade when
//! one is given ([`Store::meets`]): a graded view judges a relation as if
//! the citations below its grade were not in the data at all.
//!
//! The interval index, the view's admission rule, the evidence handles and
//! the exports all ask here; the page's `rules.js` mirrors it, and the
//! cases in `tests/rules_cases.json` hold both to the same answers.

use crate::base::date::Date;
use crate::base::grade::{Grade, Reliability};
use crate::base::model::{Citation, Claimant, Relation, Stance};

use super::Store;
use super::ix::{CitationIx, RelationIx, SourceIx};

/// The first days some source supporting, or disputing, a relation had
/// appeared, possibly and certainly; `Date::NEVER` where none.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Knowledge {
    pub(crate) known_possibly: Date,
    pub(crate) known_certainly: Date,
    pub(crate) disputed_possibly: Date,
    pub(crate) disputed_certainly: Date,
}

/// Who makes the claim a citation carries: the claimant it names, else
/// the article itself.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Voice<'s> {
    Named(&'s Claimant),
    Article(SourceIx),
}

impl Store {
    fn voice(&self, citation: CitationIx) -> Voice<'_> {
        match self.citation_claimant(citation) {
            Some(claimant) => Voice::Named(claimant),
            None => Voice::Article(self.citation_source(citation)),
        }
    }

    /// The voice of a citation as text, the same for every citation of one
    /// claimant (`actor:ID`, `other:TEXT`, `article:SOURCE`), for exports
    /// whose readers apply the claimant rule themselves.
    pub(crate) fn voice_label(&self, citation: CitationIx) -> String {
        match self.voice(citation) {
            Voice::Named(Claimant::Actor(id)) => format!("actor:{id}"),
            Voice::Named(Claimant::Other(who)) => format!("other:{who}"),
            Voice::Article(source) => format!("article:{}", self.source(source).id),
        }
    }

    /// The reliability a citation carries: that of the actor it names as
    /// its claimant when that actor is graded, else its source's.
    pub(crate) fn citation_reliability(&self, citation: CitationIx) -> Option<Reliability> {
        let claimant = match self.voice(citation) {
            Voice::Named(Claimant::Actor(id)) => {
                self.actor_by_id(id.as_str()).and_then(|a| a.reliability)
            }
            Voice::Named(Claimant::Other(_)) | Voice::Article(_) => None,
        };
        claimant.or(self.source(self.citation_source(citation)).reliability)
    }

    /// The citation's grade, `None` when neither part is graded.
    pub(crate) fn citation_grade(&self, citation: CitationIx) -> Option<Grade> {
        let (reliability, credibility) = (
            self.citation_reliability(citation),
            self.citation_credibility(citation),
        );
        (reliability.is_some() || credibility.is_some())
            .then(|| Grade::reading(reliability, credibility))
    }

    /// Whether the citation meets the minimum grade (any, without one),
    /// an ungraded part read as `F` or `6`.
    #[inline]
    pub(crate) fn meets(&self, citation: CitationIx, grade: Option<Grade>) -> bool {
        grade.is_none_or(|minimum| {
            minimum.admits(self.citation_grade(citation).unwrap_or(Grade::UNGRADED))
        })
    }

    /// When the sources behind the relation appeared, counting only the
    /// citations that meet `grade`.
    ///
    /// # Complexity
    ///
    /// O(c) for its c citations.
    pub(crate) fn knowledge(&self, relation: RelationIx, grade: Option<Grade>) -> Knowledge {
        let mut knowledge = Knowledge {
            known_possibly: Date::NEVER,
            known_certainly: Date::NEVER,
            disputed_possibly: Date::NEVER,
            disputed_certainly: Date::NEVER,
        };
        for citation in self.citations_of(relation) {
            if !self.meets(citation, grade) {
                continue;
            }
            let published = self.source(self.citation_source(citation)).published;
            let (first, last) = (published.first_day(), published.last_or_never());
            // A denial published before any report does not make the claim known.
            if self.citation_stance(citation) == Stance::Disputes {
                knowledge.disputed_possibly = knowledge.disputed_possibly.min(first);
                knowledge.disputed_certainly = knowledge.disputed_certainly.min(last);
            } else {
                knowledge.known_possibly = knowledge.known_possibly.min(first);
                knowledge.known_certainly = knowledge.known_certainly.min(last);
            }
        }
        knowledge
    }

    /// Whether the citation's source had appeared by `limit` (`None`: any
    /// day), read possibly or certainly.
    pub(crate) fn published_by(
        &self,
        citation: CitationIx,
        limit: Option<Date>,
        certainly: bool,
    ) -> bool {
        let published = self.source(self.citation_source(citation)).published;
        match limit {
            None => true,
            Some(day) if certainly => published.last_or_never() <= day,
            Some(day) => published.first_day() <= day,
        }
    }

    /// Publication order: by the days a source can have appeared, then by
    /// the citation's place in the data.
    fn published_key(&self, citation: CitationIx) -> (Date, Date, CitationIx) {
        let published = self.source(self.citation_source(citation)).published;
        (published.first_day(), published.last_or_never(), citation)
    }

    /// Whether some claimant cited the relation both ways.
    #[inline]
    pub(crate) fn changed_story(&self, relation: RelationIx) -> bool {
        self.changed_story.binary_search(&relation).is_ok()
    }

    /// Whether `citation` is withdrawn as known by `limit`: its claimant
    /// has a later citation on the relation, published by then (and
    /// meeting `grade`).
    pub(crate) fn is_superseded(
        &self,
        relation: RelationIx,
        citation: CitationIx,
        limit: Option<Date>,
        certainly: bool,
        grade: Option<Grade>,
    ) -> bool {
        let voice = self.voice(citation);
        let key = self.published_key(citation);
        self.citations_of(relation).any(|other| {
            other != citation
                && self.meets(other, grade)
                && self.voice(other) == voice
                && self.published_key(other) > key
                && self.published_by(other, limit, certainly)
        })
    }

    /// The claimant rule: as known by `limit`, each claimant's stance is
    /// that of its latest citation published by then; the relation is
    /// contested when a current stance disputes it and another supports it.
    ///
    /// # Complexity
    ///
    /// O(c²) for its c citations, which are few.
    pub(crate) fn contested_by_latest_stance(
        &self,
        relation: RelationIx,
        limit: Option<Date>,
        certainly: bool,
        grade: Option<Grade>,
    ) -> bool {
        let (mut supports, mut disputes) = (false, false);
        for citation in self.citations_of(relation) {
            if !self.meets(citation, grade)
                || !self.published_by(citation, limit, certainly)
                || self.is_superseded(relation, citation, limit, certainly, grade)
            {
                continue;
            }
            match self.citation_stance(citation) {
                Stance::Supports => supports = true,
                Stance::Disputes => disputes = true,
            }
        }
        supports && disputes
    }

    /// The stance the claimant of `citation` holds on the relation as
    /// known by `limit`: that of its latest citation there published by
    /// then (the citation itself when it is the latest).
    pub(crate) fn latest_stance(
        &self,
        relation: RelationIx,
        citation: CitationIx,
        limit: Option<Date>,
        certainly: bool,
        grade: Option<Grade>,
    ) -> Stance {
        let voice = self.voice(citation);
        self.citations_of(relation)
            .filter(|&other| {
                other == citation
                    || (self.voice(other) == voice
                        && self.meets(other, grade)
                        && self.published_by(other, limit, certainly))
            })
            .max_by_key(|&other| self.published_key(other))
            .map_or(self.citation_stance(citation), |latest| {
                self.citation_stance(latest)
            })
    }
}

impl Store {
    /// How many distinct claimants (voices: a named claimant, else the
    /// article) support the relation as known by `limit` among the
    /// citations meeting `grade`: those whose latest stance there supports
    /// it. Two citations of one voice count once.
    ///
    /// # Complexity
    ///
    /// O(c²) for its c citations.
    pub(crate) fn supporting_voices(
        &self,
        relation: RelationIx,
        limit: Option<Date>,
        certainly: bool,
        grade: Option<Grade>,
    ) -> usize {
        self.citations_of(relation)
            .filter(|&c| {
                self.meets(c, grade)
                    && self.published_by(c, limit, certainly)
                    && self.citation_stance(c) == Stance::Supports
                    && !self.is_superseded(relation, c, limit, certainly, grade)
            })
            .count()
    }
}

/// Whether some claimant of `relation` (named, or the article itself)
/// cites it both supporting and disputing.
pub(super) fn story_changes(relation: &Relation) -> bool {
    let voice = |c: &Citation| {
        (
            c.claimed_by.clone(),
            c.claimed_by.is_none().then(|| c.source.clone()),
        )
    };
    relation.citations.iter().any(|a| {
        relation
            .citations
            .iter()
            .any(|b| a.stance != b.stance && voice(a) == voice(b))
    })
}
