use wasp_core::Severity;
use wasp_model::{guardduty_feature, KindTag, Model, Resource};

use crate::{fsbp, Area, Outcome};

crate::declare! {
    id: "WASP-GUARDDUTY-006",
    name: "guardduty-lambda-protection-disabled",
    title: "GuardDuty Lambda Protection is turned off",
    severity: Severity::Medium,
    area: Area::Detection,
    best_practices: &["SEC04-BP03"],
    kinds: &[KindTag::Detector],
    references: &[fsbp("GuardDuty.6")],
    remediation:
        "Enable the LAMBDA_NETWORK_LOGS feature of the detector (or leave it at its default, on).",
    doc: r#"## What it checks
That the detector does not turn Lambda Protection off: the `LAMBDA_NETWORK_LOGS` feature is
not `DISABLED`. New detectors have it on unless told otherwise.

## Why it matters
Lambda Protection watches the network activity of functions: a function mining
cryptocurrency or calling a known command-and-control host after its code or a dependency was
compromised. Without it, serverless workloads are invisible to GuardDuty.

## Remediation
```yaml
Detector:
  Type: AWS::GuardDuty::Detector
  Properties:
    Enable: true
    Features:
      - Name: LAMBDA_NETWORK_LOGS
        Status: ENABLED
```
```hcl
resource "aws_guardduty_detector_feature" "lambda_network_logs" {
  detector_id = aws_guardduty_detector.main.id
  name        = "LAMBDA_NETWORK_LOGS"
  status      = "ENABLED"
}
```
"#,
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    super::protection_plan(
        res,
        &[guardduty_feature::LAMBDA_NETWORK_LOGS],
        true,
        "Lambda Protection (LAMBDA_NETWORK_LOGS)",
    )
}
