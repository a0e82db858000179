//! Every bit layout of the crate, in one place: the 12-byte [`Span`] each
//! relation is stored as, and [`Tagged`], a position with one flag in the
//! top bit that positions leave free (see [`super::ix::LIMIT`]).

use crate::base::date::{Date, Interval, PartialDate, Precision, When};
use crate::base::model::RelationKind;

use super::ix::Ix;

/// A position and one flag, in four bytes. Citations use the flag for
/// "disputes", the interval index for "disputed", and the name index for
/// "this is a slot of the shared lists, not an actor".
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub(crate) struct Tagged(u32);

const TAG: u32 = 1 << 31;

impl Tagged {
    #[inline]
    pub(crate) fn new(position: impl Ix, flag: bool) -> Tagged {
        // Positions are below 2^31, so the flag never overwrites them.
        Tagged(position.raw() | if flag { TAG } else { 0 })
    }

    #[inline]
    /// The four bytes as stored.
    pub(crate) fn raw(self) -> u32 {
        self.0
    }

    /// Back from [`Tagged::raw`]; any value splits into a flag and a
    /// position below the limit, which callers bounds-check.
    pub(crate) fn from_raw(raw: u32) -> Tagged {
        Tagged(raw)
    }

    #[inline]
    pub(crate) fn flag(self) -> bool {
        self.0 & TAG != 0
    }

    #[inline]
    pub(crate) fn position<I: Ix>(self) -> I {
        I::from_raw_unchecked(self.0 & !TAG)
    }
}

/// Bits of [`Span::shape`].
const HAS_START: u8 = 1;
const HAS_END: u8 = 1 << 1;
const DISPUTED: u8 = 1 << 2;
/// Each end's precision takes two bits from here: year, month, day, or
/// [`RANGED`].
const START_PRECISION: u8 = 3;
const END_PRECISION: u8 = 5;
/// The precision value of a bound that is a range, not a partial date: the
/// store keeps such intervals whole in a side table.
const RANGED: u8 = 3;
/// The relation is an event: its start is the day it happened, and
/// `possible_until` is that day's last possible day, inclusive.
const EVENT: u8 = 1 << 7;

/// What a neighbourhood or as-of query reads of a relation, in 12 bytes:
/// the bounds of the days it possibly held, its kind, and enough bits to
/// rebuild its [`Interval`] exactly when its bounds are partial dates (a
/// ranged bound sends the reader to the store's side table).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Span {
    pub(crate) possible_from: Date,
    pub(crate) possible_until: Date,
    pub(crate) kind: RelationKind,
    /// `HAS_START`, `HAS_END`, `DISPUTED`, `EVENT`, and each end's
    /// precision in two bits.
    shape: u8,
    /// How many citations the relation has; it fills what would otherwise
    /// be padding, and saves a four-byte offset per relation.
    pub(crate) citations: u16,
}

fn precision_bits(bound: When) -> u8 {
    match bound.as_partial().map(PartialDate::precision) {
        Some(Precision::Year) => 0,
        Some(Precision::Month) => 1,
        Some(Precision::Day) => 2,
        None => RANGED,
    }
}

/// The partial date of `precision` (two bits) that contains `day`.
fn widen(day: Date, precision: u8) -> Option<When> {
    let date = match precision {
        0 => PartialDate::year(day.year()).ok(),
        1 => PartialDate::month(day.year(), day.month()).ok(),
        _ => Some(PartialDate::from(day)),
    };
    date.map(When::on)
}

impl Span {
    /// The span of a state over `interval`, or of an event on the day that
    /// `interval` starts.
    pub(crate) fn new(
        kind: RelationKind,
        interval: Interval,
        disputed: bool,
        citations: u16,
    ) -> Span {
        let mut shape = if disputed { DISPUTED } else { 0 };
        if let Some(start) = interval.start() {
            shape |= HAS_START | precision_bits(start) << START_PRECISION;
        }
        if let Some(end) = interval.end() {
            shape |= HAS_END | precision_bits(end) << END_PRECISION;
        }
        let possible_until = if kind.is_event() {
            shape |= EVENT;
            interval.start().map_or(Date::NEVER, When::last_or_never)
        } else {
            interval.possible_until()
        };
        Span {
            possible_from: interval.possible_from(),
            possible_until,
            kind,
            shape,
            citations,
        }
    }

    /// The shape bits, for snapshots.
    pub(crate) fn shape(&self) -> u8 {
        self.shape
    }

    /// A span read back from a snapshot, if its parts are consistent: its
    /// bounds in order, and (unless ranged) rebuilding an interval.
    pub(crate) fn from_parts(
        possible_from: Date,
        possible_until: Date,
        kind: RelationKind,
        shape: u8,
        citations: u16,
    ) -> Option<Span> {
        let span = Span {
            possible_from,
            possible_until,
            kind,
            shape,
            citations,
        };
        let ordered = if span.is_event() {
            possible_from <= possible_until
        } else {
            possible_from < possible_until
        };
        let consistent = span.is_event() == kind.is_event()
            && (span.is_ranged() || span.plain_interval().is_some());
        (ordered && consistent && possible_from != Date::NEVER).then_some(span)
    }

    /// Whether some citation, whenever published, disputes the relation.
    #[inline]
    pub(crate) fn is_disputed(&self) -> bool {
        self.shape & DISPUTED != 0
    }

    /// Whether the relation is an event rather than a state.
    #[inline]
    pub(crate) fn is_event(&self) -> bool {
        self.shape & EVENT != 0
    }

    /// Whether a bound is a range, kept whole in the store's side table.
    #[inline]
    pub(crate) fn is_ranged(&self) -> bool {
        let ranged = |has: u8, at: u8| self.shape & has != 0 && self.shape >> at & 3 == RANGED;
        ranged(HAS_START, START_PRECISION) || ranged(HAS_END, END_PRECISION)
    }

    /// Whether `day` lies within the days a state possibly held.
    #[inline]
    pub(crate) fn possibly_covers(&self, day: Date) -> bool {
        self.possible_from <= day && day < self.possible_until
    }

    /// The interval it was built from, when no bound is a range.
    pub(crate) fn plain_interval(&self) -> Option<Interval> {
        if self.is_ranged() {
            return None;
        }
        // The possible bounds are the start's first day and the end's last
        // day; with the precision, each names exactly one partial date.
        let start = (self.shape & HAS_START != 0)
            .then(|| widen(self.possible_from, self.shape >> START_PRECISION & 3))
            .flatten();
        let end = (self.shape & HAS_END != 0)
            .then(|| widen(self.possible_until, self.shape >> END_PRECISION & 3))
            .flatten();
        Interval::new(start, end).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::ix::{ActorIx, RelationIx};

    #[test]
    fn span_rebuilds_every_shape_of_interval() {
        let dates: Vec<Option<When>> = [None, Some("2016"), Some("2016-02"), Some("2016-02-29")]
            .into_iter()
            .map(|d| d.map(|d| d.parse().unwrap()))
            .collect();
        let ends: Vec<Option<When>> = [None, Some("2020"), Some("2020-12"), Some("2020-12-31")]
            .into_iter()
            .map(|d| d.map(|d| d.parse().unwrap()))
            .collect();
        for &start in &dates {
            for &end in &ends {
                let interval = Interval::new(start, end).unwrap();
                for disputed in [false, true] {
                    let span = Span::new(RelationKind::Backs, interval, disputed, 3);
                    assert_eq!(span.plain_interval(), Some(interval));
                    assert_eq!(span.is_disputed(), disputed);
                    assert!(!span.is_ranged() && !span.is_event());
                }
            }
        }
        assert_eq!(std::mem::size_of::<Span>(), 12);
    }

    #[test]
    fn ranged_bounds_and_events_are_marked() {
        let range: When = "[2024-11-27..2024-11-28]".parse().unwrap();
        let interval = Interval::new(Some(range), None).unwrap();
        let span = Span::new(RelationKind::Controls, interval, false, 1);
        assert!(span.is_ranged() && span.plain_interval().is_none());
        assert_eq!(span.possible_from.to_string(), "2024-11-27");
        let event = Span::new(RelationKind::Attacks, interval, false, 1);
        assert!(event.is_event());
        assert_eq!(event.possible_until.to_string(), "2024-11-28");
    }

    #[test]
    fn tagged_keeps_position_and_flag_apart() {
        let top = RelationIx::new(super::super::ix::LIMIT - 1).unwrap();
        for flag in [false, true] {
            let tagged = Tagged::new(top, flag);
            assert_eq!(tagged.flag(), flag);
            assert_eq!(tagged.position::<RelationIx>(), top);
        }
        let small = Tagged::new(ActorIx::new(3).unwrap(), true);
        assert_eq!(small.position::<ActorIx>(), ActorIx::new(3).unwrap());
    }
}
