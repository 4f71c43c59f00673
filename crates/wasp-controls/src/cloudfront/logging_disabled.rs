use wasp_core::Severity;
use wasp_model::{Kind, KindTag, Model, Resource};

use crate::helpers::must_be_true;
use crate::{checkov, fsbp, Area, Outcome};

crate::declare! {
    id: "WASP-CF-020",
    name: "cloudfront-logging-disabled",
    title: "CloudFront distribution does not write standard access logs",
    severity: Severity::Medium,
    area: Area::Detection,
    best_practices: &["SEC04-BP01"],
    kinds: &[KindTag::Distribution],
    references: &[fsbp("CloudFront.5"), checkov("CKV_AWS_86")],
    remediation: "Configure standard logging (Logging, logging_config) to an S3 bucket.",
    doc: r#"## What it checks
That the distribution writes standard (access) logs to S3: `DistributionConfig.Logging` in
CloudFormation, a `logging_config` block on `aws_cloudfront_distribution`. Logs delivered
through CloudWatch Logs delivery sources (standard logging v2) are not seen by this check.

## Why it matters
For a site behind CloudFront, the distribution is the only place that sees every viewer
request: client address, URI, status, edge location and TLS protocol. Without its logs, an
attack served from cache, or one blocked at the edge, leaves no trace anywhere in the
workload.

## Remediation
```yaml
Distribution:
  Type: AWS::CloudFront::Distribution
  Properties:
    DistributionConfig:
      Enabled: true
      Logging:
        Bucket: !GetAtt CdnLogBucket.RegionalDomainName
        Prefix: cdn/
```
```hcl
resource "aws_cloudfront_distribution" "site" {
  enabled = true

  logging_config {
    bucket = aws_s3_bucket.cdn_logs.bucket_domain_name
    prefix = "cdn/"
  }
}
```
"#,
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Kind::Distribution(d) = &res.kind else {
        return vec![];
    };
    vec![must_be_true(&d.logging, false, res.property("logging"))]
}
