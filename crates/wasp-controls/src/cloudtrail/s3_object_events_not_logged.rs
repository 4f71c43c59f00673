use wasp_core::Severity;
use wasp_model::{KindTag, Model, Resource};

use crate::detection_support::s3_object_events;
use crate::helpers::{fail, unknown};
use crate::{cis, Area, Outcome};

crate::declare! {
    id: "WASP-CT-006",
    name: "cloudtrail-s3-object-events-not-logged",
    title: "CloudTrail trail does not log S3 object-level read and write events",
    severity: Severity::Medium,
    area: Area::Detection,
    best_practices: &["SEC04-BP01"],
    kinds: &[KindTag::Trail],
    references: &[cis("3.8"), cis("3.9")],
    remediation: "Add an event selector for AWS::S3::Object data events with ReadWriteType All.",
    doc: r#"## What it checks
That the trail logs S3 object-level data events (`GetObject`, `PutObject`, `DeleteObject`, ...),
both reads and writes: a basic event selector with a data resource of type `AWS::S3::Object` and
`ReadWriteType: All` (or one selector for each), or an advanced event selector with
`eventCategory = Data` and `resources.type = AWS::S3::Object` that does not restrict `readOnly`.
Selectors limited to some buckets count.

## Why it matters
Trails log management events only unless told otherwise. Without data events the record shows
that a bucket policy changed, but not who then downloaded or deleted the objects: the part an
investigation of a data breach needs most.

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
        DataResources:
          - Type: AWS::S3::Object
            Values: ["arn:aws:s3"]
```
```hcl
resource "aws_cloudtrail" "main" {
  name           = "main"
  s3_bucket_name = aws_s3_bucket.trail.id

  event_selector {
    read_write_type           = "All"
    include_management_events = true

    data_resource {
      type   = "AWS::S3::Object"
      values = ["arn:aws:s3"]
    }
  }
}
```
"#,
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Some(t) = super::trail(res) else {
        return vec![];
    };
    let c = s3_object_events(t);
    let Some(missing) = c.missing() else {
        return vec![Outcome::Pass];
    };
    if let Some((r, p)) = c.unknown {
        return vec![unknown(format!("S3 data events: {r}"), Some(p))];
    }
    let message = if c.read || c.write {
        format!("S3 object-level {missing} events are not logged")
    } else {
        "no event selector logs S3 object-level data events".to_string()
    };
    vec![fail(message, None)]
}
