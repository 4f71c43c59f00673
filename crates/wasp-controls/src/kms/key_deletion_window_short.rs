use wasp_core::Severity;
use wasp_model::{Kind, KindTag, Model, Resource, Value};

use crate::helpers::{fail, unknown};
use crate::{Area, Outcome};

/// Shortest waiting period accepted, in days.
const MIN_DAYS: i64 = 14;

crate::declare! {
    id: "WASP-KMS-003",
    name: "kms-key-deletion-window-short",
    title: "KMS key deletion waiting period is shorter than 14 days",
    severity: Severity::Low,
    area: Area::DataAtRest,
    best_practices: &["SEC08-BP01"],
    kinds: &[KindTag::KmsKey],
    references: &[],
    remediation:
        "Set PendingWindowInDays (deletion_window_in_days) to 14 or more; the default is 30.",
    doc: r#"## What it checks
That the waiting period before a key scheduled for deletion is deleted
(`PendingWindowInDays`, `deletion_window_in_days`; 7 to 30, 30 by default) is at least 14 days.

## Why it matters
Deleting a KMS key makes everything encrypted under it unrecoverable. The waiting period is the
only time in which a mistaken or malicious deletion can be noticed (a `ScheduleKeyDeletion`
alarm, a failing decryption) and cancelled; a week can pass over a holiday or a weekend
unnoticed.

## Remediation
```yaml
DataKey:
  Type: AWS::KMS::Key
  Properties:
    PendingWindowInDays: 30
```
```hcl
resource "aws_kms_key" "data" {
  deletion_window_in_days = 30
}
```
"#,
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Kind::KmsKey(k) = &res.kind else {
        return vec![];
    };
    let setting = res.property("deletion_window");
    vec![match &k.deletion_window {
        Value::Known(n, p) if *n < MIN_DAYS => fail(
            format!("{setting} is {n} days, shorter than {MIN_DAYS}"),
            Some(*p),
        ),
        Value::Unknown(r, p) => unknown(format!("{setting}: {r}"), Some(*p)),
        _ => Outcome::Pass,
    }]
}
