//! Graphviz DOT export of a view.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::fmt::Write as _;

use crate::algo::{ChainOptions, blocs};
use crate::base::date::Holding;
use crate::base::error::Error;
use crate::base::model::{Actor, ActorKind, RelationKind};
use crate::view::{ActorRef, RelationRef, View};

/// What to draw, and how.
///
/// # Example
///
/// ```
/// use actorgraph::{ActorGraph, RelationKind, dot};
///
/// let graph = ActorGraph::embedded()?;
/// let options = dot::DotOptions::default().kinds([RelationKind::Backs, RelationKind::Opposes]);
/// let dot = dot::to_dot(graph.at("2024-11-30".parse()?), &options)?;
/// assert!(dot.starts_with("digraph actorgraph {"));
/// assert!(dot.contains("\"iran\" -> \"hezbollah\""));
/// # Ok::<(), actorgraph::Error>(())
/// ```
#[derive(Clone, Debug, Default)]
pub struct DotOptions {
    kinds: Option<Vec<RelationKind>>,
    actors: Option<Vec<String>>,
    show_ended: bool,
    events: bool,
    without_outsiders: bool,
    without_edge_labels: bool,
    clusters: bool,
    without_legend: bool,
    title: Option<String>,
}

impl DotOptions {
    /// Draws only relations of these kinds (default: every kind).
    pub fn kinds(mut self, kinds: impl IntoIterator<Item = RelationKind>) -> DotOptions {
        self.kinds = Some(kinds.into_iter().collect());
        self
    }

    /// Draws only relations that touch one of these actors (ids or names).
    pub fn actors(mut self, actors: impl IntoIterator<Item = impl Into<String>>) -> DotOptions {
        self.actors = Some(actors.into_iter().map(Into::into).collect());
        self
    }

    /// Also draws relations that had ended by the view's day, faded and dashed.
    pub fn show_ended(mut self, show: bool) -> DotOptions {
        self.show_ended = show;
        self
    }

    /// Also draws the events that happened on or before the view's day,
    /// each labelled with its date (default: states only).
    pub fn events(mut self, events: bool) -> DotOptions {
        self.events = events;
        self
    }

    /// Draws every actor (the default), or only those in a
    /// [bloc](crate::algo::blocs): inside the conflict (think tanks,
    /// monitors, media and places stay out) and standing with or against
    /// someone on the day, for a picture of the camps alone.
    pub fn outsiders(mut self, outsiders: bool) -> DotOptions {
        self.without_outsiders = !outsiders;
        self
    }

    /// Labels each edge with its kind and dates (the default), or leaves
    /// labels to the tooltips and the legend, for an overview that stays
    /// legible when scaled down.
    pub fn edge_labels(mut self, labels: bool) -> DotOptions {
        self.without_edge_labels = !labels;
        self
    }

    /// Whether edges are labelled.
    pub fn get_edge_labels(&self) -> bool {
        !self.without_edge_labels
    }

    /// Whether actors outside the conflict are drawn.
    pub fn get_outsiders(&self) -> bool {
        !self.without_outsiders
    }

    /// Draws the blocs of [`blocs`](crate::algo::blocs) (default links) as clusters.
    pub fn clusters(mut self, clusters: bool) -> DotOptions {
        self.clusters = clusters;
        self
    }

    /// Draws a legend of shapes and colours (the default) or leaves it out.
    pub fn legend(mut self, legend: bool) -> DotOptions {
        self.without_legend = !legend;
        self
    }

    /// Sets the title drawn above the graph (default: the view's dates).
    pub fn title(mut self, title: impl Into<String>) -> DotOptions {
        self.title = Some(title.into());
        self
    }

    /// The kinds drawn; `None` for every kind.
    pub fn get_kinds(&self) -> Option<&[RelationKind]> {
        self.kinds.as_deref()
    }

    /// The actors whose relations are drawn; `None` for every actor.
    pub fn get_actors(&self) -> Option<&[String]> {
        self.actors.as_deref()
    }

    /// Whether relations that had ended are drawn.
    pub fn get_show_ended(&self) -> bool {
        self.show_ended
    }

    /// Whether events are drawn.
    pub fn get_events(&self) -> bool {
        self.events
    }

    /// Whether blocs are drawn as clusters.
    pub fn get_clusters(&self) -> bool {
        self.clusters
    }

    /// Whether the legend is drawn.
    pub fn get_legend(&self) -> bool {
        !self.without_legend
    }

    /// The title, if one was set.
    pub fn get_title(&self) -> Option<&str> {
        self.title.as_deref()
    }
}

/// Escapes text for a double-quoted DOT string shown as a label or tooltip.
///
/// Backslashes and quotes are escaped, every line break becomes `\n`, and
/// other control characters (which Graphviz cannot show) become U+FFFD.
/// `&` becomes `&amp;`, because Graphviz reads character entities even in
/// plain labels: without it a name containing `&lt;` would show as `<`.
///
/// # Example
///
/// ```
/// use actorgraph::dot::escape;
///
/// assert_eq!(escape("Say \"hi\"\\"), "Say \\\"hi\\\"\\\\");
/// assert_eq!(escape("a\r\nb"), "a\\nb");
/// assert_eq!(escape("AT&T"), "AT&amp;T");
/// ```
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => out.push_str("\\\""),
            '&' => out.push_str("&amp;"),
            '\\' => out.push_str("\\\\"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            '\t' => out.push(' '),
            c if c.is_control() => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// The shape and fill colour an actor kind is drawn with.
fn node_style(kind: ActorKind) -> (&'static str, &'static str) {
    match kind {
        ActorKind::State => ("box3d", "#dbe9f6"),
        ActorKind::Government => ("house", "#dbe9f6"),
        ActorKind::ArmedForces => ("box", "#e8eef3"),
        ActorKind::ArmedGroup => ("hexagon", "#fde2c8"),
        ActorKind::Coalition => ("tab", "#fde2c8"),
        ActorKind::Militia => ("octagon", "#f9d3d3"),
        ActorKind::PoliticalOrganization => ("component", "#eadcf5"),
        ActorKind::InternationalOrganization => ("doubleoctagon", "#e3f1e3"),
        ActorKind::Ngo => ("note", "#f5f5dc"),
        ActorKind::Media => ("cds", "#f0f0f0"),
        ActorKind::Person => ("ellipse", "#ffffff"),
        ActorKind::Place => ("cylinder", "#e6f2e6"),
        ActorKind::Agreement => ("parallelogram", "#fff4c2"),
        ActorKind::Population => ("egg", "#f2efe9"),
    }
}

/// The colour and line style a relation kind is drawn with.
fn edge_style(kind: RelationKind) -> (&'static str, &'static str) {
    match kind {
        RelationKind::Backs => ("#1b7f3b", "bold"),
        RelationKind::Opposes => ("#c1121f", "solid"),
        RelationKind::AlliedWith => ("#1d4ed8", "bold"),
        RelationKind::CoordinatesWith => ("#1d4ed8", "dashed"),
        RelationKind::AffiliatedWith => ("#7b2cbf", "solid"),
        RelationKind::Leads => ("#222222", "solid"),
        RelationKind::MemberOf => ("#6c757d", "solid"),
        RelationKind::SpeaksFor => ("#6c757d", "dotted"),
        RelationKind::Controls => ("#e76f00", "bold"),
        RelationKind::Attacks => ("#8b0000", "dashed"),
        RelationKind::DesignatesTerrorist => ("#795548", "dotted"),
        RelationKind::Founded => ("#00838f", "solid"),
        RelationKind::SplitFrom => ("#d81b60", "dashed"),
        RelationKind::MergedInto => ("#00838f", "dashed"),
        RelationKind::Brokered => ("#b8860b", "solid"),
        RelationKind::LocatedIn => ("#9e9e9e", "dotted"),
        RelationKind::PartyTo => ("#b8860b", "dashed"),
        RelationKind::Killed => ("#4a0000", "bold"),
        RelationKind::CompetesWith => ("#e07a5f", "dashed"),
        RelationKind::BasedIn => ("#9e9e9e", "dashed"),
        RelationKind::Condemns => ("#795548", "dashed"),
        RelationKind::WithdrewFrom => ("#e76f00", "dotted"),
        RelationKind::MetWith => ("#0077b6", "dotted"),
        RelationKind::CallsOn => ("#6a4c93", "dotted"),
        RelationKind::Succeeds => ("#00838f", "dotted"),
        RelationKind::ClashesWith => ("#8b0000", "bold"),
        RelationKind::InvolvedWith => ("#a05a2c", "dashed"),
        RelationKind::ActiveIn => ("#9e9e9e", "dotted"),
        RelationKind::Joined => ("#6c757d", "dashed"),
    }
}

/// Writes the view as a Graphviz DOT digraph.
///
/// Node ids are the actor ids, shapes follow the actor kind and edge
/// colours and styles the relation kind; symmetric relations are drawn
/// without arrowheads. Each edge's label gives its kind and dates (an
/// event's day), marked "(possibly)" when it only possibly held and
/// "(contested)" when disputed; its tooltip the citations, so an SVG shows
/// the quotes on hover. Events are drawn only when
/// [`DotOptions::events`] asks. Output is deterministic: the same graph
/// and options give the same bytes.
///
/// # Errors
///
/// As [`ActorGraph::resolve`](crate::ActorGraph::resolve) for a name in
/// [`DotOptions::actors`].
///
/// # Complexity
///
/// O(R + A) for R relations and A actors.
pub fn to_dot(view: View<'_>, options: &DotOptions) -> Result<String, Error> {
    let graph = view.graph();
    let focus: Option<Vec<ActorRef<'_>>> = match &options.actors {
        None => None,
        Some(names) => Some(
            names
                .iter()
                .map(|n| graph.resolve(n))
                .collect::<Result<_, _>>()?,
        ),
    };
    let focus_orders: Option<HashSet<usize>> = focus
        .as_ref()
        .map(|f| f.iter().map(|a| a.order()).collect());
    // Without outsiders, only actors in a bloc: those inside the conflict
    // that stand with or against someone on the day.
    let in_blocs: HashSet<usize> = if options.without_outsiders {
        blocs(view, &ChainOptions::default())
            .iter()
            .flatten()
            .map(|a| a.order())
            .collect()
    } else {
        HashSet::new()
    };
    let inside = |r: &RelationRef<'_>| {
        !options.without_outsiders
            || (in_blocs.contains(&r.subject().order()) && in_blocs.contains(&r.object().order()))
    };
    let wanted = |r: &RelationRef<'_>| {
        inside(r)
            && options.kinds.as_ref().is_none_or(|k| k.contains(&r.kind()))
            && focus_orders
                .as_ref()
                .is_none_or(|f| f.contains(&r.subject().order()) || f.contains(&r.object().order()))
    };
    let mut edges: Vec<(RelationRef<'_>, bool)> = view
        .relations()
        .filter(&wanted)
        .map(|r| (r, false))
        .collect();
    if options.show_ended {
        edges.extend(view.formerly().filter(&wanted).map(|r| (r, true)));
    }
    if options.events {
        edges.extend(view.events().filter(&wanted).map(|r| (r, false)));
    }
    edges.sort_by_key(|(r, _)| r.order());

    // By dataset order, so output is stable.
    let mut drawn: BTreeMap<usize, ActorRef<'_>> = BTreeMap::new();
    for (r, _) in &edges {
        for actor in [r.subject(), r.object()] {
            drawn.insert(actor.order(), actor);
        }
    }
    for &actor in focus.iter().flatten() {
        drawn.insert(actor.order(), actor);
    }

    let mut out = String::new();
    let title = options.title.clone().unwrap_or_else(|| {
        let mut t = format!("as of {}", view.day());
        if let Some(k) = view.knowledge_date() {
            let _ = write!(t, ", as reported by {k}");
        }
        t
    });
    out.push_str("digraph actorgraph {\n");
    // Labelled edges need room beside them, read left to right; without
    // labels, an overview packs top to bottom in large type, so it stays
    // legible scaled down to a page's width.
    let (rankdir, nodesep, ranksep, node_font) = if options.without_edge_labels {
        ("TB", 0.15, 0.5, 18)
    } else {
        ("LR", 0.35, 0.9, 11)
    };
    let _ = writeln!(
        out,
        "  graph [label=\"{}\", labelloc=t, fontsize=20, fontname=\"Helvetica\", rankdir={rankdir}, \
         nodesep={nodesep}, ranksep={ranksep}, newrank=true, charset=\"UTF-8\"];",
        escape(&title)
    );
    let _ = writeln!(
        out,
        "  node [fontname=\"Helvetica\", fontsize={node_font}, style=filled, penwidth=1.2];"
    );
    out.push_str("  edge [fontname=\"Helvetica\", fontsize=8, arrowsize=0.7];\n");

    let mut clustered: HashMap<usize, usize> = HashMap::new();
    if options.clusters {
        for (number, bloc) in blocs(view, &ChainOptions::default()).iter().enumerate() {
            let members: Vec<ActorRef<'_>> = bloc
                .iter()
                .copied()
                .filter(|a| drawn.contains_key(&a.order()))
                .collect();
            if members.len() < 2 {
                continue;
            }
            let _ = writeln!(
                out,
                "  subgraph \"cluster_bloc_{}\" {{\n    label=\"bloc {}\"; style=\"rounded,dashed\"; color=\"#999999\"; fontsize=10;",
                number + 1,
                number + 1
            );
            for actor in members {
                clustered.insert(actor.order(), number);
                node_line(&mut out, actor.record(), "    ");
            }
            out.push_str("  }\n");
        }
    }
    for (order, actor) in &drawn {
        if !clustered.contains_key(order) {
            node_line(&mut out, actor.record(), "  ");
        }
    }
    for (r, ended) in &edges {
        edge_line(&mut out, r, *ended, !options.without_edge_labels);
    }
    if !options.without_legend {
        legend(&mut out, &drawn, &edges);
    }
    out.push_str("}\n");
    Ok(out)
}

fn node_line(out: &mut String, actor: &Actor, indent: &str) {
    let (shape, fill) = node_style(actor.kind);
    let mut tooltip = format!("{} ({})", actor.name, actor.kind.label());
    if !actor.aliases.is_empty() {
        let _ = write!(tooltip, "\nalso: {}", actor.aliases.join(", "));
    }
    for former in &actor.former_names {
        let _ = write!(tooltip, "\nformerly: {}", former.name);
    }
    let _ = writeln!(
        out,
        "{indent}\"{}\" [label=\"{}\", shape={shape}, fillcolor=\"{fill}\", tooltip=\"{}\"];",
        escape(actor.id.as_str()),
        escape(&actor.name),
        escape(&tooltip)
    );
}

fn edge_line(out: &mut String, r: &RelationRef<'_>, ended: bool, labelled: bool) {
    let (colour, style) = edge_style(r.kind());
    let kind = r.kind().name().replace('_', " ");
    let mut label = match r.happened_on() {
        Some(day) => format!("{kind}\non {day}"),
        None if r.is_event() => format!("{kind}\nundated"),
        None => format!("{kind}\n{}", r.interval()),
    };
    // A reader must tell "holds" from "may hold" without the tooltip.
    if r.holding() == Some(Holding::Possibly) {
        label.push_str(if r.is_event() {
            "\n(possibly by then)"
        } else {
            "\n(possibly)"
        });
    }
    if r.is_contested() {
        label.push_str("\n(contested)");
    }
    let mut tooltip = format!("{}", r);
    for evidence in r.citations() {
        // Graded quotes show their grade; ungraded ones stay as they were.
        match evidence.grade() {
            Some(grade) => {
                let _ = write!(tooltip, "\n[{grade}] {evidence}");
            }
            None => {
                let _ = write!(tooltip, "\n{evidence}");
            }
        }
    }
    let (colour, style) = if ended {
        (format!("{colour}66"), "dashed")
    } else if r.is_contested() {
        (colour.to_owned(), "dashed")
    } else {
        (colour.to_owned(), style)
    };
    let dir = if r.kind().is_symmetric() {
        ", dir=none"
    } else {
        ""
    };
    let _ = writeln!(
        out,
        "  \"{}\" -> \"{}\" [label=\"{}\", color=\"{colour}\", fontcolor=\"{colour}\", style={style}{dir}, \
         id=\"{}\", tooltip=\"{}\", labeltooltip=\"{}\"];",
        escape(r.subject().id.as_str()),
        escape(r.object().id.as_str()),
        if labelled {
            escape(&label)
        } else {
            String::new()
        },
        escape(r.id()),
        escape(&tooltip),
        escape(&tooltip),
    );
}

fn legend(
    out: &mut String,
    drawn: &BTreeMap<usize, ActorRef<'_>>,
    edges: &[(RelationRef<'_>, bool)],
) {
    let kinds: BTreeSet<ActorKind> = drawn.values().map(|a| a.kind).collect();
    let relation_kinds: BTreeSet<RelationKind> = edges.iter().map(|(r, _)| r.kind()).collect();
    if kinds.is_empty() {
        return;
    }
    // A small table of actor kinds and relation kinds, rather than a
    // column of sample nodes as tall as the graph: the legend must not take
    // the room the camps need. Kind names are the crate's own fixed words,
    // so they need no escaping.
    let mut cells: Vec<String> = kinds
        .iter()
        .map(|kind| {
            let (shape, fill) = node_style(*kind);
            format!(
                "<td bgcolor=\"{fill}\" border=\"1\">{} ({shape})</td>",
                kind.label()
            )
        })
        .collect();
    cells.extend(relation_kinds.iter().map(|kind| {
        let (colour, style) = edge_style(*kind);
        let arrow = if kind.is_symmetric() {
            "&#8212;"
        } else {
            "&#8594;"
        };
        let dashes = match style {
            "dashed" | "dotted" => format!(" ({style})"),
            _ => String::new(),
        };
        let name = kind.name().replace('_', " ");
        format!("<td><font color=\"{colour}\">{arrow} {name}{dashes}</font></td>")
    }));
    if edges
        .iter()
        .any(|(r, _)| r.citations().any(|e| e.grade().is_some()))
    {
        cells.push(
            "<td>[B2] before a quote in a tooltip: its grade, source reliability A-F \
             and credibility 1-6</td>"
                .to_owned(),
        );
    }
    // Rows of five keep the legend a small block beside the graph.
    let rows: String = cells
        .chunks(5)
        .map(|row| format!("<tr>{}</tr>", row.concat()))
        .collect();
    let _ = writeln!(
        out,
        "  \"legend:table\" [shape=plaintext, style=\"\", fontsize=12, \
         label=<<table border=\"0\" cellspacing=\"2\" cellpadding=\"2\">{rows}</table>>];"
    );
}
