use wasp_core::Severity;
use wasp_model::{guardduty_feature, KindTag, Model, Resource};

use crate::{fsbp, Area, Outcome};

crate::declare! {
    id: "WASP-GUARDDUTY-005",
    name: "guardduty-rds-protection-disabled",
    title: "GuardDuty RDS Protection is turned off",
    severity: Severity::Medium,
    area: Area::Detection,
    best_practices: &["SEC04-BP03"],
    kinds: &[KindTag::Detector],
    references: &[fsbp("GuardDuty.9")],
    remediation:
        "Enable the RDS_LOGIN_EVENTS feature of the detector (or leave it at its default, on).",
    doc: r#"## What it checks
That the detector does not turn RDS Protection off: the `RDS_LOGIN_EVENTS` feature is not
`DISABLED`. New detectors have it on unless told otherwise.

## Why it matters
RDS Protection profiles login activity to Aurora and RDS databases and reports brute force,
logins from unusual places and successful logins after many failures. Without it, an attack
on database credentials leaves no finding.

## Remediation
```yaml
Detector:
  Type: AWS::GuardDuty::Detector
  Properties:
    Enable: true
    Features:
      - Name: RDS_LOGIN_EVENTS
        Status: ENABLED
```
```hcl
resource "aws_guardduty_detector_feature" "rds_login_events" {
  detector_id = aws_guardduty_detector.main.id
  name        = "RDS_LOGIN_EVENTS"
  status      = "ENABLED"
}
```
"#,
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    super::protection_plan(
        res,
        &[guardduty_feature::RDS_LOGIN_EVENTS],
        true,
        "RDS Protection (RDS_LOGIN_EVENTS)",
    )
}
