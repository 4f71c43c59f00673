use std::path::PathBuf;

use wasp_model::{guardduty_feature as gd, Kind, Model, Value};

use super::super::{load_dirs, TfOptions};

/// Loads one `main.tf` written to a fresh directory.
fn model(name: &str, text: &str) -> Model {
    let dir: PathBuf =
        std::env::temp_dir().join(format!("wasp-detection-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("main.tf"), text).unwrap();
    let mut loads = load_dirs(std::slice::from_ref(&dir), &TfOptions::default());
    let _ = std::fs::remove_dir_all(&dir);
    let l = loads.remove(0);
    assert!(l.errors.is_empty(), "{:?}", l.errors);
    l.model
}

fn kind<'m>(m: &'m Model, addr: &str) -> &'m Kind {
    &m.get(addr).expect("resource").kind
}

#[test]
fn method_settings_join_the_stage_of_their_api() {
    let m = model(
        "method-settings",
        r#"
resource "aws_api_gateway_rest_api" "a" { name = "a" }
resource "aws_api_gateway_rest_api" "b" { name = "b" }
resource "aws_api_gateway_stage" "a" {
  rest_api_id   = aws_api_gateway_rest_api.a.id
  deployment_id = "d1"
  stage_name    = "prod"
}
resource "aws_api_gateway_stage" "b" {
  rest_api_id   = aws_api_gateway_rest_api.b.id
  deployment_id = "d2"
  stage_name    = "prod"
}
resource "aws_api_gateway_method_settings" "b" {
  rest_api_id = aws_api_gateway_rest_api.b.id
  stage_name  = aws_api_gateway_stage.b.stage_name
  method_path = "*/*"
  settings {
    logging_level = "INFO"
  }
}
"#,
    );
    let Kind::ApiStage(a) = kind(&m, "aws_api_gateway_stage.a") else {
        panic!()
    };
    assert!(a.method_settings.is_empty());
    let Kind::ApiStage(b) = kind(&m, "aws_api_gateway_stage.b") else {
        panic!()
    };
    assert_eq!(b.method_settings.len(), 1);
    assert!(b.method_settings[0].all_methods);
    assert_eq!(
        b.method_settings[0]
            .logging_level
            .known()
            .map(String::as_str),
        Some("INFO")
    );
}

#[test]
fn recorder_status_and_detector_features_join() {
    let m = model(
        "joins",
        r#"
resource "aws_config_configuration_recorder" "r" {
  role_arn = "arn:aws:iam::123456789012:role/config"
}
resource "aws_config_configuration_recorder_status" "r" {
  name       = aws_config_configuration_recorder.r.name
  is_enabled = true
}
resource "aws_guardduty_detector" "d" {
  datasources {
    s3_logs {
      enable = false
    }
  }
}
resource "aws_guardduty_detector_feature" "s3" {
  detector_id = aws_guardduty_detector.d.id
  name        = "S3_DATA_EVENTS"
  status      = "ENABLED"
}
resource "aws_elb" "classic" {
  availability_zones = ["eu-west-1a"]
  listener {
    lb_port           = 80
    lb_protocol       = "http"
    instance_port     = 80
    instance_protocol = "http"
  }
  access_logs {
    bucket = "logs"
  }
}
"#,
    );
    let Kind::ConfigRecorder(r) = kind(&m, "aws_config_configuration_recorder.r") else {
        panic!()
    };
    assert_eq!(r.recording.known(), Some(&true));
    let Kind::Detector(d) = kind(&m, "aws_guardduty_detector.d") else {
        panic!()
    };
    assert_eq!(d.features.len(), 2);
    assert_eq!(
        d.feature(gd::S3_DATA_EVENTS).unwrap().enabled.known(),
        Some(&true)
    );
    let Kind::ClassicLoadBalancer(lb) = kind(&m, "aws_elb.classic") else {
        panic!()
    };
    assert!(matches!(lb.access_logging, Value::Known(true, _)));
}
