//! wasp's own facts about a lens that the custom lens format has no field for: the best
//! practice id behind each choice, AWS's level of risk, and whether wasp can evidence the best
//! practice from configuration. Kept in a sidecar file next to the lens
//! (`lens/security-pillar.wasp.json`), so the lens itself stays a plain custom lens.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

/// Sidecar schema identifier.
pub const META_SCHEMA: &str = "wasp-lens-meta/1";

/// AWS's "level of risk exposed if this best practice is not established".
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RiskLevel {
    Low,
    Medium,
    High,
}

impl RiskLevel {
    pub fn as_str(self) -> &'static str {
        match self {
            RiskLevel::Low => "low",
            RiskLevel::Medium => "medium",
            RiskLevel::High => "high",
        }
    }
}

impl fmt::Display for RiskLevel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            RiskLevel::Low => "Low",
            RiskLevel::Medium => "Medium",
            RiskLevel::High => "High",
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct LensMeta {
    pub schema: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lens: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Question id (`sec08`) → its label and "None of these" choice.
    #[serde(default)]
    pub questions: BTreeMap<String, QuestionMeta>,
    /// Choice id (`sec08_bp02`) → the best practice it stands for.
    #[serde(default)]
    pub best_practices: BTreeMap<String, BestPracticeMeta>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct QuestionMeta {
    /// Display id, for example `SEC08`.
    pub id: String,
    /// Id of the question's "None of these" choice.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub none: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct BestPracticeMeta {
    /// The framework id, for example `SEC08-BP02`.
    pub id: String,
    /// The official title.
    pub title: String,
    pub risk: RiskLevel,
    /// True when configuration evidence (controls) can establish the best practice.
    pub automated: bool,
    /// What a reviewer should look at when answering by hand.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
}

impl LensMeta {
    pub fn from_json(text: &str) -> Result<LensMeta, String> {
        let meta: LensMeta = serde_json::from_str(text).map_err(|e| e.to_string())?;
        if meta.schema != META_SCHEMA {
            return Err(format!(
                "schema `{}` is not supported, expected `{META_SCHEMA}`",
                meta.schema
            ));
        }
        Ok(meta)
    }

    pub fn to_json_pretty(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).unwrap_or_default();
        s.push('\n');
        s
    }
}
