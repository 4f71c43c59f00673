//! Terraform's built-in functions, the common ones evaluated statically; the rest (and anything
//! reading files, time or randomness) are unknown.

use hcl_edit::expr::FuncCall;
use wasp_core::Pos;
use wasp_model::{Map, Node, V};

use super::eval::{
    as_f64, contains_error, invalid, num, restamp, same, to_text, unk, why, Bind, Eval, MAX_ELEMS,
};
use super::source::Loc;

/// Functions that read files or the environment: never evaluated.
const FILE_FUNCS: &[&str] = &[
    "file",
    "fileexists",
    "fileset",
    "filebase64",
    "filebase64sha256",
    "filebase64sha512",
    "filemd5",
    "filesha1",
    "filesha256",
    "filesha512",
    "templatefile",
    "abspath",
];

pub(crate) fn call(
    ev: &mut Eval<'_>,
    m: usize,
    f: &FuncCall,
    loc: Loc<'_>,
    b: &Bind,
    d: usize,
    pos: Pos,
) -> Node {
    let name = f.name.name.as_str();
    if f.name.is_namespaced() {
        return unk(pos, format!("provider function `{name}` not evaluated"));
    }
    // Lazily evaluated arguments.
    match name {
        "try" => {
            let mut last = None;
            for a in f.args.iter() {
                let v = ev.hx(m, a, loc, b, d);
                if !contains_error(&v) {
                    return v;
                }
                last = Some(v);
            }
            return last.unwrap_or_else(|| invalid(pos, "`try` needs arguments"));
        }
        "can" => {
            let Some(a) = f.args.iter().next() else {
                return invalid(pos, "`can` needs an argument");
            };
            let v = ev.hx(m, a, loc, b, d);
            return if contains_error(&v) {
                Node::new(pos, V::Bool(false))
            } else if v.contains_unknown() {
                unk(pos, why(&v))
            } else {
                Node::new(pos, V::Bool(true))
            };
        }
        _ => {}
    }
    if FILE_FUNCS.contains(&name) {
        return unk(pos, format!("`{name}()` reads files, not evaluated"));
    }
    let mut args: Vec<Node> = Vec::with_capacity(f.args.len());
    for a in f.args.iter() {
        args.push(ev.hx(m, a, loc, b, d));
    }
    if f.args.expand_final() {
        match args.pop() {
            Some(Node { v: V::Seq(s), .. }) => args.extend(s),
            Some(other) => return unk(pos, format!("expanded argument: {}", why(&other))),
            None => {}
        }
    }
    if let Some(e) = args.iter().find(|a| contains_error(a)) {
        return e.clone();
    }
    apply(name, args, pos)
}

fn need_known(args: &[Node], pos: Pos) -> Option<Node> {
    args.iter()
        .find(|a| a.contains_unknown())
        .map(|a| unk(pos, why(a)))
}

fn strs(n: &Node) -> Option<Vec<String>> {
    n.as_seq()?
        .iter()
        .map(|x| x.as_str().map(str::to_string))
        .collect()
}

fn seq(pos: Pos, v: Vec<Node>) -> Node {
    Node::new(pos, V::Seq(v))
}

fn boolean(pos: Pos, b: bool) -> Node {
    Node::new(pos, V::Bool(b))
}

/// Applies function `name` to evaluated arguments.
pub(crate) fn apply(name: &str, args: Vec<Node>, pos: Pos) -> Node {
    let arg = |i: usize| args.get(i);
    let text = |i: usize| -> Result<String, Node> {
        match args.get(i) {
            Some(a) => to_text(a),
            None => Err(invalid(pos, format!("`{name}` is missing an argument"))),
        }
    };
    macro_rules! t {
        ($e:expr) => {
            match $e {
                Ok(v) => v,
                Err(u) => return unk(pos, why(&u)),
            }
        };
    }
    match name {
        "jsonencode" => match arg(0) {
            // The document is kept as a tree; rendering it as text happens where a string is
            // needed (templates, string functions).
            Some(v) => restamp_top(v.clone(), pos),
            None => invalid(pos, "`jsonencode` needs an argument"),
        },
        "jsondecode" => match arg(0) {
            Some(
                v @ Node {
                    v: V::Map(_) | V::Seq(_),
                    ..
                },
            ) => v.clone(),
            Some(v @ Node { v: V::Str(s), .. }) => match crate::json::parse(s) {
                Ok(n) => restamp(n, v.pos),
                Err(e) => invalid(pos, format!("jsondecode: {}", e.message)),
            },
            Some(v) => unk(pos, why(v)),
            None => invalid(pos, "`jsondecode` needs an argument"),
        },
        "tostring" => match arg(0) {
            Some(v) if v.is_null() => v.clone(),
            Some(_) => Node::str(pos, t!(text(0))),
            None => invalid(pos, "`tostring` needs an argument"),
        },
        "tonumber" | "tobool" | "tolist" | "tomap" | "sensitive" | "nonsensitive" | "type" => {
            match arg(0) {
                Some(v) => v.clone(),
                None => invalid(pos, format!("`{name}` needs an argument")),
            }
        }
        "toset" | "distinct" => {
            if let Some(u) = need_known(&args, pos) {
                return u;
            }
            let Some(items) = arg(0).and_then(Node::as_seq) else {
                return invalid(pos, format!("`{name}` needs a list"));
            };
            let mut out: Vec<Node> = Vec::new();
            for i in items {
                if !out.iter().any(|o| same(o, i) == Some(true)) {
                    out.push(i.clone());
                }
            }
            if name == "toset" && out.iter().all(|x| matches!(x.v, V::Str(_))) {
                out.sort_by(|a, b| a.as_str().cmp(&b.as_str()));
            }
            seq(pos, out)
        }
        "length" => match arg(0).map(|a| &a.v) {
            Some(V::Seq(s)) => num(pos, s.len() as f64),
            Some(V::Map(mp)) => num(pos, mp.len() as f64),
            Some(V::Str(s)) => num(pos, s.chars().count() as f64),
            Some(_) => unk(pos, why(arg(0).unwrap_or(&Node::null(pos)))),
            None => invalid(pos, "`length` needs an argument"),
        },
        "merge" => {
            let mut out = Map::default();
            for a in &args {
                match &a.v {
                    V::Null => {}
                    V::Map(mp) => {
                        for e in &mp.entries {
                            out.insert(e.key.clone(), e.key_pos, e.value.clone());
                        }
                    }
                    V::Unknown(_) | V::Ref(_) => return unk(pos, why(a)),
                    _ => return invalid(pos, "`merge` needs maps"),
                }
            }
            Node::map(pos, out)
        }
        "concat" => {
            let mut out = Vec::new();
            for a in &args {
                match &a.v {
                    V::Seq(s) => out.extend(s.iter().cloned()),
                    V::Unknown(_) | V::Ref(_) => return unk(pos, why(a)),
                    _ => return invalid(pos, "`concat` needs lists"),
                }
            }
            seq(pos, out)
        }
        "flatten" => {
            fn flat(n: &Node, out: &mut Vec<Node>, depth: usize) -> Result<(), Node> {
                match &n.v {
                    V::Seq(s) if depth < 64 => {
                        for i in s {
                            flat(i, out, depth + 1)?;
                        }
                        Ok(())
                    }
                    V::Unknown(_) | V::Ref(_) => Err(n.clone()),
                    _ => {
                        out.push(n.clone());
                        Ok(())
                    }
                }
            }
            let mut out = Vec::new();
            match arg(0) {
                Some(a @ Node { v: V::Seq(_), .. }) => t!(flat(a, &mut out, 0)),
                Some(a) => return unk(pos, why(a)),
                None => return invalid(pos, "`flatten` needs a list"),
            }
            seq(pos, out)
        }
        "compact" => {
            let Some(items) = arg(0).and_then(Node::as_seq) else {
                return arg(0).map_or_else(
                    || invalid(pos, "`compact` needs a list"),
                    |a| unk(pos, why(a)),
                );
            };
            let mut out = Vec::new();
            for i in items {
                match &i.v {
                    V::Null => {}
                    V::Str(s) if s.is_empty() => {}
                    V::Str(_) => out.push(i.clone()),
                    _ => return unk(pos, why(i)),
                }
            }
            seq(pos, out)
        }
        "reverse" => match arg(0) {
            Some(Node { v: V::Seq(s), .. }) => seq(pos, s.iter().rev().cloned().collect()),
            Some(a) => unk(pos, why(a)),
            None => invalid(pos, "`reverse` needs a list"),
        },
        "sort" => {
            if let Some(u) = need_known(&args, pos) {
                return u;
            }
            let Some(mut s) = arg(0).and_then(strs) else {
                return invalid(pos, "`sort` needs a list of strings");
            };
            s.sort();
            seq(pos, s.into_iter().map(|x| Node::str(pos, x)).collect())
        }
        "lookup" => match (arg(0), arg(1)) {
            (Some(Node { v: V::Map(mp), .. }), Some(k)) => {
                let key = t!(to_text(k));
                match mp.get(&key) {
                    Some(v) => v.clone(),
                    None => match arg(2) {
                        Some(dflt) => dflt.clone(),
                        None => invalid(pos, format!("lookup: no key \"{key}\"")),
                    },
                }
            }
            (Some(a), Some(_)) if a.contains_unknown() => unk(pos, why(a)),
            _ => invalid(pos, "`lookup` needs a map and a key"),
        },
        "element" => match (arg(0), arg(1)) {
            (Some(Node { v: V::Seq(s), .. }), Some(i)) => match i.as_i64() {
                Some(_) if s.is_empty() => invalid(pos, "element of an empty list"),
                Some(k) => s[(k.rem_euclid(s.len() as i64)) as usize].clone(),
                None => unk(pos, why(i)),
            },
            (Some(a), _) => unk(pos, why(a)),
            _ => invalid(pos, "`element` needs a list and an index"),
        },
        "one" => match arg(0) {
            Some(Node { v: V::Seq(s), .. }) => match s.len() {
                0 => Node::null(pos),
                1 => s[0].clone(),
                _ => invalid(pos, "`one` of a list with more than one element"),
            },
            Some(a) => unk(pos, why(a)),
            None => invalid(pos, "`one` needs a list"),
        },
        "coalesce" => {
            for a in &args {
                match &a.v {
                    V::Null => {}
                    V::Str(s) if s.is_empty() => {}
                    V::Unknown(_) | V::Ref(_) => return unk(pos, why(a)),
                    _ => return a.clone(),
                }
            }
            invalid(pos, "coalesce: no non-null argument")
        }
        "coalescelist" => {
            for a in &args {
                match &a.v {
                    V::Seq(s) if s.is_empty() => {}
                    V::Seq(_) => return a.clone(),
                    _ => return unk(pos, why(a)),
                }
            }
            invalid(pos, "coalescelist: no non-empty list")
        }
        "keys" | "values" => match arg(0) {
            Some(Node { v: V::Map(mp), .. }) => {
                let mut es: Vec<_> = mp.entries.iter().collect();
                es.sort_by(|a, b| a.key.cmp(&b.key));
                seq(
                    pos,
                    es.into_iter()
                        .map(|e| {
                            if name == "keys" {
                                Node::str(e.key_pos, e.key.clone())
                            } else {
                                e.value.clone()
                            }
                        })
                        .collect(),
                )
            }
            Some(a) => unk(pos, why(a)),
            None => invalid(pos, format!("`{name}` needs a map")),
        },
        "contains" => match (arg(0), arg(1)) {
            (Some(Node { v: V::Seq(s), .. }), Some(x)) => {
                let mut uncertain = false;
                for i in s {
                    match same(i, x) {
                        Some(true) => return boolean(pos, true),
                        None => uncertain = true,
                        _ => {}
                    }
                }
                if uncertain {
                    unk(pos, "contains: list or value not known statically")
                } else {
                    boolean(pos, false)
                }
            }
            (Some(a), _) => unk(pos, why(a)),
            _ => invalid(pos, "`contains` needs a list and a value"),
        },
        "zipmap" => {
            if let Some(u) = need_known(&args, pos) {
                return u;
            }
            match (arg(0).and_then(strs), arg(1).and_then(Node::as_seq)) {
                (Some(ks), Some(vs)) if ks.len() == vs.len() => {
                    let mut out = Map::default();
                    for (k, v) in ks.into_iter().zip(vs) {
                        out.insert(k, pos, v.clone());
                    }
                    Node::map(pos, out)
                }
                _ => invalid(pos, "`zipmap` needs two lists of equal length"),
            }
        }
        "range" => {
            if let Some(u) = need_known(&args, pos) {
                return u;
            }
            let nums: Option<Vec<f64>> = args.iter().map(as_f64).collect();
            let (start, end, step) = match nums.as_deref() {
                Some([e]) => (0.0, *e, 1.0),
                Some([s, e]) => (*s, *e, if s <= e { 1.0 } else { -1.0 }),
                Some([s, e, st]) => (*s, *e, *st),
                _ => return invalid(pos, "`range` needs one to three numbers"),
            };
            if step == 0.0 || ((end - start) / step) > MAX_ELEMS as f64 {
                return unk(pos, "range too large to evaluate");
            }
            let mut out = Vec::new();
            let mut x = start;
            while (step > 0.0 && x < end) || (step < 0.0 && x > end) {
                out.push(num(pos, x));
                x += step;
            }
            seq(pos, out)
        }
        "slice" => match (
            arg(0),
            arg(1).and_then(Node::as_i64),
            arg(2).and_then(Node::as_i64),
        ) {
            (Some(Node { v: V::Seq(s), .. }), Some(a), Some(z))
                if 0 <= a && a <= z && (z as usize) <= s.len() =>
            {
                seq(pos, s[a as usize..z as usize].to_vec())
            }
            (Some(a), _, _) if a.contains_unknown() => unk(pos, why(a)),
            _ => unk(pos, "slice bounds not known statically"),
        },
        "min" | "max" => {
            if let Some(u) = need_known(&args, pos) {
                return u;
            }
            let nums: Option<Vec<f64>> = args.iter().map(as_f64).collect();
            match nums {
                Some(v) if !v.is_empty() => {
                    let r = v.iter().copied().fold(
                        if name == "min" {
                            f64::INFINITY
                        } else {
                            f64::NEG_INFINITY
                        },
                        if name == "min" { f64::min } else { f64::max },
                    );
                    num(pos, r)
                }
                _ => invalid(pos, format!("`{name}` needs numbers")),
            }
        }
        "abs" | "ceil" | "floor" => match arg(0).and_then(as_f64) {
            Some(x) => num(
                pos,
                match name {
                    "abs" => x.abs(),
                    "ceil" => x.ceil(),
                    _ => x.floor(),
                },
            ),
            None => unk(pos, why(arg(0).unwrap_or(&Node::null(pos)))),
        },
        "lower" => Node::str(pos, t!(text(0)).to_lowercase()),
        "upper" => Node::str(pos, t!(text(0)).to_uppercase()),
        "trimspace" => Node::str(pos, t!(text(0)).trim()),
        "chomp" => Node::str(pos, t!(text(0)).trim_end_matches(['\n', '\r'])),
        "trimprefix" => {
            let (s, p) = (t!(text(0)), t!(text(1)));
            Node::str(pos, s.strip_prefix(p.as_str()).unwrap_or(&s))
        }
        "trimsuffix" => {
            let (s, p) = (t!(text(0)), t!(text(1)));
            Node::str(pos, s.strip_suffix(p.as_str()).unwrap_or(&s))
        }
        "startswith" => boolean(pos, t!(text(0)).starts_with(&t!(text(1)))),
        "endswith" => boolean(pos, t!(text(0)).ends_with(&t!(text(1)))),
        "strcontains" => boolean(pos, t!(text(0)).contains(&t!(text(1)))),
        "replace" => {
            let (s, from, to) = (t!(text(0)), t!(text(1)), t!(text(2)));
            if from.len() > 1 && from.starts_with('/') && from.ends_with('/') {
                return unk(pos, "`replace` with a regular expression not evaluated");
            }
            Node::str(pos, s.replace(&from, &to))
        }
        "substr" => {
            let s = t!(text(0));
            match (arg(1).and_then(Node::as_i64), arg(2).and_then(Node::as_i64)) {
                (Some(off), Some(len)) if off >= 0 => {
                    let chars = s.chars().skip(off as usize);
                    let out: String = if len < 0 {
                        chars.collect()
                    } else {
                        chars.take(len as usize).collect()
                    };
                    Node::str(pos, out)
                }
                _ => unk(pos, "substr bounds not known statically"),
            }
        }
        "join" => {
            let sep = t!(text(0));
            let mut parts = Vec::new();
            for a in args.iter().skip(1) {
                match &a.v {
                    V::Seq(s) => {
                        for i in s {
                            parts.push(t!(to_text(i)));
                        }
                    }
                    _ => return unk(pos, why(a)),
                }
            }
            Node::str(pos, parts.join(&sep))
        }
        "split" => {
            let (sep, s) = (t!(text(0)), t!(text(1)));
            let parts: Vec<Node> = if sep.is_empty() {
                s.chars().map(|c| Node::str(pos, c.to_string())).collect()
            } else {
                s.split(sep.as_str()).map(|p| Node::str(pos, p)).collect()
            };
            seq(pos, parts)
        }
        "format" => format(&args, pos),
        "formatlist" => unk(pos, "`formatlist` not evaluated"),
        _ => unk(pos, format!("function `{name}()` not evaluated")),
    }
}

fn restamp_top(mut n: Node, pos: Pos) -> Node {
    n.pos = pos;
    n
}

/// `format` with the verbs `%s %d %v %q %t %f %%` (and widths/precision for `%f`).
fn format(args: &[Node], pos: Pos) -> Node {
    let Some(spec) = args.first() else {
        return invalid(pos, "`format` needs a format string");
    };
    let spec = match to_text(spec) {
        Ok(s) => s,
        Err(u) => return unk(pos, why(&u)),
    };
    let mut out = String::new();
    let mut next = 1;
    let mut chars = spec.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        let mut flags = String::new();
        while let Some(&p) = chars.peek() {
            if p.is_ascii_digit() || p == '.' || p == '-' || p == '+' || p == '#' || p == ' ' {
                flags.push(p);
                chars.next();
            } else {
                break;
            }
        }
        let Some(verb) = chars.next() else {
            return invalid(pos, "format: trailing `%`");
        };
        if verb == '%' {
            out.push('%');
            continue;
        }
        let Some(a) = args.get(next) else {
            return invalid(pos, "format: too few arguments");
        };
        next += 1;
        if a.contains_unknown() {
            return unk(pos, why(a));
        }
        match verb {
            's' | 'v' | 't' if flags.is_empty() => match to_text(a) {
                Ok(s) => out.push_str(&s),
                Err(u) => return unk(pos, why(&u)),
            },
            'd' if flags.is_empty() => match as_f64(a) {
                Some(f) => out.push_str(&(f.trunc() as i64).to_string()),
                None => return invalid(pos, "format: `%d` needs a number"),
            },
            'q' if flags.is_empty() => match to_text(a) {
                Ok(s) => out.push_str(&serde_json::Value::String(s).to_string()),
                Err(u) => return unk(pos, why(&u)),
            },
            'f' => {
                let Some(f) = as_f64(a) else {
                    return invalid(pos, "format: `%f` needs a number");
                };
                let prec = flags
                    .split_once('.')
                    .and_then(|(_, p)| p.parse::<usize>().ok())
                    .unwrap_or(6)
                    .min(64);
                out.push_str(&format!("{f:.prec$}"));
            }
            _ => return unk(pos, format!("format verb `%{flags}{verb}` not evaluated")),
        }
    }
    Node::str(pos, out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(x: &str) -> Node {
        Node::str(Pos::new(1, 1), x)
    }

    #[test]
    fn format_and_join() {
        let p = Pos::new(1, 1);
        let n = apply(
            "format",
            vec![s("%s-%d-%q"), s("a"), num(p, 7.0), s("b")],
            p,
        );
        assert_eq!(n.as_str(), Some("a-7-\"b\""));
        let l = Node::new(p, V::Seq(vec![s("x"), s("y")]));
        assert_eq!(apply("join", vec![s(","), l], p).as_str(), Some("x,y"));
        let u = apply("format", vec![s("%s"), Node::unknown(p, "var")], p);
        assert!(u.is_unknown());
    }

    #[test]
    fn unknown_functions_are_unknown() {
        let p = Pos::new(1, 1);
        assert!(apply("timestamp", vec![], p).is_unknown());
        assert!(apply("replace", vec![s("a"), s("/a/"), s("b")], p).is_unknown());
        assert_eq!(
            apply("replace", vec![s("aXa"), s("X"), s("-")], p).as_str(),
            Some("a-a")
        );
    }
}
