use wasp_core::Severity;
use wasp_model::{Kind, KindTag, Model, Resource, Value};

use crate::helpers::{fail, unknown};
use crate::{checkov, Area, Outcome};

crate::declare! {
    id: "WASP-EC2-011",
    name: "instance-without-instance-profile",
    title: "EC2 instance has no instance profile for Systems Manager",
    severity: Severity::Low,
    area: Area::Compute,
    best_practices: &["SEC06-BP03", "SEC10-BP06"],
    kinds: &[
        KindTag::Instance,
        KindTag::LaunchTemplate,
        KindTag::LaunchConfiguration,
    ],
    references: &[checkov("CKV2_AWS_41")],
    remediation: "Attach an instance profile whose role has AmazonSSMManagedInstanceCore, and manage the instance through Session Manager, Run Command and Patch Manager.",
    doc: r#"## What it checks
That instances, launch templates and launch configurations set an IAM instance profile. An
instance launched from a launch template that does not set one is judged by the template.

## Why it matters
Without a role the Systems Manager agent cannot register the instance, so patching, inventory,
Session Manager and Run Command are unavailable: the instance gets managed over SSH or RDP by
hand, with long-lived keys, and responders have no tool on it when an incident starts. (An
account that turned on Systems Manager's Default Host Management Configuration manages
instances without an instance profile; suppress this control there.)

## Remediation
```yaml
Instance:
  Type: AWS::EC2::Instance
  Properties:
    IamInstanceProfile: !Ref SsmInstanceProfile
```
```hcl
resource "aws_instance" "app" {
  iam_instance_profile = aws_iam_instance_profile.ssm.name
}
```
"#,
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Some(c) = super::compute(res, |c| &c.instance_profile) else {
        return vec![];
    };
    let name = res.property("instance_profile");
    vec![match &c.instance_profile {
        Value::Known(p, _) if !p.trim().is_empty() => Outcome::Pass,
        Value::Known(_, p) => fail(format!("{name} is empty"), Some(*p)),
        Value::Absent => fail(
            match res.kind {
                Kind::Instance(_) => {
                    format!("no {name}: the instance has no role for Systems Manager")
                }
                _ => format!(
                    "no {name}: instances launched from it have no role for Systems Manager"
                ),
            },
            None,
        ),
        v @ Value::Unknown(reason, p) => {
            if v.is_reference() {
                Outcome::Pass
            } else {
                unknown(format!("{name}: {reason}"), Some(*p))
            }
        }
    }]
}
