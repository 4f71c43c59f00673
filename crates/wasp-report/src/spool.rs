//! Parts of an output written as a scan goes and put in place when it ends.
//!
//! A streamed report cannot always write what it gets in the order it gets it: JSON puts the
//! summary before the lists, and the text output lists unknowns after every finding. A
//! [`Spool`] keeps such a part aside: in memory while it is small, then in an anonymous
//! temporary file, so memory stays flat however long the scan. A [`List`] is a spooled JSON
//! list, pretty-printed as `serde_json` would print it in place.

use std::fs::File;
use std::io::{self, BufWriter, Seek, Write};

use serde::Serialize;

/// Bytes a spool holds in memory before it moves to a temporary file.
pub const IN_MEMORY: usize = 1 << 20;

/// Bytes kept aside: in memory up to `limit`, past it in an anonymous temporary file (removed
/// by the system when it is closed).
pub struct Spool {
    mem: Vec<u8>,
    file: Option<BufWriter<File>>,
    limit: usize,
    len: u64,
}

impl Default for Spool {
    fn default() -> Self {
        Spool::with_limit(IN_MEMORY)
    }
}

impl Spool {
    /// A spool that moves to a file past `limit` bytes.
    pub fn with_limit(limit: usize) -> Spool {
        Spool {
            mem: Vec::new(),
            file: None,
            limit,
            len: 0,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Whether the spool has moved to a temporary file.
    pub fn on_disk(&self) -> bool {
        self.file.is_some()
    }

    /// Writes everything spooled to `out`, and empties the spool.
    pub fn drain_to(&mut self, out: &mut dyn Write) -> io::Result<()> {
        match self.file.take() {
            None => out.write_all(&self.mem)?,
            Some(f) => {
                let mut f = f.into_inner().map_err(|e| e.into_error())?;
                f.rewind()?;
                io::copy(&mut f, out)?;
            }
        }
        self.mem = Vec::new();
        self.len = 0;
        Ok(())
    }
}

impl Write for Spool {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.file.is_none() && self.mem.len() + buf.len() > self.limit {
            let mut f = BufWriter::new(tempfile::tempfile()?);
            f.write_all(&self.mem)?;
            self.mem = Vec::new();
            self.file = Some(f);
        }
        match &mut self.file {
            Some(f) => f.write_all(buf)?,
            None => self.mem.extend_from_slice(buf),
        }
        self.len += buf.len() as u64;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        match &mut self.file {
            Some(f) => f.flush(),
            None => Ok(()),
        }
    }
}

/// A JSON list kept aside item by item, printed as the value of a member at `indent` spaces.
#[derive(Default)]
pub struct List {
    spool: Spool,
    len: usize,
    indent: usize,
}

impl List {
    /// A list whose member is at `indent` spaces.
    pub fn new(indent: usize) -> List {
        List {
            indent,
            ..List::default()
        }
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    pub fn indent(&self) -> usize {
        self.indent
    }

    /// Adds items at the end.
    pub fn extend<T: Serialize + Sync>(&mut self, items: &[T]) -> io::Result<()> {
        crate::pretty::pretty_items(items, self.indent + 2, self.len, &mut self.spool)?;
        self.len += items.len();
        Ok(())
    }

    /// Writes the list (`[]` when empty) and empties it.
    pub fn drain_to(&mut self, out: &mut dyn Write) -> io::Result<()> {
        List::drain_joined(&mut [self], out)
    }

    /// Writes the lists as one list, in order, and empties them. They must have the same
    /// indent.
    pub fn drain_joined(lists: &mut [&mut List], out: &mut dyn Write) -> io::Result<()> {
        let indent = lists.first().map_or(0, |l| l.indent);
        if lists.iter().any(|l| l.indent != indent) {
            return Err(io::Error::other("lists of different depths joined"));
        }
        if lists.iter().all(|l| l.is_empty()) {
            return out.write_all(b"[]");
        }
        out.write_all(b"[")?;
        let mut before = false;
        for l in lists.iter_mut().filter(|l| !l.is_empty()) {
            // Each list's first item has no comma: the join gives it one.
            if before {
                out.write_all(b",")?;
            }
            before = true;
            l.spool.drain_to(out)?;
            l.len = 0;
        }
        crate::pretty::close_list(indent, out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_spool_moves_to_disk_past_its_limit_and_gives_back_every_byte() {
        let mut s = Spool::with_limit(10);
        s.write_all(b"0123456").unwrap();
        assert!(!s.on_disk());
        s.write_all(b"789ab").unwrap();
        assert!(s.on_disk());
        s.write_all(b"cd").unwrap();
        let mut out = Vec::new();
        s.drain_to(&mut out).unwrap();
        assert_eq!(out, b"0123456789abcd");
        assert!(s.is_empty());
    }

    #[test]
    fn lists_print_as_serde_json_prints_them_in_place_even_joined() {
        #[derive(Serialize)]
        struct Doc {
            a: Vec<serde_json::Value>,
        }
        let items: Vec<serde_json::Value> = (0..3000)
            .map(|i| serde_json::json!({ "i": i, "s": "x\ny", "v": [i, {"k": []}] }))
            .collect();
        for split in [0, 1, 1500, 3000] {
            let mut first = List::new(2);
            let mut second = List::new(2);
            first.extend(&items[..split / 2]).unwrap();
            first.extend(&items[split / 2..split]).unwrap();
            second.extend(&items[split..]).unwrap();
            let mut ours = b"{\n  \"a\": ".to_vec();
            List::drain_joined(&mut [&mut first, &mut second], &mut ours).unwrap();
            ours.extend_from_slice(b"\n}");
            let theirs = serde_json::to_vec_pretty(&Doc { a: items.clone() }).unwrap();
            assert!(ours == theirs, "split at {split}");
        }
        let mut empty = List::new(4);
        let mut out = Vec::new();
        empty.drain_to(&mut out).unwrap();
        assert_eq!(out, b"[]");
    }
}
