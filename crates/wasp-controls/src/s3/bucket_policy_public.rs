use wasp_core::Severity;
use wasp_model::{KindTag, Model, Resource, Value};

use crate::resource_policy::must_not_be_public;
use crate::{checkov, fsbp, Area, Outcome};

crate::declare! {
    id: "WASP-S3-009",
    name: "s3-bucket-policy-public",
    title: "S3 bucket policy grants access to anyone",
    severity: Severity::High,
    area: Area::DataAtRest,
    best_practices: &["SEC03-BP07", "SEC08-BP04"],
    kinds: &[KindTag::Bucket],
    references: &[fsbp("S3.2"), fsbp("S3.3"), checkov("CKV_AWS_70")],
    remediation: "Name specific principals in Allow statements, or restrict Principal \"*\" with aws:PrincipalOrgID, aws:SourceVpce or aws:SourceArn conditions.",
    doc: r#"## What it checks
That no `Allow` statement of the bucket policy admits everyone: `Principal: "*"` (or
`{"AWS": "*"}`, or `NotPrincipal`) without a condition that really restricts the callers
(`aws:PrincipalOrgID`, `aws:PrincipalAccount`, `aws:SourceVpce`, `aws:SourceIp`, `aws:SourceArn`
...; `...IfExists` operators and wildcard values do not count), as IAM Access Analyzer judges it.
A public access block on the bucket with `RestrictPublicBuckets` or `BlockPublicPolicy` true
neutralizes such a policy, and the bucket passes.

## Why it matters
A public bucket policy lets anyone on the internet read (or, with write actions, replace or
delete) the objects it covers, the most common cause of large data leaks from S3.

## Remediation
```yaml
PolicyDocument:
  Statement:
    - Effect: Allow
      Principal:
        Service: cloudfront.amazonaws.com
      Action: s3:GetObject
      Resource: !Sub "${Site.Arn}/*"
      Condition:
        StringEquals:
          AWS:SourceArn: !Sub "arn:aws:cloudfront::${AWS::AccountId}:distribution/${Cdn}"
```
```hcl
statement {
  actions   = ["s3:GetObject"]
  resources = ["${aws_s3_bucket.site.arn}/*"]
  principals {
    type        = "Service"
    identifiers = ["cloudfront.amazonaws.com"]
  }
  condition {
    test     = "StringEquals"
    variable = "AWS:SourceArn"
    values   = [aws_cloudfront_distribution.cdn.arn]
  }
}
```
"#,
}

pub fn check(res: &Resource, model: &Model) -> Vec<Outcome> {
    let Some(b) = super::bucket(res) else {
        return vec![];
    };
    let Some(policy) = &b.policy else {
        return vec![];
    };
    if let Some(pab) = &b.public_access_block {
        if matches!(pab.restrict_public_buckets, Value::Known(true, _))
            || matches!(pab.block_public_policy, Value::Known(true, _))
        {
            return vec![Outcome::Pass];
        }
    }
    must_not_be_public(policy, model)
}
