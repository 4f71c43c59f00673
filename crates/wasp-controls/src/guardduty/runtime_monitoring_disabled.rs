use wasp_core::Severity;
use wasp_model::{guardduty_feature, KindTag, Model, Resource};

use crate::{Area, Outcome};

crate::declare! {
    id: "WASP-GUARDDUTY-007",
    name: "guardduty-runtime-monitoring-disabled",
    title: "GuardDuty Runtime Monitoring is not enabled",
    severity: Severity::Low,
    area: Area::Detection,
    best_practices: &["SEC04-BP03"],
    kinds: &[KindTag::Detector],
    references: &[],
    remediation: "Enable the RUNTIME_MONITORING feature of the detector.",
    doc: r#"## What it checks
That the detector enables Runtime Monitoring: the `RUNTIME_MONITORING` feature (or the older
`EKS_RUNTIME_MONITORING`, for EKS only) has status `ENABLED`. Unlike the other protection plans,
Runtime Monitoring is off unless it is turned on.

## Why it matters
Runtime Monitoring sees inside EC2 instances, ECS tasks and EKS pods: processes, file
access and network connections. It detects reverse shells, privilege escalation and miners that
look harmless from the AWS API, and it is what makes a finding about a container actionable.

## Remediation
```yaml
Detector:
  Type: AWS::GuardDuty::Detector
  Properties:
    Enable: true
    Features:
      - Name: RUNTIME_MONITORING
        Status: ENABLED
```
```hcl
resource "aws_guardduty_detector_feature" "runtime_monitoring" {
  detector_id = aws_guardduty_detector.main.id
  name        = "RUNTIME_MONITORING"
  status      = "ENABLED"
}
```
"#,
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    super::protection_plan(
        res,
        &[
            guardduty_feature::RUNTIME_MONITORING,
            guardduty_feature::EKS_RUNTIME_MONITORING,
        ],
        false,
        "Runtime Monitoring (RUNTIME_MONITORING)",
    )
}
