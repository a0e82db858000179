//! The crate's one error type.

use std::fmt;
use std::path::PathBuf;

use crate::{ActorKind, MAX_CITATIONS};

/// Every way a call into this crate can fail.
///
/// Messages are lowercase and name the item at fault, so that a command-line
/// tool can print one as a single line.
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
    /// The RON text could not be parsed into a dataset.
    #[error("syntax error at line {line}, column {column}: {message}")]
    Syntax {
        /// One-based line of the error.
        line: usize,
        /// One-based column of the error.
        column: usize,
        /// What the parser expected or found.
        message: String,
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
    /// An item refers to an actor id that does not exist.
    #[error("{item}: unknown actor {id:?}{}", did_you_mean(suggestion))]
    UnknownActor {
        /// The item holding the reference, e.g. `relation "iran_backs_assad" (subject)`.
        item: String,
        /// The id that was not found.
        id: String,
        /// The closest existing id, if any is close.
        suggestion: Option<String>,
    },
    /// An item refers to a source id that does not exist.
    #[error("{item}: unknown source {id:?}{}", did_you_mean(suggestion))]
    UnknownSource {
        /// The item holding the reference.
        item: String,
        /// The id that was not found.
        id: String,
        /// The closest existing id, if any is close.
        suggestion: Option<String>,
    },
    /// A relation id was looked up and does not exist.
    #[error("unknown relation {id:?}{}", did_you_mean(suggestion))]
    UnknownRelation {
        /// The id that was not found.
        id: String,
        /// The closest existing id, if any is close.
        suggestion: Option<String>,
    },
    /// A name or id matched no actor.
    #[error("no actor is called {query:?}{}", did_you_mean(suggestion))]
    UnknownName {
        /// The name as asked for.
        query: String,
        /// The closest known name, if any is close.
        suggestion: Option<String>,
    },
    /// A name matched more than one actor.
    #[error("the name {query:?} is ambiguous: it fits actors {}", candidates.join(", "))]
    AmbiguousName {
        /// The name as asked for.
        query: String,
        /// The ids of every actor the name fits.
        candidates: Vec<String>,
    },
    /// Two items of the same kind share an id with different definitions.
    #[error("duplicate {what} id {id:?}: {detail}")]
    DuplicateId {
        /// Which kind of item: `actor`, `source` or `relation`.
        what: &'static str,
        /// The id defined twice.
        id: String,
        /// Both definitions, or where they come from.
        detail: String,
    },
    /// An interval ends before (or on the very day) it starts.
    #[error("{item}: interval ends ({until}) before it starts ({from})")]
    ReversedInterval {
        /// The item holding the interval.
        item: String,
        /// The start as written.
        from: String,
        /// The end as written.
        until: String,
    },
    /// A relation has no citation that supports it.
    #[error("{item}: no supporting citation; every relation must cite a source that reports it")]
    NoCitation {
        /// The relation at fault.
        item: String,
    },
    /// A relation cites more sources than a relation can hold.
    #[error(
        "{item}: {count} citations; a relation holds at most {}",
        MAX_CITATIONS
    )]
    TooManyCitations {
        /// The relation at fault.
        item: String,
        /// How many citations it has.
        count: usize,
    },
    /// A citation quotes nothing.
    #[error("{item}: citation of source {source_id:?} has an empty quote")]
    EmptyQuote {
        /// The item holding the citation.
        item: String,
        /// The cited source.
        source_id: String,
    },
    /// A required text field is empty or only white space.
    #[error("{item}: {field} is empty")]
    EmptyText {
        /// The item at fault.
        item: String,
        /// The empty field.
        field: &'static str,
    },
    /// A relation links an actor to itself.
    #[error("{item}: relates actor {actor:?} to itself")]
    SelfRelation {
        /// The relation at fault.
        item: String,
        /// The actor on both ends.
        actor: String,
    },
    /// A relation's kind needs an actor of another kind at one end.
    #[error("{item}: {role} {actor:?} is {found}, but this kind of relation needs {expected}")]
    KindMismatch {
        /// The relation at fault.
        item: String,
        /// `subject` or `object`.
        role: &'static str,
        /// The actor at that end.
        actor: String,
        /// The kind that end must have.
        expected: ActorKind,
        /// The kind it has.
        found: ActorKind,
    },
    /// A dataset had several problems; all of them are listed.
    #[error("{0}")]
    Invalid(Problems),
}

fn did_you_mean(suggestion: &Option<String>) -> String {
    match suggestion {
        Some(s) => format!("; did you mean {s:?}?"),
        None => String::new(),
    }
}

/// Every problem validation found in a dataset, up to [`Problems::CAP`].
#[derive(Debug)]
pub struct Problems {
    list: Vec<Error>,
    omitted: usize,
}

impl Problems {
    /// How many problems are kept; past this only a count is.
    pub const CAP: usize = 100;

    pub(crate) fn new() -> Problems {
        Problems {
            list: Vec::new(),
            omitted: 0,
        }
    }

    pub(crate) fn push(&mut self, error: Error) {
        if self.list.len() < Self::CAP {
            self.list.push(error);
        } else {
            self.omitted += 1;
        }
    }

    /// Whether another problem would still be kept; a suggestion costs a scan
    /// of every id, which is wasted on a problem that is only counted.
    pub(crate) fn has_room(&self) -> bool {
        self.list.len() < Self::CAP
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// The problems kept, in the order they were found.
    pub fn iter(&self) -> impl Iterator<Item = &Error> {
        self.list.iter()
    }

    /// How many problems were found in all, kept or not.
    pub fn total(&self) -> usize {
        self.list.len() + self.omitted
    }

    pub(crate) fn into_result(self) -> Result<(), Error> {
        if self.is_empty() {
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
