use wasp_core::Severity;
use wasp_model::{KindTag, Model, Resource};

use crate::detection_support::management_events;
use crate::helpers::{fail, unknown};
use crate::{cis, fsbp, Area, Outcome};

crate::declare! {
    id: "WASP-CT-007",
    name: "cloudtrail-management-events-not-logged",
    title: "CloudTrail trail does not log all read and write management events",
    severity: Severity::Medium,
    area: Area::Detection,
    best_practices: &["SEC04-BP01"],
    kinds: &[KindTag::Trail],
    references: &[cis("3.1"), fsbp("CloudTrail.1")],
    remediation: "Include management events with ReadWriteType All and no excluded event sources.",
    doc: r#"## What it checks
That the trail logs management events, both read-only and write, and excludes no event source.
A trail without event selectors does. With basic selectors, at least one must include
management events (`IncludeManagementEvents` defaults to true) with `ReadWriteType: All` (or
selectors covering `ReadOnly` and `WriteOnly`), and none may list
`ExcludeManagementEventSources`. With advanced selectors, one must select
`eventCategory = Management` without restricting `readOnly` or excluding an `eventSource`.

## Why it matters
Management events are the control-plane record: who created an access key, opened a security
group, disabled a detector. Logging only writes hides reconnaissance (`List*`, `Describe*`,
`GetSecretValue`); excluding a source such as `kms.amazonaws.com` hides every use of the keys
that protect the data.

## Remediation
```yaml
Trail:
  Type: AWS::CloudTrail::Trail
  Properties:
    IsLogging: true
    S3BucketName: !Ref TrailBucket
    EventSelectors:
      - ReadWriteType: All
        IncludeManagementEvents: true
```
```hcl
resource "aws_cloudtrail" "main" {
  name           = "main"
  s3_bucket_name = aws_s3_bucket.trail.id

  event_selector {
    read_write_type           = "All"
    include_management_events = true
  }
}
```
"#,
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Some(t) = super::trail(res) else {
        return vec![];
    };
    let c = management_events(t);
    if let Some((src, p)) = c.excluded.first() {
        return vec![fail(
            format!("management events from `{src}` are excluded"),
            Some(*p),
        )];
    }
    let Some(missing) = c.missing() else {
        return vec![Outcome::Pass];
    };
    if let Some((r, p)) = c.unknown {
        return vec![unknown(format!("management events: {r}"), Some(p))];
    }
    let message = if c.read || c.write {
        format!("{missing} management events are not logged")
    } else {
        "no event selector includes management events".to_string()
    };
    vec![fail(message, None)]
}
