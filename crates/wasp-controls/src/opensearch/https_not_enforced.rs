use wasp_core::Severity;
use wasp_model::{KindTag, Model, Resource};

use crate::helpers::must_be_true;
use crate::{checkov, Area, Outcome};

crate::declare! {
    id: "WASP-OPENSEARCH-003",
    name: "opensearch-https-not-enforced",
    title: "OpenSearch domain accepts plain HTTP requests",
    severity: Severity::Medium,
    area: Area::DataInTransit,
    best_practices: &["SEC09-BP02"],
    kinds: &[KindTag::SearchDomain],
    references: &[checkov("CKV_AWS_83")],
    remediation:
        "Set DomainEndpointOptions.EnforceHTTPS (domain_endpoint_options.enforce_https) to true.",
    doc: r#"## What it checks
That the domain endpoint requires HTTPS (`DomainEndpointOptions.EnforceHTTPS`,
`domain_endpoint_options { enforce_https = true }`; off unless set).

## Why it matters
Without it, the endpoint also answers on plain HTTP: queries, results and the credentials or
signed requests of clients can be read and altered on the network.

## Remediation
```yaml
DomainEndpointOptions:
  EnforceHTTPS: true
  TLSSecurityPolicy: Policy-Min-TLS-1-2-PFS-2023-10
```
```hcl
domain_endpoint_options {
  enforce_https       = true
  tls_security_policy = "Policy-Min-TLS-1-2-PFS-2023-10"
}
```
"#,
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Some(d) = super::domain(res) else {
        return vec![];
    };
    vec![must_be_true(
        &d.enforce_https,
        false,
        res.property("enforce_https"),
    )]
}
