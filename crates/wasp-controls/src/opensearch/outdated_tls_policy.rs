use wasp_core::Severity;
use wasp_model::{KindTag, Model, Resource, Value};

use crate::helpers::{fail, unknown};
use crate::{checkov, fsbp, Area, Outcome};

crate::declare! {
    id: "WASP-OPENSEARCH-004",
    name: "opensearch-outdated-tls-policy",
    title: "OpenSearch domain accepts TLS older than 1.2",
    severity: Severity::Medium,
    area: Area::DataInTransit,
    best_practices: &["SEC09-BP02"],
    kinds: &[KindTag::SearchDomain],
    references: &[fsbp("Opensearch.8"), fsbp("ES.8"), checkov("CKV_AWS_228")],
    remediation: "Set DomainEndpointOptions.TLSSecurityPolicy to Policy-Min-TLS-1-2-PFS-2023-10.",
    doc: r#"## What it checks
That the domain endpoint's TLS security policy accepts TLS 1.2 and later only
(`Policy-Min-TLS-1-2-2019-07` or `Policy-Min-TLS-1-2-PFS-2023-10`). A domain that does not set the
policy gets the service default, `Policy-Min-TLS-1-0-2019-07`, which accepts TLS 1.0 and 1.1.

## Why it matters
TLS 1.0 and 1.1 are deprecated (RFC 8996) and their cipher suites have known weaknesses; clients,
or an attacker forcing a downgrade, can still negotiate them while the policy allows it.

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
    let setting = res.property("tls_policy");
    vec![match &d.tls_policy {
        Value::Known(p, _)
            if p.starts_with("Policy-Min-TLS-1-2") || p.starts_with("Policy-Min-TLS-1-3") =>
        {
            Outcome::Pass
        }
        Value::Known(p, pos) => fail(
            format!("{setting} `{p}` accepts TLS older than 1.2"),
            Some(*pos),
        ),
        Value::Absent => fail(
            format!("no {setting}: the default Policy-Min-TLS-1-0-2019-07 accepts TLS 1.0"),
            None,
        ),
        Value::Unknown(r, p) => unknown(format!("{setting}: {r}"), Some(*p)),
    }]
}
