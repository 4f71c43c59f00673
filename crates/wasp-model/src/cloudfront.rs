//! Amazon CloudFront.

use serde::Serialize;
use wasp_core::Pos;

use crate::value::Value;

/// CloudFront distribution.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Distribution {
    /// Viewer protocol policy of the default and of each ordered cache behavior:
    /// `allow-all`, `redirect-to-https`, `https-only`.
    pub viewer_protocol_policies: Vec<Value<String>>,
    /// The viewer certificate is the default `*.cloudfront.net` one.
    pub default_certificate: Value<bool>,
    /// Security policy for viewers: `TLSv1`, `TLSv1_2016`, `TLSv1.1_2016`, `TLSv1.2_2018`,
    /// `TLSv1.2_2019`, `TLSv1.2_2021`, ...
    pub minimum_protocol_version: Value<String>,
    /// Where the viewer certificate is configured, if it is.
    #[serde(skip)]
    pub viewer_certificate_pos: Option<Pos>,
    pub origins: Vec<Origin>,
    pub default_root_object: Value<String>,
    /// Standard logging to an S3 bucket (`Logging`, `logging_config`) is configured.
    pub logging: Value<bool>,
}

/// An origin of a CloudFront distribution.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Origin {
    pub id: Value<String>,
    /// A custom origin (`CustomOriginConfig`): any HTTP server, S3 website endpoint included.
    pub custom: bool,
    /// An S3 REST origin (`S3OriginConfig`).
    pub s3: bool,
    /// Custom origins: `http-only`, `match-viewer`, `https-only`.
    pub protocol_policy: Value<String>,
    /// Custom origins: the SSL/TLS protocols CloudFront may use with the origin. Empty when not
    /// set; an unknown list is one unknown item.
    pub ssl_protocols: Vec<Value<String>>,
    /// S3 origins: an origin access identity (legacy) or an origin access control is set.
    pub access_identity: Value<String>,
    pub access_control: Value<String>,
    #[serde(skip)]
    pub pos: Pos,
}
