//! A Terraform plan beside its configuration: the plan's exact values win, nothing is
//! reported twice.

use wasp_core::Status;
use wasp_engine::{scan, ScanOptions};

#[test]
fn plan_values_are_preferred_over_the_configuration_beside_it() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("main.tf"),
        "variable \"rotate\" {}\nresource \"aws_kms_key\" \"k\" {\n  enable_key_rotation = var.rotate\n}\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("plan.json"),
        r#"{"format_version": "1.2", "planned_values": {"root_module": {"resources": [
            {"address": "aws_kms_key.k", "mode": "managed", "type": "aws_kms_key", "name": "k",
             "values": {"enable_key_rotation": false}}]}}}"#,
    )
    .unwrap();
    let report = scan(&[dir.path().to_path_buf()], &ScanOptions::default());
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    assert_eq!(report.resources, 1, "the configuration is not loaded again");
    let kms: Vec<_> = report
        .results
        .iter()
        .filter(|r| r.control_id == "WASP-KMS-001")
        .collect();
    assert_eq!(kms.len(), 1);
    assert_eq!(kms[0].status, Status::Fail, "the plan's value decides");
    assert!(kms[0].location.file().unwrap().ends_with("plan.json"));
}

#[test]
fn without_a_plan_the_configuration_is_unknown() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("main.tf"),
        "variable \"rotate\" {}\nresource \"aws_kms_key\" \"k\" {\n  enable_key_rotation = var.rotate\n}\n",
    )
    .unwrap();
    let report = scan(&[dir.path().to_path_buf()], &ScanOptions::default());
    let kms = report
        .results
        .iter()
        .find(|r| r.control_id == "WASP-KMS-001")
        .unwrap();
    assert_eq!(kms.status, Status::Unknown, "{}", kms.message);
}

/// Units are handed over one by one, in path order (file units first), and merging them gives
/// the same report as a whole scan.
#[test]
fn units_come_in_order_and_merge_into_the_scan() {
    let examples = std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples"));
    let opts = ScanOptions::default();
    let mut units = Vec::new();
    let totals = wasp_engine::scan_units(std::slice::from_ref(&examples), &opts, &mut |u| {
        units.push(u)
    });
    assert_eq!(totals.units, units.len());
    assert!(units.len() >= 4, "{} units", units.len());
    let first_files: Vec<std::path::PathBuf> = units
        .iter()
        .filter_map(|u| u.evaluated.results.first())
        .filter_map(|r| r.location.file().map(std::path::Path::to_path_buf))
        .collect();
    let cfn: Vec<&std::path::PathBuf> = first_files
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    assert!(cfn.windows(2).all(|w| w[0] <= w[1]), "{cfn:?}");
    let merged = wasp_engine::ScanReport::from_units(units, totals);
    let whole = scan(&[examples], &opts);
    assert_eq!(merged.findings, whole.findings);
    assert_eq!(merged.results, whole.results);
    assert_eq!(merged.files_scanned, whole.files_scanned);
}
