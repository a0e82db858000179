//! Actors and sources: records with an id, in order of arrival.

use std::hash::{Hash, Hasher};

use indexmap::{Equivalent, IndexSet};

use crate::base::model::{Actor, Source};

use super::FastHash;
use super::ix::Ix;

/// A record that [`Records`] can hold: it carries its own id.
pub(crate) trait HasId {
    fn key(&self) -> &str;
}

impl HasId for Actor {
    fn key(&self) -> &str {
        self.id.as_str()
    }
}

impl HasId for Source {
    fn key(&self) -> &str {
        self.id.as_str()
    }
}

/// A record hashed and compared by its id alone, so an `IndexSet` of them
/// is a map from id to record that stores each id once, inside its record.
#[derive(Clone, Debug)]
struct ById<T>(T);

impl<T: HasId> Hash for ById<T> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.0.key().hash(state);
    }
}

impl<T: HasId> PartialEq for ById<T> {
    fn eq(&self, other: &ById<T>) -> bool {
        self.0.key() == other.0.key()
    }
}

impl<T: HasId> Eq for ById<T> {}

/// Looks a record up by the text of its id.
struct Key<'a>(&'a str);

impl Hash for Key<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        // The same bytes as `HasId::key().hash`, so the two hash alike.
        self.0.hash(state);
    }
}

impl<T: HasId> Equivalent<ById<T>> for Key<'_> {
    fn equivalent(&self, record: &ById<T>) -> bool {
        self.0 == record.0.key()
    }
}

/// Records with an id, in order of arrival, found by id. Actors and
/// sources are few next to relations, so the plain ordered set serves
/// them; relations have compact tables of their own.
#[derive(Clone, Debug)]
pub(crate) struct Records<T, I> {
    set: IndexSet<ById<T>, FastHash>,
    marker: std::marker::PhantomData<I>,
}

impl<T, I> Default for Records<T, I> {
    fn default() -> Records<T, I> {
        Records {
            set: IndexSet::default(),
            marker: std::marker::PhantomData,
        }
    }
}

impl<T: HasId + PartialEq, I> PartialEq for Records<T, I> {
    fn eq(&self, other: &Records<T, I>) -> bool {
        self.set.len() == other.set.len()
            && self.set.iter().zip(&other.set).all(|(a, b)| a.0 == b.0)
    }
}

impl<T: HasId, I: Ix> Records<T, I> {
    pub(crate) fn len(&self) -> usize {
        self.set.len()
    }

    pub(crate) fn reserve(&mut self, additional: usize) {
        if additional >= self.set.len() / 8 {
            self.set.reserve_exact(additional);
        } else {
            self.set.reserve(additional);
        }
    }

    pub(crate) fn shrink_to_fit(&mut self) {
        self.set.shrink_to_fit();
    }

    /// Adds `item`, whose id validation has checked is new, at the next
    /// position; `None` if that position would pass the limit, which
    /// validation rules out first.
    pub(crate) fn push(&mut self, item: T) -> Option<I> {
        let position = I::new(self.set.len())?;
        self.set.insert(ById(item));
        Some(position)
    }

    pub(crate) fn position_of(&self, id: &str) -> Option<I> {
        self.set.get_index_of(&Key(id)).and_then(I::new)
    }

    /// The record at `position`. Positions are made only for records that
    /// exist, and records are never removed, so this indexes directly: a
    /// broken invariant panics rather than answering about another record.
    pub(crate) fn at(&self, position: I) -> &T {
        &self.set[position.index()].0
    }

    pub(crate) fn by_id(&self, id: &str) -> Option<&T> {
        self.set.get(&Key(id)).map(|r| &r.0)
    }

    pub(crate) fn values(&self) -> impl ExactSizeIterator<Item = &T> + DoubleEndedIterator {
        self.set.iter().map(|r| &r.0)
    }

    pub(crate) fn keys(&self) -> impl Iterator<Item = &str> {
        self.values().map(HasId::key)
    }
}
