//! Duplicate keys in a map being parsed, found in time linear in the map's size.

use std::collections::HashSet;

use wasp_model::Map;

/// Small maps are scanned; from this many entries on, their keys are kept in a set.
const SCAN_UP_TO: usize = 16;

/// The keys of one map being built, for the parsers' duplicate-key check.
#[derive(Debug, Default)]
pub(crate) struct SeenKeys {
    set: HashSet<Box<str>>,
    /// How many of the map's entries `set` holds.
    held: usize,
}

impl SeenKeys {
    /// Whether `key` is already a key of `map` (the map this set follows, built by appending).
    pub fn contains(&mut self, map: &Map, key: &str) -> bool {
        if map.entries.len() <= SCAN_UP_TO {
            return map.entries.iter().any(|e| &*e.key == key);
        }
        for e in &map.entries[self.held.min(map.entries.len())..] {
            self.set.insert(e.key.as_ref().into());
        }
        self.held = map.entries.len();
        self.set.contains(key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasp_core::Pos;
    use wasp_model::Node;

    #[test]
    fn finds_duplicates_in_small_and_large_maps() {
        let mut map = Map::default();
        let mut seen = SeenKeys::default();
        for i in 0..100 {
            let k = format!("k{i}");
            assert!(!seen.contains(&map, &k), "{k}");
            map.entries.push(wasp_model::Entry {
                key: k.as_str().into(),
                key_pos: Pos::NONE,
                value: Node::null(Pos::NONE),
            });
            assert!(seen.contains(&map, &k), "{k} after adding it");
            assert!(seen.contains(&map, "k0"));
        }
    }
}
