//! The items an import makes, gathered row by row before they are added
//! whole: actors resolved against the graph, ids made unique, and every
//! row's items taken back if the row turns out bad.

use std::collections::{HashMap, HashSet};

use crate::base::id::{ActorId, RelationId, SourceId};
use crate::base::kind::ActorKind;
use crate::base::model::{Actor, Dataset, FormerName, Relation, Source};
use crate::graph::ActorGraph;

use super::aliases::Aliases;
use super::report::{ActorMatch, AmbiguousActor, ImportReport, Matched};
use super::rows::RowFault;
use super::slug::slug;

/// An actor as a row names it.
#[derive(Clone, Debug)]
pub(crate) struct Incoming {
    /// The dataset's own key for it (`ucdp:123`), when it has one; rows
    /// naming the same key are the same actor.
    pub(crate) key: Option<String>,
    /// The name as written.
    pub(crate) name: String,
    pub(crate) kind: ActorKind,
    pub(crate) aliases: Vec<String>,
    pub(crate) former_names: Vec<FormerName>,
    pub(crate) note: Option<String>,
    /// Whether this row defines the actor (its own row in an actor list)
    /// rather than naming it in passing: a definition replaces what an
    /// earlier mention of the key made.
    pub(crate) defines: bool,
}

impl Incoming {
    pub(crate) fn named(name: &str, kind: ActorKind) -> Incoming {
        Incoming {
            key: None,
            name: name.to_owned(),
            kind,
            aliases: Vec::new(),
            former_names: Vec::new(),
            note: None,
            defines: false,
        }
    }
}

/// How far the batch had got when a row began, to go back to.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Mark {
    sources: usize,
    actors: usize,
    relations: usize,
    journal: usize,
    matched: usize,
    ambiguous: usize,
}

/// A change to the maps, undone when a row is taken back.
#[derive(Clone, Debug)]
enum Entry {
    Key(String),
    Id(String),
    Replaced(usize, Box<Actor>),
    Cited(usize),
}

/// The growing batch.
pub(crate) struct Batch<'g> {
    graph: &'g ActorGraph,
    aliases: Aliases,
    new_when_ambiguous: bool,
    pub(crate) dataset: Dataset,
    /// Incoming key or name (lowercased) to the actor it resolved to.
    resolved: HashMap<String, ActorId>,
    /// Positions in `dataset.actors` of the actors this import created.
    created: HashMap<ActorId, usize>,
    /// Ids the batch has taken, of every item kind.
    taken: HashSet<String>,
    journal: Vec<Entry>,
    /// Positions in `dataset.relations` by id, for citations read after
    /// their relation.
    relations_at: HashMap<String, usize>,
    pub(crate) report: ImportReport,
}

impl<'g> Batch<'g> {
    pub(crate) fn new(
        graph: &'g ActorGraph,
        aliases: Aliases,
        new_when_ambiguous: bool,
    ) -> Batch<'g> {
        Batch {
            graph,
            aliases,
            new_when_ambiguous,
            dataset: Dataset::default(),
            resolved: HashMap::new(),
            created: HashMap::new(),
            taken: HashSet::new(),
            journal: Vec::new(),
            relations_at: HashMap::new(),
            report: ImportReport::default(),
        }
    }

    /// Where the batch stands, before a row adds to it.
    pub(crate) fn mark(&self) -> Mark {
        Mark {
            sources: self.dataset.sources.len(),
            actors: self.dataset.actors.len(),
            relations: self.dataset.relations.len(),
            journal: self.journal.len(),
            matched: self.report.matched.len(),
            ambiguous: self.report.ambiguous.len(),
        }
    }

    /// Takes back everything added since `mark`.
    pub(crate) fn rollback(&mut self, mark: Mark) {
        while self.journal.len() > mark.journal {
            match self.journal.pop() {
                Some(Entry::Key(key)) => {
                    self.resolved.remove(&key);
                }
                Some(Entry::Id(id)) => {
                    self.taken.remove(&id);
                }
                Some(Entry::Replaced(at, actor)) => self.dataset.actors[at] = *actor,
                Some(Entry::Cited(at)) => {
                    self.dataset.relations[at].citations.pop();
                }
                None => break,
            }
        }
        for actor in self.dataset.actors.drain(mark.actors..) {
            self.created.remove(&actor.id);
        }
        self.dataset.sources.truncate(mark.sources);
        for relation in self.dataset.relations.drain(mark.relations..) {
            self.relations_at.remove(relation.id.as_str());
        }
        self.report.matched.truncate(mark.matched);
        self.report.ambiguous.truncate(mark.ambiguous);
    }

    /// An id made from `text` that neither the graph nor the batch holds
    /// for another item: `text` as a slug, then `_2`, `_3`... `space`
    /// keeps the ids of each item kind apart, as the graph does.
    pub(crate) fn fresh_id(
        &mut self,
        space: char,
        text: &str,
        held: impl Fn(&ActorGraph, &str) -> bool,
    ) -> String {
        let base = slug(text);
        let mut id = base.clone();
        let mut n = 1;
        while self.taken.contains(&format!("{space}:{id}")) || held(self.graph, &id) {
            n += 1;
            let suffix = format!("_{n}");
            let mut stem = base.clone();
            stem.truncate(crate::base::id::MAX_ID_LEN - suffix.len());
            id = format!("{stem}{suffix}");
        }
        let key = format!("{space}:{id}");
        self.taken.insert(key.clone());
        self.journal.push(Entry::Id(key));
        id
    }

    /// The actor a row names: the one an earlier row resolved the same
    /// key or name to; else the alias file's; else the graph's actor whose
    /// id, name or spelling variant it is, when one actor alone fits; else
    /// a new actor.
    pub(crate) fn actor(&mut self, incoming: Incoming) -> Result<ActorId, RowFault> {
        let lookup = incoming
            .key
            .clone()
            .unwrap_or_else(|| format!("name:{}", incoming.name.trim().to_lowercase()));
        if let Some(id) = self.resolved.get(&lookup).cloned() {
            if incoming.defines
                && let Some(&at) = self.created.get(&id)
            {
                // The actor's own row, after rows that named it in passing:
                // it says what the actor is.
                let record = self.record(id.clone(), &incoming);
                let before = std::mem::replace(&mut self.dataset.actors[at], record);
                self.journal.push(Entry::Replaced(at, Box::new(before)));
            }
            return Ok(id);
        }
        let id = self.resolve(&incoming)?;
        self.resolved.insert(lookup.clone(), id.clone());
        self.journal.push(Entry::Key(lookup));
        Ok(id)
    }

    fn resolve(&mut self, incoming: &Incoming) -> Result<ActorId, RowFault> {
        let by_alias = incoming
            .key
            .as_deref()
            .and_then(|k| self.aliases.get(k))
            .or_else(|| self.aliases.get(&incoming.name))
            .cloned();
        if let Some(id) = by_alias {
            let known = self.graph.actor(id.as_str()).is_some() || self.created.contains_key(&id);
            if !known {
                return Err(RowFault::row(format!(
                    "the alias file maps {:?} to {id}, which is no actor of the graph or the import",
                    incoming.name
                )));
            }
            self.report.matched.push(ActorMatch {
                incoming: incoming
                    .key
                    .clone()
                    .unwrap_or_else(|| incoming.name.clone()),
                actor: id.clone(),
                how: Matched::AliasFile,
            });
            return Ok(id);
        }
        // The name search, whole names only: an id, the name, or the name
        // in another spelling. A place is only ever a place.
        let mut fits: Vec<(ActorId, crate::base::matching::MatchKind, String)> = Vec::new();
        for candidate in self.graph.search(&incoming.name) {
            if !candidate.how().is_whole_name() {
                continue;
            }
            let actor = candidate.actor();
            let is_place = actor.kind == ActorKind::Place;
            if is_place != (incoming.kind == ActorKind::Place) {
                continue;
            }
            if !fits.iter().any(|(id, _, _)| *id == actor.id) {
                fits.push((
                    actor.id.clone(),
                    candidate.how(),
                    candidate.matched().to_owned(),
                ));
            }
        }
        match fits.len() {
            0 => Ok(self.create(incoming)),
            1 => {
                let (id, how, name) = fits.remove(0);
                self.report.matched.push(ActorMatch {
                    incoming: incoming.name.clone(),
                    actor: id.clone(),
                    how: Matched::Search { how, name },
                });
                Ok(id)
            }
            _ => {
                let candidates: Vec<ActorId> = fits.into_iter().map(|(id, _, _)| id).collect();
                if self.new_when_ambiguous {
                    let created = self.create(incoming);
                    self.report.ambiguous.push(AmbiguousActor {
                        incoming: incoming.name.clone(),
                        candidates,
                        created: created.clone(),
                    });
                    Ok(created)
                } else {
                    let listed: Vec<&str> = candidates.iter().map(ActorId::as_str).collect();
                    Err(RowFault::row(format!(
                        "the name {:?} fits several actors ({}); say which in the alias file, \
                         or import it as a new actor",
                        incoming.name,
                        listed.join(", ")
                    )))
                }
            }
        }
    }

    fn create(&mut self, incoming: &Incoming) -> ActorId {
        let text = match &incoming.key {
            Some(key) if incoming.name.trim().is_empty() => key.clone(),
            _ => incoming.name.clone(),
        };
        let id = self.fresh_id('a', &text, |g, id| g.actor(id).is_some());
        let id = ActorId::new_unchecked(id);
        let record = self.record(id.clone(), incoming);
        self.created.insert(id.clone(), self.dataset.actors.len());
        self.dataset.actors.push(record);
        id
    }

    fn record(&self, id: ActorId, incoming: &Incoming) -> Actor {
        let mut aliases: Vec<String> = Vec::new();
        for alias in &incoming.aliases {
            let alias = alias.trim();
            if !alias.is_empty()
                && alias != incoming.name
                && !aliases.iter().any(|a| a == alias)
                && !incoming.former_names.iter().any(|f| f.name == alias)
            {
                aliases.push(alias.to_owned());
            }
        }
        Actor {
            id,
            name: incoming.name.trim().to_owned(),
            kind: incoming.kind,
            aliases,
            former_names: incoming.former_names.clone(),
            died: None,
            note: incoming.note.clone(),
            reliability: None,
        }
    }

    /// Adds a source unless the batch holds one of that id already.
    pub(crate) fn source(&mut self, source: Source) -> SourceId {
        let id = source.id.clone();
        let key = format!("s:{id}");
        if self.taken.insert(key.clone()) {
            self.journal.push(Entry::Id(key));
            self.dataset.sources.push(source);
        }
        id
    }

    /// An id for a relation made from `text`, unique within the import.
    /// It is not made unique against the graph: a row imported again
    /// makes the same id, which the graph skips when the relation is
    /// identical and refuses when it differs.
    pub(crate) fn relation_id(&mut self, text: &str) -> RelationId {
        let id = self.fresh_id('r', text, |_, _| false);
        RelationId::new_unchecked(id)
    }

    /// An id for a source made from `text`, as for relations; the same
    /// text gives the same id, so one source serves every row citing it.
    pub(crate) fn source_id(&self, text: &str) -> SourceId {
        SourceId::new_unchecked(slug(text))
    }

    /// Adds a relation.
    pub(crate) fn relation(&mut self, relation: Relation) {
        self.relations_at.insert(
            relation.id.as_str().to_owned(),
            self.dataset.relations.len(),
        );
        self.dataset.relations.push(relation);
    }

    /// Whether an actor of this id is in the graph or the import.
    pub(crate) fn has_actor(&self, id: &ActorId) -> bool {
        self.created.contains_key(id) || self.graph.actor(id.as_str()).is_some()
    }

    /// Whether a source of this id is in the graph or the import.
    pub(crate) fn has_source(&self, id: &SourceId) -> bool {
        self.taken.contains(&format!("s:{id}")) || self.graph.source(id.as_str()).is_some()
    }

    /// Adds an actor the data gives an id of its own; false when the
    /// import has one of that id already.
    pub(crate) fn push_actor(&mut self, actor: Actor) -> bool {
        if self.created.contains_key(&actor.id) {
            return false;
        }
        let key = format!("a:{}", actor.id);
        self.taken.insert(key.clone());
        self.journal.push(Entry::Id(key));
        self.created
            .insert(actor.id.clone(), self.dataset.actors.len());
        self.dataset.actors.push(actor);
        true
    }

    /// Adds a source the data gives an id of its own; false when the
    /// import has one of that id already.
    pub(crate) fn push_source(&mut self, source: Source) -> bool {
        if self.taken.contains(&format!("s:{}", source.id)) {
            return false;
        }
        self.source(source);
        true
    }

    /// Cites a relation of the import; false when it has none of that id.
    pub(crate) fn cite(&mut self, relation: &str, citation: crate::base::model::Citation) -> bool {
        let Some(&at) = self.relations_at.get(relation) else {
            return false;
        };
        self.dataset.relations[at].citations.push(citation);
        self.journal.push(Entry::Cited(at));
        true
    }

    /// Whether the import holds a relation of this id.
    pub(crate) fn has_relation(&self, id: &str) -> bool {
        self.relations_at.contains_key(id)
    }
}
