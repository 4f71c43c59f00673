//! How CloudFormation spells the model's properties, for messages (see
//! [`wasp_model::SourceInfo`]): the property paths of `Properties`, as the resource type's
//! documentation names them.

use wasp_model::Spelling;

pub(super) static SPELLING: &[Spelling] = wasp_model::spelling! {
    Bucket {
        "kms_key" => "KMSMasterKeyID",
        "mfa_delete" => !,
        "object_lock" => "ObjectLockEnabled",
        "sse_algorithm" => "SSEAlgorithm",
    }
    EcsService { "assign_public_ip=true" => "ENABLED" }
    FirewallPolicy {
        "stateless_default_actions" => "StatelessDefaultActions",
        "stateless_fragment_default_actions" => "StatelessFragmentDefaultActions",
    }
    FlowLog { "traffic_type" => "TrafficType" }
    Instance {
        "associate_public_ip" => "AssociatePublicIpAddress",
        // A phrase, not a path: each block device mapping sets its own.
        "block_devices.encrypted" => "block device Encrypted",
        "instance_profile" => "IamInstanceProfile",
        "metadata.hop_limit" => "HttpPutResponseHopLimit",
        "metadata.http_tokens" => "HttpTokens",
        "user_data" => "UserData",
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
    SecurityGroup { "egress.description" => "Description", "ingress.description" => "Description" }
    Subnet { "map_public_ip" => "MapPublicIpOnLaunch" }
    TransitGateway { "auto_accept_shared_attachments" => "AutoAcceptSharedAttachments" }
    Volume { "encrypted" => "Encrypted", "kms_key" => "KmsKeyId" }
    VpcEndpoint { "policy" => "PolicyDocument" }
};
