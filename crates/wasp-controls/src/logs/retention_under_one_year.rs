use wasp_core::Severity;
use wasp_model::{Kind, KindTag, Model, Resource, Value};

use crate::helpers::{fail, unknown};
use crate::{checkov, Area, Outcome};

/// Days of retention that this control requires: a year, the period that audit and incident
/// response requirements (PCI DSS 10.5.1, most regulators) commonly ask for.
pub const MIN_DAYS: i64 = 365;

crate::declare! {
    id: "WASP-LOGS-001",
    name: "log-group-retention-under-one-year",
    title: "CloudWatch Logs log group keeps events for less than a year",
    severity: Severity::Low,
    area: Area::Detection,
    best_practices: &["SEC04-BP01", "SEC07-BP04"],
    kinds: &[KindTag::LogGroup],
    references: &[checkov("CKV_AWS_338")],
    remediation:
        "Set RetentionInDays (retention_in_days) to 365 or more, or archive the logs to S3 first.",
    doc: r#"## What it checks
That the log group keeps its events for at least 365 days: `RetentionInDays`
(`retention_in_days`) is 365 or more. A log group without retention (or `0` in Terraform) never
expires its events and passes.

One year is the threshold because intrusions are often found months after they began, and
audit requirements (PCI DSS 10.5.1 among them) ask for a year of history. Log groups that are
exported to long-term storage before they expire can suppress this finding.

## Why it matters
When an incident is discovered, the investigation goes back to its start. Logs that expired
after a week or a month leave the first access, the persistence and the lateral movement
unexplained.

## Remediation
```yaml
AppLogs:
  Type: AWS::Logs::LogGroup
  Properties:
    LogGroupName: /app/web
    RetentionInDays: 365
```
```hcl
resource "aws_cloudwatch_log_group" "app" {
  name              = "/app/web"
  retention_in_days = 365
}
```
"#,
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Kind::LogGroup(g) = &res.kind else {
        return vec![];
    };
    let what = res.property("retention_days");
    vec![match &g.retention_days {
        Value::Known(d, p) if *d > 0 && *d < MIN_DAYS => fail(
            format!("{what} is {d}: events are deleted before a year has passed"),
            Some(*p),
        ),
        Value::Known(..) | Value::Absent => Outcome::Pass,
        Value::Unknown(r, p) => unknown(format!("{what}: {r}"), Some(*p)),
    }]
}
