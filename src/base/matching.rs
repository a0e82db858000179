//! How a text matched an actor's name: plain values that the name search
//! hands out and that errors carry, so that both explain a match alike.

use std::fmt;

use super::date::When;
use super::kind::ActorKind;

/// How a searched text fits a name, from the closest fit to the loosest.
///
/// Comparisons ignore case, diacritics and punctuation; from
/// [`Variant`](MatchKind::Variant) down they also ignore Arabic articles
/// and the usual romanisation variants (see
/// [`skeleton`](crate::index::search::skeleton)).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum MatchKind {
    /// The text is the actor's id, character for character.
    Id,
    /// The text is the name, up to case, diacritics and punctuation.
    Exact,
    /// The text is the whole name in another spelling: "Jolani" for
    /// "al-Julani", "al-Qaida" for "al-Qaeda".
    Variant,
    /// Every word of the text is a word of a longer name: "March 2020
    /// ceasefire" in "March 2020 ceasefire in north-west Syria".
    Phrase,
    /// The text is one word of a longer name: "Idlib" in "Idlib city".
    Token,
    /// The text's last word begins a word of the name: "Hezb".
    Prefix,
    /// Some word of the text is a word of the name mistyped by an edit or
    /// two (a wrong, missing or extra letter, or two neighbours swapped);
    /// tried only when nothing else fits.
    NearMiss,
}

impl MatchKind {
    /// Whether the text stands for the whole name (an id, the name, or the
    /// name spelt otherwise), as opposed to part of it or a guess.
    pub fn is_whole_name(self) -> bool {
        matches!(self, MatchKind::Id | MatchKind::Exact | MatchKind::Variant)
    }

    /// Whether every word of the text is a word of the name, which has
    /// more: part of the name, as people type it ("Northern Storm" for
    /// "Northern Storm Brigade"), as opposed to a whole name or a guess.
    pub fn is_part_of_name(self) -> bool {
        matches!(self, MatchKind::Phrase | MatchKind::Token)
    }

    /// The kind in plain words, such as `spelling variant`.
    pub fn label(self) -> &'static str {
        match self {
            MatchKind::Id => "id",
            MatchKind::Exact => "exact name",
            MatchKind::Variant => "spelling variant",
            MatchKind::Phrase => "words of the name",
            MatchKind::Token => "word of the name",
            MatchKind::Prefix => "start of a word",
            MatchKind::NearMiss => "near miss",
        }
    }
}

impl fmt::Display for MatchKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// Which of an actor's names matched.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum NameRole {
    /// Its id.
    Id,
    /// Its current name.
    Name,
    /// One of its aliases.
    Alias,
    /// A name it went by before, with the span it was used over.
    Former {
        /// When it began to be used, if known.
        from: Option<When>,
        /// When it stopped being used, if known.
        until: Option<When>,
    },
}

/// An actor a text might have meant, as an error lists it: owned, so that
/// it outlives the graph.
///
/// Displays as the name that matched and whose it is:
/// `Jabhat al-Nusra: former name of Hayat Tahrir al-Sham, from 2011 until
/// 2016 (armed group, id hts)`.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Suggestion {
    /// The actor's id.
    pub id: String,
    /// The actor's current name.
    pub name: String,
    /// What sort of actor it is.
    pub kind: ActorKind,
    /// The name, alias, former name or id that matched, as written.
    pub matched: String,
    /// Which of the actor's names that is.
    pub role: NameRole,
    /// How the text fit it.
    pub how: MatchKind,
}

impl Suggestion {
    /// A suggestion from its parts.
    pub fn new(
        id: impl Into<String>,
        name: impl Into<String>,
        kind: ActorKind,
        matched: impl Into<String>,
        role: NameRole,
        how: MatchKind,
    ) -> Suggestion {
        Suggestion {
            id: id.into(),
            name: name.into(),
            kind,
            matched: matched.into(),
            role,
            how,
        }
    }
}

impl fmt::Display for Suggestion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        describe(f, &self.matched, self.role, &self.name)?;
        write!(f, " ({}, id {})", self.kind.label(), self.id)
    }
}

/// Writes which actor's name `matched` is: the name alone, or `matched:
/// alias of name`, or a former name with its dates.
pub(crate) fn describe(
    f: &mut fmt::Formatter<'_>,
    matched: &str,
    role: NameRole,
    name: &str,
) -> fmt::Result {
    match role {
        NameRole::Name | NameRole::Id => f.write_str(name),
        NameRole::Alias => write!(f, "{matched}: alias of {name}"),
        NameRole::Former { from, until } => {
            write!(f, "{matched}: former name of {name}")?;
            match (from, until) {
                (Some(from), Some(until)) => write!(f, ", from {from} until {until}"),
                (Some(from), None) => write!(f, ", from {from}"),
                (None, Some(until)) => write!(f, ", until {until}"),
                (None, None) => Ok(()),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn former_names_say_so_with_their_dates() {
        let until = "2016".parse().ok();
        let s = Suggestion::new(
            "hts",
            "Hayat Tahrir al-Sham",
            ActorKind::ArmedGroup,
            "Jabhat al-Nusra",
            NameRole::Former { from: None, until },
            MatchKind::Token,
        );
        assert_eq!(
            s.to_string(),
            "Jabhat al-Nusra: former name of Hayat Tahrir al-Sham, until 2016 (armed group, id hts)"
        );
    }
}
