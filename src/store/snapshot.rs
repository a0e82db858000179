//! The store as snapshot bytes, and back with every position checked.
//!
//! Records (sources, actors, claimants, notes) are written field by field;
//! relations as their packed arrays. Reading trusts nothing: every
//! position is bounds-checked, every text checked as UTF-8, every date
//! checked as a day, and what can be recomputed cheaply (citation block
//! offsets, deduplication tables) is recomputed rather than read.

use crate::base::date::{Interval, When};
use crate::base::id::{ActorId, SourceId};
use crate::base::model::{
    Acknowledgement, Actor, Citation, Claimant, FormerName, RelationKind, Source,
};

use super::codec::{Corrupt, Decoded, Reader, Writer, corrupt, ix};
use super::interner::Interner;
use super::ix::{ActorIx, Ix, SourceIx};
use super::packed::{Span, Tagged};
use super::{CITATION_BLOCK, CitationRow, Ends, Store};

/// The snapshot format's version, kept beside the layout it names: bump it
/// with any change to what this file, `codec.rs`, `codes.rs` or the
/// interval index writes; another version is refused.
pub const FORMAT_VERSION: u32 = 6;

fn claimant(w: &mut Writer, claimant: &Claimant) {
    match claimant {
        Claimant::Actor(id) => {
            w.u8(0);
            w.str(id.as_str());
        }
        Claimant::Other(who) => {
            w.u8(1);
            w.str(who);
        }
    }
}

fn read_claimant(r: &mut Reader<'_>) -> Decoded<Claimant> {
    match r.u8()? {
        0 => id(r.str()?, ActorId::new).map(Claimant::Actor),
        1 => Ok(Claimant::Other(r.str()?.to_owned())),
        tag => corrupt(format!("claimant tag {tag}")),
    }
}

fn id<T>(text: &str, make: fn(String) -> Result<T, crate::base::error::Error>) -> Decoded<T> {
    make(text.to_owned()).or_else(|e| corrupt(e.to_string()))
}

fn acks(w: &mut Writer, acks: &[Acknowledgement]) {
    w.len(acks.len());
    for ack in acks {
        w.code(ack.warning);
        w.str(&ack.reason);
    }
}

fn read_acks(r: &mut Reader<'_>) -> Decoded<Vec<Acknowledgement>> {
    let n = r.len(9)?;
    (0..n)
        .map(|_| {
            let warning = r.code()?;
            Ok(Acknowledgement {
                warning,
                reason: r.str()?.to_owned(),
            })
        })
        .collect()
}

fn citation(w: &mut Writer, c: &Citation) {
    w.str(c.source.as_str());
    w.str(&c.quote);
    w.code(c.stance);
    match &c.claimed_by {
        Some(who) => {
            w.u8(1);
            claimant(w, who);
        }
        None => w.u8(0),
    }
    opt_code(w, c.credibility);
    acks(w, &c.acknowledged);
}

/// An optional coded value: 0 for none, else 1 and its code.
fn opt_code<T: super::codes::Code>(w: &mut Writer, value: Option<T>) {
    match value {
        Some(v) => {
            w.u8(1);
            w.code(v);
        }
        None => w.u8(0),
    }
}

fn read_opt_code<T: super::codes::Code>(r: &mut Reader<'_>) -> Decoded<Option<T>> {
    match r.bool()? {
        false => Ok(None),
        true => Ok(Some(r.code()?)),
    }
}

fn read_citation(r: &mut Reader<'_>) -> Decoded<Citation> {
    let source = id(r.str()?, SourceId::new)?;
    let quote = r.str()?.to_owned();
    let stance = r.code()?;
    let claimed_by = match r.bool()? {
        false => None,
        true => Some(read_claimant(r)?),
    };
    Ok(Citation {
        source,
        quote,
        stance,
        claimed_by,
        credibility: read_opt_code(r)?,
        acknowledged: read_acks(r)?,
    })
}

fn strings(w: &mut Writer, items: &[String]) {
    w.len(items.len());
    for s in items {
        w.str(s);
    }
}

fn read_strings(r: &mut Reader<'_>) -> Decoded<Vec<String>> {
    let n = r.len(8)?;
    (0..n).map(|_| r.str().map(str::to_owned)).collect()
}

fn actor(w: &mut Writer, a: &Actor) {
    w.str(a.id.as_str());
    w.str(&a.name);
    w.code(a.kind);
    strings(w, &a.aliases);
    w.len(a.former_names.len());
    for f in &a.former_names {
        w.str(&f.name);
        w.opt_when(f.from);
        w.opt_when(f.until);
        w.len(f.citations.len());
        for c in &f.citations {
            citation(w, c);
        }
    }
    w.opt_when(a.died);
    w.opt_str(a.note.as_deref());
    opt_code(w, a.reliability);
}

fn read_actor(r: &mut Reader<'_>) -> Decoded<Actor> {
    let id = id(r.str()?, ActorId::new)?;
    let name = r.str()?.to_owned();
    let kind = r.code()?;
    let aliases = read_strings(r)?;
    let n = r.len(11)?;
    let mut former_names = Vec::with_capacity(n);
    for _ in 0..n {
        let name = r.str()?.to_owned();
        let (from, until) = (r.opt_when()?, r.opt_when()?);
        let cited = r.len(19)?;
        let citations = (0..cited)
            .map(|_| read_citation(r))
            .collect::<Decoded<_>>()?;
        former_names.push(FormerName {
            name,
            from,
            until,
            citations,
        });
    }
    Ok(Actor {
        id,
        name,
        kind,
        aliases,
        former_names,
        died: r.opt_when()?,
        note: r.opt_str()?.map(str::to_owned),
        reliability: read_opt_code(r)?,
    })
}

fn source(w: &mut Writer, s: &Source) {
    w.str(s.id.as_str());
    w.opt_str(s.publisher.as_deref());
    w.str(&s.title);
    w.when(s.published);
    w.bool(s.approximate);
    w.opt_str(s.url.as_deref());
    w.opt_str(s.file.as_deref());
    opt_code(w, s.reliability);
}

fn read_source(r: &mut Reader<'_>) -> Decoded<Source> {
    Ok(Source {
        id: id(r.str()?, SourceId::new)?,
        publisher: r.opt_str()?.map(str::to_owned),
        title: r.str()?.to_owned(),
        published: r.when()?,
        approximate: r.bool()?,
        url: r.opt_str()?.map(str::to_owned),
        file: r.opt_str()?.map(str::to_owned),
        reliability: read_opt_code(r)?,
    })
}

/// Keys of a side table: strictly increasing and below `bound`.
fn check_keys<I: Ix>(what: &str, keys: impl Iterator<Item = I>, bound: usize) -> Decoded<()> {
    let mut last: Option<I> = None;
    for key in keys {
        if key.index() >= bound || last.is_some_and(|l| l >= key) {
            return corrupt(format!(
                "{what}: position {} out of order or range",
                key.index()
            ));
        }
        last = Some(key);
    }
    Ok(())
}

/// Bytes a relation takes in the snapshot: two ends, two days, a kind, a
/// shape and a count of citations.
const RELATION_BYTES: usize = 4 + 4 + 4 + 4 + 1 + 1 + 2;

/// Bytes a citation takes: its tagged source and its quote's number.
const CITATION_BYTES: usize = 4 + 4;

/// The relation columns of a snapshot, decoded and checked.
struct RelationColumns {
    spans: Vec<Span>,
    ends: Vec<Ends>,
    citation_blocks: Vec<u32>,
    citation_total: usize,
    /// Objects of `Killed` relations, in order of relation.
    killed: Vec<ActorIx>,
}

fn read_relation_columns(bytes: &[u8], actors: usize) -> Decoded<RelationColumns> {
    let relations = bytes.len() / RELATION_BYTES;
    let mut r = Reader::new(bytes);
    let mut columns = RelationColumns {
        spans: Vec::with_capacity(relations),
        ends: Vec::with_capacity(relations),
        citation_blocks: Vec::with_capacity(relations.div_ceil(CITATION_BLOCK)),
        citation_total: 0,
        killed: Vec::new(),
    };
    for i in 0..relations {
        let (subject, object) = (r.u32()?, r.u32()?);
        let (possible_from, possible_until) = (r.date()?, r.date()?);
        let kind = r.code()?;
        let (shape, citations) = (r.u8()?, r.u16()?);
        let span = Span::from_parts(possible_from, possible_until, kind, shape, citations)
            .ok_or_else(|| Corrupt("a relation's dates are inconsistent".into()))?;
        if subject as usize >= actors || object as usize >= actors || subject == object {
            return corrupt(format!(
                "relation ends {subject}, {object} among {actors} actors"
            ));
        }
        if i.is_multiple_of(CITATION_BLOCK) {
            let offset =
                u32::try_from(columns.citation_total).or_else(|_| corrupt("too many citations"))?;
            columns.citation_blocks.push(offset);
        }
        columns.citation_total += usize::from(citations);
        // Both ends were checked against the actors read before.
        let ends = Ends {
            subject: ActorIx::new_unchecked(subject as usize),
            object: ActorIx::new_unchecked(object as usize),
        };
        if kind == RelationKind::Killed {
            columns.killed.push(ends.object);
        }
        columns.spans.push(span);
        columns.ends.push(ends);
    }
    Ok(columns)
}

/// An interner from `count` strings as written and the numbers of the
/// strings in sorted order, which it checks instead of hashing them.
fn read_interner<I: Ix + Sync>(
    bytes: &[u8],
    count: usize,
    order: Vec<u32>,
    what: &str,
) -> Decoded<Interner<I>> {
    let mut r = Reader::new(bytes);
    let strings = (0..count)
        .map(|_| r.str())
        .collect::<Decoded<Vec<&str>>>()?;
    let order = order.into_iter().map(ix).collect::<Decoded<_>>()?;
    Interner::from_sorted(strings.into_iter(), order)
        .ok_or_else(|| Corrupt(format!("the {what} are out of order or given twice")))
}

fn read_citation_rows(bytes: &[u8], sources: usize, quotes: usize) -> Decoded<Vec<CitationRow>> {
    let mut r = Reader::new(bytes);
    let count = bytes.len() / CITATION_BYTES;
    let mut rows = Vec::with_capacity(count);
    for _ in 0..count {
        let (source, quote) = (Tagged::from_raw(r.u32()?), r.u32()?);
        let source_ix: SourceIx = source.position();
        if source_ix.index() >= sources || quote as usize >= quotes {
            return corrupt("a citation's source or quote is out of range");
        }
        rows.push(CitationRow {
            source,
            quote: ix(quote)?,
        });
    }
    Ok(rows)
}

impl Store {
    /// Writes the store.
    pub(crate) fn write_snapshot(&self, w: &mut Writer) {
        w.len(self.sources.len());
        for s in self.sources() {
            source(w, s);
        }
        w.len(self.actors.len());
        for a in self.actors() {
            actor(w, a);
        }
        w.len(self.spans.len());
        for (span, ends) in self.spans.iter().zip(&self.ends) {
            let (subject, object) = (ends.subject, ends.object);
            w.u32(subject.raw());
            w.u32(object.raw());
            w.date(span.possible_from);
            w.date(span.possible_until);
            w.code(span.kind);
            w.u8(span.shape());
            w.u16(span.citations);
        }
        // Each table's strings, then its numbers in order of string, which
        // opening checks instead of hashing every string again.
        let tables = [
            (
                self.relation_ids.iter().collect::<Vec<_>>(),
                self.relation_ids.sorted().iter().map(|s| s.raw()).collect(),
            ),
            (
                self.quotes.iter().collect(),
                self.quotes
                    .sorted()
                    .iter()
                    .map(|s| s.raw())
                    .collect::<Vec<_>>(),
            ),
        ];
        for (strings, order) in tables {
            w.len(strings.len());
            for s in strings {
                w.str(s);
            }
            w.u32s(order.into_iter());
        }
        w.len(self.citations.len());
        for row in &self.citations {
            w.u32(row.source.raw());
            w.u32(row.quote.raw());
        }
        w.len(self.citation_claims.len());
        for (c, who) in &self.citation_claims {
            w.u32(c.raw());
            claimant(w, who);
        }
        w.len(self.citation_credibility.len());
        for (c, credibility) in &self.citation_credibility {
            w.u32(c.raw());
            w.code(*credibility);
        }
        w.len(self.relation_claims.len());
        for (r, who) in &self.relation_claims {
            w.u32(r.raw());
            claimant(w, who);
        }
        w.len(self.notes.len());
        for (r, note) in &self.notes {
            w.u32(r.raw());
            w.str(note);
        }
        w.len(self.ranged.len());
        for (r, interval) in &self.ranged {
            w.u32(r.raw());
            w.opt_when(interval.start());
            w.opt_when(interval.end());
        }
        w.u32s(self.changed_story.iter().map(|r| r.raw()));
        w.len(self.relation_acks.len());
        for (r, a) in &self.relation_acks {
            w.u32(r.raw());
            acks(w, a);
        }
        w.len(self.citation_acks.len());
        for (c, a) in &self.citation_acks {
            w.u32(c.raw());
            acks(w, a);
        }
    }

    /// Reads a store written by [`Store::write_snapshot`], checking it.
    ///
    /// `beside` runs on the store as soon as its sources and actors are in,
    /// on one core while the other starts decoding the relations: filing
    /// the actors' names needs nothing more, and took a tenth of opening.
    pub(crate) fn read_snapshot<T: Send>(
        r: &mut Reader<'_>,
        beside: impl FnOnce(&Store) -> T + Send,
    ) -> Decoded<(Store, T)> {
        let mut store = Store::default();
        let n = r.len(20)?;
        for _ in 0..n {
            let s = read_source(r)?;
            if store.source_ix(s.id.as_str()).is_some() {
                return corrupt(format!("source {:?} twice", s.id.as_str()));
            }
            store
                .sources
                .push(s)
                .ok_or(super::codec::Corrupt("too many sources".into()))?;
        }
        let n = r.len(30)?;
        for _ in 0..n {
            let a = read_actor(r)?;
            if store.actor_ix(a.id.as_str()).is_some() {
                return corrupt(format!("actor {:?} twice", a.id.as_str()));
            }
            let died = a.died.is_some();
            let position = store
                .actors
                .push(a)
                .ok_or(super::codec::Corrupt("too many actors".into()))?;
            if died {
                store.note_mortal(position);
            }
        }
        let beside = store.read_relations(r, beside)?;
        Ok((store, beside))
    }

    /// Reads the relations, their ids, the quotes and the citations. The
    /// four sections are found first (their sizes are written before them),
    /// then decoded and checked two at a time, one on each core: on a
    /// million relations these checks were most of opening a snapshot, and
    /// none needs another's result, only its count.
    fn read_relations<T: Send>(
        &mut self,
        r: &mut Reader<'_>,
        beside: impl FnOnce(&Store) -> T + Send,
    ) -> Decoded<T> {
        let relations = r.len(20)?;
        let relation_bytes = r.bytes(relations * RELATION_BYTES)?;
        let id_count = r.len(8)?;
        if id_count != relations {
            return corrupt(format!("{id_count} relation ids for {relations} relations"));
        }
        let id_bytes = r.strings_bytes(id_count)?;
        let id_order = r.u32s()?;
        let quote_count = r.len(8)?;
        let quote_bytes = r.strings_bytes(quote_count)?;
        let quote_order = r.u32s()?;
        let citation_count = r.len(8)?;
        let citation_bytes = r.bytes(citation_count * CITATION_BYTES)?;
        let (actors, sources) = (self.actor_count(), self.source_count());
        let decode = || {
            rayon::join(
                || {
                    rayon::join(
                        || read_relation_columns(relation_bytes, actors),
                        || read_interner(id_bytes, id_count, id_order, "relation ids"),
                    )
                },
                || {
                    rayon::join(
                        || read_interner(quote_bytes, quote_count, quote_order, "quotes"),
                        || read_citation_rows(citation_bytes, sources, quote_count),
                    )
                },
            )
        };
        let store: &Store = self;
        let (((columns, relation_ids), (quotes, citations)), beside) =
            rayon::join(decode, || beside(store));
        let columns = columns?;
        if citation_count != columns.citation_total {
            return corrupt(format!(
                "{citation_count} citations where the relations count {}",
                columns.citation_total
            ));
        }
        self.spans = columns.spans;
        self.ends = columns.ends;
        self.citation_blocks = columns.citation_blocks;
        for killed in columns.killed {
            self.note_mortal(killed);
        }
        self.relation_ids = relation_ids?;
        self.quotes = quotes?;
        self.citations = citations?;
        self.read_side_tables(r)?;
        Ok(beside)
    }

    fn read_side_tables(&mut self, r: &mut Reader<'_>) -> Decoded<()> {
        let (relations, citations) = (self.relation_count(), self.citations.len());
        let n = r.len(5)?;
        for _ in 0..n {
            let c = ix(r.u32()?)?;
            self.citation_claims.push((c, read_claimant(r)?));
        }
        check_keys(
            "claimants",
            self.citation_claims.iter().map(|e| e.0),
            citations,
        )?;
        let n = r.len(5)?;
        for _ in 0..n {
            let c = ix(r.u32()?)?;
            self.citation_credibility.push((c, r.code()?));
        }
        check_keys(
            "credibilities",
            self.citation_credibility.iter().map(|e| e.0),
            citations,
        )?;
        let n = r.len(5)?;
        for _ in 0..n {
            let rel = ix(r.u32()?)?;
            self.relation_claims.push((rel, read_claimant(r)?));
        }
        check_keys(
            "claims",
            self.relation_claims.iter().map(|e| e.0),
            relations,
        )?;
        let n = r.len(12)?;
        for _ in 0..n {
            let rel = ix(r.u32()?)?;
            self.notes.push((rel, r.str()?.into()));
        }
        check_keys("notes", self.notes.iter().map(|e| e.0), relations)?;
        let n = r.len(6)?;
        for _ in 0..n {
            let rel = ix(r.u32()?)?;
            let (start, end): (Option<When>, Option<When>) = (r.opt_when()?, r.opt_when()?);
            let interval = Interval::new(start, end).or_else(|e| corrupt(e.to_string()))?;
            self.ranged.push((rel, interval));
        }
        check_keys("ranges", self.ranged.iter().map(|e| e.0), relations)?;
        let ranged_spans = self.spans().filter(|s| s.is_ranged()).count();
        if ranged_spans != self.ranged.len() {
            return corrupt(format!(
                "{ranged_spans} ranged relations, {} ranges",
                self.ranged.len()
            ));
        }
        for (rel, interval) in &self.ranged {
            let span = self.span(*rel);
            let rebuilt = Span::new(span.kind, *interval, span.is_disputed(), span.citations);
            if !span.is_ranged()
                || rebuilt.shape() != span.shape()
                || rebuilt.possible_from != span.possible_from
            {
                return corrupt(format!(
                    "relation {} has a range its dates do not match",
                    rel.index()
                ));
            }
        }
        self.changed_story = r.u32s()?.into_iter().map(ix).collect::<Decoded<_>>()?;
        check_keys(
            "changed stories",
            self.changed_story.iter().copied(),
            relations,
        )?;
        let n = r.len(12)?;
        for _ in 0..n {
            let rel = ix(r.u32()?)?;
            self.relation_acks
                .push((rel, read_acks(r)?.into_boxed_slice()));
        }
        check_keys(
            "acknowledgements",
            self.relation_acks.iter().map(|e| e.0),
            relations,
        )?;
        let n = r.len(12)?;
        for _ in 0..n {
            let c = ix(r.u32()?)?;
            self.citation_acks
                .push((c, read_acks(r)?.into_boxed_slice()));
        }
        check_keys(
            "acknowledgements",
            self.citation_acks.iter().map(|e| e.0),
            citations,
        )
    }
}
