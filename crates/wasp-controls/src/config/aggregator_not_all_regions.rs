use wasp_core::Severity;
use wasp_model::{Kind, KindTag, Model, Resource, Value};

use crate::helpers::{fail, unknown};
use crate::{checkov, Area, Outcome};

crate::declare! {
    id: "WASP-CONFIG-004",
    name: "config-aggregator-not-all-regions",
    title: "AWS Config aggregator does not collect from all Regions",
    severity: Severity::Low,
    area: Area::Detection,
    best_practices: &["SEC04-BP02"],
    kinds: &[KindTag::ConfigAggregator],
    references: &[checkov("CKV_AWS_121")],
    remediation: "Set AllAwsRegions (all_regions) to true on each aggregation source.",
    doc: r#"## What it checks
That every account or organization source of the configuration aggregator collects from all
Regions (`AllAwsRegions`, `all_regions`), rather than from a fixed list. Both default to
`false`.

## Why it matters
The aggregator is the one place where configuration and compliance data of all accounts can be
queried. A fixed Region list leaves out the Regions nobody expected to use, which is where an
intruder's resources are least likely to be noticed, and new Regions are never added.

## Remediation
```yaml
Aggregator:
  Type: AWS::Config::ConfigurationAggregator
  Properties:
    OrganizationAggregationSource:
      RoleArn: !GetAtt AggregatorRole.Arn
      AllAwsRegions: true
```
```hcl
resource "aws_config_configuration_aggregator" "org" {
  name = "org"

  organization_aggregation_source {
    all_regions = true
    role_arn    = aws_iam_role.aggregator.arn
  }
}
```
"#,
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Kind::ConfigAggregator(a) = &res.kind else {
        return vec![];
    };
    let what = res.property("sources.all_regions");
    a.sources
        .iter()
        .map(|s| {
            let kind = if s.organization {
                "organization"
            } else {
                "account"
            };
            match &s.all_regions {
                Value::Known(true, _) => Outcome::Pass,
                Value::Known(false, p) => {
                    fail(format!("the {kind} source sets {what} to false"), Some(*p))
                }
                Value::Absent => fail(
                    format!("the {kind} source collects from listed Regions only"),
                    Some(s.pos),
                ),
                Value::Unknown(r, p) => unknown(format!("{what}: {r}"), Some(*p)),
            }
        })
        .collect()
}
