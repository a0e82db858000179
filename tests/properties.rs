//! Properties checked on random graphs, dates and datasets.

use super::*;
use actorgraph::{
    Actor, ActorKind, Certainty, Citation, Claimant, Dataset, Holding, Interval, PartialDate,
    Relation, RelationKind, Source, Stance, When,
};
use proptest::prelude::*;

fn partial_date() -> impl Strategy<Value = PartialDate> {
    (2000i16..2030, 0u8..=12, 0u8..=31).prop_map(|(y, m, d)| match (m, d) {
        (0, _) => PartialDate::year(y).unwrap(),
        (m, 0) => PartialDate::month(y, m).unwrap(),
        // Clamp so every generated day exists.
        (m, d) => PartialDate::day(y, m, d.min(28)).unwrap(),
    })
}

/// A partial date, or a range open at one end or closed at both.
fn when() -> impl Strategy<Value = When> {
    (partial_date(), partial_date(), 0u8..10).prop_map(|(a, b, shape)| {
        let (low, high) = if a.first_day() <= b.last_day() {
            (a, b)
        } else {
            (b, a)
        };
        match shape {
            0 => When::on_or_before(high),
            1 => When::on_or_after(low),
            2 | 3 => When::between(low, high).expect("low sorts before high"),
            _ => When::on(a),
        }
    })
}

/// Any `When` the public constructors give, from ends in any order: the
/// ones they refuse are dropped, so what is left is all a caller can build.
fn constructed_when() -> impl Strategy<Value = When> {
    (
        proptest::option::of(partial_date()),
        proptest::option::of(partial_date()),
        0u8..5,
    )
        .prop_filter_map("refused by the constructors", |(low, high, shape)| {
            match (shape, low, high) {
                (0, Some(low), _) => Some(When::on(low)),
                (1, Some(low), Some(high)) => When::between(low, high).ok(),
                (2, _, Some(high)) => Some(When::on_or_before(high)),
                (3, Some(low), _) => Some(When::on_or_after(low)),
                _ => When::range(low, high).ok(),
            }
        })
}

fn any_day() -> impl Strategy<Value = Date> {
    (2000i16..2031, 1u8..=12, 1u8..=28).prop_map(|(y, m, d)| Date::new(y, m, d).unwrap())
}

fn interval() -> impl Strategy<Value = (Option<When>, Option<When>)> {
    (proptest::option::of(when()), proptest::option::of(when()))
        .prop_filter("non-empty interval", |(s, e)| Interval::new(*s, *e).is_ok())
}

/// A random valid dataset: `actors` actors, up to `relations` relations, 4
/// sources. Some relations are events; some claimants cite one relation
/// several times, both ways, so that stories change.
fn dataset(actors: usize, relations: usize) -> impl Strategy<Value = Dataset> {
    let sources = proptest::collection::vec(when(), 4);
    let rels = proptest::collection::vec(
        (
            0..actors,
            0..actors,
            0..RelationKind::ALL.len(),
            interval(),
            proptest::collection::vec((0usize..4, any::<bool>(), 0u8..4), 1..5),
        ),
        0..relations,
    );
    (sources, rels).prop_map(move |(published, rels)| {
        let sources = published
            .into_iter()
            .enumerate()
            .map(|(i, published)| Source {
                id: format!("s{i}").parse().unwrap(),
                publisher: None,
                title: format!("source {i}"),
                published,
                approximate: false,
                url: None,
                file: None,
                reliability: None,
            })
            .collect();
        let actors = (0..actors)
            .map(|i| Actor {
                id: format!("a{i}").parse().unwrap(),
                name: format!("Actor \"{i}\" \\ ü"),
                kind: ActorKind::ArmedGroup,
                aliases: vec![format!("alias {i}")],
                former_names: vec![],
                died: None,
                note: None,
                reliability: None,
            })
            .collect();
        let relations = rels
            .into_iter()
            .enumerate()
            .filter(|(_, (s, o, ..))| s != o)
            .map(|(i, (s, o, kind, (from, until), cites))| {
                let mut citations: Vec<Citation> = cites
                    .into_iter()
                    .map(|(src, disputes, voice)| Citation {
                        source: format!("s{src}").parse().unwrap(),
                        quote: format!("quote {i}\n\"x\""),
                        stance: if disputes {
                            Stance::Disputes
                        } else {
                            Stance::Supports
                        },
                        // Few claimants, so that one often speaks twice.
                        claimed_by: match voice {
                            0 => Some(Claimant::Other(format!("claimant {i}"))),
                            1 => Some(Claimant::Actor(format!("a{s}").parse().unwrap())),
                            _ => None,
                        },
                        credibility: None,
                        acknowledged: vec![],
                    })
                    .collect();
                citations[0].stance = Stance::Supports;
                let kind = match RelationKind::ALL[kind] {
                    // These need places, agreements or people; keep the
                    // graph simple.
                    RelationKind::Controls | RelationKind::LocatedIn | RelationKind::PartyTo => {
                        RelationKind::Backs
                    }
                    RelationKind::Brokered
                    | RelationKind::Killed
                    | RelationKind::WithdrewFrom
                    | RelationKind::ActiveIn => RelationKind::Attacks,
                    k => k,
                };
                let (from, until, on) = if kind.is_event() {
                    (
                        None,
                        None,
                        Some(
                            from.or(until)
                                .unwrap_or(When::on_or_before(PartialDate::year(2020).unwrap())),
                        ),
                    )
                } else {
                    (from, until, None)
                };
                Relation {
                    id: format!("r{i}").parse().unwrap(),
                    kind,
                    subject: format!("a{s}").parse().unwrap(),
                    object: format!("a{o}").parse().unwrap(),
                    from,
                    until,
                    on,
                    citations,
                    claimed_by: (i % 4 == 1)
                        .then(|| Claimant::Actor(format!("a{s}").parse().unwrap())),
                    note: (i % 3 == 0).then(|| format!("note {i}")),
                    acknowledged: vec![],
                }
            })
            .collect();
        Dataset {
            sources,
            actors,
            relations,
        }
    })
}

/// The day a source appeared by, read possibly or certainly.
fn appeared(published: When, by: Date, certainty: Certainty) -> bool {
    match certainty {
        Certainty::Possibly => published.first_day() <= by,
        Certainty::Certainly => published.last_day().is_some_and(|d| d <= by),
    }
}

/// Whether the relation is contested as known by `known_by`, by the
/// claimant rule written out from the records: each claimant's stance is
/// that of its latest citation published by then.
fn contested_by_latest_stance(
    data: &Dataset,
    r: &Relation,
    known_by: Option<Date>,
    certainty: Certainty,
) -> bool {
    let published =
        |id: &actorgraph::SourceId| data.sources.iter().find(|s| &s.id == id).unwrap().published;
    let voice = |c: &Citation| match &c.claimed_by {
        Some(who) => format!("claimant {who:?}"),
        None => format!("article {}", c.source),
    };
    let visible: Vec<(usize, &Citation)> = r
        .citations
        .iter()
        .enumerate()
        .filter(|(_, c)| known_by.is_none_or(|k| appeared(published(&c.source), k, certainty)))
        .collect();
    let mut latest: std::collections::BTreeMap<String, (Date, Date, usize, Stance)> =
        std::collections::BTreeMap::new();
    for (i, c) in visible {
        let p = published(&c.source);
        let key = (
            p.first_day(),
            p.last_day().unwrap_or(Date::MAX),
            i,
            c.stance,
        );
        let entry = latest.entry(voice(c)).or_insert(key);
        if (key.0, key.1, key.2) > (entry.0, entry.1, entry.2) {
            *entry = key;
        }
    }
    let stances: Vec<Stance> = latest.values().map(|v| v.3).collect();
    stances.contains(&Stance::Supports) && stances.contains(&Stance::Disputes)
}

/// The as-of rule, written out again from the records alone.
fn brute_force(
    data: &Dataset,
    on: Date,
    known_by: Option<Date>,
    certainty: Certainty,
    keep_contested: bool,
) -> Vec<String> {
    let published =
        |id: &actorgraph::SourceId| data.sources.iter().find(|s| &s.id == id).unwrap().published;
    let mut ids: Vec<String> = data
        .relations
        .iter()
        .filter(|r| {
            if r.kind.is_event() {
                return false;
            }
            let holding = Interval::new(r.from, r.until).unwrap().holds_on(on);
            let held = match certainty {
                Certainty::Possibly => holding != Holding::No,
                Certainty::Certainly => holding == Holding::Certainly,
            };
            let known = r
                .citations
                .iter()
                .filter(|c| c.stance == Stance::Supports)
                .any(|c| known_by.is_none_or(|k| appeared(published(&c.source), k, certainty)));
            let contested = contested_by_latest_stance(data, r, known_by, certainty);
            held && known && (keep_contested || !contested)
        })
        .map(|r| r.id.to_string())
        .collect();
    ids.sort();
    ids
}

/// The events that happened between `from` and `to`, from the records.
fn brute_force_events(data: &Dataset, from: Date, to: Date, certainty: Certainty) -> Vec<String> {
    let mut ids: Vec<String> = data
        .relations
        .iter()
        .filter(|r| r.kind.is_event())
        .filter(|r| {
            let on = r.on.unwrap();
            let (first, last) = (on.first_day(), on.last_day().unwrap_or(Date::MAX));
            match certainty {
                Certainty::Possibly => first <= to && from <= last,
                Certainty::Certainly => from <= first && on.last_day().is_some_and(|l| l <= to),
            }
        })
        .map(|r| r.id.to_string())
        .collect();
    ids.sort();
    ids
}

/// The ids a view finds, and those the brute-force rule finds, for one query.
fn view_and_brute_force(
    data: &Dataset,
    on: Date,
    known_by: Option<Date>,
    certain: bool,
    keep_contested: bool,
) -> (Vec<String>, Vec<String>) {
    let graph = ActorGraph::from_dataset(data.clone()).unwrap();
    let certainty = if certain {
        Certainty::Certainly
    } else {
        Certainty::Possibly
    };
    let mut view = graph.at(on).certainty(certainty);
    if let Some(k) = known_by {
        view = view.known_by(k);
    }
    if !keep_contested {
        view = view.without_contested();
    }
    let expected = brute_force(data, on, known_by, certainty, keep_contested);
    assert_eq!(view.count(), expected.len(), "count on {on}");
    (ids(view.relations()), expected)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn as_of_view_equals_brute_force(
        data in dataset(6, 30),
        on in any_day(),
        known_by in proptest::option::of(any_day()),
        certain in any::<bool>(),
        keep_contested in any::<bool>(),
    ) {
        let (found, expected) = view_and_brute_force(&data, on, known_by, certain, keep_contested);
        prop_assert_eq!(found, expected);
    }

    #[test]
    fn events_in_a_window_equal_brute_force(
        data in dataset(6, 30),
        a in any_day(),
        b in any_day(),
        certain in any::<bool>(),
    ) {
        let (from, to) = if a <= b { (a, b) } else { (b, a) };
        let certainty = if certain { Certainty::Certainly } else { Certainty::Possibly };
        let graph = ActorGraph::from_dataset(data.clone()).unwrap();
        let found = ids(graph.at(to).certainty(certainty).events_between(from, to));
        prop_assert_eq!(found, brute_force_events(&data, from, to, certainty));
        // Events never show among the states of an as-of view.
        prop_assert!(graph.at(to).relations().all(|r| !r.is_event()));
    }

    #[test]
    fn when_order_is_consistent_and_round_trips(a in when(), b in when()) {
        use std::cmp::Ordering;
        prop_assert_eq!(a.cmp(&b), b.cmp(&a).reverse());
        prop_assert_eq!(a.cmp(&b) == Ordering::Equal, a == b);
        prop_assert_eq!(a.to_string().parse::<When>().unwrap(), a);
    }

    #[test]
    fn graph_gives_back_the_dataset_it_was_built_from(data in dataset(6, 40)) {
        // Compared with the input, not with another graph, so that a fault
        // in the packed storage cannot cancel itself out.
        let graph = ActorGraph::from_dataset(data.clone()).unwrap();
        prop_assert_eq!(graph.to_dataset(), data);
    }

    #[test]
    fn every_constructible_when_reads_back_from_ron_json_and_snapshot(
        data in dataset(4, 8),
        published in constructed_when(),
        from in proptest::option::of(constructed_when()),
        until in proptest::option::of(constructed_when()),
    ) {
        // Before When was opaque, code could build a reversed or doubly
        // open range that the graph accepted and then could not reopen.
        let mut data = data;
        data.sources[0].published = published;
        if let Some(relation) = data.relations.iter_mut().find(|r| !r.kind.is_event()) {
            relation.from = from;
            relation.until = until;
        }
        if let Ok(graph) = ActorGraph::from_dataset(data) {
            let ron = graph.to_ron().unwrap();
            prop_assert_eq!(&ActorGraph::from_ron(&ron).unwrap(), &graph);
            let json = graph.to_json().unwrap();
            prop_assert_eq!(&ActorGraph::from_json(&json).unwrap(), &graph);
            let snapshot = graph.to_snapshot();
            prop_assert_eq!(&ActorGraph::from_snapshot(&snapshot).unwrap(), &graph);
        }
    }

    #[test]
    fn write_then_load_round_trips(data in dataset(5, 15)) {
        let graph = ActorGraph::from_dataset(data).unwrap();
        let text = graph.to_ron().unwrap();
        prop_assert_eq!(ActorGraph::from_ron(&text).unwrap(), graph);
    }

    #[test]
    fn partial_date_order_is_consistent(a in partial_date(), b in partial_date(), c in partial_date()) {
        use std::cmp::Ordering;
        prop_assert_eq!(a.cmp(&b), b.cmp(&a).reverse());
        prop_assert_eq!(a.cmp(&b) == Ordering::Equal, a == b);
        if a <= b && b <= c {
            prop_assert!(a <= c);
        }
        if a < b {
            prop_assert!(a.first_day() <= b.first_day());
        }
        prop_assert!(a.first_day() <= a.last_day());
        prop_assert_eq!(a.to_string().parse::<PartialDate>().unwrap(), a);
    }

    #[test]
    fn certainly_implies_possibly(start in proptest::option::of(when()), end in proptest::option::of(when()), on in any_day()) {
        if let Ok(i) = Interval::new(start, end) {
            let certain_bounds = start.is_none_or(|s| s.last_day().is_some_and(|l| l <= on)) && end.is_none_or(|e| on < e.first_day());
            let possible_bounds = start.is_none_or(|s| s.first_day() <= on) && end.is_none_or(|e| e.last_day().is_none_or(|l| on < l));
            let expected = if certain_bounds { Holding::Certainly } else if possible_bounds { Holding::Possibly } else { Holding::No };
            prop_assert_eq!(i.holds_on(on), expected);
        }
    }

    #[test]
    fn date_parser_never_panics(text in "\\PC{0,12}") {
        let _ = text.parse::<PartialDate>();
        let _ = text.parse::<Date>();
        let _ = text.parse::<When>();
    }

    #[test]
    fn range_parser_never_panics(low in "[0-9-]{0,10}", high in "[0-9-]{0,10}", junk in "[\\[\\].?~{}]{0,3}") {
        let _ = format!("[{low}..{high}]{junk}").parse::<When>();
        let _ = format!("{junk}[{low}..{high}").parse::<When>();
    }
}

/// Every simple path from `from` to `to` of at most `max_hops` hops over
/// link relations valid on `on`, as sequences of actor ids; written from the
/// records alone.
fn brute_force_chains(
    data: &Dataset,
    on: Date,
    from: &str,
    to: &str,
    links: &[RelationKind],
    max_hops: usize,
) -> Vec<Vec<String>> {
    let valid: Vec<&Relation> = data
        .relations
        .iter()
        .filter(|r| {
            links.contains(&r.kind)
                && !r.kind.is_event()
                && Interval::new(r.from, r.until).unwrap().holds_on(on) != Holding::No
        })
        .collect();
    let next = |here: &str| -> Vec<String> {
        let mut out: Vec<String> = valid
            .iter()
            .filter_map(|r| {
                if r.subject.as_str() == here {
                    Some(r.object.to_string())
                } else if r.kind.is_symmetric() && r.object.as_str() == here {
                    Some(r.subject.to_string())
                } else {
                    None
                }
            })
            .collect();
        out.sort();
        out.dedup();
        out
    };
    let mut found = Vec::new();
    let mut stack = vec![vec![from.to_owned()]];
    while let Some(path) = stack.pop() {
        if path.len() > max_hops {
            continue;
        }
        for n in next(path.last().unwrap()) {
            if path.contains(&n) {
                continue;
            }
            let mut longer = path.clone();
            longer.push(n.clone());
            if n == to {
                found.push(longer);
            } else {
                stack.push(longer);
            }
        }
    }
    found.sort();
    found
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn chains_equal_brute_force(data in dataset(6, 24), on in any_day(), a in 0usize..6, b in 0usize..6, hops in 1usize..5) {
        let graph = ActorGraph::from_dataset(data.clone()).unwrap();
        let options = actorgraph::ChainOptions::default()
            .kinds([RelationKind::Backs, RelationKind::AlliedWith, RelationKind::CoordinatesWith])
            .max_hops(hops);
        let (from, to) = (format!("a{a}"), format!("a{b}"));
        let view = graph.at(on);
        let chains: Vec<actorgraph::Chain<'_>> = actorgraph::algo::chains(view, &from, &to, &options).unwrap().collect();
        let mut seen: Vec<Vec<String>> = Vec::new();
        for chain in &chains {
            let actors: Vec<String> = chain.actors().map(|x| x.id.to_string()).collect();
            let unique: std::collections::HashSet<&String> = actors.iter().collect();
            prop_assert_eq!(unique.len(), actors.len(), "a chain repeats an actor");
            prop_assert!(chain.len() <= hops);
            for hop in chain.hops() {
                prop_assert!(!hop.relations().is_empty());
                for r in hop.relations() {
                    prop_assert!(r.interval().holds_on(on) != Holding::No, "hop not valid at the date");
                    prop_assert!(options.get_kinds().contains(&r.kind()));
                }
            }
            seen.push(actors);
        }
        let lengths: Vec<usize> = chains.iter().map(actorgraph::Chain::len).collect();
        prop_assert!(lengths.windows(2).all(|w| w[0] <= w[1]), "shortest first");
        seen.sort();
        let expected = if a == b { Vec::new() } else { brute_force_chains(&data, on, &from, &to, options.get_kinds(), hops) };
        prop_assert_eq!(seen, expected);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]

    /// Graphs large enough that as-of queries descend the interval index.
    #[test]
    fn as_of_view_equals_brute_force_on_large_graphs(
        seed in any::<u64>(),
        on in (1955i16..2040, 1u8..=12, 1u8..=28).prop_map(|(y, m, d)| Date::new(y, m, d).unwrap()),
        known_by in proptest::option::of(any_day()),
        certain in any::<bool>(),
        keep_contested in any::<bool>(),
    ) {
        let data = actorgraph::synthetic::Spec::new(150, 3_000).sources(40).seed(seed).generate();
        let (found, expected) = view_and_brute_force(&data, on, known_by, certain, keep_contested);
        prop_assert_eq!(found, expected);
        let graph = ActorGraph::from_dataset(data.clone()).unwrap();
        prop_assert_eq!(graph.to_dataset(), data);
    }
}

/// Reads `bytes` as a dataset file of extension `ext` through
/// `ActorGraph::from_path`, which streams it piece by piece, and through
/// the whole-text path; as a string each, errors by their message.
fn streamed_and_whole(
    bytes: &[u8],
    ext: &str,
    case: usize,
) -> (Result<ActorGraph, String>, Result<ActorGraph, String>) {
    let dir = std::env::temp_dir().join(format!("actorgraph-stream-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(format!("case-{case}.{ext}"));
    std::fs::write(&path, bytes).unwrap();
    // The file's problems carry their items' lines, which a dataset parsed
    // apart has no way to know; the rest of the message must agree.
    let streamed = ActorGraph::from_path(&path).map_err(|e| without_positions(&e.to_string()));
    std::fs::remove_file(&path).unwrap();
    let parsed = if ext == "json" {
        // A JSON file that is not UTF-8 is refused before parsing; its
        // message (line and column of the bad byte) is the loader's own.
        match std::str::from_utf8(bytes) {
            Ok(text) => Dataset::from_json(text).map_err(|e| e.to_string()),
            Err(_) => Err(streamed.as_ref().err().cloned().unwrap_or_default()),
        }
    } else {
        Dataset::from_ron_bytes(bytes).map_err(|e| e.to_string())
    };
    let whole = parsed.and_then(|d| ActorGraph::from_dataset(d).map_err(|e| e.to_string()));
    (streamed, whole)
}

/// A validation message with its problems' "line L, column C: " removed.
fn without_positions(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    while let Some(at) = rest.find("line ") {
        let (before, after) = rest.split_at(at);
        out.push_str(before);
        let placed = before.ends_with(": ") || before.ends_with("; ");
        let end = after
            .find(": ")
            .filter(|&end| placed && after[..end].split(", column ").count() == 2);
        match end {
            Some(end) => rest = &after[end + 2..],
            None => {
                out.push_str("line ");
                rest = &after[5..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Text that the streaming splitter must not misread: quotes, escapes,
/// comment marks, raw-string openers, brackets, commas, a bad byte.
fn awkward_insertion() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        Just(b"\"".to_vec()),
        Just(b"\\".to_vec()),
        Just(b"/".to_vec()),
        Just(b"//".to_vec()),
        Just(b"/*".to_vec()),
        Just(b"*/".to_vec()),
        Just(b"r#\"".to_vec()),
        Just(b"'".to_vec()),
        Just(b"]".to_vec()),
        Just(b")".to_vec()),
        Just(b"}".to_vec()),
        Just(b",".to_vec()),
        Just(b"\n".to_vec()),
        Just(b"\xff".to_vec()),
        Just(b"\xc3".to_vec()),
        any::<u8>().prop_map(|b| vec![b]),
    ]
}

static CASE: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    /// Reading a file piece by piece never changes what it means: a text
    /// altered at a random place loads to the same graph as when parsed
    /// whole, or fails with the same message.
    #[test]
    fn a_streamed_load_means_what_the_whole_text_means(
        data in dataset(5, 15),
        json in any::<bool>(),
        edits in proptest::collection::vec((any::<prop::sample::Index>(), awkward_insertion()), 0..3),
    ) {
        let (text, ext) = if json {
            (data.to_json().unwrap(), "json")
        } else {
            (data.to_ron().unwrap(), "ron")
        };
        let mut bytes = text.into_bytes();
        for (at, insert) in edits {
            let i = at.index(bytes.len() + 1);
            bytes.splice(i..i, insert);
        }
        let case = CASE.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        match streamed_and_whole(&bytes, ext, case) {
            (Ok(streamed), Ok(whole)) => prop_assert!(streamed == whole),
            (Err(streamed), Err(whole)) => prop_assert_eq!(streamed, whole),
            (streamed, whole) => prop_assert!(
                false,
                "streamed {:?}, whole {:?}",
                streamed.map(|g| g.relation_count()),
                whole.map(|g| g.relation_count())
            ),
        }
    }
}

// ----- graded evidence ----------------------------------------------------

use actorgraph::{Credibility, Grade, Reliability};

/// A random dataset with random grades on sources, some actors (as
/// claimants) and citations, some of each left ungraded; and a minimum
/// grade.
fn graded_dataset() -> impl Strategy<Value = (Dataset, Grade)> {
    (
        dataset(6, 24),
        proptest::collection::vec(0usize..8, 97),
        0usize..6,
        0usize..6,
    )
        .prop_map(|(mut data, picks, r, c)| {
            let mut at = 0;
            let mut next = || {
                at += 1;
                picks[at % picks.len()]
            };
            for s in &mut data.sources {
                s.reliability = Reliability::ALL.get(next()).copied();
            }
            for a in &mut data.actors {
                a.reliability = Reliability::ALL.get(next()).copied();
            }
            for r in &mut data.relations {
                for c in &mut r.citations {
                    c.credibility = Credibility::ALL.get(next()).copied();
                }
            }
            let minimum = Grade {
                reliability: Reliability::ALL[r],
                credibility: Credibility::ALL[c],
            };
            (data, minimum)
        })
}

/// The reliability a citation carries, from the records: a graded actor
/// claimant's, else its source's.
fn citation_reliability(data: &Dataset, c: &Citation) -> Option<Reliability> {
    let claimant = match &c.claimed_by {
        Some(Claimant::Actor(id)) => data
            .actors
            .iter()
            .find(|a| &a.id == id)
            .and_then(|a| a.reliability),
        _ => None,
    };
    claimant.or(data
        .sources
        .iter()
        .find(|s| s.id == c.source)
        .and_then(|s| s.reliability))
}

/// The dataset without the citations below `minimum`, and without the
/// relations then left with no supporting citation.
fn without_citations_below(data: &Dataset, minimum: Grade) -> Dataset {
    let mut reduced = data.clone();
    for r in &mut reduced.relations {
        r.citations.retain(|c| {
            minimum.admits(Grade::reading(citation_reliability(data, c), c.credibility))
        });
    }
    reduced
        .relations
        .retain(|r| r.citations.iter().any(|c| c.stance == Stance::Supports));
    reduced
}

/// Distinct voices whose latest visible citation supports the relation.
fn brute_force_claimants(
    data: &Dataset,
    r: &Relation,
    known_by: Option<Date>,
    certainty: Certainty,
) -> usize {
    let published =
        |id: &actorgraph::SourceId| data.sources.iter().find(|s| &s.id == id).unwrap().published;
    let mut latest: std::collections::BTreeMap<String, (Date, Date, usize, Stance)> =
        std::collections::BTreeMap::new();
    for (i, c) in r.citations.iter().enumerate() {
        if !known_by.is_none_or(|k| appeared(published(&c.source), k, certainty)) {
            continue;
        }
        let voice = match &c.claimed_by {
            Some(who) => format!("claimant {who:?}"),
            None => format!("article {}", c.source),
        };
        let p = published(&c.source);
        let key = (
            p.first_day(),
            p.last_day().unwrap_or(Date::MAX),
            i,
            c.stance,
        );
        let entry = latest.entry(voice).or_insert(key);
        if (key.0, key.1, key.2) > (entry.0, entry.1, entry.2) {
            *entry = key;
        }
    }
    latest.values().filter(|v| v.3 == Stance::Supports).count()
}

/// What a view shows of each relation, citations as a sorted set.
type Shown = (String, bool, Vec<(String, String)>, usize);

fn shown<'g>(found: impl Iterator<Item = actorgraph::RelationRef<'g>>) -> Vec<Shown> {
    let mut all: Vec<Shown> = found
        .map(|r| {
            let mut citations: Vec<(String, String)> = r
                .citations()
                .map(|e| (e.source().id.to_string(), e.quote().to_owned()))
                .collect();
            citations.sort();
            (
                r.id().to_owned(),
                r.is_contested(),
                citations,
                r.independent_claimants(),
            )
        })
        .collect();
    all.sort();
    all
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// The graded view is the ungraded view of the dataset from which the
    /// citations below the grade were removed.
    #[test]
    fn a_graded_view_equals_the_view_of_the_data_without_weaker_citations(
        (data, minimum) in graded_dataset(),
        on in any_day(),
        known_by in proptest::option::of(any_day()),
        certain in any::<bool>(),
        keep_contested in any::<bool>(),
    ) {
        let certainty = if certain { Certainty::Certainly } else { Certainty::Possibly };
        let graph = ActorGraph::from_dataset(data.clone()).unwrap();
        let reduced_data = without_citations_below(&data, minimum);
        let reduced = ActorGraph::from_dataset(reduced_data.clone()).unwrap();
        fn view(g: &ActorGraph, graded: Option<Grade>, on: Date, known_by: Option<Date>, certainty: Certainty, keep_contested: bool) -> actorgraph::View<'_> {
            let mut v = g.at(on).certainty(certainty);
            if let Some(k) = known_by {
                v = v.known_by(k);
            }
            if !keep_contested {
                v = v.without_contested();
            }
            if let Some(minimum) = graded {
                v = v.graded_at_least(minimum);
            }
            v
        }
        let graded = view(&graph, Some(minimum), on, known_by, certainty, keep_contested);
        let plain = view(&reduced, None, on, known_by, certainty, keep_contested);
        prop_assert_eq!(shown(graded.relations()), shown(plain.relations()));
        prop_assert_eq!(graded.count(), plain.count());
        let window = (Date::new(2000, 1, 1).unwrap(), on);
        prop_assert_eq!(
            shown(graded.events_between(window.0, window.1)),
            shown(plain.events_between(window.0, window.1))
        );
        // Listed best graded first.
        for r in graded.relations() {
            let grades: Vec<Grade> =
                r.citations().map(|e| e.grade().unwrap_or(Grade::UNGRADED)).collect();
            prop_assert!(grades.windows(2).all(|w| w[0] <= w[1]), "{:?}", grades);
            prop_assert!(grades.iter().all(|g| minimum.admits(*g)));
        }
    }

    /// The roll-up's count of independent claimants against a brute-force
    /// count from the records.
    #[test]
    fn independent_claimants_equal_brute_force(
        (data, _) in graded_dataset(),
        on in any_day(),
        known_by in proptest::option::of(any_day()),
        certain in any::<bool>(),
    ) {
        let certainty = if certain { Certainty::Certainly } else { Certainty::Possibly };
        let graph = ActorGraph::from_dataset(data.clone()).unwrap();
        let mut view = graph.at(on).certainty(certainty);
        if let Some(k) = known_by {
            view = view.known_by(k);
        }
        for r in view.relations() {
            let record = data.relations.iter().find(|x| x.id.as_str() == r.id()).unwrap();
            prop_assert_eq!(
                r.independent_claimants(),
                brute_force_claimants(&data, record, known_by, certainty),
                "{}", r.id()
            );
        }
        for r in graph.relations() {
            let record = data.relations.iter().find(|x| x.id.as_str() == r.id()).unwrap();
            prop_assert_eq!(
                r.independent_claimants(),
                brute_force_claimants(&data, record, None, certainty)
            );
        }
    }
}

/// The relations `view` admits (brute-force checked above) that touch
/// `actor` as asked, latest added first: what every neighbourhood query
/// of the view must give, in that order.
fn neighbours_by_scan(
    data: &Dataset,
    admitted: &[String],
    actor: &str,
    kinds: &[RelationKind],
    direction: Option<actorgraph::Direction>,
) -> Vec<String> {
    let side = |outgoing: bool| {
        data.relations
            .iter()
            .rev()
            .filter(move |r| {
                let end = if outgoing { &r.subject } else { &r.object };
                end.as_str() == actor
                    && kinds.contains(&r.kind)
                    && admitted.contains(&r.id.to_string())
            })
            .map(|r| r.id.to_string())
    };
    let (out, into) = (
        direction != Some(actorgraph::Direction::Incoming),
        direction != Some(actorgraph::Direction::Outgoing),
    );
    let mut found: Vec<String> = Vec::new();
    if out {
        found.extend(side(true));
    }
    if into {
        found.extend(side(false));
    }
    found
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// The neighbourhood index (issue 28) gives what the edge lists gave:
    /// the admitted relations at the actor, latest added first.
    #[test]
    fn neighbourhood_queries_equal_a_scan_of_the_view(
        data in dataset(6, 40),
        on in any_day(),
        known_by in proptest::option::of(any_day()),
        certain in any::<bool>(),
        a in 0usize..6,
        kinds in proptest::sample::subsequence(RelationKind::ALL.to_vec(), 1..4),
    ) {
        use actorgraph::Direction::{Incoming, Outgoing};
        let graph = ActorGraph::from_dataset(data.clone()).unwrap();
        let mut view = graph.at(on);
        if certain {
            view = view.certainty(Certainty::Certainly);
        }
        if let Some(k) = known_by {
            view = view.known_by(k);
        }
        let admitted: Vec<String> = view.relations().map(|r| r.id().to_owned()).collect();
        let actor = format!("a{a}");
        let order = |found: Vec<actorgraph::RelationRef<'_>>| -> Vec<String> {
            found.into_iter().map(|r| r.id().to_owned()).collect()
        };
        for direction in [None, Some(Outgoing), Some(Incoming)] {
            let found = order(view.linking(actor.as_str(), &kinds, direction).unwrap().collect());
            prop_assert_eq!(found, neighbours_by_scan(&data, &admitted, &actor, &kinds, direction));
        }
        let kind = kinds[0];
        for direction in [Outgoing, Incoming] {
            let found = order(view.directed(actor.as_str(), kind, direction).unwrap().collect());
            prop_assert_eq!(found, neighbours_by_scan(&data, &admitted, &actor, &[kind], Some(direction)));
        }
        let found = order(view.either_way(actor.as_str(), kind).unwrap().collect());
        prop_assert_eq!(found, neighbours_by_scan(&data, &admitted, &actor, &[kind], None));
        // The parallel visit admits the same relations as the sequential one.
        {
            use rayon::prelude::*;
            let parallel: Vec<String> = view.par_relations().map(|r| r.id().to_owned()).collect();
            prop_assert_eq!(parallel, admitted);
        }
    }
}

/// A fresh folder for one case of a property that writes files.
fn case_dir(what: &str) -> std::path::PathBuf {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static CASE: AtomicUsize = AtomicUsize::new(0);
    let case = CASE.fetch_add(1, Ordering::Relaxed);
    let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join("properties")
        .join(format!("{what}-{case}"));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// An unpartitioned export is read straight into the store, a
    /// partitioned one through a dataset: both give the graph written,
    /// claimants that change their story, disputes and all.
    #[test]
    fn a_parquet_export_reads_back_equal_by_either_path(data in dataset(5, 15)) {
        use actorgraph::export::{ExportOptions, Scope};
        use actorgraph::parquet::{Partition, write_dir};
        let graph = ActorGraph::from_dataset(data).unwrap();
        for partition in [Partition::None, Partition::Kind] {
            let dir = case_dir("parquet");
            write_dir(Scope::Whole(&graph), &ExportOptions::default(), partition, &dir).unwrap();
            prop_assert_eq!(&ActorGraph::from_path(&dir).unwrap(), &graph, "{:?}", partition);
            std::fs::remove_dir_all(&dir).unwrap();
        }
    }
}
