//! The snapshot's code for every enum value it writes, fixed by hand.
//!
//! Codes are not positions: a variant added to a `#[non_exhaustive]` enum
//! anywhere but last would otherwise renumber every kind in existing files
//! while their checksums still passed. Each match below is exhaustive, so a
//! new variant does not compile until it is given a new code here (never a
//! reused one), and the tests pin every code that exists.

use crate::base::grade::{Credibility, Reliability};
use crate::base::kind::{ActorKind, RelationKind};
use crate::base::model::{Stance, Warning};

/// A value's snapshot code, and back.
pub(crate) trait Code: Sized + Copy {
    /// What the value is called in an error about a bad code.
    const WHAT: &'static str;
    /// The value's code.
    fn code(self) -> u8;
    /// The value a code stands for; `None` for a code no value has.
    fn from_code(code: u8) -> Option<Self>;
}

impl Code for RelationKind {
    const WHAT: &'static str = "relation kind";

    fn code(self) -> u8 {
        match self {
            RelationKind::Backs => 0,
            RelationKind::Opposes => 1,
            RelationKind::AlliedWith => 2,
            RelationKind::CoordinatesWith => 3,
            RelationKind::AffiliatedWith => 4,
            RelationKind::Leads => 5,
            RelationKind::MemberOf => 6,
            RelationKind::SpeaksFor => 7,
            RelationKind::Controls => 8,
            RelationKind::Attacks => 9,
            RelationKind::DesignatesTerrorist => 10,
            RelationKind::Founded => 11,
            RelationKind::SplitFrom => 12,
            RelationKind::MergedInto => 13,
            RelationKind::Brokered => 14,
            RelationKind::LocatedIn => 15,
            RelationKind::PartyTo => 16,
            RelationKind::Killed => 17,
            RelationKind::CompetesWith => 18,
            RelationKind::BasedIn => 19,
            RelationKind::Condemns => 20,
            RelationKind::WithdrewFrom => 21,
            RelationKind::MetWith => 22,
            RelationKind::CallsOn => 23,
            RelationKind::Succeeds => 24,
            RelationKind::ClashesWith => 25,
            RelationKind::InvolvedWith => 26,
            RelationKind::ActiveIn => 27,
            RelationKind::Joined => 28,
        }
    }

    fn from_code(code: u8) -> Option<RelationKind> {
        RelationKind::ALL.into_iter().find(|k| k.code() == code)
    }
}

impl Code for ActorKind {
    const WHAT: &'static str = "actor kind";

    fn code(self) -> u8 {
        match self {
            ActorKind::State => 0,
            ActorKind::Government => 1,
            ActorKind::ArmedForces => 2,
            ActorKind::ArmedGroup => 3,
            ActorKind::Coalition => 4,
            ActorKind::Militia => 5,
            ActorKind::PoliticalOrganization => 6,
            ActorKind::InternationalOrganization => 7,
            ActorKind::Ngo => 8,
            ActorKind::Media => 9,
            ActorKind::Person => 10,
            ActorKind::Place => 11,
            ActorKind::Agreement => 12,
            ActorKind::Population => 13,
        }
    }

    fn from_code(code: u8) -> Option<ActorKind> {
        ActorKind::ALL.into_iter().find(|k| k.code() == code)
    }
}

impl Code for Warning {
    const WHAT: &'static str = "warning";

    fn code(self) -> u8 {
        match self {
            Warning::QuoteNamesNeitherEnd => 0,
            Warning::StartIsReportDate => 1,
            Warning::Overlap => 2,
            Warning::EventAfterReport => 3,
            Warning::PastDeath => 4,
            Warning::ConfirmedByOneClaimant => 5,
            Warning::GradeWithoutSourceReliability => 6,
            Warning::RestsOnWeakGrades => 7,
        }
    }

    fn from_code(code: u8) -> Option<Warning> {
        Warning::ALL.into_iter().find(|w| w.code() == code)
    }
}

impl Code for Stance {
    const WHAT: &'static str = "stance";

    fn code(self) -> u8 {
        match self {
            Stance::Supports => 0,
            Stance::Disputes => 1,
        }
    }

    fn from_code(code: u8) -> Option<Stance> {
        [Stance::Supports, Stance::Disputes]
            .into_iter()
            .find(|s| s.code() == code)
    }
}

impl Code for Reliability {
    const WHAT: &'static str = "reliability";

    fn code(self) -> u8 {
        match self {
            Reliability::A => 0,
            Reliability::B => 1,
            Reliability::C => 2,
            Reliability::D => 3,
            Reliability::E => 4,
            Reliability::F => 5,
        }
    }

    fn from_code(code: u8) -> Option<Reliability> {
        Reliability::ALL.into_iter().find(|r| r.code() == code)
    }
}

impl Code for Credibility {
    const WHAT: &'static str = "credibility";

    /// The digit itself, 1 to 6.
    fn code(self) -> u8 {
        match self {
            Credibility::Confirmed => 1,
            Credibility::Probable => 2,
            Credibility::Possible => 3,
            Credibility::Doubtful => 4,
            Credibility::Improbable => 5,
            Credibility::CannotBeJudged => 6,
        }
    }

    fn from_code(code: u8) -> Option<Credibility> {
        Credibility::ALL.into_iter().find(|c| c.code() == code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every code ever written, by name: a change here is a format change
    /// and needs a new snapshot version (and this table changed with it).
    #[test]
    fn no_code_changes() {
        let relation: Vec<(String, u8)> = RelationKind::ALL
            .into_iter()
            .map(|k| (format!("{k:?}"), k.code()))
            .collect();
        let expected = [
            "Backs",
            "Opposes",
            "AlliedWith",
            "CoordinatesWith",
            "AffiliatedWith",
            "Leads",
            "MemberOf",
            "SpeaksFor",
            "Controls",
            "Attacks",
            "DesignatesTerrorist",
            "Founded",
            "SplitFrom",
            "MergedInto",
            "Brokered",
            "LocatedIn",
            "PartyTo",
            "Killed",
            "CompetesWith",
            "BasedIn",
            "Condemns",
            "WithdrewFrom",
            "MetWith",
            "CallsOn",
            "Succeeds",
            "ClashesWith",
            "InvolvedWith",
            "ActiveIn",
            "Joined",
        ];
        for (name, code) in &relation {
            let pinned = expected.iter().position(|e| e == name).map(|p| p as u8);
            assert_eq!(pinned, Some(*code), "relation kind {name}");
        }
        let actor = [
            "State",
            "Government",
            "ArmedForces",
            "ArmedGroup",
            "Coalition",
            "Militia",
            "PoliticalOrganization",
            "InternationalOrganization",
            "Ngo",
            "Media",
            "Person",
            "Place",
            "Agreement",
            "Population",
        ];
        for kind in ActorKind::ALL {
            let pinned = actor.iter().position(|e| *e == format!("{kind:?}"));
            assert_eq!(
                pinned.map(|p| p as u8),
                Some(kind.code()),
                "actor kind {kind:?}"
            );
        }
        let warning = [
            "QuoteNamesNeitherEnd",
            "StartIsReportDate",
            "Overlap",
            "EventAfterReport",
            "PastDeath",
            "ConfirmedByOneClaimant",
            "GradeWithoutSourceReliability",
            "RestsOnWeakGrades",
        ];
        for w in Warning::ALL {
            let pinned = warning.iter().position(|e| *e == w.name());
            assert_eq!(pinned.map(|p| p as u8), Some(w.code()), "warning {w:?}");
        }
        assert_eq!((Stance::Supports.code(), Stance::Disputes.code()), (0, 1));
        let letters: Vec<(char, u8)> = Reliability::ALL
            .into_iter()
            .map(|r| (r.letter(), r.code()))
            .collect();
        assert_eq!(
            letters,
            [('A', 0), ('B', 1), ('C', 2), ('D', 3), ('E', 4), ('F', 5)]
        );
        for c in Credibility::ALL {
            assert_eq!(c.code(), c.digit(), "credibility {c:?}");
        }
    }

    #[test]
    fn every_code_reads_back_and_no_two_values_share_one() {
        fn check<T: Code + PartialEq + std::fmt::Debug>(all: &[T]) {
            for (i, a) in all.iter().enumerate() {
                assert_eq!(T::from_code(a.code()), Some(*a));
                for b in &all[i + 1..] {
                    assert_ne!(a.code(), b.code(), "{a:?} and {b:?}");
                }
            }
        }
        check(&RelationKind::ALL);
        check(&ActorKind::ALL);
        check(&Warning::ALL);
        check(&[Stance::Supports, Stance::Disputes]);
        check(&Reliability::ALL);
        check(&Credibility::ALL);
        assert_eq!(RelationKind::from_code(200), None);
    }
}
