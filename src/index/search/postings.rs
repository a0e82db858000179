//! Strings and the positions filed under each.

use crate::store::interner::Interner;
use crate::store::ix::{Ix, NameIx};
use crate::store::packed::Tagged;

/// Distinct strings, each with the positions filed under it in the order
/// they were filed.
///
/// Most strings have one position, kept inline as a tagged entry; the
/// rest point, tagged, to a list in `shared`: four bytes per string
/// instead of a list each.
#[derive(Clone, Debug)]
pub(crate) struct Postings<T> {
    keys: Interner<NameIx>,
    owners: Vec<Tagged>,
    shared: Vec<Vec<T>>,
}

impl<T> Default for Postings<T> {
    fn default() -> Postings<T> {
        Postings {
            keys: Interner::default(),
            owners: Vec::new(),
            shared: Vec::new(),
        }
    }
}

/// A slot of [`Postings::shared`]; never more than there are keys.
type SharedIx = NameIx;

impl<T: Ix> Postings<T> {
    /// Files `value` under `key`, unless it is the last value filed there;
    /// gives the key's number and whether the key is new, or `None` when
    /// the table is full.
    pub(crate) fn insert(&mut self, key: &str, value: T) -> Option<(NameIx, bool)> {
        let before = self.keys.len();
        let symbol = self.keys.intern(key)?;
        if self.keys.len() > before {
            self.owners.push(Tagged::new(value, false));
            return Some((symbol, true));
        }
        let owner = self.owners[symbol.index()];
        if owner.flag() {
            let list = &mut self.shared[owner.position::<SharedIx>().index()];
            // Values arrive in order, all of one value's keys together, so
            // a repeat can only be the last one filed.
            if list.last() != Some(&value) {
                list.push(value);
            }
        } else if owner.position::<T>() != value {
            let slot = SharedIx::new(self.shared.len())?;
            self.owners[symbol.index()] = Tagged::new(slot, true);
            self.shared.push(vec![owner.position(), value]);
        }
        Some((symbol, false))
    }

    /// The number of `key`, if filed.
    pub(crate) fn find(&self, key: &str) -> Option<NameIx> {
        self.keys.find(key)
    }

    /// Key number `symbol`.
    pub(crate) fn key(&self, symbol: NameIx) -> &str {
        self.keys.get(symbol)
    }

    /// Every key number, in order of arrival.
    pub(crate) fn symbols(&self) -> impl Iterator<Item = NameIx> + '_ {
        self.keys.symbols()
    }

    /// The values filed under key `symbol`, in the order filed.
    pub(crate) fn values(&self, symbol: NameIx) -> impl Iterator<Item = T> + '_ {
        let owner = self.owners[symbol.index()];
        let (single, shared): (Option<T>, &[T]) = if owner.flag() {
            (None, &self.shared[owner.position::<SharedIx>().index()])
        } else {
            (Some(owner.position()), &[])
        };
        single.into_iter().chain(shared.iter().copied())
    }

    /// How many values are filed under key `symbol`.
    pub(crate) fn count(&self, symbol: NameIx) -> usize {
        let owner = self.owners[symbol.index()];
        if owner.flag() {
            self.shared[owner.position::<SharedIx>().index()].len()
        } else {
            1
        }
    }

    pub(crate) fn shrink_to_fit(&mut self) {
        self.keys.shrink_to_fit();
        self.owners.shrink_to_fit();
    }
}
