use wasp_core::Severity;
use wasp_model::{KindTag, Model, Resource};

use crate::helpers::must_be_true;
use crate::{checkov, fsbp, Area, Outcome};

crate::declare! {
    id: "WASP-REDSHIFT-004",
    name: "redshift-enhanced-vpc-routing-disabled",
    title: "Redshift cluster does not route COPY and UNLOAD traffic through its VPC",
    severity: Severity::Low,
    area: Area::Network,
    best_practices: &["SEC05-BP02"],
    kinds: &[KindTag::Warehouse],
    references: &[fsbp("Redshift.7"), checkov("CKV_AWS_321")],
    remediation: "Set EnhancedVpcRouting (enhanced_vpc_routing) to true and give the VPC an S3 gateway endpoint.",
    doc: r#"## What it checks
That the cluster enables enhanced VPC routing (`EnhancedVpcRouting`, `enhanced_vpc_routing`; off
by default).

## Why it matters
Without it, `COPY` and `UNLOAD` traffic between the cluster and S3 or other data stores leaves
through the internet path of the service, outside the VPC's security groups, network ACLs, VPC
endpoint policies and flow logs. With it, that traffic is subject to the same network controls
and monitoring as the rest of the workload.

## Remediation
```yaml
EnhancedVpcRouting: true
```
```hcl
enhanced_vpc_routing = true
```
"#,
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Some(w) = super::cluster(res) else {
        return vec![];
    };
    vec![must_be_true(
        &w.enhanced_vpc_routing,
        false,
        res.property("enhanced_vpc_routing"),
    )]
}
