//! Micro-benchmarks of the scan pipeline's hot paths, on the bundled examples:
//! YAML / JSON / HCL load, control evaluation, and the review assessment.
//!
//! `cargo bench -p wasp-engine --bench pipeline`

use std::hint::black_box;
use std::path::{Path, PathBuf};

use criterion::{criterion_group, criterion_main, Criterion};
use wasp_iac::cfn::{self, CfnOptions};
use wasp_iac::terraform::{load_dirs, TfOptions};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn benches(c: &mut Criterion) {
    let yaml_path = root().join("examples/insecure/cloudformation/template.yaml");
    let yaml = std::fs::read_to_string(&yaml_path).unwrap();
    let doc = cfn::parse(&yaml).unwrap();
    let json = serde_json::to_string(&doc.to_json()).unwrap();
    let tf_dir = root().join("examples/hardened/terraform");

    c.bench_function("load/cloudformation-yaml", |b| {
        b.iter(|| {
            let doc = cfn::parse(black_box(&yaml)).unwrap();
            cfn::load(&yaml_path, &doc, &CfnOptions::default())
        })
    });
    c.bench_function("load/cloudformation-json", |b| {
        b.iter(|| {
            let doc = cfn::parse(black_box(&json)).unwrap();
            cfn::load(&yaml_path, &doc, &CfnOptions::default())
        })
    });
    c.bench_function("load/terraform-module", |b| {
        b.iter(|| {
            load_dirs(
                black_box(std::slice::from_ref(&tf_dir)),
                &TfOptions::default(),
            )
        })
    });

    let model = cfn::load(&yaml_path, &doc, &CfnOptions::default()).model;
    c.bench_function("evaluate/all-controls", |b| {
        b.iter(|| wasp_engine::evaluate(black_box(&model)))
    });

    let report = wasp_engine::scan(
        &[root().join("examples")],
        &wasp_engine::ScanOptions::default(),
    );
    let lens = wasp_lens::Lens::builtin();
    let controls = wasp_engine::ScanOptions::default().metas();
    c.bench_function("review/assess", |b| {
        b.iter(|| wasp_lens::assess(&lens, &controls, black_box(&report.results), None))
    });
}

criterion_group!(pipeline, benches);
criterion_main!(pipeline);
