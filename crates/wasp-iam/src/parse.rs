//! Parsing of policy documents from JSON text or a `serde_json::Value`.
//!
//! Shape errors (a `Statement` that is a number, an unknown condition operator, ...) are
//! [`ParseError`]s carrying the JSON path. Rules AWS enforces on well-shaped documents (`Principal`
//! in an identity policy, `NotPrincipal` with `Allow`, a missing `Effect` ...) are recorded as
//! [`ValidationIssue`]s on the [`Policy`]: the document stays usable and the issues become findings.

use serde_json::{Map, Value};

use crate::condition::Operator;
use crate::model::{
    Condition, Effect, Items, Policy, PolicyKind, PrincipalSpec, PrincipalType, Statement,
    ValidationIssue,
};

/// Largest policy text accepted (AWS's own limits are far smaller: 10,240 characters for a
/// managed policy, 20,480 for a bucket policy).
pub const MAX_POLICY_BYTES: usize = 4 * 1024 * 1024;

/// Why a document could not be parsed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParseError {
    /// Not JSON.
    #[error("invalid JSON at line {line}, column {column}: {message}")]
    Json {
        line: usize,
        column: usize,
        message: String,
    },
    /// Nested deeper than the JSON parser's recursion limit (128).
    #[error("JSON nested too deeply at line {line}, column {column} (limit: 128 levels)")]
    TooDeep { line: usize, column: usize },
    /// Larger than [`MAX_POLICY_BYTES`].
    #[error("policy is {size} bytes, larger than the {max} bytes accepted")]
    TooLarge { size: usize, max: usize },
    /// Well-formed JSON of the wrong shape.
    #[error("{path}: {message}")]
    Shape { path: String, message: String },
}

impl ParseError {
    fn shape(path: impl Into<String>, message: impl Into<String>) -> ParseError {
        ParseError::Shape {
            path: path.into(),
            message: message.into(),
        }
    }

    /// Converts a `serde_json` error, telling a depth-limit error apart.
    pub fn from_json(e: &serde_json::Error) -> ParseError {
        let message = e.to_string();
        if message.contains("recursion limit") {
            ParseError::TooDeep {
                line: e.line(),
                column: e.column(),
            }
        } else {
            ParseError::Json {
                line: e.line(),
                column: e.column(),
                message: strip_position(&message),
            }
        }
    }

    /// The JSON path of the problem, when known.
    pub fn path(&self) -> Option<&str> {
        match self {
            ParseError::Shape { path, .. } => Some(path),
            _ => None,
        }
    }
}

fn strip_position(m: &str) -> String {
    match m.find(" at line ") {
        Some(i) => m[..i].to_string(),
        None => m.to_string(),
    }
}

/// Parses JSON text into a value, with size ([`MAX_POLICY_BYTES`]) and depth limits.
pub fn parse_json(text: &str) -> Result<Value, ParseError> {
    parse_json_limited(text, MAX_POLICY_BYTES)
}

/// Parses JSON text of at most `max_bytes` (larger inputs, such as account authorization
/// details, need a larger limit than one policy) with serde_json's depth limit of 128.
pub fn parse_json_limited(text: &str, max_bytes: usize) -> Result<Value, ParseError> {
    if text.len() > max_bytes {
        return Err(ParseError::TooLarge {
            size: text.len(),
            max: max_bytes,
        });
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    serde_json::from_str(text).map_err(|e| ParseError::from_json(&e))
}

/// Parses a policy document from JSON text.
pub fn parse_policy_str(text: &str, kind: PolicyKind) -> Result<Policy, ParseError> {
    parse_policy(&parse_json(text)?, kind)
}

/// Parses a policy document from a JSON value (for instance a `PolicyDocument` read from a
/// CloudFormation template). A string value holding JSON is parsed first.
pub fn parse_policy(value: &Value, kind: PolicyKind) -> Result<Policy, ParseError> {
    if let Value::String(s) = value {
        return parse_policy_str(s, kind);
    }
    let Value::Object(top) = value else {
        return Err(ParseError::shape(
            "$",
            format!("a policy must be a JSON object, found {}", type_name(value)),
        ));
    };
    let mut p = Parser {
        kind,
        issues: Vec::new(),
    };
    let mut version = None;
    let mut id = None;
    for (k, v) in top {
        match k.as_str() {
            "Version" => match v {
                Value::String(s) => {
                    if s != "2012-10-17" && s != "2008-10-17" {
                        p.issue(
                            "invalid-version",
                            "Version",
                            format!("Version `{s}` is not `2012-10-17` or `2008-10-17`"),
                            true,
                        );
                    }
                    version = Some(s.clone());
                }
                other => {
                    return Err(ParseError::shape(
                        "Version",
                        format!("expected a string, found {}", type_name(other)),
                    ))
                }
            },
            "Id" => match v {
                Value::String(s) => id = Some(s.clone()),
                other => {
                    return Err(ParseError::shape(
                        "Id",
                        format!("expected a string, found {}", type_name(other)),
                    ))
                }
            },
            "Statement" => {}
            other => p.issue(
                "unknown-element",
                other,
                format!("unknown top-level element `{other}`"),
                true,
            ),
        }
    }
    match version.as_deref() {
        None => p.issue(
            "missing-version",
            "Version",
            "no Version: the 2008-10-17 language applies and policy variables are not interpreted",
            false,
        ),
        Some("2008-10-17") => p.issue(
            "old-version",
            "Version",
            "Version 2008-10-17: policy variables are not interpreted; use 2012-10-17",
            false,
        ),
        _ => {}
    }
    let statements = match top.get("Statement") {
        None => return Err(ParseError::shape("Statement", "missing Statement element")),
        Some(Value::Object(o)) => vec![p.statement(o, 0, "Statement".to_string())?],
        Some(Value::Array(a)) => {
            let mut out = Vec::with_capacity(a.len());
            for (i, s) in a.iter().enumerate() {
                let path = format!("Statement[{i}]");
                match s {
                    Value::Object(o) => out.push(p.statement(o, i, path)?),
                    other => {
                        return Err(ParseError::shape(
                            path,
                            format!("a statement must be an object, found {}", type_name(other)),
                        ))
                    }
                }
            }
            out
        }
        Some(other) => {
            return Err(ParseError::shape(
                "Statement",
                format!("expected an object or an array, found {}", type_name(other)),
            ))
        }
    };
    let mut seen = std::collections::HashSet::new();
    for s in &statements {
        if let Some(sid) = &s.sid {
            if !sid.is_empty() && !seen.insert(sid.clone()) {
                p.issue(
                    "duplicate-sid",
                    format!("{}.Sid", s.path),
                    format!("duplicate Sid `{sid}`"),
                    true,
                );
            }
        }
    }
    Ok(Policy {
        kind,
        version,
        id,
        statements,
        issues: p.issues,
    })
}

fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

struct Parser {
    kind: PolicyKind,
    issues: Vec<ValidationIssue>,
}

impl Parser {
    fn issue(
        &mut self,
        rule: &'static str,
        path: impl Into<String>,
        message: impl Into<String>,
        error: bool,
    ) {
        self.issues.push(ValidationIssue {
            rule,
            path: path.into(),
            message: message.into(),
            error,
        });
    }

    fn strings(v: &Value, path: &str) -> Result<Vec<String>, ParseError> {
        match v {
            Value::String(s) => Ok(vec![s.clone()]),
            Value::Array(a) => a
                .iter()
                .enumerate()
                .map(|(i, x)| match x {
                    Value::String(s) => Ok(s.clone()),
                    other => Err(ParseError::shape(
                        format!("{path}[{i}]"),
                        format!("expected a string, found {}", type_name(other)),
                    )),
                })
                .collect(),
            other => Err(ParseError::shape(
                path,
                format!(
                    "expected a string or an array of strings, found {}",
                    type_name(other)
                ),
            )),
        }
    }

    fn pair(
        &mut self,
        o: &Map<String, Value>,
        path: &str,
        pos: &str,
        neg: &str,
    ) -> Result<Option<Items>, ParseError> {
        let a = o.get(pos);
        let n = o.get(neg);
        if a.is_some() && n.is_some() {
            self.issue(
                "conflicting-elements",
                format!("{path}.{neg}"),
                format!("a statement cannot have both {pos} and {neg}"),
                true,
            );
        }
        let (negated, v, name) = match (a, n) {
            (Some(v), _) => (false, v, pos),
            (None, Some(v)) => (true, v, neg),
            (None, None) => return Ok(None),
        };
        let el_path = format!("{path}.{name}");
        let values = Self::strings(v, &el_path)?;
        if values.is_empty() {
            self.issue(
                "empty-element",
                el_path,
                format!("{name} is an empty list"),
                true,
            );
        }
        Ok(Some(Items { negated, values }))
    }

    fn statement(
        &mut self,
        o: &Map<String, Value>,
        index: usize,
        path: String,
    ) -> Result<Statement, ParseError> {
        for k in o.keys() {
            if !matches!(
                k.as_str(),
                "Sid"
                    | "Effect"
                    | "Action"
                    | "NotAction"
                    | "Resource"
                    | "NotResource"
                    | "Principal"
                    | "NotPrincipal"
                    | "Condition"
            ) {
                self.issue(
                    "unknown-element",
                    format!("{path}.{k}"),
                    format!("unknown statement element `{k}`"),
                    true,
                );
            }
        }
        let sid = match o.get("Sid") {
            None => None,
            Some(Value::String(s)) => Some(s.clone()),
            Some(other) => {
                return Err(ParseError::shape(
                    format!("{path}.Sid"),
                    format!("expected a string, found {}", type_name(other)),
                ))
            }
        };
        let effect = match o.get("Effect") {
            None => {
                self.issue(
                    "missing-effect",
                    format!("{path}.Effect"),
                    "statement has no Effect; AWS rejects it (ignored in evaluation)",
                    true,
                );
                None
            }
            Some(Value::String(s)) if s == "Allow" => Some(Effect::Allow),
            Some(Value::String(s)) if s == "Deny" => Some(Effect::Deny),
            Some(Value::String(s)) => {
                self.issue(
                    "invalid-effect",
                    format!("{path}.Effect"),
                    format!("Effect `{s}` is not `Allow` or `Deny` (case-sensitive)"),
                    true,
                );
                None
            }
            Some(other) => {
                return Err(ParseError::shape(
                    format!("{path}.Effect"),
                    format!("expected a string, found {}", type_name(other)),
                ))
            }
        };
        let action = self.pair(o, &path, "Action", "NotAction")?;
        match &action {
            None => self.issue(
                "missing-action",
                format!("{path}.Action"),
                "statement has neither Action nor NotAction",
                true,
            ),
            Some(items) => {
                let name = if items.negated { "NotAction" } else { "Action" };
                for (i, a) in items.values.iter().enumerate() {
                    if a != "*" && !valid_action_shape(a) {
                        self.issue(
                            "invalid-action",
                            format!("{path}.{name}[{i}]"),
                            format!("`{a}` is not of the form `service:action`"),
                            true,
                        );
                    }
                }
            }
        }
        let resource = self.pair(o, &path, "Resource", "NotResource")?;
        match (&resource, self.kind) {
            (Some(_), PolicyKind::Trust) => self.issue(
                "resource-in-trust-policy",
                format!("{path}.Resource"),
                "a trust policy must not have Resource or NotResource",
                true,
            ),
            (None, PolicyKind::Trust) => {}
            (None, _) => self.issue(
                "missing-resource",
                format!("{path}.Resource"),
                "statement has neither Resource nor NotResource",
                true,
            ),
            _ => {}
        }
        let principal = self.principal(o, &path, effect)?;
        let conditions = match o.get("Condition") {
            None => Vec::new(),
            Some(v) => self.conditions(v, &format!("{path}.Condition"))?,
        };
        Ok(Statement {
            index,
            path,
            sid,
            effect,
            action,
            resource,
            principal,
            conditions,
        })
    }

    fn principal(
        &mut self,
        o: &Map<String, Value>,
        path: &str,
        effect: Option<Effect>,
    ) -> Result<Option<PrincipalSpec>, ParseError> {
        let p = o.get("Principal");
        let n = o.get("NotPrincipal");
        if p.is_some() && n.is_some() {
            self.issue(
                "conflicting-elements",
                format!("{path}.NotPrincipal"),
                "a statement cannot have both Principal and NotPrincipal",
                true,
            );
        }
        let (negated, v, name) = match (p, n) {
            (Some(v), _) => (false, v, "Principal"),
            (None, Some(v)) => (true, v, "NotPrincipal"),
            (None, None) => {
                if self.kind.has_principal() {
                    self.issue(
                        "missing-principal",
                        format!("{path}.Principal"),
                        format!("a {} policy statement needs a Principal", self.kind),
                        true,
                    );
                }
                return Ok(None);
            }
        };
        let el = format!("{path}.{name}");
        if !self.kind.has_principal() {
            self.issue(
                "principal-not-allowed",
                el.clone(),
                format!("{name} is not allowed in a {} policy", self.kind),
                true,
            );
        }
        if negated && effect == Some(Effect::Allow) {
            self.issue(
                "notprincipal-with-allow",
                el.clone(),
                "NotPrincipal with Allow grants access to everyone not listed; AWS rejects it",
                true,
            );
        }
        let mut spec = PrincipalSpec {
            negated,
            wildcard: false,
            entries: Vec::new(),
        };
        match v {
            Value::String(s) if s == "*" => spec.wildcard = true,
            Value::Object(m) => {
                for (k, vals) in m {
                    let t = match k.as_str() {
                        "AWS" => PrincipalType::Aws,
                        "Service" => PrincipalType::Service,
                        "Federated" => PrincipalType::Federated,
                        "CanonicalUser" => PrincipalType::CanonicalUser,
                        other => {
                            return Err(ParseError::shape(
                                format!("{el}.{other}"),
                                "unknown principal type (expected AWS, Service, Federated or CanonicalUser)",
                            ))
                        }
                    };
                    let kpath = format!("{el}.{k}");
                    for (i, s) in Self::strings(vals, &kpath)?.into_iter().enumerate() {
                        if t == PrincipalType::Aws && s != "*" && !valid_aws_principal(&s) {
                            self.issue(
                                "invalid-principal",
                                format!("{kpath}[{i}]"),
                                format!("`{s}` is not an account id or an IAM principal ARN"),
                                true,
                            );
                        }
                        spec.entries.push((t.clone(), s));
                    }
                }
            }
            Value::String(s) => {
                return Err(ParseError::shape(
                    el,
                    format!(
                        "a principal string must be \"*\", found `{s}`; use {{\"AWS\": \"{s}\"}}"
                    ),
                ))
            }
            other => {
                return Err(ParseError::shape(
                    el,
                    format!("expected \"*\" or an object, found {}", type_name(other)),
                ))
            }
        }
        if self.kind == PolicyKind::Rcp && !spec.wildcard {
            self.issue(
                "rcp-principal",
                el,
                "a resource control policy's Principal must be \"*\"",
                true,
            );
        }
        Ok(Some(spec))
    }

    fn conditions(&mut self, v: &Value, path: &str) -> Result<Vec<Condition>, ParseError> {
        let Value::Object(ops) = v else {
            return Err(ParseError::shape(
                path,
                format!("expected an object, found {}", type_name(v)),
            ));
        };
        let mut out = Vec::new();
        for (op_name, block) in ops {
            let op_path = format!("{path}.{op_name}");
            let Some(op) = Operator::parse(op_name) else {
                return Err(ParseError::shape(
                    op_path,
                    format!("unknown condition operator `{op_name}`"),
                ));
            };
            let Value::Object(keys) = block else {
                return Err(ParseError::shape(
                    op_path,
                    format!(
                        "expected an object of condition keys, found {}",
                        type_name(block)
                    ),
                ));
            };
            for (key, vals) in keys {
                let key_path = format!("{op_path}.{key}");
                let values: Vec<String> = match vals {
                    Value::Array(a) => a
                        .iter()
                        .enumerate()
                        .map(|(i, x)| scalar(x, &format!("{key_path}[{i}]")))
                        .collect::<Result<_, _>>()?,
                    other => vec![scalar(other, &key_path)?],
                };
                if values.is_empty() {
                    self.issue(
                        "empty-element",
                        key_path.clone(),
                        "condition has no values",
                        true,
                    );
                }
                for v in &values {
                    if let Err(m) = op.validate_value(v) {
                        self.issue(
                            "invalid-condition-value",
                            key_path.clone(),
                            format!("{m} (for {op_name})"),
                            true,
                        );
                    }
                }
                out.push(Condition {
                    operator: op,
                    key: key.clone(),
                    values,
                });
            }
        }
        Ok(out)
    }
}

fn scalar(v: &Value, path: &str) -> Result<String, ParseError> {
    match v {
        Value::String(s) => Ok(s.clone()),
        Value::Bool(b) => Ok(b.to_string()),
        Value::Number(n) => Ok(n.to_string()),
        other => Err(ParseError::shape(
            path,
            format!(
                "expected a string, number or boolean, found {}",
                type_name(other)
            ),
        )),
    }
}

fn valid_action_shape(a: &str) -> bool {
    match a.split_once(':') {
        Some((svc, name)) => {
            !svc.is_empty()
                && !name.is_empty()
                && svc
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'*' || b == b'?')
                && !name.contains(':')
        }
        None => false,
    }
}

fn valid_aws_principal(s: &str) -> bool {
    (s.len() == 12 && s.bytes().all(|b| b.is_ascii_digit()))
        || (s.starts_with("arn:") && s.splitn(6, ':').count() == 6)
        // unique ids (AIDA..., AROA...) appear once a principal was deleted
        || (s.len() >= 16 && s.starts_with("A") && s.bytes().all(|b| b.is_ascii_alphanumeric()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_have_paths() {
        let e = parse_policy_str(
            r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"},
               {"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"StringEquals":{"aws:x":{"a":1}}}}]}"#,
            PolicyKind::Identity,
        )
        .unwrap_err();
        assert_eq!(e.path(), Some("Statement[1].Condition.StringEquals.aws:x"));
        let e = parse_policy_str(
            r#"{"Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"StringEqualz":{}}}}"#,
            PolicyKind::Identity,
        )
        .unwrap_err();
        assert_eq!(e.path(), Some("Statement.Condition.StringEqualz"));
        assert!(matches!(
            parse_policy_str("{", PolicyKind::Identity),
            Err(ParseError::Json { .. })
        ));
        let deep = "[".repeat(200) + &"]".repeat(200);
        assert!(matches!(
            parse_policy_str(&deep, PolicyKind::Identity),
            Err(ParseError::TooDeep { .. })
        ));
    }

    #[test]
    fn validation_issues() {
        let p = parse_policy_str(
            r#"{"Version":"2012-10-17","Statement":[
                {"Sid":"A","Action":"s3:GetObject","Resource":"*","Principal":{"AWS":"111122223333"}},
                {"Sid":"A","Effect":"Allow","NotPrincipal":{"AWS":"111122223333"},"Action":"s3:*","Resource":"*"}]}"#,
            PolicyKind::Identity,
        )
        .unwrap();
        let rules: Vec<_> = p.issues.iter().map(|i| i.rule).collect();
        assert!(rules.contains(&"missing-effect"));
        assert!(rules.contains(&"principal-not-allowed"));
        assert!(rules.contains(&"notprincipal-with-allow"));
        assert!(rules.contains(&"duplicate-sid"));
    }

    #[test]
    fn shapes() {
        let p = parse_policy_str(
            r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":"*","Action":["s3:GetObject"],
                "Resource":"arn:aws:s3:::b/*","Condition":{"Bool":{"aws:SecureTransport":true},"NumericLessThan":{"s3:max-keys":10}}}}"#,
            PolicyKind::Resource,
        )
        .unwrap();
        assert!(p.issues.is_empty(), "{:?}", p.issues);
        let s = &p.statements[0];
        assert!(s.principal.as_ref().unwrap().wildcard);
        assert_eq!(s.conditions[0].values, vec!["true"]);
        assert_eq!(s.conditions[1].values, vec!["10"]);
    }
}
