//! IAM policy parsing, evaluation and analysis.
//!
//! * [`parse`]: policy documents from JSON text or `serde_json::Value`, with JSON-path errors and
//!   AWS validation rules reported as issues.
//! * [`matcher`], [`condition`], [`compile`], [`evaluate`]: AWS's evaluation logic over compiled
//!   policies (explicit deny, SCPs/RCPs, resource policies, boundaries, session policies,
//!   identity policies, cross-account rules).
//! * [`actions`]: the database of every service, action, access level, resource type and
//!   condition key.
//! * [`analyze`]: lint, least privilege, privilege escalation and public/cross-account exposure.
//! * [`authz_details`]: inputs: single documents, managed-policy files and the output of
//!   `aws iam get-account-authorization-details`.

pub mod actions;
pub mod analyze;
pub mod authz_details;
pub mod compile;
pub mod condition;
pub mod evaluate;
pub mod matcher;
pub mod model;
pub mod parse;
pub mod request;

pub use compile::CompiledPolicy;
pub use evaluate::{evaluate, Decision, Outcome, PolicySet, Reason, StatementRef};
pub use model::{Effect, Policy, PolicyKind, Statement, ValidationIssue};
pub use parse::{parse_policy, parse_policy_str, ParseError};
pub use request::{Context, Request};
