//! The control library.
//!
//! Each control lives in its own file, grouped by service, and is written once against the
//! normalized model ([`wasp_model`]), so it runs on every source the model is loaded from.
//! A control is its metadata ([`Meta`], also its documentation page), the resource kinds it
//! applies to and a check function that answers, per resource, an [`Outcome`]. The whole
//! library is one [`ControlSet`](wasp_control::ControlSet) over models: [`BUILTIN`].

use wasp_model::{KindTag, Model, Resource};

pub mod docs;
mod helpers;

pub mod cloudtrail;
pub mod ec2;
pub mod elb;
pub mod iam;
pub mod kms;
pub mod lambda;
pub mod rds;
pub mod s3;
// [identity modules]
pub mod accessanalyzer;
pub mod cognito;
pub mod secrets;
// [detection modules]
#[path = "apigateway/access_logging_disabled.rs"]
pub mod apigateway_access_logging_disabled;
#[path = "apigateway/cache_unencrypted.rs"]
pub mod apigateway_cache_unencrypted;
#[path = "apigateway/execution_logging_disabled.rs"]
pub mod apigateway_execution_logging_disabled;
#[path = "apigateway/xray_tracing_disabled.rs"]
pub mod apigateway_xray_tracing_disabled;
#[path = "cloudfront/logging_disabled.rs"]
pub mod cloudfront_logging_disabled;
pub mod config;
mod detection_support;
#[path = "elb/access_logs_disabled.rs"]
pub mod elb_access_logs_disabled;
#[path = "elb/desync_mitigation_monitor.rs"]
pub mod elb_desync_mitigation_monitor;
#[path = "elb/drop_invalid_headers_disabled.rs"]
pub mod elb_drop_invalid_headers_disabled;
pub mod guardduty;
pub mod logs;
pub mod securityhub;
#[path = "vpc/flow_log_traffic_not_all.rs"]
pub mod vpc_flow_log_traffic_not_all;
#[path = "vpc/flow_logs_disabled.rs"]
pub mod vpc_flow_logs_disabled;
#[path = "waf/web_acl_logging_disabled.rs"]
pub mod waf_web_acl_logging_disabled;
// [network and compute modules]
pub mod codebuild;
pub mod ecr;
pub mod ecs;
pub mod eks;
mod net_support;
pub mod ssm;
pub mod vpc;
pub mod waf;
// [data modules]
pub mod acm;
pub mod apigateway;
pub mod backup;
pub mod cloudfront;
mod data_support;
pub mod dms;
pub mod dynamodb;
pub mod efs;
pub mod elasticache;
pub mod firehose;
pub mod kinesis;
pub mod macie;
pub mod mq;
pub mod opensearch;
pub mod redshift;
pub mod sns;
pub mod sqs;

use wasp_control::alias::Aliases;
pub use wasp_control::{checkov, cis, fsbp, Area, Meta, Outcome, Reference};

/// A built-in control: its metadata, the resource kinds it applies to, and its check.
pub struct Control {
    pub meta: &'static Meta,
    /// Resource kinds it applies to; others are skipped without calling the check.
    pub kinds: &'static [KindTag],
    /// Checks one resource of an applicable kind. May return several outcomes (for example one
    /// per security group rule); an empty list means "not applicable".
    pub check: fn(&Resource, &Model) -> Vec<Outcome>,
}

impl Control {
    pub fn applies_to(&self, kind: KindTag) -> bool {
        self.kinds.contains(&kind)
    }
}

macro_rules! control {
    ($m:path) => {{
        use $m as c;
        Control {
            meta: &c::META,
            kinds: c::KINDS,
            check: c::check,
        }
    }};
}

/// Every control, in one ordered, greppable list.
pub static REGISTRY: &[Control] = &[
    control!(s3::bucket_default_encryption_missing),
    control!(s3::bucket_public_access_block_disabled),
    control!(s3::bucket_public_acl),
    control!(s3::bucket_versioning_disabled),
    control!(s3::bucket_access_logging_disabled),
    control!(s3::bucket_insecure_transport_allowed),
    control!(ec2::sg_admin_ports_open_to_internet),
    control!(ec2::sg_database_ports_open_to_internet),
    control!(ec2::sg_all_traffic_open_to_internet),
    control!(ec2::ebs_unencrypted),
    control!(ec2::imdsv2_not_required),
    control!(ec2::instance_public_ip),
    control!(rds::storage_unencrypted),
    control!(rds::publicly_accessible),
    control!(kms::key_rotation_disabled),
    control!(iam::policy_full_admin),
    control!(cloudtrail::not_multi_region),
    control!(cloudtrail::log_validation_disabled),
    control!(cloudtrail::not_encrypted_with_kms),
    control!(elb::http_listener_without_redirect),
    control!(elb::outdated_tls_policy),
    control!(lambda::deprecated_runtime),
    control!(lambda::plaintext_secret_in_environment),
    // [identity controls]
    control!(accessanalyzer::unused_access_missing),
    control!(iam::principal_admin_equivalent),
    control!(iam::principal_privilege_escalation),
    control!(iam::policy_permissions_management),
    control!(iam::policy_credentials_exposure),
    control!(iam::policy_data_exfiltration),
    control!(iam::policy_write_on_all_resources),
    control!(iam::policy_allow_not_action),
    control!(iam::policy_allow_not_resource),
    control!(iam::policy_service_wildcard),
    control!(iam::policy_passrole_on_all_resources),
    control!(iam::role_trust_public),
    control!(iam::role_trust_oidc_unrestricted),
    control!(iam::role_trust_cross_account_without_external_id),
    control!(iam::role_trust_service_without_source),
    control!(iam::user_inline_policy),
    control!(iam::user_managed_policy),
    control!(iam::user_console_without_mfa),
    control!(iam::user_plaintext_console_password),
    control!(iam::user_access_key),
    control!(iam::password_policy_min_length),
    control!(iam::password_policy_reuse),
    control!(iam::password_policy_complexity),
    control!(iam::password_policy_expiry),
    control!(iam::policy_delegated_creation_without_boundary),
    control!(secrets::rotation_disabled),
    control!(secrets::rotation_interval_too_long),
    control!(secrets::uses_aws_managed_key),
    control!(secrets::plaintext_value),
    control!(secrets::policy_public_access),
    control!(secrets::ssm_parameter_not_secure_string),
    control!(cognito::user_pool_mfa_disabled),
    control!(cognito::user_pool_threat_protection_disabled),
    control!(cognito::user_pool_weak_password_policy),
    control!(cognito::identity_pool_unauthenticated),
    // [detection controls]
    control!(cloudtrail::no_cloudwatch_logs),
    control!(cloudtrail::logging_stopped),
    control!(cloudtrail::s3_object_events_not_logged),
    control!(cloudtrail::management_events_not_logged),
    control!(cloudtrail::global_service_events_excluded),
    control!(cloudtrail::sns_notification_missing),
    control!(cloudtrail::bucket_access_logging_disabled),
    control!(config::recorder_not_all_resources),
    control!(config::recorder_excludes_global_resources),
    control!(config::recorder_not_recording),
    control!(config::aggregator_not_all_regions),
    control!(guardduty::detector_disabled),
    control!(guardduty::s3_protection_disabled),
    control!(guardduty::eks_audit_logs_disabled),
    control!(guardduty::malware_protection_disabled),
    control!(guardduty::rds_protection_disabled),
    control!(guardduty::lambda_protection_disabled),
    control!(guardduty::runtime_monitoring_disabled),
    control!(guardduty::finding_frequency_six_hours),
    control!(securityhub::no_standard_enabled),
    control!(securityhub::auto_enable_controls_disabled),
    control!(vpc_flow_logs_disabled),
    control!(vpc_flow_log_traffic_not_all),
    control!(elb_access_logs_disabled),
    control!(elb_drop_invalid_headers_disabled),
    control!(elb_desync_mitigation_monitor),
    control!(apigateway_access_logging_disabled),
    control!(apigateway_execution_logging_disabled),
    control!(apigateway_xray_tracing_disabled),
    control!(apigateway_cache_unencrypted),
    control!(cloudfront_logging_disabled),
    control!(waf_web_acl_logging_disabled),
    control!(logs::retention_under_one_year),
    control!(logs::log_group_not_encrypted_with_kms),
    // [network and compute controls]
    control!(ec2::sg_nonweb_ports_open_to_internet),
    control!(ec2::default_security_group_has_rules),
    control!(ec2::sg_unrestricted_egress),
    control!(ec2::sg_rule_without_description),
    control!(ec2::instance_without_instance_profile),
    control!(ec2::metadata_hop_limit_above_one),
    control!(ec2::transit_gateway_auto_accepts_attachments),
    control!(ec2::user_data_secret),
    control!(vpc::nacl_admin_ports_open_to_internet),
    control!(vpc::subnet_auto_assigns_public_ip),
    control!(vpc::endpoint_policy_unrestricted),
    control!(vpc::network_firewall_default_action_pass),
    control!(vpc::network_firewall_policy_without_rule_groups),
    control!(waf::alb_without_waf),
    control!(eks::public_endpoint_unrestricted),
    control!(eks::secrets_not_encrypted_with_cmk),
    control!(eks::control_plane_logging_disabled),
    control!(ecs::privileged_container),
    control!(ecs::container_runs_as_root),
    control!(ecs::writable_root_filesystem),
    control!(ecs::host_network_mode),
    control!(ecs::host_pid_mode),
    control!(ecs::plaintext_secret_in_environment),
    control!(ecs::cluster_container_insights_disabled),
    control!(ecs::service_assigns_public_ip),
    control!(ecr::scan_on_push_disabled),
    control!(ecr::tags_mutable),
    control!(ecr::repository_policy_public),
    control!(lambda::function_url_auth_none),
    control!(lambda::not_in_vpc),
    control!(lambda::code_signing_disabled),
    control!(lambda::permission_public),
    control!(lambda::permission_service_without_source),
    control!(codebuild::privileged_mode),
    control!(codebuild::plaintext_secret_in_environment),
    control!(codebuild::source_credentials_in_url),
    control!(codebuild::artifacts_unencrypted),
    control!(ssm::document_public),
    // [data controls]
    control!(macie::not_enabled),
    control!(cloudfront::viewer_protocol_allows_http),
    control!(cloudfront::outdated_viewer_tls),
    control!(cloudfront::origin_allows_http),
    control!(cloudfront::origin_deprecated_ssl),
    control!(cloudfront::default_root_object_missing),
    control!(cloudfront::s3_origin_without_access_control),
    control!(s3::bucket_object_lock_disabled),
    control!(s3::bucket_mfa_delete_disabled),
    control!(s3::bucket_policy_public),
    control!(s3::bucket_policy_cross_account),
    control!(s3::bucket_not_encrypted_with_cmk),
    control!(s3::bucket_lifecycle_missing),
    control!(rds::deletion_protection_disabled),
    control!(rds::backup_retention_too_short),
    control!(rds::iam_authentication_disabled),
    control!(rds::auto_minor_version_upgrade_disabled),
    control!(rds::not_encrypted_with_cmk),
    control!(rds::copy_tags_to_snapshot_disabled),
    control!(rds::transport_encryption_not_enforced),
    control!(dynamodb::point_in_time_recovery_disabled),
    control!(dynamodb::not_encrypted_with_cmk),
    control!(dynamodb::deletion_protection_disabled),
    control!(efs::not_encrypted),
    control!(efs::tls_not_enforced),
    control!(elasticache::at_rest_encryption_disabled),
    control!(elasticache::transit_encryption_disabled),
    control!(elasticache::auth_disabled),
    control!(elasticache::automatic_backups_disabled),
    control!(redshift::cluster_not_encrypted),
    control!(redshift::cluster_publicly_accessible),
    control!(redshift::ssl_not_required),
    control!(redshift::enhanced_vpc_routing_disabled),
    control!(opensearch::encryption_at_rest_disabled),
    control!(opensearch::node_to_node_encryption_disabled),
    control!(opensearch::https_not_enforced),
    control!(opensearch::outdated_tls_policy),
    control!(opensearch::not_in_vpc),
    control!(opensearch::fine_grained_access_control_disabled),
    control!(opensearch::access_policy_public),
    control!(sns::topic_not_encrypted),
    control!(sns::topic_policy_public),
    control!(sqs::queue_not_encrypted),
    control!(sqs::queue_policy_public),
    control!(kinesis::stream_not_encrypted),
    control!(firehose::delivery_stream_not_encrypted),
    control!(backup::vault_not_encrypted_with_cmk),
    control!(backup::vault_lock_missing),
    control!(kms::key_policy_public),
    control!(kms::deletion_window_short),
    control!(ec2::ebs_snapshot_unencrypted),
    control!(ec2::ebs_default_encryption_disabled),
    control!(ec2::ebs_volume_not_encrypted_with_cmk),
    control!(elb::classic_listener_not_encrypted),
    control!(elb::classic_outdated_ssl_policy),
    control!(apigateway::domain_outdated_tls_policy),
    control!(acm::certificate_weak_key),
    control!(acm::certificate_transparency_logging_disabled),
    control!(acm::certificate_email_validation),
    control!(dms::replication_instance_public),
    control!(dms::endpoint_ssl_disabled),
    control!(mq::broker_publicly_accessible),
    control!(mq::broker_not_encrypted_with_cmk),
];

/// Former ids and names of renamed controls, newest last: suppressions, `[[ignore]]`
/// entries, selectors and baselines that use them keep working. An id is never reused, so
/// an old id here never names another control.
pub static ALIASES: Aliases = Aliases(&[]);

/// Builds what the controls share and build once, the IAM action database above all (~25 ms):
/// run on another thread while files are found, it is ready when the first policy needs it.
pub fn warm_up() {
    wasp_iam::actions::ActionDb::get();
}

/// Every built-in control's metadata, in registry order.
pub fn metas() -> Vec<&'static Meta> {
    REGISTRY.iter().map(|c| c.meta).collect()
}

/// Looks a control up by id or name (case-insensitive).
pub fn find(id_or_name: &str) -> Option<&'static Control> {
    REGISTRY.iter().find(|c| c.meta.is_named(id_or_name))
}

#[cfg(test)]
mod meta_tests;

/// The built-in library as a control set over models: every control of [`REGISTRY`], in
/// registry order.
#[derive(Debug)]
pub struct Builtin;

/// The built-in library.
pub static BUILTIN: Builtin = Builtin;

impl wasp_control::ControlSet<Model> for Builtin {
    fn metas(&self) -> Vec<&Meta> {
        REGISTRY.iter().map(|c| c.meta).collect()
    }

    fn evaluate(&self, model: &Model, enabled: &[bool], out: &mut Vec<wasp_control::Verdict>) {
        let on: Vec<(usize, &Control)> = REGISTRY
            .iter()
            .enumerate()
            .filter(|(i, _)| enabled.get(*i).copied().unwrap_or(false))
            .collect();
        for (subject, res) in model.resources.iter().enumerate() {
            let tag = res.kind.tag();
            for (control, c) in on.iter().filter(|(_, c)| c.applies_to(tag)) {
                out.extend((c.check)(res, model).into_iter().map(|outcome| {
                    wasp_control::Verdict {
                        control: *control,
                        subject,
                        outcome,
                    }
                }));
            }
        }
    }
}
