use wasp_core::Severity;
use wasp_model::{Kind, KindTag, Model, Node, Resource, Value};

use crate::helpers::{fail, statements, strings, unknown};
use crate::net_support::{allows, everyone, has_condition};
use crate::{Area, Outcome};

crate::declare! {
    id: "WASP-VPC-003",
    name: "vpc-endpoint-policy-unrestricted",
    title: "VPC endpoint policy allows any action on any resource",
    severity: Severity::Medium,
    area: Area::Network,
    best_practices: &["SEC05-BP02"],
    kinds: &[KindTag::VpcEndpoint],
    references: &[],
    remediation: "Give the endpoint a policy that allows only the actions and resources (your buckets, your tables, your organization) the VPC needs.",
    doc: r#"## What it checks
Gateway and interface VPC endpoints: the endpoint must have a policy, and no statement of it
may allow every principal (`*`) every action (`*`) on every resource (`*`) without a
condition. An endpoint without a policy gets the default one, which allows exactly that.
Gateway Load Balancer and resource endpoints do not take policies and are not checked.

## Why it matters
An endpoint policy is the network's say in what the VPC may reach through the endpoint. With
full access, a compromised workload can copy data to any bucket in any account through the S3
gateway endpoint, bypassing egress filtering that would have stopped the same request over the
internet. A policy that names your own resources, or your organization with
`aws:ResourceOrgID`, closes that path.

## Remediation
```yaml
PolicyDocument:
  Version: "2012-10-17"
  Statement:
    - Effect: Allow
      Principal: "*"
      Action: ["s3:GetObject", "s3:PutObject"]
      Resource: !Sub "arn:${AWS::Partition}:s3:::${DataBucket}/*"
```
```hcl
policy = jsonencode({
  Version = "2012-10-17"
  Statement = [{
    Effect    = "Allow"
    Principal = "*"
    Action    = ["s3:GetObject", "s3:PutObject"]
    Resource  = "${aws_s3_bucket.data.arn}/*"
  }]
})
```
"#,
}

/// A statement element (`Action`, `Resource`) that includes `*`. `Err` when not known.
fn wildcard(st: &Node, key: &str) -> Result<bool, Outcome> {
    strings(st.get(key))
        .map(|v| v.contains(&"*"))
        .map_err(|(r, p)| unknown(format!("{key}: {r}"), Some(p)))
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Kind::VpcEndpoint(e) = &res.kind else {
        return vec![];
    };
    match &e.endpoint_type {
        Value::Known(t, _)
            if !(t.eq_ignore_ascii_case("gateway") || t.eq_ignore_ascii_case("interface")) =>
        {
            return vec![]
        }
        Value::Unknown(r, p) => return vec![unknown(format!("endpoint type: {r}"), Some(*p))],
        _ => {}
    }
    let Some(doc) = &e.policy else {
        return vec![fail(
            format!(
                "no {}: the default endpoint policy allows full access",
                res.property("policy")
            ),
            None,
        )];
    };
    let node = match &doc.document {
        Value::Known(n, _) => n,
        Value::Absent => {
            return vec![fail(
                "the endpoint policy is empty: the default allows full access",
                Some(doc.pos),
            )]
        }
        Value::Unknown(r, p) => return vec![unknown(format!("endpoint policy: {r}"), Some(*p))],
    };
    let mut out = Vec::new();
    for st in statements(node) {
        let full = (|| -> Result<bool, Outcome> {
            let err = |(r, p): (String, wasp_core::Pos)| unknown(r, Some(p));
            if !allows(st).map_err(err)? || has_condition(st) {
                return Ok(false);
            }
            Ok(everyone(st.get("Principal")).map_err(err)?
                && wildcard(st, "Action")?
                && wildcard(st, "Resource")?)
        })();
        match full {
            Ok(true) => out.push(fail(
                "a statement allows every principal every action on every resource",
                Some(st.pos),
            )),
            Ok(false) => {}
            Err(u) => out.push(u),
        }
    }
    if out.is_empty() {
        out.push(Outcome::Pass);
    }
    out
}
