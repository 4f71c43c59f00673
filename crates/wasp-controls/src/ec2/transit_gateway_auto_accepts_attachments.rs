use wasp_core::Severity;
use wasp_model::{Kind, KindTag, Model, Resource, Value};

use crate::helpers::{fail, unknown};
use crate::{checkov, fsbp, Area, Outcome};

crate::declare! {
    id: "WASP-EC2-013",
    name: "transit-gateway-auto-accepts-attachments",
    title: "Transit gateway accepts shared attachment requests automatically",
    severity: Severity::High,
    area: Area::Network,
    best_practices: &["SEC05-BP01", "SEC05-BP02"],
    kinds: &[KindTag::TransitGateway],
    references: &[fsbp("EC2.23"), checkov("CKV_AWS_331")],
    remediation: "Set AutoAcceptSharedAttachments to disable and accept each cross-account attachment after review.",
    doc: r#"## What it checks
That the transit gateway does not set `AutoAcceptSharedAttachments` to `enable`. Unset passes:
the default is `disable`.

## Why it matters
A transit gateway shared through AWS RAM with auto-accept on connects any VPC a member account
attaches, without anyone reviewing which network joins the hub or what it can route to. That
collapses the network layers the transit gateway was meant to keep apart.

## Remediation
```yaml
TransitGateway:
  Type: AWS::EC2::TransitGateway
  Properties:
    AutoAcceptSharedAttachments: disable
```
```hcl
resource "aws_ec2_transit_gateway" "hub" {
  auto_accept_shared_attachments = "disable"
}
```
"#,
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Kind::TransitGateway(t) = &res.kind else {
        return vec![];
    };
    let name = res.property("auto_accept_shared_attachments");
    vec![match &t.auto_accept_shared_attachments {
        Value::Known(v, p) if v.eq_ignore_ascii_case("enable") => {
            fail(format!("{name} is `{v}`"), Some(*p))
        }
        Value::Known(..) | Value::Absent => Outcome::Pass,
        Value::Unknown(reason, p) => unknown(format!("{name}: {reason}"), Some(*p)),
    }]
}
