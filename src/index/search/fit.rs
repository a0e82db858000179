//! How well a searched text fits one name: the rules behind
//! [`MatchKind`], and the score that ranks candidates.

use crate::base::matching::{MatchKind, NameRole};
use crate::base::model::Actor;
use crate::index::names::normalize_name;

use super::skeleton::{Scratch, for_each_word, words};

/// The shortest word a prefix match starts from: shorter ones begin too
/// many words to point at anything.
pub(crate) const MIN_PREFIX: usize = 3;

/// How far down the kinds of match a search goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Level {
    /// Whole names, words of names and the starts of words.
    Prefixes,
    /// Also near misses.
    NearMisses,
}

/// A searched text, read once.
#[derive(Clone, Debug)]
pub(crate) struct Query {
    pub(crate) normalized: String,
    pub(crate) words: Vec<String>,
}

impl Query {
    pub(crate) fn new(text: &str) -> Query {
        let normalized = normalize_name(text);
        let words = words(&normalized);
        Query { normalized, words }
    }
}

/// How a text fits one name, and how well: higher is better, and every
/// kind scores above the kinds after it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Fit {
    pub(crate) how: MatchKind,
    pub(crate) score: f32,
}

/// The edits a word of `chars` characters may be off by and still count
/// as a near miss: short words are too easily one edit from another.
pub(crate) fn budget(chars: usize) -> usize {
    match chars {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

/// Buffers that [`fit`] reuses from one name to the next.
#[derive(Debug, Default)]
pub(crate) struct Buffers {
    /// The words of the name, end to end.
    joined: String,
    /// Where each word starts and ends in `joined`.
    bounds: Vec<(usize, usize)>,
    scratch: Scratch,
}

/// How `query` fits `name`, looking no further down the kinds than `level`.
pub(crate) fn fit(query: &Query, name: &str, level: Level, buffers: &mut Buffers) -> Option<Fit> {
    let normalized = normalize_name(name);
    if normalized.is_empty() || query.words.is_empty() {
        return None;
    }
    if normalized == query.normalized {
        return Some(Fit {
            how: MatchKind::Exact,
            score: 0.95,
        });
    }
    let Buffers {
        joined,
        bounds,
        scratch,
    } = buffers;
    joined.clear();
    bounds.clear();
    for_each_word(&normalized, scratch, |w| {
        let start = joined.len();
        joined.push_str(w);
        bounds.push((start, joined.len()));
    });
    let name_words = || bounds.iter().map(|&(start, end)| &joined[start..end]);
    let count = bounds.len();
    if count == query.words.len() && name_words().zip(&query.words).all(|(a, b)| a == b) {
        return Some(Fit {
            how: MatchKind::Variant,
            score: 0.9,
        });
    }
    // The share of the name the text covers: "Idlib" is more of "Idlib
    // city" than of "Self-proclaimed government in Idlib".
    let coverage = (query.words.len() as f32 / count as f32).min(1.0);
    let at = |word: &String| name_words().position(|w| w == word);
    let positions: Option<Vec<usize>> = query.words.iter().map(at).collect();
    if let Some(positions) = positions {
        let in_order = positions.windows(2).all(|p| p[1] == p[0] + 1);
        let first = positions.first() == Some(&0);
        let how = if query.words.len() == 1 {
            MatchKind::Token
        } else {
            MatchKind::Phrase
        };
        let score = 0.5 + 0.25 * coverage + bonus(in_order) + bonus(first);
        return Some(Fit { how, score });
    }
    let (last, rest) = query.words.split_last()?;
    let begins = |w: &str| w.len() > last.len() && w.starts_with(last.as_str());
    let rest_found = rest.iter().all(|w| at(w).is_some());
    let prefixed = (last.chars().count() >= MIN_PREFIX && rest_found)
        .then(|| name_words().position(begins))
        .flatten();
    if let Some(p) = prefixed {
        return Some(Fit {
            how: MatchKind::Prefix,
            score: 0.3 + 0.1 * coverage + bonus(p == 0),
        });
    }
    if level < Level::NearMisses {
        return None;
    }
    // Every word of the text must be found, exactly, as a start (the last)
    // or within its budget of edits; the fewer edits, the better.
    let mut edits = 0;
    let mut letters = 0;
    for (i, word) in query.words.iter().enumerate() {
        let chars = word.chars().count();
        letters += chars;
        let is_last = i + 1 == query.words.len();
        if at(word).is_some() || (is_last && chars >= MIN_PREFIX && name_words().any(begins)) {
            continue;
        }
        let nearest = name_words().map(|w| strsim::osa_distance(word, w)).min()?;
        if nearest > budget(chars) {
            return None;
        }
        edits += nearest;
    }
    (edits > 0).then(|| Fit {
        how: MatchKind::NearMiss,
        score: 0.1 + 0.15 * (1.0 - edits as f32 / letters.max(1) as f32),
    })
}

fn bonus(yes: bool) -> f32 {
    if yes { 0.05 } else { 0.0 }
}

/// Which name is shown when an actor fits equally well by several: its
/// name, then an alias, its id, a former name.
pub(crate) fn role_rank(role: NameRole) -> u8 {
    match role {
        NameRole::Name => 0,
        NameRole::Alias => 1,
        NameRole::Id => 2,
        NameRole::Former { .. } => 3,
    }
}

/// Every name of an actor that the index files, numbered by slot: id,
/// name, aliases, former names.
pub(crate) fn names(actor: &Actor) -> impl Iterator<Item = (&str, NameRole)> {
    let id = std::iter::once((actor.id.as_str(), NameRole::Id));
    let name = std::iter::once((actor.name.as_str(), NameRole::Name));
    let aliases = actor.aliases.iter().map(|a| (a.as_str(), NameRole::Alias));
    let former = actor.former_names.iter().map(|f| {
        (
            f.name.as_str(),
            NameRole::Former {
                from: f.from,
                until: f.until,
            },
        )
    });
    id.chain(name).chain(aliases).chain(former)
}

/// The name in slot `slot` of [`names`].
pub(crate) fn name_at(actor: &Actor, slot: u32) -> Option<(&str, NameRole)> {
    names(actor).nth(slot as usize)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn how(query: &str, name: &str) -> Option<MatchKind> {
        fit(
            &Query::new(query),
            name,
            Level::NearMisses,
            &mut Buffers::default(),
        )
        .map(|f| f.how)
    }

    #[test]
    fn kinds_of_match() {
        assert_eq!(
            how("hayat tahrir al sham", "Hay'at Tahrir al-Sham"),
            Some(MatchKind::Exact)
        );
        assert_eq!(how("Jolani", "al-Julani"), Some(MatchKind::Variant));
        assert_eq!(how("Idlib", "Idlib city"), Some(MatchKind::Token));
        assert_eq!(
            how(
                "March 2020 ceasefire",
                "March 2020 ceasefire in north-west Syria"
            ),
            Some(MatchKind::Phrase)
        );
        assert_eq!(how("Hezb", "Hezbollah"), Some(MatchKind::Prefix));
        assert_eq!(how("Alpha Stat", "Alpha State"), Some(MatchKind::Prefix));
        assert_eq!(
            how("Hayat Tahrir al-Shan", "Hayat Tahrir al-Sham"),
            Some(MatchKind::NearMiss)
        );
        // Swapped letters are one edit, the commonest slip of the fingers.
        assert_eq!(
            how("Muifhi", "Abu Muhammad al-Mufihi"),
            Some(MatchKind::NearMiss)
        );
        assert_eq!(how("Nubl", "Nujaba"), None);
        assert_eq!(how("", "Nujaba"), None);
    }

    #[test]
    fn scores_keep_kinds_apart() {
        let q = Query::new("Idlib");
        let city = fit(&q, "Idlib city", Level::Prefixes, &mut Buffers::default()).unwrap();
        let government = fit(
            &q,
            "Self-proclaimed government in Idlib",
            Level::Prefixes,
            &mut Buffers::default(),
        )
        .unwrap();
        assert!(city.score > government.score);
        let variant = fit(
            &Query::new("Jolani"),
            "al-Julani",
            Level::Prefixes,
            &mut Buffers::default(),
        )
        .unwrap();
        let reordered = fit(
            &Query::new("b a"),
            "a b",
            Level::Prefixes,
            &mut Buffers::default(),
        )
        .unwrap();
        assert!(variant.score > reordered.score);
    }
}
