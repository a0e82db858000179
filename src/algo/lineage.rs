//! An actor's lineage: the organisations it came from and those that came
//! from it, through splits, mergers and successions, and the names it
//! went by, each link with its dates as written and its evidence.

use std::collections::{HashSet, VecDeque};
use std::fmt;

use crate::base::date::{Certainty, Date, Holding, When};
use crate::base::error::Error;
use crate::base::few::Few;
use crate::base::grade::Grade;
use crate::base::model::{Citation, Claimant, FormerName, RelationKind, Source, Stance};
use crate::view::{ActorRef, IntoActor, RelationRef, View};

/// The relation kinds that change an actor's identity: a split, a merger,
/// a succession.
pub const LINEAGE_KINDS: [RelationKind; 3] = [
    RelationKind::SplitFrom,
    RelationKind::MergedInto,
    RelationKind::Succeeds,
];

/// What sort of link joins two identities in a lineage.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum LinkKind {
    /// The successor split from the predecessor ([`RelationKind::SplitFrom`]:
    /// its subject is the successor).
    SplitFrom,
    /// The predecessor merged into the successor
    /// ([`RelationKind::MergedInto`]: its subject is the predecessor).
    MergedInto,
    /// The successor took the place of the dissolved predecessor
    /// ([`RelationKind::Succeeds`]: its subject is the successor).
    Succeeds,
    /// The actor went by a former name: a link from the actor, under that
    /// name, to itself.
    Renamed,
}

impl LinkKind {
    /// The link kind of a lineage relation kind, if it is one.
    pub fn of(kind: RelationKind) -> Option<LinkKind> {
        match kind {
            RelationKind::SplitFrom => Some(LinkKind::SplitFrom),
            RelationKind::MergedInto => Some(LinkKind::MergedInto),
            RelationKind::Succeeds => Some(LinkKind::Succeeds),
            _ => None,
        }
    }

    /// The kind in a word or two: `split`, `merger`, `succession`, `rename`.
    pub fn label(self) -> &'static str {
        match self {
            LinkKind::SplitFrom => "split",
            LinkKind::MergedInto => "merger",
            LinkKind::Succeeds => "succession",
            LinkKind::Renamed => "rename",
        }
    }
}

/// On which side of the actor asked about a link lies.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Side {
    /// Among what the actor came from, its own former names included.
    Predecessor,
    /// Among what came from the actor.
    Successor,
}

/// The dates of a lineage link exactly as the data writes them: nothing
/// is filled in, so an undated split stays undated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkDates {
    /// A split, merger or succession: the day it happened, if given.
    On(Option<When>),
    /// A former name: when it came into use and when it stopped (exclusive),
    /// each if given.
    Used {
        /// When the name came into use.
        from: Option<When>,
        /// When the name stopped being used.
        until: Option<When>,
    },
}

impl LinkDates {
    /// Whether the data gives no date at all for the link.
    pub fn is_undated(&self) -> bool {
        match self {
            LinkDates::On(on) => on.is_none(),
            LinkDates::Used { from, until } => from.is_none() && until.is_none(),
        }
    }
}

impl fmt::Display for LinkDates {
    /// `on 2016`, `used 2011 to 2017`, `undated`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            LinkDates::On(Some(day)) => write!(f, "on {day}"),
            LinkDates::On(None)
            | LinkDates::Used {
                from: None,
                until: None,
            } => f.write_str("undated"),
            LinkDates::Used { from, until } => {
                let show = |w: Option<When>| w.map_or("?".to_owned(), |w| w.to_string());
                write!(f, "used {} to {}", show(from), show(until))
            }
        }
    }
}

/// One citation behind a lineage link, with its source: a relation's
/// citation or a former name's, as the view admits it.
#[derive(Clone, Copy, Debug)]
pub struct LinkCitation<'g> {
    source: &'g Source,
    quote: &'g str,
    stance: Stance,
    claimed_by: Option<&'g Claimant>,
    grade: Option<Grade>,
}

impl<'g> LinkCitation<'g> {
    /// The cited source.
    pub fn source(&self) -> &'g Source {
        self.source
    }

    /// The quote, verbatim from the source.
    pub fn quote(&self) -> &'g str {
        self.quote
    }

    /// Whether it supports or disputes the link.
    pub fn stance(&self) -> Stance {
        self.stance
    }

    /// Whom the source attributes the claim to, if not itself.
    pub fn claimed_by(&self) -> Option<&'g Claimant> {
        self.claimed_by
    }

    /// Its grade, `None` when ungraded (as [`Evidence::grade`](crate::Evidence::grade)).
    pub fn grade(&self) -> Option<Grade> {
        self.grade
    }
}

impl fmt::Display for LinkCitation<'_> {
    /// `source_id (2024-11-30) supports: "quote"`, as for a relation.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let stance = match self.stance {
            Stance::Supports => "supports",
            Stance::Disputes => "disputes",
        };
        write!(f, "{} ({}) {stance}", self.source.id, self.source.published)?;
        if let Some(who) = self.claimed_by {
            write!(f, ", claimed by {who}")?;
        }
        write!(f, ": {:?}", self.quote)
    }
}

/// One link of a lineage: a split, merger or succession between two
/// actors, or a rename of one actor. Made by [`lineage`].
#[derive(Clone)]
pub struct LineageLink<'g> {
    kind: LinkKind,
    side: Side,
    depth: usize,
    predecessor: ActorRef<'g>,
    successor: ActorRef<'g>,
    relation: Option<RelationRef<'g>>,
    former: Option<&'g FormerName>,
    citations: Vec<LinkCitation<'g>>,
    contested: bool,
    holding: Holding,
}

impl<'g> LineageLink<'g> {
    /// What sort of link it is.
    pub fn kind(&self) -> LinkKind {
        self.kind
    }

    /// On which side of the actor asked about it lies.
    pub fn side(&self) -> Side {
        self.side
    }

    /// How many links away from the actor asked about its far end lies:
    /// 1 for the actor's own splits, mergers, successions and renames.
    pub fn depth(&self) -> usize {
        self.depth
    }

    /// The earlier identity: what split, merged or was succeeded; for a
    /// rename, the actor itself (under [`former_name`](Self::former_name)).
    pub fn predecessor(&self) -> ActorRef<'g> {
        self.predecessor
    }

    /// The later identity: what split off, what was merged into, the
    /// successor; for a rename, the actor itself.
    pub fn successor(&self) -> ActorRef<'g> {
        self.successor
    }

    /// The relation behind a split, merger or succession; `None` for a rename.
    pub fn relation(&self) -> Option<RelationRef<'g>> {
        self.relation
    }

    /// The former name behind a rename; `None` otherwise.
    pub fn former_name(&self) -> Option<&'g FormerName> {
        self.former
    }

    /// The link's dates as the data writes them.
    pub fn dates(&self) -> LinkDates {
        match (self.relation, self.former) {
            (Some(relation), _) => LinkDates::On(relation.happened_on()),
            (None, Some(former)) => LinkDates::Used {
                from: former.from,
                until: former.until,
            },
            (None, None) => LinkDates::On(None),
        }
    }

    /// The citations behind the link that the view admits (those known by
    /// its knowledge date and meeting its minimum grade); empty for a
    /// former name the data cites nothing for.
    pub fn citations(&self) -> &[LinkCitation<'g>] {
        &self.citations
    }

    /// Whether an admitted citation disputes the link.
    pub fn is_contested(&self) -> bool {
        self.contested
    }

    /// How surely the link had happened by the view's day: an undated
    /// split only possibly had.
    pub fn holding(&self) -> Holding {
        self.holding
    }
}

impl fmt::Display for LineageLink<'_> {
    /// `Beta Front split from Alpha Front (on 2016)`, or for a rename
    /// `New Front was called "Old Front" (used 2011 to 2017)`; flagged
    /// `[possibly]` and `[contested]` as relations are.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.relation, self.former) {
            (Some(r), _) => write!(
                f,
                "{} {} {}",
                r.subject().name,
                r.kind().verb(),
                r.object().name
            )?,
            (None, Some(former)) => {
                write!(f, "{} was called {:?}", self.successor.name, former.name)?
            }
            (None, None) => {}
        }
        write!(f, " ({})", self.dates())?;
        if self.holding == Holding::Possibly {
            f.write_str(" [possibly]")?;
        }
        if self.contested {
            f.write_str(" [contested]")?;
        }
        Ok(())
    }
}

/// An actor's lineage on a view's day: its predecessors and successors,
/// transitively, and the renames of each, every link with its dates and
/// evidence. Made by [`lineage`] or [`View::lineage`].
#[derive(Clone)]
pub struct Lineage<'g> {
    actor: ActorRef<'g>,
    links: Vec<LineageLink<'g>>,
    /// For each actor reached, by side: the index in `links` of the link
    /// that first reached it.
    reached: Vec<(ActorRef<'g>, Side, usize)>,
}

impl<'g> Lineage<'g> {
    /// The actor asked about.
    pub fn actor(&self) -> ActorRef<'g> {
        self.actor
    }

    /// Every link: predecessors' side first, then successors', each nearest
    /// first, then by date (undated first), then dataset order.
    pub fn links(&self) -> &[LineageLink<'g>] {
        &self.links
    }

    /// Whether the actor has no lineage on the view's day.
    pub fn is_empty(&self) -> bool {
        self.links.is_empty()
    }

    /// The actors the actor came from, nearest first, each once; never the
    /// actor itself, even through a cycle.
    pub fn predecessors(&self) -> impl Iterator<Item = ActorRef<'g>> + '_ {
        self.on_side(Side::Predecessor)
    }

    /// The actors that came from the actor, nearest first, each once.
    pub fn successors(&self) -> impl Iterator<Item = ActorRef<'g>> + '_ {
        self.on_side(Side::Successor)
    }

    fn on_side(&self, side: Side) -> impl Iterator<Item = ActorRef<'g>> + '_ {
        self.reached
            .iter()
            .filter(move |(a, s, _)| *s == side && *a != self.actor)
            .map(|(a, _, _)| *a)
    }

    /// The renames among the links: the actor's own former names and those
    /// of the actors in its lineage.
    pub fn renames(&self) -> impl Iterator<Item = &LineageLink<'g>> + '_ {
        self.links.iter().filter(|l| l.kind == LinkKind::Renamed)
    }

    /// The links by which `other` was first reached from the actor, the
    /// actor's own link first: why `other` is in its lineage. Empty when
    /// `other` is not in it on that side, or is the actor.
    pub fn path_to(&self, other: ActorRef<'g>, side: Side) -> Vec<&LineageLink<'g>> {
        let mut path = Vec::new();
        let mut here = other;
        while here != self.actor {
            let Some(&(_, _, index)) = self
                .reached
                .iter()
                .find(|(a, s, _)| *a == here && *s == side)
            else {
                return Vec::new();
            };
            let link = &self.links[index];
            path.push(link);
            here = match side {
                Side::Predecessor => link.successor,
                Side::Successor => link.predecessor,
            };
        }
        path.reverse();
        path
    }

    /// The lineage as a report: the actor, then each link with its side,
    /// distance and citations.
    ///
    /// # Example
    ///
    /// ```
    /// let graph = actorgraph::ActorGraph::embedded()?;
    /// let lineage = graph.at("2024-11-30".parse()?).lineage("HTS")?;
    /// assert!(lineage.report().to_string().contains("Jabhat al-Nusra"));
    /// # Ok::<(), actorgraph::Error>(())
    /// ```
    pub fn report(&self) -> LineageReport<'_, 'g> {
        LineageReport(self)
    }
}

/// A lineage as an indented report. Made by [`Lineage::report`].
pub struct LineageReport<'a, 'g>(&'a Lineage<'g>);

impl fmt::Display for LineageReport<'_, '_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let lineage = self.0;
        writeln!(f, "Lineage of {}", lineage.actor.name)?;
        if lineage.is_empty() {
            return writeln!(f, "  no split, merger, succession or former name known");
        }
        for link in &lineage.links {
            let side = match link.side {
                Side::Predecessor => "predecessor",
                Side::Successor => "successor",
            };
            let (kind, depth) = (link.kind.label(), link.depth);
            writeln!(f, "  {side} ({kind}, {depth} away): {link}")?;
            if link.citations.is_empty() {
                writeln!(f, "      (no citation)")?;
            }
            for citation in &link.citations {
                writeln!(f, "      [{}] {citation}", Grade::label(citation.grade))?;
            }
        }
        Ok(())
    }
}

impl fmt::Display for Lineage<'_> {
    /// One line: `HTS: predecessors Jabhat al-Nusra, al-Qaeda; successors none`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names = |actors: Vec<ActorRef<'_>>| {
            if actors.is_empty() {
                "none".to_owned()
            } else {
                let names: Vec<&str> = actors.iter().map(|a| a.name.as_str()).collect();
                names.join(", ")
            }
        };
        write!(
            f,
            "{}: predecessors {}; successors {}; {} rename(s)",
            self.actor.name,
            names(self.predecessors().collect()),
            names(self.successors().collect()),
            self.renames().count()
        )
    }
}

/// The predecessor and successor ends of a lineage relation.
fn ends<'g>(relation: &RelationRef<'g>) -> (ActorRef<'g>, ActorRef<'g>) {
    match relation.kind() {
        // "A merged into B": A came first.
        RelationKind::MergedInto => (relation.subject(), relation.object()),
        // "A split from B", "A succeeds B": B came first.
        _ => (relation.object(), relation.subject()),
    }
}

/// The citations of a relation as the view lists them.
fn relation_citations<'g>(relation: &RelationRef<'g>) -> Vec<LinkCitation<'g>> {
    relation
        .citations()
        .map(|e| LinkCitation {
            source: e.source(),
            quote: e.quote(),
            stance: e.stance(),
            claimed_by: e.claimed_by(),
            grade: e.grade(),
        })
        .collect()
}

/// A former name's citation with its source and grade (the claimant's
/// reliability when it names a graded actor, else the source's), if the
/// source is in the graph.
fn name_citation<'g>(view: View<'g>, citation: &'g Citation) -> Option<LinkCitation<'g>> {
    let graph = view.graph();
    let source = graph.source(citation.source.as_str())?;
    let claimant = match &citation.claimed_by {
        Some(Claimant::Actor(id)) => graph.actor(id.as_str()).and_then(|a| a.reliability),
        _ => None,
    };
    let reliability = claimant.or(source.reliability);
    let grade = (reliability.is_some() || citation.credibility.is_some())
        .then(|| Grade::reading(reliability, citation.credibility));
    Some(LinkCitation {
        source,
        quote: &citation.quote,
        stance: citation.stance,
        claimed_by: citation.claimed_by.as_ref(),
        grade,
    })
}

/// Whether a source had appeared by `limit`, as surely as asked.
fn published_by(source: &Source, limit: Date, certainty: Certainty) -> bool {
    match certainty {
        Certainty::Possibly => source.published.first_day() <= limit,
        Certainty::Certainly => source.published.last_day().is_some_and(|d| d <= limit),
    }
}

/// A former name as the view admits it (see [`lineage`]), with its
/// admitted citations, whether they dispute it and how surely it was in
/// use by the day.
fn admit_name<'g>(
    view: View<'g>,
    former: &'g FormerName,
) -> Option<(Vec<LinkCitation<'g>>, bool, Holding)> {
    let day = view.day();
    let certainty = view.get_certainty();
    let holding = match former.from {
        None => Holding::Certainly,
        Some(from) if from.last_day().is_some_and(|d| d <= day) => Holding::Certainly,
        Some(from) if from.first_day() <= day => Holding::Possibly,
        Some(_) => Holding::No,
    };
    if !holding.meets(certainty) {
        return None;
    }
    let citations: Vec<LinkCitation<'g>> = former
        .citations
        .iter()
        .filter_map(|c| name_citation(view, c))
        .filter(|c| {
            view.knowledge_date()
                .is_none_or(|limit| published_by(c.source, limit, certainty))
        })
        .filter(|c| {
            view.min_grade()
                .is_none_or(|min| min.admits(c.grade.unwrap_or(Grade::UNGRADED)))
        })
        .collect();
    // A cited name needs an admitted supporting citation, as a relation
    // does; an uncited one is part of the actor's record, like its name.
    let cited = !former.citations.is_empty();
    if cited && !citations.iter().any(|c| c.stance == Stance::Supports) {
        return None;
    }
    let contested = citations.iter().any(|c| c.stance == Stance::Disputes);
    if contested && !view.keeps_contested() {
        return None;
    }
    Some((citations, contested, holding))
}

/// The lineage of `actor` on the view's day: walks splits, mergers and
/// successions back to every predecessor and forward to every successor,
/// and lists each reached actor's former names as renames.
///
/// A split, merger or succession is a link when the view admits it as an
/// event that had happened by its day, by the rule every query follows
/// (its dates, the knowledge date, the minimum grade, contested
/// relations): an undated one (as imported data often is) possibly had,
/// so it shows in a *possibly* view, flagged `[possibly]`, and not in a
/// *certainly* one. Its dates are given as written, never filled in. A
/// former name is a link when it was in use by the day (an undated start
/// is before the record), and, if it cites sources, when an admitted
/// one supports it; its citations are limited as a relation's are.
///
/// The directions are those of the kinds: "A split from B" and "A
/// succeeds B" make B the predecessor; "A merged into B" makes A the
/// predecessor. Each relation is listed once per side, and an actor
/// reached twice (a group that split off and later merged back, or a
/// cycle in the data) is walked once, so the walk always ends.
///
/// # Errors
///
/// As [`ActorGraph::resolve`](crate::ActorGraph::resolve).
///
/// # Complexity
///
/// O(Σ d + n) for the d relations and n former names of each actor reached,
/// plus O(L log L) to order the L links.
///
/// # Example
///
/// ```
/// use actorgraph::{ActorGraph, algo::{LinkKind, Side}};
///
/// // Fictional: a front that split from a party, renamed itself, then
/// // merged into a coalition.
/// let graph = ActorGraph::from_ron(r#"(
///     sources: [(id: "s", title: "A fictional report", published: "2020-01-01")],
///     actors: [
///         (id: "party", name: "Party", kind: PoliticalOrganization),
///         (id: "front", name: "Front", kind: ArmedGroup,
///             former_names: [(name: "Young Front", from: "2012", until: "2015")]),
///         (id: "coalition", name: "Coalition", kind: Coalition),
///     ],
///     relations: [
///         (id: "split", kind: SplitFrom, subject: "front", object: "party", on: "2012",
///             citations: [(source: "s", quote: "the Front split from the Party")]),
///         (id: "merger", kind: MergedInto, subject: "front", object: "coalition", on: "2019",
///             citations: [(source: "s", quote: "the Front merged into the Coalition")]),
///     ],
/// )"#)?;
/// let lineage = graph.at("2020-01-01".parse()?).lineage("coalition")?;
/// let before: Vec<&str> = lineage.predecessors().map(|a| a.record().name.as_str()).collect();
/// assert_eq!(before, ["Front", "Party"]);
/// let rename = lineage.renames().next().expect("the Front's former name");
/// assert_eq!(rename.former_name().map(|n| n.name.as_str()), Some("Young Front"));
/// assert_eq!((rename.side(), rename.depth()), (Side::Predecessor, 2));
/// // In 2016 the merger had not happened: the coalition had no lineage yet.
/// assert!(graph.at("2016-01-01".parse()?).lineage("coalition")?.is_empty());
/// assert_eq!(lineage.links()[0].kind(), LinkKind::MergedInto);
/// # Ok::<(), actorgraph::Error>(())
/// ```
pub fn lineage<'g>(view: View<'g>, actor: impl IntoActor) -> Result<Lineage<'g>, Error> {
    let start = actor.into_actor(view.graph())?;
    let mut links: Vec<LineageLink<'g>> = Vec::new();
    let mut reached: Vec<(ActorRef<'g>, Side, usize)> = Vec::new();
    let mut renamed: Vec<(ActorRef<'g>, Side, usize)> = vec![(start, Side::Predecessor, 0)];
    for side in [Side::Predecessor, Side::Successor] {
        let mut seen = HashSet::from([start.order()]);
        let mut listed: HashSet<usize> = HashSet::new();
        let mut queue = VecDeque::from([(start, 0)]);
        while let Some((here, depth)) = queue.pop_front() {
            let found = view
                .events_of(here)?
                .filter(|r| LINEAGE_KINDS.contains(&r.kind()));
            for relation in found {
                let (before, after) = ends(&relation);
                let (near, far) = match side {
                    Side::Predecessor => (after, before),
                    Side::Successor => (before, after),
                };
                if near != here || !listed.insert(relation.order()) {
                    continue;
                }
                links.push(LineageLink {
                    kind: LinkKind::of(relation.kind()).unwrap_or(LinkKind::SplitFrom),
                    side,
                    depth: depth + 1,
                    predecessor: before,
                    successor: after,
                    citations: relation_citations(&relation),
                    contested: relation.is_contested(),
                    holding: relation.holding().unwrap_or(Holding::Certainly),
                    relation: Some(relation),
                    former: None,
                });
                if seen.insert(far.order()) {
                    reached.push((far, side, links.len() - 1));
                    renamed.push((far, side, depth + 1));
                    queue.push_back((far, depth + 1));
                }
            }
        }
    }
    for (actor, side, depth) in renamed {
        for former in &actor.record().former_names {
            if let Some((citations, contested, holding)) = admit_name(view, former) {
                links.push(LineageLink {
                    kind: LinkKind::Renamed,
                    side,
                    depth: depth + 1,
                    predecessor: actor,
                    successor: actor,
                    relation: None,
                    former: Some(former),
                    citations,
                    contested,
                    holding,
                });
            }
        }
    }
    // Sort, then point `reached` at the links' new places.
    let mut order: Vec<usize> = (0..links.len()).collect();
    order.sort_by_key(|&i| {
        let link = &links[i];
        let date = match link.dates() {
            LinkDates::On(on) => on,
            LinkDates::Used { from, .. } => from,
        };
        let tie = link.relation.map_or(usize::MAX, |r| r.order());
        (link.side, link.depth, date.map(|d| d.first_day()), tie)
    });
    let mut place = vec![0; links.len()];
    for (new, &old) in order.iter().enumerate() {
        place[old] = new;
    }
    let mut slots: Vec<Option<LineageLink<'g>>> = links.into_iter().map(Some).collect();
    let links: Vec<LineageLink<'g>> = order.iter().filter_map(|&i| slots[i].take()).collect();
    for entry in &mut reached {
        entry.2 = place[entry.2];
    }
    Ok(Lineage {
        actor: start,
        links,
        reached,
    })
}

impl<'g> View<'g> {
    /// The lineage of `actor` on the view's day: [`algo::lineage`](lineage).
    ///
    /// # Errors
    ///
    /// As [`ActorGraph::resolve`](crate::ActorGraph::resolve).
    ///
    /// # Complexity
    ///
    /// As [`algo::lineage`](lineage).
    ///
    /// # Example
    ///
    /// ```
    /// let graph = actorgraph::ActorGraph::embedded()?;
    /// let lineage = graph.at("2024-11-30".parse()?).lineage("HTS")?;
    /// let before: Vec<&str> = lineage.predecessors().map(|a| a.record().id.as_str()).collect();
    /// assert!(before.contains(&"jabhat_al_nusra"));
    /// # Ok::<(), actorgraph::Error>(())
    /// ```
    pub fn lineage(self, actor: impl IntoActor) -> Result<Lineage<'g>, Error> {
        lineage(self, actor)
    }
}

// By hand: a lineage's links each hold handles into the whole graph.
impl fmt::Debug for LineageLink<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("LineageLink")
            .field("kind", &self.kind)
            .field("side", &self.side)
            .field("depth", &self.depth)
            .field("predecessor", &self.predecessor.id)
            .field("successor", &self.successor.id)
            .field("relation", &self.relation.map(|r| r.id()))
            .field("former_name", &self.former.map(|n| n.name.as_str()))
            .field("dates", &self.dates())
            .field("citations", &self.citations.len())
            .finish()
    }
}

impl fmt::Debug for Lineage<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Lineage")
            .field("actor", &self.actor.id)
            .field("links", &Few(&self.links))
            .finish()
    }
}
