use wasp_core::Severity;
use wasp_model::{KindTag, Model, Resource, Value};

use crate::resource_policy::must_not_be_public;
use crate::{Area, Outcome};

crate::declare! {
    id: "WASP-OPENSEARCH-007",
    name: "opensearch-access-policy-public",
    title: "OpenSearch domain with a public endpoint lets anyone in",
    severity: Severity::High,
    area: Area::DataAtRest,
    best_practices: &["SEC03-BP07", "SEC08-BP04"],
    kinds: &[KindTag::SearchDomain],
    references: &[],
    remediation: "Name specific IAM principals in the domain's access policy, or move the domain into a VPC and enable fine-grained access control.",
    doc: r#"## What it checks
That the access policy of a domain with a public endpoint (not in a VPC) does not allow everyone:
`Principal: "*"` (or `{"AWS": "*"}`) without a condition that really restricts the callers, such
as `aws:SourceIp` on a specific range, as IAM Access Analyzer judges it. Domains in a VPC, and
domains with fine-grained access control (which authenticates every request itself, and for which
an open resource policy is the recommended set-up), are judged on those controls instead.

## Why it matters
An open access policy on a public endpoint lets anyone on the internet query, and often write to
or delete, every index of the domain: one of the most common sources of leaked data sets.

## Remediation
```yaml
AccessPolicies:
  Version: "2012-10-17"
  Statement:
    - Effect: Allow
      Principal:
        AWS: !GetAtt SearchClient.Arn
      Action: es:ESHttp*
      Resource: !Sub "arn:aws:es:${AWS::Region}:${AWS::AccountId}:domain/search/*"
```
```hcl
access_policies = jsonencode({
  Version = "2012-10-17"
  Statement = [{
    Effect    = "Allow"
    Principal = { AWS = aws_iam_role.search_client.arn }
    Action    = "es:ESHttp*"
    Resource  = "arn:aws:es:eu-west-1:111122223333:domain/search/*"
  }]
})
```
"#,
}

pub fn check(res: &Resource, model: &Model) -> Vec<Outcome> {
    let Some(d) = super::domain(res) else {
        return vec![];
    };
    if matches!(d.in_vpc, Value::Known(true, _))
        || matches!(d.fine_grained_access, Value::Known(true, _))
    {
        return vec![Outcome::Pass];
    }
    match &d.access_policy {
        Some(p) => must_not_be_public(p, model),
        None => vec![Outcome::Pass],
    }
}
