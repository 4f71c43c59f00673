//! The risk-rule condition language of Well-Architected custom lenses.
//!
//! A question's `riskRules` is an ordered list of `{condition, risk}`; the first rule whose
//! condition holds for the set of selected choices gives the question its risk. A condition is
//! either the keyword `default` (always holds) or a boolean expression over choice ids:
//!
//! ```text
//! expr    := or
//! or      := and ( "||" and )*
//! and     := unary ( "&&" unary )*
//! unary   := "!" unary | primary
//! primary := CHOICE_ID | "(" expr ")"
//! ```
//!
//! A choice id is true when that choice is selected. `!` binds tighter than `&&`, which binds
//! tighter than `||`; both binary operators are left-associative. Whitespace is free.

use std::collections::HashSet;
use std::fmt;

use serde::{Deserialize, Serialize};

/// The risk a rule assigns, as spelled in the lens JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum RuleRisk {
    #[serde(rename = "HIGH_RISK")]
    High,
    #[serde(rename = "MEDIUM_RISK")]
    Medium,
    #[serde(rename = "NO_RISK")]
    None,
}

impl RuleRisk {
    pub fn as_str(self) -> &'static str {
        match self {
            RuleRisk::High => "HIGH_RISK",
            RuleRisk::Medium => "MEDIUM_RISK",
            RuleRisk::None => "NO_RISK",
        }
    }

    pub fn parse(s: &str) -> Option<RuleRisk> {
        match s {
            "HIGH_RISK" => Some(RuleRisk::High),
            "MEDIUM_RISK" => Some(RuleRisk::Medium),
            "NO_RISK" => Some(RuleRisk::None),
            _ => None,
        }
    }
}

/// A boolean expression over choice ids.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Expr {
    Choice(String),
    Not(Box<Expr>),
    And(Box<Expr>, Box<Expr>),
    Or(Box<Expr>, Box<Expr>),
}

/// A parsed rule condition.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Condition {
    /// `default`: always holds.
    Default,
    Expr(Expr),
}

/// A condition that could not be parsed. `column` is 1-based, in characters.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("column {column}: {message}")]
pub struct ParseError {
    pub column: usize,
    pub message: String,
}

/// Longest condition accepted, in characters (protects the recursive parser and evaluator).
pub const MAX_CONDITION_LEN: usize = 10_000;
/// Deepest nesting of `!` and parentheses accepted.
pub const MAX_DEPTH: usize = 64;

impl Expr {
    /// True when the expression holds for this set of selected choice ids.
    pub fn eval(&self, selected: &HashSet<&str>) -> bool {
        match self {
            Expr::Choice(id) => selected.contains(id.as_str()),
            Expr::Not(e) => !e.eval(selected),
            Expr::And(a, b) => a.eval(selected) && b.eval(selected),
            Expr::Or(a, b) => a.eval(selected) || b.eval(selected),
        }
    }

    /// Every choice id the expression mentions, in order of appearance (with repeats).
    pub fn choice_ids(&self) -> Vec<&str> {
        let mut out = Vec::new();
        self.collect(&mut out);
        out
    }

    fn collect<'a>(&'a self, out: &mut Vec<&'a str>) {
        match self {
            Expr::Choice(id) => out.push(id),
            Expr::Not(e) => e.collect(out),
            Expr::And(a, b) | Expr::Or(a, b) => {
                a.collect(out);
                b.collect(out);
            }
        }
    }

    fn precedence(&self) -> u8 {
        match self {
            Expr::Or(..) => 1,
            Expr::And(..) => 2,
            Expr::Not(_) | Expr::Choice(_) => 3,
        }
    }

    fn write(&self, f: &mut fmt::Formatter<'_>, min_prec: u8) -> fmt::Result {
        let paren = self.precedence() < min_prec;
        if paren {
            f.write_str("(")?;
        }
        match self {
            Expr::Choice(id) => f.write_str(id)?,
            Expr::Not(e) => {
                f.write_str("!")?;
                e.write(f, 3)?;
            }
            // Left-associative: the right operand of the same operator needs parentheses.
            Expr::And(a, b) => {
                a.write(f, 2)?;
                f.write_str(" && ")?;
                b.write(f, 3)?;
            }
            Expr::Or(a, b) => {
                a.write(f, 1)?;
                f.write_str(" || ")?;
                b.write(f, 2)?;
            }
        }
        if paren {
            f.write_str(")")?;
        }
        Ok(())
    }
}

impl fmt::Display for Expr {
    /// Prints with the fewest parentheses that parse back to the same tree.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write(f, 0)
    }
}

impl Condition {
    pub fn eval(&self, selected: &HashSet<&str>) -> bool {
        match self {
            Condition::Default => true,
            Condition::Expr(e) => e.eval(selected),
        }
    }

    pub fn choice_ids(&self) -> Vec<&str> {
        match self {
            Condition::Default => Vec::new(),
            Condition::Expr(e) => e.choice_ids(),
        }
    }
}

impl fmt::Display for Condition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Condition::Default => f.write_str("default"),
            Condition::Expr(e) => e.fmt(f),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Tok {
    Id(String),
    And,
    Or,
    Not,
    LParen,
    RParen,
    End,
}

impl Tok {
    fn describe(&self) -> String {
        match self {
            Tok::Id(s) => format!("choice id `{s}`"),
            Tok::And => "`&&`".into(),
            Tok::Or => "`||`".into(),
            Tok::Not => "`!`".into(),
            Tok::LParen => "`(`".into(),
            Tok::RParen => "`)`".into(),
            Tok::End => "end of condition".into(),
        }
    }
}

fn is_id_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || c == '-'
}

fn lex(src: &str) -> Result<Vec<(Tok, usize)>, ParseError> {
    let chars: Vec<char> = src.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let col = i + 1;
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        match c {
            '(' => out.push((Tok::LParen, col)),
            ')' => out.push((Tok::RParen, col)),
            '!' => out.push((Tok::Not, col)),
            '&' | '|' => {
                if chars.get(i + 1) == Some(&c) {
                    out.push((if c == '&' { Tok::And } else { Tok::Or }, col));
                    i += 1;
                } else {
                    return Err(ParseError {
                        column: col,
                        message: format!("expected `{c}{c}`, found a single `{c}`"),
                    });
                }
            }
            c if is_id_char(c) => {
                let start = i;
                while i < chars.len() && is_id_char(chars[i]) {
                    i += 1;
                }
                out.push((Tok::Id(chars[start..i].iter().collect()), col));
                continue;
            }
            other => {
                return Err(ParseError {
                    column: col,
                    message: format!("unexpected character `{other}`"),
                })
            }
        }
        i += 1;
    }
    out.push((Tok::End, chars.len() + 1));
    Ok(out)
}

struct Parser {
    toks: Vec<(Tok, usize)>,
    pos: usize,
    depth: usize,
}

impl Parser {
    fn peek(&self) -> &(Tok, usize) {
        // The token list always ends with `End`, and `pos` never passes it.
        &self.toks[self.pos.min(self.toks.len() - 1)]
    }

    fn bump(&mut self) -> (Tok, usize) {
        let t = self.peek().clone();
        if self.pos < self.toks.len() - 1 {
            self.pos += 1;
        }
        t
    }

    fn err<T>(&self, column: usize, message: String) -> Result<T, ParseError> {
        Err(ParseError { column, message })
    }

    fn or(&mut self) -> Result<Expr, ParseError> {
        let mut left = self.and()?;
        while self.peek().0 == Tok::Or {
            self.bump();
            let right = self.and()?;
            left = Expr::Or(Box::new(left), Box::new(right));
        }
        Ok(left)
    }

    fn and(&mut self) -> Result<Expr, ParseError> {
        let mut left = self.unary()?;
        while self.peek().0 == Tok::And {
            self.bump();
            let right = self.unary()?;
            left = Expr::And(Box::new(left), Box::new(right));
        }
        Ok(left)
    }

    fn enter(&mut self, col: usize) -> Result<(), ParseError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return self.err(col, format!("nesting deeper than {MAX_DEPTH} levels"));
        }
        Ok(())
    }

    fn unary(&mut self) -> Result<Expr, ParseError> {
        let (tok, col) = self.bump();
        match tok {
            Tok::Not => {
                self.enter(col)?;
                let e = self.unary()?;
                self.depth -= 1;
                Ok(Expr::Not(Box::new(e)))
            }
            Tok::LParen => {
                self.enter(col)?;
                let e = self.or()?;
                self.depth -= 1;
                let (close, ccol) = self.bump();
                if close != Tok::RParen {
                    return self.err(
                        ccol,
                        format!(
                            "expected `)` to close the `(` at column {col}, found {}",
                            close.describe()
                        ),
                    );
                }
                Ok(e)
            }
            Tok::Id(id) if id == "default" => self.err(
                col,
                "`default` must be the whole condition, not part of an expression".into(),
            ),
            Tok::Id(id) => Ok(Expr::Choice(id)),
            other => self.err(
                col,
                format!(
                    "expected a choice id, `!` or `(`, found {}",
                    other.describe()
                ),
            ),
        }
    }
}

/// Parses a rule condition.
pub fn parse(src: &str) -> Result<Condition, ParseError> {
    if src.chars().count() > MAX_CONDITION_LEN {
        return Err(ParseError {
            column: MAX_CONDITION_LEN + 1,
            message: format!("condition longer than {MAX_CONDITION_LEN} characters"),
        });
    }
    if src.trim() == "default" {
        return Ok(Condition::Default);
    }
    let toks = lex(src)?;
    if toks.len() == 1 {
        return Err(ParseError {
            column: 1,
            message: "empty condition".into(),
        });
    }
    let mut p = Parser {
        toks,
        pos: 0,
        depth: 0,
    };
    let e = p.or()?;
    let (tok, col) = p.bump();
    if tok != Tok::End {
        return Err(ParseError {
            column: col,
            message: format!(
                "expected `&&`, `||` or end of condition, found {}",
                tok.describe()
            ),
        });
    }
    Ok(Condition::Expr(e))
}

/// One risk rule, parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rule {
    pub condition: Condition,
    pub risk: RuleRisk,
}

/// Applies rules in order: the risk of the first rule whose condition holds, or `None` when no
/// rule matches (a lens without a `default` rule).
pub fn evaluate(rules: &[Rule], selected: &HashSet<&str>) -> Option<RuleRisk> {
    rules
        .iter()
        .find(|r| r.condition.eval(selected))
        .map(|r| r.risk)
}

#[cfg(test)]
mod tests;
