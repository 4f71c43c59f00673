//! Lint, as Parliament does: unknown services, actions and condition keys; resource ARNs that
//! cannot match any resource type of the action; `Allow` with `NotAction` or `NotResource`;
//! redundant statements and actions.

use wasp_core::Severity;

use crate::actions::{ActionDb, ActionRef};
use crate::matcher::{ArnPattern, Pattern};
use crate::model::{Effect, Policy, Statement};

/// One lint hit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LintHit {
    /// Rule name.
    pub rule: &'static str,
    /// Severity.
    pub severity: Severity,
    /// JSON path of the element.
    pub path: String,
    /// Statement label.
    pub statement: String,
    /// What is wrong.
    pub message: String,
}

/// Above this many actions in a statement (or statements in a policy), the pairwise redundancy
/// checks are skipped: AWS's own size limits keep real policies far below it.
const MAX_PAIRWISE: usize = 2_000;

/// Lints one policy.
pub fn lint(policy: &Policy) -> Vec<LintHit> {
    let db = ActionDb::get();
    let mut out = Vec::new();
    for s in &policy.statements {
        let mut hit = |rule, severity, path: String, message: String| {
            out.push(LintHit {
                rule,
                severity,
                path,
                statement: s.label(),
                message,
            })
        };
        // Actions.
        if let Some(items) = &s.action {
            let el = if items.negated { "NotAction" } else { "Action" };
            for (i, a) in items.values.iter().enumerate() {
                let path = format!("{}.{el}[{i}]", s.path);
                if a == "*" {
                    continue;
                }
                let Some((svc, name)) = a.split_once(':') else {
                    continue; // reported by validation
                };
                let svc_wild = svc.contains(['*', '?']);
                if !svc_wild && db.service(svc).is_none() {
                    hit(
                        "unknown-service",
                        Severity::Medium,
                        path,
                        format!("`{a}`: no AWS service has the prefix `{svc}`"),
                    );
                    continue;
                }
                if db.expand(a).is_empty() {
                    let (rule, msg) = if name.contains(['*', '?']) || svc_wild {
                        (
                            "action-matches-nothing",
                            format!("`{a}` matches no known action"),
                        )
                    } else {
                        (
                            "unknown-action",
                            format!("`{a}` is not an action of `{svc}`"),
                        )
                    };
                    hit(rule, Severity::Medium, path, msg);
                }
            }
            // Redundant actions within the statement (quadratic: bounded for hostile input).
            let pats: Vec<Pattern> = if items.values.len() > MAX_PAIRWISE {
                Vec::new()
            } else {
                items
                    .values
                    .iter()
                    .map(|v| Pattern::new(v, false, true))
                    .collect()
            };
            for (i, a) in items.values.iter().enumerate().take(pats.len()) {
                let lower = a.to_ascii_lowercase();
                if let Some(j) = pats.iter().enumerate().position(|(j, p)| {
                    j != i
                        && p.matches(&lower)
                        && (items.values[j].to_ascii_lowercase() != lower || j < i)
                }) {
                    hit(
                        "redundant-action",
                        Severity::Low,
                        format!("{}.{el}[{i}]", s.path),
                        format!("`{a}` is already covered by `{}`", items.values[j]),
                    );
                }
            }
        }
        // Allow with NotAction / NotResource.
        if s.effect == Some(Effect::Allow) {
            if s.action.as_ref().is_some_and(|a| a.negated) {
                hit(
                    "allow-with-not-action",
                    Severity::Medium,
                    format!("{}.NotAction", s.path),
                    "Allow with NotAction grants every other action, including ones added to AWS later"
                        .into(),
                );
            }
            if s.resource.as_ref().is_some_and(|r| r.negated) {
                hit(
                    "allow-with-not-resource",
                    Severity::Medium,
                    format!("{}.NotResource", s.path),
                    "Allow with NotResource grants every other resource, including ones created later"
                        .into(),
                );
            }
        }
        // Condition keys.
        for c in &s.conditions {
            if !db.is_known_condition_key(&c.key) {
                hit(
                    "unknown-condition-key",
                    Severity::Medium,
                    format!("{}.Condition.{}.{}", s.path, c.operator.name(), c.key),
                    format!("condition key `{}` is not known", c.key),
                );
            }
        }
        resource_mismatch(s, db, &mut out);
    }
    redundant_statements(policy, &mut out);
    out
}

/// Replaces `${...}` (policy variables, ARN-format placeholders) with `*`.
fn placeholders_to_star(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len());
    let mut rest = pattern;
    while let Some(i) = rest.find("${") {
        out.push_str(&rest[..i]);
        out.push('*');
        rest = match rest[i..].find('}') {
            Some(j) => &rest[i + j + 1..],
            None => "",
        };
    }
    out.push_str(rest);
    out
}

/// True when some string matches both globs (`*`, `?`): a dynamic program over positions.
pub fn globs_intersect(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let (n, m) = (a.len(), b.len());
    // reach[i][j]: prefixes a[..i] and b[..j] can be matched by one common string.
    let mut reach = vec![vec![false; m + 1]; n + 1];
    reach[0][0] = true;
    for i in 0..=n {
        for j in 0..=m {
            if !reach[i][j] {
                continue;
            }
            if i < n && a[i] == '*' {
                reach[i + 1][j] = true; // the star matches nothing more
                if j < m {
                    reach[i][j + 1] = true; // the star absorbs b's next token
                }
            }
            if j < m && b[j] == '*' {
                reach[i][j + 1] = true;
                if i < n {
                    reach[i + 1][j] = true;
                }
            }
            if i < n
                && j < m
                && a[i] != '*'
                && b[j] != '*'
                && (a[i] == b[j] || a[i] == '?' || b[j] == '?')
            {
                reach[i + 1][j + 1] = true;
            }
        }
    }
    reach[n][m]
}

/// True when the policy's resource pattern and an ARN format can match a common ARN
/// (segment by segment, the sixth segment keeping its colons).
fn may_overlap(resource: &str, format_text: &str) -> bool {
    if resource == "*" {
        return true;
    }
    let r = placeholders_to_star(resource);
    let f = placeholders_to_star(format_text);
    let rs: Vec<&str> = r.splitn(6, ':').collect();
    let fs: Vec<&str> = f.splitn(6, ':').collect();
    if rs.len() != 6 || fs.len() != 6 {
        return globs_intersect(&r, &f);
    }
    rs.iter().zip(&fs).all(|(a, b)| globs_intersect(a, b))
}

fn resource_mismatch(s: &Statement, db: &ActionDb, out: &mut Vec<LintHit>) {
    let (Some(actions), Some(resources)) = (&s.action, &s.resource) else {
        return;
    };
    if actions.negated || resources.negated {
        return;
    }
    let specific: Vec<&String> = resources
        .values
        .iter()
        .filter(|r| !ArnPattern::new(r, true).matches_everything())
        .collect();
    if specific.len() != resources.values.len() || specific.is_empty() {
        return; // a `*` resource covers every action
    }
    for (i, a) in actions.values.iter().enumerate() {
        let refs: Vec<ActionRef<'_>> = db.expand(a);
        if refs.is_empty() || refs.len() > 50 {
            continue;
        }
        let any_match = refs.iter().any(|r| {
            if r.action.resource_types.is_empty() {
                return false;
            }
            r.action.resource_types.iter().any(|&(ti, _)| {
                let t = &r.service.resource_types[ti];
                specific.iter().any(|res| may_overlap(res, &t.arn))
            })
        });
        if !any_match {
            let only_star = refs.iter().all(|r| r.action.resource_types.is_empty());
            let message = if only_star {
                format!("`{a}` does not support resource-level permissions: it needs `\"Resource\": \"*\"`; the listed resources never match")
            } else {
                format!(
                    "no resource listed can match a resource type of `{a}` (for example {})",
                    refs[0]
                        .action
                        .resource_types
                        .iter()
                        .map(|&(ti, _)| refs[0].service.resource_types[ti].arn.as_str())
                        .next()
                        .unwrap_or("-")
                )
            };
            out.push(LintHit {
                rule: "resource-mismatch",
                severity: Severity::Low,
                path: format!("{}.Action[{i}]", s.path),
                statement: s.label(),
                message,
            });
        }
    }
}

/// A statement entirely covered by another of the same effect that has no conditions and
/// covers every resource of the first.
fn redundant_statements(policy: &Policy, out: &mut Vec<LintHit>) {
    let st = &policy.statements;
    if st.len() > MAX_PAIRWISE {
        return;
    }
    for (i, a) in st.iter().enumerate() {
        for (j, b) in st.iter().enumerate() {
            if i == j || a.effect.is_none() || a.effect != b.effect || !b.conditions.is_empty() {
                continue;
            }
            if a.principal != b.principal {
                continue;
            }
            let (Some(aa), Some(ba)) = (&a.action, &b.action) else {
                continue;
            };
            if aa.negated || ba.negated {
                continue;
            }
            let bp: Vec<Pattern> = ba
                .values
                .iter()
                .map(|v| Pattern::new(v, false, true))
                .collect();
            let actions_covered = aa
                .values
                .iter()
                .all(|v| bp.iter().any(|p| p.matches(&v.to_ascii_lowercase())));
            let resources_covered = match (&a.resource, &b.resource) {
                (_, None) => true,
                (None, Some(_)) => false,
                (Some(ar), Some(br)) => {
                    !ar.negated
                        && !br.negated
                        && ar.values.iter().all(|v| {
                            br.values
                                .iter()
                                .any(|p| ArnPattern::new(p, false).matches(v) || p == v)
                        })
                }
            };
            // Identical statements: report only the later one.
            let identical =
                a.action == b.action && a.resource == b.resource && a.conditions == b.conditions;
            if actions_covered && resources_covered && (!identical || i > j) {
                out.push(LintHit {
                    rule: "redundant-statement",
                    severity: Severity::Low,
                    path: a.path.clone(),
                    statement: a.label(),
                    message: format!(
                        "everything {} grants is already granted by {}",
                        a.label(),
                        b.label()
                    ),
                });
                break;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{parse_policy_str, PolicyKind};

    fn rules(doc: &str) -> Vec<&'static str> {
        lint(&parse_policy_str(doc, PolicyKind::Identity).unwrap())
            .into_iter()
            .map(|h| h.rule)
            .collect()
    }

    #[test]
    fn unknowns() {
        let r = rules(
            r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObjekt","nosuch:Get","s3:Frob*"],"Resource":"*",
            "Condition":{"StringEquals":{"aws:SourceIpAddress":"x"}}}]}"#,
        );
        assert!(r.contains(&"unknown-action"));
        assert!(r.contains(&"unknown-service"));
        assert!(r.contains(&"action-matches-nothing"));
        assert!(r.contains(&"unknown-condition-key"));
    }

    #[test]
    fn mismatches() {
        let r = rules(
            r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::bucket"}]}"#,
        );
        assert_eq!(r, vec!["resource-mismatch"]);
        let r = rules(
            r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::bucket/*"}]}"#,
        );
        assert!(r.is_empty(), "{r:?}");
        let r = rules(
            r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::*"}]}"#,
        );
        assert!(r.is_empty(), "{r:?}");
        let r = rules(
            r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:ListAllMyBuckets","Resource":"arn:aws:s3:::bucket"}]}"#,
        );
        assert_eq!(r, vec!["resource-mismatch"]);
    }

    #[test]
    fn glob_intersection() {
        assert!(globs_intersect("*aws-data-exchange*", "*/*"));
        assert!(globs_intersect(
            "log-group:/aws/x/*",
            "log-group:*:log-stream:*"
        ));
        assert!(!globs_intersect("bucket", "*/*"));
        assert!(globs_intersect("a?c", "*b*"));
        assert!(!globs_intersect("abc", "abd"));
        assert!(globs_intersect("", "*"));
    }

    #[test]
    fn not_action_and_redundancy() {
        let r = rules(
            r#"{"Version":"2012-10-17","Statement":[
            {"Effect":"Allow","NotAction":"iam:*","NotResource":"arn:aws:s3:::x"},
            {"Effect":"Allow","Action":["s3:*","s3:GetObject"],"Resource":"*"},
            {"Effect":"Allow","Action":"s3:PutObject","Resource":"arn:aws:s3:::b/*"}]}"#,
        );
        assert!(r.contains(&"allow-with-not-action"));
        assert!(r.contains(&"allow-with-not-resource"));
        assert!(r.contains(&"redundant-action"));
        assert!(r.contains(&"redundant-statement"));
    }
}
