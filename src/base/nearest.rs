//! The "did you mean" ranker: which known id a mistyped one most likely
//! meant.

/// The closest candidate to `wanted`, if any is close enough to be a likely typo.
pub(crate) fn suggest<'a>(
    wanted: &str,
    candidates: impl Iterator<Item = &'a str>,
) -> Option<String> {
    // Jaro-Winkler favours shared prefixes, which is how ids and names are mistyped.
    const THRESHOLD: f64 = 0.8;
    let mut best: Option<(f64, &str)> = None;
    for candidate in candidates {
        let score = strsim::jaro_winkler(wanted, candidate);
        if score >= THRESHOLD && best.is_none_or(|(b, _)| score > b) {
            best = Some((score, candidate));
        }
    }
    best.map(|(_, c)| c.to_owned())
}
