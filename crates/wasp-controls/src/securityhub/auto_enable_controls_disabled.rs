use wasp_core::Severity;
use wasp_model::{Kind, KindTag, Model, Resource};

use crate::helpers::must_be_true;
use crate::{Area, Outcome};

crate::declare! {
    id: "WASP-SECURITYHUB-002",
    name: "securityhub-auto-enable-controls-disabled",
    title: "Security Hub does not enable new controls of subscribed standards",
    severity: Severity::Low,
    area: Area::Detection,
    best_practices: &["SEC04-BP04"],
    kinds: &[KindTag::SecurityHub],
    references: &[],
    remediation:
        "Remove AutoEnableControls: false (auto_enable_controls = false); it defaults to true.",
    doc: r#"## What it checks
That Security Hub does not set `AutoEnableControls` (`auto_enable_controls`) to `false`. Both
default to `true`.

## Why it matters
AWS adds controls to its standards as services gain features and new misconfigurations become
known. With automatic enabling off, every new control stays disabled until someone turns it on
by hand, so the resources it would flag drift unnoticed.

## Remediation
```yaml
Hub:
  Type: AWS::SecurityHub::Hub
  Properties:
    AutoEnableControls: true
```
```hcl
resource "aws_securityhub_account" "main" {
  auto_enable_controls = true
}
```
"#,
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Kind::SecurityHub(h) = &res.kind else {
        return vec![];
    };
    vec![must_be_true(
        &h.auto_enable_controls,
        true,
        res.property("auto_enable_controls"),
    )]
}
