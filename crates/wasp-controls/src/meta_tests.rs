//! The registry's own rules: unique ids and names, complete metadata, documented controls.

use std::collections::HashSet;

use super::*;

#[test]
fn ids_and_names_are_unique_and_well_formed() {
    let mut ids = HashSet::new();
    let mut names = HashSet::new();
    for c in REGISTRY {
        let m = c.meta;
        assert!(ids.insert(&*m.id), "duplicate id {}", m.id);
        assert!(names.insert(&*m.name), "duplicate name {}", m.name);
        assert!(
            m.id.starts_with("WASP-") && m.id.rsplit('-').next().unwrap().len() == 3,
            "id {} is not WASP-<SERVICE>-NNN",
            m.id
        );
        assert!(
            m.name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
            "name {} is not kebab-case",
            m.name
        );
    }
}

#[test]
fn metadata_is_complete() {
    for c in REGISTRY {
        let m = c.meta;
        assert!(!m.title.is_empty() && !m.remediation.is_empty(), "{}", m.id);
        assert!(!c.kinds.is_empty(), "{} applies to no kind", m.id);
        assert!(m.area.is_some(), "{} has no area", m.id);
        assert!(
            !m.best_practices.is_empty(),
            "{} evidences no best practice",
            m.id
        );
        for bp in m.best_practices.iter() {
            let ok = bp.len() == 10
                && bp.starts_with("SEC")
                && &bp[5..8] == "-BP"
                && bp[3..5].chars().all(|c| c.is_ascii_digit())
                && bp[8..].chars().all(|c| c.is_ascii_digit());
            assert!(ok, "{}: malformed best practice {bp}", m.id);
        }
        for heading in ["## What it checks", "## Why it matters", "## Remediation"] {
            assert!(m.doc.contains(heading), "{} doc lacks `{heading}`", m.id);
        }
        assert!(
            m.doc.contains("```yaml") && m.doc.contains("```hcl"),
            "{} doc lacks a CloudFormation or Terraform snippet",
            m.id
        );
        assert!(
            !m.remediation.contains('\n'),
            "{}: remediation is one line",
            m.id
        );
    }
}

#[test]
fn find_by_id_or_name() {
    let c = find("wasp-s3-001").unwrap();
    assert_eq!(find(&c.meta.name).unwrap().meta.id, c.meta.id);
    assert!(find("WASP-NOPE-999").is_none());
}

#[test]
fn the_registry_is_ordered_by_id() {
    let key = |id: &str| {
        let (service, n) = id.rsplit_once('-').unwrap();
        (service.to_string(), n.parse::<u32>().unwrap())
    };
    for w in REGISTRY.windows(2) {
        assert!(
            key(&w[0].meta.id) < key(&w[1].meta.id),
            "{} comes before {}",
            w[0].meta.id,
            w[1].meta.id
        );
    }
}

/// Service folders whose controls' names begin with another word than the folder's.
const NAME_PREFIXES: &[(&str, &[&str])] = &[
    ("accessanalyzer", &["access_analyzer"]),
    ("apigateway", &["api_gateway", "apigw"]),
    ("elb", &["elb", "alb"]),
    ("logs", &["log_group"]),
    ("secrets", &["secrets"]),
];

#[test]
fn every_control_file_is_named_after_its_control() {
    for c in REGISTRY {
        let (service, stem) = c.module.split_once("::").unwrap();
        let name = c.meta.name.replace('-', "_");
        let own = [service];
        let prefixes = NAME_PREFIXES
            .iter()
            .find(|(s, _)| *s == service)
            .map_or(&own[..], |(_, p)| p);
        let expected: Vec<&str> = std::iter::once(name.as_str())
            .chain(
                prefixes
                    .iter()
                    .filter_map(|p| name.strip_prefix(p).and_then(|r| r.strip_prefix('_'))),
            )
            .collect();
        assert!(
            expected.contains(&stem),
            "{} ({}) lives in {service}/{stem}.rs; name the file {service}/{}.rs",
            c.meta.id,
            c.meta.name,
            expected.last().unwrap()
        );
    }
}
