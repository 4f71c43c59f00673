//! Validation of a custom lens against the Well-Architected Tool's format and limits.
//!
//! Every problem is reported at once, each with the JSON path of the offending value
//! (`pillars[0].questions[3].choices[1].title: 600 characters, limit is 512`). Problems the
//! Well-Architected Tool would reject are errors; doubtful constructs are warnings.

use std::collections::HashSet;
use std::fmt;

use serde_json::{Map, Value};

use crate::model::{LensDocument, SCHEMA_VERSION};
use crate::risk;

/// Length and count limits of the custom lens format. Lengths count characters.
pub mod limits {
    /// Largest lens file the Well-Architected Tool imports, in bytes (500 KB).
    pub const MAX_FILE_BYTES: usize = 500 * 1024;
    pub const LENS_NAME: usize = 128;
    pub const LENS_DESCRIPTION: usize = 2048;
    pub const PILLARS: usize = 10;
    pub const PILLAR_ID: usize = 64;
    pub const PILLAR_NAME: usize = 128;
    pub const QUESTIONS_PER_PILLAR: usize = 20;
    pub const QUESTION_ID: usize = 128;
    pub const QUESTION_TITLE: usize = 512;
    pub const QUESTION_DESCRIPTION: usize = 1024;
    pub const CHOICES_PER_QUESTION: usize = 15;
    pub const CHOICE_ID: usize = 64;
    pub const CHOICE_TITLE: usize = 512;
    pub const CHOICE_DESCRIPTION: usize = 1024;
    pub const DISPLAY_TEXT: usize = 1024;
    pub const URL: usize = 2048;
    pub const ADDITIONAL_RESOURCES_PER_CHOICE: usize = 2;
    pub const ADDITIONAL_RESOURCE_URLS: usize = 5;
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    Warning,
    Error,
}

/// One problem, located by its JSON path (empty for the whole document).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issue {
    pub level: Level,
    pub path: String,
    pub message: String,
}

impl fmt::Display for Issue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.level {
            Level::Error => "error",
            Level::Warning => "warning",
        };
        if self.path.is_empty() {
            write!(f, "{level}: {}", self.message)
        } else {
            write!(f, "{level}: {}: {}", self.path, self.message)
        }
    }
}

/// A lens that failed validation: every error (and warning) found.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct InvalidLens {
    pub issues: Vec<Issue>,
}

impl fmt::Display for InvalidLens {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let errors = self
            .issues
            .iter()
            .filter(|i| i.level == Level::Error)
            .count();
        write!(f, "invalid custom lens ({errors} error(s))")?;
        for i in &self.issues {
            write!(f, "\n  {i}")?;
        }
        Ok(())
    }
}

/// A valid lens document plus the warnings found on the way.
#[derive(Debug, Clone)]
pub struct Validated {
    pub document: LensDocument,
    pub warnings: Vec<Issue>,
}

/// Parses and validates lens JSON text.
pub fn parse_lens(text: &str) -> Result<Validated, InvalidLens> {
    if text.len() > limits::MAX_FILE_BYTES {
        return Err(InvalidLens {
            issues: vec![Issue {
                level: Level::Error,
                path: String::new(),
                message: format!(
                    "{} bytes, the Well-Architected Tool imports lenses up to {} bytes",
                    text.len(),
                    limits::MAX_FILE_BYTES
                ),
            }],
        });
    }
    let value: Value = serde_json::from_str(text).map_err(|e| InvalidLens {
        issues: vec![Issue {
            level: Level::Error,
            path: String::new(),
            message: format!(
                "not valid JSON: line {} column {}: {}",
                e.line(),
                e.column(),
                e
            ),
        }],
    })?;
    validate_value(&value)
}

/// Validates an already parsed JSON value.
pub fn validate_value(value: &Value) -> Result<Validated, InvalidLens> {
    let mut v = Validator::default();
    v.lens(value);
    let has_errors = v.issues.iter().any(|i| i.level == Level::Error);
    if has_errors {
        return Err(InvalidLens { issues: v.issues });
    }
    match serde_json::from_value::<LensDocument>(value.clone()) {
        Ok(document) => Ok(Validated {
            document,
            warnings: v.issues,
        }),
        Err(e) => {
            let mut issues = v.issues;
            issues.push(Issue {
                level: Level::Error,
                path: String::new(),
                message: e.to_string(),
            });
            Err(InvalidLens { issues })
        }
    }
}

/// Checks a document built in memory (for example before export).
pub fn validate_document(doc: &LensDocument) -> Result<Vec<Issue>, InvalidLens> {
    let value = serde_json::to_value(doc).map_err(|e| InvalidLens {
        issues: vec![Issue {
            level: Level::Error,
            path: String::new(),
            message: e.to_string(),
        }],
    })?;
    validate_value(&value).map(|v| v.warnings)
}

#[derive(Default)]
struct Validator {
    issues: Vec<Issue>,
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

fn is_id(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// Titles of the "None of these" choice, and the id suffix that marks it.
pub fn is_none_choice(id: &str, title: &str) -> bool {
    id.ends_with("_no") || title.trim().eq_ignore_ascii_case("none of these")
}

impl Validator {
    fn error(&mut self, path: &str, message: impl Into<String>) {
        self.issues.push(Issue {
            level: Level::Error,
            path: path.to_string(),
            message: message.into(),
        });
    }

    fn warn(&mut self, path: &str, message: impl Into<String>) {
        self.issues.push(Issue {
            level: Level::Warning,
            path: path.to_string(),
            message: message.into(),
        });
    }

    fn object<'a>(&mut self, v: &'a Value, path: &str) -> Option<&'a Map<String, Value>> {
        match v {
            Value::Object(m) => Some(m),
            other => {
                self.error(path, format!("expected an object, found {}", kind(other)));
                None
            }
        }
    }

    fn unknown_keys(&mut self, m: &Map<String, Value>, path: &str, known: &[&str]) {
        for k in m.keys() {
            if !known.contains(&k.as_str()) {
                self.warn(
                    &join(path, k),
                    format!(
                        "unknown field (known here: {}); the Well-Architected Tool may reject it",
                        known.join(", ")
                    ),
                );
            }
        }
    }

    /// A string field: required or optional, with a length range in characters.
    fn string<'a>(
        &mut self,
        m: &'a Map<String, Value>,
        path: &str,
        key: &str,
        required: bool,
        max: usize,
    ) -> Option<&'a str> {
        let p = join(path, key);
        match m.get(key) {
            None | Some(Value::Null) => {
                if required {
                    self.error(&p, "required field is missing");
                }
                None
            }
            Some(Value::String(s)) => {
                let n = s.chars().count();
                if n == 0 {
                    self.error(&p, "must not be empty");
                } else if n > max {
                    self.error(&p, format!("{n} characters, limit is {max}"));
                }
                Some(s)
            }
            Some(other) => {
                self.error(&p, format!("expected a string, found {}", kind(other)));
                None
            }
        }
    }

    fn array<'a>(
        &mut self,
        m: &'a Map<String, Value>,
        path: &str,
        key: &str,
        min: usize,
        max: usize,
    ) -> Option<&'a Vec<Value>> {
        let p = join(path, key);
        match m.get(key) {
            None | Some(Value::Null) => {
                self.error(&p, "required field is missing");
                None
            }
            Some(Value::Array(a)) => {
                if a.len() < min {
                    self.error(&p, format!("{} item(s), at least {min} required", a.len()));
                } else if a.len() > max {
                    self.error(&p, format!("{} items, limit is {max}", a.len()));
                }
                Some(a)
            }
            Some(other) => {
                self.error(&p, format!("expected an array, found {}", kind(other)));
                None
            }
        }
    }

    fn id<'a>(
        &mut self,
        m: &'a Map<String, Value>,
        path: &str,
        max: usize,
        seen: &mut HashSet<String>,
        scope: &str,
    ) -> Option<&'a str> {
        let id = self.string(m, path, "id", true, max)?;
        let p = join(path, "id");
        if !is_id(id) {
            self.error(
                &p,
                format!("`{id}` may only contain letters, digits and underscores"),
            );
        }
        if !seen.insert(id.to_string()) {
            self.error(&p, format!("duplicate id `{id}` in the {scope}"));
        }
        Some(id)
    }

    fn url(&mut self, m: &Map<String, Value>, path: &str) {
        if let Some(u) = self.string(m, path, "url", false, limits::URL) {
            if !(u.starts_with("https://") || u.starts_with("http://")) {
                self.error(&join(path, "url"), "must start with https:// or http://");
            }
        }
    }

    fn content(&mut self, v: &Value, path: &str, text_required: bool) {
        let Some(m) = self.object(v, path) else {
            return;
        };
        self.unknown_keys(m, path, &["displayText", "url"]);
        let text = self.string(m, path, "displayText", false, limits::DISPLAY_TEXT);
        self.url(m, path);
        if text.is_none() && (text_required || m.contains_key("url")) {
            self.error(&join(path, "displayText"), "required field is missing");
        }
    }

    fn lens(&mut self, v: &Value) {
        let Some(m) = self.object(v, "") else {
            return;
        };
        self.unknown_keys(m, "", &["schemaVersion", "name", "description", "pillars"]);
        match m.get("schemaVersion") {
            Some(Value::String(s)) if s == SCHEMA_VERSION => {}
            Some(Value::String(s)) => self.error(
                "schemaVersion",
                format!("`{s}` is not supported, expected `{SCHEMA_VERSION}`"),
            ),
            Some(other) => self.error(
                "schemaVersion",
                format!("expected a string, found {}", kind(other)),
            ),
            None => self.error("schemaVersion", "required field is missing"),
        }
        self.string(m, "", "name", true, limits::LENS_NAME);
        self.string(m, "", "description", false, limits::LENS_DESCRIPTION);
        let Some(pillars) = self.array(m, "", "pillars", 1, limits::PILLARS) else {
            return;
        };
        let mut pillar_ids = HashSet::new();
        let mut question_ids = HashSet::new();
        for (i, p) in pillars.iter().enumerate() {
            self.pillar(
                p,
                &format!("pillars[{i}]"),
                &mut pillar_ids,
                &mut question_ids,
            );
        }
    }

    fn pillar(
        &mut self,
        v: &Value,
        path: &str,
        pillar_ids: &mut HashSet<String>,
        question_ids: &mut HashSet<String>,
    ) {
        let Some(m) = self.object(v, path) else {
            return;
        };
        self.unknown_keys(m, path, &["id", "name", "questions"]);
        self.id(m, path, limits::PILLAR_ID, pillar_ids, "lens");
        self.string(m, path, "name", true, limits::PILLAR_NAME);
        let Some(questions) = self.array(m, path, "questions", 1, limits::QUESTIONS_PER_PILLAR)
        else {
            return;
        };
        for (i, q) in questions.iter().enumerate() {
            self.question(q, &format!("{path}.questions[{i}]"), question_ids);
        }
    }

    fn question(&mut self, v: &Value, path: &str, question_ids: &mut HashSet<String>) {
        let Some(m) = self.object(v, path) else {
            return;
        };
        self.unknown_keys(
            m,
            path,
            &[
                "id",
                "title",
                "description",
                "helpfulResource",
                "choices",
                "riskRules",
            ],
        );
        self.id(m, path, limits::QUESTION_ID, question_ids, "lens");
        self.string(m, path, "title", true, limits::QUESTION_TITLE);
        self.string(m, path, "description", false, limits::QUESTION_DESCRIPTION);
        if let Some(h) = m.get("helpfulResource") {
            self.content(h, &join(path, "helpfulResource"), true);
        }
        let mut choice_ids = HashSet::new();
        if let Some(choices) = self.array(m, path, "choices", 1, limits::CHOICES_PER_QUESTION) {
            for (i, c) in choices.iter().enumerate() {
                self.choice(c, &format!("{path}.choices[{i}]"), &mut choice_ids);
            }
        }
        let rules_path = join(path, "riskRules");
        let Some(rules) = self.array(m, path, "riskRules", 1, usize::MAX) else {
            return;
        };
        let mut has_default = false;
        let mut risks_seen = HashSet::new();
        for (i, r) in rules.iter().enumerate() {
            let rp = format!("{rules_path}[{i}]");
            let Some(rm) = self.object(r, &rp) else {
                continue;
            };
            self.unknown_keys(rm, &rp, &["condition", "risk"]);
            if let Some(risk) = self.string(rm, &rp, "risk", true, 32) {
                match risk::RuleRisk::parse(risk) {
                    Some(rr) => {
                        if !risks_seen.insert(rr) {
                            self.warn(
                                &join(&rp, "risk"),
                                format!("more than one rule gives `{risk}`"),
                            );
                        }
                    }
                    None => self.error(
                        &join(&rp, "risk"),
                        format!("`{risk}` is not one of HIGH_RISK, MEDIUM_RISK, NO_RISK"),
                    ),
                }
            }
            let Some(cond) = self.string(rm, &rp, "condition", true, risk::MAX_CONDITION_LEN)
            else {
                continue;
            };
            let cp = join(&rp, "condition");
            match risk::parse(cond) {
                Ok(risk::Condition::Default) => {
                    has_default = true;
                    if i + 1 != rules.len() {
                        self.warn(&cp, "rules after `default` can never apply");
                    }
                }
                Ok(c) => {
                    let mut reported = HashSet::new();
                    for id in c.choice_ids() {
                        if !choice_ids.contains(id) && reported.insert(id) {
                            self.error(
                                &cp,
                                format!("unknown choice id `{id}` (not a choice of this question)"),
                            );
                        }
                    }
                }
                Err(e) => self.error(&cp, format!("{e} in `{cond}`")),
            }
        }
        if !has_default {
            self.warn(
                &rules_path,
                "no `default` rule: selections that match no rule get no risk",
            );
        }
    }

    fn choice(&mut self, v: &Value, path: &str, choice_ids: &mut HashSet<String>) {
        let Some(m) = self.object(v, path) else {
            return;
        };
        self.unknown_keys(
            m,
            path,
            &[
                "id",
                "title",
                "description",
                "helpfulResource",
                "improvementPlan",
                "additionalResources",
            ],
        );
        let id = self
            .id(m, path, limits::CHOICE_ID, choice_ids, "question")
            .unwrap_or("");
        let title = self
            .string(m, path, "title", true, limits::CHOICE_TITLE)
            .unwrap_or("");
        self.string(m, path, "description", false, limits::CHOICE_DESCRIPTION);
        if let Some(h) = m.get("helpfulResource") {
            self.content(h, &join(path, "helpfulResource"), true);
        }
        match m.get("improvementPlan") {
            Some(ip) => self.content(ip, &join(path, "improvementPlan"), true),
            None if !is_none_choice(id, title) => self.warn(
                &join(path, "improvementPlan"),
                "missing: every best practice choice should carry an improvement plan",
            ),
            None => {}
        }
        if let Some(ar) = m.get("additionalResources") {
            self.additional(ar, &join(path, "additionalResources"));
        }
    }

    fn additional(&mut self, v: &Value, path: &str) {
        let Value::Array(items) = v else {
            self.error(path, format!("expected an array, found {}", kind(v)));
            return;
        };
        if items.len() > limits::ADDITIONAL_RESOURCES_PER_CHOICE {
            self.error(
                path,
                format!(
                    "{} items, limit is {}",
                    items.len(),
                    limits::ADDITIONAL_RESOURCES_PER_CHOICE
                ),
            );
        }
        let mut types = HashSet::new();
        for (i, item) in items.iter().enumerate() {
            let ip = format!("{path}[{i}]");
            let Some(m) = self.object(item, &ip) else {
                continue;
            };
            self.unknown_keys(m, &ip, &["type", "content"]);
            if let Some(t) = self.string(m, &ip, "type", true, 32) {
                if t != "HELPFUL_RESOURCE" && t != "IMPROVEMENT_PLAN" {
                    self.error(
                        &join(&ip, "type"),
                        format!("`{t}` is not one of HELPFUL_RESOURCE, IMPROVEMENT_PLAN"),
                    );
                } else if !types.insert(t.to_string()) {
                    self.error(&join(&ip, "type"), format!("a second `{t}` entry"));
                }
            }
            if let Some(content) =
                self.array(m, &ip, "content", 1, limits::ADDITIONAL_RESOURCE_URLS)
            {
                for (j, c) in content.iter().enumerate() {
                    let cp = format!("{ip}.content[{j}]");
                    self.content(c, &cp, false);
                    if let Value::Object(cm) = c {
                        if !cm.contains_key("url") {
                            self.error(&join(&cp, "url"), "required field is missing");
                        }
                    }
                }
            }
        }
    }
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests;
