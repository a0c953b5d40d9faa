//! One sort for the whole core. Each `sort_by` on another element type or comparison
//! compiles a sort of its own (about 2 KB of wasm each); sorting positions through a
//! `dyn` comparison compiles one.

use std::cmp::Ordering;

/// The positions `0..len` in the order `cmp` gives; equal items keep their order.
pub fn order(len: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut at: Vec<usize> = (0..len).collect();
    at.sort_unstable_by(|&a, &b| cmp(a, b).then(a.cmp(&b)));
    at
}

/// `items` in the order `cmp` gives; equal items keep their order.
pub fn sorted<T>(items: Vec<T>, cmp: impl Fn(&T, &T) -> Ordering) -> Vec<T> {
    let order = order(items.len(), &|a, b| cmp(&items[a], &items[b]));
    let mut slots: Vec<Option<T>> = items.into_iter().map(Some).collect();
    order.into_iter().filter_map(|i| slots[i].take()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn sorts_as_a_stable_sort_does(items in proptest::collection::vec((0u8..4, any::<u16>()), 0..60)) {
            let mut expected = items.clone();
            expected.sort_by_key(|i| i.0);
            prop_assert_eq!(sorted(items, |a, b| a.0.cmp(&b.0)), expected);
        }
    }
}
