use std::sync::LazyLock;

use regex::Regex;
use wasp_core::Severity;
use wasp_model::{KindTag, Model, Resource, Value};

use crate::helpers::{fail, unknown};
use crate::secret;
use crate::{checkov, Area, Outcome};

crate::declare! {
    id: "WASP-EC2-014",
    name: "user-data-secret",
    title: "EC2 user data holds a plaintext secret",
    severity: Severity::High,
    area: Area::Identity,
    best_practices: &["SEC02-BP03"],
    kinds: &[
        KindTag::Instance,
        KindTag::LaunchTemplate,
        KindTag::LaunchConfiguration,
    ],
    references: &[checkov("CKV_AWS_46")],
    remediation: "Remove the secret from the user data; have the boot script read it from Secrets Manager or SSM Parameter Store with the instance role.",
    doc: r#"## What it checks
The user data of instances, launch templates and launch configurations (decoded from base64):
an AWS access key id, an AWS secret access key assignment, a private key block, or an
assignment of a literal value to a variable whose name says it is a secret (`DB_PASSWORD=...`,
`api_key: ...`) fails. Values that are shell or template expansions (`$VAR`, `${...}`,
`{{resolve:...}}`), ARNs, file paths (`/run/secrets/db`, `file:///certs/key.pem`) and boolean
flags (`--must-change-password=false`) are not secrets themselves and pass. CloudFormation
user data built with `Fn::Sub` or `Fn::Join` over deploy-time values (`${AWS::Region}`, a
database endpoint) is checked on its literal text, each deploy-time value counting as an
expansion. User data that cannot be known statically at all (a parameter without a value, a
Terraform `templatefile`) is unknown.

## Why it matters
User data is readable by anyone allowed `ec2:DescribeInstanceAttribute`, from inside the
instance by every process through the metadata service, and it is copied into launch template
versions, AMIs' launch settings, templates and state files. A secret in it cannot be rotated
without replacing the instances.

## Remediation
```yaml
UserData:
  Fn::Base64: |
    #!/bin/bash
    DB_PASSWORD=$(aws secretsmanager get-secret-value --secret-id app/db \
      --query SecretString --output text)
```
```hcl
user_data = <<-EOT
  #!/bin/bash
  DB_PASSWORD=$(aws secretsmanager get-secret-value --secret-id app/db \
    --query SecretString --output text)
EOT
```
"#,
}

/// `NAME=value`, `NAME: value`, `--name=value`, with the value optionally quoted.
static ASSIGNMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"([A-Za-z_][A-Za-z0-9_.\-]*)["']?\s*[:=]\s*["']?([^\s"']+)"#).expect("valid regex")
});

/// An AWS secret access key assigned to its usual names.
static SECRET_ACCESS_KEY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i)(?:aws_?)?secret_?access_?key["']?\s*[:=]\s*["']?[A-Za-z0-9/+]{40}\b"#)
        .expect("valid regex")
});

/// A boolean option value (`--must-change-password=false`): a setting, not a secret.
fn is_flag(value: &str) -> bool {
    ["true", "false", "yes", "no", "on", "off"]
        .iter()
        .any(|f| value.trim_end_matches([',', ';']).eq_ignore_ascii_case(f))
}

/// What in the user data looks like a secret, if anything.
fn find_secret(text: &str) -> Option<String> {
    if secret::is_secret_value(text) {
        return Some("an AWS access key id or a private key".into());
    }
    if SECRET_ACCESS_KEY.is_match(text) {
        return Some("an AWS secret access key".into());
    }
    for line in text.lines() {
        let line = line.trim_start();
        if line.starts_with('#') {
            continue;
        }
        for c in ASSIGNMENT.captures_iter(line) {
            let (name, value) = (&c[1], &c[2]);
            let literal = !(value.starts_with('$')
                || value.starts_with('{')
                || value.starts_with('/')
                || value.starts_with("./")
                || value.starts_with("file:")
                || value.starts_with('<')
                || value.starts_with('`')
                || is_flag(value)
                || secret::is_reference(value));
            if literal && secret::variable_name(name) {
                return Some(format!("a literal value for `{name}`"));
            }
        }
    }
    None
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Some(c) = super::compute(res, |c| &c.user_data) else {
        return vec![];
    };
    let name = res.property("user_data");
    vec![match &c.user_data {
        Value::Known(text, p) => match find_secret(text) {
            Some(what) => fail(format!("{name} holds {what}"), Some(*p)),
            None => Outcome::Pass,
        },
        Value::Absent => Outcome::Pass,
        Value::Unknown(reason, p) => unknown(format!("{name}: {reason}"), Some(*p)),
    }]
}

#[cfg(test)]
mod tests {
    use super::find_secret;

    #[test]
    fn finds_literal_secrets_only() {
        for s in [
            "export DB_PASSWORD=hunter2hunter2",
            "api_key: 'abc123def456'",
            "mysql --password=s3cr3t -h db",
            "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
            "-----BEGIN RSA PRIVATE KEY-----\nMIIE...",
            "AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE",
        ] {
            assert!(find_secret(s).is_some(), "{s}");
        }
        for s in [
            "DB_PASSWORD=$(aws secretsmanager get-secret-value --secret-id db)",
            "export TOKEN=${TOKEN}",
            "PASSWORD_FILE=/run/secrets/db",
            "SECRET_ARN=arn:aws:secretsmanager:eu-west-1:123456789012:secret:db",
            "# password=example in a comment",
            "yum install -y httpd\nsystemctl start httpd",
            "PASSENGER_COUNT=4",
            "gitea admin user create --password $secret --must-change-password=false",
            r#""privateKeyPath" : "file:///greengrass/certs/${IoTThing.certificateId}.key""#,
            "export DB_HOST=${Db.Endpoint.Address} DB_PASSWORD=${DbPassword}",
        ] {
            assert!(find_secret(s).is_none(), "{s}");
        }
    }
}
