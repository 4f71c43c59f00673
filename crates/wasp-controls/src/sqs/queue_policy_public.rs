use wasp_core::Severity;
use wasp_model::{KindTag, Model, Resource};

use crate::resource_policy::must_not_be_public;
use crate::{checkov, Area, Outcome};

crate::declare! {
    id: "WASP-SQS-002",
    name: "sqs-queue-policy-public",
    title: "SQS queue policy lets anyone in",
    severity: Severity::High,
    area: Area::DataAtRest,
    best_practices: &["SEC03-BP07", "SEC08-BP04"],
    kinds: &[KindTag::Queue],
    references: &[checkov("CKV_AWS_168"), checkov("CKV_AWS_387")],
    remediation: "Name specific principals in the queue policy, or restrict Principal \"*\" with aws:SourceArn, aws:SourceAccount or aws:PrincipalOrgID conditions.",
    doc: r#"## What it checks
That no `Allow` statement of the queue policy (`AWS::SQS::QueuePolicy`, the queue's `policy`, or
`aws_sqs_queue_policy`) admits everyone: `Principal: "*"` without a condition that really
restricts the callers (`aws:SourceArn`, `aws:SourceAccount`, `aws:PrincipalOrgID` ...), as IAM
Access Analyzer judges it.

## Why it matters
A public queue lets anyone send messages that consumers will process as trusted input, or receive
and delete the messages meant for the application.

## Remediation
```yaml
PolicyDocument:
  Statement:
    - Effect: Allow
      Principal:
        Service: sns.amazonaws.com
      Action: sqs:SendMessage
      Resource: !GetAtt Orders.Arn
      Condition:
        ArnEquals:
          aws:SourceArn: !Ref OrdersTopic
```
```hcl
statement {
  actions   = ["sqs:SendMessage"]
  resources = [aws_sqs_queue.orders.arn]
  principals {
    type        = "Service"
    identifiers = ["sns.amazonaws.com"]
  }
  condition {
    test     = "ArnEquals"
    variable = "aws:SourceArn"
    values   = [aws_sns_topic.orders.arn]
  }
}
```
"#,
}

pub fn check(res: &Resource, model: &Model) -> Vec<Outcome> {
    super::queue(res)
        .and_then(|q| q.policy.as_ref())
        .map(|d| must_not_be_public(d, model))
        .unwrap_or_default()
}
