use wasp_core::Severity;
use wasp_model::{KindTag, Model, Resource};

use crate::resource_policy::must_not_be_public;
use crate::{checkov, Area, Outcome};

crate::declare! {
    id: "WASP-SNS-002",
    name: "sns-topic-policy-public",
    title: "SNS topic policy lets anyone in",
    severity: Severity::High,
    area: Area::DataAtRest,
    best_practices: &["SEC03-BP07", "SEC08-BP04"],
    kinds: &[KindTag::Topic],
    references: &[checkov("CKV_AWS_169")],
    remediation: "Name specific principals in the topic policy, or restrict Principal \"*\" with aws:SourceArn, aws:SourceAccount or aws:PrincipalOrgID conditions.",
    doc: r#"## What it checks
That no `Allow` statement of the topic policy (`AWS::SNS::TopicPolicy`, the topic's `policy`, or
`aws_sns_topic_policy`) admits everyone: `Principal: "*"` without a condition that really
restricts the callers (`aws:SourceArn`, `aws:SourceAccount`, `aws:PrincipalOrgID` ...), as IAM
Access Analyzer judges it.

## Why it matters
A public topic lets anyone publish to it (spam, forged events that downstream systems act on) or
subscribe to it and receive every message.

## Remediation
```yaml
PolicyDocument:
  Statement:
    - Effect: Allow
      Principal:
        Service: events.amazonaws.com
      Action: sns:Publish
      Resource: !Ref Alerts
      Condition:
        ArnEquals:
          aws:SourceArn: !GetAtt AlarmRule.Arn
```
```hcl
statement {
  actions   = ["sns:Publish"]
  resources = [aws_sns_topic.alerts.arn]
  principals {
    type        = "Service"
    identifiers = ["events.amazonaws.com"]
  }
  condition {
    test     = "ArnEquals"
    variable = "aws:SourceArn"
    values   = [aws_cloudwatch_event_rule.alarm.arn]
  }
}
```
"#,
}

pub fn check(res: &Resource, model: &Model) -> Vec<Outcome> {
    super::topic(res)
        .and_then(|t| t.policy.as_ref())
        .map(|d| must_not_be_public(d, model))
        .unwrap_or_default()
}
