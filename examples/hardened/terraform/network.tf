# The network and compute of examples/insecure/terraform/network.tf, with each finding fixed.

resource "aws_default_security_group" "default" {
  vpc_id = "vpc-12345678"
  # no rules: Terraform removes them all
}

resource "aws_security_group" "lb" {
  name = "shop-lb"

  ingress {
    description = "HTTPS from the internet"
    protocol    = "tcp"
    from_port   = 443
    to_port     = 443
    cidr_blocks = ["0.0.0.0/0"]
  }

  egress {
    description = "To the workers"
    protocol    = "tcp"
    from_port   = 8080
    to_port     = 8080
    cidr_blocks = ["10.0.0.0/16"]
  }
}

resource "aws_security_group" "worker" {
  name = "worker"

  ingress {
    description     = "From the load balancer"
    protocol        = "tcp"
    from_port       = 8080
    to_port         = 8080
    security_groups = [aws_security_group.lb.id]
  }

  egress {
    description = "HTTPS to AWS APIs and package mirrors"
    protocol    = "tcp"
    from_port   = 443
    to_port     = 443
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_network_acl" "public" {
  vpc_id = "vpc-12345678"

  ingress {
    rule_no    = 100
    protocol   = "tcp"
    action     = "allow"
    cidr_block = "0.0.0.0/0"
    from_port  = 443
    to_port    = 443
  }
}

resource "aws_subnet" "public" {
  vpc_id                  = "vpc-12345678"
  cidr_block              = "10.0.0.0/24"
  map_public_ip_on_launch = false
}

resource "aws_vpc_endpoint" "s3" {
  vpc_id       = "vpc-12345678"
  service_name = "com.amazonaws.eu-west-1.s3"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = ["s3:GetObject", "s3:PutObject"]
      Resource  = "arn:aws:s3:::shop-data/*"
    }]
  })
}

resource "aws_ec2_transit_gateway" "hub" {
  auto_accept_shared_attachments = "disable"
}

resource "aws_networkfirewall_firewall_policy" "egress" {
  name = "egress"

  firewall_policy {
    stateless_default_actions          = ["aws:forward_to_sfe"]
    stateless_fragment_default_actions = ["aws:forward_to_sfe"]
    stateful_rule_group_reference {
      resource_arn = "arn:aws:network-firewall:eu-west-1:111122223333:stateful-rulegroup/domains"
    }
  }
}

resource "aws_instance" "worker" {
  ami                  = "ami-12345678"
  instance_type        = "t3.micro"
  iam_instance_profile = "shop-ssm-managed"
  user_data            = <<-EOT
    #!/bin/bash
    API_TOKEN=$(aws ssm get-parameter --name /shop/api-token --with-decryption --query Parameter.Value --output text)
    echo "API_TOKEN=$API_TOKEN" >> /etc/app.env
  EOT

  metadata_options {
    http_tokens                 = "required"
    http_put_response_hop_limit = 1
  }

  root_block_device {
    encrypted = true
  }
}

resource "aws_wafv2_web_acl" "shop" {
  name  = "shop"
  scope = "REGIONAL"

  default_action {
    allow {}
  }

  rule {
    name     = "common"
    priority = 0
    override_action {
      none {}
    }
    statement {
      managed_rule_group_statement {
        name        = "AWSManagedRulesCommonRuleSet"
        vendor_name = "AWS"
      }
    }
    visibility_config {
      cloudwatch_metrics_enabled = true
      metric_name                = "common"
      sampled_requests_enabled   = true
    }
  }

  visibility_config {
    cloudwatch_metrics_enabled = true
    metric_name                = "shop"
    sampled_requests_enabled   = true
  }
}

resource "aws_wafv2_web_acl_logging_configuration" "shop" {
  resource_arn            = aws_wafv2_web_acl.shop.arn
  log_destination_configs = ["arn:aws:logs:eu-west-1:111122223333:log-group:aws-waf-logs-shop"]
}

resource "aws_lb" "public" {
  name                       = "shop-public"
  subnets                    = ["subnet-11111111", "subnet-22222222"]
  security_groups            = [aws_security_group.lb.id]
  drop_invalid_header_fields = true

  access_logs {
    bucket  = "shop-access-logs"
    enabled = true
  }
}

resource "aws_wafv2_web_acl_association" "public" {
  resource_arn = aws_lb.public.arn
  web_acl_arn  = aws_wafv2_web_acl.shop.arn
}

resource "aws_kms_key" "eks" {
  enable_key_rotation = true
}

resource "aws_eks_cluster" "main" {
  name                      = "shop"
  role_arn                  = "arn:aws:iam::111122223333:role/eks-cluster"
  enabled_cluster_log_types = ["api", "audit", "authenticator"]

  vpc_config {
    subnet_ids              = ["subnet-11111111", "subnet-22222222"]
    endpoint_public_access  = false
    endpoint_private_access = true
  }

  encryption_config {
    resources = ["secrets"]
    provider {
      key_arn = aws_kms_key.eks.arn
    }
  }
}

resource "aws_ecs_cluster" "shop" {
  name = "shop"

  setting {
    name  = "containerInsights"
    value = "enabled"
  }
}

resource "aws_ecs_task_definition" "shop" {
  family                   = "shop"
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  cpu                      = "256"
  memory                   = "512"
  container_definitions = jsonencode([{
    name                   = "app"
    image                  = "public.ecr.aws/nginx/nginx:1.27"
    user                   = "1000:1000"
    readonlyRootFilesystem = true
    secrets = [
      { name = "DB_PASSWORD", valueFrom = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:shop-db-AbCdEf" },
    ]
  }])
}

resource "aws_ecs_service" "shop" {
  name            = "shop"
  cluster         = aws_ecs_cluster.shop.id
  task_definition = aws_ecs_task_definition.shop.arn
  launch_type     = "FARGATE"

  network_configuration {
    subnets          = ["subnet-11111111"]
    security_groups  = [aws_security_group.worker.id]
    assign_public_ip = false
  }
}

resource "aws_ecr_registry_scanning_configuration" "main" {
  scan_type = "ENHANCED"

  rule {
    scan_frequency = "CONTINUOUS_SCAN"
    repository_filter {
      filter      = "*"
      filter_type = "WILDCARD"
    }
  }
}

resource "aws_ecr_repository" "shop" {
  name                 = "shop"
  image_tag_mutability = "IMMUTABLE"
}

resource "aws_ecr_repository_policy" "shop" {
  repository = aws_ecr_repository.shop.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::111122223333:root" }
      Action    = ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"]
    }]
  })
}

resource "aws_signer_signing_profile" "lambda" {
  platform_id = "AWSLambda-SHA384-ECDSA"
}

resource "aws_lambda_code_signing_config" "thumbnail" {
  allowed_publishers {
    signing_profile_version_arns = [aws_signer_signing_profile.lambda.version_arn]
  }
  policies {
    untrusted_artifact_on_deployment = "Enforce"
  }
}

resource "aws_lambda_function" "thumbnail" {
  function_name           = "thumbnail"
  runtime                 = "python3.13"
  handler                 = "index.handler"
  role                    = "arn:aws:iam::111122223333:role/thumbnail"
  filename                = "thumbnail.zip"
  code_signing_config_arn = aws_lambda_code_signing_config.thumbnail.arn

  vpc_config {
    subnet_ids         = ["subnet-11111111", "subnet-22222222"]
    security_group_ids = [aws_security_group.worker.id]
  }
}

resource "aws_lambda_function_url" "thumbnail" {
  function_name      = aws_lambda_function.thumbnail.function_name
  authorization_type = "AWS_IAM"
}

resource "aws_lambda_permission" "sns" {
  function_name = aws_lambda_function.thumbnail.function_name
  action        = "lambda:InvokeFunction"
  principal     = "sns.amazonaws.com"
  source_arn    = "arn:aws:sns:eu-west-1:111122223333:shop-uploads"
}

resource "aws_codebuild_project" "shop" {
  name         = "shop"
  service_role = "arn:aws:iam::111122223333:role/codebuild"

  artifacts {
    type = "NO_ARTIFACTS"
  }

  source {
    type     = "GITHUB"
    location = "https://github.com/example/shop.git"
  }

  environment {
    type         = "LINUX_CONTAINER"
    compute_type = "BUILD_GENERAL1_SMALL"
    image        = "aws/codebuild/standard:7.0"

    environment_variable {
      name  = "NPM_TOKEN"
      type  = "SECRETS_MANAGER"
      value = "ci/npm-token"
    }
  }

  logs_config {
    s3_logs {
      status   = "ENABLED"
      location = "shop-logs/build"
    }
  }
}

resource "aws_ssm_document" "patch" {
  name          = "shop-patch"
  document_type = "Command"
  content = jsonencode({
    schemaVersion = "2.2"
    description   = "Patch"
    mainSteps     = []
  })

  permissions = {
    type        = "Share"
    account_ids = "111122223333"
  }
}
