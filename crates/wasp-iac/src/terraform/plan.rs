//! Plan JSON (`terraform show -json plan.out`): planned values are exact; values known only after
//! apply (`after_unknown`) are unknown, or references when the configuration shows which
//! resource they come from.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::Path;
use std::sync::Arc;

use wasp_core::InputError;
use wasp_model::{Node, Ref, V};

use super::adapter::{adapt, RawRes};
use super::TfLoad;

const MAX_PLAN_DEPTH: usize = 64;
const AFTER_APPLY: &str = "known only after apply";

/// True when the document is Terraform plan JSON.
pub fn is_plan(doc: &Node) -> bool {
    doc.get("format_version").is_some()
        && (doc.get("planned_values").is_some() || doc.get("resource_changes").is_some())
}

/// Loads the managed resources of a plan.
pub fn load_plan(path: &Path, doc: &Node) -> TfLoad {
    let file = Arc::new(path.to_path_buf());
    let mut errors = Vec::new();
    // after_unknown by address.
    let mut unknown: HashMap<String, &Node> = HashMap::new();
    for rc in wasp_model::items(doc.get("resource_changes")) {
        if let (Some(a), Some(au)) = (
            rc.get("address").and_then(Node::as_str),
            wasp_model::path(Some(rc), &["change", "after_unknown"]),
        ) {
            unknown.insert(a.to_string(), au);
        }
    }
    // Configuration expressions by module path (indices removed) and resource address.
    let mut config: HashMap<String, &Node> = HashMap::new();
    if let Some(root) = wasp_model::path(Some(doc), &["configuration", "root_module"]) {
        config_walk(root, "", &mut config, 0);
    }
    let mut found = Vec::new();
    match wasp_model::path(Some(doc), &["planned_values", "root_module"]) {
        Some(root) => walk(root, &mut found, 0),
        None => errors.push(InputError::new(
            path,
            doc.pos,
            "plan has no `planned_values.root_module`",
        )),
    }
    let addresses: HashSet<String> = found
        .iter()
        .filter_map(|r| r.get("address").and_then(Node::as_str).map(str::to_string))
        .collect();
    let mut raw = Vec::new();
    for r in found {
        if r.get("mode").and_then(Node::as_str) != Some("managed") {
            continue;
        }
        let (Some(address), Some(rtype)) = (
            r.get("address").and_then(Node::as_str),
            r.get("type").and_then(Node::as_str),
        ) else {
            errors.push(InputError::new(
                path,
                r.pos,
                "plan resource without address or type",
            ));
            continue;
        };
        let mut body = r
            .get("values")
            .filter(|v| v.as_map().is_some())
            .cloned()
            .unwrap_or_else(|| Node::map(r.pos, Default::default()));
        if let Some(au) = unknown.get(address) {
            overlay(&mut body, au, 0);
        }
        let (module, plain) = split_module(address);
        let cfg_key = format!("{}{}", strip_indices(&module), strip_index(plain));
        let mut refs = BTreeSet::new();
        if let (Some(exprs), Some(map)) = (config.get(&cfg_key), body.as_map()) {
            let mut updates = Vec::new();
            for e in &map.entries {
                let Some(rs) = wasp_model::path(Some(exprs), &[&e.key, "references"]) else {
                    continue;
                };
                let mut first: Option<Ref> = None;
                for s in wasp_model::items(Some(rs))
                    .iter()
                    .filter_map(|x| x.as_str())
                {
                    if let Some(rf) = resolve(&module, s, &addresses) {
                        refs.insert(rf.target.to_string());
                        if first.is_none() {
                            first = Some(rf);
                        }
                    }
                }
                if let (Some(rf), true) = (first, e.value.is_unknown()) {
                    updates.push((e.key.clone(), Node::new(e.value.pos, V::Ref(rf))));
                }
            }
            if let V::Map(m) = &mut body.v {
                for (k, v) in updates {
                    if let Some(e) = m.entries.iter_mut().find(|e| e.key == k) {
                        e.value = v;
                    }
                }
            }
        }
        raw.push(RawRes {
            address: address.to_string(),
            rtype: rtype.to_string(),
            file: file.clone(),
            pos: r.pos,
            body,
            refs,
        });
    }
    TfLoad {
        model: adapt(raw, &super::PLAN_SOURCE, Vec::new()),
        errors,
        files: vec![path.to_path_buf()],
    }
}

fn walk<'a>(module: &'a Node, out: &mut Vec<&'a Node>, depth: usize) {
    if depth > MAX_PLAN_DEPTH {
        return;
    }
    out.extend(wasp_model::items(module.get("resources")));
    for c in wasp_model::items(module.get("child_modules")) {
        walk(c, out, depth + 1);
    }
}

fn config_walk<'a>(
    module: &'a Node,
    prefix: &str,
    out: &mut HashMap<String, &'a Node>,
    depth: usize,
) {
    if depth > MAX_PLAN_DEPTH {
        return;
    }
    for r in wasp_model::items(module.get("resources")) {
        if let (Some(a), Some(e)) = (
            r.get("address").and_then(Node::as_str),
            r.get("expressions"),
        ) {
            out.insert(format!("{prefix}{a}"), e);
        }
    }
    if let Some(calls) = module.get("module_calls").and_then(Node::as_map) {
        for (name, call) in calls.iter() {
            if let Some(m) = call.get("module") {
                config_walk(m, &format!("{prefix}module.{name}."), out, depth + 1);
            }
        }
    }
}

/// Marks the parts of `values` that `after_unknown` says are known only after apply.
fn overlay(values: &mut Node, au: &Node, depth: usize) {
    if depth > MAX_PLAN_DEPTH {
        return;
    }
    match (&mut values.v, &au.v) {
        (_, V::Bool(true)) => *values = Node::unknown(values.pos, AFTER_APPLY),
        (V::Map(m), V::Map(am)) => {
            for (k, a) in am.iter() {
                match m.entries.iter_mut().find(|e| &*e.key == k) {
                    Some(e) => overlay(&mut e.value, a, depth + 1),
                    None if a.as_bool() == Some(true) => {
                        let pos = values.pos;
                        m.insert(k, pos, Node::unknown(pos, AFTER_APPLY));
                    }
                    None => {}
                }
            }
        }
        (V::Seq(s), V::Seq(asq)) => {
            for (v, a) in s.iter_mut().zip(asq) {
                overlay(v, a, depth + 1);
            }
            // after_unknown may list more elements than the values (all unknown).
            if asq.len() > s.len() {
                for a in &asq[s.len()..] {
                    if a.as_bool() == Some(true) {
                        s.push(Node::unknown(values.pos, AFTER_APPLY));
                    }
                }
            }
        }
        (V::Null, V::Map(_) | V::Seq(_)) if au.contains_unknown() => {}
        _ => {}
    }
}

/// `module.a[0].module.b.aws_x.y[1]` → (`module.a[0].module.b.`, `aws_x.y[1]`).
fn split_module(address: &str) -> (String, &str) {
    let mut rest = address;
    let mut module = String::new();
    while let Some(r) = rest.strip_prefix("module.") {
        // The module name ends at the next '.' outside brackets.
        let mut depth = 0;
        let mut end = None;
        for (i, c) in r.char_indices() {
            match c {
                '[' => depth += 1,
                ']' => depth -= 1,
                '.' if depth == 0 => {
                    end = Some(i);
                    break;
                }
                _ => {}
            }
        }
        let Some(end) = end else { break };
        module.push_str(&rest[..7 + end + 1]);
        rest = &r[end + 1..];
    }
    (module, rest)
}

fn strip_index(s: &str) -> &str {
    s.find('[').map_or(s, |i| &s[..i])
}

fn strip_indices(s: &str) -> String {
    let mut out = String::new();
    let mut depth = 0;
    for c in s.chars() {
        match c {
            '[' => depth += 1,
            ']' => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// A configuration reference (`aws_s3_bucket.b.id`) as a reference to a planned resource.
fn resolve(module: &str, reference: &str, addresses: &HashSet<String>) -> Option<Ref> {
    let first = reference.split('.').next()?;
    if matches!(
        first,
        "var" | "local" | "module" | "data" | "count" | "each" | "path" | "self" | "terraform"
    ) {
        return None;
    }
    let full = format!("{module}{reference}");
    let mut cut = full.len();
    loop {
        let cand = &full[..cut];
        if addresses.contains(cand) {
            let attr = full[cut..].trim_start_matches('.');
            return Some(Ref {
                target: cand.into(),
                attr: (!attr.is_empty()).then(|| attr.into()),
            });
        }
        cut = full[..cut].rfind(['.', '['])?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_module_addresses() {
        assert_eq!(
            split_module("module.a[0].module.b.aws_x.y[1]"),
            ("module.a[0].module.b.".to_string(), "aws_x.y[1]")
        );
        assert_eq!(split_module("aws_x.y"), (String::new(), "aws_x.y"));
        assert_eq!(strip_indices("module.a[\"k.z\"]."), "module.a.");
    }

    #[test]
    fn resolves_references() {
        let set: HashSet<String> = ["aws_s3_bucket.b".to_string()].into_iter().collect();
        let r = resolve("", "aws_s3_bucket.b.id", &set).unwrap();
        assert_eq!(&*r.target, "aws_s3_bucket.b");
        assert_eq!(r.attr.as_deref(), Some("id"));
        assert!(resolve("", "var.x", &set).is_none());
    }
}
