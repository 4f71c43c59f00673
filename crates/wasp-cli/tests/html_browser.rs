//! The HTML report in a real browser: the review of `examples/insecure` is rendered with the
//! library (scan → assess with the bundled lens → `render_html`) and opened in Debian's
//! Chromium, headless. It must render (the DOM holds every question and the chart), log
//! nothing to the console (no script error, no Content-Security-Policy violation) and give a
//! screenshot, written under the target directory.
//!
//! Without `/usr/bin/chromium` the tests print why and pass, unless `WASP_REQUIRE_BROWSER` is
//! set (CI sets it), in which case they fail.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use wasp_core::{Finding, Severity};
use wasp_lens::Lens;
use wasp_report::html::render_html;
use wasp_report::scan::ScanView;

const CHROMIUM: &str = "/usr/bin/chromium";
const TIMEOUT: Duration = Duration::from_secs(90);

/// The browser, or `None` (test skipped) when it is missing and not required.
fn chromium() -> Option<&'static Path> {
    let path = Path::new(CHROMIUM);
    if path.is_file() {
        return Some(path);
    }
    if std::env::var_os("WASP_REQUIRE_BROWSER").is_some() {
        panic!(
            "WASP_REQUIRE_BROWSER is set but {CHROMIUM} is missing: install it with \
             `apt-get install -y --no-install-recommends chromium`"
        );
    }
    eprintln!(
        "SKIPPED: {CHROMIUM} not found, the HTML report was not checked in a browser \
         (install Debian's chromium; set WASP_REQUIRE_BROWSER=1 to make this a failure)"
    );
    None
}

/// What one headless run gave.
struct Run {
    stdout: String,
    /// Console messages, script errors and CSP violations found in the browser's log.
    console: Vec<String>,
    log: String,
}

/// Runs headless Chromium on a local file with a fresh profile and console logging to
/// stderr, with `extra` flags (`--dump-dom`, `--screenshot=…`).
fn run_chromium(browser: &Path, page: &Path, extra: &[String]) -> Run {
    let profile = tempfile::tempdir().expect("profile dir");
    let url = format!("file://{}", page.display());
    let mut child = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-extensions",
            "--enable-logging=stderr",
            "--v=0",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(extra)
        .arg(&url)
        .current_dir(profile.path())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("chromium starts");
    // Read both pipes on threads so that a full pipe never blocks the browser.
    let mut out_pipe = child.stdout.take().expect("stdout");
    let mut err_pipe = child.stderr.take().expect("stderr");
    let out_thread = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = out_pipe.read_to_string(&mut s);
        s
    });
    let err_thread = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = err_pipe.read_to_string(&mut s);
        s
    });
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if start.elapsed() > TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            panic!("chromium did not finish within {TIMEOUT:?} on {url}");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let stdout = out_thread.join().expect("stdout reader");
    let log = err_thread.join().expect("stderr reader");
    assert!(
        status.success(),
        "chromium failed ({status}) on {url}:\n{log}"
    );
    Run {
        stdout,
        console: console_lines(&log),
        log,
    }
}

/// Lines of Chromium's log that report something from the page: console messages (the
/// `CONSOLE` log source, which carries uncaught exceptions and CSP violations too), and any
/// line naming an uncaught error or a Content-Security-Policy refusal.
fn console_lines(log: &str) -> Vec<String> {
    log.lines()
        .filter(|l| {
            l.contains(":CONSOLE")
                || l.contains("Uncaught")
                || l.contains("Content Security Policy")
                || l.contains("Refused to")
        })
        .map(str::to_string)
        .collect()
}

/// The scan and review of `examples/insecure`, as `wasp review` computes them, plus one
/// finding whose text is hostile markup.
fn insecure_report(dir: &Path) -> (PathBuf, usize) {
    // Integration tests run in the package directory: relative paths give relative links.
    let examples = PathBuf::from("../../examples/insecure");
    assert!(examples.is_dir(), "run from crates/wasp-cli");
    let report = wasp_engine::scan(&[examples], &wasp_engine::ScanOptions::default());
    assert!(!report.findings.is_empty());
    let lens = Lens::builtin();
    let controls = wasp_engine::ScanOptions::default().metas();
    let review = wasp_lens::assess(&lens, &controls, &report.results, None);

    let mut findings: Vec<Finding> = report.findings.clone();
    let mut hostile = findings[0].clone();
    hostile.severity = Severity::Critical;
    hostile.message = "<script>alert(1)</script><img src=x onerror=alert(2)>".into();
    hostile.resource.address = "Evil\"><style>body{display:none}</style>".into();
    findings.push(hostile);

    let view = ScanView {
        findings: &findings,
        results: &report.results,
        errors: &report.errors,
        suppressed: &report.suppressed,
        baselined: &report.baselined,
        files_scanned: report.files_scanned,
        resources: report.resources,
        fail_on: Severity::High,
        include_passed: false,
    };
    let mut html = Vec::new();
    render_html(&review, &view, &mut html).expect("renders");
    let path = dir.join("review.html");
    std::fs::write(&path, &html).expect("write report");
    (path, findings.len())
}

#[test]
fn report_renders_in_chromium_without_console_errors() {
    let Some(browser) = chromium() else { return };
    let dir = tempfile::tempdir().expect("temp dir");
    let (page, n_findings) = insecure_report(dir.path());

    // (a) It renders: the DOM after scripts ran holds every question and the chart.
    let run = run_chromium(browser, &page, &["--dump-dom".to_string()]);
    let dom = &run.stdout;
    assert!(dom.contains("</html>"), "no DOM dumped:\n{}", run.log);
    for n in 1..=11 {
        assert!(
            dom.contains(&format!(r#"id="q-SEC{n:02}""#)),
            "question SEC{n:02} missing from the rendered DOM"
        );
    }
    assert!(dom.contains(r#"<svg id="status-chart""#), "chart missing");
    assert!(
        dom.contains(r#"<rect class="s-not_met""#),
        "chart has no bars"
    );
    assert!(dom.contains(r#"<section class="panel" id="plan""#));
    assert!(dom.contains(r#"href="../../examples/insecure/"#));
    assert!(dom.contains(r#"#L"#));
    let table = dom
        .split(r#"<table id="findings-table">"#)
        .nth(1)
        .and_then(|t| t.split("</table>").next())
        .expect("findings table");
    assert_eq!(
        table.matches("<tr>").count(),
        n_findings + 1,
        "one row per finding"
    );
    // The script ran under the policy: it shows the toolbar and the filter.
    assert!(dom.contains(r#"<div class="toolbar" id="toolbar">"#));
    assert!(dom.contains(r#"<div class="filter" id="findings-filter">"#));
    // The hostile finding stayed text.
    assert!(dom.contains("&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x"));
    assert!(!dom.contains("<img"));
    assert_eq!(dom.matches("<style>").count(), 1);

    // (b) Nothing reached the console: no script error, no CSP violation.
    assert!(
        run.console.is_empty(),
        "console messages:\n{}",
        run.console.join("\n")
    );

    // (c) A screenshot, under the target directory.
    let shots = Path::new(env!("CARGO_TARGET_TMPDIR")).join("html-report");
    std::fs::create_dir_all(&shots).expect("screenshot dir");
    let png = shots.join("review.png");
    let _ = std::fs::remove_file(&png);
    let run = run_chromium(
        browser,
        &page,
        &[
            format!("--screenshot={}", png.display()),
            "--window-size=1280,2000".to_string(),
            "--hide-scrollbars".to_string(),
        ],
    );
    assert!(
        run.console.is_empty(),
        "console messages:\n{}",
        run.console.join("\n")
    );
    let bytes = std::fs::read(&png).expect("screenshot written");
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "a PNG");
    let width = u32::from_be_bytes([bytes[16], bytes[17], bytes[18], bytes[19]]);
    let height = u32::from_be_bytes([bytes[20], bytes[21], bytes[22], bytes[23]]);
    assert_eq!((width, height), (1280, 2000));
    assert!(
        bytes.len() > 50_000,
        "screenshot suspiciously small ({} bytes): blank page?",
        bytes.len()
    );
    let _ = std::fs::copy(&page, shots.join("review.html"));
    eprintln!("screenshot: {}", png.display());
}

#[test]
fn console_error_detection_catches_a_broken_page() {
    let Some(browser) = chromium() else { return };
    let dir = tempfile::tempdir().expect("temp dir");
    let page = dir.path().join("broken.html");
    std::fs::write(
        &page,
        "<!doctype html><html><head><meta charset=\"utf-8\">\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
         script-src 'unsafe-inline'; img-src data:\">\
         <style>body{color:red}</style><title>broken</title></head>\
         <body><p>broken page</p><img src=\"https://example.invalid/x.png\" alt=\"\">\
         <script>document.body.dataset.ran = 'yes'; notDefinedAnywhere();</script>\
         </body></html>",
    )
    .expect("write page");
    let run = run_chromium(browser, &page, &["--dump-dom".to_string()]);
    assert!(run.stdout.contains("broken page"), "page did not render");
    assert!(
        run.stdout.contains(r#"data-ran="yes""#),
        "script did not run"
    );
    let console = run.console.join("\n");
    assert!(
        console.contains("Uncaught ReferenceError: notDefinedAnywhere is not defined"),
        "the script error was not detected:\n{}",
        run.log
    );
    assert!(
        console.contains("Content Security Policy"),
        "the CSP violations were not detected:\n{}",
        run.log
    );
}
