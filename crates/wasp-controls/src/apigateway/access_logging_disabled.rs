use wasp_core::Severity;
use wasp_model::{Kind, KindTag, Model, Resource};

use crate::helpers::must_be_true;
use crate::{checkov, fsbp, Area, Outcome};

crate::declare! {
    id: "WASP-APIGW-001",
    name: "api-gateway-access-logging-disabled",
    title: "API Gateway stage does not write access logs",
    severity: Severity::Medium,
    area: Area::Detection,
    best_practices: &["SEC04-BP01"],
    kinds: &[KindTag::ApiStage],
    references: &[
        fsbp("APIGateway.9"),
        checkov("CKV_AWS_76"),
        checkov("CKV_AWS_95"),
    ],
    remediation: "Configure access logging (AccessLogSetting, access_log_settings) to a log group.",
    doc: r#"## What it checks
That every API Gateway stage, REST (`AWS::ApiGateway::Stage`, a deployment's stage,
`AWS::Serverless::Api`, `aws_api_gateway_stage`) or HTTP and WebSocket
(`AWS::ApiGatewayV2::Stage`, `AWS::Serverless::HttpApi`, `aws_apigatewayv2_stage`), sends
access logs to a destination (`AccessLogSetting`, `AccessLogSettings`, `access_log_settings`).

## Why it matters
Access logs are the record of who called the API: source address, caller identity, route,
status and latency of each request. They are what shows an enumeration of object ids, a
leaked key being used, or the requests that preceded an outage.

## Remediation
```yaml
Stage:
  Type: AWS::ApiGateway::Stage
  Properties:
    RestApiId: !Ref Api
    DeploymentId: !Ref Deployment
    StageName: prod
    AccessLogSetting:
      DestinationArn: !GetAtt ApiAccessLogs.Arn
      Format: '{"requestId":"$context.requestId","ip":"$context.identity.sourceIp","status":"$context.status"}'
```
```hcl
resource "aws_api_gateway_stage" "prod" {
  rest_api_id   = aws_api_gateway_rest_api.api.id
  deployment_id = aws_api_gateway_deployment.api.id
  stage_name    = "prod"

  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.api_access.arn
    format          = jsonencode({ requestId = "$context.requestId", ip = "$context.identity.sourceIp", status = "$context.status" })
  }
}
```
"#,
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Kind::ApiStage(s) = &res.kind else {
        return vec![];
    };
    vec![must_be_true(
        &s.access_logging,
        false,
        res.property("access_logging"),
    )]
}
