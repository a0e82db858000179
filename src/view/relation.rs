//! Handles onto relations and their citations in the store.

use std::fmt;

use crate::base::date::{Date, Holding, Interval, When};
use crate::base::grade::{Credibility, Grade, Reliability};
use crate::base::model::{
    Acknowledgement, Citation, Claimant, Relation, RelationKind, Source, Stance,
};
use crate::graph::ActorGraph;
use crate::store::ix::{CitationIx, Ix, RelationIx};

use super::ActorRef;

/// A relation found by a query, with what the query judged of it.
///
/// It borrows from the graph's packed storage: the accessors read the
/// relation's parts where they are kept, and [`to_relation`](Self::to_relation)
/// copies the whole record out when one is wanted.
///
/// # Example
///
/// ```
/// use actorgraph::{ActorGraph, Claimant, Stance};
///
/// let graph = ActorGraph::embedded()?;
/// let relation = graph.relation("iraqi_militias_back_syrian_army")?;
/// assert_eq!(relation.subject().id.as_str(), "iraqi_iran_backed_militias");
/// assert_eq!(relation.interval().to_string(), "[2024-11-27..2024-12-07] to now");
/// assert!(matches!(relation.claimed_by(), Some(Claimant::Actor(who)) if who.as_str() == "reuters"));
/// assert!(relation.note().is_some());
///
/// let evidence = relation.citations().next().expect("every relation cites a source");
/// assert_eq!(evidence.source().id.as_str(), "newsweek_2024_12_02");
/// assert_eq!(evidence.stance(), Stance::Supports);
/// assert!(evidence.quote().starts_with("Iranian-backed militias have entered Syria"));
///
/// // The owned record is the one in the data file.
/// assert_eq!(relation.to_relation().citations.len(), 1);
/// # Ok::<(), actorgraph::Error>(())
/// ```
#[derive(Clone, Copy)]
pub struct RelationRef<'g> {
    graph: &'g ActorGraph,
    position: RelationIx,
    // Sentinels and a bitset rather than `Option`s and flags, because
    // queries collect these by the thousand: 24 bytes instead of 40.
    /// The day a view judged it on; `Date::NEVER` outside an as-of view or
    /// for an ended relation.
    on: Date,
    /// The knowledge date; `Date::NEVER` for none.
    known_by: Date,
    verdict: Verdict,
    /// The view's minimum grade of evidence, if any.
    min_grade: Option<Grade>,
}

/// What a view judged of a relation, in one byte: a query collects
/// relations by the thousand, and one byte written whole copies faster
/// than three written apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Verdict(u8);

impl Verdict {
    const CONTESTED: u8 = 1;
    /// The view asked that sources had *certainly* appeared.
    const KNOWN_CERTAINLY: u8 = 1 << 1;
    /// For an event found in a window: it possibly, or certainly, happened there.
    const HAPPENED_POSSIBLY: u8 = 1 << 2;
    const HAPPENED_CERTAINLY: u8 = 1 << 3;

    #[inline]
    fn new(contested: bool, known_certainly: bool, happened: Option<Holding>) -> Verdict {
        let mut bits = 0;
        if contested {
            bits |= Self::CONTESTED;
        }
        if known_certainly {
            bits |= Self::KNOWN_CERTAINLY;
        }
        bits |= match happened {
            Some(Holding::Certainly) => Self::HAPPENED_CERTAINLY,
            Some(Holding::Possibly) => Self::HAPPENED_POSSIBLY,
            Some(Holding::No) | None => 0,
        };
        Verdict(bits)
    }

    #[inline]
    fn has(self, bit: u8) -> bool {
        self.0 & bit != 0
    }

    fn happened(self) -> Option<Holding> {
        if self.has(Self::HAPPENED_CERTAINLY) {
            Some(Holding::Certainly)
        } else if self.has(Self::HAPPENED_POSSIBLY) {
            Some(Holding::Possibly)
        } else {
            None
        }
    }
}

impl<'g> RelationRef<'g> {
    /// The relation outside any view: contested when any citation disputes it.
    #[inline]
    pub(crate) fn plain(graph: &'g ActorGraph, position: RelationIx) -> RelationRef<'g> {
        RelationRef {
            graph,
            position,
            on: Date::NEVER,
            known_by: Date::NEVER,
            verdict: Verdict::new(graph.store.span(position).is_disputed(), false, None),
            min_grade: None,
        }
    }

    /// The relation as a view judged it.
    #[inline]
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn judged(
        graph: &'g ActorGraph,
        position: RelationIx,
        on: Date,
        known_by: Option<Date>,
        contested: bool,
        known_certainly: bool,
        happened: Option<Holding>,
        min_grade: Option<Grade>,
    ) -> RelationRef<'g> {
        RelationRef {
            graph,
            position,
            on,
            known_by: known_by.unwrap_or(Date::NEVER),
            verdict: Verdict::new(contested, known_certainly, happened),
            min_grade,
        }
    }

    /// Where the relation comes in the order relations were added: a
    /// stable key for sorting answers.
    pub fn order(&self) -> usize {
        self.position.index()
    }

    /// The relation's id.
    #[inline]
    pub fn id(&self) -> &'g str {
        self.graph.store.relation_id(self.position)
    }

    /// The relation's kind.
    #[inline]
    pub fn kind(&self) -> RelationKind {
        self.graph.store.span(self.position).kind
    }

    /// The actor the relation goes out of.
    #[inline]
    pub fn subject(&self) -> ActorRef<'g> {
        ActorRef::new(self.graph, self.graph.store.ends(self.position).0)
    }

    /// The actor the relation goes into.
    #[inline]
    pub fn object(&self) -> ActorRef<'g> {
        ActorRef::new(self.graph, self.graph.store.ends(self.position).1)
    }

    /// The end that is not the actor with id `actor`; the object if
    /// `actor` is neither.
    pub fn other_end(&self, actor: &str) -> ActorRef<'g> {
        let object = self.object();
        if object.id.as_str() == actor {
            self.subject()
        } else {
            object
        }
    }

    /// When the relation holds; for an event, an interval from the day it
    /// happened (see [`happened_on`](Self::happened_on)).
    pub fn interval(&self) -> Interval {
        self.graph.store.interval(self.position)
    }

    /// Whether the relation is an event rather than a state.
    pub fn is_event(&self) -> bool {
        self.graph.store.span(self.position).is_event()
    }

    /// For an event, the day it happened; `None` for a state.
    pub fn happened_on(&self) -> Option<When> {
        if self.is_event() {
            self.interval().start()
        } else {
            None
        }
    }

    /// Lint warnings the dataset's author acknowledged on this relation.
    pub fn acknowledged(&self) -> &'g [Acknowledgement] {
        self.graph.store.relation_acks(self.position)
    }

    /// Who makes the claim, when the relation is one party's claim.
    pub fn claimed_by(&self) -> Option<&'g Claimant> {
        self.graph.store.claimant(self.position)
    }

    /// The relation's note, if any.
    pub fn note(&self) -> Option<&'g str> {
        self.graph.store.note(self.position)
    }

    /// The relation as the record it was added as, with all its citations.
    ///
    /// # Complexity
    ///
    /// O(citations + text), allocating the copy.
    pub fn to_relation(&self) -> Relation {
        self.graph.store.relation_record(self.position)
    }

    /// How surely a state held on the query's day, or an event happened
    /// in the query's window; `None` outside a view.
    pub fn holding(&self) -> Option<Holding> {
        if let Some(happened) = self.verdict.happened() {
            return Some(happened);
        }
        let day = (self.on != Date::NEVER).then_some(self.on)?;
        Some(self.interval().holds_on(day))
    }

    /// Whether a citation (known by the knowledge date, if any) disputes it.
    pub fn is_contested(&self) -> bool {
        self.verdict.has(Verdict::CONTESTED)
    }

    /// The citations behind the relation with their sources: all of them, or
    /// under a knowledge date only those whose source had appeared by then.
    /// Under a minimum grade ([`View::graded_at_least`](crate::View::graded_at_least))
    /// only those meeting it, best graded first (reliability, then
    /// credibility; ungraded last), else in the order of the data.
    pub fn citations(&self) -> impl Iterator<Item = Evidence<'g>> + 'g {
        let graph = self.graph;
        let known_by = (self.known_by != Date::NEVER).then_some(self.known_by);
        let certainly = self.verdict.has(Verdict::KNOWN_CERTAINLY);
        let relation = self.position;
        let min_grade = self.min_grade;
        let found = graph
            .store
            .citations_of(relation)
            .filter_map(move |number| {
                let source = graph.store.source(graph.store.citation_source(number));
                let appeared = graph.store.published_by(number, known_by, certainly)
                    && graph.store.meets(number, min_grade);
                appeared.then_some(Evidence {
                    graph,
                    relation,
                    number,
                    source,
                    known_by,
                    certainly,
                    min_grade,
                })
            });
        match min_grade {
            None => Listed::InOrder(found),
            Some(_) => {
                let mut sorted: Vec<Evidence<'g>> = found.collect();
                sorted.sort_by_key(|e| e.grade().unwrap_or(Grade::UNGRADED));
                Listed::Sorted(sorted.into_iter())
            }
        }
    }

    /// The best grade among the citations supporting the relation as the
    /// view sees them (known by its knowledge date, meeting its minimum
    /// grade); `None` when none of them is graded.
    ///
    /// # Example
    ///
    /// ```
    /// let graph = actorgraph::ActorGraph::embedded()?;
    /// // The embedded dataset is ungraded.
    /// let backing = graph.relation("russia_backs_syrian_government")?;
    /// assert_eq!(backing.best_supporting_grade(), None);
    /// assert!(backing.independent_claimants() >= 1);
    /// # Ok::<(), actorgraph::Error>(())
    /// ```
    pub fn best_supporting_grade(&self) -> Option<Grade> {
        self.best_grade(Stance::Supports)
    }

    /// The best grade among the citations disputing the relation as the
    /// view sees them; `None` when none of them is graded.
    pub fn best_disputing_grade(&self) -> Option<Grade> {
        self.best_grade(Stance::Disputes)
    }

    fn best_grade(&self, stance: Stance) -> Option<Grade> {
        self.citations()
            .filter(|e| e.stance() == stance)
            .filter_map(|e| e.grade())
            .min()
    }

    /// How many independent claimants support the relation as the view
    /// sees it: distinct voices (a named claimant, else the article
    /// itself) whose latest citation there supports it. Two citations of
    /// one wire story, or two articles quoting one spokesman, are one.
    pub fn independent_claimants(&self) -> usize {
        let known_by = (self.known_by != Date::NEVER).then_some(self.known_by);
        self.graph.store.supporting_voices(
            self.position,
            known_by,
            self.verdict.has(Verdict::KNOWN_CERTAINLY),
            self.min_grade,
        )
    }
}

/// The citations of a relation: in the data's order, or sorted by grade.
enum Listed<I: Iterator> {
    InOrder(I),
    Sorted(std::vec::IntoIter<I::Item>),
}

impl<I: Iterator> Iterator for Listed<I> {
    type Item = I::Item;

    fn next(&mut self) -> Option<I::Item> {
        match self {
            Listed::InOrder(found) => found.next(),
            Listed::Sorted(sorted) => sorted.next(),
        }
    }
}

impl fmt::Display for RelationRef<'_> {
    /// One line: `Iran backs Bashar al-Assad (… to now)`, or for an event
    /// `Russia attacks Aleppo (on 2024-11-29)`; flagged when it only
    /// possibly held or happened, and when contested.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (subject, verb, object) = (self.subject(), self.kind().verb(), self.object());
        match self.happened_on() {
            Some(day) => write!(f, "{} {verb} {} (on {day})", subject.name, object.name)?,
            // An event the data leaves undated (a split from a lineage
            // list): "since before the record" would misread it.
            None if self.is_event() => {
                write!(f, "{} {verb} {} (undated)", subject.name, object.name)?
            }
            None => write!(
                f,
                "{} {verb} {} ({})",
                subject.name,
                object.name,
                self.interval()
            )?,
        }
        if self.holding() == Some(Holding::Possibly) {
            f.write_str(" [possibly]")?;
        }
        if self.is_contested() {
            f.write_str(" [contested]")?;
        }
        Ok(())
    }
}

/// A citation together with the source it cites.
#[derive(Clone, Copy)]
pub struct Evidence<'g> {
    graph: &'g ActorGraph,
    relation: RelationIx,
    number: CitationIx,
    source: &'g Source,
    /// The knowledge date it was read under, and how surely.
    known_by: Option<Date>,
    certainly: bool,
    /// The minimum grade of the view it was read under.
    min_grade: Option<Grade>,
}

impl<'g> Evidence<'g> {
    /// The cited source.
    pub fn source(&self) -> &'g Source {
        self.source
    }

    /// The quote, verbatim from the source.
    pub fn quote(&self) -> &'g str {
        self.graph.store.citation_quote(self.number)
    }

    /// The number of the quote among the graph's distinct quotes: the
    /// same for every citation of the same words.
    #[cfg(feature = "arrow")]
    pub(crate) fn quote_order(&self) -> usize {
        self.graph.store.citation_quote_ix(self.number).index()
    }

    /// Where the cited source comes in the graph's sources.
    #[cfg(feature = "arrow")]
    pub(crate) fn source_order(&self) -> usize {
        self.graph.store.citation_source(self.number).index()
    }

    /// Whether the source supports or disputes the relation.
    pub fn stance(&self) -> Stance {
        self.graph.store.citation_stance(self.number)
    }

    /// Who, according to the source, makes the claim, if not the source itself.
    pub fn claimed_by(&self) -> Option<&'g Claimant> {
        self.graph.store.citation_claimant(self.number)
    }

    /// The citation's grade: the reliability it carries (its claimant's
    /// when it names a graded actor, else its source's) and its
    /// credibility, an ungraded part read as `F` or `6`; `None` when
    /// neither is graded, which output shows as `ungraded`
    /// ([`Grade::label`]).
    pub fn grade(&self) -> Option<Grade> {
        self.graph.store.citation_grade(self.number)
    }

    /// The reliability the citation carries, if graded: that of the actor
    /// it names as claimant when graded, else its source's.
    pub fn reliability(&self) -> Option<Reliability> {
        self.graph.store.citation_reliability(self.number)
    }

    /// The citation's credibility, if graded.
    pub fn credibility(&self) -> Option<Credibility> {
        self.graph.store.citation_credibility(self.number)
    }

    /// The citation as an owned record.
    pub fn to_citation(&self) -> Citation {
        self.graph.store.citation_record(self.number)
    }

    /// Whether its claimant (the one it names, else the article) later
    /// said otherwise or again: a later citation of the same claimant on
    /// the same relation had appeared by the knowledge date (any, without
    /// one). A superseded stance no longer counts toward a dispute.
    pub fn is_superseded(&self) -> bool {
        self.graph.store.is_superseded(
            self.relation,
            self.number,
            self.known_by,
            self.certainly,
            self.min_grade,
        )
    }

    /// The stance its claimant (the one it names, else the article) holds
    /// now on the relation, as the view knows it: that of the claimant's
    /// latest citation there. A supporting quote whose claimant has since
    /// disputed the relation is withdrawn.
    ///
    /// # Example
    ///
    /// ```
    /// use actorgraph::{ActorGraph, Stance};
    ///
    /// let graph = ActorGraph::embedded()?;
    /// let backing = graph.relation("russia_backs_syrian_government")?;
    /// for evidence in backing.citations() {
    ///     // Nobody here changed their mind: each stance is its claimant's latest.
    ///     assert_eq!(evidence.claimant_stance(), evidence.stance());
    /// }
    /// # Ok::<(), actorgraph::Error>(())
    /// ```
    pub fn claimant_stance(&self) -> Stance {
        self.graph.store.latest_stance(
            self.relation,
            self.number,
            self.known_by,
            self.certainly,
            self.min_grade,
        )
    }

    /// Who speaks, as text that is the same for every citation of one
    /// claimant, for exports whose readers apply the claimant rule.
    pub(crate) fn voice_label(&self) -> String {
        self.graph.store.voice_label(self.number)
    }

    /// Lint warnings the dataset's author acknowledged on this citation.
    pub fn acknowledged(&self) -> &'g [Acknowledgement] {
        self.graph.store.citation_acks(self.number)
    }
}

impl fmt::Display for Evidence<'_> {
    /// `source_id (2024-11-30) supports: "quote"`, with the claimant if any.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let stance = match self.stance() {
            Stance::Supports => "supports",
            Stance::Disputes => "disputes",
        };
        write!(f, "{} ({}) {stance}", self.source.id, self.source.published)?;
        if let Some(who) = self.claimed_by() {
            write!(f, ", claimed by {who}")?;
        }
        write!(f, ": {:?}", self.quote())?;
        if self.is_superseded() {
            f.write_str(" [superseded]")?;
        }
        Ok(())
    }
}

// By hand rather than derived: a derived `Debug` would print the whole graph
// the handle borrows, hundreds of megabytes at a million relations.
impl fmt::Debug for RelationRef<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = f.debug_struct("RelationRef");
        out.field("id", &self.id())
            .field("kind", &self.kind())
            .field("subject", &self.subject().id.as_str())
            .field("object", &self.object().id.as_str());
        if let Some(holding) = self.holding() {
            out.field("holding", &holding);
        }
        out.field("contested", &self.is_contested()).finish()
    }
}

impl fmt::Debug for Evidence<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Evidence")
            .field("relation", &self.graph.store.relation_id(self.relation))
            .field("citation", &self.number.index())
            .field("source", &self.source.id.as_str())
            .field("stance", &self.stance())
            .field("known_by", &self.known_by)
            .finish()
    }
}
