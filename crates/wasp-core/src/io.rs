//! Bounded reads, and writing to a pipe that may close.
//!
//! Every input wasp reads (templates, modules, plans, policies, answers, lenses, baselines,
//! configuration, standard input) goes through [`read_limited`] with a limit, so a hostile or
//! mistaken input can never exhaust memory.

use std::fmt;
use std::io::{self, Read};
use std::path::Path;

/// The largest input file read by default: 64 MiB.
pub const MAX_INPUT_BYTES: u64 = 64 * 1024 * 1024;

/// Why a bounded read gave nothing.
#[derive(Debug)]
pub enum ReadError {
    Io(io::Error),
    /// The input holds more than the limit.
    TooLarge {
        max: u64,
    },
    /// [`read_text`]: the input is not UTF-8.
    NotUtf8(std::str::Utf8Error),
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::Io(e) => write!(f, "cannot read: {e}"),
            ReadError::TooLarge { max } => write!(f, "larger than {}", size(*max)),
            ReadError::NotUtf8(e) => write!(f, "not valid UTF-8: {e}"),
        }
    }
}

impl std::error::Error for ReadError {}

/// A size limit for messages: `64 MiB`, `500 KiB`, `100 bytes`.
pub fn size(bytes: u64) -> String {
    const MIB: u64 = 1024 * 1024;
    if bytes >= MIB && bytes.is_multiple_of(MIB) {
        format!("{} MiB", bytes / MIB)
    } else if bytes >= 1024 && bytes.is_multiple_of(1024) {
        format!("{} KiB", bytes / 1024)
    } else {
        format!("{bytes} bytes")
    }
}

/// Reads a whole file with one open: at most `max` bytes, even when the file grows while it is
/// read (its size from the open handle only sizes the buffer).
pub fn read_limited(path: &Path, max: u64) -> Result<Vec<u8>, ReadError> {
    let file = std::fs::File::open(path).map_err(ReadError::Io)?;
    let hint = file.metadata().map(|m| m.len()).unwrap_or(0);
    if hint > max {
        return Err(ReadError::TooLarge { max });
    }
    read_all(file, max, hint as usize + 1)
}

/// Reads everything `reader` gives (standard input, say), at most `max` bytes.
pub fn read_limited_from(reader: impl Read, max: u64) -> Result<Vec<u8>, ReadError> {
    read_all(reader, max, 0)
}

fn read_all(reader: impl Read, max: u64, capacity: usize) -> Result<Vec<u8>, ReadError> {
    let mut buf = Vec::with_capacity(capacity);
    reader
        .take(max.saturating_add(1))
        .read_to_end(&mut buf)
        .map_err(ReadError::Io)?;
    if buf.len() as u64 > max {
        return Err(ReadError::TooLarge { max });
    }
    Ok(buf)
}

/// [`read_limited`], as UTF-8 text.
pub fn read_text(path: &Path, max: u64) -> Result<String, ReadError> {
    let bytes = read_limited(path, max)?;
    String::from_utf8(bytes).map_err(|e| ReadError::NotUtf8(e.utf8_error()))
}

/// A write's result with a closed pipe counted as success: `wasp scan | head` is not an
/// error, and nothing more needs writing once the reader is gone.
pub fn quiet_broken_pipe(r: io::Result<()>) -> io::Result<()> {
    match r {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}

/// Whether an error (of any layer) is a closed pipe.
pub fn is_broken_pipe(e: &(dyn std::error::Error + 'static)) -> bool {
    let mut cur = Some(e);
    while let Some(err) = cur {
        if err
            .downcast_ref::<io::Error>()
            .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
        {
            return true;
        }
        cur = err.source();
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_within_the_limit_and_refuses_beyond() {
        let dir = std::env::temp_dir().join(format!("wasp-io-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let p = dir.join("a.txt");
        std::fs::write(&p, "héllo").unwrap();
        assert_eq!(read_text(&p, 6).unwrap(), "héllo");
        assert!(matches!(
            read_text(&p, 5),
            Err(ReadError::TooLarge { max: 5 })
        ));
        std::fs::write(&p, [0xff, 0xfe]).unwrap();
        let e = read_text(&p, 10).unwrap_err();
        assert!(e.to_string().starts_with("not valid UTF-8"), "{e}");
        let e = read_text(&dir.join("missing"), 10).unwrap_err();
        assert!(e.to_string().starts_with("cannot read: "), "{e}");
        assert_eq!(read_limited_from(&b"abc"[..], 3).unwrap(), b"abc");
        assert!(read_limited_from(&b"abcd"[..], 3).is_err());
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn sizes_and_pipes() {
        assert_eq!(size(MAX_INPUT_BYTES), "64 MiB");
        assert_eq!(size(500 * 1024), "500 KiB");
        assert_eq!(size(100), "100 bytes");
        let pipe = io::Error::from(io::ErrorKind::BrokenPipe);
        assert!(is_broken_pipe(&pipe));
        assert!(quiet_broken_pipe(Err(io::Error::from(io::ErrorKind::BrokenPipe))).is_ok());
        assert!(quiet_broken_pipe(Err(io::Error::other("x"))).is_err());
    }
}
