//! AWS Database Migration Service.

pub mod endpoint_ssl_disabled;
pub mod replication_instance_public;
