//! Finding actors by what people type, and resolving a text to one actor.

use std::fmt;

use crate::base::error::{Error, Repr};
use crate::base::matching::{MatchKind, NameRole, Suggestion, describe};
use crate::graph::ActorGraph;
use crate::index::search::{Hit, name_at};

use super::ActorRef;

/// An actor a searched text may mean: the name that fit, how, and how well.
///
/// Made by [`ActorGraph::search`]. Displays as the name that matched and
/// whose it is, such as `Jabhat al-Nusra: former name of Hayat Tahrir
/// al-Sham, from 2011 until 2016 (armed group, id hts)`.
///
/// # Example
///
/// ```
/// use actorgraph::{ActorGraph, MatchKind};
///
/// let graph = ActorGraph::embedded()?;
/// let best = graph.search("Jolani").next().expect("a candidate");
/// assert_eq!(best.actor().id.as_str(), "abu_mohammed_al_julani");
/// assert_eq!(best.matched(), "al-Julani");
/// assert_eq!(best.how(), MatchKind::Variant);
/// # Ok::<(), actorgraph::Error>(())
/// ```
#[derive(Clone, Copy, Debug)]
pub struct Candidate<'g> {
    actor: ActorRef<'g>,
    matched: &'g str,
    role: NameRole,
    how: MatchKind,
    score: f32,
}

impl<'g> Candidate<'g> {
    fn from_hit(graph: &'g ActorGraph, hit: Hit) -> Candidate<'g> {
        let actor = ActorRef::new(graph, hit.actor);
        let record = actor.record();
        let (matched, role) =
            name_at(record, hit.slot).unwrap_or((record.name.as_str(), NameRole::Name));
        Candidate {
            actor,
            matched,
            role,
            how: hit.how,
            score: hit.score,
        }
    }

    /// The actor.
    pub fn actor(&self) -> ActorRef<'g> {
        self.actor
    }

    /// The id, name, alias or former name that fit, as written.
    pub fn matched(&self) -> &'g str {
        self.matched
    }

    /// Which of the actor's names fit.
    pub fn role(&self) -> NameRole {
        self.role
    }

    /// How the text fit it.
    pub fn how(&self) -> MatchKind {
        self.how
    }

    /// How well the text fits, from 0 to 1: an id scores 1, and each
    /// [`MatchKind`] scores above the kinds after it. Within a kind, a text
    /// that covers more of the name, in order, from its first word, scores
    /// higher.
    pub fn score(&self) -> f32 {
        self.score
    }

    /// Whether the text matched only part of the name: every word of the
    /// text is a word of it, which has more ("Northern Storm" for
    /// "Northern Storm Brigade").
    pub fn is_part_of_name(&self) -> bool {
        self.how.is_part_of_name()
    }

    /// The candidate as an owned value, as errors list it.
    pub fn to_suggestion(&self) -> Suggestion {
        let actor = self.actor.record();
        Suggestion::new(
            actor.id.as_str(),
            actor.name.as_str(),
            actor.kind,
            self.matched,
            self.role,
            self.how,
        )
    }
}

impl fmt::Display for Candidate<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let actor = self.actor.record();
        describe(f, self.matched, self.role, &actor.name)?;
        write!(f, " ({}, id {})", actor.kind.label(), actor.id)
    }
}

impl ActorGraph {
    /// The actors a text may mean, best first, each with the name that fit
    /// and how ([`MatchKind`]).
    ///
    /// Every id, name, alias and former name is searched. The text fits a
    /// name when it is the name up to case, diacritics and punctuation;
    /// when it is the name in another romanisation (articles such as
    /// `al-` dropped, `o`/`u`, `e`/`i`, `j`/`g`, `q`/`k`, doubled letters,
    /// `-ah`/`-a`: see [`skeleton`](crate::index::search::skeleton)); when
    /// its words are words of the name; when its last word begins one of
    /// the name's words (three letters at least). Only when nothing fits
    /// so are near misses tried: words one edit away (two for words of
    /// eight letters or more). Each actor comes once, by its best name.
    ///
    /// # Example
    ///
    /// ```
    /// use actorgraph::{ActorGraph, MatchKind};
    ///
    /// let graph = ActorGraph::embedded()?;
    /// let found: Vec<_> = graph.search("Idlib").map(|c| c.actor().id.to_string()).collect();
    /// assert_eq!(&found[..2], ["idlib_province", "idlib_city"]);
    /// let ceasefire = graph.search("March 2020 ceasefire").next().expect("found");
    /// assert_eq!(ceasefire.how(), MatchKind::Phrase);
    /// assert_eq!(graph.search("Hezb").next().map(|c| c.actor().name.clone()), Some("Hezbollah".into()));
    /// assert_eq!(graph.search("").count(), 0);
    /// # Ok::<(), actorgraph::Error>(())
    /// ```
    ///
    /// # Complexity
    ///
    /// O(t + k·n) for a text of t bytes, where k is the number of actors
    /// that bear the text's rarest word (or, for a prefix, the words it
    /// begins) and n the length of their names: microseconds for a
    /// distinctive word however large the graph. The first search for a
    /// prefix or a near miss after actors were added sorts the vocabulary
    /// or builds its table of deletions, O(V log V) for V distinct words;
    /// the first search or lookup by name after a load files every
    /// actor's names, O(N) for N bytes of names. A text more than four times as long as the longest name (and 256
    /// bytes) is not read, and finds nothing.
    pub fn search(&self, text: &str) -> impl Iterator<Item = Candidate<'_>> {
        let indexes = self.name_indexes();
        indexes
            .search
            .find(&self.store, &indexes.names, text)
            .into_iter()
            .map(move |hit| Candidate::from_hit(self, hit))
    }

    /// Resolves `text` as [`ActorGraph::resolve`] does, and says how: the
    /// candidate it resolved to, with the name that fit and the
    /// [`MatchKind`], so that a caller can tell the user when a query acts
    /// on part of a name ([`Candidate::is_part_of_name`]).
    ///
    /// # Errors
    ///
    /// As [`ActorGraph::resolve`].
    ///
    /// # Example
    ///
    /// ```
    /// use actorgraph::{ActorGraph, MatchKind};
    ///
    /// let graph = ActorGraph::embedded()?;
    /// let found = graph.resolve_explained("Northern Storm")?;
    /// assert_eq!(found.actor().id.as_str(), "hts_northern_storm_brigade");
    /// assert!(found.is_part_of_name());
    /// assert_eq!(found.how(), MatchKind::Phrase);
    /// assert!(!graph.resolve_explained("Hezbollah")?.is_part_of_name());
    /// # Ok::<(), actorgraph::Error>(())
    /// ```
    ///
    /// # Complexity
    ///
    /// As [`ActorGraph::search`].
    pub fn resolve_explained(&self, text: &str) -> Result<Candidate<'_>, Error> {
        let actor = self.resolve(text)?;
        let indexes = self.name_indexes();
        let hit = indexes
            .search
            .find(&self.store, &indexes.names, text)
            .into_iter()
            .find(|h| h.actor == actor.position());
        Ok(match hit {
            Some(hit) => Candidate::from_hit(self, hit),
            // Resolved by an exact name that the search reads otherwise.
            None => Candidate {
                actor,
                matched: actor.record().name.as_str(),
                role: NameRole::Name,
                how: MatchKind::Exact,
                score: 1.0,
            },
        })
    }
}

/// Resolves `text` through the search, once an exact id or name has not:
/// a whole name in another spelling resolves when one actor bears it; so
/// does part of a name (every word of the text a word of the name) when
/// no other actor's names hold all its words, and a part shared by several
/// actors lists them. A prefix or a near miss never resolves, and is
/// offered in the error instead.
pub(super) fn resolve_loosely<'g>(
    graph: &'g ActorGraph,
    text: &str,
) -> Result<ActorRef<'g>, Error> {
    // Whole names score above every other kind, so they come first.
    let indexes = graph.name_indexes();
    let hits = indexes.search.find(&graph.store, &indexes.names, text);
    if let Some(best) = hits.first().filter(|h| h.how.is_whole_name()) {
        let tied: Vec<Hit> = hits.iter().copied().filter(|h| h.how == best.how).collect();
        if let [only] = tied[..] {
            return Ok(ActorRef::new(graph, only.actor));
        }
        return Err(ambiguous(graph, text, &tied));
    }
    // Part of one actor's name only: what people type ("Northern Storm").
    let partial: Vec<Hit> = hits
        .iter()
        .copied()
        .filter(|h| h.how.is_part_of_name())
        .collect();
    match partial[..] {
        [only] => return Ok(ActorRef::new(graph, only.actor)),
        [_, _, ..] => return Err(ambiguous(graph, text, &partial)),
        [] => {}
    }
    let guesses = hits.iter().all(|h| h.how == MatchKind::NearMiss);
    if hits.len() >= 2 && !guesses {
        return Err(ambiguous(graph, text, &hits));
    }
    let nearest: Vec<Suggestion> = hits
        .iter()
        .take(Error::MAX_CANDIDATES)
        .map(|&h| Candidate::from_hit(graph, h).to_suggestion())
        .collect();
    Err(Error::from(Repr::UnknownName {
        query: text.to_owned(),
        suggestion: nearest.first().map(|s| s.matched.to_lowercase()),
        nearest,
    }))
}

fn ambiguous(graph: &ActorGraph, text: &str, hits: &[Hit]) -> Error {
    Error::from(Repr::AmbiguousName {
        query: text.to_owned(),
        candidates: hits
            .iter()
            .take(Error::MAX_CANDIDATES)
            .map(|&h| Candidate::from_hit(graph, h).to_suggestion())
            .collect(),
        total: hits.len(),
    })
}
