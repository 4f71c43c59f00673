//! Manual answers: a version-controlled YAML file that records, per best practice, whether it
//! is met, who said so, when, and why.
//!
//! ```yaml
//! version: 1
//! answers:
//!   SEC10-BP07:
//!     status: met            # met | not_met | not_applicable
//!     who: alice@example.com
//!     when: 2024-05-02       # YYYY-MM-DD
//!     note: Quarterly game day; see the runbook in ops/game-days.md
//! ```
//!
//! The file is read with the YAML event parser so every problem carries `file:line:column`.
//! Unknown best practice ids and unknown keys are errors; input size, nesting depth and alias
//! expansion are bounded, and no input makes the parser panic.

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::path::{Path, PathBuf};

use serde::Serialize;
use yaml_rust2::parser::{Event, Parser};
use yaml_rust2::scanner::Marker;

use crate::Lens;

/// Largest answers file read, in bytes.
pub const MAX_BYTES: usize = 1024 * 1024;
/// Deepest nesting of mappings and sequences.
pub const MAX_DEPTH: usize = 32;
/// Most nodes, counting every alias expansion.
pub const MAX_NODES: usize = 100_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AnswerStatus {
    Met,
    NotMet,
    NotApplicable,
}

impl AnswerStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            AnswerStatus::Met => "met",
            AnswerStatus::NotMet => "not_met",
            AnswerStatus::NotApplicable => "not_applicable",
        }
    }
}

/// One manual answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Answer {
    /// The best practice id as the lens names it (`SEC10-BP07`).
    pub best_practice: String,
    pub status: AnswerStatus,
    pub who: String,
    /// `YYYY-MM-DD`.
    pub when: String,
    pub note: Option<String>,
    /// Where the answer is written (`answers.yaml:12:3`).
    pub source: String,
}

impl Answer {
    pub fn who_or_unknown(&self) -> &str {
        if self.who.is_empty() {
            "an unnamed reviewer"
        } else {
            &self.who
        }
    }
}

/// All manual answers of a file, keyed by upper-case best practice id.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Answers {
    pub file: PathBuf,
    pub answers: BTreeMap<String, Answer>,
}

/// One problem in an answers file; `line` and `column` are 1-based.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerIssue {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// Every problem found in an answers file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct AnswersError {
    pub file: PathBuf,
    pub issues: Vec<AnswerIssue>,
}

impl fmt::Display for AnswersError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, issue) in self.issues.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(
                f,
                "{}:{}:{}: {}",
                self.file.display(),
                issue.line,
                issue.column,
                issue.message
            )?;
        }
        Ok(())
    }
}

impl Answers {
    /// The answer for a best practice id (case-insensitive).
    pub fn get(&self, best_practice: &str) -> Option<&Answer> {
        self.answers.get(&best_practice.to_ascii_uppercase())
    }

    pub fn len(&self) -> usize {
        self.answers.len()
    }

    pub fn is_empty(&self) -> bool {
        self.answers.is_empty()
    }

    /// Reads and parses an answers file.
    pub fn load(path: &Path, lens: &Lens) -> Result<Answers, AnswersError> {
        use wasp_core::io::{read_text, ReadError};
        let text = read_text(path, MAX_BYTES as u64).map_err(|e| match e {
            ReadError::Io(e) => one(path, 0, 0, format!("cannot read: {e}")),
            ReadError::TooLarge { .. } => one(
                path,
                1,
                1,
                format!("more than {MAX_BYTES} bytes, answers files are limited to {MAX_BYTES}"),
            ),
            ReadError::NotUtf8(e) => one(path, 1, 1, format!("not UTF-8 text: {e}")),
        })?;
        Answers::parse(&text, path, lens)
    }

    /// Parses answers text; `file` is used in messages. Every best practice id must exist in
    /// the lens.
    pub fn parse(text: &str, file: &Path, lens: &Lens) -> Result<Answers, AnswersError> {
        if text.len() > MAX_BYTES {
            return Err(one(
                file,
                1,
                1,
                format!(
                    "{} bytes, answers files are limited to {MAX_BYTES}",
                    text.len()
                ),
            ));
        }
        let root = load_yaml(text).map_err(|(m, msg)| one(file, m.0, m.1, msg))?;
        let mut issues = Vec::new();
        let mut answers = BTreeMap::new();
        let file_name = file.display().to_string();
        if let Some(root) = root {
            read_root(&root, lens, &file_name, &mut answers, &mut issues);
        }
        if issues.is_empty() {
            Ok(Answers {
                file: file.to_path_buf(),
                answers,
            })
        } else {
            Err(AnswersError {
                file: file.to_path_buf(),
                issues,
            })
        }
    }
}

fn one(file: &Path, line: usize, column: usize, message: String) -> AnswersError {
    AnswersError {
        file: file.to_path_buf(),
        issues: vec![AnswerIssue {
            line,
            column,
            message,
        }],
    }
}

/// (line, column), both 1-based.
type Pos = (usize, usize);

fn pos(m: &Marker) -> Pos {
    (m.line(), m.col() + 1)
}

#[derive(Debug, Clone)]
enum Node {
    Scalar(String, Pos),
    Seq(Vec<Node>, Pos),
    Map(Vec<(Node, Node)>, Pos),
}

impl Node {
    fn pos(&self) -> Pos {
        match self {
            Node::Scalar(_, p) | Node::Seq(_, p) | Node::Map(_, p) => *p,
        }
    }

    fn size(&self) -> usize {
        match self {
            Node::Scalar(..) => 1,
            Node::Seq(items, _) => 1 + items.iter().map(Node::size).sum::<usize>(),
            Node::Map(entries, _) => {
                1 + entries
                    .iter()
                    .map(|(k, v)| k.size() + v.size())
                    .sum::<usize>()
            }
        }
    }

    fn describe(&self) -> &'static str {
        match self {
            Node::Scalar(..) => "a scalar",
            Node::Seq(..) => "a list",
            Node::Map(..) => "a mapping",
        }
    }
}

enum Frame {
    Seq(Vec<Node>, Pos, usize),
    Map(Vec<Node>, Pos, usize),
}

/// Builds a tree from the event stream without recursion; `Ok(None)` for an empty document.
fn load_yaml(text: &str) -> Result<Option<Node>, (Pos, String)> {
    // At the end of input the scanner moves to a line after the last one: positions are kept
    // within the text.
    let end = {
        let e = wasp_core::Pos::end_of(text);
        (e.line as usize, e.col as usize)
    };
    let pos = |m: &Marker| pos(m).min(end);
    let mut parser = Parser::new_from_str(text);
    let mut stack: Vec<Frame> = Vec::new();
    let mut anchors: HashMap<usize, Node> = HashMap::new();
    let mut root: Option<Node> = None;
    let mut documents = 0;
    let mut nodes = 0usize;
    loop {
        let (ev, mark) = parser
            .next_token()
            .map_err(|e| (pos(e.marker()), format!("invalid YAML: {}", e.info())))?;
        let p = pos(&mark);
        let done: Option<(Node, usize)> = match ev {
            Event::StreamEnd => break,
            Event::StreamStart | Event::DocumentEnd | Event::Nothing => None,
            Event::DocumentStart => {
                documents += 1;
                if documents > 1 {
                    return Err((p, "only one YAML document is allowed".into()));
                }
                None
            }
            Event::Scalar(value, _, anchor, _) => Some((Node::Scalar(value, p), anchor)),
            Event::Alias(id) => {
                let node = anchors
                    .get(&id)
                    .cloned()
                    .ok_or((p, "alias to an unknown anchor".to_string()))?;
                nodes += node.size();
                if nodes > MAX_NODES {
                    return Err((
                        p,
                        format!("more than {MAX_NODES} nodes after alias expansion"),
                    ));
                }
                Some((node, 0))
            }
            Event::SequenceStart(anchor, _) | Event::MappingStart(anchor, _) => {
                if stack.len() >= MAX_DEPTH {
                    return Err((p, format!("nesting deeper than {MAX_DEPTH} levels")));
                }
                stack.push(if matches!(ev, Event::SequenceStart(..)) {
                    Frame::Seq(Vec::new(), p, anchor)
                } else {
                    Frame::Map(Vec::new(), p, anchor)
                });
                None
            }
            Event::SequenceEnd | Event::MappingEnd => match stack.pop() {
                Some(Frame::Seq(items, sp, anchor)) => Some((Node::Seq(items, sp), anchor)),
                Some(Frame::Map(flat, mp, anchor)) => {
                    let mut entries = Vec::with_capacity(flat.len() / 2);
                    let mut it = flat.into_iter();
                    while let (Some(k), Some(v)) = (it.next(), it.next()) {
                        entries.push((k, v));
                    }
                    Some((Node::Map(entries, mp), anchor))
                }
                None => return Err((p, "unbalanced end of collection".into())),
            },
        };
        if let Some((node, anchor)) = done {
            nodes += 1;
            if nodes > MAX_NODES {
                return Err((p, format!("more than {MAX_NODES} nodes")));
            }
            if anchor > 0 {
                anchors.insert(anchor, node.clone());
            }
            match stack.last_mut() {
                Some(Frame::Seq(items, ..)) | Some(Frame::Map(items, ..)) => items.push(node),
                None => root = Some(node),
            }
        }
    }
    Ok(root)
}

fn is_null(n: &Node) -> bool {
    matches!(n, Node::Scalar(s, _) if s.is_empty() || s == "~" || s == "null")
}

fn push(issues: &mut Vec<AnswerIssue>, p: Pos, message: impl Into<String>) {
    issues.push(AnswerIssue {
        line: p.0,
        column: p.1,
        message: message.into(),
    });
}

fn read_root(
    root: &Node,
    lens: &Lens,
    file: &str,
    out: &mut BTreeMap<String, Answer>,
    issues: &mut Vec<AnswerIssue>,
) {
    if is_null(root) {
        return;
    }
    let Node::Map(entries, _) = root else {
        push(
            issues,
            root.pos(),
            format!(
                "expected a mapping with `version` and `answers`, found {}",
                root.describe()
            ),
        );
        return;
    };
    for (k, v) in entries {
        let Node::Scalar(key, kp) = k else {
            push(issues, k.pos(), "keys must be plain text");
            continue;
        };
        match key.as_str() {
            "version" => {
                if !matches!(v, Node::Scalar(s, _) if s == "1") {
                    push(issues, v.pos(), "unsupported version (expected 1)");
                }
            }
            "answers" => read_answers(v, lens, file, out, issues),
            other => push(
                issues,
                *kp,
                format!("unknown key `{other}` (expected `version` or `answers`)"),
            ),
        }
    }
}

fn read_answers(
    v: &Node,
    lens: &Lens,
    file: &str,
    out: &mut BTreeMap<String, Answer>,
    issues: &mut Vec<AnswerIssue>,
) {
    if is_null(v) {
        return;
    }
    let Node::Map(entries, _) = v else {
        push(
            issues,
            v.pos(),
            format!(
                "`answers` must map best practice ids to answers, found {}",
                v.describe()
            ),
        );
        return;
    };
    for (k, v) in entries {
        let Node::Scalar(id, kp) = k else {
            push(issues, k.pos(), "best practice ids must be plain text");
            continue;
        };
        let Some((_, bp)) = lens.best_practice(id.trim()) else {
            push(
                issues,
                *kp,
                format!(
                    "unknown best practice `{id}` (not in lens `{}`)",
                    lens.document.name
                ),
            );
            continue;
        };
        let key = bp.id.to_ascii_uppercase();
        if out.contains_key(&key) {
            push(issues, *kp, format!("second answer for `{}`", bp.id));
            continue;
        }
        if let Some(a) = read_answer(v, &bp.id, file, *kp, issues) {
            out.insert(key, a);
        }
    }
}

fn read_answer(
    v: &Node,
    bp: &str,
    file: &str,
    at: Pos,
    issues: &mut Vec<AnswerIssue>,
) -> Option<Answer> {
    let Node::Map(entries, _) = v else {
        push(
            issues,
            v.pos(),
            format!(
                "the answer for `{bp}` must be a mapping with status, who, when and note, found {}",
                v.describe()
            ),
        );
        return None;
    };
    let before = issues.len();
    let mut present: Vec<&str> = Vec::new();
    let mut status = None;
    let mut who = None;
    let mut when = None;
    let mut note = None;
    for (k, val) in entries {
        let Node::Scalar(key, kp) = k else {
            push(issues, k.pos(), "keys must be plain text");
            continue;
        };
        present.push(key.as_str());
        let text = match val {
            Node::Scalar(s, _) => Some(s.clone()),
            other => {
                push(
                    issues,
                    other.pos(),
                    format!("`{key}` must be text, found {}", other.describe()),
                );
                None
            }
        };
        match key.as_str() {
            "status" => {
                status = text.and_then(|s| match s.as_str() {
                    "met" => Some(AnswerStatus::Met),
                    "not_met" => Some(AnswerStatus::NotMet),
                    "not_applicable" => Some(AnswerStatus::NotApplicable),
                    other => {
                        push(
                            issues,
                            val.pos(),
                            format!("status `{other}` is not one of met, not_met, not_applicable"),
                        );
                        None
                    }
                })
            }
            "who" => {
                who = text.filter(|s| {
                    let ok = !s.trim().is_empty();
                    if !ok {
                        push(issues, val.pos(), "`who` must name the person answering");
                    }
                    ok
                })
            }
            "when" => {
                when = text.filter(|s| {
                    let ok = is_date(s);
                    if !ok {
                        push(
                            issues,
                            val.pos(),
                            format!("`when` must be a date YYYY-MM-DD, found `{s}`"),
                        );
                    }
                    ok
                })
            }
            "note" => note = text.filter(|s| !s.is_empty()),
            other => push(
                issues,
                *kp,
                format!("unknown key `{other}` (expected status, who, when, note)"),
            ),
        }
    }
    for name in ["status", "who", "when"] {
        if !present.contains(&name) {
            push(issues, at, format!("the answer for `{bp}` has no `{name}`"));
        }
    }
    if issues.len() > before {
        return None;
    }
    Some(Answer {
        best_practice: bp.to_string(),
        status: status?,
        who: who?,
        when: when?,
        note,
        source: format!("{file}:{}:{}", at.0, at.1),
    })
}

/// `YYYY-MM-DD` with a real month and day.
pub fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        let part = s.get(r)?;
        if part.bytes().all(|c| c.is_ascii_digit()) {
            part.parse().ok()
        } else {
            None
        }
    };
    let (Some(y), Some(m), Some(d)) = (num(0..4), num(5..7), num(8..10)) else {
        return false;
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&d)
}

/// A commented answers template listing every best practice that needs a manual answer (the
/// ones wasp cannot evidence from configuration), with its title, risk level and a hint.
pub fn init_template(lens: &Lens) -> String {
    let mut s = String::new();
    s.push_str("# Manual answers for the wasp review.\n");
    s.push_str(&format!("# Lens: {}\n", lens.document.name));
    s.push_str("#\n");
    s.push_str(
        "# One entry per best practice that configuration cannot show. For each entry you\n",
    );
    s.push_str("# answer, remove the leading `# ` and fill in:\n");
    s.push_str("#   status: met | not_met | not_applicable\n");
    s.push_str("#   who:    the person giving the answer\n");
    s.push_str("#   when:   the date of the answer, YYYY-MM-DD\n");
    s.push_str("#   note:   the evidence or the reason (optional)\n");
    s.push_str("# Failing configuration evidence always wins over a manual `met`.\n");
    s.push_str("# Commit this file next to the workload so answers are reviewed like code.\n");
    s.push_str("version: 1\n");
    s.push_str("answers:\n");
    for q in &lens.questions {
        let manual: Vec<_> = q.best_practices.iter().filter(|b| !b.automated).collect();
        if manual.is_empty() {
            continue;
        }
        s.push_str(&format!("\n  # --- {} {}\n", q.label, q.title));
        for b in manual {
            let risk = b
                .risk
                .map(|r| format!(" ({} risk)", r.as_str()))
                .unwrap_or_default();
            s.push_str(&format!("\n  # {} {}{}\n", b.id, one_line(&b.title), risk));
            if let Some(h) = &b.hint {
                s.push_str(&format!("  # Evidence: {}\n", one_line(h)));
            }
            s.push_str(&format!("  # {}:\n", b.id));
            s.push_str("  #   status: met\n");
            s.push_str("  #   who: \n");
            s.push_str("  #   when: YYYY-MM-DD\n");
            s.push_str("  #   note: \n");
        }
    }
    s
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests;
