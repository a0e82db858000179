//! Views of the graph as of a day, and the handles they hand out.
//!
//! A [`View`] is the graph as of one day, optionally as known by another.
//! Every query of a view decides whether a relation shows through one
//! rule:
//!
//! 1. **Holding.** On the view's day the relation possibly held (some
//!    reading of its partial dates puts the day inside), or under
//!    [`Certainty::Certainly`] certainly held. Queries for relations that
//!    had *ended* by the day read "held" as "had begun and ended".
//! 2. **Knowledge.** Under a knowledge date, a supporting source had
//!    appeared by then (possibly or certainly, as the view asks); it is
//!    contested once a disputing source had appeared. Without one, a
//!    relation is contested when any citation disputes it.
//! 3. **Contested policy.** Contested relations are kept and flagged,
//!    unless [`View::without_contested`] drops them.
//!
//! The interval index proves step 1 for *possibly* queries on a whole
//! kind and carries the dates step 2 needs, so those queries read nothing
//! else of a relation; every other query reads them from the store. Both
//! paths go through the same function.
//!
//! Handles borrow the graph: [`RelationRef`] (a relation as a query judged
//! it), [`Evidence`] (one citation with its source) and [`ActorRef`].
//!
//! One method of [`View`] lives above this layer: `View::lineage`, in
//! `algo/lineage.rs`, since it is an algorithm over these queries (a walk
//! along splits, mergers and successions), not a query of its own.

mod actor;
mod admit;
mod listing;
mod neighbours;
mod relation;
mod search;

use crate::base::date::{Certainty, Date};
use crate::base::error::{Error, Repr};
use crate::base::grade::Grade;
use crate::base::nearest::suggest;
use crate::graph::ActorGraph;

pub use self::actor::{ActorRef, IntoActor};
pub use self::relation::{Evidence, RelationRef};
pub use self::search::Candidate;

/// The graph as of one day, optionally limited to what sources had
/// published by a knowledge date.
///
/// Made by [`ActorGraph::at`]. The rule for partial dates is the one in
/// [`crate::date`]: by default a relation counts when it *possibly* held;
/// [`View::certainty`] asks for *certainly*. Contested relations (some
/// citation disputes them) are kept and flagged unless
/// [`View::without_contested`] drops them.
///
/// # Example
///
/// ```
/// use actorgraph::ActorGraph;
///
/// let graph = ActorGraph::embedded()?;
/// let view = graph.at("2024-11-30".parse()?);
/// let backers: Vec<String> = view
///     .backers_of("Assad regime")?
///     .map(|r| r.subject().name.clone())
///     .collect();
/// assert!(backers.contains(&"Russia".to_owned()));
/// # Ok::<(), actorgraph::Error>(())
/// ```
#[derive(Clone, Copy)]
pub struct View<'g> {
    graph: &'g ActorGraph,
    day: Date,
    known_by: Option<Date>,
    certainty: Certainty,
    keep_contested: bool,
    /// Only citations meeting this grade count as evidence.
    min_grade: Option<Grade>,
}

impl ActorGraph {
    /// A view of the graph as of `day`.
    ///
    /// # Complexity
    ///
    /// O(1); the work happens as the view's iterators are consumed.
    pub fn at(&self, day: Date) -> View<'_> {
        View {
            graph: self,
            day,
            known_by: None,
            certainty: Certainty::Possibly,
            keep_contested: true,
            min_grade: None,
        }
    }

    /// The relation with this id.
    ///
    /// # Errors
    ///
    /// An [`UnknownRelation`](crate::ErrorKind::UnknownRelation) error, with the closest id as a suggestion.
    ///
    /// # Example
    ///
    /// ```
    /// let graph = actorgraph::ActorGraph::embedded()?;
    /// let first = graph.relations().next().map(|r| r.id().to_owned());
    /// let id = first.unwrap_or_default();
    /// assert_eq!(graph.relation(&id)?.id(), id);
    /// assert!(graph.relation("no-such-relation").is_err());
    /// # Ok::<(), actorgraph::Error>(())
    /// ```
    ///
    /// # Complexity
    ///
    /// O(length of the id), expected.
    pub fn relation(&self, id: &str) -> Result<RelationRef<'_>, Error> {
        match self.store.relation_ix(id) {
            Some(position) => Ok(RelationRef::plain(self, position)),
            None => Err(Error::from(Repr::UnknownRelation {
                id: id.to_owned(),
                suggestion: suggest(id, self.store.relation_ids()),
            })),
        }
    }

    /// Every relation, in the order added, whenever it held.
    ///
    /// # Complexity
    ///
    /// O(1) per relation.
    pub fn relations(&self) -> impl ExactSizeIterator<Item = RelationRef<'_>> {
        self.store
            .relation_positions()
            .map(|p| RelationRef::plain(self, p))
    }
}

impl<'g> View<'g> {
    /// Keeps only what some source had published by `day`: a relation is
    /// known once a source supporting it has appeared, and is contested only
    /// once a disputing source has. The relation's
    /// [`citations`](RelationRef::citations) are limited the same way.
    pub fn known_by(mut self, day: Date) -> View<'g> {
        self.known_by = Some(day);
        self
    }

    /// Sets how sure the view must be that a relation held and that a
    /// source had appeared.
    pub fn certainty(mut self, certainty: Certainty) -> View<'g> {
        self.certainty = certainty;
        self
    }

    /// Counts as evidence only the citations graded `minimum` or better:
    /// their reliability (the source's, or a graded actor claimant's) and
    /// their credibility each at least as good, an ungraded part read as
    /// `F` or `6`. A relation is then admitted only on such citations, and
    /// whether it is contested, when it became known and which of its
    /// [`citations`](RelationRef::citations) are listed (best graded first)
    /// are judged from them alone, as if the others were not in the data.
    ///
    /// # Example
    ///
    /// ```
    /// use actorgraph::ActorGraph;
    ///
    /// let graph = ActorGraph::from_ron(r#"(
    ///     sources: [
    ///         (id: "wire", title: "Wire", published: "2024-11-28", reliability: B),
    ///         (id: "blog", title: "Blog", published: "2024-11-29", reliability: E),
    ///     ],
    ///     actors: [(id: "a", name: "A", kind: State), (id: "b", name: "B", kind: ArmedGroup)],
    ///     relations: [(id: "a_backs_b", kind: Backs, subject: "a", object: "b", from: "2024",
    ///         citations: [
    ///             (source: "wire", quote: "A backs B", credibility: 2),
    ///             (source: "blog", quote: "A does not back B", stance: Disputes, credibility: 3),
    ///         ])],
    /// )"#)?;
    /// let day = "2024-12-01".parse()?;
    /// let all = graph.at(day).relations().next().expect("admitted");
    /// assert!(all.is_contested());
    /// let graded = graph.at(day).graded_at_least("B2".parse()?);
    /// let backing = graded.relations().next().expect("the wire report meets B2");
    /// assert!(!backing.is_contested());
    /// assert_eq!(backing.citations().count(), 1);
    /// assert_eq!(graph.at(day).graded_at_least("A1".parse()?).relations().count(), 0);
    /// # Ok::<(), actorgraph::Error>(())
    /// ```
    pub fn graded_at_least(mut self, minimum: Grade) -> View<'g> {
        self.min_grade = Some(minimum);
        self
    }

    /// The minimum grade of evidence, if any.
    pub fn min_grade(&self) -> Option<Grade> {
        self.min_grade
    }

    /// Drops relations that some (known) citation disputes.
    pub fn without_contested(mut self) -> View<'g> {
        self.keep_contested = false;
        self
    }

    /// The same view, looking at another day.
    pub fn on(self, day: Date) -> View<'g> {
        View { day, ..self }
    }

    /// The day the view looks at.
    pub fn day(&self) -> Date {
        self.day
    }

    /// The knowledge date, if any.
    pub fn knowledge_date(&self) -> Option<Date> {
        self.known_by
    }

    /// Whether contested relations are kept (flagged), as by default, or
    /// dropped ([`View::without_contested`]).
    pub fn keeps_contested(&self) -> bool {
        self.keep_contested
    }

    /// How sure the view must be.
    pub fn get_certainty(&self) -> Certainty {
        self.certainty
    }

    /// The graph viewed.
    pub fn graph(&self) -> &'g ActorGraph {
        self.graph
    }
}

// By hand: a derived `Debug` would print the whole graph the view borrows.
impl std::fmt::Debug for View<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("View")
            .field("graph", self.graph)
            .field("day", &self.day)
            .field("known_by", &self.known_by)
            .field("certainty", &self.certainty)
            .field("keep_contested", &self.keep_contested)
            .field("min_grade", &self.min_grade)
            .finish()
    }
}
