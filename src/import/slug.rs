//! Ids made from names: [`slug`].

use unicode_normalization::UnicodeNormalization;

use crate::base::id::MAX_ID_LEN;

/// `text` as an id: letters folded to lowercase ASCII (diacritics
/// dropped), every other run of characters one `_`, a leading `x_` when
/// it would not begin with a letter, cut to the longest id.
pub(crate) fn slug(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut gap = false;
    for c in text.nfkd() {
        if c.is_ascii_alphanumeric() {
            if gap && !out.is_empty() {
                out.push('_');
            }
            gap = false;
            out.push(c.to_ascii_lowercase());
        } else if !unicode_normalization::char::is_combining_mark(c) {
            gap = true;
        }
    }
    if !out.starts_with(|c: char| c.is_ascii_lowercase()) {
        out.insert_str(0, "x_");
    }
    if out.len() > MAX_ID_LEN {
        out.truncate(MAX_ID_LEN);
        while out.ends_with('_') {
            out.pop();
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::slug;

    #[test]
    fn slugs_are_ids() {
        assert_eq!(slug("Hayat Tahrir al-Sham"), "hayat_tahrir_al_sham");
        assert_eq!(
            slug("Military Forces of Benin (2016-)"),
            "military_forces_of_benin_2016"
        );
        assert_eq!(slug("Ḥalab"), "halab");
        assert_eq!(slug("123"), "x_123");
        assert_eq!(slug(""), "x_");
        assert_eq!(slug("عرب"), "x_");
        assert!(slug(&"a".repeat(100)).len() <= 64);
    }
}
