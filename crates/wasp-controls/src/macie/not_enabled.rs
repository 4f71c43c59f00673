use wasp_core::Severity;
use wasp_model::{Kind, KindTag, Model, Resource, Value};

use crate::helpers::{fail, unknown};
use crate::{fsbp, Area, Outcome};

crate::declare! {
    id: "WASP-MACIE-001",
    name: "macie-not-enabled",
    title: "Amazon Macie is paused",
    severity: Severity::Low,
    area: Area::DataAtRest,
    best_practices: &["SEC07-BP03"],
    kinds: &[KindTag::MacieSession],
    references: &[fsbp("Macie.1")],
    remediation: "Set Status (status) to ENABLED on the Macie session, or leave it at its default.",
    doc: r#"## What it checks
That the Amazon Macie account resource (`AWS::Macie::Session`, `aws_macie2_account`) is not
paused: `Status` / `status` is `ENABLED`, which is also the default when it is not set.

## Why it matters
Macie inventories S3 buckets, evaluates their security and access settings, and discovers
sensitive data such as credentials, financial and personal information in the objects. It is
how the identification and classification of data is automated. A paused Macie keeps its
configuration but runs no discovery jobs and produces no findings, so sensitive data that lands
in an unexpected bucket goes unnoticed.

## Remediation
```yaml
Macie:
  Type: AWS::Macie::Session
  Properties:
    Status: ENABLED
    FindingPublishingFrequency: FIFTEEN_MINUTES
```
```hcl
resource "aws_macie2_account" "main" {
  status                       = "ENABLED"
  finding_publishing_frequency = "FIFTEEN_MINUTES"
}
```
"#,
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Kind::MacieSession(m) = &res.kind else {
        return vec![];
    };
    let what = res.property("status");
    vec![match &m.status {
        Value::Known(s, p) if s.eq_ignore_ascii_case("PAUSED") => fail(
            format!("{what} is {s}: Macie runs no sensitive data discovery"),
            Some(*p),
        ),
        Value::Known(..) | Value::Absent => Outcome::Pass,
        Value::Unknown(r, p) => unknown(format!("{what}: {r}"), Some(*p)),
    }]
}
