//! The Well-Architected Tool custom lens JSON format, as data.
//!
//! Field names follow the format exactly (`schemaVersion`, `helpfulResource`, `riskRules`, ...),
//! so serialising a [`LensDocument`] gives a file the Well-Architected Tool imports.

use serde::{Deserialize, Serialize};

/// The only schema version the format defines.
pub const SCHEMA_VERSION: &str = "2021-11-01";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LensDocument {
    pub schema_version: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    pub pillars: Vec<Pillar>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Pillar {
    pub id: String,
    pub name: String,
    pub questions: Vec<Question>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Question {
    pub id: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub helpful_resource: Option<Content>,
    pub choices: Vec<Choice>,
    pub risk_rules: Vec<RiskRuleSpec>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Choice {
    pub id: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub helpful_resource: Option<Content>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub improvement_plan: Option<Content>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub additional_resources: Vec<AdditionalResources>,
}

/// A text with an optional link (`helpfulResource`, `improvementPlan`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Content {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_text: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// Extra links of a choice: `type` is `HELPFUL_RESOURCE` or `IMPROVEMENT_PLAN`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AdditionalResources {
    #[serde(rename = "type")]
    pub kind: String,
    pub content: Vec<Content>,
}

/// A risk rule exactly as written in the file; parse `condition` with [`crate::risk::parse`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RiskRuleSpec {
    pub condition: String,
    pub risk: String,
}

impl LensDocument {
    /// All questions in pillar order.
    pub fn questions(&self) -> impl Iterator<Item = (&Pillar, &Question)> {
        self.pillars
            .iter()
            .flat_map(|p| p.questions.iter().map(move |q| (p, q)))
    }

    /// The lens as pretty-printed JSON (two-space indent, trailing newline).
    pub fn to_json_pretty(&self) -> String {
        // Serialising plain strings and vectors cannot fail.
        let mut s = serde_json::to_string_pretty(self).unwrap_or_default();
        s.push('\n');
        s
    }
}
