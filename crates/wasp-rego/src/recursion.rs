//! Rejects recursive functions before anything runs.
//!
//! Rego forbids recursion. The interpreter catches a rule that depends on itself while
//! evaluating, but not a function that calls itself (directly or through other functions),
//! which would exhaust the stack. This check walks the functions' bodies and finds a cycle in
//! the call graph. Calls are resolved the way Rego resolves them: `f` in the same package,
//! `alias.f` through an import, `data.pkg.f` as written.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use regorus::unstable::{Expr, Literal, Module, Query, Ref, Rule, RuleHead};
use regorus::utils::get_path_string;

/// Where a recursive function is defined: file, line, column and its name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recursion {
    pub file: String,
    pub line: u32,
    pub col: u32,
    pub function: String,
    pub cycle: Vec<String>,
}

struct Scope<'a> {
    package: String,
    imports: HashMap<String, String>,
    calls: &'a mut BTreeSet<String>,
}

impl Scope<'_> {
    fn resolve(&self, path: &str) -> String {
        if path.starts_with("data.") {
            return path.to_string();
        }
        let (first, rest) = path.split_once('.').unwrap_or((path, ""));
        if let Some(target) = self.imports.get(first) {
            return if rest.is_empty() {
                target.clone()
            } else {
                format!("{target}.{rest}")
            };
        }
        format!("{}.{path}", self.package)
    }

    fn expr(&mut self, e: &Expr) {
        match e {
            Expr::Call { fcn, params, .. } => {
                if let Ok(p) = get_path_string(fcn, None) {
                    let target = self.resolve(&p);
                    self.calls.insert(target);
                }
                for p in params {
                    self.expr(p);
                }
            }
            Expr::Array { items, .. } | Expr::Set { items, .. } => {
                for i in items {
                    self.expr(i);
                }
            }
            Expr::Object { fields, .. } => {
                for (_, k, v) in fields {
                    self.expr(k);
                    self.expr(v);
                }
            }
            Expr::ArrayCompr { term, query, .. } | Expr::SetCompr { term, query, .. } => {
                self.expr(term);
                self.query(query);
            }
            Expr::ObjectCompr {
                key, value, query, ..
            } => {
                self.expr(key);
                self.expr(value);
                self.query(query);
            }
            Expr::UnaryExpr { expr, .. } => self.expr(expr),
            Expr::RefDot { refr, .. } => self.expr(refr),
            Expr::RefBrack { refr, index, .. } => {
                self.expr(refr);
                self.expr(index);
            }
            Expr::BinExpr { lhs, rhs, .. }
            | Expr::BoolExpr { lhs, rhs, .. }
            | Expr::ArithExpr { lhs, rhs, .. }
            | Expr::AssignExpr { lhs, rhs, .. } => {
                self.expr(lhs);
                self.expr(rhs);
            }
            Expr::Membership {
                key,
                value,
                collection,
                ..
            } => {
                if let Some(k) = key {
                    self.expr(k);
                }
                self.expr(value);
                self.expr(collection);
            }
            _ => {}
        }
    }

    fn query(&mut self, q: &Query) {
        for stmt in &q.stmts {
            match &stmt.literal {
                Literal::SomeVars { .. } => {}
                Literal::SomeIn {
                    key,
                    value,
                    collection,
                    ..
                } => {
                    if let Some(k) = key {
                        self.expr(k);
                    }
                    self.expr(value);
                    self.expr(collection);
                }
                Literal::Expr { expr, .. } | Literal::NotExpr { expr, .. } => self.expr(expr),
                Literal::Every { domain, query, .. } => {
                    self.expr(domain);
                    self.query(query);
                }
            }
            for w in &stmt.with_mods {
                // `with f as g`: calls of f become calls of g.
                if let Ok(p) = get_path_string(&w.r#as, None) {
                    let target = self.resolve(&p);
                    self.calls.insert(target);
                }
                self.expr(&w.r#as);
            }
        }
    }
}

/// The first function (in load order) that takes part in a call cycle, if any.
pub fn find(modules: &[Ref<Module>]) -> Option<Recursion> {
    // Function path → (file, line, col) of its first definition, and the functions it calls.
    let mut defined: BTreeMap<String, (String, u32, u32)> = BTreeMap::new();
    let mut order: Vec<String> = Vec::new();
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for m in modules {
        let Ok(package) = get_path_string(&m.package.refr, Some("data")) else {
            continue;
        };
        let imports: HashMap<String, String> = m
            .imports
            .iter()
            .filter_map(|i| {
                let path = get_path_string(&i.refr, None).ok()?;
                let alias = match &i.r#as {
                    Some(a) => a.text().to_string(),
                    None => path.rsplit('.').next()?.to_string(),
                };
                Some((alias, path))
            })
            .collect();
        for rule in &m.policy {
            let Rule::Spec { head, bodies, .. } = rule.as_ref() else {
                continue;
            };
            let RuleHead::Func {
                refr, assign, span, ..
            } = head
            else {
                continue;
            };
            let Ok(name) = get_path_string(refr, None) else {
                continue;
            };
            let full = format!("{package}.{name}");
            if !defined.contains_key(&full) {
                defined.insert(
                    full.clone(),
                    (span.source.get_path().clone(), span.line, span.col),
                );
                order.push(full.clone());
            }
            let calls = edges.entry(full).or_default();
            let mut scope = Scope {
                package: package.clone(),
                imports: imports.clone(),
                calls,
            };
            if let Some(a) = assign {
                scope.expr(&a.value);
            }
            for b in bodies {
                if let Some(a) = &b.assign {
                    scope.expr(&a.value);
                }
                scope.query(&b.query);
            }
        }
    }
    // Depth-first search for a cycle; iterative, so a long chain cannot exhaust the stack.
    let mut state: HashMap<&str, u8> = HashMap::new(); // 1: on the path, 2: done
    for start in &order {
        if state.contains_key(start.as_str()) {
            continue;
        }
        let mut path: Vec<&str> = vec![start];
        let mut stack: Vec<Vec<&str>> = vec![callees(&edges, start)];
        state.insert(start, 1);
        while let Some(next) = stack.last_mut() {
            match next.pop() {
                Some(callee) => match state.get(callee) {
                    Some(1) => {
                        let from = path.iter().position(|p| *p == callee).unwrap_or(0);
                        let cycle: Vec<String> = path[from..]
                            .iter()
                            .chain(std::iter::once(&callee))
                            .map(|s| short(s))
                            .collect();
                        let (file, line, col) = defined.get(callee).cloned().unwrap_or_default();
                        return Some(Recursion {
                            file,
                            line,
                            col,
                            function: short(callee),
                            cycle,
                        });
                    }
                    Some(_) => {}
                    None => {
                        state.insert(callee, 1);
                        path.push(callee);
                        stack.push(callees(&edges, callee));
                    }
                },
                None => {
                    stack.pop();
                    if let Some(done) = path.pop() {
                        state.insert(done, 2);
                    }
                }
            }
        }
    }
    None
}

fn callees<'a>(edges: &'a BTreeMap<String, BTreeSet<String>>, f: &str) -> Vec<&'a str> {
    edges
        .get(f)
        .map(|c| {
            c.iter()
                .filter(|c| edges.contains_key(c.as_str()))
                .map(String::as_str)
                .collect()
        })
        .unwrap_or_default()
}

fn short(path: &str) -> String {
    path.strip_prefix("data.").unwrap_or(path).to_string()
}
