//! Privilege escalation: the published methods (Rhino Security Labs' 21, plus later ones for
//! CodeStar, SageMaker, SSM, EC2 Instance Connect, Glue jobs and CodeBuild), detected across
//! every policy of one principal combined.
//!
//! A method applies when **every** action it needs is allowed on some resource and not denied
//! on every resource without conditions, as decided by [`PolicySet::possibly_allowed`] (SCPs,
//! permissions boundary and session policies included).

use std::collections::HashMap;

use wasp_core::Severity;

use crate::evaluate::{PolicySet, StatementRef};
use crate::request::Context;

/// A privilege-escalation method.
#[derive(Debug, Clone, Copy)]
pub struct Method {
    /// Its name as published.
    pub name: &'static str,
    /// Every action it needs.
    pub actions: &'static [&'static str],
    /// How it works.
    pub description: &'static str,
    /// The service a role is passed to (`iam:PassedToService`), for methods using `iam:PassRole`.
    pub passed_to: Option<&'static str>,
}

/// The methods checked.
pub const METHODS: &[Method] = &[
    Method {
        name: "CreateNewPolicyVersion",
        actions: &["iam:CreatePolicyVersion"],
        description: "create a new default version of a managed policy attached to oneself, with any permissions",
        passed_to: None,
    },
    Method {
        name: "SetExistingDefaultPolicyVersion",
        actions: &["iam:SetDefaultPolicyVersion"],
        description: "make a more permissive older version of an attached managed policy the default",
        passed_to: None,
    },
    Method {
        name: "CreateEC2WithExistingIP",
        actions: &["iam:PassRole", "ec2:RunInstances"],
        description: "launch an instance with an existing privileged instance profile and use its credentials",
        passed_to: Some("ec2.amazonaws.com"),
    },
    Method {
        name: "CreateAccessKey",
        actions: &["iam:CreateAccessKey"],
        description: "create an access key for another (more privileged) user",
        passed_to: None,
    },
    Method {
        name: "CreateLoginProfile",
        actions: &["iam:CreateLoginProfile"],
        description: "set a console password for a user that has none",
        passed_to: None,
    },
    Method {
        name: "UpdateLoginProfile",
        actions: &["iam:UpdateLoginProfile"],
        description: "change another user's console password",
        passed_to: None,
    },
    Method {
        name: "AttachUserPolicy",
        actions: &["iam:AttachUserPolicy"],
        description: "attach any managed policy (AdministratorAccess) to a user, oneself included",
        passed_to: None,
    },
    Method {
        name: "AttachGroupPolicy",
        actions: &["iam:AttachGroupPolicy"],
        description: "attach any managed policy to a group one belongs to",
        passed_to: None,
    },
    Method {
        name: "AttachRolePolicy",
        actions: &["iam:AttachRolePolicy", "sts:AssumeRole"],
        description: "attach any managed policy to a role one can assume",
        passed_to: None,
    },
    Method {
        name: "PutUserPolicy",
        actions: &["iam:PutUserPolicy"],
        description: "write an inline policy with any permissions on a user, oneself included",
        passed_to: None,
    },
    Method {
        name: "PutGroupPolicy",
        actions: &["iam:PutGroupPolicy"],
        description: "write an inline policy with any permissions on a group one belongs to",
        passed_to: None,
    },
    Method {
        name: "PutRolePolicy",
        actions: &["iam:PutRolePolicy", "sts:AssumeRole"],
        description: "write an inline policy with any permissions on a role one can assume",
        passed_to: None,
    },
    Method {
        name: "AddUserToGroup",
        actions: &["iam:AddUserToGroup"],
        description: "add oneself to a more privileged group",
        passed_to: None,
    },
    Method {
        name: "UpdateRolePolicyToAssumeIt",
        actions: &["iam:UpdateAssumeRolePolicy", "sts:AssumeRole"],
        description: "rewrite a privileged role's trust policy to trust oneself, then assume it",
        passed_to: None,
    },
    Method {
        name: "PassExistingRoleToNewLambdaThenInvoke",
        actions: &["iam:PassRole", "lambda:CreateFunction", "lambda:InvokeFunction"],
        description: "create a Lambda function running as a privileged role and invoke it",
        passed_to: Some("lambda.amazonaws.com"),
    },
    Method {
        name: "PassExistingRoleToNewLambdaThenTriggerWithNewDynamo",
        actions: &[
            "iam:PassRole",
            "lambda:CreateFunction",
            "lambda:CreateEventSourceMapping",
            "dynamodb:CreateTable",
            "dynamodb:PutItem",
        ],
        description: "create a Lambda function running as a privileged role, triggered by a new DynamoDB stream",
        passed_to: Some("lambda.amazonaws.com"),
    },
    Method {
        name: "PassExistingRoleToNewLambdaThenTriggerWithExistingDynamo",
        actions: &[
            "iam:PassRole",
            "lambda:CreateFunction",
            "lambda:CreateEventSourceMapping",
        ],
        description: "create a Lambda function running as a privileged role, triggered by an existing DynamoDB stream",
        passed_to: Some("lambda.amazonaws.com"),
    },
    Method {
        name: "PassExistingRoleToNewGlueDevEndpoint",
        actions: &["iam:PassRole", "glue:CreateDevEndpoint"],
        description: "create a Glue development endpoint with a privileged role and log in to it",
        passed_to: Some("glue.amazonaws.com"),
    },
    Method {
        name: "UpdateExistingGlueDevEndpoint",
        actions: &["glue:UpdateDevEndpoint"],
        description: "add one's SSH key to an existing Glue development endpoint and use its role",
        passed_to: None,
    },
    Method {
        name: "PassExistingRoleToCloudFormation",
        actions: &["iam:PassRole", "cloudformation:CreateStack"],
        description: "create a CloudFormation stack that acts with a privileged role",
        passed_to: Some("cloudformation.amazonaws.com"),
    },
    Method {
        name: "PassExistingRoleToNewDataPipeline",
        actions: &[
            "iam:PassRole",
            "datapipeline:CreatePipeline",
            "datapipeline:PutPipelineDefinition",
        ],
        description: "create a Data Pipeline running commands with a privileged role",
        passed_to: Some("datapipeline.amazonaws.com"),
    },
    Method {
        name: "EditExistingLambdaFunctionWithRole",
        actions: &["lambda:UpdateFunctionCode"],
        description: "replace the code of a Lambda function that runs with a privileged role",
        passed_to: None,
    },
    Method {
        name: "PassExistingRoleToNewCodeStarProject",
        actions: &["iam:PassRole", "codestar:CreateProject"],
        description: "create a CodeStar project whose service role acts with a privileged role",
        passed_to: Some("codestar.amazonaws.com"),
    },
    Method {
        name: "CodeStarCreateProjectFromTemplate",
        actions: &["codestar:CreateProjectFromTemplate"],
        description: "create a CodeStar project from a template, using the CodeStar service role",
        passed_to: None,
    },
    Method {
        name: "CodeStarCreateProjectThenAssociateTeamMember",
        actions: &["codestar:CreateProject", "codestar:AssociateTeamMember"],
        description: "create a CodeStar project and make oneself its owner",
        passed_to: None,
    },
    Method {
        name: "PassExistingRoleToNewSageMakerNotebook",
        actions: &[
            "iam:PassRole",
            "sagemaker:CreateNotebookInstance",
            "sagemaker:CreatePresignedNotebookInstanceUrl",
        ],
        description: "create a SageMaker notebook with a privileged role and open it",
        passed_to: Some("sagemaker.amazonaws.com"),
    },
    Method {
        name: "SageMakerCreatePresignedNotebookUrl",
        actions: &["sagemaker:CreatePresignedNotebookInstanceUrl"],
        description: "open an existing SageMaker notebook and use its role",
        passed_to: None,
    },
    Method {
        name: "PassExistingRoleToNewGlueJob",
        actions: &["iam:PassRole", "glue:CreateJob", "glue:StartJobRun"],
        description: "create and run a Glue job with a privileged role",
        passed_to: Some("glue.amazonaws.com"),
    },
    Method {
        name: "PassExistingRoleToNewCodeBuildProject",
        actions: &["iam:PassRole", "codebuild:CreateProject", "codebuild:StartBuild"],
        description: "create and run a CodeBuild project with a privileged role",
        passed_to: Some("codebuild.amazonaws.com"),
    },
    Method {
        name: "SSMSendCommand",
        actions: &["ssm:SendCommand"],
        description: "run commands on instances and use their instance-profile credentials",
        passed_to: None,
    },
    Method {
        name: "SSMStartSession",
        actions: &["ssm:StartSession"],
        description: "open a shell on instances and use their instance-profile credentials",
        passed_to: None,
    },
    Method {
        name: "EC2InstanceConnect",
        actions: &["ec2-instance-connect:SendSSHPublicKey"],
        description: "push an SSH key to instances and use their instance-profile credentials",
        passed_to: None,
    },
];

/// One method that applies, with the statements allowing each action it needs.
#[derive(Debug, Clone)]
pub struct EscalationHit {
    /// The method.
    pub method: &'static Method,
    /// Per needed action: the identity statements allowing it.
    pub grants: Vec<(&'static str, Vec<StatementRef>)>,
}

impl EscalationHit {
    /// Severity: methods that need only IAM actions give admin directly.
    pub fn severity(&self) -> Severity {
        Severity::High
    }
}

/// Every method the principal with these policies can use.
pub fn detect(set: &PolicySet) -> Vec<EscalationHit> {
    let mut cache: HashMap<(&'static str, Option<&'static str>), Vec<StatementRef>> =
        HashMap::new();
    let mut out = Vec::new();
    for m in METHODS {
        let mut grants = Vec::with_capacity(m.actions.len());
        let mut ok = true;
        for &a in m.actions {
            let hint = if a == "iam:PassRole" {
                m.passed_to
            } else {
                None
            };
            let refs = cache
                .entry((a, hint))
                .or_insert_with(|| {
                    let mut ctx = Context::new();
                    if let Some(svc) = hint {
                        ctx.set("iam:PassedToService", svc);
                    }
                    set.possibly_allowed_with(a, &ctx)
                })
                .clone();
            if refs.is_empty() {
                ok = false;
                break;
            }
            grants.push((a, refs));
        }
        if ok {
            out.push(EscalationHit { method: m, grants });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{parse_policy_str, PolicyKind};

    fn set(doc: &str) -> PolicySet {
        PolicySet::new().with_identity("p", parse_policy_str(doc, PolicyKind::Identity).unwrap())
    }

    #[test]
    fn at_least_the_published_21() {
        assert!(METHODS.len() >= 21);
    }

    #[test]
    fn combined_actions_needed() {
        let s = set(
            r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:PassRole","Resource":"*"}]}"#,
        );
        assert!(detect(&s).is_empty());
        let s = set(
            r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["iam:PassRole","ec2:Run*"],"Resource":"*"}]}"#,
        );
        let hits: Vec<_> = detect(&s).iter().map(|h| h.method.name).collect();
        assert_eq!(hits, vec!["CreateEC2WithExistingIP"]);
    }

    #[test]
    fn passed_to_service_is_respected() {
        let s = set(
            r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:PassRole","Resource":"*",
            "Condition":{"StringEquals":{"iam:PassedToService":"sagemaker.amazonaws.com"}}},
            {"Effect":"Allow","Action":"ec2:RunInstances","Resource":"*"}]}"#,
        );
        assert!(detect(&s).is_empty());
    }

    #[test]
    fn deny_on_everything_blocks() {
        let s = set(
            r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:*","Resource":"*"},
            {"Effect":"Deny","Action":"iam:CreatePolicyVersion","Resource":"*"}]}"#,
        );
        let hits: Vec<_> = detect(&s).iter().map(|h| h.method.name).collect();
        assert!(!hits.contains(&"CreateNewPolicyVersion"));
        assert!(hits.contains(&"AttachUserPolicy"));
    }

    #[test]
    fn boundary_limits() {
        let s = set(r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:*","Resource":"*"}]}"#)
            .with_boundary(
                "b",
                parse_policy_str(
                    r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}"#,
                    PolicyKind::Boundary,
                )
                .unwrap(),
            );
        assert!(detect(&s).is_empty());
    }
}
