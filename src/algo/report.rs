//! Plain-text reports of camps, chains and signed partitions, each tie
//! with the evidence behind it, as a command line prints them: the text
//! the main example and any tool built on the library share.

use std::fmt;

use crate::view::{RelationRef, View};

use super::camps::{Camp, CampOptions};
use super::chains::Chain;
use super::evidence::strongest_evidence;
use super::partition::{Partition, PartitionOptions, partition};
use super::signed::{Signs, signed};

/// The strongest quote behind `relations`, with its grade (`B2`, or
/// `ungraded`), source and claimant.
fn quote(relations: &[RelationRef<'_>]) -> String {
    let best = strongest_evidence(relations);
    best.map_or("(no supporting quote known)".to_owned(), |e| {
        format!("[{}] {e}", crate::base::grade::Grade::label(e.grade()))
    })
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
        // Under a merge of lineages, why an end stands for the actor asked.
        for link in chain.lineage() {
            writeln!(f, "{:indent$}taken as one by lineage: {link}", "")?;
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

/// Each tie on its own line at `indent`, with its sources, or its
/// strongest quote when `quotes` is set.
fn ties(
    f: &mut fmt::Formatter<'_>,
    indent: usize,
    ties: &[RelationRef<'_>],
    quotes: bool,
) -> fmt::Result {
    for tie in ties {
        let evidence = if quotes {
            quote(&[*tie])
        } else {
            let mut sources: Vec<String> =
                tie.citations().map(|e| e.source().id.to_string()).collect();
            sources.dedup();
            sources.join(", ")
        };
        writeln!(f, "{:indent$}{tie}  [{evidence}]", "")?;
    }
    Ok(())
}

impl CampReport<'_, '_> {
    fn ties(
        &self,
        f: &mut fmt::Formatter<'_>,
        title: &str,
        relations: &[RelationRef<'_>],
    ) -> fmt::Result {
        if !relations.is_empty() {
            writeln!(f, "  {title}")?;
        }
        ties(f, 4, relations, self.quotes)
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
        self.ties(f, "ties to its foes, not followed", camp.kept_apart())?;
        self.ties(f, "one with its predecessors by lineage", camp.merged_by())
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

/// A signed partition beside today's camps: its camps with their members
/// and the relations each frustrates, the actors apart, then one line per
/// camp of today saying where its members fall. Made by
/// [`Partition::report`].
pub struct PartitionReport<'a, 'g> {
    split: &'a Partition<'g>,
    today: &'a [Camp<'g>],
    quotes: bool,
}

impl fmt::Display for PartitionReport<'_, '_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let split = self.split;
        let (frustration, optimality) = (split.frustration(), split.optimality());
        writeln!(f, "Signed camps ({frustration} frustrated, {optimality}):")?;
        let names = |members: &[crate::view::ActorRef<'_>]| {
            let names: Vec<&str> = members.iter().map(|a| a.name.as_str()).collect();
            names.join(", ")
        };
        for (i, camp) in split.camps().iter().enumerate() {
            let count = camp.members().len();
            writeln!(
                f,
                "  signed camp {} ({count}): {}",
                i + 1,
                names(camp.members())
            )?;
            if !camp.frustrated().is_empty() {
                writeln!(f, "    frustrated")?;
            }
            ties(f, 6, camp.frustrated(), self.quotes)?;
        }
        if !split.apart().is_empty() {
            let apart: Vec<String> = split.apart().iter().map(|g| names(g.members())).collect();
            writeln!(f, "  apart (no tie to the camps): {}", apart.join("; "))?;
        }
        for line in split.beside(self.today) {
            writeln!(f, "  {line}")?;
        }
        Ok(())
    }
}

impl<'g> Partition<'g> {
    /// The partition as a report beside `today`'s camps
    /// ([`camps`](super::camps)): each signed camp with its members and the
    /// relations it frustrates (with their sources, or their strongest
    /// quote when `quotes` is set), the actors apart, and where the members
    /// of each of today's camps fall ([`Partition::beside`]).
    ///
    /// # Example
    ///
    /// ```
    /// use actorgraph::{ActorGraph, CampOptions, algo};
    /// use actorgraph::algo::{PartitionOptions, Signs};
    ///
    /// let graph = ActorGraph::embedded()?;
    /// let view = graph.at("2024-11-30".parse()?);
    /// let today = algo::camps(view, &CampOptions::default());
    /// let signed = algo::signed(view, &Signs::default());
    /// let split = algo::partition(&signed, &PartitionOptions::default())?;
    /// let report = split.report(&today, false).to_string();
    /// assert!(report.starts_with("Signed camps (1 frustrated, exact):"));
    /// assert!(report.contains("Camp of Syrian Arab Army: 10 of 10 in signed camp 1"));
    /// # Ok::<(), actorgraph::Error>(())
    /// ```
    pub fn report<'a>(&'a self, today: &'a [Camp<'g>], quotes: bool) -> PartitionReport<'a, 'g> {
        PartitionReport {
            split: self,
            today,
            quotes,
        }
    }
}

/// What the main command prints beside today's camps: the two-camp
/// signed partition of `view` ([`Partition::report`]), with the default
/// sign table taking in what `options` take in (outsiders or not, and
/// attacks and killings from the same first day), or, when it has none,
/// the reason on one line ("Signed camps: no signed relations on …").
///
/// # Example
///
/// ```
/// use actorgraph::{ActorGraph, CampOptions, algo};
///
/// let graph = ActorGraph::embedded()?;
/// let view = graph.at("2024-11-30".parse()?);
/// let options = CampOptions::default();
/// let today = algo::camps(view, &options);
/// let report = algo::signed_camps_beside(view, &today, &options, false);
/// assert!(report.contains("Camp of HTS-led rebel coalition: 4 of 4 in signed camp 2"));
/// let before = graph.at("2024-11-30".parse()?).known_by("1900-01-01".parse()?);
/// assert_eq!(
///     algo::signed_camps_beside(before, &[], &options, false),
///     "Signed camps: no signed relations on 2024-11-30\n"
/// );
/// # Ok::<(), actorgraph::Error>(())
/// ```
pub fn signed_camps_beside(
    view: View<'_>,
    today: &[Camp<'_>],
    options: &CampOptions,
    quotes: bool,
) -> String {
    let signs = Signs::default()
        .outsiders(options.get_outsiders())
        .attacks_since(options.attacks_from(view.day()));
    let graph = signed(view, &signs);
    match partition(&graph, &PartitionOptions::default()) {
        Ok(split) => split.report(today, quotes).to_string(),
        Err(e) => format!("Signed camps: {e}\n"),
    }
}
