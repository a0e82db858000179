//! Checks of relations, their citations and claimants.

use crate::base::date::{Interval, When};
use crate::base::error::{Fault, Item, ItemKind, Problems};
use crate::base::model::{
    ActorKind, Citation, Claimant, MAX_CITATIONS, Relation, RelationKind, Stance,
};
use crate::base::nearest::suggest;
use crate::store::ix::{ActorIx, SourceIx};

use super::{Blame, Catalogue, FoundEnds};

/// Checks every relation; returns the ends of each and the source of each
/// citation, complete whenever no problem was found.
pub(super) fn check_relations(
    catalogue: &Catalogue<'_>,
    relations: &[Relation],
    problems: &mut Problems,
) -> (Vec<(ActorIx, ActorIx)>, Vec<SourceIx>) {
    let mut ends = Vec::with_capacity(relations.len());
    let mut sources = Vec::with_capacity(relations.iter().map(|r| r.citations.len()).sum());
    for relation in relations {
        ends.extend(check_relation(
            catalogue,
            relation,
            catalogue.ends(relation),
            problems,
            Some(&mut sources),
        ));
    }
    (ends, sources)
}

/// Checks one relation, whose ends were found as `found`; returns its
/// ends, and adds the source of each of its citations to `sources`, when
/// they are all known. With `sources` `None`, a reader looked up the
/// citations' sources and checked their quotes itself (once for every
/// citation that shares them), and those two rules are not checked again.
pub(super) fn check_relation(
    catalogue: &Catalogue<'_>,
    relation: &Relation,
    [subject, object]: FoundEnds,
    problems: &mut Problems,
    mut sources: Option<&mut Vec<SourceIx>>,
) -> Option<(ActorIx, ActorIx)> {
    let item = || Item::new(ItemKind::Relation, relation.id.as_str());
    let subject = check_actor(
        catalogue,
        &|| item().with_part("subject"),
        relation.subject.as_str(),
        subject,
        problems,
    );
    let object = check_actor(
        catalogue,
        &|| item().with_part("object"),
        relation.object.as_str(),
        object,
        problems,
    );
    if relation.subject == relation.object {
        let actor = relation.subject.to_string();
        problems.push(item(), Fault::SelfRelation { actor });
    }
    check_kinds(&item, relation, subject, object, problems);
    check_dates(&item, relation, problems);
    check_support(&item, relation, problems);
    for citation in &relation.citations {
        match sources.as_deref_mut() {
            Some(sources) => sources.extend(check_citation(catalogue, &item, citation, problems)),
            None => check_voice(catalogue, &item, citation, problems),
        }
    }
    if let Some(claimant) = &relation.claimed_by {
        check_claimant(
            catalogue,
            &|| item().with_part("claimed by"),
            claimant,
            problems,
        );
    }
    if relation
        .note
        .as_deref()
        .is_some_and(|n| n.trim().is_empty())
    {
        problems.push(item(), Fault::EmptyText { field: "note" });
    }
    Some((subject?.1, object?.1))
}

fn check_support(item: Blame<'_>, relation: &Relation, problems: &mut Problems) {
    if !relation
        .citations
        .iter()
        .any(|c| c.stance == Stance::Supports)
    {
        problems.push(item(), Fault::NoCitation);
    }
    if relation.citations.len() > MAX_CITATIONS {
        let count = relation.citations.len();
        problems.push(
            item(),
            Fault::TooManyCitations {
                count,
                limit: MAX_CITATIONS,
            },
        );
    }
}

/// Whether an event of this kind may lack `on`: a split, merger,
/// succession or joining, which lineage data and actor lists (UCDP's)
/// often record without a date.
fn may_be_undated(kind: RelationKind) -> bool {
    matches!(
        kind,
        RelationKind::SplitFrom
            | RelationKind::MergedInto
            | RelationKind::Succeeds
            | RelationKind::Joined
    )
}

/// A state takes `from` and `until`, an event `on` (which a split, merger
/// or succession may lack), and nothing else.
fn check_dates(item: Blame<'_>, relation: &Relation, problems: &mut Problems) {
    let kind = relation.kind.name();
    if relation.kind.is_event() {
        if relation.from.is_some() || relation.until.is_some() {
            problems.push(item(), Fault::EventWithInterval { kind });
        }
        // Lineage datasets (UCDP's actor list) give splits, mergers and
        // successions without dates; a date made up for them would be a
        // false fact, so those alone may stay undated.
        if relation.on.is_none() && !may_be_undated(relation.kind) {
            problems.push(item(), Fault::EventWithoutDate { kind });
        }
    } else {
        if relation.on.is_some() {
            problems.push(item(), Fault::StateWithEventDate { kind });
        }
        check_interval(item, relation.from, relation.until, problems);
    }
    for ack in &relation.acknowledged {
        if ack.reason.trim().is_empty() {
            let field = "acknowledgement reason";
            problems.push(item(), Fault::EmptyText { field });
        }
    }
}

pub(super) fn check_interval(
    item: Blame<'_>,
    from: Option<When>,
    until: Option<When>,
    problems: &mut Problems,
) {
    if let Err(e) = Interval::new(from, until)
        && let Some((from, until)) = e.reversed_bounds()
    {
        let (from, until) = (from.to_owned(), until.to_owned());
        problems.push(item(), Fault::ReversedInterval { from, until });
    }
}

/// The roles whose actor kind a relation kind constrains.
fn needs(kind: RelationKind) -> (Option<ActorKind>, Option<ActorKind>) {
    match kind {
        RelationKind::Controls => (None, Some(ActorKind::Place)),
        RelationKind::LocatedIn => (Some(ActorKind::Place), Some(ActorKind::Place)),
        RelationKind::Brokered | RelationKind::PartyTo => (None, Some(ActorKind::Agreement)),
        RelationKind::Killed => (None, Some(ActorKind::Person)),
        RelationKind::WithdrewFrom | RelationKind::ActiveIn => (None, Some(ActorKind::Place)),
        _ => (None, None),
    }
}

fn check_kinds(
    item: Blame<'_>,
    relation: &Relation,
    subject: Option<(ActorKind, ActorIx)>,
    object: Option<(ActorKind, ActorIx)>,
    problems: &mut Problems,
) {
    let (subject_needs, object_needs) = needs(relation.kind);
    for (role, id, found, needs) in [
        ("subject", &relation.subject, subject, subject_needs),
        ("object", &relation.object, object, object_needs),
    ] {
        if let (Some(expected), Some((found, _))) = (needs, found)
            && expected != found
        {
            let actor = id.to_string();
            problems.push(
                item(),
                Fault::KindMismatch {
                    role,
                    actor,
                    expected,
                    found,
                },
            );
        }
    }
}

/// The kind and position of actor `id` once the batch is in, as `found`
/// by [`Catalogue::actor`]; a problem when it was not found.
fn check_actor(
    catalogue: &Catalogue<'_>,
    item: Blame<'_>,
    id: &str,
    found: Option<(ActorKind, ActorIx)>,
    problems: &mut Problems,
) -> Option<(ActorKind, ActorIx)> {
    if found.is_none() {
        let suggestion = problems
            .has_room()
            .then(|| suggest(id, catalogue.actor_ids()))
            .flatten();
        problems.push(
            item(),
            Fault::UnknownActor {
                id: id.to_owned(),
                suggestion,
            },
        );
    }
    found
}

/// Checks the citation, and returns its source's position once the batch
/// is in.
pub(super) fn check_citation(
    catalogue: &Catalogue<'_>,
    item: Blame<'_>,
    citation: &Citation,
    problems: &mut Problems,
) -> Option<SourceIx> {
    let source = citation.source.as_str();
    let found = catalogue.source(source);
    if found.is_none() {
        let suggestion = problems
            .has_room()
            .then(|| suggest(source, catalogue.source_ids()))
            .flatten();
        problems.push(
            item(),
            Fault::UnknownSource {
                id: source.to_owned(),
                suggestion,
            },
        );
    }
    if citation.quote.trim().is_empty() {
        problems.push(
            item(),
            Fault::EmptyQuote {
                source_id: source.to_owned(),
            },
        );
    }
    check_voice(catalogue, item, citation, problems);
    found
}

/// Checks who a citation says claims it, and what it acknowledges.
fn check_voice(
    catalogue: &Catalogue<'_>,
    item: Blame<'_>,
    citation: &Citation,
    problems: &mut Problems,
) {
    if citation
        .acknowledged
        .iter()
        .any(|a| a.reason.trim().is_empty())
    {
        let field = "acknowledgement reason";
        problems.push(item(), Fault::EmptyText { field });
    }
    if let Some(claimant) = &citation.claimed_by {
        check_claimant(
            catalogue,
            &|| item().with_part("citation claimed by"),
            claimant,
            problems,
        );
    }
}

fn check_claimant(
    catalogue: &Catalogue<'_>,
    item: Blame<'_>,
    claimant: &Claimant,
    problems: &mut Problems,
) {
    match claimant {
        Claimant::Actor(id) => {
            let found = catalogue.actor(id.as_str());
            check_actor(catalogue, item, id.as_str(), found, problems);
        }
        Claimant::Other(who) if who.trim().is_empty() => {
            problems.push(item(), Fault::EmptyText { field: "claimant" });
        }
        Claimant::Other(_) => {}
    }
}
