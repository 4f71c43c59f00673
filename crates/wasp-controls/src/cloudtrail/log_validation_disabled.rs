use wasp_core::Severity;
use wasp_model::{KindTag, Model, Resource};

use crate::helpers::must_be_true;
use crate::{checkov, cis, fsbp, Area, Outcome};

crate::declare! {
    id: "WASP-CT-002",
    name: "cloudtrail-log-validation-disabled",
    title: "CloudTrail log file validation is not enabled",
    severity: Severity::Medium,
    area: Area::Detection,
    best_practices: &["SEC04-BP01"],
    kinds: &[KindTag::Trail],
    references: &[cis("3.2"), fsbp("CloudTrail.4"), checkov("CKV_AWS_36")],
    remediation: "Set EnableLogFileValidation to true.",
    doc: r#"## What it checks
That the trail sets `EnableLogFileValidation: true`.

## Why it matters
Validation writes signed digest files, so an investigator can prove that log files were not
modified or deleted after delivery. Without it, an intruder who reaches the log bucket can
rewrite history unnoticed.

## Remediation
```yaml
EnableLogFileValidation: true
```
```hcl
resource "aws_cloudtrail" "main" {
  enable_log_file_validation = true
}
```
"#,
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    super::trail(res)
        .map(|t| {
            vec![must_be_true(
                &t.log_file_validation,
                false,
                res.property("log_file_validation"),
            )]
        })
        .unwrap_or_default()
}
