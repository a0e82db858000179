//! The records a dataset is made of: sources, actors and relations.
//!
//! These are plain data, as written in RON. They are checked when they enter
//! an [`ActorGraph`](crate::ActorGraph), never before, so a [`Dataset`] may
//! hold anything that parses.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::date::{Date, Holding, Interval, When};
use super::error::Error;
use super::grade::{Credibility, Reliability};
use super::id::{ActorId, RelationId, SourceId};
pub use super::kind::{ActorKind, Direction, RelationKind};

/// An article or report that relations cite.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// The source's id.
    pub id: SourceId,
    /// Who published it, where the text says so.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    /// Its headline, or a short description where it has none.
    pub title: String,
    /// When it was published; knowledge-time queries run on this. A range
    /// (`"[..2024-12-02]"`) where the text gives no date but bounds it.
    pub published: When,
    /// True when the publication date is inferred from the text rather than printed in it.
    #[serde(default, skip_serializing_if = "is_false")]
    pub approximate: bool,
    /// Where it can be read online.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The file holding its text, relative to the seeds folder.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// How reliable the source is, `A` to `F` ([`grade`](crate::grade));
    /// absent when ungraded, which reads as `F`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reliability: Option<Reliability>,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// An actor: a state, group, person, place, and so on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Actor {
    /// The actor's stable id.
    pub id: ActorId,
    /// Its current display name.
    pub name: String,
    /// What sort of actor it is.
    pub kind: ActorKind,
    /// Other names it goes by now, such as abbreviations.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Names it had before, each over the span it was used.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub former_names: Vec<FormerName>,
    /// For a person, when they died, where the sources say so without a
    /// relation to tell it ([`RelationKind::Killed`] does otherwise). No
    /// state of theirs may run past it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub died: Option<When>,
    /// Anything a reader should know that fits nowhere else.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// How reliable the actor is as a claimant, `A` to `F`: a citation
    /// that names it as its claimant carries this reliability rather than
    /// its source's ([`grade`](crate::grade)). Absent when ungraded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reliability: Option<Reliability>,
}

impl Actor {
    /// Every name the actor goes by: its name, then its aliases, then its
    /// former names (not its id).
    ///
    /// # Example
    ///
    /// ```
    /// let graph = actorgraph::ActorGraph::embedded()?;
    /// let hts = graph.resolve("HTS")?;
    /// assert_eq!(hts.names().next(), Some("Hayat Tahrir al-Sham"));
    /// # Ok::<(), actorgraph::Error>(())
    /// ```
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str())
            .chain(self.aliases.iter().map(String::as_str))
            .chain(self.former_names.iter().map(|f| f.name.as_str()))
    }

    /// The name the actor went by on `day`: a former name whose span holds
    /// then (one that certainly holds before one that possibly does), else
    /// the current name.
    ///
    /// # Example
    ///
    /// ```
    /// let graph = actorgraph::ActorGraph::from_ron(r#"(
    ///     sources: [],
    ///     actors: [(id: "front", name: "New Front", kind: ArmedGroup,
    ///         former_names: [(name: "Old Front", from: "2011", until: "2017")])],
    ///     relations: [],
    /// )"#)?;
    /// let front = graph.resolve("New Front")?;
    /// assert_eq!(front.name_on("2015-06-01".parse()?), "Old Front");
    /// assert_eq!(front.name_on("2024-11-30".parse()?), "New Front");
    /// # Ok::<(), actorgraph::Error>(())
    /// ```
    pub fn name_on(&self, day: Date) -> &str {
        // An undated former name (a dataset that records a rename without
        // its date) says nothing of which days it was borne on.
        let holding = |f: &FormerName| {
            if f.from.is_none() && f.until.is_none() {
                return Holding::No;
            }
            f.interval().map_or(Holding::No, |i| i.holds_on(day))
        };
        // Reversed so that, among equally sure names, the first listed wins.
        self.former_names
            .iter()
            .rev()
            .filter(|f| holding(f) != Holding::No)
            .max_by_key(|f| holding(f))
            .map_or(&self.name, |f| &f.name)
    }
}

/// A name an actor went by over a span of time.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FormerName {
    /// The name.
    pub name: String,
    /// When it began to be used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<When>,
    /// When it stopped being used (exclusive).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<When>,
    /// The sources that report the name.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub citations: Vec<Citation>,
}

impl FormerName {
    /// The span over which the name was used, if its dates are in order.
    ///
    /// # Errors
    ///
    /// A [`ReversedInterval`](crate::ErrorKind::ReversedInterval) error when `until` precedes `from`.
    pub fn interval(&self) -> Result<Interval, Error> {
        Ok(Interval::new(self.from, self.until)?)
    }
}

/// Whether a citation backs a relation up or contradicts it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Stance {
    /// The quote reports the relation.
    #[default]
    Supports,
    /// The quote contradicts the relation.
    Disputes,
}

impl Stance {
    fn is_supports(&self) -> bool {
        *self == Stance::Supports
    }
}

/// Who makes a claim that an article reports.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Claimant {
    /// An actor in the dataset, such as a monitor or an army.
    Actor(ActorId),
    /// Someone the dataset does not hold as an actor, such as "pro-government websites".
    Other(String),
}

impl fmt::Display for Claimant {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Claimant::Actor(id) => write!(f, "{id}"),
            Claimant::Other(who) => f.write_str(who),
        }
    }
}

/// A verbatim quote from a source, for or against a relation.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Citation {
    /// The cited source.
    pub source: SourceId,
    /// Text copied verbatim from the source.
    pub quote: String,
    /// Whether the quote supports or disputes the relation.
    #[serde(default, skip_serializing_if = "Stance::is_supports")]
    pub stance: Stance,
    /// Whom the article attributes the quoted claim to, when not itself.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claimed_by: Option<Claimant>,
    /// How credible the quoted information is, `1` to `6`
    /// ([`grade`](crate::grade)); absent when ungraded, which reads as `6`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credibility: Option<Credibility>,
    /// Lint warnings the author has checked and judged wrong for this
    /// citation, each with the reason.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub acknowledged: Vec<Acknowledgement>,
}

/// A typed, dated and sourced relation between two actors.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Relation {
    /// The relation's id.
    pub id: RelationId,
    /// What the relation is.
    pub kind: RelationKind,
    /// The actor the relation goes out of.
    pub subject: ActorId,
    /// The actor the relation goes into.
    pub object: ActorId,
    /// For a state, when it began; absent when it predates the record.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<When>,
    /// For a state, when it ended (exclusive); absent while it still holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<When>,
    /// For an event ([`RelationKind::is_event`]), the day it happened.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub on: Option<When>,
    /// The sources for and against it; at least one.
    pub citations: Vec<Citation>,
    /// Who asserts the relation, when the articles attribute it to someone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claimed_by: Option<Claimant>,
    /// Anything a reader should know that fits nowhere else.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Lint warnings the author has checked and judged wrong for this
    /// relation, each with the reason.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub acknowledged: Vec<Acknowledgement>,
}

impl Relation {
    /// The span over which the relation holds (for an event, from the day
    /// it happened), if its dates are in order.
    ///
    /// # Errors
    ///
    /// A [`ReversedInterval`](crate::ErrorKind::ReversedInterval) error when `until` precedes `from`.
    pub fn interval(&self) -> Result<Interval, Error> {
        if self.kind.is_event() {
            Ok(Interval::new(self.on, None)?)
        } else {
            Ok(Interval::new(self.from, self.until)?)
        }
    }

    /// A record to be filled in place, by a reader that reuses one record
    /// (and its strings' room) for every relation it reads; not valid as
    /// it stands (no citation, empty ids).
    #[cfg(feature = "parquet")]
    pub(crate) fn blank() -> Relation {
        Relation {
            id: RelationId(String::new()),
            kind: RelationKind::Backs,
            subject: ActorId(String::new()),
            object: ActorId(String::new()),
            from: None,
            until: None,
            on: None,
            citations: Vec::new(),
            claimed_by: None,
            note: None,
            acknowledged: Vec::new(),
        }
    }

    /// Whether some citation disputes the relation.
    pub fn is_contested(&self) -> bool {
        self.citations.iter().any(|c| c.stance == Stance::Disputes)
    }
}

/// A lint warning that an author has checked and judged wrong for one
/// item, kept with the reason so that the lint lists it as acknowledged.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Acknowledgement {
    /// The warning acknowledged.
    pub warning: Warning,
    /// Why it does not apply here, in a few words.
    pub reason: String,
}

/// The kinds of warning the dataset lint gives.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub enum Warning {
    /// A quote names neither end of its relation by any name or alias.
    QuoteNamesNeitherEnd,
    /// A state starts on exactly the publication day of its earliest
    /// source: usually the day it was reported, not the day it began.
    StartIsReportDate,
    /// Two relations of the same kind between the same actors overlap.
    Overlap,
    /// An event is dated after the earliest source that reports it.
    EventAfterReport,
    /// A state of a person possibly runs past their death.
    PastDeath,
    /// A citation graded credibility 1 ("confirmed by other sources") on a
    /// relation that only one claimant supports.
    ConfirmedByOneClaimant,
    /// A citation graded for credibility whose reliability is not graded:
    /// neither its source nor an actor it names as claimant has one.
    GradeWithoutSourceReliability,
    /// A state whose every supporting citation is graded credibility 5
    /// ("improbable") or 6 ("cannot be judged").
    RestsOnWeakGrades,
}

impl Warning {
    /// Every warning, in declaration order.
    pub const ALL: [Warning; 8] = [
        Warning::QuoteNamesNeitherEnd,
        Warning::StartIsReportDate,
        Warning::Overlap,
        Warning::EventAfterReport,
        Warning::PastDeath,
        Warning::ConfirmedByOneClaimant,
        Warning::GradeWithoutSourceReliability,
        Warning::RestsOnWeakGrades,
    ];

    /// The warning's name as written in data files.
    pub fn name(self) -> &'static str {
        match self {
            Warning::QuoteNamesNeitherEnd => "QuoteNamesNeitherEnd",
            Warning::StartIsReportDate => "StartIsReportDate",
            Warning::Overlap => "Overlap",
            Warning::EventAfterReport => "EventAfterReport",
            Warning::PastDeath => "PastDeath",
            Warning::ConfirmedByOneClaimant => "ConfirmedByOneClaimant",
            Warning::GradeWithoutSourceReliability => "GradeWithoutSourceReliability",
            Warning::RestsOnWeakGrades => "RestsOnWeakGrades",
        }
    }
}

/// The most citations one relation may have: a graph keeps the count in
/// two bytes beside the relation's dates.
pub const MAX_CITATIONS: usize = u16::MAX as usize;

/// A whole dataset as written in a RON file.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dataset {
    /// The articles cited.
    #[serde(default)]
    pub sources: Vec<Source>,
    /// The actors.
    #[serde(default)]
    pub actors: Vec<Actor>,
    /// The relations between actors.
    #[serde(default)]
    pub relations: Vec<Relation>,
}
