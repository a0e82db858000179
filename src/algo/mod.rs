//! Algorithms over views, one file each, using only the public view API:
//! chains of support, blocs and their roots, the camps of a conflict,
//! common ties, what changed between two days, an actor's timeline, the
//! strongest quote behind a relation, and a lint of the dataset.
//!
//! Each is a function of a [`View`](crate::View) (or of the graph, for the
//! timeline), as petgraph's algorithms are functions of a graph.

mod blocs;
mod camps;
mod chains;
mod changes;
mod evidence;
mod groups;
mod lint;
mod report;
mod ties;
mod timeline;

pub use self::blocs::{bloc_roots, blocs};
pub use self::camps::{Camp, CampOptions, camps};
pub use self::chains::{
    Chain, ChainOptions, Hop, chains, chains_from, chains_into, maximal_chains,
};
pub use self::changes::{Changes, HandOver, changes};
pub use self::evidence::{quote_names, strongest_evidence};
pub use self::groups::takes_part;
pub use self::lint::{Finding, Lint, lint};
pub use self::report::{CampReport, ChainReport};
pub use self::ties::{CommonTie, common_backers, common_enemies};
pub use self::timeline::{TimelineEntry, TimelineEvent, timeline};
