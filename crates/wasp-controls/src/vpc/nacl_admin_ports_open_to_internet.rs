use wasp_core::{Pos, Severity};
use wasp_model::{Kind, KindTag, Model, NaclEntry, Resource, Value};

use crate::helpers::{fail, is_world, unknown};
use crate::{checkov, cis, fsbp, Area, Outcome};

crate::declare! {
    id: "WASP-VPC-001",
    name: "nacl-admin-ports-open-to-internet",
    title: "Network ACL allows SSH or RDP from the internet",
    severity: Severity::Medium,
    area: Area::Network,
    best_practices: &["SEC05-BP01", "SEC05-BP02"],
    kinds: &[KindTag::NetworkAcl],
    references: &[
        cis("5.1"),
        fsbp("EC2.21"),
        checkov("CKV_AWS_231"),
        checkov("CKV_AWS_232"),
    ],
    remediation: "Add a low-numbered inbound deny rule for ports 22 and 3389 from 0.0.0.0/0 and ::/0, or narrow the allow rules to known administration networks.",
    doc: r#"## What it checks
The inbound rules of the network ACL, in rule-number order as AWS evaluates them: the first
rule that matches traffic from anywhere (`0.0.0.0/0`, and separately `::/0`) to TCP or UDP port
22 (SSH) or 3389 (RDP) must not be an `allow`. A rule for all protocols counts as matching. An
ACL whose rules let such traffic fall through to the final implicit rule denies it and passes.
Rules joined from `AWS::EC2::NetworkAclEntry` and `aws_network_acl_rule` count.

## Why it matters
Network ACLs are the subnet-level layer under security groups: they should keep remote
administration ports closed to the internet even when a security group is opened by mistake.
An ACL that lets SSH and RDP through from anywhere gives up that second layer exactly where
attackers probe first.

## Remediation
```yaml
DenyAdminFromInternet:
  Type: AWS::EC2::NetworkAclEntry
  Properties:
    NetworkAclId: !Ref PublicAcl
    RuleNumber: 90
    Protocol: 6
    RuleAction: deny
    CidrBlock: 0.0.0.0/0
    PortRange: { From: 22, To: 22 }
```
```hcl
ingress {
  rule_no    = 90
  protocol   = "tcp"
  action     = "deny"
  cidr_block = "0.0.0.0/0"
  from_port  = 22
  to_port    = 22
}
```
"#,
}

const PORTS: &[(i64, &str)] = &[(22, "SSH"), (3389, "RDP")];

/// Does an entry match traffic from anywhere in `family` to `port`?
enum Match {
    Yes,
    No,
    Maybe(String, Pos),
}

fn matches(e: &NaclEntry, port: i64, ipv6: bool) -> Match {
    if let Value::Unknown(r, p) = &e.egress {
        return Match::Maybe(format!("direction: {r}"), *p);
    }
    let cidr = if ipv6 { &e.cidr_ipv6 } else { &e.cidr_ipv4 };
    match cidr {
        Value::Known(c, _) if is_world(c) => {}
        Value::Known(..) | Value::Absent => return Match::No,
        Value::Unknown(r, p) => return Match::Maybe(format!("source: {r}"), *p),
    }
    match &e.protocol {
        Value::Known(p, _) if p == "-1" => Match::Yes,
        Value::Known(p, _) if p == "tcp" || p == "udp" => {
            let bound = |v: &Value<i64>, default: i64| match v {
                Value::Known(n, _) => Ok(*n),
                Value::Absent => Ok(default),
                Value::Unknown(r, p) => Err(Match::Maybe(format!("port: {r}"), *p)),
            };
            let (from, to) = match (bound(&e.from_port, 0), bound(&e.to_port, 65535)) {
                (Ok(f), Ok(t)) => (f, t),
                (Err(m), _) | (_, Err(m)) => return m,
            };
            if (from..=to).contains(&port) {
                Match::Yes
            } else {
                Match::No
            }
        }
        Value::Known(..) | Value::Absent => Match::No,
        Value::Unknown(r, p) => Match::Maybe(format!("protocol: {r}"), *p),
    }
}

/// The entry that decides traffic from anywhere to `port`: `Ok(Some(entry))` when it allows.
fn deciding<'a>(
    entries: &[&'a NaclEntry],
    port: i64,
    ipv6: bool,
) -> Result<Option<&'a NaclEntry>, Outcome> {
    let (mut numbered, unnumbered): (Vec<&NaclEntry>, Vec<&NaclEntry>) = entries
        .iter()
        .partition(|e| matches!(e.rule_number, Value::Known(..)));
    for e in unnumbered {
        if let Match::Yes | Match::Maybe(..) = matches(e, port, ipv6) {
            let (r, p) = match &e.rule_number {
                Value::Unknown(r, p) => (r.to_string(), *p),
                _ => ("not set".to_string(), e.pos),
            };
            return Err(unknown(format!("rule number: {r}"), Some(p)));
        }
    }
    numbered.sort_by_key(|e| e.rule_number.known().copied().unwrap_or_default());
    for e in numbered {
        match matches(e, port, ipv6) {
            Match::No => continue,
            Match::Maybe(r, p) => return Err(unknown(r, Some(p))),
            Match::Yes => {
                return match &e.action {
                    Value::Known(a, _) if a == "allow" => Ok(Some(e)),
                    Value::Known(..) => Ok(None),
                    Value::Unknown(r, p) => Err(unknown(format!("rule action: {r}"), Some(*p))),
                    Value::Absent => Err(unknown("rule action not set", Some(e.pos))),
                };
            }
        }
    }
    Ok(None)
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Kind::NetworkAcl(acl) = &res.kind else {
        return vec![];
    };
    let ingress: Vec<&NaclEntry> = acl
        .entries
        .iter()
        .filter(|e| !matches!(e.egress, Value::Known(true, _)))
        .collect();
    let mut out = Vec::new();
    // Each allowing rule once, with everything it lets through.
    let mut allowed: Vec<(&NaclEntry, Vec<String>)> = Vec::new();
    for (port, name) in PORTS {
        for (ipv6, world) in [(false, "0.0.0.0/0"), (true, "::/0")] {
            match deciding(&ingress, *port, ipv6) {
                Ok(Some(e)) => {
                    let what = format!("{world} to {name} ({port})");
                    match allowed.iter_mut().find(|(a, _)| std::ptr::eq(*a, e)) {
                        Some((_, list)) => list.push(what),
                        None => allowed.push((e, vec![what])),
                    }
                }
                Ok(None) => {}
                Err(u) => {
                    if !out.contains(&u) {
                        out.push(u);
                    }
                }
            }
        }
    }
    for (e, what) in allowed {
        let number = e
            .rule_number
            .known()
            .map(|n| format!(" {n}"))
            .unwrap_or_default();
        out.push(fail(
            format!("inbound rule{number} allows {}", what.join(", ")),
            Some(e.pos),
        ));
    }
    if let Some((reason, pos)) = &acl.entries_unknown {
        out.push(unknown(format!("rules: {reason}"), Some(*pos)));
    }
    if out.is_empty() {
        out.push(Outcome::Pass);
    }
    out
}
