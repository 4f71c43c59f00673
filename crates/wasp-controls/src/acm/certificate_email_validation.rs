use wasp_core::Severity;
use wasp_model::{KindTag, Model, Resource, Value};

use crate::helpers::{fail, unknown};
use crate::{Area, Outcome};

crate::declare! {
    id: "WASP-ACM-003",
    name: "acm-certificate-email-validation",
    title: "ACM certificate is validated by email",
    severity: Severity::Low,
    area: Area::DataInTransit,
    best_practices: &["SEC09-BP01"],
    kinds: &[KindTag::Certificate],
    references: &[],
    remediation:
        "Set ValidationMethod (validation_method) to DNS and publish the validation CNAME records.",
    doc: r#"## What it checks
That public certificates requested from ACM use DNS validation (`ValidationMethod`,
`validation_method` = `DNS`). In CloudFormation, a certificate that does not set the method is
validated by email. Private and imported certificates are not checked.

## Why it matters
Email validation depends on whoever reads the domain's administrative mailboxes (`admin@`,
`webmaster@`, WHOIS contacts) clicking a link, now and at every renewal: a hijacked or
misrouted mailbox can approve a certificate, and a missed email lets it expire. DNS validation
is tied to control of the zone and lets ACM renew certificates automatically.

## Remediation
```yaml
ValidationMethod: DNS
DomainValidationOptions:
  - DomainName: example.com
    HostedZoneId: !Ref Zone
```
```hcl
validation_method = "DNS"
```
"#,
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Some(c) = super::certificate(res) else {
        return vec![];
    };
    if c.imported || !c.private_ca.is_absent() {
        return vec![];
    }
    let setting = res.property("validation_method");
    vec![match &c.validation_method {
        Value::Known(v, p) if v.eq_ignore_ascii_case("EMAIL") => {
            fail(format!("{setting} is EMAIL"), Some(*p))
        }
        Value::Absent => fail(
            format!("no {setting}: the certificate is validated by email"),
            None,
        ),
        Value::Unknown(r, p) => unknown(format!("{setting}: {r}"), Some(*p)),
        _ => Outcome::Pass,
    }]
}
