//! The signed-graph measures of a view, as node and edge attributes of the
//! exports that carry attributes (GEXF, GraphML, node-link and Cytoscape
//! JSON), when [`ExportOptions::measures`] asks for them.

use std::collections::HashMap;

use crate::algo::{self, Layer, PartitionOptions, Sign, Signs};
use crate::view::{ActorRef, RelationRef};

use super::shared::{ExportOptions, Scope};

/// Node attributes: (name, GraphML type).
pub(crate) const NODE_KEYS: &[(&str, &str)] = &[
    ("camp", "int"),
    ("degree", "int"),
    ("betweenness", "double"),
    ("closeness", "double"),
    ("eigenvector", "double"),
];

/// Edge attributes: (name, GraphML type).
pub(crate) const EDGE_KEYS: &[(&str, &str)] = &[
    ("sign", "string"),
    ("frustrated", "boolean"),
    ("unbalanced_triangles", "int"),
];

/// A value as exports write it.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Value {
    Int(usize),
    Real(f64),
    Text(&'static str),
    Flag(bool),
}

impl std::fmt::Display for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Value::Int(n) => write!(f, "{n}"),
            Value::Real(x) => write!(f, "{x}"),
            Value::Text(t) => f.write_str(t),
            Value::Flag(b) => write!(f, "{b}"),
        }
    }
}

/// The measures of one view by actor and relation order.
pub(crate) struct Measures {
    nodes: HashMap<usize, Vec<(&'static str, Value)>>,
    edges: HashMap<usize, Vec<(&'static str, Value)>>,
}

impl Measures {
    /// The attributes of `actor`: none without a signed tie; no camp for
    /// an actor apart from the largest part.
    pub(crate) fn of_actor(&self, actor: ActorRef<'_>) -> &[(&'static str, Value)] {
        self.nodes.get(&actor.order()).map_or(&[], Vec::as_slice)
    }

    /// The attributes of `relation`: none for an unsigned one.
    pub(crate) fn of_relation(&self, relation: &RelationRef<'_>) -> &[(&'static str, Value)] {
        self.edges.get(&relation.order()).map_or(&[], Vec::as_slice)
    }
}

/// The measures of a view's default signed graph (the default sign
/// table): camp of the two-camp [partition](algo::partition) (1 or 2),
/// degree, betweenness, closeness and eigenvector centrality on the whole
/// layer; per relation its tie's sign, whether the split frustrates the
/// tie, and how many unbalanced triangles run through it. `None` unless
/// the options ask for them and the scope is a view.
pub(crate) fn measures(scope: Scope<'_>, options: &ExportOptions) -> Option<Measures> {
    let Scope::View(view) = scope else {
        return None;
    };
    if !options.get_measures() {
        return None;
    }
    let signed = algo::signed(view, &Signs::default());
    let centrality = algo::centrality(&signed, Layer::Whole);
    let split = algo::partition(&signed, &PartitionOptions::default()).ok();
    let balance = algo::balance(&signed);
    let mut unbalanced = vec![0usize; signed.ties().len()];
    for triangle in balance.unbalanced() {
        for t in triangle.tie_positions() {
            unbalanced[t] += 1;
        }
    }
    let frustrated: Vec<bool> = {
        let mut f = vec![false; signed.ties().len()];
        if let Some(split) = &split {
            for &t in split.frustrated_ties() {
                f[t] = true;
            }
        }
        f
    };
    let mut nodes = HashMap::new();
    for (i, actor) in signed.actors().iter().enumerate() {
        let mut values = Vec::new();
        if let Some(camp) = split.as_ref().and_then(|s| s.camp_of(*actor)) {
            values.push(("camp", Value::Int(camp + 1)));
        }
        values.push(("degree", Value::Int(centrality.degree()[i])));
        values.push(("betweenness", Value::Real(centrality.betweenness()[i])));
        values.push(("closeness", Value::Real(centrality.closeness()[i])));
        if let Some(eigenvector) = centrality.eigenvector() {
            values.push(("eigenvector", Value::Real(eigenvector[i])));
        }
        nodes.insert(actor.order(), values);
    }
    let mut edges = HashMap::new();
    for (t, tie) in signed.ties().iter().enumerate() {
        let sign = match tie.sign() {
            Sign::Positive => "+",
            Sign::Negative => "-",
        };
        for relation in tie.positive().iter().chain(tie.negative()) {
            let values = vec![
                ("sign", Value::Text(sign)),
                ("frustrated", Value::Flag(frustrated[t])),
                ("unbalanced_triangles", Value::Int(unbalanced[t])),
            ];
            edges.insert(relation.order(), values);
        }
    }
    Some(Measures { nodes, edges })
}
