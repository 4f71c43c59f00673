use wasp_core::Severity;
use wasp_model::{Kind, KindTag, Model, Resource, Value};

use crate::helpers::{fail, unknown};
use crate::{checkov, Area, Outcome};

crate::declare! {
    id: "WASP-LAMBDA-005",
    name: "lambda-code-signing-disabled",
    title: "Lambda function does not validate code signatures",
    severity: Severity::Low,
    area: Area::Compute,
    best_practices: &["SEC06-BP04"],
    kinds: &[KindTag::Function],
    references: &[checkov("CKV_AWS_272")],
    remediation: "Create a code signing configuration (AWS Signer profile, UntrustedArtifactOnDeployment Enforce) and set the function's CodeSigningConfigArn.",
    doc: r#"## What it checks
That functions deployed as .zip archives set `CodeSigningConfigArn`
(`code_signing_config_arn`). Container image functions (no runtime) are not checked: they do
not support Lambda code signing; sign their images instead.

## Why it matters
Without code signing, anyone allowed to update the function's code can deploy anything: a
compromised pipeline or stolen credentials push a modified package and Lambda runs it. A code
signing configuration makes Lambda verify that the package was signed by your trusted signing
profiles, and reject it otherwise.

## Remediation
```yaml
Function:
  Type: AWS::Lambda::Function
  Properties:
    CodeSigningConfigArn: !GetAtt CodeSigningConfig.CodeSigningConfigArn
```
```hcl
resource "aws_lambda_function" "app" {
  code_signing_config_arn = aws_lambda_code_signing_config.app.arn
}
```
"#,
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Kind::Function(f) = &res.kind else {
        return vec![];
    };
    if f.runtime.is_absent() {
        return vec![];
    }
    let name = res.property("code_signing");
    vec![match &f.code_signing {
        Value::Known(arn, _) if !arn.trim().is_empty() => Outcome::Pass,
        Value::Known(_, p) => fail(format!("{name} is empty"), Some(*p)),
        Value::Absent => fail(format!("{name} is not set"), None),
        v @ Value::Unknown(r, p) => {
            if v.is_reference() {
                Outcome::Pass
            } else {
                unknown(format!("{name}: {r}"), Some(*p))
            }
        }
    }]
}
