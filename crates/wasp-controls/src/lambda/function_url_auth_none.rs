use wasp_core::Severity;
use wasp_model::{Kind, KindTag, Model, Resource, Value};

use crate::helpers::{fail, unknown};
use crate::{checkov, Area, Outcome};

crate::declare! {
    id: "WASP-LAMBDA-003",
    name: "lambda-function-url-auth-none",
    title: "Lambda function URL accepts unauthenticated requests",
    severity: Severity::High,
    area: Area::Network,
    best_practices: &["SEC03-BP07", "SEC05-BP02"],
    kinds: &[KindTag::FunctionUrl, KindTag::Function],
    references: &[checkov("CKV_AWS_258")],
    remediation: "Set the function URL's AuthType to AWS_IAM, or put the function behind API Gateway or CloudFront with an authorizer and a web ACL.",
    doc: r#"## What it checks
Function URLs (`AWS::Lambda::Url`, `aws_lambda_function_url`, and SAM's `FunctionUrlConfig`):
the auth type must not be `NONE`.

## Why it matters
A function URL with auth type `NONE` is a public HTTPS endpoint: anyone on the internet can
invoke the function, as often as they like, with whatever input they choose. It bypasses API
Gateway, WAF and throttling, so the function's own code is the only control, and every call is
billed to you.

## Remediation
```yaml
FunctionUrl:
  Type: AWS::Lambda::Url
  Properties:
    TargetFunctionArn: !GetAtt Function.Arn
    AuthType: AWS_IAM
```
```hcl
resource "aws_lambda_function_url" "app" {
  function_name      = aws_lambda_function.app.function_name
  authorization_type = "AWS_IAM"
}
```
"#,
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let (auth, field) = match &res.kind {
        Kind::FunctionUrl(u) => (&u.auth_type, "auth_type"),
        // SAM: only functions that declare a URL.
        Kind::Function(f) if !f.url_auth_type.is_absent() => (&f.url_auth_type, "url_auth_type"),
        _ => return vec![],
    };
    let name = res.property(field);
    vec![match auth {
        Value::Known(a, p) if a.eq_ignore_ascii_case("NONE") => fail(
            format!("{name} is `{a}`: anyone can invoke the function"),
            Some(*p),
        ),
        Value::Known(..) => Outcome::Pass,
        Value::Absent => unknown(format!("{name} is not set"), None),
        Value::Unknown(r, p) => unknown(format!("{name}: {r}"), Some(*p)),
    }]
}
