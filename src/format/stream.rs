//! Loading a dataset piece by piece while it is read, so that neither the
//! whole text nor the whole parsed [`Dataset`] is ever held.
//!
//! A [`Splitter`] finds the items of the dataset's three lists in RON or
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
use std::ops::Range;

use rayon::prelude::*;
use serde::de::DeserializeOwned;

use crate::base::model::{Actor, Dataset, Relation, Source};
use crate::graph::ActorGraph;

use super::dialect::{Dialect, ron_options};

/// The streaming load gave up; load the whole text the ordinary way.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct GiveUp;

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

/// One of the dataset's lists.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum List {
    Sources,
    Actors,
    Relations,
}

impl List {
    fn named(name: &[u8]) -> Option<List> {
        match name {
            b"sources" => Some(List::Sources),
            b"actors" => Some(List::Actors),
            b"relations" => Some(List::Relations),
            _ => None,
        }
    }
}

/// Where the splitter is in the dataset's outline.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Outline {
    /// Before the dataset opens; RON may name it `Dataset` first.
    Before,
    /// In a RON `#![enable(…)]` header, read into `word`.
    Header,
    /// Inside the dataset, at a field's name (being read into `word`) or
    /// the dataset's close; `after_comma` since JSON forbids `,}`.
    Field { after_comma: bool },
    /// After a field's name and `:`, before its list opens.
    Open(List),
    /// Inside a list, before an item or the list's close.
    Item { list: List, after_comma: bool },
    /// Inside an item, `depth` brackets deep.
    InItem { list: List, depth: u32 },
    /// After a list: a `,` or the dataset's close.
    AfterList,
    /// After the dataset's close: only blanks and comments.
    After,
}

/// What the splitter is inside, byte by byte.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Lexeme {
    Code,
    /// A quoted string; `escaped` right after a backslash.
    Str {
        escaped: bool,
    },
    /// A RON raw string, closed by a quote and `hashes` hashes; `closing`
    /// counts the hashes seen since a quote.
    Raw {
        hashes: usize,
        closing: Option<usize>,
    },
    /// A RON character literal.
    Char {
        escaped: bool,
    },
    /// After a `/` in RON code: a comment begins.
    Slash,
    LineComment,
    /// A RON block comment, nested `depth` deep; `last` is the byte before.
    Block {
        depth: u32,
        last: u8,
    },
}

/// Finds the items of a dataset's lists in text given a window at a time.
pub(crate) struct Splitter {
    dialect: Dialect,
    outline: Outline,
    lexeme: Lexeme,
    /// The name being read: RON's dataset name or field name, or a JSON key.
    word: Vec<u8>,
    /// The name ended (a blank or comment followed it).
    word_done: bool,
    /// Collecting a JSON key's text.
    in_key: bool,
    /// Lists already read: each may be given once.
    seen: [bool; 3],
    /// Where the current item began in the whole text.
    item_start: usize,
    /// How far the text has been scanned.
    scanned: usize,
    /// Items completed and not yet taken: their list and place in the text.
    found: Vec<(List, Range<usize>)>,
}

/// Bytes that matter inside an item's code; the rest are skipped in a run.
const SPECIAL: [bool; 256] = {
    let mut table = [false; 256];
    let bytes = b"\"'()[]{},/";
    let mut i = 0;
    while i < bytes.len() {
        table[bytes[i] as usize] = true;
        i += 1;
    }
    table
};

fn is_blank(byte: u8) -> bool {
    matches!(byte, b' ' | b'\t' | b'\n' | b'\r')
}

fn is_word(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || byte == b'_'
}

impl Splitter {
    fn new(dialect: Dialect) -> Splitter {
        Splitter {
            dialect,
            outline: Outline::Before,
            lexeme: Lexeme::Code,
            word: Vec::new(),
            word_done: false,
            in_key: false,
            seen: [false; 3],
            item_start: 0,
            scanned: 0,
            found: Vec::new(),
        }
    }

    /// The earliest place in the text still needed: the start of an
    /// unfinished item, else `end`, the end of what was given.
    fn keep_from(&self, end: usize) -> usize {
        match self.outline {
            Outline::InItem { .. } => self.item_start,
            _ => end,
        }
    }

    /// Checks that the text ended where a dataset may end.
    fn finish(&self) -> Result<(), GiveUp> {
        let closed = self.outline == Outline::After
            && matches!(self.lexeme, Lexeme::Code | Lexeme::LineComment);
        if closed { Ok(()) } else { Err(GiveUp) }
    }

    /// Scans `window`, which holds the text from `base` on and reaches at
    /// least as far as the last call's; completed items go to `found`.
    fn scan(&mut self, window: &[u8], base: usize) -> Result<(), GiveUp> {
        let mut i = self.scanned - base;
        while i < window.len() {
            let byte = window[i];
            match self.lexeme {
                Lexeme::Code => {
                    if matches!(self.outline, Outline::InItem { .. }) {
                        if !SPECIAL[byte as usize] {
                            i += window[i..]
                                .iter()
                                .position(|&b| SPECIAL[b as usize])
                                .unwrap_or(window.len() - i);
                            continue;
                        }
                        // Most of an item is strings: skip a plain one
                        // whole rather than byte by byte.
                        if byte == b'"'
                            && (self.dialect == Dialect::Json
                                || raw_string_hashes(window, i, base, self).is_none())
                        {
                            match skip_string(&window[i + 1..]) {
                                Some(length) => {
                                    i += length + 2;
                                    continue;
                                }
                                None => {
                                    // Unfinished: the state machine takes
                                    // it from here, in the next window.
                                    self.lexeme = Lexeme::Str { escaped: false };
                                    i += 1;
                                    continue;
                                }
                            }
                        }
                    }
                    self.code(window, i, base)?;
                }
                Lexeme::Str { escaped: true } => self.lexeme = Lexeme::Str { escaped: false },
                Lexeme::Str { escaped: false } => {
                    let run = window[i..]
                        .iter()
                        .position(|&b| b == b'"' || b == b'\\')
                        .unwrap_or(window.len() - i);
                    if self.in_key {
                        self.word.extend_from_slice(&window[i..i + run]);
                    }
                    i += run;
                    match window.get(i) {
                        Some(b'"') => {
                            self.lexeme = Lexeme::Code;
                            if self.in_key {
                                self.in_key = false;
                                self.word_done = true;
                            }
                        }
                        // Keys are plain names: one with an escape is left
                        // to the ordinary path.
                        Some(_) if self.in_key => return Err(GiveUp),
                        Some(_) => self.lexeme = Lexeme::Str { escaped: true },
                        None => break,
                    }
                }
                Lexeme::Raw { hashes, closing } => {
                    self.lexeme = match (byte, closing) {
                        (b'"', _) if hashes == 0 => Lexeme::Code,
                        (b'"', _) => Lexeme::Raw {
                            hashes,
                            closing: Some(0),
                        },
                        (b'#', Some(seen)) if seen + 1 == hashes => Lexeme::Code,
                        (b'#', Some(seen)) => Lexeme::Raw {
                            hashes,
                            closing: Some(seen + 1),
                        },
                        _ => Lexeme::Raw {
                            hashes,
                            closing: None,
                        },
                    };
                }
                Lexeme::Char { escaped } => {
                    self.lexeme = match (byte, escaped) {
                        (_, true) => Lexeme::Char { escaped: false },
                        (b'\\', false) => Lexeme::Char { escaped: true },
                        (b'\'', false) => Lexeme::Code,
                        _ => Lexeme::Char { escaped: false },
                    };
                }
                Lexeme::Slash => {
                    self.lexeme = match byte {
                        b'/' => Lexeme::LineComment,
                        b'*' => Lexeme::Block { depth: 1, last: 0 },
                        _ => return Err(GiveUp),
                    };
                }
                Lexeme::LineComment => {
                    match window[i..].iter().position(|&b| b == b'\n') {
                        Some(at) => {
                            i += at;
                            self.lexeme = Lexeme::Code;
                        }
                        None => i = window.len(),
                    }
                    continue;
                }
                Lexeme::Block { depth, last } => {
                    self.lexeme = match (last, byte) {
                        (b'*', b'/') if depth == 1 => Lexeme::Code,
                        (b'*', b'/') => Lexeme::Block {
                            depth: depth - 1,
                            last: 0,
                        },
                        (b'/', b'*') => Lexeme::Block {
                            depth: depth + 1,
                            last: 0,
                        },
                        _ => Lexeme::Block { depth, last: byte },
                    };
                }
            }
            i += 1;
        }
        self.scanned = base + window.len();
        Ok(())
    }

    /// One byte of code, at `window[i]`.
    fn code(&mut self, window: &[u8], i: usize, base: usize) -> Result<(), GiveUp> {
        let byte = window[i];
        // Only the header `to_ron` writes is taken as it stands: inside it
        // a blank or a comment may split a name, as RON reads it.
        if self.outline == Outline::Header && (is_blank(byte) || byte == b'/') {
            return Err(GiveUp);
        }
        if is_blank(byte) {
            self.word_done = !self.word.is_empty();
            return Ok(());
        }
        let ron = self.dialect == Dialect::Ron;
        if let Outline::Item { list, .. } = self.outline
            && byte != b']'
            && byte != b','
            && byte != b'/'
        {
            self.item_start = base + i;
            self.outline = Outline::InItem { list, depth: 0 };
        }
        match byte {
            b'/' if ron => {
                self.word_done = !self.word.is_empty();
                self.lexeme = Lexeme::Slash;
            }
            b'"' => match self.outline {
                Outline::InItem { .. } => {
                    self.lexeme = match ron.then(|| raw_string_hashes(window, i, base, self)) {
                        Some(Some(hashes)) => Lexeme::Raw {
                            hashes,
                            closing: None,
                        },
                        _ => Lexeme::Str { escaped: false },
                    };
                }
                Outline::Field { .. } if !ron && self.word.is_empty() => {
                    self.in_key = true;
                    self.lexeme = Lexeme::Str { escaped: false };
                }
                _ => return Err(GiveUp),
            },
            b'\'' if ron && matches!(self.outline, Outline::InItem { .. }) => {
                self.lexeme = Lexeme::Char { escaped: false };
            }
            _ => self.outline(byte, base + i)?,
        }
        Ok(())
    }

    /// A byte that moves through the outline: brackets, commas, colons and
    /// the letters of names.
    fn outline(&mut self, byte: u8, at: usize) -> Result<(), GiveUp> {
        let ron = self.dialect == Dialect::Ron;
        let (open, close) = if ron { (b'(', b')') } else { (b'{', b'}') };
        self.outline = match (self.outline, byte) {
            (Outline::InItem { list, depth }, b'(' | b'[' | b'{') => Outline::InItem {
                list,
                depth: depth + 1,
            },
            (Outline::InItem { list, depth: 0 }, b',') => {
                self.found.push((list, self.item_start..at));
                Outline::Item {
                    list,
                    after_comma: true,
                }
            }
            (Outline::InItem { list, depth: 0 }, b']') => {
                self.found.push((list, self.item_start..at));
                Outline::AfterList
            }
            (Outline::InItem { depth: 0, .. }, b')' | b'}') => return Err(GiveUp),
            (Outline::InItem { list, depth }, b')' | b']' | b'}') => Outline::InItem {
                list,
                depth: depth - 1,
            },
            (Outline::InItem { list, depth }, _) => Outline::InItem { list, depth },
            (Outline::Before, b'#') if ron && self.word.is_empty() => {
                self.word.push(byte);
                Outline::Header
            }
            (Outline::Header, _) => {
                self.word.push(byte);
                if byte != b']' {
                    return Ok(());
                }
                // Items are parsed with `implicit_some` on, as whole files
                // are; another extension would change what they mean.
                if self.word != b"#![enable(implicit_some)]" {
                    return Err(GiveUp);
                }
                self.word.clear();
                Outline::Before
            }
            (Outline::Before | Outline::Field { .. }, _) if ron && is_word(byte) => {
                if self.word_done {
                    return Err(GiveUp);
                }
                self.word.push(byte);
                self.outline
            }
            (Outline::Before, _) if byte == open => {
                let named = std::mem::take(&mut self.word);
                if !(named.is_empty() || named == b"Dataset") {
                    return Err(GiveUp);
                }
                self.word_done = false;
                Outline::Field { after_comma: false }
            }
            (Outline::Field { .. }, b':') => {
                let list = List::named(&self.word).ok_or(GiveUp)?;
                let seen = &mut self.seen[list as usize];
                if std::mem::replace(seen, true) {
                    return Err(GiveUp);
                }
                self.word.clear();
                self.word_done = false;
                Outline::Open(list)
            }
            (Outline::Field { after_comma }, _)
                if byte == close && self.word.is_empty() && (ron || !after_comma) =>
            {
                Outline::After
            }
            (Outline::Open(list), b'[') => Outline::Item {
                list,
                after_comma: false,
            },
            (Outline::Item { after_comma, .. }, b']') if ron || !after_comma => Outline::AfterList,
            (Outline::AfterList, b',') => Outline::Field { after_comma: true },
            (Outline::AfterList, _) if byte == close => Outline::After,
            _ => return Err(GiveUp),
        };
        Ok(())
    }
}

/// The length of the string body at the start of `rest`, up to its closing
/// quote; `None` if `rest` ends first.
fn skip_string(rest: &[u8]) -> Option<usize> {
    let mut at = 0;
    loop {
        let found = at + memchr::memchr2(b'"', b'\\', rest.get(at..)?)?;
        if rest[found] == b'"' {
            return Some(found);
        }
        // An escape: the byte after the backslash is never the close. If it
        // is not in the window yet, the string is unfinished.
        at = found + 2;
        if at > rest.len() {
            return None;
        }
    }
}

/// How many hashes open the RON raw string whose quote is at `window[i]`
/// (`r"`, `r#"`, `br"`…), or `None` for a plain string. Only bytes of the
/// current item are looked at, and those are always in the window.
fn raw_string_hashes(window: &[u8], i: usize, base: usize, splitter: &Splitter) -> Option<usize> {
    let item = splitter.item_start.saturating_sub(base);
    let before = &window[item..i];
    let hashes = before.iter().rev().take_while(|&&b| b == b'#').count();
    let rest = &before[..before.len() - hashes];
    let rest = rest.strip_suffix(b"r")?;
    let rest = rest.strip_suffix(b"b").unwrap_or(rest);
    match rest.last() {
        Some(&b) if is_word(b) => None,
        _ => Some(hashes),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The items a whole text splits into, as text.
    fn split(dialect: Dialect, text: &str, window: usize) -> Result<Vec<(List, String)>, GiveUp> {
        let mut splitter = Splitter::new(dialect);
        let bytes = text.as_bytes();
        let mut items = Vec::new();
        let mut end = 0;
        while end < bytes.len() {
            end = (end + window).min(bytes.len());
            splitter.scan(&bytes[..end], 0)?;
            for (list, range) in splitter.found.drain(..) {
                items.push((list, text[range].to_owned()));
            }
        }
        splitter.finish()?;
        Ok(items)
    }

    #[test]
    fn ron_items_are_found_whatever_the_window() {
        let text = r##"#![enable(implicit_some)]
        Dataset( // a comment with ) and "
            sources: [(id: "a", title: "x)\"(]")],
            /* nested /* block */ ( */
            actors: [(id: "b", name: r#"raw "quoted" )"#), (id: 'c'),],
            relations: [],
        )"##;
        for window in [1, 2, 3, 7, 1000] {
            let items = split(Dialect::Ron, text, window).expect("splits");
            let texts: Vec<_> = items.iter().map(|(l, t)| (*l, t.trim())).collect();
            assert_eq!(
                texts,
                [
                    (List::Sources, r#"(id: "a", title: "x)\"(]")"#),
                    (List::Actors, r##"(id: "b", name: r#"raw "quoted" )"#)"##),
                    (List::Actors, "(id: 'c')"),
                ],
                "window {window}"
            );
        }
    }

    #[test]
    fn json_items_are_found() {
        let text =
            r#"{"sources": [{"id": "a", "t": "]}"}], "relations": [ {"id": "r"} , {"x": [1]} ]}"#;
        let items = split(Dialect::Json, text, 5).expect("splits");
        let texts: Vec<_> = items.iter().map(|(l, t)| (*l, t.trim())).collect();
        assert_eq!(
            texts,
            [
                (List::Sources, r#"{"id": "a", "t": "]}"}"#),
                (List::Relations, r#"{"id": "r"}"#),
                (List::Relations, r#"{"x": [1]}"#),
            ]
        );
    }

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

    #[test]
    fn anything_but_a_plain_dataset_outline_gives_up() {
        let ron = [
            "#![enable(unwrap_newtypes)] (actors: [])",
            "#![enable(i mplicit_some)] (actors: [])",
            "#![enable(impl/**/icit_some)] (actors: [])",
            "Other(actors: [])",
            "(actors: [], actors: [])",
            "(people: [])",
            "(actors: [] relations: [])",
            "(actors: [(id: \"a\")]",
            "(actors: [(id: \"a\"))])",
            "(actors: [,])",
            "(actors: []) x",
            "(act ors: [])",
            "(actors: [(id: \"unclosed)])",
        ];
        for text in ron {
            assert_eq!(split(Dialect::Ron, text, 4), Err(GiveUp), "{text}");
        }
        let json = [
            r#"{"actors": [],}"#,
            r#"{"actors": [{}, ]}"#,
            r#"{"act\u0020": []}"#,
            r#"{"actors": [] // no comments
            }"#,
            r#"{"actors": null}"#,
        ];
        for text in json {
            assert_eq!(split(Dialect::Json, text, 4), Err(GiveUp), "{text}");
        }
    }
}
