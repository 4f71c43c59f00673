//! AWS Lambda: functions, function URLs, permissions.

use serde::Serialize;

use crate::value::Value;

#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Function {
    pub runtime: Value<String>,
    /// Environment variables, name → value.
    #[serde(serialize_with = "crate::json::named")]
    pub environment: Vec<(String, Value<String>)>,
    pub in_vpc: Value<bool>,
    pub role: Value<String>,
    pub kms_key: Value<String>,
    pub code_signing: Value<String>,
    /// SAM `FunctionUrlConfig.AuthType`: a function URL declared on the function itself.
    pub url_auth_type: Value<String>,
}

/// A Lambda function URL (`AWS::Lambda::Url`, `aws_lambda_function_url`).
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct FunctionUrl {
    /// `AWS_IAM` or `NONE`.
    pub auth_type: Value<String>,
}

/// A statement of a Lambda function's resource-based policy (`AWS::Lambda::Permission`,
/// `aws_lambda_permission`).
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct LambdaPermission {
    /// `*`, an account id or ARN, or a service principal (`s3.amazonaws.com`).
    pub principal: Value<String>,
    pub action: Value<String>,
    pub source_arn: Value<String>,
    pub source_account: Value<String>,
    pub principal_org_id: Value<String>,
    /// `NONE` or `AWS_IAM` for `lambda:InvokeFunctionUrl` permissions.
    pub function_url_auth_type: Value<String>,
}
