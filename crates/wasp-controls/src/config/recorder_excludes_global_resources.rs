use wasp_core::Severity;
use wasp_model::{KindTag, Model, Resource, Value};

use crate::helpers::{fail, unknown};
use crate::{checkov, cis, Area, Outcome};

crate::declare! {
    id: "WASP-CONFIG-002",
    name: "config-recorder-excludes-global-resources",
    title: "AWS Config recorder does not record global IAM resources",
    severity: Severity::Low,
    area: Area::Detection,
    best_practices: &["SEC04-BP01"],
    kinds: &[KindTag::ConfigRecorder],
    references: &[cis("3.3"), checkov("CKV2_AWS_48")],
    remediation:
        "Set IncludeGlobalResourceTypes (include_global_resource_types) to true in one Region.",
    doc: concat!(
        r#"## What it checks
That a recorder that records all supported resource types also records the global IAM types
(users, groups, roles, customer managed policies): `IncludeGlobalResourceTypes` /
`include_global_resource_types` is `true`. Both default to `false`. Recorders limited to a list
of types are left to `config-recorder-not-recording-all-resources`.

## Why it matters
IAM changes are the core of most escalations: a new user, a policy attached to a role, a trust
policy opened to another account. Without the global types, Config has no history of them.
Global types need recording in one Region only; suppress this finding for the recorders of the
other Regions.

"#,
        super::record_everything!()
    ),
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Some(r) = super::recorder(res) else {
        return vec![];
    };
    if !matches!(super::records_all(r), Value::Known(true, _) | Value::Absent) {
        return vec![];
    }
    let what = res.property("include_global_types");
    vec![match &r.include_global_types {
        Value::Known(true, _) => Outcome::Pass,
        Value::Known(false, p) => fail(format!("{what} is false"), Some(*p)),
        Value::Absent => fail(
            format!("{what} is not set (defaults to false)"),
            r.recording_group_pos,
        ),
        Value::Unknown(reason, p) => unknown(format!("{what}: {reason}"), Some(*p)),
    }]
}
