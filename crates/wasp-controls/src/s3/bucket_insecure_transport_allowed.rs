use wasp_core::Severity;
use wasp_model::{path, KindTag, Model, Node, Resource, Value};

use crate::helpers::{fail, statements, strings, unknown};
use crate::{fsbp, Area, Outcome};

crate::declare! {
    id: "WASP-S3-006",
    name: "s3-bucket-insecure-transport-allowed",
    title: "S3 bucket policy does not require TLS",
    severity: Severity::Medium,
    area: Area::DataInTransit,
    best_practices: &["SEC09-BP02"],
    kinds: &[KindTag::Bucket],
    references: &[fsbp("S3.5")],
    remediation: "Add a bucket policy statement that denies s3:* to every principal when aws:SecureTransport is false.",
    doc: r#"## What it checks
That the bucket policy has a `Deny` statement, for all principals and S3 actions, under the
condition `Bool` (or `BoolIfExists`) `aws:SecureTransport` = `false`.

## Why it matters
S3 accepts plain HTTP requests unless a policy refuses them. Requests over HTTP expose data and
credentials-signed requests to anyone on the path.

## Remediation
```yaml
BucketPolicy:
  Type: AWS::S3::BucketPolicy
  Properties:
    Bucket: !Ref Data
    PolicyDocument:
      Statement:
        - Effect: Deny
          Principal: "*"
          Action: "s3:*"
          Resource: [!GetAtt Data.Arn, !Sub "${Data.Arn}/*"]
          Condition:
            Bool:
              aws:SecureTransport: false
```
```hcl
data "aws_iam_policy_document" "tls_only" {
  statement {
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = [aws_s3_bucket.data.arn, "${aws_s3_bucket.data.arn}/*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}
```
"#,
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Some(b) = super::bucket(res) else {
        return vec![];
    };
    let Some(policy) = &b.policy else {
        return vec![fail(
            "the bucket has no policy denying insecure transport",
            None,
        )];
    };
    let doc = match &policy.document {
        Value::Known(doc, _) => doc,
        Value::Unknown(r, p) => return vec![unknown(format!("bucket policy: {r}"), Some(*p))],
        Value::Absent => return vec![fail("the bucket policy is empty", Some(policy.pos))],
    };
    let mut unknown_seen = None;
    for st in statements(doc) {
        match denies_insecure_transport(st) {
            Ok(true) => return vec![Outcome::Pass],
            Ok(false) => {}
            Err(e) => {
                unknown_seen.get_or_insert(e);
            }
        }
    }
    if let Some((r, p)) = unknown_seen {
        return vec![unknown(format!("bucket policy statement: {r}"), Some(p))];
    }
    vec![fail(
        "the bucket policy does not deny requests without TLS (aws:SecureTransport)",
        Some(policy.pos),
    )]
}

fn denies_insecure_transport(st: &Node) -> Result<bool, (String, wasp_core::Pos)> {
    if st.get("Effect").and_then(Node::as_str) != Some("Deny") {
        return Ok(false);
    }
    let everyone = match st.get("Principal") {
        Some(p) if p.as_str() == Some("*") => true,
        Some(p) => strings(p.get("AWS"))?.contains(&"*"),
        None => false,
    };
    let actions = strings(st.get("Action"))?;
    let all_s3 = actions
        .iter()
        .any(|a| *a == "*" || a.eq_ignore_ascii_case("s3:*"));
    if !everyone || !all_s3 {
        return Ok(false);
    }
    for op in ["Bool", "BoolIfExists"] {
        if let Some(v) = path(Some(st), &["Condition", op, "aws:SecureTransport"]) {
            let vals = strings(Some(v))?;
            if vals.iter().any(|s| s.eq_ignore_ascii_case("false")) {
                return Ok(true);
            }
        }
    }
    Ok(false)
}
