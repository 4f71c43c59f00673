//! The rules reference (`docs/rules/`), generated from the controls' own metadata.

use std::fmt::Write as _;

use crate::{Meta, REGISTRY};

/// One control's page.
pub fn page(m: &Meta) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "# {} {}\n", m.id, m.name);
    let _ = writeln!(s, "**{}**\n", m.title);
    let _ = writeln!(s, "| | |\n|---|---|");
    let _ = writeln!(s, "| Severity | {} |", m.severity);
    let _ = writeln!(s, "| Area | {} |", m.area_name());
    let _ = writeln!(s, "| Best practices | {} |", m.best_practices.join(", "));
    if !m.references.is_empty() {
        let refs: Vec<String> = m
            .references
            .iter()
            .map(|r| format!("{} {}", r.framework, r.id))
            .collect();
        let _ = writeln!(s, "| References | {} |", refs.join("; "));
    }
    let _ = writeln!(s, "| Fix | {} |\n", m.remediation.replace('|', "\\|"));
    s.push_str(m.doc.trim_end());
    s.push('\n');
    s
}

/// The index page: every control, one row each.
pub fn index() -> String {
    let mut s = String::from(
        "# Rules\n\nGenerated from the controls' metadata (`crates/wasp-controls`); do not edit by \
         hand: `cargo dev generate` rewrites it.\n\n\
         | id | name | severity | area | best practices | title |\n|---|---|---|---|---|---|\n",
    );
    for c in REGISTRY {
        let m = c.meta;
        let _ = writeln!(
            s,
            "| [{}]({}.md) | {} | {} | {} | {} | {} |",
            m.id,
            m.id,
            m.name,
            m.severity,
            m.area_name(),
            m.best_practices.join(", "),
            m.title
        );
    }
    let _ = writeln!(s, "\n{} controls.", REGISTRY.len());
    s
}

/// Every generated file: (file name, content).
pub fn files() -> Vec<(String, String)> {
    let mut out = vec![("README.md".to_string(), index())];
    out.extend(
        REGISTRY
            .iter()
            .map(|c| (format!("{}.md", c.meta.id), page(c.meta))),
    );
    out
}
