use wasp_core::Severity;
use wasp_model::{Kind, KindTag, Model, Resource, Value};

use crate::helpers::{fail, must_be_true, unknown};
use crate::{checkov, fsbp, Area, Outcome};

crate::declare! {
    id: "WASP-ELB-020",
    name: "elb-access-logs-disabled",
    title: "Application or Classic Load Balancer does not write access logs",
    severity: Severity::Medium,
    area: Area::Detection,
    best_practices: &["SEC04-BP01"],
    kinds: &[KindTag::LoadBalancer, KindTag::ClassicLoadBalancer],
    references: &[fsbp("ELB.5"), checkov("CKV_AWS_91"), checkov("CKV_AWS_92")],
    remediation: "Enable access logs to an S3 bucket (access_logs.s3.enabled, access_logs { enabled = true }).",
    doc: r#"## What it checks
That Application Load Balancers and Classic Load Balancers write access logs to S3:
- Application Load Balancers: the attribute `access_logs.s3.enabled` is `true` (CloudFormation
  `LoadBalancerAttributes`), or the `access_logs` block of `aws_lb` sets `enabled = true`. Both
  default to off, even when a bucket is named.
- Classic Load Balancers: `AccessLoggingPolicy.Enabled` is `true`, or `aws_elb` has an
  `access_logs` block (enabled unless it says `enabled = false`).

Network and Gateway Load Balancers are not checked: they log only TLS connections.

## Why it matters
The load balancer is where requests from the internet enter the workload. Its access logs
record every request with the client address, path, status and TLS details: the evidence of
scanning, injection attempts, credential stuffing and what a successful attacker requested.

## Remediation
```yaml
LoadBalancer:
  Type: AWS::ElasticLoadBalancingV2::LoadBalancer
  Properties:
    Subnets: [!Ref SubnetA, !Ref SubnetB]
    LoadBalancerAttributes:
      - Key: access_logs.s3.enabled
        Value: "true"
      - Key: access_logs.s3.bucket
        Value: !Ref AccessLogBucket
```
```hcl
resource "aws_lb" "web" {
  subnets = [aws_subnet.a.id, aws_subnet.b.id]

  access_logs {
    bucket  = aws_s3_bucket.lb_logs.id
    enabled = true
  }
}
```
"#,
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    match &res.kind {
        Kind::LoadBalancer(lb) => {
            match lb.is_application() {
                Value::Known(false, _) => return vec![],
                Value::Unknown(r, p) => {
                    return vec![unknown(format!("load balancer type: {r}"), Some(p))]
                }
                _ => {}
            }
            if let (Value::Absent, Some((r, p))) = (&lb.access_logs, &lb.attributes_unknown) {
                return vec![unknown(format!("load balancer attributes: {r}"), Some(*p))];
            }
            vec![must_be_true(
                &lb.access_logs,
                false,
                res.property("access_logs"),
            )]
        }
        Kind::ClassicLoadBalancer(lb) => vec![match &lb.access_logging {
            Value::Absent => fail("no access logging policy is configured", None),
            v => must_be_true(v, false, res.property("access_logging")),
        }],
        _ => vec![],
    }
}
