//! Deterministic synthetic datasets, for benchmarks and property tests.
//!
//! The shape imitates event data at scale: a few hub actors (states) take
//! part in most relations, many small groups in few; relation kinds are
//! mixed; intervals spread over decades with year, month and day precision
//! and open ends; each relation cites one to three sources from a shared
//! pool, with quotes drawn from a shared pool too.
//!
//! Actors are called "Actor 1", "Actor 2"…; [`Spec::romanised_names`] gives
//! them names romanised from Arabic instead, each with a word of its own,
//! half with an alias that spells the name another way and one in eight
//! with a former name, for exercising name search at scale.

use crate::base::date::{Date, Interval, PartialDate, When};
use crate::base::id::{ActorId, RelationId, SourceId};
use crate::base::model::{
    Actor, ActorKind, Citation, Dataset, Relation, RelationKind, Source, Stance,
};

/// The size and seed of a synthetic dataset.
///
/// # Example
///
/// ```
/// use actorgraph::{ActorGraph, synthetic::Spec};
///
/// let data = Spec::new(100, 1_000).seed(7).generate();
/// assert_eq!(data.relations.len(), 1_000);
/// assert_eq!(data, Spec::new(100, 1_000).seed(7).generate(), "same seed, same data");
/// let graph = ActorGraph::from_dataset(data)?;
/// assert_eq!(graph.relation_count(), 1_000);
/// # Ok::<(), actorgraph::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Spec {
    actors: usize,
    relations: usize,
    sources: usize,
    seed: u64,
    romanised: bool,
}

impl Spec {
    /// `actors` actors (at least 2) and `relations` relations, 1 000 sources, seed 0.
    pub fn new(actors: usize, relations: usize) -> Spec {
        Spec {
            actors: actors.max(2),
            relations,
            sources: 1_000,
            seed: 0,
            romanised: false,
        }
    }

    /// Sets the number of sources relations cite (at least 1).
    pub fn sources(mut self, sources: usize) -> Spec {
        self.sources = sources.max(1);
        self
    }

    /// The shape every bench, the peer benchmark and the examples'
    /// `--synthetic N` use: one actor per 20 relations and one source per
    /// 100 (at least 100 and 50), seed 42, so their figures compare.
    ///
    /// # Example
    ///
    /// ```
    /// use actorgraph::synthetic::Spec;
    ///
    /// assert_eq!(Spec::benches(1_000).generate().relations.len(), 1_000);
    /// ```
    pub fn benches(relations: usize) -> Spec {
        Spec::new((relations / 20).max(100), relations)
            .sources((relations / 100).max(50))
            .seed(42)
    }

    /// Sets the seed; the same spec always gives the same dataset.
    pub fn seed(mut self, seed: u64) -> Spec {
        self.seed = seed;
        self
    }

    /// Gives actors romanised names ("Liwa al-Rafiqunu") instead of
    /// "Actor N": each with a word no other actor's name has, every second
    /// with an alias spelling the name another way ("Liwa el-Rafeqouno"),
    /// every eighth with a former name. Relations, sources and ids stay the
    /// same, so the two kinds of dataset differ only in names.
    ///
    /// # Example
    ///
    /// ```
    /// use actorgraph::{ActorGraph, synthetic::Spec};
    ///
    /// let data = Spec::new(1_000, 0).romanised_names().generate();
    /// let graph = ActorGraph::from_dataset(data.clone())?;
    /// for actor in &data.actors {
    ///     for alias in &actor.aliases {
    ///         assert_eq!(graph.resolve(alias)?.id, actor.id);
    ///     }
    /// }
    /// # Ok::<(), actorgraph::Error>(())
    /// ```
    pub fn romanised_names(mut self) -> Spec {
        self.romanised = true;
        self
    }

    /// The first day of the span the intervals are drawn from; few
    /// relations (those with an open start) hold this early.
    pub fn earliest_day() -> Date {
        PartialDate::year(FIRST_YEAR).map_or(Date::MIN, PartialDate::first_day)
    }

    /// Generates the dataset.
    pub fn generate(&self) -> Dataset {
        let mut rng = SplitMix64(self.seed);
        let places = (self.actors / 10).max(1);
        let actors: Vec<Actor> = (0..self.actors)
            .map(|i| {
                let kind = actor_kind(i, self.actors, places);
                let (name, aliases, former_names) = if self.romanised {
                    romanised::names(i, self.actors, kind)
                } else {
                    let aliases = if i % 4 == 0 {
                        vec![format!("A{i}")]
                    } else {
                        Vec::new()
                    };
                    (format!("Actor {i}"), aliases, Vec::new())
                };
                Actor {
                    id: ActorId::new(format!("a{i}")).unwrap_or_else(|_| unreachable_id()),
                    name,
                    kind,
                    aliases,
                    former_names,
                    died: None,
                    note: None,
                    reliability: None,
                }
            })
            .collect();
        let sources: Vec<Source> = (0..self.sources)
            .map(|i| Source {
                id: SourceId::new(format!("s{i}")).unwrap_or_else(|_| unreachable_source()),
                publisher: Some(format!("Publisher {}", i % 50)),
                title: format!("Report {i}"),
                published: random_published(&mut rng),
                approximate: false,
                url: None,
                file: None,
                reliability: None,
            })
            .collect();
        let first_place = self.actors - places;
        let relations = (0..self.relations)
            .map(|i| {
                let kind = relation_kind(rng.below(100));
                let subject = skewed(&mut rng, first_place.max(1));
                let object = if kind == RelationKind::Controls {
                    first_place + rng.below(places as u64) as usize
                } else {
                    let mut object = skewed(&mut rng, first_place.max(2));
                    if object == subject {
                        object = (subject + 1) % first_place.max(2);
                    }
                    object
                };
                let (from, until) = random_interval(&mut rng);
                // An event happens on a day (or within a range): its start.
                let (from, until, on) = if kind.is_event() {
                    (
                        None,
                        None,
                        Some(from.unwrap_or_else(|| random_when(&mut rng))),
                    )
                } else {
                    (from, until, None)
                };
                let cited = 1 + rng.below(3) as usize;
                let citations = (0..cited)
                    .map(|c| Citation {
                        source: sources[rng.below(self.sources as u64) as usize].id.clone(),
                        quote: format!("reported fact number {}", rng.below(QUOTE_POOL)),
                        stance: if c > 0 && rng.below(20) == 0 {
                            Stance::Disputes
                        } else {
                            Stance::Supports
                        },
                        claimed_by: None,
                        credibility: None,
                        acknowledged: Vec::new(),
                    })
                    .collect();
                Relation {
                    id: RelationId::new(format!("r{i}")).unwrap_or_else(|_| unreachable_relation()),
                    kind,
                    subject: actors[subject].id.clone(),
                    object: actors[object].id.clone(),
                    from,
                    until,
                    on,
                    citations,
                    claimed_by: None,
                    note: None,
                    acknowledged: Vec::new(),
                }
            })
            .collect();
        Dataset {
            sources,
            actors,
            relations,
        }
    }
}

mod romanised {
    //! Names as they come romanised from Arabic, in several spellings.

    use crate::base::date::{PartialDate, When};
    use crate::base::model::{ActorKind, FormerName};

    /// Consonants and vowels whose spellings the search folds apart from
    /// each other, so that every actor's own word stays its own.
    const CONSONANTS: [&str; 15] = [
        "b", "d", "f", "h", "j", "q", "l", "m", "n", "r", "s", "t", "w", "y", "z",
    ];
    const VOWELS: [&str; 3] = ["a", "i", "u"];
    const GIVEN: [&str; 5] = ["Muhammad", "Umar", "Bakr", "Ali", "Hassan"];

    /// The word of actor `i` of `n`: consonant-vowel syllables, as many as
    /// it takes to give each of `n` actors its own, scrambled so that
    /// neighbours differ from the first syllable.
    pub(super) fn word(i: usize, n: usize) -> String {
        let base = CONSONANTS.len() * VOWELS.len();
        let mut syllables = 3;
        let mut space = base * base * base;
        while space < n {
            syllables += 1;
            space = space.saturating_mul(base);
        }
        // 7919 is prime and does not divide the base, so this permutes.
        let mut x = ((i as u128 * 7919) % space as u128) as usize;
        let mut word = String::new();
        for k in 0..syllables {
            let s = x % base;
            x /= base;
            let consonant = CONSONANTS[s / VOWELS.len()];
            if k == 0 {
                word.push_str(&consonant.to_uppercase());
            } else {
                word.push_str(consonant);
            }
            word.push_str(VOWELS[s % VOWELS.len()]);
        }
        word
    }

    /// `word` spelt another way, by one of the usual variants, picked by `i`.
    pub(super) fn variant(word: &str, i: usize) -> String {
        let swaps: [(&str, &str); 5] =
            [("u", "ou"), ("i", "e"), ("j", "g"), ("q", "k"), ("u", "o")];
        let (from, to) = swaps[i % swaps.len()];
        if i.is_multiple_of(7) && word.ends_with('a') {
            return format!("{word}h");
        }
        if i % 7 == 1 {
            // An ayn or hamza mark after the first letter.
            let mut chars = word.chars();
            let first = chars.next().map(String::from).unwrap_or_default();
            return format!("{first}'{}", chars.as_str());
        }
        match word[1..].find(from) {
            Some(at) => format!("{}{to}{}", &word[..=at], &word[at + 1 + from.len()..]),
            // No such letter: double the second consonant instead.
            None => {
                let mut chars: Vec<char> = word.chars().collect();
                if let Some(&c) = chars.get(2) {
                    chars.insert(2, c);
                }
                chars.into_iter().collect()
            }
        }
    }

    /// The name, aliases and former names of actor `i` of `n`.
    pub(super) fn names(
        i: usize,
        n: usize,
        kind: ActorKind,
    ) -> (String, Vec<String>, Vec<FormerName>) {
        let own = word(i, n);
        let other = variant(&own, i / 2);
        let article = if i.is_multiple_of(4) { "el" } else { "al" };
        let (name, alias) = match kind {
            ActorKind::State | ActorKind::Place => (own.clone(), other),
            ActorKind::Government => (
                format!("Government of {own}"),
                format!("Government of {other}"),
            ),
            ActorKind::Person => {
                // Every fifth actor is a person, so step through the names by fives.
                let given = GIVEN[(i / 5) % GIVEN.len()];
                (
                    format!("Abu {given} al-{own}"),
                    format!("{article}-{other}"),
                )
            }
            ActorKind::Militia => (format!("Liwa al-{own}"), format!("Liwa {article}-{other}")),
            ActorKind::Coalition => (
                format!("Jaysh al-{own}"),
                format!("Jaish {article}-{other}"),
            ),
            _ => (
                format!("Jabhat al-{own}"),
                format!("Jabhat {article}-{other}"),
            ),
        };
        let aliases = if i.is_multiple_of(2) {
            vec![alias]
        } else {
            Vec::new()
        };
        let former_names = if i % 8 == 3 {
            let year = |y: usize| PartialDate::year(y as i16).ok().map(When::on);
            vec![FormerName {
                name: format!("Harakat {own}"),
                from: year(1980 + i % 20),
                until: year(2000 + i % 20),
                citations: Vec::new(),
            }]
        } else {
            Vec::new()
        };
        (name, aliases, former_names)
    }
}

const FIRST_YEAR: i16 = 1960;
const LAST_YEAR: i16 = 2024;
const QUOTE_POOL: u64 = 5_000;

// Generated ids are valid slugs by construction; these keep panics out of
// the library all the same.
fn unreachable_id() -> ActorId {
    ActorId(String::from("a"))
}
fn unreachable_source() -> SourceId {
    SourceId(String::from("s"))
}
fn unreachable_relation() -> RelationId {
    RelationId(String::from("r"))
}

fn actor_kind(i: usize, actors: usize, places: usize) -> ActorKind {
    if i >= actors - places {
        ActorKind::Place
    } else if i < (actors / 100).max(1) {
        ActorKind::State
    } else {
        [
            ActorKind::ArmedGroup,
            ActorKind::Militia,
            ActorKind::Person,
            ActorKind::Coalition,
            ActorKind::Government,
        ][i % 5]
    }
}

fn relation_kind(roll: u64) -> RelationKind {
    match roll {
        0..25 => RelationKind::Backs,
        25..45 => RelationKind::Opposes,
        45..55 => RelationKind::AlliedWith,
        55..65 => RelationKind::MemberOf,
        65..70 => RelationKind::Leads,
        70..78 => RelationKind::AffiliatedWith,
        78..88 => RelationKind::Attacks,
        88..93 => RelationKind::CoordinatesWith,
        93..95 => RelationKind::SpeaksFor,
        _ => RelationKind::Controls,
    }
}

/// An index in `0..n` drawn so that low indices (hubs) come up far more often.
fn skewed(rng: &mut SplitMix64, n: usize) -> usize {
    let u = rng.unit();
    ((u * u * u * n as f64) as usize).min(n - 1)
}

fn random_partial(rng: &mut SplitMix64, from_year: i16, to_year: i16) -> PartialDate {
    let span = (to_year - from_year).max(1) as u64;
    let year = from_year + rng.below(span) as i16;
    let month = 1 + rng.below(12) as u8;
    let day = 1 + rng.below(28) as u8;
    coarsen(rng, year, month, day)
}

fn coarsen(rng: &mut SplitMix64, year: i16, month: u8, day: u8) -> PartialDate {
    let result = match rng.below(10) {
        0..3 => PartialDate::year(year),
        3..6 => PartialDate::month(year, month),
        _ => PartialDate::day(year, month, day),
    };
    result.unwrap_or_else(|_| PartialDate::from(Date::MIN))
}

/// A publication date: one in fifty known only as "on or before" a day.
fn random_published(rng: &mut SplitMix64) -> When {
    let date = random_partial(rng, FIRST_YEAR, LAST_YEAR + 1);
    if rng.below(50) == 0 {
        When::on_or_before(date)
    } else {
        When::on(date)
    }
}

/// A start: mostly a partial date, one in twenty a range of a few days,
/// one in 400 "on or before" a day (which, like an open start, possibly
/// holds before the record begins).
fn random_when(rng: &mut SplitMix64) -> When {
    let date = random_partial(rng, FIRST_YEAR, LAST_YEAR + 1);
    match rng.below(400) {
        0 => When::on_or_before(date),
        1..21 => {
            let first = date.first_day().to_jiff();
            let days = 1 + rng.below(5) as i64;
            match first.checked_add(jiff::Span::new().days(days)) {
                Ok(last) => match Date::try_from(last) {
                    Ok(last) => {
                        When::between(date, PartialDate::from(last)).unwrap_or(When::on(date))
                    }
                    Err(_) => When::on(date),
                },
                Err(_) => When::on(date),
            }
        }
        _ => When::on(date),
    }
}

fn random_interval(rng: &mut SplitMix64) -> (Option<When>, Option<When>) {
    // One in 400 predates the record, three in ten still hold.
    let start = (rng.below(400) != 0).then(|| random_when(rng));
    if rng.below(10) < 3 {
        return (start, None);
    }
    let begin = start
        .map_or_else(
            || random_partial(rng, FIRST_YEAR, LAST_YEAR + 1).last_day(),
            When::last_or_never,
        )
        .to_jiff();
    let days = 1 + rng.below(15 * 365) as i64;
    let Ok(end) = begin.checked_add(jiff::Span::new().days(days)) else {
        return (start, None);
    };
    let end = coarsen(
        rng,
        end.year(),
        end.month() as u8,
        (end.day() as u8).min(28),
    );
    // Coarsening can only widen the end, so the interval stays non-empty,
    // but a year-precise start and end in one year must stay apart.
    let end = When::on(end);
    match Interval::new(start, Some(end)) {
        Ok(_) => (start, Some(end)),
        Err(_) => (start, None),
    }
}

/// SplitMix64: tiny, fast, and its output is fixed forever, which a
/// benchmark corpus needs; a crate's generator may change between versions.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        // Multiply-shift maps a 64-bit draw onto 0..n without division.
        ((self.next() as u128 * n.max(1) as u128) >> 64) as u64
    }

    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// Writes `rows` ACLED-shaped rows (with the header) of fictional events
/// to `out`, for the import bench: the 31 columns of the 2023 layout, a
/// few thousand actors with a skewed share of events (with regime dates on
/// the state forces' names), every event type, all three time precisions,
/// one to three outlets, associated actors on one row in five, one-sided
/// events (protests) and `NA`s, notes of about 150 bytes. The same seed
/// gives the same file.
///
/// # Errors
///
/// What writing to `out` returns.
pub fn write_acled_csv(out: impl std::io::Write, rows: usize, seed: u64) -> std::io::Result<()> {
    let mut rng = SplitMix64(seed ^ 0xAC1E_D000);
    let mut w = csv::Writer::from_writer(out);
    w.write_record(crate::import::ACLED_LAYOUT)
        .map_err(std::io::Error::other)?;
    let groups = (rows / 300).clamp(20, 4000);
    let places = (rows / 2000).clamp(10, 800);
    let outlets = [
        "Wire Service",
        "Landia Today",
        "Monitor Network",
        "Radio North",
        "Daily Courier",
        "Local Observers",
    ];
    let types: [(&str, &str, &str); 6] = [
        ("Battles", "Armed clash", "Political violence"),
        ("Violence against civilians", "Attack", "Political violence"),
        (
            "Explosions/Remote violence",
            "Shelling/artillery/missile attack",
            "Political violence",
        ),
        ("Protests", "Peaceful protest", "Demonstrations"),
        ("Riots", "Mob violence", "Political violence"),
        (
            "Strategic developments",
            "Headquarters or base established",
            "Strategic developments",
        ),
    ];
    let group = |rng: &mut SplitMix64| -> (String, u8) {
        let g = skewed(rng, groups);
        match g % 10 {
            0 => (
                format!("Military Forces of Country {} (2000-2024)", g / 10),
                1,
            ),
            1 => (format!("Military Forces of Country {} (2024-)", g / 10), 1),
            2 | 3 => (format!("Militia {g}"), 3),
            _ => (format!("Armed Group {g}"), 2),
        }
    };
    let start = Date::new(1997, 1, 1)
        .map_err(std::io::Error::other)?
        .to_jiff();
    for i in 0..rows {
        let (event_type, sub_event_type, disorder) = types[rng.below(6) as usize];
        let day = start + jiff::ToSpan::days(rng.below(10_000) as i64);
        let precision = match rng.below(20) {
            0 => 3,
            1..=2 => 2,
            _ => 1,
        };
        let (actor1, inter1) = match event_type {
            "Protests" => (format!("Protesters (Country {})", rng.below(50)), 6u8),
            "Riots" => (format!("Rioters (Country {})", rng.below(50)), 5u8),
            _ => group(&mut rng),
        };
        let (actor2, inter2) = match event_type {
            "Protests" | "Strategic developments" => ("NA".to_owned(), 0u8),
            "Violence against civilians" => (format!("Civilians (Country {})", rng.below(50)), 7u8),
            "Riots" => (actor1.clone(), 5u8),
            _ => group(&mut rng),
        };
        let assoc1 = if rng.below(5) == 0 {
            format!("{}; {}", group(&mut rng).0, group(&mut rng).0)
        } else {
            String::new()
        };
        let place = rng.below(places as u64);
        let location = format!("Town {place}");
        let admin1 = format!("Province {}", place % 40);
        let country = format!("Country {}", place % 50);
        let n_outlets = 1 + rng.below(3) as usize;
        let first = rng.below(outlets.len() as u64) as usize;
        let source: Vec<&str> = (0..n_outlets)
            .map(|k| outlets[(first + k) % outlets.len()])
            .collect();
        let fatalities = if rng.below(3) == 0 { rng.below(40) } else { 0 };
        let date = format!("{:04}-{:02}-{:02}", day.year(), day.month(), day.day());
        let notes = format!(
            "On {date}, {actor1} and {} were involved in an event ({sub_event_type}) near {location}, {admin1}. Fatalities reported: {fatalities}.",
            if actor2 == "NA" {
                "no other side"
            } else {
                actor2.as_str()
            }
        );
        // ACLED last changed the row some days after the event.
        let epoch_day = (day - jiff::civil::date(1970, 1, 1)).get_days() as u64;
        let timestamp = (epoch_day + 1 + rng.below(60)) * 86_400;
        w.write_record([
            format!("SYN{i}"),
            date,
            day.year().to_string(),
            precision.to_string(),
            disorder.to_owned(),
            event_type.to_owned(),
            sub_event_type.to_owned(),
            actor1,
            assoc1,
            inter1.to_string(),
            actor2,
            String::new(),
            inter2.to_string(),
            format!("{inter1}{inter2}"),
            if event_type == "Violence against civilians" {
                "Civilian targeting".to_owned()
            } else {
                String::new()
            },
            "999".to_owned(),
            "Fictional Region".to_owned(),
            country,
            admin1,
            String::new(),
            String::new(),
            location,
            format!("{:.4}", 30.0 + rng.unit() * 10.0),
            format!("{:.4}", 35.0 + rng.unit() * 10.0),
            (1 + rng.below(3)).to_string(),
            source.join("; "),
            "National".to_owned(),
            notes,
            fatalities.to_string(),
            String::new(),
            timestamp.to_string(),
        ])
        .map_err(std::io::Error::other)?;
    }
    w.flush()
}
