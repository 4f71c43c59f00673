use wasp_core::Severity;
use wasp_model::{Kind, KindTag, Model, Resource, Value};

use crate::helpers::{fail, unknown};
use crate::{checkov, fsbp, Area, Outcome};

crate::declare! {
    id: "WASP-EC2-005",
    name: "imdsv2-not-required",
    title: "Instance metadata service does not require IMDSv2",
    severity: Severity::High,
    area: Area::Compute,
    best_practices: &["SEC06-BP02"],
    kinds: &[
        KindTag::Instance,
        KindTag::LaunchTemplate,
        KindTag::LaunchConfiguration,
    ],
    references: &[fsbp("EC2.8"), fsbp("AutoScaling.3"), checkov("CKV_AWS_79")],
    remediation: "Set MetadataOptions HttpTokens to required (or disable the metadata endpoint).",
    doc: r#"## What it checks
That instances, launch templates and launch configurations set `HttpTokens: required` in their metadata options, or
disable the metadata endpoint. An instance launched from a launch template of the same source
is judged by the template.

## Why it matters
IMDSv1 answers plain GET requests, so a server-side request forgery in any application on the
instance can read the instance role's credentials. IMDSv2's session tokens stop that class of
attack.

## Remediation
```yaml
MetadataOptions:
  HttpTokens: required
  HttpEndpoint: enabled
```
```hcl
metadata_options {
  http_tokens   = "required"
  http_endpoint = "enabled"
}
```
"#,
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let c = match &res.kind {
        Kind::Instance(c) => {
            if !c.launch_template.is_absent() && c.metadata.http_tokens.is_absent() {
                // Settings come from the launch template; it is checked on its own.
                return vec![];
            }
            c
        }
        Kind::LaunchTemplate(c) | Kind::LaunchConfiguration(c) => c,
        _ => return vec![],
    };
    if let Value::Known(e, _) = &c.metadata.http_endpoint {
        if e.eq_ignore_ascii_case("disabled") {
            return vec![Outcome::Pass];
        }
    }
    vec![match &c.metadata.http_tokens {
        Value::Known(t, _) if t.eq_ignore_ascii_case("required") => Outcome::Pass,
        Value::Known(t, p) => fail(
            format!(
                "{} is `{t}`: IMDSv1 is allowed",
                res.property("metadata.http_tokens")
            ),
            Some(*p),
        ),
        Value::Absent => fail(
            format!(
                "{} is not set: IMDSv1 is allowed by default",
                res.property("metadata.http_tokens")
            ),
            c.metadata.pos,
        ),
        Value::Unknown(r, p) => unknown(
            format!("{}: {r}", res.property("metadata.http_tokens")),
            Some(*p),
        ),
    }]
}
