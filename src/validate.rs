//! Checking a batch of records before it enters a graph.

use std::borrow::Cow;
use std::collections::HashMap;

use crate::graph::FastHash;

use crate::error::{Problems, suggest};
use crate::{
    ActorGraph, ActorId, ActorKind, Citation, Claimant, Dataset, Error, Interval, PartialDate,
    RelationKind, Stance,
};

/// For each item of a batch, in order, whether it is new to the graph
/// (false: an identical definition is already there).
pub(crate) struct Fresh {
    pub(crate) sources: Vec<bool>,
    pub(crate) actors: Vec<bool>,
    pub(crate) relations: Vec<bool>,
    /// Graph positions, found while checking, so that building need not
    /// look every id up again: subject and object of each batch relation,
    /// and the source of each of its citations, all relations' in a row.
    pub(crate) ends: Vec<(u32, u32)>,
    pub(crate) citation_sources: Vec<u32>,
}

/// Names the item at fault; built only when a problem is found, since
/// formatting one per item would dominate the cost of loading.
type Item<'a> = &'a dyn Fn() -> String;

/// Checks `batch` against itself and `graph`, collecting every problem.
pub(crate) fn check_batch(graph: &ActorGraph, batch: &Dataset) -> Result<Fresh, Error> {
    let mut problems = Problems::new();
    let sources = fresh_ids(
        "source",
        batch.sources.iter().map(|s| (&s.id, s)),
        |id| graph.sources.get(id).map(Cow::Borrowed),
        &mut problems,
    );
    let actors = fresh_ids(
        "actor",
        batch.actors.iter().map(|a| (&a.id, a)),
        |id| graph.actors.get(id).map(Cow::Borrowed),
        &mut problems,
    );
    // The graph keeps relations packed, so one already held is rebuilt for
    // the comparison; that happens only when an id comes back.
    let relations = fresh_ids(
        "relation",
        batch.relations.iter().map(|r| (&r.id, r)),
        |id| {
            let position = graph.relations.ids.find(id)?;
            Some(Cow::Owned(graph.relation_record(position)))
        },
        &mut problems,
    );

    // New items will take the positions after the graph's, in batch order.
    let mut batch_kinds: HashMap<&str, (ActorKind, u32), FastHash> =
        HashMap::with_capacity_and_hasher(batch.actors.len(), FastHash::default());
    let new_actors = batch.actors.iter().zip(&actors).filter(|(_, f)| **f);
    for (at, (actor, _)) in (graph.actors.len() as u32..).zip(new_actors) {
        batch_kinds.insert(actor.id.as_str(), (actor.kind, at));
    }
    let mut batch_sources: HashMap<&str, u32, FastHash> =
        HashMap::with_capacity_and_hasher(batch.sources.len(), FastHash::default());
    let new_sources = batch.sources.iter().zip(&sources).filter(|(_, f)| **f);
    for (at, (source, _)) in (graph.sources.len() as u32..).zip(new_sources) {
        batch_sources.insert(source.id.as_str(), at);
    }
    let refs = Refs {
        graph,
        batch_sources,
        batch_kinds,
    };

    for source in &batch.sources {
        if source.title.trim().is_empty() {
            problems.push(Error::EmptyText {
                item: format!("source {:?}", source.id.as_str()),
                field: "title",
            });
        }
    }

    for actor in &batch.actors {
        let item = || format!("actor {:?}", actor.id.as_str());
        if actor.name.trim().is_empty() {
            problems.push(Error::EmptyText {
                item: item(),
                field: "name",
            });
        }
        if actor.aliases.iter().any(|a| a.trim().is_empty()) {
            problems.push(Error::EmptyText {
                item: item(),
                field: "an alias",
            });
        }
        for former in &actor.former_names {
            let item = || format!("{}, former name {:?}", item(), former.name);
            if former.name.trim().is_empty() {
                problems.push(Error::EmptyText {
                    item: item(),
                    field: "name",
                });
            }
            check_interval(&item, former.from, former.until, &mut problems);
            for citation in &former.citations {
                refs.check_citation(&item, citation, &mut problems);
            }
        }
    }

    let mut ends = Vec::with_capacity(batch.relations.len());
    let mut citation_sources =
        Vec::with_capacity(batch.relations.iter().map(|r| r.citations.len()).sum());
    for relation in &batch.relations {
        let item = || format!("relation {:?}", relation.id.as_str());
        let subject = refs.actor(
            &|| format!("{} (subject)", item()),
            &relation.subject,
            &mut problems,
        );
        let object = refs.actor(
            &|| format!("{} (object)", item()),
            &relation.object,
            &mut problems,
        );
        if relation.subject == relation.object {
            problems.push(Error::SelfRelation {
                item: item(),
                actor: relation.subject.to_string(),
            });
        }
        ends.push((
            subject.map_or(0, |(_, at)| at),
            object.map_or(0, |(_, at)| at),
        ));
        check_kinds(
            &item,
            relation.kind,
            (&relation.subject, subject.map(|(kind, _)| kind)),
            (&relation.object, object.map(|(kind, _)| kind)),
            &mut problems,
        );
        check_interval(&item, relation.from, relation.until, &mut problems);
        if !relation
            .citations
            .iter()
            .any(|c| c.stance == Stance::Supports)
        {
            problems.push(Error::NoCitation { item: item() });
        }
        if relation.citations.len() > crate::MAX_CITATIONS {
            problems.push(Error::TooManyCitations {
                item: item(),
                count: relation.citations.len(),
            });
        }
        for citation in &relation.citations {
            let source = refs.check_citation(&item, citation, &mut problems);
            citation_sources.push(source.unwrap_or(0));
        }
        if let Some(claimant) = &relation.claimed_by {
            refs.check_claimant(
                &|| format!("{} (claimed by)", item()),
                claimant,
                &mut problems,
            );
        }
        if relation
            .note
            .as_deref()
            .is_some_and(|n| n.trim().is_empty())
        {
            problems.push(Error::EmptyText {
                item: item(),
                field: "note",
            });
        }
    }

    problems.into_result()?;
    Ok(Fresh {
        sources,
        actors,
        relations,
        ends,
        citation_sources,
    })
}

/// Reports ids given twice in the batch, or already in the graph with another
/// definition, and returns the ids that are new.
fn fresh_ids<'a, Id, T>(
    what: &'static str,
    items: impl ExactSizeIterator<Item = (&'a Id, &'a T)>,
    existing: impl Fn(&str) -> Option<Cow<'a, T>>,
    problems: &mut Problems,
) -> Vec<bool>
where
    Id: Eq + std::hash::Hash + AsRef<str> + 'a,
    T: PartialEq + Clone + serde::Serialize + 'a,
{
    let mut seen: HashMap<&Id, &T, FastHash> =
        HashMap::with_capacity_and_hasher(items.len(), FastHash::default());
    let mut fresh = Vec::with_capacity(items.len());
    for (id, item) in items {
        let earlier = seen
            .get(id)
            .map(|&t| Cow::Borrowed(t))
            .or_else(|| existing(id.as_ref()));
        fresh.push(earlier.is_none());
        match earlier {
            Some(earlier) if *earlier == *item => {}
            Some(earlier) => problems.push(Error::DuplicateId {
                what,
                id: id.as_ref().to_owned(),
                detail: format!(
                    "first defined as {} and again as {}",
                    compact(&*earlier),
                    compact(item)
                ),
            }),
            None => {
                seen.insert(id, item);
            }
        }
    }
    fresh
}

fn compact<T: serde::Serialize>(item: &T) -> String {
    ron::to_string(item).unwrap_or_else(|e| format!("<{e}>"))
}

fn check_interval(
    item: Item<'_>,
    from: Option<PartialDate>,
    until: Option<PartialDate>,
    problems: &mut Problems,
) {
    if let Err(Error::ReversedInterval { from, until, .. }) = Interval::new(from, until) {
        problems.push(Error::ReversedInterval {
            item: item(),
            from,
            until,
        });
    }
}

fn check_kinds(
    item: Item<'_>,
    kind: RelationKind,
    subject: (&ActorId, Option<ActorKind>),
    object: (&ActorId, Option<ActorKind>),
    problems: &mut Problems,
) {
    let (subject_needs, object_needs) = match kind {
        RelationKind::Controls => (None, Some(ActorKind::Place)),
        RelationKind::LocatedIn => (Some(ActorKind::Place), Some(ActorKind::Place)),
        RelationKind::Brokered | RelationKind::PartyTo => (None, Some(ActorKind::Agreement)),
        _ => (None, None),
    };
    for (role, (id, found), needs) in [
        ("subject", subject, subject_needs),
        ("object", object, object_needs),
    ] {
        if let (Some(expected), Some(found)) = (needs, found)
            && expected != found
        {
            problems.push(Error::KindMismatch {
                item: item(),
                role,
                actor: id.to_string(),
                expected,
                found,
            });
        }
    }
}

/// Looks ids up in the graph and the batch together.
struct Refs<'a> {
    graph: &'a ActorGraph,
    /// Where each new source and actor will sit in the graph.
    batch_sources: HashMap<&'a str, u32, FastHash>,
    batch_kinds: HashMap<&'a str, (ActorKind, u32), FastHash>,
}

impl Refs<'_> {
    /// The actor's kind and position in the graph, once the batch is in.
    fn actor(
        &self,
        item: Item<'_>,
        id: &ActorId,
        problems: &mut Problems,
    ) -> Option<(ActorKind, u32)> {
        if let Some(at) = self.graph.actors.get_index_of(id) {
            return Some((self.graph.actors[at].kind, at as u32));
        }
        if let Some(found) = self.batch_kinds.get(id.as_str()) {
            return Some(*found);
        }
        let known = self
            .graph
            .actors
            .keys()
            .chain(self.batch_kinds.keys().copied());
        problems.push(Error::UnknownActor {
            item: item(),
            id: id.to_string(),
            suggestion: problems
                .has_room()
                .then(|| suggest(id.as_str(), known))
                .flatten(),
        });
        None
    }

    /// Checks the citation, and returns its source's position in the graph
    /// once the batch is in.
    fn check_citation(
        &self,
        item: Item<'_>,
        citation: &Citation,
        problems: &mut Problems,
    ) -> Option<u32> {
        let source = citation.source.as_str();
        let at = self
            .graph
            .sources
            .get_index_of(source)
            .map(|at| at as u32)
            .or_else(|| self.batch_sources.get(source).copied());
        if at.is_none() {
            let ids = self
                .graph
                .sources
                .keys()
                .chain(self.batch_sources.keys().copied());
            problems.push(Error::UnknownSource {
                item: item(),
                id: source.to_owned(),
                suggestion: problems.has_room().then(|| suggest(source, ids)).flatten(),
            });
        }
        if citation.quote.trim().is_empty() {
            problems.push(Error::EmptyQuote {
                item: item(),
                source_id: source.to_owned(),
            });
        }
        if let Some(claimant) = &citation.claimed_by {
            self.check_claimant(
                &|| format!("{} (citation claimed by)", item()),
                claimant,
                problems,
            );
        }
        at
    }

    fn check_claimant(&self, item: Item<'_>, claimant: &Claimant, problems: &mut Problems) {
        match claimant {
            Claimant::Actor(id) => {
                self.actor(item, id, problems);
            }
            Claimant::Other(who) if who.trim().is_empty() => problems.push(Error::EmptyText {
                item: item(),
                field: "claimant",
            }),
            Claimant::Other(_) => {}
        }
    }
}
