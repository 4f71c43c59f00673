use wasp_core::Severity;
use wasp_model::{Kind, KindTag, Model, Resource, Value};

use crate::helpers::{fail, unknown};
use crate::{checkov, fsbp, Area, Outcome};

crate::declare! {
    id: "WASP-APIGW-004",
    name: "api-gateway-cache-unencrypted",
    title: "API Gateway REST stage caches responses unencrypted",
    severity: Severity::Medium,
    area: Area::DataAtRest,
    best_practices: &["SEC08-BP02"],
    kinds: &[KindTag::ApiStage],
    references: &[fsbp("APIGateway.5"), checkov("CKV_AWS_308")],
    remediation:
        "Set CacheDataEncrypted (cache_data_encrypted) to true wherever caching is enabled.",
    doc: r#"## What it checks
That a REST API stage with a cache cluster (`CacheClusterEnabled`, `cache_cluster_enabled`)
encrypts the cached responses: every method setting that enables caching (`CachingEnabled`,
`caching_enabled`) also sets `CacheDataEncrypted` (`cache_data_encrypted`) to `true`. It
defaults to `false`. Stages without a cache cluster are not checked.

## Why it matters
The cache holds copies of API responses, which are often personal or business data. Left
unencrypted, that data sits at rest outside the controls applied to the database it came from.

## Remediation
```yaml
Stage:
  Type: AWS::ApiGateway::Stage
  Properties:
    RestApiId: !Ref Api
    DeploymentId: !Ref Deployment
    StageName: prod
    CacheClusterEnabled: true
    CacheClusterSize: "0.5"
    MethodSettings:
      - ResourcePath: /*
        HttpMethod: "*"
        CachingEnabled: true
        CacheDataEncrypted: true
```
```hcl
resource "aws_api_gateway_method_settings" "all" {
  rest_api_id = aws_api_gateway_rest_api.api.id
  stage_name  = aws_api_gateway_stage.prod.stage_name
  method_path = "*/*"

  settings {
    caching_enabled      = true
    cache_data_encrypted = true
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
    match &s.cache_cluster {
        Value::Known(true, _) => {}
        Value::Unknown(r, p) => {
            let what = res.property("cache_cluster");
            return vec![unknown(format!("{what}: {r}"), Some(*p))];
        }
        _ => return vec![],
    }
    let what = res.property("method_settings.cache_data_encrypted");
    let mut out = Vec::new();
    for m in &s.method_settings {
        match &m.caching_enabled {
            Value::Known(true, _) => {}
            Value::Unknown(r, p) => {
                out.push(unknown(format!("caching: {r}"), Some(*p)));
                continue;
            }
            _ => continue,
        }
        out.push(match &m.cache_data_encrypted {
            Value::Known(true, _) => Outcome::Pass,
            Value::Known(false, p) => fail(format!("{what} is false"), Some(*p)),
            Value::Absent => fail(
                format!("caching is enabled and {what} is not set (defaults to false)"),
                Some(m.pos),
            ),
            Value::Unknown(r, p) => unknown(format!("{what}: {r}"), Some(*p)),
        });
    }
    if let (true, Some((r, p))) = (out.is_empty(), &s.method_settings_unknown) {
        return vec![unknown(format!("method settings: {r}"), Some(*p))];
    }
    if out.is_empty() {
        // A cache cluster with no method caching: nothing is cached.
        out.push(Outcome::Pass);
    }
    out
}
