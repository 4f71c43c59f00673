//! Progress of a scan: a [`Counter`] the scan advances per unit of work (a file or a Terraform
//! module), and a small terminal [`Display`] that shows it on a line of its own.
//!
//! The display is for people watching a long scan: callers show it only when stderr is a
//! terminal and `CI` is not set ([`wanted`]); it draws nothing for scans shorter than its delay
//! and clears its line when done.

use std::ffi::OsStr;
use std::io::Write;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// Units of work done out of a total. Shared between the scan's threads and a display.
#[derive(Debug, Default)]
pub struct Counter {
    done: AtomicUsize,
    total: AtomicUsize,
}

impl Counter {
    pub fn new() -> Arc<Counter> {
        Arc::new(Counter::default())
    }
    /// Adds to the total number of units.
    pub fn add_total(&self, n: usize) {
        self.total.fetch_add(n, Ordering::Relaxed);
    }
    /// Marks `n` units done.
    pub fn advance(&self, n: usize) {
        self.done.fetch_add(n, Ordering::Relaxed);
    }
    pub fn done(&self) -> usize {
        self.done.load(Ordering::Relaxed)
    }
    pub fn total(&self) -> usize {
        self.total.load(Ordering::Relaxed)
    }
}

/// Whether to show progress: stderr is a terminal and the `CI` variable is not set (or empty).
pub fn wanted(stderr_is_terminal: bool, ci: Option<&OsStr>) -> bool {
    stderr_is_terminal && ci.is_none_or(OsStr::is_empty)
}

/// How often the display redraws at most.
pub const INTERVAL: Duration = Duration::from_millis(100);
/// How long a scan runs before the display first draws.
pub const DELAY: Duration = Duration::from_millis(400);

const WIDTH: usize = 24;

/// The progress line (without the carriage return).
pub fn line(done: usize, total: usize) -> String {
    let done = done.min(total);
    let filled = (done * WIDTH).checked_div(total).unwrap_or(0);
    format!(
        "scanning [{}{}] {done}/{total}",
        "#".repeat(filled),
        "-".repeat(WIDTH - filled)
    )
}

/// A thread drawing a [`Counter`] on a terminal line until [`Display::finish`].
pub struct Display {
    stop: Sender<()>,
    thread: Option<JoinHandle<()>>,
}

impl Display {
    /// Starts drawing `counter` to `out`, first after `delay`, then at most every
    /// [`INTERVAL`] and only when it changed.
    pub fn start(
        counter: Arc<Counter>,
        mut out: Box<dyn Write + Send>,
        delay: Duration,
    ) -> Display {
        let (stop, rx) = mpsc::channel::<()>();
        let started = Instant::now();
        let thread = std::thread::spawn(move || {
            let mut last: Option<(usize, usize)> = None;
            // Until told to stop (or the sender is gone).
            while let Err(RecvTimeoutError::Timeout) = rx.recv_timeout(INTERVAL) {
                if started.elapsed() < delay {
                    continue;
                }
                let now = (counter.done(), counter.total());
                if last == Some(now) || now.1 == 0 {
                    continue;
                }
                last = Some(now);
                // A failed write (a closed terminal) only stops the drawing.
                if write!(out, "\r\x1b[2K{}", line(now.0, now.1))
                    .and_then(|()| out.flush())
                    .is_err()
                {
                    return;
                }
            }
            if last.is_some() {
                let _ = write!(out, "\r\x1b[2K").and_then(|()| out.flush());
            }
        });
        Display {
            stop,
            thread: Some(thread),
        }
    }

    /// Stops drawing and clears the line (if anything was drawn).
    pub fn finish(mut self) {
        self.stop_thread();
    }

    fn stop_thread(&mut self) {
        let _ = self.stop.send(());
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

impl Drop for Display {
    fn drop(&mut self) {
        self.stop_thread();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Mutex;

    #[derive(Clone, Default)]
    struct Shared(Arc<Mutex<Vec<u8>>>);

    impl Write for Shared {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    impl Shared {
        fn text(&self) -> String {
            String::from_utf8(self.0.lock().unwrap().clone()).unwrap()
        }
    }

    #[test]
    fn shown_only_on_a_terminal_outside_ci() {
        assert!(wanted(true, None));
        assert!(wanted(true, Some(OsStr::new(""))));
        assert!(!wanted(true, Some(OsStr::new("true"))));
        assert!(!wanted(false, None));
    }

    #[test]
    fn line_shows_done_out_of_total() {
        assert_eq!(line(0, 4), format!("scanning [{}] 0/4", "-".repeat(WIDTH)));
        assert_eq!(
            line(2, 4),
            format!("scanning [{}{}] 2/4", "#".repeat(12), "-".repeat(12))
        );
        assert_eq!(line(9, 4), format!("scanning [{}] 4/4", "#".repeat(WIDTH)));
        assert_eq!(line(0, 0), format!("scanning [{}] 0/0", "-".repeat(WIDTH)));
    }

    #[test]
    fn draws_then_clears_its_line() {
        let out = Shared::default();
        let c = Counter::new();
        c.add_total(10);
        c.advance(3);
        let d = Display::start(Arc::clone(&c), Box::new(out.clone()), Duration::ZERO);
        std::thread::sleep(INTERVAL * 3);
        c.advance(7);
        std::thread::sleep(INTERVAL * 3);
        d.finish();
        let text = out.text();
        assert!(text.contains("3/10"), "{text:?}");
        assert!(text.contains("10/10"), "{text:?}");
        assert!(text.ends_with("\r\x1b[2K"), "cleared at the end: {text:?}");
        // Unchanged counts are not redrawn.
        assert_eq!(text.matches("10/10").count(), 1, "{text:?}");
    }

    #[test]
    fn a_short_scan_draws_nothing() {
        let out = Shared::default();
        let c = Counter::new();
        c.add_total(1);
        let d = Display::start(c, Box::new(out.clone()), Duration::from_secs(60));
        std::thread::sleep(INTERVAL * 2);
        d.finish();
        assert_eq!(out.text(), "");
    }
}
