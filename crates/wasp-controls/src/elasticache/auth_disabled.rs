use wasp_core::Severity;
use wasp_model::{KindTag, Model, Resource, Value};

use crate::helpers::{fail, unknown};
use crate::{checkov, fsbp, Area, Outcome};

crate::declare! {
    id: "WASP-ELASTICACHE-003",
    name: "elasticache-auth-disabled",
    title: "ElastiCache replication group does not authenticate clients",
    severity: Severity::Medium,
    area: Area::DataAtRest,
    best_practices: &["SEC08-BP04", "SEC09-BP03"],
    kinds: &[KindTag::CacheGroup],
    references: &[fsbp("ElastiCache.6"), checkov("CKV_AWS_31")],
    remediation: "Associate user groups (role-based access control) or set an AuthToken from Secrets Manager, with transit encryption on.",
    doc: r#"## What it checks
That the replication group authenticates its clients: with user groups (role-based access
control, `UserGroupIds`, `user_group_ids`) or an AUTH token (`AuthToken`, `auth_token`). Both
require transit encryption.

## Why it matters
Without authentication, anything that can reach the cache port inside the network can read and
overwrite every key, including session data and cached secrets. Network reachability should not
be the only control between a compromised workload and the data.

## Remediation
```yaml
TransitEncryptionEnabled: true
UserGroupIds:
  - !Ref CacheUsers
```
```hcl
transit_encryption_enabled = true
user_group_ids             = [aws_elasticache_user_group.app.user_group_id]
```
"#,
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Some(g) = super::group(res) else {
        return vec![];
    };
    let token = res.property("auth_token");
    let groups = res.property("user_groups");
    match (&g.user_groups, &g.auth_token) {
        (Value::Known(true, _), _) | (_, Value::Known(true, _)) => vec![Outcome::Pass],
        (Value::Unknown(r, p), _) => vec![unknown(format!("{groups}: {r}"), Some(*p))],
        (_, Value::Unknown(r, p)) => vec![unknown(format!("{token}: {r}"), Some(*p))],
        _ => vec![fail(
            format!("neither {groups} nor {token} is set: clients are not authenticated"),
            None,
        )],
    }
}
