use wasp_core::Severity;
use wasp_model::{KindTag, Model, Resource, Value};

use crate::helpers::{fail, unknown};
use crate::{checkov, Area, Outcome};

crate::declare! {
    id: "WASP-EC2-012",
    name: "metadata-hop-limit-above-one",
    title: "Instance metadata responses may travel more than one network hop",
    severity: Severity::Low,
    area: Area::Compute,
    best_practices: &["SEC06-BP02"],
    kinds: &[
        KindTag::Instance,
        KindTag::LaunchTemplate,
        KindTag::LaunchConfiguration,
    ],
    references: &[checkov("CKV_AWS_341")],
    remediation: "Set HttpPutResponseHopLimit to 1 unless containers on the instance must reach the metadata service; give them their own role (ECS task role, EKS Pod Identity) instead.",
    doc: r#"## What it checks
That instances, launch templates and launch configurations do not set the metadata response
hop limit (`HttpPutResponseHopLimit`) above 1. Unset passes: the limit is then 1 (2 for AMIs
registered as IMDSv2-only, which AWS chose for containers).

## Why it matters
With a hop limit of 1 the IMDSv2 session token cannot leave the instance's own network stack,
so containers behind a bridge network and anything that forwards packets cannot obtain the
instance role's credentials. A higher limit hands every container on the host the node's
role, which is usually far broader than any one workload needs.

## Remediation
```yaml
MetadataOptions:
  HttpTokens: required
  HttpPutResponseHopLimit: 1
```
```hcl
metadata_options {
  http_tokens                 = "required"
  http_put_response_hop_limit = 1
}
```
"#,
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Some(c) = super::compute(res, |c| &c.metadata.hop_limit) else {
        return vec![];
    };
    let name = res.property("metadata.hop_limit");
    vec![match &c.metadata.hop_limit {
        Value::Known(n, p) if *n > 1 => fail(format!("{name} is {n}"), Some(*p)),
        Value::Known(..) | Value::Absent => Outcome::Pass,
        Value::Unknown(reason, p) => unknown(format!("{name}: {reason}"), Some(*p)),
    }]
}
