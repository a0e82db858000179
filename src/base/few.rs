//! A list shown in `Debug` output by its first few items and a count, so
//! that printing a result never prints a graph's worth of text.

use std::fmt;

/// How many items a `Debug` list shows before it only counts the rest.
const SHOWN: usize = 4;

/// `Debug` of a slice: its first few items, then how many more there are.
pub(crate) struct Few<'a, T>(pub(crate) &'a [T]);

impl<T: fmt::Debug> fmt::Debug for Few<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut list = f.debug_list();
        list.entries(self.0.iter().take(SHOWN));
        if self.0.len() > SHOWN {
            list.entry(&format_args!("... {} more", self.0.len() - SHOWN));
        }
        list.finish()
    }
}
