//! Who a resource policy opens its resource to: anyone, principals of other accounts, or what
//! is not statically known.
//!
//! The one answer to "is this resource policy public?" and "does it grant other accounts?" for
//! every control that asks it of a resource policy (S3, SNS, SQS, KMS, OpenSearch, ECR, Secrets
//! Manager). The document is converted for the IAM engine statement by statement
//! ([`to_json_with`], the converter of every other policy analysis) and judged by `wasp-iam`'s
//! exposure analysis as IAM Access Analyzer would: a `*` principal (or `NotPrincipal` with
//! `Allow`) is public unless a condition really restricts the caller to accounts, an
//! organization, identities or a network (`aws:SourceAccount`, `aws:PrincipalOrgID`,
//! `aws:PrincipalArn`, `aws:SourceVpce`, `aws:SourceIp` ...; `...IfExists` operators and
//! wildcard values do not restrict).
//!
//! Values known only at deploy time are replaced where that cannot change the answer: the
//! deploying account (`${AWS::AccountId}`, `data.aws_caller_identity`, a role or user of the same
//! template) is the owner's, a condition value is a specific value (except under `...Like` when
//! whoever deploys chooses it), an action or a resource is a specific one (who is allowed does not
//! depend on what), and any other AWS principal the deployment builds
//! (`arn:${AWS::Partition}:iam::${Account}:root`, a mapping) is one principal, never everyone, of
//! an account that is not known. A statement that still cannot be read (its effect or a principal
//! comes from a parameter, which may be `*`) is not statically known, unless it certainly denies.
//!
//! Trust policies of roles answer another question (who may assume the role): see the
//! `iam::role_trust_*` controls.

use wasp_core::Pos;
use wasp_iam::analyze::exposure::{self, Exposure};
use wasp_iam::{parse_policy, PolicyKind};
use wasp_model::{items, Model, Node, PolicyDoc, Value};

use crate::helpers::{fail, statements, unknown};
use crate::iam::engine::{
    blocker, owner_principal, readable, to_json_with, Asks, Blocker, DEPLOY_TIME_PRINCIPAL, OWNER,
};
use crate::Outcome;

/// A statement of a resource policy that opens the resource.
#[derive(Debug)]
pub(crate) struct Opening {
    /// Where the statement is written.
    pub pos: Pos,
    /// What it opens, for reports: `bucket policy Statement[0] allows anyone (*) to perform
    /// s3:GetObject`.
    pub message: String,
}

/// How a resource policy opens its resource beyond its own account.
#[derive(Debug, Default)]
pub(crate) struct Openings {
    /// To anyone.
    pub public: Vec<Opening>,
    /// To principals of accounts the policy does not show to be the owner's (public statements
    /// are not repeated here).
    pub cross_account: Vec<Opening>,
    /// Why a statement that may open the resource (to anyone) is not statically known, and
    /// where (the first such statement).
    pub unknown: Option<Blocker>,
    /// Why a statement that opens the resource to no one but principals known only at deploy
    /// time (`arn:${AWS::Partition}:iam::${Account}:root`, a mapping) may open it to another
    /// account, and where (the first such statement).
    pub unknown_account: Option<Blocker>,
}

/// Analyzes a resource policy. No policy, or an empty one, opens nothing. `Err` when the document
/// as a whole is not statically known or is not a valid policy.
pub(crate) fn openings(policy: Option<&PolicyDoc>, model: &Model) -> Result<Openings, Blocker> {
    let Some(doc) = policy else {
        return Ok(Openings::default());
    };
    let node = match &doc.document {
        Value::Known(n, _) => n,
        Value::Absent => return Ok(Openings::default()),
        Value::Unknown(r, p) => return Err((r.to_string(), *p)),
    };
    let mut out = Openings::default();
    // A statement that cannot be read stands as an empty one (ignored by the analysis), so that
    // the others keep their index.
    let json = to_json_with(node, model, Asks::Who, |st, (r, p)| {
        if st.get("Effect").and_then(Node::as_str) != Some("Deny") {
            out.unknown.get_or_insert((r, pos_or(p, doc.pos)));
        }
        Ok(serde_json::Value::Object(Default::default()))
    })
    .map_err(|(r, p)| (r, pos_or(p, doc.pos)))?;
    let parsed = parse_policy(&json, PolicyKind::Resource)
        .map_err(|e| (format!("not a valid policy: {e}"), doc.pos))?;
    let owner = exposure::owner_from_resources(&parsed);
    let owner = owner.as_deref().unwrap_or(OWNER);
    let written = statements(node);
    for hit in exposure::analyze(&parsed, Some(owner), &[OWNER.to_string()]) {
        let st = written.get(hit.statement);
        let opening = Opening {
            pos: st.map_or(doc.pos, |st| pos_or(st.pos, doc.pos)),
            message: format!("{} {}", doc.name, readable(&hit.message)),
        };
        match hit.exposure {
            Exposure::Public => out.public.push(opening),
            Exposure::CrossAccount if hit.principals.iter().all(|p| p == DEPLOY_TIME_PRINCIPAL) => {
                let (r, p) = st
                    .and_then(|st| unknown_account(st, model))
                    .unwrap_or_else(|| ("principal known at deploy time".into(), opening.pos));
                out.unknown_account.get_or_insert((r, pos_or(p, doc.pos)));
            }
            Exposure::CrossAccount => out.cross_account.push(opening),
            Exposure::ServiceWithoutSource => {}
        }
    }
    Ok(out)
}

/// The first AWS principal of a statement that is known only at deploy time and not certainly
/// of the deploying account, as why and where.
fn unknown_account(st: &Node, model: &Model) -> Option<Blocker> {
    let aws = st.get("Principal")?.get("AWS");
    items(aws)
        .iter()
        .find(|p| p.contains_unknown() && owner_principal(p, model).is_none())
        .map(|p| blocker("principal", p))
}

/// "This resource policy must not be public": a Fail for every statement that opens the resource
/// to anyone; else Unknown when a statement that might is not statically known; else Pass.
pub(crate) fn must_not_be_public(policy: &PolicyDoc, model: &Model) -> Vec<Outcome> {
    outcomes(policy, model, |o| (o.public, o.unknown))
}

/// "This resource policy must not grant other accounts": a Fail for every statement that opens
/// the resource to principals of accounts not shown to be the owner's; else Unknown when a
/// statement that might is not statically known; else Pass.
pub(crate) fn must_not_be_cross_account(policy: &PolicyDoc, model: &Model) -> Vec<Outcome> {
    outcomes(policy, model, |o| {
        (o.cross_account, o.unknown.or(o.unknown_account))
    })
}

fn outcomes(
    policy: &PolicyDoc,
    model: &Model,
    pick: fn(Openings) -> (Vec<Opening>, Option<Blocker>),
) -> Vec<Outcome> {
    let name = &policy.name;
    let (hits, unsure) = match openings(Some(policy), model) {
        Ok(o) => pick(o),
        Err((r, p)) => return vec![unknown(format!("{name}: {r}"), Some(p))],
    };
    if !hits.is_empty() {
        return hits
            .into_iter()
            .map(|h| fail(h.message, Some(h.pos)))
            .collect();
    }
    match unsure {
        Some((r, p)) => vec![unknown(format!("{name}: {r}"), Some(p))],
        None => vec![Outcome::Pass],
    }
}

fn pos_or(p: Pos, fallback: Pos) -> Pos {
    if p.is_known() {
        p
    } else {
        fallback
    }
}

#[cfg(test)]
mod tests {
    use wasp_core::Pos;
    use wasp_model::{Model, Node, PolicyDoc, Value, V};

    use super::{must_not_be_cross_account, must_not_be_public, openings, Openings};
    use crate::Outcome;

    fn doc(json: &str) -> PolicyDoc {
        let value: serde_json::Value = serde_json::from_str(json).expect("json");
        PolicyDoc {
            name: "bucket policy".into(),
            document: Value::Known(Node::from_json(&value, Pos::new(1, 1)), Pos::new(1, 1)),
            pos: Pos::new(1, 1),
            joined_from: None,
        }
    }

    /// A policy of one `Allow` statement, `Statement[0]`, with `extra` in it (`"Principal":"*"`).
    fn statement(extra: &str) -> PolicyDoc {
        doc(&format!(
            r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*",{extra}}}]}}"#
        ))
    }

    fn child<'n>(n: &'n mut Node, key: &str) -> &'n mut Node {
        let V::Map(m) = &mut n.v else { panic!("map") };
        &mut m.entries.iter_mut().find(|e| &*e.key == key).unwrap().value
    }

    /// Puts a value known only at deploy time at `Statement[index].<keys>`.
    fn deploy_time(mut d: PolicyDoc, index: usize, keys: &[&str], reason: &str) -> PolicyDoc {
        let Value::Known(n, _) = &mut d.document else {
            panic!("known")
        };
        let V::Seq(s) = &mut child(n, "Statement").v else {
            panic!("seq")
        };
        let mut cur = &mut s[index];
        for k in keys {
            cur = child(cur, k);
        }
        cur.v = V::Unknown(reason.into());
        d
    }

    fn open(d: &PolicyDoc) -> Openings {
        openings(Some(d), &Model::default()).expect("readable")
    }

    /// The statuses of both questions' outcomes: (public, cross-account).
    fn answers(d: &PolicyDoc) -> (Vec<&'static str>, Vec<&'static str>) {
        let status = |out: Vec<Outcome>| {
            out.iter()
                .map(|o| match o {
                    Outcome::Pass => "pass",
                    Outcome::Fail { .. } => "fail",
                    Outcome::Unknown { .. } => "unknown",
                    Outcome::Skip { .. } => "skip",
                })
                .collect()
        };
        let model = Model::default();
        (
            status(must_not_be_public(d, &model)),
            status(must_not_be_cross_account(d, &model)),
        )
    }

    const PARAMETER: &str = "parameter `P` has no default and no value was given";

    #[test]
    fn star_without_condition_is_public() {
        for principal in [
            r#""*""#,
            r#"{"AWS":"*"}"#,
            r#"{"AWS":["111122223333","*"]}"#,
        ] {
            let d = statement(&format!(r#""Principal":{principal}"#));
            let o = open(&d);
            assert_eq!(
                o.public[0].message,
                "bucket policy Statement[0] allows anyone (*) to perform s3:GetObject",
                "{principal}"
            );
            assert_eq!(answers(&d), (vec!["fail"], vec!["pass"]), "{principal}");
        }
    }

    #[test]
    fn a_condition_makes_a_star_private_only_when_it_restricts_the_caller() {
        for (condition, public) in [
            (
                r#"{"StringEquals":{"aws:SourceAccount":"000000000000"}}"#,
                false,
            ),
            (
                r#"{"StringEquals":{"aws:PrincipalOrgID":"o-exampleorgid"}}"#,
                false,
            ),
            (
                r#"{"StringEquals":{"aws:SourceVpce":"vpce-1a2b3c4d"}}"#,
                false,
            ),
            (
                r#"{"ArnLike":{"aws:SourceArn":"arn:aws:sns:*:000000000000:t"}}"#,
                false,
            ),
            (r#"{"Bool":{"aws:SecureTransport":"true"}}"#, true),
            (
                r#"{"StringEqualsIfExists":{"aws:PrincipalOrgID":"o-1"}}"#,
                true,
            ),
            (r#"{"StringLike":{"aws:PrincipalOrgID":"*"}}"#, true),
        ] {
            let d = statement(&format!(r#""Principal":"*","Condition":{condition}"#));
            let expected = if public { "fail" } else { "pass" };
            assert_eq!(answers(&d), (vec![expected], vec!["pass"]), "{condition}");
        }
        // A condition value known only at deploy time (`!Ref AWS::AccountId`) still restricts.
        let d =
            statement(r#""Principal":"*","Condition":{"StringEquals":{"aws:SourceAccount":"x"}}"#);
        let d = deploy_time(
            d,
            0,
            &["Condition", "StringEquals", "aws:SourceAccount"],
            "pseudo parameter `AWS::AccountId` is known at deploy time",
        );
        assert_eq!(answers(&d), (vec!["pass"], vec!["pass"]));
    }

    #[test]
    fn another_account_is_cross_account_not_public() {
        let d = statement(r#""Principal":{"AWS":"arn:aws:iam::444455556666:root"}"#);
        assert_eq!(answers(&d), (vec!["pass"], vec!["fail"]));
        assert!(open(&d).cross_account[0].message.contains("444455556666"));
        // `*` restricted to another account is that account, not anyone.
        let d = statement(
            r#""Principal":"*","Condition":{"StringEquals":{"aws:PrincipalAccount":"444455556666"}}"#,
        );
        assert_eq!(answers(&d), (vec!["pass"], vec!["fail"]));
        // The deploying account is the owner's.
        let d = statement(r#""Principal":{"AWS":"x"}"#);
        let reason = "pseudo parameter `AWS::AccountId` is known at deploy time";
        let d = deploy_time(d, 0, &["Principal", "AWS"], reason);
        assert_eq!(answers(&d), (vec!["pass"], vec!["pass"]));
    }

    #[test]
    fn not_principal_with_allow_is_public() {
        let d = statement(r#""NotPrincipal":{"AWS":"arn:aws:iam::000000000000:root"}"#);
        let o = open(&d);
        assert!(o.public[0].message.contains("everyone except"), "{o:?}");
        assert_eq!(answers(&d), (vec!["fail"], vec!["pass"]));
    }

    #[test]
    fn deny_statements_open_nothing() {
        let d = doc(
            r#"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"false"}}},{"Effect":"Deny","NotPrincipal":{"AWS":"arn:aws:iam::444455556666:root"},"Action":"s3:*","Resource":"*"}]}"#,
        );
        assert_eq!(answers(&d), (vec!["pass"], vec!["pass"]));
        // Not even when the principal is not statically known.
        let d = doc(
            r#"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":{"AWS":"x"},"Action":"s3:*","Resource":"*"}]}"#,
        );
        let d = deploy_time(d, 0, &["Principal", "AWS"], PARAMETER);
        assert_eq!(answers(&d), (vec!["pass"], vec!["pass"]));
    }

    #[test]
    fn a_principal_chosen_at_deploy_is_unknown() {
        // A parameter may be `*`: neither question is decided.
        let d = deploy_time(
            statement(r#""Principal":{"AWS":"x"}"#),
            0,
            &["Principal", "AWS"],
            PARAMETER,
        );
        assert_eq!(answers(&d), (vec!["unknown"], vec!["unknown"]));
        let out = must_not_be_public(&d, &Model::default());
        assert!(
            matches!(&out[..], [Outcome::Unknown { reason, .. }] if reason == &format!("bucket policy: principal: {PARAMETER}")),
            "{out:?}"
        );
        // A principal the deployment builds (`arn:${AWS::Partition}:iam::${Account}:root`) is one
        // principal, never everyone, of an account that is not known.
        let reason = "pseudo parameter `AWS::Partition` is known at deploy time";
        let d = deploy_time(
            statement(r#""Principal":{"AWS":"x"}"#),
            0,
            &["Principal", "AWS"],
            reason,
        );
        assert_eq!(answers(&d), (vec!["pass"], vec!["unknown"]));
        // So is an effect chosen at deploy.
        let d = deploy_time(statement(r#""Principal":"*""#), 0, &["Effect"], PARAMETER);
        assert_eq!(answers(&d), (vec!["unknown"], vec!["unknown"]));
    }

    #[test]
    fn every_public_statement_fails_where_it_is_written_and_unknown_ones_keep_their_place() {
        let d = doc(r#"{"Version":"2012-10-17","Statement":[
                {"Effect":"x","Principal":"*","Action":"s3:PutObject","Resource":"*"},
                {"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*"},
                {"Effect":"Allow","Principal":{"AWS":"*"},"Action":"s3:ListBucket","Resource":"*"}]}"#);
        let o = open(&deploy_time(d, 0, &["Effect"], PARAMETER));
        let messages: Vec<&str> = o.public.iter().map(|h| h.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "bucket policy Statement[1] allows anyone (*) to perform s3:GetObject",
                "bucket policy Statement[2] allows anyone (*) to perform s3:ListBucket",
            ]
        );
        assert!(o.unknown.is_some());
        // Whatever action the deployment names, anyone may perform it.
        let d = deploy_time(statement(r#""Principal":"*""#), 0, &["Action"], PARAMETER);
        let o = open(&d);
        assert!(o.public[0]
            .message
            .ends_with("(an action known at deploy time)"));
    }

    #[test]
    fn an_absent_policy_opens_nothing() {
        let o = openings(None, &Model::default()).unwrap();
        assert!(o.public.is_empty() && o.cross_account.is_empty() && o.unknown.is_none());
        let d = PolicyDoc {
            document: Value::Absent,
            ..statement(r#""Principal":"*""#)
        };
        assert_eq!(answers(&d), (vec!["pass"], vec!["pass"]));
        // A document not known at all is unknown as a whole.
        let d = PolicyDoc {
            document: Value::Unknown(PARAMETER.into(), Pos::new(2, 3)),
            ..d
        };
        assert!(openings(Some(&d), &Model::default()).is_err());
        assert_eq!(answers(&d), (vec!["unknown"], vec!["unknown"]));
    }
}
