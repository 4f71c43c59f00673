//! Amazon VPC: network ACLs, subnets, endpoints, Network Firewall policies.

pub mod endpoint_policy_unrestricted;
pub mod flow_log_traffic_type_not_all;
pub mod flow_logs_disabled;
pub mod nacl_admin_ports_open_to_internet;
pub mod network_firewall_default_action_pass;
pub mod network_firewall_policy_without_rule_groups;
pub mod subnet_auto_assigns_public_ip;
