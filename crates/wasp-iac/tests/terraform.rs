//! Terraform loader: HCL evaluation, expansion, modules, joins, plan JSON.

use std::path::PathBuf;

use wasp_core::Pos;
use wasp_iac::terraform::{is_plan, load_dirs, load_plan, TfLoad, TfOptions};
use wasp_model::{Bucket, Kind, Model, Principal, Resource, SecurityGroup, Value, V};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/terraform")
        .join(name)
}

fn load_with(name: &str, opts: &TfOptions) -> TfLoad {
    let mut loads = load_dirs(&[fixture(name)], opts);
    assert_eq!(loads.len(), 1);
    loads.remove(0)
}

fn load(name: &str) -> TfLoad {
    load_with(name, &TfOptions::default())
}

fn res<'a>(m: &'a Model, addr: &str) -> &'a Resource {
    m.get(addr).unwrap_or_else(|| {
        let all: Vec<_> = m.resources.iter().map(|r| r.address.as_str()).collect();
        panic!("no resource `{addr}` in {all:?}")
    })
}

fn bucket<'a>(m: &'a Model, addr: &str) -> &'a Bucket {
    match &res(m, addr).kind {
        Kind::Bucket(b) => b,
        k => panic!("`{addr}` is {k:?}"),
    }
}

fn sg<'a>(m: &'a Model, addr: &str) -> &'a SecurityGroup {
    match &res(m, addr).kind {
        Kind::SecurityGroup(s) => s,
        k => panic!("`{addr}` is {k:?}"),
    }
}

fn principal<'a>(m: &'a Model, addr: &str) -> &'a Principal {
    match &res(m, addr).kind {
        Kind::Role(p) | Kind::User(p) | Kind::Group(p) => p,
        k => panic!("`{addr}` is {k:?}"),
    }
}

fn known<T: Clone + std::fmt::Debug>(v: &Value<T>) -> T {
    v.known()
        .cloned()
        .unwrap_or_else(|| panic!("expected known, got {v:?}"))
}

fn line(p: Option<Pos>) -> u32 {
    p.expect("a position").line
}

fn unknown_reason<T: std::fmt::Debug>(v: &Value<T>) -> String {
    match v {
        Value::Unknown(r, _) => r.to_string(),
        other => panic!("expected unknown, got {other:?}"),
    }
}

// ---- variables, locals, functions, expansion ---------------------------------------------------

#[test]
fn variables_follow_terraform_precedence() {
    let opts = TfOptions {
        vars: vec![("cli_only".into(), "from-cli".into())],
        var_files: vec![],
    };
    let l = load_with("vars", &opts);
    assert!(l.errors.is_empty(), "{:?}", l.errors);
    let m = &l.model;
    // env from terraform.tfvars over the default; region from the default.
    let main = bucket(m, "aws_s3_bucket.main");
    assert_eq!(known(&main.name), "from-tfvars-eu-west-1-main");
    assert_eq!(line(main.name.pos()), 9);
    // tier: b.auto.tfvars is read after a.auto.tfvars and terraform.tfvars.
    assert_eq!(known(&bucket(m, "aws_s3_bucket.tier").name), "auto-b");
    assert_eq!(known(&bucket(m, "aws_s3_bucket.tier").acl), "from-tfvars");
    // --var sets a variable without default; a variable never set is unknown.
    let cli = bucket(m, "aws_s3_bucket.cli");
    assert_eq!(known(&cli.name), "from-cli");
    assert!(unknown_reason(&cli.acl).contains("unset"));
    // versioning = true from b.auto.tfvars, joined by reference.
    assert!(known(&main.versioning));
}

#[test]
fn var_file_and_cli_override_tfvars() {
    let dir = tempdir();
    let vf = dir.join("over.tfvars");
    std::fs::write(&vf, "env = \"from-var-file\"\ntier = \"vf\"\n").unwrap();
    let opts = TfOptions {
        vars: vec![("tier".into(), "cli".into())],
        var_files: vec![vf.clone()],
    };
    let l = load_with("vars", &opts);
    let main = bucket(&l.model, "aws_s3_bucket.main");
    assert_eq!(known(&main.name), "from-var-file-eu-west-1-main");
    assert!(l.files.contains(&vf));
    std::fs::remove_dir_all(dir).ok();
}

fn tempdir() -> PathBuf {
    let d = std::env::temp_dir().join(format!(
        "wasp-tf-test-{}-{}",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos()
    ));
    std::fs::create_dir_all(&d).unwrap();
    d
}

#[test]
fn locals_functions_and_try() {
    let l = load("vars");
    let m = &l.model;
    let f = bucket(m, "aws_s3_bucket.funcs");
    assert_eq!(known(&f.name), "A-B-a-x");
    assert_eq!(known(&f.acl), "private");
    let p = f.policy.as_ref().expect("policy");
    assert!(p.document.is_unknown());
    assert!(unknown_reason(&p.document).contains("file"));
}

#[test]
fn count_and_for_each_expand_into_instances() {
    let l = load("vars");
    let m = &l.model;
    assert_eq!(
        known(&bucket(m, "aws_s3_bucket.counted[0]").name),
        "counted-0"
    );
    assert_eq!(
        known(&bucket(m, "aws_s3_bucket.counted[1]").name),
        "counted-1"
    );
    assert_eq!(
        known(&bucket(m, "aws_s3_bucket.each[\"a\"]").name),
        "each-a"
    );
    assert_eq!(
        known(&bucket(m, "aws_s3_bucket.each[\"b\"]").name),
        "each-b"
    );
    assert!(m.get("aws_s3_bucket.counted").is_none());
    // Unknown count: one `[*]` instance; what depends on count.index is unknown, the rest known.
    let u = bucket(m, "aws_s3_bucket.unknown_count[*]");
    assert!(u.name.is_unknown());
    assert_eq!(known(&u.acl), "private");
}

// ---- S3 joins ----------------------------------------------------------------------------------

#[test]
fn s3_sub_resources_join_into_the_bucket() {
    let l = load("s3");
    assert!(l.errors.is_empty(), "{:?}", l.errors);
    let m = &l.model;
    let b = bucket(m, "aws_s3_bucket.data");
    assert_eq!(known(&b.sse_algorithm), "aws:kms");
    assert_eq!(line(b.sse_algorithm.pos()), 10);
    // The KMS key's ARN is computed: a reference, so unknown as a string.
    assert!(b.kms_key.is_unknown());
    // Joined by name ("data-bucket").
    assert!(known(&b.versioning));
    assert_eq!(line(b.versioning.pos()), 19);
    let pab = b.public_access_block.as_ref().expect("public access block");
    assert!(known(&pab.block_public_acls));
    assert!(!known(&pab.restrict_public_buckets));
    assert_eq!(pab.pos.line, 23);
    assert!(known(&b.logging));
    assert_eq!(known(&b.acl), "private");
    assert!(known(&b.object_lock));
    let pol = b.policy.as_ref().expect("bucket policy");
    let doc = known(&pol.document);
    let st = &doc.get("Statement").unwrap().as_seq().unwrap()[0];
    assert_eq!(st.get("Effect").unwrap().as_str(), Some("Deny"));
    // The interpolated ARN is unknown, not guessed.
    assert!(st.get("Resource").unwrap().is_unknown());
    assert_eq!(pol.pos.line, 39);
    // Positions of joined values point into the sub-resource's file.
    let loc = m.location(res(m, "aws_s3_bucket.data"), b.versioning.pos());
    assert!(loc.file().unwrap().ends_with("s3/main.tf"));
    // References are recorded.
    let sse = res(m, "aws_s3_bucket_server_side_encryption_configuration.data");
    assert!(sse.refs.contains("aws_s3_bucket.data"));
    assert!(sse.refs.contains("aws_kms_key.k"));
    assert!(matches!(sse.kind, Kind::Other));
}

#[test]
fn legacy_inline_bucket_blocks() {
    let l = load("s3");
    let b = bucket(&l.model, "aws_s3_bucket.legacy");
    assert_eq!(known(&b.acl), "public-read");
    assert!(known(&b.versioning));
    assert!(known(&b.logging));
    assert_eq!(known(&b.sse_algorithm), "AES256");
    assert!(known(&b.object_lock));
    let doc = known(&b.policy.as_ref().unwrap().document);
    let st = &doc.get("Statement").unwrap().as_seq().unwrap()[0];
    assert_eq!(st.get("Principal").unwrap().as_str(), Some("*"));
    // Unset: absent (service default).
    let logs = bucket(&l.model, "aws_s3_bucket.logs");
    assert!(logs.name.is_absent());
    assert!(logs.versioning.is_absent());
}

// ---- security groups ---------------------------------------------------------------------------

#[test]
fn security_group_rules_inline_dynamic_and_joined() {
    let l = load("sg");
    let m = &l.model;
    let g = sg(m, "aws_security_group.web");
    // inline: 2 cidrs; dynamic over [22, 443]; rule resource; vpc ingress rule.
    let ports: Vec<i64> = g.ingress.iter().map(|r| known(&r.from_port)).collect();
    assert_eq!(ports, vec![80, 80, 22, 443, 3389, 5432]);
    assert_eq!(known(&g.ingress[0].protocol), "tcp");
    assert_eq!(known(&g.ingress[0].cidr_ipv4), "0.0.0.0/0");
    assert_eq!(known(&g.ingress[2].cidr_ipv6), "::/0");
    assert_eq!(g.ingress[4].pos.line, 38);
    assert_eq!(known(&g.ingress[4].cidr_ipv4), "0.0.0.0/0");
    assert_eq!(known(&g.ingress[5].cidr_ipv4), "0.0.0.0/0");
    assert_eq!(g.egress.len(), 2);
    assert_eq!(known(&g.egress[1].cidr_ipv6), "::/0");
    assert!(g.rules_unknown.is_none());
    // dynamic over an unknown variable.
    let d = sg(m, "aws_security_group.dyn");
    assert!(d.ingress.is_empty());
    let (reason, pos) = d.rules_unknown.as_ref().expect("rules unknown");
    assert!(reason.contains("unknown_rules"), "{reason}");
    assert_eq!(pos.line, 63);
}

// ---- IAM ---------------------------------------------------------------------------------------

#[test]
fn iam_joins_and_policy_documents() {
    let l = load("iam");
    assert!(l.errors.is_empty(), "{:?}", l.errors);
    let m = &l.model;
    let r = principal(m, "aws_iam_role.app");
    assert_eq!(known(&r.name), "app-role");
    // Trust policy from data.aws_iam_policy_document.
    let trust = known(&r.trust_policy.as_ref().unwrap().document);
    let st = &trust.get("Statement").unwrap().as_seq().unwrap()[0];
    assert_eq!(st.get("Effect").unwrap().as_str(), Some("Allow"));
    assert_eq!(
        st.get("Principal")
            .and_then(|p| p.get("Service"))
            .and_then(|s| s.as_seq())
            .map(|s| s[0].as_str()),
        Some(Some("ec2.amazonaws.com"))
    );
    let names: Vec<&str> = r.policies.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, vec!["inline", "extra", "aws_iam_policy.admin"]);
    assert!(r.policies[0].joined_from.is_none());
    assert_eq!(
        r.policies[1].joined_from.as_deref(),
        Some("aws_iam_role_policy.extra")
    );
    // Heredoc JSON parsed.
    let extra = known(&r.policies[1].document);
    assert_eq!(
        extra.get("Statement").unwrap().as_seq().unwrap()[0]
            .get("Action")
            .unwrap()
            .as_str(),
        Some("ec2:*")
    );
    // aws_iam_policy attached by reference: its document, rendered from the data source.
    let admin = known(&r.policies[2].document);
    let sts = admin.get("Statement").unwrap().as_seq().unwrap();
    assert_eq!(sts.len(), 2);
    assert_eq!(sts[0].get("Sid").unwrap().as_str(), Some("All"));
    assert_eq!(
        sts[0]
            .get("Condition")
            .and_then(|c| c.get("Bool"))
            .and_then(|b| b.get("aws:MultiFactorAuthPresent"))
            .and_then(|v| v.as_seq())
            .map(|v| v[0].as_str()),
        Some(Some("true"))
    );
    assert!(sts[1].get("NotAction").is_some());
    assert!(sts[1].get("NotResource").is_some());
    assert_eq!(
        r.policies[2].joined_from.as_deref(),
        Some("aws_iam_policy.admin")
    );
    // ARN attachment joined by role name.
    assert_eq!(r.managed_policy_arns.len(), 1);
    assert_eq!(
        known(&r.managed_policy_arns[0]),
        "arn:aws:iam::aws:policy/ReadOnlyAccess"
    );
    // The standalone policies are ManagedPolicy resources.
    assert!(matches!(
        res(m, "aws_iam_policy.admin").kind,
        Kind::ManagedPolicy(_)
    ));
    assert!(matches!(
        res(m, "aws_iam_role_policy.extra").kind,
        Kind::ManagedPolicy(_)
    ));
    // User: login profile, an unknown policy.
    let u = principal(m, "aws_iam_user.bob");
    assert!(known(&u.login_profile));
    assert_eq!(u.policies.len(), 1);
    assert!(u.policies[0].document.is_unknown());
    // Group: an unknown ARN stays unknown.
    let g = principal(m, "aws_iam_group.g");
    assert_eq!(g.managed_policy_arns.len(), 1);
    assert!(g.managed_policy_arns[0].is_unknown());
}

// ---- other kinds -------------------------------------------------------------------------------

#[test]
fn other_kinds_are_normalized() {
    let l = load("kinds");
    assert!(l.errors.is_empty(), "{:?}", l.errors);
    let m = &l.model;
    let Kind::KmsKey(k) = &res(m, "aws_kms_key.k").kind else {
        panic!()
    };
    assert!(!known(&k.rotation));
    assert_eq!(known(&k.key_spec), "SYMMETRIC_DEFAULT");
    assert!(k.policy.is_some());
    let Kind::Trail(t) = &res(m, "aws_cloudtrail.t").kind else {
        panic!()
    };
    assert!(known(&t.multi_region));
    assert!(!known(&t.log_file_validation));
    assert!(t.kms_key.is_unknown());
    let Kind::Instance(i) = &res(m, "aws_instance.web").kind else {
        panic!()
    };
    assert_eq!(known(&i.metadata.http_tokens), "optional");
    assert!(known(&i.associate_public_ip));
    assert_eq!(i.block_devices.len(), 2);
    assert!(!known(&i.block_devices[1].encrypted));
    assert_eq!(known(&i.instance_profile), "prof");
    assert!(i.launch_template.is_unknown());
    assert!(res(m, "aws_instance.web")
        .refs
        .contains("aws_launch_template.lt"));
    let Kind::LaunchTemplate(lt) = &res(m, "aws_launch_template.lt").kind else {
        panic!()
    };
    assert_eq!(known(&lt.metadata.http_tokens), "required");
    assert!(!known(&lt.associate_public_ip));
    assert!(known(&lt.block_devices[0].encrypted));
    let Kind::DbInstance(db) = &res(m, "aws_db_instance.db").kind else {
        panic!()
    };
    assert!(known(&db.publicly_accessible));
    assert_eq!(known(&db.backup_retention), 0);
    assert!(known(&db.iam_auth));
    assert!(matches!(
        res(m, "aws_rds_cluster.c").kind,
        Kind::DbCluster(_)
    ));
    let Kind::Function(f) = &res(m, "aws_lambda_function.f").kind else {
        panic!()
    };
    assert_eq!(known(&f.runtime), "python3.8");
    assert_eq!(f.environment[0].0, "SECRET");
    assert_eq!(known(&f.environment[0].1), "hunter2");
    assert!(known(&f.in_vpc));
    assert!(f.role.is_unknown());
    let Kind::Listener(li) = &res(m, "aws_lb_listener.l").kind else {
        panic!()
    };
    assert_eq!(known(&li.protocol), "HTTP");
    assert_eq!(known(&li.default_actions[0].redirect_protocol), "HTTPS");
    assert_eq!(known(&li.rule_actions[0].kind), "forward");
    let Kind::Table(tb) = &res(m, "aws_dynamodb_table.t").kind else {
        panic!()
    };
    assert!(known(&tb.sse_enabled));
    assert!(!known(&tb.point_in_time_recovery));
    let Kind::ApiStage(s) = &res(m, "aws_api_gateway_stage.s").kind else {
        panic!()
    };
    assert!(known(&s.access_logging));
    assert!(known(&s.tracing));
    let Kind::ApiStage(s2) = &res(m, "aws_apigatewayv2_stage.s2").kind else {
        panic!()
    };
    assert!(s2.access_logging.is_absent());
    assert!(matches!(res(m, "aws_sqs_queue.q").kind, Kind::Queue(_)));
}

// ---- modules -----------------------------------------------------------------------------------

#[test]
fn local_modules_with_inputs_outputs_and_count() {
    let loads = load_dirs(
        &[fixture("modules/root"), fixture("modules/child")],
        &TfOptions::default(),
    );
    // The child directory is used by the root: not loaded again as a root.
    assert_eq!(loads.len(), 1);
    let l = &loads[0];
    assert!(l.errors.is_empty(), "{:?}", l.errors);
    let m = &l.model;
    let c = bucket(m, "module.child.aws_s3_bucket.this");
    assert_eq!(known(&c.name), "child-prod");
    // encrypt = true in the call: the counted sub-resource joins by reference.
    assert_eq!(known(&c.sse_algorithm), "AES256");
    // Root resource joined through a module output reference.
    assert!(known(&c.versioning));
    assert_eq!(
        known(&bucket(m, "module.many[1].aws_s3_bucket.this").name),
        "many-1"
    );
    // encrypt defaults to false: no encryption instance.
    assert!(m
        .get("module.many[0].aws_s3_bucket_server_side_encryption_configuration.this[0]")
        .is_none());
    assert!(bucket(m, "module.many[0].aws_s3_bucket.this")
        .sse_algorithm
        .is_absent());
    assert_eq!(
        known(&bucket(m, "aws_s3_bucket.from_output").name),
        "child-prod-copy"
    );
    assert!(res(m, "aws_s3_bucket_versioning.v")
        .refs
        .contains("module.child.aws_s3_bucket.this"));
    let r = bucket(m, "aws_s3_bucket.from_remote");
    assert!(unknown_reason(&r.name).contains("remote module `remote` not loaded"));
    // Each file of the tree positions into the model's file table.
    let loc = m.location(
        res(m, "module.child.aws_s3_bucket.this"),
        c.sse_algorithm.pos(),
    );
    assert!(loc.file().unwrap().ends_with("child/main.tf"));
    assert_eq!(loc.line(), 16);
}

// ---- JSON syntax -------------------------------------------------------------------------------

#[test]
fn tf_json_files_load_with_templates() {
    let l = load("tfjson");
    assert!(l.errors.is_empty(), "{:?}", l.errors);
    let m = &l.model;
    let j = bucket(m, "aws_s3_bucket.j");
    assert_eq!(known(&j.name), "jsonb-x");
    assert_eq!(known(&j.acl), "private");
    assert!(known(&j.versioning));
    assert_eq!(known(&bucket(m, "aws_s3_bucket.c[1]").name), "c-1");
    let g = sg(m, "aws_security_group.sg");
    assert_eq!(known(&g.ingress[0].cidr_ipv4), "0.0.0.0/0");
    assert_eq!(res(m, "aws_s3_bucket.j").pos.line, 8);
}

// ---- bad input ---------------------------------------------------------------------------------

#[test]
fn malformed_file_is_reported_and_others_load() {
    let l = load("malformed");
    assert_eq!(l.errors.len(), 2, "{:?}", l.errors);
    let e = &l.errors[0];
    assert!(e.location.file().unwrap().ends_with("b_bad.tf"));
    assert_eq!(e.location.line(), 3);
    assert!(e.location.column() > 1);
    assert!(l.errors[1]
        .location
        .file()
        .unwrap()
        .ends_with("d_bad.tf.json"));
    assert!(l.model.get("aws_s3_bucket.good").is_some());
    assert!(l.model.get("aws_ebs_volume.v").is_some());
    assert!(l.model.get("aws_s3_bucket.bad").is_none());
}

#[test]
fn hostile_input_does_not_panic() {
    let dir = tempdir();
    let deep = format!(
        "locals {{ x = {}1{} }}\n",
        "[".repeat(5000),
        "]".repeat(5000)
    );
    std::fs::write(dir.join("deep.tf"), deep).unwrap();
    std::fs::write(
        dir.join("loop.tf"),
        "locals {\n a = local.b\n b = local.a\n}\nresource \"aws_s3_bucket\" \"x\" {\n bucket = local.a\n count = 100000000\n}\nresource \"aws_s3_bucket\" \"y\" {\n bucket = join(\",\", [for i in range(100000) : [for j in range(100000) : \"x\"]][0])\n}\n",
    )
    .unwrap();
    std::fs::create_dir_all(dir.join("m")).unwrap();
    std::fs::write(
        dir.join("m/main.tf"),
        "module \"self\" {\n source = \"./\"\n}\nmodule \"up\" {\n source = \"../m\"\n}\n",
    )
    .unwrap();
    std::fs::write(dir.join("mod.tf"), "module \"m\" {\n source = \"./m\"\n}\n").unwrap();
    let loads = load_dirs(std::slice::from_ref(&dir), &TfOptions::default());
    let l = &loads[0];
    assert!(l
        .errors
        .iter()
        .any(|e| e.location.file().unwrap().ends_with("deep.tf")));
    assert!(l.errors.iter().any(|e| e.message.contains("cycle")));
    let x = bucket(&l.model, "aws_s3_bucket.x[*]");
    assert!(x.name.is_unknown());
    std::fs::remove_dir_all(dir).ok();
}

// ---- plan JSON ---------------------------------------------------------------------------------

#[test]
fn plan_json_values_unknowns_and_joins() {
    let path = fixture("plan/plan.json");
    let text = std::fs::read_to_string(&path).unwrap();
    let doc = wasp_iac::json::parse(&text).unwrap();
    assert!(is_plan(&doc));
    let l = load_plan(&path, &doc);
    assert!(l.errors.is_empty(), "{:?}", l.errors);
    let m = &l.model;
    let b = bucket(m, "aws_s3_bucket.b");
    // `bucket` is known only after apply.
    assert!(unknown_reason(&b.name).contains("after apply"));
    // Joined by the configuration's reference although the bucket name is unknown.
    assert!(known(&b.versioning));
    let pab = b.public_access_block.as_ref().unwrap();
    assert!(!known(&pab.ignore_public_acls));
    assert_eq!(res(m, "aws_s3_bucket.b").pos.line, 7);
    assert_eq!(res(m, "aws_s3_bucket.b").source.name, "terraform_plan");
    let g = sg(m, "aws_security_group.sg");
    assert_eq!(g.ingress.len(), 1);
    assert_eq!(known(&g.ingress[0].cidr_ipv4), "0.0.0.0/0");
    let Kind::Volume(v) = &res(m, "module.m.aws_ebs_volume.v[0]").kind else {
        panic!()
    };
    assert!(known(&v.encrypted));
    assert!(v.kms_key.is_unknown());
    // Data sources are not resources of the model.
    assert!(m.get("data.aws_iam_policy_document.x").is_none());
    assert!(!is_plan(&wasp_model::Node::null(Pos::NONE)));
}

#[test]
fn refs_are_graph_edges() {
    let l = load("iam");
    let a = res(&l.model, "aws_iam_role_policy_attachment.admin");
    assert!(a.refs.contains("aws_iam_role.app"));
    assert!(a.refs.contains("aws_iam_policy.admin"));
    let _ = V::Null;
}

#[test]
fn templates_directives_and_conditionals() {
    let l = load("vars");
    let m = &l.model;
    let t = bucket(m, "aws_s3_bucket.templates");
    assert_eq!(known(&t.name), "t-on-ab");
    // A condition on an unknown value with differing branches is unknown.
    assert!(unknown_reason(&t.acl).contains("condition"));
    // Indented heredoc with interpolation, parsed as JSON.
    let doc = known(&t.policy.as_ref().unwrap().document);
    let st = &doc.get("Statement").unwrap().as_seq().unwrap()[0];
    assert_eq!(
        st.get("Resource").unwrap().as_str(),
        Some("from-tfvars-eu-west-1")
    );
    let s = bucket(m, "aws_s3_bucket.same_branches");
    assert_eq!(known(&s.name), "same");
    assert!(unknown_reason(&s.acl).contains("data source"));
}

#[test]
fn nesting_at_the_limit_evaluates_on_a_small_stack() {
    let dir = tempdir();
    let depth = 60;
    let expr = format!("{}\"x\"{}", "[".repeat(depth), "]".repeat(depth));
    let calls = format!("{}\"y\"{}", "lower(".repeat(depth), ")".repeat(depth));
    std::fs::write(
        dir.join("main.tf"),
        format!(
            "locals {{\n a = {expr}\n}}\nresource \"aws_s3_bucket\" \"n\" {{\n bucket = {calls}\n}}\n"
        ),
    )
    .unwrap();
    let d2 = dir.clone();
    let handle = std::thread::Builder::new()
        .stack_size(2 * 1024 * 1024)
        .spawn(move || load_dirs(&[d2], &TfOptions::default()))
        .unwrap();
    let loads = handle.join().expect("no stack overflow");
    assert!(loads[0].errors.is_empty(), "{:?}", loads[0].errors);
    assert_eq!(known(&bucket(&loads[0].model, "aws_s3_bucket.n").name), "y");
    std::fs::remove_dir_all(dir).ok();
}
