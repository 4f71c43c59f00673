//! Decisions per second on typical policies, against an anchor measured in the same run: the
//! same policies matched with one `regex::Regex` per pattern (compiled once), as a naive
//! evaluator would.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use regex::Regex;
use wasp_iam::evaluate::PolicySet;
use wasp_iam::{parse_policy_str, Context, PolicyKind, Request};

const IDENTITY: &str = r#"{"Version":"2012-10-17","Statement":[
  {"Sid":"Home","Effect":"Allow","Action":["s3:GetObject","s3:PutObject","s3:DeleteObject"],"Resource":"arn:aws:s3:::corp-data/home/${aws:username}/*"},
  {"Sid":"List","Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::corp-data","Condition":{"StringLike":{"s3:prefix":["home/${aws:username}/*"]}}},
  {"Sid":"Ec2Read","Effect":"Allow","Action":["ec2:Describe*","ec2:Get*"],"Resource":"*"},
  {"Sid":"Logs","Effect":"Allow","Action":["logs:CreateLogStream","logs:PutLogEvents"],"Resource":"arn:aws:logs:*:111122223333:log-group:/app/*"},
  {"Sid":"Ddb","Effect":"Allow","Action":["dynamodb:GetItem","dynamodb:Query","dynamodb:PutItem"],"Resource":"arn:aws:dynamodb:us-east-1:111122223333:table/orders*","Condition":{"Bool":{"aws:SecureTransport":"true"}}},
  {"Sid":"NoDelete","Effect":"Deny","Action":"s3:DeleteBucket","Resource":"*"},
  {"Sid":"Region","Effect":"Deny","NotAction":["iam:*","sts:*"],"Resource":"*","Condition":{"StringNotEquals":{"aws:RequestedRegion":["us-east-1","eu-west-1"]}}}
]}"#;

fn requests() -> Vec<Request> {
    let user = "arn:aws:iam::111122223333:user/bob";
    let mk = |a: &str, r: &str| {
        let mut c = Context::new();
        c.set("aws:RequestedRegion", "us-east-1")
            .set("aws:SecureTransport", "true")
            .set("s3:prefix", "home/bob/docs");
        Request::new(user, a, r, c)
    };
    vec![
        mk("s3:GetObject", "arn:aws:s3:::corp-data/home/bob/report.pdf"),
        mk(
            "s3:GetObject",
            "arn:aws:s3:::corp-data/home/alice/report.pdf",
        ),
        mk("s3:ListBucket", "arn:aws:s3:::corp-data"),
        mk("ec2:DescribeInstances", "*"),
        mk(
            "logs:PutLogEvents",
            "arn:aws:logs:us-east-1:111122223333:log-group:/app/web:log-stream:x",
        ),
        mk(
            "dynamodb:Query",
            "arn:aws:dynamodb:us-east-1:111122223333:table/orders-2024",
        ),
        mk("s3:DeleteBucket", "arn:aws:s3:::corp-data"),
        mk("iam:CreateUser", "arn:aws:iam::111122223333:user/eve"),
    ]
}

/// The anchor: allow/deny by regexes over action and resource, with variables substituted by
/// string replacement before matching (conditions are not evaluated, so the anchor does less).
struct RegexStatement {
    allow: bool,
    negated_action: bool,
    actions: Vec<Regex>,
    resources: Vec<String>,
}

fn glob_to_regex(p: &str, ci: bool) -> Regex {
    let mut re = String::from(if ci { "(?i)^" } else { "^" });
    for c in p.chars() {
        match c {
            '*' => re.push_str(".*"),
            '?' => re.push('.'),
            c => re.push_str(&regex::escape(&c.to_string())),
        }
    }
    re.push('$');
    Regex::new(&re).unwrap()
}

fn anchor_statements() -> Vec<RegexStatement> {
    let v: serde_json::Value = serde_json::from_str(IDENTITY).unwrap();
    let list = |x: Option<&serde_json::Value>| -> Vec<String> {
        match x {
            Some(serde_json::Value::String(s)) => vec![s.clone()],
            Some(serde_json::Value::Array(a)) => a
                .iter()
                .filter_map(|s| s.as_str().map(String::from))
                .collect(),
            _ => vec![],
        }
    };
    v["Statement"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            let negated_action = s.get("NotAction").is_some();
            RegexStatement {
                allow: s["Effect"] == "Allow",
                negated_action,
                actions: list(s.get(if negated_action {
                    "NotAction"
                } else {
                    "Action"
                }))
                .iter()
                .map(|a| glob_to_regex(a, true))
                .collect(),
                resources: list(s.get("Resource")),
            }
        })
        .collect()
}

fn anchor_evaluate(stmts: &[RegexStatement], username: &str, action: &str, resource: &str) -> bool {
    let mut allowed = false;
    for s in stmts {
        let a = s.actions.iter().any(|r| r.is_match(action)) != s.negated_action;
        if !a {
            continue;
        }
        // Naive: substitute variables and compile the resource regex on each request.
        let r = s.resources.iter().any(|p| {
            glob_to_regex(&p.replace("${aws:username}", username), false).is_match(resource)
        });
        if r {
            if !s.allow {
                return false;
            }
            allowed = true;
        }
    }
    allowed
}

fn bench(c: &mut Criterion) {
    let set = PolicySet::new().with_identity(
        "p",
        parse_policy_str(IDENTITY, PolicyKind::Identity).unwrap(),
    );
    let reqs = requests();
    let mut g = c.benchmark_group("evaluate");
    g.throughput(Throughput::Elements(reqs.len() as u64));
    g.bench_function("wasp-iam", |b| {
        b.iter(|| {
            for r in &reqs {
                black_box(set.evaluate(black_box(r)));
            }
        })
    });
    let anchor = anchor_statements();
    g.bench_function("anchor-naive-regex", |b| {
        b.iter(|| {
            for r in &reqs {
                black_box(anchor_evaluate(
                    &anchor,
                    "bob",
                    black_box(&r.action),
                    black_box(&r.resource),
                ));
            }
        })
    });
    // A fairer anchor: resource regexes compiled once for this user.
    let compiled: Vec<(bool, bool, Vec<Regex>, Vec<Regex>)> = anchor
        .iter()
        .map(|s| {
            (
                s.allow,
                s.negated_action,
                s.actions.clone(),
                s.resources
                    .iter()
                    .map(|p| glob_to_regex(&p.replace("${aws:username}", "bob"), false))
                    .collect(),
            )
        })
        .collect();
    g.bench_function("anchor-precompiled-regex", |b| {
        b.iter(|| {
            for r in &reqs {
                let mut allowed = false;
                let mut denied = false;
                for (allow, neg, acts, ress) in &compiled {
                    if acts.iter().any(|x| x.is_match(&r.action)) == *neg {
                        continue;
                    }
                    if ress.iter().any(|x| x.is_match(&r.resource)) {
                        if *allow {
                            allowed = true;
                        } else {
                            denied = true;
                        }
                    }
                }
                black_box(allowed && !denied);
            }
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
