//! How Terraform (configuration and plans alike) spells the model's properties, for messages
//! (see [`wasp_model::SourceInfo`]): the AWS provider's argument paths, as its documentation
//! names them.

use wasp_model::Spelling;

pub(super) static SPELLING: &[Spelling] = wasp_model::spelling! {
    AccessAnalyzer { "analyzer_type" => "type" }
    ApiDomain { "security_policies" => "security_policy" }
    ApiStage {
        "access_logging" => "access_log_settings",
        "cache_cluster" => "cache_cluster_enabled",
        "method_settings.cache_data_encrypted" => "cache_data_encrypted",
        "tracing" => "xray_tracing_enabled",
    }
    BackupVault { "kms_key" => "kms_key_arn" }
    Broker { "kms_key" => "kms_key_id" }
    Bucket { "kms_key" => "kms_master_key_id", "object_lock" => "object_lock_enabled" }
    BuildProject {
        "artifacts_encryption_disabled" => "encryption_disabled",
        "s3_logs_encryption_disabled" => "encryption_disabled",
        "source_locations" => "location",
    }
    CacheGroup {
        "at_rest_encryption" => "at_rest_encryption_enabled",
        "snapshot_retention" => "snapshot_retention_limit",
        "transit_encryption" => "transit_encryption_enabled",
        "user_groups" => "user_group_ids",
    }
    Certificate { "transparency_logging" => "certificate_transparency_logging_preference" }
    ClassicLoadBalancer {
        "access_logging" => "access_logs.enabled",
        "listeners.protocol" => "lb_protocol",
    }
    ConfigAggregator { "sources.all_regions" => "all_regions" }
    ConfigRecorder { "include_global_types" => "include_global_resource_types" }
    DbCluster {
        "backup_retention" => "backup_retention_period",
        "iam_auth" => "iam_database_authentication_enabled",
        "kms_key" => "kms_key_id",
    }
    DbInstance {
        "backup_retention" => "backup_retention_period",
        "iam_auth" => "iam_database_authentication_enabled",
        "kms_key" => "kms_key_id",
    }
    DeliveryStream { "sse_enabled" => "server_side_encryption.enabled" }
    Detector { "enabled" => "enable", "finding_frequency" => "finding_publishing_frequency" }
    Distribution {
        "default_certificate" => "cloudfront_default_certificate",
        "logging" => "logging_config",
        "origins.protocol_policy" => "origin_protocol_policy",
        "origins.ssl_protocols" => "origin_ssl_protocols",
        "viewer_protocol_policies" => "viewer_protocol_policy",
    }
    EcrRepository { "tag_mutability" => "image_tag_mutability" }
    EksCluster {
        "endpoint_public" => "endpoint_public_access",
        "log_types" => "enabled_cluster_log_types",
        "secrets_kms_key" => "encryption_config",
    }
    // No url_auth_type: a Terraform function has no URL of its own (`aws_lambda_function_url`).
    Function { "code_signing" => "code_signing_config_arn", "in_vpc" => "vpc_config" }
    FunctionUrl { "auth_type" => "authorization_type" }
    IdentityPool { "allow_unauthenticated" => "allow_unauthenticated_identities" }
    Instance {
        "associate_public_ip" => "associate_public_ip_address",
        // A phrase, not a path: each block device sets its own.
        "block_devices.encrypted" => "block device encrypted",
        "instance_profile" => "iam_instance_profile",
        "metadata.hop_limit" => "http_put_response_hop_limit",
        "metadata.http_tokens" => "http_tokens",
    }
    KmsKey {
        "deletion_window" => "deletion_window_in_days",
        "key_spec" => "customer_master_key_spec",
        "rotation" => "enable_key_rotation",
    }
    LaunchConfiguration {
        "associate_public_ip" => "associate_public_ip_address",
        "instance_profile" => "iam_instance_profile",
        "metadata.hop_limit" => "http_put_response_hop_limit",
        "metadata.http_tokens" => "http_tokens",
    }
    LaunchTemplate {
        "associate_public_ip" => "associate_public_ip_address",
        // A phrase, not a path: each block device sets its own.
        "block_devices.encrypted" => "block device encrypted",
        "instance_profile" => "iam_instance_profile",
        "metadata.hop_limit" => "http_put_response_hop_limit",
        "metadata.http_tokens" => "http_tokens",
    }
    LoadBalancer { "access_logs" => "access_logs.enabled" }
    LogGroup { "kms_key" => "kms_key_id", "retention_days" => "retention_in_days" }
    Queue { "kms_key" => "kms_master_key_id", "sqs_managed_sse" => "sqs_managed_sse_enabled" }
    SearchDomain {
        "encryption_at_rest" => "encrypt_at_rest.enabled",
        "enforce_https" => "domain_endpoint_options.enforce_https",
        "fine_grained_access" => "advanced_security_options.enabled",
        "in_vpc" => "vpc_options.subnet_ids",
        "node_to_node_encryption" => "node_to_node_encryption.enabled",
        "tls_policy" => "domain_endpoint_options.tls_security_policy",
    }
    SecurityGroup { "egress.description" => "description", "ingress.description" => "description" }
    Subnet { "map_public_ip" => "map_public_ip_on_launch" }
    Table {
        "deletion_protection" => "deletion_protection_enabled",
        "kms_key" => "kms_key_arn",
        "point_in_time_recovery" => "point_in_time_recovery.enabled",
        "sse_enabled" => "server_side_encryption.enabled",
    }
    TaskDefinition {
        "containers.privileged" => "privileged",
        // Container definitions are JSON, spelled as ECS spells them.
        "containers.readonly_root_filesystem" => "readonlyRootFilesystem",
        "containers.user" => "user",
    }
    Topic { "kms_key" => "kms_master_key_id" }
    Trail {
        "cloudwatch_logs_group" => "cloud_watch_logs_group_arn",
        "is_logging" => "enable_logging",
        "kms_key" => "kms_key_id",
        "log_file_validation" => "enable_log_file_validation",
        "multi_region" => "is_multi_region_trail",
        "sns_topic" => "sns_topic_name",
    }
    UserPool {
        "advanced_security" => "advanced_security_mode",
        "mfa" => "mfa_configuration",
        "password_policy.minimum_length" => "minimum_length",
        "password_policy.require_lowercase" => "require_lowercase",
        "password_policy.require_numbers" => "require_numbers",
        "password_policy.require_symbols" => "require_symbols",
        "password_policy.require_uppercase" => "require_uppercase",
        "password_policy.temporary_password_validity_days" => "temporary_password_validity_days",
    }
    Volume { "kms_key" => "kms_key_id" }
};
