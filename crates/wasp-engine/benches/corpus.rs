//! The whole scan (discovery, load, every control, in parallel) of the public CloudFormation
//! corpus (`../shared/corpora/aws-cloudformation-templates`, 318 templates) and of the bundled
//! examples, in process. The comparison with Checkov on larger generated corpora is
//! `scripts/bench_corpus.py` (BENCHMARKS.md).
//!
//! `cargo bench -p wasp-engine --bench corpus`

use std::hint::black_box;
use std::path::{Path, PathBuf};

use criterion::{criterion_group, criterion_main, Criterion};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn benches(c: &mut Criterion) {
    let opts = wasp_engine::ScanOptions::default();
    let mut group = c.benchmark_group("scan");
    group.sample_size(20);
    let examples = [root().join("examples")];
    group.bench_function("examples", |b| {
        b.iter(|| wasp_engine::scan(black_box(&examples), &opts))
    });
    let public = root().join("../shared/corpora/aws-cloudformation-templates");
    if public.is_dir() {
        let paths = [public];
        group.bench_function("cfn-public-corpus", |b| {
            b.iter(|| wasp_engine::scan(black_box(&paths), &opts))
        });
    } else {
        eprintln!(
            "{} not found: scan/cfn-public-corpus skipped",
            public.display()
        );
    }
    group.finish();
}

criterion_group!(corpus, benches);
criterion_main!(corpus);
