//! Plain-text reports of camps and chains, each tie with the evidence
//! behind it, as a command line prints them: the text the main example
//! and any tool built on the library share.

use std::fmt;

use crate::view::RelationRef;

use super::camps::Camp;
use super::chains::Chain;
use super::evidence::strongest_evidence;

/// The strongest quote behind `relations`, with its source and claimant.
fn quote(relations: &[RelationRef<'_>]) -> String {
    let best = strongest_evidence(relations);
    best.map_or("(no supporting quote known)".to_owned(), |e| e.to_string())
}

/// A chain as an indented report: the chain on one line when it has
/// several hops, then each hop's relations and their strongest quote.
/// Made by [`Chain::report`].
pub struct ChainReport<'a, 'g>(&'a Chain<'g>);

impl fmt::Display for ChainReport<'_, '_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let chain = self.0;
        let indent = if chain.len() > 1 { 8 } else { 4 };
        if chain.len() > 1 {
            writeln!(f, "    {chain}")?;
        }
        for hop in chain.hops() {
            let relations: Vec<String> = hop.relations().iter().map(|r| r.to_string()).collect();
            writeln!(f, "{:indent$}{}", "", relations.join("; "))?;
            writeln!(f, "{:indent$}    {}", "", quote(hop.relations()))?;
        }
        Ok(())
    }
}

impl<'g> Chain<'g> {
    /// The chain as an indented report, each hop with its strongest quote.
    ///
    /// # Example
    ///
    /// ```
    /// use actorgraph::{ActorGraph, ChainOptions, algo};
    ///
    /// let graph = ActorGraph::embedded()?;
    /// let view = graph.at("2024-11-30".parse()?);
    /// let chain = algo::chains(view, "Iran", "SAA", &ChainOptions::default())?.next().unwrap();
    /// assert!(chain.report().to_string().contains("Iran"));
    /// # Ok::<(), actorgraph::Error>(())
    /// ```
    pub fn report(&self) -> ChainReport<'_, 'g> {
        ChainReport(self)
    }
}

/// A camp as a report: its members, the chains that back it, and whom it
/// fights or rivals, each tie with its sources or its strongest quote.
/// Made by [`Camp::report`].
pub struct CampReport<'a, 'g> {
    camp: &'a Camp<'g>,
    quotes: bool,
}

impl CampReport<'_, '_> {
    fn ties(
        &self,
        f: &mut fmt::Formatter<'_>,
        title: &str,
        ties: &[RelationRef<'_>],
    ) -> fmt::Result {
        if !ties.is_empty() {
            writeln!(f, "  {title}")?;
        }
        for tie in ties {
            let evidence = if self.quotes {
                quote(&[*tie])
            } else {
                let mut sources: Vec<String> =
                    tie.citations().map(|e| e.source().id.to_string()).collect();
                sources.dedup();
                sources.join(", ")
            };
            writeln!(f, "    {tie}  [{evidence}]")?;
        }
        Ok(())
    }
}

impl fmt::Display for CampReport<'_, '_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let camp = self.camp;
        let names: Vec<&str> = camp.members().iter().map(|a| a.name.as_str()).collect();
        let (lead, count, names) = (&camp.principal().name, names.len(), names.join(", "));
        writeln!(f, "Camp of {lead} ({count}): {names}")?;
        let none = if camp.backing().is_empty() {
            ": no one known"
        } else {
            ""
        };
        writeln!(f, "  backed by{none}")?;
        for chain in camp.backing() {
            write!(f, "{}", chain.report())?;
        }
        self.ties(f, "fighting", camp.fighting())?;
        self.ties(f, "rivals", camp.rivals())?;
        self.ties(f, "ties to its foes, not followed", camp.kept_apart())
    }
}

impl<'g> Camp<'g> {
    /// The camp as a report: each tie with its sources, or with its
    /// strongest quote when `quotes` is set.
    ///
    /// # Example
    ///
    /// ```
    /// use actorgraph::{ActorGraph, CampOptions, algo};
    ///
    /// let graph = ActorGraph::embedded()?;
    /// let camps = algo::camps(graph.at("2024-11-30".parse()?), &CampOptions::default());
    /// let report = camps[0].report(false).to_string();
    /// assert!(report.starts_with("Camp of "));
    /// # Ok::<(), actorgraph::Error>(())
    /// ```
    pub fn report(&self, quotes: bool) -> CampReport<'_, 'g> {
        CampReport { camp: self, quotes }
    }
}
