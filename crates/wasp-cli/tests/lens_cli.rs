//! `wasp lens`: show, export, import, coverage, answers-template.

use assert_cmd::Command;
use predicates::prelude::*;

fn wasp() -> Command {
    Command::cargo_bin("wasp").unwrap()
}

const SAMPLE: &str = "../wasp-lens/tests/fixtures/aws-samples-cognito-lens-excerpt.json";

#[test]
fn show_lists_eleven_questions_and_every_best_practice() {
    let out = wasp().args(["lens", "show"]).assert().success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    for q in 1..=11 {
        assert!(text.contains(&format!("\nSEC{q:02} ")), "SEC{q:02}");
    }
    assert_eq!(text.matches("-BP").count(), 63);
    assert!(text.contains("SEC08-BP02  High    automated  Enforce encryption at rest"));
    assert!(text.contains("SEC10-BP07  Medium  manual     Run simulations"));
}

#[test]
fn show_one_question() {
    wasp()
        .args(["lens", "show", "SEC08"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "SEC08 How do you protect your data at rest?",
        ))
        .stdout(predicate::str::contains(
            "MEDIUM_RISK  sec08_bp01 && sec08_bp02 && sec08_bp04",
        ))
        .stdout(predicate::str::contains("Improvement plan:"))
        .stdout(predicate::str::contains("SEC07").not());
}

#[test]
fn show_unknown_question_exits_2() {
    wasp()
        .args(["lens", "show", "SEC42"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "no question or best practice `SEC42`",
        ));
}

#[test]
fn export_import_round_trips() {
    let exported = wasp().args(["lens", "export"]).assert().success();
    let json = exported.get_output().stdout.clone();
    let out = wasp()
        .args(["lens", "import", "-"])
        .write_stdin(json.clone())
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "11 question(s), 74 choice(s), 63 best practice(s), 0 warning(s)",
        ))
        .stdout(predicate::str::contains("known for 63 of 63"));
    drop(out);
    // Installing and exporting the installed copy gives the same bytes.
    let dir = tempfile::tempdir().unwrap();
    wasp()
        .current_dir(dir.path())
        .args(["lens", "import", "-", "--install"])
        .write_stdin(json.clone())
        .assert()
        .success()
        .stdout(predicate::str::contains(
            ".wasp/lenses/wasp-security-pillar.json",
        ));
    let installed = dir.path().join(".wasp/lenses/wasp-security-pillar.json");
    let again = wasp()
        .args(["lens", "export", "--lens"])
        .arg(&installed)
        .assert()
        .success();
    assert_eq!(again.get_output().stdout, json);
}

#[test]
fn export_to_file_with_sidecar() {
    let dir = tempfile::tempdir().unwrap();
    let lens = dir.path().join("out/lens.json");
    let meta = dir.path().join("out/lens.wasp.json");
    wasp()
        .args(["lens", "export", "-o"])
        .arg(&lens)
        .arg("--meta-output")
        .arg(&meta)
        .assert()
        .success();
    assert!(std::fs::read_to_string(&lens)
        .unwrap()
        .contains("\"schemaVersion\": \"2021-11-01\""));
    wasp()
        .args(["lens", "import"])
        .arg(&lens)
        .arg("--meta")
        .arg(&meta)
        .assert()
        .success();
}

#[test]
fn import_reports_every_problem_with_its_path() {
    let bad = r#"{
      "schemaVersion": "2021-11-01",
      "name": "Bad",
      "pillars": [{"id": "p1", "name": "P", "questions": [{
        "id": "q1", "title": "Q",
        "choices": [{"id": "c1", "title": "TITLE", "improvementPlan": {"displayText": "x"}}],
        "riskRules": [{"condition": "c1 && c2", "risk": "NO_RISK"},
                      {"condition": "default", "risk": "SOME_RISK"}]
      }]}]
    }"#
    .replace("TITLE", &"t".repeat(513));
    wasp()
        .args(["lens", "import", "-"])
        .write_stdin(bad)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "<stdin>: error: pillars[0].questions[0].choices[0].title: 513 characters, limit is 512",
        ))
        .stderr(predicate::str::contains(
            "riskRules[0].condition: unknown choice id `c2`",
        ))
        .stderr(predicate::str::contains(
            "riskRules[1].risk: `SOME_RISK` is not one of",
        ))
        .stderr(predicate::str::contains("3 error(s); nothing imported"));
}

#[test]
fn import_rejects_broken_json_and_missing_files() {
    wasp()
        .args(["lens", "import", "-"])
        .write_stdin("{ not json")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not valid JSON: line 1 column"));
    wasp()
        .args(["lens", "import", "does-not-exist.json"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot open does-not-exist.json"));
}

#[test]
fn public_sample_lens_imports() {
    wasp()
        .args(["lens", "import", SAMPLE])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Amazon Cognito Best Practice Lens v1.1",
        ))
        .stdout(predicate::str::contains("0 warning(s)"));
    wasp()
        .args(["lens", "show", "cgnsec1", "--lens", SAMPLE])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "(CGNSEC1_1 || CGNSEC1_2) && CGNSEC1_3",
        ));
}

#[test]
fn coverage_lists_gaps() {
    wasp()
        .args(["lens", "coverage"])
        .assert()
        .success()
        .stdout(predicate::str::contains("automatable without a control"))
        .stdout(predicate::str::contains(
            "SEC10-BP07  Medium  manual     answered manually",
        ));
}

#[test]
fn answers_template_is_written_once() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("answers.yaml");
    wasp()
        .args(["lens", "answers-template", "-o"])
        .arg(&path)
        .assert()
        .success();
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("  # SEC10-BP07:\n"));
    assert!(!text.contains("  # SEC08-BP02:\n"));
    wasp()
        .args(["lens", "answers-template", "-o"])
        .arg(&path)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("already exists"));
}
