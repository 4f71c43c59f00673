use wasp_core::Severity;
use wasp_model::{Kind, KindTag, Model, Resource, Value};

use crate::helpers::{fail, unknown};
use crate::{checkov, Area, Outcome};

crate::declare! {
    id: "WASP-LAMBDA-007",
    name: "lambda-permission-service-without-source",
    title: "Lambda permission for an AWS service does not name the source",
    severity: Severity::Medium,
    area: Area::Identity,
    best_practices: &["SEC03-BP07", "SEC03-BP02"],
    kinds: &[KindTag::LambdaPermission],
    references: &[checkov("CKV_AWS_364")],
    remediation: "Add SourceArn (the rule, topic, bucket or API that invokes the function) and SourceAccount to the permission.",
    doc: r#"## What it checks
Permissions granted to an AWS service principal (`*.amazonaws.com`) must set `SourceArn` or
`SourceAccount` (`source_arn`, `source_account`).

## Why it matters
A service principal stands for the service acting on behalf of any customer. Without a source
condition, anyone can point their own SNS topic, EventBridge rule or API at your function and
the service will invoke it for them: the confused-deputy problem. Naming the source ties the
permission to your resource.

## Remediation
```yaml
InvokeFromRule:
  Type: AWS::Lambda::Permission
  Properties:
    FunctionName: !Ref Function
    Action: lambda:InvokeFunction
    Principal: events.amazonaws.com
    SourceArn: !GetAtt ScheduleRule.Arn
```
```hcl
resource "aws_lambda_permission" "from_rule" {
  function_name = aws_lambda_function.app.function_name
  action        = "lambda:InvokeFunction"
  principal     = "events.amazonaws.com"
  source_arn    = aws_cloudwatch_event_rule.schedule.arn
}
```
"#,
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Kind::LambdaPermission(p) = &res.kind else {
        return vec![];
    };
    let name = res.property("principal");
    match &p.principal {
        Value::Known(who, pos) if who.trim().ends_with(".amazonaws.com") => {
            vec![
                if !p.source_arn.is_absent() || !p.source_account.is_absent() {
                    Outcome::Pass
                } else {
                    fail(
                        format!(
                            "{name} is `{who}` with neither {} nor {}",
                            res.property("source_arn"),
                            res.property("source_account")
                        ),
                        Some(*pos),
                    )
                },
            ]
        }
        // Only service principals are checked.
        Value::Known(..) | Value::Absent => vec![],
        v @ Value::Unknown(r, pos) => {
            if v.is_reference() {
                vec![]
            } else {
                vec![unknown(format!("{name}: {r}"), Some(*pos))]
            }
        }
    }
}
