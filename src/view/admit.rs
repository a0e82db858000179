//! The one admission rule of every query: whether a relation held (or
//! happened) as asked, then whether a source known by the knowledge date
//! supports it and whether it is contested, with the claimant rule of
//! `store/claims.rs`. The steps are those of the [module docs](super).

use crate::base::date::{Certainty, Date, Holding};
use crate::base::grade::Grade;
use crate::index::interval::Stab;
use crate::store::ix::RelationIx;
use crate::store::packed::Span;

use super::{RelationRef, View};

/// What a query asks of a relation on the view's day.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Asked {
    /// That a state held.
    Held,
    /// That a state had begun and then ended.
    Ended,
    /// That an event happened between `from` and `to`, both included.
    Happened { from: Date, to: Date },
}

/// How surely an event on the days `first..=last` happened within
/// `from..=to`: certainly when every reading of its date falls inside.
pub(super) fn happened_within(first: Date, last: Date, from: Date, to: Date) -> Holding {
    if from <= first && last <= to {
        Holding::Certainly
    } else if first <= to && from <= last {
        Holding::Possibly
    } else {
        Holding::No
    }
}

impl<'g> View<'g> {
    /// The one admission rule (see the module docs): holding, then
    /// knowledge and the contested policy. `proven` carries what the
    /// interval index found of a state it proved possibly held, which is
    /// all a *possibly* view needs to read.
    #[inline(always)]
    pub(super) fn admit(
        &self,
        relation: RelationIx,
        asked: Asked,
        proven: Option<Stab>,
    ) -> Option<RelationRef<'g>> {
        let (span, happened) = self.holding(relation, asked, proven)?;
        let contested = self.contested(relation, span, proven)?;
        if contested && !self.keep_contested {
            return None;
        }
        let on = match asked {
            Asked::Held => self.day,
            Asked::Ended | Asked::Happened { .. } => Date::NEVER,
        };
        Some(RelationRef::judged(
            self.graph,
            relation,
            on,
            self.known_by,
            contested,
            self.certainty == Certainty::Certainly,
            happened,
            self.min_grade,
        ))
    }

    /// Step 1: whether the relation holds as asked; with the span when it
    /// had to be read, and how surely an event happened in the window.
    #[inline(always)]
    fn holding(
        &self,
        relation: RelationIx,
        asked: Asked,
        proven: Option<Stab>,
    ) -> Option<(Option<&'g Span>, Option<Holding>)> {
        let certainly = self.certainty == Certainty::Certainly;
        if proven.is_some() && !certainly {
            return Some((None, None));
        }
        let store = &self.graph.store;
        let span = store.span(relation);
        let mut happened = None;
        let holds = match asked {
            Asked::Held => {
                !span.is_event()
                    && span.possibly_covers(self.day)
                    && (!certainly
                        || store.interval(relation).holds_on(self.day) == Holding::Certainly)
            }
            Asked::Ended => {
                !span.is_event() && store.interval(relation).ended_by(self.day, self.certainty)
            }
            Asked::Happened { from, to } => {
                let verdict = happened_within(span.possible_from, span.possible_until, from, to);
                happened = Some(verdict);
                span.is_event() && verdict.meets(self.certainty)
            }
        };
        holds.then_some((Some(span), happened))
    }

    /// Step 2: `None` when no source known by the knowledge date supports
    /// the relation, else whether it is contested (claimant rule included).
    #[inline(always)]
    fn contested(
        &self,
        relation: RelationIx,
        span: Option<&Span>,
        proven: Option<Stab>,
    ) -> Option<bool> {
        let store = &self.graph.store;
        let certainly = self.certainty == Certainty::Certainly;
        if let Some(grade) = self.min_grade {
            return self.contested_on_graded(relation, grade);
        }
        let contested = match (self.known_by, span, proven) {
            // The index's dispute date is `Date::NEVER` exactly for an
            // undisputed relation, so it answers the plain case too.
            (None, None, Some(stab)) => stab.disputed_possibly != Date::NEVER,
            (None, Some(span), _) => span.is_disputed(),
            (None, None, None) => store.span(relation).is_disputed(),
            (Some(limit), _, _) => {
                let (known, disputed) = match proven {
                    Some(stab) if !certainly => (stab.known_possibly, stab.disputed_possibly),
                    _ => {
                        let k = store.knowledge(relation, None);
                        if certainly {
                            (k.known_certainly, k.disputed_certainly)
                        } else {
                            (k.known_possibly, k.disputed_possibly)
                        }
                    }
                };
                if known > limit {
                    return None;
                }
                disputed != Date::NEVER && disputed <= limit
            }
        };
        // A dispute that its own claimant later withdrew no longer counts;
        // only relations where a claimant changed its story need the check.
        Some(contested && self.still_contested(relation))
    }

    /// Step 2 under a minimum grade: the index's knowledge dates count
    /// every citation, so they are recomputed from the graded ones, and
    /// the claimant rule runs on those alone.
    #[cold]
    fn contested_on_graded(&self, relation: RelationIx, grade: Grade) -> Option<bool> {
        let store = &self.graph.store;
        let certainly = self.certainty == Certainty::Certainly;
        let knowledge = store.knowledge(relation, Some(grade));
        // Some graded source supports it at all (`first_day` is never
        // `NEVER`), and, under a knowledge date, had appeared by then.
        if knowledge.known_possibly == Date::NEVER {
            return None;
        }
        if let Some(limit) = self.known_by {
            let known = if certainly {
                knowledge.known_certainly
            } else {
                knowledge.known_possibly
            };
            if known > limit {
                return None;
            }
        }
        Some(store.contested_by_latest_stance(relation, self.known_by, certainly, Some(grade)))
    }

    #[cold]
    fn still_contested(&self, relation: RelationIx) -> bool {
        let store = &self.graph.store;
        !store.changed_story(relation)
            || store.contested_by_latest_stance(
                relation,
                self.known_by,
                self.certainty == Certainty::Certainly,
                None,
            )
    }

    /// The relation at `position` as this view sees it, if it held.
    pub(super) fn held(&self, relation: RelationIx) -> Option<RelationRef<'g>> {
        self.admit(relation, Asked::Held, None)
    }
}
