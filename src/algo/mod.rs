//! Algorithms over views, one file each, using only the public view API:
//! chains of support, blocs and their roots, the camps of a conflict,
//! common ties, what changed between two days, an actor's lineage and timeline, the
//! strongest quote behind a relation, and a lint of the dataset; and the
//! analysis of the signed graph: structural balance, camps by signed
//! partition, centrality, and their series over days.
//!
//! Each is a function of a [`View`](crate::View) (or of the graph, for the
//! timeline), as petgraph's algorithms are functions of a graph.

mod balance;
mod blocs;
mod camps;
mod centrality;
mod chains;
mod changes;
mod evidence;
mod groups;
mod lineage;
mod lint;
mod partition;
mod report;
mod series;
mod signed;
mod ties;
mod timeline;

pub use self::balance::{Balance, Inference, Triangle, balance, enemies_of_enemies, tie_strength};
pub use self::blocs::{bloc_roots, blocs};
pub use self::camps::{Camp, CampOptions, camps};
pub use self::centrality::{
    Centrality, EIGENVECTOR_ITERATIONS, EIGENVECTOR_TOLERANCE, Layer, centrality,
};
pub use self::chains::{
    Chain, ChainOptions, Hop, chains, chains_from, chains_into, maximal_chains,
};
pub use self::changes::{Changes, HandOver, changes};
pub use self::evidence::{quote_names, strongest_evidence};
pub use self::groups::takes_part;
pub use self::lineage::{
    LINEAGE_KINDS, Lineage, LineageLink, LineageReport, LinkCitation, LinkDates, LinkKind, Side,
    lineage,
};
pub use self::lint::{Finding, Lint, lint};
pub use self::partition::{
    CampComparison, EXACT_LIMIT, GaveUp, MAX_AUTO_CAMPS, Optimality, Partition, PartitionOptions,
    STEP_LIMIT, SignedCamp, partition,
};
pub use self::report::{CampReport, ChainReport, PartitionReport, signed_camps_beside};
pub use self::series::{DayMeasures, MAX_SERIES_DAYS, Series, TieChange, series};
pub use self::signed::{Sign, SignedGraph, Signs, Tie, signed};
pub use self::ties::{CommonTie, common_backers, common_enemies};
pub use self::timeline::{TimelineEntry, TimelineEvent, TimelineOptions, timeline, timeline_with};
