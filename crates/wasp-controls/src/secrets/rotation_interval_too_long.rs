use wasp_core::Severity;
use wasp_model::{KindTag, Model, Resource, Value};

use crate::helpers::{fail, unknown};
use crate::{fsbp, Area, Outcome};

crate::declare! {
    id: "WASP-SECRETS-002",
    name: "secrets-rotation-interval-too-long",
    title: "Secrets Manager secret rotates less often than every 90 days",
    severity: Severity::Low,
    area: Area::Identity,
    best_practices: &["SEC02-BP05"],
    kinds: &[KindTag::Secret],
    references: &[fsbp("SecretsManager.4")],
    remediation: "Rotate at least every 90 days: `AutomaticallyAfterDays` / `automatically_after_days` of 90 or less, or a `rate(...)` schedule no longer than 90 days.",
    doc: r#"## What it checks
For secrets with automatic rotation: the interval is at most 90 days. `AutomaticallyAfterDays`
(`automatically_after_days`) or a `ScheduleExpression` (`schedule_expression`) of the form
`rate(N days)` / `rate(N hours)` is compared; a `cron(...)` schedule passes when it runs at least
monthly (its month field is `*` or `?`) and is otherwise Unknown. Secrets without rotation are
left to `secrets-rotation-disabled`.

## Why it matters
Rotation only limits exposure if it happens often enough: a yearly rotation leaves a leaked
value usable for months.

## Remediation
```yaml
RotationRules:
  AutomaticallyAfterDays: 30
```
```hcl
rotation_rules {
  automatically_after_days = 30
}
```
"#,
}

const MAX_DAYS: i64 = 90;

/// The interval of a schedule expression in days, `Ok(None)` for a cron schedule that runs at
/// least monthly, `Err` when it cannot be told.
fn schedule_days(expr: &str) -> Result<Option<f64>, String> {
    let e = expr.trim();
    if let Some(inner) = e.strip_prefix("rate(").and_then(|r| r.strip_suffix(')')) {
        let mut parts = inner.split_whitespace();
        let n: f64 = parts
            .next()
            .and_then(|n| n.parse().ok())
            .ok_or_else(|| format!("cannot read `{e}`"))?;
        let unit = parts.next().unwrap_or("").trim_end_matches('s');
        return match unit {
            "day" => Ok(Some(n)),
            "hour" => Ok(Some(n / 24.0)),
            "minute" => Ok(Some(n / 1440.0)),
            _ => Err(format!("cannot read the unit of `{e}`")),
        };
    }
    if let Some(inner) = e.strip_prefix("cron(").and_then(|r| r.strip_suffix(')')) {
        let fields: Vec<&str> = inner.split_whitespace().collect();
        if fields.len() == 6 && matches!(fields[3], "*" | "?") {
            return Ok(None);
        }
        return Err(format!("the cron schedule `{e}` is not evaluated"));
    }
    Err(format!("cannot read the schedule `{e}`"))
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Some(r) = super::secret(res).and_then(|s| s.rotation.as_ref()) else {
        return vec![];
    };
    match (&r.after_days, &r.schedule) {
        (Value::Known(d, p), _) if *d > MAX_DAYS => vec![fail(
            format!("the secret rotates every {d} days (at most {MAX_DAYS})"),
            Some(*p),
        )],
        (Value::Known(..), _) => vec![Outcome::Pass],
        (_, Value::Known(expr, p)) => match schedule_days(expr) {
            Ok(Some(d)) if d > MAX_DAYS as f64 => vec![fail(
                format!("the secret rotates on `{expr}` (at most every {MAX_DAYS} days)"),
                Some(*p),
            )],
            Ok(_) => vec![Outcome::Pass],
            Err(why) => vec![unknown(why, Some(*p))],
        },
        (Value::Unknown(why, p), _) | (_, Value::Unknown(why, p)) => {
            vec![unknown(format!("rotation interval: {why}"), Some(*p))]
        }
        (Value::Absent, Value::Absent) => vec![unknown(
            "the rotation schedule sets no interval",
            Some(r.pos),
        )],
    }
}

#[cfg(test)]
mod tests {
    use super::schedule_days;

    #[test]
    fn schedules() {
        assert_eq!(schedule_days("rate(10 days)"), Ok(Some(10.0)));
        assert_eq!(schedule_days("rate(1 day)"), Ok(Some(1.0)));
        assert_eq!(schedule_days("rate(4 hours)"), Ok(Some(4.0 / 24.0)));
        assert_eq!(schedule_days("cron(0 16 1,15 * ? *)"), Ok(None));
        assert!(schedule_days("cron(0 0 1 1 ? *)").is_err());
        assert!(schedule_days("rate(often)").is_err());
    }
}
