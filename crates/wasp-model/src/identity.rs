//! Identity: IAM beyond roles/users/groups, secrets, Cognito (SEC02, SEC03).

#[allow(unused_imports)]
use crate::value::Value;
#[allow(unused_imports)]
use wasp_core::Pos;
