//! The splitter: finds the items of a dataset's three lists in RON or JSON
//! text, a window at a time, following only strings, comments and
//! brackets; whatever is not the plain outline of a dataset gives up.

use std::ops::Range;

use super::super::dialect::Dialect;
use super::give_up::GiveUp;

/// One of the dataset's lists.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum List {
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
pub(super) struct Splitter {
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
    pub(super) scanned: usize,
    /// Items completed and not yet taken: their list and place in the text.
    pub(super) found: Vec<(List, Range<usize>)>,
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
    pub(super) fn new(dialect: Dialect) -> Splitter {
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
    pub(super) fn keep_from(&self, end: usize) -> usize {
        match self.outline {
            Outline::InItem { .. } => self.item_start,
            _ => end,
        }
    }

    /// Checks that the text ended where a dataset may end.
    pub(super) fn finish(&self) -> Result<(), GiveUp> {
        let closed = self.outline == Outline::After
            && matches!(self.lexeme, Lexeme::Code | Lexeme::LineComment);
        if closed { Ok(()) } else { Err(GiveUp) }
    }

    /// Scans `window`, which holds the text from `base` on and reaches at
    /// least as far as the last call's; completed items go to `found`.
    pub(super) fn scan(&mut self, window: &[u8], base: usize) -> Result<(), GiveUp> {
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
