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
pub(crate) mod secret;
// Shared by the controls of several services.
mod data_support;
mod detection_support;
mod net_support;
mod resource_policy;

// One module per service, one file per control.
pub mod accessanalyzer;
pub mod acm;
pub mod apigateway;
pub mod backup;
pub mod cloudfront;
pub mod cloudtrail;
pub mod codebuild;
pub mod cognito;
pub mod config;
pub mod dms;
pub mod dynamodb;
pub mod ec2;
pub mod ecr;
pub mod ecs;
pub mod efs;
pub mod eks;
pub mod elasticache;
pub mod elb;
pub mod firehose;
pub mod guardduty;
pub mod iam;
pub mod kinesis;
pub mod kms;
pub mod lambda;
pub mod logs;
pub mod macie;
pub mod mq;
pub mod opensearch;
pub mod rds;
pub mod redshift;
pub mod s3;
pub mod secrets;
pub mod securityhub;
pub mod sns;
pub mod sqs;
pub mod ssm;
pub mod vpc;
pub mod waf;

use wasp_control::alias::Aliases;
pub use wasp_control::{checkov, cis, fsbp, Area, Meta, Outcome, Reference};

/// A built-in control: its metadata, the resource kinds it applies to, and its check.
pub struct Control {
    pub meta: &'static Meta,
    /// Its module: `s3::bucket_default_encryption_missing`, the file
    /// `s3/bucket_default_encryption_missing.rs`.
    pub module: &'static str,
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

/// Declares a built-in control's metadata, `META` (a [`Meta`], written as
/// [`wasp_control::meta!`] writes it), and `KINDS`, the resource kinds it applies to, from one
/// list of fields in which `kinds` stands beside the others.
macro_rules! declare {
    (@split [$($meta:tt)*] [$($kinds:tt)*] kinds: $k:expr, $($rest:tt)*) => {
        $crate::declare! { @split [$($meta)*] [$k] $($rest)* }
    };
    (@split [$($meta:tt)*] [$($kinds:tt)*] $f:ident : $v:expr, $($rest:tt)*) => {
        $crate::declare! { @split [$($meta)* $f: $v,] [$($kinds)*] $($rest)* }
    };
    (@split [$($meta:tt)*] [$kinds:expr]) => {
        pub static META: $crate::Meta = wasp_control::meta! { $($meta)* };
        /// The resource kinds it applies to; others are skipped without calling [`check`].
        pub const KINDS: &[wasp_model::KindTag] = $kinds;
    };
    ($($fields:tt)*) => {
        $crate::declare! { @split [] [] $($fields)* }
    };
}
pub(crate) use declare;

macro_rules! control {
    ($m:path) => {{
        use $m as c;
        Control {
            meta: &c::META,
            module: stringify!($m),
            kinds: c::KINDS,
            check: c::check,
        }
    }};
}

/// Every control, in one greppable list ordered by id.
pub static REGISTRY: &[Control] = &[
    control!(accessanalyzer::unused_access_missing),
    control!(acm::certificate_weak_key),
    control!(acm::certificate_transparency_logging_disabled),
    control!(acm::certificate_email_validation),
    control!(apigateway::access_logging_disabled),
    control!(apigateway::execution_logging_disabled),
    control!(apigateway::xray_tracing_disabled),
    control!(apigateway::cache_unencrypted),
    control!(apigateway::domain_outdated_tls_policy),
    control!(backup::vault_not_encrypted_with_cmk),
    control!(backup::vault_lock_missing),
    control!(cloudfront::viewer_protocol_allows_http),
    control!(cloudfront::outdated_viewer_tls),
    control!(cloudfront::origin_allows_http),
    control!(cloudfront::origin_deprecated_ssl),
    control!(cloudfront::default_root_object_missing),
    control!(cloudfront::s3_origin_without_access_control),
    control!(cloudfront::logging_disabled),
    control!(codebuild::privileged_mode),
    control!(codebuild::plaintext_secret_in_environment),
    control!(codebuild::source_credentials_in_url),
    control!(codebuild::artifacts_unencrypted),
    control!(cognito::user_pool_mfa_not_required),
    control!(cognito::user_pool_threat_protection_not_enforced),
    control!(cognito::user_pool_weak_password_policy),
    control!(cognito::identity_pool_unauthenticated_access),
    control!(config::recorder_not_recording_all_resources),
    control!(config::recorder_excludes_global_resources),
    control!(config::recorder_not_recording),
    control!(config::aggregator_not_all_regions),
    control!(cloudtrail::not_multi_region),
    control!(cloudtrail::log_validation_disabled),
    control!(cloudtrail::not_encrypted_with_kms),
    control!(cloudtrail::cloudwatch_logs_not_integrated),
    control!(cloudtrail::logging_stopped),
    control!(cloudtrail::s3_object_events_not_logged),
    control!(cloudtrail::management_events_not_logged),
    control!(cloudtrail::global_service_events_excluded),
    control!(cloudtrail::sns_notification_missing),
    control!(cloudtrail::bucket_access_logging_disabled),
    control!(dms::replication_instance_public),
    control!(dms::endpoint_ssl_disabled),
    control!(dynamodb::point_in_time_recovery_disabled),
    control!(dynamodb::not_encrypted_with_cmk),
    control!(dynamodb::deletion_protection_disabled),
    control!(ec2::sg_admin_ports_open_to_internet),
    control!(ec2::sg_database_ports_open_to_internet),
    control!(ec2::sg_all_traffic_open_to_internet),
    control!(ec2::ebs_unencrypted),
    control!(ec2::imdsv2_not_required),
    control!(ec2::instance_public_ip),
    control!(ec2::sg_nonweb_ports_open_to_internet),
    control!(ec2::default_security_group_has_rules),
    control!(ec2::sg_unrestricted_egress),
    control!(ec2::sg_rule_without_description),
    control!(ec2::instance_without_instance_profile),
    control!(ec2::metadata_hop_limit_above_one),
    control!(ec2::transit_gateway_auto_accepts_attachments),
    control!(ec2::user_data_secret),
    control!(ec2::ebs_snapshot_unencrypted),
    control!(ec2::ebs_default_encryption_disabled),
    control!(ec2::ebs_volume_not_encrypted_with_cmk),
    control!(ecr::scan_on_push_disabled),
    control!(ecr::tags_mutable),
    control!(ecr::repository_policy_public),
    control!(ecs::privileged_container),
    control!(ecs::container_runs_as_root),
    control!(ecs::writable_root_filesystem),
    control!(ecs::host_network_mode),
    control!(ecs::host_pid_mode),
    control!(ecs::plaintext_secret_in_environment),
    control!(ecs::cluster_container_insights_disabled),
    control!(ecs::service_assigns_public_ip),
    control!(efs::not_encrypted),
    control!(efs::tls_not_enforced),
    control!(eks::public_endpoint_unrestricted),
    control!(eks::secrets_not_encrypted_with_cmk),
    control!(eks::control_plane_logging_disabled),
    control!(elasticache::at_rest_encryption_disabled),
    control!(elasticache::transit_encryption_disabled),
    control!(elasticache::auth_disabled),
    control!(elasticache::automatic_backups_disabled),
    control!(elb::http_listener_without_https_redirect),
    control!(elb::listener_outdated_tls_policy),
    control!(elb::classic_listener_not_encrypted),
    control!(elb::classic_outdated_ssl_policy),
    control!(elb::access_logs_disabled),
    control!(elb::drop_invalid_header_fields_disabled),
    control!(elb::desync_mitigation_monitor_mode),
    control!(firehose::delivery_stream_not_encrypted),
    control!(guardduty::detector_disabled),
    control!(guardduty::s3_protection_disabled),
    control!(guardduty::eks_audit_log_monitoring_disabled),
    control!(guardduty::malware_protection_disabled),
    control!(guardduty::rds_protection_disabled),
    control!(guardduty::lambda_protection_disabled),
    control!(guardduty::runtime_monitoring_disabled),
    control!(guardduty::finding_frequency_six_hours),
    control!(iam::policy_full_admin),
    control!(iam::principal_admin_equivalent),
    control!(iam::privilege_escalation),
    control!(iam::policy_permissions_management_on_all_resources),
    control!(iam::policy_credentials_exposure),
    control!(iam::policy_data_exfiltration),
    control!(iam::policy_write_on_all_resources),
    control!(iam::policy_allow_with_not_action),
    control!(iam::policy_allow_with_not_resource),
    control!(iam::policy_sensitive_service_wildcard),
    control!(iam::policy_passrole_on_all_resources),
    control!(iam::role_trust_public),
    control!(iam::role_trust_oidc_unrestricted),
    control!(iam::role_trust_cross_account_without_external_id),
    control!(iam::role_trust_service_without_source_condition),
    control!(iam::user_inline_policy),
    control!(iam::user_managed_policy_attached),
    control!(iam::user_console_access_without_mfa_enforcement),
    control!(iam::user_plaintext_console_password),
    control!(iam::user_access_key),
    control!(iam::password_policy_min_length),
    control!(iam::password_policy_reuse),
    control!(iam::password_policy_complexity),
    control!(iam::password_policy_expiry),
    control!(iam::policy_delegated_creation_without_boundary),
    control!(kinesis::stream_not_encrypted),
    control!(kms::key_rotation_disabled),
    control!(kms::key_policy_public),
    control!(kms::key_deletion_window_short),
    control!(lambda::deprecated_runtime),
    control!(lambda::plaintext_secret_in_environment),
    control!(lambda::function_url_auth_none),
    control!(lambda::not_in_vpc),
    control!(lambda::code_signing_disabled),
    control!(lambda::permission_public),
    control!(lambda::permission_service_without_source),
    control!(logs::retention_under_one_year),
    control!(logs::log_group_not_encrypted_with_kms),
    control!(macie::not_enabled),
    control!(mq::broker_publicly_accessible),
    control!(mq::broker_not_encrypted_with_cmk),
    control!(opensearch::encryption_at_rest_disabled),
    control!(opensearch::node_to_node_encryption_disabled),
    control!(opensearch::https_not_enforced),
    control!(opensearch::outdated_tls_policy),
    control!(opensearch::not_in_vpc),
    control!(opensearch::fine_grained_access_control_disabled),
    control!(opensearch::access_policy_public),
    control!(rds::storage_unencrypted),
    control!(rds::publicly_accessible),
    control!(rds::deletion_protection_disabled),
    control!(rds::backup_retention_too_short),
    control!(rds::iam_authentication_disabled),
    control!(rds::auto_minor_version_upgrade_disabled),
    control!(rds::not_encrypted_with_cmk),
    control!(rds::copy_tags_to_snapshot_disabled),
    control!(rds::transport_encryption_not_enforced),
    control!(redshift::cluster_not_encrypted),
    control!(redshift::cluster_publicly_accessible),
    control!(redshift::ssl_not_required),
    control!(redshift::enhanced_vpc_routing_disabled),
    control!(s3::bucket_default_encryption_missing),
    control!(s3::bucket_public_access_block_disabled),
    control!(s3::bucket_public_acl),
    control!(s3::bucket_versioning_disabled),
    control!(s3::bucket_access_logging_disabled),
    control!(s3::bucket_insecure_transport_allowed),
    control!(s3::bucket_object_lock_disabled),
    control!(s3::bucket_mfa_delete_disabled),
    control!(s3::bucket_policy_public),
    control!(s3::bucket_policy_cross_account),
    control!(s3::bucket_not_encrypted_with_cmk),
    control!(s3::bucket_lifecycle_missing),
    control!(secrets::rotation_disabled),
    control!(secrets::rotation_interval_too_long),
    control!(secrets::not_encrypted_with_customer_managed_key),
    control!(secrets::plaintext_value_in_source),
    control!(secrets::policy_public_access),
    control!(secrets::ssm_parameter_secret_not_secure_string),
    control!(securityhub::no_standard_enabled),
    control!(securityhub::auto_enable_controls_disabled),
    control!(sns::topic_not_encrypted),
    control!(sns::topic_policy_public),
    control!(sqs::queue_not_encrypted),
    control!(sqs::queue_policy_public),
    control!(ssm::document_public),
    control!(vpc::nacl_admin_ports_open_to_internet),
    control!(vpc::subnet_auto_assigns_public_ip),
    control!(vpc::endpoint_policy_unrestricted),
    control!(vpc::network_firewall_default_action_pass),
    control!(vpc::network_firewall_policy_without_rule_groups),
    control!(vpc::flow_logs_disabled),
    control!(vpc::flow_log_traffic_type_not_all),
    control!(waf::alb_without_waf),
    control!(waf::web_acl_logging_disabled),
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

/// For each kind (by its position in [`KindTag::ALL`]), the controls that apply to it, in
/// registry order: a resource is offered to its kind's controls only.
static BY_KIND: std::sync::LazyLock<Vec<Vec<u16>>> = std::sync::LazyLock::new(|| {
    let mut by_kind = vec![Vec::new(); KindTag::ALL.len()];
    for (i, c) in REGISTRY.iter().enumerate() {
        for k in c.kinds {
            let list: &mut Vec<u16> = &mut by_kind[*k as usize];
            if !list.contains(&(i as u16)) {
                list.push(i as u16);
            }
        }
    }
    by_kind
});

impl wasp_control::ControlSet<Model> for Builtin {
    fn metas(&self) -> Vec<&Meta> {
        REGISTRY.iter().map(|c| c.meta).collect()
    }

    fn evaluate(&self, model: &Model, enabled: &[bool], out: &mut Vec<wasp_control::Verdict>) {
        let by_kind = &*BY_KIND;
        for (subject, res) in model.resources.iter().enumerate() {
            let applicable = by_kind
                .get(res.kind.tag() as usize)
                .map_or(&[][..], Vec::as_slice);
            for &control in applicable {
                let control = control as usize;
                if !enabled.get(control).copied().unwrap_or(false) {
                    continue;
                }
                let c = &REGISTRY[control];
                out.extend((c.check)(res, model).into_iter().map(|outcome| {
                    wasp_control::Verdict {
                        control,
                        subject,
                        outcome,
                    }
                }));
            }
        }
    }
}
