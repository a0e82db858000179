//! The skeleton of a name: the key that the spellings of one name share.

use crate::index::names::normalize_name;

/// Arabic articles as they come out of [`fold_word`] ("el" folds to "il"),
/// with the forms that assimilate to the next letter ("ash-Sham",
/// "ar-Raqqa"). Dropped before another word, kept when last, so that a
/// text made only of an article still has a word.
const ARTICLES: [&str; 12] = [
    "al", "il", "ul", "ad", "adh", "an", "ar", "as", "ash", "at", "ath", "az",
];

/// Reduces a name to the key its spellings share.
///
/// First [`normalize_name`] (case, diacritics, apostrophes, ayn and hamza
/// marks, punctuation), then, in each word: `ou` becomes `u`; `o` becomes
/// `u`, `e` becomes `i`, `g` becomes `j` and `q` becomes `k`; doubled
/// letters count once; a final `-ah` loses its `h`. Arabic articles (`al-`,
/// `el-`, `ad-`, `as-`, `ash-`, `at-`, `an-`, `ar-`, `az-`…) are dropped
/// before another word. The key is only compared, never shown: it merges
/// some names a reader would keep apart, which the ranking of a search
/// makes up for by preferring exact matches.
///
/// Applying it twice changes nothing.
///
/// # Example
///
/// ```
/// use actorgraph::index::search::skeleton;
///
/// assert_eq!(skeleton("Abu Mohammed al-Julani"), skeleton("Abu Muhammed al-Golani"));
/// assert_eq!(skeleton("al-Jolani"), "julani");
/// assert_eq!(skeleton("Hay'at Tahrir ash-Sham"), skeleton("Hayat Tahrir al-Sham"));
/// assert_eq!(skeleton("al-Qaeda"), skeleton("Al Qaida"));
/// assert_eq!(skeleton("Hezbollah"), skeleton("Hizbulla"));
/// assert_eq!(skeleton(&skeleton("Türkiye")), skeleton("Türkiye"));
/// ```
pub fn skeleton(name: &str) -> String {
    words(&normalize_name(name)).join(" ")
}

/// The words of the skeleton of a text that is already normalised.
pub(crate) fn words(normalized: &str) -> Vec<String> {
    let mut words = Vec::new();
    for_each_word(normalized, &mut Scratch::default(), |w| {
        words.push(w.to_owned());
    });
    words
}

/// Buffers that [`for_each_word`] reuses from one name to the next.
#[derive(Clone, Debug, Default)]
pub(crate) struct Scratch {
    letters: Vec<char>,
    word: String,
    /// An article seen last, dropped if another word follows.
    article: String,
}

/// Calls `each` with every word of the skeleton of `normalized`, in
/// order, without allocating once `scratch` has grown.
pub(crate) fn for_each_word(normalized: &str, scratch: &mut Scratch, mut each: impl FnMut(&str)) {
    scratch.article.clear();
    for word in normalized.split(' ').filter(|w| !w.is_empty()) {
        scratch.word.clear();
        fold_word(word, &mut scratch.letters, &mut scratch.word);
        // A word follows, so an article held back is dropped.
        scratch.article.clear();
        if ARTICLES.contains(&scratch.word.as_str()) {
            std::mem::swap(&mut scratch.article, &mut scratch.word);
        } else {
            each(&scratch.word);
        }
    }
    if !scratch.article.is_empty() {
        each(&scratch.article);
    }
}

/// Folds one normalised word into `out`, using `scratch` for its letters.
fn fold_word(word: &str, scratch: &mut Vec<char>, out: &mut String) {
    // Letters that carry no combining mark to strip, so that
    // normalisation leaves them as they are.
    scratch.clear();
    if word.is_ascii() {
        scratch.extend(word.bytes().map(char::from));
        return fold_letters(scratch, out);
    }
    for c in word.chars() {
        match c {
            'ß' => scratch.extend(['s', 's']),
            'æ' => scratch.extend(['a', 'e']),
            'œ' => scratch.extend(['o', 'e']),
            'þ' => scratch.extend(['t', 'h']),
            'ı' => scratch.push('i'),
            'ł' => scratch.push('l'),
            'ø' => scratch.push('o'),
            'đ' | 'ð' => scratch.push('d'),
            'ħ' => scratch.push('h'),
            c => scratch.push(c),
        }
    }
    fold_letters(scratch, out);
}

/// The folds of [`skeleton`] over the letters of one word.
fn fold_letters(scratch: &[char], out: &mut String) {
    let start = out.len();
    let mut last = None;
    for (i, &c) in scratch.iter().enumerate() {
        if c == 'o' && scratch.get(i + 1) == Some(&'u') {
            continue;
        }
        let c = match c {
            'o' => 'u',
            'e' => 'i',
            'g' => 'j',
            'q' => 'k',
            c => c,
        };
        // Digits stay doubled: "100" and "10" are different numbers.
        if c.is_ascii_alphabetic() && last == Some(c) {
            continue;
        }
        out.push(c);
        last = Some(c);
    }
    if out.len() - start > 2 && out.ends_with("ah") {
        out.pop();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn romanisations_meet() {
        for (a, b) in [
            ("al-Julani", "Jolani"),
            ("al-Golani", "al Joulani"),
            ("al-Nusra", "an-Nosra"),
            ("Hayat", "Hay'at"),
            ("Hayat", "Hayyat"),
            ("Qaeda", "Kaida"),
            ("Hezbollah", "Hezbolla"),
            ("Mohammed", "Muhammed"),
            ("Ayn al-Arab", "ʿAyn el-ʿArab"),
        ] {
            assert_eq!(skeleton(a), skeleton(b), "{a} / {b}");
        }
        for (a, b) in [
            ("Bashar", "Bashir"),
            ("Actor 100", "Actor 10"),
            ("Iran", "Iraq"),
        ] {
            assert_ne!(skeleton(a), skeleton(b), "{a} / {b}");
        }
    }

    #[test]
    fn articles_go_only_before_a_word() {
        assert_eq!(skeleton("al-Sham"), "sham");
        assert_eq!(skeleton("al"), "al");
        assert_eq!(skeleton("al al"), "al");
        assert_eq!(skeleton("Sham al"), "sham al");
        assert_eq!(skeleton(""), "");
    }
}
