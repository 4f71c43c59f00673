use wasp_core::Severity;
use wasp_model::{Kind, KindTag, Model, Resource};

use crate::helpers::must_be_false;
use crate::{checkov, fsbp, Area, Outcome};

crate::declare! {
    id: "WASP-COGNITO-004",
    name: "cognito-identity-pool-unauthenticated-access",
    title: "Cognito identity pool gives AWS credentials to unauthenticated guests",
    severity: Severity::Medium,
    area: Area::Identity,
    best_practices: &["SEC03-BP07"],
    kinds: &[KindTag::IdentityPool],
    references: &[fsbp("Cognito.2"), checkov("CKV_AWS_366")],
    remediation: "Set `AllowUnauthenticatedIdentities` / `allow_unauthenticated_identities` to false; if guests are needed, give their role only the few actions they must call.",
    doc: r#"## What it checks
That the identity pool's `AllowUnauthenticatedIdentities` (`allow_unauthenticated_identities`)
is false. Terraform defaults it to false; CloudFormation requires it.

## Why it matters
Guest access hands temporary AWS credentials for the pool's unauthenticated role to anyone who
knows the identity pool id, which ships inside every web and mobile client. Whatever that role
may do is public.

## Remediation
```yaml
IdentityPool:
  Type: AWS::Cognito::IdentityPool
  Properties:
    AllowUnauthenticatedIdentities: false
```
```hcl
resource "aws_cognito_identity_pool" "app" {
  identity_pool_name               = "app"
  allow_unauthenticated_identities = false
}
```
"#,
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Kind::IdentityPool(p) = &res.kind else {
        return vec![];
    };
    vec![must_be_false(
        &p.allow_unauthenticated,
        false,
        res.property("allow_unauthenticated"),
    )]
}
