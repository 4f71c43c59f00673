//! What looks like a secret: the one detector behind the controls on plaintext secrets
//! (environment variables of functions, containers and builds; instance user data; parameters;
//! secret values written in templates), and the seed of data classification.

use std::sync::LazyLock;

use regex::Regex;

static SECRET_VALUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:\b(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}\b)|(?:-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED )?PRIVATE KEY-----)",
    )
    .expect("valid regex")
});

/// Does a value hold what looks like an AWS access key id or a private key?
pub(crate) fn is_secret_value(v: &str) -> bool {
    SECRET_VALUE.is_match(v)
}

/// A value that points at a secret store rather than holding the secret.
pub(crate) fn is_reference(v: &str) -> bool {
    v.starts_with("arn:") || v.starts_with("{{resolve:") || v.is_empty()
}

/// Does a name say it holds a secret? The name is split into lowercase words at `separators`
/// and at lower-to-upper case changes (`DB_PASSWORD`, `apiKey`); it names a secret when a word
/// is one of `secret_words`, or a word of `key_prefixes` comes right before `key` (`api_key`).
/// Whole words only, so that `PASSENGER_TABLE` is not taken for a password.
pub(crate) fn names_secret(
    name: &str,
    separators: &[char],
    secret_words: &[&str],
    key_prefixes: &[&str],
) -> bool {
    let mut words: Vec<String> = Vec::new();
    let mut cur = String::new();
    let mut prev_lower = false;
    for c in name.chars() {
        if separators.contains(&c) {
            words.push(std::mem::take(&mut cur));
            prev_lower = false;
            continue;
        }
        if c.is_ascii_uppercase() && prev_lower {
            words.push(std::mem::take(&mut cur));
        }
        prev_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
        cur.push(c.to_ascii_lowercase());
    }
    words.push(cur);
    words.iter().any(|w| secret_words.contains(&w.as_str()))
        || words
            .windows(2)
            .any(|p| p[1] == "key" && key_prefixes.contains(&p[0].as_str()))
}

/// Does a variable name say it holds a secret? The name is split into words at `_`, `-`, `.`
/// and lower-to-upper case changes (`DB_PASSWORD`, `apiKey`), so `PASSENGER_TABLE` or
/// `CACHE_BYPASS` are not taken for passwords.
pub(crate) fn variable_name(name: &str) -> bool {
    names_secret(
        name,
        &['_', '-', '.'],
        &[
            "pass",
            "password",
            "passwd",
            "pwd",
            "passphrase",
            "secret",
            "secrets",
            "token",
            "credential",
            "credentials",
            "apikey",
        ],
        &["api", "private", "auth"],
    )
}

/// Does a parameter name say it holds a secret? Split into words at `/`, `_`, `-`, `.` and
/// lower-to-upper case changes, so that `/app/db/password` and `apiKey` match but
/// `/app/passenger-count` does not.
pub(crate) fn parameter_name(name: &str) -> bool {
    names_secret(
        name,
        &['/', '_', '-', '.', ' '],
        &[
            "password",
            "passwd",
            "pwd",
            "passphrase",
            "secret",
            "secrets",
            "token",
            "credential",
            "credentials",
            "apikey",
            "privatekey",
        ],
        &["api", "private", "auth", "access", "signing"],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variable_names_are_whole_words() {
        for n in [
            "DB_PASSWORD",
            "password",
            "apiKey",
            "API_KEY",
            "STRIPE_SECRET",
            "authToken",
            "PRIVATE_KEY",
            "db-pass",
        ] {
            assert!(variable_name(n), "{n}");
        }
        for n in [
            "PASSENGER_TABLE",
            "CACHE_BYPASS",
            "TOKENIZER_MODEL",
            "KEY_PREFIX",
            "COMPASS",
        ] {
            assert!(!variable_name(n), "{n}");
        }
    }

    #[test]
    fn parameter_names_are_whole_words() {
        for n in [
            "/app/prod/db/password",
            "/app/apiKey",
            "github-token",
            "/svc/private_key",
            "DB_SECRET",
        ] {
            assert!(parameter_name(n), "{n}");
        }
        for n in [
            "/app/passenger-count",
            "/app/db/host",
            "/cache/bypass",
            "keyname",
        ] {
            assert!(!parameter_name(n), "{n}");
        }
    }

    #[test]
    fn values_and_references() {
        assert!(is_secret_value("id=AKIAIOSFODNN7EXAMPLE"));
        assert!(is_secret_value("-----BEGIN RSA PRIVATE KEY-----"));
        assert!(!is_secret_value("AKIA-not-a-key"));
        assert!(is_reference("arn:aws:secretsmanager:eu-west-1:1:secret:x"));
        assert!(is_reference("{{resolve:ssm:/x}}"));
        assert!(!is_reference("hunter2"));
    }
}
