use wasp_core::Severity;
use wasp_model::{Kind, KindTag, Model, Resource};

use crate::resource_policy::must_not_be_public;
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
configuration): no `Allow` statement may admit every principal (`"*"`, `{"AWS": "*"}`, or
`NotPrincipal`) without a condition that really restricts the caller (`aws:PrincipalOrgID`,
`aws:PrincipalAccount`, `aws:SourceVpce`, `aws:SourceIp` ...; `...IfExists` operators, wildcard
values and conditions on other things, such as `aws:SecureTransport`, do not count), as IAM
Access Analyzer judges it.

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

pub fn check(res: &Resource, model: &Model) -> Vec<Outcome> {
    let Kind::EcrRepository(r) = &res.kind else {
        return vec![];
    };
    let Some(doc) = &r.policy else {
        return vec![Outcome::Pass];
    };
    must_not_be_public(doc, model)
}
