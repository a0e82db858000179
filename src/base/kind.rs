//! The kinds of actor and of relation, and directions along a relation:
//! plain enums that every other part of the crate names.

use std::fmt;

use serde::{Deserialize, Serialize};

/// What sort of actor something is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub enum ActorKind {
    /// A sovereign state, such as Iran or Turkey.
    State,
    /// A government or regime, including self-proclaimed ones.
    Government,
    /// A state's army, air force, or one of their units.
    ArmedForces,
    /// A non-state armed group or faction.
    ArmedGroup,
    /// A coalition of groups or an operations room.
    Coalition,
    /// A militia, often backed by a state.
    Militia,
    /// A political party, movement or axis.
    PoliticalOrganization,
    /// An international organization, such as the United Nations.
    InternationalOrganization,
    /// An NGO, monitor, rescue service or think tank.
    Ngo,
    /// A news agency or other media outlet.
    Media,
    /// A person.
    Person,
    /// A place: a province, city, town, airport, base or building.
    Place,
    /// A ceasefire, truce or other agreement.
    Agreement,
    /// People acting as a crowd or a population rather than as an
    /// organisation: protesters, rioters, civilians, as event datasets such
    /// as ACLED name them ("Protesters (Syria)", "Civilians (Syria)").
    Population,
}

impl ActorKind {
    /// Every kind, in declaration order.
    pub const ALL: [ActorKind; 14] = [
        ActorKind::State,
        ActorKind::Government,
        ActorKind::ArmedForces,
        ActorKind::ArmedGroup,
        ActorKind::Coalition,
        ActorKind::Militia,
        ActorKind::PoliticalOrganization,
        ActorKind::InternationalOrganization,
        ActorKind::Ngo,
        ActorKind::Media,
        ActorKind::Person,
        ActorKind::Place,
        ActorKind::Agreement,
        ActorKind::Population,
    ];

    /// The kind in plain words, such as `armed group`.
    pub fn label(self) -> &'static str {
        match self {
            ActorKind::State => "state",
            ActorKind::Government => "government",
            ActorKind::ArmedForces => "armed forces",
            ActorKind::ArmedGroup => "armed group",
            ActorKind::Coalition => "coalition",
            ActorKind::Militia => "militia",
            ActorKind::PoliticalOrganization => "political organization",
            ActorKind::InternationalOrganization => "international organization",
            ActorKind::Ngo => "ngo or monitor",
            ActorKind::Media => "media outlet",
            ActorKind::Person => "person",
            ActorKind::Place => "place",
            ActorKind::Agreement => "agreement",
            ActorKind::Population => "population group",
        }
    }
}

impl fmt::Display for ActorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = self.label();
        let article = if label.starts_with(['a', 'e', 'i', 'o', 'u']) {
            "an"
        } else {
            "a"
        };
        write!(f, "{article} {label}")
    }
}

/// The kinds of relation between two actors.
///
/// A relation reads "subject *kind* object": `iran Backs assad_government`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub enum RelationKind {
    /// The subject supports the object with arms, money, troops or diplomacy.
    Backs,
    /// The subject fights or works against the object.
    Opposes,
    /// Subject and object are allies; symmetric.
    AlliedWith,
    /// Subject and object coordinate operations without a formal alliance; symmetric.
    CoordinatesWith,
    /// The subject is affiliated with (a branch or franchise of) the object.
    AffiliatedWith,
    /// The subject leads or commands the object.
    Leads,
    /// The subject is a member or part of the object.
    MemberOf,
    /// The subject speaks for the object.
    SpeaksFor,
    /// The subject controls the object, a place.
    Controls,
    /// The subject attacks or strikes the object.
    Attacks,
    /// The subject designates the object a terrorist organization.
    DesignatesTerrorist,
    /// The subject founded or helped found the object.
    Founded,
    /// The subject split or broke from the object.
    SplitFrom,
    /// The subject merged into the object.
    MergedInto,
    /// The subject brokered the object, an agreement.
    Brokered,
    /// The subject, a place, lies within the object, a place.
    LocatedIn,
    /// The subject is a party to the object, an agreement.
    PartyTo,
    /// The subject killed the object, a person (an event).
    Killed,
    /// Subject and object compete for the same ground or following without
    /// fighting each other outright: rivalry, not opposition; symmetric.
    CompetesWith,
    /// The subject, an organization or person, is based in or comes from
    /// the object, a state or place: where it is, not whom it serves.
    BasedIn,
    /// The subject publicly condemned the object (an event).
    Condemns,
    /// The subject withdrew from the object, a place (an event).
    WithdrewFrom,
    /// Subject and object met or held talks, in person or by telephone (an
    /// event); symmetric.
    MetWith,
    /// The subject publicly called on the object to act: a demand, an
    /// appeal (an event).
    CallsOn,
    /// The subject, a new organization, succeeds the object, a dissolved
    /// one, taking up its members or its role (an event, dated by when the
    /// succession happened). Unlike [`RelationKind::MergedInto`], the object
    /// does not join a body that already exists: it ends, and the subject
    /// begins in its place.
    Succeeds,
    /// Subject and object fought each other: an armed clash or battle (an
    /// event); symmetric, since a report of a battle often does not say
    /// who attacked whom (ACLED: "Actor 1 and Actor 2 do not imply
    /// directionality").
    ClashesWith,
    /// Subject and object were the two sides of an event that a dataset
    /// records without saying who did what to whom: violence against
    /// civilians, a riot, an explosion, a strategic development (an
    /// event); symmetric. What happened is in the relation's note and
    /// quote.
    InvolvedWith,
    /// The subject took part in an event in the object, a place, that
    /// names no other side: a protest, a one-sided strike, a base
    /// established (an event).
    ActiveIn,
    /// The subject joined the object, an alliance, front or group (an
    /// event). Joining a group that the subject then ceases to be apart
    /// from is [`RelationKind::MergedInto`].
    Joined,
}

impl RelationKind {
    /// Every kind, in declaration order.
    pub const ALL: [RelationKind; 29] = [
        RelationKind::Backs,
        RelationKind::Opposes,
        RelationKind::AlliedWith,
        RelationKind::CoordinatesWith,
        RelationKind::AffiliatedWith,
        RelationKind::Leads,
        RelationKind::MemberOf,
        RelationKind::SpeaksFor,
        RelationKind::Controls,
        RelationKind::Attacks,
        RelationKind::DesignatesTerrorist,
        RelationKind::Founded,
        RelationKind::SplitFrom,
        RelationKind::MergedInto,
        RelationKind::Brokered,
        RelationKind::LocatedIn,
        RelationKind::PartyTo,
        RelationKind::Killed,
        RelationKind::CompetesWith,
        RelationKind::BasedIn,
        RelationKind::Condemns,
        RelationKind::WithdrewFrom,
        RelationKind::MetWith,
        RelationKind::CallsOn,
        RelationKind::Succeeds,
        RelationKind::ClashesWith,
        RelationKind::InvolvedWith,
        RelationKind::ActiveIn,
        RelationKind::Joined,
    ];

    /// Whether the kind is an *event*, which happens on a day (`on`), or a
    /// *state*, which holds over an interval (`from`, `until`).
    ///
    /// Events: attacks, founded, split from, merged into, brokered, killed,
    /// condemns, withdrew from, met with, calls on, succeeds. Every other
    /// kind is a state.
    pub fn is_event(self) -> bool {
        matches!(
            self,
            RelationKind::Attacks
                | RelationKind::Founded
                | RelationKind::SplitFrom
                | RelationKind::MergedInto
                | RelationKind::Brokered
                | RelationKind::Killed
                | RelationKind::Condemns
                | RelationKind::WithdrewFrom
                | RelationKind::MetWith
                | RelationKind::CallsOn
                | RelationKind::Succeeds
                | RelationKind::ClashesWith
                | RelationKind::InvolvedWith
                | RelationKind::ActiveIn
                | RelationKind::Joined
        )
    }

    /// Whether "a *kind* b" means the same as "b *kind* a".
    pub fn is_symmetric(self) -> bool {
        matches!(
            self,
            RelationKind::AlliedWith
                | RelationKind::CoordinatesWith
                | RelationKind::CompetesWith
                | RelationKind::MetWith
                | RelationKind::ClashesWith
                | RelationKind::InvolvedWith
        )
    }

    /// The kind as a verb phrase, such as `backs` or `is allied with`.
    pub fn verb(self) -> &'static str {
        match self {
            RelationKind::Backs => "backs",
            RelationKind::Opposes => "opposes",
            RelationKind::AlliedWith => "is allied with",
            RelationKind::CoordinatesWith => "coordinates with",
            RelationKind::AffiliatedWith => "is affiliated with",
            RelationKind::Leads => "leads",
            RelationKind::MemberOf => "is a member of",
            RelationKind::SpeaksFor => "speaks for",
            RelationKind::Controls => "controls",
            RelationKind::Attacks => "attacks",
            RelationKind::DesignatesTerrorist => "designates as terrorist",
            RelationKind::Founded => "founded",
            RelationKind::SplitFrom => "split from",
            RelationKind::MergedInto => "merged into",
            RelationKind::Brokered => "brokered",
            RelationKind::LocatedIn => "lies in",
            RelationKind::PartyTo => "is a party to",
            RelationKind::Killed => "killed",
            RelationKind::CompetesWith => "competes with",
            RelationKind::BasedIn => "is based in",
            RelationKind::Condemns => "condemns",
            RelationKind::WithdrewFrom => "withdrew from",
            RelationKind::MetWith => "met with",
            RelationKind::CallsOn => "called on",
            RelationKind::Succeeds => "succeeds",
            RelationKind::ClashesWith => "clashed with",
            RelationKind::InvolvedWith => "took part in an event with",
            RelationKind::ActiveIn => "took part in an event in",
            RelationKind::Joined => "joined",
        }
    }

    /// The kind as a short snake-case word, as accepted by [`str::parse`].
    pub fn name(self) -> &'static str {
        match self {
            RelationKind::Backs => "backs",
            RelationKind::Opposes => "opposes",
            RelationKind::AlliedWith => "allied_with",
            RelationKind::CoordinatesWith => "coordinates_with",
            RelationKind::AffiliatedWith => "affiliated_with",
            RelationKind::Leads => "leads",
            RelationKind::MemberOf => "member_of",
            RelationKind::SpeaksFor => "speaks_for",
            RelationKind::Controls => "controls",
            RelationKind::Attacks => "attacks",
            RelationKind::DesignatesTerrorist => "designates_terrorist",
            RelationKind::Founded => "founded",
            RelationKind::SplitFrom => "split_from",
            RelationKind::MergedInto => "merged_into",
            RelationKind::Brokered => "brokered",
            RelationKind::LocatedIn => "located_in",
            RelationKind::PartyTo => "party_to",
            RelationKind::Killed => "killed",
            RelationKind::CompetesWith => "competes_with",
            RelationKind::BasedIn => "based_in",
            RelationKind::Condemns => "condemns",
            RelationKind::WithdrewFrom => "withdrew_from",
            RelationKind::MetWith => "met_with",
            RelationKind::CallsOn => "calls_on",
            RelationKind::Succeeds => "succeeds",
            RelationKind::ClashesWith => "clashes_with",
            RelationKind::InvolvedWith => "involved_with",
            RelationKind::ActiveIn => "active_in",
            RelationKind::Joined => "joined",
        }
    }
}

impl fmt::Display for RelationKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.verb())
    }
}

impl std::str::FromStr for RelationKind {
    type Err = String;

    /// Parses a snake-case kind (`allied_with`) or its RON name (`AlliedWith`).
    fn from_str(s: &str) -> Result<RelationKind, String> {
        let wanted: String = s.trim().chars().filter(|c| *c != '_').collect();
        RelationKind::ALL
            .into_iter()
            .find(|k| k.name().replace('_', "").eq_ignore_ascii_case(&wanted))
            .ok_or_else(|| format!("unknown relation kind {s:?}"))
    }
}

/// Which way along a relation a query looks from an actor.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Direction {
    /// Relations whose subject is the actor: "whom it backs".
    Outgoing,
    /// Relations whose object is the actor: "who backs it".
    Incoming,
}
