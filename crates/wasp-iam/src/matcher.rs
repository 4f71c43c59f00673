//! Wildcard matching as IAM does it.
//!
//! * [`Pattern`]: a glob with `*` (any run of characters, including none) and `?` (exactly one
//!   character), optionally containing policy variables (`${aws:username}`, `${*}`, `${?}`, `${$}`,
//!   `${key, 'default'}`). Variables are resolved at match time and their values are matched
//!   literally (a `*` inside a variable's value is not a wildcard).
//! * [`ArnPattern`]: the `ArnLike` / `Resource` semantics: both the pattern and the ARN are split
//!   into six colon-separated segments (`arn:partition:service:region:account:resource`, the last
//!   segment keeping any further colons) and each segment is matched on its own, so a wildcard
//!   never crosses a segment boundary. The pattern `*` alone matches everything.
//!
//! Patterns are compiled once; matching does not allocate.

/// Resolves policy variables (`${aws:username}`) at match time.
pub trait Vars {
    /// The single value of the context key `key` (given in lower case), if present.
    fn var(&self, key: &str) -> Option<&str>;
}

/// A [`Vars`] with no values: every variable without a default is unresolved.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoVars;

impl Vars for NoVars {
    fn var(&self, _key: &str) -> Option<&str> {
        None
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Token {
    Lit(Box<str>),
    Star,
    One,
    Var {
        key: Box<str>,
        default: Option<Box<str>>,
    },
}

/// Shortcut shapes that avoid the general matcher.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Shape {
    /// `*`
    Any,
    /// no wildcard, no variable
    Exact(Box<str>),
    /// `literal*`
    Prefix(Box<str>),
    /// anything else
    General,
}

/// A compiled wildcard pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pattern {
    tokens: Vec<Token>,
    shape: Shape,
    case_insensitive: bool,
}

impl Pattern {
    /// Compiles `src`. With `variables`, `${...}` sequences are policy variables (policy
    /// language version 2012-10-17); otherwise they are literal text. With `case_insensitive`,
    /// ASCII letters compare without regard to case (the pattern is stored lower-cased).
    pub fn new(src: &str, variables: bool, case_insensitive: bool) -> Pattern {
        Pattern::compile(src, variables, case_insensitive, true)
    }

    /// Compiles `src` with `*` and `?` taken literally (for `StringEquals` and friends, which
    /// support policy variables but not wildcards).
    pub fn literal(src: &str, variables: bool, case_insensitive: bool) -> Pattern {
        Pattern::compile(src, variables, case_insensitive, false)
    }

    fn compile(src: &str, variables: bool, case_insensitive: bool, wildcards: bool) -> Pattern {
        let src_owned;
        let src = if case_insensitive {
            src_owned = src.to_ascii_lowercase();
            src_owned.as_str()
        } else {
            src
        };
        let mut tokens: Vec<Token> = Vec::new();
        let mut lit = String::new();
        let flush = |lit: &mut String, tokens: &mut Vec<Token>| {
            if !lit.is_empty() {
                tokens.push(Token::Lit(std::mem::take(lit).into_boxed_str()));
            }
        };
        let bytes = src.as_bytes();
        let mut i = 0;
        while i < src.len() {
            let c = bytes[i];
            if wildcards && c == b'*' {
                flush(&mut lit, &mut tokens);
                if tokens.last() != Some(&Token::Star) {
                    tokens.push(Token::Star);
                }
                i += 1;
            } else if wildcards && c == b'?' {
                flush(&mut lit, &mut tokens);
                tokens.push(Token::One);
                i += 1;
            } else if variables && c == b'$' && bytes.get(i + 1) == Some(&b'{') {
                if let Some(end) = src[i + 2..].find('}') {
                    let inner = &src[i + 2..i + 2 + end];
                    match parse_var(inner) {
                        VarParse::Literal(s) => lit.push_str(s),
                        VarParse::Var { key, default } => {
                            flush(&mut lit, &mut tokens);
                            tokens.push(Token::Var {
                                key: key.to_ascii_lowercase().into_boxed_str(),
                                default: default.map(|d| {
                                    if case_insensitive {
                                        d.to_ascii_lowercase().into_boxed_str()
                                    } else {
                                        d.into()
                                    }
                                }),
                            });
                        }
                    }
                    i += 2 + end + 1;
                } else {
                    lit.push('$');
                    i += 1;
                }
            } else {
                let ch_len = utf8_len(c);
                lit.push_str(&src[i..i + ch_len]);
                i += ch_len;
            }
        }
        flush(&mut lit, &mut tokens);
        tokens.shrink_to_fit(); // patterns are kept (the action database holds thousands)
        let shape = match tokens.as_slice() {
            [Token::Star] => Shape::Any,
            [] => Shape::Exact("".into()),
            [Token::Lit(l)] => Shape::Exact(l.clone()),
            [Token::Lit(l), Token::Star] => Shape::Prefix(l.clone()),
            _ => Shape::General,
        };
        Pattern {
            tokens,
            shape,
            case_insensitive,
        }
    }

    /// A pattern that matches everything.
    pub fn any() -> Pattern {
        Pattern::new("*", false, false)
    }

    /// True when the pattern is `*` alone.
    pub fn is_any(&self) -> bool {
        self.shape == Shape::Any
    }

    /// True when the pattern contains a `*` or `?` wildcard.
    pub fn has_wildcard(&self) -> bool {
        self.tokens
            .iter()
            .any(|t| matches!(t, Token::Star | Token::One))
    }

    /// True when the pattern contains a policy variable.
    pub fn has_variables(&self) -> bool {
        self.tokens.iter().any(|t| matches!(t, Token::Var { .. }))
    }

    /// False only when no text starting with `prefix` can match (`iam:*` and `s3:`, say).
    /// `prefix` must be lower-cased for a case-insensitive pattern. Conservative: true
    /// whenever the pattern does not begin with literal text.
    pub fn may_match_prefix(&self, prefix: &str) -> bool {
        let Some(Token::Lit(l)) = self.tokens.first() else {
            return !self.tokens.is_empty() || prefix.is_empty();
        };
        let (l, p) = (l.as_bytes(), prefix.as_bytes());
        if self.tokens.len() == 1 && l.len() < p.len() {
            return false; // the literal is the whole text, shorter than the prefix
        }
        let n = l.len().min(p.len());
        if self.case_insensitive {
            l[..n].eq_ignore_ascii_case(&p[..n])
        } else {
            l[..n] == p[..n]
        }
    }

    /// Matches `text` without policy variables (an unresolved variable never matches).
    pub fn matches(&self, text: &str) -> bool {
        self.matches_with(text, &NoVars)
    }

    /// Matches `text`, resolving policy variables through `vars`. A variable that has no value
    /// and no default makes the pattern not match, as in IAM.
    pub fn matches_with(&self, text: &str, vars: &dyn Vars) -> bool {
        let ci = self.case_insensitive;
        match &self.shape {
            Shape::Any => true,
            Shape::Exact(l) => eq(l, text, ci),
            Shape::Prefix(l) => starts_with_at(text.as_bytes(), 0, l.as_bytes(), ci),
            Shape::General => glob(&self.tokens, text, ci, vars),
        }
    }
}

fn utf8_len(first: u8) -> usize {
    match first {
        0..=0x7f => 1,
        0xc0..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xff => 4,
        _ => 1,
    }
}

enum VarParse<'a> {
    Literal(&'static str),
    Var {
        key: &'a str,
        default: Option<&'a str>,
    },
}

fn parse_var(inner: &str) -> VarParse<'_> {
    match inner.trim() {
        "*" => return VarParse::Literal("*"),
        "?" => return VarParse::Literal("?"),
        "$" => return VarParse::Literal("$"),
        _ => {}
    }
    if let Some((key, rest)) = inner.split_once(',') {
        let rest = rest.trim();
        let default = rest
            .strip_prefix('\'')
            .and_then(|r| r.strip_suffix('\''))
            .unwrap_or(rest);
        VarParse::Var {
            key: key.trim(),
            default: Some(default),
        }
    } else {
        VarParse::Var {
            key: inner.trim(),
            default: None,
        }
    }
}

#[inline]
fn eq(pat: &str, text: &str, ci: bool) -> bool {
    if ci {
        pat.len() == text.len() && pat.as_bytes().eq_ignore_ascii_case(text.as_bytes())
    } else {
        pat == text
    }
}

#[inline]
fn starts_with_at(text: &[u8], pos: usize, lit: &[u8], ci: bool) -> bool {
    let end = pos + lit.len();
    if end > text.len() {
        return false;
    }
    let t = &text[pos..end];
    if ci {
        t.eq_ignore_ascii_case(lit)
    } else {
        t == lit
    }
}

/// Classic iterative glob with single-star backtracking over literal chunks.
fn glob(tokens: &[Token], text: &str, ci: bool, vars: &dyn Vars) -> bool {
    let t = text.as_bytes();
    let mut ti = 0usize; // token index
    let mut pos = 0usize; // byte position in text
    let mut star: Option<(usize, usize)> = None; // (token after star, text position)
    loop {
        if ti < tokens.len() {
            let ok = match &tokens[ti] {
                Token::Star => {
                    star = Some((ti + 1, pos));
                    ti += 1;
                    continue;
                }
                Token::One => {
                    if pos < t.len() {
                        pos += utf8_len(t[pos]);
                        true
                    } else {
                        false
                    }
                }
                Token::Lit(l) => {
                    if starts_with_at(t, pos, l.as_bytes(), ci) {
                        pos += l.len();
                        true
                    } else {
                        false
                    }
                }
                Token::Var { key, default } => {
                    let value = vars.var(key).or(default.as_deref());
                    match value {
                        None => return false,
                        Some(v) => {
                            if starts_with_at(t, pos, v.as_bytes(), ci) {
                                pos += v.len();
                                true
                            } else {
                                false
                            }
                        }
                    }
                }
            };
            if ok {
                ti += 1;
                continue;
            }
        } else if pos == t.len() {
            return true;
        }
        // Mismatch (or tokens exhausted with text left): backtrack to the last star.
        match star {
            Some((after, spos)) if spos < t.len() => {
                let next = spos + utf8_len(t[spos]);
                star = Some((after, next));
                ti = after;
                pos = next;
            }
            _ => return false,
        }
    }
}

/// Splits at most into six colon-separated segments; colons inside `${...}` do not split.
fn split_arn_pattern(src: &str, variables: bool) -> Vec<&str> {
    let mut out = Vec::with_capacity(6);
    let b = src.as_bytes();
    let mut start = 0;
    let mut i = 0;
    let mut depth = 0;
    while i < b.len() && out.len() < 5 {
        match b[i] {
            b'$' if variables && b.get(i + 1) == Some(&b'{') => {
                depth += 1;
                i += 2;
                continue;
            }
            b'}' if depth > 0 => depth -= 1,
            b':' if depth == 0 => {
                out.push(&src[start..i]);
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    out.push(&src[start..]);
    out
}

/// A compiled ARN pattern, matched segment by segment (`ArnLike` semantics).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ArnPattern {
    /// `*`: matches any resource.
    Any,
    /// Six segment patterns.
    Segments(Box<[Pattern; 6]>),
    /// Not ARN-shaped and not starting with `arn:`: matched as a whole string.
    Plain(Pattern),
    /// Starts with `arn:` but has fewer than six segments: matches nothing, as in IAM.
    Invalid,
}

impl ArnPattern {
    /// Compiles an ARN pattern. ARNs compare case-sensitively.
    pub fn new(src: &str, variables: bool) -> ArnPattern {
        if src == "*" {
            return ArnPattern::Any;
        }
        let segs = split_arn_pattern(src, variables);
        if segs.len() == 6 {
            let p: [Pattern; 6] = [
                Pattern::new(segs[0], variables, false),
                Pattern::new(segs[1], variables, false),
                Pattern::new(segs[2], variables, false),
                Pattern::new(segs[3], variables, false),
                Pattern::new(segs[4], variables, false),
                Pattern::new(segs[5], variables, false),
            ];
            ArnPattern::Segments(Box::new(p))
        } else if src.starts_with("arn:") {
            ArnPattern::Invalid
        } else {
            ArnPattern::Plain(Pattern::new(src, variables, false))
        }
    }

    /// True for `*`.
    pub fn is_any(&self) -> bool {
        matches!(self, ArnPattern::Any)
    }

    /// True when the pattern matches every resource (`*`, or `arn:*:*:*:*:*`-like).
    pub fn matches_everything(&self) -> bool {
        match self {
            ArnPattern::Any => true,
            ArnPattern::Segments(s) => s[0].matches("arn") && s.iter().skip(1).all(Pattern::is_any),
            ArnPattern::Plain(p) => p.is_any(),
            ArnPattern::Invalid => false,
        }
    }

    /// Matches an ARN without variables.
    pub fn matches(&self, arn: &str) -> bool {
        self.matches_with(arn, &NoVars)
    }

    /// Matches an ARN, resolving policy variables through `vars`.
    pub fn matches_with(&self, arn: &str, vars: &dyn Vars) -> bool {
        match self {
            ArnPattern::Any => true,
            ArnPattern::Plain(p) => p.matches_with(arn, vars),
            ArnPattern::Invalid => false,
            ArnPattern::Segments(p) => {
                let mut it = arn.splitn(6, ':');
                for seg_pat in p.iter() {
                    match it.next() {
                        Some(seg) => {
                            if !seg_pat.matches_with(seg, vars) {
                                return false;
                            }
                        }
                        None => return false,
                    }
                }
                true
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct V(&'static str, &'static str);
    impl Vars for V {
        fn var(&self, key: &str) -> Option<&str> {
            (key == self.0).then_some(self.1)
        }
    }

    #[test]
    fn prefix_pruning_is_conservative() {
        let p = |s| Pattern::new(s, false, true);
        assert!(!p("iam:*").may_match_prefix("s3:"));
        assert!(!p("IAM:Get*").may_match_prefix("s3:"));
        assert!(p("IAM:Get*").may_match_prefix("iam:"));
        assert!(p("i*:*").may_match_prefix("iam:"));
        assert!(!p("i*:*").may_match_prefix("s3:"));
        assert!(
            !p("s3").may_match_prefix("s3:"),
            "a whole literal shorter than the prefix"
        );
        assert!(p("s3*").may_match_prefix("s3:"));
        assert!(!p("s3").may_match_prefix("s3express:"));
        assert!(p("*:get*").may_match_prefix("s3:"));
        assert!(p("?3:*").may_match_prefix("s3:"));
        assert!(!p("").may_match_prefix("s3:"));
        assert!(p("").may_match_prefix(""));
        assert!(!Pattern::new("IAM:*", false, false).may_match_prefix("iam:"));
        // Whatever the pattern, pruning never drops a text it matches.
        for pat in [
            "s3:*",
            "s3*",
            "*",
            "s?:*",
            "s3:get*",
            "ec2:describe*",
            "x",
            "",
        ] {
            for text in ["s3:getobject", "s3express:x", "ec2:describeinstances", "x"] {
                let prefix = &text[..text.find(':').map_or(text.len(), |i| i + 1)];
                if p(pat).matches(text) {
                    assert!(p(pat).may_match_prefix(prefix), "{pat} {text}");
                }
            }
        }
    }

    #[test]
    fn globs() {
        let p = |s| Pattern::new(s, true, false);
        assert!(p("*").matches(""));
        assert!(p("a*").matches("abc"));
        assert!(!p("a*").matches("bc"));
        assert!(p("a?c").matches("abc"));
        assert!(!p("a?c").matches("ac"));
        assert!(p("*c").matches("abcabc"));
        assert!(p("a*b*c").matches("aXbYc"));
        assert!(!p("a*b*c").matches("aXbY"));
        assert!(p("??").matches("éa"));
        assert!(!p("abc").matches("ABC"));
        assert!(Pattern::new("S3:Get*", false, true).matches("s3:getobject"));
        assert!(Pattern::new("s3:get*", false, true).matches("S3:GetObject"));
    }

    #[test]
    fn variables() {
        let p = Pattern::new("home/${aws:username}/*", true, false);
        assert!(p.matches_with("home/bob/x", &V("aws:username", "bob")));
        assert!(!p.matches_with("home/alice/x", &V("aws:username", "bob")));
        assert!(
            !p.matches("home/bob/x"),
            "unresolved variable never matches"
        );
        let d = Pattern::new("home/${aws:username, 'guest'}/*", true, false);
        assert!(d.matches("home/guest/x"));
        let lit = Pattern::new("a${*}b${?}${$}", true, false);
        assert!(lit.matches("a*b?$"));
        assert!(!lit.matches("aXbY$"));
        let v = Pattern::new("${aws:username}", true, false);
        assert!(
            !v.matches_with("x", &V("aws:username", "*")),
            "values are literal"
        );
        let old = Pattern::new("home/${aws:username}", false, false);
        assert!(old.matches("home/${aws:username}"));
    }

    #[test]
    fn arns() {
        let a = ArnPattern::new("arn:aws:s3:::bucket/*", true);
        assert!(a.matches("arn:aws:s3:::bucket/a/b:c"));
        assert!(!a.matches("arn:aws:s3:::other/a"));
        let any_region = ArnPattern::new("arn:aws:ec2:*:123456789012:instance/*", true);
        assert!(any_region.matches("arn:aws:ec2:us-east-1:123456789012:instance/i-1"));
        // A wildcard never crosses a segment boundary.
        let seg = ArnPattern::new("arn:aws:iam::*", true);
        assert!(!seg.matches("arn:aws:iam::123456789012:user/x"));
        let star_res = ArnPattern::new("arn:aws:iam::*:*", true);
        assert!(star_res.matches("arn:aws:iam::123456789012:user/x"));
        assert!(ArnPattern::new("arn:*:*:*:*:*", true).matches_everything());
        let var = ArnPattern::new("arn:aws:iam::123456789012:user/${aws:username}", true);
        assert!(var.matches_with(
            "arn:aws:iam::123456789012:user/bob",
            &V("aws:username", "bob")
        ));
        // ARNs are case-sensitive.
        assert!(!ArnPattern::new("arn:aws:s3:::Bucket", true).matches("arn:aws:s3:::bucket"));
    }
}
