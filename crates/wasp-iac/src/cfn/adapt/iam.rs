//! CloudFormation adapters of AWS IAM.

use wasp_model::{
    items, value, AccessKey, Kind, Link, ManagedPolicy, Node, OidcProvider, Principal, Value, V,
};

use super::{at, policy_doc, present, target, Join, ServiceCx};

/// Adapts a resource of this service; `None` when the type is not one of its own.
pub(super) fn adapt(ty: &str, p: &Node, cx: &mut ServiceCx<'_>) -> Option<Kind> {
    let kind = match ty {
        "AWS::IAM::Role" => Kind::Role(Box::new(principal(p, "RoleName", true))),
        "AWS::IAM::User" => Kind::User(Box::new(principal(p, "UserName", false))),
        "AWS::IAM::Group" => Kind::Group(Box::new(principal(p, "GroupName", false))),
        "AWS::IAM::ManagedPolicy" | "AWS::IAM::Policy" => {
            let name = p
                .get("PolicyName")
                .or_else(|| p.get("ManagedPolicyName"))
                .and_then(Node::as_str)
                .unwrap_or(cx.address)
                .to_string();
            let doc = policy_doc(p, "PolicyDocument", &name, None);
            let mut joined = doc.clone();
            joined.joined_from = Some(cx.address.to_string());
            for key in ["Roles", "Users", "Groups"] {
                for t in items(p.get(key)) {
                    cx.joins
                        .push((target(Some(t)), Join::Policy(joined.clone()), cx.pos));
                }
            }
            Kind::ManagedPolicy(Box::new(ManagedPolicy {
                document: Some(doc),
            }))
        }
        "AWS::IAM::RolePolicy" | "AWS::IAM::UserPolicy" | "AWS::IAM::GroupPolicy" => {
            let name = p
                .get("PolicyName")
                .and_then(Node::as_str)
                .unwrap_or(cx.address)
                .to_string();
            let doc = policy_doc(p, "PolicyDocument", &name, None);
            let mut joined = doc.clone();
            joined.joined_from = Some(cx.address.to_string());
            let key = match ty {
                "AWS::IAM::RolePolicy" => "RoleName",
                "AWS::IAM::UserPolicy" => "UserName",
                _ => "GroupName",
            };
            cx.joins
                .push((target(p.get(key)), Join::Policy(joined), cx.pos));
            Kind::ManagedPolicy(Box::new(ManagedPolicy {
                document: Some(doc),
            }))
        }
        "AWS::IAM::AccessKey" => Kind::AccessKey(Box::new(AccessKey {
            status: at(p, &["Status"]),
            // The secret is only ever returned through `!GetAtt Key.SecretAccessKey`.
            secret_in_state: Value::Absent,
        })),
        "AWS::IAM::UserToGroupAddition" => {
            if let Some(group) = p.get("GroupName") {
                for user in items(p.get("Users")) {
                    let link = Link::from_node(group);
                    cx.join(Some(user), move |k| {
                        if let Kind::User(u) = k {
                            u.groups.push(link);
                        }
                    });
                }
            }
            Kind::Other
        }
        "AWS::IAM::OIDCProvider" => Kind::OidcProvider(Box::new(OidcProvider {
            url: at(p, &["Url"]),
        })),
        _ => return None,
    };
    Some(kind)
}

fn principal(p: &Node, name_key: &str, is_role: bool) -> Principal {
    let mut policies = Vec::new();
    for pol in items(p.get("Policies")) {
        let name = pol
            .get("PolicyName")
            .and_then(Node::as_str)
            .unwrap_or("inline policy")
            .to_string();
        policies.push(policy_doc(pol, "PolicyDocument", &name, None));
    }
    Principal {
        name: at(p, &[name_key]),
        trust_policy: is_role
            .then(|| policy_doc(p, "AssumeRolePolicyDocument", "trust policy", None)),
        policies,
        managed_policy_arns: items(p.get("ManagedPolicyArns"))
            .iter()
            .filter(|n| !matches!(n.v, V::Ref(_)))
            .map(|n| value(Some(n)))
            .collect(),
        managed_policy_refs: items(p.get("ManagedPolicyArns"))
            .iter()
            .filter(|n| matches!(n.v, V::Ref(_)))
            .map(Link::from_node)
            .collect(),
        permissions_boundary: at(p, &["PermissionsBoundary"]),
        permissions_boundary_ref: p
            .get("PermissionsBoundary")
            .filter(|n| matches!(n.v, V::Ref(_)))
            .map(Link::from_node),
        login_profile: present(p.get("LoginProfile")),
        login_password: at(p, &["LoginProfile", "Password"]),
        login_password_in_state: Value::Absent,
        groups: items(p.get("Groups")).iter().map(Link::from_node).collect(),
    }
}
