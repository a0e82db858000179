//! Searching actors by what people type: whole names in any usual
//! spelling, words and phrases of names, starts of words, near misses.
//!
//! Every name, alias and former name is cut into the words of its
//! [`skeleton`], and each word is filed with the actors that bear it, as
//! actors are added. Ids, slugs of names, are found whole (in any case)
//! through the index of normalised names rather than word by word, which
//! keeps a word per actor out of memory. A search looks up the rarest
//! word of the text and checks each actor filed under it against all its
//! names, so its cost grows with the actors that share the text's words,
//! not with the graph.
//! Prefixes and near misses need the vocabulary sorted and a table of
//! one-letter deletions; both are built on the first search that needs
//! them after the vocabulary changed.

mod fit;
mod near;
mod postings;
mod skeleton;

use std::sync::OnceLock;

use crate::base::matching::MatchKind;
use crate::index::names::NameIndex;
use crate::store::Store;
use crate::store::ix::{ActorIx, NameIx};

pub(crate) use self::fit::name_at;
use self::fit::{Buffers, Level, MIN_PREFIX, Query, fit, names, role_rank};
use self::near::NearTable;
use self::postings::Postings;
pub use self::skeleton::skeleton;
use self::skeleton::{Scratch, for_each_word};

/// An actor a search found: which of its names fit, how, and how well.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Hit {
    pub(crate) actor: ActorIx,
    /// The name's slot: 0 the id, 1 the name, then aliases, then former
    /// names (see [`name_at`]).
    pub(crate) slot: u32,
    pub(crate) how: MatchKind,
    pub(crate) score: f32,
}

/// The words of every name, each with the actors that bear it.
#[derive(Clone, Debug, Default)]
pub(crate) struct SearchIndex {
    words: Postings<ActorIx>,
    /// The longest name filed, in bytes: a text far longer is no name,
    /// and is not read.
    longest: usize,
    /// Word numbers in the order of their text, for prefixes.
    sorted: OnceLock<Vec<NameIx>>,
    near: OnceLock<NearTable>,
    scratch: Scratch,
}

impl SearchIndex {
    /// Files the words of `name`, given as written and normalised, under
    /// the actor at `position`; `false` when the index is full, which
    /// takes more than 4 GiB of distinct words. An actor's names are filed
    /// one after another, before the next actor's.
    pub(crate) fn insert(&mut self, name: &str, normalized: &str, position: ActorIx) -> bool {
        self.longest = self.longest.max(name.len());
        let mut full = false;
        let mut grew = false;
        let words = &mut self.words;
        for_each_word(normalized, &mut self.scratch, |word| {
            match words.insert(word, position) {
                Some((_, new)) => grew |= new,
                None => full = true,
            }
        });
        if grew {
            self.sorted.take();
            self.near.take();
        }
        !full
    }

    pub(crate) fn shrink_to_fit(&mut self) {
        self.words.shrink_to_fit();
    }

    /// Whether `text` is short enough to be a name: at most four times the
    /// longest name, and 256 bytes, which leaves room for any spacing and
    /// punctuation a person types around a name, and keeps a megabyte of
    /// text from being read at all.
    pub(crate) fn may_be_a_name(&self, text: &str) -> bool {
        text.len() <= self.longest.saturating_mul(4).saturating_add(256)
    }

    /// The actors `text` fits, at most one hit each, best first; near
    /// misses only when nothing else fits. `store` holds the actors this
    /// index filed, and `exact` their normalised names and ids.
    ///
    /// # Complexity
    ///
    /// O(t + k·n) for a text of t bytes, where k is the number of actors
    /// filed under the text's rarest word (or, for prefixes, under the
    /// words it begins) and n the length of their names; the first search
    /// for prefixes or near misses after the vocabulary changed also sorts
    /// it or builds its deletion table, O(V log V) for V distinct words.
    pub(crate) fn find(&self, store: &Store, exact: &NameIndex, text: &str) -> Vec<Hit> {
        if !self.may_be_a_name(text) {
            return Vec::new();
        }
        let query = Query::new(text);
        let Some((last, rest)) = query.words.split_last() else {
            return Vec::new();
        };
        let by_id = store.actor_ix(text);
        let symbols: Option<Vec<NameIx>> = query.words.iter().map(|w| self.words.find(w)).collect();
        let rarest =
            |symbols: &[NameIx]| symbols.iter().copied().min_by_key(|&s| self.words.count(s));
        // Ids are filed whole there, not word by word here.
        let mut seeds: Vec<ActorIx> = by_id
            .into_iter()
            .chain(exact.get_normalized(&query.normalized))
            .collect();
        if let Some(word) = symbols.as_deref().and_then(rarest) {
            seeds.extend(self.words.values(word));
        }
        if last.chars().count() >= MIN_PREFIX {
            let others: Option<Vec<NameIx>> = rest.iter().map(|w| self.words.find(w)).collect();
            // Every other word must be in the name, and some word must
            // begin with the last: seed from whichever side files fewer.
            let begun: usize = self.beginning_with(last).map(|w| self.words.count(w)).sum();
            match others.as_deref().map(rarest) {
                Some(Some(word)) if self.words.count(word) < begun => {
                    seeds.extend(self.words.values(word));
                }
                Some(_) => {
                    for word in self.beginning_with(last) {
                        seeds.extend(self.words.values(word));
                    }
                }
                None => {}
            }
        }
        let mut hits = self.classify(store, &query, seeds, Level::Prefixes);
        if hits.is_empty() {
            let near = self.near.get_or_init(|| NearTable::build(&self.words));
            let mut seeds = Vec::new();
            for word in &query.words {
                for similar in near.near(&self.words, word) {
                    seeds.extend(self.words.values(similar));
                }
            }
            hits = self.classify(store, &query, seeds, Level::NearMisses);
        }
        if let Some(actor) = by_id {
            hits.retain(|h| h.actor != actor);
            hits.insert(
                0,
                Hit {
                    actor,
                    slot: 0,
                    how: MatchKind::Id,
                    score: 1.0,
                },
            );
        }
        hits
    }

    /// The words that begin with `prefix` and are longer.
    fn beginning_with<'a>(&'a self, prefix: &'a str) -> impl Iterator<Item = NameIx> + 'a {
        let sorted = self.sorted.get_or_init(|| {
            let mut sorted: Vec<NameIx> = self.words.symbols().collect();
            sorted.sort_unstable_by_key(|&s| self.words.key(s));
            sorted
        });
        let start = sorted.partition_point(|&s| self.words.key(s) < prefix);
        sorted[start..]
            .iter()
            .copied()
            .take_while(move |&s| self.words.key(s).starts_with(prefix))
            .filter(move |&s| self.words.key(s) != prefix)
    }

    /// Each actor of `seeds` checked against all its names, best name
    /// each, sorted best first.
    fn classify(
        &self,
        store: &Store,
        query: &Query,
        mut seeds: Vec<ActorIx>,
        level: Level,
    ) -> Vec<Hit> {
        seeds.sort_unstable();
        seeds.dedup();
        let mut buffers = Buffers::default();
        let mut hits: Vec<(Hit, u8)> = seeds
            .into_iter()
            .filter_map(|actor| {
                names(store.actor(actor))
                    .zip(0u32..)
                    .filter_map(|((name, role), slot)| {
                        let fit = fit(query, name, level, &mut buffers)?;
                        let hit = Hit {
                            actor,
                            slot,
                            how: fit.how,
                            score: fit.score,
                        };
                        Some((hit, role_rank(role)))
                    })
                    .min_by(|a, b| b.0.score.total_cmp(&a.0.score).then(a.1.cmp(&b.1)))
            })
            .collect();
        hits.sort_unstable_by(|a, b| {
            b.0.score
                .total_cmp(&a.0.score)
                .then(a.1.cmp(&b.1))
                .then(a.0.actor.cmp(&b.0.actor))
        });
        hits.into_iter().map(|(hit, _)| hit).collect()
    }
}
