use wasp_core::Severity;
use wasp_model::{Kind, KindTag, Link, Model, Resource, Value};

use crate::helpers::{fail, unknown};
use crate::{cis, Area, Outcome};

crate::declare! {
    id: "WASP-CT-010",
    name: "cloudtrail-bucket-access-logging-disabled",
    title: "The S3 bucket that receives CloudTrail logs has no server access logging",
    severity: Severity::Medium,
    area: Area::Detection,
    best_practices: &["SEC04-BP01"],
    kinds: &[KindTag::Trail],
    references: &[cis("3.4")],
    remediation: "Enable server access logging on the trail's bucket, to another bucket.",
    doc: r#"## What it checks
That the bucket the trail delivers to (`S3BucketName`, `s3_bucket_name`), when it is defined
in the same template or configuration, has server access logging configured
(`LoggingConfiguration`, `aws_s3_bucket_logging`). A trail whose bucket is defined elsewhere
is reported as unknown.

## Why it matters
The trail bucket holds the audit record of the whole account. Access logs show who read,
overwrote or deleted log files there; without them, tampering with the evidence leaves no
trace of its own.

## Remediation
```yaml
TrailBucket:
  Type: AWS::S3::Bucket
  Properties:
    LoggingConfiguration:
      DestinationBucketName: !Ref AccessLogBucket
      LogFilePrefix: cloudtrail/
```
```hcl
resource "aws_s3_bucket_logging" "trail" {
  bucket        = aws_s3_bucket.trail.id
  target_bucket = aws_s3_bucket.access_logs.id
  target_prefix = "cloudtrail/"
}
```
"#,
}

pub fn check(res: &Resource, model: &Model) -> Vec<Outcome> {
    let Some(t) = super::trail(res) else {
        return vec![];
    };
    let bucket = match &t.s3_bucket {
        None => return vec![],
        Some(Link::Unknown(r, p)) => {
            return vec![unknown(format!("the trail's bucket: {r}"), Some(*p))]
        }
        Some(Link::Address(a, _)) => model.get(a).and_then(|r| match &r.kind {
            Kind::Bucket(b) => Some((a.clone(), &**b)),
            _ => None,
        }),
        Some(Link::Name(n, _)) => model.of_kind(KindTag::Bucket).find_map(|r| match &r.kind {
            Kind::Bucket(b) if b.name.known() == Some(n) => Some((n.clone(), &**b)),
            _ => None,
        }),
    };
    let Some((name, b)) = bucket else {
        let pos = t.s3_bucket.as_ref().map(Link::pos);
        return vec![unknown(
            "the trail's bucket is not defined in this template or configuration",
            pos,
        )];
    };
    vec![match &b.logging {
        Value::Known(true, _) => Outcome::Pass,
        Value::Unknown(r, _) => unknown(format!("access logging of bucket `{name}`: {r}"), None),
        _ => fail(
            format!(
                "bucket `{name}`, which receives the trail's logs, has no server access logging"
            ),
            None,
        ),
    }]
}
