use wasp_core::Severity;
use wasp_model::{Kind, KindTag, Model, Resource, Value};

use crate::helpers::{fail, unknown};
use crate::{fsbp, Area, Outcome};

crate::declare! {
    id: "WASP-VPC-004",
    name: "network-firewall-default-action-pass",
    title: "Network Firewall policy passes unmatched packets without inspection",
    severity: Severity::Medium,
    area: Area::Network,
    best_practices: &["SEC05-BP03"],
    kinds: &[KindTag::FirewallPolicy],
    references: &[fsbp("NetworkFirewall.4"), fsbp("NetworkFirewall.5")],
    remediation: "Set the stateless default actions for full and fragmented packets to aws:forward_to_sfe (or aws:drop).",
    doc: r#"## What it checks
The firewall policy's stateless default actions, for full packets (`StatelessDefaultActions`,
`stateless_default_actions`) and for fragmented UDP packets
(`StatelessFragmentDefaultActions`, `stateless_fragment_default_actions`): neither may be
`aws:pass`.

## Why it matters
The stateless default action applies to every packet no stateless rule matched, which is
usually nearly all traffic. With `aws:pass` that traffic skips the stateful engine, so the
domain filters, intrusion prevention signatures and protocol rules of the stateful rule groups
never see it: the firewall is deployed but does not inspect. Forwarding to the stateful engine
keeps inspection on by default.

## Remediation
```yaml
FirewallPolicy:
  StatelessDefaultActions: ["aws:forward_to_sfe"]
  StatelessFragmentDefaultActions: ["aws:forward_to_sfe"]
```
```hcl
firewall_policy {
  stateless_default_actions          = ["aws:forward_to_sfe"]
  stateless_fragment_default_actions = ["aws:forward_to_sfe"]
}
```
"#,
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Kind::FirewallPolicy(f) = &res.kind else {
        return vec![];
    };
    let mut out = Vec::new();
    for (what, name, actions) in [
        (
            "full packets",
            res.property("stateless_default_actions"),
            &f.stateless_default_actions,
        ),
        (
            "fragmented packets",
            res.property("stateless_fragment_default_actions"),
            &f.stateless_fragment_default_actions,
        ),
    ] {
        for a in actions {
            match a {
                Value::Known(v, p) if v == "aws:pass" => out.push(fail(
                    format!("{name} is `aws:pass`: unmatched {what} are not inspected"),
                    Some(*p),
                )),
                Value::Unknown(r, p) => out.push(unknown(format!("{name}: {r}"), Some(*p))),
                _ => {}
            }
        }
    }
    if out.is_empty() {
        out.push(Outcome::Pass);
    }
    out
}
