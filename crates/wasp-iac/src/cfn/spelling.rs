//! How CloudFormation spells the model's properties, for messages (see
//! [`wasp_model::SourceInfo`]): the property paths of `Properties`, as the resource type's
//! documentation names them.

use wasp_model::Spelling;

pub(super) static SPELLING: &[Spelling] = wasp_model::spelling! {
    AccessAnalyzer { "analyzer_type" => "Type" }
    ApiDomain { "security_policies" => "SecurityPolicy" }
    ApiStage {
        "access_logging" => "AccessLogSetting",
        "cache_cluster" => "CacheClusterEnabled",
        "method_settings.cache_data_encrypted" => "CacheDataEncrypted",
        "tracing" => "TracingEnabled",
    }
    // HTTP and WebSocket stages spell it in the plural.
    ApiStage @ "AWS::ApiGatewayV2::Stage" { "access_logging" => "AccessLogSettings" }
    ApiStage @ "AWS::Serverless::HttpApi" { "access_logging" => "AccessLogSettings" }
    BackupVault { "kms_key" => "EncryptionKeyArn" }
    Broker {
        "kms_key" => "KmsKeyId",
        "publicly_accessible" => "PubliclyAccessible",
        "use_aws_owned_key" => "UseAwsOwnedKey",
    }
    Bucket {
        "kms_key" => "KMSMasterKeyID",
        "mfa_delete" => !,
        "object_lock" => "ObjectLockEnabled",
        "sse_algorithm" => "SSEAlgorithm",
    }
    BuildProject {
        "artifacts_encryption_disabled" => "EncryptionDisabled",
        "privileged_mode" => "PrivilegedMode",
        "s3_logs_encryption_disabled" => "EncryptionDisabled",
        "source_locations" => "Location",
    }
    CacheGroup {
        "at_rest_encryption" => "AtRestEncryptionEnabled",
        "auth_token" => "AuthToken",
        "snapshot_retention" => "SnapshotRetentionLimit",
        "transit_encryption" => "TransitEncryptionEnabled",
        "user_groups" => "UserGroupIds",
    }
    Certificate {
        "key_algorithm" => "KeyAlgorithm",
        "transparency_logging" => "CertificateTransparencyLoggingPreference",
        "validation_method" => "ValidationMethod",
    }
    // No desync_mitigation_mode: CloudFormation cannot set it on a classic load balancer.
    ClassicLoadBalancer {
        "access_logging" => "AccessLoggingPolicy.Enabled",
        "listeners.protocol" => "Protocol",
    }
    ConfigAggregator { "sources.all_regions" => "AllAwsRegions" }
    ConfigRecorder {
        "all_supported" => "AllSupported",
        "include_global_types" => "IncludeGlobalResourceTypes",
    }
    DbCluster {
        "backup_retention" => "BackupRetentionPeriod",
        "copy_tags_to_snapshot" => "CopyTagsToSnapshot",
        "deletion_protection" => "DeletionProtection",
        "iam_auth" => "EnableIAMDatabaseAuthentication",
        "kms_key" => "KmsKeyId",
        "publicly_accessible" => "PubliclyAccessible",
        "storage_encrypted" => "StorageEncrypted",
    }
    DbInstance {
        "auto_minor_version_upgrade" => "AutoMinorVersionUpgrade",
        "backup_retention" => "BackupRetentionPeriod",
        "copy_tags_to_snapshot" => "CopyTagsToSnapshot",
        "deletion_protection" => "DeletionProtection",
        "iam_auth" => "EnableIAMDatabaseAuthentication",
        "kms_key" => "KmsKeyId",
        "publicly_accessible" => "PubliclyAccessible",
        "storage_encrypted" => "StorageEncrypted",
    }
    DeliveryStream {
        // The block that turns encryption on: it has no `Enabled` of its own.
        "sse_enabled" => "DeliveryStreamEncryptionConfigurationInput",
    }
    Detector { "enabled" => "Enable", "finding_frequency" => "FindingPublishingFrequency" }
    Distribution {
        "default_certificate" => "CloudFrontDefaultCertificate",
        "default_root_object" => "DefaultRootObject",
        "logging" => "Logging",
        "minimum_protocol_version" => "MinimumProtocolVersion",
        "origins.protocol_policy" => "OriginProtocolPolicy",
        "origins.ssl_protocols" => "OriginSSLProtocols",
        "viewer_protocol_policies" => "ViewerProtocolPolicy",
    }
    DmsEndpoint { "ssl_mode" => "SslMode" }
    EcrRepository { "scan_on_push" => "ScanOnPush", "tag_mutability" => "ImageTagMutability" }
    EcsService { "assign_public_ip" => "AssignPublicIp", "assign_public_ip=true" => "ENABLED" }
    EksCluster {
        "endpoint_public" => "EndpointPublicAccess",
        "log_types" => "EnabledTypes",
        "public_access_cidrs" => "PublicAccessCidrs",
        "secrets_kms_key" => "EncryptionConfig",
    }
    FileSystem { "encrypted" => "Encrypted" }
    FirewallPolicy {
        "stateless_default_actions" => "StatelessDefaultActions",
        "stateless_fragment_default_actions" => "StatelessFragmentDefaultActions",
    }
    FlowLog { "traffic_type" => "TrafficType" }
    Function {
        "code_signing" => "CodeSigningConfigArn",
        "in_vpc" => "VpcConfig",
        "url_auth_type" => "AuthType",
    }
    FunctionUrl { "auth_type" => "AuthType" }
    IdentityPool { "allow_unauthenticated" => "AllowUnauthenticatedIdentities" }
    Instance {
        "associate_public_ip" => "AssociatePublicIpAddress",
        // A phrase, not a path: each block device mapping sets its own.
        "block_devices.encrypted" => "block device Encrypted",
        "instance_profile" => "IamInstanceProfile",
        "metadata.hop_limit" => "HttpPutResponseHopLimit",
        "metadata.http_tokens" => "HttpTokens",
        "user_data" => "UserData",
    }
    KmsKey {
        "deletion_window" => "PendingWindowInDays",
        "key_spec" => "KeySpec",
        "rotation" => "EnableKeyRotation",
    }
    LambdaPermission {
        "principal" => "Principal",
        "source_account" => "SourceAccount",
        "source_arn" => "SourceArn",
    }
    LaunchConfiguration {
        "associate_public_ip" => "AssociatePublicIpAddress",
        "instance_profile" => "IamInstanceProfile",
        "metadata.hop_limit" => "HttpPutResponseHopLimit",
        "metadata.http_tokens" => "HttpTokens",
        "user_data" => "UserData",
    }
    LaunchTemplate {
        "associate_public_ip" => "AssociatePublicIpAddress",
        // A phrase, not a path: each block device mapping sets its own.
        "block_devices.encrypted" => "block device Encrypted",
        "instance_profile" => "IamInstanceProfile",
        "metadata.hop_limit" => "HttpPutResponseHopLimit",
        "metadata.http_tokens" => "HttpTokens",
        "user_data" => "UserData",
    }
    Listener { "ssl_policy" => "SslPolicy" }
    // Load balancer attributes, by key (`LoadBalancerAttributes`).
    LoadBalancer {
        "access_logs" => "access_logs.s3.enabled",
        "desync_mitigation_mode" => "routing.http.desync_mitigation_mode",
        "drop_invalid_header_fields" => "routing.http.drop_invalid_header_fields.enabled",
    }
    LogGroup { "kms_key" => "KmsKeyId", "retention_days" => "RetentionInDays" }
    MacieSession { "status" => "Status" }
    Queue { "kms_key" => "KmsMasterKeyId", "sqs_managed_sse" => "SqsManagedSseEnabled" }
    ReplicationInstance { "publicly_accessible" => "PubliclyAccessible" }
    SearchDomain {
        "encryption_at_rest" => "EncryptionAtRestOptions.Enabled",
        "enforce_https" => "DomainEndpointOptions.EnforceHTTPS",
        "fine_grained_access" => "AdvancedSecurityOptions.Enabled",
        "in_vpc" => "VPCOptions.SubnetIds",
        "node_to_node_encryption" => "NodeToNodeEncryptionOptions.Enabled",
        "tls_policy" => "DomainEndpointOptions.TLSSecurityPolicy",
    }
    SecurityGroup { "egress.description" => "Description", "ingress.description" => "Description" }
    SecurityHub {
        "auto_enable_controls" => "AutoEnableControls",
        "enable_default_standards" => "EnableDefaultStandards",
    }
    Stream { "encryption_type" => "StreamEncryption.EncryptionType" }
    Subnet { "map_public_ip" => "MapPublicIpOnLaunch" }
    Table {
        "deletion_protection" => "DeletionProtectionEnabled",
        "kms_key" => "KMSMasterKeyId",
        "point_in_time_recovery" => "PointInTimeRecoveryEnabled",
        "sse_enabled" => "SSEEnabled",
    }
    TaskDefinition {
        "containers.privileged" => "Privileged",
        "containers.readonly_root_filesystem" => "ReadonlyRootFilesystem",
        "containers.user" => "User",
        "network_mode" => "NetworkMode",
        "pid_mode" => "PidMode",
    }
    Topic { "kms_key" => "KmsMasterKeyId" }
    Trail {
        "cloudwatch_logs_group" => "CloudWatchLogsLogGroupArn",
        "include_global_service_events" => "IncludeGlobalServiceEvents",
        "is_logging" => "IsLogging",
        "kms_key" => "KMSKeyId",
        "log_file_validation" => "EnableLogFileValidation",
        "multi_region" => "IsMultiRegionTrail",
        "sns_topic" => "SnsTopicName",
    }
    TransitGateway { "auto_accept_shared_attachments" => "AutoAcceptSharedAttachments" }
    UserPool {
        "advanced_security" => "AdvancedSecurityMode",
        "mfa" => "MfaConfiguration",
        "password_policy.minimum_length" => "MinimumLength",
        "password_policy.require_lowercase" => "RequireLowercase",
        "password_policy.require_numbers" => "RequireNumbers",
        "password_policy.require_symbols" => "RequireSymbols",
        "password_policy.require_uppercase" => "RequireUppercase",
        "password_policy.temporary_password_validity_days" => "TemporaryPasswordValidityDays",
    }
    Volume { "encrypted" => "Encrypted", "kms_key" => "KmsKeyId" }
    VpcEndpoint { "policy" => "PolicyDocument" }
    Warehouse {
        "encrypted" => "Encrypted",
        "enhanced_vpc_routing" => "EnhancedVpcRouting",
        "publicly_accessible" => "PubliclyAccessible",
    }
};
