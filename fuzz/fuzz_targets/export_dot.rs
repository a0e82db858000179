//! DOT export of arbitrary valid datasets: the output is well-formed DOT
//! (every quoted string closed, only known escapes, no raw line breaks),
//! and each node's label unescapes to the actor's name as exported.
#![no_main]

use actorgraph::dot::DotOptions;
use actorgraph::{
    Actor, ActorGraph, ActorKind, Citation, Dataset, Relation, RelationKind, Source, Stance,
};
use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;

#[derive(Arbitrary, Debug)]
struct Input {
    names: Vec<(String, String)>,
    relations: Vec<(u8, u8, u8, String)>,
    title: String,
    clusters: bool,
}

fn dataset(input: &Input) -> Dataset {
    let names: Vec<&(String, String)> = input.names.iter().take(12).collect();
    let actors = names
        .iter()
        .enumerate()
        .map(|(i, (name, alias))| Actor {
            id: format!("a{i}").parse().expect("a slug"),
            name: if name.trim().is_empty() { format!("actor {i}") } else { name.clone() },
            kind: ActorKind::ALL[i % ActorKind::ALL.len()],
            aliases: if alias.trim().is_empty() { vec![] } else { vec![alias.clone()] },
            former_names: vec![],
            died: None,
            note: None,
            reliability: None,
        })
        .collect::<Vec<_>>();
    let relations = input
        .relations
        .iter()
        .take(30)
        .enumerate()
        .filter_map(|(i, (s, o, k, quote))| {
            let n = actors.len();
            if n < 2 {
                return None;
            }
            let (s, o) = (*s as usize % n, *o as usize % n);
            let kind = [RelationKind::Backs, RelationKind::Opposes, RelationKind::AlliedWith, RelationKind::MemberOf]
                [*k as usize % 4];
            (s != o).then(|| Relation {
                id: format!("r{i}").parse().expect("a slug"),
                kind,
                subject: actors[s].id.clone(),
                object: actors[o].id.clone(),
                from: None,
                until: None,
                on: None,
                citations: vec![Citation {
                    source: "s".parse().expect("a slug"),
                    quote: if quote.trim().is_empty() { "q".to_owned() } else { quote.clone() },
                    stance: Stance::Supports,
                    claimed_by: None,
                    credibility: None,
                    acknowledged: vec![],
                }],
                claimed_by: None,
                note: None,
                acknowledged: vec![],
            })
        })
        .collect();
    Dataset {
        sources: vec![Source {
            id: "s".parse().expect("a slug"),
            publisher: None,
            title: "source".to_owned(),
            published: "2024".parse().expect("a date"),
            approximate: false,
            url: None,
            file: None,
            reliability: None,
        }],
        actors,
        relations,
    }
}

/// Checks the quoting of a DOT text and returns its quoted strings, unescaped.
fn quoted_strings(dot: &str) -> Vec<String> {
    let mut strings = Vec::new();
    let mut chars = dot.chars();
    while let Some(c) = chars.next() {
        if c != '"' {
            continue;
        }
        let mut text = String::new();
        loop {
            match chars.next().expect("every quoted string is closed") {
                '"' => break,
                '\\' => match chars.next().expect("an escape is complete") {
                    '"' => text.push('"'),
                    '\\' => text.push('\\'),
                    'n' => text.push('\n'),
                    other => panic!("unexpected escape \\{other}"),
                },
                c => {
                    assert!(!c.is_control(), "raw control character {c:?} in a quoted string");
                    text.push(c);
                }
            }
        }
        // The exporter writes every `&` as `&amp;`, so this undoes it exactly.
        strings.push(text.replace("&amp;", "&"));
    }
    strings
}

/// The name as the exporter promises to show it.
fn shown(name: &str) -> String {
    name.replace("\r\n", "\n")
        .replace('\r', "\n")
        .replace('\t', " ")
        .chars()
        .map(|c| if c.is_control() && c != '\n' { '\u{FFFD}' } else { c })
        .collect()
}

fuzz_target!(|input: Input| {
    let Ok(graph) = ActorGraph::from_dataset(dataset(&input)) else {
        return;
    };
    let options = DotOptions::default().title(input.title.clone()).clusters(input.clusters);
    let dot = actorgraph::dot::to_dot(graph.at("2024-06-01".parse().expect("a date")), &options).expect("exports");
    let strings = quoted_strings(&dot);
    for actor in graph.actors() {
        if dot.contains(&format!("\n  \"{}\" [label=", actor.id)) || dot.contains(&format!("\n    \"{}\" [label=", actor.id)) {
            assert!(strings.contains(&shown(&actor.name)), "label of {} is not its name", actor.id);
        }
    }
});
