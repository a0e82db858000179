//! Looking actors up by name.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use crate::store::Interner;

/// Reduces a name to the form names are compared in.
///
/// Letters are lowercased and stripped of diacritics, apostrophes and
/// similar marks vanish ("Hay'at" and "Hayat" meet), hyphens and other
/// punctuation become spaces, and runs of white space fold to one.
///
/// # Example
///
/// ```
/// use actorgraph::normalize_name;
///
/// assert_eq!(normalize_name("Hay'at Tahrir al-Sham"), "hayat tahrir al sham");
/// assert_eq!(normalize_name("  HAYAT  tahrir al sham "), "hayat tahrir al sham");
/// assert_eq!(normalize_name("Bachar al-Assad"), normalize_name("bachar al assad"));
/// assert_eq!(normalize_name("Ḥalab"), "halab");
/// ```
pub fn normalize_name(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut pending_space = false;
    for c in name.nfkd() {
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
/// position, or, with the top bit set, a slot in `shared` listing several:
/// four bytes per name instead of a list each.
#[derive(Clone, Debug, Default)]
pub(crate) struct NameIndex {
    names: Interner,
    owners: Vec<u32>,
    shared: Vec<Vec<u32>>,
}

const SHARED: u32 = 1 << 31;

impl NameIndex {
    pub(crate) fn insert(&mut self, name: &str, actor: u32) {
        let key = normalize_name(name);
        if key.is_empty() {
            return;
        }
        let symbol = self.names.intern(&key) as usize;
        if symbol == self.owners.len() {
            self.owners.push(actor);
            return;
        }
        let owner = self.owners[symbol];
        if owner & SHARED != 0 {
            let list = &mut self.shared[(owner & !SHARED) as usize];
            if !list.contains(&actor) {
                list.push(actor);
            }
        } else if owner != actor {
            self.owners[symbol] = self.shared.len() as u32 | SHARED;
            self.shared.push(vec![owner, actor]);
        }
    }

    pub(crate) fn shrink_to_fit(&mut self) {
        self.names.shrink_to_fit();
        self.owners.shrink_to_fit();
    }

    pub(crate) fn get(&self, name: &str) -> &[u32] {
        let Some(symbol) = self.names.find(&normalize_name(name)) else {
            return &[];
        };
        let owner = &self.owners[symbol as usize];
        if owner & SHARED != 0 {
            &self.shared[(owner & !SHARED) as usize]
        } else {
            std::slice::from_ref(owner)
        }
    }

    pub(crate) fn keys(&self) -> impl Iterator<Item = &str> {
        self.names.iter()
    }
}
