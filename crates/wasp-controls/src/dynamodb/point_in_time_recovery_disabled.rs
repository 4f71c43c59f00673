use wasp_core::Severity;
use wasp_model::{KindTag, Model, Resource};

use crate::helpers::must_be_true;
use crate::{checkov, fsbp, Area, Outcome};

crate::declare! {
    id: "WASP-DYNAMODB-001",
    name: "dynamodb-point-in-time-recovery-disabled",
    title: "DynamoDB table has no point-in-time recovery",
    severity: Severity::Medium,
    area: Area::DataAtRest,
    best_practices: &["SEC07-BP04"],
    kinds: &[KindTag::Table],
    references: &[fsbp("DynamoDB.2"), checkov("CKV_AWS_28")],
    remediation: "Enable PointInTimeRecoverySpecification (point_in_time_recovery) on the table.",
    doc: r#"## What it checks
That the table enables point-in-time recovery (`PointInTimeRecoveryEnabled`,
`point_in_time_recovery { enabled = true }`; off by default).

## Why it matters
Point-in-time recovery keeps continuous backups of the table for up to 35 days, so the table can
be restored to any second before an accidental or malicious write or delete. Without it, a bad
batch job or a compromised application can destroy data with no way back.

## Remediation
```yaml
PointInTimeRecoverySpecification:
  PointInTimeRecoveryEnabled: true
```
```hcl
point_in_time_recovery {
  enabled = true
}
```
"#,
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Some(t) = super::table(res) else {
        return vec![];
    };
    vec![must_be_true(
        &t.point_in_time_recovery,
        false,
        res.property("point_in_time_recovery"),
    )]
}
