use wasp_core::Severity;
use wasp_model::{Kind, KindTag, Link, Model, Resource};

use crate::helpers::{fail, unknown};
use crate::{checkov, cis, fsbp, Area, Outcome};

crate::declare! {
    id: "WASP-VPC-020",
    name: "vpc-flow-logs-disabled",
    title: "VPC has no flow log",
    severity: Severity::Medium,
    area: Area::Detection,
    best_practices: &["SEC04-BP01"],
    kinds: &[KindTag::Vpc],
    references: &[cis("3.7"), fsbp("EC2.6"), checkov("CKV2_AWS_11")],
    remediation: "Attach a flow log (AWS::EC2::FlowLog, aws_flow_log) to the VPC.",
    doc: r#"## What it checks
That a flow log of the same template or configuration is attached to the VPC
(`AWS::EC2::FlowLog` with `ResourceType: VPC` and `ResourceId: !Ref Vpc`, `aws_flow_log` with
`vpc_id`). Flow logs on subnets or network interfaces only do not count. When a flow log of
the template is attached to a resource known only at deploy time, the result is unknown.

## Why it matters
Flow logs are the network record of the VPC: which addresses talked to which, on which ports,
and what the security groups rejected. Without them, data exfiltration, scanning and traffic to
command-and-control hosts leave no trace that an investigation can follow, and GuardDuty loses
one of its inputs for the VPC.

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

pub fn check(res: &Resource, model: &Model) -> Vec<Outcome> {
    let Kind::Vpc(v) = &res.kind else {
        return vec![];
    };
    if !v.flow_logs.is_empty() {
        return vec![Outcome::Pass];
    }
    let undecided = model.of_kind(KindTag::FlowLog).find_map(|r| match &r.kind {
        Kind::FlowLog(f) => match &f.resource {
            Some(Link::Unknown(reason, p)) => Some((r.address.as_str(), reason.clone(), *p)),
            _ => None,
        },
        _ => None,
    });
    vec![match undecided {
        Some((addr, reason, p)) => unknown(
            format!("flow log `{addr}` is attached to a resource not known statically: {reason}"),
            Some(p),
        ),
        None => fail("no flow log is attached to the VPC", None),
    }]
}
