use wasp_core::Severity;
use wasp_model::{KindTag, Model, Resource, Value};

use crate::helpers::{fail, unknown};
use crate::{checkov, Area, Outcome};

crate::declare! {
    id: "WASP-ACM-002",
    name: "acm-certificate-transparency-logging-disabled",
    title: "ACM certificate opts out of certificate transparency logging",
    severity: Severity::Low,
    area: Area::DataInTransit,
    best_practices: &["SEC09-BP01"],
    kinds: &[KindTag::Certificate],
    references: &[checkov("CKV_AWS_234")],
    remediation: "Remove CertificateTransparencyLoggingPreference: DISABLED (or set ENABLED).",
    doc: r#"## What it checks
That public certificates do not opt out of certificate transparency logging
(`CertificateTransparencyLoggingPreference`, `options.certificate_transparency_logging_preference`
set to `DISABLED`). Certificates issued by a private CA are not logged and are not checked.

## Why it matters
Certificate transparency logs let domain owners detect certificates issued for their domains by
mistake or by an attacker. Browsers distrust public certificates that are not logged, so opting
out also breaks them for most clients.

## Remediation
```yaml
CertificateTransparencyLoggingPreference: ENABLED
```
```hcl
options {
  certificate_transparency_logging_preference = "ENABLED"
}
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
    let setting = res.property("transparency_logging");
    vec![match &c.transparency_logging {
        Value::Known(v, p) if v.eq_ignore_ascii_case("DISABLED") => {
            fail(format!("{setting} is DISABLED"), Some(*p))
        }
        Value::Unknown(r, p) => unknown(format!("{setting}: {r}"), Some(*p)),
        _ => Outcome::Pass,
    }]
}
