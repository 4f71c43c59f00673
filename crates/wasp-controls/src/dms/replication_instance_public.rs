use wasp_core::Severity;
use wasp_model::{Kind, KindTag, Model, Resource, Value};

use crate::helpers::{fail, unknown};
use crate::{checkov, fsbp, Area, Outcome};

crate::declare! {
    id: "WASP-DMS-001",
    name: "dms-replication-instance-public",
    title: "DMS replication instance is publicly accessible",
    severity: Severity::High,
    area: Area::Network,
    best_practices: &["SEC05-BP01", "SEC05-BP02"],
    kinds: &[KindTag::ReplicationInstance],
    references: &[fsbp("DMS.1"), checkov("CKV_AWS_89")],
    remediation: "Set PubliclyAccessible (publicly_accessible) to false.",
    doc: r#"## What it checks
That replication instances are not publicly accessible (`PubliclyAccessible`,
`publicly_accessible`). The service, and so CloudFormation, makes an instance public unless told
otherwise; the Terraform provider sends `false` when the argument is not set.

## Why it matters
A replication instance holds credentials for both source and target databases and streams their
data. A public IP address exposes it to the internet, one security group rule away from anyone.

## Remediation
```yaml
PubliclyAccessible: false
```
```hcl
publicly_accessible = false
```
"#,
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Kind::ReplicationInstance(r) = &res.kind else {
        return vec![];
    };
    let setting = res.property("publicly_accessible");
    vec![match &r.publicly_accessible {
        Value::Known(false, _) => Outcome::Pass,
        Value::Known(true, p) => fail(format!("{setting} is true"), Some(*p)),
        Value::Absent => fail(
            format!("{setting} is not set: replication instances are public by default"),
            None,
        ),
        Value::Unknown(reason, p) => unknown(format!("{setting}: {reason}"), Some(*p)),
    }]
}
