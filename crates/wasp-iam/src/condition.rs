//! Condition operators: parsing of operator names, validation of policy values, and evaluation of
//! one condition entry against a request context.
//!
//! Semantics (IAM User Guide, "Condition operators" and "Set operators for multivalued keys"):
//!
//! * Several values for one key: the condition holds when **any** value matches (OR); for the
//!   negated operators (`StringNotEquals`, `NotIpAddress`, `ArnNotLike` ...) it holds when the
//!   context value matches **none** of them.
//! * A key absent from the context: positive operators are false, negated operators are true;
//!   `...IfExists` makes any operator true; `Null: true` holds when absent, `Null: false` when
//!   present; `ForAllValues:` is true and `ForAnyValue:` is false.
//! * `ForAllValues:` holds when every context value satisfies the operator; `ForAnyValue:` when at
//!   least one does.

use std::net::IpAddr;

use serde::Serialize;

use crate::matcher::{ArnPattern, Pattern, Vars};
use crate::request::Context;

/// `ForAllValues:` or `ForAnyValue:`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum SetOp {
    ForAllValues,
    ForAnyValue,
}

/// The base condition operators.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[allow(missing_docs)]
pub enum BaseOp {
    StringEquals,
    StringNotEquals,
    StringEqualsIgnoreCase,
    StringNotEqualsIgnoreCase,
    StringLike,
    StringNotLike,
    NumericEquals,
    NumericNotEquals,
    NumericLessThan,
    NumericLessThanEquals,
    NumericGreaterThan,
    NumericGreaterThanEquals,
    DateEquals,
    DateNotEquals,
    DateLessThan,
    DateLessThanEquals,
    DateGreaterThan,
    DateGreaterThanEquals,
    Bool,
    BinaryEquals,
    IpAddress,
    NotIpAddress,
    ArnEquals,
    ArnLike,
    ArnNotEquals,
    ArnNotLike,
    Null,
}

const ALL_OPS: [(&str, BaseOp); 27] = [
    ("StringEquals", BaseOp::StringEquals),
    ("StringNotEquals", BaseOp::StringNotEquals),
    ("StringEqualsIgnoreCase", BaseOp::StringEqualsIgnoreCase),
    (
        "StringNotEqualsIgnoreCase",
        BaseOp::StringNotEqualsIgnoreCase,
    ),
    ("StringLike", BaseOp::StringLike),
    ("StringNotLike", BaseOp::StringNotLike),
    ("NumericEquals", BaseOp::NumericEquals),
    ("NumericNotEquals", BaseOp::NumericNotEquals),
    ("NumericLessThan", BaseOp::NumericLessThan),
    ("NumericLessThanEquals", BaseOp::NumericLessThanEquals),
    ("NumericGreaterThan", BaseOp::NumericGreaterThan),
    ("NumericGreaterThanEquals", BaseOp::NumericGreaterThanEquals),
    ("DateEquals", BaseOp::DateEquals),
    ("DateNotEquals", BaseOp::DateNotEquals),
    ("DateLessThan", BaseOp::DateLessThan),
    ("DateLessThanEquals", BaseOp::DateLessThanEquals),
    ("DateGreaterThan", BaseOp::DateGreaterThan),
    ("DateGreaterThanEquals", BaseOp::DateGreaterThanEquals),
    ("Bool", BaseOp::Bool),
    ("BinaryEquals", BaseOp::BinaryEquals),
    ("IpAddress", BaseOp::IpAddress),
    ("NotIpAddress", BaseOp::NotIpAddress),
    ("ArnEquals", BaseOp::ArnEquals),
    ("ArnLike", BaseOp::ArnLike),
    ("ArnNotEquals", BaseOp::ArnNotEquals),
    ("ArnNotLike", BaseOp::ArnNotLike),
    ("Null", BaseOp::Null),
];

impl BaseOp {
    /// The operator's name.
    pub fn name(self) -> &'static str {
        ALL_OPS
            .iter()
            .find(|(_, o)| *o == self)
            .map(|(n, _)| *n)
            .unwrap_or("?")
    }

    /// True for the negated operators (`StringNotEquals`, `NotIpAddress`, `ArnNotLike` ...).
    pub fn is_negated(self) -> bool {
        use BaseOp::*;
        matches!(
            self,
            StringNotEquals
                | StringNotEqualsIgnoreCase
                | StringNotLike
                | NumericNotEquals
                | DateNotEquals
                | NotIpAddress
                | ArnNotEquals
                | ArnNotLike
        )
    }

    fn family(self) -> Family {
        use BaseOp::*;
        match self {
            StringEquals
            | StringNotEquals
            | StringEqualsIgnoreCase
            | StringNotEqualsIgnoreCase
            | StringLike
            | StringNotLike => Family::String,
            NumericEquals
            | NumericNotEquals
            | NumericLessThan
            | NumericLessThanEquals
            | NumericGreaterThan
            | NumericGreaterThanEquals => Family::Numeric,
            DateEquals
            | DateNotEquals
            | DateLessThan
            | DateLessThanEquals
            | DateGreaterThan
            | DateGreaterThanEquals => Family::Date,
            Bool => Family::Bool,
            BinaryEquals => Family::Binary,
            IpAddress | NotIpAddress => Family::Ip,
            ArnEquals | ArnLike | ArnNotEquals | ArnNotLike => Family::Arn,
            Null => Family::Null,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    String,
    Numeric,
    Date,
    Bool,
    Binary,
    Ip,
    Arn,
    Null,
}

/// A full condition operator: optional set operator, base operator, optional `IfExists`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Operator {
    /// `ForAllValues:` / `ForAnyValue:` qualifier.
    pub set: Option<SetOp>,
    /// The base operator.
    pub base: BaseOp,
    /// The `...IfExists` suffix.
    pub if_exists: bool,
}

impl Operator {
    /// Parses an operator name such as `ForAnyValue:StringLikeIfExists` (case-insensitively).
    /// Returns `None` for an unknown operator.
    pub fn parse(name: &str) -> Option<Operator> {
        let (set, rest) = match name.split_once(':') {
            Some((q, rest)) if q.eq_ignore_ascii_case("ForAllValues") => {
                (Some(SetOp::ForAllValues), rest)
            }
            Some((q, rest)) if q.eq_ignore_ascii_case("ForAnyValue") => {
                (Some(SetOp::ForAnyValue), rest)
            }
            Some(_) => return None,
            None => (None, name),
        };
        let lower = rest.to_ascii_lowercase();
        let (base_name, if_exists) = match lower.strip_suffix("ifexists") {
            Some(b) => (b, true),
            None => (lower.as_str(), false),
        };
        let base = ALL_OPS
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(base_name))
            .map(|(_, o)| *o)?;
        if base == BaseOp::Null && if_exists {
            return None;
        }
        Some(Operator {
            set,
            base,
            if_exists,
        })
    }

    /// The canonical name.
    pub fn name(&self) -> String {
        let mut s = String::new();
        match self.set {
            Some(SetOp::ForAllValues) => s.push_str("ForAllValues:"),
            Some(SetOp::ForAnyValue) => s.push_str("ForAnyValue:"),
            None => {}
        }
        s.push_str(self.base.name());
        if self.if_exists {
            s.push_str("IfExists");
        }
        s
    }

    /// Checks one policy value for this operator; the error says why it is not valid.
    pub fn validate_value(&self, value: &str) -> Result<(), String> {
        match self.base.family() {
            Family::Numeric => parse_number(value)
                .map(|_| ())
                .ok_or_else(|| format!("`{value}` is not a number")),
            Family::Date => parse_date(value)
                .map(|_| ())
                .ok_or_else(|| format!("`{value}` is not a date (ISO 8601 or epoch seconds)")),
            Family::Bool | Family::Null => parse_bool(value)
                .map(|_| ())
                .ok_or_else(|| format!("`{value}` is not `true` or `false`")),
            Family::Ip => Cidr::parse(value)
                .map(|_| ())
                .ok_or_else(|| format!("`{value}` is not an IP address or CIDR block")),
            _ => Ok(()),
        }
    }
}

impl std::fmt::Display for Operator {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.name())
    }
}

/// An IPv4 or IPv6 CIDR block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cidr {
    addr: IpAddr,
    prefix: u8,
}

impl Cidr {
    /// Parses `10.0.0.0/8`, `2001:db8::/32` or a bare address.
    pub fn parse(s: &str) -> Option<Cidr> {
        let s = s.trim();
        let (a, p) = match s.split_once('/') {
            Some((a, p)) => (a, Some(p)),
            None => (s, None),
        };
        let addr: IpAddr = a.parse().ok()?;
        let max = if addr.is_ipv4() { 32 } else { 128 };
        let prefix = match p {
            Some(p) => p.parse::<u8>().ok().filter(|p| *p <= max)?,
            None => max,
        };
        Some(Cidr { addr, prefix })
    }

    /// True when `ip` is inside the block.
    pub fn contains(&self, ip: IpAddr) -> bool {
        match (self.addr, ip) {
            (IpAddr::V4(n), IpAddr::V4(a)) => {
                let mask = if self.prefix == 0 {
                    0
                } else {
                    u32::MAX << (32 - u32::from(self.prefix))
                };
                (u32::from(n) & mask) == (u32::from(a) & mask)
            }
            (IpAddr::V6(n), IpAddr::V6(a)) => {
                let mask = if self.prefix == 0 {
                    0
                } else {
                    u128::MAX << (128 - u32::from(self.prefix))
                };
                (u128::from(n) & mask) == (u128::from(a) & mask)
            }
            _ => false,
        }
    }

    /// The prefix length.
    pub fn prefix(&self) -> u8 {
        self.prefix
    }
}

fn parse_number(s: &str) -> Option<f64> {
    s.trim().parse::<f64>().ok().filter(|f| f.is_finite())
}

fn parse_bool(s: &str) -> Option<bool> {
    if s.eq_ignore_ascii_case("true") {
        Some(true)
    } else if s.eq_ignore_ascii_case("false") {
        Some(false)
    } else {
        None
    }
}

fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Parses an ISO 8601 date or date-time (`2024-01-31`, `2024-01-31T12:00:00Z`,
/// `2024-01-31T12:00:00.123+02:00`) or epoch seconds, into epoch milliseconds.
pub fn parse_date(s: &str) -> Option<i64> {
    let s = s.trim();
    if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) && !s.contains('-') {
        return s.parse::<i64>().ok()?.checked_mul(1000);
    }
    let b = s.as_bytes();
    let num = |r: std::ops::Range<usize>| -> Option<i64> {
        let part = s.get(r)?;
        if part.bytes().all(|c| c.is_ascii_digit()) && !part.is_empty() {
            part.parse().ok()
        } else {
            None
        }
    };
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let (y, mo, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    if !(1..=12).contains(&mo) || !(1..=31).contains(&d) {
        return None;
    }
    let mut ms = days_from_civil(y, mo, d) * 86_400_000;
    if b.len() == 10 {
        return Some(ms);
    }
    if b[10] != b'T' && b[10] != b't' && b[10] != b' ' {
        return None;
    }
    let (h, mi) = (num(11..13)?, num(14..16)?);
    if b.get(13) != Some(&b':') || h > 23 || mi > 59 {
        return None;
    }
    let mut i = 16;
    let mut sec = 0;
    if b.get(i) == Some(&b':') {
        sec = num(17..19)?;
        i = 19;
    }
    ms += (h * 3600 + mi * 60 + sec) * 1000;
    if b.get(i) == Some(&b'.') {
        let start = i + 1;
        let mut end = start;
        while end < b.len() && b[end].is_ascii_digit() {
            end += 1;
        }
        if end == start {
            return None;
        }
        let frac = &s[start..end.min(start + 3)];
        let mut f: i64 = frac.parse().ok()?;
        for _ in frac.len()..3 {
            f *= 10;
        }
        ms += f;
        i = end;
    }
    match b.get(i) {
        None => Some(ms),
        Some(b'Z') | Some(b'z') if i + 1 == b.len() => Some(ms),
        Some(&sign) if sign == b'+' || sign == b'-' => {
            let rest = &s[i + 1..];
            let (oh, om) = match rest.split_once(':') {
                Some((h, m)) => (h.parse::<i64>().ok()?, m.parse::<i64>().ok()?),
                None if rest.len() == 4 => (rest[..2].parse().ok()?, rest[2..].parse().ok()?),
                None => (rest.parse().ok()?, 0),
            };
            let off = (oh * 60 + om) * 60_000;
            Some(if sign == b'+' { ms - off } else { ms + off })
        }
        _ => None,
    }
}

#[derive(Debug, Clone)]
enum Values {
    Str(Vec<Pattern>),
    Num(Vec<f64>),
    Date(Vec<i64>),
    Bool(Vec<bool>),
    Bin(Vec<Box<str>>),
    Ip(Vec<Cidr>),
    Arn(Vec<ArnPattern>),
    Null(Vec<bool>),
}

/// A condition entry compiled for evaluation.
#[derive(Debug, Clone)]
pub struct CompiledCondition {
    op: Operator,
    key: Box<str>,
    values: Values,
}

impl CompiledCondition {
    /// Compiles one `operator: { key: values }` entry. Values that do not parse for the
    /// operator's type are dropped (they can never match; validation reports them).
    pub fn new(op: Operator, key: &str, values: &[String], variables: bool) -> CompiledCondition {
        use BaseOp::*;
        let values = match op.base.family() {
            Family::String => {
                let ci = matches!(op.base, StringEqualsIgnoreCase | StringNotEqualsIgnoreCase);
                let like = matches!(op.base, StringLike | StringNotLike);
                Values::Str(
                    values
                        .iter()
                        .map(|v| {
                            if like {
                                Pattern::new(v, variables, false)
                            } else {
                                Pattern::literal(v, variables, ci)
                            }
                        })
                        .collect(),
                )
            }
            Family::Numeric => Values::Num(values.iter().filter_map(|v| parse_number(v)).collect()),
            Family::Date => Values::Date(values.iter().filter_map(|v| parse_date(v)).collect()),
            Family::Bool => Values::Bool(values.iter().filter_map(|v| parse_bool(v)).collect()),
            Family::Null => Values::Null(values.iter().filter_map(|v| parse_bool(v)).collect()),
            Family::Binary => Values::Bin(values.iter().map(|v| v.as_str().into()).collect()),
            Family::Ip => Values::Ip(values.iter().filter_map(|v| Cidr::parse(v)).collect()),
            Family::Arn => Values::Arn(
                values
                    .iter()
                    .map(|v| ArnPattern::new(v, variables))
                    .collect(),
            ),
        };
        CompiledCondition {
            op,
            key: key.to_ascii_lowercase().into_boxed_str(),
            values,
        }
    }

    /// The operator.
    pub fn operator(&self) -> Operator {
        self.op
    }

    /// The context key, lower-cased.
    pub fn key(&self) -> &str {
        &self.key
    }

    /// True when any policy value matches the context value `v` (ignoring negation).
    fn positive(&self, v: &str, vars: &dyn Vars) -> bool {
        use BaseOp::*;
        match &self.values {
            Values::Str(ps) => ps.iter().any(|p| p.matches_with(v, vars)),
            Values::Num(ns) => match parse_number(v) {
                None => false,
                Some(x) => ns.iter().any(|&n| match self.op.base {
                    NumericEquals | NumericNotEquals => x == n,
                    NumericLessThan => x < n,
                    NumericLessThanEquals => x <= n,
                    NumericGreaterThan => x > n,
                    _ => x >= n,
                }),
            },
            Values::Date(ds) => match parse_date(v) {
                None => false,
                Some(x) => ds.iter().any(|&n| match self.op.base {
                    DateEquals | DateNotEquals => x == n,
                    DateLessThan => x < n,
                    DateLessThanEquals => x <= n,
                    DateGreaterThan => x > n,
                    _ => x >= n,
                }),
            },
            Values::Bool(bs) => match parse_bool(v) {
                None => false,
                Some(x) => bs.contains(&x),
            },
            Values::Bin(bs) => bs.iter().any(|b| **b == *v),
            Values::Ip(cs) => match v.split('/').next().and_then(|a| a.trim().parse().ok()) {
                None => false,
                Some(ip) => cs.iter().any(|c| c.contains(ip)),
            },
            Values::Arn(ps) => ps.iter().any(|p| p.matches_with(v, vars)),
            Values::Null(_) => false,
        }
    }

    /// Evaluates the entry against `ctx`.
    pub fn evaluate(&self, ctx: &Context) -> bool {
        let present = ctx.get(&self.key).filter(|v| !v.is_empty());
        if let Values::Null(wants) = &self.values {
            // `Null: true` holds when the key is absent.
            return wants
                .iter()
                .any(|&want_absent| want_absent == present.is_none());
        }
        let negated = self.op.base.is_negated();
        let Some(vals) = present else {
            if self.op.if_exists {
                return true;
            }
            return match self.op.set {
                Some(SetOp::ForAllValues) => true,
                Some(SetOp::ForAnyValue) => false,
                None => negated,
            };
        };
        let single = |v: &String| self.positive(v, ctx) != negated;
        match self.op.set {
            None => {
                if negated {
                    !vals.iter().any(|v| self.positive(v, ctx))
                } else {
                    vals.iter().any(|v| self.positive(v, ctx))
                }
            }
            Some(SetOp::ForAllValues) => vals.iter().all(single),
            Some(SetOp::ForAnyValue) => vals.iter().any(single),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cond(op: &str, key: &str, vals: &[&str]) -> CompiledCondition {
        let v: Vec<String> = vals.iter().map(|s| s.to_string()).collect();
        CompiledCondition::new(Operator::parse(op).unwrap(), key, &v, true)
    }

    #[test]
    fn operator_names() {
        let o = Operator::parse("ForAnyValue:StringLikeIfExists").unwrap();
        assert_eq!(o.set, Some(SetOp::ForAnyValue));
        assert_eq!(o.base, BaseOp::StringLike);
        assert!(o.if_exists);
        assert_eq!(o.name(), "ForAnyValue:StringLikeIfExists");
        assert!(Operator::parse("StringEqualz").is_none());
        assert!(Operator::parse("NullIfExists").is_none());
        assert!(Operator::parse("Foo:StringEquals").is_none());
    }

    #[test]
    fn dates() {
        assert_eq!(parse_date("1970-01-01T00:00:00Z"), Some(0));
        assert_eq!(parse_date("1970-01-02"), Some(86_400_000));
        assert_eq!(parse_date("86400"), Some(86_400_000));
        assert_eq!(parse_date("1970-01-01T01:00:00+01:00"), Some(0));
        assert_eq!(
            parse_date("2020-02-29T00:00:00.5Z"),
            Some(1_582_934_400_500)
        );
        assert_eq!(parse_date("nope"), None);
        assert_eq!(parse_date("2020-13-01"), None);
    }

    #[test]
    fn missing_keys() {
        let ctx = Context::new();
        assert!(!cond("StringEquals", "aws:x", &["a"]).evaluate(&ctx));
        assert!(cond("StringNotEquals", "aws:x", &["a"]).evaluate(&ctx));
        assert!(cond("StringEqualsIfExists", "aws:x", &["a"]).evaluate(&ctx));
        assert!(cond("Null", "aws:x", &["true"]).evaluate(&ctx));
        assert!(!cond("Null", "aws:x", &["false"]).evaluate(&ctx));
        assert!(cond("ForAllValues:StringEquals", "aws:TagKeys", &["a"]).evaluate(&ctx));
        assert!(!cond("ForAnyValue:StringEquals", "aws:TagKeys", &["a"]).evaluate(&ctx));
        assert!(cond("ArnNotLike", "aws:SourceArn", &["arn:*"]).evaluate(&ctx));
        assert!(!cond("Bool", "aws:SecureTransport", &["false"]).evaluate(&ctx));
    }

    #[test]
    fn values_and_sets() {
        let mut ctx = Context::new();
        ctx.set("aws:SourceIp", "203.0.113.7")
            .set_all("aws:TagKeys", vec!["env".into(), "team".into()])
            .set("aws:MultiFactorAuthAge", "300")
            .set("aws:CurrentTime", "2024-06-01T00:00:00Z")
            .set("aws:SecureTransport", "true")
            .set("aws:username", "bob")
            .set("s3:prefix", "home/bob/docs");
        assert!(cond("IpAddress", "aws:SourceIp", &["203.0.113.0/24"]).evaluate(&ctx));
        assert!(!cond("NotIpAddress", "aws:sourceip", &["203.0.113.0/24"]).evaluate(&ctx));
        assert!(cond(
            "ForAllValues:StringEquals",
            "aws:TagKeys",
            &["env", "team", "x"]
        )
        .evaluate(&ctx));
        assert!(!cond("ForAllValues:StringEquals", "aws:TagKeys", &["env"]).evaluate(&ctx));
        assert!(cond("ForAnyValue:StringEquals", "aws:TagKeys", &["env"]).evaluate(&ctx));
        assert!(cond("NumericLessThan", "aws:MultiFactorAuthAge", &["3600"]).evaluate(&ctx));
        assert!(cond("DateGreaterThan", "aws:CurrentTime", &["2024-01-01"]).evaluate(&ctx));
        assert!(cond("Bool", "aws:SecureTransport", &["true"]).evaluate(&ctx));
        assert!(cond("StringLike", "s3:prefix", &["home/${aws:username}/*"]).evaluate(&ctx));
        assert!(!cond("StringEquals", "s3:prefix", &["home/*"]).evaluate(&ctx));
        assert!(cond("StringEqualsIgnoreCase", "aws:username", &["BOB"]).evaluate(&ctx));
        assert!(cond("StringNotEquals", "aws:username", &["alice", "carol"]).evaluate(&ctx));
        assert!(!cond("StringNotEquals", "aws:username", &["alice", "bob"]).evaluate(&ctx));
        let v6 = Cidr::parse("2001:db8::/32").unwrap();
        assert!(v6.contains("2001:db8::1".parse().unwrap()));
        assert!(!v6.contains("10.0.0.1".parse().unwrap()));
    }
}
