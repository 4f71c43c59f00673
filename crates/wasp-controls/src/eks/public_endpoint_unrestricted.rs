use wasp_core::Severity;
use wasp_model::{KindTag, Model, Resource, Value};

use crate::helpers::{fail, is_world, unknown};
use crate::{checkov, fsbp, Area, Outcome};

crate::declare! {
    id: "WASP-EKS-001",
    name: "eks-public-endpoint-unrestricted",
    title: "EKS API server endpoint is open to the whole internet",
    severity: Severity::High,
    area: Area::Network,
    best_practices: &["SEC05-BP01", "SEC05-BP02"],
    kinds: &[KindTag::EksCluster],
    references: &[fsbp("EKS.1"), checkov("CKV_AWS_38"), checkov("CKV_AWS_39")],
    remediation: "Turn the public endpoint off (EndpointPublicAccess false, EndpointPrivateAccess true), or restrict PublicAccessCidrs to the networks that administer the cluster.",
    doc: r#"## What it checks
That the cluster's public API server endpoint is either disabled or restricted: with
`EndpointPublicAccess` (`endpoint_public_access`) unset or true, `PublicAccessCidrs`
(`public_access_cidrs`) must be set and must not contain `0.0.0.0/0`. Unset CIDRs default to
`0.0.0.0/0`.

## Why it matters
The Kubernetes API server is the control plane of everything in the cluster. Exposed to the
whole internet it is probed continuously, and any leaked kubeconfig, token or unpatched API
server vulnerability becomes directly exploitable. A private endpoint, or a public one limited
to known networks, keeps the control plane inside the network layers you control.

## Remediation
```yaml
ResourcesVpcConfig:
  SubnetIds: !Ref PrivateSubnets
  EndpointPublicAccess: false
  EndpointPrivateAccess: true
```
```hcl
vpc_config {
  subnet_ids              = var.private_subnet_ids
  endpoint_public_access  = false
  endpoint_private_access = true
}
```
"#,
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Some(c) = super::cluster(res) else {
        return vec![];
    };
    let public = res.property("endpoint_public");
    let cidrs = res.property("public_access_cidrs");
    match &c.endpoint_public {
        Value::Known(false, _) => return vec![Outcome::Pass],
        Value::Unknown(r, p) => return vec![unknown(format!("{public}: {r}"), Some(*p))],
        _ => {}
    }
    let Some(list) = &c.public_access_cidrs else {
        return vec![fail(
            format!(
                "the public endpoint is enabled and {cidrs} is not set (defaults to 0.0.0.0/0)"
            ),
            c.endpoint_pos,
        )];
    };
    let mut out = Vec::new();
    for v in list {
        match v {
            Value::Known(cidr, p) if is_world(cidr) => out.push(fail(
                format!("the public endpoint is open to {cidr}"),
                Some(*p),
            )),
            Value::Unknown(r, p) => out.push(unknown(format!("{cidrs}: {r}"), Some(*p))),
            _ => {}
        }
    }
    if list.is_empty() {
        out.push(fail(
            format!("the public endpoint is enabled and {cidrs} is empty (defaults to 0.0.0.0/0)"),
            c.endpoint_pos,
        ));
    }
    if out.is_empty() {
        out.push(Outcome::Pass);
    }
    out
}
