use wasp_core::Severity;
use wasp_model::{Kind, KindTag, Model, Resource, Value};

use crate::helpers::{fail, unknown};
use crate::{checkov, fsbp, Area, Outcome};

crate::declare! {
    id: "WASP-LAMBDA-001",
    name: "lambda-deprecated-runtime",
    title: "Lambda function uses a deprecated runtime",
    severity: Severity::Medium,
    area: Area::Compute,
    best_practices: &["SEC06-BP01"],
    kinds: &[KindTag::Function],
    references: &[fsbp("Lambda.2"), checkov("CKV_AWS_363")],
    remediation: "Move the function to a supported runtime (for example python3.13, nodejs22.x, java21, dotnet10, ruby3.4).",
    doc: r#"## What it checks
That the function's runtime is not one AWS Lambda has deprecated: no more security patches.
The list, with each runtime's Lambda deprecation date, is kept in this control's source.

## Why it matters
A deprecated runtime no longer receives security updates to the language runtime or its
operating system. Vulnerabilities found after the deprecation date stay open in every function
that uses it, and Lambda eventually blocks updates to such functions.

## Remediation
```yaml
Runtime: python3.13
```
```hcl
runtime = "python3.13"
```
"#,
}

/// Lambda runtimes past their deprecation date, with the date.
pub const DEPRECATED: &[(&str, &str)] = &[
    ("dotnet6", "2024-12-20"),
    ("dotnet7", "2024-05-14"),
    ("dotnet8", "2026-11-10"),
    ("dotnetcore1.0", "2019-07-30"),
    ("dotnetcore2.0", "2019-05-30"),
    ("dotnetcore2.1", "2022-01-05"),
    ("dotnetcore3.1", "2023-04-03"),
    ("go1.x", "2023-12-31"),
    ("java8", "2024-01-08"),
    ("nodejs", "2016-10-31"),
    ("nodejs4.3", "2020-03-05"),
    ("nodejs4.3-edge", "2019-04-30"),
    ("nodejs6.10", "2019-08-12"),
    ("nodejs8.10", "2020-03-06"),
    ("nodejs10.x", "2021-07-30"),
    ("nodejs12.x", "2023-03-31"),
    ("nodejs14.x", "2023-12-04"),
    ("nodejs16.x", "2024-06-12"),
    ("nodejs18.x", "2025-09-01"),
    ("nodejs20.x", "2026-04-30"),
    ("provided", "2023-12-31"),
    ("python2.7", "2021-07-15"),
    ("python3.6", "2022-07-18"),
    ("python3.7", "2023-12-04"),
    ("python3.8", "2024-10-14"),
    ("python3.9", "2025-12-15"),
    ("ruby2.5", "2021-07-30"),
    ("ruby2.7", "2023-12-07"),
    ("ruby3.2", "2026-03-31"),
];

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Kind::Function(f) = &res.kind else {
        return vec![];
    };
    vec![match &f.runtime {
        Value::Known(rt, p) => match DEPRECATED.iter().find(|(r, _)| r == rt) {
            Some((_, date)) => fail(format!("runtime `{rt}` was deprecated on {date}"), Some(*p)),
            None => Outcome::Pass,
        },
        // Container-image functions have no runtime.
        Value::Absent => return vec![],
        Value::Unknown(r, p) => unknown(format!("Runtime: {r}"), Some(*p)),
    }]
}
