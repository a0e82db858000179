//! Looking actors up by name.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use crate::store::interner::Interner;
use crate::store::ix::{ActorIx, Ix, NameIx};
use crate::store::packed::Tagged;

/// Reduces a name to the form names are compared in.
///
/// Letters are lowercased and stripped of diacritics, apostrophes and
/// similar marks vanish ("Hay'at" and "Hayat" meet), hyphens and other
/// punctuation become spaces, and runs of white space fold to one.
///
/// # Example
///
/// ```
/// use actorgraph::names::normalize_name;
///
/// assert_eq!(normalize_name("Hay'at Tahrir al-Sham"), "hayat tahrir al sham");
/// assert_eq!(normalize_name("  HAYAT  tahrir al sham "), "hayat tahrir al sham");
/// assert_eq!(normalize_name("Bachar al-Assad"), normalize_name("bachar al assad"));
/// assert_eq!(normalize_name("Ḥalab"), "halab");
/// ```
pub fn normalize_name(name: &str) -> String {
    if name.is_ascii() {
        return fold_ascii(name);
    }
    fold(name.nfkd())
}

/// The same rule for ASCII text, where every character decomposes to
/// itself and none is a combining mark: without the decomposer and the
/// Unicode tables, which cost ten times as much per character.
fn fold_ascii(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut pending_space = false;
    for b in name.bytes() {
        if b == b'\'' || b == b'`' {
            continue;
        }
        if b.is_ascii_alphanumeric() {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.push(char::from(b.to_ascii_lowercase()));
        } else {
            pending_space = true;
        }
    }
    out
}

fn fold(chars: impl Iterator<Item = char>) -> String {
    let mut out = String::with_capacity(chars.size_hint().0);
    let mut pending_space = false;
    for c in chars {
        if is_combining_mark(c) || is_apostrophe(c) {
            continue;
        }
        if c.is_alphanumeric() {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.extend(c.to_lowercase());
        } else {
            pending_space = true;
        }
    }
    out
}

fn is_apostrophe(c: char) -> bool {
    // Transliterated Arabic writes ayn and hamza with any of these.
    matches!(
        c,
        '\'' | '\u{2018}'
            | '\u{2019}'
            | '\u{02BC}'
            | '\u{02BB}'
            | '\u{02BE}'
            | '\u{02BF}'
            | '`'
            | '\u{00B4}'
    )
}

/// Normalized names and the actors that bear them.
///
/// Most names belong to one actor, so each name's entry is that actor's
/// position, or, tagged, a slot in `shared` listing several: four bytes
/// per name instead of a list each.
#[derive(Clone, Debug, Default)]
pub(crate) struct NameIndex {
    names: Interner<NameIx>,
    owners: Vec<Tagged>,
    shared: Vec<Vec<ActorIx>>,
}

/// A slot of [`NameIndex::shared`]; counted like names, since there are
/// never more slots than names.
type SharedIx = NameIx;

impl NameIndex {
    /// Files `actor` under `key`, a name already normalised
    /// ([`normalize_name`]); `false` when the index is full, which
    /// validation rules out before anything is added.
    pub(crate) fn insert(&mut self, key: &str, actor: ActorIx) -> bool {
        if key.is_empty() {
            return true;
        }
        let Some(symbol) = self.names.intern(key) else {
            return false;
        };
        let Some(owner) = self.owners.get(symbol.index()).copied() else {
            self.owners.push(Tagged::new(actor, false));
            return true;
        };
        if owner.flag() {
            let list = &mut self.shared[owner.position::<SharedIx>().index()];
            if !list.contains(&actor) {
                list.push(actor);
            }
        } else if owner.position::<ActorIx>() != actor {
            let Some(slot) = SharedIx::new(self.shared.len()) else {
                return false;
            };
            self.owners[symbol.index()] = Tagged::new(slot, true);
            self.shared.push(vec![owner.position(), actor]);
        }
        true
    }

    pub(crate) fn shrink_to_fit(&mut self) {
        self.names.shrink_to_fit();
        self.owners.shrink_to_fit();
    }

    /// The actors that bear `name`, in the order they were filed.
    pub(crate) fn get<'a>(&'a self, name: &str) -> impl Iterator<Item = ActorIx> + use<'a> {
        self.get_normalized(&normalize_name(name))
    }

    /// As [`get`](Self::get), for a name already normalised.
    pub(crate) fn get_normalized<'a>(
        &'a self,
        key: &str,
    ) -> impl Iterator<Item = ActorIx> + use<'a> {
        let owner = self
            .names
            .find(key)
            .map(|symbol| self.owners[symbol.index()]);
        let (single, shared): (Option<ActorIx>, &[ActorIx]) = match owner {
            None => (None, &[]),
            Some(owner) if owner.flag() => {
                (None, &self.shared[owner.position::<SharedIx>().index()])
            }
            Some(owner) => (Some(owner.position()), &[]),
        };
        single.into_iter().chain(shared.iter().copied())
    }

    /// How many distinct names are filed.
    pub(crate) fn len(&self) -> usize {
        self.names.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_takes_a_shortcut_to_the_same_form() {
        let ascii: Vec<char> = (0u8..128).map(char::from).collect();
        let mut texts: Vec<String> = Vec::new();
        for &a in &ascii {
            for &b in &ascii {
                texts.push([a, b, 'x', a].iter().collect());
            }
        }
        texts.push("  Hay'at  Tahrir--al`Sham 2020 ".to_owned());
        for text in texts {
            assert_eq!(fold_ascii(&text), fold(text.nfkd()), "{text:?}");
        }
    }
}
