//! Finding the words of the index that a mistyped word is near.
//!
//! A deletion table: every word is filed under itself and under each
//! string one deletion away from it. Two words meet there when one
//! deletion from each (or from one) makes them equal, which covers a
//! wrong, missing, extra or swapped letter; the edit distance of every
//! word met (swapping two neighbours counting as one edit) is then
//! checked. Looking a word up costs one probe per letter, not a pass over
//! the vocabulary.

use std::hash::BuildHasher;

use crate::store::FastHash;
use crate::store::ix::NameIx;

use super::fit::budget;
use super::postings::Postings;
use crate::store::ix::ActorIx;

/// Word numbers by the hash of a string they are at most one deletion
/// from, sorted by hash.
#[derive(Clone, Debug, Default)]
pub(crate) struct NearTable {
    entries: Vec<(u32, NameIx)>,
    hasher: FastHash,
}

impl NearTable {
    pub(crate) fn build(words: &Postings<ActorIx>) -> NearTable {
        let hasher = FastHash::default();
        let mut entries = Vec::new();
        for symbol in words.symbols() {
            let word = words.key(symbol);
            for variant in one_deletion(word) {
                entries.push((hash(&hasher, &variant), symbol));
            }
        }
        entries.sort_unstable();
        entries.dedup();
        NearTable { entries, hasher }
    }

    /// The words within `word`'s budget of edits (see [`budget`]), other
    /// than `word` itself, best first.
    pub(crate) fn near(&self, words: &Postings<ActorIx>, word: &str) -> Vec<NameIx> {
        let allowed = budget(word.chars().count());
        if allowed == 0 {
            return Vec::new();
        }
        let mut met: Vec<NameIx> = Vec::new();
        for variant in one_deletion(word) {
            let key = hash(&self.hasher, &variant);
            let start = self.entries.partition_point(|(h, _)| *h < key);
            met.extend(
                self.entries[start..]
                    .iter()
                    .take_while(|(h, _)| *h == key)
                    .map(|(_, s)| *s),
            );
        }
        met.sort_unstable();
        met.dedup();
        let mut found: Vec<(usize, NameIx)> = met
            .into_iter()
            .filter_map(|s| {
                let distance = strsim::osa_distance(word, words.key(s));
                (distance > 0 && distance <= allowed).then_some((distance, s))
            })
            .collect();
        found.sort_unstable();
        found.into_iter().map(|(_, s)| s).collect()
    }
}

fn hash(hasher: &FastHash, s: &str) -> u32 {
    // The top half: a collision only adds a word that the distance check
    // then drops.
    (hasher.hash_one(s) >> 32) as u32
}

/// `word` and every string one deletion from it.
fn one_deletion(word: &str) -> impl Iterator<Item = String> + '_ {
    let deletions = word.char_indices().map(move |(i, c)| {
        let mut shorter = String::with_capacity(word.len());
        shorter.push_str(&word[..i]);
        shorter.push_str(&word[i + c.len_utf8()..]);
        shorter
    });
    std::iter::once(word.to_owned()).chain(deletions)
}
