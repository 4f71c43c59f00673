use wasp_core::Severity;
use wasp_model::{Kind, KindTag, Model, Resource};

use crate::helpers::{fail, unknown};
use crate::net_support::public_statements;
use crate::{checkov, Area, Outcome};

crate::declare! {
    id: "WASP-ECR-003",
    name: "ecr-repository-policy-public",
    title: "ECR repository policy allows anyone",
    severity: Severity::High,
    area: Area::Identity,
    best_practices: &["SEC03-BP07", "SEC06-BP04"],
    kinds: &[KindTag::EcrRepository],
    references: &[checkov("CKV_AWS_32")],
    remediation: "Name the accounts or the organization (aws:PrincipalOrgID) that may pull; publish public images through ECR Public instead.",
    doc: r#"## What it checks
The repository policy (`RepositoryPolicyText`, or an `aws_ecr_repository_policy` of the same
configuration): no `Allow` statement may name every principal (`"*"` or `{"AWS": "*"}`, or
use `NotPrincipal`) without a condition.

## Why it matters
A private repository readable by anyone leaks the images and everything baked into them:
code, configuration, sometimes credentials. If the statement also allows push actions, anyone
can replace the images your workloads run. Access should be granted to named accounts or to
your organization.

## Remediation
```yaml
RepositoryPolicyText:
  Version: "2012-10-17"
  Statement:
    - Effect: Allow
      Principal: "*"
      Action: ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"]
      Condition:
        StringEquals:
          aws:PrincipalOrgID: o-exampleorgid
```
```hcl
policy = jsonencode({
  Version = "2012-10-17"
  Statement = [{
    Effect    = "Allow"
    Principal = "*"
    Action    = ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"]
    Condition = { StringEquals = { "aws:PrincipalOrgID" = "o-exampleorgid" } }
  }]
})
```
"#,
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Kind::EcrRepository(r) = &res.kind else {
        return vec![];
    };
    let Some(doc) = &r.policy else {
        return vec![Outcome::Pass];
    };
    match public_statements(doc) {
        Ok(hits) if hits.is_empty() => vec![Outcome::Pass],
        Ok(hits) => hits
            .into_iter()
            .map(|p| fail("a statement allows anyone without a condition", Some(p)))
            .collect(),
        Err((reason, p)) => vec![unknown(format!("repository policy: {reason}"), Some(p))],
    }
}
