//! Static evaluation of Terraform expressions into [`Node`]s.
//!
//! What is certain is computed; what is not (unset variables, computed attributes, data sources,
//! unsupported functions) becomes [`V::Unknown`] with the reason, or [`V::Ref`] when it is an
//! attribute of another resource. Errors in the source (an undeclared variable, a missing key)
//! are unknowns whose reason starts with [`INVALID`], so `try` and `can` can tell them apart.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::sync::Arc;

use hcl_edit::expr::{BinaryOperator, Expression, ObjectKey, TraversalOperator, UnaryOperator};
use hcl_edit::structure::{Body, Structure};
use hcl_edit::template::{Directive, Element, Template};
use hcl_edit::{Decorated, Span};
use wasp_core::Pos;
use wasp_model::{Entry, Map, Node, Ref, V};

use super::source::{Bd, ChildSrc, Ex, Loc, ModIndex};
use super::{funcs, policy};

/// Reason prefix of unknowns that are errors in the source.
pub(crate) const INVALID: &str = "invalid expression: ";
/// Deepest expression recursion evaluated.
pub(crate) const MAX_EVAL_DEPTH: usize = 96;
/// Most evaluation steps per root module (bounds for-expressions over large collections).
pub(crate) const MAX_STEPS: u64 = 2_000_000;
/// Most elements a collection built during evaluation may have.
pub(crate) const MAX_ELEMS: usize = 100_000;
/// Most instances of one resource or module call (`count` / `for_each`).
pub(crate) const MAX_INSTANCES: usize = 10_000;
/// Most module instances in one tree.
pub(crate) const MAX_MODULE_INSTANCES: usize = 5_000;

/// Top-level arguments of a resource block that are not resource attributes.
const RESOURCE_META: &[&str] = &[
    "count",
    "for_each",
    "provider",
    "depends_on",
    "lifecycle",
    "provisioner",
    "connection",
];
/// Top-level arguments of a module block that are not inputs.
const MODULE_META: &[&str] = &[
    "source",
    "version",
    "count",
    "for_each",
    "providers",
    "depends_on",
];

pub(crate) fn unk(pos: Pos, reason: impl Into<Arc<str>>) -> Node {
    Node::unknown(pos, reason)
}

pub(crate) fn invalid(pos: Pos, msg: impl std::fmt::Display) -> Node {
    unk(pos, format!("{INVALID}{msg}"))
}

/// True when the node or anything inside it is an evaluation error.
pub(crate) fn contains_error(n: &Node) -> bool {
    match &n.v {
        V::Unknown(r) => r.starts_with(INVALID),
        V::Seq(s) => s.iter().any(contains_error),
        V::Map(m) => m.entries.iter().any(|e| contains_error(&e.value)),
        _ => false,
    }
}

/// Sets every position in the node to `pos` (values carried from elsewhere point at their use).
pub(crate) fn restamp(mut n: Node, pos: Pos) -> Node {
    fn go(n: &mut Node, pos: Pos) {
        n.pos = pos;
        match &mut n.v {
            V::Seq(s) => s.iter_mut().for_each(|x| go(x, pos)),
            V::Map(m) => m.entries.iter_mut().for_each(|e| {
                e.key_pos = pos;
                go(&mut e.value, pos);
            }),
            _ => {}
        }
    }
    go(&mut n, pos);
    n
}

/// The reason a node is not a certain value, for messages ("refers to `aws_x.y.arn`").
pub(crate) fn why(n: &Node) -> String {
    match &n.v {
        V::Unknown(r) => r.to_string(),
        V::Ref(r) => format!(
            "refers to `{}{}`, known only at apply time",
            r.target,
            r.attr
                .as_deref()
                .map(|a| format!(".{a}"))
                .unwrap_or_default()
        ),
        _ => n
            .first_unknown()
            .map(|(r, _)| r.to_string())
            .unwrap_or_else(|| "not known statically".into()),
    }
}

/// Structural equality ignoring positions; `None` when unknowns make it uncertain.
pub(crate) fn same(a: &Node, b: &Node) -> Option<bool> {
    match (&a.v, &b.v) {
        (V::Unknown(_), _) | (_, V::Unknown(_)) | (V::Ref(_), _) | (_, V::Ref(_)) => None,
        (V::Null, V::Null) => Some(true),
        (V::Bool(x), V::Bool(y)) => Some(x == y),
        (V::Num(x), V::Num(y)) => match (x.parse::<f64>(), y.parse::<f64>()) {
            (Ok(x), Ok(y)) => Some(x == y),
            _ => Some(x == y),
        },
        (V::Str(x), V::Str(y)) => Some(x == y),
        (V::Seq(x), V::Seq(y)) => {
            if x.len() != y.len() {
                return Some(false);
            }
            let mut all = Some(true);
            for (p, q) in x.iter().zip(y) {
                match same(p, q) {
                    Some(false) => return Some(false),
                    None => all = None,
                    _ => {}
                }
            }
            all
        }
        (V::Map(x), V::Map(y)) => {
            if x.len() != y.len() {
                return Some(false);
            }
            let mut all = Some(true);
            for e in &x.entries {
                let Some(o) = y.get(&e.key) else {
                    return Some(false);
                };
                match same(&e.value, o) {
                    Some(false) => return Some(false),
                    None => all = None,
                    _ => {}
                }
            }
            all
        }
        _ => Some(false),
    }
}

pub(crate) fn num_text(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 9.0e15 {
        format!("{}", f as i64)
    } else {
        format!("{f}")
    }
}

pub(crate) fn num(pos: Pos, f: f64) -> Node {
    Node::new(pos, V::Num(num_text(f).into()))
}

/// The number a node holds (numbers and numeric strings).
pub(crate) fn as_f64(n: &Node) -> Option<f64> {
    match &n.v {
        V::Num(s) | V::Str(s) => s.trim().parse::<f64>().ok(),
        _ => None,
    }
}

/// A value as template text: `Err(unknown node)` when it cannot be rendered with certainty.
pub(crate) fn to_text(n: &Node) -> Result<String, Node> {
    match &n.v {
        V::Str(s) | V::Num(s) => Ok(s.to_string()),
        V::Bool(b) => Ok(b.to_string()),
        V::Null => Err(invalid(n.pos, "null value in a string")),
        V::Seq(_) | V::Map(_) => {
            if n.contains_unknown() {
                Err(unk(n.pos, why(n)))
            } else {
                Ok(n.to_json().to_string())
            }
        }
        V::Unknown(_) | V::Ref(_) => Err(unk(n.pos, why(n))),
    }
}

/// Names bound while evaluating: `count.index`, `each`, for-expression and iterator variables.
#[derive(Clone, Default)]
pub(crate) struct Bind {
    pub count: Option<Node>,
    pub each: Option<(Node, Node)>,
    pub names: Vec<(String, Node)>,
}

impl Bind {
    fn name(&self, n: &str) -> Option<&Node> {
        self.names
            .iter()
            .rev()
            .find(|(k, _)| k == n)
            .map(|(_, v)| v)
    }
    fn with(&self, n: &str, v: Node) -> Bind {
        let mut b = self.clone();
        b.names.push((n.to_string(), v));
        b
    }
}

/// How many instances a resource or module call has.
#[derive(Clone)]
pub(crate) enum Expansion {
    One,
    Count(usize),
    Keys(Vec<(String, Node)>),
    Unknown(String),
}

/// An instance key.
#[derive(Clone)]
pub(crate) enum IKey {
    None,
    Idx(usize),
    Str(String, Node),
    Star(String),
}

impl IKey {
    pub fn suffix(&self) -> String {
        match self {
            IKey::None => String::new(),
            IKey::Idx(i) => format!("[{i}]"),
            IKey::Str(s, _) => format!("[{}]", serde_json::Value::String(s.clone())),
            IKey::Star(_) => "[*]".into(),
        }
    }
    fn bind(&self, pos: Pos) -> Bind {
        match self {
            IKey::None => Bind::default(),
            IKey::Idx(i) => Bind {
                count: Some(num(pos, *i as f64)),
                ..Bind::default()
            },
            IKey::Str(k, v) => Bind {
                each: Some((Node::str(pos, k.as_str()), v.clone())),
                ..Bind::default()
            },
            IKey::Star(r) => Bind {
                count: Some(unk(pos, r.as_str())),
                each: Some((unk(pos, r.as_str()), unk(pos, r.as_str()))),
                ..Bind::default()
            },
        }
    }
}

impl Expansion {
    pub fn keys(&self) -> Vec<IKey> {
        match self {
            Expansion::One => vec![IKey::None],
            Expansion::Count(n) => (0..*n).map(IKey::Idx).collect(),
            Expansion::Keys(ks) => ks
                .iter()
                .map(|(k, v)| IKey::Str(k.clone(), v.clone()))
                .collect(),
            Expansion::Unknown(r) => vec![IKey::Star(r.clone())],
        }
    }
}

#[derive(Clone)]
enum Children {
    Insts(Expansion, Vec<usize>),
    Unknown(String),
}

enum Slot {
    Busy,
    Done(Node, BTreeSet<String>),
}

struct Inst {
    def: usize,
    prefix: String,
    vars: HashMap<String, Node>,
    locals: HashMap<String, Slot>,
    outputs: HashMap<String, Slot>,
    children: HashMap<usize, Option<Children>>,
    expansions: HashMap<usize, Expansion>,
}

/// A managed resource instance, evaluated.
pub(crate) struct EvalRes {
    pub address: String,
    pub rtype: String,
    pub file: wasp_core::FileRef,
    pub pos: Pos,
    pub body: Node,
    pub refs: BTreeSet<String>,
}

pub(crate) struct Eval<'d> {
    idx: &'d [ModIndex<'d>],
    insts: Vec<Inst>,
    steps: u64,
    refs: BTreeSet<String>,
    busy_attrs: HashSet<(usize, usize, String)>,
}

impl<'d> Eval<'d> {
    pub fn new(idx: &'d [ModIndex<'d>]) -> Self {
        Eval {
            idx,
            insts: Vec::new(),
            steps: 0,
            refs: BTreeSet::new(),
            busy_attrs: HashSet::new(),
        }
    }

    fn new_inst(&mut self, def: usize, prefix: String) -> usize {
        self.insts.push(Inst {
            def,
            prefix,
            vars: HashMap::new(),
            locals: HashMap::new(),
            outputs: HashMap::new(),
            children: HashMap::new(),
            expansions: HashMap::new(),
        });
        self.insts.len() - 1
    }

    /// Creates the root instance of `def`. `given` holds values from tfvars files and the command
    /// line (already in precedence order); variables without a value are unknown.
    pub fn root(&mut self, def: usize, given: HashMap<String, Node>) -> usize {
        let m = self.new_inst(def, String::new());
        let mut vars = HashMap::new();
        for v in &self.idx[def].vars {
            let val = match given.get(&v.name) {
                Some(n) => n.clone(),
                None => self.default_of(m, v.default, &v.name),
            };
            vars.insert(v.name.clone(), val);
        }
        self.insts[m].vars = vars;
        m
    }

    fn default_of(&mut self, m: usize, default: Option<Ex<'d>>, name: &str) -> Node {
        match default {
            Some(ex) => {
                let n = self.ex(m, ex, &Bind::default(), 0);
                if n.is_null() {
                    unk(n.pos, format!("variable `{name}` is null by default"))
                } else {
                    n
                }
            }
            None => unk(
                Pos::NONE,
                format!("variable `{name}` has no default and no value was given"),
            ),
        }
    }

    pub fn var_literal_cli(&self, m: usize, name: &str) -> Option<bool> {
        self.idx[self.insts[m].def]
            .vars
            .iter()
            .find(|v| v.name == name)
            .map(|v| v.literal_cli)
    }

    // ---- expressions -------------------------------------------------------------------------

    pub fn ex(&mut self, m: usize, ex: Ex<'d>, b: &Bind, d: usize) -> Node {
        match ex {
            Ex::Hcl(e, f) => self.hx(m, e, Loc::File(f), b, d),
            Ex::Json(n) => self.jx(m, n, b, d),
        }
    }

    fn tick(&mut self, pos: Pos, d: usize) -> Option<Node> {
        self.steps += 1;
        if d > MAX_EVAL_DEPTH {
            return Some(unk(pos, "expression nested too deeply to evaluate"));
        }
        if self.steps > MAX_STEPS {
            return Some(unk(pos, "evaluation budget exceeded"));
        }
        None
    }

    /// A value in Terraform JSON syntax: strings are templates.
    fn jx(&mut self, m: usize, n: &Node, b: &Bind, d: usize) -> Node {
        if let Some(u) = self.tick(n.pos, d) {
            return u;
        }
        match &n.v {
            V::Str(s) if s.contains("${") || s.contains("%{") => {
                match hcl_edit::parser::parse_template(s) {
                    Ok(t) => self.template(m, &t, Loc::Fixed(n.pos), b, d + 1, n.pos),
                    Err(e) => invalid(n.pos, format!("bad template: {}", e.message())),
                }
            }
            V::Seq(items) => {
                let mut out = Vec::with_capacity(items.len());
                for i in items {
                    out.push(self.jx(m, i, b, d + 1));
                }
                Node::new(n.pos, V::Seq(out))
            }
            V::Map(map) => {
                let mut out = Map::default();
                for e in &map.entries {
                    let v = self.jx(m, &e.value, b, d + 1);
                    out.insert(e.key.clone(), e.key_pos, v);
                }
                Node::map(n.pos, out)
            }
            _ => n.clone(),
        }
    }

    pub(crate) fn hx(
        &mut self,
        m: usize,
        e: &Expression,
        loc: Loc<'_>,
        b: &Bind,
        d: usize,
    ) -> Node {
        let pos = loc.at(e.span());
        if let Some(u) = self.tick(pos, d) {
            return u;
        }
        let d = d + 1;
        match e {
            Expression::Null(_) => Node::null(pos),
            Expression::Bool(v) => Node::new(pos, V::Bool(*v.value())),
            Expression::Number(n) => Node::new(pos, V::Num(n.value().to_string().into())),
            Expression::String(s) => Node::str(pos, s.value().as_str()),
            Expression::Array(a) => {
                let mut out = Vec::with_capacity(a.len());
                for x in a.iter() {
                    out.push(self.hx(m, x, loc, b, d));
                }
                Node::new(pos, V::Seq(out))
            }
            Expression::Object(o) => {
                let mut out = Map::default();
                for (k, v) in o.iter() {
                    let kpos = loc.at(k.span());
                    let key = match k {
                        ObjectKey::Ident(i) => i.as_str().to_string(),
                        ObjectKey::Expression(ke) => {
                            let kn = self.hx(m, ke, loc, b, d);
                            match to_text(&kn) {
                                Ok(s) => s,
                                Err(u) => return unk(pos, format!("object key: {}", why(&u))),
                            }
                        }
                    };
                    let val = self.hx(m, v.expr(), loc, b, d);
                    out.insert(key, kpos, val);
                }
                Node::map(pos, out)
            }
            Expression::StringTemplate(t) => self.template(m, t, loc, b, d, pos),
            Expression::HeredocTemplate(h) => self.template(m, &h.template, loc, b, d, pos),
            Expression::Parenthesis(p) => self.hx(m, p.inner(), loc, b, d),
            Expression::Variable(v) => match b.name(v.as_str()) {
                Some(n) => restamp(n.clone(), pos),
                None => invalid(pos, format!("unknown name `{}`", v.as_str())),
            },
            Expression::Conditional(c) => {
                let cond = self.hx(m, &c.cond_expr, loc, b, d);
                match cond.as_bool() {
                    Some(true) => self.hx(m, &c.true_expr, loc, b, d),
                    Some(false) => self.hx(m, &c.false_expr, loc, b, d),
                    None if contains_error(&cond) => cond,
                    None => {
                        let t = self.hx(m, &c.true_expr, loc, b, d);
                        let f = self.hx(m, &c.false_expr, loc, b, d);
                        if same(&t, &f) == Some(true) {
                            t
                        } else {
                            unk(
                                pos,
                                format!("depends on a condition that {}", why_cond(&cond)),
                            )
                        }
                    }
                }
            }
            Expression::FuncCall(f) => funcs::call(self, m, f, loc, b, d, pos),
            Expression::Traversal(t) => self.traversal(m, &t.expr, &t.operators, loc, b, d, pos),
            Expression::UnaryOp(u) => {
                let v = self.hx(m, &u.expr, loc, b, d);
                if v.contains_unknown() {
                    return unk(pos, why(&v));
                }
                match u.operator.value() {
                    UnaryOperator::Not => match v.as_bool() {
                        Some(x) => Node::new(pos, V::Bool(!x)),
                        None => invalid(pos, "`!` needs a boolean"),
                    },
                    UnaryOperator::Neg => match as_f64(&v) {
                        Some(x) => num(pos, -x),
                        None => invalid(pos, "`-` needs a number"),
                    },
                }
            }
            Expression::BinaryOp(o) => {
                let l = self.hx(m, &o.lhs_expr, loc, b, d);
                let r = self.hx(m, &o.rhs_expr, loc, b, d);
                binary(*o.operator.value(), &l, &r, pos)
            }
            Expression::ForExpr(f) => {
                let coll = self.hx(m, &f.intro.collection_expr, loc, b, d);
                let items: Vec<(Node, Node)> = match &coll.v {
                    V::Seq(s) => s
                        .iter()
                        .enumerate()
                        .map(|(i, x)| (num(x.pos, i as f64), x.clone()))
                        .collect(),
                    V::Map(mp) => mp
                        .entries
                        .iter()
                        .map(|e| (Node::str(e.key_pos, e.key.clone()), e.value.clone()))
                        .collect(),
                    V::Unknown(_) | V::Ref(_) => return unk(pos, why(&coll)),
                    V::Null => return invalid(pos, "for expression over null"),
                    _ => return invalid(pos, "for expression over a non-collection"),
                };
                let mut seq = Vec::new();
                let mut map = Map::default();
                for (k, v) in items {
                    let mut bb = b.clone();
                    if let Some(kv) = &f.intro.key_var {
                        bb.names.push((kv.as_str().to_string(), k));
                    }
                    bb.names.push((f.intro.value_var.as_str().to_string(), v));
                    if let Some(c) = &f.cond {
                        let cv = self.hx(m, &c.expr, loc, &bb, d);
                        match cv.as_bool() {
                            Some(true) => {}
                            Some(false) => continue,
                            None => return unk(pos, format!("filter {}", why(&cv))),
                        }
                    }
                    let val = self.hx(m, &f.value_expr, loc, &bb, d);
                    match &f.key_expr {
                        None => seq.push(val),
                        Some(ke) => {
                            let kn = self.hx(m, ke, loc, &bb, d);
                            let key = match to_text(&kn) {
                                Ok(s) => s,
                                Err(u) => return unk(pos, format!("object key: {}", why(&u))),
                            };
                            if f.grouping {
                                match map.entries.iter_mut().find(|e| *e.key == *key) {
                                    Some(e) => {
                                        if let V::Seq(s) = &mut e.value.v {
                                            s.push(val);
                                        }
                                    }
                                    None => {
                                        map.insert(key, kn.pos, Node::new(pos, V::Seq(vec![val])))
                                    }
                                }
                            } else {
                                map.insert(key, kn.pos, val);
                            }
                        }
                    }
                    if seq.len() + map.len() > MAX_ELEMS {
                        return unk(pos, "collection too large to evaluate");
                    }
                }
                if f.key_expr.is_some() {
                    Node::map(pos, map)
                } else {
                    Node::new(pos, V::Seq(seq))
                }
            }
        }
    }

    /// A string template. A template that is a single interpolation yields the value itself.
    pub(crate) fn template(
        &mut self,
        m: usize,
        t: &Template,
        loc: Loc<'_>,
        b: &Bind,
        d: usize,
        pos: Pos,
    ) -> Node {
        if let Some(u) = self.tick(pos, d) {
            return u;
        }
        let elems: Vec<&Element> = t.iter().collect();
        if let [Element::Interpolation(i)] = elems.as_slice() {
            return self.hx(m, &i.expr, loc, b, d + 1);
        }
        let mut out = String::new();
        match self.render(m, t, loc, b, d + 1, &mut out) {
            Ok(()) => Node::str(pos, out),
            Err(u) => unk(pos, why(&u)),
        }
    }

    fn render(
        &mut self,
        m: usize,
        t: &Template,
        loc: Loc<'_>,
        b: &Bind,
        d: usize,
        out: &mut String,
    ) -> Result<(), Node> {
        if let Some(u) = self.tick(Pos::NONE, d) {
            return Err(u);
        }
        for el in t.iter() {
            match el {
                Element::Literal(s) => out.push_str(s.value()),
                Element::Interpolation(i) => {
                    let v = self.hx(m, &i.expr, loc, b, d + 1);
                    out.push_str(&to_text(&v)?);
                }
                Element::Directive(dir) => match &**dir {
                    Directive::If(ifd) => {
                        let c = self.hx(m, &ifd.if_expr.cond_expr, loc, b, d + 1);
                        match c.as_bool() {
                            Some(true) => {
                                self.render(m, &ifd.if_expr.template, loc, b, d + 1, out)?
                            }
                            Some(false) => {
                                if let Some(e) = &ifd.else_expr {
                                    self.render(m, &e.template, loc, b, d + 1, out)?;
                                }
                            }
                            None => {
                                return Err(unk(c.pos, format!("template condition: {}", why(&c))))
                            }
                        }
                    }
                    Directive::For(fd) => {
                        let fe = &fd.for_expr;
                        let coll = self.hx(m, &fe.collection_expr, loc, b, d + 1);
                        let items: Vec<(Node, Node)> = match &coll.v {
                            V::Seq(s) => s
                                .iter()
                                .enumerate()
                                .map(|(i, x)| (num(x.pos, i as f64), x.clone()))
                                .collect(),
                            V::Map(mp) => mp
                                .entries
                                .iter()
                                .map(|e| (Node::str(e.key_pos, e.key.clone()), e.value.clone()))
                                .collect(),
                            _ => {
                                return Err(unk(coll.pos, format!("template loop: {}", why(&coll))))
                            }
                        };
                        for (k, v) in items {
                            let mut bb = b.clone();
                            if let Some(kv) = &fe.key_var {
                                bb.names.push((kv.as_str().to_string(), k));
                            }
                            bb.names.push((fe.value_var.as_str().to_string(), v));
                            self.render(m, &fe.template, loc, &bb, d + 1, out)?;
                            if out.len() > 16 * 1024 * 1024 {
                                return Err(unk(coll.pos, "template output too large"));
                            }
                        }
                    }
                },
            }
        }
        Ok(())
    }

    // ---- references --------------------------------------------------------------------------

    #[allow(clippy::too_many_arguments)]
    fn traversal(
        &mut self,
        m: usize,
        root: &Expression,
        ops: &[Decorated<TraversalOperator>],
        loc: Loc<'_>,
        b: &Bind,
        d: usize,
        pos: Pos,
    ) -> Node {
        let Expression::Variable(v) = root else {
            let base = self.hx(m, root, loc, b, d);
            return self.apply_ops(m, base, ops, loc, b, d, pos);
        };
        let name = v.as_str();
        if let Some(n) = b.name(name) {
            let base = restamp(n.clone(), pos);
            return self.apply_ops(m, base, ops, loc, b, d, pos);
        }
        let attr = |i: usize| match ops.get(i).map(|o| o.value()) {
            Some(TraversalOperator::GetAttr(a)) => Some(a.as_str().to_string()),
            _ => None,
        };
        match name {
            "var" | "local" | "count" | "each" | "path" => {
                let Some(a) = attr(0) else {
                    return invalid(pos, format!("`{name}` needs an attribute"));
                };
                let base = match name {
                    "var" => match self.insts[m].vars.get(&a) {
                        Some(n) => restamp(n.clone(), pos),
                        None => invalid(pos, format!("undeclared variable `{a}`")),
                    },
                    "local" => self.local(m, &a, pos, d),
                    "count" if a == "index" => match &b.count {
                        Some(n) => restamp(n.clone(), pos),
                        None => invalid(pos, "`count.index` outside a counted block"),
                    },
                    "each" if a == "key" || a == "value" => match &b.each {
                        Some((k, v)) => restamp(if a == "key" { k } else { v }.clone(), pos),
                        None => invalid(pos, "`each` outside a for_each block"),
                    },
                    "path" => match a.as_str() {
                        "module" | "root" | "cwd" => {
                            let dir = self.idx[self.insts[m].def].dir;
                            Node::str(pos, dir.to_string_lossy().as_ref())
                        }
                        _ => invalid(pos, format!("unknown `path.{a}`")),
                    },
                    _ => invalid(pos, format!("unknown `{name}.{a}`")),
                };
                self.apply_ops(m, base, &ops[1..], loc, b, d, pos)
            }
            "terraform" => unk(pos, "`terraform.*` is known only at run time"),
            "self" => unk(pos, "`self` is known only at apply time"),
            "data" => {
                let (Some(t), Some(n)) = (attr(0), attr(1)) else {
                    return invalid(pos, "`data` needs a type and a name");
                };
                self.resource(m, true, &t, &n, &ops[2..], loc, b, d, pos)
            }
            "module" => {
                let Some(n) = attr(0) else {
                    return invalid(pos, "`module` needs a name");
                };
                self.module_ref(m, &n, &ops[1..], loc, b, d, pos)
            }
            t => {
                let Some(n) = attr(0) else {
                    return invalid(pos, format!("unknown name `{t}`"));
                };
                self.resource(m, false, t, &n, &ops[1..], loc, b, d, pos)
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn apply_ops(
        &mut self,
        m: usize,
        mut v: Node,
        ops: &[Decorated<TraversalOperator>],
        loc: Loc<'_>,
        b: &Bind,
        d: usize,
        pos: Pos,
    ) -> Node {
        for (i, op) in ops.iter().enumerate() {
            match op.value() {
                TraversalOperator::GetAttr(a) => v = get_attr(v, a.as_str(), pos),
                TraversalOperator::Index(e) => {
                    let k = self.hx(m, e, loc, b, d + 1);
                    v = index(v, &k, pos);
                }
                TraversalOperator::LegacyIndex(n) => {
                    let k = num(pos, *n.value() as f64);
                    v = index(v, &k, pos);
                }
                TraversalOperator::AttrSplat(_) | TraversalOperator::FullSplat(_) => {
                    let rest = &ops[i + 1..];
                    return match v.v {
                        V::Null => Node::new(pos, V::Seq(vec![])),
                        V::Seq(items) => {
                            let mut out = Vec::with_capacity(items.len());
                            for it in items {
                                out.push(self.apply_ops(m, it, rest, loc, b, d + 1, pos));
                            }
                            Node::new(pos, V::Seq(out))
                        }
                        V::Unknown(_) => v,
                        _ => {
                            let one = self.apply_ops(m, v, rest, loc, b, d + 1, pos);
                            Node::new(pos, V::Seq(vec![one]))
                        }
                    };
                }
            }
        }
        v
    }

    fn local(&mut self, m: usize, name: &str, pos: Pos, d: usize) -> Node {
        self.memoized(m, Named::Local, name, pos, d)
    }

    /// `count` / `for_each` of resource `ri` (memoized).
    fn expansion(&mut self, m: usize, ri: usize) -> Expansion {
        if let Some(e) = self.insts[m].expansions.get(&ri) {
            return e.clone();
        }
        let r = &self.idx[self.insts[m].def].res[ri];
        let (count, for_each) = (r.count, r.for_each);
        let e = self.expand(m, count, for_each, &Bind::default());
        self.insts[m].expansions.insert(ri, e.clone());
        e
    }

    fn expand(
        &mut self,
        m: usize,
        count: Option<Ex<'d>>,
        for_each: Option<Ex<'d>>,
        b: &Bind,
    ) -> Expansion {
        if let Some(c) = count {
            let n = self.ex(m, c, b, 0);
            return match n.as_i64() {
                Some(k) if k < 0 => Expansion::Unknown("`count` is negative".into()),
                Some(k) if k as usize > MAX_INSTANCES => {
                    Expansion::Unknown(format!("`count` {k} is above the {MAX_INSTANCES} limit"))
                }
                Some(k) => Expansion::Count(k as usize),
                None => Expansion::Unknown(format!("`count` is not known statically: {}", why(&n))),
            };
        }
        if let Some(f) = for_each {
            let n = self.ex(m, f, b, 0);
            let mut keys: Vec<(String, Node)> = match &n.v {
                V::Map(mp) => mp
                    .entries
                    .iter()
                    .map(|e| (e.key.to_string(), e.value.clone()))
                    .collect(),
                V::Seq(items) => {
                    let mut ks = Vec::new();
                    for i in items {
                        match &i.v {
                            V::Str(s) => ks.push((s.to_string(), i.clone())),
                            _ => {
                                return Expansion::Unknown(format!(
                                    "`for_each` is not known statically: {}",
                                    why(i)
                                ))
                            }
                        }
                    }
                    ks
                }
                _ => {
                    return Expansion::Unknown(format!(
                        "`for_each` is not known statically: {}",
                        why(&n)
                    ))
                }
            };
            keys.sort_by(|a, b| a.0.cmp(&b.0));
            keys.dedup_by(|a, b| a.0 == b.0);
            if keys.len() > MAX_INSTANCES {
                return Expansion::Unknown(format!(
                    "`for_each` has more than {MAX_INSTANCES} elements"
                ));
            }
            return Expansion::Keys(keys);
        }
        Expansion::One
    }

    fn key_for(&self, e: &Expansion, k: &Node) -> Result<IKey, String> {
        match e {
            Expansion::One => Err("resource has no count or for_each".into()),
            Expansion::Unknown(r) => Ok(IKey::Star(r.clone())),
            Expansion::Count(n) => match k.as_i64() {
                Some(i) if i >= 0 && (i as usize) < *n => Ok(IKey::Idx(i as usize)),
                Some(i) => Err(format!("index {i} out of range")),
                None => Err("index not known statically".into()),
            },
            Expansion::Keys(ks) => match &k.v {
                V::Str(s) => ks
                    .iter()
                    .find(|(x, _)| x == &**s)
                    .map(|(x, v)| IKey::Str(x.clone(), v.clone()))
                    .ok_or_else(|| format!("no instance with key \"{s}\"")),
                _ => Err("key not known statically".into()),
            },
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn resource(
        &mut self,
        m: usize,
        data: bool,
        t: &str,
        n: &str,
        ops: &[Decorated<TraversalOperator>],
        loc: Loc<'_>,
        b: &Bind,
        d: usize,
        pos: Pos,
    ) -> Node {
        let def = self.insts[m].def;
        let idx = self.idx;
        let Some(&ri) = idx[def]
            .res_by_key
            .get(&(data, t.to_string(), n.to_string()))
        else {
            let kind = if data { "data." } else { "" };
            return invalid(
                pos,
                format!("reference to undeclared resource `{kind}{t}.{n}`"),
            );
        };
        if data {
            let base = if t == "aws_iam_policy_document" {
                let r = &idx[def].res[ri];
                if r.count.is_some() || r.for_each.is_some() {
                    unk(
                        pos,
                        format!("data source `data.{t}.{n}` has count or for_each"),
                    )
                } else {
                    let body =
                        Node::map(r.pos, self.body(m, r.body, &Bind::default(), true, d + 1));
                    let doc = policy::from_policy_document(&body, pos);
                    let mut mp = Map::default();
                    mp.insert("json", pos, doc.clone());
                    mp.insert("minified_json", pos, doc);
                    Node::map(pos, mp)
                }
            } else {
                unk(
                    pos,
                    format!("data source `data.{t}.{n}`, read at apply time"),
                )
            };
            return self.apply_ops(m, base, ops, loc, b, d, pos);
        }
        let exp = self.expansion(m, ri);
        let addr = format!("{}{t}.{n}", self.insts[m].prefix);
        let first = ops.first().map(|o| o.value());
        match (&exp, first) {
            (
                Expansion::One,
                Some(TraversalOperator::AttrSplat(_) | TraversalOperator::FullSplat(_)),
            ) => {
                let v = self.instance(m, ri, &addr, IKey::None, &ops[1..], loc, b, d, pos);
                Node::new(pos, V::Seq(vec![v]))
            }
            (Expansion::One, _) => self.instance(m, ri, &addr, IKey::None, ops, loc, b, d, pos),
            (_, Some(TraversalOperator::Index(e))) => {
                let k = self.hx(m, e, loc, b, d + 1);
                match self.key_for(&exp, &k) {
                    Ok(key) => self.instance(m, ri, &addr, key, &ops[1..], loc, b, d, pos),
                    Err(msg) => {
                        self.refs.insert(addr.clone());
                        if k.contains_unknown() {
                            unk(pos, format!("instance of `{addr}`: {msg}"))
                        } else {
                            invalid(pos, format!("instance of `{addr}`: {msg}"))
                        }
                    }
                }
            }
            (Expansion::Unknown(r), _) => {
                self.refs.insert(format!("{addr}[*]"));
                unk(pos, format!("instances of `{addr}` unknown: {r}"))
            }
            (_, Some(TraversalOperator::AttrSplat(_) | TraversalOperator::FullSplat(_))) => {
                let mut out = Vec::new();
                for key in exp.keys() {
                    out.push(self.instance(m, ri, &addr, key, &ops[1..], loc, b, d, pos));
                }
                Node::new(pos, V::Seq(out))
            }
            (Expansion::Count(_), _) => {
                let mut out = Vec::new();
                for key in exp.keys() {
                    out.push(self.instance(m, ri, &addr, key, &[], loc, b, d, pos));
                }
                self.apply_ops(m, Node::new(pos, V::Seq(out)), ops, loc, b, d, pos)
            }
            (Expansion::Keys(_), _) => {
                let mut mp = Map::default();
                for key in exp.keys() {
                    let k = match &key {
                        IKey::Str(s, _) => s.clone(),
                        _ => String::new(),
                    };
                    let v = self.instance(m, ri, &addr, key, &[], loc, b, d, pos);
                    mp.insert(k, pos, v);
                }
                self.apply_ops(m, Node::map(pos, mp), ops, loc, b, d, pos)
            }
        }
    }

    /// One resource instance followed by `ops`: an attribute the source sets statically is
    /// evaluated; anything else is a reference.
    #[allow(clippy::too_many_arguments)]
    fn instance(
        &mut self,
        m: usize,
        ri: usize,
        addr: &str,
        key: IKey,
        ops: &[Decorated<TraversalOperator>],
        loc: Loc<'_>,
        b: &Bind,
        d: usize,
        pos: Pos,
    ) -> Node {
        let target = format!("{addr}{}", key.suffix());
        self.refs.insert(target.clone());
        let Some(TraversalOperator::GetAttr(a)) = ops.first().map(|o| o.value()) else {
            let r = Node::new(
                pos,
                V::Ref(Ref {
                    target: target.into(),
                    attr: None,
                }),
            );
            return self.apply_ops(m, r, ops, loc, b, d, pos);
        };
        let a = a.as_str();
        let r = self.idx[self.insts[m].def].res[ri].body;
        let reference = Node::new(
            pos,
            V::Ref(Ref {
                target: target.as_str().into(),
                attr: Some(a.into()),
            }),
        );
        let busy_key = (m, ri, format!("{}.{a}", key.suffix()));
        let val = match r.attr(a) {
            Some(ex) if !self.busy_attrs.contains(&busy_key) => {
                self.busy_attrs.insert(busy_key.clone());
                let saved = std::mem::take(&mut self.refs);
                let v = self.ex(m, ex, &key.bind(pos), d + 1);
                self.refs = saved;
                self.busy_attrs.remove(&busy_key);
                if v.contains_unknown() {
                    reference
                } else {
                    restamp(v, pos)
                }
            }
            _ => reference,
        };
        self.apply_ops(m, val, &ops[1..], loc, b, d, pos)
    }

    #[allow(clippy::too_many_arguments)]
    fn module_ref(
        &mut self,
        m: usize,
        name: &str,
        ops: &[Decorated<TraversalOperator>],
        loc: Loc<'_>,
        b: &Bind,
        d: usize,
        pos: Pos,
    ) -> Node {
        let def = self.insts[m].def;
        let Some(ci) = self.idx[def].calls.iter().position(|c| c.name == name) else {
            return invalid(pos, format!("reference to undeclared module `{name}`"));
        };
        let (exp, insts) = match self.children(m, ci) {
            Children::Unknown(r) => return unk(pos, r),
            Children::Insts(e, v) => (e, v),
        };
        let first = ops.first().map(|o| o.value());
        match (&exp, first) {
            (Expansion::One, _) => self.module_inst(m, insts[0], ops, loc, b, d, pos),
            (Expansion::Unknown(r), _) => {
                unk(pos, format!("instances of module `{name}` unknown: {r}"))
            }
            (_, Some(TraversalOperator::Index(e))) => {
                let k = self.hx(m, e, loc, b, d + 1);
                match self.key_for(&exp, &k) {
                    Ok(key) => {
                        let i = match (&exp, key) {
                            (Expansion::Count(_), IKey::Idx(i)) => i,
                            (Expansion::Keys(ks), IKey::Str(s, _)) => {
                                ks.iter().position(|(x, _)| *x == s).unwrap_or(0)
                            }
                            _ => 0,
                        };
                        match insts.get(i) {
                            Some(&c) => self.module_inst(m, c, &ops[1..], loc, b, d, pos),
                            None => invalid(pos, "module instance out of range"),
                        }
                    }
                    Err(msg) => unk(pos, format!("instance of module `{name}`: {msg}")),
                }
            }
            (_, Some(TraversalOperator::AttrSplat(_) | TraversalOperator::FullSplat(_))) => {
                let mut out = Vec::new();
                for c in insts {
                    out.push(self.module_inst(m, c, &ops[1..], loc, b, d, pos));
                }
                Node::new(pos, V::Seq(out))
            }
            (Expansion::Count(_), _) => {
                let mut out = Vec::new();
                for c in insts {
                    out.push(self.module_inst(m, c, &[], loc, b, d, pos));
                }
                self.apply_ops(m, Node::new(pos, V::Seq(out)), ops, loc, b, d, pos)
            }
            (Expansion::Keys(ks), _) => {
                let mut mp = Map::default();
                for ((k, _), c) in ks.clone().into_iter().zip(insts) {
                    let v = self.module_inst(m, c, &[], loc, b, d, pos);
                    mp.insert(k, pos, v);
                }
                self.apply_ops(m, Node::map(pos, mp), ops, loc, b, d, pos)
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn module_inst(
        &mut self,
        m: usize,
        c: usize,
        ops: &[Decorated<TraversalOperator>],
        loc: Loc<'_>,
        b: &Bind,
        d: usize,
        pos: Pos,
    ) -> Node {
        if let Some(TraversalOperator::GetAttr(a)) = ops.first().map(|o| o.value()) {
            let v = self.output(c, a.as_str(), pos, d);
            return self.apply_ops(m, v, &ops[1..], loc, b, d, pos);
        }
        let mut names: Vec<String> = self.idx[self.insts[c].def]
            .outputs
            .keys()
            .cloned()
            .collect();
        names.sort();
        let mut mp = Map::default();
        for n in names {
            let v = self.output(c, &n, pos, d);
            mp.insert(n, pos, v);
        }
        self.apply_ops(m, Node::map(pos, mp), ops, loc, b, d, pos)
    }

    fn output(&mut self, c: usize, name: &str, pos: Pos, d: usize) -> Node {
        self.memoized(c, Named::Output, name, pos, d)
    }

    /// Evaluates a local or an output of module instance `m` once, remembering the value and
    /// the references it made; a cycle is Unknown.
    fn memoized(&mut self, m: usize, kind: Named, name: &str, pos: Pos, d: usize) -> Node {
        let what = kind.word();
        let slots = match kind {
            Named::Local => &self.insts[m].locals,
            Named::Output => &self.insts[m].outputs,
        };
        match slots.get(name) {
            Some(Slot::Busy) => return unk(pos, format!("{what} `{name}` refers to itself")),
            Some(Slot::Done(n, refs)) => {
                let n = restamp(n.clone(), pos);
                self.refs.extend(refs.iter().cloned());
                return n;
            }
            None => {}
        }
        let def = &self.idx[self.insts[m].def];
        let ex = match kind {
            Named::Local => def.locals.get(name).copied(),
            Named::Output => def.outputs.get(name).copied(),
        };
        let Some(ex) = ex else {
            return invalid(
                pos,
                match kind {
                    Named::Local => format!("undeclared local `{name}`"),
                    Named::Output => format!("module has no output `{name}`"),
                },
            );
        };
        self.slots_mut(m, kind).insert(name.to_string(), Slot::Busy);
        let saved = std::mem::take(&mut self.refs);
        let n = self.ex(m, ex, &Bind::default(), d + 1);
        let refs = std::mem::replace(&mut self.refs, saved);
        self.refs.extend(refs.iter().cloned());
        self.slots_mut(m, kind)
            .insert(name.to_string(), Slot::Done(n.clone(), refs));
        restamp(n, pos)
    }

    fn slots_mut(&mut self, m: usize, kind: Named) -> &mut HashMap<String, Slot> {
        match kind {
            Named::Local => &mut self.insts[m].locals,
            Named::Output => &mut self.insts[m].outputs,
        }
    }

    /// The instances of module call `ci` of instance `m` (created on first use).
    fn children(&mut self, m: usize, ci: usize) -> Children {
        match self.insts[m].children.get(&ci) {
            Some(Some(c)) => return c.clone(),
            Some(None) => {
                return Children::Unknown("module inputs refer to its own outputs".into())
            }
            None => {}
        }
        self.insts[m].children.insert(ci, None);
        let def = self.insts[m].def;
        let call = &self.idx[def].calls[ci];
        let (name, body, count, for_each) =
            (call.name.clone(), call.body, call.count, call.for_each);
        let res = match call.child.clone() {
            ChildSrc::Remote(src) => Children::Unknown(format!(
                "remote module `{name}` not loaded (source `{src}`)"
            )),
            ChildSrc::Missing(r) => Children::Unknown(r),
            ChildSrc::Local(cdef) => {
                let exp = self.expand(m, count, for_each, &Bind::default());
                let mut insts = Vec::new();
                for key in exp.keys() {
                    if self.insts.len() >= MAX_MODULE_INSTANCES {
                        break;
                    }
                    let prefix = format!("{}module.{name}{}.", self.insts[m].prefix, key.suffix());
                    let c = self.new_inst(cdef, prefix);
                    let kb = key.bind(Pos::NONE);
                    let mut vars = HashMap::new();
                    let decls: Vec<(String, Option<Ex<'d>>)> = self.idx[cdef]
                        .vars
                        .iter()
                        .map(|v| (v.name.clone(), v.default))
                        .collect();
                    for (vn, default) in decls {
                        let val = match body.attr(&vn) {
                            Some(ex) if !MODULE_META.contains(&vn.as_str()) => {
                                let saved = std::mem::take(&mut self.refs);
                                let v = self.ex(m, ex, &kb, 0);
                                self.refs = saved;
                                if v.is_null() {
                                    self.default_of(c, default, &vn)
                                } else {
                                    v
                                }
                            }
                            _ => match default {
                                Some(_) => self.default_of(c, default, &vn),
                                None => unk(
                                    Pos::NONE,
                                    format!("module input `{vn}` of `{name}` not set"),
                                ),
                            },
                        };
                        vars.insert(vn, val);
                    }
                    self.insts[c].vars = vars;
                    insts.push(c);
                }
                if insts.len() < exp.keys().len() {
                    Children::Unknown(format!("too many module instances under `{name}`"))
                } else {
                    Children::Insts(exp, insts)
                }
            }
        };
        self.insts[m].children.insert(ci, Some(res.clone()));
        res
    }

    // ---- bodies and resources ----------------------------------------------------------------

    /// Evaluates a block body: attributes as values, nested blocks as sequences of maps under
    /// the block type, `dynamic` blocks expanded (an unknown collection adds an unknown item).
    pub(crate) fn body(&mut self, m: usize, bd: Bd<'d>, b: &Bind, top: bool, d: usize) -> Map {
        let mut out = Map::default();
        if d > MAX_EVAL_DEPTH {
            return out;
        }
        match bd {
            Bd::Json(map) => {
                for e in &map.entries {
                    if top && RESOURCE_META.contains(&&*e.key) {
                        continue;
                    }
                    if &*e.key == "dynamic" {
                        self.json_dynamic(m, &e.value, b, d, &mut out);
                        continue;
                    }
                    let v = self.jx(m, &e.value, b, d + 1);
                    out.insert(e.key.clone(), e.key_pos, v);
                }
            }
            Bd::Hcl(body, f) => self.hcl_body(m, body, f, b, top, d, &mut out),
        }
        out
    }

    #[allow(clippy::too_many_arguments)]
    fn hcl_body(
        &mut self,
        m: usize,
        body: &'d Body,
        f: &'d super::source::SrcFile,
        b: &Bind,
        top: bool,
        d: usize,
        out: &mut Map,
    ) {
        for s in body.iter() {
            match s {
                Structure::Attribute(a) => {
                    let k = a.key.as_str();
                    if top && RESOURCE_META.contains(&k) {
                        continue;
                    }
                    let apos = f.span_pos(a.span());
                    let mut v = self.hx(m, &a.value, Loc::File(f), b, d + 1);
                    v.pos = apos;
                    out.insert(k, apos, v);
                }
                Structure::Block(blk) => {
                    let k = blk.ident.as_str();
                    if top && RESOURCE_META.contains(&k) {
                        continue;
                    }
                    let bpos = f.span_pos(blk.span());
                    if k == "dynamic" {
                        let Some(label) = blk.labels.first().map(|l| l.as_str().to_string()) else {
                            continue;
                        };
                        let iter_name = match blk.body.get_attribute("iterator").map(|a| &a.value) {
                            Some(Expression::Variable(v)) => v.as_str().to_string(),
                            _ => label.clone(),
                        };
                        let fe = blk
                            .body
                            .get_attribute("for_each")
                            .map(|a| Ex::Hcl(&a.value, f));
                        let content = blk
                            .body
                            .get_blocks("content")
                            .next()
                            .map(|c| Bd::Hcl(&c.body, f));
                        self.dynamic(m, &label, &iter_name, fe, content, b, d, bpos, out);
                        continue;
                    }
                    let inner = self.body(m, Bd::Hcl(&blk.body, f), b, false, d + 1);
                    push_block(out, k, bpos, Node::map(bpos, inner));
                }
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn dynamic(
        &mut self,
        m: usize,
        label: &str,
        iter_name: &str,
        for_each: Option<Ex<'d>>,
        content: Option<Bd<'d>>,
        b: &Bind,
        d: usize,
        pos: Pos,
        out: &mut Map,
    ) {
        let (Some(fe), Some(content)) = (for_each, content) else {
            return;
        };
        let coll = self.ex(m, fe, b, d + 1);
        let items: Vec<(Node, Node)> = match &coll.v {
            V::Seq(s) => s
                .iter()
                .enumerate()
                .map(|(i, x)| (num(x.pos, i as f64), x.clone()))
                .collect(),
            V::Map(mp) => mp
                .entries
                .iter()
                .map(|e| (Node::str(e.key_pos, e.key.clone()), e.value.clone()))
                .collect(),
            V::Null => Vec::new(),
            _ => {
                let reason = format!(
                    "dynamic `{label}` blocks over a collection not known statically: {}",
                    why(&coll)
                );
                push_block(out, label, pos, unk(pos, reason));
                return;
            }
        };
        for (k, v) in items {
            let mut it = Map::default();
            it.insert("key", pos, k);
            it.insert("value", pos, v);
            let bb = b.with(iter_name, Node::map(pos, it));
            let inner = self.body(m, content, &bb, false, d + 1);
            push_block(out, label, pos, Node::map(pos, inner));
        }
    }

    fn json_dynamic(&mut self, m: usize, n: &'d Node, b: &Bind, d: usize, out: &mut Map) {
        for (labels, map, pos) in super::source::json_blocks(Some(n), 1) {
            let label = &labels[0];
            let iter_name = map
                .get("iterator")
                .and_then(|i| i.as_str())
                .unwrap_or(label)
                .to_string();
            let content = map.get("content").and_then(|c| c.as_map()).map(Bd::Json);
            self.dynamic(
                m,
                label,
                &iter_name,
                map.get("for_each").map(Ex::Json),
                content,
                b,
                d,
                pos,
                out,
            );
        }
    }

    /// Every managed resource instance of instance `m` and its module instances.
    pub fn collect(&mut self, m: usize, out: &mut Vec<EvalRes>, depth: usize) {
        let def = self.insts[m].def;
        let idx = self.idx;
        for ri in 0..idx[def].res.len() {
            let r = &idx[def].res[ri];
            if r.data {
                continue;
            }
            let (rtype, name, bd, file, pos) = (
                r.rtype.clone(),
                r.name.clone(),
                r.body,
                r.file.path.clone(),
                r.pos,
            );
            let exp = self.expansion(m, ri);
            for key in exp.keys() {
                self.refs.clear();
                let body = self.body(m, bd, &key.bind(pos), true, 0);
                out.push(EvalRes {
                    address: format!("{}{rtype}.{name}{}", self.insts[m].prefix, key.suffix()),
                    rtype: rtype.clone(),
                    file: file.clone(),
                    pos,
                    body: Node::map(pos, body),
                    refs: std::mem::take(&mut self.refs),
                });
            }
        }
        if depth >= super::source::MAX_MODULE_DEPTH {
            return;
        }
        for ci in 0..self.idx[def].calls.len() {
            if let Children::Insts(_, insts) = self.children(m, ci) {
                for c in insts {
                    self.collect(c, out, depth + 1);
                }
            }
        }
    }
}

fn why_cond(c: &Node) -> String {
    match &c.v {
        V::Unknown(r) => format!("is not known statically ({r})"),
        _ => format!("is not known statically ({})", why(c)),
    }
}

fn push_block(out: &mut Map, k: &str, pos: Pos, v: Node) {
    match out.entries.iter_mut().find(|e| &*e.key == k) {
        Some(Entry {
            value: Node { v: V::Seq(s), .. },
            ..
        }) => s.push(v),
        _ => out.insert(k, pos, Node::new(pos, V::Seq(vec![v]))),
    }
}

pub(crate) fn get_attr(v: Node, a: &str, pos: Pos) -> Node {
    match v.v {
        V::Map(mut mp) => match mp.entries.iter().position(|e| &*e.key == a) {
            Some(i) => mp.entries.swap_remove(i).value,
            None => invalid(pos, format!("no attribute `{a}`")),
        },
        V::Unknown(_) => v,
        V::Ref(r) => Node::new(
            pos,
            V::Ref(Ref {
                target: r.target,
                attr: Some(match r.attr {
                    Some(x) => format!("{x}.{a}").into(),
                    None => a.into(),
                }),
            }),
        ),
        V::Null => invalid(pos, format!("attribute `{a}` of null")),
        _ => invalid(pos, format!("attribute `{a}` of a non-object")),
    }
}

pub(crate) fn index(v: Node, k: &Node, pos: Pos) -> Node {
    if k.contains_unknown() {
        return match &v.v {
            V::Unknown(_) => v,
            _ => unk(pos, format!("index {}", why(k))),
        };
    }
    match v.v {
        V::Seq(mut s) => match k.as_i64() {
            Some(i) if i >= 0 && (i as usize) < s.len() => s.swap_remove(i as usize),
            _ => invalid(pos, "index out of range"),
        },
        V::Map(mut mp) => {
            let key = k.as_str().unwrap_or_default().to_string();
            match mp.entries.iter().position(|e| *e.key == *key) {
                Some(i) => mp.entries.swap_remove(i).value,
                None => invalid(pos, format!("no key \"{key}\"")),
            }
        }
        V::Unknown(_) => v,
        V::Ref(r) => Node::new(
            pos,
            V::Ref(Ref {
                target: r.target,
                attr: Some(
                    format!(
                        "{}[{}]",
                        r.attr.as_deref().unwrap_or_default(),
                        k.as_str().unwrap_or_default()
                    )
                    .into(),
                ),
            }),
        ),
        _ => invalid(pos, "index into a non-collection"),
    }
}

fn binary(op: BinaryOperator, l: &Node, r: &Node, pos: Pos) -> Node {
    use BinaryOperator as B;
    match op {
        B::And | B::Or => {
            let (x, y) = (l.as_bool(), r.as_bool());
            let short = op == B::Or;
            if x == Some(short) || y == Some(short) {
                return Node::new(pos, V::Bool(short));
            }
            match (x, y) {
                (Some(_), Some(_)) => Node::new(pos, V::Bool(!short)),
                _ if contains_error(l) || contains_error(r) => {
                    invalid(pos, "logic operator needs booleans")
                }
                _ => unk(pos, why(if x.is_none() { l } else { r })),
            }
        }
        B::Eq | B::NotEq => match same(l, r) {
            Some(s) => Node::new(pos, V::Bool(s == (op == B::Eq))),
            None => unk(pos, why(if l.contains_unknown() { l } else { r })),
        },
        _ => {
            if l.contains_unknown() || r.contains_unknown() {
                return unk(pos, why(if l.contains_unknown() { l } else { r }));
            }
            let (Some(x), Some(y)) = (as_f64(l), as_f64(r)) else {
                return invalid(pos, "arithmetic needs numbers");
            };
            match op {
                B::Plus => num(pos, x + y),
                B::Minus => num(pos, x - y),
                B::Mul => num(pos, x * y),
                B::Div if y != 0.0 => num(pos, x / y),
                B::Mod if y != 0.0 => num(pos, x % y),
                B::Div | B::Mod => invalid(pos, "division by zero"),
                B::Less => Node::new(pos, V::Bool(x < y)),
                B::LessEq => Node::new(pos, V::Bool(x <= y)),
                B::Greater => Node::new(pos, V::Bool(x > y)),
                B::GreaterEq => Node::new(pos, V::Bool(x >= y)),
                _ => invalid(pos, "unsupported operator"),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(x: &str) -> Node {
        Node::str(Pos::new(1, 1), x)
    }

    #[test]
    fn attributes_of_references_stay_references() {
        let r = Node::new(
            Pos::new(1, 1),
            V::Ref(Ref {
                target: "aws_s3_bucket.b".into(),
                attr: None,
            }),
        );
        let a = get_attr(r, "arn", Pos::new(2, 3));
        match &a.v {
            V::Ref(r) => {
                assert_eq!(&*r.target, "aws_s3_bucket.b");
                assert_eq!(r.attr.as_deref(), Some("arn"));
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(a.pos, Pos::new(2, 3));
    }

    #[test]
    fn operators_on_unknowns_are_unknown_unless_decided() {
        let p = Pos::new(1, 1);
        let u = unk(p, "var.x unset");
        let f = Node::new(p, V::Bool(false));
        assert_eq!(
            binary(BinaryOperator::And, &u, &f, p).as_bool(),
            Some(false)
        );
        assert!(binary(BinaryOperator::Or, &u, &f, p).is_unknown());
        assert!(binary(BinaryOperator::Eq, &u, &s("a"), p).is_unknown());
        assert_eq!(
            binary(BinaryOperator::Plus, &num(p, 2.0), &s("3"), p).as_i64(),
            Some(5)
        );
        assert!(contains_error(&binary(
            BinaryOperator::Div,
            &num(p, 1.0),
            &num(p, 0.0),
            p
        )));
    }

    #[test]
    fn equality_ignores_positions() {
        let a = Node::new(Pos::new(1, 1), V::Seq(vec![s("x")]));
        let b = restamp(a.clone(), Pos::new(9, 9));
        assert_eq!(same(&a, &b), Some(true));
        assert_eq!(same(&s("1"), &s("2")), Some(false));
    }

    #[test]
    fn columns_count_characters() {
        let f = super::super::source::SrcFile::new(
            std::sync::Arc::new("x.tf".into()),
            "a = \"é\"\nbé = 1\n".into(),
            0,
        );
        let off = f.text.find("= 1").unwrap();
        assert_eq!(f.pos(off), Pos::new(2, 4));
        assert_eq!(super::super::source::nesting_depth("[[{}]]").0, 3);
    }
}

/// The memoized named values of a module instance.
#[derive(Clone, Copy)]
enum Named {
    Local,
    Output,
}

impl Named {
    fn word(self) -> &'static str {
        match self {
            Named::Local => "local",
            Named::Output => "output",
        }
    }
}
