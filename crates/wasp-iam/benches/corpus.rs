//! Analysis of the whole AWS managed-policy corpus (parse + lint + least privilege + escalation).

use std::hint::black_box;
use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion};
use wasp_iam::analyze::{analyze_policy, Options};
use wasp_iam::authz_details::{load_value, Input};

const CORPUS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/corpora/aws-managed-policies"
);

fn texts() -> Vec<(String, String)> {
    let Ok(rd) = std::fs::read_dir(Path::new(CORPUS)) else {
        eprintln!("note: {CORPUS} is absent; nothing to benchmark");
        return Vec::new();
    };
    let mut v: Vec<(String, String)> = rd
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().to_string();
            std::fs::read_to_string(e.path()).ok().map(|t| (name, t))
        })
        .filter(|(_, t)| t.trim_start().starts_with('{'))
        .collect();
    v.sort();
    v
}

fn run(texts: &[(String, String)], opts: &Options) -> usize {
    let mut n = 0;
    for (name, t) in texts {
        let Ok(v) = wasp_iam::parse::parse_json(t) else {
            continue;
        };
        if let Ok(Input::Policy(p)) = load_value(name, &v, None) {
            n += analyze_policy(&p, opts).len();
        }
    }
    n
}

fn bench(c: &mut Criterion) {
    let texts = texts();
    if texts.is_empty() {
        return;
    }
    // Load the action database outside the measurement.
    wasp_iam::actions::ActionDb::get();
    let mut g = c.benchmark_group("corpus");
    g.sample_size(10);
    g.bench_function("analyze-all-managed-policies", |b| {
        b.iter(|| black_box(run(&texts, &Options::default())))
    });
    let no_lint = Options {
        skip_lint: true,
        ..Options::default()
    };
    g.bench_function("analyze-all-managed-policies-no-lint", |b| {
        b.iter(|| black_box(run(&texts, &no_lint)))
    });
    g.bench_function("load-action-database", |b| {
        b.iter(|| {
            black_box(
                wasp_iam::actions::ActionDb::parse(include_str!("../data/iam-actions.tsv"))
                    .action_count(),
            )
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
