use wasp_core::Severity;
use wasp_model::{guardduty_feature, KindTag, Model, Resource};

use crate::{fsbp, Area, Outcome};

crate::declare! {
    id: "WASP-GUARDDUTY-002",
    name: "guardduty-s3-protection-disabled",
    title: "GuardDuty S3 Protection is turned off",
    severity: Severity::Medium,
    area: Area::Detection,
    best_practices: &["SEC04-BP03"],
    kinds: &[KindTag::Detector],
    references: &[fsbp("GuardDuty.10")],
    remediation:
        "Enable the S3_DATA_EVENTS feature of the detector (or leave it at its default, on).",
    doc: r#"## What it checks
That the detector does not turn S3 Protection off: the `S3_DATA_EVENTS` feature, or the
legacy `DataSources.S3Logs` (`datasources.s3_logs`) data source, is not `DISABLED`. New detectors
have it on unless the template or configuration says otherwise.

## Why it matters
S3 Protection analyses S3 data events for exfiltration and destruction patterns: a
principal listing and downloading buckets it never touched, access from Tor exit nodes,
disabled block public access followed by reads. Without it, GuardDuty sees only the management
events of S3.

## Remediation
```yaml
Detector:
  Type: AWS::GuardDuty::Detector
  Properties:
    Enable: true
    Features:
      - Name: S3_DATA_EVENTS
        Status: ENABLED
```
```hcl
resource "aws_guardduty_detector_feature" "s3_data_events" {
  detector_id = aws_guardduty_detector.main.id
  name        = "S3_DATA_EVENTS"
  status      = "ENABLED"
}
```
"#,
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    super::protection_plan(
        res,
        &[guardduty_feature::S3_DATA_EVENTS],
        true,
        "S3 Protection (S3_DATA_EVENTS)",
    )
}
