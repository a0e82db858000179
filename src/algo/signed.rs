//! The signed view of a day: every pair of actors tied by relations of a
//! friendly or a hostile kind, as one positive or negative tie, the ground
//! the structural-balance measures ([`balance`](super::balance), the
//! [signed partition](super::partition), [centrality](super::centrality))
//! stand on.

use std::collections::HashMap;
use std::fmt;

use crate::base::date::{Date, Holding};
use crate::base::error::Error;
use crate::base::model::RelationKind;
use crate::view::{ActorRef, RelationRef, View};

use super::takes_part;

/// The one place an argument error is made: an
/// [`ErrorKind::InvalidArgument`](crate::ErrorKind::InvalidArgument) naming
/// `argument`.
pub(super) fn bad_argument(argument: &'static str, reason: impl Into<String>) -> Error {
    Error::invalid_argument(argument, reason)
}

/// Which way a relation or a tie leans.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Sign {
    /// Hostile: opposition, attacks, rivalry, terrorist designation.
    Negative,
    /// Friendly: backing, alliance, coordination, membership, leadership.
    Positive,
}

impl Sign {
    /// `+` or `-`.
    pub fn symbol(self) -> char {
        match self {
            Sign::Positive => '+',
            Sign::Negative => '-',
        }
    }

    /// The sign of a product: `+` when both agree.
    pub fn times(self, other: Sign) -> Sign {
        if self == other {
            Sign::Positive
        } else {
            Sign::Negative
        }
    }
}

impl fmt::Display for Sign {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.symbol())
    }
}

/// The sign of each relation kind, and what [`signed`] takes in.
///
/// By default ([`Signs::default`]):
///
/// | sign | kinds |
/// |---|---|
/// | `+` | backs, allied with, coordinates with, member of, affiliated with, leads |
/// | `-` | opposes, competes with, designates as terrorist, attacks, killed, clashed with |
/// | none | every other kind: controls, speaks for, based in, located in, party to, brokered, founded, split from, merged into, succeeds, condemns, withdrew from, met with, calls on, took part in an event with or in, joined |
///
/// The kinds of talk and lineage are unsigned on purpose. *Met with* is
/// talks between two actors, which foes hold as often as friends (Iran's
/// foreign minister meets both Assad and Turkey, the backer of the
/// government's enemies); *calls on* is a demand or an appeal, made of a
/// rival as readily as of an ally (Damascus demanding that Turkish troops
/// withdraw, Iran's foreign minister calling on Moscow to coordinate);
/// *took part in an event with* is a dataset's two sides of an event
/// whose nature it leaves to the note (a riot, a strike on civilians);
/// *succeeds* is lineage, a new organisation taking up a
/// dissolved one's members or role, which says nothing of friendship
/// between the two (the old one no longer exists to be a friend). Give
/// them a sign with [`Signs::with`] or [`Signs::parse`] when a dataset
/// means more by them.
///
/// Affiliation counts as positive, though the issue that asked for these
/// measures left it out, because [`camps`](super::camps) treat it as
/// membership: a branch and its parent stand together. The events
/// (attacks, killings) count over a window up to the view's day, a week by
/// default, as for camps ([`Signs::attacks_since`]). Actors outside the
/// conflict ([`takes_part`]) are left out unless [`Signs::outsiders`]
/// takes them in.
///
/// # Example
///
/// ```
/// use actorgraph::RelationKind;
/// use actorgraph::algo::{Sign, Signs};
///
/// let signs = Signs::parse("controls=+, competes_with=0")?;
/// assert_eq!(signs.sign(RelationKind::Controls), Some(Sign::Positive));
/// assert_eq!(signs.sign(RelationKind::CompetesWith), None);
/// assert_eq!(signs.sign(RelationKind::Opposes), Some(Sign::Negative));
/// # Ok::<(), actorgraph::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Signs {
    signs: [Option<Sign>; RelationKind::ALL.len()],
    outsiders: bool,
    attacks_since: Option<Date>,
}

impl Default for Signs {
    fn default() -> Signs {
        let mut signs = Signs {
            signs: [None; RelationKind::ALL.len()],
            outsiders: false,
            attacks_since: None,
        };
        use RelationKind as K;
        for kind in [
            K::Backs,
            K::AlliedWith,
            K::CoordinatesWith,
            K::MemberOf,
            K::AffiliatedWith,
            K::Leads,
        ] {
            signs = signs.with(kind, Some(Sign::Positive));
        }
        for kind in [
            K::Opposes,
            K::CompetesWith,
            K::DesignatesTerrorist,
            K::Attacks,
            K::Killed,
            K::ClashesWith,
        ] {
            signs = signs.with(kind, Some(Sign::Negative));
        }
        signs
    }
}

fn slot(kind: RelationKind) -> usize {
    RelationKind::ALL
        .iter()
        .position(|k| *k == kind)
        .unwrap_or_default()
}

impl Signs {
    /// Sets the sign of `kind` (`None`: unsigned, left out).
    pub fn with(mut self, kind: RelationKind, sign: Option<Sign>) -> Signs {
        self.signs[slot(kind)] = sign;
        self
    }

    /// The default table changed by `text`: comma-separated `kind=sign`
    /// entries, the kind as [`RelationKind`] parses it (`allied_with` or
    /// `AlliedWith`), the sign `+`, `-` or `0` (unsigned).
    ///
    /// # Errors
    ///
    /// An [`ErrorKind::InvalidArgument`](crate::ErrorKind::InvalidArgument)
    /// naming the `sign table` ([`Error::argument`]), for an unknown
    /// kind, a sign other than `+`, `-`, `0`, or an entry without `=`.
    pub fn parse(text: &str) -> Result<Signs, Error> {
        let mut signs = Signs::default();
        for entry in text.split(',').map(str::trim).filter(|e| !e.is_empty()) {
            let Some((kind, sign)) = entry.split_once('=') else {
                let reason = format!("{entry:?} is not kind=sign");
                return Err(bad_argument("sign table", reason));
            };
            let kind: RelationKind = kind
                .parse()
                .map_err(|e: String| bad_argument("sign table", e))?;
            let sign = match sign.trim() {
                "+" => Some(Sign::Positive),
                "-" => Some(Sign::Negative),
                "0" => None,
                other => {
                    let reason = format!("sign {other:?} of {kind:?} is none of +, -, 0");
                    return Err(bad_argument("sign table", reason));
                }
            };
            signs = signs.with(kind, sign);
        }
        Ok(signs)
    }

    /// Sets whether actors outside the conflict ([`takes_part`]) are taken in.
    pub fn outsiders(mut self, outsiders: bool) -> Signs {
        self.outsiders = outsiders;
        self
    }

    /// Sets the first day whose signed events (attacks, killings) count
    /// (default: six days before the view's day, the week up to it).
    pub fn attacks_since(mut self, day: Date) -> Signs {
        self.attacks_since = Some(day);
        self
    }

    /// The sign of `kind`, `None` when unsigned.
    pub fn sign(&self, kind: RelationKind) -> Option<Sign> {
        self.signs[slot(kind)]
    }

    /// Whether actors outside the conflict are taken in.
    pub fn get_outsiders(&self) -> bool {
        self.outsiders
    }

    /// The first day whose signed events count, for a view on `day`.
    pub fn events_from(&self, day: Date) -> Date {
        self.attacks_since
            .unwrap_or_else(|| super::groups::week_up_to(day))
    }

    /// Whether an actor is taken in.
    pub(super) fn admits(&self, actor: ActorRef<'_>) -> bool {
        self.outsiders || takes_part(actor.kind)
    }

    /// The signed relations of `view` between actors taken in: states of
    /// a signed kind that held, then signed events in the window.
    pub(super) fn relations<'g>(&self, view: View<'g>) -> Vec<(RelationRef<'g>, Sign)> {
        let mut found = Vec::new();
        for kind in RelationKind::ALL {
            if let Some(sign) = self.sign(kind).filter(|_| !kind.is_event()) {
                found.extend(view.of_kind(kind).map(|r| (r, sign)));
            }
        }
        if RelationKind::ALL
            .iter()
            .any(|k| k.is_event() && self.sign(*k).is_some())
        {
            let events = view.events_between(self.events_from(view.day()), view.day());
            found.extend(events.filter_map(|r| self.sign(r.kind()).map(|s| (r, s))));
        }
        found.retain(|(r, _)| self.admits(r.subject()) && self.admits(r.object()));
        found
    }
}

/// How sure a relation is, for deciding a mixed tie: uncontested before
/// contested, certainly before possibly. Greater is surer.
pub(super) fn sureness(relation: &RelationRef<'_>) -> (bool, bool) {
    (
        !relation.is_contested(),
        relation.holding() == Some(Holding::Certainly),
    )
}

/// The sign of a pair with relations of these sureness on each side: the
/// surer side wins; on a draw, hostility.
pub(super) fn combine(
    positive: Option<(bool, bool)>,
    negative: Option<(bool, bool)>,
) -> Option<Sign> {
    match (positive, negative) {
        (None, None) => None,
        (Some(_), None) => Some(Sign::Positive),
        (None, Some(_)) => Some(Sign::Negative),
        (Some(p), Some(n)) if p > n => Some(Sign::Positive),
        (Some(_), Some(_)) => Some(Sign::Negative),
    }
}

/// One pair of actors and every signed relation between them, either way.
#[derive(Clone)]
pub struct Tie<'g> {
    ends: [usize; 2],
    sign: Sign,
    positive: Vec<RelationRef<'g>>,
    negative: Vec<RelationRef<'g>>,
}

impl<'g> Tie<'g> {
    /// The two ends, as positions in [`SignedGraph::actors`], lower first.
    pub fn ends(&self) -> [usize; 2] {
        self.ends
    }

    /// The tie's sign, by the rule of [`signed`].
    pub fn sign(&self) -> Sign {
        self.sign
    }

    /// Whether relations of both signs join the pair.
    pub fn is_mixed(&self) -> bool {
        !self.positive.is_empty() && !self.negative.is_empty()
    }

    /// The friendly relations between the pair, in dataset order.
    pub fn positive(&self) -> &[RelationRef<'g>] {
        &self.positive
    }

    /// The hostile relations between the pair, in dataset order.
    pub fn negative(&self) -> &[RelationRef<'g>] {
        &self.negative
    }

    /// The relations that give the tie its sign.
    pub fn relations(&self) -> &[RelationRef<'g>] {
        match self.sign {
            Sign::Positive => &self.positive,
            Sign::Negative => &self.negative,
        }
    }

    /// The relations that go against the tie's sign (empty unless mixed).
    pub fn overruled(&self) -> &[RelationRef<'g>] {
        match self.sign {
            Sign::Positive => &self.negative,
            Sign::Negative => &self.positive,
        }
    }
}

/// The signed graph of a view: its actors with at least one signed tie,
/// and the ties. Made by [`signed`].
#[derive(Clone)]
pub struct SignedGraph<'g> {
    view: View<'g>,
    actors: Vec<ActorRef<'g>>,
    ties: Vec<Tie<'g>>,
    /// Per actor, `(neighbour, tie)` sorted by neighbour.
    adjacency: Vec<Vec<(usize, usize)>>,
    index: HashMap<usize, usize>,
}

impl<'g> SignedGraph<'g> {
    /// The view it was made from.
    pub fn view(&self) -> View<'g> {
        self.view
    }

    /// The actors with at least one signed tie, in dataset order; the
    /// positions in this list number them in [`Tie::ends`] and the other
    /// measures.
    pub fn actors(&self) -> &[ActorRef<'g>] {
        &self.actors
    }

    /// Every tie, by its lower end then its higher.
    pub fn ties(&self) -> &[Tie<'g>] {
        &self.ties
    }

    /// The ties whose relations disagree in sign, with both sides.
    pub fn mixed(&self) -> impl Iterator<Item = &Tie<'g>> {
        self.ties.iter().filter(|t| t.is_mixed())
    }

    /// Whether there is no signed tie at all.
    pub fn is_empty(&self) -> bool {
        self.ties.is_empty()
    }

    /// The position of `actor` in [`actors`](Self::actors), if it has a
    /// signed tie.
    pub fn position(&self, actor: ActorRef<'_>) -> Option<usize> {
        self.index.get(&actor.order()).copied()
    }

    /// The neighbours of actor `a`, each with the position of their tie in
    /// [`ties`](Self::ties), by neighbour.
    pub fn neighbours(&self, a: usize) -> &[(usize, usize)] {
        self.adjacency.get(a).map_or(&[], Vec::as_slice)
    }

    /// The tie between actors `a` and `b`, if any.
    pub fn tie(&self, a: usize, b: usize) -> Option<&Tie<'g>> {
        let row = self.neighbours(a);
        row.binary_search_by_key(&b, |(n, _)| *n)
            .ok()
            .map(|i| &self.ties[row[i].1])
    }

    /// How many ties are positive and how many negative.
    pub fn sign_counts(&self) -> (usize, usize) {
        let positive = self
            .ties
            .iter()
            .filter(|t| t.sign == Sign::Positive)
            .count();
        (positive, self.ties.len() - positive)
    }
}

/// The signed graph of `view`: each pair of actors taken in with a
/// relation of a signed kind ([`Signs`]) between them becomes one tie.
///
/// Parallel relations between a pair, either way round, combine into one
/// tie: when they agree, it takes their sign; when they disagree (a pair
/// that coordinates and competes, say) it is *mixed*
/// ([`SignedGraph::mixed`]), keeps both sides with their evidence, and
/// takes the sign of the surer side, comparing the surest relation of
/// each: uncontested before contested, then *certainly* held before
/// *possibly*; on a draw it is negative, since hostility on the day
/// outweighs a tie of support for deciding who stands with whom (an ally
/// that attacks you that week is not your ally that week). The view's
/// day, knowledge date, certainty and contested policy apply as for every
/// query; a view dropping contested relations leaves them out here too.
///
/// # Complexity
///
/// The view's queries for the signed kinds, then O(m) expected time and
/// space for m signed relations found.
///
/// # Example
///
/// ```
/// use actorgraph::ActorGraph;
/// use actorgraph::algo::{self, Sign, Signs};
///
/// let graph = ActorGraph::embedded()?;
/// let signed = algo::signed(graph.at("2024-11-30".parse()?), &Signs::default());
/// let (assad, russia) = (graph.resolve("Assad regime")?, graph.resolve("Russia")?);
/// let tie = signed.tie(signed.position(assad).unwrap(), signed.position(russia).unwrap());
/// assert_eq!(tie.map(|t| t.sign()), Some(Sign::Positive));
/// assert!(tie.unwrap().relations().iter().any(|r| r.id() == "russia_backs_syrian_government"));
/// # Ok::<(), actorgraph::Error>(())
/// ```
pub fn signed<'g>(view: View<'g>, signs: &Signs) -> SignedGraph<'g> {
    let mut relations = signs.relations(view);
    relations.sort_by_key(|(r, _)| r.order());
    relations.dedup_by_key(|(r, _)| r.order());

    let mut orders: Vec<usize> = relations
        .iter()
        .flat_map(|(r, _)| [r.subject().order(), r.object().order()])
        .collect();
    orders.sort_unstable();
    orders.dedup();
    let index: HashMap<usize, usize> = orders.iter().enumerate().map(|(i, &o)| (o, i)).collect();
    let mut actors: Vec<Option<ActorRef<'g>>> = vec![None; orders.len()];
    let mut pairs: HashMap<(usize, usize), usize> = HashMap::new();
    let mut ties: Vec<Tie<'g>> = Vec::new();
    for (relation, sign) in relations {
        let (s, o) = (relation.subject(), relation.object());
        let (Some(&a), Some(&b)) = (index.get(&s.order()), index.get(&o.order())) else {
            continue;
        };
        actors[a] = Some(s);
        actors[b] = Some(o);
        let key = (a.min(b), a.max(b));
        let at = *pairs.entry(key).or_insert_with(|| {
            ties.push(Tie {
                ends: [key.0, key.1],
                sign,
                positive: Vec::new(),
                negative: Vec::new(),
            });
            ties.len() - 1
        });
        match sign {
            Sign::Positive => ties[at].positive.push(relation),
            Sign::Negative => ties[at].negative.push(relation),
        }
    }
    for tie in &mut ties {
        let surest = |rs: &[RelationRef<'_>]| rs.iter().map(sureness).max();
        tie.sign = combine(surest(&tie.positive), surest(&tie.negative)).unwrap_or(tie.sign);
    }
    ties.sort_by_key(|t| t.ends);
    let mut adjacency: Vec<Vec<(usize, usize)>> = vec![Vec::new(); orders.len()];
    for (at, tie) in ties.iter().enumerate() {
        let [a, b] = tie.ends;
        adjacency[a].push((b, at));
        adjacency[b].push((a, at));
    }
    for row in &mut adjacency {
        row.sort_unstable();
    }
    SignedGraph {
        view,
        actors: actors.into_iter().flatten().collect(),
        ties,
        adjacency,
        index,
    }
}

// By hand: the graph may hold thousands of ties.
impl fmt::Debug for SignedGraph<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (positive, negative) = self.sign_counts();
        f.debug_struct("SignedGraph")
            .field("day", &self.view.day())
            .field("actors", &self.actors.len())
            .field("positive", &positive)
            .field("negative", &negative)
            .field("mixed", &self.mixed().count())
            .finish()
    }
}

impl fmt::Debug for Tie<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let ids = |rs: &[RelationRef<'_>]| rs.iter().map(|r| r.id().to_owned()).collect::<Vec<_>>();
        f.debug_struct("Tie")
            .field("ends", &self.ends)
            .field("sign", &self.sign)
            .field("positive", &ids(&self.positive))
            .field("negative", &ids(&self.negative))
            .finish()
    }
}
