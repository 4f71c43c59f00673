use wasp_core::Severity;
use wasp_model::{KindTag, Model, Resource, Value};

use crate::helpers::{fail, unknown};
use crate::{Area, Outcome};

crate::declare! {
    id: "WASP-GUARDDUTY-008",
    name: "guardduty-finding-frequency-six-hours",
    title: "GuardDuty publishes finding updates only every six hours",
    severity: Severity::Low,
    area: Area::Detection,
    best_practices: &["SEC04-BP03"],
    kinds: &[KindTag::Detector],
    references: &[],
    remediation:
        "Set FindingPublishingFrequency (finding_publishing_frequency) to FIFTEEN_MINUTES.",
    doc: r#"## What it checks
That the detector's finding publishing frequency (`FindingPublishingFrequency`,
`finding_publishing_frequency`) is `FIFTEEN_MINUTES` or `ONE_HOUR`, not `SIX_HOURS`, which is
the default when it is not set.

## Why it matters
New findings always reach EventBridge within minutes; updates to existing findings (the same
activity continuing, now from more hosts) are published at this frequency. With six hours,
alerts and automated responses built on EventBridge learn hours late that an incident is still
going on or growing.

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
    let what = res.property("finding_frequency");
    vec![match &d.finding_frequency {
        Value::Known(f, p) if f.eq_ignore_ascii_case("SIX_HOURS") => {
            fail(format!("{what} is SIX_HOURS"), Some(*p))
        }
        Value::Known(..) => Outcome::Pass,
        Value::Absent => fail(format!("{what} is not set (defaults to SIX_HOURS)"), None),
        Value::Unknown(r, p) => unknown(format!("{what}: {r}"), Some(*p)),
    }]
}
