use wasp_core::Severity;
use wasp_model::{KindTag, Model, Resource, Value};

use crate::helpers::{fail, unknown};
use crate::{fsbp, Area, Outcome};

crate::declare! {
    id: "WASP-ACM-001",
    name: "acm-certificate-weak-key",
    title: "ACM certificate uses an RSA key shorter than 2048 bits",
    severity: Severity::Medium,
    area: Area::DataInTransit,
    best_practices: &["SEC09-BP01"],
    kinds: &[KindTag::Certificate],
    references: &[fsbp("ACM.2")],
    remediation: "Request the certificate with KeyAlgorithm RSA_2048 (the default) or stronger, or an EC key.",
    doc: r#"## What it checks
That the certificate's key algorithm (`KeyAlgorithm`, `key_algorithm`) is not `RSA_1024`. The
default, `RSA_2048`, passes, as do larger RSA keys and the EC algorithms.

## Why it matters
1024-bit RSA keys are within reach of well-funded attackers and are no longer trusted by
browsers and most clients (NIST disallowed them after 2013). A certificate with such a key gives
the connections it protects no lasting authenticity.

## Remediation
```yaml
KeyAlgorithm: EC_prime256v1
```
```hcl
key_algorithm = "EC_prime256v1"
```
"#,
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Some(c) = super::certificate(res) else {
        return vec![];
    };
    if c.imported {
        return vec![];
    }
    let setting = res.property("key_algorithm");
    vec![match &c.key_algorithm {
        Value::Known(a, p) if a.eq_ignore_ascii_case("RSA_1024") => {
            fail(format!("{setting} is {a}: the key is too short"), Some(*p))
        }
        Value::Unknown(r, p) => unknown(format!("{setting}: {r}"), Some(*p)),
        _ => Outcome::Pass,
    }]
}
