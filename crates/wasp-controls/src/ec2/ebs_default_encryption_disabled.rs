use wasp_core::Severity;
use wasp_model::{Kind, KindTag, Model, Resource};

use crate::helpers::must_be_true;
use crate::{checkov, cis, fsbp, Area, Outcome};

crate::declare! {
    id: "WASP-EC2-101",
    name: "ebs-default-encryption-disabled",
    title: "EBS encryption by default is turned off",
    severity: Severity::Medium,
    area: Area::DataAtRest,
    best_practices: &["SEC08-BP02", "SEC08-BP03"],
    kinds: &[KindTag::EbsDefaultEncryption],
    references: &[cis("2.2.1"), fsbp("EC2.7"), checkov("CKV_AWS_106")],
    remediation:
        "Set enabled = true on aws_ebs_encryption_by_default (the default of the resource).",
    doc: r#"## What it checks
That the account and Region setting "encrypt new EBS volumes by default"
(`aws_ebs_encryption_by_default`) is not turned off. CloudFormation has no resource for this
setting, so the control applies to Terraform only.

## Why it matters
With encryption by default, every new volume and snapshot copy in the Region is encrypted,
whatever the template, launch template or console user asks for: encryption at rest no longer
depends on every author remembering it.

## Remediation
CloudFormation cannot express it; enable it once per Region:
```yaml
# aws ec2 enable-ebs-encryption-by-default --region eu-west-1
```
```hcl
resource "aws_ebs_encryption_by_default" "this" {
  enabled = true
}
```
"#,
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Kind::EbsDefaultEncryption(e) = &res.kind else {
        return vec![];
    };
    vec![must_be_true(&e.enabled, true, "enabled")]
}
