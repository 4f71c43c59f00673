use wasp_core::Severity;
use wasp_model::{Kind, KindTag, Model, Resource, Value};

use crate::helpers::{fail, unknown};
use crate::{Area, Outcome};

crate::declare! {
    id: "WASP-SECURITYHUB-001",
    name: "securityhub-no-standard-enabled",
    title: "Security Hub is enabled without the FSBP or CIS standard",
    severity: Severity::Medium,
    area: Area::Detection,
    best_practices: &["SEC04-BP02", "SEC04-BP04"],
    kinds: &[KindTag::SecurityHub],
    references: &[],
    remediation:
        "Keep the default standards, or subscribe the FSBP or CIS standard in the same template.",
    doc: r#"## What it checks
That a Security Hub enabled by the template or configuration evaluates the account against the
AWS Foundational Security Best Practices or the CIS AWS Foundations Benchmark standard: either
it keeps `EnableDefaultStandards` (`enable_default_standards`) at its default, `true`, which
subscribes both, or the same template or configuration subscribes one of them
(`AWS::SecurityHub::Standard`, `aws_securityhub_standards_subscription`).

A subscription whose standard ARN is known only at deploy time makes the result unknown.

## Why it matters
Without a standard, Security Hub only collects findings of other services: nothing checks the
account's own configuration, so drifted and non-compliant resources produce no finding and no
remediation workflow ever starts.

## Remediation
```yaml
FoundationalStandard:
  Type: AWS::SecurityHub::Standard
  Properties:
    StandardsArn: !Sub arn:${AWS::Partition}:securityhub:${AWS::Region}::standards/aws-foundational-security-best-practices/v/1.0.0
```
```hcl
resource "aws_securityhub_standards_subscription" "fsbp" {
  standards_arn = "arn:aws:securityhub:eu-west-1::standards/aws-foundational-security-best-practices/v/1.0.0"
  depends_on    = [aws_securityhub_account.main]
}
```
"#,
}

/// Is this a standard that evaluates the account's own configuration broadly?
fn is_baseline(arn: &str) -> bool {
    let a = arn.to_ascii_lowercase();
    a.contains("aws-foundational-security-best-practices") || a.contains("cis-aws-foundations")
}

pub fn check(res: &Resource, model: &Model) -> Vec<Outcome> {
    let Kind::SecurityHub(h) = &res.kind else {
        return vec![];
    };
    if matches!(
        h.enable_default_standards,
        Value::Absent | Value::Known(true, _)
    ) {
        return vec![Outcome::Pass];
    }
    let mut undecided = None;
    for r in model.of_kind(KindTag::HubStandard) {
        let Kind::HubStandard(s) = &r.kind else {
            continue;
        };
        match &s.arn {
            Value::Known(arn, _) if is_baseline(arn) => return vec![Outcome::Pass],
            Value::Unknown(reason, p) => {
                undecided.get_or_insert((format!("standard `{}`: {reason}", r.address), *p))
            }
            _ => continue,
        };
    }
    let what = res.property("enable_default_standards");
    match (&h.enable_default_standards, undecided) {
        (Value::Unknown(reason, p), _) => vec![unknown(format!("{what}: {reason}"), Some(*p))],
        (_, Some((reason, p))) => vec![unknown(reason, Some(p))],
        (v, None) => vec![fail(
            format!("{what} is false and no FSBP or CIS standard is subscribed"),
            v.pos(),
        )],
    }
}
