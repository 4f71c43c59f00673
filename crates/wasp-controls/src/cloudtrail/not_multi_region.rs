use wasp_core::Severity;
use wasp_model::{KindTag, Model, Resource};

use crate::helpers::must_be_true;
use crate::{checkov, cis, fsbp, Area, Outcome};

crate::declare! {
    id: "WASP-CT-001",
    name: "cloudtrail-not-multi-region",
    title: "CloudTrail trail does not cover all regions",
    severity: Severity::Medium,
    area: Area::Detection,
    best_practices: &["SEC04-BP01"],
    kinds: &[KindTag::Trail],
    references: &[cis("3.1"), fsbp("CloudTrail.1"), checkov("CKV_AWS_67")],
    remediation: "Set IsMultiRegionTrail to true.",
    doc: r#"## What it checks
That the trail sets `IsMultiRegionTrail: true`.

## Why it matters
Attackers use the regions nobody watches. A single-region trail records nothing of activity in
the others, including resources created there to mine or to persist.

## Remediation
```yaml
Trail:
  Type: AWS::CloudTrail::Trail
  Properties:
    IsLogging: true
    IsMultiRegionTrail: true
```
```hcl
resource "aws_cloudtrail" "main" {
  is_multi_region_trail = true
}
```
"#,
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    super::trail(res)
        .map(|t| {
            vec![must_be_true(
                &t.multi_region,
                false,
                res.property("multi_region"),
            )]
        })
        .unwrap_or_default()
}
