//! CloudFormation (YAML, JSON, SAM) into the normalized model.
//!
//! Three steps: parse (YAML with short-form tags turned into their long `Fn::` forms, or JSON),
//! resolve intrinsic functions where the result is certain ([`resolve`]), and adapt resources of
//! known types into typed model kinds ([`adapt`]).

pub mod adapt;
pub mod resolve;
mod spelling;

use std::path::Path;
use std::sync::Arc;

use wasp_core::{InputError, Pos};
use wasp_model::{path, Entry, Map, Model, Node, V};

use crate::error::ParseError;
use crate::yaml::{self, TagPolicy};

/// CloudFormation as a source of the model, and how it spells the model's properties.
pub static SOURCE: wasp_model::SourceInfo = wasp_model::SourceInfo {
    name: "cloudformation",
    spelling: spelling::SPELLING,
};

/// Options of the CloudFormation loader.
#[derive(Debug, Clone, Default)]
pub struct CfnOptions {
    /// Parameter values that override defaults (`--param Key=Value`, parameters files).
    pub params: Vec<(String, String)>,
}

/// What loading one template gives.
#[derive(Debug, Default)]
pub struct CfnLoad {
    pub model: Model,
    /// Problems that do not stop the template from loading (for example a resource of the wrong
    /// shape); a template that cannot be parsed at all is an `Err` of [`load`] instead.
    pub errors: Vec<InputError>,
}

/// The CloudFormation short-form tags and the long forms they stand for.
pub struct CfnTags;

const FN_TAGS: &[&str] = &[
    "Base64",
    "Cidr",
    "FindInMap",
    "GetAtt",
    "GetAZs",
    "ImportValue",
    "Join",
    "Select",
    "Split",
    "Sub",
    "Transform",
    "If",
    "Equals",
    "And",
    "Or",
    "Not",
    "Length",
    "ToJsonString",
    "ForEach",
    // Rule functions (the `Rules` section).
    "Contains",
    "EachMemberEquals",
    "EachMemberIn",
    "RefAll",
    "ValueOf",
    "ValueOfAll",
];

impl TagPolicy for CfnTags {
    fn apply(&self, name: &str, node: Node, pos: Pos) -> Result<Node, String> {
        let key: Arc<str> = match name {
            "Ref" => "Ref".into(),
            "Condition" => "Condition".into(),
            n if FN_TAGS.contains(&n) => format!("Fn::{n}").into(),
            other => return Err(format!("unknown CloudFormation tag `!{other}`")),
        };
        // `!GetAtt Res.Attr` is the string form; keep it as is, resolve splits it.
        let mut map = Map::default();
        map.entries.push(Entry {
            key,
            key_pos: pos,
            value: node,
        });
        Ok(Node::map(pos, map))
    }
}

/// Does this text look like a CloudFormation template? A cheap sniff before parsing.
pub fn sniff(text: &str) -> bool {
    text.contains("AWSTemplateFormatVersion")
        || (text.contains("Resources") && (text.contains("AWS::") || text.contains("Alexa::")))
}

/// Is this parsed document a CloudFormation template?
pub fn is_template(doc: &Node) -> bool {
    let Some(m) = doc.as_map() else { return false };
    if m.get("AWSTemplateFormatVersion").is_some() {
        return true;
    }
    let Some(res) = m.get("Resources").and_then(Node::as_map) else {
        return false;
    };
    res.iter().any(|(_, r)| {
        r.get("Type")
            .and_then(Node::as_str)
            .is_some_and(|t| t.starts_with("AWS::") || t.starts_with("Alexa::"))
    })
}

/// Parses text as a CloudFormation document (JSON when it starts with `{`, YAML otherwise).
pub fn parse(text: &str) -> Result<Node, ParseError> {
    let trimmed = text.trim_start_matches('\u{feff}').trim_start();
    if trimmed.starts_with('{') {
        crate::json::parse(text)
    } else {
        yaml::parse(text, &CfnTags)
    }
}

/// Loads a parsed template into the model. Structural problems (a `Resources` that is not a
/// map, a resource without `Type`) are reported and the rest of the template still loads.
pub fn load(path: &Path, doc: &Node, opts: &CfnOptions) -> CfnLoad {
    let file = Arc::new(path.to_path_buf());
    let mut diag = Diag {
        path,
        errors: Vec::new(),
    };
    let model = load_into(file, doc, opts, &mut diag);
    CfnLoad {
        model,
        errors: diag.errors,
    }
}

/// Collects the problems of one template.
pub struct Diag<'p> {
    path: &'p Path,
    errors: Vec<InputError>,
}

impl Diag<'_> {
    pub fn push(&mut self, pos: Pos, message: impl Into<String>) {
        self.errors
            .push(InputError::new(self.path, pos, message.into()));
    }
}

fn load_into(
    file: wasp_core::FileRef,
    doc: &Node,
    opts: &CfnOptions,
    diag: &mut Diag<'_>,
) -> Model {
    let mut err = |pos: Pos, msg: String| diag.push(pos, msg);
    let Some(top) = doc.as_map() else {
        err(doc.pos, "template must be a mapping".into());
        return Model::default();
    };
    let resources = match top.get("Resources") {
        Some(Node { v: V::Map(m), .. }) => m,
        Some(n) => {
            err(
                n.pos,
                "`Resources` must be a mapping of logical ids to resources".into(),
            );
            return Model::default();
        }
        None => {
            err(doc.pos, "template has no `Resources` section".into());
            return Model::default();
        }
    };
    let mut ctx = resolve::Context::new(top, opts);
    let sam_globals = if is_sam(top) {
        path(Some(doc), &["Globals", "Function"]).and_then(|g| ctx.resolve(g))
    } else {
        None
    };
    let mut resolved = Vec::new();
    for e in &resources.entries {
        if e.key.starts_with("Fn::ForEach::") {
            // AWS::LanguageExtensions loop: its resources exist only after the transform.
            continue;
        }
        let Some(rmap) = e.value.as_map() else {
            err(
                e.value.pos,
                format!("resource `{}` must be a mapping", e.key),
            );
            continue;
        };
        let ty = match rmap.get_entry("Type") {
            Some(t) => match t.value.as_str() {
                Some(ty) => ty,
                None => {
                    err(
                        t.value.pos,
                        format!("`Type` of resource `{}` must be a string", e.key),
                    );
                    continue;
                }
            },
            None => {
                err(e.key_pos, format!("resource `{}` has no `Type`", e.key));
                continue;
            }
        };
        if let Some(cond) = rmap.get("Condition").and_then(Node::as_str) {
            if ctx.condition(cond) == Some(false) {
                continue;
            }
        }
        let mut props = match rmap.get("Properties") {
            None => Node::map(e.value.pos, Map::default()),
            Some(p) if p.as_map().is_some() => ctx
                .resolve(p)
                .unwrap_or_else(|| Node::map(p.pos, Map::default())),
            Some(p) => {
                err(
                    p.pos,
                    format!("`Properties` of `{}` must be a mapping", e.key),
                );
                continue;
            }
        };
        with_placeholders(&mut ctx, ty, rmap.get("Properties"), &mut props);
        let mut refs = std::collections::BTreeSet::new();
        collect_refs(&props, &mut refs);
        if let Some(dep) = rmap.get("DependsOn") {
            for d in wasp_model::items(Some(dep)) {
                if let Some(s) = d.as_str() {
                    refs.insert(s.to_string());
                }
            }
        }
        resolved.push(adapt::Raw {
            address: e.key.to_string(),
            source_type: ty.to_string(),
            pos: e.key_pos,
            props,
            metadata: rmap.get("Metadata").cloned(),
            refs,
        });
    }
    for (pos, msg) in ctx.take_problems() {
        err(pos, msg);
    }
    adapt::adapt(file, resolved, sam_globals.as_ref())
}

/// Resolves again, with placeholders, the properties of `ty` whose consumer reads them
/// ([`adapt::PLACEHOLDER_PROPERTIES`]) and that came out unknown.
fn with_placeholders(
    ctx: &mut resolve::Context<'_>,
    ty: &str,
    source: Option<&Node>,
    props: &mut Node,
) {
    let Some(source) = source else { return };
    for (_, keys) in adapt::PLACEHOLDER_PROPERTIES
        .iter()
        .filter(|(t, _)| *t == ty)
    {
        if !path(Some(props), keys).is_some_and(Node::contains_unknown) {
            continue;
        }
        let Some(raw) = keys
            .iter()
            .try_fold(source, |n, k| n.as_map().and_then(|m| m.get(k)))
        else {
            continue;
        };
        if let Some(v) = ctx.resolve_with_placeholders(raw) {
            set_path(props, keys, v);
        }
    }
}

/// Replaces the value at a path of map keys, if the path exists.
fn set_path(node: &mut Node, keys: &[&str], value: Node) {
    let Some((last, parents)) = keys.split_last() else {
        return;
    };
    let mut cur = node;
    for k in parents {
        let V::Map(m) = &mut cur.v else { return };
        let Some(e) = m.entries.iter_mut().find(|e| &*e.key == *k) else {
            return;
        };
        cur = &mut e.value;
    }
    if let V::Map(m) = &mut cur.v {
        if let Some(e) = m.entries.iter_mut().find(|e| &*e.key == *last) {
            e.value = value;
        }
    }
}

fn is_sam(top: &Map) -> bool {
    top.get("Transform").is_some_and(|t| {
        wasp_model::items(Some(t))
            .iter()
            .any(|x| x.as_str() == Some("AWS::Serverless-2016-10-31"))
    })
}

fn collect_refs(node: &Node, out: &mut std::collections::BTreeSet<String>) {
    match &node.v {
        V::Ref(r) => {
            out.insert(r.target.to_string());
        }
        V::Seq(s) => s.iter().for_each(|n| collect_refs(n, out)),
        V::Map(m) => m.entries.iter().for_each(|e| collect_refs(&e.value, out)),
        _ => {}
    }
}

#[cfg(test)]
mod tests;
