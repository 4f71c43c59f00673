use wasp_core::Severity;
use wasp_model::{Kind, KindTag, Model, Resource, Value};

use crate::helpers::{fail, unknown};
use crate::{checkov, fsbp, Area, Outcome};

crate::declare! {
    id: "WASP-ECR-001",
    name: "ecr-scan-on-push-disabled",
    title: "ECR repository images are not scanned for vulnerabilities",
    severity: Severity::Medium,
    area: Area::Compute,
    best_practices: &["SEC06-BP01"],
    kinds: &[KindTag::EcrRepository],
    references: &[fsbp("ECR.1"), checkov("CKV_AWS_163")],
    remediation: "Configure registry scanning (AWS::ECR::RegistryScanningConfiguration, aws_ecr_registry_scanning_configuration) with a scan-on-push or continuous rule covering the repository, or set ScanOnPush to true.",
    doc: r#"## What it checks
That images pushed to the repository are scanned: either the repository sets
`ImageScanningConfiguration.ScanOnPush` (`image_scanning_configuration.scan_on_push`) to true,
or a registry scanning configuration of the same source has a `SCAN_ON_PUSH` or
`CONTINUOUS_SCAN` rule whose repository filter matches the repository's name. Neither is on by
default. A filter that cannot be matched because the repository's name is generated makes the
result unknown.

## Why it matters
Container images carry an operating system and libraries that collect known vulnerabilities
every week. Scanning at push (and continuously, with enhanced scanning) reports them before
the image is deployed and while it runs, so vulnerable images are found by you rather than by
an attacker.

## Remediation
```yaml
RegistryScanning:
  Type: AWS::ECR::RegistryScanningConfiguration
  Properties:
    ScanType: ENHANCED
    Rules:
      - ScanFrequency: CONTINUOUS_SCAN
        RepositoryFilters:
          - Filter: "*"
            FilterType: WILDCARD
```
```hcl
resource "aws_ecr_registry_scanning_configuration" "main" {
  scan_type = "ENHANCED"
  rule {
    scan_frequency = "CONTINUOUS_SCAN"
    repository_filter {
      filter      = "*"
      filter_type = "WILDCARD"
    }
  }
}
```
"#,
}

/// Does a wildcard filter (`*` matches any run of characters) match `name`?
fn wildcard_match(filter: &str, name: &str) -> bool {
    let parts: Vec<&str> = filter.split('*').collect();
    if parts.len() == 1 {
        return filter == name;
    }
    let (first, last) = (parts[0], parts[parts.len() - 1]);
    if !name.starts_with(first) || name.len() < first.len() + last.len() || !name.ends_with(last) {
        return false;
    }
    let mut rest = &name[first.len()..name.len() - last.len()];
    for mid in &parts[1..parts.len() - 1] {
        match rest.find(mid) {
            Some(i) => rest = &rest[i + mid.len()..],
            None => return false,
        }
    }
    true
}

/// Is the repository covered by a registry scanning rule of the model?
fn registry_scans(model: &Model, name: Option<&str>) -> Result<bool, Outcome> {
    let mut undecided = None;
    for r in model.of_kind(KindTag::RegistryScanning) {
        let Kind::RegistryScanning(s) = &r.kind else {
            continue;
        };
        if let Some((reason, _)) = &s.rules_unknown {
            undecided
                .get_or_insert_with(|| unknown(format!("registry scanning rules: {reason}"), None));
        }
        for rule in &s.rules {
            match &rule.frequency {
                Value::Known(f, _)
                    if f.eq_ignore_ascii_case("SCAN_ON_PUSH")
                        || f.eq_ignore_ascii_case("CONTINUOUS_SCAN") => {}
                Value::Unknown(reason, _) => {
                    undecided.get_or_insert_with(|| {
                        unknown(format!("registry scan frequency: {reason}"), None)
                    });
                    continue;
                }
                _ => continue,
            }
            for f in &rule.filters {
                match (f, name) {
                    (Value::Known(f, _), _) if f == "*" => return Ok(true),
                    (Value::Known(f, _), Some(n)) if wildcard_match(f, n) => return Ok(true),
                    (Value::Known(..), Some(_)) => {}
                    (Value::Known(f, _), None) => {
                        undecided.get_or_insert_with(|| {
                            unknown(
                                format!(
                                    "registry scanning filter `{f}`: the repository's name is not known statically"
                                ),
                                None,
                            )
                        });
                    }
                    (Value::Unknown(reason, _), _) => {
                        undecided.get_or_insert_with(|| {
                            unknown(format!("registry scanning filter: {reason}"), None)
                        });
                    }
                    (Value::Absent, _) => {}
                }
            }
        }
    }
    match undecided {
        Some(u) => Err(u),
        None => Ok(false),
    }
}

pub fn check(res: &Resource, model: &Model) -> Vec<Outcome> {
    let Kind::EcrRepository(r) = &res.kind else {
        return vec![];
    };
    let setting = res.property("scan_on_push");
    if let Value::Known(true, _) = r.scan_on_push {
        return vec![Outcome::Pass];
    }
    match registry_scans(model, r.name.known().map(String::as_str)) {
        Ok(true) => return vec![Outcome::Pass],
        Err(u) => return vec![u],
        Ok(false) => {}
    }
    vec![match &r.scan_on_push {
        Value::Known(_, p) => fail(
            format!("{setting} is false and no registry scanning rule covers the repository"),
            Some(*p),
        ),
        Value::Unknown(reason, p) => unknown(format!("{setting}: {reason}"), Some(*p)),
        Value::Absent => fail(
            format!("{setting} is not set and no registry scanning rule covers the repository"),
            None,
        ),
    }]
}

#[cfg(test)]
mod tests {
    use super::wildcard_match;

    #[test]
    fn wildcard_filters() {
        assert!(wildcard_match("*", "app"));
        assert!(wildcard_match("prod-*", "prod-api"));
        assert!(wildcard_match("*-api", "prod-api"));
        assert!(wildcard_match("p*d*i", "prod-api"));
        assert!(wildcard_match("app", "app"));
        assert!(!wildcard_match("prod-*", "dev-api"));
        assert!(!wildcard_match("ab*ba", "aba"));
    }
}
