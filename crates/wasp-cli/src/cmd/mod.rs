//! One module per subcommand.
pub mod baseline;
pub mod common;
pub mod iam;
pub mod lens;
pub mod model;
pub mod output;
pub mod policy;
pub mod review;
pub mod rules;
pub mod scan;
