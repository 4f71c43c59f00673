use wasp_core::Severity;
use wasp_model::{Kind, KindTag, Model, Resource, Value};

use crate::helpers::{must_be_true, unknown};
use crate::{checkov, fsbp, Area, Outcome};

crate::declare! {
    id: "WASP-ELB-021",
    name: "alb-drop-invalid-header-fields-disabled",
    title: "Application Load Balancer forwards HTTP headers with invalid names",
    severity: Severity::Medium,
    area: Area::Network,
    best_practices: &["SEC05-BP03"],
    kinds: &[KindTag::LoadBalancer],
    references: &[fsbp("ELB.4"), checkov("CKV_AWS_131")],
    remediation:
        "Set routing.http.drop_invalid_header_fields.enabled (drop_invalid_header_fields) to true.",
    doc: r#"## What it checks
That Application Load Balancers drop HTTP headers whose names are not valid: the attribute
`routing.http.drop_invalid_header_fields.enabled` is `true` in CloudFormation,
`drop_invalid_header_fields = true` on `aws_lb`. Both default to `false`. Network and Gateway
Load Balancers are not checked.

## Why it matters
Headers with malformed names are how HTTP request smuggling and desync attacks make the load
balancer and the targets disagree about where one request ends. Dropping them at the edge
removes the ambiguity before the request reaches the application.

## Remediation
```yaml
LoadBalancer:
  Type: AWS::ElasticLoadBalancingV2::LoadBalancer
  Properties:
    Subnets: [!Ref SubnetA, !Ref SubnetB]
    LoadBalancerAttributes:
      - Key: routing.http.drop_invalid_header_fields.enabled
        Value: "true"
```
```hcl
resource "aws_lb" "web" {
  subnets                    = [aws_subnet.a.id, aws_subnet.b.id]
  drop_invalid_header_fields = true
}
```
"#,
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Kind::LoadBalancer(lb) = &res.kind else {
        return vec![];
    };
    match lb.is_application() {
        Value::Known(false, _) => return vec![],
        Value::Unknown(r, p) => return vec![unknown(format!("load balancer type: {r}"), Some(p))],
        _ => {}
    }
    if let (Value::Absent, Some((r, p))) = (&lb.drop_invalid_header_fields, &lb.attributes_unknown)
    {
        return vec![unknown(format!("load balancer attributes: {r}"), Some(*p))];
    }
    vec![must_be_true(
        &lb.drop_invalid_header_fields,
        false,
        res.property("drop_invalid_header_fields"),
    )]
}
