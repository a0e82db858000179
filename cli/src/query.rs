//! The query subcommands: each asks the library one question and returns
//! an [`Answer`], text and rows, without printing.

use std::error::Error;
use std::fmt::Write as _;

use actorgraph::{
    ActorGraph, ActorRef, CampOptions, Chain, ChainOptions, Date, Grade, RelationKind,
    TimelineEvent, algo,
};
use serde_json::{Value, json};

use crate::answer::{Answer, RELATION_COLUMNS, relation_row, relation_rows};
use crate::data::{ReadingArgs, ViewArgs};

type Result<T> = std::result::Result<T, Box<dyn Error>>;

/// Options of `camps`.
#[derive(clap::Args, Debug)]
pub struct CampsArgs {
    #[command(flatten)]
    pub view: ViewArgs,
    /// The most hops a chain of support into a camp may have.
    #[arg(long, default_value_t = 3)]
    pub max_hops: usize,
    /// The first day whose attacks count as fighting (default: a week back).
    #[arg(long, value_name = "DAY")]
    pub since: Option<Date>,
    /// Also take in think tanks, monitors, media, places and the like.
    #[arg(long)]
    pub outsiders: bool,
    /// Every group that holds together, not only the camps at war.
    #[arg(long)]
    pub all: bool,
    /// Quote every tie, not only the hops of chains.
    #[arg(long)]
    pub quotes: bool,
}

/// Who stands with whom: each camp and its members.
pub fn camps(graph: &ActorGraph, args: &CampsArgs) -> Result<Answer> {
    let view = args.view.view(graph);
    let mut options = CampOptions::default()
        .max_hops(args.max_hops)
        .outsiders(args.outsiders)
        .every_core(args.all);
    if let Some(since) = args.since {
        options = options.since(since);
    }
    let since = options.attacks_from(view.day());
    let mut text = String::new();
    writeln!(
        text,
        "Who stands with whom {}; fighting: opposed then, or attacked since {since}\n\
         [possibly]: on some reading of its dates; [contested]: a source disputes it",
        args.view.describe(graph)
    )?;
    let camps = algo::camps(view, &options);
    let mut rows = Vec::new();
    for (number, camp) in camps.iter().enumerate() {
        write!(text, "\n{}", camp.report(args.quotes))?;
        let principal = camp.principal();
        for member in camp.members() {
            rows.push(vec![
                json!(number + 1),
                json!(principal.id.as_str()),
                json!(member.id.as_str()),
                json!(member.name),
                json!(member.kind.label()),
            ]);
        }
    }
    writeln!(text, "\n{} camp(s).", camps.len())?;
    Ok(Answer {
        text,
        columns: &["camp", "principal", "member", "name", "kind"],
        rows,
    })
}

/// Options of `backers`.
#[derive(clap::Args, Debug)]
pub struct BackersArgs {
    /// The actor backed (id, name, alias or former name); every backing
    /// relation of the day when left out.
    pub actor: Option<String>,
    #[command(flatten)]
    pub view: ViewArgs,
}

/// Who backs whom on a day, or who backs one actor, with the evidence.
pub fn backers(graph: &ActorGraph, args: &BackersArgs) -> Result<Answer> {
    let view = args.view.view(graph);
    let relations: Vec<_> = match &args.actor {
        Some(name) => view.backers_of(name.as_str())?.collect(),
        None => view.of_kind(RelationKind::Backs).collect(),
    };
    let mut text = String::new();
    match &args.actor {
        Some(name) => writeln!(text, "Backers of {name} {}:", args.view.describe(graph))?,
        None => writeln!(text, "Who backs whom {}:", args.view.describe(graph))?,
    }
    for backing in &relations {
        writeln!(text, "\n{backing}")?;
        if let Some(who) = backing.claimed_by() {
            writeln!(text, "    claimed by {who}")?;
        }
        for evidence in backing.citations() {
            writeln!(text, "    [{}] {evidence}", Grade::label(evidence.grade()))?;
        }
    }
    writeln!(text, "\n{} backing relation(s).", relations.len())?;
    Ok(Answer {
        text,
        columns: &RELATION_COLUMNS,
        rows: relation_rows(relations),
    })
}

/// Options of `chains`.
#[derive(clap::Args, Debug)]
pub struct ChainsArgs {
    /// The chains of backing, alliance, membership and leadership that
    /// start at this actor.
    #[arg(long, required_unless_present = "to")]
    pub from: Option<String>,
    /// The chains that end at this actor.
    #[arg(long)]
    pub to: Option<String>,
    /// The most hops a chain may have.
    #[arg(long, default_value_t = 3)]
    pub max_hops: usize,
    #[command(flatten)]
    pub view: ViewArgs,
}

/// Chains of support between actors, hop by hop.
pub fn chains(graph: &ActorGraph, args: &ChainsArgs) -> Result<Answer> {
    let view = args.view.view(graph);
    let links = ChainOptions::default().max_hops(args.max_hops);
    let chains: Vec<Chain<'_>> = match (&args.from, &args.to) {
        (Some(from), Some(to)) => algo::chains(view, from.as_str(), to.as_str(), &links)?.collect(),
        (Some(from), None) => algo::chains_from(view, from.as_str(), &links)?.collect(),
        (None, Some(to)) => algo::chains_into(view, to.as_str(), &links)?.collect(),
        (None, None) => return Err("give --from ACTOR, --to ACTOR or both".into()),
    };
    let mut text = format!("Chains {}\n", args.view.describe(graph));
    let mut rows = Vec::new();
    for (number, chain) in chains.iter().enumerate() {
        write!(text, "{}", chain.report())?;
        for (step, hop) in chain.hops().iter().enumerate() {
            let ids: Vec<&str> = hop.relations().iter().map(|r| r.id()).collect();
            rows.push(vec![
                json!(number + 1),
                json!(step + 1),
                json!(hop.from().id.as_str()),
                json!(hop.to().id.as_str()),
                json!(ids),
            ]);
        }
    }
    writeln!(text, "\n{} chain(s).", chains.len())?;
    Ok(Answer {
        text,
        columns: &["chain", "hop", "from", "to", "relations"],
        rows,
    })
}

/// Options of `changes`.
#[derive(clap::Args, Debug)]
pub struct ChangesArgs {
    /// The earlier day (YYYY-MM-DD).
    #[arg(long, default_value = "2024-11-26", value_name = "DAY")]
    pub from: Date,
    /// The later day (YYYY-MM-DD).
    #[arg(long, default_value = "2024-12-02", value_name = "DAY")]
    pub to: Date,
    #[command(flatten)]
    pub reading: ReadingArgs,
}

fn names(actors: &[ActorRef<'_>]) -> String {
    if actors.is_empty() {
        return "nobody recorded".to_owned();
    }
    let names: Vec<&str> = actors.iter().map(|a| a.name.as_str()).collect();
    names.join(", ")
}

/// What began, ended, happened or changed hands between two days.
pub fn changes(graph: &ActorGraph, args: &ChangesArgs) -> Result<Answer> {
    let changes = algo::changes(args.reading.apply(graph.at(args.from)), args.to);
    let mut text = format!("Changes from {} to {}\n", changes.from, changes.to);
    let mut rows = Vec::new();
    let mut row = |change: &str, r: &actorgraph::RelationRef<'_>, before: Value| {
        let mut cells = vec![json!(change), before];
        cells.extend(relation_row(r));
        rows.push(cells);
    };
    writeln!(
        text,
        "\nPlaces that changed hands ({}):",
        changes.hand_overs.len()
    )?;
    for h in &changes.hand_overs {
        let (before, after) = (names(&h.before), names(&h.after));
        writeln!(text, "  {}: {before} -> {after}", h.place.name)?;
    }
    writeln!(text, "\nBegan ({}):", changes.began.len())?;
    for r in &changes.began {
        writeln!(text, "  + {r}")?;
        row("began", r, Value::Null);
    }
    writeln!(text, "\nEnded ({}):", changes.ended.len())?;
    for r in &changes.ended {
        writeln!(text, "  - {r}")?;
        row("ended", r, Value::Null);
    }
    writeln!(text, "\nEvents ({}):", changes.events.len())?;
    for r in &changes.events {
        writeln!(text, "  * {r}")?;
        row("event", r, Value::Null);
    }
    writeln!(text, "\nChanged ({}):", changes.changed.len())?;
    for (before, after) in &changes.changed {
        writeln!(text, "  ~ {before}\n    now {after}")?;
        row("changed", after, json!(before.id()));
    }
    let mut columns = vec!["change", "replaces"];
    columns.extend(RELATION_COLUMNS);
    Ok(Answer {
        text,
        columns: Vec::leak(columns),
        rows,
    })
}

/// Options of `timeline`.
#[derive(clap::Args, Debug)]
pub struct TimelineArgs {
    /// The actor's id, name, alias or former name.
    pub actor: String,
}

/// An actor's history, in order.
pub fn timeline(graph: &ActorGraph, args: &TimelineArgs) -> Result<Answer> {
    let actor = graph.resolve(&args.actor)?;
    let (name, kind, id) = (&actor.name, actor.kind.label(), &actor.id);
    let mut text = format!("Timeline of {name} ({kind}, id {id})\n");
    let mut rows = Vec::new();
    for entry in algo::timeline(graph, actor)? {
        let date = entry.date.map(|d| d.to_string());
        let (what, relation, detail) = match &entry.event {
            TimelineEvent::Began(r) => ("began", Some(r.id()), r.to_string()),
            TimelineEvent::Ended(r) => ("ended", Some(r.id()), r.to_string()),
            TimelineEvent::Happened(r) => ("event", Some(r.id()), r.to_string()),
            TimelineEvent::NameAdopted(name) => ("name adopted", None, name.to_string()),
            TimelineEvent::NameDropped(name) => ("name dropped", None, name.to_string()),
            other => ("other", None, format!("{other:?}")),
        };
        let shown = date.clone().unwrap_or_else(|| "(undated)".to_owned());
        writeln!(text, "{shown:>12}  {what}: {detail}")?;
        rows.push(vec![
            json!(date),
            json!(what),
            json!(relation),
            json!(detail),
        ]);
    }
    Ok(Answer {
        text,
        columns: &["date", "what", "relation", "detail"],
        rows,
    })
}

/// Options of `search`.
#[derive(clap::Args, Debug)]
pub struct SearchArgs {
    /// The text to look for: a name, part of one, or another spelling.
    pub text: String,
    /// Show at most this many candidates.
    #[arg(long, default_value_t = 20)]
    pub limit: usize,
}

/// Ranked candidates for a name as a person would type it.
pub fn search(graph: &ActorGraph, args: &SearchArgs) -> Result<Answer> {
    let found: Vec<_> = graph.search(&args.text).collect();
    let mut text = if found.is_empty() {
        format!("No actor is near {:?}\n", args.text)
    } else {
        format!("Candidates for {:?}, best first:\n", args.text)
    };
    let mut rows = Vec::new();
    for (rank, candidate) in found.iter().take(args.limit).enumerate() {
        let (how, score) = (candidate.how(), candidate.score());
        writeln!(text, "{:>4}. {candidate}", rank + 1)?;
        writeln!(text, "      matched by {how}, score {score:.2}")?;
        let actor = candidate.actor();
        rows.push(vec![
            json!(rank + 1),
            json!(actor.id.as_str()),
            json!(actor.name),
            json!(candidate.matched()),
            json!(how.to_string()),
            // Two decimals, as the text shows: the f32 score has no more precision worth printing.
            json!((f64::from(score) * 100.0).round() / 100.0),
        ]);
    }
    if found.len() > args.limit {
        writeln!(
            text,
            "      and {} more (--limit)",
            found.len() - args.limit
        )?;
    }
    Ok(Answer {
        text,
        columns: &["rank", "id", "name", "matched", "how", "score"],
        rows,
    })
}
