use wasp_core::Severity;
use wasp_model::{Kind, KindTag, Model, Resource};

use crate::helpers::{fail, unknown};
use crate::{fsbp, Area, Outcome};

crate::declare! {
    id: "WASP-VPC-005",
    name: "network-firewall-policy-without-rule-groups",
    title: "Network Firewall policy has no rule groups",
    severity: Severity::Medium,
    area: Area::Network,
    best_practices: &["SEC05-BP03"],
    kinds: &[KindTag::FirewallPolicy],
    references: &[fsbp("NetworkFirewall.3")],
    remediation: "Reference at least one stateful rule group (AWS managed threat signatures or your own domain and protocol rules) from the policy.",
    doc: r#"## What it checks
That the firewall policy references at least one stateless or stateful rule group
(`StatelessRuleGroupReferences`, `StatefulRuleGroupReferences`,
`stateless_rule_group_reference`, `stateful_rule_group_reference`).

## Why it matters
A firewall policy without rule groups inspects nothing: every packet gets the default action.
Traffic then flows through the firewall endpoints, at their cost and latency, with none of
the filtering or threat detection the architecture assumes is there.

## Remediation
```yaml
FirewallPolicy:
  StatelessDefaultActions: ["aws:forward_to_sfe"]
  StatelessFragmentDefaultActions: ["aws:forward_to_sfe"]
  StatefulRuleGroupReferences:
    - ResourceArn: !GetAtt DomainAllowList.RuleGroupArn
```
```hcl
firewall_policy {
  stateless_default_actions          = ["aws:forward_to_sfe"]
  stateless_fragment_default_actions = ["aws:forward_to_sfe"]
  stateful_rule_group_reference {
    resource_arn = aws_networkfirewall_rule_group.domains.arn
  }
}
```
"#,
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Kind::FirewallPolicy(f) = &res.kind else {
        return vec![];
    };
    vec![if f.rule_groups > 0 {
        Outcome::Pass
    } else if let Some((reason, pos)) = &f.rule_groups_unknown {
        unknown(format!("rule groups: {reason}"), Some(*pos))
    } else {
        fail("the policy references no rule group", f.pos)
    }]
}
