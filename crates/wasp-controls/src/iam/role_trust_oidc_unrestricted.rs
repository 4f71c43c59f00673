use wasp_core::Severity;
use wasp_iam::analyze::exposure::{analyze, Exposure};
use wasp_iam::model::PrincipalType;
use wasp_model::{KindTag, Model, Resource};

use super::engine::{
    names_principal_type, readable, statement_pos, trust_policy, OWNER, UNKNOWN_PROVIDER,
};
use crate::helpers::{fail, unknown};
use crate::{checkov, Area, Outcome};

crate::declare! {
    id: "WASP-IAM-013",
    name: "iam-role-trust-oidc-unrestricted",
    title: "IAM role trusts a web identity provider without restricting the subject or audience",
    severity: Severity::Critical,
    area: Area::Identity,
    best_practices: &["SEC02-BP04", "SEC03-BP07"],
    kinds: &[KindTag::Role],
    references: &[checkov("CKV_AWS_358")],
    remediation: "Add a `StringEquals`/`StringLike` condition on the token's `sub` (GitHub: `repo:org/repo:ref:refs/heads/main`) and `aud` claims.",
    doc: r#"## What it checks
Statements of the role's trust policy that admit a web identity federation principal
(`sts:AssumeRoleWithWebIdentity`): GitHub Actions (`token.actions.githubusercontent.com`)
needs a condition on the token subject (`...:sub`), Cognito identity pools
(`cognito-identity.amazonaws.com`) one on the audience (`...:aud`, the identity pool id), and
any other OIDC provider one on the subject or the audience. A condition with `IfExists` or a
bare wildcard value does not count. The provider is read from the ARN, from an
`AWS::IAM::OIDCProvider` / `aws_iam_openid_connect_provider` of the same template, or from the
condition keys; when it cannot be told and only an audience condition is present, the result is
Unknown (GitHub needs the subject).

## Why it matters
Anyone can obtain a GitHub Actions token: every repository of every GitHub user can run a
workflow. Without a condition on `sub`, any of them can assume the role. The same holds for
any OIDC provider that issues tokens to the public.

## Remediation
```yaml
Condition:
  StringEquals:
    token.actions.githubusercontent.com:aud: sts.amazonaws.com
  StringLike:
    token.actions.githubusercontent.com:sub: repo:example-org/app:ref:refs/heads/main
```
```hcl
condition {
  test     = "StringLike"
  variable = "token.actions.githubusercontent.com:sub"
  values   = ["repo:example-org/app:ref:refs/heads/main"]
}
```
"#,
}

pub fn check(res: &Resource, model: &Model) -> Vec<Outcome> {
    let Some((parsed, d)) = trust_policy(res, model) else {
        return vec![];
    };
    if !names_principal_type(d, "Federated") {
        return vec![];
    }
    let policy = match parsed {
        Ok(p) => p,
        Err((r, p)) => return vec![unknown(r, Some(p))],
    };
    let node = d.document.known();
    let federated = |s: &wasp_iam::Statement| -> Vec<String> {
        s.principal
            .as_ref()
            .filter(|p| !p.negated && !p.is_everyone())
            .map(|p| {
                p.entries
                    .iter()
                    .filter(|(t, v)| {
                        *t == PrincipalType::Federated && !v.contains(":saml-provider/")
                    })
                    .map(|(_, v)| v.clone())
                    .collect()
            })
            .unwrap_or_default()
    };
    let hits = analyze(&policy, Some(OWNER), &[]);
    let mut out = Vec::new();
    let mut any = false;
    for s in &policy.statements {
        if s.effect != Some(wasp_iam::Effect::Allow) {
            continue;
        }
        let providers = federated(s);
        if providers.is_empty() {
            continue;
        }
        any = true;
        let pos = statement_pos(node, s.index, d.pos);
        if let Some(hit) = hits
            .iter()
            .find(|h| h.statement == s.index && h.exposure == Exposure::Public)
        {
            out.push(fail(
                format!("trust policy: {}", readable(&hit.message)),
                Some(pos),
            ));
            continue;
        }
        let unknown_provider = providers.iter().any(|p| p.ends_with(UNKNOWN_PROVIDER));
        let has = |suffix: &str| {
            s.conditions
                .iter()
                .any(|c| c.key.to_ascii_lowercase().ends_with(suffix) && !c.operator.if_exists)
        };
        if unknown_provider && !has(":sub") {
            out.push(unknown(
                format!(
                    "trust policy {}: the identity provider is known only at deploy time and only the audience is restricted; a GitHub Actions provider also needs a condition on `sub`",
                    s.label()
                ),
                Some(pos),
            ));
        }
    }
    if !any {
        return vec![];
    }
    if out.is_empty() {
        out.push(Outcome::Pass);
    }
    out
}
