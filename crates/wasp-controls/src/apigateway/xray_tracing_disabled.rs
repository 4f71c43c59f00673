use wasp_core::Severity;
use wasp_model::{Kind, KindTag, Model, Resource};

use crate::helpers::must_be_true;
use crate::{checkov, fsbp, Area, Outcome};

crate::declare! {
    id: "WASP-APIGW-003",
    name: "api-gateway-xray-tracing-disabled",
    title: "API Gateway REST stage does not trace requests with X-Ray",
    severity: Severity::Low,
    area: Area::Detection,
    best_practices: &["SEC04-BP01"],
    kinds: &[KindTag::ApiStage],
    references: &[fsbp("APIGateway.3"), checkov("CKV_AWS_73")],
    remediation: "Set TracingEnabled (xray_tracing_enabled) to true.",
    doc: r#"## What it checks
That a REST API stage sends traces to AWS X-Ray: `TracingEnabled: true`,
`xray_tracing_enabled = true`. Both default to `false`. HTTP APIs do not support X-Ray and are
not checked.

## Why it matters
A trace follows one request from API Gateway through the functions and services behind it.
When a request caused harm, the trace shows which backend calls it made and where it failed,
and ties the API logs to the logs of the services behind it.

## Remediation
```yaml
Stage:
  Type: AWS::ApiGateway::Stage
  Properties:
    RestApiId: !Ref Api
    DeploymentId: !Ref Deployment
    StageName: prod
    TracingEnabled: true
```
```hcl
resource "aws_api_gateway_stage" "prod" {
  rest_api_id          = aws_api_gateway_rest_api.api.id
  deployment_id        = aws_api_gateway_deployment.api.id
  stage_name           = "prod"
  xray_tracing_enabled = true
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
    vec![must_be_true(&s.tracing, false, res.property("tracing"))]
}
