//! A dataset lint: warnings a reader of the sources would raise.

use std::collections::HashMap;
use std::fmt;

use crate::base::date::{Holding, Interval, When};
use crate::base::death::Death;
use crate::base::few::Few;
use crate::base::grade::Credibility;
use crate::base::model::{RelationKind, Stance, Warning};
use crate::graph::ActorGraph;
use crate::view::{Evidence, RelationRef};

use super::evidence::{names_of, normalize_quote};

/// One warning about one relation, or one of its citations.
#[derive(Clone, Debug)]
pub struct Finding<'g> {
    /// What kind of warning.
    pub warning: Warning,
    /// The relation at fault.
    pub relation: RelationRef<'g>,
    /// The citation at fault, for warnings about a quote.
    pub citation: Option<Evidence<'g>>,
    /// What is wrong, naming the items involved, and what to do.
    pub message: String,
    /// The author's reason, when the author acknowledged this warning on
    /// the item.
    pub acknowledged: Option<&'g str>,
}

impl fmt::Display for Finding<'_> {
    /// `relation "r" (citation of source "s"): message`, with the author's
    /// reason when acknowledged.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}: relation {:?}", self.warning, self.relation.id())?;
        if let Some(citation) = &self.citation {
            write!(
                f,
                " (citation of source {:?})",
                citation.source().id.as_str()
            )?;
        }
        write!(f, ": {}", self.message)?;
        if let Some(reason) = self.acknowledged {
            write!(f, " [acknowledged: {reason}]")?;
        }
        Ok(())
    }
}

/// What [`lint`] found: warnings, and warnings the author acknowledged.
#[derive(Clone, Default)]
pub struct Lint<'g> {
    findings: Vec<Finding<'g>>,
}

impl<'g> Lint<'g> {
    /// Warnings nobody acknowledged: what an author should look at.
    pub fn warnings(&self) -> impl Iterator<Item = &Finding<'g>> {
        self.findings.iter().filter(|f| f.acknowledged.is_none())
    }

    /// Warnings the author acknowledged on the item, with a reason.
    pub fn acknowledged(&self) -> impl Iterator<Item = &Finding<'g>> {
        self.findings.iter().filter(|f| f.acknowledged.is_some())
    }

    /// Whether nothing unacknowledged was found.
    pub fn is_clean(&self) -> bool {
        self.warnings().next().is_none()
    }
}

/// Lints every relation of `graph`, warning when:
///
/// - a quote names neither end of its relation by any name, alias or
///   former name ([`Warning::QuoteNamesNeitherEnd`]);
/// - a state starts on exactly the publication day of its earliest
///   supporting source, which is usually when it was reported, not when it
///   began ([`Warning::StartIsReportDate`]; write `"[..DAY]"` instead). A
///   source dated only by a range has no such day, so a start equal to its
///   range is the author's own bound and is not flagged;
/// - two states of the same kind between the same actors overlap in time
///   ([`Warning::Overlap`]);
/// - an event is dated after the earliest source that reports it
///   ([`Warning::EventAfterReport`]);
/// - a state of a person possibly runs past their death
///   ([`Warning::PastDeath`]; one that certainly does is refused when
///   loading);
/// - a citation is graded credibility 1, "confirmed by other sources", on
///   a relation that only one claimant supports
///   ([`Warning::ConfirmedByOneClaimant`]; claimants counted as
///   [`RelationRef::independent_claimants`] does);
/// - a citation is graded for credibility but its reliability is not:
///   neither its source nor an actor it names as claimant is graded
///   ([`Warning::GradeWithoutSourceReliability`]);
/// - a state rests only on citations graded credibility 5 or 6
///   ([`Warning::RestsOnWeakGrades`]; an ungraded citation is not a grade
///   and keeps the warning away, so an ungraded dataset never has it).
///
/// A warning the author judged wrong for an item is acknowledged on it
/// (`acknowledged: [(warning: StartIsReportDate, reason: "...")]`) and is
/// listed as acknowledged, not as a warning.
///
/// # Complexity
///
/// O(R + C·q) for R relations and C citations of q characters, plus the
/// pairs of relations between the same actors.
///
/// # Example
///
/// ```
/// use actorgraph::{ActorGraph, Warning, algo};
///
/// let graph = ActorGraph::from_ron(r#"(
///     sources: [(id: "s", title: "Report", published: "2024-11-28")],
///     actors: [(id: "a", name: "Alpha", kind: State), (id: "b", name: "Beta", kind: Militia)],
///     relations: [(id: "a_backs_b", kind: Backs, subject: "a", object: "b",
///         from: "2024-11-28", citations: [(source: "s", quote: "Alpha armed Beta")])],
/// )"#)?;
/// let lint = algo::lint(&graph);
/// let found: Vec<Warning> = lint.warnings().map(|f| f.warning).collect();
/// assert_eq!(found, [Warning::StartIsReportDate]);
/// # Ok::<(), actorgraph::Error>(())
/// ```
pub fn lint(graph: &ActorGraph) -> Lint<'_> {
    let deaths = deaths(graph);
    let mut findings = Vec::new();
    for relation in graph.relations() {
        quotes_name_an_end(relation, &mut findings);
        start_is_report_date(relation, &mut findings);
        event_after_report(relation, &mut findings);
        past_death(relation, &deaths, &mut findings);
        grades(relation, &mut findings);
    }
    overlaps(graph, &mut findings);
    Lint { findings }
}

/// Files a finding, acknowledged when the relation (or the citation)
/// carries an acknowledgement of the same warning.
fn push<'g>(
    findings: &mut Vec<Finding<'g>>,
    warning: Warning,
    relation: RelationRef<'g>,
    citation: Option<Evidence<'g>>,
    message: String,
) {
    let on_citation = citation.iter().flat_map(|c| c.acknowledged());
    let acknowledged = relation
        .acknowledged()
        .iter()
        .chain(on_citation)
        .find(|a| a.warning == warning)
        .map(|a| a.reason.as_str());
    findings.push(Finding {
        warning,
        relation,
        citation,
        message,
        acknowledged,
    });
}

fn quotes_name_an_end<'g>(relation: RelationRef<'g>, findings: &mut Vec<Finding<'g>>) {
    let (subject, object) = (relation.subject(), relation.object());
    let names: Vec<String> = names_of(subject)
        .into_iter()
        .chain(names_of(object))
        .collect();
    for citation in relation.citations() {
        let quote = normalize_quote(citation.quote());
        if !names.iter().any(|n| quote.contains(n.as_str())) {
            let message = format!(
                "the quote names neither {:?} nor {:?} by any name or alias",
                subject.name, object.name
            );
            push(
                findings,
                Warning::QuoteNamesNeitherEnd,
                relation,
                Some(citation),
                message,
            );
        }
    }
}

/// The three warnings about grades.
fn grades<'g>(relation: RelationRef<'g>, findings: &mut Vec<Finding<'g>>) {
    let mut claimants = None;
    for citation in relation.citations() {
        let Some(credibility) = citation.credibility() else {
            continue;
        };
        if credibility == Credibility::Confirmed && citation.stance() == Stance::Supports {
            let count = *claimants.get_or_insert_with(|| relation.independent_claimants());
            if count < 2 {
                let message = format!(
                    "the citation is graded 1, confirmed by other sources, but only {count} claimant \
                     supports the relation: cite the others, or grade it 2"
                );
                push(
                    findings,
                    Warning::ConfirmedByOneClaimant,
                    relation,
                    Some(citation),
                    message,
                );
            }
        }
        if citation.reliability().is_none() {
            let message = format!(
                "the citation is graded credibility {credibility} but source {:?} has no \
                 reliability: grade the source too",
                citation.source().id.as_str()
            );
            push(
                findings,
                Warning::GradeWithoutSourceReliability,
                relation,
                Some(citation),
                message,
            );
        }
    }
    if relation.is_event() {
        return;
    }
    let mut supporting = relation
        .citations()
        .filter(|c| c.stance() == Stance::Supports)
        .peekable();
    let weak = supporting.peek().is_some()
        && supporting.all(|c| {
            c.credibility()
                .is_some_and(|g| g >= Credibility::Improbable)
        });
    if weak {
        let message = "every citation supporting the state is graded credibility 5 or 6: \
                       find better evidence, or say why it stands"
            .to_owned();
        push(
            findings,
            Warning::RestsOnWeakGrades,
            relation,
            None,
            message,
        );
    }
}

/// The publication of the earliest source supporting the relation.
fn earliest_report(relation: RelationRef<'_>) -> Option<When> {
    relation
        .citations()
        .filter(|c| c.stance() == Stance::Supports)
        .map(|c| c.source().published)
        .min()
}

fn start_is_report_date<'g>(relation: RelationRef<'g>, findings: &mut Vec<Finding<'g>>) {
    if relation.is_event() {
        return;
    }
    let (Some(start), Some(report)) = (relation.interval().start(), earliest_report(relation))
    else {
        return;
    };
    // Only a report printed with its day can be copied into a start by
    // mistake; a start equal to a ranged report is a range the author
    // bounded, such as "after the launch and by the report".
    if start == report && report.as_partial().is_some() {
        let message = format!(
            "the start {start} is the publication day of its earliest source; \
             if the text does not date the start, write \"[..{start}]\" (on or before)"
        );
        push(
            findings,
            Warning::StartIsReportDate,
            relation,
            None,
            message,
        );
    }
}

fn event_after_report<'g>(relation: RelationRef<'g>, findings: &mut Vec<Finding<'g>>) {
    let (Some(on), Some(report)) = (relation.happened_on(), earliest_report(relation)) else {
        return;
    };
    if report.last_day().is_some_and(|last| on.first_day() > last) {
        let message = format!("dated {on}, after its earliest source appeared ({report})");
        push(findings, Warning::EventAfterReport, relation, None, message);
    }
}

/// Each person's earliest recorded death, by actor order.
fn deaths(graph: &ActorGraph) -> HashMap<usize, Death> {
    graph
        .actor_handles()
        .filter_map(|actor| Some((actor.order(), actor.death()?)))
        .collect()
}

fn past_death<'g>(
    relation: RelationRef<'g>,
    deaths: &HashMap<usize, Death>,
    findings: &mut Vec<Finding<'g>>,
) {
    if relation.is_event() {
        return;
    }
    let interval = relation.interval();
    for actor in [relation.subject(), relation.object()] {
        let Some(death) = deaths.get(&actor.order()) else {
            continue;
        };
        // Certainly running past is refused when the graph is built; what
        // only may is for the author to look at.
        if interval.runs_past(death.died()) == Holding::Possibly {
            let message = format!(
                "may run past the death of {:?} ({death}); end it by then",
                actor.name
            );
            push(findings, Warning::PastDeath, relation, None, message);
        }
    }
}

/// Whether two intervals share a day under some reading of their dates.
fn overlap(a: Interval, b: Interval) -> bool {
    a.possible_from() < b.possible_until() && b.possible_from() < a.possible_until()
}

fn overlaps<'g>(graph: &'g ActorGraph, findings: &mut Vec<Finding<'g>>) {
    let mut by_pair: HashMap<(RelationKind, usize, usize), Vec<RelationRef<'g>>> = HashMap::new();
    for relation in graph.relations().filter(|r| !r.is_event()) {
        let (mut a, mut b) = (relation.subject().order(), relation.object().order());
        if relation.kind().is_symmetric() && b < a {
            std::mem::swap(&mut a, &mut b);
        }
        by_pair
            .entry((relation.kind(), a, b))
            .or_default()
            .push(relation);
    }
    let mut pairs: Vec<_> = by_pair.into_values().filter(|g| g.len() > 1).collect();
    pairs.sort_by_key(|g| g[0].order());
    for group in pairs {
        for (i, first) in group.iter().enumerate() {
            for second in &group[i + 1..] {
                if overlap(first.interval(), second.interval()) {
                    let message = format!(
                        "overlaps relation {:?} of the same kind between the same actors \
                         ({} and {}); merge them or date them apart",
                        second.id(),
                        first.interval(),
                        second.interval()
                    );
                    push(findings, Warning::Overlap, *first, None, message);
                }
            }
        }
    }
}

// By hand: a lint of a large file may find thousands of things.
impl fmt::Debug for Lint<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Lint")
            .field("findings", &Few(&self.findings))
            .finish()
    }
}
