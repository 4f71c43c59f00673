use wasp_core::Severity;
use wasp_model::{KindTag, Model, Resource, Value};

use crate::helpers::{fail, unknown};
use crate::{fsbp, Area, Outcome};

crate::declare! {
    id: "WASP-CODEBUILD-003",
    name: "codebuild-source-credentials-in-url",
    title: "CodeBuild source URL embeds credentials",
    severity: Severity::Critical,
    area: Area::Identity,
    best_practices: &["SEC02-BP03", "SEC11-BP07"],
    kinds: &[KindTag::BuildProject],
    references: &[fsbp("CodeBuild.1")],
    remediation: "Remove the user name and password or token from the source Location; connect the repository with an AWS CodeConnections connection or CodeBuild source credentials.",
    doc: r#"## What it checks
The `Location` (`location`) of the project's primary and secondary sources: an HTTP(S) URL with
user information (`https://user:token@host/...` or `https://token@host/...`) fails.

## Why it matters
A token in the source URL is stored in plain text in the project, shown to anyone who can read
its configuration, and often printed in build logs. It usually grants write access to the
repository, which is the start of the software supply chain: whoever has it can change the
code that every later build trusts.

## Remediation
```yaml
Source:
  Type: GITHUB
  Location: https://github.com/example/app.git
```
```hcl
source {
  type     = "GITHUB"
  location = "https://github.com/example/app.git"
}
```
"#,
}

/// The user information of an HTTP(S) URL, if it has any.
fn userinfo(url: &str) -> Option<&str> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    let authority = rest.split(['/', '?', '#']).next()?;
    let (info, _) = authority.rsplit_once('@')?;
    (!info.is_empty()).then_some(info)
}

pub fn check(res: &Resource, _model: &Model) -> Vec<Outcome> {
    let Some(p) = super::project(res) else {
        return vec![];
    };
    let name = res.property("source_locations");
    let mut out = Vec::new();
    for loc in &p.source_locations {
        match loc {
            Value::Known(url, pos) => {
                if let Some(info) = userinfo(url) {
                    let what = if info.contains(':') {
                        "a user name and password or token"
                    } else {
                        "a token or user name"
                    };
                    out.push(fail(format!("source {name} embeds {what}"), Some(*pos)));
                }
            }
            v @ Value::Unknown(r, pos) => {
                if !v.is_reference() {
                    out.push(unknown(format!("source {name}: {r}"), Some(*pos)));
                }
            }
            Value::Absent => {}
        }
    }
    if out.is_empty() {
        out.push(Outcome::Pass);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::userinfo;

    #[test]
    fn finds_user_information() {
        assert_eq!(
            userinfo("https://user:ghp_x@github.com/o/r.git"),
            Some("user:ghp_x")
        );
        assert_eq!(
            userinfo("https://x-token@bitbucket.org/o/r"),
            Some("x-token")
        );
        assert_eq!(userinfo("https://github.com/o/r.git"), None);
        assert_eq!(userinfo("https://github.com/o/r@v1"), None);
        assert_eq!(userinfo("git@github.com:o/r.git"), None);
        assert_eq!(userinfo("my-bucket/source.zip"), None);
    }
}
