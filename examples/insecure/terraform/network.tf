# Network and compute of a small container and serverless workload, with the mistakes the
# network, compute and build controls look for.

resource "aws_default_security_group" "default" {
  vpc_id = "vpc-12345678"

  ingress {
    protocol  = "-1"
    self      = true
    from_port = 0
    to_port   = 0
  }
}

resource "aws_security_group" "worker" {
  name = "worker"

  ingress {
    protocol    = "tcp"
    from_port   = 8080
    to_port     = 8080
    cidr_blocks = ["0.0.0.0/0"]
  }

  egress {
    protocol    = "-1"
    from_port   = 0
    to_port     = 0
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
    from_port  = 3389
    to_port    = 3389
  }
}

resource "aws_subnet" "public" {
  vpc_id                  = "vpc-12345678"
  cidr_block              = "10.0.0.0/24"
  map_public_ip_on_launch = true
}

resource "aws_vpc_endpoint" "s3" {
  vpc_id       = "vpc-12345678"
  service_name = "com.amazonaws.eu-west-1.s3"
}

resource "aws_ec2_transit_gateway" "hub" {
  auto_accept_shared_attachments = "enable"
}

resource "aws_networkfirewall_firewall_policy" "egress" {
  name = "egress"

  firewall_policy {
    stateless_default_actions          = ["aws:pass"]
    stateless_fragment_default_actions = ["aws:pass"]
  }
}

resource "aws_instance" "worker" {
  ami           = "ami-12345678"
  instance_type = "t3.micro"
  user_data     = <<-EOT
    #!/bin/bash
    echo "API_TOKEN=tok_8f2a9c1d7e" >> /etc/app.env
  EOT

  metadata_options {
    http_tokens                 = "required"
    http_put_response_hop_limit = 3
  }
}

resource "aws_lb" "public" {
  name                   = "shop-public"
  subnets                = ["subnet-11111111", "subnet-22222222"]
  desync_mitigation_mode = "monitor"
}

resource "aws_eks_cluster" "main" {
  name     = "shop"
  role_arn = "arn:aws:iam::111122223333:role/eks-cluster"

  vpc_config {
    subnet_ids          = ["subnet-11111111", "subnet-22222222"]
    public_access_cidrs = ["0.0.0.0/0"]
  }
}

resource "aws_ecs_cluster" "shop" {
  name = "shop"
}

resource "aws_ecs_task_definition" "shop" {
  family       = "shop"
  network_mode = "host"
  pid_mode     = "host"
  container_definitions = jsonencode([{
    name       = "app"
    image      = "public.ecr.aws/nginx/nginx:1.27"
    privileged = true
    user       = "root"
    environment = [
      { name = "AWS_SECRET_ACCESS_KEY", value = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" },
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
    assign_public_ip = true
  }
}

resource "aws_ecr_repository" "shop" {
  name = "shop"
}

resource "aws_ecr_repository_policy" "shop" {
  repository = aws_ecr_repository.shop.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "*" }
      Action    = ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"]
    }]
  })
}

resource "aws_lambda_function" "thumbnail" {
  function_name = "thumbnail"
  runtime       = "python3.13"
  handler       = "index.handler"
  role          = "arn:aws:iam::111122223333:role/thumbnail"
  filename      = "thumbnail.zip"
}

resource "aws_lambda_function_url" "thumbnail" {
  function_name      = aws_lambda_function.thumbnail.function_name
  authorization_type = "NONE"
}

resource "aws_lambda_permission" "public" {
  function_name = aws_lambda_function.thumbnail.function_name
  action        = "lambda:InvokeFunction"
  principal     = "*"
}

resource "aws_lambda_permission" "sns" {
  function_name = aws_lambda_function.thumbnail.function_name
  action        = "lambda:InvokeFunction"
  principal     = "sns.amazonaws.com"
}

resource "aws_codebuild_project" "shop" {
  name         = "shop"
  service_role = "arn:aws:iam::111122223333:role/codebuild"

  artifacts {
    type = "NO_ARTIFACTS"
  }

  source {
    type     = "GITHUB"
    location = "https://ghp_exampletoken123@github.com/example/shop.git"
  }

  environment {
    type            = "LINUX_CONTAINER"
    compute_type    = "BUILD_GENERAL1_SMALL"
    image           = "aws/codebuild/standard:7.0"
    privileged_mode = true

    environment_variable {
      name  = "NPM_TOKEN"
      value = "npm_8c1f2e9a7b6d5c4e"
    }
  }

  logs_config {
    s3_logs {
      status              = "ENABLED"
      location            = "shop-logs/build"
      encryption_disabled = true
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
    account_ids = "All"
  }
}
