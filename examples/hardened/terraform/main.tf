# The same small web workload as examples/insecure, with each finding fixed.

variable "environment" {
  type    = string
  default = "prod"
}

resource "aws_kms_key" "data" {
  enable_key_rotation = true
}

locals {
  buckets = {
    data = "${var.environment}-shop-data"
    logs = "${var.environment}-shop-logs"
  }
}

# wasp:ignore WASP-S3-008 MFA delete can only be enabled by the root user with its MFA device; done out of band (runbook RB-7)
resource "aws_s3_bucket" "this" {
  for_each            = local.buckets
  bucket              = each.value
  object_lock_enabled = true
}

resource "aws_s3_bucket_lifecycle_configuration" "this" {
  for_each = aws_s3_bucket.this
  bucket   = each.value.id
  rule {
    id     = "archive-old-versions"
    status = "Enabled"
    noncurrent_version_expiration {
      noncurrent_days = 90
    }
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "this" {
  for_each = aws_s3_bucket.this
  bucket   = each.value.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.data.arn
    }
  }
}

resource "aws_s3_bucket_public_access_block" "this" {
  for_each                = aws_s3_bucket.this
  bucket                  = each.value.id
  block_public_acls       = true
  ignore_public_acls      = true
  block_public_policy     = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_versioning" "this" {
  for_each = aws_s3_bucket.this
  bucket   = each.value.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_logging" "this" {
  for_each      = aws_s3_bucket.this
  bucket        = each.value.id
  target_bucket = aws_s3_bucket.this["logs"].id
  target_prefix = "${each.key}/"
}

resource "aws_s3_bucket_policy" "this" {
  for_each = aws_s3_bucket.this
  bucket   = each.value.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "DenyInsecureTransport"
      Effect    = "Deny"
      Principal = "*"
      Action    = "s3:*"
      Resource  = [each.value.arn, "${each.value.arn}/*"]
      Condition = { Bool = { "aws:SecureTransport" = "false" } }
    }]
  })
}

resource "aws_security_group" "web" {
  name        = "web"
  description = "Web tier"

  ingress {
    description = "HTTPS from the internet"
    protocol    = "tcp"
    from_port   = 443
    to_port     = 443
    cidr_blocks = ["0.0.0.0/0"]
  }

  ingress {
    description      = "HTTP from the internet, redirected to HTTPS"
    protocol         = "tcp"
    from_port        = 80
    to_port          = 80
    ipv6_cidr_blocks = ["::/0"]
  }

  egress {
    description = "HTTPS to AWS APIs and the payment provider"
    protocol    = "tcp"
    from_port   = 443
    to_port     = 443
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_security_group" "db" {
  name        = "db"
  description = "Database tier"
}

resource "aws_vpc_security_group_ingress_rule" "db_from_web" {
  description                  = "PostgreSQL from the web tier"
  security_group_id            = aws_security_group.db.id
  ip_protocol                  = "tcp"
  from_port                    = 5432
  to_port                      = 5432
  referenced_security_group_id = aws_security_group.web.id
}

resource "aws_iam_instance_profile" "app" {
  name = "app"
  role = aws_iam_role.app.name
}

resource "aws_launch_template" "app" {
  image_id = "ami-12345678"

  iam_instance_profile {
    arn = aws_iam_instance_profile.app.arn
  }

  metadata_options {
    http_tokens   = "required"
    http_endpoint = "enabled"
  }

  network_interfaces {
    associate_public_ip_address = false
  }

  block_device_mappings {
    device_name = "/dev/xvda"
    ebs {
      volume_size = 20
      encrypted   = true
      kms_key_id  = aws_kms_key.data.arn
    }
  }
}

resource "aws_instance" "app" {
  launch_template {
    id      = aws_launch_template.app.id
    version = "$Latest"
  }
}

resource "aws_ebs_volume" "scratch" {
  availability_zone = "eu-west-1a"
  size              = 50
  encrypted         = true
  kms_key_id        = aws_kms_key.data.arn
}

resource "aws_db_instance" "db" {
  engine                      = "postgres"
  instance_class              = "db.t3.micro"
  allocated_storage           = 20
  username                    = "app"
  manage_master_user_password = true
  publicly_accessible         = false
  storage_encrypted           = true
  kms_key_id                  = aws_kms_key.data.arn
  deletion_protection         = true
  backup_retention_period     = 14
  iam_database_authentication_enabled = true
  copy_tags_to_snapshot               = true
}

resource "aws_iam_role" "app" {
  name = "app"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "ec2.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy" "data" {
  name = "read-write-data"
  role = aws_iam_role.app.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["s3:GetObject", "s3:PutObject"]
      Resource = "${aws_s3_bucket.this["data"].arn}/*"
    }]
  })
}

resource "aws_cloudwatch_log_group" "trail" {
  name              = "audit-trail"
  retention_in_days = 400
  kms_key_id        = aws_kms_key.data.arn
}

# wasp:ignore WASP-CT-009 log file delivery is monitored through the CloudWatch Logs integration, not SNS
resource "aws_cloudtrail" "audit" {
  cloud_watch_logs_group_arn = "${aws_cloudwatch_log_group.trail.arn}:*"
  cloud_watch_logs_role_arn  = "arn:aws:iam::111122223333:role/CloudTrailToCloudWatchLogs"

  event_selector {
    read_write_type           = "All"
    include_management_events = true
    data_resource {
      type   = "AWS::S3::Object"
      values = ["arn:aws:s3"]
    }
  }

  name                          = "audit"
  s3_bucket_name                = aws_s3_bucket.this["logs"].id
  is_multi_region_trail         = true
  enable_log_file_validation    = true
  kms_key_id                    = aws_kms_key.data.arn
  include_global_service_events = true
}

resource "aws_lb_listener" "http" {
  load_balancer_arn = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/shop/1234567890abcdef"
  protocol          = "HTTP"
  port              = 80

  default_action {
    type = "redirect"
    redirect {
      protocol    = "HTTPS"
      port        = "443"
      status_code = "HTTP_301"
    }
  }
}

resource "aws_lb_listener" "https" {
  load_balancer_arn = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/shop/1234567890abcdef"
  protocol          = "HTTPS"
  port              = 443
  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
  certificate_arn   = "arn:aws:acm:eu-west-1:111122223333:certificate/00000000-0000-0000-0000-000000000000"

  default_action {
    type             = "forward"
    target_group_arn = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/shop/1234567890abcdef"
  }
}

# wasp:ignore WASP-SECRETS-001 the payment provider issues this token; it is rotated in their console every 90 days (runbook RB-12)
resource "aws_secretsmanager_secret" "api_token" {
  kms_key_id  = aws_kms_key.data.arn
  description = "Token the resize function uses to call the payment API"
}

resource "aws_lambda_function" "resize" {
  function_name = "resize"
  runtime       = "python3.13"
  handler       = "app.handler"

  code_signing_config_arn = "arn:aws:lambda:eu-west-1:111122223333:code-signing-config:csc-0123456789abcdef0"

  vpc_config {
    security_group_ids = [aws_security_group.web.id]
    subnet_ids         = ["subnet-0123456789abcdef0", "subnet-0fedcba9876543210"]
  }
  role          = aws_iam_role.app.arn
  filename      = "resize.zip"

  environment {
    variables = {
      API_TOKEN_SECRET_ARN = aws_secretsmanager_secret.api_token.arn
    }
  }
}
