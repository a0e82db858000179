//! Checked positions: one newtype per index space, so an actor's position
//! cannot be used as a relation's, and every conversion from a count is
//! checked against [`LIMIT`] in one place.

use std::fmt;

/// Positions stay below 2^31, so the top bit of a `u32` is free to carry a
/// flag beside a position (see [`super::packed::Tagged`]).
pub(crate) const LIMIT: usize = 1 << 31;

/// A position in one of the store's index spaces.
pub(crate) trait Ix: Copy + Eq + Ord + fmt::Debug + Send + Sync {
    /// What is counted, in the plural, for capacity errors.
    const WHAT: &'static str;

    /// The position `index`, or `None` at or past [`LIMIT`].
    fn new(index: usize) -> Option<Self>;

    /// The position as an index into a `Vec`.
    fn index(self) -> usize;

    /// The position as stored.
    fn raw(self) -> u32;

    /// Back from [`Ix::raw`], unchecked: the value was checked when it was
    /// made. A value at or past [`LIMIT`] is a bug in the caller; debug
    /// builds stop on it, release builds give a position nothing holds
    /// (unspecified results, never undefined behaviour).
    fn from_raw_unchecked(raw: u32) -> Self;

    /// Back from an index that the store made out of a position of this
    /// space (a position in a column, or a petgraph node index), unchecked since it was checked
    /// then. Debug builds stop on an index at or past [`LIMIT`] rather than
    /// truncate it.
    fn new_unchecked(index: usize) -> Self;
}

macro_rules! position {
    ($(#[$doc:meta])* $name:ident, $what:literal) => {
        $(#[$doc])*
        #[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
        pub(crate) struct $name(u32);

        impl Ix for $name {
            const WHAT: &'static str = $what;

            #[inline]
            fn new(index: usize) -> Option<$name> {
                if index < LIMIT {
                    u32::try_from(index).ok().map($name)
                } else {
                    None
                }
            }

            #[inline]
            fn index(self) -> usize {
                self.0 as usize
            }

            #[inline]
            fn raw(self) -> u32 {
                self.0
            }

            #[inline]
            fn from_raw_unchecked(raw: u32) -> $name {
                debug_assert!((raw as usize) < LIMIT, "{} {raw} past the limit", $what);
                $name(raw)
            }

            #[inline]
            fn new_unchecked(index: usize) -> $name {
                debug_assert!(index < LIMIT, "{} {index} past the limit", $what);
                // In range by the caller's contract: `index < LIMIT < 2^32`.
                $name(index as u32)
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}#{}", stringify!($name), self.0)
            }
        }
    };
}

position!(
    /// An actor's position: node `i` of the adjacency is actor `i`.
    ActorIx,
    "actors"
);
position!(
    /// A relation's position: edge `i` of the adjacency is relation `i`.
    RelationIx,
    "relations"
);
position!(
    /// A source's position.
    SourceIx,
    "sources"
);
position!(
    /// A citation's number, over the citations of every relation in order.
    CitationIx,
    "citations"
);
position!(
    /// A distinct quote's number.
    QuoteIx,
    "distinct quotes"
);
position!(
    /// A distinct normalised name's number.
    NameIx,
    "distinct names"
);

/// Every position of `count` items in order, for walks over a whole index
/// space; `count` was checked against [`LIMIT`] as the items were added.
pub(crate) fn all<I: Ix>(count: usize) -> IxRange<I> {
    IxRange {
        next: 0,
        end: u32::try_from(count.min(LIMIT)).unwrap_or(0),
        marker: std::marker::PhantomData,
    }
}

/// The positions `next..end` of one index space.
#[derive(Clone, Debug)]
pub(crate) struct IxRange<I> {
    next: u32,
    end: u32,
    marker: std::marker::PhantomData<I>,
}

impl<I: Ix> Iterator for IxRange<I> {
    type Item = I;

    fn next(&mut self) -> Option<I> {
        (self.next < self.end).then(|| {
            self.next += 1;
            I::from_raw_unchecked(self.next - 1)
        })
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = (self.end - self.next) as usize;
        (left, Some(left))
    }
}

impl<I: Ix> DoubleEndedIterator for IxRange<I> {
    fn next_back(&mut self) -> Option<I> {
        (self.next < self.end).then(|| {
            self.end -= 1;
            I::from_raw_unchecked(self.end)
        })
    }
}

impl<I: Ix> ExactSizeIterator for IxRange<I> {}

impl<I: Ix> IxRange<I> {
    /// The positions `start..end`, both already checked positions.
    pub(crate) fn between(start: I, end: I) -> IxRange<I> {
        IxRange {
            next: start.raw(),
            end: end.raw().max(start.raw()),
            marker: std::marker::PhantomData,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_stop_below_the_tag_bit() {
        assert_eq!(ActorIx::new(LIMIT - 1).map(Ix::raw), Some((1 << 31) - 1));
        assert!(ActorIx::new(LIMIT).is_none());
        assert!(RelationIx::new(usize::MAX).is_none());
        assert_eq!(SourceIx::new(7).map(Ix::index), Some(7));
    }
}
