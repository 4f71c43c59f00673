use wasp_core::Severity;
use wasp_model::{Kind, KindTag, Model, Resource, Value};

use crate::helpers::{fail, unknown};
use crate::{fsbp, Area, Outcome};

crate::declare! {
    id: "WASP-COGNITO-002",
    name: "cognito-user-pool-threat-protection-not-enforced",
    title: "Cognito user pool threat protection is not enforced",
    severity: Severity::Medium,
    area: Area::Identity,
    best_practices: &["SEC02-BP01"],
    kinds: &[KindTag::UserPool],
    references: &[fsbp("Cognito.1")],
    remediation: "Set `UserPoolAddOns.AdvancedSecurityMode` / `user_pool_add_ons.advanced_security_mode` to `ENFORCED` (Plus feature plan).",
    doc: r#"## What it checks
That threat protection (formerly advanced security features) runs in full-function mode for
standard authentication: `UserPoolAddOns.AdvancedSecurityMode` (`user_pool_add_ons` →
`advanced_security_mode`) is `ENFORCED`. `OFF` (the default) and `AUDIT` (which only records
risks) fail.

## Why it matters
Threat protection detects sign-ins with compromised credentials and risky sign-in attempts
(unusual device, location or IP) and responds by blocking them or requiring MFA. In audit mode it
only counts them while the attacker signs in.

## Remediation
```yaml
UserPoolAddOns:
  AdvancedSecurityMode: ENFORCED
```
```hcl
user_pool_add_ons {
  advanced_security_mode = "ENFORCED"
}
```
"#,
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Kind::UserPool(p) = &res.kind else {
        return vec![];
    };
    let name = res.property("advanced_security");
    match &p.advanced_security {
        Value::Known(m, _) if m.eq_ignore_ascii_case("enforced") => vec![Outcome::Pass],
        Value::Known(m, pos) => vec![fail(format!("{name} is `{m}`, not ENFORCED"), Some(*pos))],
        Value::Absent => vec![fail(
            format!("{name} is not set: threat protection is off"),
            None,
        )],
        Value::Unknown(r, pos) => vec![unknown(format!("{name}: {r}"), Some(*pos))],
    }
}
