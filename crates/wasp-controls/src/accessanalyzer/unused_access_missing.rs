use wasp_core::Severity;
use wasp_model::{Kind, KindTag, Model, Resource, Value};

use crate::helpers::{fail, unknown};
use crate::{Area, Outcome};

crate::declare! {
    id: "WASP-ACCESSANALYZER-001",
    name: "access-analyzer-unused-access-missing",
    title: "No IAM Access Analyzer analyzer for unused access",
    severity: Severity::Low,
    area: Area::Identity,
    best_practices: &["SEC03-BP04"],
    kinds: &[KindTag::AccessAnalyzer],
    references: &[],
    remediation: "Add an analyzer of type ACCOUNT_UNUSED_ACCESS (or ORGANIZATION_UNUSED_ACCESS).",
    doc: r#"## What it checks
That IAM Access Analyzer analyzes unused access. An analyzer of type `ACCOUNT_UNUSED_ACCESS` or
`ORGANIZATION_UNUSED_ACCESS` passes. An external access analyzer (`ACCOUNT`, the default, or
`ORGANIZATION`) passes when the same template or configuration also declares an unused access
analyzer, and fails otherwise.

## Why it matters
Permissions granted for a project, a migration or an incident tend to stay once the need is
gone. An unused access analyzer reports roles, users, access keys, console passwords and
permissions that have not been used within its tracking period, so they can be removed and
access kept to what is actually used. An external access analyzer only reports resources shared
outside the account or organization; it says nothing about permissions that are granted but
never used.

## Remediation
```yaml
UnusedAccessAnalyzer:
  Type: AWS::AccessAnalyzer::Analyzer
  Properties:
    Type: ACCOUNT_UNUSED_ACCESS
    AnalyzerConfiguration:
      UnusedAccessConfiguration:
        UnusedAccessAge: 90
```
```hcl
resource "aws_accessanalyzer_analyzer" "unused" {
  analyzer_name = "unused-access"
  type          = "ACCOUNT_UNUSED_ACCESS"

  configuration {
    unused_access {
      unused_access_age = 90
    }
  }
}
```
"#,
}

/// Does an analyzer type analyze unused access?
fn unused_access(t: &str) -> bool {
    t.to_ascii_uppercase().ends_with("_UNUSED_ACCESS")
}

pub fn check(res: &Resource, model: &Model) -> Vec<Outcome> {
    let Kind::AccessAnalyzer(a) = &res.kind else {
        return vec![];
    };
    let what = res.property("analyzer_type");
    match &a.analyzer_type {
        Value::Known(t, _) if unused_access(t) => return vec![Outcome::Pass],
        Value::Unknown(r, p) => return vec![unknown(format!("{what}: {r}"), Some(*p))],
        _ => {}
    }
    let mut undecided = None;
    for other in model.of_kind(KindTag::AccessAnalyzer) {
        if other.address == res.address {
            continue;
        }
        let Kind::AccessAnalyzer(o) = &other.kind else {
            continue;
        };
        match &o.analyzer_type {
            Value::Known(t, _) if unused_access(t) => return vec![Outcome::Pass],
            Value::Unknown(r, _) => {
                undecided.get_or_insert_with(|| {
                    format!(
                        "whether analyzer `{}` analyzes unused access: {r}",
                        other.address
                    )
                });
            }
            _ => {}
        }
    }
    if let Some(reason) = undecided {
        return vec![unknown(reason, a.analyzer_type.pos())];
    }
    vec![fail(
        "no analyzer for unused access: IAM Access Analyzer reports external access only",
        a.analyzer_type.pos(),
    )]
}
