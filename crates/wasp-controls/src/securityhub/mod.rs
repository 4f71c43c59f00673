//! AWS Security Hub.

pub mod auto_enable_controls_disabled;
pub mod no_standard_enabled;
