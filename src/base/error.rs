//! The crate's one error type, and the problems validation lists.

use std::fmt;
use std::path::PathBuf;

use super::kind::ActorKind;
use super::matching::Suggestion;

/// Every way a call into this crate can fail.
///
/// Messages are lowercase and name the item at fault, so that a command-line
/// tool can print one as a single line. The error is flat: a dataset that
/// fails validation gives one [`Error::Invalid`] whose [`Problems`] list
/// every [`Problem`], and a problem is not itself an error.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// An identifier is not a valid slug.
    #[error("invalid {what} id {id:?}: {reason}")]
    InvalidId {
        /// Which kind of id: `actor`, `source` or `relation`.
        what: &'static str,
        /// The text that was rejected.
        id: String,
        /// Why it was rejected.
        reason: &'static str,
    },
    /// A date is malformed or names a day that does not exist.
    #[error("invalid date {text:?}: {reason}")]
    InvalidDate {
        /// The text that was rejected.
        text: String,
        /// Why it was rejected.
        reason: String,
    },
    /// The text could not be parsed into a dataset.
    #[error("syntax error at line {}, column {}: {message}", start.line, start.column)]
    Syntax {
        /// Where the offending text begins.
        start: Position,
        /// Where it ends; the same as `start` when the parser gave one point.
        end: Position,
        /// What the parser expected or found.
        message: String,
        /// RON's own error code, for programs that react to one kind of
        /// error; `None` when the text failed before RON saw it (bad UTF-8).
        code: Option<Box<ron::Error>>,
    },
    /// A data file could not be read.
    #[error("cannot read {}: {source}", path.display())]
    Io {
        /// The file that could not be read.
        path: PathBuf,
        /// The underlying failure.
        #[source]
        source: std::io::Error,
    },
    /// A dataset could not be written as RON.
    #[error("cannot write dataset as ron: {message}")]
    Serialize {
        /// What the serializer reported.
        message: String,
    },
    /// A relation id was looked up and does not exist.
    #[error("unknown relation {id:?}{}", did_you_mean(suggestion.as_deref()))]
    UnknownRelation {
        /// The id that was not found.
        id: String,
        /// The closest existing id, if any is close.
        suggestion: Option<String>,
    },
    /// A text is no actor's id, name, alias or former name in any
    /// spelling, and is part of at most one actor's names; the nearest
    /// actors, if any, are offered.
    #[error("no actor is called {query:?}{}", did_you_mean_any(nearest))]
    UnknownName {
        /// The text as asked for.
        query: String,
        /// The name matched by the first of `nearest`, lowercased as the
        /// message shows it; `None` when nothing is near.
        suggestion: Option<String>,
        /// The actors whose names come nearest, best first: part of a
        /// name, the start of one, or a near miss. Empty when none is near.
        nearest: Vec<Suggestion>,
    },
    /// A text fits several actors and none clearly: several bear the name,
    /// or it is part of several actors' names.
    #[error("the name {query:?} is ambiguous: it fits {}", listed(candidates, *total))]
    AmbiguousName {
        /// The text as asked for.
        query: String,
        /// The actors it fits, best first, each with the name it matched
        /// and how; at most [`Error::MAX_CANDIDATES`].
        candidates: Vec<Suggestion>,
        /// How many actors it fits in all, listed or not.
        total: usize,
    },
    /// An interval ends before (or on the very day) it starts.
    #[error("interval ends ({until}) before it starts ({from})")]
    ReversedInterval {
        /// The start as written.
        from: String,
        /// The end as written.
        until: String,
    },
    /// A snapshot file could not be opened.
    #[error("cannot open snapshot: {fault}: {detail}")]
    Snapshot {
        /// Which way the file fails.
        fault: SnapshotFault,
        /// What was found.
        detail: String,
    },
    /// A dataset or batch failed validation; every problem is listed.
    #[error("{0}")]
    Invalid(Problems),
}

/// Why a snapshot file cannot be opened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum SnapshotFault {
    /// It is not a snapshot at all (another kind of file).
    Foreign,
    /// It is a snapshot of another format version.
    Version,
    /// It ends before its own header says it does.
    Truncated,
    /// Its checksum or contents are wrong.
    Corrupt,
}

impl fmt::Display for SnapshotFault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            SnapshotFault::Foreign => "not an actorgraph snapshot",
            SnapshotFault::Version => "another snapshot version",
            SnapshotFault::Truncated => "truncated",
            SnapshotFault::Corrupt => "corrupt",
        })
    }
}

/// A line and column in a text, both counted from one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    /// One-based line.
    pub line: usize,
    /// One-based column, in characters.
    pub column: usize,
}

impl From<ron::error::Position> for Position {
    fn from(position: ron::error::Position) -> Position {
        Position {
            line: position.line,
            column: position.col,
        }
    }
}

impl Error {
    /// The most candidates an [`Error::AmbiguousName`] lists, and the most
    /// actors an [`Error::UnknownName`] offers.
    pub const MAX_CANDIDATES: usize = 10;
}

fn listed(candidates: &[Suggestion], total: usize) -> String {
    let mut text = candidates
        .iter()
        .map(Suggestion::to_string)
        .collect::<Vec<_>>()
        .join(", ");
    if total > candidates.len() {
        text.push_str(&format!(" and {} more", total - candidates.len()));
    }
    text
}

/// `; did you mean "a", "b" or "c"?`, each the name that matched,
/// lowercased: case never matters to a lookup, and a sentence reads
/// better without capitals mid-way.
fn did_you_mean_any(nearest: &[Suggestion]) -> String {
    let forms: Vec<String> = nearest
        .iter()
        .map(|s| format!("{:?}", s.matched.to_lowercase()))
        .collect();
    match forms.split_last() {
        None => String::new(),
        Some((last, [])) => format!("; did you mean {last}?"),
        Some((last, rest)) => format!("; did you mean {} or {last}?", rest.join(", ")),
    }
}

fn did_you_mean(suggestion: Option<&str>) -> String {
    match suggestion {
        Some(s) => format!("; did you mean {s:?}?"),
        None => String::new(),
    }
}

/// The sort of record a [`Problem`] is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ItemKind {
    /// A source.
    Source,
    /// An actor.
    Actor,
    /// A relation.
    Relation,
}

impl ItemKind {
    /// The kind in lowercase, as messages print it.
    pub fn label(self) -> &'static str {
        match self {
            ItemKind::Source => "source",
            ItemKind::Actor => "actor",
            ItemKind::Relation => "relation",
        }
    }
}

/// The record at fault, and which part of it: `relation "r1" (subject)`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Item {
    /// Source, actor or relation.
    pub kind: ItemKind,
    /// The record's id as written.
    pub id: String,
    /// The part of the record, such as `subject`, `claimed by` or
    /// `former name "Old Beta"`; `None` for the record as a whole.
    pub part: Option<String>,
}

impl Item {
    pub(crate) fn new(kind: ItemKind, id: &str) -> Item {
        Item {
            kind,
            id: id.to_owned(),
            part: None,
        }
    }

    pub(crate) fn with_part(mut self, part: impl Into<String>) -> Item {
        self.part = Some(match self.part.take() {
            Some(outer) => format!("{outer}, {}", part.into()),
            None => part.into(),
        });
        self
    }
}

impl fmt::Display for Item {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {:?}", self.kind.label(), self.id)?;
        if let Some(part) = &self.part {
            write!(f, " ({part})")?;
        }
        Ok(())
    }
}

/// What is wrong with an [`Item`].
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Fault {
    /// A reference to an actor id that does not exist.
    #[error("unknown actor {id:?}{}", did_you_mean(suggestion.as_deref()))]
    UnknownActor {
        /// The id that was not found.
        id: String,
        /// The closest existing id, if any is close.
        suggestion: Option<String>,
    },
    /// A reference to a source id that does not exist.
    #[error("unknown source {id:?}{}", did_you_mean(suggestion.as_deref()))]
    UnknownSource {
        /// The id that was not found.
        id: String,
        /// The closest existing id, if any is close.
        suggestion: Option<String>,
    },
    /// The id is defined twice, differently.
    #[error("duplicate id: {detail}")]
    DuplicateId {
        /// Both definitions.
        detail: String,
    },
    /// An interval ends before (or on the very day) it starts.
    #[error("interval ends ({until}) before it starts ({from})")]
    ReversedInterval {
        /// The start as written.
        from: String,
        /// The end as written.
        until: String,
    },
    /// A relation has no citation that supports it.
    #[error("no supporting citation; every relation must cite a source that reports it")]
    NoCitation,
    /// A relation cites more sources than a relation can hold.
    #[error("{count} citations; a relation holds at most {limit}")]
    TooManyCitations {
        /// How many citations it has.
        count: usize,
        /// The most a relation can have.
        limit: usize,
    },
    /// A citation quotes nothing.
    #[error("citation of source {source_id:?} has an empty quote")]
    EmptyQuote {
        /// The cited source.
        source_id: String,
    },
    /// A required text field is empty or only white space.
    #[error("{field} is empty")]
    EmptyText {
        /// The empty field.
        field: &'static str,
    },
    /// A relation links an actor to itself.
    #[error("relates actor {actor:?} to itself")]
    SelfRelation {
        /// The actor on both ends.
        actor: String,
    },
    /// A relation's kind needs an actor of another kind at one end.
    #[error("{role} {actor:?} is {found}, but this kind of relation needs {expected}")]
    KindMismatch {
        /// `subject` or `object`.
        role: &'static str,
        /// The actor at that end.
        actor: String,
        /// The kind that end must have.
        expected: ActorKind,
        /// The kind it has.
        found: ActorKind,
    },
    /// An event was given a state's dates.
    #[error("{kind} is an event: it takes `on` (the day it happened), not `from` or `until`")]
    EventWithInterval {
        /// The relation kind, as written in data.
        kind: &'static str,
    },
    /// An event has no date.
    #[error(
        "{kind} is an event and needs `on`: the day it happened, or a range such as \"[..2024-12-02]\" when only a bound is known"
    )]
    EventWithoutDate {
        /// The relation kind, as written in data.
        kind: &'static str,
    },
    /// A state was given an event's date.
    #[error("{kind} is a state: it takes `from` and `until`, not `on`")]
    StateWithEventDate {
        /// The relation kind, as written in data.
        kind: &'static str,
    },
    /// A state of a person runs past the person's death.
    #[error("runs past the death of {actor:?} ({died}, by {told_by})")]
    AfterDeath {
        /// The person.
        actor: String,
        /// When they died, as written.
        died: String,
        /// What says so: a relation, or the actor's `died` field.
        told_by: String,
    },
    /// The batch would take the graph past what its positions can count.
    #[error("the graph would hold {count} {what}; it holds at most {limit}")]
    Capacity {
        /// What overflows: `actors`, `sources`, `relations` or `citations`.
        what: &'static str,
        /// How many there would be.
        count: usize,
        /// The most there can be.
        limit: usize,
    },
}

/// One thing validation found wrong: the item, and what is wrong with it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The record at fault.
    pub item: Item,
    /// What is wrong.
    pub fault: Fault,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.fault {
            // The message names the kind of item itself, after "duplicate".
            Fault::DuplicateId { detail } => write!(
                f,
                "duplicate {} id {:?}: {detail}",
                self.item.kind.label(),
                self.item.id
            ),
            fault => write!(f, "{}: {fault}", self.item),
        }
    }
}

/// Every problem validation found in a dataset, up to [`Problems::CAP`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Problems {
    list: Vec<Problem>,
    omitted: usize,
}

impl Problems {
    /// How many problems are kept; past this only a count is.
    pub const CAP: usize = 100;

    pub(crate) fn push(&mut self, item: Item, fault: Fault) {
        if self.list.len() < Self::CAP {
            self.list.push(Problem { item, fault });
        } else {
            self.omitted += 1;
        }
    }

    /// Whether another problem would still be kept; a suggestion costs a scan
    /// of every id, which is wasted on a problem that is only counted.
    pub(crate) fn has_room(&self) -> bool {
        self.list.len() < Self::CAP
    }

    /// The problems kept, in the order they were found.
    pub fn iter(&self) -> impl Iterator<Item = &Problem> {
        self.list.iter()
    }

    /// How many problems were found in all, kept or not.
    pub fn total(&self) -> usize {
        self.list.len() + self.omitted
    }

    pub(crate) fn into_result(self) -> Result<(), Error> {
        if self.list.is_empty() {
            Ok(())
        } else {
            Err(Error::Invalid(self))
        }
    }
}

impl fmt::Display for Problems {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let total = self.total();
        write!(
            f,
            "dataset has {total} problem{}: ",
            if total == 1 { "" } else { "s" }
        )?;
        for (i, problem) in self.list.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            write!(f, "{problem}")?;
        }
        if self.omitted > 0 {
            write!(f, "; and {} more", self.omitted)?;
        }
        Ok(())
    }
}

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
