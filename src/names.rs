//! Looking actors up by name.

use std::collections::HashMap;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

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

/// Normalized names to the actors (by position) that bear them.
#[derive(Clone, Debug, Default)]
pub(crate) struct NameIndex {
    map: HashMap<String, Vec<u32>, crate::graph::FastHash>,
}

impl NameIndex {
    pub(crate) fn insert(&mut self, name: &str, actor: u32) {
        let key = normalize_name(name);
        if key.is_empty() {
            return;
        }
        let actors = self.map.entry(key).or_default();
        if !actors.contains(&actor) {
            actors.push(actor);
        }
    }

    pub(crate) fn get(&self, name: &str) -> &[u32] {
        self.map
            .get(&normalize_name(name))
            .map_or(&[][..], Vec::as_slice)
    }

    pub(crate) fn keys(&self) -> impl Iterator<Item = &str> {
        self.map.keys().map(String::as_str)
    }
}
