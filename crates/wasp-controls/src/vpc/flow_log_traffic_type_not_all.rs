use wasp_core::Severity;
use wasp_model::{Kind, KindTag, Model, Resource, Value};

use crate::helpers::{fail, unknown};
use crate::{Area, Outcome};

crate::declare! {
    id: "WASP-VPC-021",
    name: "vpc-flow-log-traffic-type-not-all",
    title: "Flow log captures only accepted or only rejected traffic",
    severity: Severity::Low,
    area: Area::Detection,
    best_practices: &["SEC04-BP01"],
    kinds: &[KindTag::FlowLog],
    references: &[],
    remediation: "Set TrafficType (traffic_type) to ALL.",
    doc: r#"## What it checks
That the flow log records all traffic: `TrafficType` (`traffic_type`) is `ALL`, not `ACCEPT` or
`REJECT`. Transit gateway flow logs, which set no traffic type, record all traffic.

## Why it matters
Rejected traffic shows scanning and blocked attempts; accepted traffic shows what actually got
through, including data leaving the VPC. A log of one half answers only half of the questions
of an investigation: with `REJECT` alone, a successful connection to a command-and-control host
is invisible.

## Remediation
```yaml
VpcFlowLog:
  Type: AWS::EC2::FlowLog
  Properties:
    ResourceType: VPC
    ResourceId: !Ref Vpc
    TrafficType: ALL
    LogDestinationType: s3
    LogDestination: !GetAtt FlowLogBucket.Arn
```
```hcl
resource "aws_flow_log" "main" {
  vpc_id               = aws_vpc.main.id
  traffic_type         = "ALL"
  log_destination_type = "s3"
  log_destination      = aws_s3_bucket.flow_logs.arn
}
```
"#,
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Kind::FlowLog(f) = &res.kind else {
        return vec![];
    };
    let what = res.property("traffic_type");
    vec![match &f.traffic_type {
        Value::Known(t, _) if t.eq_ignore_ascii_case("ALL") => Outcome::Pass,
        Value::Known(t, p) => fail(
            format!("{what} is {t}: only part of the traffic is recorded"),
            Some(*p),
        ),
        Value::Absent => Outcome::Pass,
        Value::Unknown(r, p) => unknown(format!("{what}: {r}"), Some(*p)),
    }]
}
