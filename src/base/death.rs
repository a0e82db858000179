//! A person's death as the data tells it, and the one rule for what it
//! bars: validation refuses a state that certainly runs past the earliest
//! recorded death, and the lint warns of one that only may.

use std::fmt;

use super::date::When;

/// When a person died, and what says so: its `died` field or a killing.
///
/// # Example
///
/// ```
/// use actorgraph::{ActorGraph, Holding};
///
/// let graph = ActorGraph::from_ron(r#"(
///     sources: [(id: "s", title: "S", published: "2020-05")],
///     actors: [(id: "p", name: "Pat", kind: Person, died: "2020-03"),
///              (id: "g", name: "Group", kind: ArmedGroup)],
///     relations: [(id: "p_leads_g", kind: Leads, subject: "p", object: "g",
///         from: "2019", until: "2020", citations: [(source: "s", quote: "Pat led the Group")])],
/// )"#)?;
/// let death = graph.resolve("Pat")?.death().expect("a recorded death");
/// assert_eq!(death.died().to_string(), "2020-03");
/// assert_eq!(death.told_by(), "its `died` field");
/// let leads = graph.relation("p_leads_g")?;
/// assert_eq!(leads.interval().runs_past(death.died()), Holding::Possibly);
/// # Ok::<(), actorgraph::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Death {
    died: When,
    told_by: String,
}

impl Death {
    /// A death given by the actor's `died` field.
    pub(crate) fn recorded(died: When) -> Death {
        Death {
            died,
            told_by: "its `died` field".to_owned(),
        }
    }

    /// A death given by a `Killed` relation `relation`, on `on`.
    pub(crate) fn killed(relation: &str, on: When) -> Death {
        Death {
            died: on,
            told_by: format!("relation {relation:?}"),
        }
    }

    /// When the person died.
    pub fn died(&self) -> When {
        self.died
    }

    /// What says so: `its `died` field`, or `relation "id"` for a killing.
    pub fn told_by(&self) -> &str {
        &self.told_by
    }

    /// Of two accounts of one death, the one that bars more: the one whose
    /// last possible day comes first; the first given on a tie.
    pub(crate) fn earlier(self, other: Death) -> Death {
        if other.died.last_or_never() < self.died.last_or_never() {
            other
        } else {
            self
        }
    }
}

impl fmt::Display for Death {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}, by {}", self.died, self.told_by)
    }
}
