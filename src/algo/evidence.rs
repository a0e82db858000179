//! Which quote speaks best for a relation, and whether a quote names an
//! actor.

use crate::base::date::Date;
use crate::base::grade::Grade;
use crate::base::model::Stance;
use crate::index::names::normalize_name;
use crate::view::{ActorRef, Evidence, RelationRef};

/// The normalised names an actor goes by, as ` name ` with spaces around,
/// for whole-word search in a quote made by [`normalize_quote`].
pub(super) fn names_of(actor: ActorRef<'_>) -> Vec<String> {
    actor
        .record()
        .names()
        .map(normalize_name)
        .filter(|n| !n.is_empty())
        .map(|n| format!(" {n} "))
        .collect()
}

/// A quote in the form [`names_of`] searches, with spaces at both ends.
pub(super) fn normalize_quote(quote: &str) -> String {
    // English possessives ("Assad's forces") would otherwise glue the 's'
    // onto the name once apostrophes are dropped.
    let quote = quote.replace(['\'', '\u{2019}'], " '");
    format!(" {} ", normalize_name(&quote.replace(" 's", " ")))
}

/// Whether `quote` names `actor` by its name, an alias or a former name,
/// as whole words and compared as names are ([`normalize_name`]); a
/// possessive ("Assad's") names its owner.
///
/// # Complexity
///
/// O(n·q) for n names of the actor and a quote of q characters.
///
/// # Example
///
/// ```
/// use actorgraph::{ActorGraph, algo};
///
/// let graph = ActorGraph::embedded()?;
/// let assad = graph.resolve("Bashar al-Assad")?;
/// assert!(algo::quote_names("the airstrikes carried out by Assad’s forces", assad));
/// assert!(!algo::quote_names("the Assadist press", assad));
/// # Ok::<(), actorgraph::Error>(())
/// ```
pub fn quote_names(quote: &str, actor: ActorRef<'_>) -> bool {
    let quote = normalize_quote(quote);
    names_of(actor).iter().any(|n| quote.contains(n.as_str()))
}

/// The strongest quote supporting any of `relations` (the parallel
/// relations of one hop, say), as the view that found them knows it.
///
/// Among supporting citations whose claimant has not since taken them
/// back, it prefers the best graded (reliability, then credibility, an
/// ungraded one last: see [`Grade`](crate::Grade)); then one that names
/// both ends of its relation, then one that names one; then the article's
/// own statement over a claim it
/// attributes; then the earliest published; then the first in the data.
/// `None` when no supporting citation is known.
///
/// # Complexity
///
/// O(c·(c + n·q)) for c citations of q characters and ends of n names.
///
/// # Example
///
/// ```
/// use actorgraph::{ActorGraph, algo};
///
/// let graph = ActorGraph::embedded()?;
/// let backing = graph.relation("russia_backs_syrian_government")?;
/// let best = algo::strongest_evidence(&[backing]).expect("a supporting quote");
/// assert_eq!(best.quote(), "Russia, a key backer of the Assad regime");
/// # Ok::<(), actorgraph::Error>(())
/// ```
pub fn strongest_evidence<'g>(relations: &[RelationRef<'g>]) -> Option<Evidence<'g>> {
    relations
        .iter()
        .flat_map(|&relation| {
            let ends = [names_of(relation.subject()), names_of(relation.object())];
            relation
                .citations()
                .enumerate()
                .filter(|(_, e)| e.stance() == Stance::Supports)
                .map(move |(position, e)| {
                    let quote = normalize_quote(e.quote());
                    let unnamed = ends
                        .iter()
                        .filter(|names| !names.iter().any(|n| quote.contains(n.as_str())))
                        .count();
                    let published = e.source().published;
                    let key = (
                        // Its claimant has since disputed it; a claimant
                        // repeating itself withdraws nothing.
                        e.claimant_stance() == Stance::Disputes,
                        e.grade().unwrap_or(Grade::UNGRADED),
                        unnamed,
                        e.claimed_by().is_some(),
                        published.first_day(),
                        published.last_day().unwrap_or(Date::MAX),
                        relation.order(),
                        position,
                    );
                    (key, e)
                })
                .collect::<Vec<_>>()
        })
        .min_by_key(|(key, _)| *key)
        .map(|(_, e)| e)
}
