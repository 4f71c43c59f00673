use wasp_core::Severity;
use wasp_model::{guardduty_feature, KindTag, Model, Resource};

use crate::{fsbp, Area, Outcome};

crate::declare! {
    id: "WASP-GUARDDUTY-003",
    name: "guardduty-eks-audit-log-monitoring-disabled",
    title: "GuardDuty EKS Audit Log Monitoring is turned off",
    severity: Severity::Medium,
    area: Area::Detection,
    best_practices: &["SEC04-BP03"],
    kinds: &[KindTag::Detector],
    references: &[fsbp("GuardDuty.5")],
    remediation:
        "Enable the EKS_AUDIT_LOGS feature of the detector (or leave it at its default, on).",
    doc: r#"## What it checks
That the detector does not turn EKS Audit Log Monitoring off: the `EKS_AUDIT_LOGS` feature,
or the legacy `DataSources.Kubernetes.AuditLogs` (`datasources.kubernetes.audit_logs`) data
source, is not `DISABLED`. New detectors have it on unless told otherwise.

## Why it matters
Kubernetes audit logs show what happens inside clusters: anonymous access to the API
server, privileged pods, service account tokens used from outside. Without the feature,
GuardDuty cannot see attacks against EKS clusters beyond the AWS API.

## Remediation
```yaml
Detector:
  Type: AWS::GuardDuty::Detector
  Properties:
    Enable: true
    Features:
      - Name: EKS_AUDIT_LOGS
        Status: ENABLED
```
```hcl
resource "aws_guardduty_detector_feature" "eks_audit_logs" {
  detector_id = aws_guardduty_detector.main.id
  name        = "EKS_AUDIT_LOGS"
  status      = "ENABLED"
}
```
"#,
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    super::protection_plan(
        res,
        &[guardduty_feature::EKS_AUDIT_LOGS],
        true,
        "EKS Audit Log Monitoring (EKS_AUDIT_LOGS)",
    )
}
