//! Camps: who stands with whom on a day, who backs each camp, and who
//! fights it.

use std::collections::HashSet;

use crate::base::date::Date;
use crate::base::few::Few;
use crate::base::model::{ActorKind, RelationKind};
use crate::view::{ActorRef, RelationRef, View};

use super::groups::{Groups, in_join_order, takes_part};
use super::lineage::LINEAGE_KINDS;
use super::{Chain, ChainOptions};

/// What [`camps`] takes in and how far it looks.
///
/// # Example
///
/// ```
/// use actorgraph::CampOptions;
///
/// let options = CampOptions::default().max_hops(2).outsiders(true);
/// assert_eq!(options.get_max_hops(), 2);
/// assert!(options.get_outsiders() && !options.get_every_core());
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CampOptions {
    max_hops: usize,
    outsiders: bool,
    every_core: bool,
    since: Option<Date>,
    merge_lineage: bool,
}

impl Default for CampOptions {
    /// Chains of support of up to 3 hops; parties to the conflict only;
    /// only the camps at war; attacks of the week up to the view's day;
    /// no merging of lineages.
    fn default() -> CampOptions {
        CampOptions {
            max_hops: 3,
            outsiders: false,
            every_core: false,
            since: None,
            merge_lineage: false,
        }
    }
}

impl CampOptions {
    /// Sets the most hops a chain of support into a camp may have.
    pub fn max_hops(mut self, hops: usize) -> CampOptions {
        self.max_hops = hops;
        self
    }

    /// Sets whether actors outside the conflict ([`takes_part`]) may be
    /// in camps and chains, and fight: think tanks, monitors, places.
    pub fn outsiders(mut self, outsiders: bool) -> CampOptions {
        self.outsiders = outsiders;
        self
    }

    /// Sets whether every group that holds together is a camp, not only
    /// those at war that back no other camp.
    pub fn every_core(mut self, every: bool) -> CampOptions {
        self.every_core = every;
        self
    }

    /// Sets the first day whose attacks count as fighting (default: six
    /// days before the view's day, so the week up to it).
    pub fn since(mut self, day: Date) -> CampOptions {
        self.since = Some(day);
        self
    }

    /// Sets whether each actor is one with its predecessors: the two ends
    /// of every split, merger and succession that had happened by the
    /// view's day ([`LINEAGE_KINDS`], as [`lineage`](super::lineage)
    /// admits them, contested ones left out) join one camp, unless that
    /// would put two actors at odds together (a splinter that fights its
    /// parent stays apart). Two splinters of one parent thus join through
    /// it. Each camp lists the links that joined it
    /// ([`Camp::merged_by`]). Off by default, so that answers do not change
    /// unless asked.
    ///
    /// # Example
    ///
    /// ```
    /// use actorgraph::{ActorGraph, CampOptions, algo};
    ///
    /// // Fictional: the New Front succeeded the Old Front; a militia is a
    /// // member of the Old Front; the New Front fights the army.
    /// let graph = ActorGraph::from_ron(r#"(
    ///     sources: [(id: "s", title: "A fictional report", published: "2020-01-01")],
    ///     actors: [
    ///         (id: "old", name: "Old Front", kind: ArmedGroup),
    ///         (id: "new", name: "New Front", kind: ArmedGroup),
    ///         (id: "militia", name: "Hill Militia", kind: Militia),
    ///         (id: "army", name: "Army", kind: ArmedForces),
    ///     ],
    ///     relations: [
    ///         (id: "succession", kind: Succeeds, subject: "new", object: "old", on: "2016",
    ///             citations: [(source: "s", quote: "the New Front replaced the Old Front")]),
    ///         (id: "militia_in_old", kind: MemberOf, subject: "militia", object: "old", from: "2012",
    ///             citations: [(source: "s", quote: "the militia belongs to the Old Front")]),
    ///         (id: "new_opposes_army", kind: Opposes, subject: "new", object: "army", from: "2017",
    ///             citations: [(source: "s", quote: "the New Front fights the army")]),
    ///     ],
    /// )"#)?;
    /// let view = graph.at("2020-01-01".parse()?);
    /// assert!(algo::camps(view, &CampOptions::default()).is_empty());
    /// let camps = algo::camps(view, &CampOptions::default().merge_lineage(true));
    /// assert_eq!(camps[0].members().len(), 3);
    /// assert_eq!(camps[0].merged_by()[0].id(), "succession");
    /// # Ok::<(), actorgraph::Error>(())
    /// ```
    pub fn merge_lineage(mut self, merge: bool) -> CampOptions {
        self.merge_lineage = merge;
        self
    }

    /// Whether each actor is one with its predecessors.
    pub fn get_merge_lineage(&self) -> bool {
        self.merge_lineage
    }

    /// The most hops a chain of support may have.
    pub fn get_max_hops(&self) -> usize {
        self.max_hops
    }

    /// Whether actors outside the conflict are taken in.
    pub fn get_outsiders(&self) -> bool {
        self.outsiders
    }

    /// Whether every group that holds together is a camp.
    pub fn get_every_core(&self) -> bool {
        self.every_core
    }

    /// The first day whose attacks count as fighting, when set.
    pub fn get_since(&self) -> Option<Date> {
        self.since
    }

    /// The first day whose attacks count as fighting, for a view on `day`.
    pub fn attacks_from(&self, day: Date) -> Date {
        self.since.unwrap_or_else(|| super::groups::week_up_to(day))
    }
}

/// One side of a conflict on a day: the actors that hold together as one
/// (membership, affiliation, a person's leadership), with the chains of
/// support into them from outside and the ties that set them against
/// others. Made by [`camps`].
#[derive(Clone)]
pub struct Camp<'g> {
    members: Vec<ActorRef<'g>>,
    principal: ActorRef<'g>,
    backing: Vec<Chain<'g>>,
    fighting: Vec<RelationRef<'g>>,
    rivals: Vec<RelationRef<'g>>,
    kept_apart: Vec<RelationRef<'g>>,
    merged_by: Vec<RelationRef<'g>>,
}

impl<'g> Camp<'g> {
    /// The camp's actors, in dataset order.
    pub fn members(&self) -> &[ActorRef<'g>] {
        &self.members
    }

    /// The member in the most fighting (first in dataset order on a tie):
    /// the one to name the camp after.
    pub fn principal(&self) -> ActorRef<'g> {
        self.principal
    }

    /// Chains of support from outside into the camp (backing, alliance,
    /// coordination, command by a state or group), each ending at the
    /// first member it reaches and passing through no actor hostile to
    /// the camp; none is the tail of another. By first actor, then length.
    pub fn backing(&self) -> &[Chain<'g>] {
        &self.backing
    }

    /// Oppositions on the view's day, and attacks and killings in the
    /// window, between a member and an actor outside the camp; by that
    /// actor, then dataset order.
    pub fn fighting(&self) -> &[RelationRef<'g>] {
        &self.fighting
    }

    /// Rivalries (competes-with) between a member and an actor outside.
    pub fn rivals(&self) -> &[RelationRef<'g>] {
        &self.rivals
    }

    /// Ties of membership or support between a member and an actor that
    /// opposes or rivals the camp, which were therefore not followed:
    /// where the camp's edges are ambiguous.
    pub fn kept_apart(&self) -> &[RelationRef<'g>] {
        &self.kept_apart
    }

    /// Under [`CampOptions::merge_lineage`], the splits, mergers and
    /// successions that made members one (which actors were merged, and by
    /// which link), in dataset order; empty otherwise.
    pub fn merged_by(&self) -> &[RelationRef<'g>] {
        &self.merged_by
    }
}

/// Whether `relation` holds a camp together: membership, affiliation, or
/// a person leading what they belong to.
fn holds_together(relation: &RelationRef<'_>) -> bool {
    match relation.kind() {
        RelationKind::MemberOf | RelationKind::AffiliatedWith => true,
        RelationKind::Leads => relation.subject().kind == ActorKind::Person,
        _ => false,
    }
}

/// Whether `relation` is support from one actor to another: backing,
/// alliance, coordination, or a state or group commanding another.
fn supports(relation: &RelationRef<'_>) -> bool {
    match relation.kind() {
        RelationKind::Backs | RelationKind::AlliedWith | RelationKind::CoordinatesWith => true,
        RelationKind::Leads => relation.subject().kind != ActorKind::Person,
        _ => false,
    }
}

/// The camps of the conflict on the view's day, the one in the most
/// fighting first.
///
/// A camp's members are tied by membership, affiliation or a person's
/// leadership, never two of them opposing or competing with each other,
/// and surest links first (as in [`blocs`](super::blocs)). Contested ties
/// join nobody, and actors outside the conflict ([`takes_part`]) stay out
/// unless [`CampOptions::outsiders`] asks for them. A group is a camp when
/// it has at least two members, fights someone outside (an opposition on
/// the day, or an attack or killing since [`CampOptions::attacks_from`]),
/// and does not itself back a camp already found: a militia pledged to a
/// government shows among that government's backers, not as a camp of its
/// own. [`CampOptions::every_core`] lists every group instead.
/// [`CampOptions::merge_lineage`] makes each actor one with its
/// predecessors, and each camp lists the links that did it.
///
/// # Complexity
///
/// O(R log R + L·s²) to form the groups, as for blocs, plus for each camp
/// the chain searches into its members: O(P·h) for P chains of up to h
/// hops. Under [`CampOptions::merge_lineage`], O(e log e) more for the e
/// events up to the view's day, read for the splits, mergers and
/// successions among them.
///
/// # Example
///
/// ```
/// use actorgraph::{ActorGraph, CampOptions, algo};
///
/// let graph = ActorGraph::embedded()?;
/// let camps = algo::camps(graph.at("2024-11-30".parse()?), &CampOptions::default());
/// let rebels = camps.iter().find(|c| c.members().iter().any(|a| a.id.as_str() == "hts")).unwrap();
/// // Turkey backs the opposition at large, which is in the camp: a one-hop chain.
/// assert!(rebels.backing().iter().any(|c| c.to_string() == "Turkey -[backs]-> Syrian opposition"));
/// // The SNA, a rival of HTS, is not in the camp though it coordinates with it.
/// assert!(!rebels.members().iter().any(|a| a.id.as_str() == "sna"));
/// assert!(rebels.kept_apart().iter().any(|r| r.id() == "rebels_coordinates_with_sna"));
/// # Ok::<(), actorgraph::Error>(())
/// ```
pub fn camps<'g>(view: View<'g>, options: &CampOptions) -> Vec<Camp<'g>> {
    let admitted = |a: ActorRef<'_>| options.outsiders || takes_part(a.kind);
    let mut groups = Groups::new(view);
    let links = view
        .relations()
        .filter(|r| holds_together(r) && admitted(r.subject()) && admitted(r.object()));
    for link in in_join_order(links) {
        groups.join(link.subject().order(), link.object().order());
    }
    // After the ties that hold camps together, so that a lineage never
    // keeps a surer tie out.
    let mut merged: Vec<RelationRef<'g>> = Vec::new();
    if options.merge_lineage {
        let lineage = view.events().filter(|r| {
            LINEAGE_KINDS.contains(&r.kind()) && admitted(r.subject()) && admitted(r.object())
        });
        for link in in_join_order(lineage) {
            if groups.join(link.subject().order(), link.object().order()) {
                merged.push(link);
            }
        }
    }

    let since = options.attacks_from(view.day());
    let mut hostile: Vec<RelationRef<'g>> = view.of_kind(RelationKind::Opposes).collect();
    hostile.extend(
        view.events_between(since, view.day())
            .filter(|r| matches!(r.kind(), RelationKind::Attacks | RelationKind::Killed)),
    );
    let rivalries: Vec<RelationRef<'g>> = view.of_kind(RelationKind::CompetesWith).collect();
    let links: Vec<RelationRef<'g>> = view
        .relations()
        .filter(|r| holds_together(r) || supports(r))
        .collect();

    // Across the line: one end in the group, the other outside and admitted.
    let across = |members: &HashSet<usize>, r: &RelationRef<'_>| {
        let (s, o) = (r.subject(), r.object());
        let (in_s, in_o) = (members.contains(&s.order()), members.contains(&o.order()));
        in_s != in_o && admitted(if in_s { o } else { s })
    };
    let mut cores: Vec<(Vec<ActorRef<'g>>, HashSet<usize>, Vec<RelationRef<'g>>)> = groups
        .groups(view)
        .into_iter()
        .map(|members| {
            let set: HashSet<usize> = members.iter().map(|a| a.order()).collect();
            let fighting: Vec<RelationRef<'g>> = hostile
                .iter()
                .filter(|r| across(&set, r))
                .copied()
                .collect();
            (members, set, fighting)
        })
        .collect();
    cores.sort_by_key(|(members, _, fighting)| {
        (
            std::cmp::Reverse(fighting.len()),
            std::cmp::Reverse(members.len()),
            members[0].order(),
        )
    });

    let mut found: Vec<Camp<'g>> = Vec::new();
    let mut taken: Vec<HashSet<usize>> = Vec::new();
    for (members, set, mut fighting) in cores {
        let backs_a_camp = links.iter().any(|r| {
            supports(r)
                && set.contains(&r.subject().order())
                && taken.iter().any(|t| t.contains(&r.object().order()))
        });
        if !options.every_core && (fighting.is_empty() || backs_a_camp) {
            continue;
        }
        let outside = |r: &RelationRef<'g>| -> ActorRef<'g> {
            let (s, o) = (r.subject(), r.object());
            if set.contains(&s.order()) { o } else { s }
        };
        let foe = |a: usize| set.iter().any(|&m| groups.hostile(m, a));
        fighting.sort_by_key(|r| (outside(r).order(), r.order()));
        let mut rivals: Vec<RelationRef<'g>> = rivalries
            .iter()
            .filter(|r| across(&set, r))
            .copied()
            .collect();
        rivals.sort_by_key(|r| (outside(r).order(), r.order()));
        let mut kept_apart: Vec<RelationRef<'g>> = links
            .iter()
            .filter(|r| across(&set, r) && foe(outside(r).order()))
            .copied()
            .collect();
        kept_apart.sort_by_key(|r| (outside(r).order(), r.order()));
        let principal = members
            .iter()
            .copied()
            .max_by_key(|m| {
                let count = fighting
                    .iter()
                    .filter(|r| r.subject() == *m || r.object() == *m)
                    .count();
                (count, std::cmp::Reverse(m.order()))
            })
            .unwrap_or(members[0]);
        let backing = backing(view, &set, &members, options, &admitted, &foe);
        let mut merged_by: Vec<RelationRef<'g>> = merged
            .iter()
            .filter(|r| set.contains(&r.subject().order()))
            .copied()
            .collect();
        merged_by.sort_by_key(|r| r.order());
        taken.push(set);
        found.push(Camp {
            members,
            principal,
            backing,
            fighting,
            rivals,
            kept_apart,
            merged_by,
        });
    }
    found
}

/// The chains of support into `members` (see [`Camp::backing`]).
fn backing<'g>(
    view: View<'g>,
    set: &HashSet<usize>,
    members: &[ActorRef<'g>],
    options: &CampOptions,
    admitted: &dyn Fn(ActorRef<'_>) -> bool,
    foe: &dyn Fn(usize) -> bool,
) -> Vec<Chain<'g>> {
    let kinds = [
        RelationKind::Backs,
        RelationKind::AlliedWith,
        RelationKind::CoordinatesWith,
        RelationKind::Leads,
    ];
    let search = ChainOptions::default()
        .kinds(kinds)
        .max_hops(options.max_hops);
    let keeps = |chain: &Chain<'g>| {
        let actors: Vec<ActorRef<'g>> = chain.actors().collect();
        let before = &actors[..actors.len().saturating_sub(1)];
        let last_hop = chain.len() - 1;
        before
            .iter()
            .all(|a| !set.contains(&a.order()) && admitted(*a) && !foe(a.order()))
            && chain.hops().iter().enumerate().all(|(i, hop)| {
                // Symmetric ties only at the end: an ally of a backer is
                // not thereby a backer.
                hop.relations()
                    .iter()
                    .any(|r| supports(r) && (i == last_hop || !r.kind().is_symmetric()))
            })
    };
    let mut chains: Vec<Chain<'g>> = members
        .iter()
        .filter_map(|m| super::chains_into(view, *m, &search).ok())
        .flatten()
        .filter(keeps)
        .collect();
    let paths: Vec<Vec<usize>> = chains
        .iter()
        .map(|c| c.actors().map(ActorRef::order).collect())
        .collect();
    let mut index = 0;
    chains.retain(|_| {
        let path = &paths[index];
        index += 1;
        !paths
            .iter()
            .any(|other| other.len() > path.len() && other.ends_with(path))
    });
    chains.sort_by_cached_key(|c| {
        let path: Vec<usize> = c.actors().map(ActorRef::order).collect();
        (path[0], c.len(), path)
    });
    chains
}

// By hand: a camp on a large graph may hold thousands of members.
impl std::fmt::Debug for Camp<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Camp")
            .field("principal", &self.principal)
            .field("members", &Few(&self.members))
            .field("backing", &Few(&self.backing))
            .field("fighting", &Few(&self.fighting))
            .field("rivals", &Few(&self.rivals))
            .field("kept_apart", &Few(&self.kept_apart))
            .field("merged_by", &Few(&self.merged_by))
            .finish()
    }
}
