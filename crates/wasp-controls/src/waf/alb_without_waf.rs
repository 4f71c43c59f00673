use wasp_core::Severity;
use wasp_model::{Kind, KindTag, Model, Resource, Value};

use crate::helpers::{fail, unknown};
use crate::{checkov, fsbp, Area, Outcome};

crate::declare! {
    id: "WASP-WAF-001",
    name: "alb-without-waf",
    title: "Internet-facing Application Load Balancer has no WAF web ACL",
    severity: Severity::Medium,
    area: Area::Network,
    best_practices: &["SEC05-BP03"],
    kinds: &[KindTag::LoadBalancer],
    references: &[fsbp("ELB.16"), checkov("CKV2_AWS_28")],
    remediation:
        "Associate a WAFv2 web ACL (with AWS managed rule groups at least) with the load balancer.",
    doc: r#"## What it checks
Internet-facing Application Load Balancers (the default type and scheme): a web ACL
association of the same template or configuration (`AWS::WAFv2::WebACLAssociation`,
`aws_wafv2_web_acl_association`, or their WAF Classic regional forms) must refer to the load
balancer. Internal load balancers and network or gateway load balancers are not checked. When
an association names a resource that cannot be known statically, the result is unknown.
Associations made outside the source (AWS Firewall Manager, another stack) are not visible:
suppress the finding for load balancers protected that way.

## Why it matters
A load balancer forwards any well-formed HTTP request to the application. A web ACL inspects
requests before they get there, blocking common exploit patterns (SQL injection, known bad
inputs, scanners, request floods) at the edge of the network layer and giving a place to
react quickly to a new vulnerability with a rule instead of a redeploy.

## Remediation
```yaml
LoadBalancerWaf:
  Type: AWS::WAFv2::WebACLAssociation
  Properties:
    ResourceArn: !Ref LoadBalancer
    WebACLArn: !GetAtt WebAcl.Arn
```
```hcl
resource "aws_wafv2_web_acl_association" "alb" {
  resource_arn = aws_lb.public.arn
  web_acl_arn  = aws_wafv2_web_acl.main.arn
}
```
"#,
}

pub fn check(res: &Resource, model: &Model) -> Vec<Outcome> {
    let Kind::LoadBalancer(lb) = &res.kind else {
        return vec![];
    };
    match lb.is_application() {
        Value::Known(true, _) => {}
        Value::Known(false, _) | Value::Absent => return vec![],
        Value::Unknown(r, p) => return vec![unknown(format!("load balancer type: {r}"), Some(p))],
    }
    match &lb.scheme {
        Value::Known(s, _) if s.eq_ignore_ascii_case("internal") => return vec![],
        Value::Unknown(r, p) => return vec![unknown(format!("scheme: {r}"), Some(*p))],
        _ => {}
    }
    let mut undecided = None;
    for other in model.of_kind(KindTag::WebAclAssociation) {
        let Kind::WebAclAssociation(a) = &other.kind else {
            continue;
        };
        match &a.target {
            Some(t) if *t == res.address => return vec![Outcome::Pass],
            Some(_) => {}
            None => {
                // Its position is in the other resource: point at this one.
                if let Value::Unknown(r, _) = &a.resource_arn {
                    undecided.get_or_insert_with(|| {
                        unknown(
                            format!("web ACL association `{}` protects {r}", other.address),
                            None,
                        )
                    });
                }
            }
        }
    }
    vec![undecided.unwrap_or_else(|| {
        fail(
            "no web ACL association refers to this internet-facing load balancer",
            None,
        )
    })]
}
