//! The crate's one error type, and the problems validation lists.

use std::fmt;
use std::path::PathBuf;

use super::date::Date;
use super::date_error::DateError;
use super::kind::ActorKind;
use super::matching::Suggestion;
use super::rejected::RejectedRow;

/// Every way a call into this crate can fail.
///
/// Messages are lowercase and name the item at fault, so that a command-line
/// tool can print one as a single line. The error is opaque, as jiff's is:
/// [`Error::kind`] says which way a call failed, and accessors give what a
/// caller acts on (the [`position`](Error::position) of a syntax error, the
/// [`problems`](Error::problems) validation found, the
/// [`candidates`](Error::candidates) of an ambiguous name), so the error can
/// grow without breaking callers. The parser's own error, when there is
/// one, is its [`source`](std::error::Error::source).
///
/// # Example
///
/// ```
/// use actorgraph::{ActorGraph, ErrorKind};
///
/// let err = ActorGraph::from_ron("(actors: [(id: \"x\",\n  nme: \"X\")])").unwrap_err();
/// assert_eq!(err.kind(), ErrorKind::Syntax);
/// let at = err.position().expect("a syntax error has a position");
/// assert_eq!((at.line, at.column), (2, 3));
/// ```
pub struct Error(Box<Repr>);

/// Which way a call failed: what [`Error::kind`] returns.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// An identifier is not a valid slug.
    InvalidId,
    /// A date is malformed or names a day that does not exist.
    InvalidDate,
    /// An interval ends before (or on the very day) it starts.
    ReversedInterval,
    /// The text could not be parsed into a dataset: see [`Error::span`].
    Syntax,
    /// A file could not be read or written: see [`Error::path`].
    Io,
    /// A dataset or export could not be written.
    Serialize,
    /// A relation id was looked up and does not exist.
    UnknownRelation,
    /// A text is no actor's name: see [`Error::candidates`].
    UnknownName,
    /// A text fits several actors and none clearly: see [`Error::candidates`].
    AmbiguousName,
    /// A snapshot file could not be opened: see [`Error::snapshot_fault`].
    Snapshot,
    /// A dataset or batch failed validation: see [`Error::problems`].
    Invalid,
    /// An argument to an analysis is out of range or malformed (zero
    /// camps, a reversed date range, an unknown kind in a sign table): see
    /// [`Error::argument`].
    InvalidArgument,
    /// A view holds no relation of a signed kind between two actors taken
    /// in, so there is nothing to partition.
    NoSignedRelations,
    /// An import found rows it cannot read, and was not asked to skip
    /// them: [`Error::rejected_rows`] lists them. Nothing was added.
    RejectedRows,
}

/// Where a piece of text begins and ends, as [`Error::span`] gives it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TextSpan {
    /// Where the offending text begins.
    pub start: Position,
    /// Where it ends; the same as `start` when the parser gave one point.
    pub end: Position,
}

/// What an [`Error`] holds; private so that it can grow.
#[derive(Debug, thiserror::Error)]
pub(crate) enum Repr {
    #[error("invalid {what} id {id:?}: {reason}")]
    InvalidId {
        what: &'static str,
        id: String,
        reason: &'static str,
    },
    #[error(transparent)]
    Date(#[from] DateError),
    // One position convention for every format: the position is printed
    // here once, and the message holds none.
    #[error("syntax error at line {}, column {}: {message}", span.start.line, span.start.column)]
    Syntax {
        span: TextSpan,
        message: String,
        #[source]
        cause: Option<Box<dyn std::error::Error + Send + Sync>>,
    },
    #[error("cannot {} {}: {source}", if *writing { "write" } else { "read" }, path.display())]
    Io {
        path: PathBuf,
        /// Whether the failure was in writing the path, not reading it.
        writing: bool,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot write {what}: {message}")]
    Serialize {
        what: &'static str,
        message: String,
        #[source]
        cause: Option<Box<dyn std::error::Error + Send + Sync>>,
    },
    #[error("unknown relation {id:?}{}", did_you_mean(suggestion.as_deref()))]
    UnknownRelation {
        id: String,
        suggestion: Option<String>,
    },
    #[error("no actor is called {query:?}{}", did_you_mean_any(nearest))]
    UnknownName {
        query: String,
        suggestion: Option<String>,
        nearest: Vec<Suggestion>,
    },
    #[error("the name {query:?} is ambiguous: it fits {}", listed(candidates, *total))]
    AmbiguousName {
        query: String,
        candidates: Vec<Suggestion>,
        total: usize,
    },
    #[error("cannot open snapshot: {fault}: {detail}")]
    Snapshot {
        fault: SnapshotFault,
        detail: String,
    },
    #[error("{0}")]
    Invalid(Problems),
    #[error("invalid {argument}: {reason}")]
    Argument {
        /// As a command-line user names it: `camps`, `from/to`,
        /// `sign table`.
        argument: &'static str,
        reason: String,
    },
    #[error("no signed relations on {day}")]
    NoSignedRelations { day: Date },
    #[error("{}", rejected_summary(rows, *total))]
    Rejected {
        rows: Vec<RejectedRow>,
        total: usize,
    },
}

impl From<Repr> for Error {
    fn from(repr: Repr) -> Error {
        Error(Box::new(repr))
    }
}

impl From<DateError> for Error {
    fn from(e: DateError) -> Error {
        Error::from(Repr::Date(e))
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.0, f)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        std::error::Error::source(&*self.0)
    }
}

impl Error {
    /// The most candidates an ambiguous name lists, and the most actors an
    /// unknown name offers.
    pub const MAX_CANDIDATES: usize = 10;

    /// A syntax error at `span`, with the parser's own error as its source.
    pub(crate) fn syntax(
        span: TextSpan,
        message: impl Into<String>,
        cause: Option<Box<dyn std::error::Error + Send + Sync>>,
    ) -> Error {
        Error::from(Repr::Syntax {
            span,
            message: message.into(),
            cause,
        })
    }

    /// `what` (`dataset as ron`, `csv`...) could not be written.
    pub(crate) fn serialize(
        what: &'static str,
        cause: impl std::error::Error + Send + Sync + 'static,
    ) -> Error {
        Error::from(Repr::Serialize {
            what,
            message: cause.to_string(),
            cause: Some(Box::new(cause)),
        })
    }

    /// `what` could not be written, for a reason of the crate's own.
    pub(crate) fn serialize_message(what: &'static str, message: String) -> Error {
        Error::from(Repr::Serialize {
            what,
            message,
            cause: None,
        })
    }

    /// A snapshot could not be opened.
    pub(crate) fn snapshot(fault: SnapshotFault, detail: String) -> Error {
        Error::from(Repr::Snapshot { fault, detail })
    }

    /// `argument` (as a command-line user names it: `camps`, `from/to`,
    /// `sign table`) is out of range or malformed, for `reason`.
    pub(crate) fn invalid_argument(argument: &'static str, reason: impl Into<String>) -> Error {
        Error::from(Repr::Argument {
            argument,
            reason: reason.into(),
        })
    }

    /// The view of `day` has nothing signed to analyse.
    /// Rows an import refused; `rows` holds the first ones, `total` counts
    /// them all.
    pub(crate) fn rejected(rows: Vec<RejectedRow>, total: usize) -> Error {
        Error::from(Repr::Rejected { rows, total })
    }

    /// The rows an import refused, in the order read (the first thousand
    /// at most: [`Error::rejected_count`] counts them all); empty for every
    /// other error.
    pub fn rejected_rows(&self) -> &[RejectedRow] {
        match &*self.0 {
            Repr::Rejected { rows, .. } => rows,
            _ => &[],
        }
    }

    /// How many rows an import refused, for a
    /// [`RejectedRows`](ErrorKind::RejectedRows) error.
    pub fn rejected_count(&self) -> Option<usize> {
        match &*self.0 {
            Repr::Rejected { total, .. } => Some(*total),
            _ => None,
        }
    }

    pub(crate) fn no_signed_relations(day: Date) -> Error {
        Error::from(Repr::NoSignedRelations { day })
    }

    /// `path` could not be read (or, before [`Error::io_writing`], written).
    pub(crate) fn io(path: &std::path::Path, source: std::io::Error) -> Error {
        Error::from(Repr::Io {
            path: path.to_owned(),
            writing: false,
            source,
        })
    }

    /// An [`Io`](ErrorKind::Io) error in writing `path`: said as such, so
    /// that an unwritable output is not reported as a file that cannot be
    /// read.
    pub(crate) fn io_writing(path: &std::path::Path, source: std::io::Error) -> Error {
        Error::from(Repr::Io {
            path: path.to_owned(),
            writing: true,
            source,
        })
    }

    /// Which way the call failed.
    pub fn kind(&self) -> ErrorKind {
        match &*self.0 {
            Repr::InvalidId { .. } => ErrorKind::InvalidId,
            Repr::Date(e) if e.is_reversed_interval() => ErrorKind::ReversedInterval,
            Repr::Date(_) => ErrorKind::InvalidDate,
            Repr::Syntax { .. } => ErrorKind::Syntax,
            Repr::Io { .. } => ErrorKind::Io,
            Repr::Serialize { .. } => ErrorKind::Serialize,
            Repr::UnknownRelation { .. } => ErrorKind::UnknownRelation,
            Repr::UnknownName { .. } => ErrorKind::UnknownName,
            Repr::AmbiguousName { .. } => ErrorKind::AmbiguousName,
            Repr::Snapshot { .. } => ErrorKind::Snapshot,
            Repr::Invalid(_) => ErrorKind::Invalid,
            Repr::Argument { .. } => ErrorKind::InvalidArgument,
            Repr::NoSignedRelations { .. } => ErrorKind::NoSignedRelations,
            Repr::Rejected { .. } => ErrorKind::RejectedRows,
        }
    }

    /// Where the text at fault begins and ends, for a syntax error.
    pub fn span(&self) -> Option<TextSpan> {
        match &*self.0 {
            Repr::Syntax { span, .. } => Some(*span),
            _ => None,
        }
    }

    /// Where the text at fault begins: a syntax error's start, or, when
    /// validation failed, the position of the first problem's item.
    pub fn position(&self) -> Option<Position> {
        match &*self.0 {
            Repr::Syntax { span, .. } => Some(span.start),
            Repr::Invalid(problems) => problems.iter().find_map(|p| p.position),
            _ => None,
        }
    }

    /// What the parser said, without the position, for a syntax error.
    pub fn syntax_message(&self) -> Option<&str> {
        match &*self.0 {
            Repr::Syntax { message, .. } => Some(message),
            _ => None,
        }
    }

    /// The problems of a failed validation, to place them in their text.
    pub(crate) fn problems_mut(&mut self) -> Option<&mut Problems> {
        match &mut *self.0 {
            Repr::Invalid(problems) => Some(problems),
            _ => None,
        }
    }

    /// Every problem validation found, when it failed.
    pub fn problems(&self) -> Option<&Problems> {
        match &*self.0 {
            Repr::Invalid(problems) => Some(problems),
            _ => None,
        }
    }

    /// The file that could not be read or written.
    pub fn path(&self) -> Option<&std::path::Path> {
        match &*self.0 {
            Repr::Io { path, .. } => Some(path),
            _ => None,
        }
    }

    /// The name or relation id that was looked up and not found, or found
    /// ambiguous.
    pub fn query(&self) -> Option<&str> {
        match &*self.0 {
            Repr::UnknownName { query, .. } | Repr::AmbiguousName { query, .. } => Some(query),
            Repr::UnknownRelation { id, .. } => Some(id),
            _ => None,
        }
    }

    /// The closest id or name to what was looked up, if one is close: a
    /// relation id, or the lowercased name the nearest actor matched by.
    pub fn suggestion(&self) -> Option<&str> {
        match &*self.0 {
            Repr::UnknownRelation { suggestion, .. } | Repr::UnknownName { suggestion, .. } => {
                suggestion.as_deref()
            }
            _ => None,
        }
    }

    /// The actors a name fits (ambiguous) or comes nearest (unknown), best
    /// first, at most [`Error::MAX_CANDIDATES`]; empty otherwise.
    pub fn candidates(&self) -> &[Suggestion] {
        match &*self.0 {
            Repr::UnknownName { nearest, .. } => nearest,
            Repr::AmbiguousName { candidates, .. } => candidates,
            _ => &[],
        }
    }

    /// How many actors an ambiguous name fits in all, listed or not.
    pub fn candidate_count(&self) -> Option<usize> {
        match &*self.0 {
            Repr::AmbiguousName { total, .. } => Some(*total),
            _ => None,
        }
    }

    /// Which way a snapshot file fails, when one could not be opened.
    pub fn snapshot_fault(&self) -> Option<SnapshotFault> {
        match &*self.0 {
            Repr::Snapshot { fault, .. } => Some(*fault),
            _ => None,
        }
    }

    /// The argument at fault, as a command-line user names it (`camps`,
    /// `from/to`, `sign table`), for an invalid argument.
    ///
    /// # Example
    ///
    /// ```
    /// use actorgraph::ErrorKind;
    /// use actorgraph::algo::Signs;
    ///
    /// let err = Signs::parse("backs=+,befriends=+").unwrap_err();
    /// assert_eq!(err.kind(), ErrorKind::InvalidArgument);
    /// assert_eq!(err.argument(), Some("sign table"));
    /// assert_eq!(
    ///     err.to_string(),
    ///     "invalid sign table: unknown relation kind \"befriends\""
    /// );
    /// ```
    pub fn argument(&self) -> Option<&'static str> {
        match &*self.0 {
            Repr::Argument { argument, .. } => Some(argument),
            _ => None,
        }
    }

    /// The date that was refused, for an invalid date or reversed interval.
    pub fn date_error(&self) -> Option<&DateError> {
        match &*self.0 {
            Repr::Date(e) => Some(e),
            _ => None,
        }
    }
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

/// A place in a text: line and column, both counted from one, and the
/// byte offset where the reader knows it.
///
/// The one convention of every reader (RON, JSON, tables): the column
/// counts characters, not bytes, so that it is where an editor puts the
/// cursor.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
#[non_exhaustive]
pub struct Position {
    /// One-based line.
    pub line: usize,
    /// One-based column, in characters.
    pub column: usize,
    /// The byte offset from the start of the text, where known.
    pub offset: Option<usize>,
}

impl Position {
    /// A line and column, both counted from one, with no byte offset.
    pub fn new(line: usize, column: usize) -> Position {
        Position {
            line,
            column,
            offset: None,
        }
    }

    /// The position of byte `offset` of `text`, counted in characters
    /// over whatever of the line before it is UTF-8 (a bad byte counts as
    /// one column).
    pub fn of_offset(text: &[u8], offset: usize) -> Position {
        let before = &text[..offset.min(text.len())];
        let line_start = memchr::memrchr(b'\n', before).map_or(0, |i| i + 1);
        let line = 1 + memchr::memchr_iter(b'\n', before).count();
        let column = 1 + String::from_utf8_lossy(&before[line_start..])
            .chars()
            .count();
        Position {
            line,
            column,
            offset: Some(offset),
        }
    }
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
#[non_exhaustive]
pub struct Problem {
    /// The record at fault.
    pub item: Item,
    /// What is wrong.
    pub fault: Fault,
    /// Where the item begins in the text it was read from; `None` for a
    /// record built in code.
    pub position: Option<Position>,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(at) = self.position {
            write!(f, "line {}, column {}: ", at.line, at.column)?;
        }
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
            self.list.push(Problem {
                item,
                fault,
                position: None,
            });
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

    /// Gives each problem the position of its item, where `position_of`
    /// knows it.
    pub(crate) fn locate(&mut self, position_of: impl Fn(&Item) -> Option<Position>) {
        for problem in &mut self.list {
            problem.position = problem.position.or_else(|| position_of(&problem.item));
        }
    }

    /// How many problems were found in all, kept or not.
    pub fn total(&self) -> usize {
        self.list.len() + self.omitted
    }

    pub(crate) fn into_result(self) -> Result<(), Error> {
        if self.list.is_empty() {
            Ok(())
        } else {
            Err(self.into_error())
        }
    }

    /// The problems as the error of a failed validation.
    pub(crate) fn into_error(self) -> Error {
        Error::from(Repr::Invalid(self))
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

/// The message of a [`RejectedRows`](ErrorKind::RejectedRows) error: the
/// count, and each listed row on a line of its own.
fn rejected_summary(rows: &[RejectedRow], total: usize) -> String {
    if let [row] = rows
        && row.is_header()
    {
        return format!("cannot import {}: {}", row.path().display(), row.rule());
    }
    let mut text = match total {
        1 => "1 row rejected, nothing imported:".to_owned(),
        n => format!("{n} rows rejected, nothing imported:"),
    };
    for row in rows {
        text.push_str("\n  ");
        text.push_str(&row.to_string());
    }
    if rows.len() < total {
        text.push_str(&format!("\n  ... and {} more", total - rows.len()));
    }
    text
}
