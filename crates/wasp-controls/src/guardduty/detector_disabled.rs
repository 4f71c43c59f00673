use wasp_core::Severity;
use wasp_model::{KindTag, Model, Resource};

use crate::helpers::must_be_true;
use crate::{checkov, fsbp, Area, Outcome};

crate::declare! {
    id: "WASP-GUARDDUTY-001",
    name: "guardduty-detector-disabled",
    title: "GuardDuty detector is suspended",
    severity: Severity::High,
    area: Area::Detection,
    best_practices: &["SEC04-BP03"],
    kinds: &[KindTag::Detector],
    references: &[fsbp("GuardDuty.1"), checkov("CKV_AWS_238")],
    remediation: "Set Enable (enable) to true on the detector.",
    doc: r#"## What it checks
That the GuardDuty detector is enabled: `Enable: true` in CloudFormation (a required property),
and `enable` not set to `false` in Terraform (it defaults to `true`).

## Why it matters
GuardDuty turns CloudTrail, VPC flow logs and DNS logs into findings: credentials used from an
unusual place, instances talking to command-and-control hosts, reconnaissance. A suspended
detector keeps its configuration and produces nothing.

## Remediation
```yaml
Detector:
  Type: AWS::GuardDuty::Detector
  Properties:
    Enable: true
    FindingPublishingFrequency: FIFTEEN_MINUTES
```
```hcl
resource "aws_guardduty_detector" "main" {
  enable                       = true
  finding_publishing_frequency = "FIFTEEN_MINUTES"
}
```
"#,
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Some(d) = super::detector(res) else {
        return vec![];
    };
    vec![must_be_true(&d.enabled, true, res.property("enabled"))]
}
