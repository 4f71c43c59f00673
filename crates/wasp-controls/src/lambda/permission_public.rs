use wasp_core::Severity;
use wasp_model::{Kind, KindTag, Model, Resource, Value};

use crate::helpers::{fail, unknown};
use crate::{checkov, fsbp, Area, Outcome};

crate::declare! {
    id: "WASP-LAMBDA-006",
    name: "lambda-permission-public",
    title: "Lambda function policy allows anyone to invoke the function",
    severity: Severity::High,
    area: Area::Identity,
    best_practices: &["SEC03-BP07"],
    kinds: &[KindTag::LambdaPermission],
    references: &[fsbp("Lambda.1"), checkov("CKV_AWS_301")],
    remediation: "Grant the permission to a named account or service principal, with SourceArn and SourceAccount (or PrincipalOrgID) conditions.",
    doc: r#"## What it checks
Each statement of a function's resource-based policy (`AWS::Lambda::Permission`,
`aws_lambda_permission`): a principal of `*` without `SourceArn`, `SourceAccount` or
`PrincipalOrgID` fails, and so does `s3.amazonaws.com` without `SourceAccount` (bucket names
are global, so a bucket ARN alone does not say whose bucket it is).

## Why it matters
A public function policy lets any AWS account, or anyone at all through a function URL,
invoke the function with their own input. Depending on what the function does that is data
exposure, resource abuse at your cost, or a path into whatever the function's role can reach.

## Remediation
```yaml
InvokeFromBucket:
  Type: AWS::Lambda::Permission
  Properties:
    FunctionName: !Ref Function
    Action: lambda:InvokeFunction
    Principal: s3.amazonaws.com
    SourceArn: !GetAtt UploadBucket.Arn
    SourceAccount: !Ref AWS::AccountId
```
```hcl
resource "aws_lambda_permission" "from_bucket" {
  function_name  = aws_lambda_function.app.function_name
  action         = "lambda:InvokeFunction"
  principal      = "s3.amazonaws.com"
  source_arn     = aws_s3_bucket.uploads.arn
  source_account = data.aws_caller_identity.current.account_id
}
```
"#,
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Kind::LambdaPermission(p) = &res.kind else {
        return vec![];
    };
    let name = res.property("principal");
    let set = |v: &Value<String>| !v.is_absent();
    vec![match &p.principal {
        Value::Known(who, pos) if who.trim() == "*" => {
            if set(&p.source_arn) || set(&p.source_account) || set(&p.principal_org_id) {
                Outcome::Pass
            } else {
                fail(
                    format!("{name} is `*` with no source or organization condition"),
                    Some(*pos),
                )
            }
        }
        Value::Known(who, pos) if who.trim().eq_ignore_ascii_case("s3.amazonaws.com") => {
            if set(&p.source_account) {
                Outcome::Pass
            } else {
                fail(
                    format!(
                        "{name} is `{who}` without {}: any account's bucket of that name may invoke it",
                        res.property("source_account")
                    ),
                    Some(*pos),
                )
            }
        }
        Value::Known(..) => Outcome::Pass,
        v @ Value::Unknown(r, pos) => {
            if v.is_reference() {
                Outcome::Pass
            } else {
                unknown(format!("{name}: {r}"), Some(*pos))
            }
        }
        Value::Absent => unknown(format!("{name} is not set"), None),
    }]
}
