//! `wasp iam`: IAM policy evaluation (`eval`) and analysis (`analyze`).

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context as _};
use serde_json::{json, Value};
use wasp_core::Severity;
use wasp_iam::analyze::{analyze_authorization, analyze_policy, Finding, Options};
use wasp_iam::authz_details::{load_value, Input};
use wasp_iam::evaluate::PolicySet;
use wasp_iam::parse::parse_json_limited;
use wasp_iam::{CompiledPolicy, Context, Outcome, PolicyKind, Request};

use crate::exit;

/// Largest input file read (account authorization details of big accounts run to tens of MB).
const MAX_FILE_BYTES: usize = 256 * 1024 * 1024;

/// IAM policy evaluation and analysis.
#[derive(Debug, clap::Args)]
pub struct IamArgs {
    #[command(subcommand)]
    command: IamCommand,
}

#[derive(Debug, clap::Subcommand)]
enum IamCommand {
    /// Decide one request against policies, as AWS would, and say why.
    Eval(EvalArgs),
    /// Find privilege escalation, admin access, public access and lint problems.
    Analyze(AnalyzeArgs),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    Text,
    Json,
}

#[derive(Debug, clap::Args)]
struct EvalArgs {
    /// Identity-based policy of the principal (repeatable).
    #[arg(long = "policy", value_name = "FILE", help_heading = "Input")]
    policies: Vec<PathBuf>,
    /// Resource-based policy of the resource (bucket, key, queue, trust policy ...).
    #[arg(long = "resource-policy", value_name = "FILE", help_heading = "Input")]
    resource_policies: Vec<PathBuf>,
    /// Permissions boundary of the principal.
    #[arg(long, value_name = "FILE", help_heading = "Input")]
    boundary: Option<PathBuf>,
    /// Session policy (repeatable).
    #[arg(long = "session-policy", value_name = "FILE", help_heading = "Input")]
    session_policies: Vec<PathBuf>,
    /// Service control policy; each one is a level of the organization, root first.
    #[arg(long = "scp", value_name = "FILE", help_heading = "Input")]
    scps: Vec<PathBuf>,
    /// Resource control policy; each one is a level of the organization, root first.
    #[arg(long = "rcp", value_name = "FILE", help_heading = "Input")]
    rcps: Vec<PathBuf>,

    /// The action, e.g. s3:GetObject.
    #[arg(long, help_heading = "Request")]
    action: String,
    /// The resource ARN.
    #[arg(long, default_value = "*", help_heading = "Request")]
    resource: String,
    /// The caller: a user, role or role-session ARN, a service principal, or `anonymous`.
    #[arg(long, help_heading = "Request")]
    principal: String,
    /// The account owning the resource, when its ARN does not say (S3).
    #[arg(long = "resource-account", value_name = "ID", help_heading = "Request")]
    resource_account: Option<String>,
    /// A context key, KEY=VALUE (repeat a key for several values).
    #[arg(long = "context", value_name = "KEY=VALUE", help_heading = "Request")]
    context: Vec<String>,

    /// Output format.
    #[arg(long, value_enum, default_value = "text", help_heading = "Output")]
    format: Format,
}

#[derive(Debug, clap::Args)]
struct AnalyzeArgs {
    /// Policy files, managed-policy version files, `get-account-authorization-details` output,
    /// or directories of them.
    #[arg(value_name = "PATH", required = true, help_heading = "Input")]
    paths: Vec<PathBuf>,
    /// Treat single policies as this kind instead of guessing (identity, resource, trust,
    /// boundary, session, scp, rcp).
    #[arg(long, value_name = "KIND", help_heading = "Input")]
    kind: Option<PolicyKind>,
    /// The account owning analyzed resources (for cross-account findings).
    #[arg(long, value_name = "ID", help_heading = "Input")]
    account: Option<String>,
    /// Another account inside the zone of trust (repeatable).
    #[arg(long = "trusted-account", value_name = "ID", help_heading = "Input")]
    trusted_accounts: Vec<String>,

    /// Skip lint checks.
    #[arg(long = "no-lint", help_heading = "Selection")]
    no_lint: bool,
    /// Show only findings at or above this severity.
    #[arg(
        long = "min-severity",
        value_name = "SEVERITY",
        default_value = "info",
        help_heading = "Selection"
    )]
    min_severity: Severity,

    /// Output format.
    #[arg(long, value_enum, default_value = "text", help_heading = "Output")]
    format: Format,
    /// Exit with 1 when a finding is at or above this severity.
    #[arg(
        long = "fail-on",
        value_name = "SEVERITY",
        default_value = "high",
        help_heading = "Output"
    )]
    fail_on: Severity,
}

/// Runs `wasp iam`.
pub fn run(args: IamArgs) -> anyhow::Result<ExitCode> {
    match args.command {
        IamCommand::Eval(a) => eval(a),
        IamCommand::Analyze(a) => analyze(a),
    }
}

fn read_value(path: &Path) -> anyhow::Result<Value> {
    check_size(path)?;
    let text = wasp_core::io::read_text(path, MAX_FILE_BYTES as u64)
        .with_context(|| format!("cannot read {}", path.display()))?;
    parse_json_limited(&text, MAX_FILE_BYTES)
        .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))
}

fn load_policy(path: &Path, kind: PolicyKind) -> anyhow::Result<CompiledPolicy> {
    let v = read_value(path)?;
    let name = path.display().to_string();
    match load_value(&name, &v, Some(kind)) {
        Ok(Input::Policy(np)) => {
            for i in np.policy.issues.iter().filter(|i| i.error) {
                eprintln!("warning: {name}: {}: {}", i.path, i.message);
            }
            Ok(CompiledPolicy::new(name, np.policy))
        }
        Ok(Input::Authorization(_)) => {
            bail!("{name}: account authorization details cannot be used here; give one policy")
        }
        Err(e) => bail!("{name}: {e}"),
    }
}

fn eval(a: EvalArgs) -> anyhow::Result<ExitCode> {
    let mut set = PolicySet::new();
    for p in &a.policies {
        set.identity.push(load_policy(p, PolicyKind::Identity)?);
    }
    for p in &a.resource_policies {
        let v = read_value(p)?;
        let kind = wasp_iam::authz_details::guess_kind(
            v.get("PolicyVersion")
                .and_then(|x| x.get("Document"))
                .unwrap_or(&v),
        );
        let kind = if kind == PolicyKind::Identity {
            PolicyKind::Resource
        } else {
            kind
        };
        set.resource.push(load_policy(p, kind)?);
    }
    if let Some(b) = &a.boundary {
        set.boundary = Some(load_policy(b, PolicyKind::Boundary)?);
    }
    for p in &a.session_policies {
        set.session.push(load_policy(p, PolicyKind::Session)?);
    }
    for p in &a.scps {
        set.scp_levels.push(vec![load_policy(p, PolicyKind::Scp)?]);
    }
    for p in &a.rcps {
        set.rcp_levels.push(vec![load_policy(p, PolicyKind::Rcp)?]);
    }
    if !a.action.contains(':') {
        bail!(
            "--action must be of the form service:Action, got `{}`",
            a.action
        );
    }
    let mut ctx = Context::new();
    for kv in &a.context {
        let Some((k, v)) = kv.split_once('=') else {
            bail!("--context expects KEY=VALUE, got `{kv}`");
        };
        ctx.push(k.trim(), v);
    }
    if let Some(acct) = &a.resource_account {
        ctx.set("aws:ResourceAccount", acct.clone());
    }
    let req = Request::new(&a.principal, &a.action, &a.resource, ctx);
    let d = set.evaluate(&req);
    let statements: Vec<String> = d.statements.iter().map(|r| set.describe(r)).collect();
    let mut out = std::io::stdout().lock();
    let decision = match d.outcome {
        Outcome::Allow => "ALLOW",
        Outcome::ExplicitDeny => "DENY (explicit)",
        Outcome::ImplicitDeny => "DENY (implicit)",
    };
    let result = match a.format {
        Format::Json => writeln!(
            out,
            "{}",
            serde_json::to_string_pretty(&json!({
                "decision": d.outcome,
                "reason": d.reason.describe(),
                "statements": statements,
                "request": {
                    "principal": req.principal.id,
                    "action": req.action,
                    "resource": req.resource,
                    "resource_account": req.resource_account,
                    "cross_account": req.is_cross_account(),
                    "context": req
                        .context
                        .entries()
                        .iter()
                        .map(|(k, v)| (k.clone(), json!(v)))
                        .collect::<serde_json::Map<String, Value>>(),
                }
            }))?
        ),
        Format::Text => (|| {
            writeln!(
                out,
                "{decision}: {} {} on {}",
                req.principal.id, req.action, req.resource
            )?;
            writeln!(out, "  why: {}", d.reason.describe())?;
            for s in &statements {
                writeln!(out, "  - {s}")?;
            }
            Ok(())
        })(),
    };
    ignore_broken_pipe(result)?;
    Ok(ExitCode::from(exit::OK))
}

fn ignore_broken_pipe(r: std::io::Result<()>) -> anyhow::Result<()> {
    Ok(wasp_core::io::quiet_broken_pipe(r)?)
}

fn check_size(path: &Path) -> anyhow::Result<()> {
    let len = std::fs::metadata(path)
        .with_context(|| format!("cannot read {}", path.display()))?
        .len();
    if len > MAX_FILE_BYTES as u64 {
        bail!(
            "{}: {len} bytes, larger than the {MAX_FILE_BYTES} bytes accepted",
            path.display()
        );
    }
    Ok(())
}

/// Files to analyze: named files, and in directories every `.json` file or file without
/// extension (sorted, hidden entries skipped).
fn collect(paths: &[PathBuf]) -> anyhow::Result<Vec<(PathBuf, bool)>> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            // The one directory walk: hidden entries and what .gitignore ignores left out,
            // links not followed.
            let walked = wasp_source::walk(std::slice::from_ref(p), None);
            if let Some(e) = walked.errors.first() {
                bail!("cannot read directory: {e}");
            }
            out.extend(
                walked
                    .files
                    .into_iter()
                    .filter(|f| f.extension().is_none_or(|x| x.eq_ignore_ascii_case("json")))
                    .map(|f| (f, true)),
            );
        } else if p.exists() {
            out.push((p.clone(), false));
        } else {
            bail!("{}: no such file or directory", p.display());
        }
    }
    Ok(out)
}

struct FileResult {
    file: String,
    kind: String,
    findings: Vec<Finding>,
    notes: Vec<String>,
    errors: Vec<String>,
}

fn analyze(a: AnalyzeArgs) -> anyhow::Result<ExitCode> {
    let opts = Options {
        account: a.account.clone(),
        trusted_accounts: a.trusted_accounts.clone(),
        skip_lint: a.no_lint,
    };
    let files = collect(&a.paths)?;
    let mut results = Vec::new();
    for (path, from_dir) in files {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_else(|| path.display().to_string());
        let file = path.display().to_string();
        let mut r = FileResult {
            file: file.clone(),
            kind: String::new(),
            findings: Vec::new(),
            notes: Vec::new(),
            errors: Vec::new(),
        };
        if let Err(e) = check_size(&path) {
            r.errors.push(e.to_string());
            results.push(r);
            continue;
        }
        let text = match wasp_core::io::read_text(&path, MAX_FILE_BYTES as u64) {
            Ok(t) => t,
            Err(e) => {
                r.errors.push(e.to_string());
                results.push(r);
                continue;
            }
        };
        if from_dir
            && !text
                .trim_start_matches('\u{feff}')
                .trim_start()
                .starts_with('{')
        {
            continue; // not a JSON document (README, SOURCE ...)
        }
        let v = match parse_json_limited(&text, MAX_FILE_BYTES) {
            Ok(v) => v,
            Err(e) => {
                r.errors.push(e.to_string());
                results.push(r);
                continue;
            }
        };
        match load_value(&name, &v, a.kind) {
            Ok(Input::Policy(np)) => {
                r.kind = format!("{} policy", np.policy.kind);
                r.findings = analyze_policy(&np, &opts);
            }
            Ok(Input::Authorization(d)) => {
                r.kind = format!(
                    "account authorization details: {} principals, {} managed policies",
                    d.principals.len(),
                    d.managed.len()
                );
                r.findings = analyze_authorization(&d, &opts);
                r.errors.extend(d.errors.iter().map(|e| e.to_string()));
                r.notes.extend(d.notes.iter().cloned());
            }
            Err(e) => r.errors.push(e.to_string()),
        }
        r.findings.retain(|f| f.severity >= a.min_severity);
        results.push(r);
    }

    let failing = results
        .iter()
        .flat_map(|r| &r.findings)
        .any(|f| f.severity >= a.fail_on);
    let input_errors = results.iter().any(|r| !r.errors.is_empty());
    let out = std::io::stdout().lock();
    match a.format {
        Format::Json => ignore_broken_pipe(write_json(out, &results))?,
        Format::Text => ignore_broken_pipe(write_text(out, &results))?,
    }
    Ok(ExitCode::from(if input_errors {
        exit::USAGE_OR_INPUT
    } else if failing {
        exit::FINDINGS
    } else {
        exit::OK
    }))
}

fn write_json(mut out: impl Write, results: &[FileResult]) -> std::io::Result<()> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for f in results.iter().flat_map(|r| &r.findings) {
        *counts.entry(f.severity.as_str()).or_default() += 1;
    }
    let v = json!({
        "files": results.iter().map(|r| json!({
            "file": r.file,
            "kind": r.kind,
            "errors": r.errors,
            "notes": r.notes,
            "findings": r.findings,
        })).collect::<Vec<_>>(),
        "summary": {
            "files": results.len(),
            "findings": counts,
            "input_errors": results.iter().map(|r| r.errors.len()).sum::<usize>(),
        }
    });
    writeln!(
        out,
        "{}",
        serde_json::to_string_pretty(&v).unwrap_or_default()
    )
}

fn write_text(mut out: impl Write, results: &[FileResult]) -> std::io::Result<()> {
    let mut counts: BTreeMap<Severity, usize> = BTreeMap::new();
    for r in results {
        if r.findings.is_empty() && r.errors.is_empty() && r.notes.is_empty() {
            continue;
        }
        writeln!(
            out,
            "{} ({})",
            r.file,
            if r.kind.is_empty() {
                "unreadable"
            } else {
                &r.kind
            }
        )?;
        for e in &r.errors {
            writeln!(out, "  error: {e}")?;
        }
        for n in &r.notes {
            writeln!(out, "  note: {n}")?;
        }
        // Group by subject, subjects in order of their most severe finding.
        let mut order: Vec<&str> = Vec::new();
        for f in &r.findings {
            if !order.contains(&f.subject.as_str()) {
                order.push(&f.subject);
            }
        }
        let mut grouped: Vec<&Finding> = r.findings.iter().collect();
        grouped.sort_by_key(|f| order.iter().position(|s| *s == f.subject));
        let mut subject = "";
        for f in grouped {
            *counts.entry(f.severity).or_default() += 1;
            if f.subject != subject {
                subject = &f.subject;
                writeln!(out, "  {subject}")?;
            }
            writeln!(
                out,
                "    {:<8} {} [{}]",
                f.severity.as_str().to_uppercase(),
                f.message,
                f.rule
            )?;
            for s in &f.statements {
                writeln!(out, "             at {s}")?;
            }
        }
    }
    let total: usize = counts.values().sum();
    let by: Vec<String> = counts
        .iter()
        .rev()
        .map(|(s, n)| format!("{n} {s}"))
        .collect();
    let errors: usize = results.iter().map(|r| r.errors.len()).sum();
    writeln!(
        out,
        "{total} finding{} ({}) in {} file{}; {errors} input error{}",
        if total == 1 { "" } else { "s" },
        if by.is_empty() {
            "none".to_string()
        } else {
            by.join(", ")
        },
        results.len(),
        if results.len() == 1 { "" } else { "s" },
        if errors == 1 { "" } else { "s" },
    )
}
