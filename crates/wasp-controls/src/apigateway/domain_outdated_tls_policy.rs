use wasp_core::Severity;
use wasp_model::{Kind, KindTag, Model, Resource, Value};

use crate::helpers::{fail, unknown};
use crate::{checkov, Area, Outcome};

crate::declare! {
    id: "WASP-APIGW-010",
    name: "apigw-domain-outdated-tls-policy",
    title: "API Gateway custom domain accepts TLS 1.0",
    severity: Severity::Medium,
    area: Area::DataInTransit,
    best_practices: &["SEC09-BP02"],
    kinds: &[KindTag::ApiDomain],
    references: &[checkov("CKV_AWS_206")],
    remediation: "Set SecurityPolicy (security_policy) to TLS_1_2 or an enhanced SecurityPolicy_TLS13_* policy.",
    doc: r#"## What it checks
That custom domain names use a security policy that accepts TLS 1.2 and later: `TLS_1_2`, or an
enhanced policy (`SecurityPolicy_TLS13_1_2_2021_06`, `SecurityPolicy_TLS13_1_3_2025_09` ...).
A REST API domain that does not set the policy gets `TLS_1_0`; HTTP and WebSocket API domains
(`AWS::ApiGatewayV2::DomainName`, `aws_apigatewayv2_domain_name`) only offer TLS 1.2 policies.

## Why it matters
The `TLS_1_0` policy accepts TLS 1.0 and 1.1, deprecated protocols (RFC 8996) with weak cipher
suites that clients, or an attacker forcing a downgrade, can still negotiate.

## Remediation
```yaml
ApiDomain:
  Type: AWS::ApiGateway::DomainName
  Properties:
    DomainName: api.example.com
    RegionalCertificateArn: !Ref Certificate
    EndpointConfiguration:
      Types: [REGIONAL]
    SecurityPolicy: TLS_1_2
```
```hcl
resource "aws_api_gateway_domain_name" "api" {
  domain_name              = "api.example.com"
  regional_certificate_arn = aws_acm_certificate.api.arn
  security_policy          = "TLS_1_2"
  endpoint_configuration {
    types = ["REGIONAL"]
  }
}
```
"#,
}

/// Policies that accept TLS older than 1.2.
fn outdated(policy: &str) -> bool {
    let p = policy.to_ascii_uppercase();
    p == "TLS_1_0" || p.contains("TLS13_1_0") || p.contains("TLS13_1_1") || p.contains("TLS_1_1")
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Kind::ApiDomain(d) = &res.kind else {
        return vec![];
    };
    let setting = res.property("security_policies");
    let mut out = Vec::new();
    for p in &d.security_policies {
        match p {
            Value::Known(v, pos) if outdated(v) => out.push(fail(
                format!("{setting} `{v}` accepts TLS 1.0 and 1.1"),
                Some(*pos),
            )),
            Value::Absent if !d.v2 => out.push(fail(
                format!("no {setting}: REST API domains default to TLS_1_0"),
                None,
            )),
            Value::Unknown(r, pos) => out.push(unknown(format!("{setting}: {r}"), Some(*pos))),
            _ => {}
        }
    }
    if out.is_empty() {
        out.push(Outcome::Pass);
    }
    out
}
