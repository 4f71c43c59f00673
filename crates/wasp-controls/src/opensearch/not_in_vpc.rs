use wasp_core::Severity;
use wasp_model::{KindTag, Model, Resource, Value};

use crate::helpers::{fail, unknown};
use crate::{checkov, fsbp, Area, Outcome};

crate::declare! {
    id: "WASP-OPENSEARCH-005",
    name: "opensearch-not-in-vpc",
    title: "OpenSearch domain has a public endpoint",
    severity: Severity::Medium,
    area: Area::Network,
    best_practices: &["SEC05-BP01"],
    kinds: &[KindTag::SearchDomain],
    references: &[fsbp("Opensearch.2"), fsbp("ES.2"), checkov("CKV_AWS_137")],
    remediation:
        "Place the domain in private subnets with VPCOptions (vpc_options) and security groups.",
    doc: r#"## What it checks
That the domain is placed in a VPC (`VPCOptions.SubnetIds`, `vpc_options { subnet_ids }`). A
domain without VPC options has a public endpoint.

## Why it matters
A public endpoint is reachable from the internet; only its access policy stands between the data
and anyone who finds it, and a single permissive statement exposes every index. In a VPC, security
groups and the network layer add a control that does not depend on the policy being right.

## Remediation
```yaml
VPCOptions:
  SubnetIds: [!Ref PrivateSubnetA]
  SecurityGroupIds: [!Ref SearchSecurityGroup]
```
```hcl
vpc_options {
  subnet_ids         = [aws_subnet.private_a.id]
  security_group_ids = [aws_security_group.search.id]
}
```
"#,
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Some(d) = super::domain(res) else {
        return vec![];
    };
    let setting = res.property("in_vpc");
    vec![match &d.in_vpc {
        Value::Known(true, _) => Outcome::Pass,
        Value::Known(false, p) => fail(
            format!("{setting} is empty: the endpoint is public"),
            Some(*p),
        ),
        Value::Absent => fail(
            "the domain has no VPC options: its endpoint is public",
            None,
        ),
        Value::Unknown(r, p) => unknown(format!("{setting}: {r}"), Some(*p)),
    }]
}
