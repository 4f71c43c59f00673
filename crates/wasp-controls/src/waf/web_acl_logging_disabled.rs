use wasp_core::Severity;
use wasp_model::{Kind, KindTag, Model, Resource, Value};

use crate::helpers::{fail, unknown};
use crate::{checkov, Area, Outcome};

crate::declare! {
    id: "WASP-WAF-020",
    name: "waf-web-acl-logging-disabled",
    title: "WAF web ACL has no logging configuration",
    severity: Severity::Medium,
    area: Area::Detection,
    best_practices: &["SEC04-BP01"],
    kinds: &[KindTag::WebAcl],
    references: &[checkov("CKV2_AWS_31")],
    remediation: "Add a logging configuration (AWS::WAFv2::LoggingConfiguration, aws_wafv2_web_acl_logging_configuration).",
    doc: r#"## What it checks
That a logging configuration of the same template or configuration
(`AWS::WAFv2::LoggingConfiguration`, `aws_wafv2_web_acl_logging_configuration`) sends the web
ACL's traffic logs to CloudWatch Logs, S3 or Firehose.

## Why it matters
WAF logs record each inspected request with the rule that matched and the action taken. They
show which attacks were blocked, which requests were let through by a rule in count mode, and
whether a rule blocks legitimate users: without them, the web ACL works blind.

## Remediation
```yaml
WebAclLogging:
  Type: AWS::WAFv2::LoggingConfiguration
  Properties:
    ResourceArn: !GetAtt WebAcl.Arn
    LogDestinationConfigs:
      - !GetAtt WafLogGroup.Arn
```
```hcl
resource "aws_wafv2_web_acl_logging_configuration" "main" {
  resource_arn            = aws_wafv2_web_acl.main.arn
  log_destination_configs = [aws_cloudwatch_log_group.waf.arn]
}
```
"#,
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Kind::WebAcl(w) = &res.kind else {
        return vec![];
    };
    vec![match &w.logging {
        Value::Known(true, _) => Outcome::Pass,
        Value::Unknown(r, p) => unknown(format!("logging: {r}"), Some(*p)),
        _ => fail("no logging configuration is attached to the web ACL", None),
    }]
}
