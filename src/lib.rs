//! A temporal, sourced graph of the actors in a conflict.
//!
//! Actors (states, armed groups, people, places…) are linked by typed
//! relations (*backs*, *opposes*, *controls*…) that hold over dated
//! intervals and cite the articles that report them, quoting them verbatim.
//! Ask what held on a day, as the press knew it on another, and follow every
//! answer back to its quotes.
//!
//! # Features
//!
//! - **Partial dates** (`2016`, `2016-07`, `2016-07-19`) read by a
//!   *certainly / possibly* rule ([`date`]).
//! - **As-of views** ([`ActorGraph::at`]) answered by an interval index, so a
//!   day on which few relations held costs little however large the graph.
//! - **Knowledge time** ([`View::known_by`]): what sources had published by
//!   a day, with disputes kept and flagged rather than resolved.
//! - **Graded evidence** ([`grade`]): NATO's Admiralty code on sources
//!   (reliability `A`–`F`), claimant actors and citations (credibility
//!   `1`–`6`); a view can count only evidence graded at least `B2`
//!   ([`View::graded_at_least`]), and each relation rolls its evidence up
//!   ([`RelationRef::independent_claimants`]).
//! - **Algorithms** over views ([`algo`]): chains of support, blocs and
//!   their roots, common backers and enemies, what changed between two
//!   days, an actor's lineage ([`View::lineage`]: predecessors and
//!   successors through splits, mergers, successions and renames, each
//!   link with its dates and quotes) and its timeline; and the signed
//!   graph of a day with its structural balance, camps by signed
//!   partition, centrality, and their series over days ([`algo::signed`]).
//! - **Formats**: datasets in RON or JSON with positioned errors, read and
//!   built piece by piece as a file streams in (a million relations peak at
//!   about twice the memory the graph keeps), or saved as a snapshot
//!   that opens without parsing ([`ActorGraph::save_snapshot`]); the graph
//!   exported for Graphviz ([`dot`]), networkx, Gephi, Cytoscape, SPARQL
//!   stores, spreadsheets and a browser ([`export`]).
//! - **Importers** ([`import`]): ACLED event exports, the UCDP Actor and
//!   External Support datasets, Mapping Militant Organizations and any
//!   CSV or TSV through a mapping file, each row cited, actors matched to
//!   the graph's through the name search and an alias file (never merged
//!   silently), bad rows named by file, line and column, all or nothing.
//! - **Name search** ([`ActorGraph::search`]): ranked candidates for a
//!   name as people type it, in any usual romanisation, whole or in part,
//!   each saying which name matched and how ([`MatchKind`]).
//! - **Validation** that lists every problem of a dataset at once, each
//!   naming the item at fault, and leaves a graph untouched on failure.
//!
//! # How the types flow
//!
//! ```text
//! ActorGraph ──at(day)──> View ──queries──> RelationRef ──citations()──> Evidence
//!     │                     │                   │                            │
//!  resolve(name)       known_by(day)     subject(), object()           source(), quote()
//!     ▼                certainty(..)          ▼
//!  ActorRef <───────────────────────────── ActorRef
//! ```
//!
//! An [`ActorGraph`] owns every record. A [`View`] is the graph as of one
//! day (and optionally as known by another); its queries yield
//! [`RelationRef`]s, handles that borrow the graph's packed storage and
//! carry what the view judged (held *possibly* or *certainly*, contested or
//! not). Each relation's [`Evidence`] is one citation with its source and
//! verbatim quote. Actors come back as [`ActorRef`] handles, which every
//! query accepts in place of a name ([`IntoActor`]), so a name is resolved
//! once.
//!
//! # Example
//!
//! ```
//! use actorgraph::ActorGraph;
//!
//! let graph = ActorGraph::embedded()?;
//! let view = graph.at("2024-11-30".parse()?);
//! let hts = graph.resolve("Hayat Tahrir al-Sham")?;
//! for backing in view.backers_of(hts)? {
//!     println!("{backing}");
//!     for evidence in backing.citations() {
//!         println!("    {evidence}");
//!     }
//! }
//! # Ok::<(), actorgraph::Error>(())
//! ```
//!
//! # Finding actors by name
//!
//! Names are compared after [`names::normalize_name`] (case, diacritics,
//! punctuation) and, for spelling variants, after
//! [`skeleton`](index::search::skeleton) (Arabic articles dropped; `o`/`u`,
//! `e`/`i`, `j`/`g`, `q`/`k`, doubled letters, `-ah` folded). Every word
//! of every id, name, alias and former name is filed as actors are added.
//! [`ActorGraph::search`] ranks exact names, then spelling variants, then
//! words and phrases of longer names, then starts of words, and, only when
//! nothing else fits, near misses. [`ActorGraph::resolve`], which every
//! query uses, accepts an exact id, then an exact name, then a whole name
//! spelt otherwise, when one actor bears it, then part of a name when only
//! one actor's names hold all its words ("Northern Storm";
//! [`ActorGraph::resolve_explained`] says so); anything looser, or shared,
//! fails with the candidates listed:
//!
//! ```
//! use actorgraph::{ActorGraph, ErrorKind};
//!
//! let graph = ActorGraph::embedded()?;
//! assert_eq!(graph.resolve("Jolani")?.name, "Abu Mohammed al-Julani");
//! let err = graph.resolve("Hezb").unwrap_err();
//! assert_eq!(err.kind(), ErrorKind::AmbiguousName, "Hezb begins a word of several names");
//! assert_eq!(err.candidates()[0].to_string(), "Hezbollah (militia, id hezbollah)");
//! # Ok::<(), actorgraph::Error>(())
//! ```
//!
//! # The as-of and knowledge-time rules
//!
//! A partial date is the range of days it could mean, and an interval is
//! half-open: a relation holds from its start day up to, not including, its
//! end day, so on a hand-over day the new holder holds and the old one does
//! not. On a day *d* a relation **certainly** holds when *d* falls after
//! the last day its start could mean and before the first day its end could
//! mean, and **possibly** when some reading puts *d* inside. Views default
//! to *possibly*; [`View::certainty`] asks for *certainly*.
//!
//! Under a knowledge date *k* ([`View::known_by`]), a relation shows once a
//! source **supporting** it had appeared by *k*, read by the same rule over
//! the source's publication date, and is contested once a **disputing**
//! source had. The details, with the reasoning, are in [`date`] and in the
//! docs of [`View`]'s module.
//!
//! # Ranges, events and claimants
//!
//! - **Ranges.** Wherever a date is accepted, a [`When`] may be a partial
//!   date or a range: `"[2024-11-27..2024-11-28]"` (one of these days),
//!   `"[..2024-12-02]"` (on or before), `"[2011..]"` (on or after), or any
//!   other single date of EDTF levels 1 and 2: unspecified digits (`"199X"`,
//!   `"156X-12-25"`), uncertain or approximate dates (`"1984?"`,
//!   `"2004-06~"`, `"2004?-06-~11"`), a datetime (`"2004-01-01T10:10:10Z"`),
//!   a season (`"2001-21"`), significant digits (`"1950S2"`), one of a set
//!   (`"[1667, 1668, 1670..1672]"`); see [`When`] for the table. The as-of
//!   rule reads it over its first and last *possible* day, which a qualifier
//!   widens as python-edtf's fuzzy bounds do ([`When::is_qualified`]).
//!   Intervals `A/B` and "all of" sets `{..}` are refused: they are not one
//!   date.
//! - **Events.** A kind is a state or an event ([`RelationKind::is_event`]).
//!   An event has `on:` rather than `from`/`until`; views never list it as
//!   holding, and [`View::events`] / [`View::events_between`] ask for it over
//!   a window. A killing ([`RelationKind::Killed`]) or a `died:` date ends
//!   what the person can hold.
//! - **Claimants.** As known by a day, each claimant's stance is that of its
//!   latest citation published by then; a relation is contested when one
//!   current stance disputes it and another supports it, and a withdrawn
//!   stance shows as [superseded](Evidence::is_superseded).
//! - **Lint.** [`algo::lint`] warns about quotes that name neither end,
//!   starts that are only report dates, overlaps, events dated after their
//!   report, and states that may run past a death; authors acknowledge a
//!   wrong warning on its item.
//!
//! # The data format
//!
//! A dataset is RON with three lists. Every relation cites at least one
//! source that supports it, with a verbatim quote:
//!
//! ```
//! let graph = actorgraph::ActorGraph::from_ron(r#"(
//!     sources: [
//!         // `published` is a partial date: "2024", "2024-11" or "2024-11-28".
//!         (id: "reuters_1", title: "Rebels enter Aleppo", published: "2024-11-30"),
//!     ],
//!     actors: [
//!         // Names, aliases and former names are all found by `resolve`.
//!         (id: "hts", name: "Hayat Tahrir al-Sham", kind: ArmedGroup, aliases: ["HTS"],
//!             former_names: [(name: "Jabhat al-Nusra", until: "2016")]),
//!         (id: "aleppo", name: "Aleppo", kind: Place),
//!     ],
//!     relations: [(
//!         id: "hts_controls_aleppo", kind: Controls,
//!         subject: "hts", object: "aleppo",
//!         from: "2024-11-30",          // no `until`: still holds
//!         citations: [(source: "reuters_1", quote: "rebels swept into Aleppo")],
//!     )],
//! )"#)?;
//! let view = graph.at("2024-12-01".parse()?);
//! assert_eq!(view.controllers_of("Aleppo")?.count(), 1);
//! # Ok::<(), actorgraph::Error>(())
//! ```
//!
//! # Layers
//!
//! Each layer uses only the ones below it:
//!
//! | layer | holds |
//! |---|---|
//! | `format` | RON and JSON datasets (streamed in piece by piece), snapshots, DOT and the other exports |
//! | [`algo`] | chains, blocs, common ties, changes, lineage, timeline, over the public view API |
//! | [`view`] | [`View`] with its one admission rule, and the handles [`RelationRef`], [`Evidence`], [`ActorRef`] |
//! | `graph` | [`ActorGraph`]: the store and its indexes, built through validation's plan |
//! | [`index`], `validate` | the [interval index](index::interval), the [name index](index::names) and the [word index of name search](index::search); validation as a pure check |
//! | `store` | every record, relations packed, addressed by checked positions |
//! | `base` | dates, ids, the dataset's records, the error type |
#![forbid(unsafe_code)]
#![warn(missing_docs)]
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

mod base;
mod store;

pub mod index;
mod validate;

mod graph;
// The load a relation at a time, which only the Parquet read uses.
#[cfg(feature = "parquet")]
mod load_rows;

pub mod view;

pub mod algo;

mod format;
pub mod import;

#[cfg(feature = "synthetic")]
pub mod synthetic;

pub use algo::{
    Camp, CampOptions, Chain, ChainOptions, Changes, CommonTie, HandOver, Hop, Lineage,
    LineageLink, TimelineEntry, TimelineEvent, TimelineOptions,
};
pub use base::date::{
    self as date, Certainty, Date, Holding, Interval, MAX_YEAR, MIN_YEAR, PartialDate, Precision,
    When,
};
pub use base::date_error::DateError;
pub use base::death::Death;
pub use base::error::{
    Error, ErrorKind, Fault, Item, ItemKind, Position, Problem, Problems, SnapshotFault, TextSpan,
};
pub use base::grade::{self as grade, Credibility, Grade, Reliability};
pub use base::id::{ActorId, MAX_ID_LEN, RelationId, SourceId};
pub use base::matching::{MatchKind, NameRole, Suggestion};
pub use base::model::{
    Acknowledgement, Actor, ActorKind, Citation, Claimant, Dataset, Direction, FormerName,
    MAX_CITATIONS, Relation, RelationKind, Source, Stance, Warning,
};
pub use base::rejected::RejectedRow;
#[cfg(feature = "arrow")]
pub use format::arrow;
pub use format::dot;
pub use format::export;
#[cfg(feature = "parquet")]
pub use format::parquet;
pub use format::ron::EMBEDDED_DATASET;
pub use format::snapshot::FORMAT_VERSION as SNAPSHOT_VERSION;
pub use graph::ActorGraph;
pub use index::names;
pub use view::{ActorRef, Candidate, Evidence, IntoActor, RelationRef, View};

/// The README's tour, compiled and run as a doctest so it cannot rot.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
