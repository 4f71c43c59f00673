use wasp_core::Severity;
use wasp_model::{KindTag, Model, Resource, Value};

use crate::helpers::{fail, unknown};
use crate::{cis, fsbp, Area, Outcome};

crate::declare! {
    id: "WASP-CONFIG-001",
    name: "config-recorder-not-recording-all-resources",
    title: "AWS Config recorder records only some resource types",
    severity: Severity::Medium,
    area: Area::Detection,
    best_practices: &["SEC04-BP01"],
    kinds: &[KindTag::ConfigRecorder],
    references: &[cis("3.3"), fsbp("Config.1")],
    remediation: "Record all supported resource types (AllSupported: true, no resource type list).",
    doc: concat!(
        r#"## What it checks
That the configuration recorder records every supported resource type: `AllSupported` is not
`false`, and the recording strategy, when set, is `ALL_SUPPORTED_RESOURCE_TYPES` (not
`INCLUSION_BY_RESOURCE_TYPES` or `EXCLUSION_BY_RESOURCE_TYPES`). A recorder without a recording
group records all supported regional types.

## Why it matters
Config is the history of what every resource looked like and when it changed. A type left out
has no history: an investigation cannot tell when a security group was opened or a key policy
widened, and Config rules and Security Hub controls for that type report nothing.

"#,
        super::record_everything!()
    ),
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Some(r) = super::recorder(res) else {
        return vec![];
    };
    let what = res.property("all_supported");
    vec![match super::records_all(r) {
        Value::Known(true, _) | Value::Absent => Outcome::Pass,
        Value::Known(false, p) => fail(
            match &r.recording_strategy {
                Value::Known(s, _) => format!("the recording strategy is `{s}`"),
                _ => format!("{what} is false: only listed resource types are recorded"),
            },
            Some(p).filter(|p| p.is_known()).or(r.recording_group_pos),
        ),
        Value::Unknown(reason, p) => unknown(format!("{what}: {reason}"), Some(p)),
    }]
}
