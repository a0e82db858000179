//! Loading a dataset piece by piece while it is read, so that neither the
//! whole text nor the whole parsed [`Dataset`] is ever held.
//!
//! A [`Splitter`](splitter::Splitter) finds the items of the dataset's three lists in RON or
//! JSON text without parsing them: it follows only strings, comments and
//! brackets. Each item is then parsed on its own, by the same serde code
//! that reads a whole dataset, and every few thousand items go into the
//! graph through the one validation every other way in uses.
//!
//! This path only makes a good file load faster and in less memory; it
//! never decides what a file means. Whatever it does not recognise as the
//! plain outline of a dataset (a RON extensions header, an unknown or
//! repeated field, any syntax error, any problem validation finds, an item
//! referring to one further on, an id given twice) makes [`load`] give up,
//! and the caller loads the whole text the ordinary way, which either
//! builds the same graph or reports every problem with its line and column.

use std::io::Read;

use rayon::prelude::*;
use serde::de::DeserializeOwned;

use crate::base::model::{Actor, Dataset, Relation, Source};
use crate::graph::ActorGraph;

use super::dialect::{Dialect, ron_options};

mod give_up;
mod splitter;

pub(crate) use self::give_up::GiveUp;
use self::splitter::{List, Splitter};

/// Bytes asked of the reader at a time: about ten thousand relations,
/// enough to split across the cores, while at most a few such windows of
/// parsed items wait for the builder.
const READ_SIZE: usize = 4 << 20;

/// The fewest items that go into the graph together: enough that
/// validation's per-batch work is spread thin.
const PIECE_ITEMS: usize = 4_096;

/// Pieces parsed ahead of the one going into the graph.
const PIECES_AHEAD: usize = 2;

/// Builds a graph from dataset text read from `reader`, item by item.
///
/// Both cores work: a builder thread puts each piece into the graph while
/// the text that follows is read, split, and its items parsed in parallel.
///
/// # Errors
///
/// [`GiveUp`] on anything but a valid dataset whose items refer only to
/// items before them, and on a read error.
pub(crate) fn load(reader: impl Read, dialect: Dialect) -> Result<ActorGraph, GiveUp> {
    let mut input = Input::new(reader, dialect);
    std::thread::scope(|scope| {
        let (pieces, received) = std::sync::mpsc::sync_channel::<Dataset>(PIECES_AHEAD);
        let builder = scope.spawn(move || {
            let mut graph = ActorGraph::new();
            for piece in received {
                // Dropping `received` here tells the reader to stop.
                if !graph.extend_piece(piece) {
                    return Err(GiveUp);
                }
            }
            graph.finish_pieces();
            Ok(graph)
        });
        let read = read_pieces(&mut input, &pieces);
        drop(pieces);
        let built = builder.join().map_err(|_| GiveUp)?;
        read?;
        built
    })
}

/// Sends the text's items to the builder a piece at a time.
fn read_pieces(
    input: &mut Input<impl Read>,
    pieces: &std::sync::mpsc::SyncSender<Dataset>,
) -> Result<(), GiveUp> {
    let mut piece = Dataset::default();
    while let Some(items) = input.next_items()? {
        for item in items {
            match item {
                Parsed::Source(source) => piece.sources.push(source),
                Parsed::Actor(actor) => piece.actors.push(actor),
                Parsed::Relation(relation) => piece.relations.push(relation),
            }
        }
        if piece.sources.len() + piece.actors.len() + piece.relations.len() >= PIECE_ITEMS {
            pieces
                .send(std::mem::take(&mut piece))
                .map_err(|_| GiveUp)?;
        }
    }
    pieces.send(piece).map_err(|_| GiveUp)
}

/// Where each item of the text's three lists (sources, actors, relations)
/// begins, in the order given; `None` when the text is not the plain
/// outline of a dataset.
pub(crate) fn item_starts(text: &[u8], dialect: Dialect) -> Option<[Vec<usize>; 3]> {
    let mut splitter = Splitter::new(dialect);
    splitter.scan(text, 0).ok()?;
    splitter.finish().ok()?;
    let mut starts: [Vec<usize>; 3] = Default::default();
    for (list, range) in splitter.found {
        let slot = match list {
            List::Sources => 0,
            List::Actors => 1,
            List::Relations => 2,
        };
        starts[slot].push(range.start);
    }
    Some(starts)
}

/// An item parsed from its text.
enum Parsed {
    Source(Source),
    Actor(Actor),
    Relation(Relation),
}

/// The text being read, a window at a time.
struct Input<R> {
    reader: R,
    dialect: Dialect,
    splitter: Splitter,
    window: Vec<u8>,
    /// Where `window[0]` sits in the whole text: earlier bytes are dropped
    /// as soon as no unfinished item needs them.
    base: usize,
    /// How far the text is known to be UTF-8: all of it is checked, blanks
    /// and comments included, as the whole-text path does.
    utf8_until: usize,
    started: bool,
    ended: bool,
}

impl<R: Read> Input<R> {
    fn new(reader: R, dialect: Dialect) -> Input<R> {
        Input {
            reader,
            dialect,
            splitter: Splitter::new(dialect),
            window: Vec::new(),
            base: 0,
            utf8_until: 0,
            started: false,
            ended: false,
        }
    }

    /// The items completed by the next read, in order; `None` once the text
    /// has ended where a dataset may end.
    fn next_items(&mut self) -> Result<Option<Vec<Parsed>>, GiveUp> {
        if self.ended {
            return Ok(None);
        }
        // Appended to what an unfinished item left, without zeroing first.
        let read = (&mut self.reader)
            .take(READ_SIZE as u64)
            .read_to_end(&mut self.window)
            .map_err(|_| GiveUp)?;
        match std::str::from_utf8(&self.window[self.utf8_until - self.base..]) {
            Ok(_) => self.utf8_until = self.base + self.window.len(),
            // A character cut by the end of the window: checked once whole.
            Err(e) if e.error_len().is_none() && read > 0 => self.utf8_until += e.valid_up_to(),
            Err(_) => return Err(GiveUp),
        }
        if !self.started {
            self.started = true;
            if self.window.starts_with("\u{feff}".as_bytes()) {
                self.splitter.scanned = 3;
            }
        }
        self.splitter.scan(&self.window, self.base)?;
        let (window, base, dialect) = (&self.window, self.base, self.dialect);
        let items = self
            .splitter
            .found
            .par_iter()
            .map(|(list, range)| {
                let text = &window[range.start - base..range.end - base];
                Ok(match list {
                    List::Sources => Parsed::Source(parse(dialect, text)?),
                    List::Actors => Parsed::Actor(parse(dialect, text)?),
                    List::Relations => Parsed::Relation(parse(dialect, text)?),
                })
            })
            .collect::<Result<Vec<Parsed>, GiveUp>>()?;
        self.splitter.found.clear();
        if read == 0 {
            self.splitter.finish()?;
            self.ended = true;
        }
        let keep = self
            .splitter
            .keep_from(self.base + self.window.len())
            .min(self.utf8_until);
        self.window.drain(..keep - self.base);
        self.base = keep;
        Ok(Some(items))
    }
}

fn parse<T: DeserializeOwned>(dialect: Dialect, item: &[u8]) -> Result<T, GiveUp> {
    match dialect {
        Dialect::Ron => {
            let text = std::str::from_utf8(item).map_err(|_| GiveUp)?;
            ron_options().from_str(text).map_err(|_| GiveUp)
        }
        Dialect::Json => serde_json::from_slice(item).map_err(|_| GiveUp),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Relations enough for their text to fill more than one window, even
    /// written compactly (about 250 bytes each).
    const SEVERAL_WINDOWS: usize = READ_SIZE / 100;

    mod erased {
        /// A list written as RON, whatever its items.
        pub(super) trait Ron {
            fn ron(&self) -> String;
        }
        impl<T: serde::Serialize> Ron for Vec<T> {
            fn ron(&self) -> String {
                ron::to_string(self).expect("serializes")
            }
        }
    }

    /// A dataset loaded item by item is the graph the whole dataset gives.
    fn assert_streams_alike(data: &Dataset) {
        let expected = ActorGraph::from_dataset(data.clone()).expect("valid data");
        let ron = data.to_ron().expect("serializes");
        let json = data.to_json().expect("serializes");
        for (dialect, text) in [(Dialect::Ron, ron), (Dialect::Json, json)] {
            let streamed = load(text.as_bytes(), dialect).expect("loads item by item");
            assert!(streamed == expected, "{dialect:?}");
            assert_eq!(streamed.to_dataset(), expected.to_dataset(), "{dialect:?}");
        }
    }

    #[test]
    fn the_embedded_dataset_loads_item_by_item() {
        let text = crate::EMBEDDED_DATASET;
        let streamed = load(text.as_bytes(), Dialect::Ron).expect("the plain outline");
        let data = Dataset::from_ron(text).expect("parses");
        let expected = ActorGraph::from_dataset(data.clone()).expect("valid");
        assert!(streamed == expected);
        assert_streams_alike(&data);
    }

    #[test]
    fn a_load_of_several_pieces_is_the_graph_of_one_batch() {
        let data = crate::synthetic::Spec::benches(SEVERAL_WINDOWS).generate();
        assert_streams_alike(&data);
    }

    #[test]
    fn a_reference_to_a_later_piece_gives_up_and_the_whole_text_loads() {
        // Relations first: the actors they name come in a later piece.
        let data = crate::synthetic::Spec::benches(SEVERAL_WINDOWS).generate();
        let list = |l: &dyn erased::Ron| l.ron();
        let reordered = format!(
            "(relations: {}, actors: {}, sources: {})",
            list(&data.relations),
            list(&data.actors),
            list(&data.sources),
        );
        assert_eq!(load(reordered.as_bytes(), Dialect::Ron).err(), Some(GiveUp));
        let loaded = ActorGraph::from_ron(&reordered).expect("valid as a whole");
        assert!(loaded == ActorGraph::from_dataset(data).expect("valid"));
    }

    #[test]
    fn a_death_in_a_later_piece_still_bars_earlier_states() {
        let mut data = crate::synthetic::Spec::benches(SEVERAL_WINDOWS).generate();
        let victim = data.relations[0].object.clone();
        let killer = data.relations[0].subject.clone();
        let mut killing = data.relations[0].clone();
        killing.id = "killing".parse().expect("a slug");
        killing.kind = crate::RelationKind::Killed;
        killing.subject = killer;
        killing.object = victim;
        killing.from = None;
        killing.until = None;
        killing.on = Some("1950".parse().expect("a year"));
        data.relations.push(killing);
        let ron = data.to_ron().expect("serializes");
        assert_eq!(load(ron.as_bytes(), Dialect::Ron).err(), Some(GiveUp));
        let err = ActorGraph::from_ron(&ron).expect_err("states run past the death");
        assert!(err.to_string().contains("killing"), "{err}");
    }

    #[test]
    fn text_that_is_not_utf8_gives_up_even_in_a_comment() {
        let text = b"(sources: [], // caf\xe9\n actors: [])";
        assert_eq!(load(&text[..], Dialect::Ron).err(), Some(GiveUp));
        // Each two-byte character starts at an odd offset, so the end of
        // the first window (an even one) cuts one: no error for that.
        let accented = format!(
            "(sources: [], // {}\n actors: [])",
            "\u{e9}".repeat(READ_SIZE)
        );
        assert!(load(accented.as_bytes(), Dialect::Ron).is_ok());
    }
}
