//! AWS Systems Manager: Parameter Store parameters and documents.

use serde::Serialize;

use crate::value::Value;

/// An SSM Parameter Store parameter.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct SsmParameter {
    pub name: Value<String>,
    /// `String`, `StringList` or `SecureString`.
    pub param_type: Value<String>,
    pub value: Value<String>,
}

/// An AWS Systems Manager document.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct SsmDocument {
    /// Account ids the document is shared with (`All` for public).
    pub shared_with: Vec<Value<String>>,
}
