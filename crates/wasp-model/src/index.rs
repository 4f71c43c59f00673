//! The model's index (by address or id, by kind) and its memo of derived values.

use std::any::{Any, TypeId};
use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use crate::{KindTag, Model, Resource};

/// Built on the first lookup; empty again when the model is cloned.
#[derive(Default)]
pub(crate) struct Index {
    built: OnceLock<Built>,
    memo: Mutex<Vec<(TypeId, Arc<dyn Any + Send + Sync>)>>,
}

pub(crate) struct Built {
    /// How many resources the index was built over.
    len: usize,
    /// Address and ids → position in the model.
    pub by_name: HashMap<Box<str>, u32>,
    pub by_kind: HashMap<KindTag, Vec<u32>>,
}

impl Index {
    /// The index of `resources`, or `None` when they changed since it was built.
    pub fn get(&self, resources: &[Resource]) -> Option<&Built> {
        let built = self.built.get_or_init(|| Built::new(resources));
        (built.len == resources.len()).then_some(built)
    }

    pub fn memo<T: Send + Sync + 'static>(
        &self,
        model: &Model,
        build: impl FnOnce(&Model) -> T,
    ) -> Arc<T> {
        let id = TypeId::of::<T>();
        let found = |memo: &[(TypeId, Arc<dyn Any + Send + Sync>)]| {
            memo.iter()
                .find(|(t, _)| *t == id)
                .and_then(|(_, v)| Arc::clone(v).downcast::<T>().ok())
        };
        if let Some(v) = found(&self.memo.lock().unwrap_or_else(|e| e.into_inner())) {
            return v;
        }
        // Built without the lock: building may ask for another memo.
        let value = Arc::new(build(model));
        let mut memo = self.memo.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(v) = found(&memo) {
            return v;
        }
        memo.push((id, Arc::clone(&value) as Arc<dyn Any + Send + Sync>));
        value
    }
}

impl Built {
    fn new(resources: &[Resource]) -> Built {
        let mut by_name = HashMap::with_capacity(resources.len());
        let mut by_kind: HashMap<KindTag, Vec<u32>> = HashMap::new();
        for (i, r) in resources.iter().enumerate() {
            let i = i as u32;
            // The first resource of a name wins, as a scan in model order finds it.
            for name in std::iter::once(&r.address).chain(&r.ids) {
                by_name.entry(name.as_str().into()).or_insert(i);
            }
            by_kind.entry(r.kind.tag()).or_default().push(i);
        }
        Built {
            len: resources.len(),
            by_name,
            by_kind,
        }
    }
}

impl Clone for Index {
    fn clone(&self) -> Index {
        Index::default()
    }
}

impl std::fmt::Debug for Index {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Index")
    }
}
