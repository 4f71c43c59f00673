use wasp_core::Severity;
use wasp_model::{Kind, KindTag, Model, Resource, Value};

use crate::helpers::{fail, unknown};
use crate::{checkov, fsbp, Area, Outcome};

crate::declare! {
    id: "WASP-ELB-022",
    name: "elb-desync-mitigation-monitor-mode",
    title: "Load balancer only monitors HTTP desync attacks instead of mitigating them",
    severity: Severity::Medium,
    area: Area::Network,
    best_practices: &["SEC05-BP03"],
    kinds: &[KindTag::LoadBalancer, KindTag::ClassicLoadBalancer],
    references: &[fsbp("ELB.12"), fsbp("ELB.14"), checkov("CKV_AWS_328")],
    remediation: "Set the desync mitigation mode to defensive (the default) or strictest.",
    doc: r#"## What it checks
That Application and Classic Load Balancers do not set their desync mitigation mode to
`monitor`: the attribute `routing.http.desync_mitigation_mode` (CloudFormation), or
`desync_mitigation_mode` of `aws_lb` and `aws_elb`. The default, `defensive`, and `strictest`
pass.

## Why it matters
In `monitor` mode the load balancer forwards every request, however ambiguous, and only counts
it. Requests that a target may parse differently from the load balancer, the basis of HTTP
request smuggling, reach the application; `defensive` blocks the dangerous ones and
`strictest` all that do not comply with the RFC.

## Remediation
```yaml
LoadBalancer:
  Type: AWS::ElasticLoadBalancingV2::LoadBalancer
  Properties:
    Subnets: [!Ref SubnetA, !Ref SubnetB]
    LoadBalancerAttributes:
      - Key: routing.http.desync_mitigation_mode
        Value: defensive
```
```hcl
resource "aws_lb" "web" {
  subnets                = [aws_subnet.a.id, aws_subnet.b.id]
  desync_mitigation_mode = "defensive"
}
```
"#,
}

fn mode(v: &Value<String>, what: &str) -> Outcome {
    match v {
        Value::Known(m, p) if m.eq_ignore_ascii_case("monitor") => fail(
            format!("{what} is monitor: ambiguous requests are forwarded"),
            Some(*p),
        ),
        Value::Known(..) | Value::Absent => Outcome::Pass,
        Value::Unknown(r, p) => unknown(format!("{what}: {r}"), Some(*p)),
    }
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let what = res.property("desync_mitigation_mode");
    match &res.kind {
        Kind::LoadBalancer(lb) => {
            match lb.is_application() {
                Value::Known(false, _) => return vec![],
                Value::Unknown(r, p) => {
                    return vec![unknown(format!("load balancer type: {r}"), Some(p))]
                }
                _ => {}
            }
            if let (Value::Absent, Some((r, p))) =
                (&lb.desync_mitigation_mode, &lb.attributes_unknown)
            {
                return vec![unknown(format!("load balancer attributes: {r}"), Some(*p))];
            }
            vec![mode(&lb.desync_mitigation_mode, what)]
        }
        Kind::ClassicLoadBalancer(lb) => vec![mode(&lb.desync_mitigation_mode, what)],
        _ => vec![],
    }
}
