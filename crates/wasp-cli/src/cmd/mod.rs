//! One module per subcommand.
pub mod common;
pub mod iam;
pub mod lens;
pub mod review;
pub mod rules;
pub mod scan;
