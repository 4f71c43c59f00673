use wasp_core::Severity;
use wasp_model::{Kind, KindTag, Model, Resource, Value};

use crate::helpers::{fail, unknown};
use crate::{checkov, fsbp, Area, Outcome};

crate::declare! {
    id: "WASP-APIGW-002",
    name: "api-gateway-execution-logging-disabled",
    title: "API Gateway REST stage does not log executions for all methods",
    severity: Severity::Medium,
    area: Area::Detection,
    best_practices: &["SEC04-BP01"],
    kinds: &[KindTag::ApiStage],
    references: &[fsbp("APIGateway.1"), checkov("CKV2_AWS_4")],
    remediation: "Set LoggingLevel to ERROR or INFO in the method setting for /* and * (method_path \"*/*\").",
    doc: r#"## What it checks
That a REST API stage turns on execution logging for all its methods: a method setting with
`ResourcePath: /*` and `HttpMethod: *` (or a deployment's `StageDescription`) sets
`LoggingLevel` to `ERROR` or `INFO`, or an `aws_api_gateway_method_settings` with
`method_path = "*/*"` sets `logging_level`. The default is `OFF`. HTTP APIs have no execution
logs and are not checked.

## Why it matters
Execution logs show what API Gateway did with a request: authorizer decisions, request
validation failures, integration errors and throttling. They explain why a request was let
through or refused, which access logs alone cannot.

## Remediation
```yaml
Stage:
  Type: AWS::ApiGateway::Stage
  Properties:
    RestApiId: !Ref Api
    DeploymentId: !Ref Deployment
    StageName: prod
    MethodSettings:
      - ResourcePath: /*
        HttpMethod: "*"
        LoggingLevel: ERROR
        MetricsEnabled: true
```
```hcl
resource "aws_api_gateway_method_settings" "all" {
  rest_api_id = aws_api_gateway_rest_api.api.id
  stage_name  = aws_api_gateway_stage.prod.stage_name
  method_path = "*/*"

  settings {
    logging_level   = "ERROR"
    metrics_enabled = true
  }
}
```
"#,
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Kind::ApiStage(s) = &res.kind else {
        return vec![];
    };
    if !s.rest {
        return vec![];
    }
    let stage_wide = s
        .method_settings
        .iter()
        .rev()
        .find(|m| m.all_methods && !m.logging_level.is_absent());
    if let Some(m) = stage_wide {
        return vec![match &m.logging_level {
            Value::Known(l, _)
                if l.eq_ignore_ascii_case("ERROR") || l.eq_ignore_ascii_case("INFO") =>
            {
                Outcome::Pass
            }
            Value::Known(l, p) => fail(
                format!("the logging level for all methods is {l}"),
                Some(*p),
            ),
            Value::Unknown(r, p) => unknown(format!("logging level: {r}"), Some(*p)),
            Value::Absent => Outcome::Pass,
        }];
    }
    if let Some((r, p)) = &s.method_settings_unknown {
        return vec![unknown(format!("method settings: {r}"), Some(*p))];
    }
    vec![fail(
        "no method setting for all methods turns execution logging on (the default is OFF)",
        None,
    )]
}
